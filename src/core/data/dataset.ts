/**
 * A labelled classification set: n inputs of `dim` numbers and a class in
 * 0 … classes−1 for each. The network problem fits one-hot targets by the
 * square loss (Wu–Ma–E §5; docs/theory.md#a-networks-minima).
 */
export interface Dataset {
  /** A short name for labels, e.g. "digits". */
  readonly name: string;
  /** Number of rows. */
  readonly n: number;
  /** Input dimension. */
  readonly dim: number;
  /** Number of classes. */
  readonly classes: number;
  /** Row-major n × dim inputs, as the network reads them. */
  readonly inputs: Float64Array;
  /** The class of each row. */
  readonly labels: Int32Array;
}

/** The first n rows of a set (the network problem trains on rows 0 … n−1, README "Problems"). */
export function firstRows(data: Dataset, n: number): Dataset {
  return {
    name: data.name,
    n,
    dim: data.dim,
    classes: data.classes,
    inputs: data.inputs.slice(0, n * data.dim),
    labels: data.labels.slice(0, n),
  };
}

/** How many rows of each class. */
export function classCounts(data: Dataset): number[] {
  const counts = new Array<number>(data.classes).fill(0);
  for (const c of data.labels) counts[c]++;
  return counts;
}
