import {
  DIMENSION_COUNT,
  DIMENSIONS,
  dimensionIndex,
  findDimension,
  findIndicator,
  INDICATOR_COUNT,
  INDICATORS,
  nameOf,
  namesOf,
  TOP100_DIMENSION_ORDER,
} from "../../src/core/framework";
import { normaliseName } from "../../src/core/text";
import { REPORT_TOP100_HEADERS, REPORT_WEIGHTS_2020 } from "../../src/data/report2020";

describe("the framework's shape", () => {
  it("has 19 indicators in 5 dimensions", () => {
    expect(INDICATOR_COUNT).toBe(19);
    expect(DIMENSION_COUNT).toBe(5);
    expect(INDICATORS).toHaveLength(19);
    expect(DIMENSIONS).toHaveLength(5);
  });

  it("keeps the weight table's order: goods, supply, viewing, quality, industry with 4, 6, 3, 4, 2 indicators", () => {
    expect(DIMENSIONS.map((d) => d.id)).toEqual(["goods", "supply", "viewing", "quality", "industry"]);
    expect(DIMENSIONS.map((d) => d.indicators.length)).toEqual([4, 6, 3, 4, 2]);
  });

  it("gives each dimension and indicator its own position as index", () => {
    DIMENSIONS.forEach((d, i) => expect(d.index).toBe(i));
    INDICATORS.forEach((x, i) => expect(x.index).toBe(i));
  });

  it("lists each dimension's indicators as the consecutive weight-table rows of that dimension", () => {
    const expected = new Map<string, number[]>();
    REPORT_WEIGHTS_2020.forEach((r, i) => expected.set(r.dimensionId, [...(expected.get(r.dimensionId) ?? []), i]));
    for (const d of DIMENSIONS) expect([d.id, [...d.indicators]]).toEqual([d.id, expected.get(d.id)]);
  });

  it("has unique ids", () => {
    expect(new Set(INDICATORS.map((i) => i.id)).size).toBe(19);
    expect(new Set(DIMENSIONS.map((d) => d.id)).size).toBe(5);
  });
});

describe("the report's weights and directions", () => {
  it("carries the printed first-level weights 40/25/15/15/5", () => {
    expect(DIMENSIONS.map((d) => d.reportWeight)).toEqual([40, 25, 15, 15, 5]);
  });

  it("carries the printed second-level weights 25×4, 16×6, 33×3, 25×4, 50×2", () => {
    expect(INDICATORS.map((i) => i.reportWeight)).toEqual([25, 25, 25, 25, 16, 16, 16, 16, 16, 16, 33, 33, 33, 25, 25, 25, 25, 50, 50]);
  });

  it("treats only the return rate and the dispute rate as less-is-better", () => {
    expect(INDICATORS.filter((i) => i.direction === -1).map((i) => i.id)).toEqual(["return_rate", "dispute_rate"]);
    expect(INDICATORS.filter((i) => i.direction === -1).map((i) => i.zh)).toEqual(["该区县直播退货率指数", "该区县直播纠纷率指数"]);
  });
});

describe("TOP100_DIMENSION_ORDER", () => {
  it("follows the printed Top-100 columns: supply, viewing, goods, quality, industry", () => {
    expect(TOP100_DIMENSION_ORDER).toEqual(["supply", "viewing", "goods", "quality", "industry"]);
    const printed = REPORT_TOP100_HEADERS.slice(4, 9);
    expect(TOP100_DIMENSION_ORDER.map((id) => DIMENSIONS[dimensionIndex(id)].zh)).toEqual(printed);
  });
});

describe("dimensionIndex", () => {
  it("gives each id's position in the weight table's order", () => {
    expect(["goods", "supply", "viewing", "quality", "industry"].map((id) => dimensionIndex(id as never))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("findDimension and findIndicator", () => {
  it("find nothing for unknown names, blanks and non-text", () => {
    expect(findDimension("foo")).toBeUndefined();
    expect(findIndicator("foo")).toBeUndefined();
    expect(findDimension(null)).toBeUndefined();
    expect(findIndicator("")).toBeUndefined();
    expect(findIndicator(42)).toBeUndefined();
  });

  it("do not confuse a dimension with an indicator", () => {
    for (const d of DIMENSIONS) for (const n of [d.id, d.zh, d.en]) expect([n, findIndicator(n)]).toEqual([n, undefined]);
    for (const i of INDICATORS) for (const n of [i.id, i.zh, i.en]) expect([n, findDimension(n)]).toEqual([n, undefined]);
  });

  it("find every indicator by id, Chinese and English name", () => {
    for (const r of REPORT_WEIGHTS_2020) {
      for (const n of [r.indicatorId, r.indicatorZh, r.indicatorEn]) expect([n, findIndicator(n)?.id]).toEqual([n, r.indicatorId]);
    }
  });

  it("find the dimensions by their short aliases", () => {
    expect(findDimension("商品消费")?.id).toBe("goods");
    expect(findDimension("内容供给")?.id).toBe("supply");
    expect(findDimension("内容消费")?.id).toBe("viewing");
    expect(findDimension("Content consumption")?.id).toBe("viewing");
    expect(findDimension("质量")?.id).toBe("quality");
    expect(findDimension("产业促进指数")?.id).toBe("industry");
  });

  it("never lets two framework items share a normalised name", () => {
    const owner = new Map<string, string>();
    const items = [
      ...DIMENSIONS.map((d) => ({ key: `d:${d.id}`, names: [d.id, d.zh, d.en] })),
      ...INDICATORS.map((i) => ({ key: `i:${i.id}`, names: [i.id, i.zh, i.en] })),
    ];
    for (const it of items) {
      for (const n of it.names) {
        const k = normaliseName(n);
        const prev = owner.get(k);
        if (prev !== undefined && prev !== it.key) throw new Error(`${n} is shared by ${prev} and ${it.key}`);
        owner.set(k, it.key);
      }
    }
    expect(owner.size).toBeGreaterThanOrEqual(5 * 2 + 19 * 2);
  });
});

describe("nameOf and namesOf", () => {
  it("give an item's name in both languages", () => {
    expect(nameOf(DIMENSIONS[4])).toEqual({ zh: "产业促进指数", en: "Industry promotion" });
  });

  it("join several names with the separator of each language", () => {
    expect(namesOf([INDICATORS[17], INDICATORS[18]])).toEqual({
      zh: "该区县直播产业政策指数、该区县直播基地指数",
      en: "Live-streaming industry policy in force for the district, Live-streaming bases in the district",
    });
  });
});
