import { describe, expect, it } from 'vitest';
import { HIDEABLE } from '../../../src/ui/panels/panel-ids';
import { VIEW_PARAMS } from '../../../src/ui/state/link-params';
import { PANELS } from '../../../src/ui/panels/registry';
import { defaultAreas, LECTURE_SIDE, lectureLayout } from '../../../src/ui/panels/layout';

const ids = PANELS.map((p) => p.id);

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

  it('names each panel with a title, a short title and a body', () => {
    for (const p of PANELS) {
      expect(p.title).not.toBe('');
      expect(p.short).not.toBe('');
      expect(typeof p.Body).toBe('function');
    }
  });
});
