"""The reference's drawn problems: random, circle, styblinski, features and dln.

Their components are drawn from the explorer's seeded generator, so the reference takes the
draws themselves (the test writes them to a JSON file: coefficients, data, features) and
restates everything else from the papers and docs/theory.md: where the minima are, the
component Hessians there, and (in reference.py) the theory and the runs. Nothing here reads
a Hessian, a minimum or a number of the theory from the explorer, except the dln minimum,
which is a GD limit: it is taken as given and checked to interpolate (loss below 1e-16).
"""
import itertools
import math

import numpy as np

# Each entry: the query, and what the reference needs besides the draws (sim: replay the runs).
DRAWN = [
    # random: Patel's Problem 1 with Q_i = A_i A_i^T / d; shared minimiser 0. At eta = 1.4 the
    # mean square grows (rho 4.5) while Lambda < 0: a minority of the runs escape.
    ('problem=random&n=20&d=2&pseed=1&eta=0.7&B=1&sampling=without&runs=400&steps=200&radius=0.01&escape=0.5', True),
    ('problem=random&n=20&d=2&pseed=1&eta=1.4&B=1&sampling=without&runs=400&steps=200&radius=0.01&escape=0.5', True),
    ('problem=random&n=12&d=3&pseed=4&eta=0.3&B=3&sampling=with&runs=400&steps=200&radius=0.01&escape=0.5', True),
    ('problem=random&n=8&d=2&pseed=2&eta=0.5&B=8&sampling=without&runs=2&steps=5', False),
    # circle: Patel's Problem 24, quad minimum (0, q3) and circular minimum (0, 0), Models 1 and 2.
    ('problem=circle&model=1&start=1&eta=3&B=1&sampling=with&runs=400&steps=150&radius=0.5&escape=2', True),
    ('problem=circle&model=1&start=1&eta=5&B=1&sampling=with&runs=400&steps=150&radius=0.5&escape=2', True),
    ('problem=circle&model=1&start=1&eta=5.1&B=4&sampling=without&runs=2&steps=5', False),
    ('problem=circle&model=2&start=1&eta=600&B=1&sampling=with&runs=2&steps=5', False),
    ('problem=circle&model=1&start=0&eta=3&B=2&sampling=without&runs=2&steps=5&radius=0.5', False),
    ('problem=circle&model=2&start=0&eta=10&B=1&sampling=with&runs=2&steps=5&radius=1', False),
    # styblinski: Patel's Problem 25, inhomogeneous, separable; theory only (no fixed point to escape from).
    ('problem=styblinski&d=3&n=30&pseed=1&eta=0.05&B=2&sampling=without&runs=2&steps=5&start=0', False),
    ('problem=styblinski&d=2&n=20&pseed=3&eta=0.02&B=1&sampling=with&runs=2&steps=5&start=3', False),
    # features: Wu-Wang-Su's random-features model at its minimum-norm interpolant.
    ('problem=features&n=6&width=12&pseed=1&eta=0.5&B=2&sampling=without&runs=400&steps=200&radius=0.01&escape=0.5', True),
    ('problem=features&n=6&width=12&pseed=1&eta=2.3&B=1&sampling=without&runs=400&steps=200&radius=0.01&escape=0.5', True),
    ('problem=features&n=8&width=10&pseed=2&eta=1&B=2&sampling=with&runs=2&steps=5', False),
    # dln: Wu-Wang-Su's diagonal linear network at GD's limits.
    ('problem=dln&n=6&width=4&pseed=1&eta=0.09&B=1&sampling=without&runs=400&steps=200&start=0&radius=0.01&escape=0.5', True),
    ('problem=dln&n=6&width=4&pseed=1&eta=0.05&B=2&sampling=with&runs=2&steps=5&start=2', False),
    ('problem=dln&n=8&width=5&pseed=2&eta=0.1&B=3&sampling=without&runs=2&steps=5&start=1', False),
]

Q3 = -15.0  # the quad basin's height, shared (docs/theory.md, "Quadratic-circle sums")


def smoothstep(u):
    return u ** 3 * (6 * u * u - 15 * u + 10)


def circle(query, data, start):
    """H_i at the quad minimum is diag(0, 2 q1_i); at the circular one, the Hessian of the radial
    h_i averaged over the disc of radius eps, by Gauss-Legendre quadrature of its trace part."""
    q1, q2, c1, c3 = (np.array(data[k]) for k in ('q1', 'q2', 'c1', 'c3'))
    n = len(q1)
    if start == 1:
        hs = [np.diag([0.0, 2 * q]) for q in q1]
        x_star = np.array([0.0, Q3])
    else:
        eps = float(dict(kv.split('=', 1) for kv in query.split('&')).get('radius', 0.001))
        # h(x) = c1 S(|x|/c3) near 0 (c2 = c4 = 0). The Hessian of a radial function is
        # H''(r) rr^T + H'(r)/r (I - rr^T); rr^T averages to I/2 over angles, so the disc
        # average is (1/(pi eps^2)) int_0^eps (H'' + H'/r)/2 * 2 pi r dr * I.
        t, w = np.polynomial.legendre.leggauss(40)
        r = 0.5 * eps * (t + 1)
        w = 0.5 * eps * w
        hs = []
        for i in range(n):
            u = r / c3[i]
            d1 = c1[i] * 30 * u ** 2 * (1 - u) ** 2 / c3[i]          # H'(r)
            d2 = c1[i] * 60 * u * (1 - u) * (1 - 2 * u) / c3[i] ** 2  # H''(r)
            avg = float(np.sum(w * (d2 * r + d1))) / eps ** 2
            hs.append(avg * np.eye(2))
        x_star = np.array([0.0, 0.0])

    def grad(x, i):
        # f_i = min{h_i, g_i}, the quad branch at a tie (Patel's Remark 23), on the box.
        rad = np.hypot(x[:, 0], x[:, 1])
        u = np.clip(rad / c3[i], 0, 1)
        h = c1[i] * smoothstep(u)
        res = x[:, 1] - q2[i] * x[:, 0] ** 2 - Q3
        g = q1[i] * res ** 2
        quad = g <= h
        gq = np.stack([q1[i] * 2 * res * (-2 * q2[i] * x[:, 0]), q1[i] * 2 * res], axis=1)
        dh = np.where(rad < c3[i], c1[i] * 30 * u ** 2 * (1 - u) ** 2 / c3[i], 0.0)
        with np.errstate(invalid='ignore', divide='ignore'):
            gh = np.where(rad[:, None] > 0, dh[:, None] * x / rad[:, None], 0.0)
        return np.where(quad[:, None], gq, gh)

    box = (np.array([-10.0, -20.0]), np.array([10.0, 15.0]))
    return dict(H=hs, x_star=x_star, grad=grad, n=n, box=box)


def styblinski(data, near):
    """Each coordinate of the mean is 1/2 (C1 x^4 + C2 x^2 + C3 x); its local minima in [-5, 5] are
    the real roots of 2 C1 x^3 + C2 x + C3/2 with 6 C1 x^2 + C2 > 0 (numpy's polynomial roots). The
    minima are their products; the reference takes the one nearest the explorer's start minimum
    and reports it, so the test can check the two agree. H_i = diag(6 c1 x^2 + c2)."""
    c1, c2, c3 = (np.array(data[k]) for k in ('c1', 'c2', 'c3'))
    n, d = c1.shape
    C1, C2, C3 = c1.mean(0), c2.mean(0), c3.mean(0)
    per = []
    for j in range(d):
        roots = np.roots([2 * C1[j], 0.0, C2[j], C3[j] / 2])
        real = sorted(float(r.real) for r in roots if abs(r.imag) < 1e-9 and -5 <= r.real <= 5 and 6 * C1[j] * r.real ** 2 + C2[j] > 0)
        per.append(real)
    mins = [np.array(c) for c in itertools.product(*per)]
    x = min(mins, key=lambda m: float(np.linalg.norm(m - np.array(near))))
    hs = [np.diag(6 * c1[i] * x ** 2 + c2[i]) for i in range(n)]
    return dict(H=hs, x_star=x, minima=len(mins))


def square_loss(data, theta, model_grad, residual):
    """At an interpolating minimum (every residual 0) H_i = g_i g_i^T, g_i the model gradient
    (docs/theory.md, "Alignment and the Frobenius bound"; the residual term vanishes)."""
    n = len(data['y'])
    g = [model_grad(theta, i) for i in range(n)]
    r = np.array([residual(theta, i) for i in range(n)])
    assert float(np.mean(r ** 2)) / 2 < 1e-16, 'not an interpolating minimum'
    return [np.outer(gi, gi) for gi in g], np.array(g)


def features(data):
    phi, y = np.array(data['phi']), np.array(data['y'])
    theta = np.linalg.pinv(phi) @ y  # the minimum-norm interpolant, GD's limit from 0
    hs, J = square_loss(data, theta, lambda t, i: phi[i], lambda t, i: phi[i] @ t - y[i])

    def grad(x, i):
        return (x @ phi[i] - y[i])[:, None] * phi[i][None, :]

    return dict(H=hs, x_star=theta, J=J, grad=grad, n=len(y))


def dln(data):
    X, y, theta = np.array(data['X']), np.array(data['y']), np.array(data['theta'])
    k = X.shape[1]

    def predict(t, i):
        return float(np.sum((t[:k] ** 2 - t[k:] ** 2) * X[i]))

    hs, J = square_loss(data, theta, lambda t, i: np.concatenate([2 * t[:k] * X[i], -2 * t[k:] * X[i]]), lambda t, i: predict(t, i) - y[i])

    @np.errstate(over='ignore', invalid='ignore')  # diverging runs overflow; reference.py counts them escaped
    def grad(x, i):
        u, v = x[:, :k], x[:, k:]
        r = np.sum((u * u - v * v) * X[i], axis=1) - y[i]
        return r[:, None] * np.concatenate([2 * u * X[i], -2 * v * X[i]], axis=1)

    return dict(H=hs, x_star=theta, J=J, grad=grad, n=len(y))


def random_quadratic(data):
    Q = [np.array(q) for q in data['Q']]

    def grad(x, i):
        return x @ Q[i]

    return dict(H=Q, x_star=np.zeros(Q[0].shape[0]), grad=grad, n=len(Q))


def drawn_problem(query, data):
    q = dict(kv.split('=', 1) for kv in query.split('&'))
    kind = q['problem']
    start = int(q.get('start', 0))
    if kind == 'random':
        return random_quadratic(data)
    if kind == 'circle':
        return circle(query, data, start)
    if kind == 'styblinski':
        return styblinski(data, data['near'])
    if kind == 'features':
        return features(data)
    if kind == 'dln':
        return dln(data)
    raise ValueError(f'no drawn problem {kind}')


def range_radius(J, Hs, p_weights, eta, c):
    """rho(T) restricted to the span of the sample gradients: the square-loss models' p - n flat
    directions split off (docs/theory.md, "One inequality for both verdicts")."""
    U, sv, _ = np.linalg.svd(J.T, full_matrices=False)
    U = U[:, sv > 1e-12 * sv[0]]
    red = [U.T @ h @ U for h in Hs]
    Hbar = sum(pi * h for pi, h in zip(p_weights, red))
    A = np.eye(U.shape[1]) - eta * Hbar
    T = np.kron(A, A) + eta * eta * c * sum(pi * np.kron(h - Hbar, h - Hbar) for pi, h in zip(p_weights, red))
    return float(np.max(np.abs(np.linalg.eigvals(T))))


def lyapunov_diagonal(Hs, eta, B, sampling):
    """Commuting (diagonal) H_i: Lambda is the largest per-coordinate exponent E ln|1 - eta h_b|,
    each by enumerating every batch (subsets without replacement, ordered batches with)."""
    h = np.array([np.diag(x) for x in Hs])
    n = len(h)
    if sampling == 'without' and B >= n:
        batches = [tuple(range(n))]
    elif sampling == 'without':
        batches = list(itertools.combinations(range(n), B))
    else:
        batches = list(itertools.product(range(n), repeat=B))
    means = h[np.array(batches)].mean(axis=1)
    with np.errstate(divide='ignore'):  # a batch mean at exactly 1/eta contracts to 0: ln 0 = -inf is right
        return float(np.max(np.mean(np.log(np.abs(1 - eta * means)), axis=0)))

