;; The 1D SGD loops in WebAssembly: the phase grid's cell loop (escapedRuns, for
;; src/core/explore/phase-grid.ts escapedRuns1D) and a run's steps (advance1D, for
;; src/core/engine/sgd-run.ts advance1D), for the toy and 1D quadratic sums.
;;
;; Bit for bit the TypeScript's: only f64 add, sub, mul, div and comparisons,
;; which WebAssembly defines as IEEE 754 binary64 with round-to-nearest, the
;; same as JavaScript's numbers; the generators are xoshiro128** and mulberry32
;; on i32 (src/core/rng.ts), the same 32-bit words as Math.imul, <<, >>>, ^.
;; Every expression below keeps the TypeScript's order of operations.
;; Built by scripts/build-kernels.mjs (wabt, from npm) into sgd-1d-wasm.ts.
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

  ;; (rng.next() * k) | 0: a uniform index in 0..k−1.
  (func $index (param $k i32) (result i32)
    (i32.trunc_f64_s (f64.mul (call $next) (f64.convert_i32_s (local.get $k)))))

  ;; The toy's summand (ToyProblem.batchTerm1D): v·v ≤ bᵢ·(u·u) ? 2·v : 2·bᵢ·u with u = v − 1.
  (func $toyTerm (param $bi f64) (param $v f64) (result f64)
    (local $u f64)
    (local.set $u (f64.sub (local.get $v) (f64.const 1)))
    (if (result f64) (f64.le (f64.mul (local.get $v) (local.get $v)) (f64.mul (local.get $bi) (f64.mul (local.get $u) (local.get $u))))
      (then (f64.mul (f64.const 2) (local.get $v)))
      (else (f64.mul (f64.mul (f64.const 2) (local.get $bi)) (local.get $u)))))

  ;; The summand of component i: the toy's, or hᵢ for a 1D quadratic sum (QuadraticProblem.batchTerm1D).
  (func $term (param $problem i32) (param $data i32) (param $i i32) (param $v f64) (result f64)
    (local $h f64)
    (local.set $h (f64.load (i32.add (local.get $data) (i32.shl (local.get $i) (i32.const 3)))))
    (if (result f64) (i32.eqz (local.get $problem))
      (then (call $toyTerm (local.get $h) (local.get $v)))
      (else (local.get $h))))

  ;; batchFinish1D(s, m, v): the toy's (m = 1 ? s : s/m), or that times v for a quadratic sum.
  (func $finish (param $problem i32) (param $s f64) (param $m i32) (param $v f64) (result f64)
    (local $g f64)
    (local.set $g
      (if (result f64) (i32.eq (local.get $m) (i32.const 1))
        (then (local.get $s))
        (else (f64.div (local.get $s) (f64.convert_i32_s (local.get $m))))))
    (if (result f64) (i32.eqz (local.get $problem))
      (then (local.get $g))
      (else (f64.mul (local.get $g) (local.get $v)))))

  ;; The full gradient (fullGradient): Σ term / n for the toy, Σ hᵢ·v / n for a quadratic sum.
  (func $full (param $problem i32) (param $data i32) (param $n i32) (param $v f64) (result f64)
    (local $s f64) (local $i i32) (local $h f64)
    (local.set $s (f64.const 0))
    (local.set $i (i32.const 0))
    (block $done
      (loop $sum
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $h (f64.load (i32.add (local.get $data) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $s (f64.add (local.get $s)
          (if (result f64) (i32.eqz (local.get $problem))
            (then (call $toyTerm (local.get $h) (local.get $v)))
            (else (f64.mul (local.get $h) (local.get $v))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $sum)))
    (f64.div (local.get $s) (f64.convert_i32_s (local.get $n))))

  ;; escapedRuns under xoshiro128** (every v ≥ 2 link): the same steps, written for
  ;; speed with the same numbers:
  ;; - the generator's words in locals and each draw written inline (no call or
  ;;   global per draw), the output word that of $next;
  ;; - the index (next · k) | 0 in integers: next = out · 2^-32 exactly, and out · k
  ;;   is exact in a double while k < 2^21 (out < 2^32, so the product is below
  ;;   2^53), so floor(out · 2^-32 · k) = (out · k) >> 32, the same index (the caller
  ;;   keeps n below 2^21);
  ;; - without replacement, the partial Fisher–Yates moves the components' values
  ;;   (bᵢ or hᵢ, copied to $perm as f64) instead of their indices: perm starts as
  ;;   the identity, so the value at each place is data[the index there], and each
  ;;   draw picks the same value the index permutation would look up;
  ;; - within a step v is fixed, so the toy's v·v, u = v − 1, u·u and 2·v are taken
  ;;   once: the same values ToyProblem.batchTerm1D computes for each index.
  (func $escapedRunsXoshiro (param $problem i32) (param $mode i32) (param $n i32) (param $m i32)
      (param $eta f64) (param $c0 f64) (param $R2 f64) (param $steps i32) (param $runs i32)
      (param $data i32) (param $perm i32) (param $states i32) (param $starts i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $out i32) (local $sh i32)
    (local $escaped i32) (local $r i32) (local $t i32) (local $j i32) (local $k i32) (local $p i32)
    (local $at i32) (local $jat i32) (local $n64 i64)
    (local $v f64) (local $grad f64) (local $sum f64) (local $next f64) (local $e f64) (local $h f64)
    (local $vv f64) (local $uu f64) (local $u2 f64) (local $tv f64) (local $nf f64) (local $mf f64)
    (local.set $n64 (i64.extend_i32_u (local.get $n)))
    (local.set $nf (f64.convert_i32_s (local.get $n)))
    (local.set $mf (f64.convert_i32_s (local.get $m)))
    (local.set $escaped (i32.const 0))
    (local.set $r (i32.const 0))
    (block $allRuns
      (loop $eachRun
        (br_if $allRuns (i32.ge_s (local.get $r) (local.get $runs)))
        (local.set $p (i32.add (local.get $states) (i32.shl (local.get $r) (i32.const 4))))
        (local.set $a (i32.load (local.get $p)))
        (local.set $b (i32.load offset=4 (local.get $p)))
        (local.set $c (i32.load offset=8 (local.get $p)))
        (local.set $d (i32.load offset=12 (local.get $p)))
        (local.set $v (f64.load (i32.add (local.get $starts) (i32.shl (local.get $r) (i32.const 3)))))
        (if (i32.eq (local.get $mode) (i32.const 2))
          (then
            ;; the identity permutation, as values: perm[j] = data[j]
            (local.set $j (i32.const 0))
            (block $filled
              (loop $fill
                (br_if $filled (i32.ge_s (local.get $j) (local.get $n)))
                (f64.store (i32.add (local.get $perm) (i32.shl (local.get $j) (i32.const 3)))
                  (f64.load (i32.add (local.get $data) (i32.shl (local.get $j) (i32.const 3)))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $fill)))))
        (local.set $t (i32.const 0))
        (block $runEnd
          (loop $step
            (br_if $runEnd (i32.ge_s (local.get $t) (local.get $steps)))
            (local.set $vv (f64.mul (local.get $v) (local.get $v)))
            (local.set $uu (f64.sub (local.get $v) (f64.const 1)))
            (local.set $u2 (f64.mul (local.get $uu) (local.get $uu)))
            (local.set $tv (f64.mul (f64.const 2) (local.get $v)))
            (if (i32.eq (local.get $mode) (i32.const 2))
              (then
                ;; k = j + index(n − j), swap the values at j and k, add the term of the one now at j
                (local.set $sum (f64.const 0))
                (local.set $j (i32.const 0))
                (local.set $jat (local.get $perm))
                (block $drawn
                  (loop $draw
                    (br_if $drawn (i32.ge_s (local.get $j) (local.get $m)))
                    (local.set $c (i32.xor (local.get $c) (local.get $a)))
                    (local.set $d (i32.xor (local.get $d) (local.get $b)))
                    (local.set $out (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
                    (local.set $sh (i32.shl (local.get $b) (i32.const 9)))
                    (local.set $b (i32.xor (local.get $b) (local.get $c)))
                    (local.set $a (i32.xor (local.get $a) (local.get $d)))
                    (local.set $c (i32.xor (local.get $c) (local.get $sh)))
                    (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
                    (local.set $k (i32.wrap_i64 (i64.shr_u
                      (i64.mul (i64.extend_i32_u (local.get $out)) (i64.extend_i32_u (i32.sub (local.get $n) (local.get $j))))
                      (i64.const 32))))
                    (local.set $at (i32.add (local.get $jat) (i32.shl (local.get $k) (i32.const 3))))
                    (local.set $h (f64.load (local.get $at)))
                    (f64.store (local.get $at) (f64.load (local.get $jat)))
                    (f64.store (local.get $jat) (local.get $h))
                    (if (i32.eqz (local.get $problem))
                      (then (local.set $h (if (result f64) (f64.le (local.get $vv) (f64.mul (local.get $h) (local.get $u2))) (then (local.get $tv)) (else (f64.mul (f64.mul (f64.const 2) (local.get $h)) (local.get $uu)))))))
                    (local.set $sum (f64.add (local.get $sum) (local.get $h)))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (local.set $jat (i32.add (local.get $jat) (i32.const 8)))
                    (br $draw)))
                (local.set $grad (if (result f64) (i32.eq (local.get $m) (i32.const 1)) (then (local.get $sum)) (else (f64.div (local.get $sum) (local.get $mf)))))
                (if (local.get $problem) (then (local.set $grad (f64.mul (local.get $grad) (local.get $v))))))
              (else (if (i32.eq (local.get $mode) (i32.const 1))
                (then
                  ;; batchGradient1D: 0 + term for the toy, (0 + hᵢ)·v for a quadratic sum
                  (local.set $c (i32.xor (local.get $c) (local.get $a)))
                  (local.set $d (i32.xor (local.get $d) (local.get $b)))
                  (local.set $out (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
                  (local.set $sh (i32.shl (local.get $b) (i32.const 9)))
                  (local.set $b (i32.xor (local.get $b) (local.get $c)))
                  (local.set $a (i32.xor (local.get $a) (local.get $d)))
                  (local.set $c (i32.xor (local.get $c) (local.get $sh)))
                  (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
                  (local.set $h (f64.load (i32.add (local.get $data) (i32.shl
                    (i32.wrap_i64 (i64.shr_u (i64.mul (i64.extend_i32_u (local.get $out)) (local.get $n64)) (i64.const 32)))
                    (i32.const 3)))))
                  (if (i32.eqz (local.get $problem))
                    (then (local.set $h (if (result f64) (f64.le (local.get $vv) (f64.mul (local.get $h) (local.get $u2))) (then (local.get $tv)) (else (f64.mul (f64.mul (f64.const 2) (local.get $h)) (local.get $uu)))))))
                  (local.set $grad (f64.add (f64.const 0) (local.get $h)))
                  (if (local.get $problem) (then (local.set $grad (f64.mul (local.get $grad) (local.get $v))))))
                (else (if (i32.eq (local.get $mode) (i32.const 3))
                  (then
                    (local.set $sum (f64.const 0))
                    (local.set $j (i32.const 0))
                    (block $summed
                      (loop $add
                        (br_if $summed (i32.ge_s (local.get $j) (local.get $m)))
                        (local.set $c (i32.xor (local.get $c) (local.get $a)))
                        (local.set $d (i32.xor (local.get $d) (local.get $b)))
                        (local.set $out (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
                        (local.set $sh (i32.shl (local.get $b) (i32.const 9)))
                        (local.set $b (i32.xor (local.get $b) (local.get $c)))
                        (local.set $a (i32.xor (local.get $a) (local.get $d)))
                        (local.set $c (i32.xor (local.get $c) (local.get $sh)))
                        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
                        (local.set $h (f64.load (i32.add (local.get $data) (i32.shl
                          (i32.wrap_i64 (i64.shr_u (i64.mul (i64.extend_i32_u (local.get $out)) (local.get $n64)) (i64.const 32)))
                          (i32.const 3)))))
                        (if (i32.eqz (local.get $problem))
                          (then (local.set $h (if (result f64) (f64.le (local.get $vv) (f64.mul (local.get $h) (local.get $u2))) (then (local.get $tv)) (else (f64.mul (f64.mul (f64.const 2) (local.get $h)) (local.get $uu)))))))
                        (local.set $sum (f64.add (local.get $sum) (local.get $h)))
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))
                        (br $add)))
                    (local.set $grad (if (result f64) (i32.eq (local.get $m) (i32.const 1)) (then (local.get $sum)) (else (f64.div (local.get $sum) (local.get $mf)))))
                (if (local.get $problem) (then (local.set $grad (f64.mul (local.get $grad) (local.get $v))))))
                  (else
                    (local.set $sum (f64.const 0))
                    (local.set $j (i32.const 0))
                    (block $whole
                      (loop $each
                        (br_if $whole (i32.ge_s (local.get $j) (local.get $n)))
                        (local.set $h (f64.load (i32.add (local.get $data) (i32.shl (local.get $j) (i32.const 3)))))
                        (local.set $sum (f64.add (local.get $sum)
                          (if (result f64) (i32.eqz (local.get $problem))
                            (then (if (result f64) (f64.le (local.get $vv) (f64.mul (local.get $h) (local.get $u2))) (then (local.get $tv)) (else (f64.mul (f64.mul (f64.const 2) (local.get $h)) (local.get $uu)))))
                            (else (f64.mul (local.get $h) (local.get $v))))))
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))
                        (br $each)))
                    (local.set $grad (f64.div (local.get $sum) (local.get $nf)))))))))
            (local.set $next (f64.sub (local.get $v) (f64.mul (local.get $eta) (local.get $grad))))
            (if (i32.eqz (i32.and (f64.lt (local.get $next) (f64.const 1e100)) (f64.gt (local.get $next) (f64.const -1e100))))
              (then
                (local.set $escaped (i32.add (local.get $escaped) (i32.const 1)))
                (br $runEnd)))
            (local.set $v (local.get $next))
            (local.set $e (f64.sub (local.get $v) (local.get $c0)))
            (if (f64.gt (f64.mul (local.get $e) (local.get $e)) (local.get $R2))
              (then
                (local.set $escaped (i32.add (local.get $escaped) (i32.const 1)))
                (br $runEnd)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $step)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $eachRun)))
    (local.get $escaped))
  ;; One cell: `runs` runs, run r with its generator state at states + 16r (four i32)
  ;; and its start at starts + 8r (f64). problem: 0 toy, 1 1D quadratic sum, with
  ;; its n values (bᵢ or hᵢ) at data. mode: 0 full, 1 uniform-one, 2 without
  ;; replacement (a partial Fisher–Yates over perm, n i32, kept across steps),
  ;; 3 with replacement, uniform (batch-sampler.ts batchMode). gen: 0 xoshiro128**,
  ;; 1 mulberry32. Returns the runs that escaped (|x − c0|² > R2) or diverged
  ;; (|x| ≥ 1e100, DIVERGENCE_BOUND) within `steps` steps.
  (func (export "escapedRuns") (param $problem i32) (param $mode i32) (param $gen i32) (param $n i32) (param $m i32)
      (param $eta f64) (param $c0 f64) (param $R2 f64) (param $steps i32) (param $runs i32)
      (param $data i32) (param $perm i32) (param $states i32) (param $starts i32) (result i32)
    (local $escaped i32) (local $r i32) (local $t i32) (local $j i32) (local $k i32) (local $picked i32)
    (local $v f64) (local $grad f64) (local $sum f64) (local $next f64) (local $e f64) (local $p i32)
    (if (i32.eqz (local.get $gen))
      (then
        (return (call $escapedRunsXoshiro (local.get $problem) (local.get $mode) (local.get $n) (local.get $m) (local.get $eta) (local.get $c0)
          (local.get $R2) (local.get $steps) (local.get $runs) (local.get $data) (local.get $perm) (local.get $states) (local.get $starts)))))
    (global.set $gen (local.get $gen))
    (local.set $escaped (i32.const 0))
    (local.set $r (i32.const 0))
    (block $allRuns
      (loop $eachRun
        (br_if $allRuns (i32.ge_s (local.get $r) (local.get $runs)))
        (local.set $p (i32.add (local.get $states) (i32.shl (local.get $r) (i32.const 4))))
        (global.set $s0 (i32.load (local.get $p)))
        (global.set $s1 (i32.load offset=4 (local.get $p)))
        (global.set $s2 (i32.load offset=8 (local.get $p)))
        (global.set $s3 (i32.load offset=12 (local.get $p)))
        (local.set $v (f64.load (i32.add (local.get $starts) (i32.shl (local.get $r) (i32.const 3)))))
        ;; perm[i] = i for every run, as the TypeScript does
        (if (i32.eq (local.get $mode) (i32.const 2))
          (then
            (local.set $j (i32.const 0))
            (block $filled
              (loop $fill
                (br_if $filled (i32.ge_s (local.get $j) (local.get $n)))
                (i32.store (i32.add (local.get $perm) (i32.shl (local.get $j) (i32.const 2))) (local.get $j))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $fill)))))
        (local.set $t (i32.const 0))
        (block $runEnd
          (loop $step
            (br_if $runEnd (i32.ge_s (local.get $t) (local.get $steps)))
            (if (i32.eq (local.get $mode) (i32.const 1))
              (then
                ;; batchGradient1D: 0 + term for the toy, (0 + hᵢ)·v for a quadratic sum
                (local.set $k (call $index (local.get $n)))
                (local.set $grad
                  (if (result f64) (i32.eqz (local.get $problem))
                    (then (f64.add (f64.const 0) (call $term (local.get $problem) (local.get $data) (local.get $k) (local.get $v))))
                    (else (f64.mul (f64.add (f64.const 0) (call $term (local.get $problem) (local.get $data) (local.get $k) (local.get $v))) (local.get $v))))))
              (else (if (i32.eq (local.get $mode) (i32.const 2))
                (then
                  ;; draw and sum in one pass: k = j + index(n − j), swap perm[j] and perm[k], add term(perm[j])
                  (local.set $sum (f64.const 0))
                  (local.set $j (i32.const 0))
                  (block $drawn
                    (loop $draw
                      (br_if $drawn (i32.ge_s (local.get $j) (local.get $m)))
                      (local.set $k (i32.add (local.get $j) (call $index (i32.sub (local.get $n) (local.get $j)))))
                      (local.set $picked (i32.load (i32.add (local.get $perm) (i32.shl (local.get $k) (i32.const 2)))))
                      (i32.store (i32.add (local.get $perm) (i32.shl (local.get $k) (i32.const 2)))
                        (i32.load (i32.add (local.get $perm) (i32.shl (local.get $j) (i32.const 2)))))
                      (i32.store (i32.add (local.get $perm) (i32.shl (local.get $j) (i32.const 2))) (local.get $picked))
                      (local.set $sum (f64.add (local.get $sum) (call $term (local.get $problem) (local.get $data) (local.get $picked) (local.get $v))))
                      (local.set $j (i32.add (local.get $j) (i32.const 1)))
                      (br $draw)))
                  (local.set $grad (call $finish (local.get $problem) (local.get $sum) (local.get $m) (local.get $v))))
                (else (if (i32.eq (local.get $mode) (i32.const 3))
                  (then
                    (local.set $sum (f64.const 0))
                    (local.set $j (i32.const 0))
                    (block $summed
                      (loop $add
                        (br_if $summed (i32.ge_s (local.get $j) (local.get $m)))
                        (local.set $sum (f64.add (local.get $sum) (call $term (local.get $problem) (local.get $data) (call $index (local.get $n)) (local.get $v))))
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))
                        (br $add)))
                    (local.set $grad (call $finish (local.get $problem) (local.get $sum) (local.get $m) (local.get $v))))
                  (else
                    (local.set $grad (call $full (local.get $problem) (local.get $data) (local.get $n) (local.get $v)))))))))
            (local.set $next (f64.sub (local.get $v) (f64.mul (local.get $eta) (local.get $grad))))
            ;; !(next < 1e100 && next > −1e100): diverged (NaN included), counted as escaped
            (if (i32.eqz (i32.and (f64.lt (local.get $next) (f64.const 1e100)) (f64.gt (local.get $next) (f64.const -1e100))))
              (then
                (local.set $escaped (i32.add (local.get $escaped) (i32.const 1)))
                (br $runEnd)))
            (local.set $v (local.get $next))
            (local.set $e (f64.sub (local.get $v) (local.get $c0)))
            (if (f64.gt (f64.mul (local.get $e) (local.get $e)) (local.get $R2))
              (then
                (local.set $escaped (i32.add (local.get $escaped) (i32.const 1)))
                (br $runEnd)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $step)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $eachRun)))
    (local.get $escaped))
  ;; advance1D under xoshiro128**, with the generator's words in locals and the
  ;; draw and the gradient written inline (no call or global per step): the same
  ;; operations in the same order as $next, $index and $toyTerm (out / 2^32 as out · 2^-32, the same number).
  (func $advanceXoshiro (param $problem i32) (param $n i32) (param $data i32)
      (param $eta f64) (param $c0 f64) (param $R2 f64) (param $k i32) (param $io i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $out i32) (local $sh i32)
    (local $v f64) (local $t i32) (local $esc i32) (local $taken i32) (local $next f64) (local $e f64) (local $grad f64) (local $h f64) (local $u f64)
    (local $nf f64)
    (local.set $a (i32.load offset=20 (local.get $io)))
    (local.set $b (i32.load offset=24 (local.get $io)))
    (local.set $c (i32.load offset=28 (local.get $io)))
    (local.set $d (i32.load offset=32 (local.get $io)))
    (local.set $v (f64.load (local.get $io)))
    (local.set $t (i32.load offset=8 (local.get $io)))
    (local.set $esc (i32.load offset=12 (local.get $io)))
    (local.set $nf (f64.convert_i32_s (local.get $n)))
    (local.set $taken (i32.const 0))
    (block $end
      (loop $step
        (br_if $end (i32.ge_s (local.get $taken) (local.get $k)))
        ;; Xoshiro128.next(): s2 ^= s0, s3 ^= s1, out = rotl(s1·5, 7)·9, s1 ^= s2, s0 ^= s3, s2 ^= (old s1) << 9, s3 = rotl(s3, 11)
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $out (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $sh (i32.shl (local.get $b) (i32.const 9)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $sh)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        ;; (next · n) | 0, then the component's value
        (local.set $h (f64.load (i32.add (local.get $data)
          (i32.shl (i32.trunc_f64_s (f64.mul (f64.mul (f64.convert_i32_u (local.get $out)) (f64.const 0x1p-32)) (local.get $nf))) (i32.const 3)))))
        (if (i32.eqz (local.get $problem))
          (then
            ;; 0 + (v·v ≤ bᵢ·(u·u) ? 2·v : 2·bᵢ·u), u = v − 1
            (local.set $u (f64.sub (local.get $v) (f64.const 1)))
            (local.set $grad (f64.add (f64.const 0)
              (if (result f64) (f64.le (f64.mul (local.get $v) (local.get $v)) (f64.mul (local.get $h) (f64.mul (local.get $u) (local.get $u))))
                (then (f64.mul (f64.const 2) (local.get $v)))
                (else (f64.mul (f64.mul (f64.const 2) (local.get $h)) (local.get $u)))))))
          (else
            (local.set $grad (f64.mul (f64.add (f64.const 0) (local.get $h)) (local.get $v)))))
        (local.set $next (f64.sub (local.get $v) (f64.mul (local.get $eta) (local.get $grad))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (if (i32.eqz (i32.and (f64.lt (local.get $next) (f64.const 1e100)) (f64.gt (local.get $next) (f64.const -1e100))))
          (then
            (i32.store offset=16 (local.get $io) (i32.const 1))
            (br $end)))
        (local.set $v (local.get $next))
        (if (i32.lt_s (local.get $esc) (i32.const 0))
          (then
            (local.set $e (f64.sub (local.get $v) (local.get $c0)))
            (if (f64.gt (f64.mul (local.get $e) (local.get $e)) (local.get $R2))
              (then (local.set $esc (local.get $t))))))
        (local.set $taken (i32.add (local.get $taken) (i32.const 1)))
        (br $step)))
    (f64.store (local.get $io) (local.get $v))
    (i32.store offset=8 (local.get $io) (local.get $t))
    (i32.store offset=12 (local.get $io) (local.get $esc))
    (i32.store offset=20 (local.get $io) (local.get $a))
    (i32.store offset=24 (local.get $io) (local.get $b))
    (i32.store offset=28 (local.get $io) (local.get $c))
    (i32.store offset=32 (local.get $io) (local.get $d))
    (local.get $taken))

  ;; SgdRun.advance1D (src/core/engine/sgd-run.ts) for the toy or a 1D quadratic sum:
  ;; up to k steps of one uniform index each, from the state at io — v (f64) at 0,
  ;; t at 8, the escape step at 12 (−1: none yet), the generator's words at 20..35 —
  ;; stopping early only at a divergence (then the i32 at 16 is 1, and t counts the
  ;; diverging step while v keeps the last finite iterate, as advance1D does).
  ;; Writes the state back and returns the finite steps taken. The history's points
  ;; stay in TypeScript: the caller stops the kernel at each recorded step.
  (func (export "advance1D") (param $problem i32) (param $gen i32) (param $n i32) (param $data i32)
      (param $eta f64) (param $c0 f64) (param $R2 f64) (param $k i32) (param $io i32) (result i32)
    (local $v f64) (local $t i32) (local $esc i32) (local $taken i32) (local $next f64) (local $e f64) (local $grad f64) (local $h f64)
    (global.set $gen (local.get $gen))
    (global.set $s0 (i32.load offset=20 (local.get $io)))
    (global.set $s1 (i32.load offset=24 (local.get $io)))
    (global.set $s2 (i32.load offset=28 (local.get $io)))
    (global.set $s3 (i32.load offset=32 (local.get $io)))
    (local.set $v (f64.load (local.get $io)))
    (local.set $t (i32.load offset=8 (local.get $io)))
    (local.set $esc (i32.load offset=12 (local.get $io)))
    (i32.store offset=16 (local.get $io) (i32.const 0))
    (local.set $taken (i32.const 0))
    (if (i32.eqz (local.get $gen))
      (then
        ;; xoshiro128** (every v ≥ 2 link): the same steps with the generator in locals, inlined
        (local.set $taken (call $advanceXoshiro (local.get $problem) (local.get $n) (local.get $data) (local.get $eta) (local.get $c0) (local.get $R2) (local.get $k) (local.get $io)))
        (return (local.get $taken))))
    (block $end
      (loop $step
        (br_if $end (i32.ge_s (local.get $taken) (local.get $k)))
        ;; batchGradient1D((rng.next() * n) | 0, v): 0 + term for the toy, (0 + hᵢ)·v for a quadratic sum
        (local.set $h (f64.load (i32.add (local.get $data) (i32.shl (call $index (local.get $n)) (i32.const 3)))))
        (local.set $grad
          (if (result f64) (i32.eqz (local.get $problem))
            (then (f64.add (f64.const 0) (call $toyTerm (local.get $h) (local.get $v))))
            (else (f64.mul (f64.add (f64.const 0) (local.get $h)) (local.get $v)))))
        (local.set $next (f64.sub (local.get $v) (f64.mul (local.get $eta) (local.get $grad))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (if (i32.eqz (i32.and (f64.lt (local.get $next) (f64.const 1e100)) (f64.gt (local.get $next) (f64.const -1e100))))
          (then
            (i32.store offset=16 (local.get $io) (i32.const 1))
            (br $end)))
        (local.set $v (local.get $next))
        (if (i32.lt_s (local.get $esc) (i32.const 0))
          (then
            (local.set $e (f64.sub (local.get $v) (local.get $c0)))
            (if (f64.gt (f64.mul (local.get $e) (local.get $e)) (local.get $R2))
              (then (local.set $esc (local.get $t))))))
        (local.set $taken (i32.add (local.get $taken) (i32.const 1)))
        (br $step)))
    (f64.store (local.get $io) (local.get $v))
    (i32.store offset=8 (local.get $io) (local.get $t))
    (i32.store offset=12 (local.get $io) (local.get $esc))
    (i32.store offset=20 (local.get $io) (global.get $s0))
    (i32.store offset=24 (local.get $io) (global.get $s1))
    (i32.store offset=28 (local.get $io) (global.get $s2))
    (i32.store offset=32 (local.get $io) (global.get $s3))
    (local.get $taken))
)
