/**
 * Tables with a year column (年份, 年度, year): which year each row is, and the step every
 * computation takes first (pipeline.ts): the rows of one year, the others blanked in place so that
 * a result stays aligned with the table's rows. A table of several years is never scaled as one
 * pool: without a year chosen (the options' `year`), it is refused, or computed year by year by the
 * functions that give one value per row (functions/functions.ts).
 */
import { isDashCell, readCell } from "./cells";
import { Cells, mapColumns } from "./dataset";
import { UserError } from "./errors";
import { DIMENSIONS, INDICATORS, nameOf } from "./framework";
import { growthRate } from "./growth";
import { ColumnMap, headerRowOf, regionIdColumn, yearColumn } from "./headers";
import { cleanText, isTotalLabel } from "./text";

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

export interface RowYears {
  readonly headerRow: number;
  readonly column: number;
  /** Per row of the table: its year; null above the header, for the header and for blank rows. */
  readonly byRow: readonly (number | null)[];
  /** The years, ascending. */
  readonly years: readonly number[];
}

/**
 * The year of each row, or null when the table has no year column. Rows with no number besides
 * their year (a units row, notes, footnotes) and blank rows have none. Throws PANEL_BAD_YEAR naming the first
 * row with numbers whose year cannot be read, PANEL_MISSING_YEAR the first with no year at all.
 *
 * @example
 * rowYears([["年份", "区县", …], [2020, "余杭区", …], [2021, "余杭区", …]])?.years // → [2020, 2021]
 */
export function rowYears(cells: Cells): RowYears | null {
  const headerRow = headerRowOf(cells);
  const column = yearColumn(cells[headerRow] ?? []);
  if (column < 0) return null;
  const byRow: (number | null)[] = cells.map(() => null);
  const years = new Set<number>();
  for (let r = headerRow + 1; r < cells.length; r++) {
    const row = cells[r];
    if (row.every((c) => c === null || c === undefined || c === "" || c === 0)) continue;
    // A row with no number besides its year is not a region's: a units row under the header (万元, %, 年), a note or footnote.
    if (!row.some((c, i) => i !== column && typeof readCell(c) === "number" && !isDashCell(c))) continue;
    const year = readYear(row[column]);
    if (year === null) {
      const text = cleanText(String(row[column] ?? ""));
      if (!text) throw new UserError("PANEL_MISSING_YEAR", { row: r + 1 });
      throw new UserError("PANEL_BAD_YEAR", { row: r + 1, value: text });
    }
    byRow[r] = year;
    years.add(year);
  }
  return { headerRow, column, byRow, years: [...years].sort((a, b) => a - b) };
}

/**
 * The table a computation reads: as it is without a year column or with one year in it; with
 * `year`, that year's rows and every other row blanked in place. Throws PANEL_NEEDS_YEAR for
 * several years and none chosen, BAD_OPTION for a year the table does not hold.
 *
 * @example
 * rowsOfYear(panelCells, 2021) // → the same rows, those of 2020 blank
 */
export function rowsOfYear(cells: Cells, year: number | undefined, years: RowYears | null = rowYears(cells)): Cells {
  if (!years) return cells;
  if (year === undefined) {
    if (years.years.length > 1) throw new UserError("PANEL_NEEDS_YEAR", { years: years.years.join(", "), last: years.years[years.years.length - 1] });
    return cells;
  }
  if (!years.years.includes(year)) throw new UserError("PANEL_NO_SUCH_YEAR", { year, years: years.years.join(", ") });
  if (years.years.length === 1) return cells;
  return cells.map((row, r) => (r <= years.headerRow || years.byRow[r] === year ? row : new Array<unknown>(row.length).fill(null)));
}

/** The data rows of other years than `year` (blanked by {@link rowsOfYear}): not blank rows of the table, and not counted as such. */
export function otherYearRows(years: RowYears | null, year: number | undefined): number {
  if (!years || year === undefined || years.years.length < 2) return 0;
  return years.byRow.filter((y) => y !== null && y !== year).length;
}

/** The framework's growth indicators, each with the level it is the growth of. */
const GROWTH_OF: readonly { readonly growth: number; readonly level: number }[] = [
  { growth: indicatorIndex("streamer_gmv_growth"), level: indicatorIndex("streamer_gmv") },
  { growth: indicatorIndex("streamer_sessions_growth"), level: indicatorIndex("streamer_sessions") },
];

function indicatorIndex(id: string): number {
  const i = INDICATORS.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`years.ts: no indicator ${id}`);
  return i;
}

/**
 * The two growth indicators (主播直播引导成交额增长率, 主播直播场次增长率) computed from the levels of
 * two consecutive years, for a table with a year column that has a level column and not its growth
 * column: each region's (this year − last year) / |last year| (core/growth.ts), matched by the
 * region's code or its province, city and district, never by position. A region without a rate
 * in a year that has rates (new that year, or last year 0 or missing) takes that year's lowest
 * rate, so that missing data never raises a score; the first year has none (blank). The columns are appended to the right under the indicators' names;
 * `derived` lists the indicators so computed (for the method note), empty when none was.
 *
 * @example
 * withGrowthFromLevels(panelWithLevels, rowYears(panelWithLevels)!).derived // → [1, 8]
 */
export function withGrowthFromLevels(cells: Cells, years: RowYears, given?: ColumnMap): { cells: Cells; derived: readonly number[] } {
  if (years.years.length < 2) return { cells, derived: [] };
  let columns;
  try {
    columns = mapColumns(cells, given).columns;
  } catch {
    return { cells, derived: [] };
  }
  const { names } = columns;
  const idColumn = regionIdColumn(cells[years.headerRow] ?? []);
  const wanted = GROWTH_OF.filter((g) => columns.indicators[g.growth] < 0 && columns.indicators[g.level] >= 0);
  if (!wanted.length || (names.district === undefined && idColumn < 0)) return { cells, derived: [] };
  const keyOf = (row: readonly unknown[]) => regionKey(row, names, idColumn);
  const rowOf = new Map<string, number>();
  years.byRow.forEach((y, r) => {
    if (y !== null) rowOf.set(`${y}|${keyOf(cells[r])}`, r);
  });
  const level = (r: number | undefined, c: number): number | null => {
    if (r === undefined) return null;
    const v = readCell(cells[r][c]);
    return typeof v === "number" ? v : null;
  };
  const rates = cells.map((row, r) =>
    wanted.map((g) => {
      const y = years.byRow[r];
      if (y === null || r === years.headerRow) return null;
      const c = columns.indicators[g.level];
      const g1 = growthRate(level(r, c), level(rowOf.get(`${y - 1}|${keyOf(row)}`), c), { kind: "blank" });
      return "value" in g1 ? g1.value : null;
    }),
  );
  // A region without a rate in a year that has rates (new that year, or last year 0 or missing) takes the year's lowest:
  // missing data never raises a score, and a 0 would put it above the regions that shrank.
  const lowest = wanted.map((_, k) => {
    const low = new Map<number, number>();
    rates.forEach((v, r) => {
      const y = years.byRow[r];
      if (y !== null && v[k] !== null) low.set(y, Math.min(low.get(y) ?? Infinity, v[k]!));
    });
    return low;
  });
  const out = cells.map((row, r) => {
    if (r === years.headerRow) return [...row, ...wanted.map((g) => INDICATORS[g.growth].zh)];
    const y = years.byRow[r];
    return [...row, ...rates[r].map((v, k) => (v !== null || y === null ? v : (lowest[k].get(y) ?? null)))];
  });
  return { cells: out, derived: wanted.map((g) => g.growth) };
}

/**
 * Refuses a table whose years do not have the same indicators: a column with a value in one year
 * and none at all in another (blank, "-" or 0 in every row of it, 0 being how Excel desktop passes
 * a blank cell) would be scaled from nothing there. Throws PANEL_COLUMNS_DIFFER naming the column
 * and the year without it. `skip`: columns computed here (growth rates, empty in the first year by
 * construction). `only`: the year computed, when one is chosen: a column missing from another year
 * is no matter then.
 */
export function checkYearColumns(cells: Cells, years: RowYears, mapped: ReturnType<typeof mapColumns>, skip: readonly number[] = [], only?: number): void {
  if (years.years.length < 2) return;
  const { columns, level } = mapped;
  const items = level === "dimension" ? DIMENSIONS : INDICATORS;
  const positions = level === "dimension" ? columns.dimensions : columns.indicators;
  positions.forEach((c, i) => {
    if (c < 0 || (level === "indicator" && skip.includes(i))) return;
    const has = new Set<number>();
    years.byRow.forEach((y, r) => {
      if (y === null || has.has(y)) return;
      const v = readCell(cells[r][c]);
      if (typeof v === "number" && v !== 0) has.add(y);
    });
    // With a year chosen, only that year must have what the others have.
    const without = years.years.find((y) => !has.has(y) && (only === undefined || y === only));
    if (has.size && without !== undefined) throw new UserError("PANEL_COLUMNS_DIFFER", { column: nameOf(items[i]), year: without });
  });
}

/**
 * A region's key across the years of a table: its code when the table has a region code column
 * (区划代码, 行政区划代码, adcode …) and the row a code, else its province, city and district as the
 * table names them (a "-" city as none). Never its row position.
 */
export function regionKey(row: readonly unknown[], names: ColumnMap["names"], idColumn: number): string {
  const id = idColumn >= 0 ? cleanText(String(row[idColumn] ?? "")).trim() : "";
  return id ? `id:${id}` : regionNames(row, names);
}

/**
 * A region's names ("province|city|district", {@link regionNames}) as people read them: "浙江省 杭州市 滨江区".
 *
 * @example
 * regionText("浙江省||滨江区") // → "浙江省 滨江区"
 */
export function regionText(names: string): string {
  return names
    .split("|")
    .filter((x) => x && x !== "-")
    .join(" ");
}

/** A region's names as "province|city|district" (a "-" city as none), for display. */
export function regionNames(row: readonly unknown[], names: ColumnMap["names"]): string {
  const at = (c: number | undefined) => (c === undefined ? "" : cleanText(String(row[c] ?? "")).trim());
  const city = at(names.city);
  return [at(names.province), city === "-" ? "" : city, at(names.district)].join("|");
}

/**
 * Refuses a region twice in one year (by its code, or its province, city and district): a table of
 * several years has one row per region and year. Throws PANEL_DUPLICATE naming the region, the
 * year and both rows. Tables without a district or code column are not checked (nothing to match by).
 */
export function checkRegions(cells: Cells, years: RowYears, columns: ColumnMap): void {
  const idColumn = regionIdColumn(cells[years.headerRow] ?? []);
  if (columns.names.district === undefined && idColumn < 0) return;
  const seen = new Map<string, number>();
  years.byRow.forEach((year, r) => {
    if (year === null) return;
    const row = cells[r];
    // A totals row (全市合计 …) is no region: the reading leaves it out.
    if (row.some((c) => typeof c === "string" && isTotalLabel(c))) return;
    const key = `${year}|${regionKey(row, columns.names, idColumn)}`;
    const before = seen.get(key);
    if (before !== undefined) {
      const region = regionText(regionNames(row, columns.names)) || key.split("|id:")[1] || "";
      throw new UserError("PANEL_DUPLICATE", { region, year, rows: `${before + 1}, ${r + 1}` });
    }
    seen.set(key, r);
  });
}
