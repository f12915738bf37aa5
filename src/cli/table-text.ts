/**
 * Plain-text tables for the terminal, aligned by display width: CJK and full-width characters
 * take two columns, so padEnd alone would misalign Chinese names.
 */

/** Display width of a string in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
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
