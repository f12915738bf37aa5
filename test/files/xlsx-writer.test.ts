import { writeFileSync } from "fs";
import { join } from "path";
import * as ExcelJS from "exceljs";
import { rangeAddress } from "../../src/plans/a1";
import { IndexRun, runIndex } from "../../src/core/workflow";
import { blockRange, CellBlock, planBlock, PlanValue, SheetPlan } from "../../src/plans/plan";
import { planRankedSheet } from "../../src/plans/ranked-sheet";
import { planSampleSheet } from "../../src/plans/sample-sheet";
import { planWeightSheet } from "../../src/plans/weight-sheets";
import { fileFormula } from "../../src/files/formulas";
import { writePlansXlsx, writePlanToWorkbook, writeWorkbookFile } from "../../src/files/xlsx-writer";
import { top100Cells } from "../helpers/fixtures";
import { rankedOptions, writeRankedXlsx } from "../helpers/plans";
import { tempDir, xlsxPart } from "../helpers/files";

const cells = top100Cells();
const run: IndexRun = runIndex(cells);
const ranking = run.ranking;

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The cell value a plan value should read back as. */
function expected(v: PlanValue): unknown {
  if (typeof v === "object") return { formula: fileFormula(v.formula) };
  return v === "" ? null : v;
}

/** exceljs reads conditional formats into the worksheet model but does not type them. */
function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

function readBack(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === "object" && "formula" in v) return { formula: v.formula };
  return v;
}

/** Every cell of every block, its format and header weight, as written. */
function expectBlocks(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const block of plan.blocks) {
    block.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = ws.getCell(block.row + r + 1, block.col + c + 1);
        expect({ at: cell.address, value: readBack(cell) }).toEqual({ at: cell.address, value: expected(v) });
        if (r < block.headerRows) expect({ at: cell.address, bold: cell.font?.bold }).toEqual({ at: cell.address, bold: true });
        else if (block.columnFormats[c]) expect({ at: cell.address, numFmt: cell.numFmt }).toEqual({ at: cell.address, numFmt: block.columnFormats[c] });
      }),
    );
  }
}

async function expectFile(path: string, plan: SheetPlan, sheetName = plan.sheetName): Promise<ExcelJS.Worksheet> {
  const wb = await load(path);
  const ws = wb.getWorksheet(sheetName)!;
  expect(ws).toBeDefined();
  expectBlocks(ws, plan);

  // Tables: the plan's names, ranges (header included) and styles.
  const tables = (ws.getTables() as unknown as { name: string; table: { tableRef: string; style: { theme: string }; columns: { name: string }[] } }[]).map(
    (t) => ({
      name: t.name,
      ref: t.table.tableRef,
      style: t.table.style.theme,
      headers: t.table.columns.map((c) => c.name),
    }),
  );
  expect(tables).toEqual(
    plan.tables.map((t) => {
      const b = planBlock(plan, t.block);
      return { name: t.name, ref: blockRange(b), style: t.style, headers: b.values[0] };
    }),
  );

  // Frozen header row, column widths.
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: plan.freezeRows });
  // (A width of 9 is written 9.01: exceljs would drop an exact 9 as its default.)
  plan.columnWidths.forEach((w, c) => expect({ col: c, width: ws.getColumn(c + 1).width }).toEqual({ col: c, width: w === 9 ? 9.01 : w }));

  // Emphasised rows: fill and bold over the ranking block's width; the next row is plain.
  const ranking = planBlock(plan, "ranking");
  const argb = `FF${plan.emphasisFill.slice(1).toUpperCase()}`;
  for (let i = 0; i < plan.emphasisedRows; i++) {
    for (let c = 0; c < ranking.values[0].length; c++) {
      const cell = ws.getCell(ranking.row + ranking.headerRows + i + 1, ranking.col + c + 1);
      expect({ at: cell.address, fill: (cell.fill as ExcelJS.FillPattern)?.fgColor?.argb, bold: cell.font?.bold }).toEqual({
        at: cell.address,
        fill: argb,
        bold: true,
      });
    }
  }
  const after = ws.getCell(ranking.row + ranking.headerRows + plan.emphasisedRows + 1, 1);
  expect((after.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(argb);

  // The data bar over the total column's data rows.
  const bars = conditionalFormats(ws).filter((cf) => cf.rules.some((r) => r.type === "dataBar"));
  expect(bars.map((cf) => cf.ref)).toEqual([
    rangeAddress(ranking.row + ranking.headerRows, ranking.col + plan.dataBarColumn!, ranking.values.length - ranking.headerRows, 1),
  ]);
  return ws;
}

describe("writeRankedXlsx", () => {
  const dir = tempDir("xlsx-writer");

  it("writes the values plan: every cell, format, table, frozen row, width, emphasised row and the data bar", async () => {
    const plan = planRankedSheet(run, rankedOptions());
    expect(plan.emphasisedRows).toBe(10);
    const path = join(dir, "values.xlsx");
    const written = await writeRankedXlsx(plan, path);
    expect(written).toMatchObject({ sheetName: "排名", tableNames: ["ZBDS_Ranking", "ZBDS_Provinces"] });
    const ws = await expectFile(path, plan);
    // Spot checks against the report: rank 1 is 滨江区 with 78.6075 (published 78.61).
    // Row 1: the title; row 2: the header.
    expect(ws.getCell("A1").value).toBe("直播电商区域发展指数排名（top100.csv）");
    expect(ws.getCell("D3").value).toBe("滨江区");
    expect(ws.getCell("J3").value).toBeCloseTo(78.61, 2);
    // A values sheet has no formula, so no recalculation is asked for.
    expect(await xlsxPart(path, "xl/workbook.xml")).not.toMatch(/fullCalcOnLoad/);
  });

  it("writes the formulas plan with future functions as _xlfn. and asks for recalculation on load", async () => {
    const plan = planRankedSheet(run, rankedOptions({ mode: "formulas", lang: "en" }));
    const path = join(dir, "formulas.xlsx");
    const written = await writeRankedXlsx(plan, path);
    expect(written.sheetName).toBe("Ranking");
    const ws = await expectFile(path, plan);
    expect(ws.getCell("A3").formula).toBe("_xlfn.RANK.EQ(J3,$J$3:$J$102)");
    expect(ws.getCell("J3").formula).toMatch(/^N\(E3\)\*\$O\$\d+\+N\(F3\)\*\$O\$\d+\+N\(G3\)\*\$O\$\d+\+N\(H3\)\*\$O\$\d+\+N\(I3\)\*\$O\$\d+$/);
    expect(ws.getCell("M4").formula).toMatch(/^SUMPRODUCT\(\(\$B\$3:\$B\$102="/);
    expect(await xlsxPart(path, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("adds the planned bar chart: its data references the summary block, anchored where the plan says", async () => {
    const plan = planRankedSheet(run, rankedOptions());
    const path = join(dir, "chart.xlsx");
    await writeRankedXlsx(plan, path);
    const chart = plan.chart!;
    const summary = planBlock(plan, "summary");
    const xml = (await xlsxPart(path, "xl/charts/chart1.xml"))!;
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain(`<a:t>${chart.title}</a:t>`);
    expect(xml).toContain(`<c:f>'排名'!${rangeAddress(summary.row + 1, summary.col + chart.categoryColumn, chart.rows, 1, true)}</c:f>`);
    expect(xml).toContain(`<c:f>'排名'!${rangeAddress(summary.row + 1, summary.col + chart.valueColumn, chart.rows, 1, true)}</c:f>`);
    // The cached points are the summary's rows, so viewers that do not recalculate still draw it.
    expect(xml).toContain(`<c:v>${summary.values[1][0]}</c:v>`);
    const drawing = (await xlsxPart(path, "xl/drawings/drawing1.xml"))!;
    expect(drawing).toContain(`<xdr:col>${chart.anchorCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.anchorRow}</xdr:row>`);
    expect(drawing).toContain(`<xdr:ext cx="${chart.width * 12700}" cy="${chart.height * 12700}"/>`);
    expect(await xlsxPart(path, "xl/worksheets/sheet1.xml")).toMatch(/<drawing r:id="rId\d+"\/><tableParts/);
    expect(await xlsxPart(path, "[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml"');
  });

  it("never overwrites an existing file unless asked", async () => {
    const plan = planRankedSheet(run, rankedOptions());
    const path = join(dir, "exists.xlsx");
    writeFileSync(path, "not a workbook");
    await expect(writeRankedXlsx(plan, path)).rejects.toMatchObject({ code: "EEXIST" });
    await writeRankedXlsx(plan, path, { overwrite: true });
    expect((await load(path)).worksheets.map((w) => w.name)).toEqual(["排名"]);
  });

  it("writes a cached result where the plan gives one, and then asks for no recalculation", async () => {
    const plan = planRankedSheet(run, rankedOptions({ mode: "formulas" }));
    // A plan whose formulas carry their values (as a plan may: { formula, value }).
    const withValues: SheetPlan = {
      ...plan,
      blocks: plan.blocks.map((b): CellBlock =>
        b.id !== "ranking"
          ? b
          : {
              ...b,
              values: b.values.map((row, r) =>
                row.map((v, c) =>
                  typeof v === "object" && r > 0 ? { formula: v.formula, value: c === 0 ? ranking.districts[r - 1].rank : ranking.districts[r - 1].total } : v,
                ),
              ),
            },
      ),
    };
    const summaryless: SheetPlan = {
      ...withValues,
      blocks: withValues.blocks.filter((b) => b.id !== "summary"),
      tables: withValues.tables.filter((t) => t.block !== "summary"),
      chart: null,
    };
    const path = join(dir, "cached.xlsx");
    await writeRankedXlsx(summaryless, path);
    const ws = (await load(path)).getWorksheet("排名")!;
    expect(ws.getCell("A3").value).toEqual({ formula: "_xlfn.RANK.EQ(J3,$J$3:$J$102)", result: 1 });
    expect((ws.getCell("J3").value as ExcelJS.CellFormulaValue).result).toBeCloseTo(78.6075, 10);
    expect(await xlsxPart(path, "xl/workbook.xml")).not.toMatch(/fullCalcOnLoad/);
  });

  it("writes a plan whose blocks have no data rows without tables or data bar", async () => {
    const full = planRankedSheet(run, rankedOptions());
    const plan: SheetPlan = {
      ...full,
      blocks: full.blocks.map((b) => (b.id === "note" ? b : { ...b, values: b.values.slice(0, 1) })),
      chart: null,
      emphasisedRows: 0,
    };
    const path = join(dir, "empty.xlsx");
    const written = await writeRankedXlsx(plan, path);
    expect(written.tableNames).toEqual([]);
    expect(written.chart).toBeNull();
    const ws = (await load(path)).getWorksheet("排名")!;
    expect(ws.getCell("A2").value).toBe("排名");
    expect(conditionalFormats(ws)).toEqual([]);
  });
});

describe("writePlanToWorkbook", () => {
  it("leaves an existing 排名 sheet and its table untouched and writes 排名 (2) with free table names", async () => {
    const dir = tempDir("xlsx-existing");
    const wb = new ExcelJS.Workbook();
    const mine = wb.addWorksheet("排名");
    mine.getCell("A1").value = "my own notes";
    mine.getCell("B5").value = 42;
    mine.addTable({ name: "ZBDS_Ranking", ref: "D1", columns: [{ name: "x" }], rows: [[1], [2]] });
    const first = join(dir, "mine.xlsx");
    await wb.xlsx.writeFile(first);

    const book = await load(first);
    const plan = planRankedSheet(run, rankedOptions());
    const written = writePlanToWorkbook(book, plan);
    expect(written).toMatchObject({ sheetName: "排名 (2)", tableNames: ["ZBDS_Ranking_2", "ZBDS_Provinces"] });
    const path = join(dir, "both.xlsx");
    await writeWorkbookFile(book, path, [written.chart!]);

    const back = await load(path);
    expect(back.worksheets.map((w) => w.name)).toEqual(["排名", "排名 (2)"]);
    const old = back.getWorksheet("排名")!;
    expect(old.getCell("A1").value).toBe("my own notes");
    expect(old.getCell("B5").value).toBe(42);
    expect(old.getCell("A2").value).toBeNull();
    expect(old.getCell("J2").value).toBeNull();
    expect((old.getTables() as unknown as { name: string }[]).map((t) => t.name)).toEqual(["ZBDS_Ranking"]);
    await expectFile(path, { ...plan, tables: plan.tables.map((t, i) => ({ ...t, name: written.tableNames[i] })) }, "排名 (2)");
    // The chart refers to the new sheet by its quoted name and sits on it (sheet2's drawing).
    expect(await xlsxPart(path, "xl/charts/chart1.xml")).toContain("<c:f>'排名 (2)'!$M$4:$M$");
    expect(await xlsxPart(path, "xl/worksheets/sheet2.xml")).toMatch(/<drawing r:id=/);
    expect(await xlsxPart(path, "xl/worksheets/sheet1.xml")).not.toMatch(/<drawing/);
  });
});

// ---- LibreOffice: the formulas file recalculates to the engine's numbers ------------------------

describe("writePlansXlsx: every plan, several sheets in one file", () => {
  const dir = tempDir("xlsx-plans");
  const path = join(dir, "plans.xlsx");
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    await writePlansXlsx([planSampleSheet("zh"), planWeightSheet("zh"), planWeightSheet("en")], path);
    book = await load(path);
  });

  it("takes free table names across the file and renames the formulas that refer to them", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(["样例数据", "权重", "Weights"]);
    const tables = book.worksheets.map((w) => (w.getTables() as unknown as { name: string }[]).map((t) => t.name));
    expect(tables).toEqual([["ZBDS_Sample"], ["ZBDS_Weights"], ["ZBDS_Weights_2"]]);
    const en = book.getWorksheet("Weights")!;
    // This row's cells of the table, in the form a file stores [@[…]] (Excel writes the short form in its formula bar only).
    expect(readBack(en.getCell("E2"))).toEqual({ formula: "ZBDS_Weights_2[[#This Row],[Dimension weight]]*ZBDS_Weights_2[[#This Row],[Indicator weight]]" });
    expect(readBack(en.getCell("I2"))).toEqual({ formula: "SUMIFS(ZBDS_Weights_2[Indicator weight],ZBDS_Weights_2[Dimension],G2)" });
    expect(readBack(book.getWorksheet("权重")!.getCell("I2"))).toEqual({ formula: "SUMIFS(ZBDS_Weights[二级指标权重],ZBDS_Weights[一级指标],G2)" });
  });

  it("writes the weights' data validation (a decimal from 0 to 1, with its prompt) and the bold totals row", () => {
    const ws = book.getWorksheet("权重")!;
    expect(ws.getCell("C2").dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1], promptTitle: "权重" });
    expect(ws.getCell("D20").dataValidation).toMatchObject({ type: "decimal" });
    expect(ws.getCell("E2").dataValidation).toBeFalsy();
    expect(ws.getCell("G7").value).toBe("合计");
    expect(ws.getCell("G7").font?.bold).toBe(true);
    expect(ws.getCell("C2").numFmt).toBe("0%");
  });
});
