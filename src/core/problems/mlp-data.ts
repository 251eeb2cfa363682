import { firstRows, type Dataset } from '../data/dataset';
import { DIGITS_ROWS, loadedDigits } from '../data/digits';
import { moons, teacher } from '../data/generated-sets';

/** The data a network problem trains on (`data=`). */
export const DATA_SETS = ['digits', 'moons', 'teacher'] as const;
export type DataSetName = (typeof DATA_SETS)[number];

/** How many rows a set has: the digits are 1,797; the drawn sets are drawn at any size the n key allows. */
export function dataSize(name: DataSetName): number {
  return name === 'digits' ? DIGITS_ROWS : Infinity;
}

/**
 * The first n rows of the digits (rows 0 … n−1 of the source file), or n drawn rows
 * of moons or teacher from pseed. The digits must have been loaded (the problem's
 * prepare step does it).
 */
export function trainingSet(name: DataSetName, n: number, pseed: number): Dataset {
  if (name === 'moons') return moons(n, pseed);
  if (name === 'teacher') return teacher(n, pseed);
  const digits = loadedDigits();
  if (!digits) throw new Error('problem=mlp&data=digits needs the digits data loaded first: await the problem\'s prepare() (or buildProblemAsync)');
  return firstRows(digits, n);
}

/** Whether a permalink query trains a network on the digits (problem=mlp with data=digits or no data key), so a worker loads them before the start. */
export function queryNeedsDigits(query: string): boolean {
  return /(^|[?&])problem=mlp(&|$)/.test(query) && !/(^|[?&])data=(moons|teacher)(&|$)/.test(query);
}
