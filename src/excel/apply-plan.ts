/* global Excel */
/**
 * Applies a sheet plan (src/core/sheet-plan.ts: the ranked sheet, or the weight-analysis sheets of
 * src/core/weight-sheets.ts) to the live workbook: a new sheet, its cells in row blocks, number
 * formats, the tables, frozen header, column widths, data bar, emphasised top N, the chart. Never
 * touches an existing sheet; on any failure the half-written sheet is deleted and the error rethrown.
 *
 * Syncs, whatever the size up to 20,000 rows in the main block: 1 (names in use) + 2 (cells) + 1
 * (tables and formatting) = 4. Beyond, one more per further block of at most 10,000 rows. Each write sync
 * carries one block's values and its number formats (format after values), so the payload per
 * sync stays near one block's worth (about 3 MB at most, with live formulas), under the web's 5 MB.
 */
import { cellAddress, freeName, rangeAddress } from "../core/a1";
import { BaseSheetPlan, blockRange, CellBlock, planBlock } from "../core/sheet-plan";
import { columnLetter } from "../core/text";
import { cellInput, freeTableNames, queueTakenNames, removeSheet } from "./workbook";

/** Most rows written by one range write. */
export const BLOCK_ROWS = 10_000;

/** Excel column width in points per character of the default font (plan widths are in characters). */
export const POINTS_PER_CHAR = 7;

/** Steps named in progress reports. */
export type ApplyStep = "prepare" | "values" | "format" | "done";

export type ProgressListener = (fraction: number, step: ApplyStep) => void;

export interface AppliedSheet {
  readonly sheetName: string;
  /** The tables' names, in plan order (free names: "ZBDS_Ranking_2" when "ZBDS_Ranking" is taken). */
  readonly tableNames: readonly string[];
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
export async function applySheetPlan(context: Excel.RequestContext, plan: BaseSheetPlan, onProgress?: ProgressListener): Promise<AppliedSheet> {
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  onProgress?.(0, "prepare");
  const taken = queueTakenNames(context);
  await sync();
  const names = taken();
  const sheetName = freeName(plan.sheetName, names.sheets);
  const tableNames = freeTableNames(
    plan.tables.map((t) => t.name),
    names.tablesAndNames,
  );

  const batches = writeBatches(plan);
  const steps = batches.length + 2;
  let sheetKey: string | null = null;
  try {
    const sheet = context.workbook.worksheets.add(sheetName);
    sheetKey = sheetName;
    sheet.load("id");
    for (let i = 0; i < batches.length; i++) {
      context.application.suspendApiCalculationUntilNextSync();
      // Once only: Microsoft warns that repeated calls make the window flicker.
      if (i === 0) context.application.suspendScreenUpdatingUntilNextSync();
      for (const piece of batches[i]) writePiece(sheet, piece);
      await sync();
      if (i === 0) sheetKey = sheet.id;
      onProgress?.((i + 2) / steps, "values");
    }
    onProgress?.((steps - 1) / steps, "format");
    context.application.suspendApiCalculationUntilNextSync();
    finishSheet(sheet, plan, tableNames);
    await sync();
    onProgress?.(1, "done");
    return { sheetName, tableNames, syncs };
  } catch (e) {
    if (sheetKey !== null) await removeSheet(context, sheetKey, names.activeSheet);
    throw e;
  }
}

// ---- helpers ---------------------------------------------------------------------------------

/**
 * The cell writes, one batch per sync. The main block's data rows are cut into at least two pieces
 * of at most {@link BLOCK_ROWS} rows, so that the sync count is the same for every size up to two
 * full blocks; the first batch also carries the main block's header and the small side blocks.
 */
function writeBatches(plan: BaseSheetPlan): Piece[][] {
  const ranking = mainBlock(plan);
  const rows = ranking.values.length - ranking.headerRows;
  const count = Math.max(2, Math.ceil(rows / BLOCK_ROWS));
  const size = Math.ceil(rows / count);
  const batches: Piece[][] = [];
  for (let i = 0; i < count; i++) {
    const from = ranking.headerRows + i * size;
    batches.push([{ block: ranking, from, count: Math.max(0, Math.min(size, ranking.values.length - from)) }]);
  }
  batches[0].unshift({ block: ranking, from: 0, count: ranking.headerRows });
  const side = plan.blocks.filter((b) => b !== ranking);
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

/** Writes the cells of a piece in one range write, then the number formats of its data rows. */
function writePiece(sheet: Excel.Worksheet, { block, from, count }: Piece): void {
  if (count <= 0) return;
  const width = block.values[0].length;
  const rows = block.values.slice(from, from + count);
  const input = rows.map((r) => r.map(cellInput));
  const range = sheet.getRange(rangeAddress(block.row + from, block.col, count, width));
  if (rows.some((r) => r.some((v) => typeof v === "object"))) range.formulas = input;
  else range.values = input;

  const first = Math.max(from, block.headerRows);
  const n = from + count - first;
  if (n <= 0) return;
  // One write per run of adjacent columns with the same format (the five sub-indices and the total share "0.00").
  for (let c = 0; c < width;) {
    const format = block.columnFormats[c];
    let end = c + 1;
    while (end < width && block.columnFormats[end] === format) end++;
    if (format) {
      const row = new Array<string>(end - c).fill(format);
      sheet.getRange(rangeAddress(block.row + first, block.col + c, n, end - c)).numberFormat = Array.from({ length: n }, () => row);
    }
    c = end;
  }
}

/** Everything after the cells, in one batch: bold headers, tables, frozen header, widths, data bar, emphasis, chart, activation. */
function finishSheet(sheet: Excel.Worksheet, plan: BaseSheetPlan, tableNames: readonly string[]): void {
  for (const b of plan.blocks) {
    if (b.headerRows > 0 && b.values.length > 0) sheet.getRange(rangeAddress(b.row, b.col, b.headerRows, b.values[0].length)).format.font.bold = true;
  }
  plan.tables.forEach((t, i) => {
    // A Range, not an address string: an address without a sheet name means the active sheet, which this one is not yet.
    const table = sheet.tables.add(sheet.getRange(blockRange(planBlock(plan, t.block))), true);
    table.name = tableNames[i];
    table.style = t.style;
  });
  if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
  plan.columnWidths.forEach((chars, c) => {
    const letter = columnLetter(c);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = chars * POINTS_PER_CHAR;
  });

  const ranking = mainBlock(plan);
  const dataRows = ranking.values.length - ranking.headerRows;
  const firstData = ranking.row + ranking.headerRows;
  if (dataRows > 0 && plan.dataBarColumn !== null) {
    const bar = sheet
      .getRange(rangeAddress(firstData, ranking.col + plan.dataBarColumn, dataRows, 1))
      .conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
    bar.dataBar.barDirection = Excel.ConditionalDataBarDirection.leftToRight;
  }
  if (plan.emphasisedRows > 0) {
    const top = sheet.getRange(rangeAddress(firstData, ranking.col, Math.min(plan.emphasisedRows, dataRows), ranking.values[0].length));
    top.format.fill.color = plan.emphasisFill;
    top.format.font.bold = true;
  }

  const c = plan.chart;
  if (c) {
    const b = planBlock(plan, c.block);
    const left = Math.min(c.categoryColumn, c.valueColumn);
    const right = Math.max(c.categoryColumn, c.valueColumn + (c.series ?? 1) - 1);
    const source = sheet.getRange(rangeAddress(b.row, b.col + left, b.headerRows + c.rows, right - left + 1));
    const chart = sheet.charts.add(Excel.ChartType[c.type], source, Excel.ChartSeriesBy.columns);
    chart.title.text = c.title;
    if (c.hideFirstSeries) chart.series.getItemAt(0).format.fill.clear();
    chart.legend.visible = false;
    // A bar chart draws its first category at the bottom; reversed, the largest count is on top as in the table.
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.setPosition(cellAddress(c.anchorRow, c.anchorCol));
    chart.width = c.width;
    chart.height = c.height;
  }
  sheet.activate();
}

function mainBlock(plan: BaseSheetPlan): CellBlock {
  return planBlock(plan, plan.mainBlock ?? "ranking");
}
