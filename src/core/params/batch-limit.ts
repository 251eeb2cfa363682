/**
 * B ≤ n, the one statement of the batch size's limit (a batch draws B of the n
 * components; Wu–Ma–E eq. 9 needs 1 ≤ B ≤ n). The link's repair, the control's
 * refusal, a comparison's check, the embed API and the problem's build all say it
 * through this, each adding what it did about it.
 */
export function batchLimit(B: number, n: number): string | null {
  return B > n ? `B must be at most n = ${n}, got ${B}` : null;
}
