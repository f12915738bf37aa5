/**
 * The analytic hierarchy process (层次分析法), as Saaty defined it: the weights are the principal
 * eigenvector of a reciprocal pairwise-comparison matrix (1–9 scale), λmax its eigenvalue,
 * CI = (λmax − n) / (n − 1), CR = CI / RI with Saaty's random index, and the judgements are
 * acceptable when CR < 0.1.
 */
import { UserError } from "./errors";
import { DIMENSIONS, findDimension, findIndicator, namesOf } from "./framework";
import { columnLetter, normaliseName, showValue } from "./text";
import type { LocalText } from "../text";
import { REPORT_WEIGHT_TABLE, weightTableFromGiven, WeightTable } from "./weights";

/** Saaty's random consistency index for n = 1 … 15. */
export const RANDOM_INDEX = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];
/** Judgements are acceptable below this consistency ratio. */
export const CR_LIMIT = 0.1;
/** a_ij · a_ji may differ from 1 by this much: 1/3 typed as 0.33 (0.99), 1/8 as 0.13 (1.04). */
const RECIPROCAL_TOLERANCE = 0.05;
/** Saaty's scale runs from 1/9 to 9 (with the same rounding allowed as for reciprocals). */
const SCALE_MAX = 9;

export interface AhpResult {
  readonly weights: number[];
  readonly lambdaMax: number;
  readonly ci: number;
  readonly ri: number;
  /** 0 for n ≤ 2 (always consistent). */
  readonly cr: number;
  readonly acceptable: boolean;
}

/**
 * The AHP of a square matrix of judgements. `cellOf(i, j)` names a cell for the errors (e.g. "C3").
 * Throws AHP_NOT_SQUARE, AHP_NOT_POSITIVE or AHP_NOT_RECIPROCAL, naming the cells.
 *
 * @example
 * ahp([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]).cr // → 0.033 (acceptable)
 */
export function ahp(matrix: readonly (readonly unknown[])[], cellOf: (i: number, j: number) => string = (i, j) => `${columnLetter(j)}${i + 1}`): AhpResult {
  const n = matrix.length;
  if (n === 0 || n > RANDOM_INDEX.length || matrix.some((r) => r.length !== n))
    throw new UserError("AHP_NOT_SQUARE", { rows: n, cols: matrix[0]?.length ?? 0 });
  const a = matrix.map((row, i) =>
    row.map((given, j) => {
      const v = judgement(given);
      if (!(v > 0) || !Number.isFinite(v)) throw new UserError("AHP_NOT_POSITIVE", { cell: cellOf(i, j), value: shown(given) });
      if (i === j && Math.abs(v - 1) > 1e-9) throw new UserError("AHP_DIAGONAL", { cell: cellOf(i, j), value: shown(given) });
      if (v > SCALE_MAX * (1 + RECIPROCAL_TOLERANCE) || v < 1 / (SCALE_MAX * (1 + RECIPROCAL_TOLERANCE)))
        throw new UserError("AHP_OUT_OF_SCALE", { cell: cellOf(i, j), value: shown(given) });
      return v;
    }),
  );
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (Math.abs(a[i][j] * a[j][i] - 1) > RECIPROCAL_TOLERANCE)
        throw new UserError("AHP_NOT_RECIPROCAL", { cell: cellOf(i, j), value: shown(matrix[i][j]), other: cellOf(j, i), otherValue: shown(matrix[j][i]) });
  // The principal eigenvector of a positive matrix, by power iteration (Perron–Frobenius: it converges).
  let w = new Array<number>(n).fill(1 / n);
  for (let k = 0; k < 1000; k++) {
    const next = a.map((row) => row.reduce((s, x, j) => s + x * w[j], 0));
    const sum = next.reduce((s, x) => s + x, 0);
    const normed = next.map((x) => x / sum);
    const change = normed.reduce((s, x, i) => Math.max(s, Math.abs(x - w[i])), 0);
    w = normed;
    if (change < 1e-15) break;
  }
  const aw = a.map((row) => row.reduce((s, x, j) => s + x * w[j], 0));
  const lambdaMax = aw.reduce((s, x, i) => s + x / w[i], 0) / n;
  const ci = n > 2 ? (lambdaMax - n) / (n - 1) : 0;
  const ri = RANDOM_INDEX[n - 1];
  const cr = ri > 0 ? ci / ri : 0;
  return { weights: w, lambdaMax, ci, ri, cr, acceptable: cr < CR_LIMIT };
}

/** A cell as a message shows it: a number or a text as typed, a blank cell in words. */
function shown(v: unknown): string | LocalText {
  if (v === null || v === undefined || v === "") return { zh: "空白", en: "blank" };
  return typeof v === "string" ? v.trim() : showValue(v);
}

/** A judgement: a number, or a text fraction ("1/3" or "=1/3", as a text-formatted cell or a CSV file holds it); else NaN. */
function judgement(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return NaN;
  const t = v.normalize("NFKC").trim().replace(/^=\s*/, "");
  const fraction = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  return /^\d*\.?\d+$/.test(t) ? Number(t) : NaN;
}

/** A comparison matrix as a range holds it: the items' names and the judgements. */
export interface AhpRange {
  readonly names: readonly string[];
  /** Whether the names came from the range (its first row and column) or are 1 … n. */
  readonly named: boolean;
  readonly result: AhpResult;
}

/**
 * The AHP of a range: names across the first row and down the first column (whatever the corner
 * holds), or a bare matrix; blank rows and columns at the end (an oversized range) are left out.
 * Cells are named as in the range ("C3"), counted from `origin` (0-based row and column).
 *
 * @example
 * ahpOfRange([["", "a", "b"], ["a", 1, 3], ["b", "1/3", 1]]).result.weights // → [0.75, 0.25]
 */
export function ahpOfRange(range: readonly (readonly unknown[])[], origin: { row: number; column: number } = { row: 0, column: 0 }): AhpRange {
  // Desktop passes the blank cells of an oversized range as 0 (DESIGN.md §4): no judgement is ever 0.
  const blank = (c: unknown) => c === null || c === undefined || c === "" || c === 0;
  const filled = (r: readonly unknown[]) => r.filter((c) => !blank(c)).length;
  // A title line above the matrix and a note below it hold one cell each: not rows of the matrix.
  let top = 0;
  let bottom = range.length;
  while (top < bottom && filled(range[top]) <= 1) top++;
  while (bottom > top && filled(range[bottom - 1]) <= 1) bottom--;
  const kept = range.slice(top, bottom);
  const rows = kept.map((r, k) => ({ r, k })).filter(({ r }) => filled(r) > 0);
  const width = Math.max(0, ...rows.map(({ r }) => r.reduce((w: number, c, j) => (blank(c) ? w : j + 1), 0)));
  const cells = rows.map(({ r }) => Array.from({ length: width }, (_, j) => r[j] ?? null));
  const text = (c: unknown) => typeof c === "string" && c.trim() !== "" && Number.isNaN(judgement(c));
  const named = cells.length > 1 && cells[0].slice(1).every(text) && cells.slice(1).every((r) => text(r[0]));
  const body = named ? cells.slice(1).map((r) => r.slice(1)) : cells;
  const names = named ? cells[0].slice(1).map((c) => String(c).trim()) : body.map((_, i) => String(i + 1));
  const at = named ? 1 : 0;
  const sheetRow = (i: number) => origin.row + top + rows[i + at].k + 1;
  const cellOf = (i: number, j: number) => `${columnLetter(origin.column + j + at)}${sheetRow(i)}`;
  if (named) {
    // Each row is the item of its column: a row in another order would give its weight to another item.
    cells.slice(1).forEach((r, i) => {
      if (i < names.length && normaliseName(r[0]) !== normaliseName(names[i]))
        throw new UserError("AHP_NAMES_MISMATCH", { cell: `${columnLetter(origin.column)}${sheetRow(i)}`, row: String(r[0]).trim(), column: names[i] });
    });
  }
  return { names, named, result: ahp(body, cellOf) };
}

/**
 * A weight table with an AHP's weights put in place: for the five sub-indices, the first-level
 * weights; for the indicators of one dimension, their weights within it; the rest as `base` gives
 * them (default the report's, as printed). Throws AHP_NAMES_UNKNOWN when the names are neither.
 *
 * @example
 * ahpWeightTable(["商品消费", "内容供给", "内容消费", "质量", "产业促进"], weights).dimensions // → the AHP weights in framework order
 */
export function ahpWeightTable(names: readonly string[], weights: readonly number[], base: WeightTable = REPORT_WEIGHT_TABLE): WeightTable {
  const dims = Array.from(base.givenDimensions);
  const inds = Array.from(base.givenIndicators);
  const asDimensions = names.map((n) => findDimension(n));
  const asIndicators = names.map((n) => findIndicator(n));
  const distinct = (xs: readonly ({ index: number } | undefined)[]) => new Set(xs.map((x) => x?.index)).size === xs.length;
  if (asDimensions.every((d) => d) && distinct(asDimensions) && names.length === DIMENSIONS.length) {
    asDimensions.forEach((d, k) => (dims[d!.index] = weights[k]));
    return weightTableFromGiven(dims, inds);
  }
  const dimension = DIMENSIONS.find((d) => asIndicators.every((i) => i && d.indicators.includes(i.index)));
  if (dimension && distinct(asIndicators) && names.length === dimension.indicators.length) {
    asIndicators.forEach((i, k) => (inds[i!.index] = weights[k]));
    return weightTableFromGiven(dims, inds);
  }
  throw new UserError("AHP_NAMES_UNKNOWN", { names: names.join(", "), dimensions: namesOf(DIMENSIONS) });
}
