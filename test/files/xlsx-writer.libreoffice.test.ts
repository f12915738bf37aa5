/**
 * The ranked sheet's file in LibreOffice: the formulas-mode file recalculates to the engine's
 * totals, ranks and province summary (an independent spreadsheet engine computing the same
 * formulas), and the values-mode file reads back as written.
 */
import { existsSync } from "fs";
import { join } from "path";
import * as ExcelJS from "exceljs";
import { parseCsv } from "../../src/core/csv";
import { DIMENSIONS } from "../../src/core/framework";
import { runIndex } from "../../src/core/workflow";
import { readPipelineOptions } from "../../src/core/options";
import { writePlansXlsx, writePlanToWorkbook, writeWorkbookFile } from "../../src/files/xlsx-writer";
import { planBlock, SheetPlan } from "../../src/plans/plan";
import { planRankedSheet } from "../../src/plans/ranked-sheet";
import { planWeightSheet } from "../../src/plans/weight-sheets";
import { top100Cells } from "../helpers/fixtures";
import { rankedOptions, writeRankedXlsx } from "../helpers/plans";
import { findSoffice, sofficePdfPages, sofficeToCsv, tempDir, xlsxPart } from "../helpers/files";
import { cellAddress } from "../../src/plans/a1";

const cells = top100Cells();
const run = runIndex(cells);
const ranking = run.ranking;

const soffice = findSoffice();
if (!soffice) {
  console.warn("LibreOffice (soffice) is not on PATH: skipping the recalculation tests (apt-get install --no-install-recommends libreoffice-calc-nogui).");
}
const withLibreOffice = soffice ? describe : describe.skip;

withLibreOffice("the formulas file in LibreOffice", () => {
  const dir = tempDir("xlsx-lo");
  const engineTotal = new Map(ranking.districts.map((d) => [`${d.province}|${d.city}|${d.district}`, d]));
  const values = planRankedSheet(run, rankedOptions());

  /** Checks a converted ranking sheet: totals within 1e-6 of the engine's, ranks equal, the summary as in the values plan. */
  function expectRecalculated(csv: string): void {
    const rows = parseCsv(csv);
    // The title line, then the header, then the regions.
    const header = planBlock(values, "ranking").row;
    expect(rows[header][0]).toBe("排名");
    const data = rows.slice(header + 1, header + 1 + ranking.districts.length);
    expect(data).toHaveLength(100);
    for (const r of data) {
      const d = engineTotal.get(`${r[1]}|${r[2]}|${r[3]}`)!;
      expect({ district: r[3], total: Math.abs(Number(r[9]) - d.total) <= 1e-6, rank: Number(r[0]) }).toEqual({
        district: d.district,
        total: true,
        rank: d.rank,
      });
    }
    const summary = planBlock(values, "summary");
    summary.values.slice(1).forEach((row, i) => {
      expect([rows[summary.row + 1 + i][summary.col], Number(rows[summary.row + 1 + i][summary.col + 1])]).toEqual(row);
    });
  }

  it("computes totals, ranks and the province summary from live formulas that read a data sheet", async () => {
    // A workbook with the data on 数据 and a formulas sheet whose sub-index cells refer to it.
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet("数据");
    cells.forEach((row, r) => row.forEach((v, c) => (data.getCell(r + 1, c + 1).value = v)));
    const column: Record<string, string> = { supply: "E", viewing: "F", goods: "G", quality: "H", industry: "I" };
    const plan = planRankedSheet(run, rankedOptions({ mode: "formulas", sourceRef: (dataRow, dim) => `'数据'!${column[DIMENSIONS[dim].id]}${dataRow + 2}` }));
    expect(planBlock(plan, "ranking").values[1][4]).toEqual({ formula: "'数据'!E2" });
    const written = writePlanToWorkbook(wb, plan);
    const path = join(dir, "live.xlsx");
    await writeWorkbookFile(wb, path, [written.chart!]);

    // A fresh profile, as a user has it: the file holds no cached results, so LibreOffice computes them.
    const sheets = sofficeToCsv(soffice!, path);
    expectRecalculated(sheets.get("排名")!);
  }, 180_000);

  it("keeps the geometric mean live: LibreOffice's MAX(…, 1)^weight products are the engine's totals and ranks", async () => {
    const geometric = runIndex(cells, { pipeline: readPipelineOptions("aggregate=geometric") });
    const plan = planRankedSheet(geometric, rankedOptions({ mode: "formulas" }));
    expect(String((planBlock(plan, "ranking").values[1][9] as { formula: string }).formula)).toMatch(/^MAX\(N\(E3\),1\)\^\$[A-Z]+\$\d+\*/);
    const path = join(dir, "geometric.xlsx");
    await writeRankedXlsx(plan, path);
    const rows = parseCsv(sofficeToCsv(soffice!, path).get("排名")!);
    const header = planBlock(plan, "ranking").row;
    const byName = new Map(geometric.ranking.districts.map((d) => [`${d.province}|${d.city}|${d.district}`, d]));
    for (const r of rows.slice(header + 1, header + 101)) {
      const d = byName.get(`${r[1]}|${r[2]}|${r[3]}`)!;
      expect([r[3], Math.abs(Number(r[9]) - d.total) <= 1e-6, Number(r[0])]).toEqual([d.district, true, d.rank]);
    }
    // TOPSIS has no row formula: formulas mode says so instead of writing totals that would not follow the data.
    const topsis = runIndex(cells, { pipeline: readPipelineOptions("aggregate=topsis") });
    expect(() => planRankedSheet(topsis, rankedOptions({ mode: "formulas" }))).toThrow(expect.objectContaining({ code: "FORMULAS_NOT_TOPSIS" }));
  }, 180_000);

  it("recalculates on load rather than trusting cached results (a test-only copy with wrong cached totals)", async () => {
    const plan = planRankedSheet(run, rankedOptions({ mode: "formulas" }));
    // Every formula carries a wrong cached result, -1.
    const wrong: SheetPlan = {
      ...plan,
      blocks: plan.blocks.map((b) => ({
        ...b,
        values: b.values.map((row) => row.map((v) => (typeof v === "object" ? { formula: v.formula, value: -1 } : v))),
      })),
    };
    const path = join(dir, "wrong-cache.xlsx");
    await writeRankedXlsx(wrong, path);

    // Without recalculation LibreOffice shows the cached -1: the check below would fail on stale numbers.
    const stale = parseCsv(sofficeToCsv(soffice!, path).get("排名")!);
    expect(stale[planBlock(plan, "ranking").row + 1][9]).toBe("-1");
    expect(() => expectRecalculated(sofficeToCsv(soffice!, path).get("排名")!)).toThrow();

    // Recalculating on load, it gets the engine's totals and ranks.
    expectRecalculated(sofficeToCsv(soffice!, path, { recalcOnLoad: true }).get("排名")!);
  }, 180_000);

  it("opens the chart: LibreOffice keeps it when it saves the file again", async () => {
    const path = join(dir, "chart.xlsx");
    await writeRankedXlsx(values, path);
    const out = join(dir, "resaved");
    const { execFileSync } = await import("child_process");
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, "profile-resave")}`, "--headless", "--convert-to", "xlsx", "--outdir", out, path], {
      stdio: "pipe",
      timeout: 120_000,
    });
    const resaved = join(out, "chart.xlsx");
    expect(existsSync(resaved)).toBe(true);
    const chart = await xlsxPart(resaved, "xl/charts/chart1.xml");
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toMatch(new RegExp(`排名'?!\\$L\\$${planBlock(values, "summary").row + 2}:\\$L\\$\\d+`));
    expect(cellAddress(values.chart!.anchorRow, values.chart!.anchorCol)).toBe(`O${values.chart!.anchorRow + 1}`);
  }, 180_000);
});

(findSoffice() ? describe : describe.skip)("the weight sheet's file in LibreOffice", () => {
  it("recalculates the effective weights and the sums from the table's structured references", async () => {
    const path = join(tempDir("xlsx-weights-lo"), "weights.xlsx");
    await writePlansXlsx([planWeightSheet("zh"), planWeightSheet("en")], path);
    const sheets = sofficeToCsv(findSoffice()!, path, { recalcOnLoad: true });
    for (const name of ["权重", "Weights"]) {
      const rows = parseCsv(sheets.get(name)!);
      // The report's printed weights (weights-2020): goods 40% × 25% = 10%; supply 25% × 16% = 4%.
      expect([rows[1][4], rows[5][4]]).toEqual(["10%", "4%"]);
      // Sums per dimension of the printed indicator weights: 100%, 96% (6 × 16%), 99% (3 × 33%), 100%, 100%.
      expect(rows.slice(1, 6).map((r) => r[8])).toEqual(["100%", "96%", "99%", "100%", "100%"]);
      // Σ dimension weight × its indicator sum = 40 + 24 + 14.85 + 15 + 5 = 98.85%.
      expect(rows[6].slice(6, 10)).toEqual([name === "权重" ? "合计" : "Total", "100%", "", "98.85%"]);
    }
  }, 120_000);
});

(findSoffice() ? describe : describe.skip)("the province summary's formulas in LibreOffice", () => {
  it("counts names with * ? ~ and a leading = < > as themselves (COUNTIFS would read them as criteria)", async () => {
    const names = ["浙*省", "广?省", "江~苏", "=上海", "<北京", ">四川", "浙江省"];
    // Sub-indices chosen so that every region is in the top 10: each name is counted once, the plain 浙江省 too.
    const table = [
      ["省", "区县", "直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"],
      ...names.map((p, i) => [p, `区${i + 1}`, 10 + i, 20, 30, 40, 50]),
      ["浙江省", "区8", 1, 2, 3, 4, 5],
    ];
    const formulas = planRankedSheet(runIndex(table), rankedOptions({ mode: "formulas" }));
    const path = join(tempDir("xlsx-lo-names"), "names.xlsx");
    await writeRankedXlsx(formulas, path);
    const rows = parseCsv(sofficeToCsv(findSoffice()!, path, { recalcOnLoad: true }).get("排名")!);
    const summary = planBlock(formulas, "summary");
    const counted = new Map(rows.slice(summary.row + 1, summary.row + summary.values.length).map((r) => [r[summary.col], Number(r[summary.col + 1])]));
    expect(counted).toEqual(new Map([...names.filter((n) => n !== "浙江省").map((n) => [n, 1] as const), ["浙江省", 2]]));
  }, 120_000);
});

withLibreOffice("the ranked sheet printed by LibreOffice", () => {
  it("prints the 100-row sample on at most 4 A4 landscape pages: the ranking, the summary with its whole chart, the note", async () => {
    const dir = tempDir("xlsx-pdf");
    const path = join(dir, "ranked.xlsx");
    await writePlansXlsx([planRankedSheet(run, rankedOptions())], path);
    const pages = sofficePdfPages(soffice!, path);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.length).toBeLessThanOrEqual(4);
    for (const size of pages) expect(size).toEqual([842, 595]);
  }, 180_000);
});
