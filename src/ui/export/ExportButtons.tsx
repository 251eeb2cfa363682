import { useEffect, useRef, useState } from 'react';
import { toJson } from '../../core/simulate';
import { useSim } from '../sim/sim-context';
import { useExplorer } from '../state/store';
import { exportName, downloadBlob } from './download';
import { historiesCsv } from './export-csv';
import { comparisonOutputs, summaryOutput } from './export-json';
import { useCompareRuns } from '../sim/compare-context';
import { drawingPng } from './export-png';
import { drawingSvgText } from './export-svg';
import { panelDrawing } from './panel-layers';

type Format = 'SVG' | 'PNG' | 'CSV' | 'JSON';
const FORMATS: Format[] = ['SVG', 'PNG', 'CSV', 'JSON'];

/**
 * Export buttons for one view panel: the picture as SVG or as PNG at 2× (for
 * slides), the runs' decimated histories as CSV, and the finished run's
 * summary as JSON in the shape `npm run sim` prints.
 */
export function ExportButtons({ view, title }: { view: string; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const sim = useSim();
  const cmp = useCompareRuns();
  const done = useExplorer((s) => s.status.state === 'done' && s.summary !== null && s.info !== null);
  const lecture = useExplorer((s) => s.config.lecture);
  const [message, setMessage] = useState<string | null>(null);
  // In lecture mode (and in a narrow panel) the four small buttons give way to one "Export" button,
  // which opens them as a menu: the head keeps its title whole, and in lecture mode no text is under 24 px.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', close);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('pointerdown', close);
    };
  }, [open]);

  const run = async (f: Format) => {
    const s = useExplorer.getState();
    const checksum = s.summary?.sgd?.checksum ?? s.summary?.gd?.checksum ?? null;
    const name = (ext: string) => exportName(view, checksum, ext);
    const panel = ref.current?.closest<HTMLElement>('section.panel');
    const drawing = panel ? panelDrawing(panel) : null;
    if (f === 'SVG' || f === 'PNG') {
      if (!drawing) throw new Error('this view has nothing drawn yet');
      if (f === 'SVG') downloadBlob(new Blob([drawingSvgText(drawing)], { type: 'image/svg+xml' }), name('svg'));
      else downloadBlob(await drawingPng(drawing, 2), name('png'));
    } else if (f === 'CSV') {
      const live = sim?.current;
      downloadBlob(new Blob([historiesCsv({ sgd: live?.sgd ?? null, gd: live?.gd ?? null })], { type: 'text/csv' }), name('csv'));
    } else {
      if (!s.info || !s.summary) throw new Error('the summary exists once the run is done');
      const out = summaryOutput(s.info, s.summary, s.config);
      if (s.config.compare.length > 0) {
        const compare = comparisonOutputs(cmp?.runs ?? []);
        if (!compare) throw new Error('the comparisons are still running; their summaries exist once they are done');
        out.compare = compare;
      }
      downloadBlob(new Blob([toJson(out) + '\n'], { type: 'application/json' }), name('json'));
    }
  };

  const buttons = FORMATS.map((f) => {
        const disabled = f === 'JSON' && !done;
        return (
          <button
            key={f}
            type="button"
            data-testid={`export-${view}-${f.toLowerCase()}`}
            aria-label={`export the ${title} as ${f}${f === 'PNG' ? ' at 2×' : ''}`}
            title={disabled ? 'The summary can be exported once the run is done' : `${f === 'PNG' ? 'PNG at 2×' : f}`}
            disabled={disabled}
            onClick={() => {
              setMessage(null);
              setOpen(false);
              run(f).catch((e: unknown) => setMessage(`${f} export failed: ${e instanceof Error ? e.message : String(e)}`));
            }}
          >
            {f}
          </button>
        );
      });
  return (
    <div className={`export-buttons${lecture ? ' as-menu' : ''}`} role="group" aria-label={`export the ${title}`} ref={ref}>
      {/* Inline where the head has room; in lecture mode, or in a narrow panel (a container query in app.css), one "Export" button opens them. */}
      {!lecture && !open && <span className="export-inline">{buttons}</span>}
      <button type="button" className="export-menu-button" data-testid={`export-${view}-menu`} aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export
      </button>
      {open && <div className="export-menu">{buttons}</div>}
      {message && (
        <span className="export-message" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
