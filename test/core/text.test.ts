import { columnLetter, normaliseName, showValue } from "../../src/core/text";

/** Full-width form of the printable ASCII characters in `s` (what a Chinese IME types). */
function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000");
}

describe("normaliseName", () => {
  it("gives the empty string for null and undefined", () => {
    expect(normaliseName(null)).toBe("");
    expect(normaliseName(undefined)).toBe("");
  });

  it("reads numbers and other values through their text", () => {
    expect(normaliseName(2020)).toBe("2020");
    expect(normaliseName(true)).toBe("true");
  });

  it("does not strip a prefix or suffix that is the whole name", () => {
    expect(normaliseName("指数")).toBe("指数");
    expect(normaliseName("该区县")).toBe("该区县");
    expect(normaliseName("区县")).toBe("区县");
    expect(normaliseName("Index")).toBe("index");
  });

  it("drops the report's 该区县 prefix and 指数 suffix", () => {
    expect(normaliseName("该区县主播直播场次指数")).toBe("主播直播场次");
    expect(normaliseName("该区县主播直播场次")).toBe("主播直播场次");
    expect(normaliseName("主播直播场次指数")).toBe("主播直播场次");
    expect(normaliseName("主播直播场次")).toBe("主播直播场次");
  });

  it("drops an English 'index' suffix in any case", () => {
    expect(normaliseName("Industry promotion INDEX")).toBe("industrypromotion");
  });

  it("folds full-width letters, digits and punctuation to half-width", () => {
    expect(normaliseName(fullWidth("Streamer_GMV"))).toBe("streamergmv");
    expect(normaliseName("Ｓtreamer_GMV ")).toBe("streamergmv");
    expect(normaliseName("该区县直播主体（达人＋机构）数量指数")).toBe(normaliseName("该区县直播主体(达人+机构)数量指数"));
  });

  it("ignores spaces of every width, underscores, hyphens, dots and quotes", () => {
    expect(normaliseName("  streamer _ gmv\t")).toBe("streamergmv");
    expect(normaliseName("streamer-gmv")).toBe("streamergmv");
    expect(normaliseName("streamer.gmv")).toBe("streamergmv");
    expect(normaliseName("“streamer·gmv”")).toBe("streamergmv");
    expect(normaliseName("该区县\u3000主播直播场次 指数")).toBe("主播直播场次");
  });

  it("lower-cases", () => {
    expect(normaliseName("Return_Rate")).toBe("returnrate");
  });
});

describe("showValue", () => {
  it("quotes text and cuts it at 40 characters", () => {
    expect(showValue("abc")).toBe('"abc"');
    const long = "x".repeat(45);
    expect(showValue(long)).toBe(`"${"x".repeat(40)}…"`);
  });

  it("names blanks, NaN, booleans and objects", () => {
    expect(showValue(null)).toBe("(blank)");
    expect(showValue(undefined)).toBe("(blank)");
    expect(showValue(NaN)).toBe("NaN");
    expect(showValue(12.5)).toBe("12.5");
    expect(showValue(true)).toBe("TRUE");
    expect(showValue(false)).toBe("FALSE");
    expect(showValue({ a: 1 })).toBe("(object)");
  });
});

describe("columnLetter", () => {
  it("names the first 26 columns A to Z", () => {
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(25)).toBe("Z");
  });

  it("goes on with two and three letters as Excel does", () => {
    expect(columnLetter(26)).toBe("AA");
    expect(columnLetter(27)).toBe("AB");
    expect(columnLetter(51)).toBe("AZ");
    expect(columnLetter(52)).toBe("BA");
    expect(columnLetter(701)).toBe("ZZ");
    expect(columnLetter(702)).toBe("AAA");
  });

  it("names Excel's last column (16,384th) XFD", () => {
    expect(columnLetter(16383)).toBe("XFD");
  });

  it("agrees with a bijective base-26 reading of the letters for the first 20,000 columns", () => {
    // Independent inverse: A=1 … Z=26, each further letter multiplies by 26.
    const read = (s: string) => [...s].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0) - 1;
    for (let i = 0; i < 20000; i++) {
      const s = columnLetter(i);
      if (!/^[A-Z]+$/.test(s) || read(s) !== i) throw new Error(`column ${i} gave ${s}`);
    }
  });
});
