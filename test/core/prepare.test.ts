/**
 * The steps before scaling (core/prepare.ts) on hand-worked tables: imputation by each rule,
 * screening by coverage, missing=none with weights renormalised over the indicators a region has
 * (worked out here with min–max written out), and the treatment of an outlying column.
 */
import { computeIndex } from "../../src/core/pipeline";
import { readPipelineOptions } from "../../src/core/options";
import { formatError } from "../../src/core/errors";
import { INDICATORS } from "../../src/core/framework";
import { INDICATOR_IDS } from "../helpers/fixtures";
import { runIndex } from "../../src/core/workflow";
import { planRankedSheet } from "../../src/plans/ranked-sheet";
import { planBlock } from "../../src/plans/plan";
import { rankedOptions } from "../helpers/plans";

const at = (id: string) => INDICATORS.findIndex((i) => i.id === id);
const GMV = at("streamer_gmv");
const RETURNS = at("return_rate");

/** Five regions in two provinces; every indicator 1…5 by row, but for the cells `edit` changes. */
function table(edit: (rows: (string | number)[][]) => void = () => undefined): (string | number)[][] {
  const rows: (string | number)[][] = [["省", "区县", ...INDICATOR_IDS]];
  const provinces = ["甲省", "甲省", "乙省", "乙省", "乙省"];
  for (let r = 0; r < 5; r++) rows.push([provinces[r], `区${r + 1}`, ...INDICATOR_IDS.map(() => r + 1)]);
  edit(rows);
  return rows;
}
const col = (id: string) => 2 + INDICATOR_IDS.indexOf(id);

function prepared(cells: (string | number)[][], options: string) {
  return computeIndex(cells, { pipeline: readPipelineOptions(options) });
}

describe("imputation", () => {
  // streamer_gmv: 10, "-", 30, 40, 100 (row 2 missing); return_rate: 0.1, 0.2, blank, 0.4, 0.5 (row 3 missing).
  const cells = table((rows) => {
    [10, "-", 30, 40, 100].forEach((v, r) => (rows[r + 1][col("streamer_gmv")] = v));
    [0.1, 0.2, "", 0.4, 0.5].forEach((v, r) => (rows[r + 1][col("return_rate")] = v));
  });

  it("keeps the report's rule by default: 0 for more-is-better, the worst value for less-is-better", () => {
    const r = computeIndex(cells);
    expect(r.input.values[GMV]![1]).toBe(0);
    expect(r.input.values[RETURNS]![2]).toBe(0.5);
    expect(r.preparation.imputed[GMV]).toBe(0);
  });

  it("fills with the mean or the median of the regions that have a value", () => {
    expect(prepared(cells, "missing=mean").input.values[GMV]![1]).toBeCloseTo((10 + 30 + 40 + 100) / 4, 12);
    expect(prepared(cells, "missing=median").input.values[GMV]![1]).toBe(35);
    expect(prepared(cells, "missing=median").input.values[RETURNS]![2]).toBeCloseTo(0.3, 12);
    expect(prepared(cells, "missing=median").preparation.imputed[GMV]).toBe(1);
  });

  it("fills with the median of the region's province, or the overall median when its province has none", () => {
    // Row 2 is in 甲省 with row 1 only (10); row 3 in 乙省 with rows 4 and 5 (0.4, 0.5).
    const r = prepared(cells, "missing=province-median");
    expect(r.input.values[GMV]![1]).toBe(10);
    expect(r.input.values[RETURNS]![2]).toBeCloseTo(0.45, 12);
    const alone = table((rows) => {
      rows[1][col("streamer_gmv")] = "-";
      rows[2][col("streamer_gmv")] = "-";
    });
    // 甲省 has no value: the median of 3, 4, 5.
    expect(prepared(alone, "missing=province-median").input.values[GMV]![0]).toBe(4);
  });

  it("with none, scales each indicator over the regions that have it and averages the goods indicators a region has", () => {
    const r = prepared(cells, "missing=none");
    expect(r.input.values[GMV]![1]).toBeNaN();
    // Goods of row 2: its other three indicators (2 on the 1…5 scale: min–max 25) at 25% each, renormalised over 75%.
    expect(r.dimensions[0]![1]).toBeCloseTo(25, 12);
    // Row 1: GMV 10 of 10…100 scales to 0; the other three 1 of 1…5 to 0.
    expect(r.dimensions[0]![0]).toBeCloseTo(0, 12);
    // Row 5: GMV 100 → 100, the others 5 → 100.
    expect(r.dimensions[0]![4]).toBeCloseTo(100, 12);
    // Row 4: GMV 40 of 10…100 → 33.33; the others 4 → 75: (33.33 + 3 × 75) / 4.
    expect(r.dimensions[0]![3]).toBeCloseTo(((30 / 90) * 100 + 3 * 75) / 4, 10);
    expect(Number.isFinite(r.total[1])).toBe(true);
  });

  it("with none, leaves out a region with no value for any indicator of a dimension, saying which", () => {
    const empty = table((rows) => ["streamer_gmv", "streamer_gmv_growth", "merchant_gmv", "merchant_live_share"].forEach((id) => (rows[3][col(id)] = "-")));
    const r = prepared(empty, "missing=none");
    expect(r.include[2]).toBe(0);
    expect(formatError(r.input.errors.get(2)!, "en")).toBe(
      'Row 4 has no data for any indicator of "Live-stream goods consumption" (missing=none imputes nothing): not ranked.',
    );
  });
});

describe("screening by coverage", () => {
  it("leaves out the regions with less than the share of indicators asked for, naming the share", () => {
    // Row 3 misses 8 of 19 indicators: 11 / 19 = 57.9%.
    const cells = table((rows) => INDICATOR_IDS.slice(0, 8).forEach((id) => (rows[3][col(id)] = "-")));
    const r = prepared(cells, "coverage=2/3");
    expect([...r.include]).toEqual([1, 1, 0, 1, 1]);
    expect(r.preparation.screened).toEqual([2]);
    expect(formatError(r.input.errors.get(2)!, "zh")).toBe("第 4 行只有 57.9% 的指标有数据，低于要求的 66.7%：不参与排名。");
    expect([...prepared(cells, "coverage=0.5").include]).toEqual([1, 1, 1, 1, 1]);
    // Without the option nobody is left out.
    expect([...computeIndex(cells).include]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe("treatment", () => {
  it("winsorises an outlying column before it is scaled, and records it", () => {
    const tail = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    const cells: (string | number)[][] = [["区县", ...INDICATOR_IDS]];
    tail.forEach((v, r) => cells.push([`区${r + 1}`, ...INDICATOR_IDS.map((id) => (id === "streamer_gmv" ? v : (r % 5) + 1))]));
    const r = prepared(cells, "treat=winsorise");
    const t = r.preparation.treatments[GMV]!;
    expect(t.kind).toBe("winsorised");
    expect(t.high).toBeGreaterThan(0);
    expect(Math.max(...r.input.values[GMV]!)).toBeLessThan(100);
    // The scale runs over the treated values: the largest GMV scores 100 still, and more regions share it.
    const untreated = computeIndex(cells);
    expect(r.total[11]).toBeLessThanOrEqual(untreated.total[11] + 1e-9);
    expect(r.preparation.treatments[at("views")]!.kind).toBe("none");
  });
});

describe("the method note of a run with options", () => {
  it("states the missing-data rule used, not the report's, and the cells it filled", () => {
    const cells = table((rows) => (rows[2][col("streamer_gmv")] = "-"));
    const run = runIndex(cells, { pipeline: readPipelineOptions("missing=median") });
    const note = planRankedSheet(run, rankedOptions({ lang: "zh" }));
    const text = planBlock(note, "note")
      .values.map((r) => r.join("|"))
      .join("\n");
    expect(text).toContain("按中位数填补了 1 个缺失单元格");
    expect(text).toContain("按有数据地区的中位数填补");
    expect(text).not.toContain("越大越好的指标按 0 计");
  });
});
