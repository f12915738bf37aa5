/**
 * How robust a ranking is to the weights (a Monte Carlo uncertainty analysis, as in the JRC's
 * practice for composite indicators), and the leave-one-out check.
 *
 * Each run multiplies every weight (the five first-level weights and, for raw-indicator input,
 * the indicator weights too) by (1 + u), u uniform in ±spread, renormalises, recomputes the totals
 * and ranks them (competition ranking, highest first). Runs come from a seeded generator
 * (mulberry32), so the same seed gives the same result anywhere. Per region the result is the
 * nominal rank, the median rank and the 5th–95th percentile interval of its ranks
 * (PERCENTILE.INC, i.e. linear interpolation between order statistics).
 *
 * The work is split into steps so that a caller can show progress and cancel between them.
 */
import { DIMENSIONS, INDICATORS } from "./framework";
import type { IndexResult } from "./pipeline";
import { rankDistricts } from "./rank";
import type { WeightTable } from "./weights";

export interface SensitivityOptions {
  /** Number of runs (default 1,000). */
  readonly runs?: number;
  /** Half-width of the uniform factor: 0.25 means each weight × (1 ± up to 25%) (default 0.25). */
  readonly spread?: number;
  /** Seed of the generator (default 2021). */
  readonly seed?: number;
  /** Rescale each dimension to a maximum of 100 in every run (raw-indicator input), as the nominal result did. */
  readonly rescale?: boolean;
}

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SPREAD = 0.25;
export const DEFAULT_SEED = 2021;
export const MAX_RUNS = 100_000;

export interface SensitivityResult {
  readonly runs: number;
  readonly spread: number;
  readonly seed: number;
  /** Per data row (NaN where the row has no result). */
  readonly nominal: Float64Array;
  readonly median: Float64Array;
  readonly p5: Float64Array;
  readonly p95: Float64Array;
}

/** A Monte Carlo analysis in progress: call `step` until `done`, then `result`. */
export interface SensitivityRun {
  readonly total: number;
  readonly completed: number;
  readonly done: boolean;
  /** Does up to `count` more runs; returns how many are done in all. */
  step(count: number): number;
  result(): SensitivityResult;
}

/**
 * Prepares a Monte Carlo analysis of a computed index under a weight table.
 *
 * @example
 * const run = startSensitivity(computeIndex(cells), REPORT_WEIGHT_TABLE, { runs: 1000, spread: 0.25, seed: 7 });
 * while (!run.done) run.step(100);
 * run.result().p95 // → 95th-percentile rank of each row
 */
export function startSensitivity(result: IndexResult, weights: WeightTable, options: SensitivityOptions = {}): SensitivityRun {
  const runs = clampInt(options.runs ?? DEFAULT_RUNS, 1, MAX_RUNS);
  const spread = options.spread ?? DEFAULT_SPREAD;
  if (!(spread >= 0 && spread < 1)) throw new RangeError("spread must be at least 0 and below 1");
  const seed = Math.floor(options.seed ?? DEFAULT_SEED) >>> 0;
  const model = totalsModel(result, options.rescale === true);
  const n = result.include.length;
  const nominal = rankDistricts(model.totals(weights.dimensions, weights.indicators));
  // Rows with a nominal rank: a row whose total overflowed to a non-number is left out, as it is nominally.
  const rows: number[] = [];
  for (let r = 0; r < n; r++) if (nominal[r] === nominal[r]) rows.push(r);
  const m = rows.length;
  // ranks[k * runs + j]: rank of the k-th included row in run j (ranks fit in 32 bits).
  const ranks = new Uint32Array(m * runs);
  const random = mulberry32(seed);
  const dimW = new Float64Array(DIMENSIONS.length);
  const indW = new Float64Array(INDICATORS.length);
  let completed = 0;

  const run: SensitivityRun = {
    total: runs,
    get completed() {
      return completed;
    },
    get done() {
      return completed >= runs;
    },
    step(count: number): number {
      const end = Math.min(runs, completed + (Number.isFinite(count) ? Math.max(1, Math.floor(count)) : 1));
      for (; completed < end; completed++) {
        perturb(weights, spread, random, dimW, indW);
        const r = rankDistricts(model.totals(dimW, indW));
        for (let k = 0; k < m; k++) ranks[k * runs + completed] = r[rows[k]];
      }
      return completed;
    },
    result(): SensitivityResult {
      if (completed < runs) throw new Error("the analysis has not finished");
      const median = new Float64Array(n).fill(NaN);
      const p5 = new Float64Array(n).fill(NaN);
      const p95 = new Float64Array(n).fill(NaN);
      for (let k = 0; k < m; k++) {
        const own = ranks.subarray(k * runs, (k + 1) * runs).sort();
        median[rows[k]] = percentile(own, 0.5);
        p5[rows[k]] = percentile(own, 0.05);
        p95[rows[k]] = percentile(own, 0.95);
      }
      return { runs, spread, seed, nominal, median, p5, p95 };
    },
  };
  return run;
}

/** Runs a whole analysis at once (for formulas and tests; the task pane steps it to show progress). */
export function getSensitivity(result: IndexResult, weights: WeightTable, options: SensitivityOptions = {}): SensitivityResult {
  const run = startSensitivity(result, weights, options);
  run.step(run.total);
  return run.result();
}

/**
 * Leave one out: for each dimension, the mean absolute rank shift when it is dropped (its weight
 * set to 0, the others renormalised). NaN for a dimension whose weight is already 0, or when it is
 * the only one with weight.
 */
export function getLeaveOneOut(result: IndexResult, weights: WeightTable, rescale = false): Float64Array {
  const model = totalsModel(result, rescale);
  const nominal = rankDistricts(model.totals(weights.dimensions, weights.indicators));
  const out = new Float64Array(DIMENSIONS.length).fill(NaN);
  for (const d of DIMENSIONS) {
    const rest = 1 - weights.dimensions[d.index];
    if (weights.dimensions[d.index] === 0 || rest <= 1e-12) continue;
    const w = Float64Array.from(weights.dimensions, (x, i) => (i === d.index ? 0 : x / rest));
    const r = rankDistricts(model.totals(w, weights.indicators));
    let sum = 0;
    let count = 0;
    for (let k = 0; k < r.length; k++) {
      if (nominal[k] !== nominal[k]) continue;
      sum += Math.abs(r[k] - nominal[k]);
      count++;
    }
    out[d.index] = count ? sum / count : NaN;
  }
  return out;
}

// ---- helpers ---------------------------------------------------------------------------------

interface TotalsModel {
  /** Totals per row for first-level weights `dimW` (sum 1) and indicator weights `indW` (sum 1 within each dimension). */
  totals(dimW: ArrayLike<number>, indW: ArrayLike<number>): Float64Array;
}

/** The index as a function of the weights, over the rows with a result (NaN elsewhere). */
function totalsModel(result: IndexResult, rescale: boolean): TotalsModel {
  const { include } = result;
  const n = include.length;
  const out = new Float64Array(n);
  const dim = new Float64Array(n);
  const dims = result.dimensions;
  const scaled = result.scaled;
  return {
    totals(dimW, indW) {
      out.fill(0);
      for (const d of DIMENSIONS) {
        const W = dimW[d.index];
        if (W === 0) continue;
        if (!scaled) {
          const col = dims[d.index];
          if (!col) continue;
          for (let r = 0; r < n; r++) out[r] += W * col[r];
          continue;
        }
        dim.fill(0);
        for (const i of d.indicators) {
          const w = indW[i];
          const s = scaled[i];
          if (w === 0 || !s) continue;
          for (let r = 0; r < n; r++) dim[r] += w * s[r];
        }
        let k = W;
        if (rescale) {
          let max = -Infinity;
          for (let r = 0; r < n; r++) if (include[r] && dim[r] > max) max = dim[r];
          if (max > 0) k = (W * 100) / max;
        }
        for (let r = 0; r < n; r++) out[r] += k * dim[r];
      }
      for (let r = 0; r < n; r++) if (!include[r]) out[r] = NaN;
      return Float64Array.from(out);
    },
  };
}

/** Multiplies every weight by (1 + u), u ~ U(−spread, spread), and renormalises each level. */
function perturb(weights: WeightTable, spread: number, random: () => number, dimW: Float64Array, indW: Float64Array): void {
  let s = 0;
  for (let d = 0; d < dimW.length; d++) {
    dimW[d] = weights.dimensions[d] * (1 + spread * (2 * random() - 1));
    s += dimW[d];
  }
  for (let d = 0; d < dimW.length; d++) dimW[d] = s > 0 ? dimW[d] / s : 0;
  for (const d of DIMENSIONS) {
    let t = 0;
    for (const i of d.indicators) {
      indW[i] = weights.indicators[i] * (1 + spread * (2 * random() - 1));
      t += indW[i];
    }
    for (const i of d.indicators) indW[i] = t > 0 ? indW[i] / t : 0;
  }
}

/** PERCENTILE.INC of sorted values: linear interpolation between the order statistics around p·(n−1). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = p * (n - 1);
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The mulberry32 generator: 32-bit state, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.floor(Number.isFinite(x) ? x : lo)));
}
