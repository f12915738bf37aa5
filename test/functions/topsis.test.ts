/**
 * LIVETOPSIS and the options' `aggregate` (geometric, topsis) against computations written here
 * apart from src/core/topsis.ts and src/core/aggregate.ts: the textbook TOPSIS (vector
 * normalisation, weighted, cost ideal at the minimum), the weighted geometric mean with its floor,
 * and properties (closeness in [0, 100], 100 for the region best on every column, geometric ≤
 * arithmetic, row order).
 */
import { Cell, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";
import { FRAMEWORK, INDICATOR_IDS, independentIndex, prng, top100Cells } from "../helpers/fixtures";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

const COST = new Set(["return_rate", "dispute_rate"]);
/** Each indicator's effective weight (first level × second level), from the printed table. */
const EFFECTIVE = FRAMEWORK.flatMap((d) => d.indicators.map((i) => (d.weight / 100) * (i.weight / d.indicators.reduce((s, x) => s + x.weight, 0))));

/** 25 regions of positive raw values, benefit and cost indicators. */
function rawRows(seed = 11, rows = 25): number[][] {
  const rnd = prng(seed);
  return Array.from({ length: rows }, () => INDICATOR_IDS.map((id, c) => (COST.has(id) ? 0.01 + rnd() / 10 : 1 + rnd() * (c + 2) * 7)));
}
const table = (rows: number[][]) => [[...INDICATOR_IDS], ...rows];
const values = (out: Cell[][]) => out.slice(1).map((r) => r[0] as number);

/** The textbook TOPSIS (Hwang & Yoon 1981), written out: closeness per row, in [0, 1]. */
function referenceTopsis(rows: number[][], weights: number[], benefit: boolean[]): number[] {
  const k = weights.length;
  const norm = Array.from({ length: k }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + r[j] ** 2, 0)));
  const v = rows.map((r) => r.map((x, j) => (weights[j] * x) / norm[j]));
  const best = Array.from({ length: k }, (_, j) => (benefit[j] ? Math.max : Math.min)(...v.map((r) => r[j])));
  const worst = Array.from({ length: k }, (_, j) => (benefit[j] ? Math.min : Math.max)(...v.map((r) => r[j])));
  return v.map((r) => {
    const dp = Math.sqrt(r.reduce((s, x, j) => s + (x - best[j]) ** 2, 0));
    const dm = Math.sqrt(r.reduce((s, x, j) => s + (x - worst[j]) ** 2, 0));
    return dm / (dp + dm);
  });
}

describe("LIVETOPSIS", () => {
  it("is the textbook TOPSIS on raw indicators: vector normalisation, weights W × w, cost indicators' ideal at the minimum", () => {
    const rows = rawRows();
    const out = rt.call("LIVETOPSIS", table(rows)) as Cell[][];
    expect(out[0]).toEqual(["TOPSIS closeness"]);
    const expected = referenceTopsis(
      rows,
      EFFECTIVE,
      INDICATOR_IDS.map((id) => !COST.has(id)),
    );
    values(out).forEach((x, r) => expect(x).toBeCloseTo(100 * expected[r], 10));
  });

  it("gives closeness from 0 to 100, 100 to a region best on every column, and ignores the order of the rows", () => {
    const rows = rawRows(3);
    // Best on every column: the largest benefit value and the smallest cost value of all.
    rows.push(INDICATOR_IDS.map((id, c) => (COST.has(id) ? 0.001 : Math.max(...rows.map((r) => r[c])) + 1)));
    const out = values(rt.call("LIVETOPSIS", table(rows)) as Cell[][]);
    for (const x of out) expect(x >= 0 && x <= 100).toBe(true);
    expect(out[out.length - 1]).toBe(100);
    const reversed = values(rt.call("LIVETOPSIS", table([...rows].reverse())) as Cell[][]);
    reversed.reverse().forEach((x, r) => expect(x).toBeCloseTo(out[r], 12));
  });

  it("takes weights (entropy TOPSIS: LIVEDATAWEIGHTS of the same data) and the sub-index level", () => {
    const rows = rawRows(7);
    const w = rt.call("LIVEDATAWEIGHTS", table(rows)) as Cell[][];
    const effective = w.slice(1).map((r) => (r[2] as number) * (r[3] as number));
    const out = values(rt.call("LIVETOPSIS", table(rows), w) as Cell[][]);
    const expected = referenceTopsis(
      rows,
      effective,
      INDICATOR_IDS.map((id) => !COST.has(id)),
    );
    out.forEach((x, r) => expect(x).toBeCloseTo(100 * expected[r], 10));

    // Sub-index input: the five columns, all higher-is-better, weighted with the first-level weights.
    const top = top100Cells();
    const sub = top.slice(1).map((r) => [4, 5, 6, 7, 8].map((c) => (r[c] === "-" ? 0 : (r[c] as number))));
    const dimWeights = [0.25, 0.15, 0.4, 0.15, 0.05]; // supply, viewing, goods, quality, industry: the Top-100 order
    const ref = referenceTopsis(sub, dimWeights, [true, true, true, true, true]);
    values(rt.call("LIVETOPSIS", top) as Cell[][]).forEach((x, r) => expect(x).toBeCloseTo(100 * ref[r], 10));
  });

  it("says what is wrong with its arguments", () => {
    const r = rt.call("LIVETOPSIS", table(rawRows()), null, [["aggregate=median"]]);
    expect(isCustomFunctionError(r) && r.message).toContain('Argument "aggregation (aggregate)" cannot be "median". Use one of: mean, geometric, topsis.');
  });
});

describe("the options' aggregate", () => {
  const top = top100Cells();
  const sub = top.slice(1).map((r) => [4, 5, 6, 7, 8].map((c) => (r[c] === "-" ? 0 : (r[c] as number))));
  const dimWeights = [0.25, 0.15, 0.4, 0.15, 0.05];

  it("geometric: Π max(D, 1)^W per region, never above the arithmetic mean of the same (floored) sub-indices", () => {
    const out = values(rt.call("LIVEINDEX", top, null, null, null, [["aggregate=geometric"]]) as Cell[][]);
    sub.forEach((d, r) => {
      const floored = d.map((x) => Math.max(x, 1));
      const geometric = Math.exp(floored.reduce((s, x, j) => s + dimWeights[j] * Math.log(x), 0));
      expect(out[r]).toBeCloseTo(geometric, 9);
      expect(out[r]).toBeLessThanOrEqual(floored.reduce((s, x, j) => s + dimWeights[j] * x, 0) + 1e-9);
    });
    // Less compensation: a region without an industry-promotion score loses ground to those with one.
    const arithmetic = values(rt.call("LIVEINDEX", top) as Cell[][]);
    expect(out.some((x, r) => Math.abs(x - arithmetic[r]) > 1)).toBe(true);
  });

  it("geometric on raw indicators takes the arithmetic sub-indices (as LIVESUBINDEX gives them) and refuses z-scores", () => {
    const raw = table(rawRows(5));
    const ind = independentIndex(raw);
    const out = values(rt.call("LIVEINDEX", raw, null, null, null, [["aggregate", "几何平均"]]) as Cell[][]);
    out.forEach((x, r) => {
      const g = Math.exp(FRAMEWORK.reduce((s, d) => s + (d.weight / 100) * Math.log(Math.max(ind.dimensions[d.id][r], 1)), 0));
      expect(x).toBeCloseTo(g, 9);
    });
    const z = rt.call("LIVEINDEX", raw, null, [["zscore"]], null, [["aggregate=geometric"]]);
    expect(isCustomFunctionError(z) && z.message).toContain("The geometric mean needs scores on a 0–100 scale");
  });

  it("geometric floors a negative sub-index (a falling growth rate under max scaling) at 1 instead of failing", () => {
    // streamer_gmv_growth: half of the regions falling far (−20 × the largest rise), which max scaling makes a large negative score.
    const base = rawRows(13);
    const top = Math.max(...base.map((r) => r[1]));
    const rows = base.map((r, k) => r.map((x, c) => (c === 1 && k % 2 ? -20 * top : x)));
    const out = values(rt.call("LIVEINDEX", table(rows), null, [["max"]], null, [["aggregate=geometric"]]) as Cell[][]);
    const goods = values(rt.call("LIVESUBINDEX", table(rows), "goods", null, [["max"]]) as Cell[][]);
    expect(goods.some((g) => g < 0)).toBe(true);
    const dims = ["goods", "supply", "viewing", "quality", "industry"].map((d) => values(rt.call("LIVESUBINDEX", table(rows), d, null, [["max"]]) as Cell[][]));
    const w = [0.4, 0.25, 0.15, 0.15, 0.05];
    out.forEach((x, r) => expect(x).toBeCloseTo(Math.exp(dims.reduce((s, d, j) => s + w[j] * Math.log(Math.max(d[r], 1)), 0)), 9));
  });

  it("topsis: the closeness × 100 over the sub-indices as they are, weighted with the first-level weights", () => {
    const out = values(rt.call("LIVEINDEX", top, null, null, null, [["aggregate=TOPSIS"]]) as Cell[][]);
    // No normalisation: the sub-indices are already on one scale, and closeness does not change with a common factor.
    const v = sub.map((d) => d.map((x, j) => dimWeights[j] * x));
    const best = [0, 1, 2, 3, 4].map((j) => Math.max(...v.map((r) => r[j])));
    const worst = [0, 1, 2, 3, 4].map((j) => Math.min(...v.map((r) => r[j])));
    v.forEach((row, r) => {
      const dp = Math.hypot(...row.map((x, j) => x - best[j]));
      const dm = Math.hypot(...row.map((x, j) => x - worst[j]));
      expect(out[r]).toBeCloseTo((100 * dm) / (dp + dm), 9);
    });
  });

  it("topsis on raw input works on the min–max scaled indicators with the effective weights", () => {
    const rows = rawRows(9);
    const out = values(rt.call("LIVEINDEX", table(rows), null, null, null, [["aggregate=topsis"]]) as Cell[][]);
    // Scaled 0–100 by direction, then TOPSIS with every column higher-is-better.
    const scaled = rows.map((r) => r.slice());
    INDICATOR_IDS.forEach((id, c) => {
      const col = rows.map((r) => r[c]);
      const lo = Math.min(...col);
      const hi = Math.max(...col);
      rows.forEach((r, k) => (scaled[k][c] = COST.has(id) ? (100 * (hi - r[c])) / (hi - lo) : (100 * (r[c] - lo)) / (hi - lo)));
    });
    const v = scaled.map((r) => r.map((x, j) => EFFECTIVE[j] * x));
    const best = EFFECTIVE.map((_, j) => Math.max(...v.map((r) => r[j])));
    const worst = EFFECTIVE.map((_, j) => Math.min(...v.map((r) => r[j])));
    v.forEach((row, r) => {
      const dp = Math.hypot(...row.map((x, j) => x - best[j]));
      const dm = Math.hypot(...row.map((x, j) => x - worst[j]));
      expect(out[r]).toBeCloseTo((100 * dm) / (dp + dm), 9);
    });
  });

  it("LIVESENSITIVITY re-weights with the same rule: at spread 0 its ranks are RANKDISTRICT of the geometric totals", () => {
    const opts = [["aggregate=geometric"]];
    const totals = rt.call("LIVEINDEX", top, null, null, null, opts) as Cell[][];
    const ranks = (rt.call("RANKDISTRICT", totals) as Cell[][]).slice(1).map((r) => r[0]);
    const s = rt.call("LIVESENSITIVITY", top, null, 20, 0, 1, opts) as Cell[][];
    expect(s.slice(1).map((r) => r[0])).toEqual(ranks);
    expect(s.slice(1).map((r) => r[2])).toEqual(ranks);
  });
});
