/**
 * The index pipeline as named steps over one table:
 * readIndexInput → prepareInput (screen, impute, treat: core/prepare.ts) → scoreIndicators →
 * aggregateDimensions → the total (aggregate.ts totalBy: mean, geometric or TOPSIS).
 */
import { aggregateDimension, aggregateDimensions, Scores, totalBy } from "./aggregate";
import { Cells, IndexInput, mapColumns, readIndexInput, ROW_OK } from "./dataset";
import { UserError } from "./errors";
import { INDICATORS, nameOf, namesOf } from "./framework";
import { checkRegions, checkYearColumns, otherYearRows, rowsOfYear, rowYears, withGrowthFromLevels } from "./years";
import { PIPELINE_OPTION_WORDS } from "../text";
import type { ColumnMap } from "./headers";
import { Affine, DEFAULT_SCALING, getScalingMethod, Goalposts, minMaxOf, ScalingMethodName } from "./scaling";
import { REPORT_WEIGHT_TABLE, WeightTable } from "./weights";
import { AggregateRule, DEFAULT_PIPELINE, PipelineOptions } from "./options";
import { prepareInput, Preparation } from "./prepare";

export interface IndexOptions {
  /** Weight table; default: the report's. */
  readonly weights?: WeightTable;
  /** Scaling method for raw indicators; default `minmax`. Ignored at the sub-index level. */
  readonly method?: ScalingMethodName;
  /** Bounds per indicator (by framework position) for the goalposts method. */
  readonly goalposts?: ReadonlyMap<number, Goalposts>;
  /** Rescale each computed dimension so that its maximum is 100 (raw-indicator level only). */
  readonly rescale?: boolean;
  /** A column mapping chosen by the user, instead of matching the header row. */
  readonly columns?: ColumnMap;
  /** Screening, imputation and treatment before scaling (core/options.ts); default: the report's method. */
  readonly pipeline?: PipelineOptions;
}

export interface IndexResult {
  readonly input: IndexInput;
  /** The scores every aggregation weights (see aggregate.ts): the same for nominal and perturbed weights. */
  readonly scores: Scores;
  /** Per dimension, the sub-index per data row (NaN where blank or error); null when not computed. */
  readonly dimensions: readonly (Float64Array | null)[];
  /** The total per data row. */
  readonly total: Float64Array;
  /** 1 where the row has a result. */
  readonly include: Uint8Array;
  readonly weights: WeightTable;
  readonly rescale: boolean;
  /** How the sub-indices make the total (the options' `aggregate`): every re-weighting of the scores uses it too. */
  readonly aggregate: AggregateRule;
  /** What the steps before scaling did (nothing with the default options). */
  readonly preparation: Preparation;
  /** The scaling of raw indicators as applied: `goalposts` for a panel on a reference year's scale. */
  readonly method: ScalingMethodName;
  /** Growth indicators computed from two years' levels (core/years.ts), by framework position: the method note says so. */
  readonly derivedGrowth: readonly number[];
  /** Data rows of the table's other years, left blank for this year's computation (not blank rows of the table). */
  readonly otherYears: number;
}

/**
 * Computes the total index for every row of a table. Throws {@link UserError} for structural
 * problems; per-row problems are in `input.errors` and give NaN in that row only.
 *
 * @example
 * computeIndex(top100Cells).total[0] // → 78.6075 (滨江区)
 */
export function computeIndex(given: Cells, request: IndexOptions = {}): IndexResult {
  const { cells, options, derivedGrowth, otherYears } = yearStep(given, request);
  const weights = options.weights ?? REPORT_WEIGHT_TABLE;
  const { input, preparation } = prepareInput(cells, readIndexInput(cells, weights, undefined, options.columns), options.pipeline ?? DEFAULT_PIPELINE);
  const scores = scoreInput(input, options);
  const rescale = options.rescale === true;
  const dimensions = aggregateDimensions(scores, weights.dimensions, weights.indicators, rescale);
  const aggregate = options.pipeline?.aggregate ?? "mean";
  // z-scores sit around 0, half of them negative: a geometric mean of them floored at 1 would say nothing.
  if (aggregate === "geometric" && input.level === "indicator" && (options.method ?? DEFAULT_SCALING) === "zscore") throw new UserError("GEOMETRIC_ZSCORE");
  const total = totalBy(aggregate, scores, dimensions, weights.dimensions, weights.indicators);
  return {
    input,
    scores,
    dimensions,
    total,
    include: scores.include,
    weights,
    rescale,
    aggregate,
    preparation,
    method: options.method ?? DEFAULT_SCALING,
    derivedGrowth,
    otherYears,
  };
}

/**
 * The first step for a table with a year column (core/years.ts): the rows of the options' `year`
 * (the others blanked in place), or of its only year; several years and none chosen are refused.
 * With `panel=reference=<year>` (raw indicators), every year is scaled on the reference year's
 * scale: each indicator's minimum and maximum over the reference year's regions (after the same
 * screening, imputation and treatment) as goalposts, not clamped, so that a score above 100 is
 * growth beyond the reference year's best; the reference year itself then gets min–max to the last
 * bit (the same arithmetic). Sub-indices are not rescaled to a maximum of 100 then: that would undo
 * the common scale.
 */
function yearStep(given: Cells, options: IndexOptions): { cells: Cells; options: IndexOptions; derivedGrowth: readonly number[]; otherYears: number } {
  const pipeline = options.pipeline ?? DEFAULT_PIPELINE;
  const years = rowYears(given);
  if (!years) {
    if (pipeline.year !== undefined || pipeline.referenceYear !== undefined) throw new UserError("PANEL_NO_YEAR_COLUMN");
    return { cells: given, options, derivedGrowth: [], otherYears: 0 };
  }
  // Growth rates from two years' levels first: the year's rows then read them as any other column.
  const asGiven = options;
  const { cells, derived: derivedGrowth } = withGrowthFromLevels(given, years, options.columns);
  if (derivedGrowth.length && options.columns) {
    // A mapping the user chose (the task pane's) learns where the computed columns went: appended, in order.
    const width = given[years.headerRow]?.length ?? 0;
    const map = options.columns;
    const indicators = [...map.indicators];
    derivedGrowth.forEach((i, k) => (indicators[i] = width + k));
    options = { ...options, columns: { ...map, indicators, labels: [...map.labels, ...derivedGrowth.map((i) => INDICATORS[i].zh)] } };
  }
  if (years.years.length > 1) {
    const mapped = mapColumns(cells, options.columns);
    checkRegions(cells, years, mapped.columns);
    checkYearColumns(cells, years, mapped, derivedGrowth, pipeline.year);
  }
  const rows = rowsOfYear(cells, pipeline.year, years);
  const otherYears = otherYearRows(years, pipeline.year);
  const reference = pipeline.referenceYear;
  if (reference === undefined) return { cells: rows, options, derivedGrowth, otherYears };
  if (!years.years.includes(reference))
    throw new UserError("BAD_OPTION", { name: PIPELINE_OPTION_WORDS.panel, value: `reference=${reference}`, options: years.years.join(", ") });
  // The reference year as the table gives it (its growth rates computed again there, from the mapping as given).
  const base = computeIndex(given, {
    ...asGiven,
    method: "minmax",
    goalposts: undefined,
    pipeline: { ...pipeline, year: reference, referenceYear: undefined },
  });
  const { input, include } = base;
  // Sub-indices come already scaled, each year on its own: there is nothing to put on the reference year's scale.
  if (input.level !== "indicator") throw new UserError("PANEL_REFERENCE_SUBINDEX", { year: reference });
  const goalposts = new Map<number, Goalposts>();
  input.values.forEach((x, i) => {
    if (!x) return;
    const { min: low, max: high } = minMaxOf(x, include);
    if (!(high > low)) {
      // Growth computed from levels has no value in the table's first year: that year cannot be the scale.
      if (derivedGrowth.includes(i) && reference === years.years[0])
        throw new UserError("PANEL_REFERENCE_NO_GROWTH", { column: nameOf(INDICATORS[i]), year: reference, next: years.years[1] });
      throw new UserError("PANEL_REFERENCE_CONSTANT", { column: nameOf(INDICATORS[i]), year: reference });
    }
    goalposts.set(i, { low, high, clamp: false });
  });
  return { cells: rows, options: { ...options, method: "goalposts", goalposts, rescale: false }, derivedGrowth, otherYears };
}

/**
 * One dimension's sub-index for every row (computed even when its weight is 0). Only that
 * dimension's columns are needed.
 */
export function computeSubIndex(given: Cells, dimension: number, request: IndexOptions = {}): { input: IndexInput; values: Float64Array } {
  const { cells, options } = yearStep(given, request);
  const weights = options.weights ?? REPORT_WEIGHT_TABLE;
  const { input } = prepareInput(cells, readIndexInput(cells, weights, dimension, options.columns), options.pipeline ?? DEFAULT_PIPELINE);
  const scores = scoreInput(input, options);
  return { input, values: aggregateDimension(scores, dimension, weights.indicators, options.rescale === true) };
}

/**
 * Scales every read indicator column with one method, direction-aware, over the included rows;
 * with `leftMissing` (missing=none leaves NaN cells), each column over the included rows that have
 * a value.
 */
export function scaleIndicators(
  input: IndexInput,
  include: Uint8Array,
  method: ScalingMethodName,
  goalposts?: ReadonlyMap<number, Goalposts>,
  leftMissing = false,
): (Float64Array | null)[] {
  const m = getScalingMethod(method);
  if (m.name === "goalposts") {
    const missing = INDICATORS.filter((i) => input.values[i.index] && !goalposts?.has(i.index));
    if (missing.length) throw new UserError("GOALPOSTS_MISSING", { names: namesOf(missing) });
  }
  return input.values.map((col, i) => {
    if (!col) return null;
    const out = new Float64Array(col.length);
    const rows = leftMissing ? Uint8Array.from(include, (v, r) => (v && !Number.isNaN(col[r]) ? 1 : 0)) : include;
    m.scale(col, rows, INDICATORS[i].direction, out, goalposts?.get(i));
    return out;
  });
}

// ---- helpers ---------------------------------------------------------------------------------

/** The scores of a read table: masked sub-indices, or indicators in affine or scaled form. */
function scoreInput(input: IndexInput, options: IndexOptions): Scores {
  const include = includedRows(input.status);
  if (input.level === "dimension") return { kind: "dimension", include, dimensions: input.values.map((col) => (col ? maskRows(col, include) : null)) };
  const method = options.method ?? DEFAULT_SCALING;
  // Cells left missing (missing=none): each column is scaled over the rows that have a value, and dimensions average what a row has.
  if (options.pipeline?.missing === "none")
    return { kind: "scaled", include, scaled: scaleIndicators(input, include, method, options.goalposts, true), partial: true };
  const affines = affineScores(input, include, method);
  if (affines) return { kind: "affine", include, values: input.values, affines };
  return { kind: "scaled", include, scaled: scaleIndicators(input, include, method, options.goalposts) };
}

/** The affine form of every read column under a method, or null when the method (or a column) has none. */
function affineScores(input: IndexInput, include: Uint8Array, method: ScalingMethodName): (Affine | null)[] | null {
  const m = getScalingMethod(method);
  if (!m.affine) return null;
  const out: (Affine | null)[] = [];
  for (let i = 0; i < input.values.length; i++) {
    const col = input.values[i];
    if (!col) {
      out.push(null);
      continue;
    }
    const a = m.affine(col, include, INDICATORS[i].direction);
    if (!a) return null;
    out.push(a);
  }
  return out;
}

/**
 * 1 for each row that is computed (ROW_OK), else 0. A loop in a function of its own: at the head of
 * scoreInput, the loop's optimised code was dropped on most calls at the code after it.
 */
function includedRows(status: Uint8Array): Uint8Array {
  const include = new Uint8Array(status.length);
  for (let r = 0; r < status.length; r++) include[r] = status[r] === ROW_OK ? 1 : 0;
  return include;
}

function maskRows(col: Float64Array, include: Uint8Array): Float64Array {
  const out = new Float64Array(col.length);
  for (let r = 0; r < col.length; r++) out[r] = include[r] ? col[r] : NaN;
  return out;
}
