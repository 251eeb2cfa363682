import { loadDigits } from '../data/digits';
import { MlpProblem } from '../network/mlp-problem';
import { dataSize, trainingSet } from './mlp-data';
import { defineProblem } from './problem-def';

/**
 * A fully connected network trained by the square loss on one-hot labels (Wu–Ma–E
 * §5), on the UCI digits or a drawn set. The defaults (digits, n = 50, 64–32–10,
 * tanh, v = 1, η = 0.2, B = 10) are over-parameterised, p = 2,410 ≥ 2·n·classes = 1,000,
 * and GD trains them to loss < 1e-4 in about 1,400 steps (README "Problems").
 */
export const mlpProblem = defineProblem({
  kind: 'mlp',
  label: 'neural network (Wu–Ma–E §5)',
  about: 'a fully connected network (`depth` hidden layers of `width`, `activation`, linear output) fitted by the square loss ½‖f(x) − one-hot‖² to `n` samples of `data` (the UCI digits, two moons or a teacher network\'s labels); every run starts at the initialisation U[−v/√n_in, v/√n_in], v = `init`',
  minima: 'none listed: where training ends is measured (a, s by Lanczos on Hessian-vector products)',
  escape: 1e6,
  defaults: { eta: 0.2, B: 10, steps: 2000, runs: 4 },
  keys: {
    data: {
      default: 'digits',
      doc: 'the training data: digits (UCI handwritten digits, rows 0..n−1), moons (two moons) or teacher (a random tanh network\'s labels), the last two drawn from pseed',
      field: {
        label: 'data',
        choices: [
          { value: 'digits', label: 'UCI digits (8×8, 10 classes)' },
          { value: 'moons', label: 'two moons (2D, 2 classes)' },
          { value: 'teacher', label: 'teacher network (10D, 3 classes)' },
        ],
      },
    },
    n: { default: 50, max: 2000, doc: 'number of training samples (≤ 1797 for digits, ≤ 2000)', field: { label: 'samples n' } },
    width: { default: 32, max: 256, doc: 'width of each hidden layer (≤ 256)', field: { label: 'width' } },
    depth: { default: 1, doc: 'number of hidden layers (1..4)', field: { label: 'hidden layers' } },
    activation: {
      default: 'tanh',
      doc: 'the hidden layers\' non-linearity: tanh or relu',
      field: {
        label: 'activation',
        choices: [
          { value: 'tanh', label: 'tanh' },
          { value: 'relu', label: 'ReLU' },
        ],
      },
    },
    init: { default: 1, doc: 'initialisation scale v: weights and biases U[−v/√n_in, v/√n_in] (Wu–Ma–E §5)', field: { label: 'init scale v' } },
    pseed: { default: 1, doc: 'seed of the initialisation and of a drawn data set', field: { label: 'init seed' } },
    switchloss: { default: 0, doc: "Wu–Ma–E Fig. 1 protocol — GD with η from the initialisation until the loss is below this, then SGD with the same η from GD's point (0: off)" },
  },
  build(o, context) {
    let n = o.n;
    const size = dataSize(o.data);
    if (n > size) {
      context.issues.push({ key: 'n', message: `n must be at most ${size} for data=${o.data} (the set's size), got ${n}; used ${size}` });
      n = size;
      o.n = n;
    }
    return new MlpProblem({ data: trainingSet(o.data, n, o.pseed), width: o.width, depth: o.depth, activation: o.activation, init: o.init, pseed: o.pseed });
  },
  count: (o) => Math.min(o.n, dataSize(o.data)),
  async prepare() {
    await loadDigits();
  },
});
