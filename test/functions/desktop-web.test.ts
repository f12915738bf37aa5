/**
 * Blank means blank on every platform. Excel desktop hands a blank cell to a custom function as 0,
 * the web as null or "" (office-js issues #1951, #4702, #5262): the same range must give the same
 * results in both forms. A row whose every cell, names included, is blank or 0 is a blank row (no
 * result, no rank, in no scaling); a missing value never raises a score.
 */
import fc from "fast-check";
import { CallResult, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";
import { installFakeExcel } from "../fakes/fake-excel";
import { INDICATOR_IDS, TOP100_SUBINDEX_HEADERS } from "../helpers/fixtures";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

const plain = (r: CallResult): unknown =>
  Array.isArray(r) ? r.map((row) => row.map((c) => (isCustomFunctionError(c) ? `${c.code} ${c.message}` : c))) : isCustomFunctionError(r) ? r.code : r;

/** The desktop form of a range: every blank cell (null, "") as 0. */
const desktop = (cells: readonly (readonly unknown[])[]): unknown[][] => cells.map((row) => row.map((c) => (c === null || c === "" ? 0 : c)));

const valueArb = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 900 }).map((x) => x / 10) },
  { weight: 1, arbitrary: fc.constant<unknown>(null) },
  { weight: 1, arbitrary: fc.constant<unknown>("") },
  { weight: 1, arbitrary: fc.constant<unknown>("-") },
);

/** Rows of a name and `width` values; about one in six a blank row (names included), as below a table in an oversized range. */
const tableArb = (width: number) =>
  fc.array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .tuple(fc.constantFrom("甲区", "乙区", "丙区", "丁区"), fc.array(valueArb, { minLength: width, maxLength: width }))
          .map(([n, vs]) => [n, ...vs]),
      },
      { weight: 1, arbitrary: fc.constant<unknown[]>(new Array(width + 1).fill(null)) },
    ),
    { minLength: 3, maxLength: 25 },
  );

describe('the same range in web form (null, "") and in desktop form (0) gives the same results', () => {
  it("LIVEINDEX on raw indicators, every scaling method and rescale", () => {
    fc.assert(
      fc.property(tableArb(19), fc.constantFrom("minmax", "max", "zscore", "rank"), fc.boolean(), (rows, method, rescale) => {
        const web = [["区县", ...INDICATOR_IDS], ...rows];
        expect(plain(rt.call("LIVEINDEX", desktop(web), null, [[method]], rescale))).toEqual(plain(rt.call("LIVEINDEX", web, null, [[method]], rescale)));
      }),
      { numRuns: 60 },
    );
  });

  it("LIVEINDEX and LIVESUBINDEX on the five sub-indices", () => {
    fc.assert(
      fc.property(tableArb(5), (rows) => {
        const web = [["区县", ...TOP100_SUBINDEX_HEADERS], ...rows];
        expect(plain(rt.call("LIVEINDEX", desktop(web)))).toEqual(plain(rt.call("LIVEINDEX", web)));
        expect(plain(rt.call("LIVESUBINDEX", desktop(web), "quality"))).toEqual(plain(rt.call("LIVESUBINDEX", web, "quality")));
      }),
      { numRuns: 60 },
    );
  });

  it("LIVEINDEX, LIVESTATS and LIVECORR under every data treatment (a blank is missing in both forms, as is 0)", () => {
    const treatments = ["missing=mean", "missing=median", "missing=province-median", "missing=none", "coverage=70%", "treat=winsorise; missing=median"];
    fc.assert(
      fc.property(tableArb(19), fc.constantFrom(...treatments), (rows, options) => {
        const web = [["区县", ...INDICATOR_IDS], ...rows];
        const o = [[options]];
        expect(plain(rt.call("LIVEINDEX", desktop(web), null, null, null, o))).toEqual(plain(rt.call("LIVEINDEX", web, null, null, null, o)));
        expect(plain(rt.call("LIVESTATS", desktop(web), o))).toEqual(plain(rt.call("LIVESTATS", web, o)));
        expect(plain(rt.call("LIVECORR", desktop(web), o))).toEqual(plain(rt.call("LIVECORR", web, o)));
      }),
      { numRuns: 40 },
    );
  });

  it("LIVETOPSIS, LIVEDATAWEIGHTS and LIVEINDEX under each aggregation", () => {
    const aggregations = ["aggregate=mean", "aggregate=geometric", "aggregate=topsis", "aggregate=topsis; missing=none"];
    fc.assert(
      fc.property(tableArb(19), fc.constantFrom(...aggregations), (rows, options) => {
        const web = [["区县", ...INDICATOR_IDS], ...rows];
        const o = [[options]];
        expect(plain(rt.call("LIVEINDEX", desktop(web), null, null, null, o))).toEqual(plain(rt.call("LIVEINDEX", web, null, null, null, o)));
        expect(plain(rt.call("LIVETOPSIS", desktop(web), null, o))).toEqual(plain(rt.call("LIVETOPSIS", web, null, o)));
        expect(plain(rt.call("LIVEDATAWEIGHTS", desktop(web), "critic", null, o))).toEqual(plain(rt.call("LIVEDATAWEIGHTS", web, "critic", null, o)));
      }),
      { numRuns: 30 },
    );
  });

  it("LIVESENSITIVITY", () => {
    fc.assert(
      fc.property(tableArb(19), (rows) => {
        const web = [["区县", ...INDICATOR_IDS], ...rows];
        expect(plain(rt.call("LIVESENSITIVITY", desktop(web), null, 20, 0.3, 5))).toEqual(plain(rt.call("LIVESENSITIVITY", web, null, 20, 0.3, 5)));
      }),
      { numRuns: 25 },
    );
  });
});

describe("blank option cells mean the default on every platform", () => {
  // =ZBDS.LIVESENSITIVITY(A1:F4,,50,H1,H2): on the web a blank H1/H2 arrives as null, on desktop as 0.
  const data = [
    ["区县", ...TOP100_SUBINDEX_HEADERS],
    ["甲区", 90, 10, 50, 20, 70],
    ["乙区", 10, 90, 40, 60, 20],
    ["丙区", 50, 50, 45, 40, 45],
    ["丁区", 30, 70, 48, 50, 30],
  ];
  const addresses = [null, null, null, "Options!H1", "Options!H2"];
  let office: unknown;
  beforeEach(() => (office = (globalThis as { Office?: unknown }).Office));
  afterEach(() => Object.assign(globalThis, { Office: office }));
  /** The workbook the function reads its option cells from (the stand-in's own Office global put back). */
  const workbook = (h1: unknown, h2: unknown) => {
    installFakeExcel(globalThis, { sheets: [{ name: "Options", cells: [[h1], [h2]], at: "H1" }] });
    Object.assign(globalThis, { Office: office });
  };

  it("desktop's 0 from blank cells gives the web's result for omitted options (spread 25%, seed 2021)", async () => {
    workbook("", "");
    const web = plain(rt.call("LIVESENSITIVITY", data, null, 50, null, null));
    expect(plain(await rt.callAsync({ addresses }, "LIVESENSITIVITY", data, null, 50, 0, 0))).toEqual(web);
    // Not the result of spread 0: every rank would then be its nominal rank, with no spread at all.
    expect(plain(rt.call("LIVESENSITIVITY", data, null, 50, 0, 0))).not.toEqual(web);
  });

  it("a cell that holds 0 is 0, and a 0 typed in the formula is 0", async () => {
    workbook(0, 0);
    const zero = plain(rt.call("LIVESENSITIVITY", data, null, 50, 0, 0));
    expect(plain(await rt.callAsync({ addresses }, "LIVESENSITIVITY", data, null, 50, 0, 0))).toEqual(zero);
    const nominal = (plain(rt.call("RANKDISTRICT", plain(rt.call("LIVEINDEX", data)) as unknown[][])) as unknown[][]).slice(1).map((r) => r[0]);
    expect((zero as unknown[][]).slice(1).map((r) => r[0])).toEqual(nominal);
  });

  it("only the blank one of two cells takes its default", async () => {
    workbook(0, "");
    const expected = plain(rt.call("LIVESENSITIVITY", data, null, 50, 0, null));
    expect(plain(await rt.callAsync({ addresses }, "LIVESENSITIVITY", data, null, 50, 0, 0))).toEqual(expected);
  });
});

describe("an oversized range", () => {
  // Three regions on the 19 raw indicators, then 40 blank rows as =ZBDS.LIVEINDEX(A1:T44) reads them.
  const regions = [
    ["甲区", ...INDICATOR_IDS.map((_, i) => 10 + i)],
    ["乙区", ...INDICATOR_IDS.map((_, i) => 20 + ((i * 7) % 13))],
    ["丙区", ...INDICATOR_IDS.map((_, i) => 30 - i)],
  ];
  const compact = [["区县", ...INDICATOR_IDS], ...regions];
  const oversized = [...compact, ...Array.from({ length: 40 }, () => new Array<unknown>(20).fill(null))];

  it("gives the regions the totals of the compact table, and its blank rows blank results, on the web and on desktop", () => {
    const expected = plain(rt.call("LIVEINDEX", compact)) as unknown[][];
    const blanks = Array.from({ length: 40 }, () => [""]);
    expect(plain(rt.call("LIVEINDEX", oversized))).toEqual([...expected, ...blanks]);
    expect(plain(rt.call("LIVEINDEX", desktop(oversized)))).toEqual([...expected, ...blanks]);
  });

  it("ranks only the regions: RANKDISTRICT of the spilled totals leaves the blank rows unranked", () => {
    const totals = rt.call("LIVEINDEX", desktop(oversized)) as unknown[][];
    const ranks = plain(rt.call("RANKDISTRICT", totals)) as unknown[][];
    expect(
      ranks
        .slice(1, 4)
        .map((r) => r[0])
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(ranks.slice(4).every((r) => r[0] === "")).toBe(true);
  });
});

describe("a missing value never raises a score", () => {
  // Two counties alike in every indicator but the dispute rate (less is better): one has the worst rate, one none.
  const rate = INDICATOR_IDS.indexOf("dispute_rate");
  const row = (name: string, dispute: unknown) => [name, ...INDICATOR_IDS.map((_, i) => (i === rate ? dispute : 50 + (i % 3)))];
  const other = ["其他区", ...INDICATOR_IDS.map((_, i) => (i === rate ? 0.01 : 40 + (i % 5)))];

  it.each([null, "", "-", 0])("a missing dispute rate (%j) scores as the worst rate in the data, not the best", (missing) => {
    const table = [["区县", ...INDICATOR_IDS], row("有数区", 0.09), row("缺数区", missing), other];
    const totals = (plain(rt.call("LIVEINDEX", table)) as number[][]).slice(1).map((r) => r[0]);
    expect(rate).toBeGreaterThan(0);
    // Scored as 0 (the best rate), the county without a rate would rank first; as the worst rate in the data, it ties.
    expect(totals[1]).toBe(totals[0]);
  });
});
