import { UserError } from "../../src/core/errors";
import { computeIndex } from "../../src/core/pipeline";
import {
  DEFAULT_RUNS,
  DEFAULT_SEED,
  DEFAULT_SPREAD,
  getLeaveOneOut,
  getSensitivity,
  MAX_RUNS,
  SensitivityResult,
  startSensitivity,
} from "../../src/core/sensitivity";
import { mulberry32, percentile } from "../../src/core/random";
import { checkWeights, WeightTable, weightTableToCells } from "../../src/core/weights";
import {
  cellNumber,
  FRAMEWORK,
  independentIndex,
  INDICATOR_IDS,
  minMax,
  prng,
  rawIndicatorCells,
  top100Cells,
  TOP100_SUBINDEX_HEADERS,
} from "../helpers/fixtures";

// ---- independent restatements (not from src/core) -----------------------------------------------

/** Competition ranking, largest first (RANK.EQ): 1 + the number of strictly larger scores; NaN stays NaN. */
function rankEq(xs: readonly number[]): number[] {
  return xs.map((x) => (Number.isNaN(x) ? NaN : 1 + xs.filter((y) => y > x).length));
}

/** Excel's PERCENTILE.INC, from its documented definition: the k-th value at rank (n − 1)·p + 1, interpolated. */
function percentileInc(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = (s.length - 1) * p + 1; // 1-based, possibly fractional
  const k = Math.floor(rank);
  return k >= s.length ? s[s.length - 1] : s[k - 1] + (rank - k) * (s[k] - s[k - 1]);
}

/** The sub-index columns of a table with the Top-100 headers, in framework order (goods, supply, viewing, quality, industry). */
function subIndexColumns(cells: readonly (readonly unknown[])[]): number[][] {
  const header = cells[0] as string[];
  return FRAMEWORK.map((d) => cells.slice(1).map((row) => cellNumber(row[header.indexOf(d.zh)])));
}

/**
 * The Monte Carlo analysis as the module documents it, written out again: per run, 5 draws u for
 * the first-level weights (framework order), then 19 for the indicator weights (weight-table
 * order), each weight × (1 + spread·(2u − 1)), renormalised per level; totals; RANK.EQ.
 * `columns` are the 5 sub-index columns, or with `indicators` the 19 scaled indicator columns.
 */
function independentMonteCarlo(columns: number[][], level: "dimension" | "indicator", runs: number, spread: number, seed: number) {
  const u = prng(seed);
  const n = columns[0].length;
  const ranks: number[][] = Array.from({ length: n }, () => []);
  for (let run = 0; run < runs; run++) {
    const dimF = FRAMEWORK.map((d) => d.weight * (1 + spread * (2 * u() - 1)));
    const indF = FRAMEWORK.map((d) => d.indicators.map((i) => i.weight * (1 + spread * (2 * u() - 1))));
    const dimSum = dimF.reduce((s, x) => s + x, 0);
    let k = 0;
    const totals = new Array<number>(n).fill(0);
    FRAMEWORK.forEach((d, di) => {
      const W = dimF[di] / dimSum;
      const indSum = indF[di].reduce((s, x) => s + x, 0);
      for (let r = 0; r < n; r++) {
        const dim = level === "dimension" ? columns[di][r] : d.indicators.reduce((s, _, ii) => s + (indF[di][ii] / indSum) * columns[k + ii][r], 0);
        totals[r] += W * dim;
      }
      k += d.indicators.length;
    });
    rankEq(totals).forEach((rk, r) => ranks[r].push(rk));
  }
  return {
    median: ranks.map((rs) => percentileInc(rs, 0.5)),
    p5: ranks.map((rs) => percentileInc(rs, 0.05)),
    p95: ranks.map((rs) => percentileInc(rs, 0.95)),
  };
}

function weights(edit: (rows: unknown[][]) => void): WeightTable {
  const rows: unknown[][] = weightTableToCells("id").map((r) => [...r]);
  edit(rows);
  const check = checkWeights(rows);
  if (!check.success) throw new Error("test table is invalid");
  return check.table;
}

const TOP100 = top100Cells();
const top100 = () => computeIndex(TOP100);
const list = (xs: Float64Array) => Array.from(xs);

// ---- tests -------------------------------------------------------------------------------------

describe("percentile (PERCENTILE.INC)", () => {
  it("is NaN for no values and the value itself for one", () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(percentile([7], 0.05)).toBe(7);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it("equals Excel's documented example: PERCENTILE.INC({1,2,3,4}, 0.3) = 1.9", () => {
    expect(percentile([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 14);
  });

  it.each([
    // sorted values, p, PERCENTILE.INC worked by hand: h = (n − 1)·p, x[⌊h⌋] + frac(h)·(x[⌊h⌋+1] − x[⌊h⌋])
    [[1, 2, 3, 4], 0.05, 1.15], // h = 0.15
    [[1, 2, 3, 4], 0.5, 2.5], // h = 1.5
    [[1, 2, 3, 4], 0.95, 3.85], // h = 2.85
    [[1, 1, 2, 5, 9], 0.5, 2], // h = 2 exactly: the middle value
    [[1, 1, 2, 5, 9], 0.95, 8.2], // h = 3.8: 5 + 0.8·4
    [[3, 3, 3, 3], 0.05, 3],
    [[2, 10], 0, 2],
    [[2, 10], 1, 10],
  ])("PERCENTILE.INC(%j, %d) = %d", (xs, p, expected) => {
    expect(percentile(xs, p)).toBeCloseTo(expected, 12);
    expect(percentileInc(xs, p)).toBeCloseTo(expected, 12);
  });
});

describe("mulberry32", () => {
  it("is the published generator: the same stream as the test helpers' own copy, in [0, 1)", () => {
    const a = mulberry32(2021);
    const b = prng(2021);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("startSensitivity: options and stepping", () => {
  it("has the documented defaults: 1,000 runs, spread 25%, seed 2021", () => {
    expect([DEFAULT_RUNS, DEFAULT_SPREAD, DEFAULT_SEED, MAX_RUNS]).toEqual([1000, 0.25, 2021, 100_000]);
    const s = getSensitivity(top100());
    expect([s.runs, s.spread, s.seed]).toEqual([1000, 0.25, 2021]);
  });

  it.each([-0.1, 1, 1.5, NaN, Infinity])("refuses spread %d (it must be at least 0 and below 1)", (spread) => {
    expect(() => startSensitivity(top100(), { spread })).toThrow(UserError);
  });

  it("keeps runs a whole number from 1 to 100,000", () => {
    const tiny = computeIndex([[...TOP100_SUBINDEX_HEADERS], [1, 2, 3, 4, 5], [5, 4, 3, 2, 1]]);
    expect(startSensitivity(tiny, { runs: 0 }).total).toBe(1);
    expect(startSensitivity(tiny, { runs: 10.7 }).total).toBe(10);
    expect(startSensitivity(tiny, { runs: 1e9 }).total).toBe(100_000);
  });

  it("does the number of runs asked for, in steps, and only then gives a result", () => {
    const run = startSensitivity(top100(), { runs: 250, seed: 5 });
    expect([run.total, run.completed, run.done]).toEqual([250, 0, false]);
    expect(run.step(100)).toBe(100);
    expect(() => run.result()).toThrow(/not finished/);
    expect(run.step(100)).toBe(200);
    expect(run.step(100)).toBe(250);
    expect([run.completed, run.done]).toEqual([250, true]);
    expect(run.step(100)).toBe(250);
    const stepped = run.result();
    expect(stepped.runs).toBe(250);
    expect(stepped).toEqual(getSensitivity(top100(), { runs: 250, seed: 5 }));
  });
});

describe("getSensitivity: reproducibility", () => {
  it("the same seed gives identical output", () => {
    const a = getSensitivity(top100(), { seed: 42 });
    const b = getSensitivity(top100(), { seed: 42 });
    expect(b).toEqual(a);
  });

  it("a different seed gives different intervals", () => {
    const a = getSensitivity(top100(), { seed: 42 });
    const b = getSensitivity(top100(), { seed: 43 });
    expect(list(b.nominal)).toEqual(list(a.nominal));
    expect([...list(b.median), ...list(b.p5), ...list(b.p95)]).not.toEqual([...list(a.median), ...list(a.p5), ...list(a.p95)]);
  });
});

describe("getSensitivity: sanity", () => {
  const s: SensitivityResult = getSensitivity(top100());

  it("the nominal rank is the RANK.EQ of the computed totals", () => {
    expect(list(s.nominal)).toEqual(rankEq(list(top100().total!)));
  });

  it("every row has 5th percentile ≤ median ≤ 95th percentile, all between 1 and 100", () => {
    const bad = list(s.median)
      .map((m, r) => ({ r, p5: s.p5[r], m, p95: s.p95[r] }))
      .filter(({ p5, m, p95 }) => !(1 <= p5 && p5 <= m && m <= p95 && p95 <= 100));
    expect(bad).toEqual([]);
  });

  it("with spread 0 every interval is the nominal rank", () => {
    const z = getSensitivity(top100(), { spread: 0, runs: 50 });
    expect(list(z.median)).toEqual(list(z.nominal));
    expect(list(z.p5)).toEqual(list(z.nominal));
    expect(list(z.p95)).toEqual(list(z.nominal));
  });

  it("a region that leads every sub-index stays rank 1 in every run, even at spread 99%", () => {
    const cells = [...TOP100, [101, "某省", "某市", "领先区", 100.01, 100.01, 100.01, 100.01, 100.01, 100.01]];
    for (const spread of [0.25, 0.99]) {
      const t = getSensitivity(computeIndex(cells), { spread });
      expect([spread, t.nominal[100], t.p5[100], t.median[100], t.p95[100]]).toEqual([spread, 1, 1, 1, 1]);
      expect(Math.min(...list(t.p5).slice(0, 100))).toBeGreaterThanOrEqual(2);
    }
  });

  it("the report's rank 1 (滨江区) stays first with the defaults: median, 5th and 95th percentile all 1", () => {
    expect([s.nominal[0], s.median[0], s.p5[0], s.p95[0]]).toEqual([1, 1, 1, 1]);
  });

  it("rows without a result (blank, bad value) get NaN and leave the others as they were", () => {
    const cells = [...TOP100.slice(0, 31), TOP100[0].map(() => ""), TOP100[31].map((c, k) => (k === 6 ? "abc" : c)), ...TOP100.slice(32)];
    const t = getSensitivity(computeIndex(cells), { runs: 200 });
    const ref = getSensitivity(computeIndex(TOP100.filter((_, r) => r !== 31)), { runs: 200 });
    for (const k of ["nominal", "median", "p5", "p95"] as const) {
      const got = list(t[k]);
      expect([k, got[30], got[31]]).toEqual([k, NaN, NaN]);
      expect([k, [...got.slice(0, 30), ...got.slice(32)]]).toEqual([k, list(ref[k])]);
    }
  });
});

describe("getSensitivity against an independent recomputation", () => {
  it("sub-index input: 8 regions, 300 runs, spread 40%, seed 9", () => {
    const cells = TOP100.slice(0, 9);
    const got = getSensitivity(computeIndex(cells), { runs: 300, spread: 0.4, seed: 9 });
    const expected = independentMonteCarlo(subIndexColumns(cells), "dimension", 300, 0.4, 9);
    expect({ median: list(got.median), p5: list(got.p5), p95: list(got.p95) }).toEqual(expected);
    expect(expected.p5.some((p, r) => p < expected.p95[r])).toBe(true); // the example is not trivially stable
  });

  it("raw-indicator input: 12 regions, 19 columns scaled min–max, 300 runs, spread 25%, seed 3", () => {
    const cells = rawIndicatorCells(12, 31);
    const header = cells[0] as string[];
    const scaled = FRAMEWORK.flatMap((d) =>
      d.indicators.map((i) =>
        minMax(
          cells.slice(1).map((r) => cellNumber(r[header.indexOf(i.id)])),
          i.direction,
        ),
      ),
    );
    const got = getSensitivity(computeIndex(cells), { runs: 300, spread: 0.25, seed: 3 });
    const expected = independentMonteCarlo(scaled, "indicator", 300, 0.25, 3);
    expect({ median: list(got.median), p5: list(got.p5), p95: list(got.p95) }).toEqual(expected);
    expect(expected.p5.some((p, r) => p < expected.p95[r])).toBe(true); // the example is not trivially stable
  });
});

describe("getSensitivity on raw indicators (19 columns)", () => {
  const raw = rawIndicatorCells(30, 11);

  it("works, and its nominal ranks are those of computeIndex's totals (and of an independent min–max computation)", () => {
    const result = computeIndex(raw);
    const s = getSensitivity(result, { runs: 200 });
    expect(list(s.nominal)).toEqual(rankEq(list(result.total!)));
    expect(list(s.nominal)).toEqual(rankEq(independentIndex(raw).total));
    expect(list(s.median).every((m, r) => s.p5[r] <= m && m <= s.p95[r])).toBe(true);
  });

  it("a region that leads every indicator (lowest return and dispute rates) stays rank 1 in every run", () => {
    const body = raw.slice(1);
    const best = INDICATOR_IDS.map((id, c) => {
      const xs = body.map((r) => cellNumber(r[c]));
      const dir = FRAMEWORK.flatMap((d) => d.indicators).find((i) => i.id === id)!.direction;
      return dir === 1 ? Math.max(...xs) + 1 : Math.min(...xs) - 0.01;
    });
    const s = getSensitivity(computeIndex([...raw, best]), { spread: 0.5 });
    expect([s.nominal[30], s.p5[30], s.median[30], s.p95[30]]).toEqual([1, 1, 1, 1]);
  });

  it("rescale: the nominal ranks follow the rescaled sub-indices, as computeIndex with rescale does", () => {
    const result = computeIndex(raw, { rescale: true });
    const s = getSensitivity(result, { spread: 0 });
    const expected = rankEq(independentIndex(raw, minMax, true).total);
    expect(list(s.nominal)).toEqual(expected);
    expect(list(s.median)).toEqual(expected);
    // Rescaling changes this table's ranking, so the option is not a no-op.
    expect(expected).not.toEqual(rankEq(independentIndex(raw).total));
  });
});

describe("getLeaveOneOut", () => {
  it("gives, per dimension, the mean absolute rank shift when it is dropped (independent recomputation on the Top-100)", () => {
    const cols = subIndexColumns(TOP100);
    const totals = (w: number[]) => cols[0].map((_, r) => w.reduce((s, wk, k) => s + wk * cols[k][r], 0));
    const nominal = rankEq(totals(FRAMEWORK.map((d) => d.weight / 100)));
    const expected = FRAMEWORK.map((d, drop) => {
      const rest = 100 - d.weight;
      const ranks = rankEq(totals(FRAMEWORK.map((e, k) => (k === drop ? 0 : e.weight / rest))));
      return ranks.reduce((s, rk, r) => s + Math.abs(rk - nominal[r]), 0) / ranks.length;
    });
    const got = list(getLeaveOneOut(top100()));
    got.forEach((x, k) => expect([FRAMEWORK[k].id, x]).toEqual([FRAMEWORK[k].id, expect.closeTo(expected[k], 12)]));
  });

  it("is NaN for a dimension whose weight is already 0, and for the only dimension with weight", () => {
    const noIndustry = weights((rows) => rows.slice(18).forEach((r) => (r[2] = 0)));
    const loo = list(getLeaveOneOut(computeIndex(TOP100, { weights: noIndustry })));
    expect(loo[4]).toBeNaN();
    expect(loo.slice(0, 4).every((x) => Number.isFinite(x))).toBe(true);
    const goodsOnly = weights((rows) => rows.slice(5).forEach((r) => (r[2] = 0)));
    const only = list(getLeaveOneOut(computeIndex(TOP100, { weights: goodsOnly })));
    expect(only.every((x) => Number.isNaN(x))).toBe(true);
  });

  it("follows the rescaled sub-indices on raw input with rescale", () => {
    const raw = rawIndicatorCells(25, 4);
    const loo = list(getLeaveOneOut(computeIndex(raw, { rescale: true })));
    const dims = independentIndex(raw, minMax, true).dimensions;
    const cols = FRAMEWORK.map((d) => dims[d.id]);
    const totals = (w: number[]) => cols[0].map((_, r) => w.reduce((s, wk, k) => s + wk * cols[k][r], 0));
    const nominal = rankEq(totals(FRAMEWORK.map((d) => d.weight / 100)));
    const expected = FRAMEWORK.map((d, drop) => {
      const ranks = rankEq(totals(FRAMEWORK.map((e, k) => (k === drop ? 0 : e.weight / (100 - d.weight)))));
      return ranks.reduce((s, rk, r) => s + Math.abs(rk - nominal[r]), 0) / ranks.length;
    });
    loo.forEach((x, k) => expect([k, x]).toEqual([k, expect.closeTo(expected[k], 12)]));
  });
});
