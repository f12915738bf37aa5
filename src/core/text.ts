/**
 * Name normalisation for matching headers and weight-table entries.
 *
 * Users type names in many ways: full-width or half-width characters, with spaces, with or
 * without the report's 该区县 prefix and 指数 suffix, in Chinese, English or as ids. Every
 * comparison of a user-typed name goes through {@link normaliseName} so that all of these meet.
 */

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
export function showValue(v: unknown): string {
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
