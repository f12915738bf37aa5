/**
 * Tables of several years in the pipeline (core/years.ts): the growth indicators computed from two
 * consecutive years' levels when the table has the levels and not the rates (each rate written out
 * here from the levels, the engine then given the explicit table to compare with), regions matched
 * by name whatever their row order, and the method note saying so.
 */
import { computeIndex } from "../../src/core/pipeline";
import { readPipelineOptions } from "../../src/core/options";
import { runIndex } from "../../src/core/workflow";
import { rowYears, withGrowthFromLevels } from "../../src/core/years";
import { proposeMapping, SKIP_COLUMN } from "../../src/core/headers";
import { runNoteLines } from "../../src/plans/method-note";
import { INDICATOR_IDS, prng } from "../helpers/fixtures";

const COST = new Set(["return_rate", "dispute_rate"]);
const GROWTH = ["streamer_gmv_growth", "streamer_sessions_growth"];
const LEVEL: Record<string, string> = { streamer_gmv_growth: "streamer_gmv", streamer_sessions_growth: "streamer_sessions" };
const LEVEL_IDS = INDICATOR_IDS.filter((id) => !GROWTH.includes(id));

/** 15 regions over 2020–2021, rows in another order each year; 区14 new in 2021; 区3's 2020 GMV is 0; levels only. */
function levelsPanel(): (string | number)[][] {
  const rnd = prng(31);
  const rows: (string | number)[][] = [];
  const value = (id: string) => (COST.has(id) ? 0.01 + rnd() / 10 : 1 + Math.round(rnd() * 10000) / 100);
  const base = Array.from({ length: 15 }, () => LEVEL_IDS.map(value));
  for (const year of [2021, 2020]) {
    const order = year === 2020 ? [...Array(14).keys()] : [14, ...[...Array(14).keys()].reverse()];
    for (const k of order) {
      const v = base[k].map((x) => (year === 2021 ? Math.round(x * (0.7 + rnd() * 0.8) * 100) / 100 : x));
      if (year === 2020 && k === 3) v[LEVEL_IDS.indexOf("streamer_gmv")] = 0;
      rows.push([year, "甲省", k % 3 ? "甲市" : "乙市", `区${k}`, ...v]);
    }
  }
  return [["年份", "省", "市", "区县", ...LEVEL_IDS], ...rows];
}

/** One year's table with the two growth rates written out from the levels: (this − last) / |last|; without a base, the year's lowest rate. */
function explicitYear(cells: (string | number)[][], year: number): (string | number | null)[][] {
  const at = (id: string) => 4 + LEVEL_IDS.indexOf(id);
  const last = new Map(
    cells
      .slice(1)
      .filter((r) => r[0] === year - 1)
      .map((r) => [`${r[2]}|${r[3]}`, r]),
  );
  const rows = cells
    .slice(1)
    .filter((r) => r[0] === year)
    .map((r) => {
      const prev = last.get(`${r[2]}|${r[3]}`);
      const rates = GROWTH.map((g) => {
        const p = prev ? (prev[at(LEVEL[g])] as number) : null;
        return p === null || p === 0 ? null : ((r[at(LEVEL[g])] as number) - p) / Math.abs(p);
      });
      return [...r, ...rates];
    });
  const width = cells[0].length;
  for (let k = 0; k < GROWTH.length; k++) {
    const low = Math.min(...rows.map((r) => r[width + k]).filter((v): v is number => typeof v === "number"));
    for (const r of rows) if (r[width + k] === null) r[width + k] = low;
  }
  return [[...cells[0], ...GROWTH], ...rows];
}

describe("growth rates from two years' levels", () => {
  it("computes both rates for each region from its own last year, matched by name, the year's lowest without a base", () => {
    const cells = levelsPanel();
    const { cells: out, derived } = withGrowthFromLevels(cells, rowYears(cells)!);
    expect(derived).toEqual([INDICATOR_IDS.indexOf("streamer_gmv_growth"), INDICATOR_IDS.indexOf("streamer_sessions_growth")]);
    const expected = new Map(
      explicitYear(cells, 2021)
        .slice(1)
        .map((r) => [r[3], r.slice(-2)]),
    );
    out.slice(1).forEach((r) => {
      const rates = r.slice(-2);
      if (r[0] === 2020) expect(rates).toEqual([null, null]);
      else expect(rates).toEqual(expected.get(r[3] as string));
    });
    // The new region and the zero base take 2021's lowest rate, below every region that grew or shrank less.
    const lows = [0, 1].map((k) => Math.min(...[...expected.values()].map((v) => v[k] as number)));
    expect(expected.get("区14")).toEqual(lows);
    expect(expected.get("区3")![0]).toBe(lows[0]);
    expect(expected.get("区3")![1]).not.toBe(lows[1]);
  });

  it("gives 2021's index as the table with the rates written out gives it, and says so in the method note", () => {
    const cells = levelsPanel();
    const options = { pipeline: readPipelineOptions("year=2021") };
    const mine = computeIndex(cells, options);
    const explicit = computeIndex(explicitYear(cells, 2021));
    const rows2021 = cells.map((r, i) => i).filter((i) => cells[i][0] === 2021);
    expect(rows2021.map((i) => mine.total[i - 1])).toEqual(Array.from(explicit.total));
    // The note's lines are wrapped to its width: read without the breaks.
    const note = runNoteLines(runIndex(cells, options), "zh", "表").flat().join("").replace(/\s+/g, "");
    expect(note).toContain("该区县主播直播引导成交额增长率指数、该区县主播直播场次增长率指数：表中没有这一列，按相邻两年的水平计算");
    expect(note).toContain("取当年最低的增长率（缺失数据从不抬高得分）");
    const en = runNoteLines(runIndex(cells, options), "en", "t").flat().join(" ").replace(/\s+/g, " ");
    expect(en).toContain("not in the table, computed from the levels of consecutive years");
  });

  it("leaves a table that has the rates, or one year only, as it is", () => {
    const explicit = explicitYear(levelsPanel(), 2021).map((r, i) => (i === 0 ? r : [2021, ...r.slice(1)]));
    const both = [...explicit, ...explicit.slice(1).map((r) => [2022, ...r.slice(1)])];
    expect(withGrowthFromLevels(both as unknown[][], rowYears(both as unknown[][])!).derived).toEqual([]);
    const one = levelsPanel().filter((r, i) => i === 0 || r[0] === 2021);
    expect(withGrowthFromLevels(one, rowYears(one)!).derived).toEqual([]);
    expect(computeIndex(explicit as unknown[][]).derivedGrowth).toEqual([]);
  });
});

describe("the year column in a proposed mapping", () => {
  it("is known, not flagged as unrecognised, and not an index column", () => {
    const header = ["年份", "省", "市", "区县", "不明列", ...LEVEL_IDS];
    const m = proposeMapping(header);
    expect(m.unmatched).toEqual([4]);
    expect(m.keys[0]).toBe(SKIP_COLUMN);
    expect(proposeMapping(["Year", "district", "goods"]).unmatched).toEqual([]);
  });
});
