/* global Excel */
/**
 * Small pieces shared by the writers in this folder: the names already taken in a workbook, and
 * removing a half-written sheet.
 */
import { freeName } from "../plans/a1";

/** Excel compares sheet names, table names and defined names case-insensitively; tables and names share one namespace. */
export interface TakenNames {
  readonly sheets: readonly string[];
  /** Table names and workbook-level defined names. */
  readonly tablesAndNames: readonly string[];
  readonly activeSheet: string;
}

/**
 * Queues the loads of the names in use; call the returned function after the next sync.
 *
 * @example
 * const taken = queueTakenNames(context);
 * await context.sync();
 * freeName("排名", taken().sheets) // → "排名 (2)" when 排名 exists
 */
export function queueTakenNames(context: Excel.RequestContext): () => TakenNames {
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  const names = context.workbook.names.load("items/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  return () => ({
    sheets: sheets.items.map((s) => s.name),
    tablesAndNames: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
    activeSheet: active.name,
  });
}

/** Free table names for several wanted names at once ("ZBDS_Ranking", then "ZBDS_Ranking_2" …). */
export function freeTableNames(wanted: readonly string[], taken: readonly string[]): string[] {
  const used = [...taken];
  return wanted.map((w) => {
    const name = freeName(w, used, (n) => `_${n}`);
    used.push(name);
    return name;
  });
}

/**
 * Deletes a sheet this add-in was writing (by its id, or by the placeholder name no one else uses)
 * and re-activates the sheet that was active before (when known), so that the workbook is as it
 * was. Never throws: it runs while another error is on its way to the caller.
 */
export async function removeSheet(context: Excel.RequestContext, key: string, previouslyActive: string | null): Promise<void> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(key).load("name");
    const before = previouslyActive === null ? null : context.workbook.worksheets.getItemOrNullObject(previouslyActive).load("name");
    await context.sync();
    if (!sheet.isNullObject) sheet.delete();
    if (before && !before.isNullObject && before.name !== sheet.name) before.activate();
    await context.sync();
  } catch {
    // The original error is the one worth reporting.
  }
}
