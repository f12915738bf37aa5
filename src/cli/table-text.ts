/**
 * Plain-text tables for the terminal, aligned by display width: CJK and full-width characters
 * take two columns, so padEnd alone would misalign Chinese names.
 */
import { displayWidth } from "../core/text";

/** Rows of cells → lines with columns padded to equal display width; numbers right-aligned. */
export function padCells(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((row) =>
    row
      .map((c, i) => {
        const pad = " ".repeat(widths[i] - displayWidth(c));
        return /^[+-]?\d/.test(c) ? pad + c : c + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}
