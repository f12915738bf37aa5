/* global Excel */
/**
 * Writes the weight analyses' sheets (planned in src/core/weight-sheets.ts) to the live workbook:
 * the impact of a change of weights (影响分析 / Impact) and the robustness of the ranking
 * (稳健性 / Robustness). Both go through {@link applySheetPlan}: a new sheet with a free name, never
 * an existing one; bounded syncs (four up to 20,000 regions); nothing left behind on failure.
 */
import type { BaseSheetPlan } from "../core/sheet-plan";
import { AppliedSheet, applySheetPlan, ProgressListener } from "./apply-plan";

/**
 * Writes an impact sheet and activates it.
 *
 * @example
 * const plan = planImpactSheet(compareRankings(oldTotals, newTotals, 100), names, { lang: "zh" });
 * await Excel.run((context) => writeImpactSheet(context, plan)) // → { sheetName: "影响分析", tableNames: [...], syncs: 4 }
 */
export function writeImpactSheet(context: Excel.RequestContext, plan: BaseSheetPlan, onProgress?: ProgressListener): Promise<AppliedSheet> {
  return applySheetPlan(context, plan, onProgress);
}

/**
 * Writes a robustness sheet and activates it.
 *
 * @example
 * const plan = planRobustnessSheet(getSensitivity(result, weights), names, { lang: "en", topN: 20, leaveOneOut });
 * await Excel.run((context) => writeRobustnessSheet(context, plan)) // → { sheetName: "Robustness", tableNames: ["ZBDS_Robustness"], syncs: 4 }
 */
export function writeRobustnessSheet(context: Excel.RequestContext, plan: BaseSheetPlan, onProgress?: ProgressListener): Promise<AppliedSheet> {
  return applySheetPlan(context, plan, onProgress);
}
