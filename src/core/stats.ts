/**
 * The statistics of the data audit, each defined as the Excel function an analyst would check it
 * with: COUNT, MIN, MAX, AVERAGE, STDEV.S, SKEW, KURT, CORREL, and Spearman's coefficient as CORREL
 * of RANK.AVG ranks. Where Excel answers #DIV/0! (too few values, a constant column) these answer
 * NaN, which the surfaces show as a blank with its reason: never a number that is not one.
 */

/** One column's description over the rows that have a value (NaN marks no value). */
export interface ColumnStats {
  /** COUNT: rows with a value. */
  readonly count: number;
  /** Rows considered (with or without a value). */
  readonly rows: number;
  /** Share of the rows with a value that are exactly 0. */
  readonly zeroShare: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** STDEV.S: (Σ (x − mean)² / (n − 1))^½; NaN below 2 values. */
  readonly sd: number;
  /** SKEW: n / ((n − 1)(n − 2)) · Σ ((x − mean) / s)³; NaN below 3 values or when s = 0. */
  readonly skew: number;
  /** KURT: n(n + 1) / ((n − 1)(n − 2)(n − 3)) · Σ ((x − mean) / s)⁴ − 3(n − 1)² / ((n − 2)(n − 3)); NaN below 4 values or when s = 0. */
  readonly kurt: number;
}

/** The values of `x` at the rows where `include` is 1 (all rows without it) and `x` is a number. */
export function present(x: ArrayLike<number>, include?: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let r = 0; r < x.length; r++) if ((!include || include[r]) && !Number.isNaN(x[r])) out.push(x[r]);
  return out;
}

/**
 * Describes a column as Excel's functions would over its cells with a value.
 *
 * @example
 * describeColumn([1, 2, 3, 4, 100]).skew // → 2.2287… (=SKEW(1,2,3,4,100))
 */
export function describeColumn(x: ArrayLike<number>, include?: ArrayLike<number>): ColumnStats {
  let rows = 0;
  for (let r = 0; r < x.length; r++) if (!include || include[r]) rows++;
  const v = present(x, include);
  const n = v.length;
  if (n === 0) return { count: 0, rows, zeroShare: NaN, min: NaN, max: NaN, mean: NaN, sd: NaN, skew: NaN, kurt: NaN };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let zeros = 0;
  for (const a of v) {
    sum += a;
    if (a < min) min = a;
    if (a > max) max = a;
    if (a === 0) zeros++;
  }
  const mean = sum / n;
  let m2 = 0;
  for (const a of v) m2 += (a - mean) ** 2;
  const sd = n >= 2 ? Math.sqrt(m2 / (n - 1)) : NaN;
  // A constant column (s = 0, or below rounding of the values' size) has no shape: Excel's #DIV/0!.
  const flat = !(sd > 0) || max - min <= 1e-12 * Math.max(Math.abs(max), Math.abs(min));
  let m3 = 0;
  let m4 = 0;
  if (!flat) {
    for (const a of v) {
      const z = (a - mean) / sd;
      m3 += z ** 3;
      m4 += z ** 4;
    }
  }
  const skew = n >= 3 && !flat ? (n / ((n - 1) * (n - 2))) * m3 : NaN;
  const kurt = n >= 4 && !flat ? ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * m4 - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3)) : NaN;
  return { count: n, rows, zeroShare: zeros / n, min, max, mean, sd, skew, kurt };
}

/** COINr's outlier rule (and the JRC's): |skewness| > 2 and kurtosis > 3.5. */
export const SKEW_LIMIT = 2;
export const KURT_LIMIT = 3.5;

export function isOutlying(s: Pick<ColumnStats, "skew" | "kurt">): boolean {
  return Math.abs(s.skew) > SKEW_LIMIT && s.kurt > KURT_LIMIT;
}

/**
 * CORREL over the rows where both have a value; NaN below 2 such rows or when either is constant.
 *
 * @example
 * pearson([1, 2, 3], [2, 4, 7]) // → 0.9933…
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, include?: ArrayLike<number>): number {
  const [xs, ys] = pairs(x, y, include);
  return correl(xs, ys);
}

/** The values of two columns at the rows where both have one. */
function pairs(x: ArrayLike<number>, y: ArrayLike<number>, include?: ArrayLike<number>): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = 0; r < x.length; r++) {
    if ((include && !include[r]) || Number.isNaN(x[r]) || Number.isNaN(y[r])) continue;
    xs.push(x[r]);
    ys.push(y[r]);
  }
  return [xs, ys];
}

/** Spearman's coefficient: CORREL of the RANK.AVG ranks, over the rows where both have a value. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>, include?: ArrayLike<number>): number {
  const [xs, ys] = pairs(x, y, include);
  return correl(averageRanks(xs), averageRanks(ys));
}

/** RANK.AVG, ascending (the direction does not change a correlation of ranks). */
export function averageRanks(v: readonly number[]): number[] {
  const order = v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
  const ranks = new Array<number>(v.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && v[order[j + 1]] === v[order[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = avg;
    i = j + 1;
  }
  return ranks;
}

function correl(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return NaN;
  // Rounding can take |r| a hair past 1 for collinear columns.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Cronbach's alpha of k columns over the rows where all have a value:
 * α = k / (k − 1) · (1 − Σ VAR.S(column) / VAR.S(row sums)); NaN for fewer than 2 columns or rows,
 * or when the row sums do not vary.
 */
export function cronbachAlpha(columns: readonly ArrayLike<number>[], include?: ArrayLike<number>): number {
  const k = columns.length;
  if (k < 2) return NaN;
  const rows: number[] = [];
  for (let r = 0; r < columns[0].length; r++) if ((!include || include[r]) && columns.every((c) => !Number.isNaN(c[r]))) rows.push(r);
  if (rows.length < 2) return NaN;
  const variance = (v: readonly number[]) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
  };
  const itemVar = columns.reduce((a, c) => a + variance(rows.map((r) => c[r])), 0);
  const totalVar = variance(rows.map((r) => columns.reduce((a, c) => a + c[r], 0)));
  if (!(totalVar > 0)) return NaN;
  return (k / (k - 1)) * (1 - itemVar / totalVar);
}

/**
 * The eigenvalues of a symmetric matrix, largest first, with their unit eigenvectors (cyclic Jacobi
 * rotations; the matrices here are at most 19 × 19).
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  // v accumulates the rotations: its columns are the eigenvectors.
  const v: number[][] = matrix.map((_, i) => matrix.map((__, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = a.map((_, i) => i).sort((x, y) => a[y][y] - a[x][x]);
  return { values: order.map((i) => a[i][i]), vectors: order.map((i) => v.map((row) => row[i])) };
}

/** The eigenvalues of a symmetric matrix, largest first. */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  return symmetricEigen(matrix).values;
}

/**
 * The share of the variance of k columns that their first principal component carries: the
 * largest eigenvalue of their correlation matrix over k. NaN when a correlation is undefined.
 */
export function firstComponentShare(columns: readonly ArrayLike<number>[], include?: ArrayLike<number>): number {
  const k = columns.length;
  if (k < 2) return NaN;
  const corr = columns.map((x, i) => columns.map((y, j) => (i === j ? 1 : pearson(x, y, include))));
  if (corr.some((row) => row.some((v) => Number.isNaN(v)))) return NaN;
  return symmetricEigenvalues(corr)[0] / k;
}
