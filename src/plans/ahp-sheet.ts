/**
 * The AHP template the task pane inserts (判断矩阵 / AHP matrix): a pairwise-comparison matrix of
 * the five sub-indices, or of one sub-index's indicators, ready to fill in.
 *
 * Layout (zero-based rows/columns):
 *   A1      the title; below it how to fill it in (lines of at most 64 columns, overflowing to the right)
 *   then    after an empty row, the matrix: a corner label, the names across and down; 1 on the diagonal; the upper
 *           triangle the judgements to type (1 until typed; 1/9 to 9, Excel's data validation);
 *           the lower triangle their reciprocals as formulas (=1/D4), so that it stays reciprocal
 *   beside  after one empty column, =ZBDS.LIVEAHP(matrix): the weights, λmax, CI, RI, CR and the
 *           verdict, recalculated as the judgements are typed (the add-in's own function)
 * The matrix is selected once written: the pane's "weights from the data" reads the selection.
 */
import { DIMENSIONS, INDICATORS } from "../core/framework";
import { wrapText } from "../core/text";
import { AHP_SHEET_TEXT, Lang } from "../text";
import { cellAddress, rangeAddress } from "./a1";
import { CellBlock, columnWidths, EMPHASIS_FILL, PlanValue, SheetPlan } from "./plan";
import { planPage } from "./page";

/** What the matrix compares: the five sub-indices, or the indicators of one (by framework position). */
export type AhpLevel = "dimensions" | number;

/** Display columns of a line of the hint (as the method notes' lines). */
const HINT_WIDTH = 64;
/** The custom functions' namespace, as manifest.xml declares it (Functions.Namespace). */
const NAMESPACE = "ZBDS";

/** The names a matrix of that level compares, in the language of the sheet. */
export function ahpNames(level: AhpLevel, lang: Lang): string[] {
  if (level === "dimensions") return DIMENSIONS.map((d) => d[lang]);
  return DIMENSIONS[level].indicators.map((i) => INDICATORS[i][lang]);
}

/**
 * Plans the template sheet for one level.
 *
 * @example
 * planAhpTemplate("zh", "dimensions").blocks[1].values[1] // → ["直播商品消费指数", 1, 1, 1, 1, 1]
 */
export function planAhpTemplate(lang: Lang, level: AhpLevel): SheetPlan {
  const t = AHP_SHEET_TEXT[lang];
  const names = ahpNames(level, lang);
  const n = names.length;
  const hint = wrapText(t.hint, HINT_WIDTH);
  // The matrix's corner: below the title, the hint and an empty row.
  const matrixRow = hint.length + 2;
  const at = (i: number, j: number) => cellAddress(matrixRow + 1 + i, 1 + j);
  const matrix: CellBlock = {
    id: "matrix",
    row: matrixRow,
    col: 0,
    values: [
      [t.corner, ...names],
      ...names.map((name, i): PlanValue[] => [name, ...names.map((_, j): PlanValue => (i === j ? 1 : j > i ? 1 : { formula: `1/${at(j, i)}` }))]),
    ],
    headerRows: 1,
    columnFormats: [null, ...names.map(() => "0.00")],
  };
  const intro: CellBlock = {
    id: "intro",
    row: 0,
    col: 0,
    values: [[level === "dimensions" ? t.titleDimensions : t.titleIndicators(DIMENSIONS[level][lang])], ...hint.map((line) => [line])],
    headerRows: 1,
    columnFormats: [null],
  };
  const resultCol = n + 2;
  const result: CellBlock = {
    id: "result",
    row: matrixRow,
    col: resultCol,
    values: [[{ formula: `${NAMESPACE}.LIVEAHP(${rangeAddress(matrixRow, 0, n + 1, n + 1)})` }]],
    headerRows: 0,
    columnFormats: [null],
  };
  // The spilled result takes its names' column and a number column: widths as the names are.
  const widths = columnWidths([matrix]).map((w, c) => (c === 0 ? Math.max(12, w) : Math.max(10, Math.min(w, 32))));
  widths[resultCol] = widths[0];
  widths[resultCol + 1] = 12;
  return {
    sheetName: t.sheet,
    blocks: [intro, matrix, result],
    tables: [],
    freezeRows: 0,
    columnWidths: widths,
    page: planPage([{ row: 0, col: 0, rows: matrixRow + n + 1, cols: resultCol + 2 }], widths, { lang, titleRows: 0, title: t.sheet }),
    mainBlock: "matrix",
    dataBarColumn: null,
    emphasisedRows: 0,
    emphasisFill: EMPHASIS_FILL,
    chart: null,
    // The judgements to type: the upper triangle, filled so that they stand out.
    highlights: [{ block: "matrix", cells: names.flatMap((_, i) => names.map((__, j) => [i + 1, j + 1] as const).filter(([r, c]) => c > r)) }],
    validations: [
      {
        block: "matrix",
        firstColumn: 1,
        columns: n,
        min: 1 / 9,
        max: 9,
        alertTitle: t.alertTitle,
        alertMessage: t.alertMessage,
        promptTitle: t.promptTitle,
        promptMessage: t.promptMessage,
      },
    ],
    select: "matrix",
  };
}
