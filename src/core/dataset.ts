/**
 * Reading a data table (a worksheet range as a 2-D array) into numeric columns: header
 * detection, column matching, level detection (five sub-indices or 19 raw indicators), cell
 * coercion with the missing-data rule, and per-row errors.
 */
import { BLANK, isBlankCell, isBlankRow, isDashCell, plainCells, plainValue, readCell, readYesNo } from "./cells";
import { UserError } from "./errors";
import { DIMENSIONS, INDICATORS, namesOf } from "./framework";
import { ColumnMap, describeHeaders, findHeaderRow, HEADER_SEARCH_ROWS, looksLikeHeader, mapHeaderRow, positionalColumnMap } from "./headers";
import { columnLetter, isTotalLabel, showValue } from "./text";
import type { WeightTable } from "./weights";

/** Five sub-index columns, or raw indicator columns. */
export type Level = "dimension" | "indicator";

/** Indicators that analysts record as yes/no (有/无, 是/否 …): read as 1/0 besides numbers. */
const YES_NO_INDICATORS = new Set(["policy", "bases"]);

export const ROW_OK = 0;
export const ROW_BLANK = 1;
export const ROW_ERROR = 2;

export interface IndexInput {
  readonly level: Level;
  readonly columns: ColumnMap;
  /** Range row of the first data row: 1 with a header row, 0 without. */
  readonly firstDataRow: number;
  readonly rowCount: number;
  /** Per framework item of the level (dimensions or indicators): its values, or null when not needed. */
  readonly values: readonly (Float64Array | null)[];
  /**
   * Per framework item, as `values`: 1 where the cell holds no value, which `values` fills by the
   * report's rule (0, or the worst value) and other rules (core/prepare.ts) fill again. "-",
   * blank and 0 all count: Excel desktop passes a blank cell as 0 and the web as null (office-js
   * #4702), and the same range must be imputed the same on both. Yes/no indicators (有/无) are
   * never missing: a blank is 无 there, as the report counts it.
   */
  readonly missing: readonly (Uint8Array | null)[];
  /** Per data row: ROW_OK, ROW_BLANK (no value at all: blank result) or ROW_ERROR. */
  readonly status: Uint8Array;
  /** The error of each ROW_ERROR row, by data row. */
  readonly errors: ReadonlyMap<number, UserError>;
}

export type Cells = readonly (readonly unknown[])[];

/** Checks that a range is non-empty and rectangular; returns its width. */
export function checkShape(cells: Cells): number {
  if (!Array.isArray(cells) || cells.length === 0 || !Array.isArray(cells[0]) || cells[0].length === 0) {
    throw new UserError("EMPTY_RANGE");
  }
  const width = cells[0].length;
  let empty = true;
  for (let r = 0; r < cells.length; r++) {
    if (!Array.isArray(cells[r]) || cells[r].length !== width) {
      throw new UserError("RAGGED_RANGE", { row: r + 1, found: Array.isArray(cells[r]) ? cells[r].length : 0, expected: width });
    }
    if (empty && !isBlankRow(cells[r])) empty = false;
  }
  if (empty) throw new UserError("EMPTY_RANGE");
  return width;
}

/**
 * A table as the pipeline reads it, with its value objects (formatted numbers, data types: see
 * {@link plainValue}) made plain: every cell of the rows where a header may be and of every other
 * column, but not the index columns' cells below, which {@link readIndexInput} reads as it reads
 * every cell ({@link readCell}). A large table is then walked once, not once here and once there.
 * Tables whose columns cannot be found are made plain everywhere (their error comes later).
 *
 * @example
 * plainTable([["区县", "直播商品消费指数"], [{ type: "Entity", text: "余杭区" }, 85.2]]) // → [["区县", "直播商品消费指数"], ["余杭区", 85.2]]
 */
export function plainTable(cells: Cells): Cells {
  if (!Array.isArray(cells) || !Array.isArray(cells[0])) return plainCells(cells);
  const top = plainCells(cells, HEADER_SEARCH_ROWS, []);
  let columns: ColumnMap;
  try {
    columns = mapColumns(top).columns;
  } catch {
    return plainCells(cells);
  }
  const index = new Set([...columns.dimensions, ...columns.indicators].filter((c) => c >= 0));
  const others = Array.from({ length: cells[0].length }, (_, c) => c).filter((c) => !index.has(c));
  return plainCells(top, HEADER_SEARCH_ROWS, others);
}

/** Finds the columns of a table and its level without reading the values. */
export function mapColumns(cells: Cells, given?: ColumnMap): { columns: ColumnMap; level: Level } {
  const width = checkShape(cells);
  let columns: ColumnMap;
  const headerRow = given ? -1 : findHeaderRow(cells);
  if (given) {
    columns = given;
    if (!columns.dimensions.some((c) => c >= 0) && !columns.indicators.some((c) => c >= 0)) {
      const row = Math.max(0, columns.headerRow);
      throw new UserError("NO_INDEX_COLUMNS", { row: row + 1, headers: describeHeaders(cells[row]) });
    }
  } else if (headerRow >= 0) {
    columns = mapHeaderRow(cells[headerRow], headerRow);
  } else if (looksLikeHeader(cells[0])) {
    throw new UserError("NO_INDEX_COLUMNS", { row: 1, headers: describeHeaders(cells[0]) });
  } else {
    columns = positionalColumnMap(width);
  }
  const dims = DIMENSIONS.filter((d) => columns.dimensions[d.index] >= 0);
  const inds = INDICATORS.filter((i) => columns.indicators[i.index] >= 0);
  if (dims.length && inds.length) throw new UserError("MIXED_LEVELS", { dimensions: namesOf(dims), indicators: namesOf(inds) });
  return { columns, level: inds.length ? "indicator" : "dimension" };
}

/** What the reader made of a cell that is not a finite number. */
const HAS_VALUE = 1;
const NO_VALUE = 0;
const BAD_CELL = 2;

/**
 * Reads the columns a computation needs. `target` limits it to one dimension (a sub-index);
 * otherwise every dimension with a weight above 0 is needed. At the indicator level only
 * indicators with a weight above 0 are needed, so a zero weight lets a column be left out.
 * `given` replaces header matching with a mapping the user chose (its first row is the header).
 */
export function readIndexInput(cells: Cells, weights: WeightTable, target?: number, given?: ColumnMap): IndexInput {
  const { columns, level } = mapColumns(cells, given);
  const dims = target !== undefined ? [DIMENSIONS[target]] : DIMENSIONS.filter((d) => weights.dimensions[d.index] > 0);
  const neededItems = level === "dimension" ? dims : dims.flatMap((d) => d.indicators.map((i) => INDICATORS[i])).filter((i) => weights.indicators[i.index] > 0);
  const positions = level === "dimension" ? columns.dimensions : columns.indicators;
  const missing = neededItems.filter((item) => positions[item.index] < 0);
  if (missing.length) throw new UserError("MISSING_COLUMNS", { names: namesOf(missing) });

  const firstDataRow = columns.hasHeader ? columns.headerRow + 1 : 0;
  const rowCount = cells.length - firstDataRow;
  if (rowCount <= 0) throw new UserError("NO_DATA_ROWS");

  const itemCount = level === "dimension" ? DIMENSIONS.length : INDICATORS.length;
  const values: (Float64Array | null)[] = new Array(itemCount).fill(null);
  const cols: number[] = [];
  const outs: Float64Array[] = [];
  for (const item of neededItems) {
    const out = new Float64Array(rowCount);
    values[item.index] = out;
    cols.push(positions[item.index]);
    outs.push(out);
  }
  const status = new Uint8Array(rowCount);
  const errors = new Map<number, UserError>();
  // Lower-is-better indicators: where a value is missing ("-", blank, or 0, which is how Excel desktop
  // passes a blank cell), marked to take the worst value once all rows are read: missing data never raises a score.
  const noneMarks = neededItems.map((item) => (level === "indicator" && INDICATORS[item.index].direction === -1 ? new Uint8Array(rowCount) : null));
  // Every needed column: the cells without a value ("-" or blank; 0 too where noneMarks takes it).
  const missingCells: (Uint8Array | null)[] = new Array(itemCount).fill(null);
  const missingMarks = neededItems.map((item) => (missingCells[item.index] = new Uint8Array(rowCount)));
  const yesNo = neededItems.map((item) => level === "indicator" && YES_NO_INDICATORS.has(INDICATORS[item.index].id));
  // Every index column of the table, needed or not: a row is "without values" only when all of them are blank.
  const indexCols = positions.filter((p) => p >= 0);
  // Where a totals row is labelled: any column that is not an index column (a name column, or one whose header was not
  // recognised, as 全市合计 under an unknown header would otherwise rank first).
  const nameCols = Array.from({ length: cells[0]?.length ?? 0 }, (_, c) => c).filter((c) => !indexCols.includes(c) && c !== columns.names.total);

  readRows({ cells, firstDataRow, rowCount, cols, outs, noneMarks, missingMarks, yesNo, status, errors, columns, indexCols, nameCols });
  noneMarks.forEach((marks, c) => marks && fillWithWorst(outs[c], marks, status));
  return { level, columns, firstDataRow, rowCount, values, missing: missingCells, status, errors };
}

/** What readIndexInput's row loop works on: one object of one shape, so that the loop's code stays optimised. */
interface RowReader {
  readonly cells: Cells;
  readonly firstDataRow: number;
  readonly rowCount: number;
  /** Per needed column: its position, where its values go, its marks ("missing" and "none", or null), whether it is yes/no. */
  readonly cols: readonly number[];
  readonly outs: readonly Float64Array[];
  readonly noneMarks: readonly (Uint8Array | null)[];
  readonly missingMarks: readonly Uint8Array[];
  readonly yesNo: readonly boolean[];
  readonly status: Uint8Array;
  readonly errors: Map<number, UserError>;
  readonly columns: ColumnMap;
  readonly indexCols: readonly number[];
  readonly nameCols: readonly number[];
}

/**
 * readIndexInput's loop over the rows, in a function of its own and with the cells that are not finite
 * numbers read by another ({@link readOther}), which loads the cell itself: the loop then uses what it
 * loads only as a number and V8 keeps it an unboxed double. Inside readIndexInput, with the cell passed
 * on, the loop's optimised code was dropped on most calls and the numbers were boxed (25 MB per call
 * of 100,000 rows × 19 columns, measured with the sampling heap profiler).
 */
function readRows(t: RowReader): void {
  const { cells, firstDataRow, rowCount, cols, status, columns, indexCols, nameCols, errors } = t;
  const k = cols.length;
  for (let r = 0; r < rowCount; r++) {
    const row = cells[r + firstDataRow];
    // A row of units under the header (万元, %, 场 …), as statistics tables print it: part of the header, not a region.
    if (r === 0 && columns.hasHeader && isUnitsRow(row, indexCols)) {
      status[r] = ROW_BLANK;
      continue;
    }
    // Only a row whose read cells are all blank or 0 can be a blank row: the whole row (names too) is checked then.
    let anyValue = false;
    for (let c = 0; c < k; c++) {
      const v = row[cols[c]];
      if (typeof v === "number" && v - v === 0) {
        if (readNumber(t, c, r, v)) anyValue = true;
        continue;
      }
      const read = readOther(t, row, c, r);
      if (read === BAD_CELL) break;
      if (read === HAS_VALUE) anyValue = true;
    }
    if (status[r] === ROW_OK && nameCols.length) {
      // A 合计 / 全省 row sums the regions above it: it is not a region, and would rank first.
      const total = nameCols.find((c) => isTotalLabel(row[c]));
      if (total !== undefined) {
        status[r] = ROW_ERROR;
        errors.set(r, new UserError("TOTAL_ROW", { row: r + firstDataRow + 1, value: showValue(row[total]) }));
        continue;
      }
    }
    if (!anyValue && status[r] === ROW_OK) {
      for (const marks of t.noneMarks) if (marks) marks[r] = 0;
      for (const marks of t.missingMarks) marks[r] = 0;
      if (isBlankRow(row)) status[r] = ROW_BLANK;
      else if (indexCols.every((c) => isBlankCell(row[c]) || plainValue(row[c]) === 0)) {
        // Names or a note but no value in any index column (a footnote below the table, a region left empty): not a region to rank at 0.
        status[r] = ROW_ERROR;
        errors.set(r, new UserError("NO_VALUES", { row: r + firstDataRow + 1 }));
      }
    }
  }
}

/**
 * A finite number in needed column c of data row r: true when it counts as a value (not 0, which is
 * how Excel desktop passes a blank cell, and missing where missing is marked).
 */
function readNumber(t: RowReader, c: number, r: number, v: number): boolean {
  t.outs[c][r] = v;
  if (v !== 0) return true;
  const none = t.noneMarks[c];
  if (none) none[r] = 1;
  if (!t.yesNo[c]) t.missingMarks[c][r] = 1;
  return false;
}

/** Any other cell: text, "-", blank, a value object (plainTable leaves the index cells to this reader), NaN. */
function readOther(t: RowReader, row: readonly unknown[], c: number, r: number): typeof HAS_VALUE | typeof NO_VALUE | typeof BAD_CELL {
  const { cols, outs, yesNo } = t;
  const v = plainValue(row[cols[c]]);
  if (typeof v === "number" && v - v === 0) return readNumber(t, c, r, v) ? HAS_VALUE : NO_VALUE;
  const value = isBlankCell(v) ? NO_VALUE : HAS_VALUE;
  const read = readCell(v);
  if (typeof read === "number" || read === BLANK) {
    // readCell reads "-" (and every dash) as 0: a blank is 0 too, and readNumber marks 0 as missing.
    readNumber(t, c, r, read === BLANK ? 0 : read);
    return value;
  }
  const answer = yesNo[c] ? readYesNo(v) : null;
  if (answer !== null) {
    outs[c][r] = answer;
    return value;
  }
  t.status[r] = ROW_ERROR;
  t.errors.set(
    r,
    new UserError(read.problem === "nonFinite" ? "NOT_FINITE" : "BAD_VALUE", {
      row: r + t.firstDataRow + 1,
      column: t.columns.labels[cols[c]] || columnLetter(cols[c]),
      value: showValue(v),
    }),
  );
  return BAD_CELL;
}

/**
 * The missing-data rule for a lower-is-better indicator (return rate, dispute rate): a missing value
 * ("-", blank, or 0: desktop Excel's blank, and no rate of a region with live-stream sales is exactly
 * 0) scores as the worst value among the rows that have one (the largest), never as the best. With
 * no value at all the column stays 0: constant, it adds nothing.
 */
function fillWithWorst(values: Float64Array, missing: Uint8Array, status: Uint8Array): void {
  let worst = -Infinity;
  for (let r = 0; r < values.length; r++) if (status[r] === ROW_OK && !missing[r] && values[r] > worst) worst = values[r];
  if (worst === -Infinity) return;
  for (let r = 0; r < values.length; r++) if (missing[r]) values[r] = worst;
}

/** Units as a statistics table prints them under its header: 万元, 亿元, %, 场, 人次, （小时）… */
const UNIT =
  /^[(（[【]?\s*(单位[:：]?\s*)?(万|亿|千|百)?(元|人|次|场|个|家|件|单|户|条|篇|人次|场次|小时|分钟|秒|分|%|‰|倍|项|天|h|min|yuan|cny|rmb|%|pct|count)?\s*[)）\]】]?$/i;

/** A row whose index cells are each a unit (or blank), at least two of them: the header's units line. */
function isUnitsRow(row: readonly unknown[], indexCols: readonly number[]): boolean {
  let units = 0;
  for (const c of indexCols) {
    const v = row[c];
    if (isBlankCell(v)) continue;
    if (typeof v !== "string" || v.trim().length > 8 || !UNIT.test(v.trim()) || v.trim() === "" || isDashCell(v)) return false;
    units++;
  }
  return units >= 2;
}
