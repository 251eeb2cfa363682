import { useMemo } from 'react';
import { useChart } from '../charts/use-chart';
import { fmt } from '../diagram/diagram-model';
import { useExplorer } from '../state/store';
import { createDistanceHistogram, type DistanceHistogramModel } from './distance-histogram';

const NO_OPTIONS = {};

/** The runs' distances to the start minimum at the scrubber's step t (measured), with the count it was drawn from. */
export function DistanceHistogram({ dists, t, escape }: { dists: number[]; t: number; escape: number }) {
  const lecture = useExplorer((s) => s.config.lecture);
  const finite = dists.filter((d) => d > 0 && Number.isFinite(d)).length;
  const zero = dists.length - finite;
  const model = useMemo<DistanceHistogramModel>(() => ({ dists, escape, lecture }), [dists, escape, lecture]);
  const node = useChart(createDistanceHistogram, NO_OPTIONS, model);
  return (
    <figure className="distance-histogram" data-testid="distance-histogram" data-t={t} data-count={finite}>
      <div className="distance-chart" ref={node} />
      <figcaption>
        ‖x_t − x*‖ at step {t}: {finite} runs{zero > 0 ? `, ${zero} at distance 0` : ''}; R = {fmt(escape)} dashed
      </figcaption>
    </figure>
  );
}
