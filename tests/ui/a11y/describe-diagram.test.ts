import { describe, expect, it } from 'vitest';
import { describeDiagram, isUrgent, speechState, spoken, type DiagramDescription } from '../../../src/ui/a11y/describe-diagram';

// Wu's toy at η 0.7, B 1 (README "Problems"): x* = 1 has a = 2, s = 1.8; the rectangle is 2/η × 1/(η√c).
const TOY: DiagramDescription = {
  eta: 0.7,
  B: 1,
  rectangle: { sharpnessMax: 2 / 0.7, nonUniformityMax: 1 / 0.7 },
  start: { label: 'x* = 1', a: 2, s: 1.8, inRectangle: false, stableSGD: false, stableGD: true },
  measured: { escaped: 100, runs: 100, step: 200, done: true, gd: { state: 'stayed' } },
};

describe('describeDiagram: the diagram in words', () => {
  it('says the issue’s example sentence for the toy at η 0.7, B 1 after a finished run', () => {
    expect(describeDiagram(TOY)).toBe(
      'η 0.7, B 1: the rectangle reaches sharpness 2.86 and non-uniformity 1.43. ' +
        'The start minimum x* = 1 (a = 2, s = 1.8) is outside the rectangle: unstable for SGD, stable for GD. ' +
        'Measured: 100 of 100 SGD runs escaped by step 200; GD stayed.',
    );
  });

  it('keeps the theory and the measurement in separate sentences, the measurement after the word Measured', () => {
    const text = describeDiagram({ ...TOY, measured: { escaped: 0, runs: 100, step: 200, done: true, gd: { state: 'stayed' } } });
    const [theory, measured] = text.split('Measured:');
    expect(theory).toContain('unstable for SGD');
    expect(theory).not.toMatch(/escaped|runs/);
    expect(measured).toContain('0 of 100 SGD runs escaped');
    expect(measured).not.toMatch(/stable/);
  });

  it('says "so far" and "GD stays" while the run is going', () => {
    const text = describeDiagram({ ...TOY, measured: { escaped: 37, runs: 100, step: 120, done: false, gd: { state: 'stayed' } } });
    expect(text).toContain('Measured: 37 of 100 SGD runs escaped by step 120 so far; GD stays.');
  });

  it('names where GD diverged, and a single run in the singular', () => {
    const text = describeDiagram({ ...TOY, measured: { escaped: 1, runs: 1, step: 50, done: true, gd: { state: 'diverged', step: 12 } } });
    expect(text).toContain('Measured: 1 of 1 SGD run escaped by step 50; GD diverged at step 12.');
  });

  it('describes a minimum inside the rectangle, a saddle, an undecided bound and the hand-placed point', () => {
    const inside = { ...TOY.start!, inRectangle: true, stableSGD: true };
    expect(describeDiagram({ ...TOY, start: inside, measured: null })).toContain('is inside the rectangle: stable for SGD, stable for GD.');
    expect(describeDiagram({ ...TOY, start: { ...inside, saddle: true, inRectangle: false, stableSGD: false, stableGD: false }, measured: null })).toContain('is a saddle, not a minimum: unstable for SGD, unstable for GD.');
    expect(describeDiagram({ ...TOY, start: { ...inside, stableSGD: null }, measured: null })).toContain('undecided for SGD');
    expect(describeDiagram({ ...TOY, start: { ...inside, handPlaced: true }, measured: null })).toContain('The hand-placed minimum (a = 2, s = 1.8)');
  });

  it('says the theory is being computed when a large model’s minima have not arrived, and leaves out a run that has not started', () => {
    const text = describeDiagram({ ...TOY, start: null, theoryPending: true, measured: null });
    expect(text).toBe('η 0.7, B 1: the rectangle reaches sharpness 2.86 and non-uniformity 1.43. The theory of the minima is still being computed.');
  });
});

describe('spoken: numbers as the labels show them', () => {
  it('keeps three significant digits, drops trailing zeros and writes a true minus', () => {
    expect(spoken(2 / 0.7)).toBe('2.86');
    expect(spoken(2)).toBe('2');
    expect(spoken(12345)).toBe('12300');
    expect(spoken(-0.5)).toBe('−0.5');
    expect(spoken(Infinity)).toBe('infinity');
  });
});

describe('isUrgent: what is announced at once', () => {
  const base: DiagramDescription = { ...TOY, start: { ...TOY.start!, inRectangle: true }, measured: { escaped: 0, runs: 100, step: 10, done: false, gd: null } };
  const at = (run: number, d: DiagramDescription) => speechState(run, d);

  it('is the start minimum leaving the rectangle or changing verdict, even during a drag, but not a new η alone', () => {
    const prev = at(1, base);
    expect(isUrgent(prev, at(2, { ...base, eta: 0.71 }), false)).toBe(false);
    expect(isUrgent(prev, at(2, { ...base, start: { ...base.start!, inRectangle: false } }), true)).toBe(true);
    expect(isUrgent(prev, at(2, { ...base, start: { ...base.start!, stableGD: false } }), false)).toBe(true);
  });

  it('is the first escape and the end of the same run, not a count that grows', () => {
    const prev = at(1, base);
    const first = at(1, { ...base, measured: { ...base.measured!, escaped: 1 } });
    expect(isUrgent(prev, first, false)).toBe(true);
    expect(isUrgent(first, at(1, { ...base, measured: { ...base.measured!, escaped: 5, step: 40 } }), false)).toBe(false);
    expect(isUrgent(first, at(1, { ...base, measured: { ...base.measured!, escaped: 5, done: true } }), false)).toBe(true);
  });

  it('is paced, not urgent, when a new run starts or ends while a pointer drags (each drag step is a run)', () => {
    const done = at(1, { ...base, measured: { ...base.measured!, done: true, escaped: 3 } });
    expect(isUrgent(done, at(2, { ...base, measured: null }), false)).toBe(false);
    const started = at(2, { ...base, measured: null });
    expect(isUrgent(started, at(2, { ...base, measured: { ...base.measured!, done: true, escaped: 3 } }), true)).toBe(false);
    expect(isUrgent(null, started, false)).toBe(false);
  });
});
