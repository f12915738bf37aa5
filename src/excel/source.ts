/* global Excel */
/**
 * Reading the data table the user points at: a cell inside an Excel table means the whole table,
 * a cell elsewhere means its surrounding region (Excel's "current region"), and a larger selection
 * means exactly that selection, trimmed to the sheet's used range (so selecting whole columns works).
 */
import { isBlankRow } from "../core/cells";
import { UserError } from "../core/errors";
import { isInvalidSelection, isResponseTooLarge, jsonBytes, tableRangeWithoutTotals } from "./host";

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
  /** Zero-based indexes into `values` of the rows hidden by hand or by a filter. */
  readonly hiddenRows: readonly number[];
}

/** The most cells the pane reads from one selection (a sheet's whole used range can be far larger than any data table). */
export const MAX_READ_CELLS = 5_000_000;

/**
 * Bytes a block read aims at. Excel on the web refuses a response over 5 MB (learn.microsoft.com:
 * Resource limits and performance optimization for Office Add-ins, "Excel add-ins"; DESIGN §4), so
 * the source is read in row blocks sized from the bytes per row measured so far, with room to spare
 * for rows longer than the ones measured.
 */
export const READ_BLOCK_BYTES = 3 * 1024 * 1024;

/** Cells of the first block, read before any row has been measured (about 1 MB of numbers and names). */
export const FIRST_BLOCK_CELLS = 50_000;

/**
 * Reads the table around the selection: the selection (one sync), the size of the range to read
 * (checked before any value is loaded), then its values in row blocks of at most about
 * {@link READ_BLOCK_BYTES}, the first with the rows hidden in the range. A range of up to
 * {@link FIRST_BLOCK_CELLS} cells takes three syncs.
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
  target.load("address,cellCount,rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (target.isNullObject) throw new UserError("EMPTY_RANGE");
  if (target.cellCount > MAX_READ_CELLS) throw new UserError("SELECTION_TOO_LARGE", { cells: target.cellCount.toLocaleString("en-US") });

  // Rows hidden by hand or by a filter: the visible cells' areas, read with the first block.
  const visible = target.rowCount > 1 ? target.getSpecialCellsOrNullObject(Excel.SpecialCellType.visible) : null;
  const values = await readRowBlocks(context, target, () => visible?.load("areas/items/rowIndex,areas/items/rowCount"));
  if (values.every((row) => isBlankRow(row))) throw new UserError("EMPTY_RANGE");
  const hiddenRows = visible ? hiddenRowsOf(visible, target.rowIndex, target.rowCount) : [];
  return { sheetName: sheet.name, address: target.address, tableName, values, top: target.rowIndex, left: target.columnIndex, hiddenRows };
}

/**
 * The values of a range (rowCount and columnCount loaded), in row blocks sized so that each
 * response stays near {@link READ_BLOCK_BYTES}. A block refused as too large is read again in two
 * halves. `withFirst` queues what must come back with the first block (queued again on a retry).
 */
async function readRowBlocks(context: Excel.RequestContext, range: Excel.Range, withFirst: () => void): Promise<unknown[][]> {
  const rows = range.rowCount;
  const width = range.columnCount;
  const values: unknown[][] = [];
  let blockRows = Math.max(1, Math.floor(FIRST_BLOCK_CELLS / width));
  let bytesPerRow = 0;
  for (let from = 0; from < rows;) {
    const n = Math.min(blockRows, rows - from);
    if (from === 0) withFirst();
    const block = (n === rows ? range : range.worksheet.getRangeByIndexes(range.rowIndex + from, range.columnIndex, n, width)).load("values");
    try {
      // One sync per block is the point: each response must stay under the web's 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isResponseTooLarge(e) || n === 1) throw e;
      blockRows = Math.ceil(n / 2);
      continue;
    }
    const got = block.values;
    // One row at a time: a spread of a block's rows could overflow the call stack.
    for (const row of got) values.push(row);
    bytesPerRow = Math.max(bytesPerRow, jsonBytes(got) / n);
    blockRows = Math.max(1, Math.floor(READ_BLOCK_BYTES / bytesPerRow));
    from += n;
  }
  return values;
}

/**
 * Zero-based rows of the range (of `count` rows from sheet row `top`) that are in no visible area:
 * the rows hidden by hand or by a filter. A null object (no visible cell) means every row is hidden.
 */
function hiddenRowsOf(visible: Excel.RangeAreas, top: number, count: number): number[] {
  const shown = new Uint8Array(count);
  if (!visible.isNullObject) {
    for (const area of visible.areas.items) {
      for (let r = Math.max(0, area.rowIndex - top); r < Math.min(count, area.rowIndex - top + area.rowCount); r++) shown[r] = 1;
    }
  }
  const hidden: number[] = [];
  for (let r = 0; r < count; r++) if (!shown[r]) hidden.push(r);
  return hidden;
}

/**
 * The source as the functions would not see it: its hidden rows below the header row blanked, so
 * that they are blank rows (no rank, in no statistic) while every other row keeps its row number.
 *
 * @example
 * visibleRowsOnly({ ...source, hiddenRows: [3] }, 0).values[3] // → ["", "", …]
 */
export function visibleRowsOnly(source: SourceTable, headerRow: number): SourceTable {
  const hidden = new Set(hiddenDataRows(source, headerRow));
  if (hidden.size === 0) return source;
  const values = source.values.map((row, r) => (hidden.has(r) ? row.map(() => "") : row));
  return { ...source, values, hiddenRows: [] };
}

/** The hidden rows below the header row (hidden titles and notes above it do not count). */
export function hiddenDataRows(source: SourceTable, headerRow: number): readonly number[] {
  return source.hiddenRows.filter((r) => r > headerRow);
}
