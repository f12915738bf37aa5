/**
 * LIVESTATS, LIVECORR and LIVECOHERENCE, and the options argument, as Excel calls them (from the
 * source). The statistics are checked against formulas written here (a two-pass STDEV.S, SKEW
 * and KURT by the e1071 formulas, CORREL from sums), not against the code's own output; LibreOffice
 * recalculating the same statistics: test/files/stats.libreoffice.test.ts.
 */
import { Cell, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";
import { INDICATOR_IDS, rawIndicatorCells, top100Cells, TOP100_SUBINDEX_HEADERS } from "../helpers/fixtures";
import { correlFromSums, sampleSd, skewType2 } from "../helpers/reference-stats";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

const numbers = (cells: readonly unknown[]): number[] => cells.map((c) => (typeof c === "number" ? c : 0));

describe("LIVESTATS", () => {
  it("gives per indicator the values STDEV.S, SKEW, MIN, MAX and AVERAGE give over its column", () => {
    const cells = rawIndicatorCells(30, 7);
    const out = rt.call("LIVESTATS", cells) as Cell[][];
    expect(out[0]).toEqual([
      "Indicator",
      "Regions with data",
      "Coverage",
      "Share of zeros",
      "Min",
      "Max",
      "Mean",
      "SD (STDEV.S)",
      "Skewness (SKEW)",
      "Kurtosis (KURT)",
      "Flags",
    ]);
    expect(out).toHaveLength(20);
    INDICATOR_IDS.forEach((id, k) => {
      // "-" cells are none: 0 by the report's rule (0 for a less-is-better rate is missing: the worst value).
      const raw = cells.slice(1).map((r) => r[k]);
      // Rows in the weight table's order, as the ids.
      const row = out[k + 1];
      const direction = ["return_rate", "dispute_rate"].includes(id) ? -1 : 1;
      const known = raw.filter((v) => typeof v === "number" && !(direction === -1 && v === 0)) as number[];
      const filled = direction === 1 ? numbers(raw) : raw.map((v) => (typeof v === "number" && v !== 0 ? v : Math.max(...known)));
      // A value of its own: not "-", blank or 0 (Excel desktop's blank); yes/no indicators (有/无) always have one.
      const own = ["policy", "bases"].includes(id) ? raw.length : raw.filter((v) => typeof v === "number" && v !== 0).length;
      expect([id, row[1]]).toEqual([id, own]);
      expect(row[4]).toBeCloseTo(Math.min(...filled), 9);
      expect(row[5]).toBeCloseTo(Math.max(...filled), 9);
      expect(row[6]).toBeCloseTo(filled.reduce((a, b) => a + b, 0) / filled.length, 6);
      expect(row[7]).toBeCloseTo(sampleSd(filled), 6);
      expect(row[8]).toBeCloseTo(skewType2(filled), 9);
    });
  });

  it("names its columns in Chinese when Excel's language is Chinese, and blanks what cannot be computed", () => {
    const out = rt.callWith({ lang: "zh-CN" }, "LIVESTATS", [[...TOP100_SUBINDEX_HEADERS], [1, 1, 1, 1, 1], [1, 2, 3, 4, 5], [1, 3, 5, 7, 9]]) as Cell[][];
    expect(out[0][0]).toBe("分指数");
    const supply = out.find((r) => r[0] === "直播内容供给指数")!;
    // A constant column: no skewness or kurtosis, and why.
    expect([supply[8], supply[9]]).toEqual(["", ""]);
    expect(supply[10]).toContain("常数列");
    for (const row of out) for (const c of row) expect(isCustomFunctionError(c) || Number.isNaN(c)).toBe(false);
  });
});

describe("LIVESTATS: edge cases", () => {
  it("follows with the statistics after the treatment when options treat outliers", () => {
    const cells = rawIndicatorCells(30, 7);
    const gmv = INDICATOR_IDS.indexOf("streamer_gmv");
    cells.slice(1).forEach((row, r) => (row[gmv] = r < 3 ? 1e12 * (r + 1) : 1e6 + r));
    const out = rt.call("LIVESTATS", cells, [["treat=winsorise"]]) as Cell[][];
    expect(out).toHaveLength(20 + 1 + 1 + 20);
    // The header and 19 rows, a blank row, the title, the header and 19 rows again.
    expect(out[20]).toEqual(new Array(11).fill(""));
    expect(out[21][0]).toBe("After outlier treatment");
    expect(out[22]).toEqual(out[0]);
    // GMV flagged before, not after.
    expect(String(out[1][10])).toContain("outlier");
    expect(String(out[23][10])).not.toContain("outlier");
  });

  it("answers one data row with blanks and their reason, not an error", () => {
    const out = rt.call("LIVESTATS", [[...TOP100_SUBINDEX_HEADERS], [1, 2, 3, 4, 5]]) as Cell[][];
    expect(out).toHaveLength(6);
    for (const row of out.slice(1)) {
      expect([row[1], row[6], row[7], row[8], row[9]]).toEqual([1, row[4], "", "", ""]);
      expect(String(row[10])).toContain("too few values");
    }
  });
});

describe("LIVECORR", () => {
  it("at the dimension level is CORREL between the sub-indices and the total", () => {
    const cells = top100Cells();
    const out = rt.call("LIVECORR", cells, null, null, "dimension") as Cell[][];
    expect(out).toHaveLength(7);
    expect(out[0][6]).toBe("Total index");
    const total = numbers((rt.call("LIVEINDEX", cells) as Cell[][]).slice(1).map((r) => r[0]));
    const goods = numbers((rt.call("LIVESUBINDEX", cells, "goods") as Cell[][]).slice(1).map((r) => r[0]));
    const row = out.find((r) => r[0] === "Live-stream goods consumption")!;
    expect(row[6]).toBeCloseTo(correlFromSums(goods, total), 12);
    for (let i = 1; i < 7; i++) for (let j = 1; j < 7; j++) expect(out[i][j]).toBeCloseTo(out[j][i] as number, 12);
    for (let i = 1; i < 7; i++) expect(out[i][i]).toBe(1);
  });

  it("at the indicator level has a row and a column per scaled indicator", () => {
    const out = rt.call("LIVECORR", rawIndicatorCells(25, 3), null, "spearman") as Cell[][];
    expect([out.length, out[0].length]).toEqual([20, 20]);
  });
});

describe("LIVECOHERENCE", () => {
  it("gives each sub-index its correlation with the total and its weight; alpha needs indicators", () => {
    const cells = top100Cells();
    const out = rt.call("LIVECOHERENCE", cells) as Cell[][];
    expect(out[0]).toEqual(["Sub-index", "Cronbach's alpha", "First component's share of variance", "Correlation with the total", "Effective weight", "Flags"]);
    const total = numbers((rt.call("LIVEINDEX", cells) as Cell[][]).slice(1).map((r) => r[0]));
    const quality = numbers((rt.call("LIVESUBINDEX", cells, "quality") as Cell[][]).slice(1).map((r) => r[0]));
    const row = out.find((r) => r[0] === "Live-stream quality")!;
    expect([row[1], row[2]]).toEqual(["", ""]);
    expect(row[3]).toBeCloseTo(correlFromSums(quality, total), 12);
    expect(row[4]).toBeCloseTo(0.15, 12);
  });

  it("gives alpha and the first component for raw indicators", () => {
    const out = rt.call("LIVECOHERENCE", rawIndicatorCells(40, 9)) as Cell[][];
    expect(out).toHaveLength(6);
    for (const row of out.slice(1)) {
      expect(typeof row[1]).toBe("number");
      expect(row[2]).toBeGreaterThan(0);
      expect(row[2]).toBeLessThanOrEqual(1);
    }
  });
});

describe("the options argument", () => {
  it("reads the same from a text and from a two-column range, and a blank options cell is the default", () => {
    const cells = rawIndicatorCells(20, 5);
    const text = rt.call("LIVEINDEX", cells, null, null, null, [["missing=median; treat=winsorise"]]);
    const range = rt.call("LIVEINDEX", cells, null, null, null, [
      ["missing", "median"],
      ["treat", "winsorise"],
    ]);
    expect(range).toEqual(text);
    expect(text).not.toEqual(rt.call("LIVEINDEX", cells));
    expect(rt.call("LIVEINDEX", cells, null, null, null, [[0]])).toEqual(rt.call("LIVEINDEX", cells));
    expect(rt.call("LIVEINDEX", cells, null, null, null, [[""]])).toEqual(rt.call("LIVEINDEX", cells));
  });
});
