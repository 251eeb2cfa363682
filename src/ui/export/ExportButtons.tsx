import { useRef, useState } from 'react';
import { toJson } from '../../core/simulate';
import { useSim } from '../sim/sim-context';
import { useExplorer } from '../state/store';
import { exportName, downloadBlob } from './download';
import { historiesCsv } from './export-csv';
import { summaryOutput } from './export-json';
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
  const done = useExplorer((s) => s.status.state === 'done' && s.summary !== null && s.info !== null);
  const [message, setMessage] = useState<string | null>(null);

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
      downloadBlob(new Blob([toJson(summaryOutput(s.info, s.summary, s.config)) + '\n'], { type: 'application/json' }), name('json'));
    }
  };

  return (
    <div className="export-buttons" role="group" aria-label={`export the ${title}`} ref={ref}>
      {FORMATS.map((f) => {
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
              run(f).catch((e: unknown) => setMessage(`${f} export failed: ${e instanceof Error ? e.message : String(e)}`));
            }}
          >
            {f}
          </button>
        );
      })}
      {message && (
        <span className="export-message" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
