/**
 * The sheets of the weight analyses as plans (applied by the same writers as every other plan): what a change of weights does to the ranking (impact),
 * and how robust the ranking is to the weights (Monte Carlo and leave one out).
 *
 * Impact sheet (zero-based rows/columns):
 *   A1  figures: regions compared, Spearman's rank correlation, mean absolute rank shift, counts entering / leaving the top N
 *   A4  regions entering the top N (old rank → new rank);  E4 regions leaving it
 *   A…  the largest moves, up first (largest first), then down (largest last), with their bar chart beside (F…)
 *   A…  method note
 *
 * Robustness sheet:
 *   A1  per region in nominal-rank order: nominal rank, region, median rank, 5th and 95th percentile rank, interval width
 *   H2  method note: runs, spread, seed, method, leave-one-out shift per dimension (from row 2: row 1, the
 *       header, is repeated on every printed page)
 *   H…  chart data for the top N (region, p5, p95 − p5) and, beside it (L…), the stacked bar of the rank intervals:
 *       the p5 series is drawn without fill, so each bar floats from p5 to p95
 *
 * Both print on A4 landscape, one page wide, each part from a page of its own (src/plans/page.ts).
 * Every text in Chinese or English; no NaN or Infinity reaches a cell ("—" / "" instead).
 */
import { DIMENSIONS } from "../core/framework";
import type { RankImpact, RankMove } from "../core/impact";
import type { SensitivityResult } from "../core/sensitivity";
import { SensitivityIndices, sobolReading, sobolRows, UncertaintyResult } from "../core/uncertainty";
import type { IndexRun } from "../core/workflow";
import { ANALYSIS_SHEET_TEXT, Lang, METHOD_NOTE_TEXT, weightsLabel, WeightsSource } from "../text";
import { NOTE_LINE_WIDTH, runNoteLines, stampLines, wrapNoteRows } from "./method-note";
import { CHAR_POINTS, columnsFor, planPage, PrintArea, rowsUnder } from "./page";
import { CellBlock, ChartPlan, columnWidths, EMPHASIS_FILL, finite, PlanValue, SheetPlan, TablePlan } from "./plan";

/** What the note of an analysis sheet says of the data: the run analysed and where its data came from. */
export interface AnalysedData {
  readonly run: IndexRun;
  readonly source: string;
}

export interface ImpactSheetOptions {
  readonly lang: Lang;
  /** The weights of the old ranking (the baseline, the report's …). */
  readonly baseline?: WeightsSource;
  /** The weights of the new ranking. */
  readonly current?: WeightsSource;
  readonly data?: AnalysedData;
  /** The run's date-time as the note shows it (passed in: the plan stays pure). */
  readonly generatedAt?: string;
  readonly version?: string;
}

export interface RobustnessSheetOptions {
  readonly lang: Lang;
  /** Regions whose nominal rank is at most N are emphasised and drawn in the chart. */
  readonly topN: number;
  /** Mean absolute rank shift when each dimension is dropped (framework order), from `getLeaveOneOut`. */
  readonly leaveOneOut?: ArrayLike<number> | null;
  /** The weights analysed. */
  readonly weights?: WeightsSource;
  readonly data?: AnalysedData;
  readonly generatedAt?: string;
  readonly version?: string;
}

const LABELS = ANALYSIS_SHEET_TEXT;

type Labels = (typeof LABELS)[Lang];

const IMPACT_SIDE_COL = 4;
const IMPACT_CHART_COL = 5;
const REGION_COLUMNS = 6;
const ROBUST_SIDE_COL = REGION_COLUMNS + 1;
const ROBUST_CHART_COL = ROBUST_SIDE_COL + 4;
/** The robustness sheet's side (note, intervals) starts on the row below the header. */
const ROBUST_SIDE_TOP = 1;
/** Rows of the robustness table a printed page aims at: 100 regions on two pages, as the ranked sheet. */
const ROWS_PER_PAGE = 52;
const MIN_CHART_HEIGHT = 300;
const MAX_CHART_HEIGHT = 4000;

/**
 * Plans the impact sheet of a change of weights.
 *
 * @example
 * const impact = compareRankings(oldTotals, newTotals, 100);
 * const plan = planImpactSheet(impact, (row) => districtName(row), { lang: "zh" });
 * planBlock(plan, "figures").values[1] // → [100, 0.987, 1.4, 3, 3]
 */
export function planImpactSheet(impact: RankImpact, names: (row: number) => string, opts: ImpactSheetOptions): SheetPlan {
  const t = LABELS[opts.lang];
  const n = impact.topN;
  const figures = figuresBlock(impact, t);
  const listTop = figures.values.length + 1;
  const entering = movesList("entering", listTop, 0, t.entering(n), impact.entering, names, t);
  const leaving = movesList("leaving", listTop, IMPACT_SIDE_COL, t.leaving(n), impact.leaving, names, t);
  // Up first, largest first; then down, smallest first: the chart reads from the largest rise to the largest fall.
  const moved = [...impact.movedUp, ...[...impact.movedDown].reverse()];
  const movesTop = listTop + Math.max(entering.values.length, leaving.values.length) + 1;
  const moves = movesBlock(moved, movesTop, names, t);
  const chart: ChartPlan | null = moved.length
    ? {
        type: "barClustered",
        title: t.movesChart,
        block: "moves",
        rows: moved.length,
        categoryColumn: 0,
        valueColumn: 1,
        anchorRow: movesTop,
        anchorCol: IMPACT_CHART_COL,
        width: 420,
        height: chartHeight(moved.length),
      }
    : null;
  const chartRows = chart ? rowsUnder(chart.height) : 0;
  const resultRows = movesTop + Math.max(moves.values.length, chartRows);
  const note = noteBlock(resultRows + 1, 0, impactNoteLines(n, opts));
  const blocks = [figures, entering, leaving, moves, note];
  const widths = columnWidths(blocks);
  // Printed: the figures, lists, moves and chart on a page; the note from a page of its own.
  const listCols = IMPACT_SIDE_COL + leaving.values[0].length;
  const areas: PrintArea[] = [
    {
      row: 0,
      col: 0,
      rows: resultRows,
      cols: chart ? Math.max(listCols, columnsFor(widths, 0, IMPACT_CHART_COL, chart.width)) : listCols,
      ...(chart ? { chart: { col: IMPACT_CHART_COL, width: chart.width, height: chart.height } } : {}),
    },
    { row: note.row, col: 0, rows: note.values.length, cols: columnsFor(widths, 0, 1, NOTE_LINE_WIDTH * CHAR_POINTS) },
  ];
  const tables: TablePlan[] = [
    { name: "ZBDS_Entering", block: "entering", style: "TableStyleLight9" },
    { name: "ZBDS_Leaving", block: "leaving", style: "TableStyleLight9" },
    { name: "ZBDS_RankMoves", block: "moves", style: "TableStyleMedium2" },
  ];
  return {
    sheetName: t.impactSheet,
    blocks,
    tables,
    freezeRows: 0,
    columnWidths: widths,
    mainBlock: "moves",
    dataBarColumn: null,
    emphasisedRows: 0,
    emphasisFill: EMPHASIS_FILL,
    chart,
    page: planPage(areas, widths, { lang: opts.lang, titleRows: 0, title: t.impactTitle(opts.data?.source ?? null) }),
  };
}

/**
 * Plans the robustness sheet of a Monte Carlo analysis (and, when given, the leave-one-out check).
 * Regions without a nominal rank (no result) are left out.
 *
 * @example
 * const plan = planRobustnessSheet(getSensitivity(result), (row) => districtName(row), { lang: "zh", topN: 10 });
 * planBlock(plan, "regions").values[1] // → [1, "滨江区", 1, 1, 2.05, 1.05]
 */
export function planRobustnessSheet(result: SensitivityResult, names: (row: number) => string, opts: RobustnessSheetOptions): SheetPlan {
  const t = LABELS[opts.lang];
  const topN = Math.max(1, Math.floor(opts.topN));
  const { rows, top } = nominalOrder(result.nominal, topN);

  const regions = regionsBlock(result, rows, names, t);
  // The side starts below the header row, which is repeated on every printed page and so blank in its columns.
  const note = noteBlock(ROBUST_SIDE_TOP, ROBUST_SIDE_COL, robustnessNoteLines(result, topN, opts));
  const intervalsTop = ROBUST_SIDE_TOP + note.values.length + 1;
  const { block: intervals, chart } = intervalsPart(result, top, names, t, topN, intervalsTop, ROBUST_SIDE_COL, ROBUST_CHART_COL);

  const blocks = [regions, note, intervals];
  const widths = columnWidths(blocks);
  // Printed: the regions (header repeated), the intervals with their chart, and the note last (as on the impact
  // sheet), each from a page of its own.
  const noteArea: PrintArea = {
    row: note.row,
    col: ROBUST_SIDE_COL,
    rows: note.values.length,
    cols: columnsFor(widths, ROBUST_SIDE_COL, ROBUST_SIDE_COL + 1, NOTE_LINE_WIDTH * CHAR_POINTS),
  };
  const areas: PrintArea[] = [
    { row: 0, col: 0, rows: regions.values.length, cols: REGION_COLUMNS },
    {
      row: intervalsTop,
      col: ROBUST_SIDE_COL,
      rows: Math.max(intervals.values.length, chart ? rowsUnder(chart.height) : 0),
      cols: chart ? columnsFor(widths, ROBUST_SIDE_COL, ROBUST_CHART_COL, chart.width) : intervals.values[0].length,
      ...(chart ? { chart: { col: ROBUST_CHART_COL, width: chart.width, height: chart.height } } : {}),
    },
    noteArea,
  ];
  return {
    sheetName: t.robustnessSheet,
    blocks,
    tables: [{ name: "ZBDS_Robustness", block: "regions", style: "TableStyleMedium2" }],
    freezeRows: 1,
    columnWidths: widths,
    page: planPage(areas, widths, { lang: opts.lang, titleRows: 1, title: t.robustnessTitle(opts.data?.source ?? null), rowsPerPage: ROWS_PER_PAGE }),
    mainBlock: "regions",
    dataBarColumn: rows.length ? REGION_COLUMNS - 1 : null,
    emphasisedRows: rows.length > top.length ? top.length : 0,
    emphasisFill: EMPHASIS_FILL,
    chart,
  };
}

export interface UncertaintySheetOptions extends Omit<RobustnessSheetOptions, "leaveOneOut" | "weights"> {
  /** The assumptions as text ("weights=±25%; scaling=minmax,rank"). */
  readonly assumptions: string;
  /** The weights of the nominal run. */
  readonly weights?: WeightsSource;
}

/**
 * Plans the uncertainty sheet: per region the nominal, median, 5th and 95th percentile ranks and
 * the mean shift; beside them the note (assumptions, design, reading in words), the sensitivity
 * indices with their bar chart (when a Sobol analysis was run) and the rank intervals of the top N
 * with theirs.
 *
 * @example
 * const plan = planUncertaintySheet(result, indices, (row) => districtName(row), { lang: "en", topN: 10, assumptions: "scaling=minmax,rank" });
 */
export function planUncertaintySheet(
  result: UncertaintyResult,
  indices: SensitivityIndices | null,
  names: (row: number) => string,
  opts: UncertaintySheetOptions,
): SheetPlan {
  const t = LABELS[opts.lang];
  const topN = Math.max(1, Math.floor(opts.topN));
  const { rows, top } = nominalOrder(result.nominal, topN);

  const base = regionsBlock(result, rows, names, t);
  const regions: CellBlock = {
    ...base,
    values: base.values.map((v, i) => [...v, i === 0 ? t.meanShift : rows.length ? finite(result.meanShift[rows[i - 1]]) : ""]),
    columnFormats: [...base.columnFormats, "0.00"],
  };
  const side = REGION_COLUMNS + 2;
  const chartCol = side + 4;
  const noteLines = wrapNoteRows([
    [METHOD_NOTE_TEXT[opts.lang].noteTitle, ""],
    [t.assumptions, opts.assumptions || t.none],
    [t.design, indices ? t.designValue(indices.n, indices.n * (indices.assumptions.length + 2), result.runs) : t.randomValue(result.runs)],
    [t.seed, result.seed],
    [t.method, t.uncertaintyRule],
    ...(indices ? [[t.reading, sobolReading(indices, opts.lang)] as PlanValue[], [t.method, t.sobolRule] as PlanValue[]] : []),
    ...optional(t.weights, opts.weights && weightsLabel(opts.weights, opts.lang)),
    ...(opts.data ? runNoteLines(opts.data.run, opts.lang, opts.data.source) : []),
    [t.emphasised, t.topNValue(topN)],
    ...stampLines(opts.lang, opts.generatedAt, opts.version),
  ]);
  const note = noteBlock(ROBUST_SIDE_TOP, side, noteLines);
  const blocks: CellBlock[] = [regions, note];
  const charts: ChartPlan[] = [];
  const areas: PrintArea[] = [{ row: 0, col: 0, rows: regions.values.length, cols: REGION_COLUMNS + 1 }];
  let next = ROBUST_SIDE_TOP + note.values.length + 1;
  let sobolArea: { row: number; rows: number; chart: ChartPlan } | null = null;
  if (indices) {
    // Sᵢ and S_Tᵢ side by side (the chart's two series), then their intervals: LIVESOBOL's order.
    const table = sobolRows(indices, opts.lang);
    const sobol: CellBlock = {
      id: "sobol",
      row: next,
      col: side,
      values: table,
      headerRows: 1,
      columnFormats: [null, "0.000", "0.000", "0.000", "0.000", "0.000", "0.000"],
    };
    blocks.push(sobol);
    const height = chartHeight(2 * indices.assumptions.length + 4);
    const chart: ChartPlan = {
      type: "barClustered",
      title: t.sobolChart,
      block: "sobol",
      rows: indices.assumptions.length,
      categoryColumn: 0,
      valueColumn: 1,
      series: 2,
      anchorRow: next,
      anchorCol: side + 8,
      width: 420,
      height,
      legend: true,
      valueFormat: "0%",
    };
    charts.push(chart);
    sobolArea = { row: next, rows: Math.max(sobol.values.length, rowsUnder(height)), chart };
    next += sobolArea.rows + 1;
  }
  const { block: intervals, chart: intervalsChart } = intervalsPart(result, top, names, t, topN, next, side, chartCol);
  blocks.push(intervals);
  if (intervalsChart) charts.push(intervalsChart);
  const widths = columnWidths(blocks);
  if (sobolArea) {
    const c = sobolArea.chart;
    areas.push({
      row: sobolArea.row,
      col: side,
      rows: sobolArea.rows,
      cols: columnsFor(widths, side, c.anchorCol, c.width),
      chart: { col: c.anchorCol, width: c.width, height: c.height },
    });
  }
  if (intervalsChart) {
    const c = intervalsChart;
    areas.push({
      row: next,
      col: side,
      rows: Math.max(intervals.values.length, rowsUnder(c.height)),
      cols: columnsFor(widths, side, chartCol, c.width),
      chart: { col: chartCol, width: c.width, height: c.height },
    });
  }
  areas.push({ row: note.row, col: side, rows: note.values.length, cols: columnsFor(widths, side, side + 1, NOTE_LINE_WIDTH * CHAR_POINTS) });
  return {
    sheetName: t.uncertaintySheet,
    blocks,
    tables: [{ name: "ZBDS_Uncertainty", block: "regions", style: "TableStyleMedium2" }],
    freezeRows: 1,
    columnWidths: widths,
    page: planPage(areas, widths, { lang: opts.lang, titleRows: 1, title: t.uncertaintyTitle(opts.data?.source ?? null), rowsPerPage: ROWS_PER_PAGE }),
    mainBlock: "regions",
    dataBarColumn: rows.length ? REGION_COLUMNS - 1 : null,
    emphasisedRows: rows.length > top.length ? top.length : 0,
    emphasisFill: EMPHASIS_FILL,
    chart: charts[0] ?? null,
    moreCharts: charts.slice(1),
  };
}

// ---- blocks ----------------------------------------------------------------------------------

/** The rows with a nominal rank, in its order (ties in row order), and those of the top N. */
function nominalOrder(nominal: Float64Array, topN: number): { rows: number[]; top: number[] } {
  const rows: number[] = [];
  for (let r = 0; r < nominal.length; r++) if (Number.isFinite(nominal[r])) rows.push(r);
  rows.sort((a, b) => nominal[a] - nominal[b] || a - b);
  return { rows, top: rows.filter((r) => nominal[r] <= topN) };
}

/**
 * The top N's rank intervals (region, p5, p95 − p5) and their floating bars: a stacked bar whose
 * p5 series is drawn without fill, so that each bar spans p5 to p95. No chart without regions.
 */
function intervalsPart(
  result: Pick<SensitivityResult, "p5" | "p95">,
  top: readonly number[],
  names: (row: number) => string,
  t: Labels,
  topN: number,
  row: number,
  col: number,
  chartCol: number,
): { block: CellBlock; chart: ChartPlan | null } {
  const block: CellBlock = {
    id: "intervals",
    row,
    col,
    values: [[t.region, t.p5, t.intervalWidth], ...top.map((r): PlanValue[] => [names(r), finite(result.p5[r]), finite(result.p95[r] - result.p5[r])])],
    headerRows: 1,
    columnFormats: [null, "0.0", "0.0"],
  };
  const chart: ChartPlan | null = top.length
    ? {
        type: "barStacked",
        title: t.intervalsChart(topN),
        block: "intervals",
        rows: top.length,
        categoryColumn: 0,
        valueColumn: 1,
        series: 2,
        hideFirstSeries: true,
        anchorRow: row,
        anchorCol: chartCol,
        width: 480,
        height: chartHeight(top.length),
      }
    : null;
  return { block, chart };
}

/** Regions compared, Spearman, mean shift, counts entering and leaving. */
function figuresBlock(impact: RankImpact, t: Labels): CellBlock {
  const n = impact.topN;
  return {
    id: "figures",
    row: 0,
    col: 0,
    values: [
      [t.compared, t.spearman, t.meanShift, t.enteringCount(n), t.leavingCount(n)],
      [impact.compared, shown(impact.spearman, t), shown(impact.meanAbsShift, t), impact.entering.length, impact.leaving.length],
    ],
    headerRows: 1,
    columnFormats: ["0", "0.000", "0.00", "0", "0"],
  };
}

/** Regions entering or leaving the top N: name, old rank, new rank ("none" when there is none). */
function movesList(
  id: "entering" | "leaving",
  row: number,
  col: number,
  header: string,
  moves: readonly RankMove[],
  names: (row: number) => string,
  t: Labels,
): CellBlock {
  return {
    id,
    row,
    col,
    values: [[header, t.oldRank, t.newRank], ...(moves.length ? moves.map((m): PlanValue[] => [names(m.row), m.from, m.to]) : [[t.none, "", ""]])],
    headerRows: 1,
    columnFormats: [null, "0", "0"],
  };
}

/** The largest moves: name, change, old rank, new rank. */
function movesBlock(moved: readonly RankMove[], row: number, names: (row: number) => string, t: Labels): CellBlock {
  return {
    id: "moves",
    row,
    col: 0,
    values: [
      [t.region, t.change, t.oldRank, t.newRank],
      ...(moved.length ? moved.map((m): PlanValue[] => [names(m.row), m.up, m.from, m.to]) : [[t.none, "", "", ""]]),
    ],
    headerRows: 1,
    columnFormats: [null, "+0;-0;0", "0", "0"],
  };
}

function impactNoteLines(n: number, opts: ImpactSheetOptions): PlanValue[][] {
  const t = LABELS[opts.lang];
  return wrapNoteRows([
    [METHOD_NOTE_TEXT[opts.lang].noteTitle, ""],
    ...optional(t.baseline, opts.baseline && weightsLabel(opts.baseline, opts.lang)),
    ...optional(t.current, opts.current && weightsLabel(opts.current, opts.lang)),
    ...(opts.data ? runNoteLines(opts.data.run, opts.lang, opts.data.source) : []),
    [t.topN, t.topNValue(n)],
    [t.ranking, t.rankingRule],
    [t.spearman, t.spearmanRule],
    [t.change, t.changeRule],
    ...stampLines(opts.lang, opts.generatedAt, opts.version),
  ]);
}

/** Per region in nominal-rank order: nominal rank, name, median, p5, p95, interval width. */
function regionsBlock(
  result: Pick<SensitivityResult, "nominal" | "median" | "p5" | "p95">,
  rows: readonly number[],
  names: (row: number) => string,
  t: Labels,
): CellBlock {
  const line = (r: number): PlanValue[] => [
    result.nominal[r],
    names(r),
    finite(result.median[r]),
    finite(result.p5[r]),
    finite(result.p95[r]),
    finite(result.p95[r] - result.p5[r]),
  ];
  return {
    id: "regions",
    row: 0,
    col: 0,
    values: [[t.nominal, t.region, t.median, t.p5, t.p95, t.width], ...(rows.length ? rows.map(line) : [[t.none, "", "", "", "", ""]])],
    headerRows: 1,
    columnFormats: ["0", null, "0.0", "0.0", "0.0", "0.0"],
  };
}

function robustnessNoteLines(result: SensitivityResult, topN: number, opts: RobustnessSheetOptions): PlanValue[][] {
  const t = LABELS[opts.lang];
  const spread = `±${Math.round(result.spread * 1000) / 10}%`;
  const loo = opts.leaveOneOut;
  return wrapNoteRows([
    [METHOD_NOTE_TEXT[opts.lang].noteTitle, ""],
    [t.runs, result.runs],
    [t.spread, spread],
    [t.seed, result.seed],
    [t.method, t.methodRule(spread)],
    ...optional(t.weights, opts.weights && weightsLabel(opts.weights, opts.lang)),
    ...(opts.data ? runNoteLines(opts.data.run, opts.lang, opts.data.source) : []),
    [t.emphasised, t.topNValue(topN)],
    ...(loo ? [[t.leaveOneOut, t.leaveOneOutRule], ...DIMENSIONS.map((d): PlanValue[] => [d[opts.lang], shown(round2(loo[d.index]), t)])] : []),
    ...stampLines(opts.lang, opts.generatedAt, opts.version),
  ]);
}

// ---- helpers ---------------------------------------------------------------------------------

function noteBlock(row: number, col: number, lines: PlanValue[][]): CellBlock {
  return { id: "note", row, col, values: lines, headerRows: 1, columnFormats: [null, null], align: "left" };
}

/** A labelled note line, or none when there is nothing to say. */
function optional(label: string, value: string | undefined): PlanValue[][] {
  return value ? [[label, value]] : [];
}

/** A number, or "—" where there is none (NaN must never reach a cell). */
function shown(x: number, t: Labels): PlanValue {
  return Number.isFinite(x) ? x : t.notAvailable;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** About 14 points per bar, within Excel's chart size limits. */
function chartHeight(bars: number): number {
  return Math.min(MAX_CHART_HEIGHT, Math.max(MIN_CHART_HEIGHT, 60 + bars * 14));
}
