/**
 * Text tables shaped as analysts have them, each with its expected outcome: the right ranking with
 * names, or a clear error. Written by the test (encodings and separators are the point, so the
 * bytes are made here rather than checked in).
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { parseCsv, detectSeparator } from "../../src/core/csv";
import { formatError, isUserError } from "../../src/core/errors";
import { runIndex } from "../../src/core/workflow";
import { readTable } from "../../src/files/read-table";
import { top100Cells } from "../helpers/fixtures";
import { tempDir } from "../helpers/files";

const dir = tempDir("real-world");
const top = top100Cells().slice(0, 31);
const join_ = (rows: readonly (readonly unknown[])[], sep: string) =>
  rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join(sep)).join("\r\n") + "\r\n";

async function ranked(file: string): Promise<{ first: string; count: number; separator: string | null }> {
  const table = await readTable(join(dir, file));
  const run = runIndex(table.cells);
  return { first: run.ranking.districts[0].district, count: run.ranking.districts.length, separator: table.separator };
}

describe("text tables as analysts have them", () => {
  it("reads Excel's 'Unicode text' (.txt: UTF-16 with BOM, tab-separated) and says it is tab-separated", async () => {
    writeFileSync(join(dir, "unicode.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(join_(top, "\t"), "utf16le")]));
    expect(await ranked("unicode.txt")).toEqual({ first: "滨江区", count: 30, separator: "\t" });
  });

  it("reads a .tsv and a semicolon-separated .csv", async () => {
    writeFileSync(join(dir, "tab.tsv"), join_(top, "\t"));
    writeFileSync(join(dir, "semi.csv"), join_(top, ";"));
    expect(await ranked("tab.tsv")).toEqual({ first: "滨江区", count: 30, separator: "\t" });
    expect(await ranked("semi.csv")).toEqual({ first: "滨江区", count: 30, separator: ";" });
  });

  it("reads tab-separated text under a title line (UTF-8 .txt, UTF-16 .txt, .tsv), and semicolons with decimal commas", async () => {
    // A title has no tab: the separator is judged on the lines below it too.
    const titled = `2020 年各区县直播电商指数（单位：分）\n${join_(top, "\t")}`;
    writeFileSync(join(dir, "titled.txt"), titled);
    writeFileSync(join(dir, "titled16.txt"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(titled, "utf16le")]));
    writeFileSync(join(dir, "titled.tsv"), titled);
    for (const f of ["titled.txt", "titled16.txt", "titled.tsv"]) expect(await ranked(f)).toEqual({ first: "滨江区", count: 30, separator: "\t" });
    // "81,40;100,00": two commas and one semicolon a row, yet every row has the one semicolon count of the header.
    expect(detectSeparator("区县;质量;供给\n甲;81,40;100,00\n乙;1,5;2,25\n")).toBe(";");
    expect(detectSeparator("Data, 2020\n区县\t质量\n甲\t1\n乙\t2\n")).toBe("\t");
  });

  it("keeps a quoted comma inside a field, and counts separators only outside quotes", () => {
    expect(detectSeparator('"a;b";c,d\n1,2')).toBe(",");
    expect(parseCsv('区县,备注\n滨江区,"杭州,浙江"\n')).toEqual([
      ["区县", "备注"],
      ["滨江区", "杭州,浙江"],
    ]);
  });

  it("refuses an unterminated quote, naming the line where it opened, instead of swallowing the rest of the file", async () => {
    writeFileSync(join(dir, "quote.csv"), ["区县,直播质量指数", "滨江区,81.4", '"白云区,64.23', "江干区,63.67"].join("\n"));
    const e = await readTable(join(dir, "quote.csv")).catch((x: unknown) => x);
    expect(isUserError(e) && e.code).toBe("FILE_UNTERMINATED_QUOTE");
    expect(formatError(e as never, "en")).toContain("line 3");
    expect(formatError(e as never, "zh")).toContain("第 3 行");
  });

  it("removes control characters from names, as every writer does", async () => {
    const rows = top.map((r, i) => (i === 1 ? [r[0], r[1], r[2], "滨江\u0007区\u0000", ...r.slice(4)] : r));
    writeFileSync(join(dir, "control.csv"), join_(rows, ","));
    expect((await ranked("control.csv")).first).toBe("滨江区");
  });

  it("parses a table of 300,000 rows (more than any array spread can take) and ranks it", async () => {
    const header = "区县,直播内容供给指数,直播内容消费指数,直播商品消费指数,直播质量指数,产业促进指数";
    const lines = [header];
    for (let r = 0; r < 300_000; r++) lines.push(`区县${r},${(r % 97) + 1},${(r % 89) + 1},${(r % 83) + 1},${(r % 79) + 1},${(r % 73) + 1}`);
    writeFileSync(join(dir, "big.csv"), lines.join("\n"));
    const table = await readTable(join(dir, "big.csv"));
    expect(table.cells).toHaveLength(300_001);
    const run = runIndex(table.cells);
    expect(run.ranking.districts).toHaveLength(300_000);
    expect(run.ranking.districts[0].rank).toBe(1);
  }, 60_000);
});
