/**
 * A ranked list of districts from a computed index: names, sub-indices, total, rank, in rank
 * order. The input to the ranked sheet, the demo and the command line.
 */
import { Cells, IndexInput, ROW_OK } from "./dataset";
import { IndexError } from "./errors";
import { DIMENSIONS } from "./framework";
import type { IndexResult } from "./pipeline";
import { rankDistricts, TieMethod } from "./rank";

export interface RankedDistrict {
  /** Position of the row among the data rows (0-based). */
  readonly dataRow: number;
  readonly rank: number;
  readonly province: string;
  readonly city: string;
  readonly district: string;
  /** Sub-indices in framework order (goods, supply, viewing, quality, industry). */
  readonly dimensions: readonly number[];
  readonly total: number;
  /** The table's own total column (e.g. the report's published total), when it has one. */
  readonly givenTotal: number | null;
}

export interface Ranking {
  readonly districts: readonly RankedDistrict[];
  /** Rows left out because of a bad value, with their error. */
  readonly rejected: readonly { readonly dataRow: number; readonly error: IndexError }[];
  /** Rows left out because they hold nothing. */
  readonly blankRows: number;
}

type NameColumn = "province" | "city" | "district";

/** A name cell of a data row ("" when the table has no such column). */
function nameCell(cells: Cells, input: IndexInput, role: NameColumn, r: number): string {
  const col = input.columns.names[role];
  const v = col === undefined ? null : cells[r + input.firstDataRow][col];
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * How a data row is named to people: "district (province city)", the district alone, or
 * "row N" / "第 N 行" when the table has no name columns.
 */
export function regionName(cells: Cells, input: IndexInput, row: number, lang: "zh" | "en"): string {
  const district = nameCell(cells, input, "district", row);
  const where = [nameCell(cells, input, "province", row), nameCell(cells, input, "city", row)].filter((x) => x && x !== "-").join(" ");
  if (district) return where ? (lang === "zh" ? `${district}（${where}）` : `${district} (${where})`) : district;
  const n = row + input.firstDataRow + 1;
  return lang === "zh" ? `第 ${n} 行` : `row ${n}`;
}

/** Ranks the rows of a computed index (descending total), names taken from the table's name columns. */
export function buildRanking(cells: Cells, result: IndexResult, ties: TieMethod = "min"): Ranking {
  const { input } = result;
  const total = result.total!;
  const ranks = rankDistricts(total, "desc", ties);
  const name = (role: NameColumn, r: number): string => nameCell(cells, input, role, r);
  const givenCol = input.columns.names.total;
  const districts: RankedDistrict[] = [];
  let blankRows = 0;
  for (let r = 0; r < input.rowCount; r++) {
    if (input.status[r] !== ROW_OK) {
      if (!input.errors.has(r)) blankRows++;
      continue;
    }
    const given = givenCol === undefined ? null : Number(cells[r + input.firstDataRow][givenCol]);
    districts.push({
      dataRow: r,
      rank: ranks[r],
      province: name("province", r),
      city: name("city", r),
      district: name("district", r),
      dimensions: DIMENSIONS.map((d) => result.dimensions[d.index]?.[r] ?? NaN),
      total: total[r],
      givenTotal: given !== null && Number.isFinite(given) ? given : null,
    });
  }
  districts.sort((a, b) => a.rank - b.rank || a.dataRow - b.dataRow);
  const rejected = [...input.errors].map(([dataRow, error]) => ({ dataRow, error }));
  return { districts, rejected, blankRows };
}
