import type { GridCell, LecturePlace, PanelId } from './panel';

/** What the layouts need of a panel (the registry's entries, or a test's). */
interface Placed {
  id: PanelId;
  grid: GridCell;
  lecture: LecturePlace;
}

/** How many side panels lecture mode stacks on the right: three on a tall screen, two below 900 px (app.css's media query). */
export const LECTURE_SIDE = { tall: 3, short: 2 } as const;

const rowsOf = (areas: string[][]) => areas.map((r) => `'${r.join(' ')}'`).join(' ');

/** The default grid's `grid-template-areas`: each panel's id over its cells, `.` where no panel sits. */
export function defaultAreas(panels: readonly Placed[]): string {
  const height = Math.max(...panels.map((p) => p.grid.row + (p.grid.rows ?? 1) - 1));
  const width = Math.max(...panels.map((p) => p.grid.col + (p.grid.cols ?? 1) - 1));
  const areas = Array.from({ length: height }, () => Array.from({ length: width }, () => '.'));
  for (const p of panels)
    for (let r = p.grid.row; r < p.grid.row + (p.grid.rows ?? 1); r++)
      for (let c = p.grid.col; c < p.grid.col + (p.grid.cols ?? 1); c++) {
        if (areas[r - 1][c - 1] !== '.') throw new Error(`panels ${areas[r - 1][c - 1]} and ${p.id} share the default grid's cell (${r}, ${c})`);
        areas[r - 1][c - 1] = p.id;
      }
  return rowsOf(areas);
}

/**
 * Lecture mode's grid: the main panel down the left, the first `side` shown side
 * panels stacked on the right in equal rows (a hidden one gives its room to the
 * others). `off` lists the shown side panels left out for want of room.
 */
export function lectureLayout(panels: readonly Placed[], shown: (id: PanelId) => boolean, side: number): { areas: string; rows: string; off: PanelId[] } {
  const main = panels.find((p) => p.lecture === 'main')?.id ?? '.';
  const stack = panels.filter((p) => p.lecture === 'side' && shown(p.id)).map((p) => p.id);
  const kept = stack.slice(0, side);
  const right = kept.length > 0 ? kept : ['.'];
  return {
    areas: rowsOf(right.map((id) => [main, id])),
    rows: `repeat(${right.length}, minmax(0, 1fr))`,
    off: stack.slice(side),
  };
}

/** The layouts as CSS custom properties of the live grid (app.css chooses among them by mode and screen). */
export function gridVars(panels: readonly Placed[], shown: (id: PanelId) => boolean): Record<string, string> {
  const tall = lectureLayout(panels, shown, LECTURE_SIDE.tall);
  const short = lectureLayout(panels, shown, LECTURE_SIDE.short);
  return {
    '--areas': defaultAreas(panels),
    '--lecture-areas': tall.areas,
    '--lecture-rows': tall.rows,
    '--lecture-short-areas': short.areas,
    '--lecture-short-rows': short.rows,
  };
}

/** Where lecture mode shows a panel: on every screen, only on a tall one, or not at all (app.css reads it as `data-lecture`). */
export type LectureShown = 'shown' | 'tall' | 'off';

/** Each panel's `LectureShown`: the desk's panels are off, and side panels beyond the room on the right are off or tall only. */
export function lectureShown(panels: readonly Placed[], shown: (id: PanelId) => boolean): (id: PanelId) => LectureShown {
  const tallOff = lectureLayout(panels, shown, LECTURE_SIDE.tall).off;
  const shortOff = lectureLayout(panels, shown, LECTURE_SIDE.short).off;
  const desk = new Set(panels.filter((p) => p.lecture === 'desk').map((p) => p.id));
  return (id) => (desk.has(id) || tallOff.includes(id) ? 'off' : shortOff.includes(id) ? 'tall' : 'shown');
}
