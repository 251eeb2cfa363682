import { decodeQuery, encodeQuery } from '../../core/params/query';
import { buildProblem } from '../../core/problems/build-problem';
import { generatorOf } from '../../core/rng';
import { analyseMinimum } from '../../core/theory/analyse-minimum';
import { EXPLORE_PRESETS } from './explore-presets';
import type { Preset } from './preset';
import { NETWORK_PRESETS } from './network-presets';
import { WWS_PRESETS } from './wws-presets';

export type { Preset };

/**
 * Patel's step sizes for Styblinski–Tang Model 1: 1.5·l, ½(u + l) and ½u of his
 * bounds at the start minimum, computed by the explorer's own Patel bounds.
 */
function patelStyblinski(which: 'low' | 'mid' | 'high'): () => string {
  return () => {
    const base = 'problem=styblinski&d=10&n=200&B=1&sampling=with&runs=100&steps=200&radius=0.01&escape=5';
    const { config } = decodeQuery(`${base}&eta=0.01`);
    const { problem } = buildProblem(config);
    const th = analyseMinimum(problem, problem.minima[config.start], { eta: 0.01, B: 1, sampling: 'with', radius: config.radius, escape: config.escape, seed: config.seed, rng: generatorOf(config.v) });
    const l = th.patel?.lower ?? NaN;
    const u = th.patel?.upper ?? NaN;
    const eta = which === 'low' ? 1.5 * l : which === 'mid' ? 0.5 * (u + l) : 0.5 * u;
    const safe = Number.isFinite(eta) && eta > 0 ? Number(eta.toPrecision(4)) : 0.01;
    return encodeQuery(decodeQuery(`${base}&eta=${safe}`).config);
  };
}

export const PRESETS: Preset[] = [
  {
    title: 'Wu Fig. 2: the two-minima toy',
    note: 'η = 0.7, B = 1, every run starts within 10⁻³ of x = 1. Watch SGD leave x = 1 in a burst and settle at 0 while GD stays. At x = 1 the toy has a = 2 and s = 1.8 (the paper’s text says f″ = 1): 2/η ≈ 2.86 admits it for GD, but the SGD rectangle’s height 1/η ≈ 1.43 does not.',
    query: 'problem=toy&eta=0.7&B=1&seed=7&runs=100&steps=200',
  },
  {
    title: 'Wu §2: a 1D quadratic sum',
    note: 'f = ½(0.2x² + 3.8x²)/2 has a = 2 and s = 1.8. Move η: the factor (1 − ηa)² + η²s² crosses 1 at η = 2a/(a² + s²) ≈ 0.55, long before GD’s 2/a = 1. Above it SGD’s distance grows as ρ(𝒯)^{t/2}, the dashed line.',
    query: 'problem=quadratic&H=0.2;3.8&eta=0.6&B=1&seed=1&runs=100&steps=200&escape=1',
  },
  {
    title: 'Wu Fig. 3, left: B shrinks only the height',
    note: 'Rectangles for several B at one η: every one has the same width 2/η; a smaller batch lowers the top 1/(η√c). Drag the corner to change η and B together.',
    query: 'problem=point&a=2&s=1.8&n=100&eta=0.5&B=4&family=batch&runs=100',
  },
  {
    title: 'Wu Fig. 3, right: η shrinks both sides',
    note: 'Rectangles for several η at one B: a larger η narrows the strip 2/η and lowers the top together.',
    query: 'problem=point&a=2&s=1.8&n=100&eta=0.5&B=4&family=eta&runs=100',
  },
  {
    title: 'Wu Table 3 and Fig. 8: FashionMNIST, GD η = 0.5',
    note: 'The FashionMNIST minimum (a, s) = (19.7, 45.2) with n = 1000, realised as a 1D sum with those a and s. GD (B = n) at η = 0.5 has 2/η = 4 < 19.7: it escapes (Wu Fig. 8). The pink marks are the paper’s data.',
    query: 'problem=point&a=19.7&s=45.2&n=1000&eta=0.5&B=1000&runs=50&steps=100',
  },
  {
    title: 'Wu Table 3 and Fig. 8: FashionMNIST, SGD η = 0.1, B = 4',
    note: 'At η = 0.1, 2/η = 20 ≥ 19.7 but the height √(B(n−1)/(n−B))/η ≈ 20 < 45.2: SGD escapes where GD would stay. Try B = 1 (height 10) and B = 100 (height ≈ 105): at B = 100 the minimum is inside the rectangle, yet ρ(𝒯) ≈ 1.12 > 1, so the second moment still grows.',
    query: 'problem=point&a=19.7&s=45.2&n=1000&eta=0.1&B=4&runs=100&steps=200',
  },
  {
    title: 'Wu Table 3 and Fig. 8: corrupted FashionMNIST, SGD η = 0.1, B = 100',
    note: 'The corrupted minimum (19.9, 51.7) with n = 1200: at B = 100 the height is about 104 > 51.7, inside the rectangle, and SGD stays, as in Wu’s runs. The rectangle is only necessary: ρ(𝒯) ≈ 1.23 says the second moment still grows, but the runs do not follow it within 200 steps. GD at η = 0.3 (2/η ≈ 6.7) escapes.',
    query: 'problem=point&a=19.9&s=51.7&n=1200&eta=0.1&B=100&runs=100&steps=200',
  },
  {
    title: 'Wu Table 2: GD goes as sharp as 2/η allows',
    note: 'The pink marks are Wu’s measured sharpness of GD’s solutions at η = 0.1 (FashionMNIST 19.6 ± 0.15, CIFAR10 19.8 ± 0.1): right at the strip’s edge 2/η = 20. Data from the paper, drawn as reference.',
    query: 'problem=point&a=19.6&s=0.1&n=1000&eta=0.1&B=1000&runs=10&steps=200',
  },
  {
    title: 'Wu Fig. 6: the published ranges at η = 0.5',
    note: 'Wu Fig. 6 plots the minima GD and SGD found on FashionMNIST at η = 0.5; the paper prints no numbers for them and says every solution lies below its predicted height. The boxes are ranges read off that plot for this explorer, approximate: GD’s minima at a 3.30–3.98, s 11.7–13.9; SGD B = 4 at a 0.67–0.83, s 2.14–2.43, under its height 4.01. Change B to see each height (B = 25: 10.1).',
    query: 'problem=point&a=0.75&s=2.3&n=1000&eta=0.5&B=4&runs=100',
  },
  {
    title: 'Mean-square versus almost-sure: the toy at η = 0.555',
    note: 'Here ρ(𝒯) ≈ 1.0101 > 1, so the second moment grows, yet Λ ≈ −0.0071 < 0: almost every run stays (docs/theory.md#mean-square-and-almost-sure-stability). The dashed ρ line rises; the runs do not follow it.',
    query: 'problem=toy&eta=0.555&B=1&seed=3&runs=200&steps=300&radius=0.00001&escape=0.1',
  },
  {
    title: 'Patel Figs. 1–4: quadratic-circle Model 1, SGD-1',
    note: 'Patel’s Model 1 (sharp quad, sharp circle), 100 runs of 20 iterations from the quadratic minimum, distance on a log scale. α = 8 is past 2/a ≈ 5.0 (his Table 1: 4.98), inside his window 4–16: SGD-1 leaves the quad basin, and so does GD; at α = 4 (type it) both stay. The quad minimum is nearly uniform (s ≈ 0.03), so SGD’s threshold is GD’s.',
    query: 'problem=circle&model=1&eta=8&B=1&sampling=with&runs=100&steps=20&radius=0.01',
  },
  {
    title: 'Patel Figs. 1–4: quadratic-circle Model 2',
    note: 'Model 2 has a flat quad basin: 2/a ≈ 714 here (his Table 1: 995). At α = 1000, inside his window 256–1024, E‖x‖² grows about 3.3-fold a step (ρ(𝒯) ≈ 3.3), so the distance grows about √ρ ≈ 1.8-fold, and the runs leave at a median step of 10; at α = 600 they stay.',
    query: 'problem=circle&model=2&eta=1000&B=1&sampling=with&runs=100&steps=20&radius=0.01',
  },
  {
    title: 'Patel Figs. 1–4: quadratic-circle Model 3',
    note: 'Model 3: the sharp quad of Model 1 beside a flat, low circle. At α = 8 the quad minimum is unstable (ρ(𝒯) ≈ 4.7), yet only 20 of 100 runs escape within 20 iterations, against 100 of 100 in Model 1. Patel reports Models 1 and 3 behaving alike near the quad minimum; the difference here most likely comes from the coefficients, which he does not print (the explorer’s are in the README): its Model 3 circle is flat and low and pulls less.',
    query: 'problem=circle&model=3&eta=8&B=1&sampling=with&runs=100&steps=20&radius=0.01',
  },
  {
    title: 'Patel Figs. 1–4: quadratic-circle Model 4',
    note: 'Model 4: both basins flat. As in Model 2, α = 1000 is past the quad’s 2/a ≈ 713 and every run leaves within 20 iterations; at α = 600 they stay.',
    query: 'problem=circle&model=4&eta=1000&B=1&sampling=with&runs=100&steps=20&radius=0.01',
  },
  {
    title: 'Patel Styblinski–Tang Model 1: η = 1.5·l',
    note: 'An inhomogeneous minimum: ∇fᵢ(x*) ≠ 0 (‖∇fᵢ‖ ≈ 125 here), so SGD never converges; it hovers at a noise floor, which is not divergence. η = 1.5·l is above Patel’s divergence bound l (Theorem 16): ρ(𝒯) ≈ 4, and every run is thrown out of the basin (R = 5) within a step or two and rattles against the box.',
    query: patelStyblinski('low'),
  },
  {
    title: 'Patel Styblinski–Tang Model 1: η = ½(u + l)',
    note: 'Between Patel’s bounds (here u ≈ 0.029 < η < l ≈ 0.035) neither of his theorems decides; ρ(𝒯) ≈ 1.2, and the runs still leave the basin within a few steps.',
    query: patelStyblinski('mid'),
  },
  {
    title: 'Patel Styblinski–Tang Model 1: η = ½·u',
    note: 'Below Patel’s convergence bound u (Theorem 17): ρ(𝒯) ≈ 0.5 and the linearised spread is finite (≈ 2.5), yet that noise floor is wide against the basin, so 92 of 100 runs wander out (median step 44.5), and settle far lower than at 1.5·l. Patel reports stability at this step size; the difference most likely comes from the coefficients, which he does not print (the explorer draws its own, README). A stable linearisation is not confinement at an inhomogeneous minimum.',
    query: patelStyblinski('high'),
  },
  {
    title: 'A 2D quadratic sum where the rectangle and the exact region disagree',
    note: 'Two positive definite 2×2 components whose Hessians do not commute. At η = 0.5 the minimum, (a, s) ≈ (3.95, 1.88), lies inside Wu’s rectangle (2/η = 4, 1/(η√c) = 2), yet ρ(𝒯) ≈ 1.48 and Λ ≈ 0.14 > 0: every SGD run escapes while GD (a ≤ 2/η) stays. In d > 1 the rectangle is neither necessary nor sufficient (README, “The theory per minimum”); ρ(𝒯) decides.',
    query: 'problem=quadratic&H=0.8,1.7,4.3;4.5,1,0.8&eta=0.5&B=1&runs=100&steps=300&escape=1',
  },
  ...EXPLORE_PRESETS,
  ...WWS_PRESETS,
  ...NETWORK_PRESETS,
];

export const presetQuery = (p: Preset) => (typeof p.query === 'string' ? p.query : p.query());
