import { describe, expect, it } from 'vitest';
import { benchOptions } from '../../bench/options';
import { END, readmeSection, replaceSection, START } from '../../bench/readme-table';
import { makeReport } from '../../bench/report';
import { measureAll } from '../../bench/run';
import { isSkipped } from '../../bench/stat';

// `npm run bench -- --quick` without the page, so the bench cannot rot. Times are
// machine-dependent: nothing here asserts a speed, only that every figure exists.
describe('npm run bench -- --quick (engine, references, theory)', () => {
  it('measures every engine and theory figure as a positive finite number, in the report shape', { timeout: 180_000 }, async () => {
    const opts = benchOptions('quick', { page: false });
    const report = makeReport(opts, await measureAll(opts), 1);

    expect(report.mode).toBe('quick');
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
    expect(isSkipped(report.page)).toBe(true);

    for (const opt of ['sgd', 'gd'] as const) {
      for (const key of ['toy', 'customToy', 'quadratic', 'circle', 'styblinski'] as const) {
        const t = report.engine[opt][key];
        // One sample per fresh process (bench/processes.ts).
        expect(t.stepsPerSecond.samples).toHaveLength(opts.processes);
        expect(t.stepsPerSecond.min).toBeLessThanOrEqual(t.stepsPerSecond.max);
        expect(t.stepsPerSecond.median, `${opt} ${key}`).toBeGreaterThan(0);
        expect(Number.isFinite(t.stepsPerSecond.median)).toBe(true);
        expect(t.trace.steps).toBe(t.stepsPerSample);
      }
    }
    expect(report.engine.ensemble.seconds.median).toBeGreaterThan(0);
    expect(report.engine.ensemble.runs * report.engine.ensemble.steps).toBe(1e6);

    // The references are skipped with a reason where gcc or numpy are missing; where
    // present, the C loops must end exactly where the engine did.
    if (!isSkipped(report.native)) {
      expect(report.native.toySgd.matchesEngine).toBe(true);
      expect(report.native.circleGd.matchesEngine).toBe(true);
      expect(report.engine.sgd.toy.paired?.ratio.median).toBeGreaterThan(0);
      const ens = report.nativeEnsemble;
      expect(ens !== undefined && !isSkipped(ens) && ens.matchesEngine).toBe(true);
    } else expect(report.native.skipped.length).toBeGreaterThan(0);
    if (isSkipped(report.numpy)) expect(report.numpy.skipped.length).toBeGreaterThan(0);
    else expect(report.numpy.circle.seconds.median).toBeGreaterThan(0);

    expect(report.theory.rho.map((r) => r.d)).toEqual([2, 10, 30]);
    for (const r of report.theory.rho) expect(r.rho).toBeGreaterThan(0);
    expect(report.theory.atlas.minima).toBe(2 ** opts.sizes.atlasD);
    expect(report.theory.phaseGrid.cells).toBe(opts.sizes.gridEta * opts.sizes.gridB);
    expect(report.theory.phaseGrid.loop).toBe('WebAssembly');
    expect(report.theory.phaseGridTs.loop).toBe('TypeScript');
    expect(report.theory.phaseGridTs.escaped).toBe(report.theory.phaseGrid.escaped);
    // The switch-point theory of dln (n = 40 here, 200 in the full bench), in more than 3n pieces, each timed.
    expect(report.theory.switchTheory.pieces).toBeGreaterThan(3 * opts.sizes.switchN);
    expect(report.theory.switchTheory.longestPieceMs).toBeGreaterThan(0);

    const ids = report.figures.map((f) => f.id);
    expect(report.figures.find((f) => f.id === 'engine.sgd.toy')!.display).toMatch(/min .* max .* 5 processes/);
    for (const id of ['engine.sgd.toy', 'engine.sgd.customToy', 'engine.custom.ratio', 'engine.gd.circle', 'engine.ensemble', 'theory.rho.d30', 'theory.atlas', 'theory.phaseGrid', 'theory.phaseGrid.typescript', 'theory.switch', 'theory.switch.piece', 'network.train', 'network.measure', 'network.alignment', 'page']) expect(ids).toContain(id);
    // --quick trains the tiny network, which reaches 1e-4: a time, not a skip.
    expect(report.figures.find((f) => f.id === 'network.train')!.value).not.toBeNull();
    for (const f of report.figures.filter((g) => g.group !== 'page' && g.value !== null)) {
      expect(Number.isFinite(f.value), f.id).toBe(true);
      expect(f.value, f.id).toBeGreaterThan(0);
      if (f.target) expect(typeof f.met, f.id).toBe('boolean');
    }
    expect(() => JSON.parse(JSON.stringify(report))).not.toThrow();

    const readme = `# Title\n\n${START}\nold\n${END}\n\nafter\n`;
    const updated = replaceSection(readme, readmeSection(report));
    expect(updated.startsWith(`# Title\n\n${START}\n`)).toBe(true);
    expect(updated.endsWith(`${END}\n\nafter\n`)).toBe(true);
    expect(updated).toContain('| SGD steps/s, toy (n = 2), B = 1 |');
    expect(updated).toContain('**A network (Node, one core)**');
  });
});
