/**
 * The ranked sheet as a plain plan: blocks of cells (values or formulas), number formats,
 * tables, a data bar, the emphasised top N, a province summary with its chart, and a method
 * note. `src/excel` applies a plan to the live workbook; `src/files` writes the same plan to an
 * .xlsx. All layout decisions live here, once.
 *
 * Layout (zero-based rows/columns; A1 is row 0, column 0):
 *   A1  ranking table: 排名, 省, 市, 区县, the five sub-indices (in the report's Top-100 order), 总指数
 *   L1  province summary: regions in the top N by province, sorted; its bar chart below it
 *   L…  method note below the chart: source, weights, scaling, missing-data rule, date, version
 *
 * Formulas are written in Excel's English syntax without the leading "=" (RANK.EQ, SUMPRODUCT,
 * COUNTIFS); each writer adds what its target needs. Live formulas use only built-in functions, so
 * the sheet recalculates in Excel, WPS and LibreOffice, with or without the add-in, and inside an
 * Excel table (where a spilled array could not go).
 */
import { cellAddress, rangeAddress } from "./a1";
import { formatError, Lang } from "./errors";
import { DIMENSIONS, TOP100_DIMENSION_ORDER, dimensionIndex } from "./framework";
import type { Ranking } from "./ranking";
import { displayWidth } from "./text";

export type PlanValue = string | number | { readonly formula: string };

/** Blocks of the ranked sheet (ranking, summary, note) and of the weight-analysis sheets (see weight-sheets.ts). */
export type BlockId = "ranking" | "summary" | "note" | "figures" | "entering" | "leaving" | "moves" | "regions" | "intervals";

export interface CellBlock {
  readonly id: BlockId;
  /** Top-left cell, zero-based. */
  readonly row: number;
  readonly col: number;
  /** Rows of equal length; the first `headerRows` rows are headers. */
  readonly values: readonly (readonly PlanValue[])[];
  readonly headerRows: number;
  /** Number format per column of the block (null: General). */
  readonly columnFormats: readonly (string | null)[];
}

export interface TablePlan {
  /** Wanted name; writers take a free one (ZBDS_Ranking_2 …) if it is taken. */
  readonly name: string;
  readonly block: BlockId;
  readonly style: string;
}

export interface ChartPlan {
  readonly type: "barClustered" | "barStacked";
  readonly title: string;
  readonly block: BlockId;
  /** Data rows of the block (after its header) that the chart shows. */
  readonly rows: number;
  readonly categoryColumn: number;
  /** The first series' column; further series are the columns to its right (see `series`). */
  readonly valueColumn: number;
  /** Number of series, in adjacent columns from `valueColumn` (default 1). */
  readonly series?: number;
  /**
   * Draw the first series without fill: in a stacked bar it is the invisible offset that lets the
   * second series float (a rank interval from p5 to p95 drawn as p5 hidden + (p95 − p5) shown).
   */
  readonly hideFirstSeries?: boolean;
  /** Top-left cell the chart is anchored at, and its size in points. */
  readonly anchorRow: number;
  readonly anchorCol: number;
  readonly width: number;
  readonly height: number;
}

/** Any sheet as a plan: what the writers apply. The ranked sheet's {@link SheetPlan} is one kind. */
export interface BaseSheetPlan {
  /** Wanted sheet name; writers take a free one (排名 (2) …): never an existing sheet. */
  readonly sheetName: string;
  readonly blocks: readonly CellBlock[];
  readonly tables: readonly TablePlan[];
  readonly freezeRows: number;
  /** Width in characters per sheet column (index = column). */
  readonly columnWidths: readonly number[];
  /**
   * The block that may be large: writers cut it into pieces, and the data bar and the emphasis
   * apply to its data rows (default "ranking").
   */
  readonly mainBlock?: BlockId;
  /** A data bar over this column of the main block's data rows; null for none. */
  readonly dataBarColumn: number | null;
  /** Data rows (0-based within the main block's data) to emphasise: the top N. Empty when every row is in the top N. */
  readonly emphasisedRows: number;
  readonly emphasisFill: string;
  readonly chart: ChartPlan | null;
}

/** The ranked sheet's plan. */
export interface SheetPlan extends BaseSheetPlan {
  /** A data bar over this column of the ranking block's data rows. */
  readonly dataBarColumn: number;
  /** Counts, for callers and tests. */
  readonly rankedCount: number;
}

export type SheetMode = "values" | "formulas";

export interface PlanOptions {
  readonly lang: Lang;
  /** Size of the top group emphasised and summarised by province (the report: 100). */
  readonly topN: number;
  readonly mode: SheetMode;
  /** Where the data came from, shown in the note ("Sheet1!A1:J101", a file name). */
  readonly source: string;
  /** How the weights are described in the note (the report's, or a table's address). */
  readonly weightsLabel: string;
  /** First-level weights used, framework order, summing to 1 (written in the note; live totals use them). */
  readonly dimensionWeights: ArrayLike<number>;
  /** Scaling method shown in the note; null when the input was already sub-indices. */
  readonly scalingLabel: string | null;
  /** ISO date-time of the run (passed in: the plan itself stays pure and repeatable). */
  readonly generatedAt: string;
  readonly version: string;
  /**
   * With "formulas" mode and sub-index input: the formula reference of a source cell (data row,
   * dimension in framework order), e.g. "'数据'!E2", so the sheet follows edits to the data.
   * Absent: sub-index cells hold values.
   */
  readonly sourceRef?: (dataRow: number, dimension: number) => string | null;
  /** Names printed in the source that deserve a note (e.g. the report's 涿水县). */
  readonly nameNotes?: Readonly<Record<string, { readonly zh: string; readonly en: string }>>;
}

const RANKING_COLUMNS = 4 + TOP100_DIMENSION_ORDER.length + 1;
const SIDE_COL = RANKING_COLUMNS + 1;
const CHART_ROWS = 20;
const MAX_LISTED_PROBLEMS = 5;

const LABELS = {
  zh: {
    sheet: "排名",
    rank: "排名",
    province: "省",
    city: "市",
    district: "区县",
    total: "总指数",
    summaryProvince: "省份",
    summaryCount: (n: number) => `前 ${n} 名地区数`,
    chartTitle: (n: number) => `前 ${n} 名地区的省份分布`,
    noteTitle: "方法说明",
    source: "数据来源",
    ranked: "参与排名的地区数",
    skipped: "因数据错误跳过的行",
    weights: "权重",
    dimensionWeights: "一级指标权重（归一后）",
    scaling: "标准化方法",
    scalingNone: "不适用：输入即为五个分指数",
    missing: "缺失数据规则",
    missingRule: "“-”表示无，按 0 计（与报告一致）；空单元格也按 0 计；整行为空的行不参与排名。",
    ranking: "排名规则",
    rankingRule: "竞争排名（同 RANK.EQ），总指数从高到低；并列者名次相同。",
    topN: "重点显示",
    topNValue: (n: number) => `前 ${n} 名`,
    mode: "模式",
    modeValues: "数值快照（不随数据变化）",
    modeFormulas: "公式（修改分指数或上方权重后自动重算）",
    generated: "生成时间",
    version: "加载项版本",
    names: "名称说明",
    unknownProvince: "（未填省份）",
  },
  en: {
    sheet: "Ranking",
    rank: "Rank",
    province: "Province",
    city: "City",
    district: "District",
    total: "Total index",
    summaryProvince: "Province",
    summaryCount: (n: number) => `Regions in top ${n}`,
    chartTitle: (n: number) => `Top ${n} regions by province`,
    noteTitle: "Method note",
    source: "Source",
    ranked: "Regions ranked",
    skipped: "Rows skipped for bad data",
    weights: "Weights",
    dimensionWeights: "Dimension weights (renormalised)",
    scaling: "Scaling",
    scalingNone: "None: the input was the five sub-indices",
    missing: "Missing data",
    missingRule: '"-" means none and counts as 0 (as in the report); a blank cell counts as 0 too; rows with no value at all are not ranked.',
    ranking: "Ranking",
    rankingRule: "Competition ranking (as RANK.EQ), highest total first; ties share a rank.",
    topN: "Emphasised",
    topNValue: (n: number) => `Top ${n}`,
    mode: "Mode",
    modeValues: "Values (a fixed snapshot)",
    modeFormulas: "Formulas (recalculate when sub-indices or the weights above change)",
    generated: "Generated",
    version: "Add-in version",
    names: "Names",
    unknownProvince: "(no province)",
  },
} as const;

/**
 * Plans the ranked sheet for a ranking.
 *
 * @example
 * const plan = planRankedSheet(buildRanking(cells, computeIndex(cells)), { lang: "zh", topN: 100, mode: "values", … });
 * plan.blocks[0].values[1] // → [1, "浙江省", "杭州市", "滨江区", 25.59, 100, 100, 81.4, 100, 78.6075]
 */
export function planRankedSheet(ranking: Ranking, options: PlanOptions): SheetPlan {
  const t = LABELS[options.lang];
  const dims = TOP100_DIMENSION_ORDER.map(dimensionIndex);
  const n = ranking.districts.length;
  const topN = Math.max(1, Math.floor(options.topN));
  const live = options.mode === "formulas";

  // The side column: summary, chart, then the note. Its rows are known before the ranking's formulas need them.
  const summaryRows = provinceCounts(ranking, topN, t.unknownProvince);
  const summaryTop = 0;
  const chartRow = summaryTop + summaryRows.length + 2;
  const noteTop = chartRow + (summaryRows.length ? CHART_ROWS + 1 : 0);
  const weightsRow = noteTop + 5; // the row of the note that holds the first-level weights (see noteBlock)

  const header: PlanValue[] = [t.rank, t.province, t.city, t.district, ...dims.map((d) => DIMENSIONS[d][options.lang]), t.total];
  const first = 1;
  const last = n; // sheet rows of the data: 1 … n
  const totalCol = RANKING_COLUMNS - 1;
  const rows: PlanValue[][] = [header];
  ranking.districts.forEach((d, i) => {
    const r = first + i;
    const dimCells: PlanValue[] = dims.map((di) => {
      const ref = live ? options.sourceRef?.(d.dataRow, di) : null;
      return ref ? { formula: ref } : finite(d.dimensions[di]);
    });
    const total: PlanValue = live
      ? { formula: `SUMPRODUCT(${rangeAddress(r, 4, 1, dims.length)},${rangeAddress(weightsRow, SIDE_COL + 1, 1, dims.length, true)})` }
      : finite(d.total);
    const rank: PlanValue = live
      ? { formula: `RANK.EQ(${cellAddress(r, totalCol)},${rangeAddress(first, totalCol, Math.max(1, last - first + 1), 1, true)})` }
      : d.rank;
    rows.push([rank, d.province, d.city, d.district, ...dimCells, total]);
  });
  const ranking0: CellBlock = {
    id: "ranking",
    row: 0,
    col: 0,
    values: rows,
    headerRows: 1,
    columnFormats: ["0", null, null, null, ...dims.map(() => "0.00"), "0.00"],
  };

  const summary: CellBlock = {
    id: "summary",
    row: summaryTop,
    col: SIDE_COL,
    values: [
      [t.summaryProvince, t.summaryCount(topN)],
      ...summaryRows.map(([province, count]) =>
        live && n > 0
          ? [
              province,
              {
                formula: `COUNTIFS(${rangeAddress(first, 1, n, 1, true)},${quoteFormulaText(province === t.unknownProvince ? "" : province)},${rangeAddress(first, 0, n, 1, true)},"<=${topN}")`,
              },
            ]
          : [province, count],
      ),
    ],
    headerRows: 1,
    columnFormats: [null, "0"],
  };

  const note = noteBlock(ranking, options, t, noteTop, dims, topN);
  const blocks = [ranking0, summary, note];
  return {
    sheetName: t.sheet,
    blocks,
    tables: [
      { name: "ZBDS_Ranking", block: "ranking", style: "TableStyleMedium2" },
      { name: "ZBDS_Provinces", block: "summary", style: "TableStyleLight9" },
    ],
    freezeRows: 1,
    columnWidths: columnWidths(blocks),
    dataBarColumn: totalCol,
    emphasisedRows: n > topN ? ranking.districts.filter((d) => d.rank <= topN).length : 0,
    emphasisFill: "#FCE4D6",
    chart: summaryRows.length
      ? {
          type: "barClustered",
          title: t.chartTitle(topN),
          block: "summary",
          rows: summaryRows.length,
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

/** The A1 range of a block, with or without its header rows. */
export function blockRange(block: CellBlock, withHeader = true): string {
  const skip = withHeader ? 0 : block.headerRows;
  return rangeAddress(block.row + skip, block.col, Math.max(1, block.values.length - skip), block.values[0]?.length ?? 1);
}

/** A block of a plan by id. */
export function planBlock(plan: BaseSheetPlan, id: BlockId): CellBlock {
  const b = plan.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`plan has no block ${id}`);
  return b;
}

// ---- helpers ---------------------------------------------------------------------------------

function finite(x: number): PlanValue {
  return Number.isFinite(x) ? x : "";
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

function noteBlock(ranking: Ranking, o: PlanOptions, t: (typeof LABELS)[Lang], top: number, dims: number[], topN: number): CellBlock {
  const width = 1 + dims.length;
  const row = (label: string, ...values: PlanValue[]): PlanValue[] => pad([label, ...values], width);
  const lines: PlanValue[][] = [
    pad([t.noteTitle], width),
    row(t.source, o.source),
    row(t.ranked, ranking.districts.length),
    row(t.weights, o.weightsLabel),
    // Row top+4 names the dimensions, row top+5 holds their weights: live totals refer to these cells.
    row(t.dimensionWeights, ...dims.map((d) => DIMENSIONS[d][o.lang])),
    row("", ...dims.map((d) => o.dimensionWeights[d])),
    row(t.scaling, o.scalingLabel ?? t.scalingNone),
    row(t.missing, t.missingRule),
    row(t.ranking, t.rankingRule),
    row(t.topN, t.topNValue(topN)),
    row(t.mode, o.mode === "formulas" ? t.modeFormulas : t.modeValues),
    row(t.generated, o.generatedAt),
    row(t.version, o.version),
  ];
  if (ranking.rejected.length) {
    lines.push(row(t.skipped, ranking.rejected.length));
    for (const r of ranking.rejected.slice(0, MAX_LISTED_PROBLEMS)) lines.push(row("", formatError(r.error, o.lang)));
  }
  const noted = [...new Set(ranking.districts.map((d) => d.district))].filter((d) => o.nameNotes?.[d]);
  for (const name of noted) lines.push(row(t.names, `${name}: ${o.nameNotes![name][o.lang]}`));
  const formats: (string | null)[] = [null, ...dims.map(() => null)];
  return { id: "note", row: top, col: SIDE_COL, values: lines, headerRows: 1, columnFormats: formats };
}

function pad(values: PlanValue[], width: number): PlanValue[] {
  return values.length >= width ? values : [...values, ...new Array<PlanValue>(width - values.length).fill("")];
}

/** A string as a formula literal: "text" with doubled quotes. */
function quoteFormulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Width per sheet column in characters, from the widest shown value (note values excepted: they may run on). */
export function columnWidths(blocks: readonly CellBlock[]): number[] {
  const widths: number[] = [];
  for (const b of blocks) {
    b.values.forEach((r) =>
      r.forEach((v, i) => {
        if (b.id === "note" && i > 0) return;
        const shown = typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : typeof v === "string" ? v : "000.00";
        const col = b.col + i;
        widths[col] = Math.max(widths[col] ?? 6, Math.min(40, displayWidth(shown) + 2));
      }),
    );
  }
  for (let c = 0; c < widths.length; c++) widths[c] = widths[c] ?? 3;
  return widths;
}
