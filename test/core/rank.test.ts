import fc from "fast-check";
import { UserError } from "../../src/core/errors";
import { parseRankOrder, parseTieMethod, rankDescInto, rankDistricts, rankWork, RankOrder, TIE_METHODS, TieMethod } from "../../src/core/rank-districts";
import { codeOf } from "../helpers/errors";
import { prng } from "../helpers/fixtures";

/**
 * Naive O(n²) ranking, straight from the definitions (RANK.EQ, RANK.AVG, dense, ordinal): for each
 * score, how many are ahead of it, equal to it, distinct and ahead, equal and before it. Counted once
 * per scores and order, then read for every tie method.
 */
function naiveRanks(xs: readonly number[], order: RankOrder): Record<TieMethod, number[]> {
  const better = (a: number, b: number) => (order === "desc" ? a > b : a < b);
  const scored = xs.filter((u) => !Number.isNaN(u));
  const out: Record<TieMethod, number[]> = { min: [], avg: [], dense: [], ordinal: [] };
  xs.forEach((v, r) => {
    if (Number.isNaN(v)) {
      for (const t of TIE_METHODS) out[t].push(NaN);
      return;
    }
    let ahead = 0;
    let equal = 0;
    const distinctAhead = new Set<number>();
    for (const u of scored) {
      if (better(u, v)) {
        ahead++;
        distinctAhead.add(u);
      } else if (u === v) equal++;
    }
    let equalBefore = 0;
    for (let k = 0; k < r; k++) if (xs[k] === v) equalBefore++;
    out.min.push(1 + ahead);
    out.avg.push(1 + ahead + (equal - 1) / 2);
    out.dense.push(1 + distinctAhead.size);
    out.ordinal.push(1 + ahead + equalBefore);
  });
  return out;
}

const naiveCache = new Map<readonly number[], Map<RankOrder, Record<TieMethod, number[]>>>();
function naiveRank(xs: readonly number[], order: RankOrder, ties: TieMethod): number[] {
  const byOrder = naiveCache.get(xs) ?? new Map<RankOrder, Record<TieMethod, number[]>>();
  naiveCache.set(xs, byOrder);
  if (!byOrder.has(order)) byOrder.set(order, naiveRanks(xs, order));
  return byOrder.get(order)![ties];
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    if (!(Object.is(a[i], b[i]) || a[i] === b[i]))
      throw new Error(`position ${i}: got ${a[i]}, want ${b[i]} (got ${[...Array.from(a)]}, want ${[...Array.from(b)]})`);
  }
};

describe("rankDistricts: shape", () => {
  it("gives an empty result for no scores", () => {
    expect(rankDistricts([])).toHaveLength(0);
  });

  it("never ranks NaN and leaves it out of everyone else's rank", () => {
    same(rankDistricts([NaN, 5, NaN, 9]), [NaN, 2, NaN, 1]);
    same(rankDistricts([NaN, NaN]), [NaN, NaN]);
    for (const t of TIE_METHODS) same(rankDistricts([3, NaN, 3, 1], "asc", t), naiveRank([3, NaN, 3, 1], "asc", t));
  });

  it("ranks ±Infinity at the ends and treats 0 and −0 as tied", () => {
    same(rankDistricts([1, Infinity, -Infinity, Infinity]), [3, 1, 4, 1]);
    same(rankDistricts([0, -0, 1]), [2, 2, 1]);
  });

  it("accepts any array-like of numbers", () => {
    same(rankDistricts(Float64Array.from([1, 2, 3])), [3, 2, 1]);
  });
});

describe("rankDistricts: tie methods on the documented example 9, 7, 7, 5", () => {
  it("gives competition ranks 1, 2, 2, 4 by default (RANK.EQ)", () => {
    same(rankDistricts([9, 7, 7, 5]), [1, 2, 2, 4]);
  });

  it("gives average ranks 1, 2.5, 2.5, 4 (RANK.AVG)", () => {
    same(rankDistricts([9, 7, 7, 5], "desc", "avg"), [1, 2.5, 2.5, 4]);
  });

  it("gives dense ranks 1, 2, 2, 3", () => {
    same(rankDistricts([9, 7, 7, 5], "desc", "dense"), [1, 2, 2, 3]);
  });

  it("gives ordinal ranks 1, 2, 3, 4, ties in order of appearance", () => {
    same(rankDistricts([9, 7, 7, 5], "desc", "ordinal"), [1, 2, 3, 4]);
    same(rankDistricts([7, 9, 7, 7], "desc", "ordinal"), [2, 1, 3, 4]);
  });

  it("ranks smallest first in ascending order", () => {
    same(rankDistricts([9, 7, 7, 5], "asc"), [4, 2, 2, 1]);
    same(rankDistricts([9, 7, 7, 5], "asc", "avg"), [4, 2.5, 2.5, 1]);
    same(rankDistricts([9, 7, 7, 5], "asc", "dense"), [3, 2, 2, 1]);
    same(rankDistricts([9, 7, 7, 5], "asc", "ordinal"), [4, 2, 3, 1]);
  });
});

describe("rankDistricts against a naive O(n²) ranking on random scores with many ties", () => {
  const cases = Array.from({ length: 200 }, (_, k) => {
    const rnd = prng(77 + k);
    const n = Math.floor(rnd() * 80);
    const levels = 1 + Math.floor(rnd() * 8);
    return Array.from({ length: n }, () => (rnd() < 0.1 ? NaN : Math.floor(rnd() * levels) * 0.5 - 1));
  });

  for (const order of ["desc", "asc"] as const) {
    for (const ties of TIE_METHODS) {
      it(`agrees for ${order} order with ${ties} ties`, () => {
        for (const xs of cases) same(rankDistricts(xs, order, ties), naiveRank(xs, order, ties));
      });
    }
  }
});

describe("rankDistricts on large inputs (the radix-sorted path, above 2,048 scores)", () => {
  // Wide ranges of magnitude and sign, -0 beside 0, infinities, NaN and many exact ties.
  const rnd = prng(4242);
  const pool = [0, -0, 1, -1, 1e-300, -1e-300, 1e300, -1e300, Infinity, -Infinity, 0.1 + 0.2, 0.3, 42, -42.5];
  const xs = Array.from({ length: 3000 }, () => {
    const u = rnd();
    if (u < 0.05) return NaN;
    if (u < 0.5) return pool[Math.floor(rnd() * pool.length)];
    return (rnd() - 0.5) * 10 ** Math.floor(rnd() * 20 - 10);
  });

  for (const order of ["desc", "asc"] as const) {
    for (const ties of TIE_METHODS) {
      it(`agrees with the naive ranking for ${order} order with ${ties} ties`, () => {
        same(rankDistricts(xs, order, ties), naiveRank(xs, order, ties));
      });
    }
  }
});

describe("rankDistricts' competition ranks of 2,048 scores or more (the bucket sort, and what it hands to the radix sort)", () => {
  const rnd = prng(2048);
  const spread = (n: number) => Array.from({ length: n }, () => Math.round(rnd() * 1e6) / 1e4);
  const cases: [string, number[]][] = [
    ["spread scores with exact ties, -0 beside 0 and NaN (insertion within buckets)", [...spread(2900), 0, -0, NaN, NaN, 5, 5, 5, 100]],
    ["60% zeros (one bucket of one score, not sorted)", [...Array.from({ length: 3000 }, () => 0), ...spread(2000)]],
    ["a far outlier (most scores in a few buckets: the radix sort at once)", [...spread(3000), 1e9]],
    [
      "zeros as the fullest bucket and a cluster of 400 distinct scores in another (the radix sort from the walk)",
      [...spread(2000), ...Array.from({ length: 1000 }, () => 0), ...Array.from({ length: 400 }, (_, k) => 50 + k * 1e-9)],
    ],
    [
      "a cluster of 100 distinct scores in one bucket (a comparison sort of that bucket)",
      [...spread(3000), ...Array.from({ length: 100 }, (_, k) => 42 - k * 1e-9)],
    ],
  ];
  it.each(cases)("%s", (_, xs) => {
    same(rankDistricts(xs), naiveRank(xs, "desc", "min"));
    same(rankDescInto(xs, rankWork(xs.length)), naiveRank(xs, "desc", "min"));
  });
});

describe("parseTieMethod", () => {
  it("throws BAD_OPTION naming the argument for an unknown method", () => {
    let err: unknown;
    try {
      parseTieMethod("best");
    } catch (e) {
      err = e;
    }
    expect((err as UserError).code).toBe("BAD_OPTION");
    expect((err as UserError).params).toEqual({ name: "ties", value: '"best"', options: "min, avg, dense, ordinal" });
    expect(codeOf(() => parseTieMethod("constructor"))).toBe("BAD_OPTION");
    expect(codeOf(() => parseTieMethod(2))).toBe("BAD_OPTION");
  });

  it("defaults to min when omitted", () => {
    expect(parseTieMethod(null)).toBe("min");
    expect(parseTieMethod(undefined)).toBe("min");
    expect(parseTieMethod("")).toBe("min");
  });

  it("reads the method names and Excel's names in any case and width", () => {
    const cases: [string, TieMethod][] = [
      ["min", "min"],
      ["EQ", "min"],
      ["Rank.Eq", "min"],
      ["avg", "avg"],
      ["AVERAGE", "avg"],
      ["rank.avg", "avg"],
      ["mean", "avg"],
      [" dense ", "dense"],
      ["ordinal", "ordinal"],
      ["first", "ordinal"],
      ["ＡＶＧ", "avg"],
    ];
    for (const [v, t] of cases) expect([v, parseTieMethod(v)]).toEqual([v, t]);
  });
});

describe("parseRankOrder", () => {
  it("throws BAD_OPTION for words it does not know, NaN and objects", () => {
    expect(codeOf(() => parseRankOrder("up"))).toBe("BAD_OPTION");
    expect(codeOf(() => parseRankOrder(NaN))).toBe("BAD_OPTION");
    expect(codeOf(() => parseRankOrder({}))).toBe("BAD_OPTION");
  });

  it("reads 0, omitted and FALSE as descending, as RANK.EQ does", () => {
    for (const v of [null, undefined, "", 0, false]) expect([v, parseRankOrder(v)]).toEqual([v, "desc"]);
  });

  it("reads any other number and TRUE as ascending, as RANK.EQ does", () => {
    for (const v of [1, true, -1, 2, 0.5]) expect([v, parseRankOrder(v)]).toEqual([v, "asc"]);
  });

  it("reads numbers typed as text like the numbers themselves", () => {
    expect(parseRankOrder("0")).toBe("desc");
    expect(parseRankOrder("1")).toBe("asc");
    expect(parseRankOrder("１")).toBe("asc");
  });

  it("reads the words asc/desc in English and Chinese", () => {
    expect(parseRankOrder("ASC")).toBe("asc");
    expect(parseRankOrder("ascending")).toBe("asc");
    expect(parseRankOrder("升序")).toBe("asc");
    expect(parseRankOrder(" desc ")).toBe("desc");
    expect(parseRankOrder("descending")).toBe("desc");
    expect(parseRankOrder("降序")).toBe("desc");
  });
});

describe("rankDescInto (the Monte Carlo's ranking)", () => {
  it("gives rankDistricts' competition ranks, ties, -0, NaN and all, into the arrays it is given", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(NaN), fc.constant(-0), fc.double({ noNaN: true })), { maxLength: 300 }),
        (xs) => {
          expect(Array.from(rankDescInto(xs, rankWork(xs.length)))).toEqual(Array.from(rankDistricts(xs)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("orders scores that share a bucket by their exact values, negatives, clusters and infinities too", () => {
    // 1 + k·2⁻⁴⁰ and −(1 + k·2⁻⁴⁰): the same sign, exponent and top 20 bits of mantissa, for every k < 2³².
    const near = fc.integer({ min: 0, max: 50 }).chain((k) => fc.constantFrom(1 + k * 2 ** -40, -(1 + k * 2 ** -40), 7 + k * 2 ** -38));
    fc.assert(
      fc.property(fc.array(near, { maxLength: 200 }), (xs) => {
        expect(Array.from(rankDescInto(xs, rankWork(xs.length)))).toEqual(Array.from(rankDistricts(xs)));
      }),
      { numRuns: 300 },
    );
    // A cluster of many scores in one bucket beside an outlier (the comparison sort), infinities (one bucket).
    const cluster = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 40 }).map((k) => k * 1e-9),
        fc.constant(1e6),
        fc.constant(Infinity),
        fc.constant(-Infinity),
      ),
      {
        minLength: 20,
        maxLength: 200,
      },
    );
    fc.assert(
      fc.property(cluster, (xs) => {
        expect(Array.from(rankDescInto(xs, rankWork(xs.length)))).toEqual(Array.from(rankDistricts(xs)));
      }),
      { numRuns: 200 },
    );
    // One work reused across tables of different contents, as the runs reuse it.
    const work = rankWork(4);
    expect(Array.from(rankDescInto([3, 1, 2, 2], work))).toEqual([1, 4, 2, 2]);
    expect(Array.from(rankDescInto([1 + 2 ** -40, 1, 1 + 2 ** -39, NaN], work))).toEqual([2, 3, 1, NaN]);
  });
});
