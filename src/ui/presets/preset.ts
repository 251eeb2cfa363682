export interface Preset {
  /** Starts with the figure or table it reproduces; reference marks are keyed on it. */
  title: string;
  /** What to watch, what it reproduces, and where the paper's text is off (docs/theory.md#the-problems). */
  note: string;
  query: string | (() => string);
}
