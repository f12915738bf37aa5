/**
 * The analytic hierarchy process (层次分析法), as Saaty defined it: the weights are the principal
 * eigenvector of a reciprocal pairwise-comparison matrix (1–9 scale), λmax its eigenvalue,
 * CI = (λmax − n) / (n − 1), CR = CI / RI with Saaty's random index, and the judgements are
 * acceptable when CR < 0.1.
 */
import { UserError } from "./errors";
import { columnLetter, showValue } from "./text";

/** Saaty's random consistency index for n = 1 … 15. */
export const RANDOM_INDEX = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];
/** Judgements are acceptable below this consistency ratio. */
export const CR_LIMIT = 0.1;
/** a_ij · a_ji may differ from 1 by this much: 1/3 typed as 0.333. */
const RECIPROCAL_TOLERANCE = 0.01;

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
    row.map((v, j) => {
      if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) throw new UserError("AHP_NOT_POSITIVE", { cell: cellOf(i, j), value: showValue(v) });
      return v;
    }),
  );
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++)
      if (Math.abs(a[i][j] * a[j][i] - 1) > RECIPROCAL_TOLERANCE)
        throw new UserError("AHP_NOT_RECIPROCAL", { cell: cellOf(i, j), value: String(a[i][j]), other: cellOf(j, i), otherValue: String(a[j][i]) });
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
