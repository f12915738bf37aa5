/** The data-treatment options as every surface reads them (core/options.ts). */
import { DEFAULT_PIPELINE, readPipelineOptions } from "../../src/core/options";
import { formatError, isUserError } from "../../src/core/errors";

function errorOf(given: unknown): { zh: string; en: string } {
  try {
    readPipelineOptions(given);
  } catch (e) {
    if (isUserError(e)) return { zh: formatError(e, "zh"), en: formatError(e, "en") };
    throw e;
  }
  throw new Error("no error");
}

describe("readPipelineOptions", () => {
  it("takes nothing as the report's method", () => {
    // The web passes a blank cell as "" or null, the desktop as 0: all blank.
    for (const given of [null, undefined, "", 0, [[null, null]], [[""]], [[0]], [[0, 0]]]) expect(readPipelineOptions(given)).toEqual(DEFAULT_PIPELINE);
    expect(DEFAULT_PIPELINE).toEqual({ missing: "report", coverage: 0, treat: "none", aggregate: "mean" });
  });

  it("reads a text of key=value pairs, in any case, with ; , or new lines, = or :", () => {
    expect(readPipelineOptions("treat=winsorise; missing=median")).toEqual({ missing: "median", coverage: 0, treat: "winsorise", aggregate: "mean" });
    expect(readPipelineOptions("Missing: Province-Median, coverage = 66%")).toEqual({
      missing: "province-median",
      coverage: 0.66,
      treat: "none",
      aggregate: "mean",
    });
    expect(readPipelineOptions("缺失值＝中位数；异常值＝缩尾；覆盖率＝2/3")).toEqual({
      missing: "median",
      coverage: 2 / 3,
      treat: "winsorise",
      aggregate: "mean",
    });
    expect(readPipelineOptions("treat=winsorize\nmissing=none")).toEqual({ missing: "none", coverage: 0, treat: "winsorise", aggregate: "mean" });
  });

  it("reads a two-column range of keys and values, and a single cell holding the text", () => {
    expect(
      readPipelineOptions([
        ["missing", "mean"],
        ["coverage", 0.5],
        ["", ""],
      ]),
    ).toEqual({ missing: "mean", coverage: 0.5, treat: "none", aggregate: "mean" });
    expect(readPipelineOptions([["treat=winsorise"]])).toEqual({ missing: "report", coverage: 0, treat: "winsorise", aggregate: "mean" });
  });

  it("names an unknown key, a bad value and an unreadable text, in both languages", () => {
    expect(errorOf("trim=yes")).toEqual({ zh: expect.stringContaining("没有“trim”"), en: expect.stringContaining('There is no option "trim"') });
    expect(errorOf("missing=zero").en).toContain('cannot be "zero". Use one of: report, mean, median, province-median, none');
    expect(errorOf("missing=zero").zh).toContain("缺失值处理（missing）");
    expect(errorOf("coverage=150%").en).toContain("a share from 0 to 1");
    expect(errorOf("coverage=-0.1").en).toContain("a share from 0 to 1");
    expect(errorOf("winsorise").en).toContain('write them as "key=value; key=value"');
    expect(errorOf([[1, 2]]).en).toContain("Cannot read the options");
    expect(errorOf(42).en).toContain("Cannot read the options 42");
  });
});
