import { BLANK, isBlankCell, isBlankRow, readCell } from "../../src/core/cells";

describe("readCell", () => {
  it("calls NaN and ±Infinity non-finite", () => {
    expect(readCell(NaN)).toEqual({ problem: "nonFinite" });
    expect(readCell(Infinity)).toEqual({ problem: "nonFinite" });
    expect(readCell(-Infinity)).toEqual({ problem: "nonFinite" });
  });

  it("calls text that spells NaN or infinity non-finite", () => {
    expect(readCell("NaN")).toEqual({ problem: "nonFinite" });
    expect(readCell("-Infinity")).toEqual({ problem: "nonFinite" });
    expect(readCell("inf")).toEqual({ problem: "nonFinite" });
  });

  it("reads the Unicode minus sign (U+2212) as a minus", () => {
    expect(readCell("\u22123.5")).toBe(-3.5);
  });

  it("calls number text too large for a double non-finite rather than returning Infinity", () => {
    expect(readCell("1e400")).toEqual({ problem: "nonFinite" });
    expect(readCell("-1e400")).toEqual({ problem: "nonFinite" });
  });

  it("calls words, booleans and objects a text problem", () => {
    expect(readCell("abc")).toEqual({ problem: "text" });
    expect(readCell("12abc")).toEqual({ problem: "text" });
    expect(readCell("%")).toEqual({ problem: "text" });
    expect(readCell(true)).toEqual({ problem: "text" });
    expect(readCell(false)).toEqual({ problem: "text" });
    expect(readCell({ value: 1 })).toEqual({ problem: "text" });
    expect(readCell([1])).toEqual({ problem: "text" });
  });

  it("reads null, undefined, the empty string and white space as blank", () => {
    expect(readCell(null)).toBe(BLANK);
    expect(readCell(undefined)).toBe(BLANK);
    expect(readCell("")).toBe(BLANK);
    expect(readCell("   ")).toBe(BLANK);
    expect(readCell("\u3000")).toBe(BLANK);
  });

  it("reads the report's '-' and its full-width and dash variants as 0", () => {
    expect(readCell("-")).toBe(0);
    expect(readCell("－")).toBe(0);
    expect(readCell(" - ")).toBe(0);
    expect(readCell("—")).toBe(0);
    expect(readCell("–")).toBe(0);
  });

  it("passes finite numbers through unchanged, zero and negatives included", () => {
    expect(readCell(12.5)).toBe(12.5);
    expect(readCell(0)).toBe(0);
    expect(readCell(-3)).toBe(-3);
    expect(readCell(1e-300)).toBe(1e-300);
  });

  it("reads number text with spaces, thousands separators, signs and exponents", () => {
    expect(readCell(" 12.5 ")).toBe(12.5);
    expect(readCell("1,234")).toBe(1234);
    expect(readCell("1,234,567.5")).toBe(1234567.5);
    expect(readCell("+7")).toBe(7);
    expect(readCell("-7")).toBe(-7);
    expect(readCell(".5")).toBe(0.5);
    expect(readCell("5.")).toBe(5);
    expect(readCell("1e3")).toBe(1000);
  });

  it("reads percent text as a fraction, also in full width", () => {
    expect(readCell("40%")).toBeCloseTo(0.4, 15);
    expect(readCell(" 40% ")).toBeCloseTo(0.4, 15);
    expect(readCell("４０％")).toBeCloseTo(0.4, 15);
    expect(readCell("12.5%")).toBeCloseTo(0.125, 15);
  });

  it("reads full-width digits", () => {
    expect(readCell("１２.５")).toBe(12.5);
  });
});

describe("isBlankCell and isBlankRow", () => {
  it("treat null, undefined and white-space text as blank, and 0 and '-' as values", () => {
    expect(isBlankCell(null)).toBe(true);
    expect(isBlankCell(undefined)).toBe(true);
    expect(isBlankCell(" ")).toBe(true);
    expect(isBlankCell(0)).toBe(false);
    expect(isBlankCell("-")).toBe(false);
    expect(isBlankCell(false)).toBe(false);
  });

  it("calls a row blank when every cell is blank or 0, the form Excel desktop gives a blank row (office-js #1951)", () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([null, "", undefined, "  "])).toBe(true);
    expect(isBlankRow([null, "", 0])).toBe(true);
    expect(isBlankRow([0, 0, 0])).toBe(true);
    expect(isBlankRow([0, 0, 0.5])).toBe(false);
    expect(isBlankRow(["0", 0])).toBe(false);
    expect(isBlankRow([null, "-", null])).toBe(false);
    expect(isBlankRow(["", "", "x"])).toBe(false);
  });
});
