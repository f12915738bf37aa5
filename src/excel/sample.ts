/* global Excel */
/**
 * The report's Top-100 table as sample data: a new sheet holding it as an Excel table, so that a
 * first-time user can press "generate" straight away.
 */
import { freeName, rangeAddress } from "../core/a1";
import type { Lang } from "../core/errors";
import { columnLetter, displayWidth } from "../core/text";
import { REPORT_TOP100_2020, REPORT_TOP100_HEADERS } from "../data/report2020";
import { POINTS_PER_CHAR } from "./apply-plan";
import { cellInput, freeTableNames, queueTakenNames, removeSheet, selectNewTable } from "./workbook";

export interface InsertedSample {
  readonly sheetName: string;
  readonly tableName: string;
  /** Excel's address of the table, header included: "样例数据!A1:J101". */
  readonly address: string;
}

const SHEET_NAME: Readonly<Record<Lang, string>> = { zh: "样例数据", en: "Sample data" };
const TABLE_NAME = "ZBDS_Sample";
/** Columns formatted "0.00": the five sub-indices and the total. */
const INDEX_COLUMNS = { first: 4, count: 6 };

/**
 * Inserts the sample on a new sheet (free name), selects the table and returns where it is. Two
 * syncs; on failure the new sheet is removed and the error rethrown.
 *
 * @example
 * await Excel.run((context) => insertSampleData(context, "zh"))
 * // → { sheetName: "样例数据", tableName: "ZBDS_Sample", address: "样例数据!A1:J101" }
 */
export async function insertSampleData(context: Excel.RequestContext, lang: Lang): Promise<InsertedSample> {
  const taken = queueTakenNames(context);
  await context.sync();
  const names = taken();
  const sheetName = freeName(SHEET_NAME[lang], names.sheets);
  const [tableName] = freeTableNames([TABLE_NAME], names.tablesAndNames);
  const cells = sampleTableCells();
  const address = rangeAddress(0, 0, cells.length, cells[0].length);
  try {
    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    const sheet = context.workbook.worksheets.add(sheetName);
    sheet.getRange(address).values = cells.map((r) => r.map(cellInput));
    const rows = cells.length - 1;
    sheet.getRange(rangeAddress(1, 0, rows, 1)).numberFormat = Array.from({ length: rows }, () => ["0"]);
    sheet.getRange(rangeAddress(1, INDEX_COLUMNS.first, rows, INDEX_COLUMNS.count)).numberFormat = Array.from({ length: rows }, () =>
      new Array<string>(INDEX_COLUMNS.count).fill("0.00"),
    );
    // A Range, not an address string: an address without a sheet name means the active sheet, which this one is not yet.
    const table = sheet.tables.add(sheet.getRange(address), true);
    table.name = tableName;
    table.style = "TableStyleMedium2";
    sheet.freezePanes.freezeRows(1);
    columnWidths(cells).forEach((chars, c) => (sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = chars * POINTS_PER_CHAR));
    return { sheetName, tableName, address: await selectNewTable(context, sheet, table) };
  } catch (e) {
    await removeSheet(context, sheetName, names.activeSheet);
    throw e;
  }
}

/**
 * The Top-100 table exactly as printed: the printed headers, "-" where the report prints "-"
 * (municipalities' city, a sub-index of none).
 */
export function sampleTableCells(): (string | number)[][] {
  const dash = (v: string | number | null) => v ?? "-";
  return [
    [...REPORT_TOP100_HEADERS],
    ...REPORT_TOP100_2020.map((r) => [
      r.rank,
      r.province,
      dash(r.city),
      r.district,
      dash(r.supply),
      dash(r.viewing),
      dash(r.goods),
      dash(r.quality),
      dash(r.industry),
      r.total,
    ]),
  ];
}

/** Width in characters per column: the widest shown value plus a margin (CJK characters count two). */
function columnWidths(cells: readonly (readonly (string | number)[])[]): number[] {
  return cells[0].map((_, c) =>
    Math.min(40, Math.max(6, ...cells.map((r) => displayWidth(typeof r[c] === "number" ? (r[c] as number).toFixed(2) : String(r[c])) + 2))),
  );
}
