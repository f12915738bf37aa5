/** A1-style addresses for plans: zero-based row and column in, Excel's notation out. */
import { columnLetter } from "../core/text";

/** "B3" for row 2, column 1; with `absolute`, "$B$3". */
export function cellAddress(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

/** "B3:D10" for a block of `rows` × `cols` cells whose top-left is (row, col). */
export function rangeAddress(row: number, col: number, rows: number, cols: number, absolute = false): string {
  const a = cellAddress(row, col, absolute);
  return rows === 1 && cols === 1 ? a : `${a}:${cellAddress(row + rows - 1, col + cols - 1, absolute)}`;
}

/**
 * A sheet name quoted for a formula or address: 'My sheet'!A1. Always quoted, which Excel accepts for
 * every name: names that look like a cell (Q1, FY2021, R1C1) or start with a digit need the quotes,
 * and telling them apart by rule is where mistakes hide.
 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The first name not in `taken` among base, "base (2)", "base (3)" … (case-insensitive, as Excel compares sheet names). */
export function freeName(base: string, taken: Iterable<string>, separator: (n: number) => string = (n) => ` (${n})`): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base}${separator(n)}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
