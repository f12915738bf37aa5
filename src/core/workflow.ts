/**
 * The one orchestration step: data cells plus the user's choices (weights, scaling method, column
 * mapping, rescale, ties) → the computed index, the ranking and the regions' names. The task pane
 * (ranked sheet, impact, robustness, live re-check), the command line (`rank`, `check-weights`)
 * and the demo all start here, so that a rule or a choice is applied the same way everywhere.
 */
import { Cells, IndexInput, ROW_OK } from "./dataset";
import { errorText, Message, UserError } from "./errors";
import { DIMENSIONS } from "./framework";
import { columnMapFromKeys, ColumnKey, ColumnMap, headerRowOf, looksLikeHeader, proposeMapping } from "./headers";
import { computeIndex, IndexResult } from "./pipeline";
import { rankDistricts, TieMethod } from "./rank-districts";
import { DEFAULT_SCALING, getScalingMethod, Goalposts, ScalingMethod, ScalingMethodName } from "./scaling";
import { REPORT_WEIGHT_TABLE, WeightTable } from "./weights";
import type { PipelineOptions } from "./options";
import { bothLanguages, Lang, regionWithPlace, unnamedRow } from "../text";

export interface IndexRequest {
  /** Default: the report's weights. */
  readonly weights?: WeightTable;
  /** Scaling of raw indicators (default `minmax`); unused for sub-index input. */
  readonly method?: ScalingMethodName;
  readonly goalposts?: ReadonlyMap<number, Goalposts>;
  readonly rescale?: boolean;
  /** The user's meaning for each column of the header row (the task pane's mapping); absent or null: match the headers. */
  readonly keys?: readonly ColumnKey[] | null;
  /** How ties rank (default `min`, as RANK.EQ). */
  readonly ties?: TieMethod;
  /** The header's row (0-based) when the user says which it is; default: found (core/headers.ts findHeaderRow). */
  readonly headerRow?: number;
  /** Screening, imputation and treatment before scaling (core/options.ts); default: the report's method. */
  readonly pipeline?: PipelineOptions;
}

export interface RankedDistrict {
  /** Position of the row among the data rows (0-based). */
  readonly dataRow: number;
  readonly rank: number;
  readonly province: string;
  readonly city: string;
  readonly district: string;
  /** Sub-indices in framework order (goods, supply, viewing, quality, industry). */
  readonly dimensions: readonly number[];
  readonly total: number;
  /** The table's own total column (e.g. the report's published total), when it has one. */
  readonly givenTotal: number | null;
}

export interface Ranking {
  /** In rank order (ties in data order). */
  readonly districts: readonly RankedDistrict[];
  /** Rows left out because of a bad value, with their error. */
  readonly rejected: readonly { readonly dataRow: number; readonly error: UserError }[];
  /** Rows left out because they hold nothing. */
  readonly blankRows: number;
}

export interface IndexRun {
  readonly cells: Cells;
  readonly result: IndexResult;
  readonly ranking: Ranking;
  readonly weights: WeightTable;
  /** The scaling method used; null for sub-index input, which is not scaled. */
  readonly method: ScalingMethod | null;
  /** How a data row is named to people (see {@link regionName}). */
  readonly regionName: (row: number, lang: Lang) => string;
}

/**
 * Computes, ranks and names. Throws {@link UserError} for a table that cannot be computed at all;
 * rows with bad values are in `ranking.rejected`.
 *
 * @example
 * const run = runIndex(top100Cells, { method: "minmax" });
 * run.ranking.districts[0].district // → "滨江区"
 * run.regionName(0, "en")           // → "滨江区 (浙江省 杭州市)"
 */
export function runIndex(cells: Cells, request: IndexRequest = {}): IndexRun {
  const weights = request.weights ?? REPORT_WEIGHT_TABLE;
  const method = getScalingMethod(request.method ?? DEFAULT_SCALING);
  const result = computeIndex(cells, {
    weights,
    method: method.name,
    goalposts: request.goalposts,
    rescale: request.rescale,
    pipeline: request.pipeline,
    columns: userColumns(cells, request.keys, request.headerRow),
  });
  return {
    cells,
    result,
    ranking: buildRanking(cells, result, request.ties ?? "min"),
    weights,
    method: result.input.level === "indicator" ? (result.method === method.name ? method : getScalingMethod(result.method)) : null,
    regionName: (row, lang) => regionName(cells, result.input, row, lang),
  };
}

/** A column with a bad value in at least this share of the rows is named once, as a column. */
const MOSTLY = 0.5;

/**
 * Why rows were left out, in words people can trace: a column with bad values in most rows named
 * once (its count and an example), then every rejected row named by its region (province, city,
 * district, or its row number), with its reason.
 *
 * @example
 * explainRejected(run)[0] // → { code: "COLUMN_MOSTLY_BAD", params: { column: "直播产业政策", count: 50, rows: 50, value: '"有政策"' } }
 */
export function explainRejected(run: IndexRun): Message[] {
  const { rejected } = run.ranking;
  const rows = run.result.input.rowCount - run.ranking.blankRows;
  const byColumn = new Map<string, UserError[]>();
  for (const r of rejected) {
    const column = String(r.error.params.column ?? "");
    if (column) byColumn.set(column, [...(byColumn.get(column) ?? []), r.error]);
  }
  const columns: Message[] = [];
  for (const [column, errors] of byColumn) {
    if (errors.length >= 2 && errors.length >= MOSTLY * rows) {
      columns.push({ code: "COLUMN_MOSTLY_BAD", params: { column, count: errors.length, rows, value: errors[0].params.value ?? "" } });
    }
  }
  // A row with no name at all is named by its row, which its reason already gives: the reason alone.
  const named: Message[] = rejected.map((r) =>
    hasName(run.cells, run.result.input, r.dataRow)
      ? { code: "REJECTED_ROW", params: { region: bothLanguages((lang) => run.regionName(r.dataRow, lang)), reason: errorText(r.error) } }
      : { code: r.error.code, params: r.error.params },
  );
  return [...columns, ...named];
}

/**
 * The run's ranking; when no row could be ranked, {@link UserError} NO_DATA_ROWS (every row is
 * blank) or NO_RANKABLE_ROWS with the first rejected rows as its details.
 */
export function requireRanked(run: IndexRun): Ranking {
  if (run.ranking.districts.length > 0) return run.ranking;
  if (run.ranking.rejected.length === 0) throw new UserError("NO_DATA_ROWS");
  throw new UserError("NO_RANKABLE_ROWS", {}, explainRejected(run).slice(0, 10));
}

/**
 * How a data row is named to people: "district (province city)", the district alone, the
 * province and city (a city-level table, a 全省合计 row), or "row N" / "第 N 行" when the row has no name.
 */
export function regionName(cells: Cells, input: IndexInput, row: number, lang: Lang): string {
  const district = nameCell(cells, input, "district", row);
  const where = placeOf(cells, input, row);
  if (district) return where ? regionWithPlace(district, where, lang) : district;
  return where || unnamedRow(row + input.firstDataRow + 1, lang);
}

/** True when a data row has a name in a district, city or province column. */
function hasName(cells: Cells, input: IndexInput, row: number): boolean {
  return nameCell(cells, input, "district", row) !== "" || placeOf(cells, input, row) !== "";
}

/** "province city" of a data row, without blanks and "-". */
function placeOf(cells: Cells, input: IndexInput, row: number): string {
  return [nameCell(cells, input, "province", row), nameCell(cells, input, "city", row)].filter((x) => x && x !== "-").join(" ");
}

// ---- helpers ---------------------------------------------------------------------------------

type NameColumn = "province" | "city" | "district";

/** A name cell of a data row ("" when the table has no such column). */
function nameCell(cells: Cells, input: IndexInput, role: NameColumn, r: number): string {
  const col = input.columns.names[role];
  const v = col === undefined ? null : cells[r + input.firstDataRow][col];
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * The user's mapping as a column map, when there is a header row to map. Without one (the
 * documented header-less layouts) the keys name nothing and the columns are read by position.
 */
function userColumns(cells: Cells, keys: readonly ColumnKey[] | null | undefined, givenRow: number | undefined): ColumnMap | undefined {
  if (givenRow !== undefined) {
    if (givenRow < 0 || givenRow >= cells.length) throw new UserError("HEADER_ROW_OUTSIDE", { row: givenRow + 1, rows: cells.length });
    return columnMapFromKeys(cells[givenRow], keys && keys.length ? keys : proposeMapping(cells[givenRow]).keys, givenRow);
  }
  const headerRow = headerRowOf(cells);
  if (!keys || keys.length === 0 || cells.length === 0 || !looksLikeHeader(cells[headerRow])) return undefined;
  return columnMapFromKeys(cells[headerRow], keys, headerRow);
}

/** Ranks the rows of a computed index (descending total), names taken from the table's name columns. */
function buildRanking(cells: Cells, result: IndexResult, ties: TieMethod): Ranking {
  const { input, total } = result;
  const ranks = rankDistricts(total, "desc", ties);
  const givenCol = input.columns.names.total;
  const districts: RankedDistrict[] = [];
  let blankRows = 0;
  for (let r = 0; r < input.rowCount; r++) {
    if (input.status[r] !== ROW_OK) {
      if (!input.errors.has(r)) blankRows++;
      continue;
    }
    const given = givenCol === undefined ? null : Number(cells[r + input.firstDataRow][givenCol]);
    districts.push({
      dataRow: r,
      rank: ranks[r],
      province: nameCell(cells, input, "province", r),
      city: nameCell(cells, input, "city", r),
      district: nameCell(cells, input, "district", r),
      dimensions: DIMENSIONS.map((d) => result.dimensions[d.index]?.[r] ?? NaN),
      total: total[r],
      givenTotal: given !== null && Number.isFinite(given) ? given : null,
    });
  }
  districts.sort((a, b) => a.rank - b.rank || a.dataRow - b.dataRow);
  const rejected = [...input.errors].map(([dataRow, error]) => ({ dataRow, error }));
  // The other years' rows of a table of several years are blank to this year's reading, but are no blank rows of the table.
  return { districts, rejected, blankRows: blankRows - result.otherYears };
}
