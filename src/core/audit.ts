/**
 * The data audit, as the JRC's practice (and COINr) has it: per column the statistics of
 * core/stats.ts with flags, the correlations between the scaled indicators (or the sub-indices and
 * the total), and per dimension its coherence: Cronbach's alpha, the first component's share, its
 * correlation with the total, and its effective weight. Numbers and flag codes only: the words are
 * the text module's, the layout the surfaces'.
 */
import { DIMENSIONS, INDICATORS } from "./framework";
import type { IndexResult } from "./pipeline";
import { IndexRequest, IndexRun, runIndex } from "./workflow";
import { DEFAULT_PIPELINE } from "./options";
import { ColumnStats, cronbachAlpha, describeColumn, firstComponentShare, isOutlying, pearson, spearman } from "./stats";
import { Cells, ROW_OK } from "./dataset";

/** Why a column is flagged (or why a statistic is blank). */
export type StatFlag = "outlier" | "lowCoverage" | "manyZeros" | "constant" | "fewValues";

/** A column below this share of regions with a value is flagged (the JRC's 65%). */
export const LOW_COVERAGE = 0.65;
/** A column with more than this share of zeros is flagged. */
export const MANY_ZEROS = 0.5;
/** Two indicators of a dimension correlated above this may be redundant. */
export const REDUNDANT = 0.9;
/** Cronbach's alpha below this: the dimension's indicators do not measure one thing. */
export const LOW_ALPHA = 0.7;

export interface ColumnAudit {
  /** Framework position: an indicator at the indicator level, a dimension at the sub-index level. */
  readonly item: number;
  readonly level: "indicator" | "dimension";
  /** Regions ranked (the rows the statistics are over). */
  readonly regions: number;
  /** Regions with a value of their own (not imputed). */
  readonly available: number;
  readonly stats: ColumnStats;
  readonly flags: readonly StatFlag[];
}

/** The statistics of every column read, over the regions ranked, with their flags. */
function columnAudits(result: IndexResult): ColumnAudit[] {
  const { input } = result;
  const include = Uint8Array.from(input.status, (s) => (s === ROW_OK ? 1 : 0));
  const regions = include.reduce((a, b) => a + b, 0);
  const out: ColumnAudit[] = [];
  input.values.forEach((col, item) => {
    if (!col) return;
    const gaps = input.missing[item];
    let available = 0;
    for (let r = 0; r < col.length; r++) if (include[r] && !gaps?.[r]) available++;
    const stats = describeColumn(col, include);
    const flags: StatFlag[] = [];
    if (isOutlying(stats)) flags.push("outlier");
    if (regions > 0 && available / regions < LOW_COVERAGE) flags.push("lowCoverage");
    if (stats.zeroShare > MANY_ZEROS) flags.push("manyZeros");
    if (stats.count >= 2 && !(stats.max > stats.min)) flags.push("constant");
    else if (stats.count < 4) flags.push("fewValues");
    out.push({ item, level: input.level, regions, available, stats, flags });
  });
  return out;
}

/** The scores the aggregation weights, per framework item (null where not read), as columns over the data rows. */
export function scoredColumns(result: IndexResult): (Float64Array | null)[] {
  const { scores } = result;
  if (scores.kind === "dimension") return [...scores.dimensions];
  if (scores.kind === "scaled") return [...scores.scaled];
  return scores.values.map((x, i) => {
    const f = scores.affines[i];
    if (!x || !f) return null;
    return Float64Array.from(x, (v, r) => (scores.include[r] ? f.factor * (v - f.shift) : NaN));
  });
}

export type CorrelationKind = "pearson" | "spearman";

export interface CorrelationMatrix {
  /** What each row and column is: an indicator or a dimension by framework position, or the total. */
  readonly items: readonly { readonly kind: "indicator" | "dimension" | "total"; readonly index: number }[];
  /** Symmetric, 1 on the diagonal; NaN where a column is constant or has fewer than 2 values. */
  readonly values: readonly (readonly number[])[];
}

/**
 * Correlations over the regions ranked: of the scaled indicators (`indicator`; the five
 * sub-indices for sub-index input), or of the five sub-indices and the total (`dimension`).
 */
export function correlationMatrix(result: IndexResult, kind: CorrelationKind, level: "indicator" | "dimension"): CorrelationMatrix {
  const columns: { kind: "indicator" | "dimension" | "total"; index: number; x: ArrayLike<number> }[] = [];
  if (level === "indicator" && result.input.level === "indicator") {
    scoredColumns(result).forEach((x, i) => x && columns.push({ kind: "indicator", index: i, x }));
  } else {
    result.dimensions.forEach((x, d) => x && columns.push({ kind: "dimension", index: d, x }));
    if (level === "dimension") columns.push({ kind: "total", index: -1, x: result.total });
  }
  const corr = kind === "spearman" ? spearman : pearson;
  const values = columns.map((a, i) =>
    columns.map((b, j) => (i === j ? (describeColumn(a.x, result.include).sd > 0 ? 1 : NaN) : corr(a.x, b.x, result.include))),
  );
  return { items: columns.map(({ kind: k, index }) => ({ kind: k, index })), values };
}

export type CoherenceFlag = "redundant" | "negative" | "lowAlpha" | "noAlpha";

export interface DimensionCoherence {
  readonly dimension: number;
  /** NaN where the dimension has fewer than 2 indicators read (or the input is sub-indices). */
  readonly alpha: number;
  readonly firstComponent: number;
  /** Pearson correlation of the sub-index with the total. */
  readonly withTotal: number;
  readonly effectiveWeight: number;
  readonly flags: readonly CoherenceFlag[];
  /** Indicator pairs correlated above {@link REDUNDANT}, with their correlation. */
  readonly redundantPairs: readonly [number, number, number][];
  /** Indicators negatively correlated with their own dimension. */
  readonly negative: readonly number[];
}

/** The coherence of each dimension the index weights. */
export function dimensionCoherence(result: IndexResult): DimensionCoherence[] {
  const scored = result.input.level === "indicator" ? scoredColumns(result) : null;
  const out: DimensionCoherence[] = [];
  for (const d of DIMENSIONS) {
    const dim = result.dimensions[d.index];
    if (!dim) continue;
    const members = scored ? d.indicators.filter((i) => scored[i] && result.weights.indicators[i] > 0) : [];
    const cols = members.map((i) => scored![i]!);
    const alpha = cronbachAlpha(cols, result.include);
    const pairs: [number, number, number][] = [];
    for (let a = 0; a < members.length; a++)
      for (let b = a + 1; b < members.length; b++) {
        const r = pearson(cols[a], cols[b], result.include);
        if (r > REDUNDANT) pairs.push([members[a], members[b], r]);
      }
    const negative = members.filter((i) => pearson(scored![i]!, dim, result.include) < 0);
    const flags: CoherenceFlag[] = [];
    if (pairs.length) flags.push("redundant");
    if (negative.length) flags.push("negative");
    if (alpha < LOW_ALPHA) flags.push("lowAlpha");
    const firstComponent = firstComponentShare(cols, result.include);
    // A blank statistic says why.
    if (Number.isNaN(alpha) || Number.isNaN(firstComponent)) flags.push("noAlpha");
    out.push({
      dimension: d.index,
      alpha,
      firstComponent,
      withTotal: pearson(dim, result.total, result.include),
      effectiveWeight: result.weights.dimensions[d.index],
      flags,
      redundantPairs: pairs,
      negative,
    });
  }
  return out;
}

/** The name of an audited item in one language. */
export function itemName(item: { kind: "indicator" | "dimension" | "total"; index: number }, lang: "zh" | "en", total: string): string {
  if (item.kind === "total") return total;
  return item.kind === "indicator" ? INDICATORS[item.index][lang] : DIMENSIONS[item.index][lang];
}

/** The whole audit of one table under one set of choices: the runs before and after treatment, and each part. */
export interface Audit {
  /** The run as the index uses it (imputed and treated as the options say). */
  readonly run: IndexRun;
  readonly result: IndexResult;
  readonly columns: ColumnAudit[];
  /** The statistics after treatment, when the options treat outliers. */
  readonly treated: ColumnAudit[] | null;
  readonly correlations: CorrelationMatrix;
  readonly coherence: DimensionCoherence[];
}

/**
 * Audits a table under the user's choices (weights, method, mapping, options: core/workflow.ts):
 * the statistics on the values as imputed (before treatment), after treatment when asked, the
 * correlations of the scores, and the dimensions' coherence.
 *
 * @example
 * runAudit(cells, { pipeline: readPipelineOptions("treat=winsorise") }).columns[0].flags // → ["outlier"]
 */
export function runAudit(cells: Cells, request: IndexRequest = {}, kind: CorrelationKind = "pearson"): Audit {
  const pipeline = request.pipeline ?? DEFAULT_PIPELINE;
  const run = runIndex(cells, request);
  const untreated = pipeline.treat === "none" ? run.result : runIndex(cells, { ...request, pipeline: { ...pipeline, treat: "none" } }).result;
  return {
    run,
    result: run.result,
    columns: columnAudits(untreated),
    treated: pipeline.treat === "none" ? null : columnAudits(run.result),
    correlations: correlationMatrix(run.result, kind, "indicator"),
    coherence: dimensionCoherence(run.result),
  };
}
