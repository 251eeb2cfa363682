;; A run's SGD steps on Patel's quadratic-circle sums in WebAssembly (advanceCircle,
;; for SgdRun.advance in src/core/engine/sgd-run.ts on a CircleProblem,
;; src/core/problems/circle.ts): one index, B indices with replacement, or B
;; without (a partial Fisher–Yates over the run's permutation). GD stays in
;; TypeScript: this loop over all n terms ran about 20 % slower here than V8's
;; code for CircleProblem.sumGradients (CPU time, Node 20), where SGD ran twice as fast.
;;
;; Bit for bit the TypeScript's: only f64 add, sub, mul, div, sqrt and
;; comparisons, which WebAssembly defines as IEEE 754 binary64 with
;; round-to-nearest, the same as JavaScript's numbers (Math.sqrt is the correctly
;; rounded square root too); the generators are xoshiro128** and mulberry32 on i32
;; (src/core/rng.ts). Every expression keeps the TypeScript's order of operations
;; (CircleProblem.sumGradients, then SgdRun.advance's step, projection and checks).
;; Drawing every index of a batch first and then summing, as the TypeScript does,
;; gives the same numbers as drawing each index just before its term, as here:
;; the draws do not depend on x, and the sum is taken in the same order.
;; Built by scripts/build-kernels.mjs (wabt, from npm) into sgd-circle-wasm.ts.
(module
  (memory (export "memory") 1)

  ;; The generator's state: xoshiro128**'s four words, or mulberry32's one (in $s0).
  (global $s0 (mut i32) (i32.const 0))
  (global $s1 (mut i32) (i32.const 0))
  (global $s2 (mut i32) (i32.const 0))
  (global $s3 (mut i32) (i32.const 0))
  ;; 0: xoshiro128**, 1: mulberry32
  (global $gen (mut i32) (i32.const 0))

  ;; rng.next(): uniform on [0, 1) from the next 32-bit output, out / 2^32.
  (func $next (result f64)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $m i32) (local $t i32)
    (if (result f64) (i32.eqz (global.get $gen))
      (then
        ;; xoshiro128**: Xoshiro128.next()
        (local.set $a (global.get $s0))
        (local.set $b (global.get $s1))
        (local.set $c (i32.xor (global.get $s2) (local.get $a)))
        (local.set $d (i32.xor (global.get $s3) (local.get $b)))
        (local.set $m (i32.mul (local.get $b) (i32.const 5)))
        (local.set $t (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)))
        (global.set $s1 (i32.xor (local.get $b) (local.get $c)))
        (global.set $s0 (i32.xor (local.get $a) (local.get $d)))
        (global.set $s2 (i32.xor (local.get $c) (i32.shl (local.get $b) (i32.const 9))))
        (global.set $s3 (i32.rotl (local.get $d) (i32.const 11)))
        (f64.div (f64.convert_i32_u (local.get $t)) (f64.const 4294967296)))
      (else
        ;; mulberry32: Mulberry32.next()
        (local.set $t (i32.add (global.get $s0) (i32.const 0x6d2b79f5)))
        (global.set $s0 (local.get $t))
        (local.set $t (i32.mul (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 15))) (i32.or (local.get $t) (i32.const 1))))
        (local.set $t (i32.xor (local.get $t)
          (i32.add (local.get $t) (i32.mul (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 7))) (i32.or (local.get $t) (i32.const 61))))))
        (f64.div (f64.convert_i32_u (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 14)))) (f64.const 4294967296)))))

  ;; SgdRun.advance's SGD steps for a CircleProblem: up to k steps from the state at
  ;; io, stopping early only at a divergence. Component i's values are at data + 32i:
  ;; q₁ᵢ, q₂ᵢ, c₁ᵢ, c₃ᵢ. io holds, as f64: x₀, x₁ (0, 8), the reference minimum c
  ;; (16, 24), the box lo (32, 40) and hi (48, 56); as i32: t (64), the escape step
  ;; (68, −1: none yet), the divergence flag (72, written), the generator's words
  ;; (76..91). mode: 1 m indices with replacement (m = 1 is SGD-1), 2 m indices
  ;; without replacement from the permutation at perm (n i32, kept across calls by
  ;; the caller). scale is the TypeScript's 1/m. At a divergence the flag is 1, t
  ;; counts the diverging step and x keeps each coordinate's last finite value, as
  ;; SgdRun.advance does. Returns the finite steps taken.
  ;; With stride > 0 the kernel also writes the iterates a lazy History records
  ;; (History.pushIterate): x₀, x₁ and the distance √d2 (SgdRun.observe's, the same
  ;; sum in the same order) as f64 at rec, rec + 24, … after the first-th finite step
  ;; and every stride-th one after it, so SgdRun hands it a whole stretch of
  ;; recorded points instead of one call per point.
  (func (export "advanceCircle") (param $mode i32) (param $gen i32) (param $n i32) (param $m i32) (param $data i32)
      (param $scale f64) (param $eta f64) (param $R2 f64) (param $k i32) (param $io i32) (param $perm i32)
      (param $first i32) (param $stride i32) (param $rec i32) (result i32)
    (local $x0 f64) (local $x1 f64) (local $t i32) (local $esc i32) (local $taken i32)
    (local $rho f64) (local $g0 f64) (local $g1 f64) (local $j i32) (local $i i32) (local $r i32) (local $tmp i32)
    (local $a f64) (local $b f64) (local $rr f64) (local $gv f64) (local $w f64) (local $hv f64) (local $dh f64)
    (local $u f64) (local $um f64) (local $tq f64) (local $kk f64)
    (local $v0 f64) (local $v1 f64) (local $e f64) (local $d2 f64) (local $bad i32) (local $left i32)
    (global.set $gen (local.get $gen))
    (global.set $s0 (i32.load offset=76 (local.get $io)))
    (global.set $s1 (i32.load offset=80 (local.get $io)))
    (global.set $s2 (i32.load offset=84 (local.get $io)))
    (global.set $s3 (i32.load offset=88 (local.get $io)))
    (local.set $x0 (f64.load (local.get $io)))
    (local.set $x1 (f64.load offset=8 (local.get $io)))
    (local.set $t (i32.load offset=64 (local.get $io)))
    (local.set $esc (i32.load offset=68 (local.get $io)))
    (i32.store offset=72 (local.get $io) (i32.const 0))
    (local.set $taken (i32.const 0))
    (local.set $left (local.get $first))
    (block $end
      (loop $step
        (br_if $end (i32.ge_s (local.get $taken) (local.get $k)))
        ;; CircleProblem.sumGradients: ρ = √(x₀² + x₁²) once, then the m terms in order
        (local.set $rho (f64.sqrt (f64.add (f64.mul (local.get $x0) (local.get $x0)) (f64.mul (local.get $x1) (local.get $x1)))))
        (local.set $g0 (f64.const 0))
        (local.set $g1 (f64.const 0))
        (local.set $j (i32.const 0))
        (loop $terms
          (if (i32.eq (local.get $mode) (i32.const 1))
            (then
              ;; (rng.next() · n) | 0
              (local.set $i (i32.trunc_f64_s (f64.mul (call $next) (f64.convert_i32_s (local.get $n))))))
            (else
              ;; r = j + ((rng.next() · (n − j)) | 0); swap perm[j], perm[r]; i = perm[j]
              (local.set $r (i32.add (local.get $j)
                (i32.trunc_f64_s (f64.mul (call $next) (f64.convert_i32_s (i32.sub (local.get $n) (local.get $j)))))))
              (local.set $tmp (i32.load (i32.add (local.get $perm) (i32.shl (local.get $j) (i32.const 2)))))
              (local.set $i (i32.load (i32.add (local.get $perm) (i32.shl (local.get $r) (i32.const 2)))))
              (i32.store (i32.add (local.get $perm) (i32.shl (local.get $j) (i32.const 2))) (local.get $i))
              (i32.store (i32.add (local.get $perm) (i32.shl (local.get $r) (i32.const 2))) (local.get $tmp))))
          (local.set $i (i32.add (local.get $data) (i32.shl (local.get $i) (i32.const 5))))
          (local.set $a (f64.load (local.get $i)))
          (local.set $b (f64.load offset=8 (local.get $i)))
          ;; r = x₁ − q₂·x₀·x₀ − Q₃ (Q₃ = −15), gv = q₁·r·r
          (local.set $rr (f64.sub (f64.sub (local.get $x1) (f64.mul (f64.mul (local.get $b) (local.get $x0)) (local.get $x0))) (f64.const -15)))
          (local.set $gv (f64.mul (f64.mul (local.get $a) (local.get $rr)) (local.get $rr)))
          (local.set $w (f64.load offset=24 (local.get $i)))
          (if (f64.ge (local.get $rho) (local.get $w))
            (then
              ;; on the plateau: hv = c₁, H′ = 0, so only the quadratic branch adds
              (if (f64.le (local.get $gv) (f64.load offset=16 (local.get $i)))
                (then
                  ;; t = 2·q₁·r; g₀ += scale·(−2·q₂·x₀·t); g₁ += scale·t
                  (local.set $tq (f64.mul (f64.mul (f64.const 2) (local.get $a)) (local.get $rr)))
                  (local.set $g0 (f64.add (local.get $g0)
                    (f64.mul (local.get $scale) (f64.mul (f64.mul (f64.mul (f64.const -2) (local.get $b)) (local.get $x0)) (local.get $tq)))))
                  (local.set $g1 (f64.add (local.get $g1) (f64.mul (local.get $scale) (local.get $tq)))))))
            (else
              ;; u = ρ/w, hv = c₁·u·u·u·(u·(6u − 15) + 10), dh = c₁·30·u·u·(u−1)·(u−1)/w
              (local.set $u (f64.div (local.get $rho) (local.get $w)))
              (local.set $hv (f64.mul
                (f64.mul (f64.mul (f64.mul (f64.load offset=16 (local.get $i)) (local.get $u)) (local.get $u)) (local.get $u))
                (f64.add (f64.mul (local.get $u) (f64.sub (f64.mul (f64.const 6) (local.get $u)) (f64.const 15))) (f64.const 10))))
              (local.set $um (f64.sub (local.get $u) (f64.const 1)))
              (local.set $dh (f64.div
                (f64.mul (f64.mul (f64.mul (f64.mul (f64.mul (f64.load offset=16 (local.get $i)) (f64.const 30)) (local.get $u)) (local.get $u)) (local.get $um)) (local.get $um))
                (local.get $w)))
              (if (f64.le (local.get $gv) (local.get $hv))
                (then
                  ;; t = 2·q₁·r; g₀ += scale·(−2·q₂·x₀·t); g₁ += scale·t
                  (local.set $tq (f64.mul (f64.mul (f64.const 2) (local.get $a)) (local.get $rr)))
                  (local.set $g0 (f64.add (local.get $g0)
                    (f64.mul (local.get $scale) (f64.mul (f64.mul (f64.mul (f64.const -2) (local.get $b)) (local.get $x0)) (local.get $tq)))))
                  (local.set $g1 (f64.add (local.get $g1) (f64.mul (local.get $scale) (local.get $tq)))))
                (else
                  (if (i32.and (f64.gt (local.get $rho) (f64.const 0)) (f64.ne (local.get $dh) (f64.const 0)))
                    (then
                      ;; k = scale·dh/ρ; g += k·x
                      (local.set $kk (f64.div (f64.mul (local.get $scale) (local.get $dh)) (local.get $rho)))
                      (local.set $g0 (f64.add (local.get $g0) (f64.mul (local.get $kk) (local.get $x0))))
                      (local.set $g1 (f64.add (local.get $g1) (f64.mul (local.get $kk) (local.get $x1))))))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $terms (i32.lt_s (local.get $j) (local.get $m))))
        ;; the step, projected onto the box, and the checks: SgdRun.advance's loop for d = 2
        (local.set $bad (i32.const 0))
        (local.set $v0 (f64.sub (local.get $x0) (f64.mul (local.get $eta) (local.get $g0))))
        (local.set $v0
          (if (result f64) (f64.lt (local.get $v0) (f64.load offset=32 (local.get $io)))
            (then (f64.load offset=32 (local.get $io)))
            (else (if (result f64) (f64.gt (local.get $v0) (f64.load offset=48 (local.get $io)))
              (then (f64.load offset=48 (local.get $io)))
              (else (local.get $v0))))))
        (if (i32.and (f64.lt (local.get $v0) (f64.const 1e100)) (f64.gt (local.get $v0) (f64.const -1e100)))
          (then (local.set $x0 (local.get $v0)))
          (else (local.set $bad (i32.const 1))))
        (local.set $e (f64.sub (local.get $v0) (f64.load offset=16 (local.get $io))))
        (local.set $d2 (f64.add (f64.const 0) (f64.mul (local.get $e) (local.get $e))))
        (local.set $v1 (f64.sub (local.get $x1) (f64.mul (local.get $eta) (local.get $g1))))
        (local.set $v1
          (if (result f64) (f64.lt (local.get $v1) (f64.load offset=40 (local.get $io)))
            (then (f64.load offset=40 (local.get $io)))
            (else (if (result f64) (f64.gt (local.get $v1) (f64.load offset=56 (local.get $io)))
              (then (f64.load offset=56 (local.get $io)))
              (else (local.get $v1))))))
        (if (i32.and (f64.lt (local.get $v1) (f64.const 1e100)) (f64.gt (local.get $v1) (f64.const -1e100)))
          (then (local.set $x1 (local.get $v1)))
          (else (local.set $bad (i32.const 1))))
        (local.set $e (f64.sub (local.get $v1) (f64.load offset=24 (local.get $io))))
        (local.set $d2 (f64.add (local.get $d2) (f64.mul (local.get $e) (local.get $e))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (if (local.get $bad)
          (then
            (i32.store offset=72 (local.get $io) (i32.const 1))
            (br $end)))
        (if (i32.lt_s (local.get $esc) (i32.const 0))
          (then
            (if (f64.gt (local.get $d2) (local.get $R2))
              (then (local.set $esc (local.get $t))))))
        (local.set $taken (i32.add (local.get $taken) (i32.const 1)))
        ;; a recorded step: its iterate, for History.pushIterate
        (if (local.get $stride)
          (then
            (local.set $left (i32.sub (local.get $left) (i32.const 1)))
            (if (i32.eqz (local.get $left))
              (then
                (f64.store (local.get $rec) (local.get $x0))
                (f64.store offset=8 (local.get $rec) (local.get $x1))
                (f64.store offset=16 (local.get $rec) (f64.sqrt (local.get $d2)))
                (local.set $rec (i32.add (local.get $rec) (i32.const 24)))
                (local.set $left (local.get $stride))))))
        (br $step)))
    (f64.store (local.get $io) (local.get $x0))
    (f64.store offset=8 (local.get $io) (local.get $x1))
    (i32.store offset=64 (local.get $io) (local.get $t))
    (i32.store offset=68 (local.get $io) (local.get $esc))
    (i32.store offset=76 (local.get $io) (global.get $s0))
    (i32.store offset=80 (local.get $io) (global.get $s1))
    (i32.store offset=84 (local.get $io) (global.get $s2))
    (i32.store offset=88 (local.get $io) (global.get $s3))
    (local.get $taken))
)
