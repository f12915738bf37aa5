/**
 * Aggregation: scaled indicators → dimensions (weighted arithmetic mean, weights renormalised
 * within the dimension) → total (weighted sum with the first-level weights, not rescaled).
 * Rows whose status is not OK give NaN.
 */
import { DIMENSIONS } from "./framework";
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
