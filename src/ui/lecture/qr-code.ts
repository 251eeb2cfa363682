import { correction, generate, type Bitmap2D } from 'lean-qr';
import { COLORS } from '../theme/colors';

/** Quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
export const QR_QUIET = 4;

export type QrResult = { ok: true; code: Bitmap2D } | { ok: false; message: string };

/**
 * The link as a QR code, at the lowest error correction (L) that fits so the
 * modules stay as large as possible for the back of a hall; a higher level is
 * used when the chosen version has room. A link longer than a version-40 code
 * holds (about 2,900 bytes at level L) gets a message instead of a code.
 */
export function linkQr(link: string): QrResult {
  try {
    return { ok: true, code: generate(link, { minCorrectionLevel: correction.L }) };
  } catch {
    return {
      ok: false,
      message: `This link is ${link.length} characters long, more than a QR code can hold (about 2,900). It is shown as text below; shorten it (fewer formulas or pinned points, default keys) or share it by chat or e-mail.`,
    };
  }
}

/** Draw the code with whole-pixel modules: the largest module size that keeps it within `px` (quiet zone included). */
export function drawQr(canvas: HTMLCanvasElement, code: Bitmap2D, px: number): void {
  const modules = code.size + 2 * QR_QUIET;
  const m = Math.max(1, Math.floor(px / modules));
  canvas.width = canvas.height = modules * m;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = COLORS.paper;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = COLORS.black;
  for (let y = 0; y < code.size; y++)
    for (let x = 0; x < code.size; x++) if (code.get(x, y)) ctx.fillRect((x + QR_QUIET) * m, (y + QR_QUIET) * m, m, m);
}
