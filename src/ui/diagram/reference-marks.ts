import type { ReferenceMark } from './diagram-model';

/**
 * Published figures drawn as labelled reference marks for the presets that
 * reproduce them (data from the papers, not the explorer's results).
 */
const MARKS: Record<string, ReferenceMark[]> = {
  'Wu Table 3 and Fig. 8': [
    { label: 'FashionMNIST (Wu Table 3)', a: [19.7, 19.7], s: [45.2, 45.2] },
    { label: 'corrupted FashionMNIST (Wu Table 3)', a: [19.9, 19.9], s: [51.7, 51.7] },
  ],
  // Wu Fig. 6 prints no numbers: these ranges are read off its scatter plot, approximately.
  'Wu Fig. 6': [
    { label: 'GD (read off Wu Fig. 6)', a: [3.3, 3.98], s: [11.7, 13.9] },
    { label: 'SGD B = 4 (read off Wu Fig. 6)', a: [0.67, 0.83], s: [2.14, 2.43] },
  ],
};

export function referenceMarks(presetTitle: string | null): ReferenceMark[] {
  if (!presetTitle) return [];
  for (const [k, v] of Object.entries(MARKS)) if (presetTitle.startsWith(k)) return v;
  return [];
}
