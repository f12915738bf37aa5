/* global Excel */
/**
 * Weight tables kept in the workbook as Excel tables: finding them.
 */
import { isUserError } from "../core/errors";
import { checkWeights } from "../core/weights";

export interface WeightTableInfo {
  readonly name: string;
  /** Excel's address of the whole table, header included. */
  readonly address: string;
}

/**
 * The Excel tables whose header row reads as a weight table (two syncs, whatever the number of
 * tables: only header rows are read).
 *
 * @example
 * await Excel.run((context) => listWeightTables(context)) // → [{ name: "权重", address: "权重!A1:D20" }]
 */
export async function listWeightTables(context: Excel.RequestContext): Promise<WeightTableInfo[]> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const found = tables.items.map((t) => ({ name: t.name, header: t.getHeaderRowRange().load("values"), range: t.getRange().load("address") }));
  await context.sync();
  return found.filter((f) => readsAsWeightHeader(f.header.values[0] ?? [])).map((f) => ({ name: f.name, address: f.range.address }));
}

/**
 * True when a table's first row is a weight table's header (or, header-less, its first indicator
 * row): checkWeights reads it without a layout error and finds nothing wrong in that row itself.
 * A data table's header fails this: read as a header-less weight row, its cells are no indicator.
 */
export function readsAsWeightHeader(header: readonly unknown[]): boolean {
  if (header.length < 4) return false;
  try {
    return !checkWeights([header]).findings.some((f) => f.row === 0);
  } catch (e) {
    if (isUserError(e) && (e.code === "WEIGHTS_LAYOUT_MISSING" || e.code === "WEIGHTS_LAYOUT_NARROW" || e.code === "WEIGHTS_EMPTY")) return false;
    throw e;
  }
}
