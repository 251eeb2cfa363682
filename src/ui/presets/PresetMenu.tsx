import { useId } from 'react';
import { PRESETS } from './presets';
import { applyPreset } from './apply-preset';

/** The presets, one click each (digits 1–9 and 0 select the first ten). */
export function PresetMenu() {
  const id = useId();
  return (
    <div className="preset-menu">
      <label htmlFor={id}>Preset</label>
      <select
        id={id}
        // The label is hidden on narrow headers and in lecture mode (app.css): the select keeps its name.
        aria-label="Preset"
        data-testid="preset-select"
        value=""
        onChange={(e) => {
          const p = PRESETS[Number(e.target.value)];
          if (p) applyPreset(p);
          e.target.blur();
        }}
      >
        <option value="">choose a figure…</option>
        {PRESETS.map((p, i) => (
          <option key={p.title} value={i}>
            {i < 10 ? `${(i + 1) % 10}. ` : ''}
            {p.title}
          </option>
        ))}
      </select>
    </div>
  );
}
