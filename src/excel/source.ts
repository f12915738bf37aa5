/* global Excel */
/**
 * Reading the data table the user points at: a cell inside an Excel table means the whole table,
 * a cell elsewhere means its surrounding region (Excel's "current region"), and a larger selection
 * means exactly that selection, trimmed to the sheet's used range (so selecting whole columns works).
 */
import { isBlankRow } from "../core/cells";
import { UserError } from "../core/errors";
import { isInvalidSelection, tableRangeWithoutTotals } from "./host";

export interface SourceTable {
  readonly sheetName: string;
  /** Excel's address of the range read, sheet included: "Sheet1!A1:J101". */
  readonly address: string;
  /** The Excel table read, when the selection was one cell inside a table. */
  readonly tableName: string | null;
  /** Raw values (numbers, strings, booleans; "" for blank), header row included. */
  readonly values: unknown[][];
  /** Zero-based sheet row and column of values[0][0]. */
  readonly top: number;
  readonly left: number;
}

/** Excel fails to read more cells than this in one request (see DESIGN §4). */
export const MAX_READ_CELLS = 5_000_000;

/**
 * Reads the table around the selection, in three syncs: the selection, the size of the range to
 * read (checked before any value is loaded), then its values.
 * Throws {@link UserError} NO_SELECTION (several areas, a chart or a shape selected),
 * SELECTION_TOO_LARGE (over {@link MAX_READ_CELLS} cells) or EMPTY_RANGE (nothing but blanks).
 *
 * @example
 * const source = await Excel.run((context) => readSource(context));
 * source.address // → "Sheet1!A1:J101" (a cell in a table was selected: the whole table)
 */
export async function readSource(context: Excel.RequestContext): Promise<SourceTable> {
  const selected = context.workbook.getSelectedRange().load("cellCount");
  const tables = selected.getTables(false).load("items/name,items/showTotals");
  const sheet = selected.worksheet.load("name");
  try {
    await context.sync();
  } catch (e) {
    if (isInvalidSelection(e)) throw new UserError("NO_SELECTION");
    throw e;
  }

  let target: Excel.Range;
  let tableName: string | null = null;
  if (selected.cellCount === 1 && tables.items.length > 0) {
    tableName = tables.items[0].name;
    target = tableRangeWithoutTotals(tables.items[0]);
  } else if (selected.cellCount === 1) {
    target = selected.getSurroundingRegion();
  } else {
    target = selected.getIntersectionOrNullObject(selected.worksheet.getUsedRangeOrNullObject(true));
  }
  target.load("address,cellCount,rowIndex,columnIndex");
  await context.sync();
  if (target.isNullObject) throw new UserError("EMPTY_RANGE");
  if (target.cellCount > MAX_READ_CELLS) throw new UserError("SELECTION_TOO_LARGE", { cells: target.cellCount.toLocaleString("en-US") });

  target.load("values");
  await context.sync();
  const values = target.values;
  if (values.every((row) => isBlankRow(row))) throw new UserError("EMPTY_RANGE");
  return { sheetName: sheet.name, address: target.address, tableName, values, top: target.rowIndex, left: target.columnIndex };
}
