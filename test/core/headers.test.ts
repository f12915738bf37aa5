import { UserError } from "../../src/core/errors";
import {
  describeHeaders,
  findHeaderRow,
  isNumericText,
  keysWithMeanings,
  looksLikeHeader,
  mapHeaderRow,
  matchHeader,
  positionalColumnMap,
  SKIP_COLUMN,
} from "../../src/core/headers";
import { REPORT_TOP100_HEADERS, REPORT_WEIGHTS_2020 } from "../../src/data/report2020";
import { codeOf } from "../helpers/errors";

/** Full-width form of the printable ASCII characters in `s`. */
function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

// The report's weight table, row by row: the indicators' framework positions are their row order.
const indicatorRows = REPORT_WEIGHTS_2020.map((r, index) => ({ ...r, index }));
const dimensionRows = REPORT_WEIGHTS_2020.filter((r, i, all) => all.findIndex((x) => x.dimensionId === r.dimensionId) === i).map((r, index) => ({
  ...r,
  index,
}));

describe("matchHeader: shape", () => {
  it("calls non-text cells and unknown text 'other'", () => {
    expect(matchHeader(2020)).toEqual({ kind: "other" });
    expect(matchHeader(null)).toEqual({ kind: "other" });
    expect(matchHeader("")).toEqual({ kind: "other" });
    expect(matchHeader("备注")).toEqual({ kind: "other" });
    expect(matchHeader("GMV")).toEqual({ kind: "other" });
  });
});

describe("matchHeader: the 19 indicators", () => {
  it("has 19 indicator rows in the report's weight table", () => {
    expect(indicatorRows).toHaveLength(19);
  });

  it.each(indicatorRows.map((r) => [r.indicatorZh, r] as const))("matches %s in every spelling", (_zh, r) => {
    const expected = { kind: "indicator", index: r.index };
    const bare = r.indicatorZh.replace(/^该区县/, "").replace(/指数$/, "");
    expect(r.indicatorZh.startsWith("该区县") && r.indicatorZh.endsWith("指数")).toBe(true);
    const spellings = [
      r.indicatorZh,
      bare,
      `该区县${bare}`,
      `${bare}指数`,
      fullWidth(r.indicatorZh),
      ` ${bare} `,
      r.indicatorEn,
      r.indicatorEn.toUpperCase(),
      fullWidth(r.indicatorEn),
      r.indicatorId,
      fullWidth(r.indicatorId),
      r.indicatorId.toUpperCase().replace(/_/g, " "),
    ];
    for (const s of spellings) expect([s, matchHeader(s)]).toEqual([s, expected]);
  });
});

describe("matchHeader: the five dimensions", () => {
  it("has five dimensions in the report's weight table", () => {
    expect(dimensionRows.map((d) => d.dimensionId)).toEqual(["goods", "supply", "viewing", "quality", "industry"]);
  });

  it.each(dimensionRows.map((r) => [r.dimensionZh, r] as const))("matches %s in every spelling", (_zh, r) => {
    const expected = { kind: "dimension", index: r.index };
    const bare = r.dimensionZh.replace(/指数$/, "");
    const spellings = [
      r.dimensionZh,
      bare,
      `该区县${r.dimensionZh}`,
      fullWidth(r.dimensionZh),
      r.dimensionEn,
      `${r.dimensionEn} index`,
      fullWidth(r.dimensionEn),
      r.dimensionId,
      fullWidth(r.dimensionId),
      r.dimensionId.toUpperCase(),
    ];
    for (const s of spellings) expect([s, matchHeader(s)]).toEqual([s, expected]);
  });
});

describe("matchHeader: name columns", () => {
  it("recognises the Top-100 table's 排名, 省, 市, 区 and 总指数", () => {
    expect(matchHeader("排名")).toEqual({ kind: "name", role: "rank" });
    expect(matchHeader("省")).toEqual({ kind: "name", role: "province" });
    expect(matchHeader("市")).toEqual({ kind: "name", role: "city" });
    expect(matchHeader("区")).toEqual({ kind: "name", role: "district" });
    expect(matchHeader("总指数")).toEqual({ kind: "name", role: "total" });
  });

  it("recognises English and alternative Chinese names", () => {
    expect(matchHeader("Rank")).toEqual({ kind: "name", role: "rank" });
    expect(matchHeader("Province")).toEqual({ kind: "name", role: "province" });
    expect(matchHeader("City")).toEqual({ kind: "name", role: "city" });
    expect(matchHeader("区县")).toEqual({ kind: "name", role: "district" });
    expect(matchHeader("District")).toEqual({ kind: "name", role: "district" });
    expect(matchHeader("Total index")).toEqual({ kind: "name", role: "total" });
    expect(matchHeader("综合指数")).toEqual({ kind: "name", role: "total" });
  });
});

describe("mapHeaderRow", () => {
  it("throws DUPLICATE_COLUMN naming both columns when two headers mean the same indicator", () => {
    let err: unknown;
    try {
      mapHeaderRow(["区", "streamer_gmv", "备注", "该区县主播直播引导成交额指数"]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const e = err as UserError;
    expect(e.code).toBe("DUPLICATE_COLUMN");
    expect(e.params).toMatchObject({ name: "该区县主播直播引导成交额指数", first: "B", second: "D" });
  });

  it("throws DUPLICATE_COLUMN for a dimension given twice in different languages", () => {
    expect(codeOf(() => mapHeaderRow(["直播质量指数", "Live-stream quality"]))).toBe("DUPLICATE_COLUMN");
  });

  it("keeps the specific of two name columns with the same role (排名 over 序号, 县（市、区） over 地区) instead of failing", () => {
    const map = mapHeaderRow(["序号", "排名", "区", "goods"]);
    expect(map.names).toEqual({ rank: 1, district: 2 });
    expect(map.dimensions[0]).toBe(3);
    expect(mapHeaderRow(["行政区划代码", "地区", "县（市、区）", "goods"]).names).toEqual({ district: 2 });
    expect(mapHeaderRow(["区县", "名称", "goods"]).names).toEqual({ district: 0 });
    // Two specific headers: the first one.
    expect(mapHeaderRow(["区县", "县区", "goods"]).names).toEqual({ district: 0 });
  });

  it("keysWithMeanings: the user's meaning wins over a column matched by its header to the same meaning", () => {
    const keys = keysWithMeanings(["地区", "县名", "goods"], [{ column: "县名", meaning: "区县" }]);
    expect(keys).toEqual([SKIP_COLUMN, "name:district", "dim:goods"]);
  });

  it("maps the report's Top-100 header to its printed positions", () => {
    const map = mapHeaderRow([...REPORT_TOP100_HEADERS]);
    expect(map.hasHeader).toBe(true);
    // Framework order goods, supply, viewing, quality, industry; printed columns 4–8 are supply, viewing, goods, quality, industry.
    expect(map.dimensions).toEqual([6, 4, 5, 7, 8]);
    expect(map.indicators.every((c) => c === -1)).toBe(true);
    expect(map.names).toEqual({ rank: 0, province: 1, city: 2, district: 3, total: 9 });
    expect(map.labels).toEqual([...REPORT_TOP100_HEADERS]);
  });

  it("maps indicator columns in any order and ignores unknown columns", () => {
    const map = mapHeaderRow(["备注", "dispute_rate", null, "streamer_gmv"]);
    expect(map.indicators[0]).toBe(3);
    expect(map.indicators[14]).toBe(1);
    expect(map.indicators.filter((c) => c >= 0)).toHaveLength(2);
    expect(map.labels).toEqual(["备注", "dispute_rate", "", "streamer_gmv"]);
  });
});

describe("positionalColumnMap", () => {
  it.each([0, 1, 4, 6, 10, 18, 20])("throws NEED_HEADER for %i columns", (w) => {
    expect(codeOf(() => positionalColumnMap(w))).toBe("NEED_HEADER");
  });

  it("reads 5 columns as the sub-indices in the Top-100 order: supply, viewing, goods, quality, industry", () => {
    const map = positionalColumnMap(5);
    expect(map.hasHeader).toBe(false);
    // goods at column 2, supply 0, viewing 1, quality 3, industry 4.
    expect(map.dimensions).toEqual([2, 0, 1, 3, 4]);
    expect(map.indicators.every((c) => c === -1)).toBe(true);
    expect(map.labels).toEqual(["直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"]);
  });

  it("reads 19 columns as the indicators in the weight table's order", () => {
    const map = positionalColumnMap(19);
    expect(map.indicators).toEqual(Array.from({ length: 19 }, (_, i) => i));
    expect(map.dimensions.every((c) => c === -1)).toBe(true);
    expect(map.labels).toEqual(REPORT_WEIGHTS_2020.map((r) => r.indicatorZh));
  });
});

describe("looksLikeHeader and isNumericText", () => {
  it("does not take a row of numbers, number text and dashes for a header", () => {
    expect(looksLikeHeader([1, 2, 3])).toBe(false);
    expect(looksLikeHeader(["12.5", " 40% ", "1,234", "-", "－", null, ""])).toBe(false);
  });

  it("does not take a row holding any dash that reads as 0 for a header", () => {
    for (const dash of ["-", "－", "—", "–", "―"]) expect([dash, looksLikeHeader([12.5, dash, 3, 4, 5])]).toEqual([dash, false]);
  });

  it("takes a row with words for a header, and a row of numbers with one word in it for data", () => {
    expect(looksLikeHeader(["区", "直播质量", 3])).toBe(true);
    expect(looksLikeHeader(["abc"])).toBe(true);
    expect(looksLikeHeader([1, "n/a", 3])).toBe(false);
    expect(looksLikeHeader([1, 2, 3])).toBe(false);
  });

  it("reads number text after full-width folding", () => {
    expect(isNumericText("１２.５")).toBe(true);
    expect(isNumericText("４０％")).toBe(true);
    expect(isNumericText("1e3")).toBe(true);
    // Overflowing number text is data (its row then reports NOT_FINITE), not a header word.
    expect(isNumericText("1e400")).toBe(true);
    expect(isNumericText("１e400")).toBe(true);
    expect(isNumericText("NaN")).toBe(false);
    expect(isNumericText("abc")).toBe(false);
    expect(isNumericText("")).toBe(false);
  });
});

describe("describeHeaders", () => {
  it("lists the non-blank headers quoted", () => {
    expect(describeHeaders(["a", null, "b"])).toBe('"a", "b"');
  });

  it("shows at most eight and marks the rest", () => {
    const row = Array.from({ length: 10 }, (_, i) => `h${i}`);
    expect(describeHeaders(row)).toBe('"h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", …');
  });

  it("does not mark more when only blank cells follow the eighth column", () => {
    expect(describeHeaders(["a", null, null, null, null, null, null, null, null, "b"])).toBe('"a", "b"');
  });

  it("says (blank) for an empty header row", () => {
    expect(describeHeaders([null, ""])).toBe("(blank)");
  });
});

describe("headers as statistical yearbooks and reports print them", () => {
  it.each([
    ["主播直播引导成交额（元）", "indicator"],
    ["该区县主播直播场次(场)", "indicator"],
    ["直播质量指数（2020年）", "dimension"],
    ["直播商品消费分指数", "dimension"],
    ["直播内容供给分指数（分）", "dimension"],
  ])("matches %s despite its unit or year in brackets", (header, kind) => {
    expect(matchHeader(header).kind).toBe(kind);
  });

  it.each([
    ["区（县）", "district"],
    ["县(市、区)", "district"],
    ["区县名称", "district"],
    ["县市区", "district"],
    ["地市州", "city"],
    ["地级市", "city"],
    ["省（区、市）", "province"],
    ["省区市", "province"],
  ])("reads the name column %s as %s", (header, role) => {
    expect(matchHeader(header)).toEqual({ kind: "name", role });
  });

  it("keeps the 19 indicators and 5 dimensions apart once brackets and suffixes are folded away", () => {
    const keys = new Set<string>();
    for (const r of REPORT_WEIGHTS_2020) keys.add(JSON.stringify(matchHeader(r.indicatorZh)));
    for (const r of REPORT_WEIGHTS_2020) keys.add(JSON.stringify(matchHeader(r.dimensionZh)));
    expect(keys.size).toBe(19 + 5);
  });

  it("finds the header below title lines, blank rows and notes, within the first 20 rows", () => {
    const title = [["2020 年各区县直播电商发展指数"], ["单位：分"], [null], ["区县", "直播质量指数"], ["滨江区", 81.4]];
    expect(findHeaderRow(title)).toBe(3);
    expect(findHeaderRow([...Array.from({ length: 20 }, () => ["说明"]), ["区县", "直播质量指数"]])).toBe(-1);
    expect(findHeaderRow([[1, 2, 3, 4, 5]])).toBe(-1);
  });
});
