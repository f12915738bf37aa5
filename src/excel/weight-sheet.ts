/* global Excel */
/**
 * The weight table as a sheet of its own: inserting the report's weights as a named Excel table
 * the user can edit (validated input, live sums and effective weights beside it), reading a weight
 * table back with where it sits, and going to a cell that a finding names.
 *
 * Sheet written by {@link insertWeightSheet} (zero-based rows/columns, "zh"):
 *   A1:E20  table ZBDS_Weights: 一级指标, 二级指标, 一级指标权重, 二级指标权重 (the canonical layout,
 *           as LIVEWEIGHTS() spills it), 有效权重 = 一级指标权重 × 二级指标权重 (a calculated column)
 *   G1:J7   per dimension: its weight, the sum of its indicator weights, the sum of its effective
 *           weights; then the totals (the dimension weights should sum to 100%)
 * Formulas use structured references (ZBDS_Weights[二级指标权重]), so they follow the table when the
 * user renames it or adds rows. The fifth column's header is no alias of a weight column, so
 * `checkWeights` reads the table as the four canonical columns and ignores it.
 */
import { freeName, rangeAddress } from "../core/a1";
import { IndexError, Lang } from "../core/errors";
import { DIMENSIONS } from "../core/framework";
import type { PlanValue } from "../core/sheet-plan";
import { columnLetter, displayWidth } from "../core/text";
import { weightTableToCells } from "../core/weights";
import { POINTS_PER_CHAR } from "./apply-plan";
import { cellInput, freeTableNames, queueTakenNames, removeSheet, selectNewTable } from "./workbook";

export interface InsertedWeightSheet {
  readonly sheetName: string;
  readonly tableName: string;
  /** Excel's address of the whole table, header included ("权重!A1:E20"). */
  readonly address: string;
}

export interface WeightTableAt {
  /** The table's values, header included. */
  readonly cells: unknown[][];
  readonly sheetName: string;
  /** Excel's address of the whole table, header included. */
  readonly address: string;
  /** Zero-based sheet row and column of the table's top-left cell (its header's first cell). */
  readonly top: number;
  readonly left: number;
}

/** Syncs made by {@link insertWeightSheet}, whatever happens: names in use, then everything else at once. */
export const INSERT_WEIGHT_SHEET_SYNCS = 2;

const TEXT = {
  zh: {
    sheet: "权重",
    effective: "有效权重",
    dimension: "一级指标",
    dimensionWeight: "一级指标权重",
    indicatorSum: "二级指标权重之和",
    effectiveSum: "有效权重之和",
    total: "合计",
    alertTitle: "权重无效",
    alertMessage: "请输入 0% 到 100% 之间的权重（例如 25%）。",
    promptTitle: "权重",
    promptMessage: "0% 到 100%。每个一级指标下的二级指标权重之和、以及一级指标权重之和应为 100%（右侧有合计）。",
  },
  en: {
    sheet: "Weights",
    effective: "Effective weight",
    dimension: "Dimension",
    dimensionWeight: "Dimension weight",
    indicatorSum: "Sum of indicator weights",
    effectiveSum: "Sum of effective weights",
    total: "Total",
    alertTitle: "Invalid weight",
    alertMessage: "Enter a weight between 0% and 100% (for example 25%).",
    promptTitle: "Weight",
    promptMessage: "0% to 100%. The indicator weights of each dimension, and the dimension weights, should sum to 100% (totals on the right).",
  },
} as const;

const TABLE_NAME = "ZBDS_Weights";
const TABLE_STYLE = "TableStyleMedium2";
const WEIGHT_FORMAT = "0%";
const EFFECTIVE_FORMAT = "0.0%";
/** Sheet column of the sums beside the table (one empty column between). */
const SIDE_COL = 6;

/**
 * Inserts a new sheet (权重 / Weights, or a free name) holding the report's weights as the Excel
 * table ZBDS_Weights (or a free name), and selects the table. On any failure the sheet is removed
 * and the error rethrown: nothing half-written stays. {@link INSERT_WEIGHT_SHEET_SYNCS} syncs.
 *
 * @example
 * await Excel.run((context) => insertWeightSheet(context, "zh"))
 * // → { sheetName: "权重", tableName: "ZBDS_Weights", address: "权重!A1:E20" }
 */
export async function insertWeightSheet(context: Excel.RequestContext, lang: Lang): Promise<InsertedWeightSheet> {
  const t = TEXT[lang];
  const taken = queueTakenNames(context);
  await context.sync();
  const names = taken();
  const sheetName = freeName(t.sheet, names.sheets);
  const [tableName] = freeTableNames([TABLE_NAME], names.tablesAndNames);

  const cells = weightTableToCells(lang);
  const header = [...cells[0].map(String), t.effective];
  const dataRows = cells.length - 1;
  const sideRows = sideBlock(tableName, header, lang);
  try {
    const sheet = context.workbook.worksheets.add(sheetName);
    context.application.suspendApiCalculationUntilNextSync();
    // Header and the four canonical columns first; the calculated column once the table exists.
    sheet.getRange(rangeAddress(0, 0, 1, header.length)).values = [header.map(cellInput)];
    sheet.getRange(rangeAddress(1, 0, dataRows, 4)).values = cells.slice(1).map((r) => r.map(cellInput));
    const table = sheet.tables.add(sheet.getRange(rangeAddress(0, 0, dataRows + 1, header.length)), true);
    table.name = tableName;
    table.style = TABLE_STYLE;
    const [dimW, indW] = [header[2], header[3]].map((h) => thisRow(h));
    sheet.getRange(rangeAddress(1, 4, dataRows, 1)).formulas = rowsOf(dataRows, () => [`=${dimW}*${indW}`]);

    const weights = sheet.getRange(rangeAddress(1, 2, dataRows, 2));
    weights.numberFormat = rowsOf(dataRows, () => [WEIGHT_FORMAT, WEIGHT_FORMAT]);
    sheet.getRange(rangeAddress(1, 4, dataRows, 1)).numberFormat = rowsOf(dataRows, () => [EFFECTIVE_FORMAT]);
    weights.dataValidation.rule = { decimal: { formula1: 0, formula2: 1, operator: Excel.DataValidationOperator.between } };
    weights.dataValidation.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: t.alertTitle, message: t.alertMessage };
    weights.dataValidation.prompt = { showPrompt: true, title: t.promptTitle, message: t.promptMessage };

    sheet.getRange(rangeAddress(0, SIDE_COL, sideRows.length, 4)).formulas = sideRows.map((r) => r.map(cellInput));
    sheet.getRange(rangeAddress(1, SIDE_COL + 1, sideRows.length - 1, 3)).numberFormat = rowsOf(sideRows.length - 1, () => [
      WEIGHT_FORMAT,
      WEIGHT_FORMAT,
      EFFECTIVE_FORMAT,
    ]);
    sheet.getRange(rangeAddress(0, SIDE_COL, 1, 4)).format.font.bold = true;
    sheet.getRange(rangeAddress(sideRows.length - 1, SIDE_COL, 1, 4)).format.font.bold = true;

    widths([...cells.map((r) => [...r, t.effective]), ...sideRows.map((r) => [...new Array<string>(SIDE_COL).fill(""), ...r])]).forEach((chars, c) => {
      if (chars > 0) sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = chars * POINTS_PER_CHAR;
    });

    return { sheetName, tableName, address: await selectNewTable(context, sheet, table) };
  } catch (e) {
    await removeSheet(context, sheetName, names.activeSheet);
    throw e;
  }
}

/** Syncs made by {@link readWeightTableAt}. */
export const READ_WEIGHT_TABLE_AT_SYNCS = 2;

/**
 * The values of a table, header included, with where it sits (for findings that name a cell).
 * Throws {@link IndexError} BAD_OPTION, listing the workbook's tables, when there is no table of that name.
 *
 * @example
 * await Excel.run((context) => readWeightTableAt(context, "ZBDS_Weights"))
 * // → { cells: [["一级指标", …], …], sheetName: "权重", address: "权重!A1:E20", top: 0, left: 0 }
 */
export async function readWeightTableAt(context: Excel.RequestContext, name: string): Promise<WeightTableAt> {
  const table = context.workbook.tables.getItemOrNullObject(name).load("name");
  const all = context.workbook.tables.load("items/name");
  await context.sync();
  if (table.isNullObject) {
    throw new IndexError("BAD_OPTION", {
      name: { zh: "权重表", en: "weight table" },
      value: JSON.stringify(name),
      options: all.items.map((x) => x.name).join(", ") || "—",
    });
  }
  const range = table.getRange().load("values,address,rowIndex,columnIndex");
  const sheet = table.worksheet.load("name");
  await context.sync();
  return { cells: range.values, sheetName: sheet.name, address: range.address, top: range.rowIndex, left: range.columnIndex };
}

/**
 * Activates a sheet and selects one cell of it (zero-based row and column): where the task pane
 * takes the user when a finding is clicked. Throws {@link IndexError} BAD_OPTION, listing the
 * sheets, when the sheet is gone. Two syncs.
 *
 * @example
 * await Excel.run((context) => selectCell(context, "权重", 4, 3)) // selects 权重!D5
 */
export async function selectCell(context: Excel.RequestContext, sheetName: string, row: number, col: number): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName).load("name");
  const all = context.workbook.worksheets.load("items/name");
  await context.sync();
  if (sheet.isNullObject) {
    throw new IndexError("BAD_OPTION", {
      name: { zh: "工作表", en: "worksheet" },
      value: JSON.stringify(sheetName),
      options: all.items.map((x) => x.name).join(", "),
    });
  }
  sheet.activate();
  sheet.getRangeByIndexes(Math.max(0, Math.floor(row)), Math.max(0, Math.floor(col)), 1, 1).select();
  await context.sync();
}

// ---- helpers ---------------------------------------------------------------------------------

/**
 * The block beside the table: one row per dimension (its weight, the sums of its indicator and
 * effective weights), then the totals. Cells are formulas over the table's columns.
 */
function sideBlock(table: string, header: readonly string[], lang: Lang): PlanValue[][] {
  const t = TEXT[lang];
  const [dimension, , dimensionWeight, indicatorWeight, effective] = header.map((h) => column(table, h));
  const rows: PlanValue[][] = [[t.dimension, t.dimensionWeight, t.indicatorSum, t.effectiveSum]];
  DIMENSIONS.forEach((d, i) => {
    const name = `${columnLetter(SIDE_COL)}${i + 2}`;
    rows.push([
      d[lang],
      // The dimension's weight as written on its rows (they should agree; checkWeights says when they do not).
      { formula: `IFERROR(AVERAGEIFS(${dimensionWeight},${dimension},${name}),0)` },
      { formula: `SUMIFS(${indicatorWeight},${dimension},${name})` },
      { formula: `SUMIFS(${effective},${dimension},${name})` },
    ]);
  });
  const sum = (c: number) => ({ formula: `SUM(${rangeAddress(1, SIDE_COL + c, DIMENSIONS.length, 1)})` });
  rows.push([t.total, sum(1), "", sum(3)]);
  return rows;
}

/** A structured reference to a whole column: Table[Column] (with [, ], # and ' escaped by '). */
function column(table: string, name: string): string {
  return `${table}[${escapeColumn(name)}]`;
}

/** A structured reference to this row's cell of a column, inside the table: [@[Column]]. */
function thisRow(name: string): string {
  return `[@[${escapeColumn(name)}]]`;
}

function escapeColumn(name: string): string {
  return name.replace(/['#[\]]/g, (c) => `'${c}`);
}

function rowsOf<T>(n: number, row: () => T[]): T[][] {
  return Array.from({ length: n }, row);
}

/** Width in characters per sheet column, from the widest value (0 for columns left empty). */
function widths(rows: readonly (readonly unknown[])[]): number[] {
  const out: number[] = [];
  for (const r of rows) {
    r.forEach((v, c) => {
      const shown = typeof v === "string" ? v : typeof v === "number" ? "100%" : "";
      out[c] = Math.max(out[c] ?? 0, shown ? Math.min(40, displayWidth(shown) + 2) : 0);
    });
  }
  return Array.from(out, (w) => (w ? Math.max(8, w) : 0));
}
