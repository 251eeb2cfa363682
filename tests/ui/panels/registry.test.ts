import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VIEW_PARAMS } from '../../../src/ui/state/link-params';
import { HIDEABLE, PANELS } from '../../../src/ui/panels/registry';
import { RECORD_VIEWS } from '../../../src/ui/lecture/recorder/frame-layout';
import { defaultAreas, LECTURE_SIDE, lectureLayout } from '../../../src/ui/panels/layout';

const ids = PANELS.map((p) => p.id);
const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('PANELS: the panel registry', () => {
  it('lists each panel once, and every panel the hide key can name (besides the header and the controls) is registered', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect([...HIDEABLE]).toEqual(['header', 'controls', ...ids]);
  });

  it('gives every panel a hide key that a link accepts', () => {
    for (const id of ids) expect(VIEW_PARAMS.hide.parse(id)).toEqual({ ok: true, value: [id] });
  });

  it('places every panel in the default grid, as the page has always had it', () => {
    const areas = defaultAreas(PANELS);
    for (const id of ids) expect(areas).toContain(id);
    expect(areas).toBe("'diagram diagram landscape' 'diagram diagram theory' 'burst distance stats'");
  });

  it('gives lecture mode one main panel, and shows every side panel on a tall screen', () => {
    expect(PANELS.filter((p) => p.lecture === 'main').map((p) => p.id)).toEqual(['diagram']);
    const tall = lectureLayout(PANELS, () => true, LECTURE_SIDE.tall);
    expect(tall.off).toEqual([]);
    for (const p of PANELS) if (p.lecture !== 'desk') expect(tall.areas).toContain(p.id);
    expect(tall.areas).toBe("'diagram landscape' 'diagram burst' 'diagram distance'");
    expect(lectureLayout(PANELS, () => true, LECTURE_SIDE.short).areas).toBe("'diagram landscape' 'diagram burst'");
  });

  it('stacks the panels on a phone in registry order, the diagram first', () => {
    expect(ids[0]).toBe('diagram');
  });

  it('names each panel with a title, a short title and a body that loads its view component', async () => {
    for (const p of PANELS) {
      expect(p.title).not.toBe('');
      expect(p.short).not.toBe('');
      expect(typeof (await p.body())).toBe('function');
    }
  });

  it("offers the recorder each panel with a record name alone, and the room's views together", () => {
    expect(RECORD_VIEWS).toEqual([
      ['diagram', 'the diagram'],
      ['landscape', 'the landscape'],
      ['burst', 'the escape burst'],
      ['all', 'all four, as laid out'],
    ]);
  });
});

const THROWAWAY_VIEW = `/** A view that only says its name. */
export function ThrowawayView() {
  return <p data-testid="throwaway-view">a throwaway view</p>;
}
`;

const THROWAWAY_LINE = "  { id: 'throwaway', title: 'A throwaway test view', short: 'Throwaway', body: () => import('../views/ThrowawayView').then((m) => m.ThrowawayView), exportAs: 'throwaway view', record: 'the throwaway view', grid: { row: 4, col: 1, cols: 3 }, lecture: 'side' },\n";

// What the type checker must accept once the line is in: its id is a panel id and a hide name.
const TYPED = `import type { Hideable, PanelId } from './src/ui/panels/registry';
export const id: PanelId = 'throwaway';
export const hidden: Hideable[] = ['throwaway', 'header'];
`;

// The app's project (the page, with the lines above), checked without writing its build info.
const TSCONFIG = {
  extends: './tsconfig.app.json',
  compilerOptions: { composite: false, noEmit: true, emitDeclarationOnly: false },
  include: ['typed.ts', 'src/ui', 'src/main.tsx', 'src/vite-env.d.ts'],
};

const PROBE = `import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { keysTable } from './scripts/param-docs';
import { RECORD_VIEWS } from './src/ui/lecture/recorder/frame-layout';
import { defaultAreas, LECTURE_SIDE, lectureLayout, lectureShown } from './src/ui/panels/layout';
import { HIDEABLE, PANELS } from './src/ui/panels/registry';
import { VIEW_PARAMS } from './src/ui/state/link-params';
const entry = PANELS.find((p) => p.id === 'throwaway');
const Body = await entry.body();
console.log(JSON.stringify({
  hideable: HIDEABLE,
  hide: VIEW_PARAMS.hide.parse('throwaway,diagram'),
  keysRow: keysTable().split('\\n').find((l) => l.startsWith('| \`hide\`')),
  areas: defaultAreas(PANELS),
  lecture: lectureShown(PANELS, () => true)('throwaway'),
  lectureWithoutLandscape: lectureLayout(PANELS, (id) => id !== 'landscape', LECTURE_SIDE.tall).areas,
  phone: PANELS.map((p) => p.id),
  record: RECORD_VIEWS,
  html: renderToStaticMarkup(createElement(Body)),
}));
`;

describe('adding a view', () => {
  it('takes one file and one line in registry.ts: the types, the hide key, the key table, the layouts, the recorder and the page pick it up', () => {
    // A copy of src/, so the registry the other tests import is not touched.
    const dir = mkdtempSync(join(tmpdir(), 'panels-'));
    try {
      cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
      cpSync(join(root, 'scripts/param-docs.ts'), join(dir, 'scripts/param-docs.ts'));
      for (const f of ['package.json', 'tsconfig.base.json', 'tsconfig.app.json']) cpSync(join(root, f), join(dir, f));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      // 1. one file
      writeFileSync(join(dir, 'src/ui/views/ThrowawayView.tsx'), THROWAWAY_VIEW);
      // 2. one line in the registry, last in the list
      const registry = join(dir, 'src/ui/panels/registry.ts');
      const text = readFileSync(registry, 'utf8');
      const listed = text.replace('] as const satisfies readonly PanelEntry[];', `${THROWAWAY_LINE}] as const satisfies readonly PanelEntry[];`);
      expect(listed).not.toBe(text);
      writeFileSync(registry, listed);
      writeFileSync(join(dir, 'typed.ts'), TYPED);
      writeFileSync(join(dir, 'tsconfig.check.json'), JSON.stringify(TSCONFIG));
      writeFileSync(join(dir, 'probe.ts'), PROBE);

      // The type checker takes its id as a panel id and a hide name, and the page and the recorder still compile.
      const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.check.json'], { cwd: dir, encoding: 'utf8' });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);

      const probe = JSON.parse(execFileSync(join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'tsconfig.check.json', 'probe.ts'], { cwd: dir, encoding: 'utf8' }));
      // A link can hide it, and the README's key table names it.
      expect(probe.hideable).toEqual([...HIDEABLE, 'throwaway']);
      expect(probe.hide).toEqual({ ok: true, value: ['diagram', 'throwaway'] });
      expect(probe.keysRow).toContain('any of header, controls, diagram, landscape, burst, distance, stats, theory, throwaway');
      // The default grid gives it its row; lecture mode stacks it on the right when there is room (here, once the landscape is hidden); a phone shows it last.
      expect(probe.areas).toBe("'diagram diagram landscape' 'diagram diagram theory' 'burst distance stats' 'throwaway throwaway throwaway'");
      expect(probe.lecture).toBe('off');
      expect(probe.lectureWithoutLandscape).toBe("'diagram burst' 'diagram distance' 'diagram throwaway'");
      expect(probe.phone.at(-1)).toBe('throwaway');
      // The recorder offers it alone, and records it with the room's other views.
      expect(probe.record).toEqual([
        ['diagram', 'the diagram'],
        ['landscape', 'the landscape'],
        ['burst', 'the escape burst'],
        ['throwaway', 'the throwaway view'],
        ['all', 'all five, as laid out'],
      ]);
      // Its body loads the file's component.
      expect(probe.html).toBe('<p data-testid="throwaway-view">a throwaway view</p>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('is refused by the hide key until it is registered', () => {
    expect(VIEW_PARAMS.hide.parse('throwaway')).toEqual({ ok: false, reason: expect.stringContaining('hide may list only') });
  });
});
