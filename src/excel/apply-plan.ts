/* global Excel */
/**
 * Applies any sheet plan (src/plans) to the live workbook: a new sheet, its cells in row blocks,
 * number formats, the tables (then the formulas that refer to them), bold header and footer rows,
 * frozen header, column widths, data validation, data bar, emphasised top N, the chart, the
 * selection. Creating, naming and rolling back a new sheet is written here and nowhere else: it
 * never touches an existing sheet, and on any failure the half-written sheet is deleted and the
 * error rethrown.
 *
 * Syncs, whatever the size up to 20,000 rows in the main block: 1 (names in use, the new sheet
 * created under a placeholder name) + 2 (the sheet named, its cells) + 1 (tables and formatting) = 4. Beyond, one more per further block of at most 10,000 rows. Each write
 * sync carries one block's values and its number formats (format after values), so the payload per
 * sync stays near one block's worth (about 3 MB at most, with live formulas), under the web's 5 MB.
 */
import { cellAddress, freeName, rangeAddress } from "../plans/a1";
import { blockRange, CellBlock, ChartPlan, COLOR_SCALE, mainBlock, PagePlan, planBlock, renameTables, SheetPlan } from "../plans/plan";
import { headerFooterCode } from "../plans/page";
import { columnLetter } from "../core/text";
import type { ProgressStep } from "../text";
import { cellInput, isNameTaken } from "./host";
import { freeTableNames, queueTakenNames, removeSheet } from "./workbook";

/** Most rows written by one range write. */
export const BLOCK_ROWS = 10_000;

/** Excel column width in points per character of the default font (plan widths are in characters). */
export const POINTS_PER_CHAR = 7;

/** Syncs of {@link applySheetPlan} for a plan whose main block has at most 2 × {@link BLOCK_ROWS} rows. */
export const APPLY_PLAN_SYNCS = 4;

export type ProgressListener = (fraction: number, step: ProgressStep) => void;

export interface ApplyOptions {
  readonly onProgress?: ProgressListener;
  /** Queued into the last batch, after the sheet is complete: what must succeed or fail with it (a setting). */
  readonly alsoQueue?: (context: Excel.RequestContext) => void;
}

export interface AppliedSheet {
  readonly sheetName: string;
  /** The tables' names, in plan order (free names: "ZBDS_Ranking_2" when "ZBDS_Ranking" is taken). */
  readonly tableNames: readonly string[];
  /** Excel's address of the selected block (with the sheet), when the plan selects one. */
  readonly selectedAddress: string | null;
  readonly syncs: number;
}

/** Rows [from, from + count) of one block. */
interface Piece {
  readonly block: CellBlock;
  readonly from: number;
  readonly count: number;
}

/**
 * Writes a plan to a new worksheet and activates it.
 *
 * @example
 * const { sheetName, syncs } = await Excel.run((context) => applySheetPlan(context, plan));
 * // sheetName → "排名 (2)" when 排名 exists; syncs → 4 for 100 rows
 */
export async function applySheetPlan(context: Excel.RequestContext, plan: SheetPlan, options: ApplyOptions = {}): Promise<AppliedSheet> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  // The new sheet is created in the first batch, under a name no one else would choose, so that
  // a failure can only ever delete this sheet: by that name until its id is known, then by its id.
  const taken = queueTakenNames(context);
  const placeholder = placeholderSheetName();
  const sheet = context.workbook.worksheets.add(placeholder);
  sheet.load("id");
  let sheetKey = placeholder;
  let activeBefore: string | null = null;
  try {
    await sync();
    sheetKey = sheet.id;
    const names = taken();
    activeBefore = names.activeSheet;
    const sheetNames = names.sheets.filter((n) => n !== placeholder);
    let sheetName = freeName(plan.sheetName, sheetNames);
    const tableNames = freeTableNames(
      plan.tables.map((t) => t.name),
      names.tablesAndNames,
    );
    const renames = new Map(plan.tables.map((t, i) => [t.name, tableNames[i]]));

    const batches = writeBatches(plan);
    const steps = batches.length + 2;
    for (let i = 0; i < batches.length; i++) {
      for (let attempt = 1; ; attempt++) {
        // The rename comes first in its batch: when it fails, nothing after it has run.
        if (i === 0) sheet.name = sheetName;
        context.application.suspendApiCalculationUntilNextSync();
        // Once only: Microsoft warns that repeated calls make the window flicker.
        if (i === 0 && attempt === 1) context.application.suspendScreenUpdatingUntilNextSync();
        for (const piece of batches[i]) writePiece(sheet, piece);
        try {
          await sync();
          break;
        } catch (e) {
          // A chart sheet's name is taken but invisible to worksheets.load (see isNameTaken): try the next free name.
          if (i > 0 || !isNameTaken(e) || attempt >= MAX_NAME_ATTEMPTS) throw e;
          sheetNames.push(sheetName);
          sheetName = freeName(plan.sheetName, sheetNames);
        }
      }
      options.onProgress?.((i + 2) / steps, "values");
    }
    options.onProgress?.((steps - 1) / steps, "format");
    context.application.suspendApiCalculationUntilNextSync();
    const selected = finishSheet(sheet, plan, tableNames, renames);
    options.alsoQueue?.(context);
    await sync();
    options.onProgress?.(1, "done");
    return { sheetName, tableNames, selectedAddress: selected ? selected.address : null, syncs };
  } catch (e) {
    await removeSheet(context, sheetKey, activeBefore);
    throw e;
  }
}

/** Renames tried when the wanted sheet names are taken by chart sheets. */
const MAX_NAME_ATTEMPTS = 50;

/** A sheet name for the moment between creating a sheet and naming it: valid, and no one else's. */
function placeholderSheetName(): string {
  return `ZBDS~${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

// ---- helpers ---------------------------------------------------------------------------------

/**
 * The cell writes, one batch per sync. The main block's data rows are cut into at least two pieces
 * of at most {@link BLOCK_ROWS} rows, so that the sync count is the same for every size up to two
 * full blocks; the first batch also carries the main block's header and the small side blocks.
 */
function writeBatches(plan: SheetPlan): Piece[][] {
  const main = mainBlock(plan);
  const rows = main.values.length - main.headerRows;
  const count = Math.max(2, Math.ceil(rows / BLOCK_ROWS));
  const size = Math.ceil(rows / count);
  const batches: Piece[][] = [];
  for (let i = 0; i < count; i++) {
    const from = main.headerRows + i * size;
    batches.push([{ block: main, from, count: Math.max(0, Math.min(size, main.values.length - from)) }]);
  }
  batches[0].unshift({ block: main, from: 0, count: main.headerRows });
  const side = plan.blocks.filter((b) => b !== main);
  if (side.reduce((n, b) => n + b.values.length, 0) <= BLOCK_ROWS) {
    batches[0].push(...side.map((block) => ({ block, from: 0, count: block.values.length })));
  } else {
    // Only a huge top N over very many provinces gets here: each further block costs one sync.
    for (const block of side) {
      for (let from = 0; from < block.values.length; from += BLOCK_ROWS)
        batches.push([{ block, from, count: Math.min(BLOCK_ROWS, block.values.length - from) }]);
    }
  }
  return batches;
}

/** True for a formula that refers to a table ("Table[Column]", "[@[Column]]"): written once the tables exist. */
function refersToTable(v: unknown): boolean {
  return typeof v === "object" && v !== null && (v as { formula: string }).formula.includes("[");
}

/** Writes the cells of a piece in one range write (table formulas left blank for now), then the number formats of its data rows. */
function writePiece(sheet: Excel.Worksheet, { block, from, count }: Piece): void {
  if (count <= 0) return;
  const width = block.values[0].length;
  const rows = block.values.slice(from, from + count);
  const input = rows.map((r) => r.map((v) => (refersToTable(v) ? "" : cellInput(v))));
  const range = sheet.getRange(rangeAddress(block.row + from, block.col, count, width));
  if (rows.some((r) => r.some((v) => typeof v === "object" && !refersToTable(v)))) range.formulas = input;
  else range.values = input;

  const first = Math.max(from, block.headerRows);
  const n = from + count - first;
  if (n <= 0) return;
  // One write per run of adjacent columns with the same format (the five sub-indices and the total share "0.00").
  for (let c = 0; c < width;) {
    const format = block.columnFormats[c] ?? null;
    let end = c + 1;
    while (end < width && (block.columnFormats[end] ?? null) === format) end++;
    if (format) {
      const row = new Array<string>(end - c).fill(format);
      sheet.getRange(rangeAddress(block.row + first, block.col + c, n, end - c)).numberFormat = Array.from({ length: n }, () => row);
    }
    c = end;
  }
}

/** Everything after the cells, in one batch; returns the selected range (loaded with its address), if any. */
function finishSheet(sheet: Excel.Worksheet, plan: SheetPlan, tableNames: readonly string[], renames: ReadonlyMap<string, string>): Excel.Range | null {
  const tables = plan.tables.map((t, i) => {
    // A Range, not an address string: an address without a sheet name means the active sheet, which this one is not yet.
    const table = sheet.tables.add(sheet.getRange(blockRange(planBlock(plan, t.block))), true);
    table.name = tableNames[i];
    table.style = t.style;
    return table;
  });
  writeTableFormulas(sheet, plan, renames);
  for (const b of plan.blocks) boldRows(sheet, b);
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  plan.columnWidths.forEach((chars, c) => {
    if (chars <= 0) return;
    const letter = columnLetter(c);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = chars * POINTS_PER_CHAR;
  });
  for (const v of plan.validations ?? []) {
    const b = planBlock(plan, v.block);
    const range = sheet.getRange(rangeAddress(b.row + b.headerRows, b.col + v.firstColumn, b.values.length - b.headerRows, v.columns));
    range.dataValidation.rule = { decimal: { formula1: v.min, formula2: v.max, operator: Excel.DataValidationOperator.between } };
    range.dataValidation.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: v.alertTitle, message: v.alertMessage };
    range.dataValidation.prompt = { showPrompt: true, title: v.promptTitle, message: v.promptMessage };
  }
  emphasise(sheet, plan);
  for (const c of [...(plan.chart ? [plan.chart] : []), ...(plan.moreCharts ?? [])]) addChart(sheet, plan, c);
  if (plan.page) setPage(sheet, plan.page);
  if (plan.activate === false) return null;
  sheet.activate();
  if (!plan.select) return null;
  const index = plan.tables.findIndex((t) => t.block === plan.select);
  const selected = index >= 0 ? tables[index].getRange() : sheet.getRange(blockRange(planBlock(plan, plan.select)));
  selected.select();
  return selected.load("address");
}

/** The formulas that refer to tables, cell by cell, now that the tables exist (with the names they took). */
function writeTableFormulas(sheet: Excel.Worksheet, plan: SheetPlan, renames: ReadonlyMap<string, string>): void {
  for (const b of plan.blocks) {
    b.values.forEach((row, r) => {
      // Runs of adjacent table formulas in a row: one write each.
      for (let c = 0; c < row.length;) {
        if (!refersToTable(row[c])) {
          c++;
          continue;
        }
        let end = c + 1;
        while (end < row.length && refersToTable(row[end])) end++;
        const formulas = row.slice(c, end).map((v) => `=${renameTables((v as { formula: string }).formula, renames)}`);
        sheet.getRange(rangeAddress(b.row + r, b.col + c, 1, end - c)).formulas = [formulas];
        c = end;
      }
    });
  }
}

function boldRows(sheet: Excel.Worksheet, b: CellBlock): void {
  const width = b.values[0]?.length ?? 0;
  if (width === 0) return;
  if (b.align === "left") sheet.getRange(rangeAddress(b.row, b.col, b.values.length, width)).format.horizontalAlignment = Excel.HorizontalAlignment.left;
  if (b.headerRows > 0) sheet.getRange(rangeAddress(b.row, b.col, b.headerRows, width)).format.font.bold = true;
  const footer = b.footerRows ?? 0;
  if (footer > 0) sheet.getRange(rangeAddress(b.row + b.values.length - footer, b.col, footer, width)).format.font.bold = true;
}

function emphasise(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const main = mainBlock(plan);
  const dataRows = main.values.length - main.headerRows;
  const firstData = main.row + main.headerRows;
  if (dataRows > 0 && plan.dataBarColumn !== null) {
    const bar = sheet.getRange(rangeAddress(firstData, main.col + plan.dataBarColumn, dataRows, 1)).conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
    bar.dataBar.barDirection = Excel.ConditionalDataBarDirection.leftToRight;
  }
  if (plan.emphasisedRows > 0) {
    const top = sheet.getRange(rangeAddress(firstData, main.col, Math.min(plan.emphasisedRows, dataRows), main.values[0].length));
    top.format.fill.color = plan.emphasisFill;
    top.format.font.bold = true;
  }
  for (const h of plan.highlights ?? []) {
    const b = planBlock(plan, h.block);
    for (const [r, c] of h.cells) sheet.getRange(rangeAddress(b.row + r, b.col + c, 1, 1)).format.fill.color = plan.emphasisFill;
  }
  // A heatmap: −1 red, 0 white, +1 blue (ExcelApi 1.6, learn.microsoft.com: Excel.ColorScaleConditionalFormat).
  for (const cs of plan.colorScales ?? []) {
    const b = planBlock(plan, cs.block);
    if (b.values.length <= b.headerRows) continue;
    const range = sheet.getRange(rangeAddress(b.row + b.headerRows, b.col + cs.firstColumn, b.values.length - b.headerRows, cs.columns));
    const scale = range.conditionalFormats.add(Excel.ConditionalFormatType.colorScale);
    const point = (formula: string, color: string) => ({ formula, type: Excel.ConditionalFormatColorCriterionType.number, color });
    scale.colorScale.criteria = { minimum: point("-1", COLOR_SCALE.low), midpoint: point("0", COLOR_SCALE.mid), maximum: point("1", COLOR_SCALE.high) };
  }
}

/**
 * A4, the plan's orientation and scale, narrow margins (points), the title rows repeated, the
 * print areas (ExcelApi 1.9, learn.microsoft.com: Excel.PageLayout, Excel.PageLayoutZoomOptions).
 */
function setPage(sheet: Excel.Worksheet, page: PagePlan): void {
  const layout = sheet.pageLayout;
  layout.orientation = page.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  layout.paperSize = Excel.PaperType.a4;
  layout.zoom = { scale: page.scale };
  layout.leftMargin = 18;
  layout.rightMargin = 18;
  layout.topMargin = 36;
  layout.bottomMargin = 36;
  if (page.titleRows > 0) layout.setPrintTitleRows(`$1:$${page.titleRows}`);
  // The title at the top centre of every printed page, the page number at the bottom (in Excel's codes: plans/page.ts).
  if (page.header) layout.headersFooters.defaultForAllPages.centerHeader = headerFooterCode(page.header);
  if (page.footer) layout.headersFooters.defaultForAllPages.centerFooter = headerFooterCode(page.footer);
  if (page.printAreas.length) layout.setPrintArea(page.printAreas.join(","));
}

function addChart(sheet: Excel.Worksheet, plan: SheetPlan, c: ChartPlan): void {
  const b = planBlock(plan, c.block);
  const left = Math.min(c.categoryColumn, c.valueColumn);
  const right = Math.max(c.categoryColumn, c.valueColumn + (c.series ?? 1) - 1);
  const source = sheet.getRange(rangeAddress(b.row, b.col + left, b.headerRows + c.rows, right - left + 1));
  const line = c.type === "line";
  const chart = sheet.charts.add(line ? Excel.ChartType.lineMarkers : Excel.ChartType[c.type], source, Excel.ChartSeriesBy.columns);
  chart.title.text = c.title;
  if (c.hideFirstSeries) chart.series.getItemAt(0).format.fill.clear();
  chart.legend.visible = c.legend === true;
  // A slope chart's lines are named at the right, beside where they end.
  if (c.legend) chart.legend.position = line ? Excel.ChartLegendPosition.right : Excel.ChartLegendPosition.bottom;
  if (c.valueFormat) chart.axes.valueAxis.numberFormat = c.valueFormat;
  if (c.reverseValues) {
    // Ranks: 1 at the top (ChartAxis.reversePlotOrder and minimum, ExcelApi 1.7).
    chart.axes.valueAxis.reversePlotOrder = true;
    chart.axes.valueAxis.minimum = 1;
  }
  if (!line) {
    // A bar chart draws its first category at the bottom; reversed, the largest count is on top as in the table.
    chart.axes.categoryAxis.reversePlotOrder = true;
    // Category names at the low end of the value axis, not at zero: negative bars (rank moves down) would cover them.
    chart.axes.categoryAxis.tickLabelPosition = Excel.ChartAxisTickLabelPosition.low;
  }
  chart.setPosition(cellAddress(c.anchorRow, c.anchorCol));
  chart.width = c.width;
  chart.height = c.height;
}
