/**
 * The audit's statistics against independent formulas written here (e1071's type-2 skewness and
 * kurtosis, which are Excel's SKEW and KURT, a two-pass variance, Pearson from sums), known
 * eigenvalues, and a worked Cronbach's alpha. LibreOffice recalculating STDEV.S, SKEW, KURT and
 * CORREL on the same data: stats.libreoffice.test.ts.
 */
import fc from "fast-check";
import { averageRanks, cronbachAlpha, describeColumn, firstComponentShare, isOutlying, pearson, spearman, symmetricEigenvalues } from "../../src/core/stats";
import { treatColumn } from "../../src/core/treat";
import { correlFromSums, kurtType2, skewType2 } from "../helpers/reference-stats";

const column = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 4, maxLength: 60 });

describe("describeColumn", () => {
  it("is COUNT, MIN, MAX, AVERAGE, STDEV.S, SKEW and KURT over the cells with a value", () => {
    const s = describeColumn([1, 2, NaN, 3, 4, 100, 0]);
    expect([s.count, s.rows, s.min, s.max]).toEqual([6, 7, 0, 100]);
    expect(s.mean).toBeCloseTo(110 / 6, 12);
    expect(s.zeroShare).toBeCloseTo(1 / 6, 12);
    const v = [1, 2, 3, 4, 100, 0];
    const m = 110 / 6;
    expect(s.sd).toBeCloseTo(Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / 5), 12);
    expect(s.skew).toBeCloseTo(skewType2(v), 12);
    expect(s.kurt).toBeCloseTo(kurtType2(v), 12);
  });

  it("agrees with the type-2 formulas on any column that varies", () => {
    fc.assert(
      fc.property(column, (v) => {
        const s = describeColumn(v);
        fc.pre(s.sd > 1e-6 * Math.max(1, ...v.map(Math.abs)));
        expect(s.skew).toBeCloseTo(skewType2(v), 6);
        expect(s.kurt).toBeCloseTo(kurtType2(v), 5);
      }),
    );
  });

  it("gives NaN, never a number, where Excel gives #DIV/0!: too few values, a constant column, none", () => {
    expect(describeColumn([5, 5, 5, 5, 5]).skew).toBeNaN();
    expect(describeColumn([5, 5, 5, 5, 5]).kurt).toBeNaN();
    expect(describeColumn([5, 5, 5, 5, 5]).sd).toBe(0);
    expect(describeColumn([1, 2, 3]).kurt).toBeNaN();
    expect(describeColumn([1, 2, 3]).skew).toBeCloseTo(0, 12);
    expect(describeColumn([1, 2]).skew).toBeNaN();
    expect(describeColumn([7]).sd).toBeNaN();
    const none = describeColumn([NaN, NaN]);
    expect([none.count, none.rows, none.mean]).toEqual([0, 2, NaN]);
  });
});

describe("pearson and spearman", () => {
  it("are CORREL, and CORREL of RANK.AVG ranks, over the rows where both have a value", () => {
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(0.9933992678, 10);
    expect(pearson([1, 2, NaN, 3], [2, 4, 100, 7])).toBeCloseTo(0.9933992678, 10);
    // Monotone but not linear: Spearman 1.
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 1000])).toBeCloseTo(1, 12);
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it("equal the textbook sum formula", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 3, maxLength: 40 }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          const r = correlFromSums(x, y);
          fc.pre(Number.isFinite(r));
          expect(pearson(x, y)).toBeCloseTo(r, 9);
        },
      ),
    );
  });
});

describe("cronbachAlpha and firstComponentShare", () => {
  it("match a worked example", () => {
    // Three items over five respondents. Item variances 2.5, 2.5, 0.7 (sum 5.7); row sums 6, 9, 9, 12, 15: variance 11.7.
    const a = [1, 2, 3, 4, 5];
    const b = [2, 3, 1, 4, 5];
    const c = [3, 4, 5, 4, 5];
    expect(cronbachAlpha([a, b, c])).toBeCloseTo(1.5 * (1 - 5.7 / 11.7), 12);
    // Two columns correlated at r: eigenvalues 1 ± r, so the first component carries (1 + r) / 2.
    const r = pearson(a, b);
    expect(firstComponentShare([a, b])).toBeCloseTo((1 + r) / 2, 12);
  });

  it("finds the eigenvalues of a symmetric matrix", () => {
    expect(
      symmetricEigenvalues([
        [2, 1],
        [1, 2],
      ]).map((v) => Number(v.toFixed(10))),
    ).toEqual([3, 1]);
    // The 3 × 3 matrix with 2 on the diagonal and 1 off it: 4, 1, 1.
    const e = symmetricEigenvalues([
      [2, 1, 1],
      [1, 2, 1],
      [1, 1, 2],
    ]);
    expect(e.map((v) => Number(v.toFixed(10)))).toEqual([4, 1, 1]);
    // Any symmetric matrix: the trace is kept, and each eigenvalue λ makes M − λI singular.
    const m = [
      [4, 1, -2, 2],
      [1, 2, 0, 1],
      [-2, 0, 3, -2],
      [2, 1, -2, -1],
    ];
    const values = symmetricEigenvalues(m);
    expect(values.reduce((x, y) => x + y, 0)).toBeCloseTo(8, 10);
    for (const l of values) expect(Math.abs(det(m.map((row, i) => row.map((v, j) => (i === j ? v - l : v)))))).toBeLessThan(1e-8);
  });
});

/** A determinant by Gaussian elimination with partial pivoting. */
function det(m: number[][]): number {
  const a = m.map((r) => [...r]);
  let d = 1;
  for (let i = 0; i < a.length; i++) {
    let p = i;
    for (let r = i + 1; r < a.length; r++) if (Math.abs(a[r][i]) > Math.abs(a[p][i])) p = r;
    if (a[p][i] === 0) return 0;
    if (p !== i) {
      const row = a[p];
      a[p] = a[i];
      a[i] = row;
      d = -d;
    }
    d *= a[i][i];
    for (let r = i + 1; r < a.length; r++) {
      const f = a[r][i] / a[i][i];
      for (let c = i; c < a.length; c++) a[r][c] -= f * a[i][c];
    }
  }
  return d;
}

/** A straightforward re-implementation of COINr's default treatment, written apart from src/core/treat.ts. */
function referenceTreat(v: number[]): { values: number[]; winsorised: number; log: boolean } {
  const outlying = (x: number[]) => Math.abs(skewType2(x)) > 2 && kurtType2(x) > 3.5;
  let x = [...v];
  let count = 0;
  const touched = new Set<number>();
  while (outlying(x) && touched.size < 5) {
    const positive = skewType2(x) >= 0;
    const end = positive ? Math.max(...x) : Math.min(...x);
    const rest = x.filter((a) => a !== end);
    const next = positive ? Math.max(...rest) : Math.min(...rest);
    x = x.map((a, i) => (a === end ? (touched.add(i), next) : a));
    count = touched.size;
  }
  if (!outlying(x)) return { values: x, winsorised: count, log: false };
  const min = Math.min(...v);
  const max = Math.max(...v);
  return { values: v.map((a) => Math.log(a - min + 0.01 * (max - min))), winsorised: 0, log: true };
}

describe("treatColumn", () => {
  const ones = (n: number) => new Uint8Array(n).fill(1);

  it("winsorises COINr's example (1…10, 30, 100) at the high end until it is no longer outlying", () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    expect(isOutlying(describeColumn(v))).toBe(true);
    const x = Float64Array.from(v);
    const t = treatColumn(x, ones(v.length));
    const ref = referenceTreat(v);
    expect([t.kind, t.high, t.low]).toEqual(["winsorised", ref.winsorised, 0]);
    expect([...x]).toEqual(ref.values);
    expect(isOutlying(describeColumn(x))).toBe(false);
  });

  it("takes the log of a column five points cannot fix, and leaves a column that is not outlying alone", () => {
    // A heavy tail of many distinct large values: GMV as it comes.
    const v = Array.from({ length: 60 }, (_, i) => (i < 52 ? 1 + (i % 7) : 10 ** (2 + (i - 52) / 2)));
    const x = Float64Array.from(v);
    const t = treatColumn(x, ones(v.length));
    const ref = referenceTreat(v);
    expect(ref.log).toBe(true);
    expect(t.kind).toBe("log");
    for (let i = 0; i < v.length; i++) expect(x[i]).toBeCloseTo(ref.values[i], 12);
    const plain = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(treatColumn(plain, ones(8)).kind).toBe("none");
    expect([...plain]).toEqual([3, 1, 4, 1, 5, 9, 2, 6]);
  });

  it("agrees with the reference on generated heavy-tailed columns, and only treats the rows included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 12, maxLength: 40 }),
        fc.array(fc.integer({ min: 200, max: 100000 }), { minLength: 1, maxLength: 8 }),
        (body, tail) => {
          const v = [...body, ...tail];
          const x = Float64Array.from([...v, 1e9]);
          const include = ones(x.length);
          include[v.length] = 0;
          const t = treatColumn(x, include);
          const ref = referenceTreat(v);
          expect(t.kind).toBe(ref.log ? "log" : ref.winsorised ? "winsorised" : "none");
          for (let i = 0; i < v.length; i++) expect(x[i]).toBeCloseTo(ref.values[i], 9);
          expect(x[v.length]).toBe(1e9);
        },
      ),
    );
  });
});
