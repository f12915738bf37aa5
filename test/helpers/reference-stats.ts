/**
 * Reference statistics written apart from src/core/stats.ts, by other formulas, for the tests to
 * check it against: e1071's type-2 skewness and kurtosis (the same quantities as Excel's SKEW and
 * KURT), a two-pass STDEV.S, and Pearson's r from sums.
 */

export function mean(v: readonly number[]): number {
  return v.reduce((a, b) => a + b, 0) / v.length;
}

/** STDEV.S, two passes. */
export function sampleSd(v: readonly number[]): number {
  const m = mean(v);
  return Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / (v.length - 1));
}

/** e1071::skewness(type = 2), Excel's SKEW. */
export function skewType2(v: readonly number[]): number {
  const n = v.length;
  const m = mean(v);
  const d = v.map((x) => x - m);
  const y = (Math.sqrt(n) * d.reduce((a, x) => a + x ** 3, 0)) / d.reduce((a, x) => a + x ** 2, 0) ** 1.5;
  return (y * Math.sqrt(n * (n - 1))) / (n - 2);
}

/** e1071::kurtosis(type = 2), Excel's KURT. */
export function kurtType2(v: readonly number[]): number {
  const n = v.length;
  const m = mean(v);
  const d = v.map((x) => x - m);
  const r = (n * d.reduce((a, x) => a + x ** 4, 0)) / d.reduce((a, x) => a + x ** 2, 0) ** 2;
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}

/** Pearson's r from sums (CORREL); NaN when a column is constant. */
export function correlFromSums(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const sx = x.reduce((a, b) => a + b, 0);
  const sy = y.reduce((a, b) => a + b, 0);
  const sxy = x.reduce((a, b, i) => a + b * y[i], 0);
  const sxx = x.reduce((a, b) => a + b * b, 0);
  const syy = y.reduce((a, b) => a + b * b, 0);
  const den = Math.sqrt(n * sxx - sx * sx) * Math.sqrt(n * syy - sy * sy);
  return den > 0 ? (n * sxy - sx * sy) / den : NaN;
}
