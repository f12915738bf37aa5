/**
 * LIVERANKCHANGE on generated two-year panels: each year ranked on its own rows (the totals and
 * ranks computed here from the printed weights, apart from the engine), regions matched by name,
 * never by position; new and left regions; the bad inputs of a panel.
 */
import { Cell, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";
import { FRAMEWORK, INDICATOR_IDS, prng, TWO_YEAR_WEIGHTS, twoYearPanel } from "../helpers/fixtures";
import { readPanel } from "../../src/core/panel";
import { readPipelineOptions } from "../../src/core/options";
import { planBlock } from "../../src/plans/plan";
import { planRankChangeSheet } from "../../src/plans/rank-change-sheet";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

const W = TWO_YEAR_WEIGHTS;
const panel = twoYearPanel;

/** Competition ranks of totals, highest first, written out. */
const ranks = (totals: number[]) => totals.map((t) => 1 + totals.filter((u) => u > t).length);

describe("LIVERANKCHANGE", () => {
  it("ranks each year on its own rows and matches regions by name: ranks, change and status as computed here", () => {
    const cells = panel();
    const out = rt.callWith({ lang: "zh-CN" }, "LIVERANKCHANGE", cells) as Cell[][];
    expect(out[0]).toEqual(["省", "市", "区县", "2020 年排名", "2021 年排名", "名次变化（正为上升）", "状态"]);
    const year = (y: number) => cells.slice(1).filter((r) => String(r[0]).startsWith(String(y)));
    const rankBy = (y: number) => {
      const rows = year(y);
      const r = ranks(rows.map((row) => W.reduce((s, w, j) => s + w * (row[4 + j] as number), 0)));
      return new Map(rows.map((row, i) => [row[3] as string, r[i]]));
    };
    const a = rankBy(2020);
    const b = rankBy(2021);
    const got = new Map(out.slice(1).map((r) => [r[2] as string, r]));
    expect(got.size).toBe(13);
    for (const [name, row] of got) {
      const f = a.get(name);
      const t = b.get(name);
      const status = f === undefined ? "新进" : t === undefined ? "退出" : f > t ? "上升" : f < t ? "下降" : "不变";
      expect(row.slice(3)).toEqual([f ?? "", t ?? "", f !== undefined && t !== undefined ? f - t : "", status]);
    }
    // The later year's ranking first, then the regions that left.
    expect(
      out
        .slice(1)
        .map((r) => r[4])
        .filter((x) => x !== ""),
    ).toEqual([...b.values()].sort((x, y) => x - y));
    expect(out[out.length - 1][6]).toBe("退出");
  });

  it("takes the two years to compare, in English", () => {
    const out = rt.call("LIVERANKCHANGE", panel(), null, 2021, 2020) as Cell[][];
    expect(out[0].slice(3, 5)).toEqual(["Rank 2021", "Rank 2020"]);
    expect(out.find((r) => r[2] === "区12")![6]).toBe("left");
    const bad = rt.call("LIVERANKCHANGE", panel(), null, 2019);
    expect(isCustomFunctionError(bad) && bad.message).toContain('Argument "from" cannot be 2019. Use one of: 2020, 2021.');
  });

  it("refuses a region twice in a year, a year that is text, a table without a district or a year column, one year alone", () => {
    const twice = panel();
    twice.push([...twice[1]]);
    expect((rt.call("LIVERANKCHANGE", twice) as { message: string }).message).toContain("appears twice in 2021");
    const text = panel();
    text[3][0] = "去年";
    expect((rt.call("LIVERANKCHANGE", text) as { message: string }).message).toContain("The year 去年 in row 4 is not a four-digit year");
    const noDistrict = panel().map((r) => [r[0], ...r.slice(4)]);
    expect((rt.call("LIVERANKCHANGE", noDistrict) as { message: string }).message).toContain("never matched by position");
    const noYear = panel().map((r) => r.slice(1));
    expect((rt.call("LIVERANKCHANGE", noYear) as { message: string }).message).toContain("The table has no year column");
    const one = panel().filter((r, i) => i === 0 || r[0] === 2020);
    expect((rt.call("LIVERANKCHANGE", one) as { message: string }).message).toContain("one year only (2020)");
  });
});

const COST = new Set(["return_rate", "dispute_rate"]);
/** 20 regions × 19 raw indicators in 2020 and 2021 (2021 grown by up to 60%), no missing value. */
function rawPanel(): (string | number)[][] {
  const rnd = prng(21);
  const base = Array.from({ length: 20 }, () => INDICATOR_IDS.map((id) => (COST.has(id) ? 0.01 + rnd() / 10 : 1 + rnd() * 100)));
  const rows: (string | number)[][] = [];
  for (const year of [2020, 2021])
    base.forEach((b, k) => rows.push([year, "甲省", "甲市", `区${k}`, ...b.map((x) => (year === 2021 ? x * (1 + rnd() * 0.6) : x))]));
  return [["年份", "省", "市", "区县", ...INDICATOR_IDS], ...rows];
}
/** Totals written out: each indicator 100 × (x − low) / (high − low) (reversed for the cost ones), weighted as printed. */
function totals(rows: number[][], bounds: { low: number; high: number }[]): number[] {
  return rows.map((r) => {
    let k = 0;
    let total = 0;
    for (const d of FRAMEWORK) {
      const wsum = d.indicators.reduce((s, i) => s + i.weight, 0);
      let dim = 0;
      for (const ind of d.indicators) {
        const { low, high } = bounds[k];
        const s = ind.direction === 1 ? (100 * (r[k] - low)) / (high - low) : (100 * (high - r[k])) / (high - low);
        dim += (ind.weight / wsum) * s;
        k++;
      }
      total += (d.weight / 100) * dim;
    }
    return total;
  });
}
const yearRows = (cells: (string | number)[][], y: number) =>
  cells
    .slice(1)
    .filter((r) => r[0] === y)
    .map((r) => r.slice(4) as number[]);
const boundsOf = (rows: number[][]) => INDICATOR_IDS.map((_, c) => ({ low: Math.min(...rows.map((r) => r[c])), high: Math.max(...rows.map((r) => r[c])) }));

describe("LIVERANKCHANGE on raw indicators: per-year and reference-year scaling", () => {
  it("per year: each year min–max scaled on its own rows, as two single-year tables", () => {
    const cells = rawPanel();
    const out = rt.call("LIVERANKCHANGE", cells) as Cell[][];
    for (const [y, col] of [
      [2020, 3],
      [2021, 4],
    ] as const) {
      const rows = yearRows(cells, y);
      const expected = ranks(totals(rows, boundsOf(rows)));
      rows.forEach((_, k) => expect(out.find((r) => r[2] === `区${k}`)![col]).toBe(expected[k]));
    }
  });

  it("reference=2020: every year on 2020's minimum and maximum, not clamped (2021 scores above 100 are growth beyond 2020's best)", () => {
    const cells = rawPanel();
    const out = rt.call("LIVERANKCHANGE", cells, [["panel=reference=2020"]]) as Cell[][];
    const ref = boundsOf(yearRows(cells, 2020));
    const t2021 = totals(yearRows(cells, 2021), ref);
    expect(Math.max(...t2021)).toBeGreaterThan(totals(yearRows(cells, 2020), ref).reduce((a, b) => Math.max(a, b), 0));
    const r2021 = ranks(t2021);
    const r2020 = ranks(totals(yearRows(cells, 2020), ref));
    r2021.forEach((r, k) => {
      const row = out.find((x) => x[2] === `区${k}`)!;
      expect([row[3], row[4]]).toEqual([r2020[k], r]);
    });
    const bad = rt.call("LIVERANKCHANGE", cells, [["panel=reference=2019"]]);
    expect(isCustomFunctionError(bad) && bad.message).toContain("reference=2019");
  });
});

describe("every function on a table of several years", () => {
  const num = (v: Cell) => v as number;
  const liveIndex = (cells: unknown[][], options?: unknown) => (rt.call("LIVEINDEX", cells, null, null, null, options ?? null) as Cell[][]).map((r) => r[0]);

  it("LIVEINDEX computes each year on its own rows: each row's total is its year's, as two single-year tables give them and as written out here", () => {
    const cells = rawPanel();
    const out = liveIndex(cells);
    expect(out.length).toBe(cells.length);
    for (const y of [2020, 2021]) {
      const rows = yearRows(cells, y);
      const expected = totals(rows, boundsOf(rows));
      const alone = liveIndex([cells[0], ...cells.slice(1).filter((r) => r[0] === y)]).slice(1);
      const mine = out.filter((_, r) => r > 0 && cells[r][0] === y).map(num);
      mine.forEach((t, k) => {
        expect(t).toBeCloseTo(expected[k], 10);
        expect(t).toBe(alone[k]);
      });
    }
  });

  it("year=2021 computes that year only, the other rows blank; LIVESUBINDEX and LIVETOPSIS go year by year too", () => {
    const cells = rawPanel();
    const out = liveIndex(cells, [["year", "2021年"]]);
    const rows = yearRows(cells, 2021);
    const expected = totals(rows, boundsOf(rows));
    out.slice(1).forEach((t, r) => (cells[r + 1][0] === 2021 ? expect(num(t)).toBeCloseTo(expected[r - 20], 10) : expect(t).toBe("")));
    const alone = (fn: string, ...args: unknown[]) =>
      [2020, 2021].map((y) => (rt.call(fn, [cells[0], ...cells.slice(1).filter((r) => r[0] === y)], ...args) as Cell[][]).slice(1).map((r) => r[0]));
    const sub = (rt.call("LIVESUBINDEX", cells, "goods") as Cell[][]).slice(1).map((r) => r[0]);
    expect(sub).toEqual(alone("LIVESUBINDEX", "goods").flat());
    const topsis = (rt.call("LIVETOPSIS", cells) as Cell[][]).slice(1).map((r) => r[0]);
    expect(topsis).toEqual(alone("LIVETOPSIS").flat());
  });

  it("RANKDISTRICT with the year column as groups ranks each year among itself (ranks counted here)", () => {
    const cells = rawPanel();
    const totalsOut = rt.call("LIVEINDEX", cells) as Cell[][];
    const years = cells.map((r) => [r[0]]);
    const out = (rt.call("RANKDISTRICT", totalsOut, null, null, years) as Cell[][]).map((r) => r[0]);
    expect(out[0]).toBe("Rank");
    for (const y of [2020, 2021]) {
      const rowsOfYear = cells.map((r, i) => i).filter((i) => i > 0 && cells[i][0] === y);
      const expected = ranks(rowsOfYear.map((i) => num(totalsOut[i][0])));
      expect(rowsOfYear.map((i) => out[i])).toEqual(expected);
    }
    // Without groups the years are ranked as one pool: 40 ranks.
    expect(Math.max(...(rt.call("RANKDISTRICT", totalsOut) as Cell[][]).slice(1).map((r) => num(r[0])))).toBe(40);
    const short = rt.call("RANKDISTRICT", totalsOut, null, null, years.slice(0, 10));
    expect(isCustomFunctionError(short) && short.message).toContain("The groups must be as tall as the scores: 41 rows of scores, 10 of groups.");
  });

  it("the functions that summarise a whole table refuse several years unless one is chosen, and then give that year's table's result", () => {
    const cells = rawPanel();
    for (const [fn, args] of [
      ["LIVESTATS", []],
      ["LIVESENSITIVITY", [null, 200]],
      ["LIVEDATAWEIGHTS", []],
    ] as const) {
      const refused = rt.call(fn, cells, ...args);
      expect(isCustomFunctionError(refused) && refused.message).toContain("This table holds several years (2020, 2021), which are never scaled as one pool");
    }
    const zh = rt.callWith({ lang: "zh-CN" }, "LIVESTATS", cells);
    expect(isCustomFunctionError(zh) && zh.message).toContain("函数的 options 写 year=2021");
    const alone = rt.call("LIVEDATAWEIGHTS", [cells[0], ...cells.slice(1).filter((r) => r[0] === 2021)]);
    expect(rt.call("LIVEDATAWEIGHTS", cells, null, null, [["year", 2021]])).toEqual(alone);
  });

  it("refuses a year the table does not hold, a year option without a year column, a year that is text", () => {
    const cells = rawPanel();
    const none = rt.call("LIVEINDEX", cells, null, null, null, [["year=2019"]]);
    expect(isCustomFunctionError(none) && none.message).toContain("The table holds no rows of 2019: its years are 2020, 2021.");
    const noColumn = rt.call(
      "LIVEINDEX",
      cells.map((r) => r.slice(1)),
      null,
      null,
      null,
      [["year=2021"]],
    );
    expect(isCustomFunctionError(noColumn) && noColumn.message).toContain("The table has no year column");
    const word = rt.call("LIVEINDEX", cells, null, null, null, [["year=去年"]]);
    expect(isCustomFunctionError(word) && word.message).toContain("去年");
    // Desktop's blank options cell (0) is the default.
    expect(rt.call("LIVEINDEX", cells, null, null, null, [[0]])).toEqual(rt.call("LIVEINDEX", cells));
  });
});

describe("a table of several years whose years differ in their indicators", () => {
  it("is refused by LIVEINDEX and LIVERANKCHANGE, naming the column and the year without it, blanks on desktop (0) and on the web alike", () => {
    for (const blank of [null, 0, "-"]) {
      const cells = rawPanel().map((r, i) => (i > 0 && r[0] === 2021 ? r.map((v, c) => (c === 4 + INDICATOR_IDS.indexOf("views") ? blank : v)) : r));
      for (const fn of ["LIVEINDEX", "LIVERANKCHANGE"]) {
        const out = rt.call(fn, cells);
        expect(isCustomFunctionError(out) && out.message).toContain("has no value at all in 2021, while other years have");
      }
    }
    // A column absent from the table altogether is no difference between years.
    expect(isCustomFunctionError(rt.call("LIVERANKCHANGE", rawPanel()))).toBe(false);
  });
});

describe("regions matched by a code column", () => {
  it("matches by 行政区划代码 when the table has one, even when a region's name is written differently in the two years", () => {
    const cells = panel();
    const withCode = cells.map((r, i) => {
      if (i === 0) return ["行政区划代码", ...r];
      const k = Number(String(r[3]).slice(1));
      // 2021 writes 区3 as 区3（新） and 区5 with no city: by name they would be new and left.
      const named = String(r[0]).startsWith("2021") && k === 3 ? [...r.slice(0, 3), "区3（新）", ...r.slice(4)] : r;
      const cityless = String(r[0]).startsWith("2021") && k === 5 ? [...named.slice(0, 2), "-", ...named.slice(3)] : named;
      return [330100 + k, ...cityless];
    });
    const out = rt.call("LIVERANKCHANGE", withCode) as Cell[][];
    const byName = rt.call("LIVERANKCHANGE", cells) as Cell[][];
    expect(out.length).toBe(byName.length);
    const status = (rows: Cell[][], d: string) => rows.find((r) => r[2] === d)![6];
    expect(status(out, "区3（新）")).not.toBe("new");
    expect(status(out, "区5")).toBe(status(byName, "区5"));
    // The same ranks and changes as the names give where the names agree.
    const rest = (rows: Cell[][]) =>
      rows
        .slice(1)
        .filter((r) => r[2] !== "区3（新）" && r[2] !== "区3" && r[2] !== "区5")
        .map((r) => [r[2], ...r.slice(3)]);
    expect(rest(out)).toEqual(rest(byName));
    // A code twice in a year is a duplicate, whatever the names.
    const twice = withCode.map((r, i) => (i === 2 ? [withCode[1][0], ...r.slice(1)] : r));
    expect((rt.call("LIVERANKCHANGE", twice) as { message: string }).message).toContain("appears twice in 2021");
  });
});

describe("tables of several years as analysts have them (found by a new-user trial)", () => {
  const W2 = TWO_YEAR_WEIGHTS;
  it("reads a units row under the header and a footnote below the table as no region; a row with data and no year is named", () => {
    const cells = panel();
    const withUnits: unknown[][] = [
      cells[0],
      ["年", "", "", "", "分", "分", "分", "分", "分"],
      ...cells.slice(1),
      ["注：数据为虚构，仅供演示。", ...new Array(8).fill(null)],
    ];
    const out = (rt.call("LIVEINDEX", withUnits) as Cell[][]).map((r) => r[0]);
    expect(out[1]).toBe("");
    expect(out[out.length - 1]).toBe("");
    const plain = (rt.call("LIVEINDEX", cells) as Cell[][]).map((r) => r[0]);
    expect(out.slice(2, -1)).toEqual(plain.slice(1));
    const noYear = panel();
    noYear[5][0] = "";
    const e = rt.call("LIVEINDEX", noYear);
    expect(isCustomFunctionError(e) && e.message).toContain("Row 6 holds data but no year");
  });

  it("ranks within a year however the year is written (2021 and 2021年 are one group)", () => {
    const cells = panel();
    // Half of 2021 written 2021, half 2021年.
    let k = 0;
    const mixed = cells.map((r, i) => (i > 0 && String(r[0]).startsWith("2021") ? [k++ % 2 ? 2021 : "2021年", ...r.slice(1)] : r));
    const totals = rt.call("LIVEINDEX", mixed) as Cell[][];
    const out = (
      rt.call(
        "RANKDISTRICT",
        totals,
        null,
        null,
        mixed.map((r) => [r[0]]),
      ) as Cell[][]
    ).map((r) => r[0]);
    const rows2021 = mixed.map((_, i) => i).filter((i) => i > 0 && String(mixed[i][0]).startsWith("2021"));
    const sums = rows2021.map((i) => W2.reduce((s, w, j) => s + w * (mixed[i][4 + j] as number), 0));
    expect(rows2021.map((i) => out[i])).toEqual(ranks(sums));
  });

  it("gives a region with a bad value in one year no rank there and the status 'not ranked', not 'new'", () => {
    const cells = panel();
    const at = cells.findIndex((r) => r[0] === 2020 && r[3] === "区4");
    cells[at][5] = "缺";
    const out = rt.call("LIVERANKCHANGE", cells) as Cell[][];
    const row = out.find((r) => r[2] === "区4")!;
    expect(row[3]).toBe("");
    expect(row[6]).toBe("not ranked (a bad value that year)");
    expect(out.filter((r) => r[6] === "new").map((r) => r[2])).toEqual(["区12"]);
  });

  it("refuses reference-year scaling of sub-indices, which are scaled already", () => {
    const e = rt.call("LIVEINDEX", panel(), null, null, null, [["panel", "reference=2020"]]);
    expect(isCustomFunctionError(e) && e.message).toContain("panel=reference=2020 applies to the 19 raw indicators only");
  });

  it("refuses a region twice in a year in LIVEINDEX too, naming both rows; the same two years to compare", () => {
    const twice = panel();
    twice.push([...twice[3]]);
    const e = rt.call("LIVEINDEX", twice);
    expect(isCustomFunctionError(e) && e.message).toContain(`appears twice in 2021 (rows 4, ${twice.length})`);
    const same = rt.call("LIVERANKCHANGE", panel(), null, 2021, "2021年");
    expect(isCustomFunctionError(same) && same.message).toContain("The two years compared are the same (2021)");
  });

  it("computes the year chosen when another year lacks a column, and refuses the year that lacks it", () => {
    const cells = rawPanel().map((r, i) => (i > 0 && r[0] === 2020 ? r.map((v, c) => (c === 4 + INDICATOR_IDS.indexOf("views") ? null : v)) : r));
    const ok = rt.call("LIVEINDEX", cells, null, null, null, [["year", 2021]]) as Cell[][];
    const rows = yearRows(cells as (string | number)[][], 2021);
    const expected = totals(rows, boundsOf(rows));
    ok.slice(21).forEach((r, k) => expect(r[0] as number).toBeCloseTo(expected[k], 10));
    const refused = rt.call("LIVEINDEX", cells, null, null, null, [["year", 2020]]);
    expect(isCustomFunctionError(refused) && refused.message).toContain("has no value at all in 2020");
  });
});

describe("rows that are no region in a table of several years (found by the second trial)", () => {
  it("leaves a 合计 row of each year and a note row out of the rank change", () => {
    const cells = panel();
    const sum = (year: number | string) => [year, "合计", "", "", ...W.map(() => 100)];
    const withTotals = [...cells, sum(2020), sum("2021年"), ["2021年", "注：数据为虚构", "", "", "", "", "", "", ""]];
    const out = rt.call("LIVERANKCHANGE", withTotals) as Cell[][];
    expect(out.map((r) => r[0]).filter((p) => p !== "浙江省" && p !== "Province")).toEqual([]);
    expect(out.length).toBe((rt.call("LIVERANKCHANGE", cells) as Cell[][]).length);
  });

  it("says in the note of a rank change on a reference year's scale that the scores are not clamped", () => {
    const plan = planRankChangeSheet(readPanel(rawPanel(), { pipeline: readPipelineOptions("panel=reference=2020") }), 2020, 2021, {
      lang: "en",
      topN: 5,
      source: "t",
    });
    const note = planBlock(plan, "note")
      .values.map((r) => r.join(" "))
      .join(" ")
      .replace(/\s+/g, " ");
    expect(note).toContain("On 2020's minimum and maximum of each indicator");
    expect(note).not.toContain("clamped to 0–100");
  });
});
