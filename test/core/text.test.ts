import { columnLetter, displayWidth, normaliseName, showValue, wrapText } from "../../src/core/text";

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

describe("wrapText", () => {
  /** Every line within the width (the spaces that end it take no room), and the lines joined are the text. */
  function wrapped(text: string, width: number): string[] {
    const lines = wrapText(text, width);
    for (const l of lines) expect(displayWidth(l.trimEnd())).toBeLessThanOrEqual(width);
    expect(lines.join("")).toBe(text);
    return lines;
  }

  it("breaks between CJK characters, preferring the end of a clause in the second half of a line", () => {
    expect(wrapped("缺失数据从不抬高得分；退货率为 0 也视为缺失。", 16)).toEqual(["缺失数据从不抬高", "得分；退货率", "为 0 也视为缺", "失。"]);
    expect(wrapped("一二三四五，六七八九十一二三", 14)).toEqual(["一二三四五，", "六七八九十一二", "三"]);
  });

  it("never starts a line with closing punctuation, nor ends one with opening punctuation", () => {
    // Width 10 would end the first line after 五 and start the next with "；".
    expect(wrapped("一二三四五；六七", 10)).toEqual(["一二三四", "五；六七"]);
    expect(wrapped("一二三四（五六）", 10)).toEqual(["一二三四", "（五六）"]);
    // From 10 columns, the widest unit here ("重 10.0%。"): a narrower line has to cut units.
    for (let width = 10; width <= 30; width++) {
      for (const line of wrapped("权重：商品消费 40%，内容供给 25%；（按报告）有效权重 10.0%。", width)) {
        expect(line).not.toMatch(/^[，。；：、）%]/);
        expect(line).not.toMatch(/（$/);
      }
    }
  });

  it("breaks a formula at a space rather than inside a word of it", () => {
    const lines = wrapped("最小-最大标准化：100 × (x − 最小值) / (最大值 − 最小值)", 40);
    expect(lines[0].endsWith(" ")).toBe(true);
    expect(lines.every((l) => !/最小$|最大$/.test(l.trimEnd()))).toBe(true);
  });

  it("keeps a number with its CJK neighbours and a Latin word whole", () => {
    const lines = wrapped("共有一百多个地区进入前 100 名的排名表", 24);
    expect(lines.some((l) => l.includes("前 100 名"))).toBe(true);
    expect(wrapped("one two three", 8)).toEqual(["one two ", "three"]);
    expect(wrapped("less-is-better indicators", 16)).toEqual(["less-is-better ", "indicators"]);
  });

  it("cuts a unit wider than a line at the width, and keeps an empty text as one empty line", () => {
    expect(wrapped("https://example.org/a/very/long/path", 10)).toEqual(["https://ex", "ample.org/", "a/very/lon", "g/path"]);
    expect(wrapText("", 10)).toEqual([""]);
  });
});
