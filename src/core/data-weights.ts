/**
 * Weights from the data, as Chinese evaluation studies compute them (熵权法, CRITIC, 变异系数法) and
 * as COINr does (PCA), each a weight table in the canonical layout that the rest of the add-in
 * checks, compares and analyses like any other:
 *
 * - entropy: x scaled min–max to [0, 1] by direction; p_ij = x_ij / Σ_i x_ij;
 *   e_j = −(1 / ln n) Σ_i p_ij ln p_ij (0 · ln 0 = 0); d_j = 1 − e_j; w_j = d_j / Σ d_j;
 * - critic: the same scaling; C_j = σ_j Σ_k (1 − r_jk) over the indicators read; w_j ∝ C_j;
 * - cv: σ_j / mean_j of the raw values (a mean of 0 or less is an error naming the column); w_j ∝ cv_j;
 * - pca: the absolute loadings of the first principal component of the indicators' correlation
 *   matrix (within each dimension, or over all of them), normalised;
 * - equal: 1 / k.
 *
 * `levels`: `indicator` keeps the report's first-level weights and takes each dimension's
 * indicator weights from the data (normalised within it); `both` normalises over all the indicators
 * read, and a dimension weighs the sum of its indicators'. A column that cannot be weighted
 * (constant, or no value) weighs 0, and is named.
 */
import { UserError } from "./errors";
import { DIMENSIONS, INDICATORS } from "./framework";
import type { IndexResult } from "./pipeline";
import { getScalingMethod } from "./scaling";
import { describeColumn, pearson, symmetricEigen } from "./stats";
import { REPORT_WEIGHT_TABLE, weightTableFromGiven, WeightTable } from "./weights";

export type DataWeightMethod = "entropy" | "critic" | "cv" | "pca" | "equal";
export const DATA_WEIGHT_METHODS: readonly DataWeightMethod[] = ["entropy", "critic", "cv", "pca", "equal"];
/** The methods' Chinese names as studies write them (matched after NFKC, case and spaces aside). */
export const DATA_WEIGHT_ALIASES: Readonly<Record<string, DataWeightMethod>> = {
  熵权法: "entropy",
  熵权: "entropy",
  熵值法: "entropy",
  critic法: "critic",
  变异系数法: "cv",
  变异系数: "cv",
  主成分: "pca",
  主成分分析: "pca",
  主成分分析法: "pca",
  等权: "equal",
  等权重: "equal",
};

export interface DataWeights {
  readonly table: WeightTable;
  /** The indicators that weigh 0 because they cannot be weighted (constant or without values). */
  readonly unweighted: readonly number[];
  /** Each indicator's raw score before normalising (d_j, C_j, cv_j, |loading|, 1), NaN where not read. */
  readonly scores: readonly number[];
}

/**
 * The weights a method gives the indicators of a run's data (rows with a result only).
 *
 * @example
 * dataWeights(computeIndex(rawCells), "entropy", "indicator").table.givenIndicators // → within-dimension weights summing to 1
 */
export function dataWeights(result: IndexResult, method: DataWeightMethod, levels: "indicator" | "both" = "indicator"): DataWeights {
  if (result.input.level !== "indicator") throw new UserError("DATA_WEIGHTS_NEED_INDICATORS");
  const include = result.include;
  const raw = result.input.values;
  const read = INDICATORS.map((i) => (raw[i.index] ? i.index : -1)).filter((i) => i >= 0);
  const scaled = raw.map((x, i) => (x ? unitScaled(x, include, INDICATORS[i].direction) : null));
  const scores = new Array<number>(INDICATORS.length).fill(NaN);
  if (method === "entropy") {
    for (const i of read) scores[i] = entropyDivergence(scaled[i]!, include);
  } else if (method === "critic") {
    criticScores(
      read.map((i) => scaled[i]!),
      include,
    ).forEach((c, k) => (scores[read[k]] = c));
  } else if (method === "cv") {
    for (const i of read) {
      const s = describeColumn(raw[i]!, include);
      if (!(s.mean > 0)) throw new UserError("CV_NONPOSITIVE_MEAN", { column: { zh: INDICATORS[i].zh, en: INDICATORS[i].en }, mean: String(s.mean) });
      scores[i] = variationScore(raw[i]!, include);
    }
  } else if (method === "pca") {
    const groups = levels === "both" ? [read] : DIMENSIONS.map((d) => read.filter((i) => d.indicators.includes(i)));
    for (const g of groups) {
      const live = g.filter((i) => describeColumn(scaled[i]!, include).sd > 0);
      if (live.length === 1) scores[live[0]] = 1;
      if (live.length < 2) continue;
      const corr = live.map((a) => live.map((b) => (a === b ? 1 : pearson(scaled[a]!, scaled[b]!, include))));
      const first = symmetricEigen(corr).vectors[0];
      live.forEach((i, k) => (scores[i] = Math.abs(first[k])));
    }
  } else {
    for (const i of read) scores[i] = describeColumn(raw[i]!, include).count > 0 ? 1 : NaN;
  }
  // A column that cannot be weighted (constant: no spread, no information; no value) weighs 0.
  const unweighted = read.filter((i) => !(scores[i] > 0) && !(method === "equal" && scores[i] === 1));
  const w = scores.map((x) => (x > 0 ? x : 0));
  const dims = new Array<number>(DIMENSIONS.length).fill(0);
  const inds = new Array<number>(INDICATORS.length).fill(0);
  const total = read.reduce((a, i) => a + w[i], 0);
  for (const d of DIMENSIONS) {
    const members = d.indicators.filter((i) => read.includes(i));
    const sum = members.reduce((a, i) => a + w[i], 0);
    dims[d.index] = levels === "both" ? (total > 0 ? sum / total : 0) : REPORT_WEIGHT_TABLE.dimensions[d.index];
    // Within the dimension: the data's weights, or equal weights when none of its columns can be weighted.
    for (const i of members) inds[i] = sum > 0 ? w[i] / sum : 1 / members.length;
  }
  return { table: weightTableFromGiven(dims, inds), unweighted, scores };
}

/**
 * x scaled to [0, 1] over the rows that have a value, 1 the best: the index's own min–max kernel
 * (core/scaling.ts; a constant column is all 0) over 100.
 */
function unitScaled(x: Float64Array, include: Uint8Array, direction: 1 | -1): Float64Array {
  const has = Uint8Array.from(include, (v, r) => (v && !Number.isNaN(x[r]) ? 1 : 0));
  const out = new Float64Array(x.length);
  getScalingMethod("minmax").scale(x, has, direction, out);
  for (let r = 0; r < out.length; r++) out[r] /= 100;
  return out;
}

/**
 * CRITIC's C_j = σ_j Σ_k (1 − r_jk) of columns as given (the method scales them first): contrast
 * (the sample standard deviation) times conflict (the correlations with the others; a column
 * without spread correlates with none, r = 0).
 */
export function criticScores(columns: readonly Float64Array[], include: Uint8Array): number[] {
  const r = columns.map((a, i) => columns.map((b, k) => (i === k ? 1 : i > k ? NaN : pearson(a, b, include))));
  const corr = (i: number, k: number) => (i < k ? r[i][k] : r[k][i]);
  return columns.map((x, i) => {
    const sd = describeColumn(x, include).sd;
    let conflict = 0;
    for (let k = 0; k < columns.length; k++) if (k !== i) conflict += 1 - (Number.isNaN(corr(i, k)) ? 0 : corr(i, k));
    return Number.isFinite(sd) ? sd * conflict : NaN;
  });
}

/** The coefficient of variation σ / mean of a column as given (NaN for a mean of 0 or less). */
export function variationScore(x: Float64Array, include: Uint8Array): number {
  const s = describeColumn(x, include);
  return s.mean > 0 ? s.sd / s.mean : NaN;
}

/** 1 − e_j, the entropy method's divergence of one column as given (the method scales it first); NaN when the column sums to 0. */
export function entropyDivergence(x: Float64Array, include: Uint8Array): number {
  let sum = 0;
  let n = 0;
  for (let r = 0; r < x.length; r++) {
    if (!include[r] || Number.isNaN(x[r])) continue;
    sum += x[r];
    n++;
  }
  if (!(sum > 0) || n < 2) return NaN;
  let h = 0;
  for (let r = 0; r < x.length; r++) {
    if (!include[r] || Number.isNaN(x[r]) || x[r] === 0) continue;
    const p = x[r] / sum;
    h -= p * Math.log(p);
  }
  return 1 - h / Math.log(n);
}

export type CombineRule = "linear" | "product";
export const COMBINE_RULES: readonly CombineRule[] = ["linear", "product"];

/**
 * Combined weights (组合赋权) of two tables, level by level, from their renormalised weights:
 * `linear` α·w₁ + (1 − α)·w₂; `product` w₁·w₂ normalised (within each dimension for the
 * indicators). Throws COMBINE_NO_OVERLAP when the product leaves a weighted level with nothing.
 *
 * @example
 * combineWeights(REPORT_WEIGHT_TABLE, entropyTable, 0.5, "linear").dimensions[0] // → (0.4 + entropy's) / 2
 */
export function combineWeights(a: WeightTable, b: WeightTable, alpha: number, rule: CombineRule): WeightTable {
  const mix = (x: number, y: number) => (rule === "linear" ? alpha * x + (1 - alpha) * y : x * y);
  const dims = DIMENSIONS.map((d) => mix(a.dimensions[d.index], b.dimensions[d.index]));
  if (!(dims.reduce((s, x) => s + x, 0) > 0)) throw new UserError("COMBINE_NO_OVERLAP", { what: { zh: "一级指标", en: "the first level" } });
  const inds = new Array<number>(INDICATORS.length).fill(0);
  for (const d of DIMENSIONS) {
    for (const i of d.indicators) inds[i] = mix(a.indicators[i], b.indicators[i]);
    if (dims[d.index] > 0 && !(d.indicators.reduce((s, i) => s + inds[i], 0) > 0)) throw new UserError("COMBINE_NO_OVERLAP", { what: { zh: d.zh, en: d.en } });
  }
  const table = weightTableFromGiven(dims, inds);
  // Given = renormalised: the combined table reads as fractions that sum to 1 at each level.
  return weightTableFromGiven(table.dimensions, table.indicators);
}
