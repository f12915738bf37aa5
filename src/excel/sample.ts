/* global Excel */
/**
 * The report's Top-100 table as sample data on a new sheet (planned in src/plans/sample-sheet.ts),
 * so that a first-time user can press "generate" straight away.
 */
import type { Lang } from "../text";
import { planSampleSheet } from "../plans/sample-sheet";
import { applySheetPlan } from "./apply-plan";

export interface InsertedSample {
  readonly sheetName: string;
  readonly tableName: string;
  /** Excel's address of the table, header included: "样例数据!A1:J101". */
  readonly address: string;
}

/**
 * Inserts the sample on a new sheet (free name), selects the table and returns where it is
 * (APPLY_PLAN_SYNCS syncs; on failure the new sheet is removed and the error rethrown).
 *
 * @example
 * await Excel.run((context) => insertSampleData(context, "zh"))
 * // → { sheetName: "样例数据", tableName: "ZBDS_Sample", address: "样例数据!A1:J101" }
 */
export async function insertSampleData(context: Excel.RequestContext, lang: Lang): Promise<InsertedSample> {
  const applied = await applySheetPlan(context, planSampleSheet(lang));
  return { sheetName: applied.sheetName, tableName: applied.tableNames[0], address: applied.selectedAddress ?? "" };
}
