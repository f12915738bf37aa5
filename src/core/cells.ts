/**
 * Cell coercion: what a worksheet cell means as a number.
 *
 * A cell reads as a number, as BLANK, or as a problem. What a missing value then means (0, or the
 * worst value for a lower-is-better indicator) and which rows are blank is decided by the dataset
 * (dataset.ts) with {@link isBlankRow}, and stated in every method note.
 */

/** A cell that is not a usable number; `nonFinite` for NaN/Infinity, `text` for anything else. */
export interface CellProblem {
  readonly problem: "text" | "nonFinite";
}

export const BLANK: unique symbol = Symbol("blank");
export type CellReading = number | typeof BLANK | CellProblem;

const TEXT_PROBLEM: CellProblem = { problem: "text" };
const NON_FINITE_PROBLEM: CellProblem = { problem: "nonFinite" };
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DASHES = new Set(["-", "—", "–", "－", "―"]);

/** A text cell that is a dash ("-", "—" …): "none", as the report prints it (readCell reads it as 0). */
export function isDashCell(v: unknown): boolean {
  return (
    typeof v === "string" &&
    DASHES.has(
      v
        .normalize("NFKC")
        .trim()
        .replace(/\u2212/g, "-"),
    )
  );
}

/**
 * Reads one cell as a number.
 *
 * @example
 * readCell(12.5)    // → 12.5
 * readCell(" 40% ") // → 0.4
 * readCell("-")     // → 0
 * readCell("")      // → BLANK
 * readCell("n/a")   // → { problem: "text" }
 */
export function readCell(v: unknown): CellReading {
  if (typeof v === "number") return Number.isFinite(v) ? v : NON_FINITE_PROBLEM;
  if (v === null || v === undefined || v === "") return BLANK;
  if (typeof v === "object") {
    const plain = plainValue(v);
    return plain === v ? TEXT_PROBLEM : readCell(plain);
  }
  if (typeof v !== "string") return TEXT_PROBLEM;
  // NFKC folds full-width digits and signs; the Unicode minus sign (U+2212) needs folding by hand.
  const t = v
    .normalize("NFKC")
    .trim()
    .replace(/\u2212/g, "-");
  if (t === "") return BLANK;
  if (DASHES.has(t)) return 0;
  const percent = t.endsWith("%");
  const body = (percent ? t.slice(0, -1) : t).replace(/,/g, "");
  if (!NUMBER_TEXT.test(body)) {
    return /^[+-]?(nan|inf|infinity)$/i.test(body) ? NON_FINITE_PROBLEM : TEXT_PROBLEM;
  }
  const x = Number(body);
  // "1e400" matches the pattern but overflows to Infinity, which must never reach a computation.
  if (!Number.isFinite(x)) return NON_FINITE_PROBLEM;
  return percent ? x / 100 : x;
}

/**
 * A cell as a plain value. Excel's custom functions get a formatted number or a data-type cell as an
 * object: custom-functions-metadata sets `allowCustomDataForDataTypeAny` for `any` parameters
 * (learn.microsoft.com: "Custom functions and data types"). A formatted number is read by its
 * `basicValue`, an entity (a linked 杭州市) by its text; anything else, and every other kind of
 * value, is returned as it is (and reported where it is read).
 *
 * @example
 * plainValue({ type: "FormattedNumber", basicValue: 12.5, numberFormat: "0.0" }) // → 12.5
 * plainValue({ type: "Entity", text: "杭州市", properties: {} })                 // → "杭州市"
 */
export function plainValue(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  const o = v as Record<string, unknown>;
  const basic = o.basicValue;
  if (typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") return basic;
  if (o.type === "Entity" && typeof o.text === "string") return o.text;
  return v;
}

/**
 * A range with every value object made plain ({@link plainValue}); the range itself when it has
 * none, else a copy (the range is never changed). With `from` and `columns`, only those columns
 * are looked at from row `from` on (every column above it): the cells left are for a reader that
 * makes them plain as it reads them ({@link readCell}), so that a large table is walked once.
 */
export function plainCells<T>(range: T, from = 0, columns?: readonly number[]): T {
  if (!Array.isArray(range)) return range;
  let copy: unknown[][] | null = null;
  const plain = (r: number, c: number, v: object) => {
    copy ??= range.map((x: unknown) => (Array.isArray(x) ? [...x] : x)) as unknown[][];
    copy[r][c] = plainValue(v);
  };
  const whole = columns ? Math.min(from, range.length) : range.length;
  for (let r = 0; r < whole; r++) {
    const row: unknown = range[r];
    // A row is looked at with findIndex, not a loop of row[c]: one such loop over the header's row of text and rows of
    // numbers is a polymorphic load, and V8's optimised code then turns each row of numbers it reads into a row of boxed
    // numbers, which the index reader then meets and turns every other row into too (measured: 997,503 of 10⁶ rows,
    // 290 MB more to mark in every collection).
    if (!Array.isArray(row) || row.findIndex(isValueObject) < 0) continue;
    row.forEach((v: unknown, c: number) => isValueObject(v) && plain(r, c, v));
  }
  // Below the header's rows only data rows: a load of their cells is not fed the header's row.
  if (columns?.length)
    for (let r = whole; r < range.length; r++) {
      const row: unknown = range[r];
      if (!Array.isArray(row)) continue;
      for (const c of columns) {
        const v: unknown = row[c];
        if (isValueObject(v)) plain(r, c, v);
      }
    }
  return (copy ?? range) as T;
}

function isValueObject(v: unknown): v is object {
  return typeof v === "object" && v !== null;
}

/** True for a cell that holds nothing: null, undefined, or a string of white space. */
export function isBlankCell(cell: unknown): boolean {
  const v = plainValue(cell);
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * True when a row holds nothing: every cell, name cells included, is blank, null, "" or 0. Excel
 * desktop hands blank cells to custom functions as 0 (office-js issues #1951, #4702, #5262) while
 * the web hands them as null or "", so an all-0 row is the desktop form of a blank row; a real
 * region is never all zeros (the report's universe is regions with more than 50 million yuan of
 * live-stream GMV). Blank rows get no result and no rank, and enter no scaling or statistic.
 */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = plainValue(row[i]);
    if (v !== 0 && !isBlankCell(v)) return false;
  }
  return true;
}

const YES = new Set(["有", "是", "y", "yes", "true", "√", "✓"]);
const NO = new Set(["无", "否", "没有", "n", "no", "false", "×", "✗"]);

/**
 * A yes/no answer as 1 or 0: 有/无, 是/否, Y/N, yes/no, TRUE/FALSE (text or boolean), in any case
 * and width; null for anything else. How analysts record the two yes/no indicators (a live-stream
 * industry policy, a live-stream base).
 *
 * @example
 * readYesNo("有")   // → 1
 * readYesNo(false)  // → 0
 * readYesNo("3")    // → null
 */
export function readYesNo(cell: unknown): 0 | 1 | null {
  const v = plainValue(cell);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "string") return null;
  const t = v.normalize("NFKC").trim().toLowerCase();
  return YES.has(t) ? 1 : NO.has(t) ? 0 : null;
}
