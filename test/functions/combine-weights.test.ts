/**
 * LIVECOMBINEWEIGHTS (组合赋权) against the linear and product rules written out here, level by
 * level, from the printed weight table and LIVEDATAWEIGHTS' output; its round trip through
 * LIVECHECKWEIGHTS; desktop's blank alpha cell; and what it says of bad arguments.
 */
import { Cell, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";
import { FRAMEWORK, rawIndicatorCells } from "../helpers/fixtures";
import { installFakeExcel } from "../fakes/fake-excel";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

/** The printed table's weights as fractions: each indicator's dimension weight and its weight within the dimension. */
const REPORT = FRAMEWORK.flatMap((d) => {
  const sum = d.indicators.reduce((s, i) => s + i.weight, 0);
  return d.indicators.map((i) => ({ dimension: d.weight / 100, indicator: i.weight / sum }));
});
const weightsOf = (t: Cell[][]) => t.slice(1).map((r) => ({ dimension: r[2] as number, indicator: r[3] as number }));
/** One value per dimension, from the rows of a table (the first row of each dimension). */
const perDimension = (rows: { dimension: number }[]) => {
  let k = 0;
  return FRAMEWORK.map((d) => {
    const v = rows[k].dimension;
    k += d.indicators.length;
    return v;
  });
};

describe("LIVECOMBINEWEIGHTS", () => {
  const data = rawIndicatorCells(40, 77);
  const entropy = () => rt.call("LIVEDATAWEIGHTS", data, "entropy", "both") as Cell[][];

  it("linear: α·w1 + (1 − α)·w2 at each level, α = 0.5 by default and 60% taken", () => {
    const e = weightsOf(entropy());
    for (const [alpha, a] of [
      [null, 0.5],
      ["60%", 0.6],
      [0.25, 0.25],
    ] as const) {
      const out = rt.call("LIVECOMBINEWEIGHTS", rt.call("LIVEWEIGHTS") as Cell[][], entropy(), alpha, null) as Cell[][];
      expect(out[0]).toEqual((rt.call("LIVEWEIGHTS", "en") as Cell[][])[0]);
      weightsOf(out).forEach((w, i) => {
        expect(w.dimension).toBeCloseTo(a * REPORT[i].dimension + (1 - a) * e[i].dimension, 11);
        expect(w.indicator).toBeCloseTo(a * REPORT[i].indicator + (1 - a) * e[i].indicator, 11);
      });
    }
  });

  it("product: w1·w2 normalised at each level (within each dimension for the indicators)", () => {
    const e = weightsOf(entropy());
    const out = weightsOf(rt.call("LIVECOMBINEWEIGHTS", rt.call("LIVEWEIGHTS") as Cell[][], entropy(), null, "product") as Cell[][]);
    const dimProducts = perDimension(REPORT).map((x, d) => x * perDimension(e)[d]);
    const dimSum = dimProducts.reduce((a, b) => a + b, 0);
    let k = 0;
    FRAMEWORK.forEach((d, di) => {
      const ids = d.indicators.map((_, j) => k + j);
      const sum = ids.reduce((s, i) => s + REPORT[i].indicator * e[i].indicator, 0);
      for (const i of ids) {
        expect(out[i].dimension).toBeCloseTo(dimProducts[di] / dimSum, 12);
        expect(out[i].indicator).toBeCloseTo((REPORT[i].indicator * e[i].indicator) / sum, 12);
      }
      k += d.indicators.length;
    });
  });

  it("gives a table that LIVECHECKWEIGHTS passes, whose weights sum to 1 at each level", () => {
    const out = rt.call("LIVECOMBINEWEIGHTS", rt.call("LIVEWEIGHTS") as Cell[][], entropy(), 0.3, "乘法") as Cell[][];
    expect(rt.call("LIVECHECKWEIGHTS", out)).toEqual([["OK"]]);
    // Shown to 12 digits (weightTableToCells removes binary noise): the five sum to 1 within 5 × 10⁻¹².
    expect(perDimension(weightsOf(out)).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("takes desktop's 0 from a blank alpha cell as the default, and a 0 typed in the formula as all of weights2", async () => {
    const office = (globalThis as { Office?: unknown }).Office;
    try {
      installFakeExcel(globalThis, { sheets: [{ name: "Options", cells: [[""]], at: "H1" }] });
      Object.assign(globalThis, { Office: office });
      const half = rt.call("LIVECOMBINEWEIGHTS", rt.call("LIVEWEIGHTS") as Cell[][], entropy(), null, null);
      expect(await rt.callAsync({ addresses: [null, null, "Options!H1", null] }, "LIVECOMBINEWEIGHTS", rt.call("LIVEWEIGHTS"), entropy(), 0, null)).toEqual(
        half,
      );
      const zero = weightsOf(rt.call("LIVECOMBINEWEIGHTS", rt.call("LIVEWEIGHTS") as Cell[][], entropy(), 0, null) as Cell[][]);
      weightsOf(entropy()).forEach((w, i) => expect(zero[i].indicator).toBeCloseTo(w.indicator, 12));
    } finally {
      Object.assign(globalThis, { Office: office });
    }
  });

  it("says what is wrong: an alpha outside 0–1, an unknown rule, a product with nothing in common", () => {
    const report = rt.call("LIVEWEIGHTS") as Cell[][];
    const big = rt.call("LIVECOMBINEWEIGHTS", report, report, 1.5, null);
    expect(isCustomFunctionError(big) && big.message).toContain('Argument "alpha" cannot be 1.5');
    const rule = rt.call("LIVECOMBINEWEIGHTS", report, report, null, "mean");
    expect(isCustomFunctionError(rule) && rule.message).toContain('Argument "rule" cannot be "mean". Use one of: linear, product.');
    // Goods only in one table, every other dimension only in the other: their products are all 0.
    const only = (keep: (d: number) => boolean) =>
      report.map((r, i) => (i === 0 ? r : [r[0], r[1], keep(FRAMEWORK.findIndex((d) => d.zh === r[0])) ? r[2] : 0, r[3]]));
    const none = rt.call(
      "LIVECOMBINEWEIGHTS",
      only((d) => d === 0),
      only((d) => d !== 0),
      null,
      "product",
    );
    expect(isCustomFunctionError(none) && none.message).toContain("The product leaves every weight of the first level at 0");
  });
});
