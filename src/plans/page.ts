/**
 * How a sheet prints, worked out from its layout: the areas printed (each from a page of its own),
 * the scale that makes each one page wide, the rows repeated on every page, the title at the top of
 * every page and the page number at the bottom. Every sheet the add-in writes gets its page this way.
 *
 * Geometry in points, as Excel lays out a sheet: a row at the default height is 15 pt; a column of
 * width w characters is (7 w + 5) px at 0.75 pt a px; A4 landscape less the margins the writers set
 * (0.25" at the sides, 0.5" at the top and bottom).
 */
import { rangeAddress } from "./a1";
import { PAGE_TEXT, Lang } from "../text";
import type { PagePlan } from "./plan";

export const ROW_POINTS = 15;
/** The shortest default row among the readers (LibreOffice's 0.45 cm, 12.75 pt; Excel's is 15 pt). */
const SHORTEST_ROW_POINTS = 12.75;

/** Rows that a chart `points` tall covers, on the reader with the shortest rows: what lies below it starts after them. */
export function rowsUnder(points: number): number {
  return Math.ceil(points / SHORTEST_ROW_POINTS);
}
/** Points of one display column of text (a CJK character takes two) in the default font. */
export const CHAR_POINTS = 5.25;
/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 8.43;
const PAGE_WIDTH = 842 - 36;
const PAGE_HEIGHT = 595 - 72;
/** Excel takes at most 255 characters in a header or a footer ("Excel specifications and limits"): a title is cut to 120, which stays under it with every "&" doubled. */
const MAX_HEADER = 120;
/**
 * The share of the page width an area is scaled to: renderers measure a column of w characters a
 * little differently (printer resolution, font hinting), and an area that filled the width exactly
 * could lose its last column to a second page.
 */
const WIDTH_SLACK = 0.95;
/** A chart taller than this share of a page is left to run over pages rather than shrink the whole sheet. */
const TALLEST_FITTED_CHART = 2;

/** A printed area: a range, and what in it is wider or taller than its cells (a chart floating over them). */
export interface PrintArea {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  /** A chart in the area: the column where it starts and its size in points. */
  readonly chart?: { readonly col: number; readonly width: number; readonly height: number };
}

export function columnPoints(widths: readonly number[], c: number): number {
  const chars = widths[c] && widths[c] > 0 ? widths[c] : DEFAULT_WIDTH;
  return (chars * 7 + 5) * 0.75;
}

/** Columns from `first` that hold what starts at column `from` and is `points` wide. */
export function columnsFor(widths: readonly number[], first: number, from: number, points: number): number {
  let c = from;
  for (let left = points; left > 0; c++) left -= columnPoints(widths, c);
  return c - first;
}

/** Width in points of an area: its columns, or the columns up to its chart plus the chart. */
function areaWidth(widths: readonly number[], a: PrintArea): number {
  let w = 0;
  const end = a.chart ? a.chart.col : a.col + a.cols;
  for (let c = a.col; c < end; c++) w += columnPoints(widths, c);
  return w + (a.chart ? a.chart.width : 0);
}

/**
 * The page of a sheet: landscape, every area one page wide, at most 100%; with `rowsPerPage`, small
 * enough for that many rows a page (100 regions on two pages); a chart kept on one page unless it
 * is more than two pages tall.
 *
 * @example
 * planPage([{ row: 0, col: 0, rows: 102, cols: 10 }], widths, { lang: "zh", titleRows: 2, title: "直播电商区域发展指数排名（样例）", rowsPerPage: 52 })
 * // → { orientation: "landscape", printAreas: ["A1:J102"], scale: 67, titleRows: 2, header: "直播电商…", footer: "第 {page} 页，共 {pages} 页" }
 */
export function planPage(
  areas: readonly PrintArea[],
  widths: readonly number[],
  o: { readonly lang: Lang; readonly titleRows: number; readonly title?: string; readonly rowsPerPage?: number },
): PagePlan {
  const fits = areas.map((a) => (WIDTH_SLACK * PAGE_WIDTH) / areaWidth(widths, a));
  if (o.rowsPerPage) fits.push(PAGE_HEIGHT / (o.rowsPerPage * ROW_POINTS));
  for (const a of areas)
    if (a.chart && a.chart.height <= TALLEST_FITTED_CHART * PAGE_HEIGHT) fits.push(PAGE_HEIGHT / (a.chart.height + o.titleRows * ROW_POINTS));
  return {
    orientation: "landscape",
    titleRows: o.titleRows,
    printAreas: areas.map((a) => rangeAddress(a.row, a.col, a.rows, a.cols)),
    scale: Math.max(10, Math.min(100, Math.floor(100 * Math.min(...fits)))),
    ...(o.title ? { header: [...o.title].length > MAX_HEADER ? `${[...o.title].slice(0, MAX_HEADER - 1).join("")}…` : o.title } : {}),
    footer: PAGE_TEXT[o.lang].pageNumber,
  };
}

/**
 * A header or footer text in Excel's codes: "&" doubled (a code starts with it), {page} and
 * {pages} as &P and &N (learn.microsoft.com, "Formatting Codes for Headers and Footers"; the
 * same codes in the file, ECMA-376 §18.3.1.39, and in Office.js's Excel.HeaderFooter).
 */
export function headerFooterCode(text: string): string {
  return text
    .replace(/&/g, "&&")
    .replace(/\{page\}/g, "&P")
    .replace(/\{pages\}/g, "&N");
}
