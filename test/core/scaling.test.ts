import { SCALING_FORMULAS, SCALING_LABELS } from "../../src/text";
import { UserError } from "../../src/core/errors";
import { findIndicator } from "../../src/core/framework";
import { DEFAULT_SCALING, getScalingMethod, Goalposts, parseGoalposts, SCALING_METHODS, ScalingMethodName } from "../../src/core/scaling";
import { codeOf } from "../helpers/errors";
import { prng } from "../helpers/fixtures";

/** Small deterministic PRNG (mulberry32) so that the random cases are the same on every run. */

function run(name: ScalingMethodName, x: number[], direction: 1 | -1, include?: number[], goalposts?: Goalposts): number[] {
  const out = new Float64Array(x.length).fill(-12345);
  getScalingMethod(name).scale(Float64Array.from(x), Uint8Array.from(include ?? x.map(() => 1)), direction, out, goalposts);
  return [...out];
}

// ---- independent formulas, written from the method descriptions in DESIGN.md §2 --------------

function naiveMinMax(xs: number[], dir: 1 | -1): number[] {
  let lo = xs[0];
  let hi = xs[0];
  for (const v of xs) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return xs.map((v) => (hi === lo ? 0 : dir === 1 ? (100 * (v - lo)) / (hi - lo) : (100 * (hi - v)) / (hi - lo)));
}

function naiveShareOfMax(xs: number[], dir: 1 | -1): number[] {
  const hi = Math.max(...xs);
  const lo = Math.min(...xs);
  return xs.map((v) => (hi <= 0 ? 0 : dir === 1 ? (100 * v) / hi : (100 * (lo + hi - v)) / hi));
}

function naiveZ(xs: number[], dir: 1 | -1): number[] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return xs.map((v) => (sd === 0 ? 0 : (dir * (v - mean)) / sd));
}

/** PERCENTRANK.INC(xs, v) × 100 (without Excel's 3-digit truncation): share of the others strictly below. */
function naivePercentRank(xs: number[], dir: 1 | -1): number[] {
  const n = xs.length;
  return xs.map((v) => {
    const worse = xs.filter((u) => (dir === 1 ? u < v : u > v)).length;
    return n > 1 ? (100 * worse) / (n - 1) : 0;
  });
}

function naiveGoalposts(xs: number[], dir: 1 | -1, g: Goalposts): number[] {
  return xs.map((v) => {
    const s = dir === 1 ? (v - g.low) / (g.high - g.low) : (g.high - v) / (g.high - g.low);
    return 100 * Math.min(1, Math.max(0, s));
  });
}

const NAIVE: Record<Exclude<ScalingMethodName, "goalposts">, (xs: number[], dir: 1 | -1) => number[]> = {
  minmax: naiveMinMax,
  max: naiveShareOfMax,
  zscore: naiveZ,
  rank: naivePercentRank,
};

/** Random data with ties (values from a few levels) and about a fifth of the rows left out. */
function randomCase(seed: number): { x: number[]; include: number[] } {
  const rnd = prng(seed);
  const n = 2 + Math.floor(rnd() * 60);
  const levels = 1 + Math.floor(rnd() * 12);
  const scale = [1, 0.01, 1000, 1e6][Math.floor(rnd() * 4)];
  const x = Array.from({ length: n }, () => (Math.floor(rnd() * levels) + (rnd() < 0.3 ? rnd() : 0)) * scale);
  const include = x.map(() => (rnd() < 0.8 ? 1 : 0));
  // Left-out rows get extreme values: they must not move anyone else's score.
  include.forEach((k, r) => k || (x[r] = rnd() < 0.5 ? 1e12 : -1e12));
  return { x, include };
}

describe("the registry", () => {
  it("offers minmax, max, zscore, rank and goalposts, minmax first and by default", () => {
    expect(SCALING_METHODS.map((m) => m.name)).toEqual(["minmax", "max", "zscore", "rank", "goalposts"]);
    expect(DEFAULT_SCALING).toBe("minmax");
  });

  it("names and explains every method in both languages", () => {
    for (const m of SCALING_METHODS) {
      expect(SCALING_LABELS[m.name].zh.length).toBeGreaterThan(0);
      expect(SCALING_LABELS[m.name].en.length).toBeGreaterThan(0);
      expect(SCALING_FORMULAS[m.name].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(SCALING_FORMULAS[m.name].en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("getScalingMethod", () => {
  it("throws UNKNOWN_METHOD listing the methods for an unknown name", () => {
    let err: unknown;
    try {
      getScalingMethod("log");
    } catch (e) {
      err = e;
    }
    expect((err as UserError).code).toBe("UNKNOWN_METHOD");
    expect((err as UserError).params).toEqual({ value: '"log"', options: "minmax, max, zscore, rank, goalposts" });
  });

  it("throws UNKNOWN_METHOD for blanks, numbers and object-property names", () => {
    for (const v of [null, undefined, "", 1, "constructor", "toString", "__proto__"])
      expect([v, codeOf(() => getScalingMethod(v))]).toEqual([v, "UNKNOWN_METHOD"]);
  });

  it("finds each method by its short name in any case, width and spacing", () => {
    expect(getScalingMethod("minmax").name).toBe("minmax");
    expect(getScalingMethod(" Min-Max ").name).toBe("minmax");
    expect(getScalingMethod("MIN_MAX").name).toBe("minmax");
    expect(getScalingMethod("ｍｉｎｍａｘ").name).toBe("minmax");
    expect(getScalingMethod("Z-Score").name).toBe("zscore");
    expect(getScalingMethod("RANK").name).toBe("rank");
    expect(getScalingMethod("goal posts").name).toBe("goalposts");
  });

  it("finds each method by its aliases", () => {
    const aliases: [string, ScalingMethodName][] = [
      ["最小最大", "minmax"],
      ["最小-最大", "minmax"],
      ["极差", "minmax"],
      ["share", "max"],
      ["最大值", "max"],
      ["z", "zscore"],
      ["标准分数", "zscore"],
      ["percentile", "rank"],
      ["百分位", "rank"],
      ["目标值", "goalposts"],
    ];
    for (const [alias, name] of aliases) expect([alias, getScalingMethod(alias).name]).toEqual([alias, name]);
  });
});

describe("the zero-denominator rule", () => {
  it.each(["minmax", "zscore", "rank"] as const)("gives %s score 0 to every region of a constant column, never NaN", (name) => {
    for (const dir of [1, -1] as const) {
      expect(run(name, [7, 7, 7, 7], dir)).toEqual([0, 0, 0, 0]);
      expect(run(name, [0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2], dir)).toEqual([0, 0, 0]);
    }
  });

  it("gives zscore 0 for a column whose spread is only rounding noise", () => {
    const noisy = [0.3, 0.1 + 0.2, 0.3, 0.1 + 0.2];
    expect(run("zscore", noisy, 1).every((s) => s === 0)).toBe(true);
  });

  it("gives max score 0 to every region when the column's maximum is 0 or below", () => {
    expect(run("max", [0, 0, 0], 1)).toEqual([0, 0, 0]);
    // x × 0 is −0 for negative x; a cell shows both as 0, so compare with the sign folded.
    expect(run("max", [-3, -1, -2], 1).map((v) => v + 0)).toEqual([0, 0, 0]);
    expect(run("max", [-3, -1, -2], -1).map((v) => v + 0)).toEqual([0, 0, 0]);
  });

  it("gives a single included region score 0 under minmax, zscore and rank", () => {
    for (const name of ["minmax", "zscore", "rank"] as const) {
      const s = run(name, [5, 99], 1, [1, 0]);
      expect([name, s[0]]).toEqual([name, 0]);
      expect(Number.isNaN(s[1])).toBe(true);
    }
  });

  it("writes NaN everywhere and nothing else when no row is included", () => {
    for (const m of SCALING_METHODS) {
      const s = run(m.name, [1, 2, 3], 1, [0, 0, 0], { low: 0, high: 10 });
      expect([m.name, s.every(Number.isNaN)]).toEqual([m.name, true]);
    }
  });
});

describe("left-out rows", () => {
  it.each(SCALING_METHODS.map((m) => m.name))("%s gives NaN to left-out rows and ignores their values", (name) => {
    const g = { low: 0, high: 10 };
    const s = run(name, [1, 1e9, 4, -1e9, 9], 1, [1, 0, 1, 0, 1], g);
    expect(Number.isNaN(s[1]) && Number.isNaN(s[3])).toBe(true);
    const alone = run(name, [1, 4, 9], 1, undefined, g);
    expect([s[0], s[2], s[4]]).toEqual(alone);
  });
});

describe("goalposts", () => {
  it("rejects missing goalposts and high ≤ low with GOALPOSTS_ORDER", () => {
    expect(codeOf(() => run("goalposts", [1, 2], 1))).toBe("GOALPOSTS_ORDER");
    expect(codeOf(() => run("goalposts", [1, 2], 1, undefined, { low: 5, high: 5 }))).toBe("GOALPOSTS_ORDER");
    expect(codeOf(() => run("goalposts", [1, 2], 1, undefined, { low: 6, high: 5 }))).toBe("GOALPOSTS_ORDER");
    expect(codeOf(() => run("goalposts", [1, 2], 1, undefined, { low: NaN, high: 5 }))).toBe("GOALPOSTS_ORDER");
  });

  it("clamps to 0 below low and 100 above high, in both directions", () => {
    const g = { low: 10, high: 20 };
    expect(run("goalposts", [0, 10, 12.5, 20, 35], 1, undefined, g)).toEqual([0, 0, 25, 100, 100]);
    expect(run("goalposts", [0, 10, 12.5, 20, 35], -1, undefined, g)).toEqual([100, 100, 75, 0, 0]);
  });
});

describe("the methods on hand-worked columns", () => {
  it("minmax maps 10, 20, 20, 30 to 0, 50, 50, 100 and reverses for less-is-better", () => {
    expect(run("minmax", [10, 20, 20, 30], 1)).toEqual([0, 50, 50, 100]);
    expect(run("minmax", [10, 20, 20, 30], -1)).toEqual([100, 50, 50, 0]);
  });

  it("rank gives PERCENTRANK.INC({10,20,20,30}) × 100: 0, 33.3…, 33.3…, 100", () => {
    const s = run("rank", [20, 10, 30, 20], 1);
    expect(s[1]).toBe(0);
    expect(s[0]).toBeCloseTo(100 / 3, 12);
    expect(s[3]).toBeCloseTo(100 / 3, 12);
    expect(s[2]).toBe(100);
    // Less is better: 10 is best, beating the three others.
    expect(run("rank", [20, 10, 30, 20], -1).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([33.333333333, 100, 0, 33.333333333]);
  });

  it("max gives x / max × 100, and (min + max − x) / max × 100 for less-is-better", () => {
    expect(run("max", [0, 5, 20], 1)).toEqual([0, 25, 100]);
    expect(run("max", [0, 5, 20], -1)).toEqual([100, 75, 0]);
  });

  it("zscore gives (x − mean) / population sd: 2, 4, 4, 4, 5, 5, 7, 9 has mean 5 and sd 2", () => {
    expect(run("zscore", [2, 4, 4, 4, 5, 5, 7, 9], 1)).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(run("zscore", [2, 4, 4, 4, 5, 5, 7, 9], -1).map((v) => v + 0)).toEqual([1.5, 0.5, 0.5, 0.5, 0, 0, -1, -2]);
  });
});

describe("every method against its formula on random data", () => {
  const seeds = Array.from({ length: 60 }, (_, i) => 1000 + i);

  it.each(["minmax", "max", "zscore", "rank"] as const)("%s matches the independent formula in both directions", (name) => {
    for (const seed of seeds) {
      const { x, include } = randomCase(seed);
      const kept = x.filter((_, r) => include[r]);
      for (const dir of [1, -1] as const) {
        const got = run(name, x, dir, include);
        const want = kept.length ? NAIVE[name](kept, dir) : [];
        let k = 0;
        got.forEach((v, r) => {
          if (!include[r]) {
            if (!Number.isNaN(v)) throw new Error(`seed ${seed} row ${r}: left-out row scored ${v}`);
            return;
          }
          const w = want[k++];
          const tol = 1e-9 * Math.max(1, Math.abs(w));
          if (!(Math.abs(v - w) <= tol)) throw new Error(`seed ${seed} dir ${dir} row ${r}: got ${v}, want ${w}`);
        });
      }
    }
  });

  it("goalposts matches the independent formula in both directions", () => {
    for (const seed of seeds) {
      const { x, include } = randomCase(seed);
      const rnd = prng(seed * 7);
      const low = (rnd() - 0.5) * 20;
      const g = { low, high: low + 0.5 + rnd() * 10 };
      for (const dir of [1, -1] as const) {
        const got = run("goalposts", x, dir, include, g);
        const want = naiveGoalposts(x, dir, g);
        got.forEach((v, r) => {
          if (!include[r]) return expect(Number.isNaN(v)).toBe(true);
          if (!(Math.abs(v - want[r]) <= 1e-9)) throw new Error(`seed ${seed} row ${r}: got ${v}, want ${want[r]}`);
        });
      }
    }
  });

  it("never gives NaN or Infinity to an included row", () => {
    for (const seed of seeds) {
      const { x, include } = randomCase(seed);
      for (const m of SCALING_METHODS) {
        for (const dir of [1, -1] as const) {
          const s = run(m.name, x, dir, include, { low: 0, high: 1 });
          s.forEach((v, r) => include[r] && expect([m.name, Number.isFinite(v)]).toEqual([m.name, true]));
        }
      }
    }
  });
});

describe("parseGoalposts", () => {
  const find = (n: unknown) => findIndicator(n)?.index ?? -1;

  it("throws GOALPOSTS_HEADER without a header naming indicator, low and high", () => {
    expect(
      codeOf(() =>
        parseGoalposts(
          [
            ["indicator", "low"],
            ["views", 0],
          ],
          find,
        ),
      ),
    ).toBe("GOALPOSTS_HEADER");
    expect(codeOf(() => parseGoalposts([], find))).toBe("GOALPOSTS_HEADER");
  });

  it("throws GOALPOSTS_UNKNOWN_INDICATOR naming the row of an unknown indicator", () => {
    let err: unknown;
    try {
      parseGoalposts(
        [
          ["指标", "下限", "上限"],
          ["views", 0, 10],
          ["直播带货王", 0, 10],
        ],
        find,
      );
    } catch (e) {
      err = e;
    }
    expect((err as UserError).code).toBe("GOALPOSTS_UNKNOWN_INDICATOR");
    expect((err as UserError).message).toBe("The goalposts table is invalid: row 3: unknown indicator 直播带货王.");
  });

  it("throws GOALPOSTS_BAD_BOUNDS for bounds that are not numbers or where high ≤ low", () => {
    expect(
      codeOf(() =>
        parseGoalposts(
          [
            ["indicator", "low", "high"],
            ["views", "a", 10],
          ],
          find,
        ),
      ),
    ).toBe("GOALPOSTS_BAD_BOUNDS");
    expect(
      codeOf(() =>
        parseGoalposts(
          [
            ["indicator", "low", "high"],
            ["views", 10, 10],
          ],
          find,
        ),
      ),
    ).toBe("GOALPOSTS_BAD_BOUNDS");
    expect(
      codeOf(() =>
        parseGoalposts(
          [
            ["indicator", "low", "high"],
            ["views", 0, Infinity],
          ],
          find,
        ),
      ),
    ).toBe("GOALPOSTS_BAD_BOUNDS");
  });

  it("reads bounds per indicator by any name, in any column order, skipping blank rows", () => {
    const g = parseGoalposts(
      [
        ["High", "Indicator", "Low"],
        [100, "该区县直播观看次数指数", 0],
        [null, "", null],
        [0.5, "return_rate", 0.01],
      ],
      find,
    );
    expect([...g.entries()]).toEqual([
      [10, { low: 0, high: 100 }],
      [13, { low: 0.01, high: 0.5 }],
    ]);
  });
});

describe("no overflow for any finite input", () => {
  it.each(["minmax", "max"] as const)("%s scales a column whose range is below 1e-307 to 0–100, never to Infinity or NaN", (method) => {
    // Share of maximum scales a negative value below 0 by design: its huge-range case is non-negative.
    for (const xs of [[0, 1e-308, 2e-308], [5e-324, 1e-310, 3e-309], method === "minmax" ? [1.7e308, -1.7e308, 0] : [1.7e308, 0, 1e308]]) {
      const out = run(method, xs, 1);
      expect(out.every((v) => Number.isFinite(v) && v >= -1e-9 && v <= 100 + 1e-9)).toBe(true);
      expect(Math.max(...out)).toBeCloseTo(100, 6);
    }
  });
});
