import { parseCsv } from "../../src/core/csv";

describe("parseCsv", () => {
  it("gives no rows for empty text or blank lines only", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\n\n")).toEqual([]);
  });

  it("pads short rows so the result is rectangular", () => {
    expect(parseCsv("a,b,c\n1\n")).toEqual([
      ["a", "b", "c"],
      ["1", "", ""],
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(parseCsv('name,note\r\n"Hangzhou, Binjiang","say ""hi""\nagain"\r\n')).toEqual([
      ["name", "note"],
      ["Hangzhou, Binjiang", 'say "hi"\nagain'],
    ]);
  });

  it("drops a byte-order mark", () => {
    expect(parseCsv("\ufeff省,市\n浙江省,杭州市")).toEqual([
      ["省", "市"],
      ["浙江省", "杭州市"],
    ]);
  });
});
