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

/** True for a cell that holds nothing: null, undefined, or a string of white space. */
export function isBlankCell(v: unknown): boolean {
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
    const v = row[i];
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
export function readYesNo(v: unknown): 0 | 1 | null {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "string") return null;
  const t = v.normalize("NFKC").trim().toLowerCase();
  return YES.has(t) ? 1 : NO.has(t) ? 0 : null;
}
