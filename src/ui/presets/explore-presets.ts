import type { Preset } from './preset';

/**
 * Presets of the phase diagram and the selection experiment. Each
 * note states what the runs show, checked by running the preset
 * (e2e/explore.spec.ts), beside what the theory says.
 */
export const EXPLORE_PRESETS: Preset[] = [
  {
    title: 'Beyond the papers: the toy’s phase diagram, mean-square versus almost-sure',
    note: 'Wu’s toy at x* = 1, η from 0.53 to 0.6, 100 runs per cell from within 10⁻⁵, escape past 0.1 within 1000 steps. Theory: ρ(𝒯) = 1 at η ≈ 0.5525 (blue) but Λ = 0 only at η ≈ 0.5595 (dashed). Measured: in the band between them, where the second moment grows, almost every run converges (1 run of 100 escapes, at η ≈ 0.558, in the band’s 4 cells); escapes take off just past Λ = 0 (5 of 100 at η ≈ 0.561, 44 at η ≈ 0.565) and all 100 escape from η ≈ 0.576. The upper row, B = 2 = n, is GD: nothing escapes below 2/a = 1.',
    query: 'problem=toy&tab=phase&eta=0.555&B=1&etamin=0.53&etamax=0.6&grid=40&cellruns=100&steps=1000&radius=0.00001&escape=0.1&seed=1',
  },
  {
    title: 'Patel §4: Styblinski–Tang d = 10, selection by SGD B = 1 against GD',
    note: 'All 2¹⁰ = 1024 minima, N = 200 components, η = 0.03: the atlas counts 256 of 1024 minima stable for SGD with B = 1 and all 1024 for GD (theory). 100 SGD and 100 GD runs from the same uniform starts, 300 steps, settled within R = 4. Measured: GD settles every run; SGD hovers at its noise floor (the minima are not fixed points), and 56 of 100 runs are still moving. The 44 that settle do not avoid the SGD-unstable minima: 13 end in SGD-stable ones, about the quarter that are stable, as GD’s 24 of 100 do. Here ρ(𝒯) > 1 means the linearised spread grows, yet the quartic walls keep SGD in its basin: the selection the rectangle predicts does not happen on this problem.',
    query: 'problem=styblinski&d=10&n=200&tab=selection&eta=0.03&B=1&selruns=100&steps=300&escape=4&seed=1',
  },
];
