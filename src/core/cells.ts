/**
 * Cell coercion: what a worksheet cell means as a number.
 *
 * The missing-data rule (shown in every method note): "-" means none and counts as 0, as in
 * the report; a blank cell counts as 0 too, because Excel desktop hands blank cells to custom
 * functions as 0 anyway, so any other rule would differ between platforms. A row with no value
 * at all gives a blank result.
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

/** True when every cell of a row is blank. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}
