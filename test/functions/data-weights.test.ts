/**
 * LIVEDATAWEIGHTS against the methods written out here apart from src/core/data-weights.ts
 * (entropy, CRITIC, coefficient of variation, equal), on generated data with benefit and cost
 * indicators; properties (sums of 1, row order, spread); and the round trip through
 * LIVECHECKWEIGHTS and LIVEWEIGHTDIFF.
 */
import { Cell, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";
import { FRAMEWORK, INDICATOR_IDS, prng } from "../helpers/fixtures";
import { correlFromSums, sampleSd } from "../helpers/reference-stats";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

const COST = new Set(["return_rate", "dispute_rate"]);

/** 30 regions, all values positive and distinct enough: no missing-data rule comes in. */
function cells(seed = 5, rows = 30): number[][] {
  const rnd = prng(seed);
  return Array.from({ length: rows }, () => INDICATOR_IDS.map((id, c) => (COST.has(id) ? 0.01 + rnd() / 10 : 1 + rnd() * (c + 1) * 10)));
}
const table = (rows: number[][]) => [[...INDICATOR_IDS], ...rows];

/** Scaled to [0, 1], 1 the best. */
function unit(col: number[], cost: boolean): number[] {
  const min = Math.min(...col);
  const max = Math.max(...col);
  return col.map((v) => (cost ? max - v : v - min) / (max - min));
}
const column = (rows: number[][], c: number) => rows.map((r) => r[c]);

/** The reference score of each indicator by a method, written from the textbook formulas. */
function referenceScores(rows: number[][], method: string): number[] {
  const n = rows.length;
  const scaled = INDICATOR_IDS.map((id, c) => unit(column(rows, c), COST.has(id)));
  return INDICATOR_IDS.map((id, c) => {
    if (method === "entropy") {
      const s = scaled[c].reduce((a, b) => a + b, 0);
      const e = -scaled[c].reduce((a, x) => (x === 0 ? a : a + (x / s) * Math.log(x / s)), 0) / Math.log(n);
      return 1 - e;
    }
    if (method === "critic") return sampleSd(scaled[c]) * scaled.reduce((a, other, k) => (k === c ? a : a + 1 - correlFromSums(scaled[c], other)), 0);
    if (method === "cv") {
      const raw = column(rows, c);
      return sampleSd(raw) / (raw.reduce((a, b) => a + b, 0) / n);
    }
    return 1;
  });
}

/** Indicator weights within each dimension from reference scores. */
function referenceWeights(scores: number[]): number[] {
  const out = new Array<number>(19).fill(0);
  let k = 0;
  for (const d of FRAMEWORK) {
    const ids = d.indicators.map((_, j) => k + j);
    const sum = ids.reduce((a, i) => a + scores[i], 0);
    for (const i of ids) out[i] = scores[i] / sum;
    k += d.indicators.length;
  }
  return out;
}

describe("LIVEDATAWEIGHTS", () => {
  it.each(["entropy", "critic", "cv", "equal"])("%s gives the textbook weights within each dimension, and keeps the report's dimension weights", (method) => {
    const rows = cells();
    const out = rt.call("LIVEDATAWEIGHTS", table(rows), method) as Cell[][];
    expect(out).toHaveLength(20);
    const expected = referenceWeights(referenceScores(rows, method));
    out.slice(1).forEach((r, i) => expect([INDICATOR_IDS[i], r[3]]).toEqual([INDICATOR_IDS[i], expect.closeTo(expected[i], 9)]));
    // The report's first-level weights: goods 40%.
    expect(out[1][2]).toBeCloseTo(0.4, 12);
  });

  it("pca gives each dimension's first-component loadings (power iteration written here), normalised", () => {
    const rows = cells(3);
    const out = rt.call("LIVEDATAWEIGHTS", table(rows), "pca") as Cell[][];
    // Viewing: indicators 10, 11, 12 (views, watch time, interactions).
    const cols = [10, 11, 12].map((c) => unit(column(rows, c), false));
    const corr = cols.map((a) => cols.map((b) => (a === b ? 1 : correlFromSums(a, b))));
    let v = [1, 1, 1];
    for (let k = 0; k < 500; k++) {
      const next = corr.map((row) => row.reduce((a, x, j) => a + x * v[j], 0));
      const norm = Math.hypot(...next);
      v = next.map((x) => x / norm);
    }
    const abs = v.map(Math.abs);
    const sum = abs.reduce((a, b) => a + b, 0);
    [10, 11, 12].forEach((c, k) => expect(out[c + 1][3]).toBeCloseTo(abs[k] / sum, 6));
    // Two indicators (industry): whatever their correlation, equal loadings.
    expect([out[18][3], out[19][3]]).toEqual([expect.closeTo(0.5, 9), expect.closeTo(0.5, 9)]);
  });

  it("with levels both, weighs each dimension by the sum of its indicators' entropy weights over all 19", () => {
    const rows = cells(8);
    const scores = referenceScores(rows, "entropy");
    const total = scores.reduce((a, b) => a + b, 0);
    const out = rt.call("LIVEDATAWEIGHTS", table(rows), "entropy", "both") as Cell[][];
    // Goods: the first four indicators.
    expect(out[1][2]).toBeCloseTo((scores[0] + scores[1] + scores[2] + scores[3]) / total, 9);
  });

  it("weights sum to 1 per level, ignore the order of the rows, and follow spread", () => {
    const rows = cells(11);
    const weights = (t: unknown[][], m = "entropy") => (rt.call("LIVEDATAWEIGHTS", t, m, "both") as Cell[][]).slice(1);
    const w = weights(table(rows));
    let k = 0;
    for (const d of FRAMEWORK) {
      const sum = w.slice(k, k + d.indicators.length).reduce((a, r) => a + (r[3] as number), 0);
      expect(sum).toBeCloseTo(1, 9);
      k += d.indicators.length;
    }
    expect(FRAMEWORK.reduce((a, _, i) => a + (w[FRAMEWORK.slice(0, i).reduce((x, d) => x + d.indicators.length, 0)][2] as number), 0)).toBeCloseTo(1, 9);
    expect(weights(table([...rows].reverse()))).toEqual(w);
    // One region far above the others in streamer_gmv: its scaled values are mostly near 0, its entropy low, its weight larger.
    const spiky = rows.map((r, i) => r.map((v, c) => (c === 0 ? (i === 0 ? 1000 : 1 + i / 100) : v)));
    expect(weights(table(spiky))[0][3] as number).toBeGreaterThan(w[0][3] as number);
  });

  it("passes LIVECHECKWEIGHTS and shows its differences in LIVEWEIGHTDIFF", () => {
    const w = rt.call("LIVEDATAWEIGHTS", table(cells()), "critic") as Cell[][];
    expect(rt.call("LIVEINDEX", table(cells()), w)).toBeDefined();
    // No finding at all, or rounding warnings only: never an error.
    const check = rt.call("LIVECHECKWEIGHTS", w) as Cell[][];
    expect(check.every((r) => r[0] === "OK" || String(r[0]).toLowerCase() === "warning")).toBe(true);
    const diff = rt.call("LIVEWEIGHTDIFF", w) as Cell[][];
    expect(diff.length).toBeGreaterThan(1);
  });

  it("refuses sub-index input, a mean of 0 or less for cv, and an unknown method; a constant indicator weighs 0", () => {
    const sub = rt.call("LIVEDATAWEIGHTS", [
      ["直播商品消费指数", "直播内容供给指数", "直播内容消费指数", "直播质量指数", "产业促进指数"],
      [1, 2, 3, 4, 5],
      [2, 3, 4, 5, 6],
    ]);
    expect(isCustomFunctionError(sub) && sub.message).toContain("need the raw indicators");
    const negative = cells().map((r) => r.map((v, c) => (c === 1 ? -v : v)));
    const cv = rt.call("LIVEDATAWEIGHTS", table(negative), "cv");
    expect(isCustomFunctionError(cv) && cv.message).toContain("needs positive indicators");
    const bad = rt.call("LIVEDATAWEIGHTS", table(cells()), "topsis");
    expect(isCustomFunctionError(bad) && bad.message).toContain('Argument "method" cannot be "topsis"');
    const flat = cells().map((r) => r.map((v, c) => (c === 2 ? 7 : v)));
    expect((rt.call("LIVEDATAWEIGHTS", table(flat)) as Cell[][])[3][3]).toBe(0);
  });
});
