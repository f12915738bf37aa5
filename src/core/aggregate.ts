/**
 * Aggregation: scaled indicators → dimensions (weighted arithmetic mean, weights renormalised
 * within the dimension) → total (weighted sum with the first-level weights, not rescaled).
 * Rows whose status is not OK give NaN.
 */
import { DIMENSIONS } from "./framework";
import type { Affine } from "./scaling";
import type { WeightTable } from "./weights";

/**
 * One dimension's score per row: Σ wᵢ·sᵢ over its indicators, with the indicator weights of
 * `weights` (already renormalised to sum to 1 within the dimension). Indicators with weight 0
 * may be absent (null). With `rescale`, the column is multiplied so that its maximum is 100
 * (what the report's published sub-index columns show); a column whose maximum is 0 or less
 * is left as it is.
 */
export function aggregateDimension(
  dimension: number,
  scaled: readonly (Float64Array | null)[],
  include: Uint8Array,
  weights: WeightTable,
  rescale: boolean,
): Float64Array {
  const n = include.length;
  const out = new Float64Array(n);
  for (const i of DIMENSIONS[dimension].indicators) {
    const w = weights.indicators[i];
    const s = scaled[i];
    if (w === 0 || !s) continue;
    for (let r = 0; r < n; r++) out[r] += w * s[r];
  }
  return finishDimension(out, include, rescale);
}

/**
 * {@link aggregateDimension} for scores that are affine in the raw values, score = factor × (x − shift):
 * the same weighted mean, without a scaled copy of each column.
 */
export function aggregateDimensionAffine(
  dimension: number,
  values: readonly (Float64Array | null)[],
  affines: readonly (Affine | null)[],
  include: Uint8Array,
  weights: WeightTable,
  rescale: boolean,
): Float64Array {
  const n = include.length;
  const out = new Float64Array(n);
  for (const i of DIMENSIONS[dimension].indicators) {
    const x = values[i];
    const f = affines[i];
    const w = weights.indicators[i];
    if (w === 0 || !x || !f) continue;
    const k = w * f.factor;
    const m = f.shift;
    if (k === 0) continue;
    for (let r = 0; r < n; r++) out[r] += k * (x[r] - m);
  }
  return finishDimension(out, include, rescale);
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
    const k = 100 / max;
    for (let r = 0; r < n; r++) out[r] *= k;
  }
  return out;
}

/** The total per row: Σ W_d·D_d with the first-level weights (renormalised to sum to 1). */
export function aggregateTotal(dimensions: readonly (Float64Array | null)[], include: Uint8Array, weights: WeightTable): Float64Array {
  const n = include.length;
  const out = new Float64Array(n);
  for (const d of DIMENSIONS) {
    const w = weights.dimensions[d.index];
    const col = dimensions[d.index];
    if (w === 0 || !col) continue;
    for (let r = 0; r < n; r++) out[r] += w * col[r];
  }
  for (let r = 0; r < n; r++) if (!include[r]) out[r] = NaN;
  return out;
}
