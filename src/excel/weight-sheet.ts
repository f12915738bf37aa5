/* global Excel */
/**
 * The weight table as a sheet of its own (planned in src/plans/weight-sheets.ts), reading a weight
 * table back with where it sits, and going to a cell that a finding names.
 */
import { UserError } from "../core/errors";
import type { WeightTable } from "../core/weights";
import { AhpLevel, planAhpTemplate } from "../plans/ahp-sheet";
import { planWeightSheet } from "../plans/weight-sheets";
import { Lang, WORDS } from "../text";
import { applySheetPlan } from "./apply-plan";
import { tableRangeWithoutTotals } from "./host";

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

/**
 * Inserts a new sheet (权重 / Weights, or a free name) holding the report's weights, or `table` on
 * a sheet named `sheetName`, as the Excel table ZBDS_Weights (or a free name), and selects the
 * table. On any failure the sheet is removed and the error rethrown: nothing half-written stays
 * (APPLY_PLAN_SYNCS syncs).
 *
 * @example
 * await Excel.run((context) => insertWeightSheet(context, "zh"))
 * // → { sheetName: "权重", tableName: "ZBDS_Weights", address: "权重!A1:E20" }
 */
export async function insertWeightSheet(context: Excel.RequestContext, lang: Lang, table?: WeightTable, sheetName?: string): Promise<InsertedWeightSheet> {
  const applied = await applySheetPlan(context, planWeightSheet(lang, table, sheetName));
  return { sheetName: applied.sheetName, tableName: applied.tableNames[0], address: applied.selectedAddress ?? "" };
}

/**
 * Inserts the AHP template (判断矩阵 / AHP matrix, or a free name) for one level and selects its
 * matrix, which the pane then reads as the selection (APPLY_PLAN_SYNCS syncs; nothing half-written stays).
 *
 * @example
 * await Excel.run((context) => insertAhpSheet(context, "zh", "dimensions")) // → { sheetName: "判断矩阵", address: "判断矩阵!A6:F11" }
 */
export async function insertAhpSheet(context: Excel.RequestContext, lang: Lang, level: AhpLevel): Promise<{ sheetName: string; address: string }> {
  const applied = await applySheetPlan(context, planAhpTemplate(lang, level));
  return { sheetName: applied.sheetName, address: applied.selectedAddress ?? "" };
}

/** Syncs made by {@link readWeightTableAt}. */
export const READ_WEIGHT_TABLE_AT_SYNCS = 2;

/**
 * The values of a table, header included, with where it sits (for findings that name a cell).
 * Throws {@link UserError} BAD_OPTION, listing the workbook's tables, when there is no table of that name.
 *
 * @example
 * await Excel.run((context) => readWeightTableAt(context, "ZBDS_Weights"))
 * // → { cells: [["一级指标", …], …], sheetName: "权重", address: "权重!A1:E20", top: 0, left: 0 }
 */
export async function readWeightTableAt(context: Excel.RequestContext, name: string): Promise<WeightTableAt> {
  const table = context.workbook.tables.getItemOrNullObject(name).load("name,showTotals");
  const all = context.workbook.tables.load("items/name");
  await context.sync();
  if (table.isNullObject) {
    throw new UserError("BAD_OPTION", {
      name: WORDS.weightTable,
      value: JSON.stringify(name),
      options: all.items.map((x) => x.name).join(", ") || "—",
    });
  }
  const range = tableRangeWithoutTotals(table).load("values,address,rowIndex,columnIndex");
  const sheet = table.worksheet.load("name");
  await context.sync();
  return { cells: range.values, sheetName: sheet.name, address: range.address, top: range.rowIndex, left: range.columnIndex };
}

/**
 * Activates a sheet and selects one cell of it (zero-based row and column): where the task pane
 * takes the user when a finding is clicked. Throws {@link UserError} BAD_OPTION, listing the
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
    throw new UserError("BAD_OPTION", {
      name: WORDS.worksheet,
      value: JSON.stringify(sheetName),
      options: all.items.map((x) => x.name).join(", "),
    });
  }
  sheet.activate();
  sheet.getRangeByIndexes(Math.max(0, Math.floor(row)), Math.max(0, Math.floor(col)), 1, 1).select();
  await context.sync();
}
