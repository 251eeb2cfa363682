import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigits } from '../../../src/core/data/digits';
import { etaAt, phaseCell } from '../../../src/core/explore/phase-grid';
import { selection } from '../../../src/core/explore/selection';
import { decodeQuery } from '../../../src/core/params/query';
import { buildProblem } from '../../../src/core/problems/build-problem';
import { generatorOf } from '../../../src/core/rng';
import { phaseGridOf } from '../../../src/ui/explore/phase-spec';
import { simulateQuery, theoryOfMinima, type SimOutput } from '../../../src/core/simulate';
import { PRESETS, presetQuery } from '../../../src/ui/presets/presets';

/*
 * Every number in every preset note is either checked here against what the
 * explorer computes for the preset's link (simulateQuery, the phase grid, the
 * selection experiment), or marked as quoted from a paper, a formula, or a
 * label. A number in a note that no claim covers fails the test, so a note
 * cannot gain an unchecked number.
 */
interface Claim {
  /** The note's words the claim is about (must occur in the note, unless quoted). */
  text: string;
  ok: boolean;
  got?: unknown;
  quoted?: true;
}

const SUP: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
/** The last number written in `text` ("≈ 2.86", "10⁻³", "−0.0071") and its last decimal place. */
function stated(text: string): { value: number; unit: number } {
  const m = [...text.matchAll(/[−-]?\d+(?:\.(\d+))?(?:([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?/g)].at(-1);
  if (!m) throw new Error(`no number in "${text}"`);
  const base = Number(m[0].replace('−', '-').replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, ''));
  if (m[2]) {
    const exp = Number([...m[2]].map((c) => SUP[c]).join(''));
    return { value: base ** exp, unit: 0 };
  }
  return { value: base, unit: m[1] ? 10 ** -m[1].length : 1 };
}
/** The number in `text` is `actual` rounded to its last written place (or within `tol`). */
const near = (text: string, actual: number, tol?: number): Claim => {
  const s = stated(text);
  const t = tol ?? s.unit / 2 + 1e-12 * Math.abs(s.value);
  return { text, ok: Math.abs(actual - s.value) <= t + 1e-12, got: actual };
};
/** A relative claim ("about 0.2", "about 4 a step"): within a factor. */
const about = (text: string, actual: number, factor = 1.5): Claim => {
  const s = stated(text).value;
  return { text, ok: actual / s <= factor && s / actual <= factor, got: actual };
};
const holds = (text: string, ok: boolean, got?: unknown): Claim => ({ text, ok, got });
/** Quoted from a paper, a formula or a label: nothing to compute. */
const quoted = (...texts: string[]): Claim[] => texts.map((text) => ({ text, ok: true, quoted: true }));

const th = (o: SimOutput) => o.minima[o.config.start];
const sim = (q: string) => simulateQuery(q);

function claimsOf(title: string, o: SimOutput): Claim[] {
  const t = th(o);
  const sgd = o.runs.sgd!;
  const gd = o.runs.gd!;
  const rect = o.rectangle;
  const cfg = o.config;
  if (title.startsWith('Wu Fig. 2'))
    return [
      holds('η = 0.7, B = 1', cfg.eta === 0.7 && cfg.B === 1),
      near('within 10⁻³', cfg.radius),
      holds('of x = 1', t.x[0] === 1),
      holds('leave x = 1 in a burst and settle at 0 while GD stays', sgd.escaped === sgd.runs && sgd.endedNear[0] === sgd.runs && gd.escaped === 0),
      holds('At x = 1', t.x[0] === 1),
      near('a = 2', t.sharpness),
      near('s = 1.8', t.nonUniformity),
      ...quoted('f″ = 1'),
      near('2/η ≈ 2.86', rect.sharpnessMax),
      near('1/η ≈ 1.43', rect.nonUniformityMax!),
      holds('admits it for GD, but the SGD rectangle’s height 1/η ≈ 1.43 does not', t.stableGD && !t.inRectangle),
    ];
  if (title.startsWith('Wu §2'))
    return [
      holds('½(0.2x² + 3.8x²)/2', cfg.H === '0.2;3.8'),
      near('a = 2', t.sharpness),
      near('s = 1.8', t.nonUniformity),
      ...quoted('(1 − ηa)² + η²s² crosses 1', '2a/(a² + s²)', 'ρ(𝒯)^{t/2}'),
      near('≈ 0.55', (2 * t.sharpness) / (t.sharpness ** 2 + t.nonUniformity ** 2)),
      near('2/a = 1', 2 / t.sharpness),
    ];
  if (title.startsWith('Wu Fig. 3')) return quoted('width 2/η', 'top 1/(η√c)', 'strip 2/η');
  if (title.startsWith('Wu Table 3 and Fig. 8: FashionMNIST, GD'))
    return [
      ...quoted('(Wu Fig. 8)', 'B = n', 'a 1D sum'),
      holds('(a, s) = (19.7, 45.2) with n = 1000', Math.abs(t.sharpness - 19.7) < 1e-9 && Math.abs(t.nonUniformity - 45.2) < 1e-6 && cfg.n === 1000),
      holds('η = 0.5', cfg.eta === 0.5),
      near('2/η = 4', rect.sharpnessMax),
      holds('< 19.7: it escapes', gd.escaped === 1),
    ];
  if (title.startsWith('Wu Table 3 and Fig. 8: FashionMNIST, SGD')) {
    const b1 = sim('problem=point&a=19.7&s=45.2&n=1000&eta=0.1&B=1&runs=1&steps=1');
    const b100 = sim('problem=point&a=19.7&s=45.2&n=1000&eta=0.1&B=100&runs=1&steps=1');
    return [
      holds('At η = 0.1', cfg.eta === 0.1),
      near('2/η = 20', rect.sharpnessMax),
      ...quoted('≥ 19.7', '√(B(n−1)/(n−B))/η', '< 45.2'),
      near('≈ 20', rect.nonUniformityMax!),
      holds('SGD escapes where GD would stay', sgd.escaped === sgd.runs && gd.escaped === 0),
      near('B = 1 (height 10', b1.rectangle.nonUniformityMax!),
      near('B = 100 (height ≈ 105', b100.rectangle.nonUniformityMax!),
      holds('at B = 100 the minimum is inside the rectangle', b100.minima[0].inRectangle),
      near('ρ(𝒯) ≈ 1.12', b100.minima[0].spectralRadius),
      ...quoted('> 1, so'),
    ];
  }
  if (title.startsWith('Wu Table 3 and Fig. 8: corrupted')) {
    const gd3 = sim('problem=point&a=19.9&s=51.7&n=1200&eta=0.3&B=100&runs=1&steps=200');
    return [
      holds('(19.9, 51.7) with n = 1200', Math.abs(t.sharpness - 19.9) < 1e-9 && Math.abs(t.nonUniformity - 51.7) < 1e-6 && cfg.n === 1200),
      holds('at B = 100', cfg.B === 100),
      about('about 104', rect.nonUniformityMax!, 1.01),
      holds('> 51.7, inside the rectangle, and SGD stays', t.inRectangle && sgd.escaped === 0),
      near('ρ(𝒯) ≈ 1.23', t.spectralRadius),
      holds('within 200 steps', cfg.steps === 200),
      holds('GD at η = 0.3', gd3.config.eta === 0.3),
      near('2/η ≈ 6.7', gd3.rectangle.sharpnessMax),
      holds(') escapes', gd3.runs.gd!.escaped === 1),
    ];
  }
  if (title.startsWith('Wu Table 2'))
    return [...quoted('η = 0.1 (FashionMNIST 19.6 ± 0.15, CIFAR10 19.8 ± 0.1)'), near('2/η = 20', rect.sharpnessMax)];
  if (title.startsWith('Wu Fig. 6')) {
    const b25 = sim('problem=point&a=0.75&s=2.3&n=1000&eta=0.5&B=25&runs=1&steps=1');
    return [
      ...quoted('Wu Fig. 6 plots', 'a 3.30–3.98, s 11.7–13.9', 'B = 4 at a 0.67–0.83, s 2.14–2.43'),
      holds('at η = 0.5;', cfg.eta === 0.5),
      near('height 4.01', rect.nonUniformityMax!),
      holds('(B = 25', b25.config.B === 25),
      near(': 10.1', b25.rectangle.nonUniformityMax!),
    ];
  }
  if (title.startsWith('Mean-square versus almost-sure'))
    return [near('ρ(𝒯) ≈ 1.0101', t.spectralRadius), near('Λ ≈ −0.0071', t.lyapunov.value), holds('> 1, so', t.spectralRadius > 1), holds('< 0: almost every run stays', t.lyapunov.value < 0 && sgd.escaped === 0)];
  if (title.startsWith('Patel Figs. 1–4: quadratic-circle Model 1')) {
    const four = sim('problem=circle&model=1&eta=4&B=1&sampling=with&runs=100&steps=20&radius=0.01');
    return [
      ...quoted('Patel Figs. 1–4', 'Model 1 (sharp', 'SGD-1', '(his Table 1: 4.98)', 'window 4–16'),
      holds('100 runs of 20 iterations', sgd.runs === 100 && cfg.steps === 20),
      holds('α = 8', cfg.eta === 8),
      near('2/a ≈ 5.0', 2 / t.sharpness),
      holds('leaves the quad basin, and so does GD', sgd.escaped === 100 && gd.escaped === 1),
      holds('at α = 4 (type it) both stay', four.runs.sgd!.escaped === 0 && four.runs.gd!.escaped === 0),
      near('s ≈ 0.03', t.nonUniformity),
    ];
  }
  if (title.startsWith('Patel Figs. 1–4: quadratic-circle Model 2')) {
    const six = sim('problem=circle&model=2&eta=600&B=1&sampling=with&runs=100&steps=20&radius=0.01');
    return [
      ...quoted('Patel Figs. 1–4', 'Model 2 has', '(his Table 1: 995)', 'window 256–1024'),
      near('2/a ≈ 714', 2 / t.sharpness),
      holds('At α = 1000', cfg.eta === 1000),
      near('about 3.3-fold', t.spectralRadius),
      near('(ρ(𝒯) ≈ 3.3', t.spectralRadius),
      near('√ρ ≈ 1.8', Math.sqrt(t.spectralRadius)),
      holds('median step of 10', sgd.medianEscapeStep === 10 && sgd.escaped === 100),
      holds('at α = 600 they stay', six.runs.sgd!.escaped === 0),
    ];
  }
  if (title.startsWith('Patel Figs. 1–4: quadratic-circle Model 3')) {
    const m1 = sim('problem=circle&model=1&eta=8&B=1&sampling=with&runs=100&steps=20&radius=0.01');
    return [
      ...quoted('Patel Figs. 1–4', 'Model 3: the sharp quad of Model 1', 'Models 1 and 3', 'Model 3 circle'),
      holds('At α = 8', cfg.eta === 8),
      near('(ρ(𝒯) ≈ 4.7', t.spectralRadius),
      holds('only 20 of 100 runs escape within 20 iterations', sgd.escaped === 20 && sgd.runs === 100 && cfg.steps === 20),
      holds('against 100 of 100 in Model 1', m1.runs.sgd!.escaped === 100),
    ];
  }
  if (title.startsWith('Patel Figs. 1–4: quadratic-circle Model 4')) {
    const six = sim('problem=circle&model=4&eta=600&B=1&sampling=with&runs=100&steps=20&radius=0.01');
    return [
      ...quoted('Patel Figs. 1–4', 'Model 4: both', 'As in Model 2'),
      holds('α = 1000', cfg.eta === 1000),
      near('2/a ≈ 713', 2 / t.sharpness),
      holds('every run leaves within 20 iterations', sgd.escaped === sgd.runs && cfg.steps === 20),
      holds('at α = 600 they stay', six.runs.sgd!.escaped === 0),
    ];
  }
  if (title.startsWith('Patel Styblinski–Tang Model 1: η = 1.5·l'))
    return [
      ...quoted('Patel Styblinski–Tang Model 1', '(Theorem 16)', '≠ 0'),
      near('(‖∇fᵢ‖ ≈ 125', t.noise!.gradientNoise),
      holds('η = 1.5·l', Math.abs(cfg.eta - Number((1.5 * t.patel!.lower).toPrecision(4))) < 1e-12),
      near('ρ(𝒯) ≈ 4', t.spectralRadius),
      holds('(R = 5) within a step or two', cfg.escape === 5 && sgd.escaped === sgd.runs && Math.max(...sgd.escapeSteps) <= 2, Math.max(...sgd.escapeSteps)),
    ];
  if (title.startsWith('Patel Styblinski–Tang Model 1: η = ½(u + l)'))
    return [
      ...quoted('Patel Styblinski–Tang Model 1'),
      near('u ≈ 0.029', t.patel!.upper),
      near('l ≈ 0.035', t.patel!.lower),
      near('ρ(𝒯) ≈ 1.2', t.spectralRadius),
      holds('leave the basin within a few steps', sgd.escaped === sgd.runs && sgd.medianEscapeStep! <= 3),
    ];
  if (title.startsWith('Patel Styblinski–Tang Model 1: η = ½·u'))
    return [
      ...quoted('Patel Styblinski–Tang Model 1', '(Theorem 17)', 'than at 1.5·l'),
      near('ρ(𝒯) ≈ 0.5', t.spectralRadius),
      near('finite (≈ 2.5', t.noise!.spread!),
      holds('92 of 100 runs wander out', sgd.escaped === 92 && sgd.runs === 100),
      holds('(median step 44.5', sgd.medianEscapeStep === 44.5),
    ];
  if (title.startsWith('A 2D quadratic sum'))
    return [
      ...quoted('2×2 components', 'In d > 1', '1/(η√c)', '(a ≤ 2/η)'),
      holds('At η = 0.5', cfg.eta === 0.5),
      holds('(a, s) ≈ (3.95, 1.88)', Math.abs(t.sharpness - 3.95) < 0.005 && Math.abs(t.nonUniformity - 1.88) < 0.005),
      holds('lies inside Wu’s rectangle', t.inRectangle),
      near('2/η = 4', rect.sharpnessMax),
      near(' = 2)', rect.nonUniformityMax!),
      near('ρ(𝒯) ≈ 1.48', t.spectralRadius),
      near('Λ ≈ 0.14', t.lyapunov.value),
      holds('> 0: every SGD run escapes while GD', t.lyapunov.value - 2 * t.lyapunov.stderr > 0 && sgd.escaped === sgd.runs && gd.escaped === 0),
    ];
  if (title.startsWith('Wu–Wang–Su Fig. 4')) {
    const sw = o.switch!;
    const mean = sgd.curves.meanLoss;
    const at = (k: number) => mean[sgd.curves.step.indexOf(k)];
    return [
      ...quoted('Wu–Wang–Su Fig. 4', 'Theorem 3.5'),
      holds('(n = 20, k = 40)', cfg.n === 20 && cfg.width === 40),
      ...quoted('from α = 0.5'),
      holds('η = 0.1', cfg.eta === 0.1),
      holds('below 10⁻⁶ (34 steps)', cfg.switchloss === 1e-6 && sw.step === 34),
      holds('200 SGD runs with B = 1', sgd.runs === 200 && cfg.B === 1),
      near('a ≈ 12', t.sharpness),
      near('2/η = 20', rect.sharpnessMax),
      near('‖H‖_F ≈ 23.4', sw.theory!.frobenius),
      near('√(B/μ₀)/η ≈ 14.1', sw.theory!.frobeniusBound!),
      holds('from 10⁻⁶', sw.loss < 1e-6),
      holds('about 0.2 in 9 steps', at(9) > 0.1 && at(9) < 0.3 && at(8) < 0.1, [at(8), at(9)]),
      holds('all 200 runs escape (median step 16); 106 of them then overflow (diverge) within the 25 steps', sgd.escaped === 200 && sgd.medianEscapeStep === 16 && sgd.diverged === 106 && cfg.steps === 25),
      holds('GD continued from the same point stays', gd.escaped === 0),
      near('γ₀ ≈ 2.7', sw.theory!.gamma0!),
      about('about 4 a step', (at(9) / at(0)) ** (1 / 9), 1.15),
      near('μ₀ ≈ 0.5', sw.theory!.mu0!),
    ];
  }
  if (title.startsWith('Wu–Wang–Su §3.3')) {
    const aligned = sim(presetQuery(PRESETS.find((p) => p.title.startsWith(title))!).replace('noise=isotropic', 'noise=aligned'));
    return [
      ...quoted('Wu–Wang–Su §3.3', 'S = 2σ²L·I', 'S = 2L·H'),
      holds('none of the 200 runs escapes in 25 steps', sgd.escaped === 0 && sgd.runs === 200 && cfg.steps === 25),
      holds('from 10⁻⁶', o.switch!.loss < 1e-6),
      about('to about 10⁻⁴', sgd.curves.meanLoss.at(-1)!, 2),
      holds('every run escapes, median step 10', aligned.runs.sgd!.escaped === 200 && aligned.runs.sgd!.medianEscapeStep === 10),
    ];
  }
  if (title.startsWith('Wu §5 live')) {
    const net = o.network!;
    const [gdEnd, ...sgdEnds] = net.ends;
    const all = (f: (e: (typeof sgdEnds)[number]) => boolean) => sgdEnds.length === 4 && sgdEnds.every(f);
    return [
      ...quoted('Wu §5', 'a ≤ 2/η', 's ≤ 1/(η√c)'),
      holds('A 64–32–10 tanh network', net.layers.join('–') === '64–32–10' && net.activation === 'tanh'),
      holds('first 50 UCI digits (p = 2410)', net.data === 'digits' && o.problem.n === 50 && net.parameters === 2410),
      holds('4 SGD runs with B = 10 at η = 0.2 for 2000 steps', sgd.runs === 4 && cfg.B === 10 && cfg.eta === 0.2 && cfg.steps === 2000),
      holds('All five reach loss < 10⁻⁴', net.ends.length === 5 && net.ends.every((e) => e.trained && e.loss < 1e-4)),
      near('a ≈ 6.25', gdEnd.sharpness!.value),
      near('s ≈ 16.0', gdEnd.nonUniformity!.value),
      holds('a between 5.5 and 5.7', all((e) => e.sharpness!.value > 5.5 && e.sharpness!.value < 5.7)),
      holds('s between 14.0 and 14.2', all((e) => e.nonUniformity!.value > 14 && e.nonUniformity!.value < 14.2)),
      holds('all inside', net.ends.every((e) => e.sharpness!.upper <= rect.sharpnessMax && e.nonUniformity!.upper <= rect.nonUniformityMax!)),
      near('2/η = 10', rect.sharpnessMax),
      near('1/(η√c) ≈ 17.5', rect.nonUniformityMax!),
    ];
  }
  throw new Error(`no claims for preset "${title}"`);
}

/** The phase-diagram preset: its grid of the toy is computed, not only the live run. */
function phaseClaims(query: string): Claim[] {
  const { config } = decodeQuery(query);
  const { problem } = buildProblem(config);
  const spec = phaseGridOf(config);
  const E = spec.etaCount;
  const eta = (i: number) => etaAt(spec, i);
  const row = Array.from({ length: E }, (_, i) => phaseCell(problem, spec, i));
  const gdRow = Array.from({ length: E }, (_, i) => phaseCell(problem, spec, E + i));
  const t = theoryOfMinima(problem, config)[config.start];
  const band = row.filter((_, i) => eta(i) > 0.5525 && eta(i) < 0.5595);
  const cellNear = (e: number) => row[Array.from({ length: E }, (_, i) => Math.abs(eta(i) - e)).reduce((b, v, i, a) => (v < a[b] ? i : b), 0)];
  const firstAll = Array.from({ length: E }, (_, i) => i).find((i) => row.slice(i).every((v) => v === 100))!;
  return [
    holds('x* = 1', t.x[0] === 1),
    holds('η from 0.53 to 0.6', spec.etaMin === 0.53 && spec.etaMax === 0.6),
    holds('100 runs per cell', spec.runs === 100),
    near('from within 10⁻⁵', config.radius),
    holds('escape past 0.1 within 1000 steps', config.escape === 0.1 && config.steps === 1000),
    near('ρ(𝒯) = 1 at η ≈ 0.5525', (2 * t.sharpness) / (t.sharpness ** 2 + t.nonUniformity ** 2)),
    holds('Λ = 0 only at η ≈ 0.5595', (() => {
      const lam = (e: number) => 0.5 * Math.log(Math.abs(1 - 0.2 * e)) + 0.5 * Math.log(Math.abs(1 - 3.8 * e));
      return lam(0.5594) < 0 && lam(0.5596) > 0;
    })()),
    holds('(1 run of 100 escapes, at η ≈ 0.558, in the band’s 4 cells)', band.length === 4 && band.reduce((a, b) => a + b, 0) === 1 && cellNear(0.558) === 1, band),
    holds('just past Λ = 0', true),
    holds('(5 of 100 at η ≈ 0.561', cellNear(0.561) === 5, cellNear(0.561)),
    holds('44 at η ≈ 0.565', cellNear(0.565) === 44, cellNear(0.565)),
    near('all 100 escape from η ≈ 0.576', eta(firstAll)),
    holds('B = 2 = n, is GD: nothing escapes below 2/a = 1', spec.batches[1] === 2 && problem.n === 2 && gdRow.every((v) => v === 0)),
  ];
}

function selectionClaims(query: string): Claim[] {
  const { config } = decodeQuery(query);
  const { problem } = buildProblem(config);
  const theory = theoryOfMinima(problem, config);
  const stable = theory.map((m) => m.stableSGD);
  const spec = { eta: config.eta, B: config.B, sampling: config.sampling, seed: config.seed, runs: config.selruns, steps: config.steps, around: null, radius: config.selradius, settleRadius: config.escape, rng: generatorOf(config.v) };
  const sgd = selection(problem, spec, 'sgd');
  const gd = selection(problem, spec, 'gd');
  const inStable = (r: typeof sgd) => r.counts.reduce((a, c, i) => a + (stable[i] ? c : 0), 0);
  const settled = (r: typeof sgd) => r.counts.reduce((a, b) => a + b, 0);
  return [
    ...quoted('Patel §4', 'd = 10'),
    holds('All 2¹⁰ = 1024 minima', problem.minima.length === 1024),
    holds('N = 200 components', problem.n === 200),
    holds('η = 0.03', config.eta === 0.03),
    holds('256 of 1024 minima stable for SGD with B = 1 and all 1024 for GD', stable.filter(Boolean).length === 256 && theory.every((m) => m.stableGD) && config.B === 1),
    holds('100 SGD and 100 GD runs', config.selruns === 100),
    holds('300 steps, settled within R = 4', config.steps === 300 && config.escape === 4),
    holds('GD settles every run', settled(gd) === 100),
    holds('56 of 100 runs are still moving', sgd.unsettled === 56),
    holds('The 44 that settle', settled(sgd) === 44),
    holds('13 end in SGD-stable ones', inStable(sgd) === 13, inStable(sgd)),
    holds('as GD’s 24 of 100 do', inStable(gd) === 24, inStable(gd)),
    holds('ρ(𝒯) > 1 means', theory.filter((m) => !m.stableSGD).length === 768),
  ];
}

/** Digits a note still holds after removing every claim's text: each is an unchecked number. */
function uncovered(note: string, claims: Claim[]): string[] {
  let rest = note;
  for (const c of [...claims].sort((a, b) => b.text.length - a.text.length)) rest = rest.split(c.text).join(' ');
  return rest.match(/\d+(?:\.\d+)?/g) ?? [];
}

// The network preset trains on the digits, which are loaded on first use.
beforeAll(async () => {
  await loadDigits();
});

describe('every preset note’s numbers are what the explorer computes for its link', () => {
  for (const p of PRESETS) {
    it(p.title, () => {
      const query = presetQuery(p);
      const claims = query.includes('tab=phase') ? phaseClaims(query) : query.includes('tab=selection') ? selectionClaims(query) : claimsOf(p.title, simulateQuery(query));
      for (const c of claims) {
        if (!c.quoted) expect(p.note, `claim text not in the note: "${c.text}"`).toContain(c.text);
        expect(c.ok, `“${c.text}” is not what the explorer computes (got ${JSON.stringify(c.got)})`).toBe(true);
      }
      expect(uncovered(p.note, claims), 'numbers in the note that no claim checks').toEqual([]);
    }, 120_000);
  }
});
