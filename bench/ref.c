/*
 * The native reference of `npm run bench`: the engine's two hottest loops written
 * as plain C, compiled with gcc -O3 at bench time (bench/references.ts).
 *
 *   ref toy-sgd STEPS REPEATS STATE X0 ETA ESCAPE
 *     Wu's toy fᵢ(x) = min{x², bᵢ(x−1)²}, b = (0.1, 1.9), SGD with B = 1 (one
 *     uniform index per step), escape radius ESCAPE around x* = 1. STATE is one
 *     word (mulberry32, links with v = 1) or four comma-separated words
 *     (xoshiro128**, v ≥ 2).
 *   ref circle-gd STEPS REPEATS X0 X1 ETA ESCAPE < params
 *     Patel's quadratic-circle sums (src/core/problems/circle.ts), full-gradient
 *     descent projected onto (−10, 10) × (−20, 15), escape radius around (0, −15);
 *     stdin holds N, then the N values of q₁, q₂, c₁ and c₃.
 *   ref circle-sgd RUNS STEPS HIST REPEATS ETA ESCAPE < params and starts
 *     the quadratic-circle SGD ensemble (B = 1) with decimated histories of HIST
 *     points, as src/core/engine/ensemble.ts runs it; after the parameters, RUNS
 *     lines of STATE X0 X1 (each run's random state and start).
 *
 * Every step does what src/core/engine/sgd-run.ts does: the same random stream
 * (from STATE), the same arithmetic in the same order, the divergence
 * and escape checks. So the final x matches the engine's bit for bit, which the
 * bench checks. Prints one JSON line: the seconds of each repeat, the final x and
 * the escape step (−1: none).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DIVERGENCE_BOUND 1e100
#define MAX_REPEATS 100
#define MAX_N 1000

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* mulberry32, as Rng.next() in src/core/rng.ts. */
static inline double next_uniform(uint32_t *state) {
  uint32_t t = (*state += 0x6d2b79f5u);
  t = (t ^ (t >> 15)) * (t | 1u);
  t ^= t + (t ^ (t >> 7)) * (t | 61u);
  return (double)(t ^ (t >> 14)) / 4294967296.0;
}

/* xoshiro128**, as Xoshiro128.next() in src/core/rng.ts. */
static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static inline double next_uniform_x(uint32_t *s) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return (double)result / 4294967296.0;
}

static void print_result(const char *kind, long steps, const double *seconds, int repeats, const double *x, int d, long escape) {
  printf("{\"kind\":\"%s\",\"steps\":%ld,\"seconds\":[", kind, steps);
  for (int r = 0; r < repeats; r++) printf("%s%.9g", r ? "," : "", seconds[r]);
  printf("],\"x\":[");
  for (int j = 0; j < d; j++) printf("%s%.17g", j ? "," : "", x[j]);
  printf("],\"escapeStep\":%ld}\n", escape);
}

/* One toy SGD loop; DRAW is the generator's uniform draw (kept out of the loop's branch). */
#define TOY_LOOP(DRAW)                                                        \
  for (long t = 1; t <= steps; t++) {                                         \
    int i = (int)((DRAW) * n);                                                \
    double v = x, u = v - 1, q = v * v, uu = u * u, bi = b[i];                \
    double s = 0;                                                             \
    s += q <= bi * uu ? 2 * v : 2 * bi * u;                                   \
    double nv = x - eta * s;                                                  \
    if (!(nv < DIVERGENCE_BOUND && nv > -DIVERGENCE_BOUND)) break;            \
    x = nv;                                                                   \
    double e = nv - center;                                                   \
    if (escapeStep < 0 && e * e > R2) escapeStep = t;                         \
  }

static int toy_sgd(long steps, int repeats, const uint32_t *state0, int words, double x0, double eta, double escape) {
  static const double b[2] = {0.1, 1.9};
  const int n = 2;
  const double center = 1.0;
  const double R2 = escape * escape;
  double seconds[MAX_REPEATS];
  double x = x0;
  long escapeStep = -1;
  for (int rep = 0; rep < repeats; rep++) {
    uint32_t state = state0[0];
    uint32_t xs[4] = {state0[0], state0[1], state0[2], state0[3]};
    x = x0;
    escapeStep = -1;
    double t0 = now();
    if (words == 1) {
      TOY_LOOP(next_uniform(&state))
    } else {
      TOY_LOOP(next_uniform_x(xs))
    }
    seconds[rep] = now() - t0;
  }
  print_result("toy-sgd", steps, seconds, repeats, &x, 1, escapeStep);
  return 0;
}

/* STATE: one word or four, comma-separated; returns the count (0 if malformed). */
static int parse_state(const char *arg, uint32_t *out) {
  int words = 0;
  const char *p = arg;
  while (words < 4) {
    char *end;
    out[words++] = (uint32_t)strtoul(p, &end, 10);
    if (end == p) return 0;
    if (*end != ',') return *end == 0 && (words == 1 || words == 4) ? words : 0;
    p = end + 1;
  }
  return 0;
}

static double q1[MAX_N], q2[MAX_N], c1[MAX_N], c3[MAX_N];

static int read_params(int *n) {
  if (scanf("%d", n) != 1 || *n < 1 || *n > MAX_N) return 1;
  double *cols[4] = {q1, q2, c1, c3};
  for (int k = 0; k < 4; k++)
    for (int i = 0; i < *n; i++)
      if (scanf("%lf", &cols[k][i]) != 1) return 1;
  return 0;
}

static int circle_gd(long steps, int repeats, double x00, double x01, double eta, double escape) {
  int n;
  if (read_params(&n)) {
    fprintf(stderr, "ref: circle-gd needs N and 4N numbers on stdin\n");
    return 2;
  }
  const double Q3 = -15, lo[2] = {-10, -20}, hi[2] = {10, 15}, center[2] = {0, -15};
  const double R2 = escape * escape, scale = 1.0 / n;
  double seconds[MAX_REPEATS];
  double x[2] = {x00, x01};
  long escapeStep = -1;
  for (int rep = 0; rep < repeats; rep++) {
    x[0] = x00;
    x[1] = x01;
    escapeStep = -1;
    double t0 = now();
    for (long t = 1; t <= steps; t++) {
      const double x0 = x[0], x1 = x[1];
      const double rho = sqrt(x0 * x0 + x1 * x1);
      double g0 = 0, g1 = 0;
      for (int i = 0; i < n; i++) {
        const double r = x1 - q2[i] * x0 * x0 - Q3;
        const double gv = q1[i] * r * r;
        const double w = c3[i];
        double hv, dh = 0;
        if (rho >= w) hv = c1[i];
        else {
          const double u = rho / w, um = u - 1;
          hv = c1[i] * u * u * u * (u * (6 * u - 15) + 10);
          dh = (c1[i] * 30 * u * u * um * um) / w;
        }
        if (gv <= hv) {
          const double tq = 2 * q1[i] * r;
          g0 += scale * (-2 * q2[i] * x0 * tq);
          g1 += scale * tq;
        } else if (rho > 0 && dh != 0) {
          const double k = (scale * dh) / rho;
          g0 += k * x0;
          g1 += k * x1;
        }
      }
      const double g[2] = {g0, g1};
      int bad = 0;
      double d2 = 0;
      for (int j = 0; j < 2; j++) {
        double v = x[j] - eta * g[j];
        v = v < lo[j] ? lo[j] : v > hi[j] ? hi[j] : v;
        if (!(v < DIVERGENCE_BOUND && v > -DIVERGENCE_BOUND)) bad = 1;
        else x[j] = v;
        const double e = v - center[j];
        d2 += e * e;
      }
      if (bad) break;
      if (escapeStep < 0 && d2 > R2) escapeStep = t;
    }
    seconds[rep] = now() - t0;
  }
  print_result("circle-gd", steps, seconds, repeats, x, 2, escapeStep);
  return 0;
}

/*
 * The SGD ensemble of src/core/engine/ensemble.ts on the same problem: RUNS runs of
 * B = 1 SGD, each from its own start and random state (read after the parameters:
 * RUNS lines of STATE X0 X1), run after run to STEPS, each keeping a decimated
 * history of HIST points (history.ts: every stride-th step, the loss and the distance,
 * halved and the stride doubled when full), the loss as CircleProblem.loss computes it.
 */
#define MAX_RUNS 100000
static uint32_t run_state[MAX_RUNS];
static double run_x0[MAX_RUNS][2];
static double run_x[MAX_RUNS][2];

static double circle_loss(int n, double c3max, double x0, double x1) {
  const double Q3 = -15;
  const double rho = fmax(fabs(x0), fabs(x1)) >= c3max ? INFINITY : hypot(x0, x1);
  double s = 0;
  for (int i = 0; i < n; i++) {
    const double r = x1 - q2[i] * x0 * x0 - Q3;
    const double g = q1[i] * r * r;
    const double w = c3[i];
    double h;
    if (rho >= w) h = c1[i];
    else {
      const double u = rho / w;
      h = c1[i] * u * u * u * (u * (6 * u - 15) + 10);
    }
    s += g <= h ? g : h;
  }
  return s / n;
}

static int circle_sgd_ensemble(int runs, long steps, int hist, int repeats, double eta, double escape) {
  int n;
  if (read_params(&n) || runs < 1 || runs > MAX_RUNS) {
    fprintf(stderr, "ref: circle-sgd needs N, 4N numbers and RUNS lines of STATE X0 X1 on stdin\n");
    return 2;
  }
  for (int r = 0; r < runs; r++) {
    unsigned long st;
    if (scanf("%lu %lf %lf", &st, &run_x0[r][0], &run_x0[r][1]) != 3) return 2;
    run_state[r] = (uint32_t)st;
  }
  double c3max = c3[0];
  for (int i = 1; i < n; i++) c3max = c3[i] > c3max ? c3[i] : c3max;
  const double Q3 = -15, lo[2] = {-10, -20}, hi[2] = {10, 15}, center[2] = {0, -15};
  const double R2 = escape * escape;
  const int cap = hist + (hist % 2) < 2 ? 2 : hist + (hist % 2);
  double *hs = malloc(sizeof(double) * 3 * (size_t)cap);
  double seconds[MAX_REPEATS];
  long escaped = 0;
  for (int rep = 0; rep < repeats; rep++) {
    escaped = 0;
    double t0 = now();
    for (int r = 0; r < runs; r++) {
      uint32_t state = run_state[r];
      double x[2] = {run_x0[r][0], run_x0[r][1]};
      long escapeStep = -1;
      int count = 0;
      long stride = 1;
      /* observe(t): escape test, then a history point (the engine's SgdRun.observe). */
#define OBSERVE(T)                                                                  \
  do {                                                                              \
    const double e0 = x[0] - center[0], e1 = x[1] - center[1];                      \
    const double d2o = e0 * e0 + e1 * e1;                                           \
    if (escapeStep < 0 && d2o > R2) escapeStep = (T);                               \
    if (hist > 0 && (T) % stride == 0) {                                            \
      const double loss = circle_loss(n, c3max, x[0], x[1]);                        \
      if (count == cap) {                                                           \
        int k = 0;                                                                  \
        for (int q = 0; q < count; q += 2, k++) {                                   \
          hs[k] = hs[q];                                                            \
          hs[cap + k] = hs[cap + q];                                                \
          hs[2 * cap + k] = hs[2 * cap + q];                                        \
        }                                                                           \
        count = k;                                                                  \
        stride *= 2;                                                                \
      }                                                                             \
      if ((T) % stride == 0) {                                                      \
        hs[count] = (double)(T);                                                    \
        hs[cap + count] = loss;                                                     \
        hs[2 * cap + count] = sqrt(d2o);                                            \
        count++;                                                                    \
      }                                                                             \
    }                                                                               \
  } while (0)
      OBSERVE(0L);
      for (long t = 1; t <= steps; t++) {
        const int i = (int)(next_uniform(&state) * n);
        const double x0 = x[0], x1 = x[1];
        const double rho = sqrt(x0 * x0 + x1 * x1);
        double g0 = 0, g1 = 0;
        const double r1 = x1 - q2[i] * x0 * x0 - Q3;
        const double gv = q1[i] * r1 * r1;
        const double w = c3[i];
        double hv, dh = 0;
        if (rho >= w) hv = c1[i];
        else {
          const double u = rho / w, um = u - 1;
          hv = c1[i] * u * u * u * (u * (6 * u - 15) + 10);
          dh = (c1[i] * 30 * u * u * um * um) / w;
        }
        if (gv <= hv) {
          const double tq = 2 * q1[i] * r1;
          g0 += 1.0 * (-2 * q2[i] * x0 * tq);
          g1 += 1.0 * tq;
        } else if (rho > 0 && dh != 0) {
          const double k = (1.0 * dh) / rho;
          g0 += k * x0;
          g1 += k * x1;
        }
        const double g[2] = {g0, g1};
        int bad = 0;
        double d2 = 0;
        for (int j = 0; j < 2; j++) {
          double v = x[j] - eta * g[j];
          v = v < lo[j] ? lo[j] : v > hi[j] ? hi[j] : v;
          if (!(v < DIVERGENCE_BOUND && v > -DIVERGENCE_BOUND)) bad = 1;
          else x[j] = v;
          const double e = v - center[j];
          d2 += e * e;
        }
        if (bad) break;
        if (escapeStep < 0 && d2 > R2) escapeStep = t;
        if (hist > 0 && t % stride == 0) OBSERVE(t);
      }
#undef OBSERVE
      run_x[r][0] = x[0];
      run_x[r][1] = x[1];
      if (escapeStep >= 0) escaped++;
    }
    seconds[rep] = now() - t0;
  }
  free(hs);
  printf("{\"kind\":\"circle-sgd\",\"runs\":%d,\"steps\":%ld,\"escaped\":%ld,\"seconds\":[", runs, steps, escaped);
  for (int r = 0; r < repeats; r++) printf("%s%.9g", r ? "," : "", seconds[r]);
  printf("],\"x\":[");
  for (int r = 0; r < runs; r++) printf("%s%.17g,%.17g", r ? "," : "", run_x[r][0], run_x[r][1]);
  printf("]}\n");
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 8 && strcmp(argv[1], "toy-sgd") == 0) {
    int repeats = atoi(argv[3]);
    if (repeats < 1 || repeats > MAX_REPEATS) return 2;
    uint32_t state[4] = {0, 0, 0, 0};
    int words = parse_state(argv[4], state);
    if (words == 0) return 2;
    return toy_sgd(atol(argv[2]), repeats, state, words, strtod(argv[5], NULL), strtod(argv[6], NULL), strtod(argv[7], NULL));
  }
  if (argc >= 8 && strcmp(argv[1], "circle-gd") == 0) {
    int repeats = atoi(argv[3]);
    if (repeats < 1 || repeats > MAX_REPEATS) return 2;
    return circle_gd(atol(argv[2]), repeats, strtod(argv[4], NULL), strtod(argv[5], NULL), strtod(argv[6], NULL), strtod(argv[7], NULL));
  }
  if (argc >= 8 && strcmp(argv[1], "circle-sgd") == 0) {
    int repeats = atoi(argv[5]);
    if (repeats < 1 || repeats > MAX_REPEATS) return 2;
    return circle_sgd_ensemble(atoi(argv[2]), atol(argv[3]), atoi(argv[4]), repeats, strtod(argv[6], NULL), strtod(argv[7], NULL));
  }
  fprintf(stderr, "usage: ref toy-sgd STEPS REPEATS STATE X0 ETA ESCAPE | ref circle-gd STEPS REPEATS X0 X1 ETA ESCAPE < params\n");
  return 2;
}
