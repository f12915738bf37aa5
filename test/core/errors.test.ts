import { ErrorCode, excelErrorKind, FindingCode, formatError, formatFinding, formatMessage, UserError, isUserError } from "../../src/core/errors";
import { ERROR_MESSAGES, fill, FINDING_MESSAGES } from "../../src/text";

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message tables", () => {
  it("word every error code in both languages with the same placeholders", () => {
    for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[]) {
      const m = ERROR_MESSAGES[code];
      expect([code, m.zh.length > 0, m.en.length > 0]).toEqual([code, true, true]);
      expect([code, placeholders(m.zh)]).toEqual([code, placeholders(m.en)]);
    }
  });

  it("word every weight finding in both languages with the same placeholders", () => {
    for (const code of Object.keys(FINDING_MESSAGES) as FindingCode[]) {
      const m = FINDING_MESSAGES[code];
      expect([code, placeholders(m.zh)]).toEqual([code, placeholders(m.en)]);
    }
  });

  it("makes only the rounding, sum and totals-row warnings non-blocking", () => {
    const warnings = (Object.keys(FINDING_MESSAGES) as FindingCode[]).filter((c) => FINDING_MESSAGES[c].severity !== "error");
    expect(warnings.sort()).toEqual(["W_ROUNDED", "W_SUM_NOT_100", "W_TOTAL_ROW"]);
  });

  it("turns 'not found' problems into #N/A and the rest into #VALUE!", () => {
    const na = (Object.keys(ERROR_MESSAGES) as ErrorCode[]).filter((c) => excelErrorKind(c) === "na");
    // A region the options screen out (too little data) has no result: #N/A in its cell, as a region not found;
    // so has a growth rate without a value or a base (LIVEGROWTH's rule na).
    expect(na.sort()).toEqual([
      "EMPTY_DIMENSION",
      "GROWTH_NO_CURRENT",
      "GROWTH_NO_PREVIOUS",
      "GROWTH_ZERO_BASE",
      "LOW_COVERAGE",
      "MISSING_COLUMNS",
      "NO_DATA_ROWS",
      "NO_INDEX_COLUMNS",
    ]);
    expect(excelErrorKind("BAD_VALUE")).toBe("value");
    expect(excelErrorKind("WEIGHTS_INVALID")).toBe("value");
  });
});

describe("fill", () => {
  it("leaves an unknown placeholder visible rather than dropping it", () => {
    expect(fill("a {x} b {y}", { x: 1 }, "en")).toBe("a 1 b {y}");
  });

  it("picks the language of a two-language parameter", () => {
    const p = { name: { zh: "质量", en: "quality" } };
    expect(fill("{name}!", p, "zh")).toBe("质量!");
    expect(fill("{name}!", p, "en")).toBe("quality!");
  });

  it("fills the same placeholder twice", () => {
    expect(fill("{n}+{n}", { n: 2 }, "en")).toBe("2+2");
  });
});

describe("formatMessage and formatError", () => {
  it("fill a message's row, column and value", () => {
    const params = { row: 7, column: "直播质量指数", value: '"abc"' };
    expect(formatMessage("BAD_VALUE", params, "zh")).toBe('第 7 行“直播质量指数”列的值 "abc" 不是数字（“-”和空单元格表示无）。');
    expect(formatMessage("BAD_VALUE", params, "en")).toBe('Row 7, column "直播质量指数": "abc" is not a number ("-" and blank cells mean none).');
  });

  it("word an UserError in either language", () => {
    const e = new UserError("RAGGED_RANGE", { row: 3, found: 4, expected: 5 });
    expect(formatError(e, "en")).toBe("The range is not rectangular: row 3 has 4 columns, expected 5.");
    expect(formatError(e, "zh")).toBe("区域不是矩形：第 3 行有 4 列，应为 5 列。");
  });
});

describe("formatFinding", () => {
  it("words a finding with a two-language group", () => {
    const params = { group: { zh: "一级指标", en: "the dimensions" }, sum: "110%", count: 5 };
    expect(formatFinding("W_SUM_NOT_100", params, "en")).toBe("The weights of the dimensions sum to 110%, not 100%; they are renormalised to 100%.");
    expect(formatFinding("W_SUM_NOT_100", params, "zh")).toBe("一级指标的权重之和为 110%，而非 100%；计算时按比例归一为 100%。");
  });
});

describe("UserError", () => {
  it("carries its code, parameters, name and English message", () => {
    const e = new UserError("NEED_HEADER", { count: 7 });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("UserError");
    expect(e.code).toBe("NEED_HEADER");
    expect(e.params).toEqual({ count: 7 });
    expect(e.message.startsWith("Cannot read 7 columns")).toBe(true);
  });

  it("defaults to no parameters", () => {
    expect(new UserError("EMPTY_RANGE").message).toBe("The range is empty: select a range that holds data.");
  });
});

describe("isUserError", () => {
  it("rejects other errors, values and unknown codes", () => {
    expect(isUserError(new Error("x"))).toBe(false);
    expect(isUserError(null)).toBe(false);
    expect(isUserError("UserError")).toBe(false);
    expect(isUserError({ name: "UserError", code: "NOPE" })).toBe(false);
    expect(isUserError({ name: "UserError", code: 3 })).toBe(false);
    expect(isUserError({ name: "Error", code: "EMPTY_RANGE" })).toBe(false);
  });

  it("accepts an UserError and a look-alike from another bundle", () => {
    expect(isUserError(new UserError("EMPTY_RANGE"))).toBe(true);
    expect(isUserError({ name: "UserError", code: "EMPTY_RANGE", params: {} })).toBe(true);
  });
});
