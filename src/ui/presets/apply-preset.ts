import { useExplorer } from '../state/store';
import { presetQuery, type Preset } from './presets';

/** One click: the preset's link, pushed to the history (Back returns), with its note. Lecture mode and hidden panels are kept. */
export function applyPreset(p: Preset): void {
  const s = useExplorer.getState();
  const keep = `${s.config.lecture ? '&lecture=1' : ''}${s.config.hide.length ? `&hide=${s.config.hide.join(',')}` : ''}`;
  s.loadQuery(presetQuery(p) + keep, { push: true, note: { title: p.title, text: p.note } });
}
