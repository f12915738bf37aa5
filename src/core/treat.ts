/**
 * Outlier treatment as the JRC's COINr does it by default (its Treat() with winsorise, then log_CT):
 * an indicator is outlying when |skewness| > 2 and kurtosis > 3.5 (stats.ts, as SKEW and KURT);
 * then, one point at a time from the side of its skew, the highest (or lowest) value is replaced
 * by the next one (ties move together), up to 5 points, until it no longer is; if it still is,
 * the original column is log-transformed instead: ln(x − min + 0.01 · (max − min)).
 */
import { describeColumn, isOutlying } from "./stats";

/** At most this many points of an indicator are winsorised (COINr's winmax). */
export const WINSORISE_MAX = 5;

export interface Treatment {
  /** What was done: nothing (not outlying), points winsorised, or the log transform. */
  readonly kind: "none" | "winsorised" | "log";
  /** Points winsorised at the high and at the low end. */
  readonly high: number;
  readonly low: number;
  /** Skewness and kurtosis before and after. */
  readonly before: { readonly skew: number; readonly kurt: number };
  readonly after: { readonly skew: number; readonly kurt: number };
}

/**
 * Treats one column in place over the rows where `include` is 1 (NaN values are left alone);
 * returns what was done.
 *
 * @example
 * const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100]);
 * treatColumn(x, ones).kind // → "winsorised" (2 points at the high end: 100 and 30 become 10)
 */
export function treatColumn(x: Float64Array, include: ArrayLike<number>): Treatment {
  const first = describeColumn(x, include);
  const before = { skew: first.skew, kurt: first.kurt };
  if (!isOutlying(first)) return { kind: "none", high: 0, low: 0, before, after: before };
  const rows: number[] = [];
  for (let r = 0; r < x.length; r++) if (include[r] && !Number.isNaN(x[r])) rows.push(r);
  const work = Float64Array.from(x);
  const high = new Set<number>();
  const low = new Set<number>();
  let stats = first;
  while (isOutlying(stats) && high.size + low.size < WINSORISE_MAX) {
    // The end the skew points to: its extreme value (all rows that hold it) takes the next value in.
    const up = stats.skew >= 0;
    const extreme = up ? stats.max : stats.min;
    let next = up ? -Infinity : Infinity;
    for (const r of rows) if (work[r] !== extreme) next = up ? Math.max(next, work[r]) : Math.min(next, work[r]);
    if (!Number.isFinite(next)) break;
    for (const r of rows) {
      if (work[r] !== extreme) continue;
      work[r] = next;
      (up ? high : low).add(r);
    }
    stats = describeColumn(work, include);
  }
  if (!isOutlying(stats)) {
    x.set(work);
    return { kind: "winsorised", high: high.size, low: low.size, before, after: { skew: stats.skew, kurt: stats.kurt } };
  }
  // Still outlying: the log transform of the original values.
  const shift = first.min - 0.01 * (first.max - first.min);
  for (const r of rows) x[r] = Math.log(x[r] - shift);
  const logged = describeColumn(x, include);
  return { kind: "log", high: 0, low: 0, before, after: { skew: logged.skew, kurt: logged.kurt } };
}
