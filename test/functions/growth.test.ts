/**
 * LIVEGROWTH against cases worked by hand: (current − previous) / |previous|, and each rule for a
 * region without a base (a previous value missing or 0).
 */
import { Cell, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

const col = (xs: unknown[]) => xs.map((x) => [x]);

describe("LIVEGROWTH", () => {
  it("gives (current − previous) / |previous|, the header its label, as hand-worked", () => {
    const out = rt.call("LIVEGROWTH", col(["成交额（万元）", 150, 80, 100, "1,200", -50]), col(["成交额（万元）", 100, 100, 100, 1000, -100])) as Cell[][];
    // 150 on 100: +50%; 80 on 100: −20%; unchanged: 0; "1,200" on 1,000: +20%; a loss of 100 shrinking to 50: +50%.
    expect(out).toEqual([["Growth rate"], [0.5], [-0.2], [0], [0.2], [0.5]]);
  });

  it("leaves a region without a base blank by default, says why with na, and caps a zero base with cap", () => {
    const cur = col([120, 30, 0, null, 10]);
    const prev = col([null, 0, 0, 50, "-"]);
    expect(rt.call("LIVEGROWTH", cur, prev)).toEqual([[""], [""], [""], [""], [""]]);
    const na = rt.call("LIVEGROWTH", cur, prev, "na") as Cell[][];
    expect(na.map((r) => (isCustomFunctionError(r[0]) ? r[0].message : r[0]))).toEqual([
      "No previous value: no growth rate.",
      "The previous value is 0: there is no growth rate on a base of 0 (the rule cap=10 gives a cap instead).",
      "The previous value is 0: there is no growth rate on a base of 0 (the rule cap=10 gives a cap instead).",
      "No current value: no growth rate.",
      // "-" is the report's "none": 0, a zero base.
      "The previous value is 0: there is no growth rate on a base of 0 (the rule cap=10 gives a cap instead).",
    ]);
    // cap=1000%: a zero base growing is +1000%; nothing to nothing is 0; a missing value stays blank.
    expect(rt.call("LIVEGROWTH", cur, prev, "cap=1000%")).toEqual([[""], [10], [0], [""], [10]]);
  });

  it("says what is wrong: uneven columns, text that is no number, an unknown rule", () => {
    const uneven = rt.call("LIVEGROWTH", col([1, 2]), col([1]));
    expect(isCustomFunctionError(uneven) && uneven.message).toContain("of as many rows: they have 2 and 1");
    const text = rt.call("LIVEGROWTH", col(["额", 1, "很多"]), col(["额", 1, 2])) as Cell[][];
    expect(isCustomFunctionError(text[2][0]) && text[2][0].message).toContain('"很多" is not a number');
    const rule = rt.call("LIVEGROWTH", col([1]), col([1]), "zero");
    expect(isCustomFunctionError(rule) && rule.message).toContain('Argument "rule" cannot be "zero"');
  });
});
