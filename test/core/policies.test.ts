/**
 * The policy appendix as data: every issuer of the report's 33 policies read as written here by
 * hand from the appendix, and LIVEPOLICY on the report's Top-100 against a table of the covering
 * policy of each region, also written by hand (the appendix's provinces, cities and districts).
 */
import { parseIssuer } from "../../src/core/policies";
import { REPORT_POLICIES_2020 } from "../../src/data/policies2020";
import { Cell, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";
import { top100Cells } from "../helpers/fixtures";

/** The appendix's issuers as read by hand: level, then the city and the district each names (— for none). */
const BY_HAND: readonly [string, string, string, string][] = [
  ["杭州-江干区", "district", "杭州市", "江干区"],
  ["杭州-滨江区", "district", "杭州市", "滨江区"],
  ["杭州-余杭区", "district", "杭州市", "余杭区"],
  ["义乌市", "city", "义乌市", "—"],
  ["杭州市", "city", "杭州市", "—"],
  ["杭州-西湖区", "district", "杭州市", "西湖区"],
  ["广州市", "city", "广州市", "—"],
  ["广州-越秀区", "district", "广州市", "越秀区"],
  ["广州-从化区", "district", "广州市", "从化区"],
  ["广州-花都区", "district", "广州市", "花都区"],
  ["深圳市", "city", "深圳市", "—"],
  ["菏泽市", "city", "菏泽市", "—"],
  ["济南市", "city", "济南市", "—"],
  ["青岛市", "city", "青岛市", "—"],
  ["泉州市", "city", "泉州市", "—"],
  ["石狮市", "city", "石狮市", "—"],
  ["莆田市", "city", "莆田市", "—"],
  ["厦门市", "city", "厦门市", "—"],
  ["省商务厅", "province", "—", "—"],
  ["武侯区", "district", "—", "武侯区"],
  ["成华区", "district", "—", "成华区"],
  ["市商务委", "province", "—", "—"],
  ["市政府办公厅", "province", "—", "—"],
  ["市商务委", "province", "—", "—"],
  ["市商务局", "province", "—", "—"],
  ["许昌市", "city", "许昌市", "—"],
  ["石家庄", "city", "石家庄市", "—"],
  ["大连市", "city", "大连市", "—"],
  ["省商务厅", "province", "—", "—"],
  ["沈阳市", "city", "沈阳市", "—"],
  ["省政府办公厅", "province", "—", "—"],
  ["省商务厅", "province", "—", "—"],
  ["省商务厅", "province", "—", "—"],
];

/**
 * The covering policy of each Top-100 region, by rank, from the appendix: the district's own, else
 * its city's, else its province's (Shanghai's first listed is 市政府办公厅); the ranks not listed have none.
 */
const COVERED: Readonly<Record<number, string>> = {
  1: "杭州-滨江区",
  2: "广州市",
  3: "杭州-江干区",
  4: "市政府办公厅",
  5: "杭州-余杭区",
  6: "杭州市",
  8: "义乌市",
  9: "广州市",
  10: "市商务局",
  13: "广州市",
  14: "广州市",
  18: "市政府办公厅",
  19: "市商务局",
  21: "市政府办公厅",
  23: "省政府办公厅",
  24: "广州市",
  25: "市政府办公厅",
  27: "深圳市",
  28: "市政府办公厅",
  29: "市政府办公厅",
  30: "深圳市",
  31: "杭州-西湖区",
  32: "深圳市",
  33: "市商务局",
  34: "杭州市",
  35: "市政府办公厅",
  36: "市政府办公厅",
  37: "省商务厅",
  39: "青岛市",
  40: "广州-越秀区",
  42: "市商务局",
  43: "市政府办公厅",
  44: "市商务局",
  45: "青岛市",
  46: "市政府办公厅",
  47: "石狮市",
  49: "泉州市",
  51: "沈阳市",
  52: "市政府办公厅",
  54: "市商务局",
  55: "市商务局",
  56: "泉州市",
  57: "市政府办公厅",
  58: "沈阳市",
  61: "市商务局",
  63: "省商务厅",
  65: "广州-花都区",
  66: "广州市",
  67: "广州市",
  68: "省商务厅",
  69: "深圳市",
  70: "青岛市",
  73: "沈阳市",
  74: "青岛市",
  75: "青岛市",
  76: "武侯区",
  77: "杭州市",
  78: "市政府办公厅",
  79: "市商务局",
  80: "省商务厅",
  81: "市商务局",
  86: "省商务厅",
  89: "杭州市",
  91: "省商务厅",
  94: "市商务委",
  95: "市商务局",
  96: "杭州市",
  98: "市商务局",
  99: "成华区",
};

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

describe("the policy appendix", () => {
  it("holds the report's 33 policies, and reads every issuer as read by hand", () => {
    expect(REPORT_POLICIES_2020).toHaveLength(33);
    REPORT_POLICIES_2020.forEach((p, i) => {
      const x = parseIssuer(p.province, p.issuer);
      expect([p.issuer, x.level, x.city ?? "—", x.district ?? "—"]).toEqual(BY_HAND[i]);
      expect(x.province).toBe(p.province);
    });
  });

  it("LIVEPOLICY gives each Top-100 region 100 and its covering policy's issuer, or 0, as the table by hand", () => {
    const top = top100Cells().slice(1);
    const column = (c: number) => top.map((r) => [r[c]]);
    const out = rt.call("LIVEPOLICY", column(1), column(2), column(3)) as Cell[][];
    top.forEach((r, i) => {
      const rank = r[0] as number;
      expect([rank, r[3], ...out[i]]).toEqual([rank, r[3], COVERED[rank] ? 100 : 0, COVERED[rank] ?? ""]);
    });
  });

  it("LIVEPOLICIES spills the appendix, or one province's; a user's own rows extend it", () => {
    const all = rt.call("LIVEPOLICIES") as Cell[][];
    expect(all[0]).toEqual(["省份", "发文单位", "时间", "政策", "目标"]);
    expect(all).toHaveLength(34);
    expect((rt.call("LIVEPOLICIES", "辽宁") as Cell[][]).map((r) => r[1]).slice(1)).toEqual(["大连市", "省商务厅", "沈阳市"]);
    // 金华市 has no policy in the appendix: with the user's own row, its regions are covered.
    const own = [...all, ["浙江省", "金华市", "9月1日", "（自己补充的政策）", ""]];
    expect(rt.call("LIVEPOLICY", [["浙江省"]], [["金华市"]], [["永康市"]])).toEqual([[0, ""]]);
    expect(rt.call("LIVEPOLICY", [["浙江省"]], [["金华市"]], [["永康市"]], own)).toEqual([[100, "金华市"]]);
    const bad = rt.call("LIVEPOLICY", [["浙江省"], ["广东省"]], [["杭州市"]], [["滨江区"], ["白云区"]]);
    expect(isCustomFunctionError(bad) && bad.message).toContain("must have as many rows");
    const unknown = rt.call("LIVEPOLICIES", "火星");
    expect(isCustomFunctionError(unknown) && unknown.message).toContain('Argument "province" cannot be "火星"');
  });
});
