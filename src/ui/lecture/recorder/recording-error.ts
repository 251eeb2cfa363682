/** Why a recording stopped before its end; each has its own message, and nothing half-written is saved. */
export type RecordingStop = 'cancelled' | 'config-changed' | 'played' | 'run-error' | 'nothing-drawn' | 'encoder';

export class RecordingError extends Error {
  constructor(
    readonly kind: RecordingStop,
    message: string,
  ) {
    super(message);
    this.name = 'RecordingError';
  }
}
