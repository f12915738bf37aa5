/**
 * Several years in one table (a panel): a year column (年份, 年度, year) beside the index columns.
 * Each year is computed on its own rows, scaled on its own (as a single-year report is), and a
 * region is matched across years by its region code or its names (province + city + district),
 * never by its position (core/years.ts).
 */
import { ROW_OK, type Cells } from "./dataset";
import { UserError } from "./errors";
import { regionIdColumn } from "./headers";
import { DEFAULT_PIPELINE } from "./options";
import { IndexRequest, IndexRun, runIndex } from "./workflow";
import { regionKey, regionNames, rowYears } from "./years";
import { Lang, RANK_CHANGE_CELLS } from "../text";

export { readYear, regionText } from "./years";

export interface PanelYear {
  readonly year: number;
  readonly run: IndexRun;
  /** Region key (its code, or province|city|district: core/years.ts regionKey) → data row of that year's run. */
  readonly regions: ReadonlyMap<string, number>;
  /** Region key → its names as "province|city|district", for display. */
  readonly names: ReadonlyMap<string, string>;
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
  const pipeline = request.pipeline ?? DEFAULT_PIPELINE;
  const years = [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year): PanelYear => {
      // The whole table with that year's rows (the others blank in place): data row k is table row headerRow + 1 + k.
      const run = runIndex(cells, { ...request, headerRow, pipeline: { ...pipeline, year } });
      const { names, headerRow: header } = run.result.input.columns;
      const idColumn = regionIdColumn(cells[header] ?? []);
      if (names.district === undefined && idColumn < 0) throw new UserError("PANEL_NO_REGION");
      const first = header + 1;
      const regions = new Map<string, number>();
      const regionNamesByKey = new Map<string, string>();
      const { status, errors } = run.result.input;
      for (const r of byYear.get(year)!) {
        // A region is a row ranked, or left out for a bad value; not a totals row (合计) or a row of nothing but a note.
        const error = errors.get(r - first);
        if (status[r - first] !== ROW_OK && (!error || error.code === "TOTAL_ROW")) continue;
        const key = regionKey(cells[r], names, idColumn);
        const shown = regionNames(cells[r], names);
        regions.set(key, r - first);
        regionNamesByKey.set(key, shown);
      }
      return { year, run, regions, names: regionNamesByKey };
    });
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
  const years = rowYears(cells);
  if (!years) throw new UserError("PANEL_NO_YEAR_COLUMN");
  const byYear = new Map<number, number[]>(years.years.map((y) => [y, []]));
  years.byRow.forEach((y, r) => {
    if (y !== null) byYear.get(y)!.push(r);
  });
  return { headerRow: years.headerRow, byYear };
}

/** The years of a table with a year column (ascending), or null when it has none. */
export function tableYears(cells: Cells): number[] | null {
  const years = rowYears(cells);
  return years ? [...years.years] : null;
}

/** `unranked`: the region has a row in both years but no rank in one of them (a bad value there: the note names it), so it is neither new nor gone. */
export type ChangeStatus = "new" | "left" | "up" | "down" | "same" | "unranked";

export interface RankChange {
  /** How the region is matched across years (core/years.ts regionKey). */
  readonly key: string;
  /** Its names as "province|city|district" (as the later year gives them). */
  readonly names: string;
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
 * rankChanges(readPanel(cells), 2020, 2021)[0] // → { key: "浙江省|杭州市|滨江区", names: "浙江省|杭州市|滨江区", from: 1, to: 1, change: 0, status: "same" }
 */
export function rankChanges(panel: Panel, from: number, to: number): RankChange[] {
  const find = (y: number) => panel.years.find((x) => x.year === y);
  const a = find(from);
  const b = find(to);
  if (!a || !b)
    throw new UserError("BAD_OPTION", { name: a ? "to" : "from", value: String(a ? to : from), options: panel.years.map((y) => y.year).join(", ") });
  if (from === to) throw new UserError("PANEL_SAME_YEARS", { year: from });
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
    const names = b.names.get(key) ?? a.names.get(key) ?? "";
    // In a year's rows but not ranked there (a bad value): not new, not gone.
    if ((f === null && ra.has(key)) || (t === null && rb.has(key))) return { key, names, from: f, to: t, change: null, status: "unranked" };
    if (f === null) return { key, names, from: null, to: t, change: null, status: "new" };
    if (t === null) return { key, names, from: f, to: null, change: null, status: "left" };
    const change = f - t;
    return { key, names, from: f, to: t, change, status: change > 0 ? "up" : change < 0 ? "down" : "same" };
  });
  return out.sort((x, y) => (x.to ?? Infinity) - (y.to ?? Infinity) || (x.from ?? Infinity) - (y.from ?? Infinity));
}

/**
 * The regions entering the top N between the two years (in it in `to`, not in `from` or absent
 * then) and those leaving it (in it in `from`, not in `to` or absent then), each in rank order.
 *
 * @example
 * topMoves(rankChanges(panel, 2020, 2021), 10).entering.map((c) => c.names) // → ["浙江省|杭州市|萧山区"]
 */
export function topMoves(changes: readonly RankChange[], n: number): { entering: RankChange[]; leaving: RankChange[] } {
  // A region without a rank in one year (a bad value there) is neither.
  const known = changes.filter((c) => c.status !== "unranked");
  const entering = known.filter((c) => c.to !== null && c.to <= n && (c.from === null || c.from > n));
  const leaving = known.filter((c) => c.from !== null && c.from <= n && (c.to === null || c.to > n)).sort((a, b) => a.from! - b.from!);
  return { entering, leaving };
}

/**
 * The rows LIVERANKCHANGE spills and the command line writes: a header, then per region its
 * province, city ("-" for none), district, both ranks, the change and the status.
 */
export function rankChangeRows(changes: readonly RankChange[], from: number, to: number, lang: Lang): (string | number)[][] {
  const t = RANK_CHANGE_CELLS[lang];
  return [
    [...t.header(from, to)],
    ...changes.map((c) => {
      const [p, city, d] = c.names.split("|");
      return [p, city || "-", d, c.from ?? "", c.to ?? "", c.change ?? "", t.status[c.status]];
    }),
  ];
}
