"""The reference's networks (problem=mlp), restated from Wu, Ma & E section 5 and docs/theory.md.

A network's minima are where training ends, so the reference takes the end points theta that
`npm run sim` prints (README "The network problem": theta's layout W1 row-major, b1, ..., WL, bL)
and the rows it trained on, and recomputes at each end point, densely and in closed form:

- the loss f = (1/n) sum_i 1/2 |f(x_i; theta) - e_{y_i}|^2 (square loss on one-hot labels);
- every per-sample Hessian H_i as a dense p x p matrix, by complex-step differentiation of the
  exact per-sample gradient: column j of H_i is Im g_i(theta + i h e_j) / h. The network and its
  back-propagation are analytic in theta (tanh; ReLU away from its kinks), so for h = 1e-30 there
  is no cancellation and the columns are exact to rounding, not a finite-difference estimate;
- a = lambda_max(H), H = (1/n) sum_i H_i, and s = sqrt(lambda_max(Sigma)),
  Sigma = (1/n) sum_i H_i^2 - H^2 (Wu, Ma & E eq. 8; docs/theory.md, "A network's minima"),
  by the symmetric eigen-solver;
- Wu-Wang-Su's quantities (docs/theory.md, "Wu-Wang-Su's quantities at a network's minimum"):
  J_i = df(x_i)/dtheta (k x p) by complex steps of the forward pass alone, G = (1/n) sum_i J_i^T J_i,
  |G|_F and Tr G, the sample gradients J_i^T r_i, Sigma_1 = (1/n) sum_i grad_i grad_i^T and
  Sigma_g = Sigma_1 - grad grad^T, mu = Tr(Sigma_g G) / (2L |G|_F^2) and mu1 = Tr(Sigma_1 G) / (2L |G|_F^2).

The digits are read here from src/core/data/digits.csv.gz and standardised as the README says
(each pixel over all 1,797 rows, (x - mean)/sd, 0 where a pixel is blank everywhere); the rows the
explorer trained on are handed over too and must equal them. moons and teacher are drawn from
the explorer's seeded generator, so their rows are taken as given.
"""
import gzip
import os

import numpy as np

# Tiny networks, one per data set and both activations, trained far enough that every end point
# printed has a loss well above rounding (mu divides by it) and most are trained (loss < 1e-4).
NETWORKS = [
    'problem=mlp&data=teacher&n=6&width=4&depth=1&activation=relu&eta=0.2&B=2&sampling=without&runs=2&steps=800',
    'problem=mlp&data=digits&n=4&width=3&depth=2&activation=tanh&eta=0.2&B=2&sampling=without&runs=2&steps=1000',
    'problem=mlp&data=moons&n=6&width=6&depth=1&activation=tanh&eta=0.5&B=3&sampling=with&runs=2&steps=1500',
]

# README "The network problem", Data: each set's input dimension and number of classes.
SETS = {'digits': (64, 10), 'moons': (2, 2), 'teacher': (10, 3)}
STEP = 1e-30


def digits_rows(n):
    path = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'core', 'data', 'digits.csv.gz')
    with gzip.open(path, 'rt') as fh:
        table = np.array([[float(v) for v in line.split(',')] for line in fh if line.strip()])
    pixels, labels = table[:, :64], table[:, 64].astype(int)
    mean, sd = pixels.mean(axis=0), pixels.std(axis=0)
    std = np.where(sd > 0, (pixels - mean) / np.where(sd > 0, sd, 1), 0.0)
    return std[:n], labels[:n]


def architecture(q):
    for key in ('data', 'width', 'depth', 'activation'):
        if key not in q:
            raise ValueError(f'the reference needs {key}= written out in an mlp query')
    d0, k = SETS[q['data']]
    return [d0] + [int(q['width'])] * int(q['depth']) + [k], q['activation']


def unpack(theta, layers):
    """theta (m x p, one parameter vector a row) into [(W (m x out x in), b (m x out))]."""
    out, at = [], 0
    for fan_in, fan_out in zip(layers[:-1], layers[1:]):
        W = theta[:, at:at + fan_out * fan_in].reshape(-1, fan_out, fan_in)
        at += fan_out * fan_in
        b = theta[:, at:at + fan_out]
        at += fan_out
        out.append((W, b))
    assert at == theta.shape[1], f'theta has {theta.shape[1]} numbers, the architecture {at}'
    return out


def activation(name):
    # Both analytic where evaluated (ReLU away from 0), so complex steps pass through them.
    if name == 'tanh':
        return np.tanh, lambda z: 1 - np.tanh(z) ** 2
    if name == 'relu':
        return (lambda z: np.where(z.real > 0, z, 0)), (lambda z: np.where(z.real > 0, 1.0, 0.0))
    raise ValueError(f'no activation {name}')


def forward(theta, layers, act, X):
    """Outputs (m x n x k) and, per layer, the inputs a_{l-1} and pre-activations z_l."""
    sigma, _ = activation(act)
    a = np.broadcast_to(X.astype(theta.dtype), (theta.shape[0],) + X.shape)
    cache = []
    params = unpack(theta, layers)
    for l, (W, b) in enumerate(params):
        z = np.einsum('moi,mni->mno', W, a) + b[:, None, :]
        cache.append((a, z))
        a = z if l == len(params) - 1 else sigma(z)
    return a, cache, params


def sample_gradients(theta, layers, act, X, Y):
    """Each sample's gradient of 1/2 |f(x_i) - e_{y_i}|^2 by back-propagation: m x n x p."""
    _, dsigma = activation(act)
    out, cache, params = forward(theta, layers, act, X)
    delta = out - Y[None]
    parts = []
    for l in range(len(params) - 1, -1, -1):
        a_prev, _ = cache[l]
        parts.append((np.einsum('mno,mni->mnoi', delta, a_prev).reshape(delta.shape[0], delta.shape[1], -1), delta))
        if l > 0:
            delta = dsigma(cache[l - 1][1]) * np.einsum('moi,mno->mni', params[l][0], delta)
    return np.concatenate([x for gW, gb in reversed(parts) for x in (gW, gb)], axis=2)


def end_point(theta, layers, act, X, Y):
    p = len(theta)
    probe = theta[None, :] + 1j * STEP * np.eye(p)
    # H_i[:, j] = Im g_i(theta + i h e_j) / h
    Hs = np.transpose(sample_gradients(probe, layers, act, X, Y).imag / STEP, (1, 2, 0))
    for Hi in Hs:
        assert np.allclose(Hi, Hi.T, rtol=0, atol=1e-9 * max(1.0, np.abs(Hi).max())), 'a per-sample Hessian is not symmetric'
    n = len(X)
    H = Hs.mean(axis=0)
    Sigma = np.einsum('nij,njk->ik', Hs, Hs) / n - H @ H
    out, _, _ = forward(theta[None, :].astype(float), layers, act, X)
    r = out[0] - Y
    # J_i[:, j] = Im f(x_i; theta + i h e_j) / h, from the forward pass alone
    J = np.transpose(forward(probe, layers, act, X)[0].imag / STEP, (1, 2, 0))
    grads = np.einsum('nkp,nk->np', J, r)
    backprop = sample_gradients(theta[None, :].astype(float), layers, act, X, Y)[0]
    assert np.allclose(grads, backprop, rtol=0, atol=1e-12 * max(1.0, np.abs(backprop).max())), 'J_i^T r_i is not the back-propagated gradient'
    G = np.einsum('nkp,nkq->pq', J, J) / n
    two_l = float(np.sum(r * r)) / n
    S1 = grads.T @ grads / n
    mean_grad = grads.mean(axis=0)
    G2 = float(np.sum(G * G))
    tr_s1g = float(np.sum(S1 * G))
    tr_sg = tr_s1g - float(mean_grad @ G @ mean_grad)
    return dict(
        loss=two_l / 2,
        sharpness=float(np.linalg.eigvalsh(H)[-1]),
        nonUniformity=float(np.sqrt(max(0.0, np.linalg.eigvalsh(Sigma)[-1]))),
        frobeniusG=float(np.sqrt(G2)),
        traceG=float(np.trace(G)),
        mu=tr_sg / (two_l * G2),
        mu1=tr_s1g / (two_l * G2),
    )


def network(query, data):
    """For each end point the explorer printed (GD and its first SGD runs), the reference's numbers."""
    q = dict(kv.split('=', 1) for kv in query.split('&'))
    layers, act = architecture(q)
    X, y = np.array(data['X'], dtype=float), np.array(data['y'], dtype=int)
    if q['data'] == 'digits':
        mine, labels = digits_rows(len(y))
        assert np.array_equal(labels, y), 'the digits labels differ from the source file'
        assert np.allclose(mine, X, rtol=0, atol=1e-12), 'the digits rows differ from the standardised source file'
        X = mine
    Y = np.eye(layers[-1])[y]
    ends = []
    for end in data['ends']:
        r = end_point(np.array(end['theta'], dtype=float), layers, act, X, Y)
        ends.append(dict(optimiser=end['optimiser'], run=end['run'], **r))
    return ends
