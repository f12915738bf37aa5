/**
 * The index pipeline as named steps over one table:
 * readIndexInput → scaleIndicators → aggregateDimension → aggregateTotal.
 */
import { aggregateDimension, aggregateDimensionAffine, aggregateTotal } from "./aggregate";
import { Cells, IndexInput, readIndexInput, ROW_OK } from "./dataset";
import { IndexError } from "./errors";
import { DIMENSIONS, INDICATORS, namesOf } from "./framework";
import type { ColumnMap } from "./headers";
import { Affine, DEFAULT_SCALING, getScalingMethod, Goalposts, ScalingMethodName } from "./scaling";
import { REPORT_WEIGHT_TABLE, WeightTable } from "./weights";

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
}

export interface IndexResult {
  readonly input: IndexInput;
  /** Per dimension, the sub-index per data row (NaN where blank or error); null when not computed. */
  readonly dimensions: readonly (Float64Array | null)[];
  /** The total per data row, or null when only one dimension was asked for. */
  readonly total: Float64Array | null;
  /** 1 where the row has a result. */
  readonly include: Uint8Array;
  /** Raw-indicator input: the scaled indicators (framework order; null where not read). Null for sub-index input. */
  readonly scaled: readonly (Float64Array | null)[] | null;
}

/**
 * Computes the total index (or, with `target`, one dimension's sub-index) for every row of a
 * table. Throws {@link IndexError} for structural problems; per-row problems are in
 * `input.errors` and give NaN in that row only.
 */
export function computeIndex(cells: Cells, options: IndexOptions = {}, target?: number): IndexResult {
  const weights = options.weights ?? REPORT_WEIGHT_TABLE;
  const input = readIndexInput(cells, weights, target, options.columns);
  const include = new Uint8Array(input.rowCount);
  for (let r = 0; r < input.rowCount; r++) include[r] = input.status[r] === ROW_OK ? 1 : 0;

  let dimensions: (Float64Array | null)[];
  let scaled: (() => (Float64Array | null)[]) | null = null;
  if (input.level === "dimension") {
    dimensions = input.values.map((col) => (col ? maskRows(col, include) : null));
  } else {
    const method = options.method ?? DEFAULT_SCALING;
    let cache: (Float64Array | null)[] | null = null;
    scaled = () => (cache ??= scaleIndicators(input, include, method, options.goalposts));
    // The asked-for dimension is always computed, even when all its indicator weights are 0 (it is then 0).
    const wanted = (d: number) => (target === undefined ? weights.dimensions[d] > 0 : d === target);
    const rescale = options.rescale === true;
    const affines = affineScores(input, include, method);
    dimensions = DIMENSIONS.map((d) => {
      if (!wanted(d.index)) return null;
      return affines
        ? aggregateDimensionAffine(d.index, input.values, affines, include, weights, rescale)
        : aggregateDimension(d.index, scaled!(), include, weights, rescale);
    });
  }
  const total = target === undefined ? aggregateTotal(dimensions, include, weights) : null;
  const lazyScaled = scaled;
  return {
    input,
    dimensions,
    total,
    include,
    // Computed on first use: the affine path above needs no scaled copies.
    get scaled() {
      return lazyScaled ? lazyScaled() : null;
    },
  };
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
 * Scales every read indicator column with one method, direction-aware, over the included rows.
 */
export function scaleIndicators(
  input: IndexInput,
  include: Uint8Array,
  method: ScalingMethodName,
  goalposts?: ReadonlyMap<number, Goalposts>,
): (Float64Array | null)[] {
  const m = getScalingMethod(method);
  if (m.name === "goalposts") {
    const missing = INDICATORS.filter((i) => input.values[i.index] && !goalposts?.has(i.index));
    if (missing.length) throw new IndexError("GOALPOSTS_MISSING", { names: namesOf(missing) });
  }
  return input.values.map((col, i) => {
    if (!col) return null;
    const out = new Float64Array(col.length);
    m.scale(col, include, INDICATORS[i].direction, out, goalposts?.get(i));
    return out;
  });
}

function maskRows(col: Float64Array, include: Uint8Array): Float64Array {
  const out = new Float64Array(col.length);
  for (let r = 0; r < col.length; r++) out[r] = include[r] ? col[r] : NaN;
  return out;
}
