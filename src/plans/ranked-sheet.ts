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
import { GEOMETRIC_FLOOR } from "../core/aggregate";
import { UserError } from "../core/errors";
import { DIMENSIONS, TOP100_DIMENSION_ORDER, dimensionIndex } from "../core/framework";
import { IndexRun, Ranking, requireRanked } from "../core/workflow";
import { RANKED_SHEET_TEXT, unnamedRow, WORDS } from "../text";
import { NOTE_EFFECTIVE_COLUMN, NOTE_FORMATS, NOTE_LINE_WIDTH, NOTE_WEIGHTS_ROW, RankedNoteContext, rankedNoteLines } from "./method-note";
import { CellBlock, ChartPlan, columnWidths, EMPHASIS_FILL, finite, PlanValue, SheetPlan } from "./plan";
import { CHAR_POINTS, columnsFor, planPage, PrintArea, ROW_POINTS, rowsUnder } from "./page";

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

/** Rank, province, city, district, the five sub-indices, the total; then, when asked for, the rank within the province. */
const RANKING_COLUMNS = 4 + TOP100_DIMENSION_ORDER.length + 1;
const TOTAL_COL = RANKING_COLUMNS - 1;
const CHART_ROWS = 20;
/**
 * Rows above the ranking's header: the title line (the printed pages carry it in their header too),
 * left out only when the sheet would otherwise exceed Excel's rows (1,048,575 regions).
 */
const TITLE_ROWS = 1;

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
  // A TOPSIS total depends on every region's best and worst value: no row formula can keep it live.
  if (options.mode === "formulas" && run.result.aggregate === "topsis") throw new UserError("FORMULAS_NOT_TOPSIS");
  if (ranking.districts.length + 1 > EXCEL_MAX_ROWS) throw new UserError("TOO_MANY_ROWS", { rows: (ranking.districts.length + 1).toLocaleString("en-US") });
  const titleRows = ranking.districts.length + 1 + TITLE_ROWS <= EXCEL_MAX_ROWS ? TITLE_ROWS : 0;
  const HEADER_ROW = titleRows;
  const FIRST_ROW = HEADER_ROW + 1;
  const t = RANKED_SHEET_TEXT[options.lang];
  const topN = options.topN;
  const n = ranking.districts.length;
  const rankingCols = RANKING_COLUMNS + (options.provinceRank ? 1 : 0);
  // One blank column between the ranking and the side (summary, chart, note).
  const SIDE_COL = rankingCols + 1;
  // The side column: summary, chart, then the note. Its rows are known before the ranking's formulas need them.
  // A table without provinces (a city's districts) is summed, and ranked within, by city.
  const group: Group = groupOf(ranking);
  const counts = groupCounts(ranking, topN, group === "city" ? t.unknownCity : t.unknownProvince, group);
  const all = topN >= n;
  // The side: the summary with its chart beside it, then the note below both.
  // The side starts below the rows repeated on every printed page, which are blank in its columns.
  const sideTop = FIRST_ROW;
  const sideRows = Math.max(counts.length + 1, counts.length ? rowsUnder(CHART_ROWS * ROW_POINTS) : 0);
  const noteTop = sideTop + sideRows + 1;
  const note = rankedNoteLines(run, { ...options, groupBy: group });
  const blocks = [
    ...(titleRows ? [{ id: "title", row: 0, col: 0, values: [[t.title(options.source)]], headerRows: 1, columnFormats: [] }] : []),
    rankingBlock(
      ranking,
      options,
      noteTop + NOTE_WEIGHTS_ROW,
      SIDE_COL,
      FIRST_ROW,
      run.result.input.columns.names.district === undefined ? run.result.input : null,
      group,
      run.result.aggregate === "geometric",
    ),
    summaryBlock(counts, n, topN, options, SIDE_COL, FIRST_ROW, group),
    { id: "note", row: noteTop, col: SIDE_COL, values: note, headerRows: 1, columnFormats: NOTE_FORMATS, align: "left" as const },
  ];
  const widths = columnWidths(blocks);
  const chartCol = SIDE_COL + 3;
  const chart: ChartPlan | null = counts.length
    ? {
        type: "barClustered",
        title: group === "city" ? (all ? t.chartTitleAllCity : t.chartTitleCity(topN)) : all ? t.chartTitleAll : t.chartTitle(topN),
        block: "summary",
        rows: counts.length,
        categoryColumn: 0,
        valueColumn: 1,
        anchorRow: sideTop,
        anchorCol: chartCol,
        width: CHART_WIDTH,
        height: CHART_ROWS * ROW_POINTS,
      }
    : null;
  // Printed: the title and header on every page; the ranking, the summary with its chart, and the note, each from a page of its own.
  const areas: PrintArea[] = [
    { row: 0, col: 0, rows: FIRST_ROW + n, cols: rankingCols },
    {
      row: 0,
      col: SIDE_COL,
      rows: sideTop + sideRows,
      cols: chart ? columnsFor(widths, SIDE_COL, chartCol, CHART_WIDTH) : 2,
      ...(chart ? { chart: { col: chartCol, width: CHART_WIDTH, height: chart.height } } : {}),
    },
    { row: noteTop, col: SIDE_COL, rows: note.length, cols: columnsFor(widths, SIDE_COL, SIDE_COL + 1, NOTE_LINE_WIDTH * CHAR_POINTS) },
  ];
  return {
    sheetName: t.sheet,
    blocks,
    tables: [
      { name: "ZBDS_Ranking", block: "ranking", style: "TableStyleMedium2" },
      { name: "ZBDS_Provinces", block: "summary", style: "TableStyleLight9" },
    ],
    freezeRows: FIRST_ROW,
    columnWidths: widths,
    mainBlock: "ranking",
    dataBarColumn: TOTAL_COL,
    emphasisedRows: n > topN ? ranking.districts.filter((d) => d.rank <= topN).length : 0,
    emphasisFill: EMPHASIS_FILL,
    chart,
    rankedCount: n,
    page: planPage(areas, widths, { lang: options.lang, titleRows: FIRST_ROW, title: t.title(options.source), rowsPerPage: ROWS_PER_PAGE }),
  };
}

const CHART_WIDTH = 420;
/** Rows the printed ranking aims at per page: 100 regions on two pages. */
const ROWS_PER_PAGE = 52;

// ---- blocks ----------------------------------------------------------------------------------

/** The ranking table; live totals weight the sub-indices with the note's weights row. */
function rankingBlock(
  ranking: Ranking,
  o: RankedSheetOptions,
  weightsRow: number,
  SIDE_COL: number,
  FIRST_ROW: number,
  unnamed: { firstDataRow: number } | null,
  group: Group,
  /** Live totals as the weighted geometric mean (the options' aggregate=geometric). */
  geometric = false,
): CellBlock {
  const t = RANKED_SHEET_TEXT[o.lang];
  const dims = TOP100_DIMENSION_ORDER.map(dimensionIndex);
  const n = ranking.districts.length;
  const live = o.mode === "formulas";
  const rows: PlanValue[][] = [
    [
      t.rank,
      t.province,
      t.city,
      t.district,
      ...dims.map((d) => DIMENSIONS[d][o.lang]),
      t.total,
      ...(o.provinceRank ? [group === "city" ? t.cityRank : t.provinceRank] : []),
    ],
  ];
  const inProvince = o.provinceRank ? groupRanks(ranking, group) : null;
  const groupCol = GROUP_COLUMN[group];
  ranking.districts.forEach((d, i) => {
    const r = FIRST_ROW + i;
    const dimCells = dims.map((di): PlanValue => {
      const ref = live ? o.sourceRef?.(d.dataRow, di) : null;
      return ref ? { formula: ref } : finite(d.dimensions[di]);
    });
    // Each sub-index times its effective weight in the note, one weight per note row (Top-100 order, as the columns);
    // geometric: each sub-index (at least GEOMETRIC_FLOOR) to the power of its weight, multiplied.
    // N(): a "-" (none) in a source cell counts as 0, as SUMPRODUCT counted text, where "-" × weight would be #VALUE!.
    const weightOf = (k: number) => cellAddress(weightsRow + k, SIDE_COL + NOTE_EFFECTIVE_COLUMN, true);
    const total: PlanValue = !live
      ? finite(d.total)
      : geometric
        ? { formula: dims.map((_, k) => `MAX(N(${cellAddress(r, 4 + k)}),${GEOMETRIC_FLOOR})^${weightOf(k)}`).join("*") }
        : { formula: dims.map((_, k) => `N(${cellAddress(r, 4 + k)})*${weightOf(k)}`).join("+") };
    const rank: PlanValue = live ? { formula: `RANK.EQ(${cellAddress(r, TOTAL_COL)},${rangeAddress(FIRST_ROW, TOTAL_COL, Math.max(1, n), 1, true)})` } : d.rank;
    // Without a district column the note says regions are named by their row: so they are.
    const row: PlanValue[] = [
      rank,
      d.province,
      d.city,
      d.district || (unnamed ? unnamedRow(d.dataRow + unnamed.firstDataRow + 1, o.lang) : ""),
      ...dimCells,
      total,
    ];
    if (inProvince) {
      // Live: 1 + the regions of the same province (or city; names compared literally) with a larger total.
      const names = rangeAddress(FIRST_ROW, groupCol, Math.max(1, n), 1, true);
      const totals = rangeAddress(FIRST_ROW, TOTAL_COL, Math.max(1, n), 1, true);
      row.push(live ? { formula: `1+SUMPRODUCT((${names}=${cellAddress(r, groupCol)})*(${totals}>${cellAddress(r, TOTAL_COL)}))` } : inProvince[i]);
    }
    rows.push(row);
  });
  const formats = ["0", null, null, null, ...dims.map(() => "0.00"), "0.00", ...(inProvince ? ["0"] : [])];
  return { id: "ranking", row: FIRST_ROW - 1, col: 0, values: rows, headerRows: 1, columnFormats: formats };
}

/**
 * Regions in the top N by province. Live counts compare names with "=" inside SUMPRODUCT: COUNTIFS
 * would read a province name as a criterion, with * ? ~ as wildcards and a leading = < > as an
 * operator, and miscount such names.
 */
function summaryBlock(
  counts: [string, number][],
  n: number,
  topN: number,
  o: RankedSheetOptions,
  SIDE_COL: number,
  FIRST_ROW: number,
  group: Group,
): CellBlock {
  const t = RANKED_SHEET_TEXT[o.lang];
  const live = o.mode === "formulas" && n > 0;
  const unknown = group === "city" ? t.unknownCity : t.unknownProvince;
  const count = (name: string): PlanValue => {
    const criterion = quoteFormulaText(name === unknown ? "" : name);
    return {
      formula: `SUMPRODUCT((${rangeAddress(FIRST_ROW, GROUP_COLUMN[group], n, 1, true)}=${criterion})*(${rangeAddress(FIRST_ROW, 0, n, 1, true)}<=${topN}))`,
    };
  };
  return {
    id: "summary",
    row: FIRST_ROW,
    col: SIDE_COL,
    values: [
      [group === "city" ? t.summaryCity : t.summaryProvince, topN >= n ? t.summaryCountAll : t.summaryCount(topN)],
      ...counts.map(([province, c]) => [province, live ? count(province) : c]),
    ],
    headerRows: 1,
    columnFormats: [null, "0"],
  };
}

/**
 * Each region's competition rank within its province or city (ties share the better rank, as
 * RANK.EQ), in ranking order; regions without one are ranked among themselves.
 */
function groupRanks(ranking: Ranking, group: Group): number[] {
  const seen = new Map<string, { count: number; lastTotal: number; lastRank: number }>();
  return ranking.districts.map((d) => {
    const key = d[group];
    const s = seen.get(key) ?? { count: 0, lastTotal: NaN, lastRank: 0 };
    s.count++;
    const rank = d.total === s.lastTotal ? s.lastRank : s.count;
    s.lastTotal = d.total;
    s.lastRank = rank;
    seen.set(key, s);
    return rank;
  });
}

/** What the summary counts and the optional rank ranks within: the province, or the city when no region has a province. */
type Group = "province" | "city";
/** The ranking's column of each group's names. */
const GROUP_COLUMN: Readonly<Record<Group, number>> = { province: 1, city: 2 };

function groupOf(ranking: Ranking): Group {
  const named = (v: string) => v !== "" && v !== "-";
  return !ranking.districts.some((d) => named(d.province)) && ranking.districts.some((d) => named(d.city)) ? "city" : "province";
}

/** Regions with rank ≤ N by province (or city), most first, then by name. */
function groupCounts(ranking: Ranking, topN: number, unknown: string, group: Group): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of ranking.districts) {
    if (d.rank > topN) continue;
    const p = d[group] || unknown;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN"));
}

/** A string as a formula literal: "text" with doubled quotes. */
function quoteFormulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
