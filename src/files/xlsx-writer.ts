/**
 * The ranked-sheet plan as an .xlsx file (Node only). The second writer of a {@link SheetPlan}
 * besides `src/excel`: it only reads the plan and never decides layout itself.
 *
 * What the file gets: every block's values and formulas (future functions stored as `_xlfn.`),
 * number formats per column, bold header rows, the plan's Excel tables (free names), the frozen
 * header row, column widths, the emphasised top-N rows (fill + bold), a data bar on the total
 * column, and the chart, added to the package after exceljs has written it (exceljs cannot write
 * charts; see ./xlsx-chart.ts).
 *
 * Formula cells carry a cached result when the plan gives one (`{ formula, value }`), so viewers
 * that do not recalculate still show numbers; when a formula has no known result, the workbook
 * asks Excel and LibreOffice to recalculate everything on load (fullCalcOnLoad).
 */
import { writeFile } from "fs/promises";
import * as ExcelJS from "exceljs";
import { cellAddress, freeName, quoteSheetName, rangeAddress } from "../core/a1";
import { CellBlock, ChartPlan, PlanValue, SheetPlan, planBlock } from "../core/sheet-plan";
import { fileFormula } from "./formulas";
import { addChartsToXlsx, XlsxChart } from "./xlsx-chart";

export interface WrittenPlan {
  /** The sheet written: the plan's name, or a free one (排名 (2) …). */
  readonly sheetName: string;
  /** The tables written, in the plan's order (free names: ZBDS_Ranking_2 …). */
  readonly tableNames: string[];
  /**
   * The chart, in sheet coordinates, for {@link writeWorkbookFile} (or {@link addChartsToXlsx}) to
   * add when the package is written; null when the plan has none. A workbook saved with exceljs
   * alone (workbook.xlsx.writeFile) has no chart.
   */
  readonly chart: XlsxChart | null;
}

/** Excel's default data bar colour (blue). */
const DATA_BAR_COLOR = "FF638EC6";

/**
 * Applies a plan to an exceljs workbook as a new sheet. Never overwrites an existing sheet or
 * table: the sheet and table names are the plan's, or the first free ones.
 */
export function writePlanToWorkbook(workbook: ExcelJS.Workbook, plan: SheetPlan): WrittenPlan {
  const sheetName = freeName(
    plan.sheetName,
    workbook.worksheets.map((w) => w.name),
  );
  const ws = workbook.addWorksheet(sheetName, {
    views: plan.freezeRows > 0 ? [{ state: "frozen", xSplit: 0, ySplit: plan.freezeRows, topLeftCell: cellAddress(plan.freezeRows, 0) }] : [],
  });

  plan.columnWidths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });

  let uncached = 0;
  for (const block of plan.blocks) uncached += writeBlock(ws, block);

  // Tables: names are workbook-wide and share their namespace with defined names.
  const taken = [...workbook.worksheets.flatMap(tableNamesOf), ...workbook.definedNames.model.map((d) => d.name)];
  const tableNames: string[] = [];
  for (const t of plan.tables) {
    const block = planBlock(plan, t.block);
    const data = block.values.slice(block.headerRows);
    if (data.length === 0) continue; // an Excel table needs a data row; the header stays as bold cells
    const name = freeName(t.name, [...taken, ...tableNames], (n) => `_${n}`);
    const headers: string[] = [];
    for (const h of block.values[0]) headers.push(freeName(h === "" || typeof h === "object" ? "Column" : String(h), headers, (n) => String(n)));
    ws.addTable({
      name,
      displayName: name,
      ref: cellAddress(block.row, block.col),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: headers.map((h) => ({ name: h, filterButton: true })),
      rows: data.map((r) => r.map((v) => cellValue(v))),
    });
    tableNames.push(name);
  }
  // addTable rewrites the block's cells (same values); formats are applied to the cells and kept.

  const ranking = planBlock(plan, "ranking");
  const width = ranking.values[0]?.length ?? 0;
  const fill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(plan.emphasisFill) } };
  for (let i = 0; i < Math.min(plan.emphasisedRows, ranking.values.length - ranking.headerRows); i++) {
    const row = ws.getRow(ranking.row + ranking.headerRows + i + 1);
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(ranking.col + c + 1);
      cell.fill = fill;
      cell.font = { ...(cell.font ?? {}), bold: true };
    }
  }

  const dataRows = ranking.values.length - ranking.headerRows;
  if (dataRows > 0) {
    ws.addConditionalFormatting({
      ref: rangeAddress(ranking.row + ranking.headerRows, ranking.col + plan.dataBarColumn, dataRows, 1),
      rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: DATA_BAR_COLOR } } as ExcelJS.DataBarRuleType],
    });
  }

  if (uncached > 0) workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };

  return { sheetName, tableNames, chart: plan.chart ? chartOf(plan, plan.chart, sheetName) : null };
}

export interface WriteOptions {
  /** Replace an existing file (default: refuse with EEXIST). */
  readonly overwrite?: boolean;
}

/** Writes a plan as a new .xlsx file with one sheet, its chart included. Refuses to overwrite unless asked. */
export async function writeRankedXlsx(plan: SheetPlan, path: string, options: WriteOptions = {}): Promise<WrittenPlan> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "直播电商区域发展指数 / Live Commerce Index";
  workbook.created = new Date();
  const written = writePlanToWorkbook(workbook, plan);
  await writeWorkbookFile(workbook, path, written.chart ? [written.chart] : [], options);
  return written;
}

/** Saves a workbook with the charts of the plans written into it. */
export async function writeWorkbookFile(workbook: ExcelJS.Workbook, path: string, charts: readonly XlsxChart[], options: WriteOptions = {}): Promise<void> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const out = charts.length ? await addChartsToXlsx(buffer, charts) : buffer;
  await writeFile(path, out, { flag: options.overwrite ? "w" : "wx" });
}

// ---- helpers ---------------------------------------------------------------------------------

/** Writes one block's cells with their formats; returns how many formulas have no cached result. */
function writeBlock(ws: ExcelJS.Worksheet, block: CellBlock): number {
  let uncached = 0;
  block.values.forEach((values, r) => {
    const row = ws.getRow(block.row + r + 1);
    const header = r < block.headerRows;
    values.forEach((v, c) => {
      const cell = row.getCell(block.col + c + 1);
      cell.value = cellValue(v);
      if (typeof v === "object" && cachedResult(v) === undefined) uncached++;
      if (header) cell.font = { bold: true };
      else {
        const format = block.columnFormats[c];
        if (format) cell.numFmt = format;
      }
    });
  });
  return uncached;
}

/** A plan value as an exceljs cell value: "" is an empty cell, formulas as the file stores them. */
function cellValue(v: PlanValue): ExcelJS.CellValue {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v === "" ? null : v;
  const result = cachedResult(v);
  return result === undefined ? { formula: fileFormula(v.formula) } : ({ formula: fileFormula(v.formula), result } as ExcelJS.CellFormulaValue);
}

/** The result a plan gives for a formula cell, when it gives one (`{ formula, value }`). */
function cachedResult(v: { readonly formula: string }): number | string | undefined {
  const value = (v as { readonly value?: unknown }).value;
  return (typeof value === "number" && Number.isFinite(value)) || typeof value === "string" ? value : undefined;
}

function tableNamesOf(ws: ExcelJS.Worksheet): string[] {
  return (ws.getTables() as unknown as { name: string }[]).map((t) => t.name);
}

function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, "0")}`;
}

function chartOf(plan: SheetPlan, chart: ChartPlan, sheetName: string): XlsxChart {
  const block = planBlock(plan, chart.block);
  const first = block.row + block.headerRows;
  const sheet = quoteSheetName(sheetName);
  return {
    sheetName,
    title: chart.title,
    seriesName: `${sheet}!${cellAddress(block.row, block.col + chart.valueColumn, true)}`,
    categories: `${sheet}!${rangeAddress(first, block.col + chart.categoryColumn, chart.rows, 1, true)}`,
    values: `${sheet}!${rangeAddress(first, block.col + chart.valueColumn, chart.rows, 1, true)}`,
    categoryCache: block.values.slice(block.headerRows, block.headerRows + chart.rows).map((r) => String(r[chart.categoryColumn] ?? "")),
    valueCache: block.values.slice(block.headerRows, block.headerRows + chart.rows).map((r) => {
      const v = r[chart.valueColumn];
      return typeof v === "number" ? v : typeof v === "object" ? ((cachedResult(v) as number | undefined) ?? null) : null;
    }),
    anchorRow: chart.anchorRow,
    anchorCol: chart.anchorCol,
    width: chart.width,
    height: chart.height,
  };
}
