/**
 * How robust a ranking is to the weights (a Monte Carlo uncertainty analysis, as in the JRC's
 * practice for composite indicators), and the leave-one-out check.
 *
 * Each run multiplies every weight as given (the five first-level weights and, for raw-indicator
 * input, the indicator weights too) by (1 + u), u uniform in ±spread, renormalises each level as a
 * weight table is renormalised, recomputes the totals with the same kernels as LIVEINDEX
 * (aggregate.ts) and ranks them (competition ranking, highest first). Runs come from a seeded generator
 * (mulberry32), so the same seed gives the same result anywhere. Per region the result is the
 * nominal rank, the median rank and the 5th–95th percentile interval of its ranks
 * (PERCENTILE.INC, i.e. linear interpolation between order statistics).
 *
 * The work is split into steps so that a caller can show progress and cancel between them.
 */
import { aggregateScores } from "./aggregate";
import { NO_ASSUMPTIONS } from "./assumptions";
import { UserError } from "./errors";
import { DIMENSIONS } from "./framework";
import type { IndexResult } from "./pipeline";
import { rankDistricts } from "./rank-districts";
import { startUncertainty, UncertaintyModel } from "./uncertainty";

import { LocalText, OPTION_TAKES, WORDS } from "../text";
import { readCell } from "./cells";
import { showValue } from "./text";

export interface SensitivityOptions {
  /** Number of runs (default 1,000). */
  readonly runs?: number;
  /** Half-width of the uniform factor: 0.25 means each weight × (1 ± up to 25%) (default 0.25). */
  readonly spread?: number;
  /** Seed of the generator (default 2021). */
  readonly seed?: number;
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
 * Prepares a Monte Carlo analysis of a computed index around the weights it was computed with.
 *
 * @example
 * const run = startSensitivity(computeIndex(cells), { runs: 1000, spread: 0.25, seed: 7 });
 * while (!run.done) run.step(100);
 * run.result().p95 // → 95th-percentile rank of each row
 */
export function startSensitivity(result: IndexResult, options: SensitivityOptions = {}): SensitivityRun {
  const runs = clampInt(options.runs ?? DEFAULT_RUNS, 1, MAX_RUNS);
  const spread = options.spread ?? DEFAULT_SPREAD;
  if (!(spread >= 0 && spread < 1)) throw new UserError("BAD_OPTION", { name: WORDS.spread, value: String(spread), options: "0 ≤ spread < 1" });
  const seed = Math.floor(options.seed ?? DEFAULT_SEED) >>> 0;
  // The uncertainty analysis with the weights' noise as its only assumption: one Monte Carlo kernel
  // (core/uncertainty.ts), drawing per run 5 + 19 numbers in the order perturb() always drew them.
  const run = startUncertainty(new UncertaintyModel(result, { ...NO_ASSUMPTIONS, weights: spread }, null), runs, seed);
  return {
    total: runs,
    get completed() {
      return run.completed;
    },
    get done() {
      return run.done;
    },
    step: (count) => run.step(count),
    result(): SensitivityResult {
      const r = run.result();
      return { runs, spread, seed, nominal: r.nominal, median: r.median, p5: r.p5, p95: r.p95 };
    },
  };
}

/**
 * Reads the options of an analysis as a user typed them (null: omitted): `runs` a whole number
 * from 1 to {@link MAX_RUNS} (default 1,000), `spread` from 0 up to (not including) 1, "25%"
 * being 0.25 (default 0.25), `seed` a whole number from 0 to 4294967295 (default 2021). Numbers or
 * number text ("1,000", "25%"); anything else is BAD_OPTION naming the option and what it takes.
 *
 * @example
 * readSensitivityOptions("500", "10%", null) // → { runs: 500, spread: 0.1, seed: 2021 }
 */
export function readSensitivityOptions(runs: unknown, spread: unknown, seed: unknown): Required<SensitivityOptions> {
  const r = numberOption(runs, "runs", (x) => Number.isInteger(x) && x >= 1 && x <= MAX_RUNS, OPTION_TAKES.runs(MAX_RUNS));
  const p = numberOption(spread, "spread", (x) => x >= 0 && x < 1, OPTION_TAKES.spread);
  const s = numberOption(seed, "seed", (x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff, OPTION_TAKES.seed);
  return { runs: r ?? DEFAULT_RUNS, spread: p ?? DEFAULT_SPREAD, seed: s ?? DEFAULT_SEED };
}

/** Runs a whole analysis at once (for formulas and tests; the task pane steps it to show progress). */
export function getSensitivity(result: IndexResult, options: SensitivityOptions = {}): SensitivityResult {
  const run = startSensitivity(result, options);
  run.step(run.total);
  return run.result();
}

/**
 * Leave one out: for each dimension, the mean absolute rank shift when it is dropped (its weight
 * set to 0, the others renormalised). NaN for a dimension whose weight is already 0, or when it is
 * the only one with weight.
 */
export function getLeaveOneOut(result: IndexResult): Float64Array {
  const weights = result.weights;
  const nominal = rankDistricts(result.total);
  const out = new Float64Array(DIMENSIONS.length).fill(NaN);
  for (const d of DIMENSIONS) {
    const rest = 1 - weights.dimensions[d.index];
    if (weights.dimensions[d.index] === 0 || rest <= 1e-12) continue;
    const w = Float64Array.from(weights.dimensions, (x, i) => (i === d.index ? 0 : x / rest));
    const r = rankDistricts(aggregateScores(result.scores, w, weights.indicators, result.rescale, result.aggregate));
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

function numberOption(x: unknown, name: string, valid: (x: number) => boolean, takes: LocalText): number | null {
  if (x === null || x === undefined) return null;
  const read = typeof x === "number" ? x : typeof x === "string" && /\d/.test(x) ? readCell(x) : null;
  if (typeof read === "number" && valid(read)) return read;
  throw new UserError("BAD_OPTION", { name, value: showValue(x), options: takes });
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.floor(Number.isFinite(x) ? x : lo)));
}
