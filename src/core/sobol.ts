/**
 * Variance-based sensitivity analysis, the estimators only (no model): Saltelli's sampling design
 * with two independent sample matrices A and B of N rows and, for each factor i, A_B⁽ⁱ⁾ (A with
 * factor i's columns taken from B), N·(d + 2) model runs in all; then, from the outputs,
 * - first-order indices Sᵢ by Saltelli et al. (2010), Table 2 (b): V⁻¹ · (1/N) Σⱼ f(B)ⱼ (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ);
 * - total-order indices S_Tᵢ by Jansen (1999), Table 2 (f): V⁻¹ · (1/2N) Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)²;
 * with V the variance of the 2N outputs of A and B; and bootstrap intervals (resampling the N rows
 * with replacement, the percentile interval). A factor is a group of columns (the weights' noise
 * is one factor of 24 numbers): its columns move together.
 * Saltelli, Annoni, Azzini, Campolongo, Ratto & Tarantola (2010), Computer Physics Communications 181, 259–270.
 */
import { mulberry32, percentile } from "./random";

export interface SobolIndices {
  /** Per factor. */
  readonly first: Float64Array;
  readonly total: Float64Array;
  /** The bootstrap's percentile intervals (5th and 95th: a 90% interval), per factor. */
  readonly firstLow: Float64Array;
  readonly firstHigh: Float64Array;
  readonly totalLow: Float64Array;
  readonly totalHigh: Float64Array;
  /** The output's variance over A and B; the indices are NaN when it is 0 (nothing varies). */
  readonly variance: number;
}

/** Bootstrap resamples of the intervals. */
export const BOOTSTRAP_SAMPLES = 1000;

/**
 * The design's row order: run k of block b, b = 0 for A, 1 for B, 2 + i for A_B⁽ⁱ⁾. `columns` says
 * how many uniform numbers each factor takes; `sample(b, j)` gives row j of block b as one array of
 * all the factors' columns, in order.
 */
export function saltelliDesign(
  n: number,
  columns: readonly number[],
  seed: number,
): { readonly sample: (block: number, row: number) => Float64Array; readonly blocks: number } {
  const width = columns.reduce((a, b) => a + b, 0);
  const random = mulberry32(seed);
  const a = new Float64Array(n * width);
  const b = new Float64Array(n * width);
  for (let k = 0; k < n * width; k++) a[k] = random();
  for (let k = 0; k < n * width; k++) b[k] = random();
  const start = columns.map((_, i) => columns.slice(0, i).reduce((x, y) => x + y, 0));
  return {
    blocks: columns.length + 2,
    sample(block, row) {
      if (block === 0) return a.slice(row * width, (row + 1) * width);
      if (block === 1) return b.slice(row * width, (row + 1) * width);
      const i = block - 2;
      const out = a.slice(row * width, (row + 1) * width);
      for (let c = start[i]; c < start[i] + columns[i]; c++) out[c] = b[row * width + c];
      return out;
    },
  };
}

/**
 * The indices from the outputs: `yA`, `yB` (N each) and `yAB[i]` (N each, per factor).
 *
 * @example
 * sobolIndices(yA, yB, [yAB1, yAB2], 7).total[0] // → the share of the variance factor 1 takes part in
 */
export function sobolIndices(
  givenA: ArrayLike<number>,
  givenB: ArrayLike<number>,
  givenAB: readonly ArrayLike<number>[],
  seed: number,
  resamples = BOOTSTRAP_SAMPLES,
): SobolIndices {
  const yA = Float64Array.from(givenA);
  const yB = Float64Array.from(givenB);
  const yAB = givenAB.map((y) => Float64Array.from(y));
  const n = yA.length;
  const d = yAB.length;
  const point = estimate(
    yA,
    yB,
    yAB,
    Int32Array.from({ length: n }, (_, j) => j),
  );
  const firstBoot = Array.from({ length: d }, () => new Float64Array(resamples));
  const totalBoot = Array.from({ length: d }, () => new Float64Array(resamples));
  const random = mulberry32(seed ^ 0x9e3779b9);
  const rows = new Int32Array(n);
  for (let s = 0; s < resamples; s++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(random() * n);
    const e = estimate(yA, yB, yAB, rows);
    for (let i = 0; i < d; i++) {
      firstBoot[i][s] = e.first[i];
      totalBoot[i][s] = e.total[i];
    }
  }
  const interval = (boot: Float64Array[], p: number) =>
    Float64Array.from(boot, (x) => (Number.isNaN(point.variance) || point.variance === 0 ? NaN : percentile(x.sort(), p)));
  return {
    first: point.first,
    total: point.total,
    firstLow: interval(firstBoot, 0.05),
    firstHigh: interval(firstBoot, 0.95),
    totalLow: interval(totalBoot, 0.05),
    totalHigh: interval(totalBoot, 0.95),
    variance: point.variance,
  };
}

/** The estimators over a set of rows (all of them, or a bootstrap resample): plain loops over typed arrays (the bootstrap calls this a thousand times). */
function estimate(
  yA: Float64Array,
  yB: Float64Array,
  yAB: readonly Float64Array[],
  rows: Int32Array,
): { first: Float64Array; total: Float64Array; variance: number } {
  const n = rows.length;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += yA[rows[k]] + yB[rows[k]];
  const mean = sum / (2 * n);
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const a = yA[rows[k]] - mean;
    const b = yB[rows[k]] - mean;
    ss += a * a + b * b;
  }
  const variance = ss / (2 * n);
  const first = new Float64Array(yAB.length);
  const total = new Float64Array(yAB.length);
  for (let i = 0; i < yAB.length; i++) {
    const y = yAB[i];
    let f = 0;
    let t = 0;
    for (let k = 0; k < n; k++) {
      const j = rows[k];
      const diff = y[j] - yA[j];
      f += yB[j] * diff;
      t += diff * diff;
    }
    first[i] = variance > 0 ? f / n / variance : NaN;
    total[i] = variance > 0 ? t / (2 * n) / variance : NaN;
  }
  return { first, total, variance };
}
