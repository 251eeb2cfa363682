import { describe, expect, it } from 'vitest';
import { chartType, SIZES, sizes } from '../../../src/ui/theme/sizes';

/** Every number of a size table, by its path ("wws.margin.r"). */
function leaves(o: object, at = ''): Array<[string, number]> {
  return Object.entries(o).flatMap(([k, v]): Array<[string, number]> => (typeof v === 'number' ? [[`${at}${k}`, v]] : leaves(v as object, `${at}${k}.`)));
}

describe('sizes(lecture): the charts\' size tokens', () => {
  it('has the same tokens in both modes', () => {
    expect(leaves(SIZES.lecture).map(([k]) => k)).toEqual(leaves(SIZES.default).map(([k]) => k));
  });

  it('never makes lecture mode smaller or thinner than the default', () => {
    const d = new Map(leaves(SIZES.default));
    const smaller = leaves(SIZES.lecture).filter(([k, v]) => k !== 'phase.ticks' && v < d.get(k)!);
    expect(smaller).toEqual([]);
  });

  it('keeps every text of lecture mode at 24 px or more', () => {
    const l = sizes(true);
    for (const px of [l.type.label, l.type.tick, l.type.legend]) expect(px).toBeGreaterThanOrEqual(24);
  });

  it('chartType(lecture, compact) gives lecture mode its type whatever the size, and a small chart smaller type', () => {
    expect(chartType(true, true)).toBe(SIZES.lecture.type);
    expect(chartType(false, true).tick).toBeLessThan(chartType(false).tick);
  });
});
