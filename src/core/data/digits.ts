import type { Dataset } from './dataset';

/**
 * The UCI "Optical Recognition of Handwritten Digits" test set (E. Alpaydin and
 * C. Kaynak, 1998; CC BY 4.0), as Debian's python3-sklearn ships it in
 * sklearn/datasets/data/digits.csv.gz: 1,797 rows of 64 pixels (an 8×8 image,
 * each pixel a count 0 … 16) and the digit. src/core/data/README.md says where
 * it comes from and how the compact form the bundle carries is derived.
 */
export const DIGITS_ROWS = 1797;
export const DIGITS_PIXELS = 64;
/** Rows per digit 0 … 9, as the UCI description (optdigits.names, the test set) lists them. */
export const DIGITS_CLASS_COUNTS: readonly number[] = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];

/** The file the bundle and Node read: generated from digits.csv.gz by scripts/digits-module.ts. */
export const DIGITS_MODULE = 'src/core/data/digits-pixels.ts';
export const DIGITS_SOURCE = 'src/core/data/digits.csv.gz';

/** Rows of 64 pixel values and a label, checked; errors name the file and the line. */
export interface DigitRows {
  pixels: Uint8Array;
  labels: Int32Array;
}

function damaged(file: string, what: string): Error {
  return new Error(`the digits data file ${file} is damaged: ${what}`);
}

/** The source CSV (64 pixels, then the label, on each of 1,797 lines). */
export function parseDigitsCsv(text: string, file = DIGITS_SOURCE): DigitRows {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== DIGITS_ROWS) throw damaged(file, `expected ${DIGITS_ROWS} rows, found ${lines.length}`);
  const pixels = new Uint8Array(DIGITS_ROWS * DIGITS_PIXELS);
  const labels = new Int32Array(DIGITS_ROWS);
  lines.forEach((line, r) => {
    const cells = line.trim().split(',');
    if (cells.length !== DIGITS_PIXELS + 1) throw damaged(file, `line ${r + 1} has ${cells.length} values, expected ${DIGITS_PIXELS + 1}`);
    for (let j = 0; j <= DIGITS_PIXELS; j++) {
      const v = Number(cells[j]);
      const max = j < DIGITS_PIXELS ? 16 : 9;
      if (!Number.isInteger(v) || v < 0 || v > max || cells[j].trim() === '') throw damaged(file, `line ${r + 1}, value ${j + 1} is ${JSON.stringify(cells[j])}, expected an integer 0..${max}`);
      if (j < DIGITS_PIXELS) pixels[r * DIGITS_PIXELS + j] = v;
      else labels[r] = v;
    }
  });
  return { pixels, labels };
}

/** The compact form: one line per row, 64 letters a … q (pixel 0 … 16) and the digit. */
export function encodeDigitsCompact(rows: DigitRows): string {
  const out: string[] = [];
  for (let r = 0; r < rows.labels.length; r++) {
    let line = '';
    for (let j = 0; j < DIGITS_PIXELS; j++) line += String.fromCharCode(97 + rows.pixels[r * DIGITS_PIXELS + j]);
    out.push(line + String(rows.labels[r]));
  }
  return out.join('\n');
}

export function decodeDigitsCompact(text: string, file = DIGITS_MODULE): DigitRows {
  const lines = text.split('\n');
  if (lines.length !== DIGITS_ROWS) throw damaged(file, `expected ${DIGITS_ROWS} rows, found ${lines.length}`);
  const pixels = new Uint8Array(DIGITS_ROWS * DIGITS_PIXELS);
  const labels = new Int32Array(DIGITS_ROWS);
  lines.forEach((line, r) => {
    if (line.length !== DIGITS_PIXELS + 1) throw damaged(file, `row ${r + 1} has ${line.length} characters, expected ${DIGITS_PIXELS + 1}`);
    for (let j = 0; j < DIGITS_PIXELS; j++) {
      const v = line.charCodeAt(j) - 97;
      if (!(v >= 0 && v <= 16)) throw damaged(file, `row ${r + 1}, pixel ${j + 1} is ${JSON.stringify(line[j])}, expected a letter a..q`);
      pixels[r * DIGITS_PIXELS + j] = v;
    }
    const c = line.charCodeAt(DIGITS_PIXELS) - 48;
    if (!(c >= 0 && c <= 9)) throw damaged(file, `row ${r + 1}'s label is ${JSON.stringify(line[DIGITS_PIXELS])}, expected a digit`);
    labels[r] = c;
  });
  return { pixels, labels };
}

/**
 * The rows as a data set, each pixel standardised over all 1,797 images:
 * (x − mean)/sd per pixel (0 where a pixel is blank in every image), the same
 * whatever n is. Raw counts 0 … 16 share a large common mean, which gives H one
 * eigenvalue far above the others and makes GD crawl; standardised inputs train
 * to loss < 1e-4 in about ten times fewer steps (README "Problems").
 */
export function digitsDataset(rows: DigitRows): Dataset {
  const n = rows.labels.length;
  const d = DIGITS_PIXELS;
  const inputs = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += rows.pixels[i * d + j];
    mean /= n;
    let q = 0;
    for (let i = 0; i < n; i++) q += (rows.pixels[i * d + j] - mean) ** 2;
    const sd = Math.sqrt(q / n);
    for (let i = 0; i < n; i++) inputs[i * d + j] = sd > 0 ? (rows.pixels[i * d + j] - mean) / sd : 0;
  }
  return { name: 'digits', n, dim: d, classes: 10, inputs, labels: rows.labels };
}

let loaded: Dataset | null = null;
let loadedRows: DigitRows | null = null;

/**
 * Load the digits once: the generated module is imported on first use only, so
 * the page's first bundle does not carry it (Vite makes it a chunk of its own,
 * precached for offline use); nothing is fetched from elsewhere.
 */
export async function loadDigits(importModule: () => Promise<{ DIGITS_COMPACT: string }> = () => import('./digits-pixels')): Promise<Dataset> {
  if (loaded) return loaded;
  let text: string;
  try {
    text = (await importModule()).DIGITS_COMPACT;
  } catch (e) {
    throw new Error(`the digits data file ${DIGITS_MODULE} could not be loaded: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (typeof text !== 'string') throw damaged(DIGITS_MODULE, 'it exports no DIGITS_COMPACT text');
  loadedRows = decodeDigitsCompact(text);
  loaded = digitsDataset(loadedRows);
  return loaded;
}

/** The digits after loadDigits() has finished; null before. */
export function loadedDigits(): Dataset | null {
  return loaded;
}

/** The digits' raw rows (pixels 0 … 16) once loaded, for checks and for readers recomputing a and s. */
export function loadedDigitRows(): DigitRows | null {
  return loadedRows;
}
