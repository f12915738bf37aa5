/**
 * Every custom function from the source (test/functions/bundle.test.ts checks that the built bundle
 * answers the same), called as Excel calls it.
 * Per function: shape and alignment first, then values. Every result of every call is walked
 * by the runtime helper (no null, NaN, Infinity, ragged spill or internal error reaches a cell).
 */
import { computeIndex } from "../../src/core/pipeline";
import { getSensitivity } from "../../src/core/sensitivity";
import { REPORT_TOP100_2020 } from "../../src/data/report2020";
import {
  asError,
  asMatrix,
  Cell,
  column,
  ErrorCode,
  ExcelRuntime,
  hasCjk,
  isCustomFunctionError,
  loadSourceRuntime,
  resultProblems,
  CustomFunctionError,
  show,
} from "../helpers/excel-runtime";
import {
  FRAMEWORK,
  independentIndex,
  INDICATOR_IDS,
  PUBLISHED_RANKS,
  PUBLISHED_TOTALS,
  rawIndicatorCells,
  shareOfMax,
  top100Cells,
  top100SubIndexCells,
} from "../helpers/fixtures";

let rt: ExcelRuntime;

beforeAll(async () => {
  rt = await loadSourceRuntime();
});

beforeEach(() => {
  rt.displayLanguage = "en-US";
});

/** Expects every cell of a column of numbers to be within `tol` of the expected values. */
function expectClose(actual: readonly Cell[], expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  const bad = actual.map((a, i) => ({ i, a, e: expected[i] })).filter(({ a, e }) => typeof a !== "number" || Math.abs(a - e) > tol);
  expect(bad.map(({ i, a, e }) => ({ row: i, actual: show(a), expected: e }))).toEqual([]);
}

function numbers(cells: readonly Cell[]): number[] {
  return cells.map((c) => {
    if (typeof c !== "number") throw new Error(`not a number: ${JSON.stringify(show(c))}`);
    return c;
  });
}

/** The printed value of a Top-100 sub-index cell: "-" is 0. */
const printed = (v: number | null) => v ?? 0;

// ---- LIVEINDEX ---------------------------------------------------------------------------------

describe("LIVEINDEX", () => {
  describe("on the report's Top-100 table", () => {
    it("returns 101 rows × 1 column: the header label, then one total per district", () => {
      const out = asMatrix(rt.call("LIVEINDEX", top100Cells()));
      expect(out.length).toBe(101);
      expect(out.every((row) => row.length === 1)).toBe(true);
      expect(out[0][0]).toBe("Total index");
      expect(out.slice(1).every((row) => typeof row[0] === "number")).toBe(true);
    });

    it("reproduces every published total within 0.01", () => {
      expectClose(column(rt.call("LIVEINDEX", top100Cells())).slice(1), PUBLISHED_TOTALS, 0.01);
    });

    it("header-less: the five sub-index columns in the Top-100 order give 100 rows, the same totals", () => {
      const out = column(rt.call("LIVEINDEX", top100SubIndexCells()));
      expect(out.length).toBe(100);
      expect(out).toEqual(column(rt.call("LIVEINDEX", top100Cells())).slice(1));
    });

    it.each(["zh", "en", "id"])("LIVEWEIGHTS(%s) passed back as weights gives the identical result", (lang) => {
      const weights = asMatrix(rt.call("LIVEWEIGHTS", lang));
      expect(rt.call("LIVEINDEX", top100Cells(), weights)).toEqual(rt.call("LIVEINDEX", top100Cells()));
    });

    it("LIVEWEIGHTS() with an empty method and FALSE rescale is still the default computation", () => {
      expect(rt.call("LIVEINDEX", top100Cells(), asMatrix(rt.call("LIVEWEIGHTS")), [[""]], false)).toEqual(rt.call("LIVEINDEX", top100Cells()));
    });

    it("matches columns by name: shuffled columns and English/id/full-width headers give the same totals", () => {
      const base = top100Cells();
      const expected = column(rt.call("LIVEINDEX", base));
      const order = [9, 6, 3, 8, 0, 4, 1, 7, 2, 5];
      const shuffled = base.map((row) => order.map((c) => row[c]));
      expect(column(rt.call("LIVEINDEX", shuffled))).toEqual(expected);
      const renamed = base.map((row, r) =>
        r === 0
          ? [
              "rank",
              "province",
              "city",
              "district",
              "supply",
              "Live-stream content consumption",
              "  该区县直播商品消费  ",
              "ＱＵＡＬＩＴＹ",
              "industry",
              "total",
            ]
          : row,
      );
      expect(column(rt.call("LIVEINDEX", renamed))).toEqual(expected);
    });

    it('an oversized range: trailing all-blank rows (null and "") give "" in those rows and nothing else changes', () => {
      const base = top100Cells();
      const blanks = Array.from({ length: 25 }, (_, r) => base[0].map((_, c) => ((r + c) % 3 === 0 ? "" : null)));
      const out = asMatrix(rt.call("LIVEINDEX", [...base, ...blanks]));
      expect(out.length).toBe(126);
      expect(out.slice(0, 101)).toEqual(rt.call("LIVEINDEX", base));
      expect(out.slice(101)).toEqual(blanks.map(() => [""]));
    });

    it("a blank row in the middle stays blank and the rows around it keep their totals", () => {
      const base = top100SubIndexCells();
      const withGap = [...base.slice(0, 10), [null, "", null, "", null], ...base.slice(10)];
      const out = column(rt.call("LIVEINDEX", withGap));
      expect(out.length).toBe(101);
      expect(out[10]).toBe("");
      expect([...out.slice(0, 10), ...out.slice(11)]).toEqual(column(rt.call("LIVEINDEX", base)));
    });

    it("a row with only a name (no index values) is left out with its reason, not ranked at 0 nor blank", () => {
      const base = top100Cells();
      const named = [...base, [101, "浙江省", "杭州市", "某区", "", "", "", "", "", ""]];
      const cell = column(rt.call("LIVEINDEX", named))[101];
      expect(isCustomFunctionError(cell) && cell.message).toMatch(/Row 102 has no value in any index column/);
    });
  });

  describe("on raw indicators", () => {
    const raw = rawIndicatorCells(40);

    it("with a header of ids: one total per row plus the header label, equal to an independent min–max computation", () => {
      const out = column(rt.call("LIVEINDEX", raw));
      expect(out.length).toBe(41);
      expect(out[0]).toBe("Total index");
      expectClose(out.slice(1), independentIndex(raw).total, 1e-9);
    });

    it("header-less 19 columns in the weight-table order give the same totals without the label", () => {
      expect(column(rt.call("LIVEINDEX", raw.slice(1)))).toEqual(column(rt.call("LIVEINDEX", raw)).slice(1));
    });

    it('method "max" and rescale TRUE match the independent computation', () => {
      expectClose(column(rt.call("LIVEINDEX", raw, null, [["max"]])).slice(1), independentIndex(raw, shareOfMax).total, 1e-9);
      expectClose(column(rt.call("LIVEINDEX", raw, null, null, true)).slice(1), independentIndex(raw, undefined, true).total, 1e-9);
    });

    /** streamer_gmv at ±1e308: finite cells whose range (max − min) overflows a double. */
    const extreme = () => {
      const cells = rawIndicatorCells(3, 1);
      cells[1][0] = 1e308;
      cells[2][0] = -1e308;
      return cells;
    };

    it.each(["minmax", "zscore"])('a row that holds data never comes back blank ("%s" on values near the double limit)', (method) => {
      const out = column(rt.call("LIVEINDEX", extreme(), null, [[method]])).slice(1);
      expect(out.filter((c) => c === "")).toEqual([]);
      expect(out.every((c) => typeof c === "number" || (isCustomFunctionError(c) && c.code === ErrorCode.invalidNumber))).toBe(true);
    });

    // CORE BUG (src/core/scaling.ts scaleMinMax, scaleZScore): when max − min (or the sum of
    // squares) overflows to Infinity, minmax computes (x − min) × (100 / Infinity) = Infinity × 0
    // = NaN for the extreme rows, and zscore gives NaN for every row. Input: any raw table with
    // streamer_gmv 1e308 in one row and -1e308 in another. Expected: finite scores (minmax 100 and
    // 0 for those rows), e.g. by scaling x / max|x| before subtracting.
    it.each(["minmax", "zscore"])("%s scales finite values near the double limit without overflowing", (method) => {
      const out = column(rt.call("LIVEINDEX", extreme(), null, [[method]])).slice(1);
      expect(out.map(show)).toEqual(out.map((c) => (typeof c === "number" ? c : "a finite number")));
    });

    it("a goalposts table scales with the given bounds, clamped to 0–100", () => {
      const body = raw.slice(1);
      const goalposts = [
        ["indicator", "low", "high"],
        ...INDICATOR_IDS.map((id, c) => {
          // The values the scaling sees: a missing cell is 0 when more is better, the column's largest value when less is.
          const less = FRAMEWORK.some((d) => d.indicators.some((i) => i.id === id && i.direction === -1));
          const seen = body.filter((r) => typeof r[c] === "number").map((r) => r[c] as number);
          const xs = body.map((r) => (typeof r[c] === "number" ? (r[c] as number) : less ? Math.max(...seen) : 0));
          return [id, Math.min(...xs), Math.max(...xs)];
        }),
      ];
      // With the observed min and max as goalposts, goalposts scaling is min–max scaling.
      expectClose(column(rt.call("LIVEINDEX", raw, null, goalposts)).slice(1), independentIndex(raw).total, 1e-9);
      // Narrower bounds clamp: every sub-index and total stays within 0–100.
      const narrow = goalposts.map((r, i) => (i === 0 ? r : [r[0], (r[1] as number) + 1e-6, ((r[1] as number) + (r[2] as number)) / 2]));
      const out = numbers(column(rt.call("LIVEINDEX", raw, null, narrow)).slice(1));
      expect(out.every((v) => v >= 0 && v <= 100)).toBe(true);
    });
  });
});

// ---- LIVESUBINDEX ------------------------------------------------------------------------------

describe("LIVESUBINDEX", () => {
  const top100Column = (id: "supply" | "viewing" | "goods" | "quality" | "industry") => REPORT_TOP100_2020.map((r) => printed(r[id]));

  it.each(FRAMEWORK.map((d) => [d.id, d.zh, d.en] as const))("on the Top-100 table, %s is found by id, Chinese name and English name", (id, zh, en) => {
    const byId = rt.call("LIVESUBINDEX", top100Cells(), id);
    const out = asMatrix(byId);
    expect(out.length).toBe(101);
    expect(out[0]).toEqual([en]);
    expectClose(column(byId).slice(1), top100Column(id as "goods"), 1e-12);
    expect(rt.call("LIVESUBINDEX", top100Cells(), zh)).toEqual(byId);
    expect(rt.call("LIVESUBINDEX", top100Cells(), en)).toEqual(byId);
    expect(rt.call("LIVESUBINDEX", top100Cells(), ` ${en.toUpperCase()} `)).toEqual(byId);
  });

  it("gives 0 in every row for a dimension whose weights are all 0 (the zero-denominator rule), not an error", () => {
    const weights = (rt.call("LIVEWEIGHTS") as Cell[][]).map((r, i) => (i >= 18 ? [r[0], r[1], 0, 0] : r));
    const out = column(rt.call("LIVESUBINDEX", rawIndicatorCells(6), "industry", weights));
    expect(out).toEqual(["Industry promotion", 0, 0, 0, 0, 0, 0]);
  });

  it("needs only its own column: a range with just the quality column works", () => {
    const cells = [["直播质量指数"], ...REPORT_TOP100_2020.map((r) => [r.quality ?? "-"])];
    expect(rt.call("LIVESUBINDEX", cells, "quality")).toEqual(rt.call("LIVESUBINDEX", top100Cells(), "quality"));
  });

  it("header-less Top-100 columns: 100 rows, no label", () => {
    const out = column(rt.call("LIVESUBINDEX", top100SubIndexCells(), "goods"));
    expect(out.length).toBe(100);
    expectClose(out, top100Column("goods"), 1e-12);
  });

  describe("on raw indicators (19 columns, header of ids)", () => {
    const raw = rawIndicatorCells(30, 7);
    const expected = independentIndex(raw);
    const expectedRescaled = independentIndex(raw, undefined, true);

    it.each(FRAMEWORK.map((d) => d.id))("%s equals an independent min–max computation", (id) => {
      const out = column(rt.call("LIVESUBINDEX", raw, id));
      expect(out.length).toBe(31);
      expectClose(out.slice(1), expected.dimensions[id], 1e-9);
    });

    it.each(FRAMEWORK.map((d) => d.id))("%s with rescale TRUE has maximum 100 and equals the independent computation", (id) => {
      const out = numbers(column(rt.call("LIVESUBINDEX", raw, id, null, null, true)).slice(1));
      expectClose(out, expectedRescaled.dimensions[id], 1e-9);
      expect(Math.max(...out)).toBeCloseTo(100, 9);
    });

    it("lower-is-better indicators score 100 at their minimum", () => {
      // Only the return rate differs between rows; it is lowest in row 2.
      const header = ["return_rate", "dispute_rate", "price_tier", "rating"];
      const cells = [header, [0.3, 0.1, 1, 1], [0.1, 0.1, 1, 1], [0.2, 0.1, 1, 1]];
      expectClose(column(rt.call("LIVESUBINDEX", cells, "quality")).slice(1), [0, 25, 12.5], 1e-12);
    });

    it("the totals of LIVEINDEX are the weighted sum of the five LIVESUBINDEX columns", () => {
      const dims = FRAMEWORK.map((d) => numbers(column(rt.call("LIVESUBINDEX", raw, d.id)).slice(1)));
      const total = dims[0].map((_, r) => FRAMEWORK.reduce((s, d, k) => s + (d.weight / 100) * dims[k][r], 0));
      expectClose(column(rt.call("LIVEINDEX", raw)).slice(1), total, 1e-9);
    });
  });
});

// ---- RANKDISTRICT ------------------------------------------------------------------------------

describe("RANKDISTRICT", () => {
  const tiedOnPrint = (i: number) => PUBLISHED_TOTALS.filter((t) => t === PUBLISHED_TOTALS[i]).length > 1;

  it("keeps the shape of its input: one rank per cell", () => {
    const out = asMatrix(
      rt.call("RANKDISTRICT", [
        [3, 1],
        [2, 5],
        [4, 0],
      ]),
    );
    expect(out).toEqual([
      [3, 5],
      [4, 1],
      [2, 6],
    ]);
  });

  it("the published totals column (with its header) reproduces every published rank not tied on the printed totals", () => {
    const out = column(rt.call("RANKDISTRICT", [["总指数"], ...PUBLISHED_TOTALS.map((t) => [t])]));
    expect(out.length).toBe(101);
    expect(out[0]).toBe("Rank");
    let checked = 0;
    PUBLISHED_RANKS.forEach((rank, i) => {
      if (tiedOnPrint(i)) return;
      checked++;
      expect({ row: i + 1, rank: out[i + 1] }).toEqual({ row: i + 1, rank });
    });
    expect(checked).toBe(87);
  });

  it("chained on LIVEINDEX's spill (=RANKDISTRICT(G2#)) it reproduces the same published ranks", () => {
    const totals = asMatrix(rt.call("LIVEINDEX", top100Cells()));
    const out = column(rt.call("RANKDISTRICT", totals));
    expect(out[0]).toBe("Rank");
    PUBLISHED_RANKS.forEach((rank, i) => {
      if (!tiedOnPrint(i)) expect({ row: i + 1, rank: out[i + 1] }).toEqual({ row: i + 1, rank });
    });
  });

  it("chained on LIVEINDEX of a table under a title line: the blanks beside the title stay blank, the label is a label, the totals ranked", () => {
    const titled = [["2020 年百强（单位：分）", ...new Array(9).fill("")], ...top100Cells()];
    const totals = asMatrix(rt.call("LIVEINDEX", titled));
    expect(totals[0][0]).toBe("");
    const out = column(rt.call("RANKDISTRICT", totals));
    expect(out.slice(0, 2)).toEqual(["", "Rank"]);
    PUBLISHED_RANKS.forEach((rank, i) => {
      if (!tiedOnPrint(i)) expect({ row: i + 2, rank: out[i + 2] }).toEqual({ row: i + 2, rank });
    });
    // A row of zeros is scores, not blanks: ranked.
    expect(column(rt.call("RANKDISTRICT", [[0], [5]]))).toEqual([2, 1]);
  });

  it.each([
    ["min", [1, 2, 2, 4]],
    ["avg", [1, 2.5, 2.5, 4]],
    ["dense", [1, 2, 2, 3]],
    ["ordinal", [1, 2, 3, 4]],
    ["RANK.EQ", [1, 2, 2, 4]],
    ["RANK.AVG", [1, 2.5, 2.5, 4]],
  ])('ties "%s" ranks 9, 7, 7, 5 as %j', (ties, expected) => {
    expect(column(rt.call("RANKDISTRICT", [[9], [7], [7], [5]], null, ties))).toEqual(expected);
  });

  it("ties default to competition ranking (RANK.EQ), largest first", () => {
    expect(column(rt.call("RANKDISTRICT", [[9], [7], [7], [5]]))).toEqual([1, 2, 2, 4]);
    expect(column(rt.call("RANKDISTRICT", [[9], [7], [7], [5]], 0))).toEqual([1, 2, 2, 4]);
  });

  it("order 1 ranks the smallest first, with every tie method", () => {
    const s = [[9], [7], [7], [5]];
    expect(column(rt.call("RANKDISTRICT", s, 1))).toEqual([4, 2, 2, 1]);
    expect(column(rt.call("RANKDISTRICT", s, 1, "avg"))).toEqual([4, 2.5, 2.5, 1]);
    expect(column(rt.call("RANKDISTRICT", s, 1, "dense"))).toEqual([3, 2, 2, 1]);
    expect(column(rt.call("RANKDISTRICT", s, 1, "ordinal"))).toEqual([4, 2, 3, 1]);
    expect(column(rt.call("RANKDISTRICT", s, true))).toEqual([4, 2, 2, 1]);
  });

  it('blank cells (null and "") stay "" and do not take a rank', () => {
    expect(column(rt.call("RANKDISTRICT", [[5], [""], [9], [null], [7]]))).toEqual([3, "", 1, "", 2]);
  });

  it('"-" ranks as 0, as the report\'s "none"', () => {
    expect(column(rt.call("RANKDISTRICT", [[5], ["-"], [9]]))).toEqual([2, 3, 1]);
  });

  it("a non-numeric cell gets its own #VALUE! naming the value; the rest still rank without it", () => {
    const out = column(rt.call("RANKDISTRICT", [["总指数"], [5], ["n/a"], [9], [7]]));
    expect(out[0]).toBe("Rank");
    expect([out[1], out[3], out[4]]).toEqual([3, 1, 2]);
    const err = out[2];
    expect(isCustomFunctionError(err)).toBe(true);
    expect(isCustomFunctionError(err) && err.code).toBe(ErrorCode.invalidValue);
    expect(isCustomFunctionError(err) && err.message).toContain('"n/a" is not a score');
  });

  it("a text header in the first cell is kept as the header label (排名 / Rank), in the display language", () => {
    expect(column(rt.call("RANKDISTRICT", [["Total index"], [1], [2]]))).toEqual(["Rank", 2, 1]);
    expect(column(rt.callWith({ lang: "zh-CN" }, "RANKDISTRICT", [["总指数"], [1], [2]]))).toEqual(["排名", 2, 1]);
    // A multi-column header: the label goes in the first cell, the others stay blank.
    expect(
      rt.call("RANKDISTRICT", [
        ["a", "b"],
        [1, 3],
        [2, 4],
      ]),
    ).toEqual([
      ["Rank", ""],
      [4, 2],
      [3, 1],
    ]);
  });
});

// ---- LIVEWEIGHTS -------------------------------------------------------------------------------

describe("LIVEWEIGHTS", () => {
  const expectTable = (out: Cell[][], header: string[], dimName: (d: (typeof FRAMEWORK)[number]) => string, indName: ((id: string) => string) | null) => {
    expect(out.length).toBe(20);
    expect(out.every((r) => r.length === 4)).toBe(true);
    expect(out[0]).toEqual(header);
    const rows = FRAMEWORK.flatMap((d) => d.indicators.map((i) => ({ d, i })));
    rows.forEach(({ d, i }, k) => {
      const row = out[k + 1];
      expect(row[0]).toBe(dimName(d));
      if (indName) expect(row[1]).toBe(indName(i.id));
      expect(row[2]).toBeCloseTo(d.weight / 100, 12);
      expect(row[3]).toBeCloseTo(i.weight / 100, 12);
    });
  };

  it("spills 20 rows × 4 columns with Chinese names by default, weights as fractions", () => {
    const out = asMatrix(rt.call("LIVEWEIGHTS"));
    expectTable(out, ["一级指标", "二级指标", "一级指标权重", "二级指标权重"], (d) => d.zh, null);
    expect(out.slice(1).every((r) => hasCjk(String(r[0])) && hasCjk(String(r[1])))).toBe(true);
    expect(out[1][1]).toBe("该区县主播直播引导成交额指数");
  });

  it('"en" gives English names', () => {
    const out = asMatrix(rt.call("LIVEWEIGHTS", "en"));
    expectTable(out, ["Dimension", "Indicator", "Dimension weight", "Indicator weight"], (d) => d.en, null);
    expect(out.slice(1).some((r) => hasCjk(String(r[0]) + String(r[1])))).toBe(false);
  });

  it('"id" gives the ids', () => {
    expectTable(
      asMatrix(rt.call("LIVEWEIGHTS", "id")),
      ["dimension_id", "indicator_id", "dimension_weight", "indicator_weight"],
      (d) => d.id,
      (id) => id,
    );
  });

  it("the language does not follow the display language, and aliases are accepted", () => {
    expect(rt.callWith({ lang: "en-US" }, "LIVEWEIGHTS")).toEqual(rt.callWith({ lang: "zh-CN" }, "LIVEWEIGHTS"));
    expect(rt.call("LIVEWEIGHTS", " EN ")).toEqual(rt.call("LIVEWEIGHTS", "en"));
    expect(rt.call("LIVEWEIGHTS", "中文")).toEqual(rt.call("LIVEWEIGHTS", ""));
  });
});

// ---- LIVECHECKWEIGHTS --------------------------------------------------------------------------

describe("LIVECHECKWEIGHTS", () => {
  const report = () => asMatrix(rt.call("LIVEWEIGHTS"));

  it.each(["zh", "en", "id"])("LIVECHECKWEIGHTS(LIVEWEIGHTS(%s)) gives only the two rounding warnings, no error rows", (lang) => {
    const out = asMatrix(rt.call("LIVECHECKWEIGHTS", asMatrix(rt.call("LIVEWEIGHTS", lang))));
    expect(out.length).toBe(2);
    expect(out.every((r) => r.length === 3 && r[0] === "warning")).toBe(true);
    expect(out[0][2]).toContain("96%");
    expect(out[0][2]).toContain("Live-stream content supply");
    expect(out[1][2]).toContain("99%");
    expect(out[1][2]).toContain("Live-stream content consumption");
    expect(out.map((r) => r[2]).every((m) => /rounding/.test(String(m)))).toBe(true);
  });

  it("with the range's address the warnings name real cells", () => {
    const out = asMatrix(rt.callWith({ addresses: ["Sheet1!B2:E21"] }, "LIVECHECKWEIGHTS", report()));
    // Supply's first indicator is range row 6 (worksheet row 7); viewing's is worksheet row 13; weights in column E.
    expect(out.map((r) => r[1])).toEqual(["Sheet1!E7", "Sheet1!E13"]);
  });

  it("a table with exact weights is OK", () => {
    const exact = report().map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], r[0] === "直播内容供给指数" ? 1 / 6 : r[0] === "直播内容消费指数" ? 1 / 3 : r[3]]));
    expect(rt.call("LIVECHECKWEIGHTS", exact)).toEqual([["OK"]]);
  });

  describe("a broken table", () => {
    /** Range rows: 0 header, 1–4 goods, 5–10 supply, 11–13 viewing, 14–17 quality, 18–19 industry. */
    const broken = () =>
      report().map((r, i) => {
        if (i === 3) return [r[0], "no such indicator", r[2], r[3]];
        if (i === 11) return [r[0], r[1], r[2], "abc"];
        if (i === 15) return [r[0], r[1], -0.15, r[3]];
        return r;
      });

    it("gives one error row per problem, naming real cells when the address is supplied", () => {
      const out = asMatrix(rt.callWith({ addresses: ["Sheet1!B2:E21"] }, "LIVECHECKWEIGHTS", broken()));
      expect(out.every((r) => r.length === 3)).toBe(true);
      expect(out.filter((r) => r[0] === "warning")).toEqual([]);
      const byCell = Object.fromEntries(out.map((r) => [r[1], r[2]]));
      expect(Object.keys(byCell).sort()).toEqual(["Sheet1!C5", "Sheet1!D17", "Sheet1!E13", "table"].sort());
      expect(byCell["Sheet1!C5"]).toContain('Unknown indicator "no such indicator"');
      expect(byCell["Sheet1!E13"]).toContain('indicator weight "abc" is not a number');
      expect(byCell["Sheet1!D17"]).toContain("dimension weight cannot be negative: -0.15");
      expect(byCell.table).toContain("Indicators missing from the table: GMV driven by merchants' own live streams");
      expect(out.every((r) => r[0] === "error")).toBe(true);
    });

    it("names quoted sheets and absolute addresses too", () => {
      const out = asMatrix(rt.callWith({ addresses: ["'My weights'!$B$2:$E$21"] }, "LIVECHECKWEIGHTS", broken()));
      expect(out.map((r) => r[1])).toContain("'My weights'!C5");
    });

    it("without an address it names range rows", () => {
      const out = asMatrix(rt.call("LIVECHECKWEIGHTS", broken()));
      expect(out.map((r) => r[1]).sort()).toEqual(["row 12", "row 16", "row 4", "table"].sort());
    });

    it("the same table passed to LIVEINDEX is one #VALUE! naming the count and the first problem", () => {
      const err = asError(rt.call("LIVEINDEX", top100Cells(), broken()));
      expect(err.code).toBe(ErrorCode.invalidValue);
      expect(err.message).toContain("The weight table has 4 error(s). First: Row 4: Unknown indicator");
    });
  });
});

// ---- LIVEWEIGHTDIFF ----------------------------------------------------------------------------

describe("LIVEWEIGHTDIFF", () => {
  /** LIVEWEIGHTS(lang) as cells; `edit` changes them (range rows: 0 header, 1–4 goods, 5–10 supply, 11–13 viewing, 14–17 quality, 18–19 industry). */
  const table = (lang = "zh", edit: (rows: Cell[][]) => void = () => undefined) => {
    const rows = asMatrix(rt.call("LIVEWEIGHTS", lang)).map((r) => [...r]);
    edit(rows);
    return rows;
  };
  const HEADER_EN = ["Dimension or indicator", "Old weight", "New weight", "Old effective weight", "New effective weight"];
  const HEADER_ZH = ["一级/二级指标", "原权重", "新权重", "原有效权重", "新有效权重"];
  // The goods indicators from the printed table (fixtures), for the expected names.
  const GOODS = FRAMEWORK[0];

  it.each(["zh", "en", "id"])("LIVEWEIGHTDIFF(LIVEWEIGHTS(%s)) is a single No change cell", (lang) => {
    expect(rt.call("LIVEWEIGHTDIFF", table(lang))).toEqual([["No change"]]);
    expect(rt.call("LIVEWEIGHTDIFF", table(lang), table("id"))).toEqual([["No change"]]);
  });

  it("says 无变化 in Chinese", () => {
    expect(rt.callWith({ lang: "zh-CN" }, "LIVEWEIGHTDIFF", table())).toEqual([["无变化"]]);
  });

  it("a table in percent points is no change from the report's fractions", () => {
    const points = table("en", (rows) =>
      rows.slice(1).forEach((r) => ((r[2] = Math.round((r[2] as number) * 100)), (r[3] = Math.round((r[3] as number) * 100)))),
    );
    expect(points[1].slice(2)).toEqual([40, 25]);
    expect(rt.call("LIVEWEIGHTDIFF", points)).toEqual([["No change"]]);
  });

  describe("one indicator weight edited (streamer_gmv 25% → 40%)", () => {
    const edited = () => table("id", (rows) => (rows[1][3] = 0.4));
    // Goods' indicator weights become 40, 25, 25, 25 (sum 115) of the goods weight 40%:
    // effective 0.4 × 40/115 for the edited one and 0.4 × 25/115 for its siblings, from 0.4 × 25/100 = 0.1.
    const expectedRows = (names: readonly string[]) => [
      [names[0], 0.25, 0.4, 0.1, (0.4 * 40) / 115],
      [names[1], 0.25, 0.25, 0.1, (0.4 * 25) / 115],
      [names[2], 0.25, 0.25, 0.1, (0.4 * 25) / 115],
      [names[3], 0.25, 0.25, 0.1, (0.4 * 25) / 115],
    ];
    const close = (rows: readonly (readonly Cell[])[]) => rows.map((r) => r.map((c) => (typeof c === "number" ? expect.closeTo(c, 14) : c)));

    it("gives a header row and one row per changed indicator: the edited one and its three siblings", () => {
      const out = asMatrix(rt.call("LIVEWEIGHTDIFF", edited()));
      expect(out.length).toBe(5);
      expect(out.every((r) => r.length === 5)).toBe(true);
      expect(out[0]).toEqual(HEADER_EN);
      const en = asMatrix(rt.call("LIVEWEIGHTS", "en"));
      expect(out.slice(1)).toEqual(close(expectedRows(en.slice(1, 5).map((r) => String(r[1])))));
    });

    it("in Chinese: the header and the names follow the display language", () => {
      const out = asMatrix(rt.callWith({ lang: "zh-CN" }, "LIVEWEIGHTDIFF", edited()));
      expect(out[0]).toEqual(HEADER_ZH);
      expect(out.slice(1)).toEqual(
        close(
          expectedRows(
            table()
              .slice(1, 5)
              .map((r) => String(r[1])),
          ),
        ),
      );
      expect(out[1][0]).toBe("该区县主播直播引导成交额指数");
    });

    it("against the edited table as baseline, the report's table shows the same rows reversed", () => {
      const out = asMatrix(rt.call("LIVEWEIGHTDIFF", table("en"), edited()));
      const forward = asMatrix(rt.call("LIVEWEIGHTDIFF", edited()));
      expect(out.slice(1)).toEqual(forward.slice(1).map((r) => [r[0], r[2], r[1], r[4], r[3]]));
    });

    it("its effective weights still sum to the goods weight, 40%", () => {
      const out = asMatrix(rt.call("LIVEWEIGHTDIFF", edited()));
      expect(numbers(out.slice(1).map((r) => r[4])).reduce((s, x) => s + x, 0)).toBeCloseTo(0.4, 14);
      expect(GOODS.indicators.length).toBe(out.length - 1);
    });
  });

  it("a dimension weight edited (goods 40% → 50%) changes all 5 dimensions' and all 19 indicators' effective weights", () => {
    const out = asMatrix(
      rt.call(
        "LIVEWEIGHTDIFF",
        table("id", (rows) => [1, 2, 3, 4].forEach((k) => (rows[k][2] = 0.5))),
      ),
    );
    expect(out.length).toBe(1 + 5 + 19);
    // Dimensions now sum to 110%: effective 50/110, 25/110, 15/110, 15/110, 5/110.
    const dims = out.filter((r) => FRAMEWORK.some((d) => d.en === r[0]));
    expect(dims.map((r) => r[0])).toEqual(FRAMEWORK.map((d) => d.en));
    dims.forEach((r, k) => {
      expect(r[1]).toBeCloseTo(FRAMEWORK[k].weight / 100, 14);
      expect(r[2]).toBeCloseTo(k === 0 ? 0.5 : FRAMEWORK[k].weight / 100, 14);
      expect(r[4]).toBeCloseTo((k === 0 ? 50 : FRAMEWORK[k].weight) / 110, 14);
    });
    const indicatorEffective = out
      .slice(1)
      .filter((r) => !dims.includes(r))
      .map((r) => r[4] as number);
    expect(indicatorEffective.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});

// ---- LIVESENSITIVITY ---------------------------------------------------------------------------

describe("LIVESENSITIVITY", () => {
  const LABELS_EN = ["Median rank", "5th percentile rank", "95th percentile rank"];
  const LABELS_ZH = ["排名中位数", "排名第 5 百分位", "排名第 95 百分位"];
  /** RANK.EQ, largest first, written out here: 1 + the number of strictly larger values. */
  const rankEq = (xs: readonly number[]) => xs.map((x) => 1 + xs.filter((y) => y > x).length);
  const defaults = () => asMatrix(rt.call("LIVESENSITIVITY", top100Cells()));

  it("on the Top-100 table: 101 rows × 3 columns, header labels first", () => {
    const out = defaults();
    expect(out.length).toBe(101);
    expect(out.every((r) => r.length === 3)).toBe(true);
    expect(out[0]).toEqual(LABELS_EN);
    expect(out.slice(1).every((r) => r.every((c) => typeof c === "number" && c >= 1 && c <= 100))).toBe(true);
    // Of 1,000 ranks the median is the mean of the 500th and 501st: a whole or half number.
    expect(out.slice(1).every((r) => Number.isInteger(2 * (r[0] as number)))).toBe(true);
  });

  it("labels the columns in Chinese for a Chinese display language", () => {
    expect(asMatrix(rt.callWith({ lang: "zh-CN" }, "LIVESENSITIVITY", top100Cells()))[0]).toEqual(LABELS_ZH);
  });

  it("header-less data: 100 rows, no labels, the same numbers", () => {
    expect(rt.call("LIVESENSITIVITY", top100SubIndexCells())).toEqual(defaults().slice(1));
  });

  it("equals core's analysis with the documented defaults (1,000 runs, spread 0.25, seed 2021)", () => {
    const s = getSensitivity(computeIndex(top100Cells()), { runs: 1000, spread: 0.25, seed: 2021 });
    expect(defaults().slice(1)).toEqual(Array.from(s.median, (m, r) => [m, s.p5[r], s.p95[r]]));
    expect(rt.call("LIVESENSITIVITY", top100Cells(), null, 1000, 0.25, 2021)).toEqual(defaults());
  });

  it("every row has 5th percentile ≤ median ≤ 95th percentile; 滨江区 (rank 1) stays 1, 1, 1", () => {
    const out = defaults().slice(1) as number[][];
    expect(out.filter(([m, p5, p95]) => !(p5 <= m && m <= p95))).toEqual([]);
    expect(out[0]).toEqual([1, 1, 1]);
  });

  it('omitted, blank and 0 runs mean 1,000; "" spread and seed mean the defaults', () => {
    expect(rt.call("LIVESENSITIVITY", top100Cells(), [[""]], 0, "", "")).toEqual(defaults());
    expect(rt.call("LIVESENSITIVITY", top100Cells(), asMatrix(rt.call("LIVEWEIGHTS")), "", null, null)).toEqual(defaults());
  });

  it("reads 25% and numbers typed as text", () => {
    expect(rt.call("LIVESENSITIVITY", top100Cells(), null, "200", "25%", "7")).toEqual(rt.call("LIVESENSITIVITY", top100Cells(), null, 200, 0.25, 7));
  });

  it("the same seed gives the same result; another seed a different one", () => {
    const a = rt.call("LIVESENSITIVITY", top100Cells(), null, 300, 0.4, 11);
    expect(rt.call("LIVESENSITIVITY", top100Cells(), null, 300, 0.4, 11)).toEqual(a);
    expect(rt.call("LIVESENSITIVITY", top100Cells(), null, 300, 0.4, 12)).not.toEqual(a);
  });

  it("spread 0: every interval is the rank of the LIVEINDEX total (RANK.EQ)", () => {
    const totals = numbers(column(rt.call("LIVEINDEX", top100Cells())).slice(1));
    const ranks = rankEq(totals);
    expect(asMatrix(rt.call("LIVESENSITIVITY", top100Cells(), null, 20, 0)).slice(1)).toEqual(ranks.map((r) => [r, r, r]));
  });

  it("with all the weight on goods, every run ranks by the goods column (RANK.EQ): intervals of width 0 even at spread 0.9", () => {
    const goodsOnly = asMatrix(rt.call("LIVEWEIGHTS", "id")).map((r, i) => (i > 4 ? [r[0], r[1], 0, r[3]] : r));
    const ranks = rankEq(REPORT_TOP100_2020.map((r) => printed(r.goods)));
    expect(asMatrix(rt.call("LIVESENSITIVITY", top100Cells(), goodsOnly, 100, 0.9)).slice(1)).toEqual(ranks.map((r) => [r, r, r]));
  });

  it('a blank row gives "" in its three cells, a bad row its error in each; the other rows rank without them', () => {
    const base = top100Cells();
    const cells = [...base.slice(0, 11), base[0].map(() => ""), base[11].map((c, k) => (k === 4 ? "n/a" : c)), ...base.slice(12)];
    const out = asMatrix(rt.call("LIVESENSITIVITY", cells, null, 200));
    expect(out.length).toBe(102);
    expect(out[11]).toEqual(["", "", ""]);
    expect(out[12].map((c) => show(c))).toEqual(
      Array(3).fill('#VALUE! Row 13, column "直播内容供给指数": "n/a" is not a number ("-" and blank cells mean none).'),
    );
    expect([...out.slice(0, 11), ...out.slice(13)]).toEqual(
      rt.call(
        "LIVESENSITIVITY",
        base.filter((_, r) => r !== 11),
        null,
        200,
      ),
    );
  });

  it("raw indicators: spread 0 gives the ranks of an independent min–max computation", () => {
    const raw = rawIndicatorCells(25, 5);
    const ranks = rankEq(independentIndex(raw).total);
    const out = asMatrix(rt.call("LIVESENSITIVITY", raw, null, 10, 0));
    expect(out[0]).toEqual(LABELS_EN);
    expect(out.slice(1)).toEqual(ranks.map((r) => [r, r, r]));
  });

  it("raw indicators with the defaults equal core's analysis", () => {
    const raw = rawIndicatorCells(40, 8);
    const s = getSensitivity(computeIndex(raw), {});
    expect(asMatrix(rt.call("LIVESENSITIVITY", raw)).slice(1)).toEqual(Array.from(s.median, (m, r) => [m, s.p5[r], s.p95[r]]));
  });
});

// ---- languages ---------------------------------------------------------------------------------

describe("messages follow Office.context.displayLanguage", () => {
  const badRow = () => [
    ["直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"],
    [1, 2, 3, 4, 5],
    [1, "abc", 3, 4, 5],
  ];

  it("header labels: 总指数 / Total index, the dimension's name in each language", () => {
    expect(column(rt.callWith({ lang: "zh-CN" }, "LIVEINDEX", top100Cells()))[0]).toBe("总指数");
    expect(column(rt.callWith({ lang: "en-US" }, "LIVEINDEX", top100Cells()))[0]).toBe("Total index");
    expect(column(rt.callWith({ lang: "zh-CN" }, "LIVESUBINDEX", top100Cells(), "quality"))[0]).toBe("直播质量指数");
    expect(column(rt.callWith({ lang: "en-US" }, "LIVESUBINDEX", top100Cells(), "quality"))[0]).toBe("Live-stream quality");
  });

  it("a row error is in Chinese for zh-CN and in English for en-US", () => {
    const zh = column(rt.callWith({ lang: "zh-CN" }, "LIVEINDEX", badRow()))[2];
    const en = column(rt.callWith({ lang: "en-US" }, "LIVEINDEX", badRow()))[2];
    expect(show(zh)).toBe('#VALUE! 第 3 行“直播内容消费指数”列的值 "abc" 不是数字（“-”和空单元格表示无）。');
    expect(show(en)).toBe('#VALUE! Row 3, column "直播内容消费指数": "abc" is not a number ("-" and blank cells mean none).');
  });

  it("a whole-result error is in Chinese for zh-CN and in English for en-US", () => {
    const zh = asError(
      rt.callWith({ lang: "zh-CN" }, "LIVEINDEX", [
        ["a", "b"],
        [1, 2],
      ]),
    );
    const en = asError(
      rt.callWith({ lang: "en-US" }, "LIVEINDEX", [
        ["a", "b"],
        [1, 2],
      ]),
    );
    expect(zh.code).toBe(ErrorCode.notAvailable);
    expect(en.code).toBe(ErrorCode.notAvailable);
    expect(zh.message).toContain("标题行中没有可识别的指数列");
    expect(en.message).toContain("The header row has no recognisable index columns");
  });

  it("LIVECHECKWEIGHTS findings: severity, place and message in the display language", () => {
    const zh = asMatrix(rt.callWith({ lang: "zh-CN" }, "LIVECHECKWEIGHTS", asMatrix(rt.call("LIVEWEIGHTS"))));
    expect(zh.map((r) => [r[0], r[1]])).toEqual([
      ["警告", "第 6 行"],
      ["警告", "第 12 行"],
    ]);
    expect(zh.every((r) => hasCjk(String(r[2])) && String(r[2]).includes("四舍五入"))).toBe(true);
    const en = asMatrix(rt.callWith({ lang: "en-US" }, "LIVECHECKWEIGHTS", asMatrix(rt.call("LIVEWEIGHTS"))));
    expect(en.map((r) => [r[0], r[1]])).toEqual([
      ["warning", "row 6"],
      ["warning", "row 12"],
    ]);
  });

  it("Chinese for any zh display language; English for any other language", () => {
    const label = (lang: string) => column(rt.callWith({ lang }, "RANKDISTRICT", [["x"], [1]]))[0];
    expect(["zh-CN", "zh-TW", "zh-HK"].map(label)).toEqual(["排名", "排名", "排名"]);
    expect(["en-US", "en-GB", "fr-FR", "ja-JP"].map(label)).toEqual(["Rank", "Rank", "Rank", "Rank"]);
  });

  it("the runtime-wide displayLanguage applies to calls without their own", () => {
    rt.displayLanguage = "zh-CN";
    expect(column(rt.call("LIVEINDEX", top100Cells()))[0]).toBe("总指数");
    rt.displayLanguage = "en-US";
    expect(column(rt.call("LIVEINDEX", top100Cells()))[0]).toBe("Total index");
  });
});

// ---- the runtime helper itself -----------------------------------------------------------------

describe("the Excel runtime helper", () => {
  it("rejects calls Excel could never make", () => {
    expect(() => rt.call("LIVEINDEX")).toThrow(/required argument "data"/);
    expect(() => rt.call("LIVEINDEX", [1, 2, 3, 4, 5])).toThrow(/2-D array/);
    expect(() => rt.call("LIVEWEIGHTS", ["en"])).toThrow(/scalar/);
    expect(() => rt.call("LIVEWEIGHTS", "en", 1)).toThrow(/at most 1/);
    expect(() => rt.call("RANK", [[1]])).toThrow(/no function/);
    expect(() => rt.callWith({ addresses: ["A1"] }, "LIVEINDEX", [[1, 2, 3, 4, 5]])).toThrow(/requiresParameterAddresses/);
  });

  it("flags everything that must never reach a cell", () => {
    expect(resultProblems([[1], ["x"], [""], [true], [new CustomFunctionError(ErrorCode.notAvailable, "why")]])).toEqual([]);
    expect(resultProblems([[1], [NaN]])).toEqual(["[1][0]: NaN"]);
    expect(resultProblems([[Infinity, -Infinity]])).toEqual(["[0][0]: Infinity", "[0][1]: -Infinity"]);
    expect(resultProblems([[null]])).toEqual(["[0][0]: null (Excel shows 0)"]);
    expect(resultProblems([[1], [1, 2]])).toEqual(["row 1: 2 cells, row 0 has 1"]);
    expect(resultProblems([])).toHaveLength(1);
    expect(resultProblems(new CustomFunctionError(ErrorCode.invalidValue, "Internal error, please report it: x"))).toHaveLength(1);
    expect(resultProblems(new CustomFunctionError(ErrorCode.invalidValue))).toHaveLength(1);
    expect(resultProblems([[{ a: 1 }]])).toHaveLength(1);
  });
});

describe("a range with title rows above the header", () => {
  it("spills aligned with the range: blank cells beside the titles, the label beside the header, a total beside each region", () => {
    const table = top100Cells().slice(0, 4);
    const titled = [["2020 年直播电商指数", ...new Array(9).fill("")], new Array(10).fill(""), ...table];
    const plainTotals = asMatrix(rt.call("LIVEINDEX", table));
    const out = asMatrix(rt.call("LIVEINDEX", titled));
    expect(out).toHaveLength(titled.length);
    expect(out.slice(0, 2)).toEqual([[""], [""]]);
    expect(out.slice(2)).toEqual(plainTotals);
  });

  it("names the row of a bad value by its row in the range, titles counted", () => {
    const table = top100Cells().slice(0, 4);
    table[2] = [...table[2]];
    table[2][4] = "n/a";
    const out = asMatrix(rt.call("LIVEINDEX", [["标题", ...new Array(9).fill("")], ...table]));
    expect(isCustomFunctionError(out[3][0]) && (out[3][0] as CustomFunctionError).message).toMatch(/^Row 4,/);
  });
});

describe("data-type cells (allowCustomDataForDataTypeAny)", () => {
  it("reads a formatted number by its basic value and an entity in a name column by its text", () => {
    const table = top100Cells().slice(0, 4);
    const typed = table.map((row, r) =>
      r === 0
        ? row
        : row.map((v, c) =>
            c === 3
              ? { type: "Entity", text: v, properties: {} }
              : typeof v === "number"
                ? { type: "FormattedNumber", basicValue: v, numberFormat: "0.00" }
                : v,
          ),
    );
    expect(rt.call("LIVEINDEX", typed)).toEqual(rt.call("LIVEINDEX", table));
    expect(rt.call("RANKDISTRICT", [[{ type: "Double", basicValue: 3 }], [{ type: "Double", basicValue: 5 }]])).toEqual([[2], [1]]);
  });
});
