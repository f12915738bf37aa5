/* global Excel */
/**
 * The baseline: the weight table last agreed on, kept in the workbook itself (`workbook.settings`,
 * saved with the file, so it travels with it), and the weight log, a sheet with one row per change
 * of a weight each time a baseline is saved (when, what, from, to).
 *
 * What is loaded is validated (src/core/weight-store.ts): a damaged or foreign setting is ignored.
 * A save is all or nothing: when any sync fails, the setting and the log are put back as they were.
 */
import { freeName, rangeAddress } from "../core/a1";
import { Lang } from "../core/errors";
import { columnLetter } from "../core/text";
import { changeName, compareWeights, WeightChange } from "../core/weight-compare";
import { parseStoredWeightTable, serializeWeightTable } from "../core/weight-store";
import type { WeightTable } from "../core/weights";
import type { PlanValue } from "../core/sheet-plan";
import { POINTS_PER_CHAR } from "./apply-plan";
import { cellInput, freeTableNames, queueTakenNames, removeSheet } from "./workbook";

/** The setting that holds the baseline (a JSON string, see `serializeWeightTable`). */
export const BASELINE_SETTING = "ZBDS.baseline";

/** The log's table name; a free variant (ZBDS_WeightLog_2) when the name is taken by something else. */
export const WEIGHT_LOG_TABLE = "ZBDS_WeightLog";

export interface SavedBaseline {
  /** The sheet of the weight log (created on the first save). */
  readonly logSheet: string;
  /** Rows added to the log by this save. */
  readonly logged: number;
}

const TEXT = {
  zh: {
    sheet: "权重日志",
    header: ["时间", "变更内容", "原值", "新值"],
    initial: "首次保存基准",
    unreadable: "保存基准（原有基准无法读取，按首次保存记录）",
    unchanged: "再次保存基准（权重无变化）",
    dimension: (name: string) => `一级指标权重：${name}`,
    indicator: (name: string) => `二级指标权重：${name}`,
  },
  en: {
    sheet: "Weight log",
    header: ["When", "What", "From", "To"],
    initial: "Initial baseline",
    unreadable: "Baseline saved (the previous one could not be read; logged as a first save)",
    unchanged: "Baseline saved again (no weight changed)",
    dimension: (name: string) => `Dimension weight: ${name}`,
    indicator: (name: string) => `Indicator weight: ${name}`,
  },
} as const;

const LOG_COLUMNS = 4;
const CHANGE_FORMAT = "0.0%";
const LOG_WIDTHS = [20, 44, 10, 10];
/** Given weights closer than this are the same weight (binary noise, as in weight-compare.ts). */
const SAME = 1e-9;

/**
 * Stores `table` as the workbook's baseline and logs the save: one row per weight (dimension or
 * indicator, as given) that differs from the previous baseline, "no weight changed" when none
 * does, or one "initial baseline" row when there was none. The log sheet (权重日志 / Weight log, or
 * a free name) and its table are created on the first save. Two syncs on the first save, three
 * after; on failure everything is put back and the error rethrown.
 *
 * @example
 * await Excel.run((context) => saveBaseline(context, table, "zh", "2026-03-01 10:00"))
 * // → { logSheet: "权重日志", logged: 1 } (first save: the "首次保存基准" row)
 */
export async function saveBaseline(context: Excel.RequestContext, table: WeightTable, lang: Lang, now: string): Promise<SavedBaseline> {
  const setting = context.workbook.settings.getItemOrNullObject(BASELINE_SETTING).load("value");
  const tables = context.workbook.tables.load("items/name");
  const taken = queueTakenNames(context);
  await context.sync();
  const names = taken();
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
      sheet.getRangeByIndexes(firstNew, range.columnIndex + 2, rows.length, 2).numberFormat = rows.map(() => [CHANGE_FORMAT, CHANGE_FORMAT]);
      // Last: a failure before this leaves the old baseline in place.
      context.workbook.settings.add(BASELINE_SETTING, stored);
      await context.sync();
    } catch (e) {
      await undoSave(context, before, { table: logName, rows: range.rowCount });
      throw e;
    }
    return { logSheet: sheet.name, logged: rows.length };
  }

  const t = TEXT[lang];
  const sheetName = freeName(t.sheet, names.sheets);
  const [tableName] = freeTableNames([WEIGHT_LOG_TABLE], names.tablesAndNames);
  try {
    const sheet = context.workbook.worksheets.add(sheetName);
    const all = sheet.getRange(rangeAddress(0, 0, rows.length + 1, LOG_COLUMNS));
    all.values = [t.header, ...rows].map((r) => r.map(cellInput));
    const created = sheet.tables.add(all, true);
    created.name = tableName;
    created.style = "TableStyleLight9";
    sheet.getRange(rangeAddress(1, 2, rows.length, 2)).numberFormat = rows.map(() => [CHANGE_FORMAT, CHANGE_FORMAT]);
    LOG_WIDTHS.forEach((chars, c) => {
      sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = chars * POINTS_PER_CHAR;
    });
    context.workbook.settings.add(BASELINE_SETTING, stored);
    await context.sync();
  } catch (e) {
    await undoSave(context, before, null);
    await removeSheet(context, sheetName, names.activeSheet);
    throw e;
  }
  return { logSheet: sheetName, logged: rows.length };
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

/**
 * The log rows of a save: [when, what, from, to], weights as fractions. A weight counts as
 * changed when its given value differs; the effective weights that move with it are not logged
 * again.
 */
export function logRows(hadBaseline: boolean, previous: WeightTable | null, table: WeightTable, lang: Lang, now: string): PlanValue[][] {
  const t = TEXT[lang];
  if (!previous) return [[now, hadBaseline ? t.unreadable : t.initial, "", ""]];
  const changed = compareWeights(previous, table).filter((c) => Math.abs(c.oldWeight - c.newWeight) > SAME);
  if (changed.length === 0) return [[now, t.unchanged, "", ""]];
  return changed.map((c) => [now, what(c, lang), c.oldWeight, c.newWeight]);
}

// ---- helpers ---------------------------------------------------------------------------------

type SettingBefore = { readonly exists: false } | { readonly exists: true; readonly value: unknown };

function what(c: WeightChange, lang: Lang): string {
  const name = changeName(c, lang);
  return c.level === "dimension" ? TEXT[lang].dimension(name) : TEXT[lang].indicator(name);
}

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
