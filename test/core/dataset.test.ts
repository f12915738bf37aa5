import { checkShape, mapColumns, readIndexInput, ROW_BLANK, ROW_ERROR, ROW_OK } from "../../src/core/dataset";
import { formatError, UserError } from "../../src/core/errors";
import { computeIndex } from "../../src/core/pipeline";
import { parseWeightTable, REPORT_WEIGHT_TABLE, weightTableToCells, WeightTable } from "../../src/core/weights";
import { REPORT_TOP100_2020, REPORT_TOP100_HEADERS, REPORT_WEIGHTS_2020 } from "../../src/data/report2020";
import { top100Cells } from "../helpers/fixtures";

// Framework positions of the dimensions: goods, supply, viewing, quality, industry.
const GOODS = 0;
const SUPPLY = 1;
const VIEWING = 2;
const QUALITY = 3;
const INDUSTRY = 4;

const IDS = REPORT_WEIGHTS_2020.map((r) => r.indicatorId);

function errorOf(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

/** The report's weights, edited in the weight table's cells (row i + 1 is indicator i). */
function weightsWith(edit: (rows: unknown[][]) => void): WeightTable {
  const cells: unknown[][] = weightTableToCells("id").map((r) => [...r]);
  edit(cells);
  return parseWeightTable(cells);
}

describe("checkShape", () => {
  it("throws EMPTY_RANGE for no rows, an empty first row, or something that is not a 2-D array", () => {
    expect(errorOf(() => checkShape([])).code).toBe("EMPTY_RANGE");
    expect(errorOf(() => checkShape([[]])).code).toBe("EMPTY_RANGE");
    expect(errorOf(() => checkShape("B2:F3" as never)).code).toBe("EMPTY_RANGE");
    expect(errorOf(() => checkShape([1, 2] as never)).code).toBe("EMPTY_RANGE");
  });

  it("throws RAGGED_RANGE naming the first short or long row, counted from 1", () => {
    const e = errorOf(() =>
      checkShape([
        [1, 2, 3],
        [1, 2, 3],
        [1, 2],
      ]),
    );
    expect(e.code).toBe("RAGGED_RANGE");
    expect(e.params).toEqual({ row: 3, found: 2, expected: 3 });
    expect(errorOf(() => checkShape([[1], [1, 2]])).params).toEqual({ row: 2, found: 2, expected: 1 });
  });

  it("gives the width of a rectangular range", () => {
    expect(
      checkShape([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(2);
  });
});

describe("mapColumns and readIndexInput: structural errors", () => {
  it("throws EMPTY_RANGE and RAGGED_RANGE before reading", () => {
    expect(errorOf(() => readIndexInput([], REPORT_WEIGHT_TABLE)).code).toBe("EMPTY_RANGE");
    expect(
      errorOf(() =>
        readIndexInput(
          [
            [1, 2, 3, 4, 5],
            [1, 2, 3, 4],
          ],
          REPORT_WEIGHT_TABLE,
        ),
      ).code,
    ).toBe("RAGGED_RANGE");
  });

  it("throws NEED_HEADER for a header-less range of a width other than 5 or 19", () => {
    const e = errorOf(() => readIndexInput([[1, 2, 3, 4, 5, 6]], REPORT_WEIGHT_TABLE));
    expect(e.code).toBe("NEED_HEADER");
    expect(e.params.count).toBe(6);
  });

  it("throws NO_INDEX_COLUMNS listing what the header row holds", () => {
    const e = errorOf(() =>
      readIndexInput(
        [
          ["省", "区", "GMV"],
          ["浙江省", "滨江区", 1],
        ],
        REPORT_WEIGHT_TABLE,
      ),
    );
    expect(e.code).toBe("NO_INDEX_COLUMNS");
    expect(e.params.headers).toBe('"省", "区", "GMV"');
  });

  it("throws MIXED_LEVELS for sub-index and indicator columns together", () => {
    const e = errorOf(() =>
      mapColumns([
        ["直播质量指数", "return_rate"],
        [1, 2],
      ]),
    );
    expect(e.code).toBe("MIXED_LEVELS");
    expect(e.params).toEqual({
      dimensions: { zh: "直播质量指数", en: "Live-stream quality" },
      indicators: { zh: "该区县直播退货率指数", en: "Return rate of live-stream orders (lower is better)" },
    });
  });

  it("throws MISSING_COLUMNS naming the sub-indices that are absent", () => {
    const cells = top100Cells().map((r) => r.filter((_, c) => c !== 7 && c !== 8));
    const e = errorOf(() => readIndexInput(cells, REPORT_WEIGHT_TABLE));
    expect(e.code).toBe("MISSING_COLUMNS");
    expect(e.params.names).toEqual({ zh: "直播质量指数、产业促进指数", en: "Live-stream quality, Industry promotion" });
  });

  it("throws MISSING_COLUMNS naming the indicators that are absent", () => {
    const header = IDS.filter((id) => id !== "views");
    const e = errorOf(() => readIndexInput([header, header.map(() => 1)], REPORT_WEIGHT_TABLE));
    expect(e.code).toBe("MISSING_COLUMNS");
    expect((e.params.names as { en: string }).en).toBe("Number of live-stream views");
  });

  it("needs only the asked-for dimension's columns when a target is given", () => {
    const input = readIndexInput([["直播质量指数"], [70], [80]], REPORT_WEIGHT_TABLE, QUALITY);
    expect([...input.values[QUALITY]!]).toEqual([70, 80]);
    expect(input.values.filter((v) => v !== null)).toHaveLength(1);
  });

  it("throws NO_DATA_ROWS for a header row alone", () => {
    expect(errorOf(() => readIndexInput([[...REPORT_TOP100_HEADERS]], REPORT_WEIGHT_TABLE)).code).toBe("NO_DATA_ROWS");
  });
});

describe("readIndexInput: zero weights", () => {
  it("lets the column of a dimension with weight 0 be missing, and does not read it", () => {
    const w = weightsWith((r) => {
      r[18][2] = 0;
      r[19][2] = 0;
    });
    const cells = top100Cells().map((r) => r.filter((_, c) => c !== 8));
    const input = readIndexInput(cells, w);
    expect(input.values[INDUSTRY]).toBeNull();
    expect(input.values[GOODS]).not.toBeNull();
  });

  it("lets the column of an indicator with weight 0 be missing", () => {
    const w = weightsWith((r) => (r[11][3] = 0));
    const header = IDS.filter((id) => id !== "views");
    const input = readIndexInput([header, header.map((_, i) => i)], w);
    expect(input.level).toBe("indicator");
    expect(input.values[10]).toBeNull();
    expect(input.values[11]).not.toBeNull();
  });
});

describe("readIndexInput on the report's Top-100 table", () => {
  const input = readIndexInput(top100Cells(), REPORT_WEIGHT_TABLE);

  it("reads the five sub-indices by their printed headers and skips the name columns", () => {
    expect(input.level).toBe("dimension");
    expect(input.firstDataRow).toBe(1);
    expect(input.rowCount).toBe(100);
    expect(input.columns.dimensions).toEqual([6, 4, 5, 7, 8]);
    expect(input.columns.names).toEqual({ rank: 0, province: 1, city: 2, district: 3, total: 9 });
  });

  it("reads every row as OK, with the printed values", () => {
    expect([...input.status].every((s) => s === ROW_OK)).toBe(true);
    expect(input.errors.size).toBe(0);
    REPORT_TOP100_2020.forEach((r, i) => {
      expect([
        r.rank,
        input.values[SUPPLY]![i],
        input.values[VIEWING]![i],
        input.values[GOODS]![i],
        input.values[QUALITY]![i],
        input.values[INDUSTRY]![i],
      ]).toEqual([r.rank, r.supply ?? 0, r.viewing ?? 0, r.goods ?? 0, r.quality ?? 0, r.industry ?? 0]);
    });
  });

  it("reads the printed '-' sub-indices as 0 (e.g. 沭阳县, rank 90, has no industry score)", () => {
    const dashes = REPORT_TOP100_2020.filter((r) => r.industry === null).length;
    expect(dashes).toBeGreaterThan(0);
    expect(REPORT_TOP100_2020[89].district).toBe("沭阳县");
    expect(input.values[INDUSTRY]![89]).toBe(0);
  });
});

describe("readIndexInput without a header row", () => {
  it("reads 5 columns in the Top-100 order: supply, viewing, goods, quality, industry", () => {
    const input = readIndexInput(
      [
        [25.59, 100, 100, 81.4, 100],
        [100, 42.69, 41.57, 64.23, 100],
      ],
      REPORT_WEIGHT_TABLE,
    );
    expect(input.level).toBe("dimension");
    expect(input.firstDataRow).toBe(0);
    expect(input.rowCount).toBe(2);
    expect([...input.values[SUPPLY]!]).toEqual([25.59, 100]);
    expect([...input.values[GOODS]!]).toEqual([100, 41.57]);
    expect([...input.values[QUALITY]!]).toEqual([81.4, 64.23]);
  });

  it("reads a first row with '-' cells as data, not as a header", () => {
    const input = readIndexInput(
      [
        ["-", 1, "－", "–", 5],
        [1, 2, 3, 4, 5],
      ],
      REPORT_WEIGHT_TABLE,
    );
    expect(input.firstDataRow).toBe(0);
    expect([...input.values[SUPPLY]!]).toEqual([0, 1]);
  });

  it("reads 19 columns in the weight table's order", () => {
    const row = Array.from({ length: 19 }, (_, i) => i * 10);
    const input = readIndexInput([row, row.map((v) => v + 1)], REPORT_WEIGHT_TABLE);
    expect(input.level).toBe("indicator");
    for (let i = 0; i < 19; i++) expect([i, input.values[i]![0], input.values[i]![1]]).toEqual([i, i * 10, i * 10 + 1]);
  });
});

describe("readIndexInput: per-row problems", () => {
  it("marks a row with text in a needed column BAD_VALUE naming the sheet row and the column, and computes the others", () => {
    const cells: unknown[][] = top100Cells();
    cells[3][7] = "n/a"; // third data row, 直播质量指数
    const input = readIndexInput(cells, REPORT_WEIGHT_TABLE);
    expect(input.status[2]).toBe(ROW_ERROR);
    expect([...input.errors.keys()]).toEqual([2]);
    const e = input.errors.get(2)!;
    expect(e.code).toBe("BAD_VALUE");
    expect(e.params).toEqual({ row: 4, column: "直播质量指数", value: '"n/a"' });
    expect(formatError(e, "en")).toBe('Row 4, column "直播质量指数": "n/a" is not a number ("-" and blank cells mean none).');

    const result = computeIndex(cells);
    const total = result.total!;
    expect(Number.isNaN(total[2])).toBe(true);
    expect(total[0]).toBeCloseTo(78.6075, 10);
    expect(total.filter((t) => Number.isFinite(t))).toHaveLength(99);
  });

  it("marks NaN or Infinity in a needed column NOT_FINITE", () => {
    const cells: unknown[][] = top100Cells();
    cells[5][4] = Infinity;
    const input = readIndexInput(cells, REPORT_WEIGHT_TABLE);
    expect(input.status[4]).toBe(ROW_ERROR);
    expect(input.errors.get(4)!.code).toBe("NOT_FINITE");
    expect(input.errors.get(4)!.params).toMatchObject({ row: 6, column: "直播内容供给指数" });
  });

  it("names a header-less column by its sub-index name", () => {
    const input = readIndexInput([[1, 2, true, 4, 5]], REPORT_WEIGHT_TABLE);
    // Column C of a header-less 5-column table is goods, the third of the Top-100 order.
    expect(input.errors.get(0)!.params).toMatchObject({ row: 1, column: "直播商品消费指数", value: "TRUE" });
  });

  it("ignores text in columns the computation does not need", () => {
    const cells: unknown[][] = top100Cells();
    cells[1][9] = "see note";
    expect(readIndexInput(cells, REPORT_WEIGHT_TABLE).status[0]).toBe(ROW_OK);
  });

  it("gives an all-blank row ROW_BLANK and no error", () => {
    const cells: unknown[][] = top100Cells();
    cells.push([null, "", null, "  ", null, "", null, null, "", null]);
    const input = readIndexInput(cells, REPORT_WEIGHT_TABLE);
    expect(input.rowCount).toBe(101);
    expect(input.status[100]).toBe(ROW_BLANK);
    expect(input.errors.size).toBe(0);
    expect(Number.isNaN(computeIndex(cells).total![100])).toBe(true);
  });

  it("counts the blank cells of a partly blank row as 0", () => {
    const input = readIndexInput(
      [
        ["直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"],
        [null, 50, "", 80, "-"],
      ],
      REPORT_WEIGHT_TABLE,
    );
    expect(input.status[0]).toBe(ROW_OK);
    expect([...input.values.map((v) => v![0])]).toEqual([0, 0, 50, 80, 0]);
    expect(
      computeIndex([
        ["直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"],
        [null, 50, "", 80, "-"],
      ]).total![0],
    ).toBeCloseTo(0.15 * 50 + 0.15 * 80, 12);
  });

  it("leaves out a row with names (or a footnote) but no value in any index column, naming it, rather than ranking it at 0", () => {
    const cells: unknown[][] = top100Cells();
    cells.push([101, "浙江省", "杭州市", "某区", null, null, null, null, null, 0]);
    cells.push(["注：数据来源于淘宝直播。", null, null, null, null, null, null, null, null, null]);
    const input = readIndexInput(cells, REPORT_WEIGHT_TABLE);
    expect([input.status[100], input.status[101]]).toEqual([ROW_ERROR, ROW_ERROR]);
    expect(input.errors.get(100)).toEqual(new UserError("NO_VALUES", { row: 102 }));
    expect(input.errors.get(101)).toEqual(new UserError("NO_VALUES", { row: 103 }));
  });

  it("keeps a region whose needed columns are 0 when another index column has a value (a sub-index of none)", () => {
    const cells: unknown[][] = top100Cells();
    cells.push([101, "浙江省", "杭州市", "某区", 0, 0, 0, 0, 12.5, 0]);
    expect(readIndexInput(cells, REPORT_WEIGHT_TABLE).status[100]).toBe(ROW_OK);
  });

  it.each(["合计", "全省合计", "总计", "总计：", "合　计", "小计", "全省", "全省平均", "平均", "Total", "Grand total"])(
    "leaves out a summary row labelled %s, naming it",
    (label) => {
      const cells: unknown[][] = top100Cells();
      cells.push(["", label, "", "", 1000, 1000, 1000, 1000, 1000, 1000]);
      const input = readIndexInput(cells, REPORT_WEIGHT_TABLE);
      expect(input.status[100]).toBe(ROW_ERROR);
      expect(input.errors.get(100)).toMatchObject({ code: "TOTAL_ROW", params: { row: 102 } });
    },
  );

  it("finds a totals row in any text column when no name column was recognised (a two-row merged header)", () => {
    const cells: unknown[][] = [
      ["", "", "直播商品消费指数", "直播内容供给指数", "直播内容消费指数", "直播质量指数", "产业促进指数"],
      ["杭州市", "滨江区", 30, 40, 50, 60, 70],
      ["杭州市", "萧山区", 35, 45, 55, 65, 75],
      ["全市", "", 65, 85, 105, 125, 145],
    ];
    const input = readIndexInput(cells, REPORT_WEIGHT_TABLE);
    expect(Object.keys(input.columns.names)).toEqual([]);
    expect([...input.status]).toEqual([ROW_OK, ROW_OK, ROW_ERROR]);
    expect(input.errors.get(2)).toMatchObject({ code: "TOTAL_ROW", params: { row: 4, value: '"全市"' } });
  });

  it.each(["滨江区", "和平区", "全州县", "计划单列市"])("keeps %s: a region whose name only looks like a total", (name) => {
    const cells: unknown[][] = top100Cells();
    cells.push([101, "某省", "某市", name, 1, 1, 1, 1, 1, 1]);
    expect(readIndexInput(cells, REPORT_WEIGHT_TABLE).status[100]).toBe(ROW_OK);
  });

  it("reads number text, percents and full-width digits in data cells", () => {
    const input = readIndexInput([[" 12.5 ", "1,234", "40%", "８０", 5]], REPORT_WEIGHT_TABLE);
    expect(input.status[0]).toBe(ROW_OK);
    expect(input.values[SUPPLY]![0]).toBe(12.5);
    expect(input.values[VIEWING]![0]).toBe(1234);
    expect(input.values[GOODS]![0]).toBeCloseTo(0.4, 15);
    expect(input.values[QUALITY]![0]).toBe(80);
  });
});

describe("readIndexInput: yes/no indicators", () => {
  it("reads 有/无, 是/否, Y/N and TRUE/FALSE in the policy and bases columns as 1/0, and only there", () => {
    const ids = REPORT_WEIGHTS_2020.map((r) => r.indicatorId);
    const row = (policy: unknown, bases: unknown) => ids.map((id) => (id === "policy" ? policy : id === "bases" ? bases : 5));
    const cells: unknown[][] = [ids, row("有", "无"), row("是", "否"), row("Y", "n"), row(true, "FALSE"), row(1, 0)];
    const input = readIndexInput(cells, REPORT_WEIGHT_TABLE);
    expect([...input.status]).toEqual([ROW_OK, ROW_OK, ROW_OK, ROW_OK, ROW_OK]);
    expect([...input.values[ids.indexOf("policy")]!]).toEqual([1, 1, 1, 1, 1]);
    expect([...input.values[ids.indexOf("bases")]!]).toEqual([0, 0, 0, 0, 0]);
    const elsewhere = [ids, ids.map((id) => (id === "views" ? "有" : 5))];
    expect(readIndexInput(elsewhere, REPORT_WEIGHT_TABLE).errors.get(0)?.code).toBe("BAD_VALUE");
  });
});

describe("readIndexInput: header-less data whose first row has a bad value", () => {
  it("reads the first row as data, its bad cell that row's error, and ranks the others", () => {
    const cells: unknown[][] = [
      [10, 20, "n/a", 40, 50],
      [50, 40, 30, 20, 10],
      [1, 2, 3, 4, 5],
    ];
    const input = readIndexInput(cells, REPORT_WEIGHT_TABLE);
    expect(input.columns.hasHeader).toBe(false);
    expect([...input.status]).toEqual([ROW_ERROR, ROW_OK, ROW_OK]);
    expect(input.errors.get(0)?.code).toBe("BAD_VALUE");
  });
});

describe("readIndexInput: tables as statistics bureaus print them", () => {
  const header = ["地区名称", "直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"];

  it("takes 地区名称 (and 行政区划, 县名) as the district column", () => {
    for (const name of ["地区名称", "行政区划", "县名", "地区名"]) {
      const input = readIndexInput(
        [
          [name, ...header.slice(1)],
          ["宛城区", 1, 2, 3, 4, 5],
        ],
        REPORT_WEIGHT_TABLE,
      );
      expect([name, input.columns.names.district]).toEqual([name, 0]);
    }
  });

  it("leaves out a 全市合计 row whatever its column's header, rather than rank it first", () => {
    const input = readIndexInput(
      [
        ["序号", "县区代码名", ...header.slice(1)],
        [1, "宛城区", 10, 20, 30, 40, 50],
        [2, "全市合计", 612, 701, 300, 400, 500],
      ],
      REPORT_WEIGHT_TABLE,
    );
    expect(input.status[1]).toBe(ROW_ERROR);
    expect(formatError(input.errors.get(1)!, "en")).toContain('"全市合计"');
  });

  it("skips a units row under the header (万元, %, 场), and still refuses text where numbers belong", () => {
    const units = readIndexInput([header, ["单位", "万元", "%", "场", "（分）", "个"], ["宛城区", 1, 2, 3, 4, 5]], REPORT_WEIGHT_TABLE);
    expect([units.status[0], units.status[1]]).toEqual([ROW_BLANK, ROW_OK]);
    expect(units.errors.size).toBe(0);
    const text = readIndexInput([header, ["宛城区", "很多", "%", "场", "分", "个"]], REPORT_WEIGHT_TABLE);
    expect(text.status[0]).toBe(ROW_ERROR);
    // Only the first row under the header can be its units.
    const later = readIndexInput([header, ["宛城区", 1, 2, 3, 4, 5], ["单位", "万元", "%", "场", "分", "个"]], REPORT_WEIGHT_TABLE);
    expect(later.status[1]).toBe(ROW_ERROR);
  });
});
