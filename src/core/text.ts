/**
 * Name normalisation for matching headers and weight-table entries.
 *
 * Users type names in many ways: full-width or half-width characters, with spaces, with or
 * without the report's 该区县 prefix and 指数 suffix, in Chinese, English or as ids. Every
 * comparison of a user-typed name goes through {@link normaliseName} so that all of these meet.
 */

import { plainValue } from "./cells";

const STRIP_PREFIXES = ["该区县", "区县"];
const STRIP_SUFFIXES = ["指数", "index"];
/** A bracketed unit or note at a header's end or inside it: （元）, (场), （2020年）, (达人+机构). */
const BRACKETED = /[(（【[][^)）】\]]*[)）】\]]/g;

/**
 * Folds a name to the form used for matching: NFKC (full-width → half-width), lower case, no
 * bracketed units or notes (（元）, (场), （2020年）), no white space, no `_`, `-`, `.`, `·` or
 * quotes, without the prefix 该区县 and the suffix 指数 / index.
 *
 * @example
 * normaliseName("该区县主播直播场次指数") // → "主播直播场次"
 * normaliseName("Ｓtreamer_GMV ")         // → "streamergmv"
 * normaliseName("主播直播场次（场）")      // → "主播直播场次"
 * normaliseName("区（县）")                // → "区"
 */
export function normaliseName(raw: unknown): string {
  if (raw === null || raw === undefined) return "";
  let s = String(raw).normalize("NFKC").toLowerCase();
  const unbracketed = s.replace(BRACKETED, "");
  // A name that is all brackets keeps them (nothing would be left to match).
  if (unbracketed.trim() !== "") s = unbracketed;
  s = s.replace(/[\s_\-.·'"`’‘“”]+/g, "");
  for (const p of STRIP_PREFIXES) if (s.startsWith(p) && s.length > p.length) s = s.slice(p.length);
  for (const x of STRIP_SUFFIXES) if (s.endsWith(x) && s.length > x.length) s = s.slice(0, -x.length);
  return s;
}

const TOTAL_LABELS = new Set([
  "合计",
  "总计",
  "小计",
  "总和",
  "全省",
  "全市",
  "全国",
  "全区",
  "全县",
  "平均",
  "均值",
  "平均值",
  "total",
  "grandtotal",
  "sum",
  "subtotal",
  "average",
  "mean",
]);
/** A cheap first look: most names have none of these, and are then not normalised at all. */
const TOTAL_HINT = /计|和|全|均|total|sum|average|mean/i;

/**
 * True for the label of a summary row: 合计, 总计：, 小计, 全省, 全市合计, 全省平均, "Grand total" …
 * (an Excel table's Total Row, or a sum or mean row typed below the data as yearbooks print it).
 *
 * @example
 * isTotalLabel("全省合计") // → true
 * isTotalLabel("滨江区") // → false
 */
export function isTotalLabel(v: unknown): boolean {
  if (typeof v !== "string" || v.length > 24 || !TOTAL_HINT.test(v)) return false;
  const n = normaliseName(v).replace(/[:：]+$/, "");
  return TOTAL_LABELS.has(n) || /(合计|总计|小计|平均|平均值|均值)$/.test(n);
}

/** Shows a cell value in a message: strings quoted and cut to 40 characters. */
export function showValue(cell: unknown): string {
  const v = plainValue(cell);
  if (typeof v === "string") {
    const cut = v.length > 40 ? `${v.slice(0, 40)}…` : v;
    return `"${cut}"`;
  }
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  if (v === null || v === undefined) return "(blank)";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "object" ? "(object)" : String(v);
}

/** A1-style column letters for a zero-based column index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A share as a percent, trailing zeros dropped: 0.6667 → "66.7%" (one decimal), 0.454545 → "45.45%" (two). */
export function percentText(x: number, digits = 1): string {
  return `${Number((x * 100).toFixed(digits))}%`;
}

/** Display width of a string: CJK and full-width characters take two columns (terminals, Excel column widths). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
}

/** Control characters that have no place in a cell or a chart: C0 (tab, line feed and carriage return kept), DEL, C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text without control characters, which an .xlsx cannot hold (Excel "repairs" such a file) and
 * which no label needs; every text a file is read from or written with goes through it.
 *
 * @example
 * cleanText("滨江\u0007区") // → "滨江区"
 */
export function cleanText(s: string): string {
  return s.replace(CONTROL, "");
}

/** Characters no line may start with: closing punctuation and the percent sign. */
const NO_LINE_START = /[，。；：、）」』”’！？》%,.;:!?)\]}]/;
/** Characters no line may end with: opening punctuation. */
const NO_LINE_END = /[（「『“‘《([{]/;
/** A line that ends here reads well: after a clause's punctuation. */
const GOOD_LINE_END = /[，。；：,;:]\s*$/;

const isWide = (ch: string) => displayWidth(ch) === 2;
const isSpace = (ch: string) => /\s/.test(ch);

/**
 * The text as units a line break may not split: a Latin word or a number, a CJK character with
 * the closing punctuation after it (and the opening punctuation before it), a number with the
 * spaces and CJK characters on either side ("第 5 行" stays whole), and each run of spaces.
 */
function lineUnits(text: string): string[] {
  const chars = [...text];
  const units: string[] = [];
  let glueNext = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const prev = units.length ? units[units.length - 1] : "";
    const last = [...prev].pop() ?? "";
    if (isSpace(ch)) {
      const next = chars[i + 1] ?? "";
      // A space between a number and a CJK character is kept with both: "前 100 名" is one unit.
      const numberNext = (/[\d%]/.test(last) && isWide(next)) || (isWide(last) && /\d/.test(next));
      if (numberNext) {
        units[units.length - 1] += ch;
        glueNext = true;
      } else if (isSpace(last)) units[units.length - 1] += ch;
      else units.push(ch);
      continue;
    }
    const inWord = last !== "" && !isSpace(last) && !isWide(last) && !isWide(ch);
    if (prev !== "" && (glueNext || inWord || NO_LINE_START.test(ch) || NO_LINE_END.test(last))) units[units.length - 1] += ch;
    else units.push(ch);
    glueNext = false;
  }
  return units;
}

/**
 * Cuts a text into lines of at most `width` display columns (a CJK character counts 2): never
 * inside a word or a number, never before closing punctuation or after opening punctuation; after
 * a clause's punctuation where one is in the second half of the line, else at a space there. Spaces at a break end the
 * line (not counted: they take no visible room), so the lines joined are the text; a unit wider
 * than a line is cut at the width.
 *
 * @example
 * wrapText("缺失数据从不抬高得分；退货率为 0 也视为缺失。", 16) // → ["缺失数据从不抬高", "得分；退货率", "为 0 也视为缺", "失。"]
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  const widthOf = (units: readonly string[]) => displayWidth(units.join("").trimEnd());
  const push = (units: readonly string[]) => lines.push(units.join(""));
  for (const unit of lineUnits(text)) {
    if (isSpace(unit[0])) {
      // Spaces stay at the end of their line (where they take no visible room), so no text is lost.
      if (line.length) line.push(unit);
      else if (lines.length) lines[lines.length - 1] += unit;
      else line.push(unit);
      continue;
    }
    if (line.length && widthOf(line) + displayWidth(unit) > width) {
      // In the second half of the line: the last clause's end, else the last space, else the last unit boundary.
      const fromHalf = (ok: (k: number) => boolean) => {
        for (let k = line.length; k > 0 && widthOf(line.slice(0, k)) * 2 >= width; k--) if (ok(k)) return k;
        return 0;
      };
      let cut = fromHalf((k) => GOOD_LINE_END.test(line.slice(0, k).join(""))) || fromHalf((k) => isSpace(line[k - 1][0])) || line.length;
      while (cut < line.length && isSpace(line[cut][0])) cut++;
      push(line.slice(0, cut));
      line = line.slice(cut);
      if (line.length && widthOf(line) + displayWidth(unit) > width) {
        push(line);
        line = [];
      }
    }
    if (displayWidth(unit) > width) {
      // Wider than a line (a long path or address): cut at the width.
      let part = "";
      for (const ch of unit) {
        if (displayWidth(part + ch) > width) {
          lines.push(part);
          part = "";
        }
        part += ch;
      }
      line = [part];
    } else line.push(unit);
  }
  if (line.length || lines.length === 0) push(line);
  return lines;
}
