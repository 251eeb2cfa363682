import type { Preset } from './preset';

/** Wu–Wang–Su presets (issue 10). */
export const WWS_PRESETS: Preset[] = [
  {
    title: 'Wu–Wang–Su Fig. 4: exponential escape',
    note: '200 SGD runs from a minimum GD found, on a random-features model; where ‖H‖_F exceeds √(B/μ₀)/η the loss grows like γ₀ᵗ and escapes within about ten steps.',
    query: 'problem=features&n=40&width=200&eta=0.9&B=1&runs=200&steps=60',
  },
  {
    title: 'Wu–Wang–Su §3.3: isotropic noise barely escapes',
    note: 'The same run with SGD’s noise replaced by isotropic Gaussian noise of the same total variance: it escapes far more slowly than SGD.',
    query: 'problem=features&n=40&width=200&eta=0.9&B=1&runs=200&steps=60&noise=isotropic',
  },
];
