/**
 * Sheet plans as an .xlsx file (Node only). The second writer of every {@link SheetPlan} besides
 * `src/excel/apply-plan.ts`: it only reads the plans and never decides layout itself.
 *
 * What the file gets: every block's values and formulas (future functions stored as `_xlfn.`),
 * number formats per column, bold header and footer rows, the plan's Excel tables (free names, and
 * formulas that refer to them renamed to match), the frozen header row, column widths, data
 * validation, the emphasised top-N rows (fill + bold), a data bar, and the chart, added to the package after exceljs has written it (exceljs cannot write
 * charts; see ./xlsx-chart.ts).
 *
 * Formula cells carry a cached result when the plan gives one (`{ formula, value }`), so viewers
 * that do not recalculate still show numbers; when a formula has no known result, the workbook
 * asks Excel and LibreOffice to recalculate everything on load (fullCalcOnLoad).
 */
import { writeFile } from "fs/promises";
import * as ExcelJS from "exceljs";
import { cellAddress, freeName, quoteSheetName, rangeAddress } from "../plans/a1";
import JSZip from "jszip";
import { CellBlock, ChartPlan, COLOR_SCALE, mainBlock, PagePlan, PlanValue, planBlock, renameTables, SheetPlan } from "../plans/plan";
import { headerFooterCode } from "../plans/page";
import { cleanText } from "../core/text";
import { FILE_CREATOR } from "../text";
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
  /** The sheet's further charts. */
  readonly moreCharts: readonly XlsxChart[];
  /** The plan's print areas, for {@link writeWorkbookFile} to set (exceljs writes a list of areas as duplicate names). */
  readonly printAreas: readonly string[];
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
    // exceljs takes a width of exactly 9 for its default and leaves it out of the file, where Excel's default is 8.43.
    if (w > 0) ws.getColumn(c + 1).width = w === 9 ? 9.01 : w;
  });

  // Tables: names are workbook-wide and share their namespace with defined names.
  const taken = [...workbook.worksheets.flatMap(tableNamesOf), ...workbook.definedNames.model.map((d) => d.name)];
  const chosen: string[] = [];
  for (const t of plan.tables) chosen.push(freeName(t.name, [...taken, ...chosen], (n) => `_${n}`));
  const renames = new Map(plan.tables.map((t, i) => [t.name, chosen[i]]));
  const tableOf = new Map(plan.tables.map((t, i) => [t.block, chosen[i]]));

  let uncached = 0;
  for (const block of plan.blocks) uncached += writeBlock(ws, block, (f) => fileFormula(renameTables(f, renames), tableOf.get(block.id)));
  const tableNames = addTables(ws, plan, chosen);
  // addTable rewrites the block's cells (same values); formats are applied to the cells and kept.
  emphasise(ws, plan);
  addValidations(ws, plan);
  if (plan.page) setPage(ws, plan.page);
  if (uncached > 0) workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return {
    sheetName,
    tableNames,
    chart: plan.chart ? chartOf(plan, plan.chart, sheetName) : null,
    moreCharts: (plan.moreCharts ?? []).map((c) => chartOf(plan, c, sheetName)),
    printAreas: plan.page?.printAreas ?? [],
  };
}

export interface WriteOptions {
  /** Replace an existing file (default: refuse with EEXIST). */
  readonly overwrite?: boolean;
}

/** Writes plans as a new .xlsx file, one sheet each, their charts included. Refuses to overwrite unless asked. */
export async function writePlansXlsx(plans: readonly SheetPlan[], path: string, options: WriteOptions = {}): Promise<WrittenPlan[]> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = FILE_CREATOR;
  workbook.created = new Date();
  const written = plans.map((plan) => writePlanToWorkbook(workbook, plan));
  await writeWorkbookFile(
    workbook,
    path,
    written.flatMap((w) => [...(w.chart ? [w.chart] : []), ...w.moreCharts]),
    options,
    written,
  );
  return written;
}

/** Saves a workbook with the charts and print areas of the plans written into it. */
export async function writeWorkbookFile(
  workbook: ExcelJS.Workbook,
  path: string,
  charts: readonly XlsxChart[],
  options: WriteOptions = {},
  written: readonly Pick<WrittenPlan, "sheetName" | "printAreas">[] = [],
): Promise<void> {
  let out: Buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  if (charts.length) out = await addChartsToXlsx(out, charts);
  const areas = written.filter((w) => w.printAreas.length > 0);
  if (areas.length)
    out = await setPrintAreas(
      out,
      areas.map((w) => ({ sheetIndex: workbook.worksheets.findIndex((s) => s.name === w.sheetName), ...w })),
    );
  await writeFile(path, out, { flag: options.overwrite ? "w" : "wx" });
}

// ---- helpers ---------------------------------------------------------------------------------

/**
 * Bold in the workbook's font: a font record with only <b/> leaves the face to the reader, and
 * LibreOffice then prints the bold cells in a serif face.
 */
const BOLD: Partial<ExcelJS.Font> = { bold: true, name: "Calibri", size: 11, family: 2 };

/** A4, the plan's orientation and scale, narrow margins (inches), the title rows repeated. */
function setPage(ws: ExcelJS.Worksheet, page: PagePlan): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4 (ECMA-376 §18.3.1.64)
    orientation: page.orientation,
    fitToPage: false,
    scale: page.scale,
    margins: { left: 0.25, right: 0.25, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    ...(page.titleRows > 0 ? { printTitlesRow: `1:${page.titleRows}` } : {}),
  };
  // "&C" centres the text (ECMA-376 §18.3.1.39); headerFooterCode writes "&" as "&&" and the page number as &P.
  ws.headerFooter = {
    ...ws.headerFooter,
    ...(page.header ? { oddHeader: `&C${headerFooterCode(page.header)}` } : {}),
    ...(page.footer ? { oddFooter: `&C${headerFooterCode(page.footer)}` } : {}),
  };
}

/**
 * Writes each sheet's print areas as one defined name, `_xlnm.Print_Area` local to the sheet, its
 * ranges separated by commas (ECMA-376 §18.2.5; Excel's own form). exceljs writes one name per
 * area, which Excel reads as a duplicated name, so its names are not used.
 */
async function setPrintAreas(xlsx: Buffer, sheets: readonly { sheetIndex: number; sheetName: string; printAreas: readonly string[] }[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = "xl/workbook.xml";
  let xml = await zip.file(part)!.async("string");
  const names = sheets
    .map((s) => {
      const sheet = quoteSheetName(s.sheetName).replace(/&/g, "&amp;").replace(/</g, "&lt;");
      const ranges = s.printAreas.map((a) => `${sheet}!${absolute(a)}`).join(",");
      return `<definedName name="_xlnm.Print_Area" localSheetId="${s.sheetIndex}">${ranges}</definedName>`;
    })
    .join("");
  xml = xml.includes("<definedNames>")
    ? xml.replace("<definedNames>", `<definedNames>${names}`)
    : xml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
  zip.file(part, xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** "A1:J102" as "$A$1:$J$102". */
function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/** Writes one block's cells with their formats; returns how many formulas have no cached result. */
function writeBlock(ws: ExcelJS.Worksheet, block: CellBlock, formula: (f: string) => string): number {
  let uncached = 0;
  const footerFrom = block.values.length - (block.footerRows ?? 0);
  block.values.forEach((values, r) => {
    const row = ws.getRow(block.row + r + 1);
    const bold = r < block.headerRows || r >= footerFrom;
    values.forEach((v, c) => {
      const cell = row.getCell(block.col + c + 1);
      cell.value = cellValue(v, formula);
      if (typeof v === "object" && cachedResult(v) === undefined) uncached++;
      if (bold) cell.font = BOLD;
      if (block.align === "left") cell.alignment = { horizontal: "left" };
      if (r >= block.headerRows) {
        const format = block.columnFormats[c];
        if (format) cell.numFmt = format;
      }
    });
  });
  return uncached;
}

/** The plan's tables over their blocks' cells; returns the names written (a block without data rows gets none). */
function addTables(ws: ExcelJS.Worksheet, plan: SheetPlan, chosen: readonly string[]): string[] {
  const names: string[] = [];
  plan.tables.forEach((t, i) => {
    const block = planBlock(plan, t.block);
    if (block.values.length <= block.headerRows) return; // an Excel table needs a data row; the header stays as bold cells
    const headers: string[] = [];
    for (const h of block.values[0]) headers.push(freeName(h === "" || typeof h === "object" ? "Column" : String(h), headers, (n) => String(n)));
    ws.addTable({
      name: chosen[i],
      displayName: chosen[i],
      ref: cellAddress(block.row, block.col),
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: headers.map((h) => ({ name: h, filterButton: true })),
      // The cells as writeBlock wrote them (formulas already in the file's form).
      rows: block.values
        .slice(block.headerRows)
        .map((_, r) => headers.map((__, c) => ws.getRow(block.row + block.headerRows + r + 1).getCell(block.col + c + 1).value)),
    });
    names.push(chosen[i]);
  });
  return names;
}

function emphasise(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const main = mainBlock(plan);
  const width = main.values[0]?.length ?? 0;
  const dataRows = main.values.length - main.headerRows;
  const fill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(plan.emphasisFill) } };
  for (let i = 0; i < Math.min(plan.emphasisedRows, dataRows); i++) {
    const row = ws.getRow(main.row + main.headerRows + i + 1);
    for (let c = 0; c < width; c++) {
      const cell = row.getCell(main.col + c + 1);
      cell.fill = fill;
      cell.font = BOLD;
    }
  }
  for (const h of plan.highlights ?? []) {
    const b = planBlock(plan, h.block);
    for (const [r, c] of h.cells)
      ws.getRow(b.row + r + 1).getCell(b.col + c + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(plan.emphasisFill) } };
  }
  for (const cs of plan.colorScales ?? []) {
    const b = planBlock(plan, cs.block);
    if (b.values.length <= b.headerRows) continue;
    ws.addConditionalFormatting({
      ref: rangeAddress(b.row + b.headerRows, b.col + cs.firstColumn, b.values.length - b.headerRows, cs.columns),
      rules: [
        {
          type: "colorScale",
          priority: 2,
          cfvo: [
            { type: "num", value: -1 },
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: [{ argb: argb(COLOR_SCALE.low) }, { argb: argb(COLOR_SCALE.mid) }, { argb: argb(COLOR_SCALE.high) }],
        } as ExcelJS.ColorScaleRuleType,
      ],
    });
  }
  if (dataRows > 0 && plan.dataBarColumn !== null) {
    ws.addConditionalFormatting({
      ref: rangeAddress(main.row + main.headerRows, main.col + plan.dataBarColumn, dataRows, 1),
      rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: DATA_BAR_COLOR } } as ExcelJS.DataBarRuleType],
    });
  }
}

function addValidations(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const v of plan.validations ?? []) {
    const b = planBlock(plan, v.block);
    for (let r = b.headerRows; r < b.values.length; r++) {
      for (let c = 0; c < v.columns; c++) {
        ws.getRow(b.row + r + 1).getCell(b.col + v.firstColumn + c + 1).dataValidation = {
          type: "decimal",
          operator: "between",
          allowBlank: true,
          formulae: [v.min, v.max],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: v.alertTitle,
          error: v.alertMessage,
          showInputMessage: true,
          promptTitle: v.promptTitle,
          prompt: v.promptMessage,
        };
      }
    }
  }
}

/** A plan value as an exceljs cell value: "" is an empty cell, formulas as the file stores them. */
function cellValue(v: PlanValue, formula: (f: string) => string): ExcelJS.CellValue {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return cleanText(v) || null;
  const result = cachedResult(v);
  return result === undefined ? { formula: formula(v.formula) } : ({ formula: formula(v.formula), result } as ExcelJS.CellFormulaValue);
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
  const data = block.values.slice(block.headerRows, block.headerRows + chart.rows);
  const series = Array.from({ length: chart.series ?? 1 }, (_, k) => {
    const col = chart.valueColumn + k;
    return {
      name: `${sheet}!${cellAddress(block.row, block.col + col, true)}`,
      values: `${sheet}!${rangeAddress(first, block.col + col, chart.rows, 1, true)}`,
      valueCache: data.map((r) => {
        const v = r[col];
        return typeof v === "number" ? v : typeof v === "object" ? ((cachedResult(v) as number | undefined) ?? null) : null;
      }),
      hidden: k === 0 && chart.hideFirstSeries === true,
    };
  });
  return {
    sheetName,
    title: chart.title,
    kind: chart.type === "line" ? "line" : "bar",
    grouping: chart.type === "barStacked" ? "stacked" : "clustered",
    categories: `${sheet}!${rangeAddress(first, block.col + chart.categoryColumn, chart.rows, 1, true)}`,
    categoryCache: data.map((r) => String(r[chart.categoryColumn] ?? "")),
    series,
    anchorRow: chart.anchorRow,
    anchorCol: chart.anchorCol,
    width: chart.width,
    height: chart.height,
    legend: chart.legend,
    valueFormat: chart.valueFormat,
    reverseValues: chart.reverseValues,
  };
}
