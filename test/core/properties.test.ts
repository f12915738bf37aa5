/**
 * Properties of the whole engine, checked with fast-check on generated raw-indicator tables
 * (a header row of indicator ids, 2–40 rows, values from small integer ranges so that ties happen).
 */
import fc from "fast-check";
import { computeIndex, IndexOptions, IndexResult } from "../../src/core/pipeline";
import { rankDistricts } from "../../src/core/rank-districts";
import { ScalingMethodName } from "../../src/core/scaling";
import { parseWeightTable, weightTableToCells } from "../../src/core/weights";
import { REPORT_WEIGHTS_2020 } from "../../src/data/report2020";

const IDS = REPORT_WEIGHTS_2020.map((r) => r.indicatorId);
const DIM_IDS = ["goods", "supply", "viewing", "quality", "industry"];
const DIM_OF = REPORT_WEIGHTS_2020.map((r) => DIM_IDS.indexOf(r.dimensionId));
const LESS_IS_BETTER = new Set(["return_rate", "dispute_rate"]);
const MORE_IS_BETTER = IDS.map((id, i) => (LESS_IS_BETTER.has(id) ? -1 : i)).filter((i) => i >= 0);
const METHODS: ScalingMethodName[] = ["minmax", "max", "zscore", "rank", "goalposts"];
const GOALPOSTS = new Map(IDS.map((_, i) => [i, { low: 0, high: 4 }]));

const RUNS = { numRuns: 60 };

const rowArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 19, maxLength: 19 });
const rowsArb = fc.array(rowArb, { minLength: 2, maxLength: 40 });

function table(rows: readonly (readonly unknown[])[]): unknown[][] {
  return [[...IDS], ...rows.map((r) => [...r])];
}

function near(a: number, b: number, tol = 1e-9): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Every per-row number of a result: the total, then each dimension. */
function rowValues(res: IndexResult, r: number): number[] {
  return [res.total![r], ...res.dimensions.map((d) => (d ? d[r] : -1))];
}

describe("property: row order does not matter", () => {
  it("gives every row the same total and sub-indices after the rows are permuted, for every method", () => {
    const arb = rowsArb.chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.shuffledSubarray(
          rows.map((_, i) => i),
          { minLength: rows.length, maxLength: rows.length },
        ),
        fc.constantFrom(...METHODS),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(arb, ([rows, perm, method, rescale]) => {
        const options: IndexOptions = { method, rescale, goalposts: GOALPOSTS };
        const a = computeIndex(table(rows), options);
        const b = computeIndex(table(perm.map((p) => rows[p])), options);
        perm.forEach((p, k) => {
          const x = rowValues(a, p);
          const y = rowValues(b, k);
          x.forEach((v, j) => {
            if (!near(v, y[j])) throw new Error(`row ${p} (now ${k}), value ${j}: ${v} vs ${y[j]}`);
          });
        });
      }),
      RUNS,
    );
  });
});

describe("property: only the ratios of the weights matter", () => {
  const weightsArb = fc.record({
    dims: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }).filter((d) => d.some((w) => w > 0)),
    inds: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 19, maxLength: 19 }),
  });

  it("gives the same results when every weight is multiplied by one positive constant", () => {
    fc.assert(
      fc.property(rowsArb, weightsArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.constantFrom(...METHODS), (rows, w, c, method) => {
        const cells: unknown[][] = weightTableToCells("id").map((r) => [...r]);
        for (let i = 0; i < 19; i++) {
          cells[i + 1][2] = w.dims[DIM_OF[i]];
          cells[i + 1][3] = w.inds[i];
        }
        const scaled = cells.map((r, k) => (k === 0 ? r : [r[0], r[1], (r[2] as number) * c, (r[3] as number) * c]));
        const a = computeIndex(table(rows), { weights: parseWeightTable(cells), method, goalposts: GOALPOSTS });
        const b = computeIndex(table(rows), { weights: parseWeightTable(scaled), method, goalposts: GOALPOSTS });
        for (let r = 0; r < rows.length; r++) {
          const x = rowValues(a, r);
          const y = rowValues(b, r);
          x.forEach((v, j) => {
            if (!near(v, y[j])) throw new Error(`c = ${c}, row ${r}, value ${j}: ${v} vs ${y[j]}`);
          });
        }
      }),
      RUNS,
    );
  });
});

describe("property: monotonicity under minmax", () => {
  it("never lowers a row's total when one of its more-is-better indicators rises and stays within the column's range", () => {
    const arb = rowsArb.chain((rows) =>
      fc.tuple(fc.constant(rows), fc.nat(rows.length - 1), fc.constantFrom(...MORE_IS_BETTER), fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true })),
    );
    fc.assert(
      fc.property(arb, ([rows, r, i, t]) => {
        const max = Math.max(...rows.map((row) => row[i]));
        fc.pre(rows[r][i] < max);
        const raised = rows.map((row) => [...row]);
        raised[r][i] = rows[r][i] + t * (max - rows[r][i]);
        const before = computeIndex(table(rows)).total![r];
        const after = computeIndex(table(raised)).total![r];
        if (!(after >= before - 1e-9)) throw new Error(`row ${r}, indicator ${IDS[i]}: ${before} → ${after}`);
      }),
      RUNS,
    );
  });
});

describe("property: ranks are a competition ranking", () => {
  /** The definition: 1 + the number of scores strictly better; NaN has no rank. */
  function checkCompetition(scores: ArrayLike<number>, ranks: ArrayLike<number>, order: "desc" | "asc"): void {
    for (let r = 0; r < scores.length; r++) {
      if (Number.isNaN(scores[r])) {
        if (!Number.isNaN(ranks[r])) throw new Error(`NaN at ${r} ranked ${ranks[r]}`);
        continue;
      }
      let better = 0;
      for (let k = 0; k < scores.length; k++) if (order === "desc" ? scores[k] > scores[r] : scores[k] < scores[r]) better++;
      if (ranks[r] !== 1 + better) throw new Error(`position ${r}: rank ${ranks[r]}, ${better} strictly better`);
    }
  }

  it("ranks each score 1 + the number strictly better, on scores with ties and NaN", () => {
    const scoreArb = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -3, max: 3 }) }, { weight: 1, arbitrary: fc.constant(NaN) });
    fc.assert(
      fc.property(fc.array(scoreArb, { maxLength: 60 }), fc.constantFrom("desc" as const, "asc" as const), (scores, order) => {
        checkCompetition(scores, rankDistricts(scores, order), order);
      }),
      { numRuns: 200 },
    );
  });

  it("ranks the totals of generated tables the same way", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const total = computeIndex(table(rows)).total!;
        checkCompetition(total, rankDistricts(total), "desc");
      }),
      RUNS,
    );
  });
});

describe("property: the pipeline equals a second, straightforward computation", () => {
  // Cells: mostly small integers, sometimes "-" (none: 0) or blank (0); some rows blank throughout.
  const cellArb = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }) },
    { weight: 1, arbitrary: fc.constant<unknown>("-") },
    { weight: 1, arbitrary: fc.constant<unknown>(null) },
  );
  const rowOrBlankArb = fc.oneof(
    { weight: 9, arbitrary: fc.array(cellArb, { minLength: 19, maxLength: 19 }) },
    { weight: 1, arbitrary: fc.constant<unknown[]>(new Array(19).fill(null)) },
  );
  const weightsArb = fc.record({
    dims: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }).filter((d) => d.some((w) => w > 0)),
    inds: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 19, maxLength: 19 }),
  });

  /** DESIGN.md §2 written out plainly: min–max with direction, weighted means, weighted sum. */
  function naiveIndex(rows: unknown[][], dims: number[], inds: number[], rescale: boolean): number[] {
    // A blank row: every cell null or 0 (the desktop form of blank). A missing value ("-" or null):
    // 0 when more is better, the largest value of the non-blank rows when less is better.
    const blank = rows.map((row) => row.every((c) => c === null || c === 0));
    const scores: number[][] = [];
    for (let i = 0; i < 19; i++) {
      const less = LESS_IS_BETTER.has(IDS[i]);
      // For a less-is-better indicator 0 is missing too: it is how Excel desktop passes a blank cell.
      const present = (c: unknown) => typeof c === "number" && !(less && c === 0);
      const seen = rows.filter((row, r) => !blank[r] && present(row[i])).map((row) => row[i] as number);
      const worst = seen.length ? Math.max(...seen) : 0;
      const value = (c: unknown) => (present(c) ? (c as number) : less ? worst : 0);
      const xs = rows.filter((_, r) => !blank[r]).map((row) => value(row[i]));
      const lo = Math.min(...xs);
      const hi = Math.max(...xs);
      scores.push(rows.map((row) => (hi > lo ? (100 * (less ? hi - value(row[i]) : value(row[i]) - lo)) / (hi - lo) : 0)));
    }
    const dimScores: number[][] = [];
    for (let d = 0; d < 5; d++) {
      const members = IDS.map((_, i) => i).filter((i) => DIM_OF[i] === d);
      const wsum = members.reduce((a, i) => a + inds[i], 0);
      const col = rows.map((_, r) => members.reduce((a, i) => a + inds[i] * scores[i][r], 0) / wsum);
      const kept = col.filter((_, r) => !blank[r]);
      const top = kept.length ? Math.max(...kept) : 0;
      dimScores.push(rescale && top > 0 ? col.map((v) => (100 * v) / top) : col);
    }
    const dsum = dims.reduce((a, b) => a + b, 0);
    return rows.map((_, r) => (blank[r] ? NaN : dimScores.reduce((a, col, d) => a + dims[d] * col[r], 0) / dsum));
  }

  it("matches to 1e-9 with the report's weights", () => {
    const dims = [40, 25, 15, 15, 5];
    const inds = REPORT_WEIGHTS_2020.map((r) => r.indicatorWeight);
    fc.assert(
      fc.property(fc.array(rowOrBlankArb, { minLength: 2, maxLength: 40 }), fc.boolean(), (rows, rescale) => {
        const got = computeIndex(table(rows), { rescale }).total!;
        const want = naiveIndex(rows, dims, inds, rescale);
        want.forEach((w, r) => {
          if (!near(got[r], w)) throw new Error(`row ${r}: ${got[r]} vs ${w}`);
        });
      }),
      RUNS,
    );
  });

  it("matches to 1e-9 with generated weights", () => {
    fc.assert(
      fc.property(fc.array(rowOrBlankArb, { minLength: 2, maxLength: 40 }), weightsArb, fc.boolean(), (rows, w, rescale) => {
        const cells: unknown[][] = weightTableToCells("zh").map((r) => [...r]);
        for (let i = 0; i < 19; i++) {
          cells[i + 1][2] = w.dims[DIM_OF[i]];
          cells[i + 1][3] = w.inds[i];
        }
        const got = computeIndex(table(rows), { weights: parseWeightTable(cells), rescale }).total!;
        const want = naiveIndex(rows, w.dims, w.inds, rescale);
        want.forEach((x, r) => {
          if (!near(got[r], x)) throw new Error(`row ${r}: ${got[r]} vs ${x}`);
        });
      }),
      RUNS,
    );
  });
});
