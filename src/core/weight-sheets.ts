/**
 * The sheets of the weight analyses as plain plans (the same {@link BaseSheetPlan} the ranked
 * sheet uses, applied by the same writer): what a change of weights does to the ranking (impact),
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
 *   H1  method note: runs, spread, seed, method, leave-one-out shift per dimension
 *   H…  chart data for the top N (region, p5, p95 − p5) and, beside it (L…), the stacked bar of the rank intervals:
 *       the p5 series is drawn without fill, so each bar floats from p5 to p95
 *
 * Every text in Chinese or English; no NaN or Infinity reaches a cell ("—" / "" instead).
 */
import { columnWidths, BaseSheetPlan, CellBlock, ChartPlan, PlanValue, TablePlan } from "./sheet-plan";
import { DIMENSIONS } from "./framework";
import type { Lang } from "./errors";
import type { RankImpact, RankMove } from "./impact";
import type { SensitivityResult } from "./sensitivity";

export interface ImpactSheetOptions {
  readonly lang: Lang;
  /** The weights of the old ranking, as the note names them (the baseline, the report's …). */
  readonly baselineLabel?: string;
  /** The weights of the new ranking (a table's name …). */
  readonly currentLabel?: string;
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
  /** The weights analysed, as the note names them. */
  readonly weightsLabel?: string;
  readonly generatedAt?: string;
  readonly version?: string;
}

const LABELS = {
  zh: {
    impactSheet: "影响分析",
    robustnessSheet: "稳健性",
    compared: "比较的地区数",
    spearman: "斯皮尔曼等级相关系数",
    meanShift: "平均绝对名次变化",
    enteringCount: (n: number) => `进入前 ${n} 名`,
    leavingCount: (n: number) => `退出前 ${n} 名`,
    entering: (n: number) => `进入前 ${n} 名的地区`,
    leaving: (n: number) => `退出前 ${n} 名的地区`,
    region: "地区",
    oldRank: "原名次",
    newRank: "新名次",
    change: "名次变化（正数为上升）",
    none: "（无）",
    notAvailable: "—",
    movesChart: "名次变化最大的地区",
    noteTitle: "方法说明",
    baseline: "原权重",
    current: "新权重",
    topN: "重点比较",
    topNValue: (n: number) => `前 ${n} 名`,
    ranking: "排名规则",
    rankingRule: "竞争排名（同 RANK.EQ），总指数从高到低；只比较在两种权重下都有结果的地区。",
    spearmanRule: "斯皮尔曼系数按平均名次（并列者取平均）计算：1 表示两种排名完全一致，越小差别越大。",
    changeRule: "名次变化 = 原名次 − 新名次：正数为上升；列出上升和下降最多的地区。",
    nominal: "名义名次",
    median: "中位名次",
    p5: "第 5 百分位名次",
    p95: "第 95 百分位名次",
    width: "区间宽度",
    intervalWidth: "区间宽度（第 95 − 第 5 百分位）",
    intervalsChart: (n: number) => `前 ${n} 名地区的名次区间（第 5 至第 95 百分位）`,
    runs: "模拟次数",
    spread: "权重扰动",
    seed: "随机种子",
    method: "方法",
    methodRule: (p: string) =>
      `每次模拟将每个权重乘以 (1 + u)，u 在 ${p} 内均匀分布，各层归一化后重新计算总指数和排名；区间为各地区名次的第 5 至第 95 百分位（同 PERCENTILE.INC）。相同的种子得到相同的结果。`,
    weights: "权重",
    emphasised: "重点显示",
    leaveOneOut: "留一检验",
    leaveOneOutRule: "依次去掉一个一级指标（其余按比例归一）后，各地区名次的平均绝对变化：",
    generated: "生成时间",
    version: "加载项版本",
  },
  en: {
    impactSheet: "Impact",
    robustnessSheet: "Robustness",
    compared: "Regions compared",
    spearman: "Spearman's rank correlation",
    meanShift: "Mean absolute rank shift",
    enteringCount: (n: number) => `Entering the top ${n}`,
    leavingCount: (n: number) => `Leaving the top ${n}`,
    entering: (n: number) => `Regions entering the top ${n}`,
    leaving: (n: number) => `Regions leaving the top ${n}`,
    region: "Region",
    oldRank: "Old rank",
    newRank: "New rank",
    change: "Rank change (positive = up)",
    none: "(none)",
    notAvailable: "—",
    movesChart: "Largest rank moves",
    noteTitle: "Method note",
    baseline: "Old weights",
    current: "New weights",
    topN: "Compared group",
    topNValue: (n: number) => `Top ${n}`,
    ranking: "Ranking",
    rankingRule: "Competition ranking (as RANK.EQ), highest total first; only regions with a result under both sets of weights are compared.",
    spearmanRule:
      "Spearman's coefficient is computed on average ranks (ties share the mean rank): 1 means the two rankings are the same; the lower, the more they differ.",
    changeRule: "Rank change = old rank − new rank: positive means up; the regions that moved most up and down are listed.",
    nominal: "Nominal rank",
    median: "Median rank",
    p5: "5th percentile rank",
    p95: "95th percentile rank",
    width: "Interval width",
    intervalWidth: "Interval width (95th − 5th percentile)",
    intervalsChart: (n: number) => `Rank intervals of the top ${n} (5th to 95th percentile)`,
    runs: "Runs",
    spread: "Weight perturbation",
    seed: "Seed",
    method: "Method",
    methodRule: (p: string) =>
      `Each run multiplies every weight by (1 + u), u uniform in ${p}, renormalises each level and recomputes the totals and ranks; the interval is the 5th to 95th percentile of each region's ranks (as PERCENTILE.INC). The same seed gives the same result.`,
    weights: "Weights",
    emphasised: "Emphasised",
    leaveOneOut: "Leave one out",
    leaveOneOutRule: "Mean absolute rank shift when one dimension is dropped (the others renormalised):",
    generated: "Generated",
    version: "Add-in version",
  },
} as const;

type Labels = (typeof LABELS)[Lang];

const IMPACT_SIDE_COL = 4;
const IMPACT_CHART_COL = 5;
const REGION_COLUMNS = 6;
const ROBUST_SIDE_COL = REGION_COLUMNS + 1;
const ROBUST_CHART_COL = ROBUST_SIDE_COL + 4;
const MIN_CHART_HEIGHT = 300;
const MAX_CHART_HEIGHT = 4000;
const EMPHASIS_FILL = "#FCE4D6";

/**
 * Plans the impact sheet of a change of weights.
 *
 * @example
 * const impact = compareRankings(oldTotals, newTotals, 100);
 * const plan = planImpactSheet(impact, (row) => districtName(row), { lang: "zh" });
 * planBlock(plan, "figures").values[1] // → [100, 0.987, 1.4, 3, 3]
 */
export function planImpactSheet(impact: RankImpact, names: (row: number) => string, opts: ImpactSheetOptions): BaseSheetPlan {
  const t = LABELS[opts.lang];
  const n = impact.topN;
  const figures: CellBlock = {
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

  const listTop = figures.values.length + 1;
  const list = (id: "entering" | "leaving", col: number, header: string, moves: readonly RankMove[]): CellBlock => ({
    id,
    row: listTop,
    col,
    values: [[header, t.oldRank, t.newRank], ...(moves.length ? moves.map((m): PlanValue[] => [names(m.row), m.from, m.to]) : [[t.none, "", ""]])],
    headerRows: 1,
    columnFormats: [null, "0", "0"],
  });
  const entering = list("entering", 0, t.entering(n), impact.entering);
  const leaving = list("leaving", IMPACT_SIDE_COL, t.leaving(n), impact.leaving);

  // Up first, largest first; then down, smallest first: the chart reads from the largest rise to the largest fall.
  const moved = [...impact.movedUp, ...[...impact.movedDown].reverse()];
  const movesTop = listTop + Math.max(entering.values.length, leaving.values.length) + 1;
  const moves: CellBlock = {
    id: "moves",
    row: movesTop,
    col: 0,
    values: [
      [t.region, t.change, t.oldRank, t.newRank],
      ...(moved.length ? moved.map((m): PlanValue[] => [names(m.row), m.up, m.from, m.to]) : [[t.none, "", "", ""]]),
    ],
    headerRows: 1,
    columnFormats: [null, "+0;-0;0", "0", "0"],
  };
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

  const chartRows = chart ? Math.ceil(chart.height / 15) : 0;
  const noteTop = movesTop + Math.max(moves.values.length, chartRows) + 1;
  const note = noteBlock(noteTop, 0, [
    [t.noteTitle, ""],
    ...optional(t.baseline, opts.baselineLabel),
    ...optional(t.current, opts.currentLabel),
    [t.topN, t.topNValue(n)],
    [t.ranking, t.rankingRule],
    [t.spearman, t.spearmanRule],
    [t.change, t.changeRule],
    ...optional(t.generated, opts.generatedAt),
    ...optional(t.version, opts.version),
  ]);

  const blocks = [figures, entering, leaving, moves, note];
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
    columnWidths: columnWidths(blocks),
    mainBlock: "moves",
    dataBarColumn: null,
    emphasisedRows: 0,
    emphasisFill: EMPHASIS_FILL,
    chart,
  };
}

/**
 * Plans the robustness sheet of a Monte Carlo analysis (and, when given, the leave-one-out check).
 * Regions without a nominal rank (no result) are left out.
 *
 * @example
 * const plan = planRobustnessSheet(getSensitivity(result, weights), (row) => districtName(row), { lang: "zh", topN: 10 });
 * planBlock(plan, "regions").values[1] // → [1, "滨江区", 1, 1, 2.05, 1.05]
 */
export function planRobustnessSheet(result: SensitivityResult, names: (row: number) => string, opts: RobustnessSheetOptions): BaseSheetPlan {
  const t = LABELS[opts.lang];
  const topN = Math.max(1, Math.floor(opts.topN));
  const rows: number[] = [];
  for (let r = 0; r < result.nominal.length; r++) if (Number.isFinite(result.nominal[r])) rows.push(r);
  rows.sort((a, b) => result.nominal[a] - result.nominal[b] || a - b);
  const top = rows.filter((r) => result.nominal[r] <= topN);

  const regions: CellBlock = {
    id: "regions",
    row: 0,
    col: 0,
    values: [
      [t.nominal, t.region, t.median, t.p5, t.p95, t.width],
      ...(rows.length
        ? rows.map((r): PlanValue[] => [
            result.nominal[r],
            names(r),
            finite(result.median[r]),
            finite(result.p5[r]),
            finite(result.p95[r]),
            finite(result.p95[r] - result.p5[r]),
          ])
        : [[t.none, "", "", "", "", ""]]),
    ],
    headerRows: 1,
    columnFormats: ["0", null, "0.0", "0.0", "0.0", "0.0"],
  };

  const spread = `±${Math.round(result.spread * 1000) / 10}%`;
  const loo = opts.leaveOneOut;
  const note = noteBlock(0, ROBUST_SIDE_COL, [
    [t.noteTitle, ""],
    [t.runs, result.runs],
    [t.spread, spread],
    [t.seed, result.seed],
    [t.method, t.methodRule(spread)],
    ...optional(t.weights, opts.weightsLabel),
    [t.emphasised, t.topNValue(topN)],
    ...(loo ? [[t.leaveOneOut, t.leaveOneOutRule], ...DIMENSIONS.map((d): PlanValue[] => [d[opts.lang], shown(round2(loo[d.index]), t)])] : []),
    ...optional(t.generated, opts.generatedAt),
    ...optional(t.version, opts.version),
  ]);

  const intervalsTop = note.values.length + 1;
  const intervals: CellBlock = {
    id: "intervals",
    row: intervalsTop,
    col: ROBUST_SIDE_COL,
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
        anchorRow: intervalsTop,
        anchorCol: ROBUST_CHART_COL,
        width: 480,
        height: chartHeight(top.length),
      }
    : null;

  const blocks = [regions, note, intervals];
  return {
    sheetName: t.robustnessSheet,
    blocks,
    tables: [{ name: "ZBDS_Robustness", block: "regions", style: "TableStyleMedium2" }],
    freezeRows: 1,
    columnWidths: columnWidths(blocks),
    mainBlock: "regions",
    dataBarColumn: rows.length ? REGION_COLUMNS - 1 : null,
    emphasisedRows: rows.length > top.length ? top.length : 0,
    emphasisFill: EMPHASIS_FILL,
    chart,
  };
}

// ---- helpers ---------------------------------------------------------------------------------

function noteBlock(row: number, col: number, lines: PlanValue[][]): CellBlock {
  return { id: "note", row, col, values: lines, headerRows: 1, columnFormats: [null, null] };
}

/** A labelled note line, or none when there is nothing to say. */
function optional(label: string, value: string | undefined): PlanValue[][] {
  return value ? [[label, value]] : [];
}

/** A number, or "—" where there is none (NaN must never reach a cell). */
function shown(x: number, t: Labels): PlanValue {
  return Number.isFinite(x) ? x : t.notAvailable;
}

function finite(x: number): PlanValue {
  return Number.isFinite(x) ? x : "";
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** About 14 points per bar, within Excel's chart size limits. */
function chartHeight(bars: number): number {
  return Math.min(MAX_CHART_HEIGHT, Math.max(MIN_CHART_HEIGHT, 60 + bars * 14));
}
