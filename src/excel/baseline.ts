/* global Excel */
/**
 * The baseline: the weight table last agreed on, kept in the workbook itself (`workbook.settings`,
 * saved with the file, so it travels with it), and the weight log, a sheet with one row per change
 * of a weight each time a baseline is saved (when, what, from, to).
 *
 * What is loaded is validated (src/core/weight-store.ts): a damaged or foreign setting is ignored.
 * A save is all or nothing: when any sync fails, the setting and the log are put back as they were.
 */
import type { Lang } from "../text";
import { parseStoredWeightTable, serializeWeightTable } from "../core/weight-store";
import type { WeightTable } from "../core/weights";
import { LOG_CHANGE_FORMAT, logRows, planWeightLogSheet, WEIGHT_LOG_TABLE } from "../plans/weight-sheets";
import { applySheetPlan } from "./apply-plan";
import { cellInput } from "./host";

export { logRows, WEIGHT_LOG_TABLE };

/** The setting that holds the baseline (a JSON string, see `serializeWeightTable`). */
export const BASELINE_SETTING = "ZBDS.baseline";

export interface SavedBaseline {
  /** The sheet of the weight log (created on the first save). */
  readonly logSheet: string;
  /** Rows added to the log by this save. */
  readonly logged: number;
}

const LOG_COLUMNS = 4;

/**
 * Stores `table` as the workbook's baseline and logs the save: one row per weight (dimension or
 * indicator, as given) that differs from the previous baseline, "no weight changed" when none
 * does, or one "initial baseline" row when there was none. The log sheet (权重日志 / Weight log, or
 * a free name) and its table are created on the first save (one sync, then APPLY_PLAN_SYNCS); three
 * syncs after; on failure everything is put back and the error rethrown.
 *
 * @example
 * await Excel.run((context) => saveBaseline(context, table, "zh", "2026-03-01 10:00"))
 * // → { logSheet: "权重日志", logged: 1 } (first save: the "首次保存基准" row)
 */
export async function saveBaseline(context: Excel.RequestContext, table: WeightTable, lang: Lang, now: string): Promise<SavedBaseline> {
  const setting = context.workbook.settings.getItemOrNullObject(BASELINE_SETTING).load("value");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const before: SettingBefore = setting.isNullObject ? { exists: false } : { exists: true, value: setting.value };
  const previous = before.exists ? parseStoredWeightTable(before.value) : null;
  const rows = logRows(before.exists, previous, table, lang, now);
  const stored = serializeWeightTable(table);
  const logName = findLogTable(tables.items.map((x) => x.name));

  if (logName) {
    const log = context.workbook.tables.getItem(logName).load("showTotals");
    const range = log.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
    const sheet = log.worksheet.load("name");
    await context.sync();
    const width = Math.max(LOG_COLUMNS, range.columnCount);
    const firstNew = range.rowIndex + range.rowCount - (log.showTotals ? 1 : 0);
    try {
      log.rows.add(
        undefined,
        rows.map((r) => [...r.map(cellInput), ...new Array<string>(width - r.length).fill("")]),
      );
      sheet.getRangeByIndexes(firstNew, range.columnIndex + 2, rows.length, 2).numberFormat = rows.map(() => [LOG_CHANGE_FORMAT, LOG_CHANGE_FORMAT]);
      // Last: a failure before this leaves the old baseline in place.
      context.workbook.settings.add(BASELINE_SETTING, stored);
      await context.sync();
    } catch (e) {
      await undoSave(context, before, { table: logName, rows: range.rowCount });
      throw e;
    }
    return { logSheet: sheet.name, logged: rows.length };
  }

  try {
    // The setting goes into the log sheet's last batch: both are written, or neither.
    const applied = await applySheetPlan(context, planWeightLogSheet(rows, lang), { alsoQueue: (c) => c.workbook.settings.add(BASELINE_SETTING, stored) });
    return { logSheet: applied.sheetName, logged: rows.length };
  } catch (e) {
    await undoSave(context, before, null);
    throw e;
  }
}

/**
 * The workbook's baseline, or null when there is none or what is stored is not a valid weight
 * table. One sync.
 *
 * @example
 * await Excel.run((context) => loadBaseline(context)) // → the saved WeightTable, or null
 */
export async function loadBaseline(context: Excel.RequestContext): Promise<WeightTable | null> {
  const setting = context.workbook.settings.getItemOrNullObject(BASELINE_SETTING).load("value");
  await context.sync();
  return setting.isNullObject ? null : parseStoredWeightTable(setting.value);
}

// ---- helpers ---------------------------------------------------------------------------------

type SettingBefore = { readonly exists: false } | { readonly exists: true; readonly value: unknown };

/** The log table among the workbook's tables: ZBDS_WeightLog, else the first free variant of it. */
function findLogTable(tables: readonly string[]): string | null {
  const exact = tables.find((n) => n.toLowerCase() === WEIGHT_LOG_TABLE.toLowerCase());
  if (exact) return exact;
  const pattern = new RegExp(`^${WEIGHT_LOG_TABLE}_\\d+$`, "i");
  return tables.find((n) => pattern.test(n)) ?? null;
}

/**
 * Puts the setting back as it was and removes the log rows this save added (the table had
 * `rows` rows, header included). Never throws: it runs while another error is on its way.
 */
async function undoSave(context: Excel.RequestContext, before: SettingBefore, appended: { table: string; rows: number } | null): Promise<void> {
  try {
    const setting = context.workbook.settings.getItemOrNullObject(BASELINE_SETTING).load("value");
    const log = appended ? context.workbook.tables.getItemOrNullObject(appended.table).load("showTotals") : null;
    await context.sync();
    if (before.exists) context.workbook.settings.add(BASELINE_SETTING, before.value);
    else if (!setting.isNullObject) setting.delete();
    const range = appended && log && !log.isNullObject ? log.getRange().load("rowCount") : null;
    await context.sync();
    if (appended && log && range) {
      const totals = log.showTotals ? 1 : 0;
      const firstNew = appended.rows - 1 - totals;
      // Last row first, so that the indexes of the rows still to delete do not move.
      for (let k = range.rowCount - 1 - totals - 1; k >= firstNew; k--) log.rows.getItemAt(k).delete();
      await context.sync();
    }
  } catch {
    // The original error is the one worth reporting.
  }
}
