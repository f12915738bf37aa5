import { UserError } from "../../src/core/errors";
import {
  checkWeights,
  describeFinding,
  getEffectiveWeights,
  parseWeightTable,
  REPORT_WEIGHT_TABLE,
  WeightCheck,
  WeightTable,
  weightTableToCells,
} from "../../src/core/weights";
import { REPORT_WEIGHTS_2020 } from "../../src/data/report2020";
import { codeOf } from "../helpers/errors";

// Rows of the canonical table: 0 header; goods 1–4; supply 5–10; viewing 11–13; quality 14–17; industry 18–19.
// Columns: 0 dimension, 1 indicator, 2 dimension weight, 3 indicator weight.
const DIM = 0;
const IND = 1;
const DW = 2;
const IW = 3;

/** The report's weight table as cells; `edit` changes it in place before it is returned. */
function reportCells(lang: "zh" | "en" | "id" = "zh", edit?: (rows: unknown[][]) => void): unknown[][] {
  const rows: unknown[][] = weightTableToCells(lang).map((r) => [...r]);
  edit?.(rows);
  return rows;
}

/** The findings as [code, row, column] triples, in order. */
function where(check: WeightCheck): [string, number | null, number | null][] {
  return check.findings.map((f) => [f.code, f.row, f.column]);
}

function expectSameTable(a: WeightTable, b: WeightTable): void {
  for (const k of ["dimensions", "indicators", "givenDimensions", "givenIndicators"] as const) {
    expect(a[k]).toHaveLength(b[k].length);
    a[k].forEach((x, i) => expect([k, i, x]).toEqual([k, i, expect.closeTo(b[k][i], 12)]));
  }
}

describe("checkWeights: ranges that cannot be a weight table", () => {
  it("throws WEIGHTS_EMPTY for no rows or only blank rows", () => {
    expect(codeOf(() => checkWeights([]))).toBe("WEIGHTS_EMPTY");
    expect(
      codeOf(() =>
        checkWeights([
          [null, "", null, null],
          ["  ", null, "", null],
        ]),
      ),
    ).toBe("WEIGHTS_EMPTY");
  });

  it("throws WEIGHTS_LAYOUT_MISSING, naming the missing columns, for a header that names some columns but lacks the weights", () => {
    let err: unknown;
    try {
      checkWeights([
        ["一级指标", "二级指标", "备注", "其他"],
        ["goods", "streamer_gmv", 1, 2],
      ]);
    } catch (e) {
      err = e;
    }
    expect((err as UserError).code).toBe("WEIGHTS_LAYOUT_MISSING");
    expect((err as UserError).message).toMatch(/Missing: dimension weight, indicator weight\.$/);
  });

  it("throws WEIGHTS_LAYOUT_NARROW for a header-less range of fewer than four columns", () => {
    expect(codeOf(() => checkWeights([["goods", "streamer_gmv", 0.4]]))).toBe("WEIGHTS_LAYOUT_NARROW");
  });
});

describe("checkWeights: findings, each with its row and column", () => {
  it("reports an unknown indicator where it stands, and the indicator it displaced as missing", () => {
    const check = checkWeights(reportCells("zh", (r) => (r[3][IND] = "直播带货王")));
    expect(check.success).toBe(false);
    expect(where(check)).toEqual(
      expect.arrayContaining([
        ["W_UNKNOWN_INDICATOR", 3, IND],
        ["W_MISSING_INDICATOR", null, IND],
      ]),
    );
    const missing = check.findings.find((f) => f.code === "W_MISSING_INDICATOR")!;
    expect(missing.params.names).toEqual({ zh: "该区县商家直播引导成交额指数", en: "GMV driven by merchants' own live streams" });
  });

  it("reports an unknown dimension where it stands", () => {
    const check = checkWeights(reportCells("zh", (r) => (r[5][DIM] = "直播内容指数")));
    expect(where(check)).toEqual([["W_UNKNOWN_DIMENSION", 5, DIM]]);
    expect(check.findings[0].params.value).toBe('"直播内容指数"');
  });

  it("reports an indicator listed under another dimension", () => {
    const check = checkWeights(reportCells("zh", (r) => (r[1][DIM] = "直播质量指数")));
    expect(where(check)).toEqual([["W_DIMENSION_MISMATCH", 1, DIM]]);
    expect(check.findings[0].params.expected).toEqual({ zh: "直播商品消费指数", en: "Live-stream goods consumption" });
  });

  it("reports a duplicated indicator at its second row, naming the first row counted from 1", () => {
    const check = checkWeights(reportCells("zh", (r) => (r[2][IND] = r[1][IND])));
    expect(where(check)).toEqual([
      ["W_DUPLICATE_INDICATOR", 2, IND],
      ["W_MISSING_INDICATOR", null, IND],
    ]);
    expect(check.findings[0].params.first).toBe(2);
  });

  it("reports a missing indicator row once for the whole table, naming every missing indicator", () => {
    const check = checkWeights(reportCells("id", (r) => r.splice(18, 2)));
    expect(where(check)).toEqual([["W_MISSING_INDICATOR", null, IND]]);
    expect((check.findings[0].params.names as { en: string }).en).toBe(
      "Live-streaming industry policy in force for the district, Live-streaming bases in the district",
    );
  });

  it("reports a weight that is not a number, in either weight column", () => {
    const check = checkWeights(
      reportCells("zh", (r) => {
        r[4][IW] = "abc";
        r[6][DW] = true;
      }),
    );
    expect(where(check)).toEqual([
      ["W_NOT_NUMBER", 4, IW],
      ["W_NOT_NUMBER", 6, DW],
    ]);
    expect(check.findings[0].params.value).toBe('"abc"');
  });

  it("reports a non-finite weight as not a number", () => {
    const check = checkWeights(
      reportCells("zh", (r) => {
        r[4][IW] = NaN;
        r[7][IW] = "1e400";
      }),
    );
    expect(where(check)).toEqual([
      ["W_NOT_NUMBER", 4, IW],
      ["W_NOT_NUMBER", 7, IW],
    ]);
  });

  it("reports a negative weight", () => {
    const check = checkWeights(reportCells("zh", (r) => (r[6][IW] = -0.1)));
    expect(where(check)).toEqual([["W_NEGATIVE", 6, IW]]);
  });

  it("reports a blank indicator weight where it stands", () => {
    const check = checkWeights(reportCells("zh", (r) => (r[7][IW] = null)));
    expect(where(check)).toEqual([["W_MISSING_WEIGHT", 7, IW]]);
    expect(check.findings[0].params.what).toEqual({ zh: "二级指标权重", en: "indicator weight" });
  });

  it("reports a dimension weight blank in every row of its dimension at the dimension's first row", () => {
    const check = checkWeights(
      reportCells("zh", (r) => {
        r[18][DW] = "";
        r[19][DW] = null;
      }),
    );
    expect(where(check)).toEqual([["W_MISSING_WEIGHT", 18, DW]]);
    expect(check.findings[0].params.what).toEqual({ zh: "一级指标权重", en: "dimension weight" });
  });

  it("reports a missing dimension weight at the dimension's first row even when its rows are out of order", () => {
    const check = checkWeights(
      reportCells("zh", (r) => {
        [r[18], r[19]] = [r[19], r[18]];
        r[18][DW] = null;
        r[19][DW] = null;
      }),
    );
    expect(where(check)).toEqual([["W_MISSING_WEIGHT", 18, DW]]);
  });

  it("reports a dimension weight that differs from the one given earlier for the same dimension", () => {
    const check = checkWeights(reportCells("zh", (r) => (r[3][DW] = 0.3)));
    expect(where(check)).toEqual([["W_DIMENSION_WEIGHT_INCONSISTENT", 3, DW]]);
    expect(check.findings[0].params).toMatchObject({ first: 2, firstValue: "0.4", value: "0.3" });
  });

  it("reports a weighted dimension whose indicator weights are all zero at its first row", () => {
    const check = checkWeights(
      reportCells("zh", (r) => {
        r[18][IW] = 0;
        r[19][IW] = 0;
      }),
    );
    expect(where(check)).toEqual([
      ["W_ROUNDED", 5, IW],
      ["W_ROUNDED", 11, IW],
      ["W_DIMENSION_ALL_ZERO", 18, IW],
    ]);
    expect(check.success).toBe(false);
  });

  it("reports dimension weights that are all zero for the whole table", () => {
    const check = checkWeights(reportCells("zh", (r) => r.slice(1).forEach((row) => (row[DW] = 0))));
    expect(where(check)).toEqual([["W_SUM_ZERO", null, DW]]);
    expect(check.success).toBe(false);
  });

  it("warns that the dimension weights do not sum to 100% when they are off by more than rounding", () => {
    const check = checkWeights(reportCells("zh", (r) => [1, 2, 3, 4].forEach((i) => (r[i][DW] = 0.5))));
    expect(check.success).toBe(true);
    const off = check.findings.filter((f) => f.code === "W_SUM_NOT_100");
    expect(off.map((f) => [f.row, f.column, f.severity])).toEqual([[null, DW, "warning"]]);
    expect(off[0].params.sum).toBe("110%");
  });

  it("warns that one dimension's indicator weights do not sum to 100% at that dimension's first row", () => {
    // 30+25+25+25 = 105: five points off for four weights is more than printed rounding.
    const check = checkWeights(reportCells("zh", (r) => (r[1][IW] = 0.3)));
    expect(check.success).toBe(true);
    expect(where(check)).toEqual([
      ["W_SUM_NOT_100", 1, IW],
      ["W_ROUNDED", 5, IW],
      ["W_ROUNDED", 11, IW],
    ]);
  });

  it("counts rows from the top of the given range, blank rows above the header included", () => {
    const cells = [[null, null, null, null], ...reportCells("zh", (r) => (r[6][IW] = -1))];
    expect(where(checkWeights(cells))).toEqual([["W_NEGATIVE", 7, IW]]);
  });
});

describe("parseWeightTable", () => {
  it("throws WEIGHTS_INVALID counting the errors and naming the first with its row", () => {
    let err: unknown;
    try {
      parseWeightTable(
        reportCells("zh", (r) => {
          r[4][IW] = "abc";
          r[6][IW] = -1;
        }),
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const e = err as UserError;
    expect(e.code).toBe("WEIGHTS_INVALID");
    expect(e.params.count).toBe(2);
    expect(e.params.first).toEqual({ zh: '第 5 行：二级指标权重的值 "abc" 不是数字。', en: 'Row 5: The indicator weight "abc" is not a number.' });
    expect(e.message).toBe('The weight table has 2 error(s). First: Row 5: The indicator weight "abc" is not a number.');
  });

  it("does not throw for warnings only", () => {
    expect(() => parseWeightTable(reportCells("zh"))).not.toThrow();
  });
});

describe("describeFinding", () => {
  it("leaves out the row for a finding about the whole table", () => {
    const check = checkWeights(reportCells("zh", (r) => r.slice(1).forEach((row) => (row[DW] = 0))));
    expect(describeFinding(check.findings[0], "en")).toBe("The dimension weights sum to 0: no total index can be computed.");
  });
});

describe("checkWeights on the report's own table", () => {
  it.each(["zh", "en", "id"] as const)("accepts the %s layout with exactly the two rounding warnings (supply 96%%, viewing 99%%)", (lang) => {
    const check = checkWeights(reportCells(lang));
    expect(check.success).toBe(true);
    expect(check.findings.map((f) => [f.code, f.severity, f.row, f.column, f.params.sum])).toEqual([
      ["W_ROUNDED", "warning", 5, IW, "96%"],
      ["W_ROUNDED", "warning", 11, IW, "99%"],
    ]);
  });

  it("renormalises the rounded 16% weights to one sixth each and the 33% weights to one third each", () => {
    const check = checkWeights(reportCells("zh"));
    if (!check.success) throw new Error("report table rejected");
    for (let i = 4; i <= 9; i++) expect(check.table.indicators[i]).toBeCloseTo(1 / 6, 15);
    for (let i = 10; i <= 12; i++) expect(check.table.indicators[i]).toBeCloseTo(1 / 3, 15);
  });

  it("keeps the first-level weights 0.40, 0.25, 0.15, 0.15, 0.05 (they sum to 100% as printed)", () => {
    const t = parseWeightTable(reportCells("en"));
    [0.4, 0.25, 0.15, 0.15, 0.05].forEach((w, d) => expect(t.dimensions[d]).toBeCloseTo(w, 15));
  });

  it("gives the same table in every layout, and the same as REPORT_WEIGHT_TABLE", () => {
    const zh = parseWeightTable(reportCells("zh"));
    expectSameTable(parseWeightTable(reportCells("en")), zh);
    expectSameTable(parseWeightTable(reportCells("id")), zh);
    expectSameTable(REPORT_WEIGHT_TABLE, zh);
  });

  it("keeps the printed weights as fractions in givenDimensions and givenIndicators", () => {
    const t = parseWeightTable(reportCells("zh"));
    const dims = [...new Map(REPORT_WEIGHTS_2020.map((r) => [r.dimensionId, r.dimensionWeight / 100])).values()];
    dims.forEach((w, d) => expect(t.givenDimensions[d]).toBeCloseTo(w, 15));
    REPORT_WEIGHTS_2020.forEach((r, i) => expect(t.givenIndicators[i]).toBeCloseTo(r.indicatorWeight / 100, 15));
  });

  it("accepts the table without its header row, columns in canonical order", () => {
    expectSameTable(parseWeightTable(reportCells("id").slice(1)), parseWeightTable(reportCells("id")));
  });

  it("finds the columns by header in any order", () => {
    const shuffled = reportCells("zh").map((r) => [r[IW], r[IND], r[DW], r[DIM]]);
    expectSameTable(parseWeightTable(shuffled), parseWeightTable(reportCells("zh")));
  });

  it("works without a dimension column (each indicator knows its dimension)", () => {
    const noDim = reportCells("zh").map((r) => [r[IND], r[DW], r[IW]]);
    expectSameTable(parseWeightTable(noDim), parseWeightTable(reportCells("zh")));
  });
});

describe("weight units", () => {
  it("reads fractions (0.4), percent points (40) and percent text ('40%') as the same table", () => {
    const fractions = reportCells("zh");
    const points = reportCells("zh", (r) =>
      r.slice(1).forEach((row) => {
        row[DW] = Math.round((row[DW] as number) * 100);
        row[IW] = Math.round((row[IW] as number) * 100);
      }),
    );
    const text = reportCells("zh", (r) =>
      r.slice(1).forEach((row) => {
        row[DW] = `${Math.round((row[DW] as number) * 100)}%`;
        row[IW] = `${Math.round((row[IW] as number) * 100)}%`;
      }),
    );
    expect(points[1]).toEqual(["直播商品消费指数", "该区县主播直播引导成交额指数", 40, 25]);
    expect(text[1]).toEqual(["直播商品消费指数", "该区县主播直播引导成交额指数", "40%", "25%"]);
    const a = parseWeightTable(fractions);
    expectSameTable(parseWeightTable(points), a);
    expectSameTable(parseWeightTable(text), a);
  });

  it("decides the unit from the sums, so relative fractions above 1 (0.75, 1.5) are not read as points", () => {
    // Goods weighted 1.5 and the rest 0.75/4 each: the level sums to 2.25 and is read as fractions.
    const relative = reportCells("zh", (r) => r.slice(1).forEach((row) => (row[DW] = row[DIM] === "直播商品消费指数" ? 1.5 : 0.1875)));
    const t = parseWeightTable(relative);
    expect(t.givenDimensions[0]).toBeCloseTo(1.5, 12);
    expect(t.dimensions[0]).toBeCloseTo(1.5 / 2.25, 12);
    expect(t.dimensions[1]).toBeCloseTo(0.1875 / 2.25, 12);
  });

  it("decides the unit per level: dimension weights in points with indicator weights in fractions", () => {
    const mixed = reportCells("zh", (r) => r.slice(1).forEach((row) => (row[DW] = Math.round((row[DW] as number) * 100))));
    expectSameTable(parseWeightTable(mixed), parseWeightTable(reportCells("zh")));
  });
});

describe("merged-cell style tables", () => {
  it("inherits a blank dimension and a blank dimension weight in a dimension's later rows", () => {
    const ids = REPORT_WEIGHTS_2020.map((r) => r.dimensionId);
    const merged = reportCells("zh", (r) => {
      // Table row i holds report row i − 1; blank it when the row above is of the same dimension.
      for (let i = 2; i < r.length; i++) if (ids[i - 1] === ids[i - 2]) r[i][DIM] = r[i][DW] = null;
    });
    // Merged cells: only the first row of each dimension carries the dimension and its weight.
    expect(merged.filter((row) => row[DIM] !== null).length).toBe(1 + 5);
    expect(merged.filter((row) => row[DW] !== null).length).toBe(1 + 5);
    const check = checkWeights(merged);
    expect(check.success).toBe(true);
    expect(check.findings.map((f) => f.code)).toEqual(["W_ROUNDED", "W_ROUNDED"]);
    if (check.success) expectSameTable(check.table, parseWeightTable(reportCells("zh")));
  });

  it("accepts a dimension weight given only in a later row of its dimension", () => {
    const late = reportCells("zh", (r) => {
      r[1][DW] = null;
      r[2][DW] = null;
    });
    expectSameTable(parseWeightTable(late), parseWeightTable(reportCells("zh")));
  });
});

describe("getEffectiveWeights", () => {
  it("gives dimension weight × indicator weight, from the printed weights", () => {
    const eff = getEffectiveWeights(REPORT_WEIGHT_TABLE);
    const dimW: Record<string, number> = { goods: 0.4, supply: 0.25, viewing: 0.15, quality: 0.15, industry: 0.05 };
    const indShare: Record<string, number> = { goods: 1 / 4, supply: 1 / 6, viewing: 1 / 3, quality: 1 / 4, industry: 1 / 2 };
    REPORT_WEIGHTS_2020.forEach((r, i) =>
      expect([r.indicatorId, eff[i]]).toEqual([r.indicatorId, expect.closeTo(dimW[r.dimensionId] * indShare[r.dimensionId], 15)]),
    );
    expect(eff[0]).toBeCloseTo(0.1, 15);
    expect(eff[18]).toBeCloseTo(0.025, 15);
  });

  it("sums to one", () => {
    const eff = getEffectiveWeights(REPORT_WEIGHT_TABLE);
    expect(eff.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const custom = parseWeightTable(
      reportCells("zh", (r) => {
        r[1][IW] = 0.7;
        [5, 6, 7, 8, 9, 10].forEach((i) => (r[i][DW] = 0.1));
      }),
    );
    expect(getEffectiveWeights(custom).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it("gives zero to every indicator of a zero-weight dimension", () => {
    const t = parseWeightTable(
      reportCells("zh", (r) => {
        r[18][DW] = 0;
        r[19][DW] = 0;
      }),
    );
    const eff = getEffectiveWeights(t);
    expect([eff[17], eff[18]]).toEqual([0, 0]);
    expect(t.dimensions[4]).toBe(0);
    expect(t.dimensions[0]).toBeCloseTo(0.4 / 0.95, 15);
  });
});

describe("weightTableToCells", () => {
  it("lays out a header and one row per indicator in the report's order", () => {
    const zh = weightTableToCells("zh");
    expect(zh).toHaveLength(20);
    expect(zh[0]).toEqual(["一级指标", "二级指标", "一级指标权重", "二级指标权重"]);
    expect(zh[1]).toEqual(["直播商品消费指数", "该区县主播直播引导成交额指数", 0.4, 0.25]);
    expect(weightTableToCells("id")[19]).toEqual(["industry", "bases", 0.05, 0.5]);
    expect(weightTableToCells("en")[5]).toEqual(["Live-stream content supply", "Number of live sessions by streamers", 0.25, 0.16]);
  });

  it("writes a given table's weights as given", () => {
    // 0.16 × 3 = 0.48000000000000004 in binary; doubled weights all stay ≤ 1, so they remain fractions.
    const t = parseWeightTable(reportCells("zh", (r) => r.slice(1).forEach((row) => (row[IW] = ((row[IW] as number) * 3) / 1.5))));
    const cells = weightTableToCells("id", t);
    expect(cells[1]).toEqual(["goods", "streamer_gmv", 0.4, 0.5]);
    expect(cells[5][3]).toBe(0.32);
    expect(cells[11][3]).toBe(0.66);
  });

  it("removes binary noise from the weights it writes", () => {
    const noisy = 0.1 + 0.2;
    expect(noisy).not.toBe(0.3);
    const t = parseWeightTable(reportCells("zh", (r) => (r[1][IW] = noisy)));
    expect(t.givenIndicators[0]).toBe(noisy);
    expect(weightTableToCells("zh", t)[1][3]).toBe(0.3);
  });
});

describe("checkWeights: an oversized range on Excel desktop", () => {
  it("reads rows of 0 below the table (desktop's blank cells) as blank rows, as the web's empty rows", () => {
    const table = weightTableToCells("zh");
    const web = checkWeights([...table, ...Array.from({ length: 5 }, () => [null, null, null, null])]);
    const desktop = checkWeights([...table, ...Array.from({ length: 5 }, () => [0, 0, 0, 0])]);
    expect(desktop).toEqual(web);
    expect(desktop.success).toBe(true);
  });
});

describe("checkWeights: one way of writing a level, and rounding only where it is the report's", () => {
  const codes = (cells: unknown[][]) => checkWeights(cells).findings.map((f) => [f.code, f.row]);

  it("refuses one indicator weight typed 25 among 25% cells, naming its cell, instead of weighing it 38.8%", () => {
    const cells: unknown[][] = weightTableToCells("zh").map((r) => [...r]);
    cells[2][3] = 25; // the second goods indicator, row 3 of the range
    const check = checkWeights(cells);
    expect(check.success).toBe(false);
    expect(check.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.row, f.column])).toEqual([["W_MIXED_UNITS", 2, 3]]);
  });

  it("refuses a dimension weight typed 0.4 among percent points", () => {
    const cells: unknown[][] = weightTableToCells("zh").map((r, i) => (i === 0 ? r : [r[0], r[1], Number(r[2]) * 100, Number(r[3]) * 100]));
    for (let i = 1; i <= 4; i++) cells[i][2] = 0.4;
    expect(codes(cells).filter(([c]) => c === "W_MIXED_UNITS")).toEqual([["W_MIXED_UNITS", 1]]);
  });

  it("calls the report's own 96% (16% × 6) printed rounding, and a 24% typed for 25% a plain 'does not sum to 100%'", () => {
    expect(codes(weightTableToCells("zh"))).toEqual([
      ["W_ROUNDED", 5],
      ["W_ROUNDED", 11],
    ]);
    const cells: unknown[][] = weightTableToCells("zh").map((r) => [...r]);
    cells[1][3] = 0.24; // goods: 24% + 25% × 3 = 99%, less than a point per item off, but not the report's rounding
    expect(codes(cells)).toEqual([
      ["W_SUM_NOT_100", 1],
      ["W_ROUNDED", 5],
      ["W_ROUNDED", 11],
    ]);
  });
});

describe("checkWeights: a totals row", () => {
  it.each(["合计", "总计", "Total"])("ignores a %s row below the weights, with a warning naming its row", (word) => {
    const cells: unknown[][] = [...weightTableToCells("zh"), ["", word, 1, 1]];
    const check = checkWeights(cells);
    expect(check.success).toBe(true);
    expect(check.findings.filter((f) => f.code === "W_TOTAL_ROW").map((f) => f.row)).toEqual([20]);
  });
});
