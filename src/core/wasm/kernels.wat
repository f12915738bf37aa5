;; The Monte Carlo's two hot kernels (core/uncertainty.ts), in WebAssembly: the batched weighted-mean
;; totals with 128-bit SIMD (two runs per vector) and the competition ranking by bucket sort. Each
;; computes exactly what its JavaScript twin computes, operation for operation (IEEE-754 doubles, no
;; fused multiply-add), so the numbers are the same on every host, with or without WebAssembly:
;;   totals19 / totals5 ↔ aggregate.ts linearTotalsInto
;;   rank               ↔ rank-districts.ts rankDescInto
;; test/core/batch-kernels.test.ts checks both, bit for bit, and that this file compiles to the bytes
;; in kernels-bytes.ts. After editing it: `npm run build:wasm`.
;;
;; Memory is the caller's: every pointer is a byte offset into the exported memory, laid out by
;; core/wasm-kernels.ts. Doubles are 8-byte aligned, the SIMD weights 16-byte aligned.
(module
  (memory (export "memory") 1)

  ;; totals19(M, n, CP, DP, runs, OUT): for each of n rows of 19 terms at M (row-major, 152 bytes a
  ;; row) and each run k < runs (≤ 16), out[k·n + r] at OUT =
  ;;   Σ_d DP_d · (Σ_{i ∈ d} CP_i · t_i), the sums left to right as linearTotalsInto writes them.
  ;; The weights come in pairs of runs: pair p's coefficients at CP + 304p (19 × [run 2p, run 2p+1])
  ;; and its first-level weights at DP + 80p (5 × [run 2p, run 2p+1]). The shape is the framework's
  ;; 4 + 6 + 3 + 4 + 2 indicators (aggregate.ts checks it at load).
  (func (export "totals19") (param $M i32) (param $n i32) (param $CP i32) (param $DP i32) (param $runs i32) (param $OUT i32)
    (local $r i32) (local $row i32) (local $p i32) (local $pairs i32) (local $c i32) (local $d i32)
    (local $o i32) (local $stride i32) (local $total v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128) (local $t4 v128) (local $t5 v128) (local $t6 v128) (local $t7 v128) (local $t8 v128) (local $t9 v128) (local $t10 v128) (local $t11 v128) (local $t12 v128) (local $t13 v128) (local $t14 v128) (local $t15 v128) (local $t16 v128) (local $t17 v128) (local $t18 v128)
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $pairs (i32.shr_u (i32.add (local.get $runs) (i32.const 1)) (i32.const 1)))
    (block $rows_done (loop $rows
      (br_if $rows_done (i32.ge_u (local.get $r) (local.get $n)))
      ;; the row's 19 terms, each in both lanes
      (local.set $row (i32.add (local.get $M) (i32.mul (local.get $r) (i32.const 152))))
      (local.set $t0 (v128.load64_splat offset=0 (local.get $row)))
      (local.set $t1 (v128.load64_splat offset=8 (local.get $row)))
      (local.set $t2 (v128.load64_splat offset=16 (local.get $row)))
      (local.set $t3 (v128.load64_splat offset=24 (local.get $row)))
      (local.set $t4 (v128.load64_splat offset=32 (local.get $row)))
      (local.set $t5 (v128.load64_splat offset=40 (local.get $row)))
      (local.set $t6 (v128.load64_splat offset=48 (local.get $row)))
      (local.set $t7 (v128.load64_splat offset=56 (local.get $row)))
      (local.set $t8 (v128.load64_splat offset=64 (local.get $row)))
      (local.set $t9 (v128.load64_splat offset=72 (local.get $row)))
      (local.set $t10 (v128.load64_splat offset=80 (local.get $row)))
      (local.set $t11 (v128.load64_splat offset=88 (local.get $row)))
      (local.set $t12 (v128.load64_splat offset=96 (local.get $row)))
      (local.set $t13 (v128.load64_splat offset=104 (local.get $row)))
      (local.set $t14 (v128.load64_splat offset=112 (local.get $row)))
      (local.set $t15 (v128.load64_splat offset=120 (local.get $row)))
      (local.set $t16 (v128.load64_splat offset=128 (local.get $row)))
      (local.set $t17 (v128.load64_splat offset=136 (local.get $row)))
      (local.set $t18 (v128.load64_splat offset=144 (local.get $row)))
      (local.set $p (i32.const 0))
      (local.set $c (local.get $CP))
      (local.set $d (local.get $DP))
      (local.set $o (i32.add (local.get $OUT) (i32.shl (local.get $r) (i32.const 3))))
      (block $pairs_done (loop $each_pair
        (br_if $pairs_done (i32.ge_u (local.get $p) (local.get $pairs)))
        ;; 商品消费 goods consumption: indicators 0–3
        (f64x2.mul (v128.load offset=0 (local.get $c)) (local.get $t0))
        (f64x2.mul (v128.load offset=16 (local.get $c)) (local.get $t1)) f64x2.add
        (f64x2.mul (v128.load offset=32 (local.get $c)) (local.get $t2)) f64x2.add
        (f64x2.mul (v128.load offset=48 (local.get $c)) (local.get $t3)) f64x2.add
        (v128.load offset=0 (local.get $d)) f64x2.mul
        ;; 内容供给 content supply: indicators 4–9
        (f64x2.mul (v128.load offset=64 (local.get $c)) (local.get $t4))
        (f64x2.mul (v128.load offset=80 (local.get $c)) (local.get $t5)) f64x2.add
        (f64x2.mul (v128.load offset=96 (local.get $c)) (local.get $t6)) f64x2.add
        (f64x2.mul (v128.load offset=112 (local.get $c)) (local.get $t7)) f64x2.add
        (f64x2.mul (v128.load offset=128 (local.get $c)) (local.get $t8)) f64x2.add
        (f64x2.mul (v128.load offset=144 (local.get $c)) (local.get $t9)) f64x2.add
        (v128.load offset=16 (local.get $d)) f64x2.mul f64x2.add
        ;; 内容消费 content consumption: indicators 10–12
        (f64x2.mul (v128.load offset=160 (local.get $c)) (local.get $t10))
        (f64x2.mul (v128.load offset=176 (local.get $c)) (local.get $t11)) f64x2.add
        (f64x2.mul (v128.load offset=192 (local.get $c)) (local.get $t12)) f64x2.add
        (v128.load offset=32 (local.get $d)) f64x2.mul f64x2.add
        ;; 质量 quality: indicators 13–16
        (f64x2.mul (v128.load offset=208 (local.get $c)) (local.get $t13))
        (f64x2.mul (v128.load offset=224 (local.get $c)) (local.get $t14)) f64x2.add
        (f64x2.mul (v128.load offset=240 (local.get $c)) (local.get $t15)) f64x2.add
        (f64x2.mul (v128.load offset=256 (local.get $c)) (local.get $t16)) f64x2.add
        (v128.load offset=48 (local.get $d)) f64x2.mul f64x2.add
        ;; 产业带动 industry promotion: indicators 17–18
        (f64x2.mul (v128.load offset=272 (local.get $c)) (local.get $t17))
        (f64x2.mul (v128.load offset=288 (local.get $c)) (local.get $t18)) f64x2.add
        (v128.load offset=64 (local.get $d)) f64x2.mul f64x2.add
        (local.set $total)
        (f64.store (local.get $o) (f64x2.extract_lane 0 (local.get $total)))
        ;; the second lane of the last pair is a run only when runs is even
        (if (i32.lt_u (i32.or (i32.shl (local.get $p) (i32.const 1)) (i32.const 1)) (local.get $runs))
          (then (f64.store (i32.add (local.get $o) (local.get $stride)) (f64x2.extract_lane 1 (local.get $total)))))
        (local.set $o (i32.add (local.get $o) (i32.shl (local.get $stride) (i32.const 1))))
        (local.set $c (i32.add (local.get $c) (i32.const 304)))
        (local.set $d (i32.add (local.get $d) (i32.const 80)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $each_pair)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows)))
  )

  ;; totals5(M, n, DP, runs, OUT): the same for rows of 5 sub-indices (40 bytes a row):
  ;;   out[k·n + r] = Σ_d DP_d · x_d, left to right; DP as for totals19.
  (func (export "totals5") (param $M i32) (param $n i32) (param $DP i32) (param $runs i32) (param $OUT i32)
    (local $r i32) (local $row i32) (local $p i32) (local $pairs i32) (local $d i32)
    (local $o i32) (local $stride i32) (local $total v128)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $x4 v128)
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $pairs (i32.shr_u (i32.add (local.get $runs) (i32.const 1)) (i32.const 1)))
    (block $rows_done (loop $rows
      (br_if $rows_done (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $row (i32.add (local.get $M) (i32.mul (local.get $r) (i32.const 40))))
      (local.set $x0 (v128.load64_splat offset=0 (local.get $row)))
      (local.set $x1 (v128.load64_splat offset=8 (local.get $row)))
      (local.set $x2 (v128.load64_splat offset=16 (local.get $row)))
      (local.set $x3 (v128.load64_splat offset=24 (local.get $row)))
      (local.set $x4 (v128.load64_splat offset=32 (local.get $row)))
      (local.set $p (i32.const 0))
      (local.set $d (local.get $DP))
      (local.set $o (i32.add (local.get $OUT) (i32.shl (local.get $r) (i32.const 3))))
      (block $pairs_done (loop $each_pair
        (br_if $pairs_done (i32.ge_u (local.get $p) (local.get $pairs)))
        (f64x2.mul (v128.load offset=0 (local.get $d)) (local.get $x0))
        (f64x2.mul (v128.load offset=16 (local.get $d)) (local.get $x1)) f64x2.add
        (f64x2.mul (v128.load offset=32 (local.get $d)) (local.get $x2)) f64x2.add
        (f64x2.mul (v128.load offset=48 (local.get $d)) (local.get $x3)) f64x2.add
        (f64x2.mul (v128.load offset=64 (local.get $d)) (local.get $x4)) f64x2.add
        (local.set $total)
        (f64.store (local.get $o) (f64x2.extract_lane 0 (local.get $total)))
        (if (i32.lt_u (i32.or (i32.shl (local.get $p) (i32.const 1)) (i32.const 1)) (local.get $runs))
          (then (f64.store (i32.add (local.get $o) (local.get $stride)) (f64x2.extract_lane 1 (local.get $total)))))
        (local.set $o (i32.add (local.get $o) (i32.shl (local.get $stride) (i32.const 1))))
        (local.set $d (i32.add (local.get $d) (i32.const 80)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $each_pair)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows)))
  )
  ;; rank(S, n, V, R, B, O, SV, C, OUT, maxb): competition ranks, largest first, of the n doubles at S
  ;; into the n doubles at OUT (NaN for NaN), by a bucket sort as rankDescInto's: the m scored rows and
  ;; their scores compacted to R and V; each one's bucket ⌊(max − v) · b / (max − min)⌋ to B (b four
  ;; times the power of two at or below m, at most maxb; a larger score never falls in a later
  ;; bucket), counted in C (b + 1 words); the rows scattered in bucket order to O with their scores to
  ;; SV; one insertion pass over them all, which moves no row past its bucket (the buckets are
  ;; ordered already); one pass giving each group of equal scores the rank of its first. Returns m,
  ;; or −1 when a bucket holds more than 16 rows (clustered scores, where insertion would be slow):
  ;; the caller then ranks with rankDescInto, which sorts such buckets.
  ;; Four buckets a row rather than rankDescInto's one: fewer rows share a bucket, so fewer
  ;; insertions mispredict a branch (measured 1.2–1.3× faster on the benchmark's 3,000 regions).
  (func (export "rank") (param $S i32) (param $n i32) (param $V i32) (param $R i32) (param $B i32)
      (param $O i32) (param $SV i32) (param $C i32) (param $OUT i32) (param $maxb i32) (result i32)
    (local $r i32) (local $m i32) (local $k i32) (local $j i32) (local $q i32) (local $b i32)
    (local $last i32) (local $sum i32) (local $at i32)
    (local $row i32) (local $rank i32) (local $p i32) (local $big i32)
    (local $v f64) (local $min f64) (local $max f64) (local $range f64) (local $scale f64)
    ;; 1. the scored rows (-0 made 0: they tie, as in Excel) and the range of their scores
    (local.set $min (f64.const inf))
    (local.set $max (f64.const -inf))
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $v (f64.load (i32.add (local.get $S) (i32.shl (local.get $r) (i32.const 3)))))
      (if (f64.ne (local.get $v) (local.get $v))
        (then (f64.store (i32.add (local.get $OUT) (i32.shl (local.get $r) (i32.const 3))) (f64.const nan)))
        (else
          (local.set $v (f64.add (local.get $v) (f64.const 0)))
          (f64.store (i32.add (local.get $V) (i32.shl (local.get $m) (i32.const 3))) (local.get $v))
          (i32.store (i32.add (local.get $R) (i32.shl (local.get $m) (i32.const 2))) (local.get $r))
          (local.set $m (i32.add (local.get $m) (i32.const 1)))
          (local.set $min (f64.min (local.get $min) (local.get $v)))
          (local.set $max (f64.max (local.get $max) (local.get $v)))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $each)))
    (if (i32.eqz (local.get $m)) (then (return (i32.const 0))))
    ;; 2. about four buckets a row; one bucket when the range is 0 or not finite
    (local.set $range (f64.sub (local.get $max) (local.get $min)))
    (local.set $b (i32.const 1))
    (if (i32.and (f64.gt (local.get $range) (f64.const 0)) (f64.lt (local.get $range) (f64.const inf)))
      (then
        (local.set $b (i32.shl (i32.const 4) (i32.sub (i32.const 31) (i32.clz (local.get $m)))))
        (if (i32.gt_u (local.get $b) (local.get $maxb)) (then (local.set $b (local.get $maxb))))))
    (local.set $scale (f64.div (f64.convert_i32_u (local.get $b)) (local.get $range)))
    (local.set $last (i32.sub (local.get $b) (i32.const 1)))
    (memory.fill (local.get $C) (i32.const 0) (i32.shl (i32.add (local.get $b) (i32.const 1)) (i32.const 2)))
    ;; 3. each row's bucket, counted one place on (C[q + 1]) so that the running sum gives the starts;
    ;;    the largest count in $big
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $k) (local.get $m)))
      (local.set $q (i32.trunc_sat_f64_s
        (f64.mul (f64.sub (local.get $max) (f64.load (i32.add (local.get $V) (i32.shl (local.get $k) (i32.const 3))))) (local.get $scale))))
      (local.set $q (select (local.get $q) (local.get $last) (i32.lt_s (local.get $q) (local.get $last))))
      (i32.store (i32.add (local.get $B) (i32.shl (local.get $k) (i32.const 2))) (local.get $q))
      (local.set $p (i32.add (local.get $C) (i32.shl (i32.add (local.get $q) (i32.const 1)) (i32.const 2))))
      (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $each)))
    (local.set $k (i32.const 1))
    (block $done (loop $each
      (br_if $done (i32.gt_u (local.get $k) (local.get $b)))
      (local.set $p (i32.add (local.get $C) (i32.shl (local.get $k) (i32.const 2))))
      (local.set $at (i32.load (local.get $p)))
      (local.set $big (select (local.get $at) (local.get $big) (i32.gt_u (local.get $at) (local.get $big))))
      (local.set $sum (i32.add (local.get $sum) (local.get $at)))
      (i32.store (local.get $p) (local.get $sum))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $each)))
    ;; 4. the rows and their scores in bucket order; C[q] ends as the end of bucket q
    (local.set $k (i32.const 0))
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $k) (local.get $m)))
      (local.set $p (i32.add (local.get $C) (i32.shl (i32.load (i32.add (local.get $B) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2))))
      (local.set $at (i32.load (local.get $p)))
      (i32.store (local.get $p) (i32.add (local.get $at) (i32.const 1)))
      (i32.store (i32.add (local.get $O) (i32.shl (local.get $at) (i32.const 2)))
        (i32.load (i32.add (local.get $R) (i32.shl (local.get $k) (i32.const 2)))))
      (f64.store (i32.add (local.get $SV) (i32.shl (local.get $at) (i32.const 3)))
        (f64.load (i32.add (local.get $V) (i32.shl (local.get $k) (i32.const 3)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $each)))
    ;; 5. the rows by their exact scores, largest first, by insertion: a row moves back while the one
    ;;    before it scores less, which only a row of its own bucket can
    (if (i32.gt_u (local.get $big) (i32.const 16)) (then (return (i32.const -1))))
    (local.set $k (i32.const 1))
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $k) (local.get $m)))
      (local.set $v (f64.load (i32.add (local.get $SV) (i32.shl (local.get $k) (i32.const 3)))))
      (if (f64.lt (f64.load (i32.add (local.get $SV) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 3)))) (local.get $v))
        (then
          (local.set $row (i32.load (i32.add (local.get $O) (i32.shl (local.get $k) (i32.const 2)))))
          (local.set $j (local.get $k))
          (block $placed (loop $shift
            (i32.store (i32.add (local.get $O) (i32.shl (local.get $j) (i32.const 2)))
              (i32.load (i32.add (local.get $O) (i32.shl (i32.sub (local.get $j) (i32.const 1)) (i32.const 2)))))
            (f64.store (i32.add (local.get $SV) (i32.shl (local.get $j) (i32.const 3)))
              (f64.load (i32.add (local.get $SV) (i32.shl (i32.sub (local.get $j) (i32.const 1)) (i32.const 3)))))
            (local.set $j (i32.sub (local.get $j) (i32.const 1)))
            (br_if $placed (i32.eqz (local.get $j)))
            (br_if $shift (f64.lt
              (f64.load (i32.add (local.get $SV) (i32.shl (i32.sub (local.get $j) (i32.const 1)) (i32.const 3))))
              (local.get $v)))))
          (i32.store (i32.add (local.get $O) (i32.shl (local.get $j) (i32.const 2))) (local.get $row))
          (f64.store (i32.add (local.get $SV) (i32.shl (local.get $j) (i32.const 3))) (local.get $v))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $each)))
    ;; 6. ranks: a group of equal scores takes the rank of its first
    (local.set $rank (i32.const 1))
    (local.set $k (i32.const 0))
    (block $done (loop $each
      (br_if $done (i32.ge_u (local.get $k) (local.get $m)))
      (if (i32.gt_u (local.get $k) (i32.const 0))
        (then (if (f64.ne
            (f64.load (i32.add (local.get $SV) (i32.shl (local.get $k) (i32.const 3))))
            (f64.load (i32.add (local.get $SV) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 3)))))
          (then (local.set $rank (i32.add (local.get $k) (i32.const 1)))))))
      (f64.store (i32.add (local.get $OUT) (i32.shl (i32.load (i32.add (local.get $O) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3)))
        (f64.convert_i32_u (local.get $rank)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $each)))
    (local.get $m)
  )
)
