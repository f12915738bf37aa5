/**
 * The rank change sheet (排名变化 / Rank change) of a table of several years: every region's rank
 * in the two years side by side, the change with ▲/▼ (a number format: the cells stay numbers),
 * its status, whether it entered or left the top N; a note with the years, the scaling across
 * years, the counts, the regions entering and leaving the top N and the later year's method; and a
 * slope chart of the top N's ranks between the years (a line per region, rank 1 at the top).
 */
import { Panel, RankChange, rankChangeRows, rankChanges, regionText, topMoves } from "../core/panel";
import { Lang, METHOD_NOTE_TEXT, RANK_CHANGE_TEXT, WORDS } from "../text";
import { rejectedRows, runNoteLines, stampLines, wrapNoteRows, NOTE_LINE_WIDTH } from "./method-note";
import { CHAR_POINTS, columnsFor, planPage, PrintArea, rowsUnder } from "./page";
import { CellBlock, ChartPlan, columnWidths, EMPHASIS_FILL, SheetPlan } from "./plan";

export interface RankChangeSheetOptions {
  readonly lang: Lang;
  /** The top N whose entering, leaving and slopes are shown. */
  readonly topN: number;
  /** Where the data came from ("数据!A1:Z201", a file name). */
  readonly source: string;
  readonly generatedAt?: string;
  readonly version?: string;
}

/** The change's number format: ▲3, ▼2, – for none (the cell keeps the number: it sorts and sums). */
export const CHANGE_FORMAT = '"▲"0;"▼"0;"–"';

/** Columns of the main table: province, city, district, two ranks, change, status, top N. */
const TABLE_COLUMNS = 8;
/** Rows of the table a printed page aims at, as the ranked sheet. */
const ROWS_PER_PAGE = 52;
/** The slope chart's size in points. */
const SLOPE_WIDTH = 420;

/**
 * Plans the sheet for the change from `from` to `to`.
 *
 * @example
 * const plan = planRankChangeSheet(readPanel(cells), 2020, 2021, { lang: "zh", topN: 10, source: "数据!A1:Z201" });
 */
export function planRankChangeSheet(
  panel: Panel,
  from: number,
  to: number,
  o: RankChangeSheetOptions,
  /** The changes when the caller has them already (the pane tells their counts): computed once. */
  changes: readonly RankChange[] = rankChanges(panel, from, to),
): SheetPlan {
  const t = RANK_CHANGE_TEXT[o.lang];
  const n = Math.max(1, Math.floor(o.topN));
  const { entering, leaving } = topMoves(changes, n);
  const flag = (c: RankChange) => (entering.includes(c) ? t.enteringTop(n) : leaving.includes(c) ? t.leavingTop(n) : "");
  const rows = rankChangeRows(changes, from, to, o.lang);
  const table: CellBlock = {
    id: "changes",
    row: 0,
    col: 0,
    values: rows.map((r, i) => [...r, i === 0 ? t.topColumn(n) : flag(changes[i - 1])]),
    headerRows: 1,
    columnFormats: [null, null, null, "0", "0", CHANGE_FORMAT, null, null],
  };

  const later = panel.years.find((y) => y.year === to)!;
  const earlier = panel.years.find((y) => y.year === from)!;
  const reference = later.run.result.preparation.options.referenceYear;
  const names = (list: readonly RankChange[]) => list.map((c) => regionText(c.names)).join(WORDS.listSeparator[o.lang]);
  const count = (s: RankChange["status"]) => changes.filter((c) => c.status === s).length;
  const side = TABLE_COLUMNS + 1;
  const note: CellBlock = {
    id: "note",
    row: 1,
    col: side,
    values: wrapNoteRows([
      [METHOD_NOTE_TEXT[o.lang].noteTitle, ""],
      [t.years, t.yearsValue(from, to)],
      [t.panel, reference === undefined ? t.perYear : t.reference(reference)],
      [t.counts, t.countsValue(count("up"), count("down"), count("same"), count("new"), count("left"))],
      t.entering(n, names(entering)),
      t.leaving(n, names(leaving)),
      [t.rule, t.changeRule],
      ...runNoteLines(later.run, o.lang, o.source),
      // The earlier year's rows left out too (the later year's are in the lines above): a region without a rank there is not "new".
      ...rejectedRows(earlier.run, o.lang, 2, t.skippedIn(from)),
      ...stampLines(o.lang, o.generatedAt, o.version),
    ]),
    headerRows: 1,
    columnFormats: [null, null],
    align: "left",
  };

  // The slope chart's data: a row per year, a column per region of the later year's top N (a line each).
  const top = changes.filter((c) => c.to !== null && c.to <= n);
  const slopeRow = note.row + note.values.length + 1;
  const blocks: CellBlock[] = [table, note];
  let chart: ChartPlan | null = null;
  const areas: PrintArea[] = [
    { row: 0, col: 0, rows: table.values.length, cols: TABLE_COLUMNS },
    { row: note.row, col: side, rows: note.values.length, cols: 2 },
  ];
  if (top.length) {
    const labels = seriesLabels(top);
    const slope: CellBlock = {
      id: "slope",
      row: slopeRow,
      col: side,
      values: [
        [t.year, ...labels],
        [String(from), ...top.map((c) => c.from ?? "")],
        [String(to), ...top.map((c) => c.to!)],
      ],
      headerRows: 1,
      columnFormats: [null, ...top.map(() => "0")],
      // Under the note, whose second column is wide: each rank under its region's name, not at the far side.
      align: "left",
    };
    blocks.push(slope);
    const height = Math.max(300, 120 + 18 * top.length);
    chart = {
      type: "line",
      title: t.slopeChart(n, from, to),
      block: "slope",
      rows: 2,
      categoryColumn: 0,
      valueColumn: 1,
      series: top.length,
      anchorRow: slopeRow + slope.values.length + 1,
      anchorCol: side,
      width: SLOPE_WIDTH,
      height,
      legend: true,
      valueFormat: "0",
      reverseValues: true,
    };
  }
  const widths = columnWidths(blocks);
  if (chart) {
    const slopeRows = 3 + 1 + rowsUnder(chart.height);
    areas.push({
      row: slopeRow,
      col: side,
      rows: slopeRows,
      cols: Math.max(1 + top.length, columnsFor(widths, side, side, chart.width)),
      chart: { col: side, width: chart.width, height: chart.height },
    });
  }
  areas[1] = { ...areas[1], cols: columnsFor(widths, side, side + 1, NOTE_LINE_WIDTH * CHAR_POINTS) };
  return {
    sheetName: t.sheet,
    blocks,
    tables: [{ name: "ZBDS_RankChange", block: "changes", style: "TableStyleMedium2" }],
    freezeRows: 1,
    columnWidths: widths,
    page: planPage(areas, widths, { lang: o.lang, titleRows: 1, title: t.title(from, to, o.source), rowsPerPage: ROWS_PER_PAGE }),
    mainBlock: "changes",
    dataBarColumn: null,
    // The later year's top N come first in the table: emphasised.
    emphasisedRows: top.length,
    emphasisFill: EMPHASIS_FILL,
    chart,
    select: "changes",
  };
}

/** A series name per region: its district, with its city where two regions of the list share a district's name. */
function seriesLabels(list: readonly RankChange[]): string[] {
  const district = (c: RankChange) => c.names.split("|")[2] ?? "";
  const seen = new Map<string, number>();
  for (const c of list) seen.set(district(c), (seen.get(district(c)) ?? 0) + 1);
  return list.map((c) => {
    const [, city, d] = c.names.split("|");
    return (seen.get(d) ?? 0) > 1 && city ? `${d}（${city}）` : d;
  });
}
