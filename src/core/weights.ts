/**
 * Weight tables: the canonical layout, parsing from worksheet cells, checking, renormalising.
 *
 * Canonical layout (what `LIVEWEIGHTS()` spills and every entry point accepts): a header row,
 * then one row per indicator: dimension, indicator, dimension weight, indicator weight.
 *
 * Units are decided per level from the sums: weights summing to about 1 are read as fractions
 * (Excel percents: 40% is 0.4), weights summing to about 100 as percent points (40). Within each level the
 * weights are renormalised to sum to 1, so the printed, rounded 16% × 6 = 96% works as 1/6 each,
 * and multiplying every weight by a constant changes nothing.
 */
import * as z from "zod/mini";
import { BLANK, isBlankRow, readCell } from "./cells";
import { formatFinding, UserError } from "./errors";
import {
  atRow,
  FINDING_MESSAGES,
  FindingCode,
  indicatorsOf,
  Lang,
  LocalText,
  MessageParams,
  Severity,
  WEIGHT_COLUMN_WORDS,
  WEIGHT_TABLE_HEADERS,
  WORDS,
} from "../text";
import { DIMENSIONS, INDICATORS, findDimension, findIndicator, nameOf, namesOf } from "./framework";
import { isTotalLabel, normaliseName, showValue } from "./text";

/** A checked weight table, renormalised, in framework order. */
export interface WeightTable {
  /** First-level weights, summing to 1. */
  readonly dimensions: Float64Array;
  /** Second-level weights, summing to 1 within each dimension (0 for a dimension whose weights are all 0). */
  readonly indicators: Float64Array;
  /** The weights as given, as fractions (0.4 for 40%), before renormalising. */
  readonly givenDimensions: Float64Array;
  readonly givenIndicators: Float64Array;
}

/** One finding of {@link checkWeights}: a code, where (0-based row and column in the range), and its values. */
export interface WeightFinding {
  readonly severity: Severity;
  readonly code: FindingCode;
  /** Row in the given range (0 is the first row, normally the header); null for the whole table. */
  readonly row: number | null;
  readonly column: number | null;
  readonly params: MessageParams;
}

export type WeightCheck =
  | { readonly success: true; readonly table: WeightTable; readonly findings: readonly WeightFinding[] }
  | { readonly success: false; readonly findings: readonly WeightFinding[] };

const HEADER_ALIASES = {
  dimension: ["一级指标", "维度", "分指数", "dimension", "dimensionid"],
  indicator: ["二级指标", "指标", "indicator", "indicatorid"],
  dimensionWeight: ["一级指标权重", "维度权重", "分指数权重", "dimensionweight", "dimensionweights"],
  indicatorWeight: ["二级指标权重", "指标权重", "indicatorweight", "indicatorweights"],
} as const;
type WeightColumn = keyof typeof HEADER_ALIASES;

const headerByName = new Map<string, WeightColumn>();
for (const [col, names] of Object.entries(HEADER_ALIASES) as [WeightColumn, readonly string[]][]) {
  for (const n of names) headerByName.set(normaliseName(n), col);
}

const WHAT_DIMENSION_WEIGHT: LocalText = WORDS.dimensionWeight;
const WHAT_INDICATOR_WEIGHT: LocalText = WORDS.indicatorWeight;

/** A weight as zod sees it once the cell is read: finite and not negative. */
const WeightValue = z.number().check(z.gte(0));

/**
 * The report's weight table, as printed (percent points), renormalised.
 */
export const REPORT_WEIGHT_TABLE: WeightTable = weightTableFromGiven(
  DIMENSIONS.map((d) => d.reportWeight / 100),
  INDICATORS.map((i) => i.reportWeight / 100),
);

/**
 * Checks a weight table given as worksheet cells (the canonical layout; a header row is
 * recommended, without one the first four columns are taken in canonical order).
 * Never throws for bad content: problems are findings. Throws {@link UserError} only for a
 * range that cannot be a weight table at all (empty, no usable columns).
 */
export function checkWeights(cells: readonly (readonly unknown[])[]): WeightCheck {
  const rows = cells.filter((r) => !isBlankRow(r));
  if (rows.length === 0) throw new UserError("WEIGHTS_EMPTY");
  const start = cells.indexOf(rows[0]);
  const layout = weightColumns(cells[start]);
  // A data table given for a weight table (no weight header; a header of index columns): one finding that says so, not one per region.
  const indexNames = (r: readonly unknown[]) => r.filter((c) => typeof c === "string" && (findDimension(c) || findIndicator(c))).length;
  const dataHeader = layout.hasHeader ? -1 : cells.slice(0, 20).findIndex((r) => indexNames(r) >= 3);
  if (dataHeader >= 0) {
    return {
      success: false,
      findings: [{ severity: "error", code: "W_LOOKS_LIKE_DATA", row: dataHeader, column: null, params: { count: indexNames(cells[dataHeader]) } }],
    };
  }
  const findings: WeightFinding[] = [];
  const add: AddFinding = (code, row, column, params = {}) => findings.push({ severity: FINDING_MESSAGES[code].severity, code, row, column, params });
  const read = readWeightRows(cells, layout.hasHeader ? start + 1 : start, layout, add);
  checkPresence(read, layout, add);
  if (findings.some((f) => f.severity === "error")) return { success: false, findings };

  const units = levelUnits(read.dimWeight as number[], read.indWeight as number[]);
  checkUnits(read.dimWeight, read.dimWeightRow, layout.dimensionWeight, WHAT_DIMENSION_WEIGHT, units.dimensions === 1, add);
  checkUnits(read.indWeight, read.indRow, layout.indicatorWeight, WHAT_INDICATOR_WEIGHT, units.indicators === 1, add);
  if (findings.some((f) => f.severity === "error")) return { success: false, findings };
  const given = levelsAsFractions(read.dimWeight as number[], read.indWeight as number[]);
  checkSums(given, read.indRow, layout, add);
  if (findings.some((f) => f.severity === "error")) return { success: false, findings };
  return { success: true, table: weightTableFromGiven(given.dimensions, given.indicators), findings };
}

/**
 * Parses a weight table and returns it, or throws {@link UserError} WEIGHTS_INVALID naming the
 * first error (with its row), for the custom functions' one-cell answer.
 */
export function parseWeightTable(cells: readonly (readonly unknown[])[]): WeightTable {
  const check = checkWeights(cells);
  if (check.success) return check.table;
  const errors = check.findings.filter((f) => f.severity === "error");
  throw new UserError("WEIGHTS_INVALID", { count: errors.length, first: findingText(errors[0]) });
}

/** "Row 5: message" for a finding, in one language (rows counted from 1). */
export function describeFinding(f: WeightFinding, lang: Lang): string {
  return findingText(f)[lang];
}

/** {@link describeFinding} in both languages. */
export function findingText(f: WeightFinding): LocalText {
  const msg = { zh: formatFinding(f.code, f.params, "zh"), en: formatFinding(f.code, f.params, "en") };
  return f.row === null ? msg : atRow(f.row + 1, msg);
}

/** Each indicator's effective weight in the total: dimension weight × indicator weight. Sums to 1. */
export function getEffectiveWeights(table: WeightTable): Float64Array {
  const out = new Float64Array(INDICATORS.length);
  for (const ind of INDICATORS) {
    out[ind.index] = table.dimensions[DIMENSIONS.findIndex((d) => d.id === ind.dimension)] * table.indicators[ind.index];
  }
  return out;
}

export type NameLanguage = "zh" | "en" | "id";

/**
 * A weight table as cells in the canonical layout, header included, weights as fractions
 * (format them as % in Excel). With no table given: the report's weights exactly as printed.
 */
export function weightTableToCells(lang: NameLanguage, table?: WeightTable): (string | number)[][] {
  const rows: (string | number)[][] = [[...WEIGHT_TABLE_HEADERS[lang]]];
  for (const ind of INDICATORS) {
    const d = DIMENSIONS.find((x) => x.id === ind.dimension)!;
    const dw = table ? table.givenDimensions[d.index] : d.reportWeight / 100;
    const iw = table ? table.givenIndicators[ind.index] : ind.reportWeight / 100;
    rows.push([lang === "id" ? d.id : d[lang], lang === "id" ? ind.id : ind[lang], round12(dw), round12(iw)]);
  }
  return rows;
}

// ---- helpers ---------------------------------------------------------------------------------

type AddFinding = (code: FindingCode, row: number | null, column: number | null, params?: MessageParams) => void;

/** What the indicator rows of a weight table say, before any sum is checked. */
interface WeightRows {
  readonly dimWeight: (number | undefined)[];
  readonly dimWeightRow: number[];
  readonly dimWeightBad: boolean[];
  readonly indWeight: (number | undefined)[];
  /** Row of each indicator in the range; -1 where it is missing. */
  readonly indRow: number[];
}

/** Reads the rows from `first` on: names, memberships, duplicates and each weight, adding findings. */
function readWeightRows(cells: readonly (readonly unknown[])[], first: number, layout: WeightLayout, add: AddFinding): WeightRows {
  const dimWeight = new Array<number | undefined>(DIMENSIONS.length).fill(undefined);
  const dimWeightRow = new Array<number>(DIMENSIONS.length).fill(-1);
  const dimWeightBad = new Array<boolean>(DIMENSIONS.length).fill(false);
  const indWeight = new Array<number | undefined>(INDICATORS.length).fill(undefined);
  const indRow = new Array<number>(INDICATORS.length).fill(-1);
  let lastDimension = -1;

  for (let r = first; r < cells.length; r++) {
    const row = cells[r];
    if (isBlankRow(row)) continue;
    if (isTotalRow(row, layout)) {
      add("W_TOTAL_ROW", r, layout.indicator);
      continue;
    }
    const dimCell = layout.dimension >= 0 ? row[layout.dimension] : null;
    const indCell = row[layout.indicator];
    const indicator = findIndicator(indCell);
    let dimension = -1;
    if (layout.dimension >= 0 && !isBlankText(dimCell)) {
      const d = findDimension(dimCell);
      if (!d) add("W_UNKNOWN_DIMENSION", r, layout.dimension, { value: showValue(dimCell) });
      else dimension = d.index;
    } else if (indicator) {
      dimension = DIMENSIONS.findIndex((d) => d.id === indicator.dimension);
    } else {
      dimension = lastDimension;
    }
    if (!indicator) {
      add("W_UNKNOWN_INDICATOR", r, layout.indicator, { value: showValue(indCell) });
      continue;
    }
    const home = DIMENSIONS.findIndex((d) => d.id === indicator.dimension);
    if (dimension >= 0 && dimension !== home && layout.dimension >= 0 && !isBlankText(dimCell)) {
      add("W_DIMENSION_MISMATCH", r, layout.dimension, { indicator: nameOf(indicator), expected: nameOf(DIMENSIONS[home]), value: showValue(dimCell) });
    }
    lastDimension = home;
    if (indRow[indicator.index] >= 0) {
      add("W_DUPLICATE_INDICATOR", r, layout.indicator, { indicator: nameOf(indicator), first: indRow[indicator.index] + 1 });
      continue;
    }
    indRow[indicator.index] = r;

    const w = readWeight(row[layout.indicatorWeight], WHAT_INDICATOR_WEIGHT, r, layout.indicatorWeight, add, true);
    if (w !== undefined) indWeight[indicator.index] = w;

    const dwCell = row[layout.dimensionWeight];
    const dw = readWeight(dwCell, WHAT_DIMENSION_WEIGHT, r, layout.dimensionWeight, add, false);
    if (dw === undefined && readCell(dwCell) !== BLANK) dimWeightBad[home] = true;
    if (dw !== undefined) {
      const prev = dimWeight[home];
      if (prev === undefined) {
        dimWeight[home] = dw;
        dimWeightRow[home] = r;
      } else if (Math.abs(prev - dw) > 1e-12 * Math.max(1, Math.abs(prev))) {
        add("W_DIMENSION_WEIGHT_INCONSISTENT", r, layout.dimensionWeight, {
          dimension: nameOf(DIMENSIONS[home]),
          first: dimWeightRow[home] + 1,
          firstValue: showValue(prev),
          value: showValue(dw),
        });
      }
    }
  }

  return { dimWeight, dimWeightRow, dimWeightBad, indWeight, indRow };
}

/** Every indicator listed, and every listed dimension with its weight. */
function checkPresence({ indRow, dimWeight, dimWeightBad }: WeightRows, layout: WeightLayout, add: AddFinding): void {
  const missing = INDICATORS.filter((i) => indRow[i.index] < 0);
  if (missing.length) add("W_MISSING_INDICATOR", null, layout.indicator, { names: namesOf(missing) });
  for (const d of DIMENSIONS) {
    // The dimension's first row in the table, which need not hold its first indicator in framework order.
    const rows = d.indicators.map((i) => indRow[i]).filter((r) => r >= 0);
    const firstRow = rows.length ? Math.min(...rows) : undefined;
    if (firstRow !== undefined && dimWeight[d.index] === undefined && !dimWeightBad[d.index]) {
      add("W_MISSING_WEIGHT", firstRow, layout.dimensionWeight, { what: WHAT_DIMENSION_WEIGHT });
    }
  }
}

interface WeightLayout {
  readonly hasHeader: boolean;
  readonly dimension: number;
  readonly indicator: number;
  readonly dimensionWeight: number;
  readonly indicatorWeight: number;
}

function weightColumns(first: readonly unknown[]): WeightLayout {
  const found: Partial<Record<WeightColumn, number>> = {};
  first.forEach((c, i) => {
    if (typeof c !== "string") return;
    const col = headerByName.get(normaliseName(c));
    if (col && found[col] === undefined) found[col] = i;
  });
  if (Object.keys(found).length >= 2) {
    const lacking = (["indicator", "dimensionWeight", "indicatorWeight"] as const).filter((k) => found[k] === undefined);
    if (lacking.length) {
      throw new UserError("WEIGHTS_LAYOUT_MISSING", {
        names: { zh: lacking.map((k) => WEIGHT_COLUMN_WORDS[k].zh).join("、"), en: lacking.map((k) => WEIGHT_COLUMN_WORDS[k].en).join(", ") },
      });
    }
    return {
      hasHeader: true,
      dimension: found.dimension ?? -1,
      indicator: found.indicator!,
      dimensionWeight: found.dimensionWeight!,
      indicatorWeight: found.indicatorWeight!,
    };
  }
  if (first.length >= 4) return { hasHeader: false, dimension: 0, indicator: 1, dimensionWeight: 2, indicatorWeight: 3 };
  throw new UserError("WEIGHTS_LAYOUT_NARROW", { count: first.length });
}

function readWeight(cell: unknown, what: LocalText, row: number, column: number, add: AddFinding, required: boolean): number | undefined {
  const v = readCell(cell);
  if (v === BLANK) {
    if (required) add("W_MISSING_WEIGHT", row, column, { what });
    return undefined;
  }
  if (typeof v !== "number") {
    add("W_NOT_NUMBER", row, column, { what, value: showValue(cell) });
    return undefined;
  }
  const parsed = WeightValue.safeParse(v);
  if (!parsed.success) {
    add("W_NEGATIVE", row, column, { what, value: showValue(cell) });
    return undefined;
  }
  return parsed.data;
}

/** A 合计 / Total row (an Excel table's Total Row, or one typed below the weights): not an indicator. */
function isTotalRow(row: readonly unknown[], layout: WeightLayout): boolean {
  return isTotalLabel(row[layout.indicator]) || (layout.dimension >= 0 && isTotalLabel(row[layout.dimension]));
}

function isBlankText(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Both levels as fractions, the unit decided per level from its sums: a level whose groups sum
 * to at most 10 on average (1 each when complete) is read as fractions (Excel percents),
 * otherwise as percent points (100 each when complete). Deciding by sums rather than by single
 * values keeps fractions such as 0.75 / 1.5 (a level summing to 2.25) read as fractions.
 */
function levelsAsFractions(dims: readonly number[], inds: readonly number[]): { dimensions: number[]; indicators: number[] } {
  const units = levelUnits(dims, inds);
  return { dimensions: dims.map((w) => w / units.dimensions), indicators: inds.map((w) => w / units.indicators) };
}

/** Each level's unit, decided from its sums: 1 (fractions) or 100 (percent points). */
function levelUnits(dims: readonly (number | undefined)[], inds: readonly (number | undefined)[]): { dimensions: 1 | 100; indicators: 1 | 100 } {
  const value = (w: number | undefined) => w ?? 0;
  const groupSums = DIMENSIONS.map((d) => sum(d.indicators.map((i) => value(inds[i]))));
  return {
    dimensions: sum(dims.map(value)) <= 10 ? 1 : 100,
    indicators: sum(groupSums) / DIMENSIONS.length <= 10 ? 1 : 100,
  };
}

function checkSums(given: { dimensions: number[]; indicators: number[] }, indRow: readonly number[], layout: WeightLayout, add: AddFinding): void {
  const dimSum = sum(given.dimensions);
  if (dimSum <= 0) {
    add("W_SUM_ZERO", null, layout.dimensionWeight);
    return;
  }
  checkGroupSum(
    given.dimensions,
    DIMENSIONS.map((d) => d.reportWeight / 100),
    WORDS.dimensionsGroup,
    null,
    layout.dimensionWeight,
    add,
  );
  for (const d of DIMENSIONS) {
    const s = sum(d.indicators.map((i) => given.indicators[i]));
    const firstRow = Math.min(...d.indicators.map((i) => indRow[i]));
    if (s <= 0) {
      if (given.dimensions[d.index] > 0) add("W_DIMENSION_ALL_ZERO", firstRow, layout.indicatorWeight, { dimension: nameOf(d) });
      continue;
    }
    checkGroupSum(
      d.indicators.map((i) => given.indicators[i]),
      d.indicators.map((i) => INDICATORS[i].reportWeight / 100),
      indicatorsOf(nameOf(d)),
      firstRow,
      layout.indicatorWeight,
      add,
    );
  }
}

/**
 * A group's weights that do not sum to 100%. The report's printed rounding (16% × 6 = 96%) is named
 * as such only when it is that: every weight is the report's printed one, or the weights are equal
 * (1/n each, printed rounded); any other gap is a plain "does not sum to 100%", with the sum.
 */
function checkGroupSum(items: readonly number[], printed: readonly number[], group: LocalText, row: number | null, column: number, add: AddFinding): void {
  const s = sum(items);
  const gap = Math.abs(s - 1);
  if (gap <= 1e-9) return;
  const asPrinted = items.every((w, k) => Math.abs(w - printed[k]) <= 1e-9);
  const equal = items.every((w) => Math.abs(w - items[0]) <= 1e-12);
  const code: FindingCode = (asPrinted || equal) && gap < items.length * 0.01 ? "W_ROUNDED" : "W_SUM_NOT_100";
  add(code, row, column, { group, sum: `${round12(s * 100)}%`, count: items.length });
}

/**
 * Every weight of a level written the same way. The unit of a level is decided from its sums
 * (levelsAsFractions); a weight a hundred times off its level is then a weight written the other
 * way: above 1 and at least ten times the level's median in a level of fractions (25 typed among
 * 25% cells, which would otherwise weigh a hundred times its neighbours), or below 1 and at most a
 * tenth of the median in a level of percent points (0.25 among 25s). Weights that only differ in
 * ratio (0.75 and 1.5, or every weight times a constant) are not flagged.
 */
function checkUnits(
  values: readonly (number | undefined)[],
  rows: readonly number[],
  column: number,
  what: LocalText,
  fractions: boolean,
  add: AddFinding,
): void {
  const present = values.map((w, k) => ({ w, row: rows[k] })).filter((x): x is { w: number; row: number } => x.w !== undefined && x.w > 0 && x.row >= 0);
  if (present.length < 2) return;
  const sorted = present.map((x) => x.w).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  for (const x of present) {
    const odd = fractions ? x.w > 1 && x.w >= 10 * median : x.w < 1 && x.w <= median / 10;
    if (odd) add("W_MIXED_UNITS", x.row, column, { what, value: showValue(x.w) });
  }
}

/** A weight table from weights as given (fractions, framework order), each level renormalised. */
export function weightTableFromGiven(dims: ArrayLike<number>, inds: ArrayLike<number>): WeightTable {
  const dimensions = new Float64Array(DIMENSIONS.length);
  const indicators = new Float64Array(INDICATORS.length);
  normaliseWeights(dims, inds, dimensions, indicators);
  return { dimensions, indicators, givenDimensions: Float64Array.from(dims), givenIndicators: Float64Array.from(inds) };
}

/**
 * The renormalisation rule, once: the first-level weights divided by their sum, each dimension's
 * indicator weights by theirs (0 for a dimension whose weights are all 0). The Monte Carlo
 * renormalises its perturbed weights with it too, so that at spread 0 they are these to the last bit.
 */
export function normaliseWeights(dims: ArrayLike<number>, inds: ArrayLike<number>, outDims: Float64Array, outInds: Float64Array): void {
  let dimSum = 0;
  for (let d = 0; d < DIMENSIONS.length; d++) dimSum += dims[d];
  for (let d = 0; d < DIMENSIONS.length; d++) outDims[d] = dims[d] / dimSum;
  for (const d of DIMENSIONS) {
    let s = 0;
    for (const i of d.indicators) s += inds[i];
    for (const i of d.indicators) outInds[i] = s > 0 ? inds[i] / s : 0;
  }
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Removes binary noise (0.16000000000000003 → 0.16) from weights shown to people. */
function round12(x: number): number {
  return Math.round(x * 1e12) / 1e12;
}
