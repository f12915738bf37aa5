/**
 * Delimited text → rows of string cells (RFC 4180: quoted fields, doubled quotes, CRLF or LF),
 * with the separator a file uses: comma (CSV), tab (Excel's "Unicode text" and .tsv) or
 * semicolon (CSV where the decimal mark is a comma). A leading byte-order mark is dropped, and so
 * are trailing empty lines. Cells stay text; readCell turns numeric text into numbers, exactly as
 * it does for text typed in Excel. Loops only: no array is spread into a call, so a file of a
 * million rows parses as a small one does.
 */
import { UserError } from "./errors";

export type Separator = "," | "\t" | ";";

export const SEPARATORS: readonly Separator[] = [",", "\t", ";"];

/** Lines the separator is judged on: a title and a units line above the header, the header and some data. */
const SNIFF_LINES = 20;

/**
 * The separator of a text table: of comma, tab and semicolon, the one that occurs the same number
 * of times (at least once, outside quotes) on the most of the first {@link SNIFF_LINES} non-empty
 * lines; ties go to the larger count, then in that order; comma when none occurs. Judged on many
 * lines, not the first: a title line above a tab-separated table holds no tab, and a
 * semicolon-separated file with decimal commas has as many commas as a row has decimals.
 *
 * @example
 * detectSeparator("区县\t直播质量指数\n滨江区\t81.4") // → "\t"
 * detectSeparator("2020 年数据\n区县\t质量\t供给\n甲\t1\t2") // → "\t"
 */
export function detectSeparator(text: string): Separator {
  const lines: Map<Separator, number>[] = [];
  let counts = new Map<Separator, number>(SEPARATORS.map((sep) => [sep, 0]));
  let quoted = false;
  let seen = false;
  for (let i = 0; i < text.length && lines.length < SNIFF_LINES; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (seen) lines.push(counts);
      counts = new Map(SEPARATORS.map((sep) => [sep, 0]));
      seen = false;
      continue;
    } else if (!quoted && counts.has(ch as Separator)) counts.set(ch as Separator, counts.get(ch as Separator)! + 1);
    if (ch.trim() !== "") seen = true;
  }
  if (seen && lines.length < SNIFF_LINES) lines.push(counts);
  let best: { sep: Separator; lines: number; count: number } = { sep: ",", lines: 0, count: 0 };
  for (const sep of SEPARATORS) {
    // The count this separator has on most lines, and on how many.
    const tally = new Map<number, number>();
    for (const l of lines) if (l.get(sep)! > 0) tally.set(l.get(sep)!, (tally.get(l.get(sep)!) ?? 0) + 1);
    for (const [count, n] of tally) if (n > best.lines || (n === best.lines && count > best.count)) best = { sep, lines: n, count };
  }
  return best.sep;
}

/**
 * Parses delimited text with a separator (default: comma). Throws {@link UserError}
 * FILE_UNTERMINATED_QUOTE, naming the line where the quote opened, for a quoted field that never
 * closes: read on, it would swallow the rest of the file into one cell.
 */
export function parseCsv(text: string, separator: Separator = ","): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      line++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new UserError("FILE_UNTERMINATED_QUOTE", { line: quoteLine });
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].every((c) => c.trim() === "")) rows.pop();
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  for (const r of rows) while (r.length < width) r.push("");
  return rows;
}

/**
 * Rows as CSV text, as Excel writes and reads it: fields with the separator, a quote or a line break
 * quoted (quotes doubled), CRLF line ends. Prefix "\uFEFF" when writing a file Excel should read as UTF-8.
 *
 * @example
 * formatCsv([["区县", "备注"], ["滨江区", "杭州,浙江"]]) // → '区县,备注\r\n滨江区,"杭州,浙江"\r\n'
 */
export function formatCsv(rows: readonly (readonly unknown[])[], separator: Separator = ","): string {
  const field = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(separator)).join("\r\n") + "\r\n";
}
