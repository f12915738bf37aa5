/**
 * The benchmark's measurements, as functions of their sizes so that a test can run them small.
 * Times are medians of several runs; nothing here asserts a time.
 *
 * 1. engine    LIVEINDEX + RANKDISTRICT through the built bundle's entry points, input as Excel passes it
 * 2. floor     the same arithmetic as one tight loop over typed arrays (what the machine can do), timed
 *              in turns with the engine on the same table: their ratio is the median of the pairs
 * 3. sheet     the spreadsheet way: per-row SUMPRODUCT and a COUNTIF rank in HyperFormula; RANK.EQ in LibreOffice
 * 4. office    context.sync() calls and the largest payload per sync to write a ranked sheet (in-memory Excel)
 * 5. bundles   production bundle sizes, minified and gzipped
 * 6. weights   the Monte Carlo robustness analysis (issue: 1,000 runs over 100 and 3,000 regions)
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { INDICATORS, DIMENSIONS, TOP100_DIMENSION_ORDER, dimensionIndex } from "../src/core/framework";
import { computeIndex } from "../src/core/pipeline";
import { getSensitivity } from "../src/core/sensitivity";
import { mulberry32 } from "../src/core/random";
import { readAssumptions } from "../src/core/assumptions";
import { finish, modelOfTable, startSobol } from "../src/core/uncertainty";
import { useFasterKernels } from "../src/core/batch-kernels";
import { installWasmKernels } from "../src/core/wasm-kernels";
import { REPORT_WEIGHT_TABLE, getEffectiveWeights } from "../src/core/weights";
import { applySheetPlan } from "../src/excel/apply-plan";
import { sampleTableCells } from "../src/plans/sample-sheet";
import { installFakeExcel } from "../test/fakes/fake-excel";
import { planOf, syntheticCells } from "../test/fakes/scenarios";
import type { ExcelRuntime } from "../test/helpers/excel-runtime";

export interface BenchRow {
  readonly group: string;
  readonly name: string;
  readonly size: number;
  /** Median milliseconds (NaN where the row is a count, not a time). */
  readonly ms: number;
  /** Nanoseconds per input value, where the input is a table. */
  readonly nsPerValue?: number;
  /** The engine's time over its floor's, each run timed beside a run of the floor: the median of the ratios. */
  readonly floorRatio?: number;
  readonly note?: string;
}

/** Median of a list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median time of `fn` over `runs` runs after `warmup` unmeasured ones. */
export function timeIt(fn: () => unknown, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/**
 * A table as a message from the host gives it: parsed from its JSON text. Built in place, its rows'
 * element kinds would depend on what the process ran before (V8's allocation-site feedback): after
 * the engine had run at smaller sizes, the rows of 10⁶ raw regions held boxed numbers (494 MB) in
 * place of unboxed doubles (209 MB), and the same case took 3.7 s in place of 1.6 s. Parsed, they
 * are the same every time.
 */
function asPassed(rows: unknown[][]): unknown[][] {
  return JSON.parse(JSON.stringify(rows)) as unknown[][];
}

/**
 * n regions × 19 raw indicators as Excel passes a range: rows of numbers under a header of ids, 1% of
 * them 0 (Excel desktop's blank) where more is better. No text cells: the floor reads numbers only.
 */
export function rawTable(n: number, seed = 1): unknown[][] {
  const rnd = mulberry32(seed);
  const out: unknown[][] = [INDICATORS.map((i) => i.id)];
  for (let r = 0; r < n; r++) {
    const row = new Array<unknown>(INDICATORS.length);
    // Zeros (1%) only where more is better: for a rate where less is better 0 means "missing" (the worst value), which the floor does not model.
    for (let c = 0; c < row.length; c++)
      row[c] = rnd() < 0.01 && INDICATORS[c].direction === 1 ? 0 : Math.round(rnd() * 1e6) / 100 + (INDICATORS[c].direction === 1 ? 0 : 0.01);
    out.push(row);
  }
  return asPassed(out);
}

/** n regions × the five sub-indices (Top-100 order, printed headers), two decimals. */
export function subIndexTable(n: number, seed = 2): unknown[][] {
  const rnd = mulberry32(seed);
  const out: unknown[][] = [TOP100_DIMENSION_ORDER.map((id) => DIMENSIONS[dimensionIndex(id)].zh)];
  for (let r = 0; r < n; r++) out.push([0, 1, 2, 3, 4].map(() => Math.round(rnd() * 10000) / 100));
  return asPassed(out);
}

/** Milliseconds of one call. */
function once(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * `runs` calls of `a` and of `b` in turns, which goes first alternating, so that both see the
 * same state of the machine (its speed moves from one minute to the next): their times, pair by pair.
 */
function inTurns(a: () => unknown, b: () => unknown, runs: number): [number[], number[]] {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      tb.push(once(b));
      ta.push(once(a));
    } else {
      ta.push(once(a));
      tb.push(once(b));
    }
  }
  return [ta, tb];
}

/**
 * 1 and 2. The engine through the custom functions, as Excel calls them, and its floor, on the same
 * table and in turns: each run of the engine is timed beside a run of the floor (which goes first
 * alternates), so that both see the same state of the machine, whose speed moves from one
 * minute to the next. The ratio is the median of the pairs' ratios. Each table is made in its own
 * call, so that one case's million-row table is not alive (and marked by every collection) while
 * the next is timed.
 */
export function benchEngine(rt: ExcelRuntime, sizes: readonly number[], runs: number): BenchRow[] {
  const liveIndex = rt.impl("LIVEINDEX");
  const rankDistrict = rt.impl("RANKDISTRICT");
  const rows: BenchRow[] = [];
  const effective = getEffectiveWeights(REPORT_WEIGHT_TABLE);
  const directions = INDICATORS.map((i) => i.direction);
  const subWeights = TOP100_DIMENSION_ORDER.map((id) => REPORT_WEIGHT_TABLE.dimensions[dimensionIndex(id)]);
  const measure = (n: number, raw: boolean) => {
    const cells = raw ? rawTable(n) : subIndexTable(n);
    const width = raw ? INDICATORS.length : subWeights.length;
    const cols = Array.from({ length: width }, (_, c) => Float64Array.from({ length: n }, (__, r) => Number(cells[r + 1][c])));
    const floor = raw ? () => floorIndexRank(cols, directions, effective) : () => floorSubIndexRank(cols, subWeights);
    const engine = () => rankDistrict(liveIndex(cells, null, null, null), null, null);
    engine();
    floor();
    const [e, f] = inTurns(engine, floor, runs);
    const ms = median(e);
    const floorMs = median(f);
    const nsPerValue = (m: number) => (m * 1e6) / (n * width);
    const name = raw ? "19 raw indicators" : "5 sub-indices";
    rows.push({
      group: "engine",
      name: `LIVEINDEX + RANKDISTRICT, ${name}`,
      size: n,
      ms,
      nsPerValue: nsPerValue(ms),
      floorRatio: median(e.map((t, k) => t / f[k])),
    });
    rows.push({
      group: "floor",
      name: raw ? "typed-array loop: scale, weight, rank" : "typed-array loop: 5 sub-indices, weight, rank",
      size: n,
      ms: floorMs,
      nsPerValue: nsPerValue(floorMs),
    });
  };
  for (const n of sizes) {
    measure(n, true);
    measure(n, false);
  }
  return rows;
}

/**
 * 2. The floor: min–max scaling, weighted sum and competition ranking of the same data as one
 * tight loop over typed arrays (column-major), with the ranking by a native numeric sort and a
 * binary search. No cell coercion, no result arrays: what the arithmetic alone costs.
 */
export function floorIndexRank(
  cols: readonly Float64Array[],
  directions: readonly number[],
  effective: Float64Array,
): { total: Float64Array; rank: Float64Array } {
  const n = cols[0].length;
  const total = new Float64Array(n);
  for (let c = 0; c < cols.length; c++) {
    const x = cols[c];
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < n; r++) {
      const v = x[r];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const k = max > min ? (100 * effective[c]) / (max - min) : 0;
    if (directions[c] > 0) for (let r = 0; r < n; r++) total[r] += (x[r] - min) * k;
    else for (let r = 0; r < n; r++) total[r] += (max - x[r]) * k;
  }
  return { total, rank: floorRanks(total) };
}

/** The floors' ranking: a native numeric sort, then for each total 1 + the number of strictly larger totals (a binary search). */
function floorRanks(total: Float64Array): Float64Array {
  const n = total.length;
  const sorted = Float64Array.from(total).sort();
  const rank = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    // n − (index past the last equal value).
    let lo = 0;
    let hi = n;
    const v = total[r];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    rank[r] = n - lo + 1;
  }
  return rank;
}

/**
 * 2b. The sub-index path's floor: the five sub-indices (the report's table shape) weighted and
 * ranked in one tight loop over typed arrays, as floorIndexRank without the scaling.
 */
export function floorSubIndexRank(cols: readonly Float64Array[], weights: readonly number[]): Float64Array {
  const n = cols[0].length;
  const total = new Float64Array(n);
  for (let c = 0; c < cols.length; c++) {
    const x = cols[c];
    const w = weights[c];
    for (let r = 0; r < n; r++) total[r] += w * x[r];
  }
  return floorRanks(total);
}

/** The check that the floor computes what the engine computes (same totals and ranks). */
export function floorAgreesWithEngine(n: number): boolean {
  const table = rawTable(n);
  const engine = computeIndex(table).total!;
  const cols = INDICATORS.map((_, c) => Float64Array.from({ length: n }, (__, r) => table[r + 1][c] as number));
  const floor = floorIndexRank(
    cols,
    INDICATORS.map((i) => i.direction),
    getEffectiveWeights(REPORT_WEIGHT_TABLE),
  );
  return engine.every((t, r) => Math.abs(t - floor.total[r]) < 1e-9);
}

/** The spreadsheet way as formulas: totals by SUMPRODUCT with a weights row, ranks by COUNTIF (HyperFormula) or RANK.EQ. */
export function spreadsheetFormulas(n: number, rankFormula: (row: number, n: number) => string): unknown[][] {
  const data = subIndexTable(n);
  const weights = TOP100_DIMENSION_ORDER.map((id) => REPORT_WEIGHT_TABLE.dimensions[dimensionIndex(id)]);
  const sheet: unknown[][] = [[...(data[0] as string[]), "总指数", "排名", ...weights]];
  for (let r = 1; r <= n; r++) {
    const row = r + 1;
    sheet.push([...(data[r] as number[]), `=SUMPRODUCT(A${row}:E${row},$H$1:$L$1)`, rankFormula(row, n)]);
  }
  return sheet;
}

/** 3a. HyperFormula evaluating the per-row formulas (build = parse + evaluate all). */
export function benchHyperFormula(sizes: readonly number[], runs: number): BenchRow[] {
  const { HyperFormula } = require("hyperformula") as typeof import("hyperformula");
  return sizes.map((n) => {
    const sheet = spreadsheetFormulas(n, (row, m) => `=COUNTIF($F$2:$F$${m + 1},">"&F${row})+1`);
    let check = NaN;
    const ms = timeIt(
      () => {
        const hf = HyperFormula.buildFromArray(sheet as never, { licenseKey: "gpl-v3" });
        check = hf.getCellValue({ sheet: 0, row: 1, col: 6 }) as number;
        hf.destroy();
      },
      n >= 5000 ? 1 : runs,
      0,
    );
    return { group: "sheet", name: "HyperFormula: SUMPRODUCT + COUNTIF rank per row", size: n, ms, note: Number.isFinite(check) ? undefined : "bad result" };
  });
}

/** Empty LibreOffice runs whose median is the start-up time. */
const STARTUP_RUNS = 5;

/** 3b. LibreOffice recalculating an .xlsx with per-row SUMPRODUCT and RANK.EQ (start-up time of a 1-row file subtracted). */
export async function benchLibreOffice(sizes: readonly number[]): Promise<BenchRow[]> {
  if (!hasCommand("soffice"))
    return [{ group: "sheet", name: "LibreOffice: SUMPRODUCT + RANK.EQ per row", size: 0, ms: NaN, note: "skipped: soffice not installed" }];

  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-lo-"));
  const profile = `file://${path.join(dir, "profile")}`;
  const convert = async (n: number): Promise<number> => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    for (const row of spreadsheetFormulas(n, (r, m) => `=_xlfn.RANK.EQ(F${r},$F$2:$F$${m + 1})`)) {
      ws.addRow(row.map((v) => (typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } : v)));
    }
    const file = path.join(dir, `bench-${n}.xlsx`);
    await wb.xlsx.writeFile(file);
    const t = performance.now();
    execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "csv", "--outdir", dir, file], {
      stdio: "ignore",
      timeout: 600_000,
    });
    return performance.now() - t;
  };
  await convert(1); // creates the profile
  // Start-up varies from run to run by more than a small table's work: its median over several empty runs.
  const startUps: number[] = [];
  for (let k = 0; k < STARTUP_RUNS; k++) startUps.push(await convert(1));
  const startUp = median(startUps);
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const total = await convert(n);
    const ms = total - startUp;
    rows.push({
      group: "sheet",
      name: "LibreOffice: SUMPRODUCT + RANK.EQ per row",
      size: n,
      // A run within the start-up's noise has no measurable work of its own: said so, not "0 ms".
      ms: ms > 0 ? ms : NaN,
      note: `total ${total.toFixed(0)} ms, start-up ${startUp.toFixed(0)} ms (median of ${STARTUP_RUNS} empty runs) subtracted${ms > 0 ? "" : ": within the start-up's noise"}`,
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

/** 4. Office.js cost of writing a ranked sheet, counted with the in-memory Excel. */
export async function benchSyncs(sizes: readonly number[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    for (const mode of ["values", "formulas"] as const) {
      // src/excel reads Excel's enums from the global, as in Office: install the stand-in there.
      const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据" }] });
      const plan = planOf(syntheticCells(n), mode);
      await Excel.run((ctx) => applySheetPlan(ctx, plan));
      rows.push({
        group: "office",
        name: `ranked sheet (${mode}): syncs / largest payload per sync`,
        size: n,
        ms: NaN,
        note: `${fake.stats.syncs} syncs, ${(fake.stats.maxPayloadBytes / 1e6).toFixed(2)} MB`,
      });
    }
  }
  return rows;
}

export interface BundleSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** 5. The production bundles (office.js is loaded from Microsoft's CDN and not part of them). */
export function bundleSizes(dist: string): BundleSize[] {
  return ["functions.js", "taskpane.js"].map((file) => {
    const buf = fs.readFileSync(path.join(dist, file));
    return { file, bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length };
  });
}

/** 6. Monte Carlo robustness: 1,000 runs over the report's 100 regions and over generated raw data. */
/** The Sobol case: five assumptions, N base samples (N × 7 runs) over raw indicators. */
export const SOBOL_ASSUMPTIONS = "weights=25%; weightset=given,entropy; scaling=minmax,rank; treat=none,winsorise; aggregate=mean,geometric";

export function benchSobol(regions: number, n: number, runs: number): BenchRow[] {
  const cells = rawTable(regions);
  const assumptions = readAssumptions(SOBOL_ASSUMPTIONS);
  const [wasm, js] = withEachKernels(() => finish(startSobol(modelOfTable(cells, {}, assumptions), n, 7)), Math.max(1, Math.min(runs, 3)));
  const name = `Sobol, 5 assumptions, N = ${n} (${(n * 7).toLocaleString("en-US")} runs), 19 raw indicators`;
  return [
    { group: "assumptions", name, size: regions, ms: wasm },
    { group: "assumptions", name: name + JS_KERNELS, size: regions, ms: js },
  ];
}

/**
 * An analysis timed with both kernels, in turns ({@link inTurns}): with the WebAssembly kernels, as
 * the pane's worker and the command line run it (the budgets), and with the JavaScript
 * kernels, as the custom functions do (core/batch-kernels.ts). The same numbers either way. The
 * medians, WebAssembly's first; no warm-up (the runs are long), so whichever ran first in a turn
 * carries the compiler's start.
 */
function withEachKernels(fn: () => unknown, runs: number): [number, number] {
  if (!installWasmKernels()) throw new Error("this Node runs no WebAssembly SIMD: the benchmark would time the JavaScript kernels twice");
  try {
    const withWasm = () => {
      installWasmKernels();
      return fn();
    };
    const withJs = () => {
      useFasterKernels(null);
      return fn();
    };
    const [wasm, js] = inTurns(withWasm, withJs, runs);
    return [median(wasm), median(js)];
  } finally {
    installWasmKernels();
  }
}

/** The suffix of a Monte Carlo row timed with the JavaScript kernels (the custom functions' path). */
export const JS_KERNELS = " (JavaScript kernels: the custom functions)";

export function benchSensitivity(sizes: readonly number[], runs: number): BenchRow[] {
  const out: BenchRow[] = [];
  const sample = computeIndex(sampleTableCells());
  out.push({
    group: "weights",
    name: "Monte Carlo, 1,000 runs, report's Top-100 (sub-indices)",
    size: 100,
    ms: timeIt(() => getSensitivity(sample, { runs: 1000 }), runs),
  });
  for (const n of sizes) {
    const result = computeIndex(rawTable(n));
    for (const mc of [1000, 10000]) {
      const [wasm, js] = withEachKernels(() => getSensitivity(result, { runs: mc }), Math.max(1, Math.min(runs, 3)));
      const name = `Monte Carlo, ${mc.toLocaleString("en-US")} runs, 19 raw indicators`;
      out.push({ group: "weights", name, size: n, ms: wasm }, { group: "weights", name: name + JS_KERNELS, size: n, ms: js });
    }
  }
  return out;
}

function hasCommand(cmd: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
