/**
 * Result builders of the custom functions: ranks in the shape of the scores, findings with real
 * cell addresses, the weight differences, the header labels. Each turns a core result into cells.
 */
import { BLANK, plainValue, readCell } from "../core/cells";
import { checkShape } from "../core/dataset";
import { UserError } from "../core/errors";
import { DIMENSIONS } from "../core/framework";
import { looksLikeHeader } from "../core/headers";
import { RankOrder, rankDistricts, TieMethod } from "../core/rank-districts";
import { columnLetter, showValue } from "../core/text";
import { changeName, WeightChange } from "../core/weight-compare";
import type { WeightFinding } from "../core/weights";
import { readYear } from "../core/years";
import { CELL_TEXT, Lang, rowLabel, SEVERITY_LABELS, Severity, WORDS } from "../text";
import { ResultCell, toExcelError } from "./host";

/** The header label of a result column: the total's, or a dimension's. */
export function indexLabel(dimension: number | null, lang: Lang): string {
  if (dimension === null) return CELL_TEXT[lang].total;
  return DIMENSIONS[dimension][lang];
}

/**
 * The scores of rows `start` on, row by row, into `values`; NaN and an error in `bad` for a cell that is
 * no number (blank cells are NaN without one). Cells that are not finite numbers are read by
 * {@link readOtherScore}, which loads the cell itself, so that what this loop loads stays an unboxed double.
 */
function readScores(cells: unknown[][], start: number, width: number, values: Float64Array, bad: Map<number, UserError>): void {
  for (let r = start, k = 0; r < cells.length; r++) {
    const row = cells[r];
    for (let c = 0; c < width; c++, k++) {
      const cell = row[c];
      values[k] = typeof cell === "number" && cell - cell === 0 ? cell : readOtherScore(row, c, k, bad);
    }
  }
}

function readOtherScore(row: unknown[], c: number, k: number, bad: Map<number, UserError>): number {
  const v = readCell(row[c]);
  if (typeof v === "number") return v;
  if (v !== BLANK) bad.set(k, new UserError("BAD_SCORE", { value: showValue(row[c]) }));
  return NaN;
}

/**
 * Ranks every numeric cell of a range among all of them; the result has the range's shape.
 * A first row made only of text is a header: its first cell becomes the label 排名 / Rank. Blank
 * rows above it (the title rows beside which LIVEINDEX leaves blanks) stay blank.
 * Blank cells stay blank; "-" is 0 (the report's "none"); any other non-number gets its own error.
 */
export function rankScores(scores: unknown, order: RankOrder, ties: TieMethod, lang: Lang, groups: unknown[][] | null = null): ResultCell[][] {
  const cells = scores as unknown[][];
  const width = checkShape(cells);
  // The same header rule as LIVEINDEX's: a first row with text that is not a number, below any blank rows
  // (LIVEINDEX(A1:V60) of a table under a title line spills a blank, then its label: RANKDISTRICT of it
  // must rank the totals, not call the label a bad score). Only null and "" are blank here: 0 is a score.
  let lead = 0;
  while (lead < cells.length - 1 && cells[lead].every((c) => c === null || c === undefined || c === "")) lead++;
  // The cells are read as they come (readCell makes a value object plain as it reads it): only the header's are made plain here.
  const header = cells.length > lead + 1 && looksLikeHeader(cells[lead].map(plainValue));
  const start = header ? lead + 1 : 0;
  const values = new Float64Array((cells.length - start) * width);
  const bad = new Map<number, UserError>();
  readScores(cells, start, width, values, bad);
  const ranks = groups ? rankWithinGroups(values, width, start, cells.length, groups, order, ties) : rankDistricts(values, order, ties);
  const rows = cells.length - start;
  const out: ResultCell[][] = new Array(rows + start);
  for (let r = 0; r < (header ? lead : 0); r++) out[r] = cells[r].map(() => "");
  if (header) out[lead] = cells[lead].map((_, c) => (c === 0 ? CELL_TEXT[lang].rank : ""));
  const cell = (k: number): ResultCell => {
    const rank = ranks[k];
    if (rank === rank) return rank;
    const err = bad.size ? bad.get(k) : undefined;
    return err ? toExcelError(err, lang) : "";
  };
  // One column: array literals, as toColumns makes them (pretenured by V8: see there).
  if (width === 1) for (let r = 0; r < rows; r++) out[r + start] = [cell(r)];
  else
    for (let r = 0; r < rows; r++) {
      const row: ResultCell[] = new Array(width);
      for (let c = 0; c < width; c++) row[c] = cell(r * width + c);
      out[r + start] = row;
    }
  return out;
}

/**
 * Ranks of the values (row-major, `width` per row, data rows from `start`) each among the values of
 * rows with the same group cell (the first cell of the same row of `groups`, as text; a year as the
 * year column reads it, so 2021, "2021" and "2021年" are one group; blank cells are a group too). Throws GROUPS_SHAPE when the groups are not
 * as tall as the scores.
 */
function rankWithinGroups(
  values: Float64Array,
  width: number,
  start: number,
  height: number,
  groups: unknown[][],
  order: RankOrder,
  ties: TieMethod,
): Float64Array {
  if (groups.length !== height) throw new UserError("GROUPS_SHAPE", { rows: height, groups: groups.length });
  const members = new Map<string, number[]>();
  for (let r = start; r < height; r++) {
    const g = groups[r]?.[0];
    // A year is one group however it is written (2021, "2021", "2021年"), as the year column is read.
    const year = readYear(g);
    const key = year !== null ? String(year) : g === null || g === undefined ? "" : String(g).normalize("NFKC").trim();
    const list = members.get(key) ?? [];
    for (let c = 0; c < width; c++) list.push((r - start) * width + c);
    members.set(key, list);
  }
  const out = new Float64Array(values.length).fill(NaN);
  for (const list of members.values()) {
    const ranks = rankDistricts(
      list.map((k) => values[k]),
      order,
      ties,
    );
    list.forEach((k, j) => (out[k] = ranks[j]));
  }
  return out;
}

/** Where a weight finding is: a real cell address when Excel gave the range's address, else a row number. */
export function describeWhere(f: WeightFinding, rangeAddress: string | null, lang: Lang): string {
  if (f.row === null && f.column === null) return WORDS.wholeTable[lang];
  const origin = rangeAddress ? parseAddress(rangeAddress) : null;
  if (origin && f.row !== null) {
    return `${origin.sheet}${columnLetter(origin.column + (f.column ?? 0))}${origin.row + f.row + 1}`;
  }
  if (f.row === null) return WORDS.wholeTable[lang];
  return rowLabel(f.row + 1)[lang];
}

/**
 * The changed rows of a weight comparison with a header row (name, old, new, effective old,
 * effective new; weights as fractions), or a single "no change" cell.
 */
export function weightDiffRows(changes: readonly WeightChange[], lang: Lang): ResultCell[][] {
  const changed = changes.filter((c) => c.changed);
  if (changed.length === 0) return [[CELL_TEXT[lang].noChange]];
  return [[...CELL_TEXT[lang].diffHeader], ...changed.map((c) => [changeName(c, lang), c.oldWeight, c.newWeight, c.oldEffective, c.newEffective])];
}

/** Most region-runs a formula does at once: about 3 seconds, 40 MB of ranks. */
export const MAX_FORMULA_WORK = 10_000_000;

/** Refuses an analysis too large to run inside one formula (see {@link MAX_FORMULA_WORK}). */
export function checkFormulaWork(runs: number, include: ArrayLike<number>): void {
  let rows = 0;
  for (let r = 0; r < include.length; r++) rows += include[r] ? 1 : 0;
  if (runs * rows > MAX_FORMULA_WORK) throw new UserError("TOO_MANY_RUNS", { runs, rows, max: Math.floor(MAX_FORMULA_WORK / rows) });
}

/** The header labels of LIVESENSITIVITY's three columns. */
export function sensitivityLabels(lang: Lang): string[] {
  return [...CELL_TEXT[lang].sensitivityHeader];
}

/** The word for a severity. */
export function severityLabel(s: Severity, lang: Lang): string {
  return SEVERITY_LABELS[s][lang];
}

/** "Sheet 1!B2:E21" or "'My sheet'!B2" → sheet prefix and zero-based top-left cell. */
function parseAddress(address: string): { sheet: string; row: number; column: number } | null {
  const m = /^(.*!)?\$?([A-Z]{1,3})\$?(\d+)/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[2]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet: m[1] ?? "", row: Number(m[3]) - 1, column: col - 1 };
}
