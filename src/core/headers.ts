/**
 * Header matching: which column of a data table is which dimension, indicator or name column.
 * Names are matched, never positions (the Top-100 table and the weight table order the
 * dimensions differently), except for the two documented header-less layouts.
 */
import { readCell } from "./cells";
import { UserError } from "./errors";
import { DIMENSIONS, findDimension, findIndicator, INDICATORS, TOP100_DIMENSION_ORDER, dimensionIndex } from "./framework";
import { normaliseName, showValue, columnLetter } from "./text";
import { Lang, NAME_ROLE_LABELS, SKIP_COLUMN_LABEL } from "../text";

/** Columns that are not inputs of the index; recognised so that a whole report table can be passed. */
export type NameRole = "rank" | "province" | "city" | "district" | "total";

export type ColumnRole =
  | { readonly kind: "dimension"; readonly index: number }
  | { readonly kind: "indicator"; readonly index: number }
  | { readonly kind: "name"; readonly role: NameRole }
  | { readonly kind: "other" };

const NAME_ALIASES: Readonly<Record<NameRole, readonly string[]>> = {
  rank: ["排名", "名次", "序号", "rank", "ranking", "no"],
  province: ["省", "省份", "省区市", "省市", "所属省份", "province"],
  city: ["市", "城市", "地级市", "地市", "地市州", "市州", "所属地市", "city", "prefecture"],
  district: [
    "区",
    "区县",
    "县",
    "县区",
    "县市区",
    "区县名称",
    "县区名称",
    "区县名",
    "县名",
    "地区",
    "地区名称",
    "地区名",
    "行政区划",
    "行政区划名称",
    "区划名称",
    "区域",
    "district",
    "county",
    "region",
    "name",
    "名称",
  ],
  total: ["总指数", "总", "综合指数", "total", "totalindex", "liveindex", "index"],
};

const nameRoleByName = new Map<string, NameRole>();
for (const [role, names] of Object.entries(NAME_ALIASES) as [NameRole, readonly string[]][]) {
  for (const n of names) nameRoleByName.set(normaliseName(n), role);
}

/** The role of one header cell. */
export function matchHeader(cell: unknown): ColumnRole {
  if (typeof cell !== "string") return { kind: "other" };
  const ind = findIndicator(cell);
  if (ind) return { kind: "indicator", index: ind.index };
  const dim = findDimension(cell);
  if (dim) return { kind: "dimension", index: dim.index };
  const role = nameRoleByName.get(normaliseName(cell));
  if (role) return { kind: "name", role };
  return { kind: "other" };
}

/** Where each dimension, indicator and name column sits in a data table (column positions, or -1). */
export interface ColumnMap {
  readonly hasHeader: boolean;
  /** Row of the range that holds the header (rows above it, titles and notes, are skipped); -1 without a header. */
  readonly headerRow: number;
  /** Column of each dimension, in {@link DIMENSIONS} order; -1 where absent. */
  readonly dimensions: readonly number[];
  /** Column of each indicator, in {@link INDICATORS} order; -1 where absent. */
  readonly indicators: readonly number[];
  readonly names: Readonly<Partial<Record<NameRole, number>>>;
  /** The header text of each column (for messages); generated names when there is no header. */
  readonly labels: readonly string[];
}

/**
 * Reads a header row into a {@link ColumnMap}, as {@link proposeMapping} proposes it.
 * Throws {@link UserError} DUPLICATE_COLUMN when two columns mean the same index column.
 */
export function mapHeaderRow(header: readonly unknown[], headerRow = 0): ColumnMap {
  return columnMapFromKeys(header, proposeMapping(header).keys, headerRow);
}

/** How far down a header row is looked for: title lines, blank rows and notes above it, as statistical yearbooks have them. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The row that holds a table's header: the first of the first {@link HEADER_SEARCH_ROWS} rows in
 * which a cell names a sub-index or an indicator; -1 when none does (a header-less table).
 *
 * @example
 * findHeaderRow([["2020 年各区县直播电商指数"], [], ["区县", "直播质量指数"], ["滨江区", 81.4]]) // → 2
 */
export function findHeaderRow(cells: readonly (readonly unknown[])[]): number {
  const rows = Math.min(cells.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < rows; r++) {
    if (
      cells[r].some((c) => {
        const kind = matchHeader(c).kind;
        return kind === "dimension" || kind === "indicator";
      })
    )
      return r;
  }
  return -1;
}

/** The row a column mapping applies to: the header found, else the first row. */
export function headerRowOf(cells: readonly (readonly unknown[])[]): number {
  return Math.max(0, findHeaderRow(cells));
}

/**
 * The column map of a table without a header row: 5 columns are the sub-indices in the
 * Top-100 table's order, 19 columns the indicators in the weight table's order.
 * Throws NEED_HEADER for any other width.
 */
export function positionalColumnMap(width: number): ColumnMap {
  if (width === TOP100_DIMENSION_ORDER.length) {
    const dimensions = new Array<number>(DIMENSIONS.length).fill(-1);
    TOP100_DIMENSION_ORDER.forEach((id, col) => (dimensions[dimensionIndex(id)] = col));
    const labels = TOP100_DIMENSION_ORDER.map((id) => DIMENSIONS[dimensionIndex(id)].zh);
    return { hasHeader: false, headerRow: -1, dimensions, indicators: new Array<number>(INDICATORS.length).fill(-1), names: {}, labels };
  }
  if (width === INDICATORS.length) {
    return {
      hasHeader: false,
      headerRow: -1,
      dimensions: new Array<number>(DIMENSIONS.length).fill(-1),
      indicators: INDICATORS.map((_, i) => i),
      names: {},
      labels: INDICATORS.map((i) => i.zh),
    };
  }
  throw new UserError("NEED_HEADER", { count: width });
}

/**
 * True when a first row reads as a header: it holds text that is not a number or "-", and more
 * such text than numbers. A data row with one bad value among its numbers is data (its bad cell is
 * that row's error), not a header.
 */
export function looksLikeHeader(row: readonly unknown[]): boolean {
  let text = 0;
  let numbers = 0;
  for (const c of row) {
    if (typeof c === "number" || (typeof c === "string" && c.trim() !== "" && isNumericText(c))) numbers++;
    else if (typeof c === "string" && c.trim() !== "") text++;
  }
  return text > 0 && text >= numbers;
}

/** Lists header cells for the NO_INDEX_COLUMNS message. */
export function describeHeaders(row: readonly unknown[]): string {
  const filled = row.filter((c) => c !== null && c !== undefined && c !== "");
  const shown = filled.slice(0, 8).map(showValue);
  // "…" only when headers were actually left out, not when blank cells made the row long.
  return shown.length ? shown.join(", ") + (filled.length > 8 ? ", …" : "") : "(blank)";
}

/**
 * True for text that reads as a number ("12.5", "40%", "-"), after full-width folding.
 * Delegates to {@link readCell} so that header detection and cell reading agree on every dash.
 */
export function isNumericText(s: string): boolean {
  const r = readCell(s);
  // Number text that overflows ("1e400") is still data, not a header: its row reports NOT_FINITE.
  return typeof r === "number" || (typeof r === "object" && r.problem === "nonFinite" && /\d/.test(s.normalize("NFKC")));
}

/**
 * A column's meaning as one short key, for the task pane's mapping dropdowns and for storing a
 * mapping in the workbook: `dim:<id>`, `ind:<id>`, `name:<role>` or `skip`.
 */
export type ColumnKey = string;

export const SKIP_COLUMN: ColumnKey = "skip";

/** The key of a column role. */
export function columnKeyOf(role: ColumnRole): ColumnKey {
  if (role.kind === "dimension") return `dim:${DIMENSIONS[role.index].id}`;
  if (role.kind === "indicator") return `ind:${INDICATORS[role.index].id}`;
  if (role.kind === "name") return `name:${role.role}`;
  return SKIP_COLUMN;
}

/** The role a key stands for; unknown keys are `other` (skipped). */
export function roleOfKey(key: ColumnKey): ColumnRole {
  const [kind, id] = key.split(":");
  if (kind === "dim") {
    const index = DIMENSIONS.findIndex((d) => d.id === id);
    if (index >= 0) return { kind: "dimension", index };
  } else if (kind === "ind") {
    const index = INDICATORS.findIndex((i) => i.id === id);
    if (index >= 0) return { kind: "indicator", index };
  } else if (kind === "name" && Object.prototype.hasOwnProperty.call(NAME_ALIASES, id)) {
    return { kind: "name", role: id as NameRole };
  }
  return { kind: "other" };
}

/** Header names of a table's year column (a table of several years: core/years.ts). */
const YEAR_HEADERS = new Set(["年份", "年度", "年", "统计年度", "year", "yr"].map(normaliseName));

/** The year column of a header row, or -1. */
export function yearColumn(header: readonly unknown[]): number {
  return header.findIndex((c) => typeof c === "string" && YEAR_HEADERS.has(normaliseName(c)));
}

/** Header names of a region code column (行政区划代码 …): the key that matches a region across years when the table has one. */
const REGION_ID_HEADERS = new Set(
  [
    "区划代码",
    "行政区划代码",
    "行政区划编码",
    "区划编码",
    "地区代码",
    "地区编码",
    "区县代码",
    "行政代码",
    "adcode",
    "regionid",
    "regioncode",
    "id",
    "code",
  ].map(normaliseName),
);

/** The region code column of a header row, or -1. */
export function regionIdColumn(header: readonly unknown[]): number {
  return header.findIndex((c) => typeof c === "string" && REGION_ID_HEADERS.has(normaliseName(c)));
}

export interface ProposedMapping {
  /** One key per column of the header. */
  readonly keys: readonly ColumnKey[];
  /** Columns with a non-blank header that matched nothing (a year column and a region code column are known: not among them). */
  readonly unmatched: readonly number[];
}

/** Matches every header cell, without failing on duplicates: the task pane shows them for the user to fix. */
export function proposeMapping(header: readonly unknown[]): ProposedMapping {
  const keys = header.map((c) => columnKeyOf(matchHeader(c)));
  const known = new Set([yearColumn(header), regionIdColumn(header)]);
  const unmatched = keys.flatMap((k, i) =>
    k === SKIP_COLUMN && !known.has(i) && typeof header[i] === "string" && (header[i] as string).trim() !== "" ? [i] : [],
  );
  // Two columns for one name (地区 and 县（市、区）, 序号 and 排名): the specific header gives the names, the other is skipped.
  const byKey = new Map<ColumnKey, number[]>();
  keys.forEach((k, i) => k.startsWith("name:") && byKey.set(k, [...(byKey.get(k) ?? []), i]));
  for (const cols of byKey.values()) {
    if (cols.length < 2) continue;
    const keep = cols.find((c) => !GENERIC_NAMES.has(normaliseName(header[c]))) ?? cols[0];
    for (const c of cols) if (c !== keep) keys[c] = SKIP_COLUMN;
  }
  return { keys, unmatched };
}

/** Name headers that may head a column of any level (地区, 名称, 序号): a specific header (区县, 县（市、区）, 排名) comes first. */
const GENERIC_NAMES = new Set(["序号", "no", "地区", "区域", "region", "name", "名称"].map(normaliseName));

/**
 * The column map of a header row with the user's choice of key per column.
 * Throws DUPLICATE_COLUMN when two columns are given the same index key.
 */
export function columnMapFromKeys(header: readonly unknown[], keys: readonly ColumnKey[], headerRow = 0): ColumnMap {
  const dimensions = new Array<number>(DIMENSIONS.length).fill(-1);
  const indicators = new Array<number>(INDICATORS.length).fill(-1);
  const names: Partial<Record<NameRole, number>> = {};
  header.forEach((cell, col) => {
    const role = roleOfKey(keys[col] ?? SKIP_COLUMN);
    if (role.kind === "other") return;
    if (role.kind === "name") {
      if (names[role.role] === undefined) names[role.role] = col;
      return;
    }
    const slot = role.kind === "dimension" ? dimensions : indicators;
    if (slot[role.index] >= 0)
      throw new UserError("DUPLICATE_COLUMN", { name: String(cell ?? columnLetter(col)), first: columnLetter(slot[role.index]), second: columnLetter(col) });
    slot[role.index] = col;
  });
  return { hasHeader: true, headerRow, dimensions, indicators, names, labels: header.map((c) => (c === null || c === undefined ? "" : String(c))) };
}

/** Every key a column can take, with its label in one language, for a dropdown. */
/** A name without the report's 该区县…指数 wrapping (主播直播引导成交额), for narrow lists; English names as they are. */
export function shortName(name: string, lang: Lang): string {
  return lang === "zh" ? name.replace(/^该区县/, "").replace(/指数$/, "") : name;
}

export function columnKeyChoices(lang: Lang): { key: ColumnKey; label: string; full: string; group: "name" | "dimension" | "indicator" | "skip" }[] {
  // Short labels, so that a narrow dropdown tells two indicators apart at their start: the report's
  // 该区县…指数 wrapping dropped (主播直播引导成交额, 主播直播引导成交额增长率); the full name as a tooltip.
  const short = (s: string) => shortName(s, lang);
  return [
    { key: SKIP_COLUMN, label: SKIP_COLUMN_LABEL[lang], full: SKIP_COLUMN_LABEL[lang], group: "skip" },
    ...(Object.keys(NAME_ROLE_LABELS) as NameRole[]).map((r) => ({
      key: `name:${r}`,
      label: NAME_ROLE_LABELS[r][lang],
      full: NAME_ROLE_LABELS[r][lang],
      group: "name" as const,
    })),
    ...DIMENSIONS.map((d) => ({ key: `dim:${d.id}`, label: d[lang], full: d[lang], group: "dimension" as const })),
    ...INDICATORS.map((i) => ({ key: `ind:${i.id}`, label: short(i[lang]), full: i[lang], group: "indicator" as const })),
  ];
}

/**
 * The key of a meaning as a user names it: an indicator or sub-index (id, Chinese or English name),
 * a name column (省, 区县, district …) or "skip"; null when it names nothing.
 *
 * @example
 * keyOfMeaning("views") // → "ind:views"
 * keyOfMeaning("区县")  // → "name:district"
 */
export function keyOfMeaning(meaning: string): ColumnKey | null {
  const t = normaliseName(meaning);
  if (["skip", "ignore", "忽略", "跳过"].includes(t)) return SKIP_COLUMN;
  const role = matchHeader(meaning);
  return role.kind === "other" ? null : columnKeyOf(role);
}

/**
 * A header row's keys with some columns given a meaning by the user ("column header = meaning"):
 * the matched keys, then each override. Throws {@link UserError} MAP_UNKNOWN_COLUMN (listing the
 * headers) or MAP_UNKNOWN_MEANING.
 */
export function keysWithMeanings(header: readonly unknown[], meanings: readonly { readonly column: string; readonly meaning: string }[]): ColumnKey[] {
  const keys = [...proposeMapping(header).keys];
  const mapped = new Map<number, ColumnKey>();
  for (const m of meanings) {
    const col = header.findIndex((h) => h !== null && h !== undefined && normaliseName(h) === normaliseName(m.column));
    if (col < 0) throw new UserError("MAP_UNKNOWN_COLUMN", { column: m.column, headers: describeHeaders(header) });
    const key = keyOfMeaning(m.meaning);
    if (key === null) throw new UserError("MAP_UNKNOWN_MEANING", { meaning: m.meaning });
    mapped.set(col, key);
  }
  // The user's meaning wins: a column matched by its header to the same meaning is skipped.
  for (const [col, key] of mapped) {
    keys.forEach((k, c) => {
      if (k === key && !mapped.has(c)) keys[c] = SKIP_COLUMN;
    });
    keys[col] = key;
  }
  return keys;
}
