"""An independent reference for the explorer's theory and runs, in plain Python with NumPy.

Written from the papers (Wu, Ma & E 2018, eqs. 1-9 and Theorem 1; Patel's SGD-k) and the
repository's docs/theory.md, never from the TypeScript: each problem is restated here from
its definition, and every number is recomputed by the most direct method available:

- H = sum p_i H_i, Sigma = sum p_i (H_i - H)^2, a = lambda_max(H), s = sqrt(lambda_max(Sigma));
- c = (n - B) / (B (n - 1)) without replacement (0 at B = n), 1/B with (docs/theory.md,
  "Sampling and the batch factor"); the rectangle 2/eta by 1/(eta sqrt c) (Wu eq. 9);
- rho(T) as the spectral radius of T = A (x) A + eta^2 c sum p_i D_i (x) D_i on all d x d
  matrices (a dense d^2 x d^2 eigen-solve; A = I - eta H, D_i = H_i - H), not on the
  symmetric basis the explorer uses: T preserves the positive semidefinite cone, so its
  spectral radius on all matrices is the one on symmetric matrices;
- Lambda in 1D by brute-force enumeration of every batch (ordered batches with
  replacement, subsets without), E ln|1 - eta a_b|;
- escape counts by simulating the runs here, with NumPy's own generator.

The drawn problems (random, circle, styblinski, features, dln: tests/reference/drawn_problems.py)
take their seeded draws from a JSON file the test writes (`reference.py DATA.json`); `reference.py
--needs` lists the links whose draws it needs. The networks (mlp: tests/reference/network.py) take
the rows they trained on and the end points the command line printed, and recompute at each the
loss, dense per-sample Hessians, a, s and Wu-Wang-Su's |G|_F, Tr G, mu and mu1.

It prints one JSON object: for each configuration (a permalink query) what it computed.
tests/reference/reference.test.ts compares it with `npm run sim`'s output for the same link.
"""
import itertools
import json
import math
import sys

import numpy as np

from drawn_problems import DRAWN, drawn_problem, lyapunov_diagonal, range_radius
from network import NETWORKS, network


def point_curvatures(a, s, n):
    # README "Choices where the papers are silent", point: with n even and s <= a, half of the
    # curvatures at a + s and half at a - s (mean a, population standard deviation s).
    assert n % 2 == 0 and s <= a
    return [a + s] * (n // 2) + [a - s] * (n // 2)


def quadratic_from(text):
    # H=... : each component's upper triangle row by row; components separated by ';'.
    mats = []
    for comp in text.split(';'):
        v = [float(t) for t in comp.split(',')]
        d = int(round((math.sqrt(8 * len(v) + 1) - 1) / 2))
        m = np.zeros((d, d))
        k = 0
        for i in range(d):
            for j in range(i, d):
                m[i, j] = m[j, i] = v[k]
                k += 1
        mats.append(m)
    return mats


# Each configuration: the query, the component Hessians at the start minimum (as the papers and
# docs/theory.md define the problem), the weights, and for the simulated ones the components'
# gradients (1D) so the runs can be replayed here.
CONFIGS = []


def add(query, hessians, weights=None, grad=None, x_star=0.0, sim=False):
    CONFIGS.append(dict(query=query, H=[np.atleast_2d(np.array(h, dtype=float)) for h in hessians], p=weights, grad=grad, x_star=x_star, sim=sim))


# point: 1D, n curvatures a +- s.
for a, s, n, eta, B, sampling in [
    (2.0, 1.0, 10, 0.8, 2, 'without'),
    (2.0, 1.0, 10, 0.8, 2, 'with'),
    (3.0, 2.0, 8, 0.5, 1, 'without'),
    (1.0, 0.5, 6, 1.9, 3, 'without'),
    (4.0, 3.0, 4, 0.3, 2, 'with'),
    (3.0, 0.0, 2, 0.6, 2, 'without'),
]:
    hs = point_curvatures(a, s, n)
    add(f'problem=point&a={a:g}&s={s:g}&n={n}&eta={eta:g}&B={B}&sampling={sampling}&runs=400&steps=300&radius=0.001&escape=0.1',
        [[h] for h in hs], sim=True, grad=[(lambda h: (lambda x: h * x))(h) for h in hs])

# toy: f_i = min(x^2, b_i (x-1)^2), b = (0.1, 1.9); at x* = 1 the curvatures are 2 b_i (docs/theory.md, "The two-minima toy").
def toy_grad(b):
    return lambda x: np.where(x * x <= b * (x - 1) ** 2, 2 * x, 2 * b * (x - 1))

for eta, B, sampling, start in [(0.7, 1, 'without', 1), (0.3, 1, 'without', 1), (0.45, 1, 'with', 1), (0.7, 2, 'without', 1), (0.9, 1, 'without', 0)]:
    hs = [[0.2], [3.8]] if start == 1 else [[2.0], [2.0]]
    add(f'problem=toy&eta={eta:g}&B={B}&sampling={sampling}&start={start}&runs=400&steps=300&radius=0.01&escape=0.5',
        hs, sim=True, grad=[toy_grad(0.1), toy_grad(1.9)], x_star=float(start))

# Two with escape fractions near a quarter and a half (Lambda > 0 at eta = 0.6: the runs leave, in about 80 steps).
for steps in (60, 80):
    add(f'problem=toy&eta=0.6&B=1&sampling=without&start=1&runs=400&steps={steps}&radius=0.01&escape=0.5',
        [[0.2], [3.8]], sim=True, grad=[toy_grad(0.1), toy_grad(1.9)], x_star=1.0)

# quadratic: f_i = 1/2 x^T H_i x, any dimension (Wu section 2, Patel's Problem 1).
for H, eta, B, sampling in [
    ('0.2;3.8', 0.7, 1, 'without'),
    ('8,-2,6;1,2,4', 0.2, 1, 'without'),
    ('8,-2,6;1,2,4', 0.2, 1, 'with'),
    ('2,1,1;1,-0.5,3;4,0,0.5', 0.3, 2, 'without'),
    ('1,0,0,0.5,0,2;3,1,0,1,0.2,1;0.5,0,0.1,2,0.3,1', 0.25, 1, 'with'),
    ('1,0.3,0.5;3,-0.2,2', 0.4, 2, 'without'),
    ('1,0,2;3,0,0.5', 0.5, 1, 'without'),
]:
    add(f'problem=quadratic&H={H}&eta={eta:g}&B={B}&sampling={sampling}&runs=2&steps=5', quadratic_from(H))

# custom: weighted components, with replacement (docs/theory.md, "Weights and sampling").
add('problem=custom&f=0.1*x^2;1.9*x^2;x^2&p=0.5,0.2,0.3&eta=0.9&B=2&sampling=with&runs=2&steps=5', [[0.2], [3.8], [2.0]], weights=[0.5, 0.2, 0.3])
add('problem=custom&f=0.1*x^2;1.9*x^2&p=0.8,0.2&eta=1.05&B=2&sampling=without&runs=2&steps=5', [[0.2], [3.8]], weights=[0.8, 0.2])
add('problem=custom&f=0.5*x^2;2*x^2;3*x^2;0.25*x^2&eta=0.6&B=2&sampling=without&runs=2&steps=5', [[1.0], [4.0], [6.0], [0.5]])


def batch_factor(n, B, sampling):
    if sampling == 'with':
        return 1.0 / B
    return 0.0 if B >= n else (n - B) / (B * (n - 1))


def parse(query):
    return dict(kv.split('=', 1) for kv in query.split('&'))


def theory(cfg):
    q = parse(cfg['query'])
    eta, B, sampling = float(q['eta']), int(q['B']), q.get('sampling', 'without')
    Hs = cfg['H']
    n = len(Hs)
    d = Hs[0].shape[0]
    p = np.array(cfg['p'] if cfg['p'] is not None else [1.0 / n] * n, dtype=float)
    p = p / p.sum()
    Hbar = sum(pi * Hi for pi, Hi in zip(p, Hs))
    Sig = sum(pi * (Hi - Hbar) @ (Hi - Hbar) for pi, Hi in zip(p, Hs))
    a = float(np.linalg.eigvalsh(Hbar)[-1])
    s = float(math.sqrt(max(0.0, np.linalg.eigvalsh(Sig)[-1])))
    c = batch_factor(n, B, sampling)
    A = np.eye(d) - eta * Hbar
    T = np.kron(A, A) + eta * eta * c * sum(pi * np.kron(Hi - Hbar, Hi - Hbar) for pi, Hi in zip(p, Hs))
    rho = float(np.max(np.abs(np.linalg.eigvals(T))))
    out = dict(a=a, s=s, c=c, sharpnessMax=2 / eta, nonUniformityMax=(1 / (eta * math.sqrt(c)) if c > 0 else None), rho=rho)
    if cfg.get('J') is not None:
        out['rangeRho'] = range_radius(cfg['J'], Hs, p, eta, c)
    if d > 1 and all(np.count_nonzero(Hi - np.diag(np.diag(Hi))) == 0 for Hi in Hs):
        out['lyapunov'] = lyapunov_diagonal(Hs, eta, B, sampling)
    if isinstance(cfg.get('x_star'), np.ndarray):
        out['x'] = [float(v) for v in cfg['x_star']]
    if cfg.get('estimate'):
        out['estimate'] = True
    if d == 1:
        h = np.array([Hi[0, 0] for Hi in Hs])
        if sampling == 'without' and B >= n:
            lam = math.log(abs(1 - eta * float(p @ h)))
        elif sampling == 'without':
            vals = [math.log(abs(1 - eta * sum(h[list(sub)]) / B)) for sub in itertools.combinations(range(n), B)]
            lam = sum(vals) / len(vals)
        else:
            lam = 0.0
            for batch in itertools.product(range(n), repeat=B):
                lam += float(np.prod(p[list(batch)])) * math.log(abs(1 - eta * sum(h[list(batch)]) / B))
        out['lyapunov'] = lam
    return out


def simulate(cfg, runs=2000, seed=12345):
    q = parse(cfg['query'])
    eta, B, sampling = float(q['eta']), int(q['B']), q.get('sampling', 'without')
    steps, eps, R = int(q['steps']), float(q['radius']), float(q['escape'])
    grads = cfg['grad']
    n = len(grads)
    rng = np.random.default_rng(seed)
    x = cfg['x_star'] + rng.uniform(-eps, eps, size=runs)
    escaped = np.zeros(runs, dtype=bool)
    for _ in range(steps):
        if sampling == 'without' and B >= n:
            idx = np.tile(np.arange(n), (runs, 1))
        elif sampling == 'without':
            idx = np.argsort(rng.random((runs, n)), axis=1)[:, :B]
        else:
            idx = rng.integers(0, n, size=(runs, B))
        g = np.zeros(runs)
        for i in range(n):
            k = (idx == i).sum(axis=1)
            if k.any():
                g += k * grads[i](x)
        x = x - eta * g / idx.shape[1]
        escaped |= ~np.isfinite(x) | (np.abs(x - cfg['x_star']) > R)
        x = np.where(np.isfinite(x), x, 0.0)
    return dict(escaped=int(escaped.sum()), runs=runs)


def simulate_nd(cfg, prob, runs=2000, seed=12345):
    """The runs of a d-dimensional problem: starts uniform in the ball of radius eps about x*
    (a Gaussian direction, radius eps U^(1/d)), batches drawn as in simulate, iterates projected
    onto the problem's box if it has one; escaped: |x - x*| > R at some step, or not finite."""
    q = parse(cfg['query'])
    eta, B, sampling = float(q['eta']), int(q['B']), q.get('sampling', 'without')
    steps, eps, R = int(q['steps']), float(q['radius']), float(q['escape'])
    n, x_star = prob['n'], prob['x_star']
    d = len(x_star)
    rng = np.random.default_rng(seed)
    u = rng.standard_normal((runs, d))
    u /= np.linalg.norm(u, axis=1, keepdims=True)
    x = x_star + eps * rng.random(runs)[:, None] ** (1 / d) * u
    escaped = np.zeros(runs, dtype=bool)
    for _ in range(steps):
        if sampling == 'without' and B >= n:
            idx = np.tile(np.arange(n), (runs, 1))
        elif sampling == 'without':
            idx = np.argsort(rng.random((runs, n)), axis=1)[:, :B]
        else:
            idx = rng.integers(0, n, size=(runs, B))
        g = np.zeros_like(x)
        with np.errstate(over='ignore', invalid='ignore'):  # diverging runs overflow: counted escaped below
            for i in range(n):
                k = (idx == i).sum(axis=1)
                if k.any():
                    g += k[:, None] * prob['grad'](x, i)
            x = x - eta * g / idx.shape[1]
        if prob.get('box') is not None:
            x = np.clip(x, prob['box'][0], prob['box'][1])
        bad = ~np.all(np.isfinite(x), axis=1)
        with np.errstate(over='ignore'):  # a norm past the largest double is inf, which is > R
            escaped |= bad | (np.linalg.norm(np.where(bad[:, None], x_star, x) - x_star, axis=1) > R)
        x = np.where(bad[:, None], x_star, x)
    return dict(escaped=int(escaped.sum()), runs=runs)


def main():
    if sys.argv[1:] == ['--needs']:
        json.dump([query for query, _ in DRAWN] + NETWORKS, sys.stdout)
        return
    result = {}
    for cfg in CONFIGS:
        r = theory(cfg)
        if cfg['sim']:
            r['escape'] = simulate(cfg)
        result[cfg['query']] = r
    if sys.argv[1:]:
        with open(sys.argv[1]) as fh:
            data = json.load(fh)
        for query, sim in DRAWN:
            prob = drawn_problem(query, data[query])
            cfg = dict(query=query, H=prob['H'], p=None, J=prob.get('J'), x_star=prob['x_star'], estimate='problem=circle' in query and 'start=0' in query)
            r = theory(cfg)
            if sim:
                r['escape'] = simulate_nd(cfg, prob)
            result[query] = r
        for query in NETWORKS:
            q = parse(query)
            n, eta, B = int(q['n']), float(q['eta']), int(q['B'])
            c = batch_factor(n, B, q['sampling'])
            result[query] = dict(c=c, sharpnessMax=2 / eta, nonUniformityMax=(1 / (eta * math.sqrt(c)) if c > 0 else None), network=network(query, data[query]))
    json.dump(result, sys.stdout, indent=1)


if __name__ == '__main__':
    main()
