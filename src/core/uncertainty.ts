/**
 * Uncertainty and sensitivity analysis over the modelling choices (the JRC's audit practice, as
 * COINr's get_sensitivity does it): each run draws one combination of the uncertain assumptions
 * (core/assumptions.ts) — the weights' noise, the weight set, the scaling method, the outlier
 * treatment, the missing-data rule, the aggregation — recomputes the totals and ranks the regions.
 *
 * - Uncertainty: per region the nominal rank (RANKDISTRICT(LIVEINDEX(…)) with the report's method),
 *   the median rank, the 5th and 95th percentile ranks over the runs (PERCENTILE.INC) and the mean
 *   absolute shift from the nominal rank.
 * - Sensitivity: Saltelli's design over the assumptions (core/sobol.ts), the output of a run being
 *   the mean absolute rank shift from the nominal ranking over all regions (COINr's target);
 *   first- and total-order indices with bootstrap intervals. The A and B runs of the design are
 *   random combinations too: they give the rank intervals at no extra cost.
 *
 * Each run's numbers come from a seeded generator (mulberry32), so the same inputs and seed give
 * the same results anywhere. The scaled scores of each combination of scaling, treatment and
 * missing-data rule are computed once and kept; the weights and the aggregation are applied per run
 * with the kernels of aggregate.ts. The work is split into steps for progress and cancelling.
 */
import { UserError } from "./errors";
import { activeAssumptions, AssumptionKey, Assumptions, WeightSetName } from "./assumptions";
import { LinearScores, linearScores, totalsInto, totalsWork } from "./aggregate";
import { BATCH, BatchKernels, batchKernels, MAX_LINEAR_TERMS } from "./batch-kernels";
import { dataWeights } from "./data-weights";
import { DIMENSIONS, INDICATORS } from "./framework";
import { AggregateRule, MissingRule, TreatRule } from "./options";
import type { IndexResult } from "./pipeline";
import type { Cells } from "./dataset";
import { IndexRequest, IndexRun, runIndex } from "./workflow";
import { DEFAULT_PIPELINE } from "./options";
import { rankDistricts } from "./rank-districts";
import { DEFAULT_SCALING, ScalingMethodName } from "./scaling";
import { mulberry32 } from "./random";
import { saltelliDesign, SobolIndices, sobolIndices } from "./sobol";
import { normaliseWeights, REPORT_WEIGHT_TABLE, WeightTable } from "./weights";
import { percentText } from "./text";
import { ASSUMPTION_WORDS, Lang, UNCERTAINTY_TEXT, WORDS } from "../text";

/** Rows whose ranks RankCollector.result counts together, reading each run's ranks of them as one stretch. */
const ROW_BLOCK = 64;

/** LIVESOBOL's base samples when none are given: 500 × (d + 2) runs. */
export const DEFAULT_SOBOL_N = 500;

/** Uniform numbers the weights' noise takes per run: one per first-level weight, then one per indicator. */
const NOISE_COLUMNS = DIMENSIONS.length + INDICATORS.length;

/** The modelling choices a run makes. */
export interface Choice {
  readonly scaling: ScalingMethodName;
  readonly treat: TreatRule;
  readonly missing: MissingRule;
  readonly aggregate: AggregateRule;
}

/** What a combination of scaling, treatment and missing-data rule gives: computed by the caller (it knows the table). */
export type Recompute = (choice: Omit<Choice, "aggregate">) => IndexResult;

export interface UncertaintyResult {
  readonly runs: number;
  readonly seed: number;
  /** Per data row (NaN where the row has no nominal rank). */
  readonly nominal: Float64Array;
  readonly median: Float64Array;
  readonly p5: Float64Array;
  readonly p95: Float64Array;
  /** Mean over the runs of |rank − nominal rank|. */
  readonly meanShift: Float64Array;
  /** Per run: the mean absolute rank shift over the regions. */
  readonly shifts: Float64Array;
}

export interface SensitivityIndices extends SobolIndices {
  readonly assumptions: readonly AssumptionKey[];
  /** Base samples N: the design made N · (d + 2) runs. */
  readonly n: number;
}

/** An analysis in progress: call `step` until `done`, then read the result. */
export interface AnalysisRun<T> {
  readonly total: number;
  readonly completed: number;
  readonly done: boolean;
  step(count: number): number;
  result(): T;
}

/**
 * The model: one run from a vector of uniform numbers, its columns per active assumption in the
 * order of {@link activeAssumptions} (24 for the weights' noise, 1 for each discrete choice).
 */
export class UncertaintyModel {
  readonly factors: readonly AssumptionKey[];
  readonly columns: readonly number[];
  readonly nominalRanks: Float64Array;
  readonly rescale: boolean;
  private readonly results = new Map<string, IndexResult>();
  private readonly forms = new Map<IndexResult, LinearScores | null>();
  private readonly weightSets: readonly WeightTable[];
  private readonly work;
  /** The batch's totals and rankings (core/batch-kernels.ts: WebAssembly where the host has it). */
  private readonly kernels: BatchKernels;
  /** A batch's weights, run by run (five first-level weights, then nineteen indicator weights each). */
  private readonly dimW = new Float64Array(BATCH * DIMENSIONS.length);
  private readonly indW = new Float64Array(BATCH * INDICATORS.length);
  private readonly givenD = new Float64Array(DIMENSIONS.length);
  private readonly givenI = new Float64Array(INDICATORS.length);
  /** The weights of one group of runs on the batched kernel. */
  private readonly groupD = new Float64Array(BATCH * DIMENSIONS.length);
  private readonly groupI = new Float64Array(BATCH * INDICATORS.length);
  /** Rows with a nominal rank. */
  readonly rows: Int32Array;

  /** The choices of the nominal run, kept in every run for the assumptions not varied. */
  readonly base: Choice;

  /**
   * `nominal` is the index as the user computes it (the given weights, scaling and options: the
   * choices kept for the assumptions not varied, `base`); `recompute` gives another combination's
   * scores (only called when scaling, treat or missing vary).
   */
  constructor(
    readonly nominal: IndexResult,
    readonly assumptions: Assumptions,
    private readonly recompute: Recompute | null,
    base: Partial<Choice> = {},
    /** The workbook's weight tables a weight set may name (`table:<name>`). */
    tables: ReadonlyMap<string, WeightTable> = new Map(),
    /** false: the JavaScript kernels even where WebAssembly runs (the same numbers; for tests and the benchmark). */
    wasm = true,
  ) {
    this.base = {
      scaling: DEFAULT_SCALING,
      treat: nominal.preparation.options.treat,
      missing: nominal.preparation.options.missing,
      aggregate: nominal.aggregate,
      ...base,
    };
    this.rescale = nominal.rescale;
    this.factors = activeAssumptions(assumptions);
    // z-scores can be negative, which has no geometric mean: a run that drew both would fail half-way.
    const scalings = assumptions.scaling ?? [this.base.scaling];
    const aggregates = assumptions.aggregate ?? [this.base.aggregate];
    if (nominal.input.level === "indicator" && scalings.includes("zscore") && aggregates.includes("geometric"))
      throw new UserError("ASSUMPTIONS_ZSCORE_GEOMETRIC");
    this.columns = this.factors.map((k) => (k === "weights" ? NOISE_COLUMNS : 1));
    this.weightSets = (assumptions.weightSet ?? ["given"]).map((w) => weightSet(w, nominal, tables));
    const n = nominal.include.length;
    this.work = totalsWork(n);
    this.kernels = batchKernels(n, wasm);
    this.nominalRanks = rankDistricts(nominal.total);
    const rows: number[] = [];
    for (let r = 0; r < n; r++) if (this.nominalRanks[r] === this.nominalRanks[r]) rows.push(r);
    this.rows = Int32Array.from(rows);
    this.results.set(key(this.base.scaling, this.base.treat, this.base.missing), nominal);
  }

  /** The number of uniform numbers a run takes. */
  get width(): number {
    return this.columns.reduce((a, b) => a + b, 0);
  }

  /**
   * A batch of runs, `count` ≤ {@link BATCH} of them, run k's uniform numbers at u[k·width …]: for
   * each run in order, `each(ranks, k)` with the ranks of every row (reused between calls: copy
   * what must be kept; {@link shift} gives the run's output). The runs of a batch that share their
   * scores and their aggregation (the weighted mean; the geometric mean of raw indicators) have
   * their totals computed together (aggregate.ts linearTotalsInto); the others one by one.
   */
  evaluate(u: ArrayLike<number>, count: number, each: (ranks: Float64Array, k: number) => void): void {
    const n = this.nominalRanks.length;
    const width = this.width;
    const kernels = this.kernels;
    // Runs grouped by their scores, under each aggregation the batched kernel takes.
    const groups = { mean: new Map<LinearScores, number[]>(), geometric: new Map<LinearScores, number[]>() };
    for (let k = 0; k < count; k++) {
      const { result, aggregate } = this.choose(u, k * width, k);
      const batched = aggregate === "mean" || aggregate === "geometric" ? aggregate : null;
      const form = batched ? this.formOf(result) : null;
      if (batched && form && (batched === "mean" || form.kind === "indicator")) {
        const group = groups[batched];
        const runs = group.get(form);
        if (runs) runs.push(k);
        else group.set(form, [k]);
      } else {
        const { dimW, indW } = this.weightsOf(k);
        kernels.totals.set(totalsInto(result.scores, dimW, indW, this.rescale, aggregate, this.work), k * n);
      }
    }
    for (const rule of ["mean", "geometric"] as const) {
      const geometric = rule === "geometric";
      for (const [form, runs] of groups[rule]) {
        if (runs.length === count) {
          // Every run of the batch on the same scores (the weights-only analysis, for one): straight into the totals.
          kernels.linear(form, this.dimW, this.indW, count, "totals", geometric);
          continue;
        }
        runs.forEach((k, j) => {
          const { dimW, indW } = this.weightsOf(k);
          this.groupD.set(dimW, j * DIMENSIONS.length);
          this.groupI.set(indW, j * INDICATORS.length);
        });
        kernels.linear(form, this.groupD, this.groupI, runs.length, "group", geometric);
        const { totals, group } = kernels;
        runs.forEach((k, j) => totals.set(group.subarray(j * n, (j + 1) * n), k * n));
      }
    }
    const totals = kernels.totals;
    for (let k = 0; k < count; k++) each(kernels.rank(totals.subarray(k * n, (k + 1) * n)), k);
  }

  /**
   * A run's output: the mean absolute shift of its ranks from the nominal ranks, over the rows
   * ranked in both. With `into`, also each row's rank at into[at + j] (row j of {@link rows}; 0
   * where the run could not rank it), in the same pass (RankCollector).
   */
  shift(ranks: Float64Array, into?: Uint16Array | Uint32Array, at = 0): number {
    const { rows, nominalRanks } = this;
    let sum = 0;
    let counted = 0;
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j];
      const x = ranks[r];
      if (x === x) {
        sum += Math.abs(x - nominalRanks[r]);
        counted++;
      }
      if (into) into[at + j] = x === x ? x : 0;
    }
    return counted ? sum / counted : 0;
  }

  /** Run k of a batch: its choices from u[at …], its weights into the batch's slot k; the scores they give. */
  private choose(u: ArrayLike<number>, at: number, k: number): { result: IndexResult; aggregate: AggregateRule } {
    const a = this.assumptions;
    let noiseAt = -1;
    let weights = this.weightSets[0];
    let { scaling, treat, missing, aggregate } = this.base;
    for (const f of this.factors) {
      if (f === "weights") {
        noiseAt = at;
        at += NOISE_COLUMNS;
        continue;
      }
      const pick = <T>(list: readonly T[]) => list[Math.min(list.length - 1, Math.floor(u[at] * list.length))];
      if (f === "weightSet") weights = pick(this.weightSets);
      else if (f === "scaling") scaling = pick(a.scaling!);
      else if (f === "treat") treat = pick(a.treat!);
      else if (f === "missing") missing = pick(a.missing!);
      else aggregate = pick(a.aggregate!);
      at++;
    }
    const { dimW, indW } = this.weightsOf(k);
    if (noiseAt >= 0) {
      // As LIVESENSITIVITY perturbs: each first-level weight, then each indicator's in framework order, × (1 + p·(2u − 1)).
      const p = a.weights;
      let j = noiseAt;
      for (let d = 0; d < DIMENSIONS.length; d++) this.givenD[d] = weights.givenDimensions[d] * (1 + p * (2 * u[j++] - 1));
      for (const d of DIMENSIONS) for (const i of d.indicators) this.givenI[i] = weights.givenIndicators[i] * (1 + p * (2 * u[j++] - 1));
      normaliseWeights(this.givenD, this.givenI, dimW, indW);
    } else {
      dimW.set(weights.dimensions);
      indW.set(weights.indicators);
    }
    return { result: this.resultFor(scaling, treat, missing), aggregate };
  }

  /** Run k's slot of the batch's weights: its first-level weights and its indicator weights. */
  private weightsOf(k: number): { dimW: Float64Array; indW: Float64Array } {
    return {
      dimW: this.dimW.subarray(k * DIMENSIONS.length, (k + 1) * DIMENSIONS.length),
      indW: this.indW.subarray(k * INDICATORS.length, (k + 1) * INDICATORS.length),
    };
  }

  /** The scores of a result laid out for the batched kernel, once per result (null: not suited, or too large to copy). */
  private formOf(result: IndexResult): LinearScores | null {
    let form = this.forms.get(result);
    if (form === undefined) {
      form = result.include.length * INDICATORS.length <= MAX_LINEAR_TERMS ? linearScores(result.scores, this.rescale) : null;
      this.forms.set(result, form);
    }
    return form;
  }

  private resultFor(scaling: ScalingMethodName, treat: TreatRule, missing: MissingRule): IndexResult {
    const k = key(scaling, treat, missing);
    let r = this.results.get(k);
    if (!r) {
      r = this.recompute ? this.recompute({ scaling, treat, missing }) : this.nominal;
      this.results.set(k, r);
    }
    return r;
  }
}

/**
 * The model of a table as the user computes it (`request`: weights, scaling, options, mapping):
 * the nominal run, and every other combination of scaling, treatment and missing-data rule
 * computed from the same cells when a run first asks for it.
 *
 * @example
 * const model = modelOfTable(cells, {}, readAssumptions("weights=25%; scaling=minmax,rank"));
 */
export function modelOfTable(
  cells: Cells,
  request: IndexRequest,
  assumptions: Assumptions,
  tables: ReadonlyMap<string, WeightTable> = new Map(),
  /** The nominal run when the caller has it already (it names the regions too): computed once. */
  nominal: IndexRun = runIndex(cells, request),
  /** false: the JavaScript kernels even where WebAssembly runs (UncertaintyModel). */
  wasm = true,
): UncertaintyModel {
  const pipeline = request.pipeline ?? DEFAULT_PIPELINE;
  const recompute: Recompute = (c) => runIndex(cells, { ...request, method: c.scaling, pipeline: { ...pipeline, treat: c.treat, missing: c.missing } }).result;
  return new UncertaintyModel(nominal.result, assumptions, recompute, { scaling: nominal.method?.name ?? DEFAULT_SCALING }, tables, wasm);
}

/**
 * Plain Monte Carlo over the assumptions: `runs` random combinations from `seed`.
 *
 * @example
 * const run = startUncertainty(model, 1000, 7);
 * while (!run.done) run.step(100);
 * run.result().p95 // → the 95th percentile rank of each row
 */
export function startUncertainty(model: UncertaintyModel, runs: number, seed: number): AnalysisRun<UncertaintyResult> {
  const random = mulberry32(seed);
  const u = new Float64Array(BATCH * model.width);
  const collect = new RankCollector(model, runs);
  let completed = 0;
  return {
    total: runs,
    get completed() {
      return completed;
    },
    get done() {
      return completed >= runs;
    },
    step(count) {
      const end = Math.min(runs, completed + Math.max(1, Math.floor(count)));
      while (completed < end) {
        const count = Math.min(BATCH, end - completed);
        for (let c = 0; c < count * model.width; c++) u[c] = random();
        model.evaluate(u, count, (ranks) => collect.add(ranks));
        completed += count;
      }
      return completed;
    },
    result() {
      if (completed < runs) throw new Error("the analysis has not finished");
      return collect.result(seed);
    },
  };
}

/**
 * Sensitivity analysis: Saltelli's design with `n` base samples, N · (d + 2) runs; the A and B
 * runs also give the rank intervals (2N random combinations).
 */
export function startSobol(model: UncertaintyModel, n: number, seed: number): AnalysisRun<{ indices: SensitivityIndices; uncertainty: UncertaintyResult }> {
  const design = saltelliDesign(n, model.columns, seed);
  const blocks = design.blocks;
  const total = n * blocks;
  const u = new Float64Array(BATCH * model.width);
  const y = Array.from({ length: blocks }, () => new Float64Array(n));
  const collect = new RankCollector(model, 2 * n);
  let completed = 0;
  return {
    total,
    get completed() {
      return completed;
    },
    get done() {
      return completed >= total;
    },
    step(count) {
      const end = Math.min(total, completed + Math.max(1, Math.floor(count)));
      while (completed < end) {
        // Block by block: A, B, then each A_B⁽ⁱ⁾; a batch stays within one block.
        const block = Math.floor(completed / n);
        const first = completed % n;
        const count = Math.min(BATCH, end - completed, n - first);
        for (let k = 0; k < count; k++) u.set(design.sample(block, first + k), k * model.width);
        model.evaluate(u, count, (ranks, k) => {
          y[block][first + k] = block < 2 ? collect.add(ranks) : model.shift(ranks);
        });
        completed += count;
      }
      return completed;
    },
    result() {
      if (completed < total) throw new Error("the analysis has not finished");
      const s = sobolIndices(y[0], y[1], y.slice(2), seed);
      return { indices: { ...s, assumptions: model.factors, n }, uncertainty: collect.result(seed) };
    },
  };
}

/** Runs a whole analysis at once (formulas, the command line, tests). */
export function finish<T>(run: AnalysisRun<T>): T {
  run.step(run.total);
  return run.result();
}

// ---- helpers ---------------------------------------------------------------------------------

/**
 * Each run's ranks of the rows with a nominal rank, kept run by run (written as the run's shift is
 * computed, in one pass, each run's ranks one stretch of memory), and the per-run shifts; at the
 * end, each row's ranks counted to give its percentiles.
 */
class RankCollector {
  private readonly rows: Int32Array;
  /** Run t's rank of row j at [t·m + j]; 0: not ranked in that run. */
  private readonly ranks: Uint16Array | Uint32Array;
  private readonly shifts: Float64Array;
  private count = 0;

  constructor(
    private readonly model: UncertaintyModel,
    runs: number,
  ) {
    this.rows = model.rows;
    const m = this.rows.length;
    // Ranks are 1 … m (0: not ranked in that run): two bytes each while m fits.
    const Ranks = m < 65536 ? Uint16Array : Uint32Array;
    this.ranks = new Ranks(m * runs);
    this.shifts = new Float64Array(runs);
  }

  /** A run's ranks kept; its shift, returned. */
  add(ranks: Float64Array): number {
    const shift = this.model.shift(ranks, this.ranks, this.count * this.rows.length);
    this.shifts[this.count++] = shift;
    return shift;
  }

  /**
   * Per row the percentiles of its ranks (PERCENTILE.INC) and its mean shift, from a count of its
   * ranks (ranks are whole numbers from 1 to m, so a count per rank sorts them in O(runs + m)).
   * The rows are counted {@link ROW_BLOCK} at a time, so that each run's ranks of them are read as
   * one stretch rather than one entry per row far apart.
   */
  result(seed: number): UncertaintyResult {
    const n = this.model.nominalRanks.length;
    const m = this.rows.length;
    const runs = this.count;
    const median = new Float64Array(n).fill(NaN);
    const p5 = new Float64Array(n).fill(NaN);
    const p95 = new Float64Array(n).fill(NaN);
    const meanShift = new Float64Array(n).fill(NaN);
    const stride = m + 1;
    const block = Math.max(1, Math.min(m, ROW_BLOCK));
    // Row b of a block: its count of rank x at counts[b·stride + x] (x = 0: the runs that did not rank it).
    const counts = new Uint32Array(block * stride);
    const lo = new Int32Array(block);
    const hi = new Int32Array(block);
    const ranks = this.ranks;
    for (let first = 0; first < m; first += block) {
      const width = Math.min(block, m - first);
      lo.fill(stride);
      hi.fill(0);
      for (let t = 0; t < runs; t++) {
        const at = t * m + first;
        for (let b = 0; b < width; b++) {
          const x = ranks[at + b];
          counts[b * stride + x]++;
          if (x < lo[b]) lo[b] = x;
          if (x > hi[b]) hi[b] = x;
        }
      }
      for (let b = 0; b < width; b++) {
        const r = this.rows[first + b];
        const row = counts.subarray(b * stride, (b + 1) * stride);
        const c = runs - row[0];
        const from = Math.max(1, lo[b]);
        if (c > 0) {
          median[r] = countedPercentile(row, from, hi[b], c, 0.5);
          p5[r] = countedPercentile(row, from, hi[b], c, 0.05);
          p95[r] = countedPercentile(row, from, hi[b], c, 0.95);
          const nominal = this.model.nominalRanks[r];
          let shift = 0;
          for (let x = from; x <= hi[b]; x++) shift += row[x] * Math.abs(x - nominal);
          meanShift[r] = shift / c;
        }
        row.fill(0, 0, hi[b] + 1);
      }
    }
    return { runs, seed, nominal: Float64Array.from(this.model.nominalRanks), median, p5, p95, meanShift, shifts: this.shifts.slice(0, runs) };
  }
}

/** PERCENTILE.INC of c whole numbers given by their counts in [lo, hi]: the order statistics around p·(c − 1), interpolated. */
function countedPercentile(counts: Uint32Array, lo: number, hi: number, c: number, p: number): number {
  const h = p * (c - 1);
  const below = Math.floor(h);
  const at = (position: number) => {
    let seen = 0;
    for (let x = lo; x <= hi; x++) {
      seen += counts[x];
      if (seen > position) return x;
    }
    return hi;
  };
  const a = at(below);
  const b = below + 1 < c ? at(below + 1) : a;
  return a + (h - below) * (b - a);
}

function key(scaling: string, treat: string, missing: string): string {
  return `${scaling}|${treat}|${missing}`;
}

/** A weight set's table: the report's, the given (the nominal's), a workbook table, or one computed from the nominal data. */
function weightSet(name: WeightSetName, nominal: IndexResult, tables: ReadonlyMap<string, WeightTable>): WeightTable {
  if (name === "report") return REPORT_WEIGHT_TABLE;
  if (name === "given") return nominal.weights;
  if (name.startsWith("table:")) {
    const t = tables.get(name.slice("table:".length));
    if (!t) throw new UserError("BAD_OPTION", { name: ASSUMPTION_WORDS.weightSet, value: `"${name}"`, options: [...tables.keys()].join(", ") || "—" });
    return t;
  }
  return dataWeights(nominal, name as Exclude<WeightSetName, "report" | "given" | `table:${string}`>, "indicator").table;
}

/**
 * The indices in plain words, largest total effect first: "the scaling method explains 62% alone
 * (70% with its interactions); …", then the assumptions that change no rank.
 *
 * @example
 * sobolReading(indices, "en") // → "Of the variance of the mean rank shift, the scaling method explains 62% alone (70% with its interactions); …"
 */
export function sobolReading(s: SensitivityIndices, lang: Lang): string {
  const t = UNCERTAINTY_TEXT[lang];
  if (!(s.variance > 0)) return t.noVariance;
  const order = s.assumptions.map((a, i) => ({ a, i })).sort((x, y) => s.total[y.i] - s.total[x.i]);
  // Shares of a variance lie in [0, 1]; the estimates can stray outside at small N, said in the caveat below.
  const pct = (x: number) => percentText(Math.min(1, Math.max(0, x)), 0);
  const moving = order.filter(({ i }) => s.total[i] > 0);
  const still = order.filter(({ i }) => !(s.total[i] > 0)).map(({ a }) => t.assumption[a]);
  const parts = moving.map(({ a, i }) => t.part(t.assumption[a], pct(s.first[i]), pct(s.total[i])));
  if (still.length) parts.push(t.none(still.join(WORDS.listSeparator[lang]), still.length));
  return t.reading(parts) + (sobolUnsettled(s) ? t.unsettled(s.n) : "");
}

/** LIVESOBOL's table: a header, then per assumption Sᵢ, S_Tᵢ and their 90% intervals (the same order on the sheet and in the terminal). */
export function sobolRows(s: SensitivityIndices, lang: Lang): (string | number)[][] {
  const t = UNCERTAINTY_TEXT[lang];
  const num = (x: number) => (Number.isFinite(x) ? x : "");
  return [
    [...t.sobolHeader],
    ...s.assumptions.map((a, i) => [
      t.assumption[a],
      num(s.first[i]),
      num(s.total[i]),
      num(s.firstLow[i]),
      num(s.firstHigh[i]),
      num(s.totalLow[i]),
      num(s.totalHigh[i]),
    ]),
  ];
}

/**
 * Whether the estimates show their sampling error: an index outside [0, 1] by more than 0.05, or
 * a first-order index above its total by as much (impossible for the true indices). More base
 * samples N settle them.
 */
export function sobolUnsettled(s: SensitivityIndices): boolean {
  const off = (x: number) => x < -0.05 || x > 1.05;
  return s.assumptions.some((_, i) => off(s.first[i]) || off(s.total[i]) || s.first[i] > s.total[i] + 0.05);
}
