/**
 * The Monte Carlo's kernels in WebAssembly (wasm/kernels.wat, compiled to wasm/kernels-bytes.ts by
 * `npm run build:wasm`): the batched totals with 128-bit SIMD, two runs per vector, and the
 * ranking's bucket sort without the bounds checks of typed arrays, about 4× and 2× faster than
 * their JavaScript twins on the benchmark's 3,000 regions, with the same numbers bit for bit
 * (test/core/batch-kernels.test.ts). Where WebAssembly or its SIMD is missing (Safari before 16.4,
 * Office's Internet Explorer and EdgeHTML webviews), for tables too large for the batched kernel,
 * and for the few rankings the kernel hands back (a bucket of more than 16 rows: clustered
 * scores), the JavaScript kernels run.
 *
 * The module is compiled synchronously, once. It is 1.8 KB, under the 4 KB that Chrome allowed
 * `new WebAssembly.Module` on a page's main thread before version 114 (blink-dev, "Intent to Ship:
 * Deprecate module size limit for WebAssembly.Module()", 2023): it loads on any thread.
 */
import { BATCH, BatchKernels, MAX_LINEAR_TERMS, useFasterKernels } from "./batch-kernels";
import { LinearScores, linearTotalsInto } from "./aggregate";
import { DIMENSIONS, INDICATORS } from "./framework";
import { rankDescInto, RankWork, rankWork } from "./rank-districts";
import { KERNELS_WASM } from "./wasm/kernels-bytes";

/** Makes the Monte Carlo use the WebAssembly kernels where the host runs them; false when it does not. */
export function installWasmKernels(): boolean {
  const module = kernelsModule();
  useFasterKernels(
    module &&
      ((rows) => {
        if (rows * INDICATORS.length > MAX_LINEAR_TERMS) return null;
        try {
          return new WasmKernels(module, rows);
        } catch {
          // Memory the host would not give: the JavaScript kernels compute the same numbers.
          return null;
        }
      }),
  );
  return module !== null;
}

/** Whether this host runs the WebAssembly kernels (SIMD included). */
export function hasWasmKernels(): boolean {
  return kernelsModule() !== null;
}

const PAGE = 65536;
const D = DIMENSIONS.length;
const I = INDICATORS.length;

interface KernelExports {
  readonly memory: WebAssembly.Memory;
  totals19(matrix: number, rows: number, coefficients: number, dimensionWeights: number, runs: number, out: number): void;
  totals5(matrix: number, rows: number, dimensionWeights: number, runs: number, out: number): void;
  rank(
    scores: number,
    n: number,
    values: number,
    rowsAt: number,
    buckets: number,
    order: number,
    sorted: number,
    counts: number,
    out: number,
    maxBuckets: number,
  ): number;
}

/**
 * The WebAssembly kernels over one memory: the batch's totals and group, the weights in pairs of
 * runs, the ranking's work, a copy of each table of scores met (placed on first use, the memory
 * growing), and a scratch copy for scores from outside the memory. Views are remade when the
 * memory grows (growing detaches the old buffer).
 */
class WasmKernels implements BatchKernels {
  readonly kind = "wasm";
  private readonly exports: KernelExports;
  private readonly rows: number;
  private readonly maxBuckets: number;
  private readonly at: Record<
    "totals" | "group" | "pairs" | "dimPairs" | "values" | "sorted" | "out" | "scratch" | "rowsAt" | "buckets" | "order" | "counts",
    number
  >;
  private readonly forms = new Map<LinearScores, number>();
  private readonly coefficients = new Float64Array(BATCH * INDICATORS.length);
  private end: number;
  private buffer: ArrayBuffer | null = null;
  private views!: { totals: Float64Array; group: Float64Array; pairs: Float64Array; dimPairs: Float64Array; out: Float64Array; scratch: Float64Array };
  /** For the rankings handed back (a bucket of more than 16 rows). */
  private readonly fallback: RankWork;

  constructor(module: WebAssembly.Module, rows: number) {
    this.exports = new WebAssembly.Instance(module).exports as unknown as KernelExports;
    this.rows = rows;
    this.fallback = rankWork(rows);
    // Four buckets a row (kernels.wat explains why), at most 2¹⁸.
    this.maxBuckets = Math.min(1 << 18, 4 * 2 ** Math.floor(Math.log2(Math.max(1, rows))));
    const f64 = rows * 8;
    const i32 = rows * 4;
    let end = 0;
    const take = (bytes: number) => {
      const start = end;
      end = Math.ceil((end + bytes) / 16) * 16;
      return start;
    };
    this.at = {
      totals: take(BATCH * f64),
      group: take(BATCH * f64),
      pairs: take((BATCH / 2) * I * 16),
      dimPairs: take((BATCH / 2) * D * 16),
      values: take(f64),
      sorted: take(f64),
      out: take(f64),
      scratch: take(f64),
      rowsAt: take(i32),
      buckets: take(i32),
      order: take(i32),
      counts: take((this.maxBuckets + 1) * 4),
    };
    this.end = end;
    this.reserve(end);
  }

  get totals(): Float64Array {
    return this.view().totals;
  }

  get group(): Float64Array {
    return this.view().group;
  }

  linear(form: LinearScores, dimensionWeights: Float64Array, indicatorWeights: Float64Array, runs: number, into: "totals" | "group", geometric = false): void {
    // WebAssembly has no logarithm of its own: the geometric mean stays with JavaScript's Math.log and Math.exp.
    if (geometric) return linearTotalsInto(form, dimensionWeights, indicatorWeights, runs, this.view()[into], this.coefficients, true);
    let matrix: number;
    try {
      matrix = this.place(form);
    } catch {
      // No memory for this table's copy (the host's limit): the JavaScript kernel, the same totals.
      return linearTotalsInto(form, dimensionWeights, indicatorWeights, runs, this.view()[into], this.coefficients);
    }
    const { pairs, dimPairs } = this.view();
    // Pair p holds runs 2p and 2p + 1 side by side: [w(2p), w(2p + 1)] per weight.
    for (let k = 0; k < runs; k++) {
      const base = (k >> 1) * 2;
      const lane = k & 1;
      for (let d = 0; d < D; d++) dimPairs[base * D + 2 * d + lane] = dimensionWeights[k * D + d];
      // Each indicator's weight × its factor, as linearTotalsInto forms its coefficients.
      if (form.kind === "indicator") for (let i = 0; i < I; i++) pairs[base * I + 2 * i + lane] = indicatorWeights[k * I + i] * form.factors[i];
    }
    const out = this.at[into];
    if (form.kind === "dimension") this.exports.totals5(matrix, form.rows, this.at.dimPairs, runs, out);
    else this.exports.totals19(matrix, form.rows, this.at.pairs, this.at.dimPairs, runs, out);
    const totals = this.view()[into];
    const n = form.rows;
    const include = form.include;
    for (let r = 0; r < n; r++) if (!include[r]) for (let k = 0; k < runs; k++) totals[k * n + r] = NaN;
  }

  rank(scores: Float64Array): Float64Array {
    const v = this.view();
    let at = scores.byteOffset;
    if (scores.buffer !== this.buffer) {
      v.scratch.set(scores);
      at = this.at.scratch;
    }
    const a = this.at;
    const m = this.exports.rank(at, scores.length, a.values, a.rowsAt, a.buckets, a.order, a.sorted, a.counts, a.out, this.maxBuckets);
    return m < 0 ? rankDescInto(scores, this.fallback) : v.out.subarray(0, scores.length);
  }

  /** The form's matrix in the memory (copied on first use): its byte offset. */
  private place(form: LinearScores): number {
    let at = this.forms.get(form);
    if (at === undefined) {
      at = this.end;
      const end = at + Math.ceil(form.matrix.byteLength / 16) * 16;
      this.reserve(end);
      this.end = end;
      new Float64Array(this.exports.memory.buffer, at, form.matrix.length).set(form.matrix);
      this.forms.set(form, at);
    }
    return at;
  }

  /** Grows the memory to hold `bytes` (throws a RangeError when the host will not). */
  private reserve(bytes: number): void {
    const memory = this.exports.memory;
    const pages = Math.ceil(bytes / PAGE) - memory.buffer.byteLength / PAGE;
    if (pages > 0) memory.grow(pages);
  }

  private view(): WasmKernels["views"] {
    const buffer = this.exports.memory.buffer;
    if (buffer !== this.buffer) {
      const f64 = (at: number, length: number) => new Float64Array(buffer, at, length);
      const a = this.at;
      this.views = {
        totals: f64(a.totals, BATCH * this.rows),
        group: f64(a.group, BATCH * this.rows),
        pairs: f64(a.pairs, (BATCH / 2) * I * 2),
        dimPairs: f64(a.dimPairs, (BATCH / 2) * D * 2),
        out: f64(a.out, this.rows),
        scratch: f64(a.scratch, this.rows),
      };
      this.buffer = buffer;
    }
    return this.views;
  }
}

/** undefined: not tried yet; null: the host has no WebAssembly, or not its SIMD. */
let compiled: WebAssembly.Module | null | undefined;

function kernelsModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled = null;
    try {
      if (typeof WebAssembly === "object" && typeof atob === "function") {
        const bytes = Uint8Array.from(atob(KERNELS_WASM), (c) => c.charCodeAt(0));
        // validate() is false where an engine lacks an instruction the module uses (SIMD, for one).
        if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
      }
    } catch {
      compiled = null;
    }
  }
  return compiled;
}
