import type { Preset } from './preset';

/**
 * A network's minima (Wu–Ma–E §5), measured live on the explorer's own network.
 * The numbers in the note are `npm run sim`'s for the query
 * (tests/ui/preset-notes.test.ts checks each one).
 */
export const NETWORK_PRESETS: Preset[] = [
  {
    title: 'Wu §5 live: a network’s GD and SGD minima on the digits',
    note: 'A 64–32–10 tanh network on the first 50 UCI digits (p = 2410), trained from one initialisation by GD and by 4 SGD runs with B = 10 at η = 0.2 for 2000 steps. All five reach loss < 10⁻⁴. GD’s minimum has a ≈ 6.25 and s ≈ 16.0; the SGD runs end flatter and more uniform, a between 5.5 and 5.7 and s between 14.0 and 14.2, all inside the rectangle a ≤ 2/η = 10, s ≤ 1/(η√c) ≈ 17.5. Watch GD’s sharpness along training, then run the sweeps below. Measured on this network, not the paper’s FashionMNIST networks; the numbers are estimates with the intervals the table gives.',
    query: 'problem=mlp&eta=0.2&B=10&runs=4&steps=2000&tab=network',
  },
];
