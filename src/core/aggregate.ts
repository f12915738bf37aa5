/**
 * Aggregation, the one set of kernels: scaled indicators → dimensions (weighted arithmetic mean,
 * weights renormalised within the dimension) → total (weighted sum with the first-level weights,
 * not rescaled; or, as the options' `aggregate` asks, their weighted geometric mean, or TOPSIS). LIVEINDEX, LIVESUBINDEX, the Monte Carlo, leave-one-out and the impact analysis
 * all weight their {@link Scores} through these functions, so that the same weights give the same
 * totals to the last bit, whichever surface asks. Rows without a result give NaN.
 */
import { DIMENSIONS, INDICATORS } from "./framework";
import type { AggregateRule } from "./options";
import type { Affine } from "./scaling";
import { topsisCloseness } from "./topsis";

/**
 * The geometric mean's floor: a sub-index below it (0 for the region that is worst on every
 * indicator of a dimension) counts as this, 1 on the 0–100 scale, since a single 0 would make the
 * product 0 whatever the other dimensions hold.
 */
export const GEOMETRIC_FLOOR = 1;

/**
 * One table's scores, ready to be weighted with any weights:
 * - `dimension`: the input was the five sub-indices (columns already masked: NaN where no result);
 * - `affine`: raw indicators under a method that is affine in x (score = factor × (x − shift)):
 *   the raw columns and their affine forms, so that no scaled copy is stored (the hot path);
 * - `scaled`: raw indicators with their scaled copies (methods that are not affine).
 */
export type Scores =
  | { readonly kind: "dimension"; readonly include: Uint8Array; readonly dimensions: readonly (Float64Array | null)[] }
  | { readonly kind: "affine"; readonly include: Uint8Array; readonly values: readonly (Float64Array | null)[]; readonly affines: readonly (Affine | null)[] }
  | {
      readonly kind: "scaled";
      readonly include: Uint8Array;
      readonly scaled: readonly (Float64Array | null)[];
      /**
       * Some scores are NaN (missing, left so by the options' missing=none): a dimension is then the
       * weighted mean of the indicators a row has, their weights renormalised over them (as COINr
       * aggregates), and NaN when it has none of them.
       */
      readonly partial?: boolean;
    };

/**
 * One dimension's score per row: Σ wᵢ·sᵢ over its indicators, with indicator weights that sum to
 * 1 within the dimension; indicators of weight 0 may be absent. With `rescale`, the column is
 * multiplied so that its maximum is 100 (what the report's published sub-index columns show); a
 * column whose maximum is 0 or less is left as it is. Sub-index input gives its own column.
 */
export function aggregateDimension(scores: Scores, dimension: number, indicatorWeights: ArrayLike<number>, rescale: boolean): Float64Array {
  if (scores.kind === "dimension") return scores.dimensions[dimension] ?? new Float64Array(scores.include.length).fill(NaN);
  const n = scores.include.length;
  const out = new Float64Array(n);
  if (scores.kind === "scaled" && scores.partial) return finishDimension(partialMean(scores.scaled, dimension, indicatorWeights, n), scores.include, rescale);
  accumulateDimension(scores, dimension, indicatorWeights, out);
  return finishDimension(out, scores.include, rescale);
}

/**
 * Every dimension with a first-level weight above 0 (the others are null: they add nothing).
 *
 * @example
 * aggregateDimensions(scores, table.dimensions, table.indicators, false)[0] // → the goods sub-index per row
 */
export function aggregateDimensions(
  scores: Scores,
  dimensionWeights: ArrayLike<number>,
  indicatorWeights: ArrayLike<number>,
  rescale: boolean,
): (Float64Array | null)[] {
  return DIMENSIONS.map((d) => (dimensionWeights[d.index] > 0 ? aggregateDimension(scores, d.index, indicatorWeights, rescale) : null));
}

/** The total per row: Σ W_d·D_d with the first-level weights (summing to 1). */
export function aggregateTotal(dimensions: readonly (Float64Array | null)[], include: Uint8Array, dimensionWeights: ArrayLike<number>): Float64Array {
  const n = include.length;
  const out = new Float64Array(n);
  for (const d of DIMENSIONS) {
    const w = dimensionWeights[d.index];
    const col = dimensions[d.index];
    if (w === 0 || !col) continue;
    for (let r = 0; r < n; r++) out[r] += w * col[r];
  }
  for (let r = 0; r < n; r++) if (!include[r]) out[r] = NaN;
  return out;
}

/**
 * The total per row: Π max(D_d, floor)^W_d, the weighted geometric mean of the sub-indices (weights
 * summing to 1), which a region weak in one dimension cannot make up for fully in the others.
 * A sub-index below the floor counts as the floor, a negative one too (a falling growth rate under
 * max scaling): the product stays defined. z-scores, not on a 0–100 scale at all, are refused
 * before (pipeline.ts).
 */
export function geometricTotal(dimensions: readonly (Float64Array | null)[], include: Uint8Array, dimensionWeights: ArrayLike<number>): Float64Array {
  const n = include.length;
  const log = new Float64Array(n);
  for (const d of DIMENSIONS) {
    const w = dimensionWeights[d.index];
    const col = dimensions[d.index];
    if (w === 0 || !col) continue;
    for (let r = 0; r < n; r++) {
      if (!include[r]) continue;
      log[r] += w * Math.log(Math.max(col[r], GEOMETRIC_FLOOR));
    }
  }
  for (let r = 0; r < n; r++) log[r] = include[r] ? Math.exp(log[r]) : NaN;
  return log;
}

/**
 * The total per row as TOPSIS closeness × 100 (core/topsis.ts): over the scaled indicators with
 * their effective weights W_d·w_i for raw input, over the sub-indices with W_d for sub-index input.
 * The scores are higher-is-better already, so every column's ideal is its maximum.
 */
export function topsisTotal(
  scores: Scores,
  dimensions: readonly (Float64Array | null)[],
  dimensionWeights: ArrayLike<number>,
  indicatorWeights: ArrayLike<number>,
): Float64Array {
  const columns: ArrayLike<number>[] = [];
  const weights: number[] = [];
  for (const d of DIMENSIONS) {
    const W = dimensionWeights[d.index];
    if (!(W > 0)) continue;
    if (scores.kind === "dimension") {
      const col = dimensions[d.index];
      if (col) {
        columns.push(col);
        weights.push(W);
      }
      continue;
    }
    for (const i of d.indicators) {
      const col = scaledColumn(scores, i);
      if (!col || !(indicatorWeights[i] > 0)) continue;
      columns.push(col);
      weights.push(W * indicatorWeights[i]);
    }
  }
  const c = topsisCloseness(
    columns,
    weights,
    columns.map(() => true),
    scores.include,
  );
  for (let r = 0; r < c.length; r++) c[r] *= 100;
  return c;
}

/** The total under a rule, from the dimensions (and, for TOPSIS on raw input, the indicators' scores). */
export function totalBy(
  rule: AggregateRule,
  scores: Scores,
  dimensions: readonly (Float64Array | null)[],
  dimensionWeights: ArrayLike<number>,
  indicatorWeights: ArrayLike<number>,
): Float64Array {
  if (rule === "geometric") return geometricTotal(dimensions, scores.include, dimensionWeights);
  if (rule === "topsis") return topsisTotal(scores, dimensions, dimensionWeights, indicatorWeights);
  return aggregateTotal(dimensions, scores.include, dimensionWeights);
}

/** The totals of a table's scores under one set of weights: the dimensions, then the total by the rule (default: their weighted sum). */
export function aggregateScores(
  scores: Scores,
  dimensionWeights: ArrayLike<number>,
  indicatorWeights: ArrayLike<number>,
  rescale: boolean,
  rule: AggregateRule = "mean",
): Float64Array {
  return totalBy(rule, scores, aggregateDimensions(scores, dimensionWeights, indicatorWeights, rescale), dimensionWeights, indicatorWeights);
}

/** Buffers that {@link totalsInto} reuses from run to run: one per dimension and the total. */
export interface TotalsWork {
  readonly dimensions: Float64Array[];
  readonly total: Float64Array;
}

export function totalsWork(rows: number): TotalsWork {
  return { dimensions: DIMENSIONS.map(() => new Float64Array(rows)), total: new Float64Array(rows) };
}

/**
 * The totals of {@link aggregateScores}, bit for bit, into reused buffers: the Monte Carlo's inner
 * step, thousands of times over one table, without allocating. The weighted arithmetic mean is
 * done here in the same order of operations; the other rules (and partial dimensions) go through
 * aggregateScores.
 */
export function totalsInto(
  scores: Scores,
  dimensionWeights: ArrayLike<number>,
  indicatorWeights: ArrayLike<number>,
  rescale: boolean,
  rule: AggregateRule,
  work: TotalsWork,
): Float64Array {
  if (rule !== "mean" || (scores.kind === "scaled" && scores.partial)) {
    work.total.set(aggregateScores(scores, dimensionWeights, indicatorWeights, rescale, rule));
    return work.total;
  }
  const n = scores.include.length;
  const include = scores.include;
  const total = work.total.fill(0);
  for (const d of DIMENSIONS) {
    const W = dimensionWeights[d.index];
    if (W === 0) continue;
    let col: Float64Array;
    if (scores.kind === "dimension") {
      const given = scores.dimensions[d.index];
      if (!given) continue;
      col = given;
    } else {
      col = finishDimension(accumulateDimension(scores, d.index, indicatorWeights, work.dimensions[d.index].fill(0)), include, rescale);
    }
    for (let r = 0; r < n; r++) total[r] += W * col[r];
  }
  for (let r = 0; r < n; r++) if (!include[r]) total[r] = NaN;
  return total;
}

/** One indicator's scaled scores (affine ones computed), or null when the column was not read. */
function scaledColumn(scores: Scores, i: number): ArrayLike<number> | null {
  if (scores.kind === "scaled") return scores.scaled[i];
  if (scores.kind !== "affine") return null;
  const x = scores.values[i];
  const f = scores.affines[i];
  if (!x || !f) return null;
  return Float64Array.from(x, (v) => f.factor * (v - f.shift));
}

/** Adds Σ wᵢ·sᵢ over a dimension's indicators (scaled or affine scores) into `out`, in framework order: the one accumulation. */
function accumulateDimension(scores: Scores, dimension: number, indicatorWeights: ArrayLike<number>, out: Float64Array): Float64Array {
  if (scores.kind === "dimension") return out;
  const n = out.length;
  for (const i of DIMENSIONS[dimension].indicators) {
    const w = indicatorWeights[i];
    if (w === 0) continue;
    if (scores.kind === "scaled") {
      const s = scores.scaled[i];
      if (!s) continue;
      for (let r = 0; r < n; r++) out[r] += w * s[r];
      continue;
    }
    const x = scores.values[i];
    const f = scores.affines[i];
    if (!x || !f) continue;
    const k = w * f.factor;
    const m = f.shift;
    if (k === 0) continue;
    for (let r = 0; r < n; r++) out[r] += k * (x[r] - m);
  }
  return out;
}

/** Σ wᵢ·sᵢ / Σ wᵢ over the indicators of a dimension that a row has (not NaN); NaN with none. */
function partialMean(scaled: readonly (Float64Array | null)[], dimension: number, indicatorWeights: ArrayLike<number>, n: number): Float64Array {
  const sum = new Float64Array(n);
  const weight = new Float64Array(n);
  for (const i of DIMENSIONS[dimension].indicators) {
    const w = indicatorWeights[i];
    const s = scaled[i];
    if (w === 0 || !s) continue;
    for (let r = 0; r < n; r++) {
      if (Number.isNaN(s[r])) continue;
      sum[r] += w * s[r];
      weight[r] += w;
    }
  }
  for (let r = 0; r < n; r++) sum[r] = weight[r] > 0 ? sum[r] / weight[r] : NaN;
  return sum;
}

/** Blanks the rows without a result and, with `rescale`, scales the column to a maximum of 100. */
function finishDimension(out: Float64Array, include: Uint8Array, rescale: boolean): Float64Array {
  const n = out.length;
  let max = -Infinity;
  for (let r = 0; r < n; r++) {
    if (!include[r]) out[r] = NaN;
    else if (out[r] > max) max = out[r];
  }
  if (rescale && max > 0) {
    // (x / max) × 100, not x × (100 / max): the largest row is then exactly 100 (max / max is 1),
    // where 100 / max rounded and multiplied back can give 100.00000000000001 and fail =MAX(…)=100.
    for (let r = 0; r < n; r++) out[r] = (out[r] / max) * 100;
  }
  return out;
}

/**
 * A table's scores laid out for the totals of many weightings at once (the Monte Carlo's runs):
 * one row-major matrix whose rows hold the terms the weights multiply, so that each row is read
 * once for a whole batch of runs instead of once per indicator per run.
 * - raw indicators: per row its 19 terms, x − shift of an affine score (the factor goes with the
 *   weight, as accumulateDimension multiplies them) or the scaled score, 0 for a column not read;
 * - sub-indices: per row its 5 sub-indices, 0 for a column not given.
 */
export interface LinearScores {
  readonly kind: "indicator" | "dimension";
  readonly rows: number;
  readonly include: Uint8Array;
  readonly matrix: Float64Array;
  /** Per indicator, what its weight is multiplied by: the affine factor, 1 for scaled scores. */
  readonly factors: Float64Array;
}

/** The framework's shape the batched kernel is written out for: its dimensions' indicators, in order. */
const KERNEL_SHAPE = "0,1,2,3|4,5,6,7,8,9|10,11,12|13,14,15,16|17,18";
if (DIMENSIONS.map((d) => d.indicators.join()).join("|") !== KERNEL_SHAPE)
  throw new Error("aggregate.ts: linearTotalsInto is written out for the framework's 4 + 6 + 3 + 4 + 2 indicators");

/**
 * The scores as {@link LinearScores}, or null where the batched kernel would not give the totals
 * of {@link totalsInto} (its weighted mean, bit for bit but for the sign of a zero total): rescaled
 * dimensions, partial dimensions, or a row with a result and a term that is not finite (a weight of
 * 0 would then not leave it out).
 */
export function linearScores(scores: Scores, rescale: boolean): LinearScores | null {
  const n = scores.include.length;
  const include = scores.include;
  if (scores.kind === "dimension") {
    const c = DIMENSIONS.length;
    const matrix = new Float64Array(n * c);
    for (let d = 0; d < c; d++) {
      const col = scores.dimensions[d];
      if (!col) continue;
      for (let r = 0; r < n; r++) {
        if (!include[r]) continue;
        if (!Number.isFinite(col[r])) return null;
        matrix[r * c + d] = col[r];
      }
    }
    return { kind: "dimension", rows: n, include, matrix, factors: new Float64Array(c).fill(1) };
  }
  if (rescale || (scores.kind === "scaled" && scores.partial)) return null;
  const c = INDICATORS.length;
  const matrix = new Float64Array(n * c);
  const factors = new Float64Array(c).fill(1);
  for (let i = 0; i < c; i++) {
    let term: (r: number) => number;
    if (scores.kind === "scaled") {
      const s = scores.scaled[i];
      if (!s) continue;
      term = (r) => s[r];
    } else {
      const x = scores.values[i];
      const f = scores.affines[i];
      if (!x || !f) continue;
      factors[i] = f.factor;
      term = (r) => x[r] - f.shift;
    }
    for (let r = 0; r < n; r++) {
      if (!include[r]) continue;
      const t = term(r);
      if (!Number.isFinite(t)) return null;
      matrix[r * c + i] = t;
    }
  }
  return { kind: "indicator", rows: n, include, matrix, factors };
}

/**
 * The totals of `runs` weightings at once: run k's first-level weights at dimensionWeights[5k …]
 * and indicator weights at indicatorWeights[19k …] (each level summing to 1, as normaliseWeights
 * gives them), its totals into out[k·n …] (`coefficients`: 19 × runs of room). The same operations
 * in the same order as {@link totalsInto} for the weighted mean, and as {@link geometricTotal} of
 * the dimensions for the geometric mean of raw indicators (`geometric`), so the same totals;
 * written out for the framework's shape, each row's terms read once into locals for the whole batch.
 */
export function linearTotalsInto(
  form: LinearScores,
  dimensionWeights: Float64Array,
  indicatorWeights: Float64Array,
  runs: number,
  out: Float64Array,
  coefficients: Float64Array,
  geometric = false,
): void {
  const n = form.rows;
  const { matrix, include } = form;
  if (geometric && form.kind === "dimension") throw new Error("linearTotalsInto: geometric needs raw indicators");
  if (form.kind === "dimension") {
    for (let r = 0; r < n; r++) {
      const b = r * 5;
      const x0 = matrix[b];
      const x1 = matrix[b + 1];
      const x2 = matrix[b + 2];
      const x3 = matrix[b + 3];
      const x4 = matrix[b + 4];
      for (let k = 0; k < runs; k++) {
        const w = k * 5;
        out[k * n + r] =
          dimensionWeights[w] * x0 + dimensionWeights[w + 1] * x1 + dimensionWeights[w + 2] * x2 + dimensionWeights[w + 3] * x3 + dimensionWeights[w + 4] * x4;
      }
    }
  } else {
    // Each indicator's weight × its factor, as accumulateDimension forms k = w × factor.
    const c = coefficients;
    for (let k = 0; k < runs; k++) for (let i = 0; i < 19; i++) c[k * 19 + i] = indicatorWeights[k * 19 + i] * form.factors[i];
    for (let r = 0; r < n; r++) {
      const b = r * 19;
      const t0 = matrix[b];
      const t1 = matrix[b + 1];
      const t2 = matrix[b + 2];
      const t3 = matrix[b + 3];
      const t4 = matrix[b + 4];
      const t5 = matrix[b + 5];
      const t6 = matrix[b + 6];
      const t7 = matrix[b + 7];
      const t8 = matrix[b + 8];
      const t9 = matrix[b + 9];
      const t10 = matrix[b + 10];
      const t11 = matrix[b + 11];
      const t12 = matrix[b + 12];
      const t13 = matrix[b + 13];
      const t14 = matrix[b + 14];
      const t15 = matrix[b + 15];
      const t16 = matrix[b + 16];
      const t17 = matrix[b + 17];
      const t18 = matrix[b + 18];
      for (let k = 0; k < runs; k++) {
        const i = k * 19;
        const w = k * 5;
        // The five dimensions, each Σ wᵢ·fᵢ·(xᵢ − shiftᵢ) left to right as accumulateDimension adds them.
        const d0 = c[i] * t0 + c[i + 1] * t1 + c[i + 2] * t2 + c[i + 3] * t3;
        const d1 = c[i + 4] * t4 + c[i + 5] * t5 + c[i + 6] * t6 + c[i + 7] * t7 + c[i + 8] * t8 + c[i + 9] * t9;
        const d2 = c[i + 10] * t10 + c[i + 11] * t11 + c[i + 12] * t12;
        const d3 = c[i + 13] * t13 + c[i + 14] * t14 + c[i + 15] * t15 + c[i + 16] * t16;
        const d4 = c[i + 17] * t17 + c[i + 18] * t18;
        out[k * n + r] = geometric
          ? geometricOf(dimensionWeights, w, d0, d1, d2, d3, d4)
          : dimensionWeights[w] * d0 +
            dimensionWeights[w + 1] * d1 +
            dimensionWeights[w + 2] * d2 +
            dimensionWeights[w + 3] * d3 +
            dimensionWeights[w + 4] * d4;
      }
    }
  }
  for (let r = 0; r < n; r++) if (!include[r]) for (let k = 0; k < runs; k++) out[k * n + r] = NaN;
}

/** One row's weighted geometric mean of its five dimensions, as {@link geometricTotal} sums the logarithms: a dimension of weight 0 left out. */
function geometricOf(weights: Float64Array, w: number, d0: number, d1: number, d2: number, d3: number, d4: number): number {
  let log = 0;
  if (weights[w] !== 0) log += weights[w] * Math.log(Math.max(d0, GEOMETRIC_FLOOR));
  if (weights[w + 1] !== 0) log += weights[w + 1] * Math.log(Math.max(d1, GEOMETRIC_FLOOR));
  if (weights[w + 2] !== 0) log += weights[w + 2] * Math.log(Math.max(d2, GEOMETRIC_FLOOR));
  if (weights[w + 3] !== 0) log += weights[w + 3] * Math.log(Math.max(d3, GEOMETRIC_FLOOR));
  if (weights[w + 4] !== 0) log += weights[w + 4] * Math.log(Math.max(d4, GEOMETRIC_FLOOR));
  return Math.exp(log);
}
