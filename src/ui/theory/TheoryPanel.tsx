import { selectN } from '../state/selectors';
import { useMemo } from 'react';
import { batchFactor } from '../../core/batch-factor';
import { stabilityRectangle } from '../../core/stability-region';
import type { MinimumTheory } from '../../core/theory/analyse-minimum';
import { fmt } from '../diagram/diagram-model';
import { useExplorer } from '../state/store';
import { useTex } from './tex';
import { THEORY_SECTIONS, theorySectionHref, type TheorySection } from './theory-doc';

/** ρ(𝒯) with its method and, where it is not exact, its proven bounds and a verdict only where they support one. */
function rhoValue(m: MinimumTheory): string {
  const b = m.spectralRadiusBounds;
  // Marginal: the deciding factor is 1 within the verdicts' tolerance (docs/theory.md#one-inequality-for-both-verdicts).
  const marginal = m.marginal.sgd ? ': marginal (at the boundary, 1 within 10⁻¹²)' : '';
  const onRange = m.rangeSpectralRadius ? `; on the range, without the flat directions: ρ = ${fmt(m.rangeSpectralRadius.value)} (${m.rangeSpectralRadius.method})` : '';
  const head = `ρ = ${fmt(m.spectralRadius)} (${m.spectralRadiusMethod})${onRange}${marginal}`;
  if (b.lower === b.upper || m.rangeSpectralRadius) return head;
  const range = `${b.lower.toPrecision(10)} ≤ ρ ≤ ${Number.isFinite(b.upper) ? b.upper.toPrecision(10) : '∞'}`;
  return `${head}; ${range}${m.stableSGD === null ? ': undecided within the bound' : ''}`;
}

interface Row {
  what: string;
  formula: string;
  value: string;
  source: string;
  /** `note`: not a quantity but what the numbers above mean for this link. */
  kind: 'exact' | 'sufficient' | 'necessary' | 'estimate' | 'note';
  /** The section of docs/theory.md that derives it. */
  doc: TheorySection;
}

/** Set at build time to make the section references links (see theory-doc.ts). */
const REPOSITORY_URL: string | undefined = import.meta.env.VITE_REPOSITORY_URL;

/**
 * The conditions that decide the current picture, typeset, with the current
 * numbers plugged in, each with its source and whether it is exact, only
 * sufficient or only necessary. Computed from the formulas, never the runs.
 */
/** A value the worker is still computing for the configuration under the hand. */
const PENDING = '…';

export function TheoryPanel() {
  // Read at once, not deferred: KaTeX's output is cached per formula (tex.ts), so an input of a
  // drag only rewrites the numbers, and a deferred value cost every input a second React commit.
  const eta = useExplorer((s) => s.config.eta);
  const B = useExplorer((s) => s.config.B);
  const sampling = useExplorer((s) => s.config.sampling);
  const n = useExplorer(selectN);
  const info = useExplorer((s) => s.info);
  const m = info ? info.minima[info.center] : null;
  const tex = useTex();
  const rows = useMemo<Row[]>(() => {
    const c = batchFactor(n, B, sampling);
    const r = stabilityRectangle(eta, n, B, sampling);
    const out: Row[] = [
      { what: 'batch factor', formula: sampling === 'with' ? 'c = 1/B' : 'c = \\frac{n-B}{B(n-1)}', value: `c = ${fmt(c)}`, source: 'Wu eq. 8', kind: 'exact', doc: THEORY_SECTIONS.batchFactor },
      { what: 'rectangle, width', formula: 'a \\le 2/\\eta', value: `2/η = ${fmt(r.sharpnessMax)}`, source: 'Wu eq. 9', kind: 'necessary', doc: THEORY_SECTIONS.rectangle },
      { what: 'rectangle, height', formula: 's \\le 1/(\\eta\\sqrt{c})', value: `1/(η√c) = ${fmt(r.nonUniformityMax)}`, source: 'Wu eq. 9', kind: 'necessary', doc: THEORY_SECTIONS.rectangle },
    ];
    if (info?.theoryPending)
      out.push({ what: 'theory of the minima', formula: '\\rho(\\mathcal{T}),\\ \\Lambda', value: 'computing…', source: 'computed after the runs started (a large model)', kind: 'exact', doc: THEORY_SECTIONS.secondMoment });
    else if (info?.theoryError) out.push({ what: 'theory of the minima', formula: '\\rho(\\mathcal{T}),\\ \\Lambda', value: `not computed: ${info.theoryError}`, source: 'theory worker', kind: 'exact', doc: THEORY_SECTIONS.secondMoment });
    if (m && info) {
      // While the worker has not yet answered for this η and B (a drag), the rows keep their
      // place and formulas and say "…" instead of the previous configuration's numbers: no
      // stale value is shown, and the panel does not drop and re-typeset its rows every input.
      const fresh = info.config.eta === eta && info.config.B === B && info.config.sampling === sampling;
      const v = (value: string) => (fresh ? value : PENDING);
      out.push(
        { what: `start minimum ${m.label}`, formula: 'a = \\lambda_{\\max}(H),\\ s = \\sqrt{\\lambda_{\\max}(\\Sigma)}', value: v(`a = ${fmt(m.sharpness)}, s = ${fmt(m.nonUniformity)}`), source: m.hessian === 'exact' ? 'exact Hᵢ(x*)' : (m.hessianNote ?? 'estimate'), kind: m.hessian === 'exact' ? 'exact' : 'estimate', doc: m.hessian === 'exact' ? THEORY_SECTIONS.setting : THEORY_SECTIONS.circleHessian },
        { what: 'Theorem 1 eigenvalue', formula: '\\lambda_{\\max}\\big((I-\\eta H)^2 + \\eta^2 c\\,\\Sigma\\big) \\le 1', value: v(fmt(m.theorem1)), source: 'Wu Theorem 1', kind: 'sufficient', doc: THEORY_SECTIONS.theorem1 },
        { what: 'mean-square growth', formula: '\\rho(\\mathcal{T}) \\le 1', value: v(rhoValue(m)), source: 'second-moment operator', kind: m.hessian === 'exact' ? 'exact' : 'estimate', doc: THEORY_SECTIONS.secondMoment },
        { what: 'almost-sure growth', formula: '\\Lambda = \\lim \\tfrac1t \\mathbb{E}\\ln\\|x_t\\| \\le \\tfrac12\\ln\\rho', value: `Λ = ${fmt(m.lyapunov.value)}${m.lyapunov.exact || !(m.lyapunov.stderr > 0) ? '' : ` ± ${fmt(m.lyapunov.stderr)}`}`, source: m.lyapunov.method, kind: m.lyapunov.exact ? 'exact' : 'estimate', doc: THEORY_SECTIONS.almostSure },
      );
      if (m.samplingNote)
        out.push({ what: 'SGD does not follow this theory', formula: '\\textstyle\\sum_i p_i f_i', value: v('weights p, sampling=without, B < n'), source: m.samplingNote, kind: 'note', doc: THEORY_SECTIONS.weights });
      if (m.marginal.gd)
        out.push({ what: 'GD at its boundary', formula: '(1-\\eta a)^2 = 1', value: v(`ηa = ${fmt(eta * m.sharpness)}: marginal`), source: 'GD’s factor is 1 within 10⁻¹²: a perturbation neither grows nor shrinks', kind: 'exact', doc: THEORY_SECTIONS.gd });
      if (m.saddle)
        out.push({ what: 'a saddle, not a minimum', formula: '\\lambda_{\\min}(H) < 0 \\Rightarrow |1-\\eta\\lambda_{\\min}| > 1', value: v(`λ_min = ${fmt(m.minCurvature)}`), source: 'GD is stable iff every |1 − ηλ| ≤ 1: unstable for every η', kind: 'exact', doc: THEORY_SECTIONS.gd });
      if (m.patel)
        out.push({ what: 'Patel bounds (SGD-k)', formula: 'l(k) \\le \\eta \\le u(k)', value: v(`l = ${fmt(m.patel.lower)}, u = ${fmt(m.patel.upper)}`), source: m.patelHeuristic ? (m.patelNote ?? '') : 'Patel Thms 16–17 (sampling with replacement)', kind: m.patelHeuristic ? 'estimate' : 'sufficient', doc: THEORY_SECTIONS.patel });
      else if (m.patelNote) out.push({ what: 'Patel bounds (SGD-k)', formula: 'l(k) \\le \\eta \\le u(k)', value: v('not shown'), source: m.patelNote, kind: 'sufficient', doc: THEORY_SECTIONS.patel });
      if (m.noise && m.noise.spread !== null)
        out.push({
          what: 'noise floor (inhomogeneous minimum)',
          formula: 'P = \\mathcal{T}(P) + \\eta^2 c\\,\\Sigma_g',
          value: v(m.noise.converged ? `spread ≈ ${fmt(m.noise.spread)}` : `spread ≥ ${fmt(m.noise.spread)}: not converged after ${m.noise.iterations} steps, an underestimate`),
          source: 'the explorer’s extension: the stationary spread of linearised SGD',
          kind: m.noise.converged ? 'exact' : 'estimate',
          doc: THEORY_SECTIONS.noiseFloor,
        });
      if (m.wws)
        out.push({ what: 'Frobenius bound', formula: '\\|H\\|_F \\le 1/(\\eta\\sqrt{c\\,\\mu_0})', value: v(`‖H‖_F = ${fmt(m.wws.frobenius)} vs ${fmt(m.wws.frobeniusBound ?? NaN)}; μ₀ = ${fmt(m.wws.mu0 ?? NaN)}`), source: m.wws.frobeniusBoundSource, kind: 'necessary', doc: THEORY_SECTIONS.alignment });
    }
    return out;
  }, [eta, B, sampling, n, m, info]);
  return (
    <section className="theory" aria-label="theory" data-testid="theory-panel">
      <dl>
        {rows.map((r) => (
          <div className="theory-row" key={r.what}>
            <dt>
              {r.what}: <strong className="num">{r.value}</strong>
            </dt>
            <dd>
              <span className="tex" dangerouslySetInnerHTML={{ __html: tex(r.formula) }} />
              <span className="src">
                {r.source} · <em>{r.kind}</em> · <TheoryLink section={r.doc} />
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * The file and section that derive a quantity: a link when the page knows its
 * repository, else the path as text, which can be followed in any clone.
 */
function TheoryLink({ section }: { section: TheorySection }) {
  const href = theorySectionHref(section, REPOSITORY_URL);
  const text = `docs/theory.md § ${section.title}`;
  if (!href)
    return (
      <cite className="theory-doc" title={section.path} data-doc={section.path}>
        {text}
      </cite>
    );
  return (
    <a className="theory-doc" href={href} target="_blank" rel="noopener noreferrer" title={section.path} data-doc={section.path}>
      {text}
    </a>
  );
}
