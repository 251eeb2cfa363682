"""The NumPy reference of `npm run bench`: the two ensembles written the way a
researcher would, vectorised over the runs (one array entry per run, a Python
loop over the steps). Run by bench/references.ts when python3 has numpy.

    python3 ref_numpy.py toy RUNS STEPS REPEATS
        Wu's toy f_i(x) = min{x^2, b_i (x-1)^2}, b = (0.1, 1.9), SGD with B = 1,
        eta = 0.7, runs from x* = 1 plus U(-1e-3, 1e-3), escape radius 0.5.
    python3 ref_numpy.py circle RUNS STEPS REPEATS < params.json
        Patel's quadratic-circle sums, Model 1 (q1, q2, c1, c3 from stdin, the
        engine's own parameters), SGD with B = 1, eta = 0.7, projected onto
        (-10, 10) x (-20, 15), runs from (0, -15) plus a point of the disc of
        radius 1e-3, escape radius 1.

Prints one JSON line with the seconds of each repeat and a summary of the
ensemble (escaped count, mean final x) so the work cannot be skipped.
"""

import json
import sys
import time

import numpy as np


def toy(runs, steps, rng):
    b = np.array([0.1, 1.9])
    eta = 0.7
    x = 1.0 + 1e-3 * (2.0 * rng.random(runs) - 1.0)
    escape = np.full(runs, -1)
    for t in range(1, steps + 1):
        bi = b[rng.integers(0, 2, size=runs)]
        u = x - 1.0
        g = np.where(x * x <= bi * u * u, 2.0 * x, 2.0 * bi * u)
        x = x - eta * g
        escape = np.where((escape < 0) & (np.abs(x - 1.0) > 0.5), t, escape)
    return {"escaped": int((escape >= 0).sum()), "meanX": float(x.mean())}


def circle(runs, steps, rng, params):
    q1, q2, c1, c3 = (np.asarray(params[k], dtype=float) for k in ("q1", "q2", "c1", "c3"))
    n = len(q1)
    eta, q3 = 0.7, -15.0
    lo, hi = np.array([-10.0, -20.0]), np.array([10.0, 15.0])
    center = np.array([0.0, -15.0])
    angle = 2 * np.pi * rng.random(runs)
    radius = 1e-3 * np.sqrt(rng.random(runs))
    x = center + np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    escape = np.full(runs, -1)
    for t in range(1, steps + 1):
        i = rng.integers(0, n, size=runs)
        x0, x1 = x[:, 0], x[:, 1]
        r = x1 - q2[i] * x0 * x0 - q3
        gv = q1[i] * r * r
        rho = np.sqrt(x0 * x0 + x1 * x1)
        u = np.minimum(rho / c3[i], 1.0)
        hv = c1[i] * u**3 * (u * (6 * u - 15) + 10)
        dh = np.where(u < 1.0, c1[i] * 30 * u * u * (u - 1) ** 2 / c3[i], 0.0)
        quad = gv <= hv
        tq = 2 * q1[i] * r
        k = np.where(rho > 0, dh / np.where(rho > 0, rho, 1.0), 0.0)
        g0 = np.where(quad, -2 * q2[i] * x0 * tq, k * x0)
        g1 = np.where(quad, tq, k * x1)
        x = np.clip(x - eta * np.stack([g0, g1], axis=1), lo, hi)
        d = x - center
        escape = np.where((escape < 0) & ((d * d).sum(axis=1) > 1.0), t, escape)
    return {"escaped": int((escape >= 0).sum()), "meanX": x.mean(axis=0).tolist()}


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("toy", "circle"):
        sys.stderr.write("usage: ref_numpy.py toy|circle RUNS STEPS REPEATS\n")
        return 2
    kind, runs, steps, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    params = json.load(sys.stdin) if kind == "circle" else None
    seconds = []
    summary = None
    for rep in range(repeats):
        rng = np.random.default_rng(rep)
        t0 = time.perf_counter()
        summary = toy(runs, steps, rng) if kind == "toy" else circle(runs, steps, rng, params)
        seconds.append(time.perf_counter() - t0)
    print(json.dumps({"kind": kind, "runs": runs, "steps": steps, "seconds": seconds, "numpy": np.__version__, "summary": summary}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
