/**
 * The benchmark's code at tiny sizes, so that it cannot rot: every measurement runs and gives a
 * finite time, the floor and the spreadsheet formulas compute what the engine computes. No time
 * is asserted.
 */
import {
  benchEngine,
  benchHyperFormula,
  benchSensitivity,
  benchSobol,
  JS_KERNELS,
  benchSyncs,
  floorAgreesWithEngine,
  floorSubIndexRank,
  median,
  rawTable,
  spreadsheetFormulas,
  subIndexTable,
} from "../../bench/cases";
import { computeIndex } from "../../src/core/pipeline";
import { dimensionIndex, TOP100_DIMENSION_ORDER } from "../../src/core/framework";
import { REPORT_WEIGHT_TABLE } from "../../src/core/weights";
import { rankDistricts } from "../../src/core/rank-districts";
import { BUILD_TIMEOUT_MS, ensureBuilt, loadExcelRuntime } from "../helpers/excel-runtime";

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

describe("the benchmark's helpers", () => {
  it("takes the median of odd and even lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("generates tables of the asked size with a header row", () => {
    expect(rawTable(7)).toHaveLength(8);
    expect(rawTable(7)[1]).toHaveLength(19);
    expect(subIndexTable(5)[0]).toEqual(["直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"]);
  });
});

describe("the measurements at tiny sizes", () => {
  it("times the engine through the bundle and its floor in turns, for raw indicators and sub-indices", () => {
    const rows = benchEngine(loadExcelRuntime(), [50], 3);
    expect(rows.map((r) => [r.group, r.size, r.name.includes("5 sub")])).toEqual([
      ["engine", 50, false],
      ["floor", 50, false],
      ["engine", 50, true],
      ["floor", 50, true],
    ]);
    expect(rows.every((r) => Number.isFinite(r.ms) && Number.isFinite(r.nsPerValue!))).toBe(true);
    expect(rows.filter((r) => r.group === "engine").every((r) => r.floorRatio! > 0 && Number.isFinite(r.floorRatio!))).toBe(true);
  });

  it("has a floor that computes the engine's totals", () => {
    expect(floorAgreesWithEngine(3000)).toBe(true);
  });

  it("writes spreadsheet formulas that HyperFormula evaluates to the engine's totals and ranks", () => {
    const { HyperFormula } = require("hyperformula") as typeof import("hyperformula");
    const n = 30;
    const sheet = spreadsheetFormulas(n, (row, m) => `=COUNTIF($F$2:$F$${m + 1},">"&F${row})+1`);
    const hf = HyperFormula.buildFromArray(sheet as never, { licenseKey: "gpl-v3" });
    const values = hf.getSheetValues(0);
    hf.destroy();
    const engine = computeIndex(subIndexTable(n)).total!;
    const ranks = rankDistricts(engine);
    for (let r = 0; r < n; r++) {
      expect(values[r + 1][5] as number).toBeCloseTo(engine[r], 9);
      expect(values[r + 1][6]).toBe(ranks[r]);
    }
    const row = benchHyperFormula([20], 1)[0];
    expect([Number.isFinite(row.ms), row.note]).toEqual([true, undefined]);
  });

  it("counts the syncs of writing a ranked sheet", async () => {
    const rows = await benchSyncs([100]);
    expect(rows.map((r) => r.note)).toEqual([expect.stringMatching(/^4 syncs, /), expect.stringMatching(/^4 syncs, /)]);
  });

  it("times the Monte Carlo analysis (1,000 and 10,000 runs) and the Sobol analysis with both kernels, and the sub-index floor", () => {
    const rows = benchSensitivity([50], 1);
    expect(rows.map((r) => [r.size, r.name.match(/[\d,]+ runs/)?.[0], r.name.endsWith(JS_KERNELS)])).toEqual([
      [100, "1,000 runs", false],
      [50, "1,000 runs", false],
      [50, "1,000 runs", true],
      [50, "10,000 runs", false],
      [50, "10,000 runs", true],
    ]);
    expect(rows.every((r) => Number.isFinite(r.ms))).toBe(true);
    const sobol = benchSobol(40, 10, 1);
    expect(sobol.map((r) => [r.group, r.size, r.name.includes("70 runs"), r.name.endsWith(JS_KERNELS)])).toEqual([
      ["assumptions", 40, true, false],
      ["assumptions", 40, true, true],
    ]);
    // The sub-index floor ranks as the engine does: the same ranks as RANKDISTRICT of LIVEINDEX on the same table.
    const cells = subIndexTable(200);
    const weights = TOP100_DIMENSION_ORDER.map((id) => REPORT_WEIGHT_TABLE.dimensions[dimensionIndex(id)]);
    const cols = weights.map((_, c) => Float64Array.from({ length: 200 }, (__, r) => Number(cells[r + 1][c])));
    expect(Array.from(floorSubIndexRank(cols, weights))).toEqual(Array.from(rankDistricts(computeIndex(cells).total)));
  });
});
