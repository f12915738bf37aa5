/**
 * The Monte Carlo's WebAssembly kernels (src/core/wasm/kernels.wat) against their JavaScript twins
 * and an O(n²) ranking written out here: the same totals and ranks bit for bit, on scores shaped to
 * reach every branch (ties, -0, NaN, infinities, clustered scores handed back to JavaScript,
 * excluded rows, odd run counts); whole analyses identical with either; and the committed bytes
 * compiled from the committed .wat.
 */
import * as fc from "fast-check";
import { LinearScores } from "../../src/core/aggregate";
import { readAssumptions } from "../../src/core/assumptions";
import { BATCH, batchKernels } from "../../src/core/batch-kernels";
import { computeIndex } from "../../src/core/pipeline";
import { finish, modelOfTable, startSobol, startUncertainty, UncertaintyModel } from "../../src/core/uncertainty";
import { NO_ASSUMPTIONS } from "../../src/core/assumptions";
import { hasWasmKernels, installWasmKernels } from "../../src/core/wasm-kernels";
import { KERNELS_WASM } from "../../src/core/wasm/kernels-bytes";
import { prng, rawIndicatorCells } from "../helpers/fixtures";

installWasmKernels();

const { compileKernels, source } = require("../../scripts/build-wasm.js") as {
  compileKernels(): Promise<Buffer>;
  source(base64: string, bytes: number): string;
};

/** Competition ranks, largest first: 1 + the number of strictly larger scores (-0 and 0 tie); NaN stays NaN. */
function rankEq(xs: ArrayLike<number>): number[] {
  const v = Array.from(xs);
  return v.map((x) => (x !== x ? NaN : 1 + v.filter((y) => y === y && y > x).length));
}

/** Totals as linearTotalsInto documents them, written out: Σ_d W_d · (Σ_{i∈d} w_i · f_i · t_i), left to right. */
const SHAPE = [
  [0, 1, 2, 3],
  [4, 5, 6, 7, 8, 9],
  [10, 11, 12],
  [13, 14, 15, 16],
  [17, 18],
];

function randomForm(rows: number, kind: "indicator" | "dimension", rnd: () => number): LinearScores {
  const c = kind === "indicator" ? 19 : 5;
  const include = Uint8Array.from({ length: rows }, () => (rnd() < 0.1 ? 0 : 1));
  const matrix = Float64Array.from({ length: rows * c }, () => {
    const u = rnd();
    return u < 0.05 ? 0 : u < 0.08 ? -0 : (rnd() - 0.3) * 10 ** Math.floor(rnd() * 6);
  });
  const factors = Float64Array.from({ length: c }, () => (kind === "indicator" ? 0.5 + rnd() : 1));
  return { kind, rows, include, matrix, factors };
}

function randomWeights(runs: number, rnd: () => number) {
  return {
    dims: Float64Array.from({ length: runs * 5 }, () => rnd() / 2),
    inds: Float64Array.from({ length: runs * 19 }, () => rnd() / 3),
  };
}

function expectSameBits(a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(a.length).toBe(b.length);
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) diff.push(i);
  expect(diff.slice(0, 5)).toEqual([]);
}

describe("the kernels' module", () => {
  it("is the compiled kernels.wat (run `npm run build:wasm` after editing it)", async () => {
    const bytes = await compileKernels();
    // Until the bytes are rebuilt, the other tests here check the module as it was: say so plainly.
    if (KERNELS_WASM !== bytes.toString("base64"))
      throw new Error("src/core/wasm/kernels-bytes.ts is not src/core/wasm/kernels.wat compiled: run `npm run build:wasm`, then these tests again");
    const committed = require("fs").readFileSync(require("path").join(__dirname, "../../src/core/wasm/kernels-bytes.ts"), "utf8");
    expect(committed).toBe(source(bytes.toString("base64"), bytes.length));
  });

  it("stays under the 4 KB Chrome allowed new WebAssembly.Module on a page's main thread before version 114", () => {
    expect(Buffer.from(KERNELS_WASM, "base64").length).toBeLessThan(4096);
  });

  it("runs on this Node (the tests below compare two implementations, not one with itself)", () => {
    expect(hasWasmKernels()).toBe(true);
    expect(batchKernels(100).kind).toBe("wasm");
    expect(batchKernels(100, false).kind).toBe("js");
  });
});

describe("totals: WebAssembly against JavaScript, bit for bit", () => {
  it.each([
    ["indicator", 1],
    ["indicator", 7],
    ["indicator", 16],
    ["dimension", 1],
    ["dimension", 9],
    ["dimension", 16],
  ] as const)("%s scores, %i runs", (kind, runs) => {
    const rnd = prng(runs * 31 + kind.length);
    const rows = 257;
    const form = randomForm(rows, kind, rnd);
    const { dims, inds } = randomWeights(runs, rnd);
    const wasm = batchKernels(rows);
    const js = batchKernels(rows, false);
    wasm.linear(form, dims, inds, runs, "totals");
    js.linear(form, dims, inds, runs, "totals");
    expectSameBits(wasm.totals.subarray(0, runs * rows), js.totals.subarray(0, runs * rows));
    // and both as the formula writes them
    for (const r of [0, 1, 100, 256]) {
      const k = runs - 1;
      const want = !form.include[r]
        ? NaN
        : kind === "dimension"
          ? SHAPE.reduce((sum, _, d) => sum + dims[k * 5 + d] * form.matrix[r * 5 + d], 0)
          : SHAPE.reduce((sum, ind, d) => sum + dims[k * 5 + d] * ind.reduce((s, i) => s + inds[k * 19 + i] * form.factors[i] * form.matrix[r * 19 + i], 0), 0);
      const got = js.totals[k * rows + r];
      if (Number.isNaN(want)) expect(got).toBeNaN();
      else expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    }
  });

  it("keeps each table's scores apart when the memory grows for a new one (and the group buffer apart from the totals)", () => {
    const rnd = prng(5);
    const rows = 3000;
    const forms = [randomForm(rows, "indicator", rnd), randomForm(rows, "indicator", rnd), randomForm(rows, "dimension", rnd)];
    const wasm = batchKernels(rows);
    const js = batchKernels(rows, false);
    for (let pass = 0; pass < 2; pass++) {
      for (const form of forms) {
        const { dims, inds } = randomWeights(BATCH, rnd);
        for (const k of [wasm, js]) {
          k.linear(form, dims, inds, 5, "group");
          k.linear(form, dims, inds, BATCH, "totals");
        }
        expectSameBits(wasm.totals, js.totals);
        expectSameBits(wasm.group.subarray(0, 5 * rows), js.group.subarray(0, 5 * rows));
      }
    }
  });
});

describe("the WebAssembly kernels when the host will not grow their memory", () => {
  it("total a new table with the JavaScript kernel, the same numbers, and keep the tables placed before", () => {
    const rnd = prng(17);
    const rows = 500;
    const [placed, refused] = [randomForm(rows, "indicator", rnd), randomForm(rows, "indicator", rnd)];
    const wasm = batchKernels(rows);
    const js = batchKernels(rows, false);
    const { dims, inds } = randomWeights(BATCH, rnd);
    wasm.linear(placed, dims, inds, BATCH, "totals");
    // As a host at its limit answers Memory.prototype.grow: a RangeError.
    const memory = (wasm as unknown as { exports: { memory: WebAssembly.Memory } }).exports.memory;
    memory.grow = () => {
      throw new RangeError("WebAssembly.Memory.grow(): Maximum memory size exceeded");
    };
    for (const form of [refused, placed]) {
      wasm.linear(form, dims, inds, BATCH, "totals");
      js.linear(form, dims, inds, BATCH, "totals");
      expectSameBits(wasm.totals, js.totals);
    }
  });
});

describe("ranks: WebAssembly against JavaScript and RANK.EQ written out", () => {
  const cases: [string, (rnd: () => number) => number][] = [
    ["spread scores", (rnd) => rnd() * 100],
    ["ties, -0 and NaN", (rnd) => [0, -0, 1, 1, 2.5, NaN][Math.floor(rnd() * 6)] + (rnd() < 0.5 ? 0 : Math.floor(rnd() * 4))],
    ["clustered scores (buckets of more than 16 rows, handed back)", (rnd) => (rnd() < 0.9 ? 50 + rnd() * 1e-9 : rnd() * 100)],
    ["all equal (one bucket)", () => 7],
    ["infinities (a range that is not finite)", (rnd) => [Infinity, -Infinity, rnd()][Math.floor(rnd() * 3)]],
  ];
  it.each(cases)("%s", (_, draw) => {
    const rnd = prng(11);
    for (const n of [1, 2, 17, 300]) {
      const wasm = batchKernels(n);
      const js = batchKernels(n, false);
      const scores = Float64Array.from({ length: n }, () => draw(rnd));
      const want = rankEq(scores);
      // from outside the kernels' memory, and from their own totals
      expectSameBits(wasm.rank(scores), want);
      wasm.totals.set(scores, n);
      expectSameBits(wasm.rank(wasm.totals.subarray(n, 2 * n)), want);
      expectSameBits(js.rank(scores), want);
    }
  });

  it("agree on any scores (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, 1, NaN)), { minLength: 1, maxLength: 200 }), (xs) => {
        const wasm = batchKernels(xs.length);
        const ranks = Array.from(wasm.rank(Float64Array.from(xs)));
        expect(ranks).toEqual(rankEq(xs));
      }),
      { numRuns: 300 },
    );
  });
});

describe("whole analyses give the same numbers with either kernels", () => {
  const cells = rawIndicatorCells(400, 77);
  const fields = ["nominal", "median", "p5", "p95", "meanShift", "shifts"] as const;

  it("the weights' Monte Carlo over raw indicators", () => {
    const result = computeIndex(cells);
    const run = (wasm: boolean) =>
      finish(startUncertainty(new UncertaintyModel(result, { ...NO_ASSUMPTIONS, weights: 0.25 }, null, {}, new Map(), wasm), 500, 3));
    const a = run(true);
    const b = run(false);
    for (const f of fields) expectSameBits(a[f], b[f]);
  });

  it("a Sobol design over scaling, treatment, aggregation and weight sets (several tables of scores, mixed batches)", () => {
    const assumptions = readAssumptions("weights=20%; weightset=given,entropy; scaling=minmax,rank; treat=none,winsorise; aggregate=mean,geometric");
    const run = (wasm: boolean) => finish(startSobol(modelOfTable(cells, {}, assumptions, new Map(), undefined, wasm), 60, 9));
    const a = run(true);
    const b = run(false);
    for (const f of fields) expectSameBits(a.uncertainty[f], b.uncertainty[f]);
    for (const f of ["first", "total", "firstLow", "firstHigh", "totalLow", "totalHigh"] as const) expectSameBits(a.indices[f], b.indices[f]);
  });
});
