/**
 * Scaling raw indicators to comparable scores. The report does not say how it scaled its raw
 * indicators; these are this project's documented choices, picked by the short names a user
 * types in a cell.
 *
 * Every method takes the values of one indicator over the regions in the data (rows that are
 * blank or have an error are left out and score NaN) and its direction: for "less is better"
 * indicators (return rate, dispute rate) the best region is the one with the lowest value.
 *
 * The zero-denominator rule: where a method's denominator is zero (a constant column under
 * minmax, zscore or rank; a column whose maximum is 0 or less under max) every region scores 0:
 * the column cannot tell regions apart, so it adds nothing. Never NaN.
 */
import { readCell } from "./cells";
import { UserError } from "./errors";
import { Lang, SCALING_FORMULAS, SCALING_LABELS } from "../text";

export type ScalingMethodName = "minmax" | "max" | "zscore" | "rank" | "goalposts";

export interface Goalposts {
  readonly low: number;
  readonly high: number;
  /** false: a score beyond the goalposts is kept (above 100, below 0), as a reference year's scale needs; default clamped to 0–100. */
  readonly clamp?: boolean;
}

export interface ScalingMethod {
  readonly name: ScalingMethodName;
  /**
   * Scales `x` where `include[r]` is 1; writes NaN elsewhere.
   * `goalposts` is required by the goalposts method only.
   */
  readonly scale: (x: Float64Array, include: Uint8Array, direction: 1 | -1, out: Float64Array, goalposts?: Goalposts) => void;
  /**
   * For methods that are affine in x: the score as factor × (x − shift), so that aggregation can
   * weight the raw column directly instead of storing a scaled copy (the hot path of LIVEINDEX).
   * Null where the method is not affine or the column is too extreme for this form; `scale` is
   * then used. Both give the same scores.
   */
  readonly affine?: (x: Float64Array, include: Uint8Array, direction: 1 | -1) => Affine | null;
}

/** score = factor × (x − shift) */
export interface Affine {
  readonly shift: number;
  readonly factor: number;
}

/** The registry, in the order shown to users; the default is the first. */
export const SCALING_METHODS: readonly ScalingMethod[] = [
  {
    name: "minmax",
    scale: scaleMinMax,
    affine: affineMinMax,
  },
  {
    name: "max",
    scale: scaleShareOfMax,
    affine: affineShareOfMax,
  },
  {
    name: "zscore",
    scale: scaleZScore,
    affine: affineZScore,
  },
  {
    name: "rank",
    scale: scalePercentRank,
  },
  {
    name: "goalposts",
    scale: scaleGoalposts,
  },
];

export const DEFAULT_SCALING: ScalingMethodName = "minmax";

const METHOD_ALIASES: Readonly<Record<string, ScalingMethodName>> = {
  最小最大: "minmax",
  极差: "minmax",
  share: "max",
  最大值: "max",
  z: "zscore",
  标准分数: "zscore",
  percentile: "rank",
  百分位: "rank",
  目标值: "goalposts",
};

/** A method's name as users read it, with its formula: what every method note says of the scaling. */
export function describeScaling(method: ScalingMethod, lang: Lang): string {
  return `${SCALING_LABELS[method.name][lang]}${lang === "zh" ? "：" : ": "}${SCALING_FORMULAS[method.name][lang]}`;
}

/** Looks a method up by its short name (case and spaces ignored); throws UNKNOWN_METHOD. */
export function getScalingMethod(name: unknown): ScalingMethod {
  const key =
    typeof name === "string"
      ? name
          .normalize("NFKC")
          .trim()
          .toLowerCase()
          .replace(/[\s_-]/g, "")
      : "";
  const m = SCALING_METHODS.find((x) => x.name === (Object.prototype.hasOwnProperty.call(METHOD_ALIASES, key) ? METHOD_ALIASES[key] : key));
  if (!m) throw new UserError("UNKNOWN_METHOD", { value: JSON.stringify(String(name)), options: SCALING_METHODS.map((x) => x.name).join(", ") });
  return m;
}

// ---- kernels ---------------------------------------------------------------------------------

/** The least and greatest included value of a column (Infinity and −Infinity when none is). */
export function minMaxOf(x: Float64Array, include: Uint8Array): { min: number; max: number } {
  rangeInto(x, include, RANGE);
  return { min: RANGE[0], max: RANGE[1] };
}

/** rangeInto's answer: one module-level pair (the kernels run to the end before anything else runs). */
const RANGE = new Float64Array(2);

/**
 * The least and greatest included value into `into` (Infinity and −Infinity when none is). The loop
 * is in a function of its own that returns nothing: building the pair after the loop dropped the
 * loop's optimised code at the pair on most calls (a deoptimisation per column, measured).
 */
function rangeInto(x: Float64Array, include: Uint8Array, into: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < x.length; r++) {
    if (!include[r]) continue;
    const v = x[r];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  into[0] = min;
  into[1] = max;
}

function affineMinMax(x: Float64Array, include: Uint8Array, direction: 1 | -1): Affine | null {
  const { min, max } = minMaxOf(x, include);
  const range = max - min;
  if (!Number.isFinite(range)) return range === -Infinity ? { shift: 0, factor: 0 } : null;
  if (!(range > 0)) return { shift: 0, factor: 0 };
  // A range below about 1e-306 makes 100 / range overflow: the scaled kernel divides instead.
  if (!Number.isFinite(100 / range)) return null;
  return direction === 1 ? { shift: min, factor: 100 / range } : { shift: max, factor: -100 / range };
}

function affineShareOfMax(x: Float64Array, include: Uint8Array, direction: 1 | -1): Affine | null {
  const { min, max } = minMaxOf(x, include);
  if (!(max > 0)) return { shift: 0, factor: 0 };
  if (!Number.isFinite(100 / max)) return null;
  if (direction === 1) return { shift: 0, factor: 100 / max };
  const shift = min + max;
  return Number.isFinite(shift) ? { shift, factor: -100 / max } : null;
}

function affineZScore(x: Float64Array, include: Uint8Array, direction: 1 | -1): Affine | null {
  let n = 0;
  let mean = 0;
  let maxAbs = 0;
  for (let r = 0; r < x.length; r++) {
    if (!include[r]) continue;
    n++;
    mean += (x[r] - mean) / n;
    if (Math.abs(x[r]) > maxAbs) maxAbs = Math.abs(x[r]);
  }
  if (maxAbs > 1e100) return null;
  let ss = 0;
  for (let r = 0; r < x.length; r++) {
    if (!include[r]) continue;
    const d = x[r] - mean;
    ss += d * d;
  }
  const sd = n > 0 ? Math.sqrt(ss / n) : 0;
  return sd > 1e-12 * Math.max(1, Math.abs(mean)) ? { shift: mean, factor: direction / sd } : { shift: 0, factor: 0 };
}

function scaleMinMax(x: Float64Array, include: Uint8Array, direction: 1 | -1, out: Float64Array): void {
  const { min, max } = minMaxOf(x, include);
  // Halves are exact and keep max − min finite even for values near ±1.8e308.
  const halfRange = max / 2 - min / 2;
  const lo = min / 2;
  const hi = max / 2;
  // Divided, not multiplied by 100 / halfRange: that factor overflows for a range below about 1e-306.
  for (let r = 0; r < x.length; r++) {
    if (!include[r]) out[r] = NaN;
    else if (!(halfRange > 0)) out[r] = 0;
    else out[r] = 100 * ((direction === 1 ? x[r] / 2 - lo : hi - x[r] / 2) / halfRange);
  }
}

function scaleShareOfMax(x: Float64Array, include: Uint8Array, direction: 1 | -1, out: Float64Array): void {
  const { min, max } = minMaxOf(x, include);
  for (let r = 0; r < x.length; r++) {
    if (!include[r]) out[r] = NaN;
    else if (!(max > 0)) out[r] = 0;
    else out[r] = 100 * ((direction === 1 ? x[r] : min + max - x[r]) / max);
  }
}

function scaleZScore(x: Float64Array, include: Uint8Array, direction: 1 | -1, out: Float64Array): void {
  // z is unchanged by scaling x; dividing by the largest magnitude keeps the squares finite.
  let maxAbs = 0;
  for (let r = 0; r < x.length; r++) if (include[r] && Math.abs(x[r]) > maxAbs) maxAbs = Math.abs(x[r]);
  const unit = maxAbs > 1e100 ? maxAbs : 1;
  let n = 0;
  let mean = 0;
  for (let r = 0; r < x.length; r++) {
    if (!include[r]) continue;
    n++;
    mean += (x[r] / unit - mean) / n;
  }
  let ss = 0;
  for (let r = 0; r < x.length; r++) {
    if (!include[r]) continue;
    const d = x[r] / unit - mean;
    ss += d * d;
  }
  const sd = n > 0 ? Math.sqrt(ss / n) : 0;
  // A spread below rounding noise is a constant column: the zero-denominator rule applies.
  const k = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? direction / sd : 0;
  for (let r = 0; r < x.length; r++) out[r] = include[r] ? (x[r] / unit - mean) * k : NaN;
}

function scalePercentRank(x: Float64Array, include: Uint8Array, direction: 1 | -1, out: Float64Array): void {
  const idx: number[] = [];
  for (let r = 0; r < x.length; r++) if (include[r]) idx.push(r);
  const n = idx.length;
  // Sorted so that "worse" comes first: ascending for more-is-better, descending otherwise.
  idx.sort((a, b) => direction * (x[a] - x[b]));
  out.fill(NaN);
  const k = n > 1 ? 100 / (n - 1) : 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && x[idx[j + 1]] === x[idx[i]]) j++;
    for (let t = i; t <= j; t++) out[idx[t]] = i * k;
    i = j + 1;
  }
}

function scaleGoalposts(x: Float64Array, include: Uint8Array, direction: 1 | -1, out: Float64Array, goalposts?: Goalposts): void {
  if (!goalposts || !(goalposts.high > goalposts.low)) {
    throw new UserError("GOALPOSTS_ORDER");
  }
  const { low, high } = goalposts;
  const k = 100 / (high - low);
  for (let r = 0; r < x.length; r++) {
    if (!include[r]) {
      out[r] = NaN;
      continue;
    }
    const s = direction === 1 ? (x[r] - low) * k : (high - x[r]) * k;
    out[r] = goalposts.clamp === false ? s : s < 0 ? 0 : s > 100 ? 100 : s;
  }
}

/**
 * Reads a goalposts table from cells: a header row naming the indicator, low and high columns
 * (指标/indicator, 下限/low/min, 上限/high/max), then one row per indicator.
 * Indicators are matched by `findIndicator`; throws GOALPOSTS_HEADER, GOALPOSTS_UNKNOWN_INDICATOR or GOALPOSTS_BAD_BOUNDS for a bad table.
 */
export function parseGoalposts(cells: readonly (readonly unknown[])[], findIndicatorIndex: (name: unknown) => number): Map<number, Goalposts> {
  const head = (cells[0] ?? []).map((c) => (typeof c === "string" ? c.normalize("NFKC").trim().toLowerCase() : ""));
  const col = (names: string[]) => head.findIndex((h) => names.includes(h));
  const ci = col(["指标", "二级指标", "indicator", "indicator_id"]);
  const cl = col(["下限", "low", "min", "lower"]);
  const ch = col(["上限", "high", "max", "upper"]);
  if (ci < 0 || cl < 0 || ch < 0) {
    throw new UserError("GOALPOSTS_HEADER");
  }
  const out = new Map<number, Goalposts>();
  for (let r = 1; r < cells.length; r++) {
    const row = cells[r];
    if (row.every((c) => c === null || c === "" || c === undefined)) continue;
    const i = findIndicatorIndex(row[ci]);
    const low = readCell(row[cl]);
    const high = readCell(row[ch]);
    if (i < 0) throw new UserError("GOALPOSTS_UNKNOWN_INDICATOR", { row: r + 1, value: String(row[ci]) });
    if (typeof low !== "number" || typeof high !== "number" || !Number.isFinite(low) || !Number.isFinite(high) || !(high > low)) {
      throw new UserError("GOALPOSTS_BAD_BOUNDS", { row: r + 1 });
    }
    out.set(i, { low, high });
  }
  return out;
}
