/**
 * Plain text for the terminal: tables aligned by display width (CJK and full-width characters
 * take two columns, so padEnd alone would misalign Chinese names), and the rows a run left out.
 */
import type { Message } from "../core/errors";
import { displayWidth } from "../core/text";
import { explainRejected, IndexRun } from "../core/workflow";

/** Rows left out that a command names one by one (rank, change, robustness); a written sheet's note names them all. */
export const LISTED_SKIPPED = 20;

/**
 * The rows a run left out, each named with its reason (explainRejected), the first `listed` as
 * `format` writes them; then `more(n)` for the rest, where given.
 */
export function skippedRows(run: IndexRun, format: (m: Message) => string, more?: (n: number) => string, listed = LISTED_SKIPPED): string[] {
  const explained = explainRejected(run);
  const lines = explained.slice(0, listed).map(format);
  if (more && explained.length > listed) lines.push(more(explained.length - listed));
  return lines;
}

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
