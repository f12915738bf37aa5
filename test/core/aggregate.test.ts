import { aggregateDimension, aggregateScores, aggregateTotal, linearScores, linearTotalsInto, Scores, totalsInto, totalsWork } from "../../src/core/aggregate";
import { DIMENSIONS } from "../../src/core/framework";
import { parseWeightTable, REPORT_WEIGHT_TABLE, weightTableToCells, WeightTable } from "../../src/core/weights";
import { REPORT_TOP100_2020, REPORT_WEIGHTS_2020 } from "../../src/data/report2020";
import { prng } from "../helpers/fixtures";

/** A weight table from the report's, with indicator weights (percent points) replaced where given. */
function weightsWith(indicatorPoints: Record<number, number>, dimensionPoints: Record<string, number> = {}): WeightTable {
  const cells: unknown[][] = weightTableToCells("id").map((r) => [...r]);
  for (let i = 1; i < cells.length; i++) {
    cells[i][3] = (indicatorPoints[i - 1] ?? REPORT_WEIGHTS_2020[i - 1].indicatorWeight) / 100;
    const d = cells[i][0] as string;
    if (d in dimensionPoints) cells[i][2] = dimensionPoints[d] / 100;
  }
  return parseWeightTable(cells);
}

const all = (n: number) => new Uint8Array(n).fill(1);
/** A dimension of scaled indicator columns under a weight table's indicator weights. */
const dimensionOf = (d: number, scaled: readonly (Float64Array | null)[], include: Uint8Array, w: WeightTable, rescale: boolean) =>
  aggregateDimension({ kind: "scaled", include, scaled }, d, w.indicators, rescale);
const totalOf = (dims: readonly (Float64Array | null)[], include: Uint8Array, w: WeightTable) => aggregateTotal(dims, include, w.dimensions);
const col = (xs: number[]) => Float64Array.from(xs);
const GOODS = 0;
const SUPPLY = 1;

describe("aggregateDimension: shape", () => {
  it("gives NaN to left-out rows, also with rescaling", () => {
    const scaled = Array.from({ length: 19 }, () => col([10, 20, 30]));
    for (const rescale of [false, true]) {
      const out = dimensionOf(GOODS, scaled, Uint8Array.from([1, 0, 1]), REPORT_WEIGHT_TABLE, rescale);
      expect(Number.isNaN(out[1])).toBe(true);
      expect(Number.isFinite(out[0]) && Number.isFinite(out[2])).toBe(true);
    }
  });

  it("accepts a missing (null) column for an indicator of weight 0", () => {
    const w = weightsWith({ 0: 0 });
    const scaled: (Float64Array | null)[] = Array.from({ length: 19 }, () => col([40, 80]));
    scaled[0] = null;
    expect([...dimensionOf(GOODS, scaled, all(2), w, false)]).toEqual([40, 80]);
  });

  it("ignores the values of an indicator of weight 0", () => {
    const w = weightsWith({ 0: 0 });
    const scaled = Array.from({ length: 19 }, () => col([40, 80]));
    scaled[0] = col([1e9, -1e9]);
    expect([...dimensionOf(GOODS, scaled, all(2), w, false)]).toEqual([40, 80]);
  });

  it("leaves a column whose maximum is 0 or less as it is when rescaling", () => {
    const scaled = Array.from({ length: 19 }, () => col([0, 0, 0]));
    expect([...dimensionOf(SUPPLY, scaled, all(3), REPORT_WEIGHT_TABLE, true)]).toEqual([0, 0, 0]);
    const negative = Array.from({ length: 19 }, () => col([-1, -2, -3]));
    const out = dimensionOf(GOODS, negative, all(3), REPORT_WEIGHT_TABLE, true);
    out.forEach((v, r) => expect(v).toBeCloseTo([-1, -2, -3][r], 12));
  });
});

describe("aggregateDimension: works", () => {
  it("gives the weighted mean of the supply indicators with the rounded 16% weights as one sixth each", () => {
    const scaled: (Float64Array | null)[] = Array.from({ length: 19 }, () => null);
    // Supply is indicators 4–9.
    const values = [
      [0, 10, 20, 30, 40, 50],
      [60, 60, 60, 60, 60, 60],
    ];
    for (let k = 0; k < 6; k++) scaled[4 + k] = col([values[0][k], values[1][k]]);
    const out = dimensionOf(SUPPLY, scaled, all(2), REPORT_WEIGHT_TABLE, false);
    expect(out[0]).toBeCloseTo(150 / 6, 12);
    expect(out[1]).toBeCloseTo(60, 12);
  });

  it("renormalises unequal indicator weights within the dimension", () => {
    // Goods with 10, 20, 30, 40 points: weights 0.1, 0.2, 0.3, 0.4.
    const w = weightsWith({ 0: 10, 1: 20, 2: 30, 3: 40 });
    const scaled = Array.from({ length: 19 }, () => col([0]));
    [100, 50, 20, 10].forEach((v, k) => (scaled[k] = col([v])));
    expect(dimensionOf(GOODS, scaled, all(1), w, false)[0]).toBeCloseTo(0.1 * 100 + 0.2 * 50 + 0.3 * 20 + 0.4 * 10, 12);
  });

  it("rescales a dimension so that its maximum is 100, keeping ratios", () => {
    const scaled = Array.from({ length: 19 }, () => col([10, 40, 20, 30]));
    const out = dimensionOf(GOODS, scaled, Uint8Array.from([1, 1, 1, 0]), REPORT_WEIGHT_TABLE, true);
    expect(out[0]).toBeCloseTo(25, 12);
    expect(out[1]).toBeCloseTo(100, 12);
    expect(out[2]).toBeCloseTo(50, 12);
    expect(Number.isNaN(out[3])).toBe(true);
  });

  it("matches a straightforward weighted mean on random scores for every dimension", () => {
    const rnd = prng(4242);
    for (let trial = 0; trial < 30; trial++) {
      const points: Record<number, number> = {};
      for (let i = 0; i < 19; i++) points[i] = Math.floor(rnd() * 5) + 1;
      const w = weightsWith(points);
      const n = 1 + Math.floor(rnd() * 30);
      const scaled = Array.from({ length: 19 }, () => col(Array.from({ length: n }, () => rnd() * 100)));
      for (let d = 0; d < 5; d++) {
        const dimId = ["goods", "supply", "viewing", "quality", "industry"][d];
        const members = REPORT_WEIGHTS_2020.map((r, i) => (r.dimensionId === dimId ? i : -1)).filter((i) => i >= 0);
        const wsum = members.reduce((a, i) => a + points[i], 0);
        const out = dimensionOf(d, scaled, all(n), w, false);
        for (let r = 0; r < n; r++) {
          const want = members.reduce((a, i) => a + points[i] * scaled[i][r], 0) / wsum;
          if (!(Math.abs(out[r] - want) < 1e-9)) throw new Error(`trial ${trial} dimension ${dimId} row ${r}: ${out[r]} vs ${want}`);
        }
      }
    }
  });
});

describe("aggregateTotal", () => {
  it("gives NaN to left-out rows", () => {
    const dims = Array.from({ length: 5 }, () => col([50, 60]));
    const out = totalOf(dims, Uint8Array.from([0, 1]), REPORT_WEIGHT_TABLE);
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[1]).toBeCloseTo(60, 12);
  });

  it("accepts a missing (null) column for a dimension of weight 0", () => {
    const w = weightsWith({}, { industry: 0 });
    const dims: (Float64Array | null)[] = [col([100]), col([100]), col([100]), col([100]), null];
    expect(totalOf(dims, all(1), w)[0]).toBeCloseTo(100, 12);
  });

  it("gives the report's first-ranked district 滨江区 its printed total 78.61", () => {
    // Printed: supply 25.59, viewing 100, goods 100, quality 81.4, industry 100; total 78.61.
    // By hand: 0.40·100 + 0.25·25.59 + 0.15·100 + 0.15·81.4 + 0.05·100 = 78.6075.
    const dims = [col([100]), col([25.59]), col([100]), col([81.4]), col([100])];
    const total = totalOf(dims, all(1), REPORT_WEIGHT_TABLE)[0];
    expect(total).toBeCloseTo(78.6075, 10);
    expect(Math.round(total * 100) / 100).toBe(REPORT_TOP100_2020[0].total);
  });

  it("gives every Top-100 row the printed-weight sum of its printed sub-indices, '-' as 0", () => {
    const rows = REPORT_TOP100_2020;
    const dims = [
      rows.map((r) => r.goods ?? 0),
      rows.map((r) => r.supply ?? 0),
      rows.map((r) => r.viewing ?? 0),
      rows.map((r) => r.quality ?? 0),
      rows.map((r) => r.industry ?? 0),
    ].map(col);
    const total = totalOf(dims, all(rows.length), REPORT_WEIGHT_TABLE);
    rows.forEach((r, i) => {
      const want = (40 * (r.goods ?? 0) + 25 * (r.supply ?? 0) + 15 * (r.viewing ?? 0) + 15 * (r.quality ?? 0) + 5 * (r.industry ?? 0)) / 100;
      expect([r.rank, total[i]]).toEqual([r.rank, expect.closeTo(want, 10)]);
    });
  });

  it("renormalises first-level weights that do not sum to 100", () => {
    // 80/50/30/30/10 points are the report's weights doubled: the total must not change.
    const doubled = weightsWith({}, { goods: 80, supply: 50, viewing: 30, quality: 30, industry: 10 });
    const dims = [col([10]), col([20]), col([30]), col([40]), col([50])];
    expect(totalOf(dims, all(1), doubled)[0]).toBeCloseTo(0.4 * 10 + 0.25 * 20 + 0.15 * 30 + 0.15 * 40 + 0.05 * 50, 12);
  });
});

describe("linearTotalsInto (the Monte Carlo's batched totals)", () => {
  const n = 40;
  const rnd = prng(11);
  const include = Uint8Array.from({ length: n }, (_, r) => (r % 9 === 4 ? 0 : 1));
  const randomWeights = (count: number) => {
    const d = new Float64Array(count * 5);
    const i = new Float64Array(count * 19);
    for (let k = 0; k < count; k++) {
      const given = Array.from({ length: 5 }, () => rnd());
      const sum = given.reduce((a, b) => a + b, 0);
      given.forEach((g, j) => (d[k * 5 + j] = g / sum));
      // An indicator weight of 0 now and then, as a weight table may have.
      for (const dim of DIMENSIONS) {
        const w = dim.indicators.map(() => (rnd() < 0.15 ? 0 : rnd()));
        const s = w.reduce((a, b) => a + b, 0) || 1;
        dim.indicators.forEach((ind, j) => (i[k * 19 + ind] = w[j] / s));
      }
    }
    return { d, i };
  };
  const check = (scores: Scores, runs: number) => {
    const form = linearScores(scores, false)!;
    expect(form).not.toBeNull();
    const { d, i } = randomWeights(runs);
    const out = new Float64Array(runs * n);
    linearTotalsInto(form, d, i, runs, out, new Float64Array(runs * 19));
    const work = totalsWork(n);
    for (let k = 0; k < runs; k++) {
      const one = totalsInto(scores, d.subarray(k * 5, k * 5 + 5), i.subarray(k * 19, k * 19 + 19), false, "mean", work);
      // The same bits (a zero's sign aside: + 0 turns −0 into 0, which ranks the same).
      for (let r = 0; r < n; r++) expect(out[k * n + r] + 0).toBe(one[r] + 0);
    }
  };

  it("gives totalsInto's totals bit for bit on affine raw scores, with left-out rows, absent columns and weights of 0", () => {
    const values = Array.from({ length: 19 }, (_, c) => (c === 7 ? null : Float64Array.from({ length: n }, () => rnd() * 1e4)));
    const affines = values.map((v) => (v ? { factor: 100 / (1 + rnd() * 1e4), shift: rnd() * 10 } : null));
    check({ kind: "affine", include, values, affines }, 16);
  });

  it("gives them on scaled scores and on the five sub-indices", () => {
    const scaled = Array.from({ length: 19 }, () => Float64Array.from({ length: n }, () => rnd() * 100));
    check({ kind: "scaled", include, scaled }, 5);
    const dimensions = Array.from({ length: 5 }, (_, d) => (d === 3 ? null : Float64Array.from({ length: n }, (__, r) => (include[r] ? rnd() * 100 : NaN))));
    check({ kind: "dimension", include, dimensions }, 16);
  });

  it("gives the geometric mean of aggregateScores bit for bit on raw scores (a first-level weight of 0 left out, sub-indices below the floor)", () => {
    // Scores from −20 to 80: some dimensions fall below the floor of 1, where the product takes the floor.
    const scaled = Array.from({ length: 19 }, () => Float64Array.from({ length: n }, () => rnd() * 100 - 20));
    const values = Array.from({ length: 19 }, (_, c) => (c === 11 ? null : Float64Array.from({ length: n }, () => rnd() * 1e4)));
    const affines = values.map((v) => (v ? { factor: 100 / (1 + rnd() * 1e4), shift: rnd() * 10 } : null));
    for (const scores of [
      { kind: "scaled", include, scaled },
      { kind: "affine", include, values, affines },
    ] as Scores[]) {
      const runs = 7;
      const form = linearScores(scores, false)!;
      const { d, i } = randomWeights(runs);
      // Run 2 drops the quality dimension (first-level weight 0), as leave-one-out does.
      d[2 * 5 + 3] = 0;
      const out = new Float64Array(runs * n);
      linearTotalsInto(form, d, i, runs, out, new Float64Array(runs * 19), true);
      let belowFloor = 0;
      for (let k = 0; k < runs; k++) {
        const dw = d.subarray(k * 5, k * 5 + 5);
        const iw = i.subarray(k * 19, k * 19 + 19);
        const one = aggregateScores(scores, dw, iw, false, "geometric");
        for (let r = 0; r < n; r++) expect(Object.is(out[k * n + r], one[r])).toBe(true);
        belowFloor += DIMENSIONS.filter((dim) => aggregateDimension(scores, dim.index, iw, false).some((x) => x < 1)).length;
      }
      expect(belowFloor).toBeGreaterThan(0);
    }
    expect(() =>
      linearTotalsInto(
        linearScores({ kind: "dimension", include, dimensions: [] }, false)!,
        new Float64Array(5),
        new Float64Array(19),
        1,
        new Float64Array(n),
        new Float64Array(19),
        true,
      ),
    ).toThrow();
  });

  it("declines scores it would not total the same way: rescaled or partial dimensions, a missing term in a row with a result", () => {
    const scaled = Array.from({ length: 19 }, () => Float64Array.from({ length: n }, () => rnd() * 100));
    expect(linearScores({ kind: "scaled", include, scaled }, true)).toBeNull();
    expect(linearScores({ kind: "scaled", include, scaled, partial: true }, false)).toBeNull();
    const holed = scaled.map((c) => Float64Array.from(c));
    holed[2][0] = NaN;
    expect(linearScores({ kind: "scaled", include, scaled: holed }, false)).toBeNull();
    // The same hole in a left-out row is no matter.
    holed[2][0] = 1;
    holed[2][4] = NaN;
    expect(linearScores({ kind: "scaled", include, scaled: holed }, false)).not.toBeNull();
  });
});
