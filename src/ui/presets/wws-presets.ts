import type { Preset } from './preset';

/**
 * Wu–Wang–Su presets. The numbers in the notes are `npm run sim`'s for these
 * queries. The step sizes put ‖H‖_F above √(B/μ₀)/η on purpose: a random-features
 * model at η = 0.9, say, has ‖H‖_F ≈ 0.43 far below the bound ≈ 3.5, and no run escapes.
 */
export const WWS_PRESETS: Preset[] = [
  {
    title: 'Wu–Wang–Su Fig. 4: exponential escape',
    note: 'A diagonal linear network (n = 20, k = 40) near its minimum from α = 0.5. GD with η = 0.1 runs until the loss is below 10⁻⁶ (34 steps), then 200 SGD runs with B = 1 and the same η start from GD’s point. The minimum is stable for GD (a ≈ 12 < 2/η = 20) but ‖H‖_F ≈ 23.4 exceeds √(B/μ₀)/η ≈ 14.1: the mean loss climbs from 10⁻⁶ to about 0.2 in 9 steps and all 200 runs escape (median step 16); 106 of them then overflow (diverge) within the 25 steps, while GD continued from the same point stays. γ₀ ≈ 2.7 is Theorem 3.5’s lower bound on the growth per step; the mean grows faster, about 4 a step, because the alignment along the run is above μ₀ ≈ 0.5.',
    query: 'problem=dln&eta=0.1&B=1&start=1&radius=0.05&switchloss=1e-6&runs=200&steps=25&tab=wws',
  },
  {
    title: 'Wu–Wang–Su §3.3: isotropic noise barely escapes',
    note: 'The same switch, with SGD’s noise replaced by isotropic Gaussian noise of the same total variance (S = 2σ²L·I, σ² = Tr(H)/p): none of the 200 runs escapes in 25 steps, and the mean loss only creeps from 10⁻⁶ to about 10⁻⁴. The noise is spent on flat directions. Switch to aligned noise (S = 2L·H) and every run escapes, median step 10.',
    query: 'problem=dln&eta=0.1&B=1&start=1&radius=0.05&switchloss=1e-6&runs=200&steps=25&noise=isotropic&tab=wws',
  },
];
