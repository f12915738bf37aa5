/**
 * LIVEUNCERTAINTY and LIVESOBOL: the uncertainty analysis over modelling choices against a Monte
 * Carlo written here from LIVEINDEX and RANKDISTRICT (each run's draw replayed with the same
 * generator, mulberry32, and PERCENTILE.INC written out); with every assumption off, the nominal
 * ranks; an assumption that cannot change a rank has S_T = 0; the same seed gives the same numbers.
 */
import { Cell, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";
import { prng, rawIndicatorCells, top100Cells } from "../helpers/fixtures";
import { readAssumptions } from "../../src/core/assumptions";
import { sobolReading } from "../../src/core/uncertainty";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

const raw = rawIndicatorCells(60, 41);
const column = (out: Cell[][], c: number) => out.slice(1).map((r) => r[c]);
const ranksOf = (cells: unknown[][], method: string) =>
  column(rt.call("RANKDISTRICT", rt.call("LIVEINDEX", cells, null, [[method]])) as Cell[][], 0) as number[];

/** PERCENTILE.INC of numbers, written out. */
function percentileInc(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = p * (s.length - 1);
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(s.length - 1, lo + 1)] ?? s[lo]) - s[lo]);
}

describe("LIVEUNCERTAINTY", () => {
  it("with the scaling method uncertain (minmax or rank, one draw a run), gives the percentiles of the two rankings as drawn", () => {
    const runs = 200;
    const out = rt.call("LIVEUNCERTAINTY", raw, [["scaling=minmax,rank"]], runs, 9) as Cell[][];
    expect(out[0]).toEqual(["Median rank", "5th percentile rank", "95th percentile rank"]);
    // Each run draws one number u: minmax below ½, rank above (the list's order).
    const minmax = ranksOf(raw, "minmax");
    const rank = ranksOf(raw, "rank");
    const random = prng(9);
    const draws = Array.from({ length: runs }, () => (random() < 0.5 ? minmax : rank));
    minmax.forEach((_, r) => {
      const own = draws.map((d) => d[r]);
      expect([out[r + 1][0], out[r + 1][1], out[r + 1][2]]).toEqual([percentileInc(own, 0.5), percentileInc(own, 0.05), percentileInc(own, 0.95)]);
    });
  });

  it("with every assumption off, or a list of the nominal choice alone, gives the nominal ranks RANKDISTRICT(LIVEINDEX(…))", () => {
    const nominal = ranksOf(raw, "minmax");
    for (const a of [[[""]], [["scaling=minmax"]], [["aggregate", "mean"]]]) {
      const out = rt.call("LIVEUNCERTAINTY", raw, a, 50, 3) as Cell[][];
      for (const c of [0, 1, 2]) expect(column(out, c)).toEqual(nominal);
    }
  });

  it("is reproducible by seed, and a different seed gives other draws", () => {
    const a = [["weights=30%; aggregate=mean,geometric; treat=none,winsorise"]];
    const one = rt.call("LIVEUNCERTAINTY", raw, a, 120, 5);
    expect(rt.call("LIVEUNCERTAINTY", raw, a, 120, 5)).toEqual(one);
    expect(rt.call("LIVEUNCERTAINTY", raw, a, 120, 6)).not.toEqual(one);
  });

  it("with the weights' noise alone is LIVESENSITIVITY's Monte Carlo, run for run", () => {
    const top = top100Cells();
    expect(rt.call("LIVEUNCERTAINTY", top, [["weights=25%"]], 300, 2021)).toEqual(rt.call("LIVESENSITIVITY", top, null, 300, 0.25, 2021));
  });

  it("reads the assumptions as a range of keys and alternatives, in Chinese too", () => {
    expect(
      readAssumptions([
        ["权重", "25%", ""],
        ["标准化", "minmax", "rank"],
        ["合成方法", "算术平均, 几何平均", ""],
      ]),
    ).toEqual({
      weights: 0.25,
      weightSet: null,
      scaling: ["minmax", "rank"],
      treat: null,
      missing: null,
      aggregate: ["mean", "geometric"],
    });
  });

  it("reads back the words it writes: ±25%, 25 %, the Chinese keys and names; a key twice is refused", () => {
    expect(readAssumptions("weights=±25%; 标准化=排名,极差; 异常值处理=无,缩尾; 缺失值处理=报告,中位数")).toEqual({
      weights: 0.25,
      weightSet: null,
      scaling: ["rank", "minmax"],
      treat: ["none", "winsorise"],
      missing: ["report", "median"],
      aggregate: null,
    });
    expect(readAssumptions("weights=25 %").weights).toBe(0.25);
    expect(() => readAssumptions("weights=25%; weights=5%")).toThrow('The assumption "weights" is given twice');
    expect(() => readAssumptions("weights=25")).toThrow("e.g. 25% for ±25%");
  });

  it("says what is wrong with the assumptions", () => {
    const unknown = rt.call("LIVEUNCERTAINTY", raw, [["scale=minmax"]]);
    expect(isCustomFunctionError(unknown) && unknown.message).toContain('There is no assumption "scale"');
    const clash = rt.call("LIVEUNCERTAINTY", raw, [["scaling=minmax,zscore; aggregate=mean,geometric"]]);
    expect(isCustomFunctionError(clash) && clash.message).toContain("combine z-score scaling with the geometric mean");
    const goalposts = rt.call("LIVEUNCERTAINTY", raw, [["scaling=goalposts"]]);
    expect(isCustomFunctionError(goalposts) && goalposts.message).toContain('"goalposts"');
    const spread = rt.call("LIVEUNCERTAINTY", raw, [["weights=1.5"]]);
    expect(isCustomFunctionError(spread) && spread.message).toContain("weight noise (weights)");
    const sub = rt.call("LIVEUNCERTAINTY", top100Cells(), [["weightset=report,entropy"]]);
    expect(isCustomFunctionError(sub) && sub.message).toContain("need the raw indicators");
  });
});

describe("the reading in words", () => {
  const indices = (first: number[], total: number[]) => ({
    assumptions: ["weights", "scaling"] as const,
    n: 40,
    first: Float64Array.from(first),
    total: Float64Array.from(total),
    firstLow: new Float64Array(2),
    firstHigh: new Float64Array(2),
    totalLow: new Float64Array(2),
    totalHigh: new Float64Array(2),
    variance: 1,
  });

  it("states the shares largest total first, held to 0–100%, and asks for a larger N when an estimate strays", () => {
    expect(sobolReading(indices([0.2, 0.6], [0.3, 0.7]), "en")).toBe(
      "Of the variance of the mean rank shift, the scaling method explains 60% alone (70% with its interactions); the weight noise explains 20% alone (30% with its interactions).",
    );
    const strayed = sobolReading(indices([1.45, -0.1], [1.12, 0.2]), "zh");
    expect(strayed).toContain("权重扰动单独解释 100%（含交互作用 100%）");
    expect(strayed).toContain("N = 40 时估计值仍有明显抽样误差");
  });
});

describe("LIVESOBOL", () => {
  it("gives a row per assumption; one that cannot change a rank (a scaling list of one) has S and S_T of 0", () => {
    const out = rt.call("LIVESOBOL", raw, [["weights=25%; scaling=rank; aggregate=mean,geometric"]], 120, 4) as Cell[][];
    expect(out[0]).toEqual(["Assumption", "First order Sᵢ", "Total order S_Tᵢ", "Sᵢ 5%", "Sᵢ 95%", "S_Tᵢ 5%", "S_Tᵢ 95%"]);
    expect(out.map((r) => r[0]).slice(1)).toEqual(["Weight noise", "Scaling method", "Aggregation"]);
    expect(out[2][2]).toBe(0);
    expect(out[2][1]).toBe(0);
    // The others take part in the variance: totals above 0, intervals around them.
    for (const r of [out[1], out[3]]) {
      expect(r[2] as number).toBeGreaterThan(0);
      expect(r[5] as number).toBeLessThanOrEqual(r[2] as number);
      expect(r[6] as number).toBeGreaterThanOrEqual(r[2] as number);
    }
    expect(rt.call("LIVESOBOL", raw, [["weights=25%; scaling=rank; aggregate=mean,geometric"]], 120, 4)).toEqual(out);
  });

  it("in Chinese, and refuses an analysis without assumptions or too large for one formula", () => {
    const zh = rt.callWith({ lang: "zh-CN" }, "LIVESOBOL", raw, [["weights=25%"]], 50, 1) as Cell[][];
    expect(zh[1][0]).toBe("权重扰动");
    const none = rt.call("LIVESOBOL", raw, [[""]], 50);
    expect(isCustomFunctionError(none) && none.message).toContain("No assumption is uncertain");
    const big = rt.call("LIVESOBOL", raw, [["weights=25%; scaling=minmax,rank"]], 100000);
    expect(isCustomFunctionError(big) && big.message).toMatch(/runs/);
  });
});
