/** Where the frames of a recording go: one call per painted frame, then the file. */
export interface FrameWriter {
  /** How the file is made, for the panel: "H.264 through WebCodecs", or the fallback. */
  readonly how: string;
  /** The file's type and extension. */
  readonly mime: string;
  readonly ext: string;
  /** The canvas holds frame i: encode it (resolves when the encoder can take the next). */
  add(i: number): Promise<void>;
  finish(): Promise<Blob>;
  cancel(): Promise<void>;
}
