/**
 * TOPSIS (Hwang & Yoon 1981), the one kernel: each row's closeness to the ideal solution. Used by
 * the `aggregate=topsis` total (over the scaled indicators or sub-indices, all higher-is-better)
 * and by LIVETOPSIS (the textbook form: raw indicators, vector-normalised, cost indicators' ideal
 * at the minimum).
 *
 * v_ij = w_j · x_ij; the ideal best v⁺_j is the column's maximum (the minimum for a cost column)
 * and the worst v⁻_j the other end; D⁺_i = √Σ_j (v_ij − v⁺_j)², D⁻_i = √Σ_j (v_ij − v⁻_j)²;
 * C_i = D⁻_i / (D⁺_i + D⁻_i), in [0, 1], 1 for a row at the ideal on every column.
 */
import { DIMENSIONS, INDICATORS } from "./framework";
import type { IndexResult } from "./pipeline";

/**
 * The closeness of every row (NaN for rows not included). A NaN cell (a value left missing) is left
 * out of that row's distances and of its column's ideals.
 *
 * @example
 * topsisCloseness([Float64Array.of(1, 2, 3)], [1], [true], Uint8Array.of(1, 1, 1)) // → [0, 0.5, 1]
 */
export function topsisCloseness(
  columns: readonly ArrayLike<number>[],
  weights: readonly number[],
  benefit: readonly boolean[],
  include: Uint8Array,
): Float64Array {
  const n = include.length;
  const plus = new Float64Array(n);
  const minus = new Float64Array(n);
  columns.forEach((x, j) => {
    const w = weights[j];
    if (!(w > 0)) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < n; r++) {
      if (!include[r] || Number.isNaN(x[r])) continue;
      if (x[r] < lo) lo = x[r];
      if (x[r] > hi) hi = x[r];
    }
    if (!(hi >= lo)) return;
    const best = w * (benefit[j] ? hi : lo);
    const worst = w * (benefit[j] ? lo : hi);
    for (let r = 0; r < n; r++) {
      if (!include[r] || Number.isNaN(x[r])) continue;
      const v = w * x[r];
      plus[r] += (v - best) ** 2;
      minus[r] += (v - worst) ** 2;
    }
  });
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    if (!include[r]) {
      out[r] = NaN;
      continue;
    }
    const dPlus = Math.sqrt(plus[r]);
    const dMinus = Math.sqrt(minus[r]);
    // At the ideal on every column (D⁺ = 0): 1, also when every row is alike (D⁻ = 0 too).
    out[r] = dPlus === 0 ? 1 : dMinus / (dPlus + dMinus);
  }
  return out;
}

/**
 * Vector normalisation, TOPSIS's textbook scaling: r_ij = x_ij / √Σ_i x_ij² over the included rows
 * that have a value (NaN cells stay NaN); a column of zeros stays 0.
 */
export function vectorNormalised(x: ArrayLike<number>, include: Uint8Array): Float64Array {
  let sum = 0;
  for (let r = 0; r < include.length; r++) if (include[r] && !Number.isNaN(x[r])) sum += x[r] * x[r];
  const norm = Math.sqrt(sum);
  const out = new Float64Array(include.length);
  for (let r = 0; r < include.length; r++) out[r] = Number.isNaN(x[r]) ? NaN : norm > 0 ? x[r] / norm : 0;
  return out;
}

/**
 * The textbook TOPSIS of a computed table (LIVETOPSIS), closeness × 100 per row: raw indicators
 * (as prepared by the options) vector-normalised, weighted W_d·w_i, cost indicators' ideal at the
 * minimum; for sub-index input, the five sub-indices, vector-normalised too, weighted W_d.
 *
 * @example
 * textbookTopsis(computeIndex(rawCells))[0] // → the first region's closeness × 100
 */
export function textbookTopsis(result: IndexResult): Float64Array {
  const { input, include, weights } = result;
  const columns: Float64Array[] = [];
  const w: number[] = [];
  const benefit: boolean[] = [];
  for (const d of DIMENSIONS) {
    const W = weights.dimensions[d.index];
    if (!(W > 0)) continue;
    if (input.level === "dimension") {
      const col = result.dimensions[d.index];
      if (col) {
        columns.push(vectorNormalised(col, include));
        w.push(W);
        benefit.push(true);
      }
      continue;
    }
    for (const i of d.indicators) {
      const x = input.values[i];
      if (!x || !(weights.indicators[i] > 0)) continue;
      columns.push(vectorNormalised(x, include));
      w.push(W * weights.indicators[i]);
      benefit.push(INDICATORS[i].direction === 1);
    }
  }
  const c = topsisCloseness(columns, w, benefit, include);
  for (let r = 0; r < c.length; r++) c[r] *= 100;
  return c;
}
