import { useExplorer } from '../state/store';
import { presetQuery, type Preset } from './presets';

/** One click: the preset's link, pushed to the history (Back returns), with its note. Lecture mode, hidden panels and embedding are kept. */
export function applyPreset(p: Preset): void {
  const s = useExplorer.getState();
  const c = s.config;
  const keep = `${c.lecture ? '&lecture=1' : ''}${c.hide.length ? `&hide=${c.hide.join(',')}` : ''}${c.embed ? '&embed=1' : ''}${c.embedorigin.length ? `&embedorigin=${c.embedorigin.join(',')}` : ''}`;
  s.loadQuery(presetQuery(p) + keep, { push: true, note: { title: p.title, text: p.note } });
}
