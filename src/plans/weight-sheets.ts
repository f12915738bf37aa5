/**
 * The weight table's own sheet, and the weight log's, as plans.
 *
 * Weight sheet ("zh"; zero-based rows/columns):
 *   A1:E20  table ZBDS_Weights: 一级指标, 二级指标, 一级指标权重, 二级指标权重 (the canonical layout, as
 *           LIVEWEIGHTS() spills it), 有效权重 = 一级指标权重 × 二级指标权重 (a calculated column);
 *           the weights take a decimal from 0 to 1 (Excel's data validation, with a prompt)
 *   G1:J7   per dimension: its weight, the sum of its indicator weights, the sum of its effective
 *           weights; then the totals (the dimension weights should sum to 100%)
 * Formulas use structured references (ZBDS_Weights[二级指标权重]), so they follow the table when the
 * user renames it or adds rows. The fifth column's header is no alias of a weight column, so
 * `checkWeights` reads the table as the four canonical columns and ignores it.
 *
 * Weight log: one table ZBDS_WeightLog (when, what, from, to) with the rows of the first save;
 * later saves append rows to it (src/excel/baseline.ts).
 */
import { rangeAddress } from "./a1";
import { DIMENSIONS } from "../core/framework";
import { changeName, compareWeights, WeightChange } from "../core/weight-compare";
import { weightTableToCells, WeightTable } from "../core/weights";
import { columnLetter } from "../core/text";
import { Lang, WEIGHT_LOG_TEXT, WEIGHT_SHEET_TEXT } from "../text";
import { CellBlock, columnWidths, EMPHASIS_FILL, PlanValue, SheetPlan } from "./plan";
import { planPage } from "./page";

export const WEIGHTS_TABLE = "ZBDS_Weights";
export const WEIGHT_LOG_TABLE = "ZBDS_WeightLog";
const WEIGHT_FORMAT = "0%";
const EFFECTIVE_FORMAT = "0.0%";
const CHANGE_FORMAT = "0.0%";
/** Sheet column of the sums beside the table (one empty column between). */
const SIDE_COL = 6;
const LOG_WIDTHS = [20, 44, 10, 10];
/** Given weights closer than this are the same weight (binary noise, as in weight-compare.ts). */
const SAME = 1e-9;

/**
 * Plans the weight sheet with the report's weights (权重 / Weights), or with `table` (on a sheet
 * named `sheetName`, e.g. 权重（熵权法）): the table, its calculated column, the sums beside it and
 * the validation of the weights; the table is selected once written.
 */
export function planWeightSheet(lang: Lang, table?: WeightTable, sheetName?: string): SheetPlan {
  const t = WEIGHT_SHEET_TEXT[lang];
  const cells = weightTableToCells(lang, table);
  const header = [...cells[0].map(String), t.effective];
  const [dimW, indW] = [header[2], header[3]].map(thisRow);
  const weights: CellBlock = {
    id: "weights",
    row: 0,
    col: 0,
    values: [header, ...cells.slice(1).map((r): PlanValue[] => [...r, { formula: `${dimW}*${indW}` }])],
    headerRows: 1,
    columnFormats: [null, null, WEIGHT_FORMAT, WEIGHT_FORMAT, EFFECTIVE_FORMAT],
  };
  const sums: CellBlock = {
    id: "sums",
    row: 0,
    col: SIDE_COL,
    values: sumRows(header, lang),
    headerRows: 1,
    footerRows: 1,
    columnFormats: [null, WEIGHT_FORMAT, WEIGHT_FORMAT, EFFECTIVE_FORMAT],
  };
  const widths = columnWidths([weights, sums]).map((w, c) => (c > 4 && c < SIDE_COL ? 0 : Math.max(8, w)));
  const name = sheetName ?? t.sheet;
  return {
    sheetName: name,
    blocks: [weights, sums],
    tables: [{ name: WEIGHTS_TABLE, block: "weights", style: "TableStyleMedium2" }],
    freezeRows: 0,
    columnWidths: widths,
    // Printed on one page: the table and its sums.
    page: planPage([{ row: 0, col: 0, rows: weights.values.length, cols: SIDE_COL + sums.values[0].length }], widths, { lang, titleRows: 1, title: name }),
    dataBarColumn: null,
    emphasisedRows: 0,
    emphasisFill: EMPHASIS_FILL,
    chart: null,
    validations: [
      {
        block: "weights",
        firstColumn: 2,
        columns: 2,
        min: 0,
        max: 1,
        alertTitle: t.alertTitle,
        alertMessage: t.alertMessage,
        promptTitle: t.promptTitle,
        promptMessage: t.promptMessage,
      },
    ],
    select: "weights",
  };
}

/** Plans the weight log's sheet (权重日志 / Weight log) holding the rows of a first save. */
export function planWeightLogSheet(rows: readonly (readonly PlanValue[])[], lang: Lang): SheetPlan {
  const t = WEIGHT_LOG_TEXT[lang];
  const log: CellBlock = { id: "log", row: 0, col: 0, values: [t.header, ...rows], headerRows: 1, columnFormats: [null, null, CHANGE_FORMAT, CHANGE_FORMAT] };
  return {
    sheetName: t.sheet,
    blocks: [log],
    tables: [{ name: WEIGHT_LOG_TABLE, block: "log", style: "TableStyleLight9" }],
    // A log written on the side of a save: the user stays where they are.
    activate: false,
    freezeRows: 1,
    columnWidths: LOG_WIDTHS,
    // No print area: the log grows by appended rows, and all of them print, the header on each page.
    page: planPage([], LOG_WIDTHS, { lang, titleRows: 1, title: t.sheet }),
    dataBarColumn: null,
    emphasisedRows: 0,
    emphasisFill: EMPHASIS_FILL,
    chart: null,
  };
}

/** The number format of the log's from and to columns. */
export const LOG_CHANGE_FORMAT = CHANGE_FORMAT;

/**
 * The log rows of a save: [when, what, from, to], weights as fractions. A weight counts as
 * changed when its given value differs; the effective weights that move with it are not logged
 * again.
 */
export function logRows(hadBaseline: boolean, previous: WeightTable | null, table: WeightTable, lang: Lang, now: string): PlanValue[][] {
  const t = WEIGHT_LOG_TEXT[lang];
  if (!previous) return [[now, hadBaseline ? t.unreadable : t.initial, "", ""]];
  const changed = compareWeights(previous, table).filter((c) => Math.abs(c.oldWeight - c.newWeight) > SAME);
  if (changed.length === 0) return [[now, t.unchanged, "", ""]];
  return changed.map((c) => [now, what(c, lang), c.oldWeight, c.newWeight]);
}

// ---- helpers ---------------------------------------------------------------------------------

function what(c: WeightChange, lang: Lang): string {
  const name = changeName(c, lang);
  return c.level === "dimension" ? WEIGHT_LOG_TEXT[lang].dimension(name) : WEIGHT_LOG_TEXT[lang].indicator(name);
}

/**
 * The block beside the table: one row per dimension (its weight, the sums of its indicator and
 * effective weights), then the totals. Cells are formulas over the table's columns.
 */
function sumRows(header: readonly string[], lang: Lang): PlanValue[][] {
  const t = WEIGHT_SHEET_TEXT[lang];
  const [dimension, , dimensionWeight, indicatorWeight, effective] = header.map((h) => column(WEIGHTS_TABLE, h));
  const rows: PlanValue[][] = [[t.dimension, t.dimensionWeight, t.indicatorSum, t.effectiveSum]];
  DIMENSIONS.forEach((d, i) => {
    const name = `${columnLetter(SIDE_COL)}${i + 2}`;
    rows.push([
      d[lang],
      // The dimension's weight as written on its rows (they should agree; checkWeights says when they do not).
      { formula: `IFERROR(AVERAGEIFS(${dimensionWeight},${dimension},${name}),0)` },
      { formula: `SUMIFS(${indicatorWeight},${dimension},${name})` },
      { formula: `SUMIFS(${effective},${dimension},${name})` },
    ]);
  });
  const sum = (c: number) => ({ formula: `SUM(${rangeAddress(1, SIDE_COL + c, DIMENSIONS.length, 1)})` });
  rows.push([t.total, sum(1), "", sum(3)]);
  return rows;
}

/** A structured reference to a whole column: Table[Column] (with [, ], # and ' escaped by '). */
function column(table: string, name: string): string {
  return `${table}[${escapeColumn(name)}]`;
}

/** A structured reference to this row's cell of a column, inside the table: [@[Column]]. */
function thisRow(name: string): string {
  return `[@[${escapeColumn(name)}]]`;
}

function escapeColumn(name: string): string {
  return name.replace(/['#[\]]/g, (c) => `'${c}`);
}
