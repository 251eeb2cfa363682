import { createContext, useContext, useEffect, useState } from 'react';
import type { ComparisonRun, CompareRuns } from './compare-runs';

export const CompareContext = createContext<CompareRuns | null>(null);

/** The comparisons' runs, re-read when one starts, streams or ends (at most once per animation frame). */
export function useComparisons(): ComparisonRun[] {
  const cmp = useContext(CompareContext);
  const [runs, setRuns] = useState<ComparisonRun[]>([]);
  useEffect(() => {
    if (!cmp) return;
    // A React render when a comparison starts, ends or changes, not on every streamed frame.
    let key = '';
    return cmp.subscribe((r) => {
      const next = r.map((c) => `${c.label}|${c.entry}|${c.run?.id}|${c.run?.done}|${c.summary ? 1 : 0}|${c.error}`).join(';');
      if (next === key) return;
      key = next;
      setRuns(r);
    });
  }, [cmp]);
  return runs;
}

export const useCompareRuns = () => useContext(CompareContext);
