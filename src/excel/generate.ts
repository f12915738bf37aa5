/* global Excel */
/**
 * The task pane's one button: from a source table to a finished ranked sheet. Everything that
 * can be wrong with the input is found before any sheet is created: the run and the plan are
 * complete (or have thrown a {@link UserError}) before applySheetPlan adds a sheet.
 */
import { cellAddress, quoteSheetName } from "../plans/a1";
import { ColumnKey, ColumnMap, headerRowOf } from "../core/headers";
import type { ScalingMethodName } from "../core/scaling";
import { parseWeightTable, REPORT_WEIGHT_TABLE, WeightTable } from "../core/weights";
import { IndexRun, Ranking, runIndex } from "../core/workflow";
import type { PipelineOptions } from "../core/options";
import { PUBLISHED_NAME_NOTES } from "../data/report2020";
import { planRankedSheet, RankedSheetPlan, SheetMode } from "../plans/ranked-sheet";
import type { Lang, WeightsSource } from "../text";
import { applySheetPlan, ProgressListener } from "./apply-plan";
import { hiddenDataRows, SourceTable, visibleRowsOnly } from "./source";
import { READ_WEIGHT_TABLE_AT_SYNCS, readWeightTableAt } from "./weight-sheet";

/** The report's weights, or a weight table of the workbook by name. */
export type WeightsChoice = { readonly kind: "report" } | { readonly kind: "table"; readonly name: string };

export interface GenerateRequest {
  readonly source: SourceTable;
  /** The user's meaning for each column of the header row; null: match the headers. */
  readonly keys: readonly ColumnKey[] | null;
  readonly weights: WeightsChoice;
  readonly method: ScalingMethodName;
  readonly topN: number;
  readonly mode: SheetMode;
  readonly lang: Lang;
  readonly version: string;
  /** The run's date-time as the method note shows it. */
  readonly now: string;
  /** Leave the source's hidden rows out (default: rank them, as the functions see them). */
  readonly visibleOnly?: boolean;
  /** Raw indicators: scale each computed sub-index to a maximum of 100, as the report's tables are (default true). */
  readonly rescale?: boolean;
  /** Add the column 省内排名 (rank within the province). */
  readonly provinceRank?: boolean;
  /** Screening, imputation and treatment before scaling (the Options' choices). */
  readonly pipeline?: PipelineOptions;
}

export interface GenerateResult {
  readonly sheetName: string;
  readonly tableNames: readonly string[];
  readonly ranked: number;
  /** Rows left out for a bad value (listed, up to five, in the sheet's method note). */
  readonly skipped: number;
  readonly rejected: Ranking["rejected"];
  readonly syncs: number;
}

/**
 * Computes the index of a source table, ranks it and writes the ranked sheet.
 * Throws {@link UserError} for bad input (no data rows, no recognisable columns, a bad weight
 * table, no row that can be ranked …) before anything is written.
 *
 * @example
 * const source = await Excel.run((c) => readSource(c));
 * await Excel.run((c) => generateRankedSheet(c, { source, keys: null, weights: { kind: "report" }, method: "minmax", topN: 100, mode: "values", lang: "zh", version: "1.0.0", now: "2026-03-01 10:00" }))
 * // → { sheetName: "排名", ranked: 100, skipped: 0, syncs: 4, … }
 */
export async function generateRankedSheet(context: Excel.RequestContext, request: GenerateRequest, onProgress?: ProgressListener): Promise<GenerateResult> {
  onProgress?.(0, "read");
  const weights = await readWeightsChoice(context, request.weights);
  onProgress?.(0.1, "compute");
  const { plan, run } = planGeneratedSheet(request, weights);
  const applied = await applySheetPlan(context, plan, { onProgress });
  return {
    sheetName: applied.sheetName,
    tableNames: applied.tableNames,
    ranked: run.ranking.districts.length,
    skipped: run.ranking.rejected.length,
    rejected: run.ranking.rejected,
    syncs: (request.weights.kind === "table" ? READ_WEIGHT_TABLE_AT_SYNCS : 0) + applied.syncs,
  };
}

/** A weights choice as a checked table, with where it came from (reads the workbook for a table). */
export async function readWeightsChoice(context: Excel.RequestContext, choice: WeightsChoice): Promise<{ table: WeightTable; source: WeightsSource }> {
  if (choice.kind === "report") return { table: REPORT_WEIGHT_TABLE, source: { kind: "report" } };
  const at = await readWeightTableAt(context, choice.name);
  return { table: parseWeightTable(at.cells), source: { kind: "table", name: choice.name } };
}

/**
 * The pure part of {@link generateRankedSheet}: the run and the plan. Throws {@link UserError} for bad input.
 */
export function planGeneratedSheet(request: GenerateRequest, weights: { table: WeightTable; source: WeightsSource }): { plan: RankedSheetPlan; run: IndexRun } {
  const headerRow = headerRowOf(request.source.values);
  const hidden = hiddenDataRows(request.source, headerRow).length;
  const source = request.visibleOnly ? visibleRowsOnly(request.source, headerRow) : request.source;
  const run = runIndex(source.values, {
    weights: weights.table,
    method: request.method,
    keys: request.keys,
    rescale: request.rescale ?? true,
    pipeline: request.pipeline,
  });
  const { input } = run.result;
  const live = request.mode === "formulas" && input.level === "dimension";
  const plan = planRankedSheet(run, {
    lang: request.lang,
    topN: request.topN,
    mode: request.mode,
    source: source.tableName ? `${source.tableName} (${source.address})` : source.address,
    weights: weights.source,
    generatedAt: request.now,
    version: request.version,
    sourceRef: live ? sourceReference(source, input.columns, input.firstDataRow) : undefined,
    nameNotes: PUBLISHED_NAME_NOTES,
    hiddenRows: { count: hidden, leftOut: request.visibleOnly === true },
    provinceRank: request.provinceRank === true,
  });
  return { plan, run };
}

/**
 * The live sheet's reference to a source cell: absolute ('数据'!$E$2), so that sorting the ranked
 * table keeps every row pointing at its own region.
 */
function sourceReference(source: SourceTable, columns: ColumnMap, firstDataRow: number): (dataRow: number, dimension: number) => string | null {
  const sheet = quoteSheetName(source.sheetName);
  return (dataRow, dimension) => {
    const col = columns.dimensions[dimension];
    return col < 0 ? null : `${sheet}!${cellAddress(source.top + firstDataRow + dataRow, source.left + col, true)}`;
  };
}
