/* global Excel */
/**
 * The task pane's one button: from a source table to a finished ranked sheet. Everything that
 * can be wrong with the input is found before any sheet is created: the computation and the plan
 * are complete (or have thrown an {@link IndexError}) before applySheetPlan adds a sheet.
 */
import { cellAddress, quoteSheetName } from "../core/a1";
import { IndexError, Lang } from "../core/errors";
import { columnMapFromKeys, ColumnKey, ColumnMap, looksLikeHeader } from "../core/headers";
import { computeIndex } from "../core/pipeline";
import { buildRanking, Ranking } from "../core/ranking";
import { getScalingMethod, ScalingMethodName } from "../core/scaling";
import { planRankedSheet, SheetMode, SheetPlan } from "../core/sheet-plan";
import { parseWeightTable, REPORT_WEIGHT_TABLE, WeightTable } from "../core/weights";
import { PUBLISHED_NAME_NOTES } from "../data/report2020";
import { applySheetPlan, ProgressListener } from "./apply-plan";
import type { SourceTable } from "./source";
import { READ_WEIGHT_TABLE_SYNCS, readWeightTable } from "./weights";

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

/** A weight table ready for the computation, with the words the method note uses for it. */
export interface ChosenWeights {
  readonly table: WeightTable;
  readonly label: string;
}

/**
 * Computes the index of a source table, ranks it and writes the ranked sheet.
 * Throws {@link IndexError} for bad input (no data rows, no recognisable columns, a bad weight
 * table, no row that can be ranked …) before anything is written.
 *
 * @example
 * const source = await Excel.run((c) => readSource(c));
 * await Excel.run((c) => generateRankedSheet(c, { source, keys: null, weights: { kind: "report" }, method: "minmax", topN: 100, mode: "values", lang: "zh", version: "1.0.0", now: "2026-03-01 10:00" }))
 * // → { sheetName: "排名", ranked: 100, skipped: 0, syncs: 4, … }
 */
export async function generateRankedSheet(context: Excel.RequestContext, request: GenerateRequest, onProgress?: ProgressListener): Promise<GenerateResult> {
  onProgress?.(0, "prepare");
  let syncs = 0;
  let weights: ChosenWeights = { table: REPORT_WEIGHT_TABLE, label: REPORT_WEIGHTS_LABEL[request.lang] };
  if (request.weights.kind === "table") {
    const cells = await readWeightTable(context, request.weights.name);
    syncs += READ_WEIGHT_TABLE_SYNCS;
    weights = { table: parseWeightTable(cells), label: TABLE_WEIGHTS_LABEL[request.lang](request.weights.name) };
  }
  const { plan, ranking } = planGeneratedSheet(request, weights);
  const applied = await applySheetPlan(context, plan, onProgress);
  return {
    sheetName: applied.sheetName,
    tableNames: applied.tableNames,
    ranked: ranking.districts.length,
    skipped: ranking.rejected.length,
    rejected: ranking.rejected,
    syncs: syncs + applied.syncs,
  };
}

/**
 * The pure part of {@link generateRankedSheet}: the computation, the ranking and the plan.
 * Throws {@link IndexError} for bad input.
 */
export function planGeneratedSheet(request: GenerateRequest, weights: ChosenWeights): { plan: SheetPlan; ranking: Ranking } {
  const { source, lang } = request;
  if (!Number.isInteger(request.topN) || request.topN < 1) {
    throw new IndexError("BAD_OPTION", { name: { zh: "重点显示前 N 名", en: "top N" }, value: String(request.topN), options: "1, 2, 3, …" });
  }
  const method = getScalingMethod(request.method);
  const cells = source.values;
  const columns = userColumns(cells, request.keys);
  const result = computeIndex(cells, { weights: weights.table, method: method.name, columns });
  const ranking = buildRanking(cells, result);
  if (ranking.districts.length === 0) {
    // Nothing to rank: the first bad row says why, or every row is blank.
    throw ranking.rejected[0]?.error ?? new IndexError("NO_DATA_ROWS");
  }
  const { input } = result;
  const live = request.mode === "formulas" && input.level === "dimension";
  const plan = planRankedSheet(ranking, {
    lang,
    topN: request.topN,
    mode: request.mode,
    source: source.tableName ? `${source.tableName} (${source.address})` : source.address,
    weightsLabel: weights.label,
    dimensionWeights: weights.table.dimensions,
    scalingLabel: input.level === "indicator" ? method[lang] : null,
    generatedAt: request.now,
    version: request.version,
    sourceRef: live ? sourceReference(source, input.columns, input.firstDataRow) : undefined,
    nameNotes: PUBLISHED_NAME_NOTES,
  });
  return { plan, ranking };
}

// ---- helpers ---------------------------------------------------------------------------------

const REPORT_WEIGHTS_LABEL: Readonly<Record<Lang, string>> = {
  zh: "报告原版权重（《直播电商区域发展指数研究报告》，2021 年 3 月）",
  en: "The report's weights (Live-Streaming E-commerce Regional Development Index report, March 2021)",
};

const TABLE_WEIGHTS_LABEL: Readonly<Record<Lang, (name: string) => string>> = {
  zh: (name) => `本工作簿中的权重表 ${name}`,
  en: (name) => `Weight table ${name} in this workbook`,
};

/**
 * The user's mapping as a column map, when there is a header row to map. Without one (the
 * documented header-less layouts) the keys name nothing and the columns are read by position.
 */
function userColumns(cells: readonly (readonly unknown[])[], keys: readonly ColumnKey[] | null): ColumnMap | undefined {
  if (!keys || cells.length === 0 || !looksLikeHeader(cells[0])) return undefined;
  return columnMapFromKeys(cells[0], keys);
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
