/**
 * The two kernels of a Monte Carlo batch (core/uncertainty.ts): the weighted-mean totals of up to
 * {@link BATCH} weightings of one table's scores at once, and each run's competition ranking. Two
 * implementations compute the same numbers, bit for bit:
 * - JavaScript, here (aggregate.ts linearTotalsInto, rank-districts.ts rankDescInto): everywhere;
 * - WebAssembly (core/wasm-kernels.ts), faster, for the entry points that install it with
 *   `installWasmKernels()`: the pane's worker and the command line, where the long analyses run.
 *   The custom functions keep the JavaScript kernels, within their limit of work per call, and
 *   functions.js its size budget.
 */
import { LinearScores, linearTotalsInto } from "./aggregate";
import { INDICATORS } from "./framework";
import { rankDescInto, RankWork, rankWork } from "./rank-districts";

/** Runs evaluated together (UncertaintyModel.evaluate): each row of the scores read once for all of them. */
export const BATCH = 16;

/** The largest copy of a table's scores the batched kernel makes (8 bytes each: 32 MB); larger tables take the run-by-run kernel. */
export const MAX_LINEAR_TERMS = 4_000_000;

/** A batch's buffers and kernels for a table of `rows` rows. */
export interface BatchKernels {
  readonly kind: "wasm" | "js";
  /** A batch's totals, run k's at [k·rows, (k + 1)·rows). */
  readonly totals: Float64Array;
  /** The totals of one group of the batch's runs (those that share their scores), laid out as `totals`. */
  readonly group: Float64Array;
  /**
   * The weighted-mean totals (`geometric`: the geometric mean of raw indicators') of `runs` ≤ BATCH
   * weightings of `form` into `into`: run k's first-level weights at dimensionWeights[5k …], its
   * indicator weights at indicatorWeights[19k …] (linearTotalsInto's contract).
   */
  linear(form: LinearScores, dimensionWeights: Float64Array, indicatorWeights: Float64Array, runs: number, into: "totals" | "group", geometric?: boolean): void;
  /** The competition ranks, largest first, of `scores` (a subarray of `totals`, or any array of `rows` numbers); valid until the next call. */
  rank(scores: Float64Array): Float64Array;
}

/** Faster kernels for a table of `rows` rows, or null where they cannot serve it. */
export type KernelFactory = (rows: number) => BatchKernels | null;

let faster: KernelFactory | null = null;

/** Makes {@link batchKernels} try `factory` first (core/wasm-kernels.ts installWasmKernels). */
export function useFasterKernels(factory: KernelFactory | null): void {
  faster = factory;
}

/** The installed faster kernels where they serve (and `fast` is not false), the JavaScript ones otherwise. */
export function batchKernels(rows: number, fast = true): BatchKernels {
  return (fast && faster?.(rows)) || new JsKernels(rows);
}

class JsKernels implements BatchKernels {
  readonly kind = "js";
  readonly totals: Float64Array;
  readonly group: Float64Array;
  private readonly coefficients = new Float64Array(BATCH * INDICATORS.length);
  private readonly work: RankWork;

  constructor(rows: number) {
    this.totals = new Float64Array(BATCH * rows);
    this.group = new Float64Array(BATCH * rows);
    this.work = rankWork(rows);
  }

  linear(form: LinearScores, dimensionWeights: Float64Array, indicatorWeights: Float64Array, runs: number, into: "totals" | "group", geometric = false): void {
    linearTotalsInto(form, dimensionWeights, indicatorWeights, runs, this[into], this.coefficients, geometric);
  }

  rank(scores: Float64Array): Float64Array {
    return rankDescInto(scores, this.work);
  }
}
