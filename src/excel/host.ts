/* global Excel, Office */
/**
 * Office.js host quirks, in one place: what Excel does to what we write or ask, and how a batch is
 * run. A quirk found in real Excel is fixed here, once, for every writer and reader in src/excel.
 */
import { UserError } from "../core/errors";
import { cleanText } from "../core/text";
import type { PlanValue } from "../plans/plan";

export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Runs a batch in Excel. While the user edits a cell, a batch fails with InvalidOperationInCellEditMode;
 * `delayForCellEdit` (ExcelApi 1.11) makes Excel wait for the edit to end instead
 * (learn.microsoft.com: Excel.run(options, batch), Excel.RunOptions.delayForCellEdit).
 */
export const runInExcel: ExcelRunner = (batch) => {
  const canDelay = typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.11") === true;
  const run = canDelay ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
  return run.catch((e: unknown) => {
    throw hostError(e);
  });
};

/**
 * Office's answers a person can act on, as user errors in words (learn.microsoft.com:
 * Excel.ErrorCodes): a cell being edited (InvalidOperationInCellEditMode, where Excel cannot wait
 * for the edit), a protected or read-only workbook or sheet (AccessDenied). Anything else as it is.
 */
export function hostError(e: unknown): unknown {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  if (code === "InvalidOperationInCellEditMode") return new UserError("CELL_EDIT_MODE");
  if (code === "AccessDenied") return new UserError("WORKBOOK_PROTECTED");
  return e;
}

/**
 * A plan value as cell input. Excel reads a written string that starts with "=", "+" or "-" as a
 * formula and turns number-, date- or boolean-looking text into numbers, dates or booleans; a
 * leading apostrophe keeps such text exactly as it is (the apostrophe itself is not stored).
 * Non-finite numbers become a blank: NaN or Infinity must never reach a cell.
 */
export function cellInput(v: PlanValue): string | number {
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "string") return textInput(cleanText(v));
  return `=${v.formula}`;
}

/** Text as cell input that Excel keeps as text (see {@link cellInput}). */
export function textInput(s: string): string {
  return /^[=+\-@'\s\d.,(%$#¥￥]/.test(s) || /^(true|false)$/i.test(s) ? `'${s}` : s;
}

/**
 * Excel's answer when a sheet is added or renamed to a name in use (ItemAlreadyExists). Office.js
 * lists worksheets only, never chart sheets (learn.microsoft.com: Excel.WorksheetCollection), so a
 * chart sheet's name can be taken although no loaded name shows it.
 */
export function isNameTaken(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ItemAlreadyExists";
}

/** Excel on the web's answer to a read whose response would exceed 5 MB (Excel.ErrorCodes.responsePayloadSizeLimitExceeded). */
export function isResponseTooLarge(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}

/** UTF-8 bytes of a value's JSON: about what Office.js sends or receives for it. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // One byte per code unit so far; two for U+0080–U+07FF, four per surrogate pair, three for the rest.
    if (c >= 0x80) bytes += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Excel's answer when getSelectedRange meets several areas, a chart or a shape: no range to read. */
export function isInvalidSelection(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "InvalidSelection";
}

/**
 * A table's header and data rows, without its Total Row: `table.getRange()` includes the totals row
 * when `showTotals` is on (learn.microsoft.com: Excel.Table.getRange), and a totals row read as a
 * region (or as an indicator of a weight table) would be wrong. `showTotals` must be loaded.
 */
export function tableRangeWithoutTotals(table: Excel.Table): Excel.Range {
  return table.showTotals ? table.getRange().getResizedRange(-1, 0) : table.getRange();
}
