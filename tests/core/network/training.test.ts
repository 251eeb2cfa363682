import { describe, expect, it } from 'vitest';
import { decodeQuery } from '../../../src/core/params/query';
import { prepareRun } from '../../../src/core/prepare-run';
import { NetworkTraining } from '../../../src/core/network/training';
import { simulateQuery } from '../../../src/core/simulate';

const query = 'problem=mlp&data=moons&n=16&width=12&eta=0.5&B=4&runs=2&steps=400';

describe("a network's training, as the training view records it", () => {
  it('ends where `npm run sim` ends, with the same measured minima', () => {
    const training = new NetworkTraining(prepareRun(decodeQuery(query).config));
    const points = [training.record()];
    while (!training.done) points.push(training.advance());
    expect(points.map((p) => p.t)).toEqual(Array.from({ length: 51 }, (_, k) => 8 * k));
    const sim = simulateQuery(query);
    expect(training.gd!.summary().checksum).toBe(sim.runs.gd!.checksum);
    expect(training.sgd!.summary().checksum).toBe(sim.runs.sgd!.checksum);
    const ends = training.ends();
    expect(ends.map((e) => [e.optimiser, e.run, e.loss, e.trained, e.sharpness?.value ?? null])).toEqual(sim.network!.ends.map((e) => [e.optimiser, e.run, e.loss, e.trained, e.sharpness?.value ?? null]));
    expect(points.at(-1)!.gdLoss).toBe(sim.network!.ends[0].loss);
  });

  it('records the loss falling and the sharpness every fifth point, and none between', () => {
    const training = new NetworkTraining(prepareRun(decodeQuery(query).config));
    const points = [training.record()];
    while (!training.done) points.push(training.advance());
    expect(points.at(-1)!.gdLoss!).toBeLessThan(points[0].gdLoss! / 10);
    const withA = points.filter((p) => p.gdSharpness !== null).map((p) => p.t);
    expect(withA).toEqual([0, 40, 80, 120, 160, 200, 240, 280, 320, 360, 400]);
    for (const p of points) expect(p.sgdLoss).toHaveLength(2);
  });

  it('refuses a problem that is not a network, by name', () => {
    expect(() => new NetworkTraining(prepareRun(decodeQuery('problem=toy').config))).toThrow('the training view needs problem=mlp, got problem=toy');
  });
});
