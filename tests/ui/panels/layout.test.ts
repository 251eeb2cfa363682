import { describe, expect, it } from 'vitest';
import { defaultAreas, gridVars, lectureLayout, lectureShown } from '../../../src/ui/panels/layout';
import type { GridCell, LecturePlace, PanelId } from '../../../src/ui/panels/panel';

const p = (id: PanelId, grid: GridCell, lecture: LecturePlace) => ({ id, grid, lecture });
const PANELS = [
  p('diagram', { row: 1, col: 1, rows: 2, cols: 2 }, 'main'),
  p('landscape', { row: 1, col: 3 }, 'side'),
  p('burst', { row: 3, col: 1 }, 'side'),
  p('distance', { row: 3, col: 2 }, 'side'),
  p('theory', { row: 2, col: 3 }, 'desk'),
];
const all = () => true;
const without = (...ids: PanelId[]) => (id: PanelId) => !ids.includes(id);

describe('defaultAreas(panels): the default grid from the panels\' cells', () => {
  it('names each panel over its cells and leaves an empty cell as .', () => {
    expect(defaultAreas(PANELS)).toBe("'diagram diagram landscape' 'diagram diagram theory' 'burst distance .'");
  });

  it('refuses two panels on one cell, naming both', () => {
    expect(() => defaultAreas([...PANELS, p('stats', { row: 2, col: 2 }, 'desk')])).toThrow(/diagram and stats.*\(2, 2\)/);
  });
});

describe('lectureLayout(panels, shown, side): the main panel on the left, the side panels stacked on the right', () => {
  it('stacks the shown side panels in registry order, at most `side` of them', () => {
    expect(lectureLayout(PANELS, all, 3)).toEqual({ areas: "'diagram landscape' 'diagram burst' 'diagram distance'", rows: 'repeat(3, minmax(0, 1fr))', off: [] });
    expect(lectureLayout(PANELS, all, 2)).toEqual({ areas: "'diagram landscape' 'diagram burst'", rows: 'repeat(2, minmax(0, 1fr))', off: ['distance'] });
  });

  it('gives a hidden side panel\'s room to the others', () => {
    expect(lectureLayout(PANELS, without('landscape'), 3).areas).toBe("'diagram burst' 'diagram distance'");
    expect(lectureLayout(PANELS, without('burst'), 2)).toMatchObject({ areas: "'diagram landscape' 'diagram distance'", off: [] });
  });

  it('keeps the right column when every side panel is hidden', () => {
    expect(lectureLayout(PANELS, without('landscape', 'burst', 'distance'), 3)).toEqual({ areas: "'diagram .'", rows: 'repeat(1, minmax(0, 1fr))', off: [] });
  });
});

describe('gridVars(panels, shown): the layouts as the grid\'s CSS variables', () => {
  it('gives app.css the default areas and both lecture layouts', () => {
    const v = gridVars(PANELS, without('distance'));
    expect(v['--areas']).toBe(defaultAreas(PANELS));
    expect(v['--lecture-areas']).toBe("'diagram landscape' 'diagram burst'");
    expect(v['--lecture-short-rows']).toBe('repeat(2, minmax(0, 1fr))');
  });
});

describe('lectureShown(panels, shown): which panels the room sees', () => {
  it('keeps the desk\'s panels off, and the third side panel for a tall screen only', () => {
    const at = lectureShown(PANELS, all);
    expect(PANELS.map((q) => at(q.id))).toEqual(['shown', 'shown', 'shown', 'tall', 'off']);
  });

  it('shows the third side panel on every screen when another is hidden', () => {
    expect(lectureShown(PANELS, without('burst'))('distance')).toBe('shown');
  });
});
