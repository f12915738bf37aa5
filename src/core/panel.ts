/**
 * Several years in one table (a panel): a year column (年份, 年度, year) beside the index columns.
 * Each year is computed on its own rows, scaled on its own (as a single-year report is), and a
 * region is matched across years by its names (province + city + district), never by its position.
 */
import type { Cells } from "./dataset";
import { UserError } from "./errors";
import { DIMENSIONS, INDICATORS, nameOf } from "./framework";
import { headerRowOf } from "./headers";
import { cleanText, normaliseName } from "./text";
import { IndexRequest, IndexRun, runIndex } from "./workflow";
import type { Goalposts } from "./scaling";
import { PIPELINE_OPTION_WORDS } from "../text";

/** Header names of the year column. */
const YEAR_HEADERS = new Set(["年份", "年度", "年", "统计年度", "year", "yr"].map(normaliseName));

export interface PanelYear {
  readonly year: number;
  readonly run: IndexRun;
  /** Region key (province|city|district) → data row of that year's run. */
  readonly regions: ReadonlyMap<string, number>;
}

export interface Panel {
  /** In ascending order. */
  readonly years: readonly PanelYear[];
}

/**
 * Splits a table by its year column and computes each year. Throws PANEL_NO_YEAR_COLUMN,
 * PANEL_BAD_YEAR (a year that is not a whole number, naming its row), PANEL_NO_REGION (no
 * district column to match regions by), PANEL_DUPLICATE (a region twice in one year) and
 * PANEL_COLUMNS_DIFFER (an indicator with values in one year and none in another).
 *
 * @example
 * readPanel(cells).years.map((y) => y.year) // → [2020, 2021]
 */
export function readPanel(cells: Cells, request: IndexRequest = {}): Panel {
  const { headerRow, byYear } = splitYears(cells);
  const head = cells.slice(0, headerRow + 1);
  const tableOf = (year: number) => [...head, ...byYear.get(year)!.map((r) => cells[r])];
  const reference = request.pipeline?.referenceYear;
  let yearRequest: IndexRequest = { ...request, headerRow };
  if (reference !== undefined) {
    if (!byYear.has(reference))
      throw new UserError("BAD_OPTION", { name: PIPELINE_OPTION_WORDS.panel, value: `reference=${reference}`, options: [...byYear.keys()].sort().join(", ") });
    yearRequest = referenceScaling(tableOf(reference), yearRequest, reference);
  }
  const years = [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year): PanelYear => {
      const rows = byYear.get(year)!;
      const run = runIndex(tableOf(year), yearRequest);
      const names = run.result.input.columns.names;
      if (names.district === undefined) throw new UserError("PANEL_NO_REGION");
      const regions = new Map<string, number>();
      rows.forEach((_, k) => {
        const key = regionKey(run, k);
        if (regions.has(key)) throw new UserError("PANEL_DUPLICATE", { region: key.split("|").filter(Boolean).join(" "), year });
        regions.set(key, k);
      });
      return { year, run, regions };
    });
  // The same indicators in every year: a column empty in one year would be scaled from nothing there.
  for (const y of years) {
    for (const other of years) {
      const a = y.run.result.input.missing;
      const b = other.run.result.input.missing;
      const items = y.run.result.input.level === "indicator" ? INDICATORS : DIMENSIONS;
      a.forEach((col, i) => {
        const has = (m: Uint8Array | null | undefined) => !!m && m.some((x) => x === 0);
        if (col && b[i] && has(col) !== has(b[i]))
          throw new UserError("PANEL_COLUMNS_DIFFER", { column: nameOf(items[i]), year: has(col) ? other.year : y.year });
      });
    }
  }
  return { years };
}

/**
 * One year's rows of a panel table (the rows above the header and the header kept), for the
 * commands that rank one year (`rank --year`). Throws PANEL_NO_YEAR_COLUMN, PANEL_BAD_YEAR, or
 * BAD_OPTION listing the table's years when it has none of that year.
 */
export function yearRows(cells: Cells, year: number): unknown[][] {
  const { headerRow, byYear } = splitYears(cells);
  const rows = byYear.get(year);
  if (!rows) throw new UserError("BAD_OPTION", { name: "--year", value: String(year), options: [...byYear.keys()].sort().join(", ") });
  return [...cells.slice(0, headerRow + 1), ...rows.map((r) => cells[r])].map((r) => [...r]);
}

/**
 * The data rows of a table with a year column, by year (blank rows left out). Throws
 * PANEL_NO_YEAR_COLUMN, or PANEL_BAD_YEAR naming a row whose year cannot be read.
 */
function splitYears(cells: Cells): { headerRow: number; byYear: Map<number, number[]> } {
  const headerRow = headerRowOf(cells);
  const yearCol = yearColumn(cells[headerRow] ?? []);
  if (yearCol < 0) throw new UserError("PANEL_NO_YEAR_COLUMN");
  const byYear = new Map<number, number[]>();
  for (let r = headerRow + 1; r < cells.length; r++) {
    const row = cells[r];
    if (row.every((c) => c === null || c === undefined || c === "" || c === 0)) continue;
    const year = readYear(row[yearCol]);
    if (year === null) throw new UserError("PANEL_BAD_YEAR", { row: r + 1, value: cleanText(String(row[yearCol] ?? "")) || "—" });
    byYear.set(year, [...(byYear.get(year) ?? []), r]);
  }
  return { headerRow, byYear };
}

/** The years of a table with a year column (ascending), or null when it has none; rows with no readable year are not counted. */
export function tableYears(cells: Cells): number[] | null {
  const headerRow = headerRowOf(cells);
  const yearCol = yearColumn(cells[headerRow] ?? []);
  if (yearCol < 0) return null;
  const years = new Set<number>();
  for (let r = headerRow + 1; r < cells.length; r++) {
    const y = readYear(cells[r][yearCol]);
    if (y !== null) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** The year column of a header row, or -1. */
function yearColumn(header: readonly unknown[]): number {
  return header.findIndex((c) => typeof c === "string" && YEAR_HEADERS.has(normaliseName(c)));
}

export type ChangeStatus = "new" | "left" | "up" | "down" | "same";

export interface RankChange {
  readonly key: string;
  readonly from: number | null;
  readonly to: number | null;
  /** from − to: positive = moved up; null for a region present in one year only. */
  readonly change: number | null;
  readonly status: ChangeStatus;
}

/**
 * Each region's rank in two years and its change, ranked regions of `to` first (by that rank),
 * then the regions that left (by their old rank).
 *
 * @example
 * rankChanges(readPanel(cells), 2020, 2021)[0] // → { key: "浙江省|杭州市|滨江区", from: 1, to: 1, change: 0, status: "same" }
 */
export function rankChanges(panel: Panel, from: number, to: number): RankChange[] {
  const find = (y: number) => panel.years.find((x) => x.year === y);
  const a = find(from);
  const b = find(to);
  if (!a || !b)
    throw new UserError("BAD_OPTION", { name: a ? "to" : "from", value: String(a ? to : from), options: panel.years.map((y) => y.year).join(", ") });
  const rankOf = (y: PanelYear) => {
    const byRow = new Map(y.run.ranking.districts.map((d) => [d.dataRow, d.rank]));
    return new Map([...y.regions].map(([key, row]) => [key, byRow.get(row) ?? null]));
  };
  const ra = rankOf(a);
  const rb = rankOf(b);
  const keys = [...new Set([...rb.keys(), ...ra.keys()])];
  const out = keys.map((key): RankChange => {
    const f = ra.get(key) ?? null;
    const t = rb.get(key) ?? null;
    if (f === null && t === null) return { key, from: null, to: null, change: null, status: "same" };
    if (f === null) return { key, from: null, to: t, change: null, status: "new" };
    if (t === null) return { key, from: f, to: null, change: null, status: "left" };
    const change = f - t;
    return { key, from: f, to: t, change, status: change > 0 ? "up" : change < 0 ? "down" : "same" };
  });
  return out
    .filter((c) => c.from !== null || c.to !== null)
    .sort((x, y) => (x.to ?? Infinity) - (y.to ?? Infinity) || (x.from ?? Infinity) - (y.from ?? Infinity));
}

/**
 * Every year on the reference year's scale: each indicator's minimum and maximum over the
 * reference year's regions as goalposts, not clamped, so that a score above 100 is growth beyond
 * the reference year's best (for the reference year itself, min–max to the last bit: the same
 * arithmetic). Sub-indices are not rescaled to a maximum of 100 then: that would undo the common
 * scale. Sub-index input is not scaled, and is left as it is.
 */
function referenceScaling(referenceTable: Cells, request: IndexRequest, year: number): IndexRequest {
  const run = runIndex(referenceTable, { ...request, method: "minmax" });
  const { input, include } = run.result;
  if (input.level !== "indicator") return request;
  const goalposts = new Map<number, Goalposts>();
  input.values.forEach((x, i) => {
    if (!x) return;
    let low = Infinity;
    let high = -Infinity;
    for (let r = 0; r < x.length; r++) {
      if (!include[r]) continue;
      if (x[r] < low) low = x[r];
      if (x[r] > high) high = x[r];
    }
    if (!(high > low)) throw new UserError("PANEL_REFERENCE_CONSTANT", { column: nameOf(INDICATORS[i]), year });
    goalposts.set(i, { low, high, clamp: false });
  });
  return { ...request, method: "goalposts", goalposts, rescale: false };
}

/** A region's key in a year's run: its province, city and district as the table names them. */
function regionKey(run: IndexRun, dataRow: number): string {
  const { names, headerRow } = run.result.input.columns;
  const row = run.cells[headerRow + 1 + dataRow] ?? [];
  const at = (c: number | undefined) => (c === undefined ? "" : cleanText(String(row[c] ?? "")).trim());
  const city = at(names.city);
  return [at(names.province), city === "-" ? "" : city, at(names.district)].join("|");
}

/**
 * A year as a table, a flag or an argument gives it: 2021, "2021", "2021年", "2021 年度"; else null.
 *
 * @example
 * readYear("2021年") // → 2021
 */
export function readYear(v: unknown): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1900 && v <= 2999 ? v : null;
  if (typeof v !== "string") return null;
  const m = /^\s*(\d{4})\s*(年度?|年)?\s*$/.exec(v.normalize("NFKC"));
  return m ? Number(m[1]) : null;
}
