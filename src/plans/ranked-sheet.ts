/**
 * The ranked sheet as a plan.
 *
 * Layout (zero-based rows/columns; A1 is row 0, column 0):
 *   A1  ranking table: 排名, 省, 市, 区县, the five sub-indices (in the report's Top-100 order), 总指数
 *   L1  province summary: regions in the top N by province, sorted; its bar chart below it
 *   L…  method note below the chart (method-note.ts)
 *
 * Live formulas (mode "formulas") use only built-in functions (RANK.EQ, SUMPRODUCT), so
 * the sheet recalculates in Excel, WPS and LibreOffice, with or without the add-in, and inside an
 * Excel table (where a spilled array could not go).
 */
import { cellAddress, rangeAddress } from "./a1";
import { UserError } from "../core/errors";
import { DIMENSIONS, TOP100_DIMENSION_ORDER, dimensionIndex } from "../core/framework";
import { IndexRun, Ranking, requireRanked } from "../core/workflow";
import { RANKED_SHEET_TEXT, WORDS } from "../text";
import { NOTE_WEIGHTS_ROW, RankedNoteContext, rankedNoteLines } from "./method-note";
import { CellBlock, columnWidths, EMPHASIS_FILL, finite, PlanValue, SheetPlan } from "./plan";

export type { SheetMode } from "./method-note";

export interface RankedSheetOptions extends RankedNoteContext {
  /**
   * With "formulas" mode and sub-index input: the formula reference of a source cell (data row,
   * dimension in framework order), e.g. "'数据'!$E$2", so the sheet follows edits to the data.
   * Absent: sub-index cells hold values.
   */
  readonly sourceRef?: (dataRow: number, dimension: number) => string | null;
}

/** The ranked sheet's plan, with the count of regions ranked. */
export interface RankedSheetPlan extends SheetPlan {
  readonly dataBarColumn: number;
  readonly rankedCount: number;
}

const RANKING_COLUMNS = 4 + TOP100_DIMENSION_ORDER.length + 1;
const SIDE_COL = RANKING_COLUMNS + 1;
const TOTAL_COL = RANKING_COLUMNS - 1;
const CHART_ROWS = 20;
/** Rows of an Excel worksheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Plans the ranked sheet of a run. Throws {@link UserError} for a top N below 1 and
 * NO_RANKABLE_ROWS when no row could be ranked.
 *
 * @example
 * const plan = planRankedSheet(runIndex(cells), { lang: "zh", topN: 100, mode: "values", source: "样例数据!A1:J101", weights: { kind: "report" }, generatedAt, version });
 * plan.blocks[0].values[1] // → [1, "浙江省", "杭州市", "滨江区", 25.59, 100, 100, 81.4, 100, 78.6075]
 */
export function planRankedSheet(run: IndexRun, options: RankedSheetOptions): RankedSheetPlan {
  if (!Number.isInteger(options.topN) || options.topN < 1)
    throw new UserError("BAD_OPTION", { name: WORDS.topN, value: String(options.topN), options: "1, 2, 3, …" });
  const ranking = requireRanked(run);
  if (ranking.districts.length + 1 > EXCEL_MAX_ROWS) throw new UserError("TOO_MANY_ROWS", { rows: (ranking.districts.length + 1).toLocaleString("en-US") });
  const t = RANKED_SHEET_TEXT[options.lang];
  const topN = options.topN;
  const n = ranking.districts.length;
  // The side column: summary, chart, then the note. Its rows are known before the ranking's formulas need them.
  const counts = provinceCounts(ranking, topN, t.unknownProvince);
  const chartRow = counts.length + 2;
  const noteTop = chartRow + (counts.length ? CHART_ROWS + 1 : 0);
  const blocks = [
    rankingBlock(ranking, options, noteTop + NOTE_WEIGHTS_ROW),
    summaryBlock(counts, n, topN, options),
    { id: "note", row: noteTop, col: SIDE_COL, values: rankedNoteLines(run, options), headerRows: 1, columnFormats: [] },
  ];
  return {
    sheetName: t.sheet,
    blocks,
    tables: [
      { name: "ZBDS_Ranking", block: "ranking", style: "TableStyleMedium2" },
      { name: "ZBDS_Provinces", block: "summary", style: "TableStyleLight9" },
    ],
    freezeRows: 1,
    columnWidths: columnWidths(blocks),
    mainBlock: "ranking",
    dataBarColumn: TOTAL_COL,
    emphasisedRows: n > topN ? ranking.districts.filter((d) => d.rank <= topN).length : 0,
    emphasisFill: EMPHASIS_FILL,
    chart: counts.length
      ? {
          type: "barClustered",
          title: t.chartTitle(topN),
          block: "summary",
          rows: counts.length,
          categoryColumn: 0,
          valueColumn: 1,
          anchorRow: chartRow,
          anchorCol: SIDE_COL,
          width: 420,
          height: CHART_ROWS * 15,
        }
      : null,
    rankedCount: n,
  };
}

// ---- blocks ----------------------------------------------------------------------------------

/** The ranking table; live totals weight the sub-indices with the note's weights row. */
function rankingBlock(ranking: Ranking, o: RankedSheetOptions, weightsRow: number): CellBlock {
  const t = RANKED_SHEET_TEXT[o.lang];
  const dims = TOP100_DIMENSION_ORDER.map(dimensionIndex);
  const n = ranking.districts.length;
  const live = o.mode === "formulas";
  const rows: PlanValue[][] = [[t.rank, t.province, t.city, t.district, ...dims.map((d) => DIMENSIONS[d][o.lang]), t.total]];
  ranking.districts.forEach((d, i) => {
    const r = 1 + i;
    const dimCells = dims.map((di): PlanValue => {
      const ref = live ? o.sourceRef?.(d.dataRow, di) : null;
      return ref ? { formula: ref } : finite(d.dimensions[di]);
    });
    const total: PlanValue = live
      ? { formula: `SUMPRODUCT(${rangeAddress(r, 4, 1, dims.length)},${rangeAddress(weightsRow, SIDE_COL + 1, 1, dims.length, true)})` }
      : finite(d.total);
    const rank: PlanValue = live ? { formula: `RANK.EQ(${cellAddress(r, TOTAL_COL)},${rangeAddress(1, TOTAL_COL, Math.max(1, n), 1, true)})` } : d.rank;
    rows.push([rank, d.province, d.city, d.district, ...dimCells, total]);
  });
  return { id: "ranking", row: 0, col: 0, values: rows, headerRows: 1, columnFormats: ["0", null, null, null, ...dims.map(() => "0.00"), "0.00"] };
}

/**
 * Regions in the top N by province. Live counts compare names with "=" inside SUMPRODUCT: COUNTIFS
 * would read a province name as a criterion, with * ? ~ as wildcards and a leading = < > as an
 * operator, and miscount such names.
 */
function summaryBlock(counts: [string, number][], n: number, topN: number, o: RankedSheetOptions): CellBlock {
  const t = RANKED_SHEET_TEXT[o.lang];
  const live = o.mode === "formulas" && n > 0;
  const count = (province: string): PlanValue => {
    const criterion = quoteFormulaText(province === t.unknownProvince ? "" : province);
    return { formula: `SUMPRODUCT((${rangeAddress(1, 1, n, 1, true)}=${criterion})*(${rangeAddress(1, 0, n, 1, true)}<=${topN}))` };
  };
  return {
    id: "summary",
    row: 0,
    col: SIDE_COL,
    values: [[t.summaryProvince, t.summaryCount(topN)], ...counts.map(([province, c]) => [province, live ? count(province) : c])],
    headerRows: 1,
    columnFormats: [null, "0"],
  };
}

/** Regions with rank ≤ N by province, most first, then by name. */
function provinceCounts(ranking: Ranking, topN: number, unknown: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of ranking.districts) {
    if (d.rank > topN) continue;
    const p = d.province || unknown;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN"));
}

/** A string as a formula literal: "text" with doubled quotes. */
function quoteFormulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
