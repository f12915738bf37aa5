/**
 * The page of every sheet the add-in writes (src/plans/page.ts): the scale from the areas' widths,
 * the rows a page and the charts' heights, worked out here from Excel's geometry (a column of w
 * characters is (7w + 5) × 0.75 pt, a row 15 pt, A4 landscape less the margins 806 × 523 pt, of
 * whose width an area takes 95%), and
 * the header and footer codes.
 */
import { compareRankings } from "../../src/core/impact";
import { getSensitivity } from "../../src/core/sensitivity";
import { runIndex } from "../../src/core/workflow";
import { planImpactSheet, planRobustnessSheet } from "../../src/plans/analysis-sheets";
import { headerFooterCode, planPage } from "../../src/plans/page";
import { planRankedSheet } from "../../src/plans/ranked-sheet";
import { planSampleSheet } from "../../src/plans/sample-sheet";
import { planWeightLogSheet, planWeightSheet } from "../../src/plans/weight-sheets";
import { top100Cells } from "../helpers/fixtures";
import { rankedOptions } from "../helpers/plans";

const widths = [10, 20, 30];
const points = (w: number) => (7 * w + 5) * 0.75;

describe("planPage", () => {
  it("makes the widest area one page wide, at most 100%", () => {
    // Three columns: 56.25 + 108.75 + 161.25 = 326.25 pt, far below 806: 100%.
    expect(planPage([{ row: 0, col: 0, rows: 10, cols: 3 }], widths, { lang: "zh", titleRows: 1 }).scale).toBe(100);
    // A chart of 1,000 pt after the first column, into 95% of the width (a margin for renderers): 0.95 × 806 / 1056.25 = 72.5%.
    const wide = planPage([{ row: 0, col: 0, rows: 10, cols: 3, chart: { col: 1, width: 1000, height: 300 } }], widths, { lang: "zh", titleRows: 0 });
    expect(wide.scale).toBe(Math.floor((100 * 0.95 * 806) / (points(10) + 1000)));
    expect(wide.scale).toBe(72);
  });

  it("fits the rows asked for on a page, and a chart of up to two pages on one", () => {
    // 52 rows of 15 pt: 523 / 780 = 67%.
    expect(planPage([{ row: 0, col: 0, rows: 102, cols: 3 }], widths, { lang: "zh", titleRows: 2, rowsPerPage: 52 }).scale).toBe(67);
    // A chart 800 pt tall under one title row: 523 / 815 = 64%.
    const tall = { row: 0, col: 0, rows: 60, cols: 3, chart: { col: 1, width: 300, height: 800 } };
    expect(planPage([tall], widths, { lang: "zh", titleRows: 1 }).scale).toBe(64);
    // One over two pages tall runs on over pages rather than shrink the sheet.
    expect(planPage([{ ...tall, chart: { ...tall.chart, height: 1200 } }], widths, { lang: "zh", titleRows: 1 }).scale).toBe(100);
  });

  it("names the areas, the title and the page number in the sheet's language", () => {
    const page = planPage(
      [
        { row: 0, col: 0, rows: 102, cols: 3 },
        { row: 3, col: 4, rows: 5, cols: 2 },
      ],
      widths,
      { lang: "en", titleRows: 2, title: "Ranking" },
    );
    expect(page).toMatchObject({
      orientation: "landscape",
      printAreas: ["A1:C102", "E4:F8"],
      titleRows: 2,
      header: "Ranking",
      footer: "Page {page} of {pages}",
    });
    expect(planPage([], widths, { lang: "zh", titleRows: 0 }).footer).toBe("第 {page} 页，共 {pages} 页");
  });

  it("cuts a title that Excel would refuse as a header (255 characters at most, with each & doubled)", () => {
    const page = planPage([], widths, { lang: "zh", titleRows: 0, title: "&".repeat(300) });
    expect(headerFooterCode(page.header!).length).toBeLessThanOrEqual(255);
    expect(page.header!.endsWith("…")).toBe(true);
  });
});

describe("headerFooterCode", () => {
  it("doubles a literal & and writes the page number and count as &P and &N", () => {
    expect(headerFooterCode("R&D 第 {page} 页，共 {pages} 页")).toBe("R&&D 第 &P 页，共 &N 页");
  });
});

describe("every sheet the add-in writes", () => {
  it("prints on A4 landscape, one page wide, with its title and the page number, in its language", () => {
    const run = runIndex(top100Cells());
    const impact = compareRankings(runIndex(top100Cells()).result.total, run.result.total, 10);
    const names = (row: number) => run.regionName(row, "zh");
    for (const lang of ["zh", "en"] as const) {
      const plans = [
        planSampleSheet(lang),
        planWeightSheet(lang),
        planWeightLogSheet([], lang),
        planRankedSheet(run, rankedOptions({ lang })),
        planImpactSheet(impact, names, { lang }),
        planRobustnessSheet(getSensitivity(run.result, { runs: 20 }), names, { lang, topN: 10 }),
      ];
      for (const plan of plans) {
        expect([plan.sheetName, plan.page?.orientation]).toEqual([plan.sheetName, "landscape"]);
        expect(plan.page!.header).toBeTruthy();
        expect(plan.page!.footer).toBe(lang === "zh" ? "第 {page} 页，共 {pages} 页" : "Page {page} of {pages}");
        expect(plan.page!.scale).toBeGreaterThanOrEqual(40);
        // A sheet whose top rows stay in view on screen repeats them on every printed page.
        if (plan.freezeRows > 0) expect(plan.page!.titleRows).toBe(plan.freezeRows);
      }
    }
  });
});
