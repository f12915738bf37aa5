import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as ExcelJS from "exceljs";
import { demoFile, demoReport, SAMPLE_XLSX, writeSampleXlsx } from "../../src/cli/demo";
import { sampleTableCells } from "../../src/plans/sample-sheet";
import { padCells } from "../../src/cli/table-text";
import { displayWidth } from "../../src/core/text";
import { parseCsv } from "../../src/core/csv";
import { REPORT_TOP100_2020 } from "../../src/data/report2020";

describe("demoReport", () => {
  it("prints 100 ranked rows and the verdict that all 100 published totals are reproduced", () => {
    const { lines, checked, reproduced } = demoReport(sampleTableCells(), "sample");
    expect([checked, reproduced]).toEqual([100, 100]);
    expect(lines.some((l) => l.startsWith("Verdict: 100 of 100 published totals reproduced within ±0.01"))).toBe(true);
    expect(lines.some((l) => l.startsWith("复现：100 个公布的总指数中有 100 个"))).toBe(true);
    const first = lines.find((l) => /^\s*1\s/.test(l))!;
    expect(first).toContain(REPORT_TOP100_2020[0].district);
  });

  it("flags the probable misprint 涿水县 where the name is shown", () => {
    const { lines } = demoReport(sampleTableCells(), "sample");
    expect(lines.some((l) => l.includes("涿水县*"))).toBe(true);
    expect(lines.some((l) => l.startsWith("* 涿水县：") && l.includes("涞水县"))).toBe(true);
  });

  it("fits a terminal of 120 columns (display width: a CJK character takes two)", () => {
    const { lines } = demoReport(sampleTableCells(), "sample");
    const widest = Math.max(...lines.flatMap((l) => l.split("\n")).map((l) => displayWidth(l)));
    expect(widest).toBeLessThanOrEqual(120);
  });

  it("reads a file as live-index rank reads it: GBK, as Chinese Excel saves a CSV", async () => {
    const dir = mkdtempSync(join(tmpdir(), "demo-gbk-"));
    const file = join(dir, "gbk.csv");
    // Encoded by iconv-lite (a dependency of exceljs), not by the code under test.
    const iconv = require("iconv-lite") as { encode(s: string, enc: string): Buffer };
    writeFileSync(file, iconv.encode("区,直播商品消费指数,直播内容供给指数,直播内容消费指数,直播质量指数,产业促进指数\n滨江区,100,0,0,0,0\n", "gbk"));
    const { lines } = await demoFile(file);
    expect(lines.find((l) => l.includes("滨江区"))).toMatch(/40\.00/);
  });

  it("reads a CSV file of the same shape, and says when there is no total to check", () => {
    const dir = mkdtempSync(join(tmpdir(), "demo-"));
    const file = join(dir, "two.csv");
    writeFileSync(file, "区,直播商品消费指数,直播内容供给指数,直播内容消费指数,直播质量指数,产业促进指数\nA,100,0,0,0,0\nB,0,100,0,0,0\n");
    const { lines, checked } = demoReport(parseCsv(readFileSync(file, "utf8")), file);
    expect(checked).toBe(0);
    // 40% × 100 for A (goods) and 25% × 100 for B (supply): the report's first-level weights.
    expect(lines.find((l) => /\bA\b/.test(l))).toMatch(/40\.00/);
    expect(lines.find((l) => /\bB\b/.test(l))).toMatch(/25\.00/);
    expect(lines.some((l) => l.startsWith("Computed the total for 2 regions"))).toBe(true);
  });
});

describe("writeSampleXlsx", () => {
  it("writes ranked-sample.xlsx: the embedded sample ranked, values, in Chinese, top 100", async () => {
    const dir = mkdtempSync(join(tmpdir(), "demo-xlsx-"));
    const path = (await writeSampleXlsx(dir))!;
    expect(path).toBe(join(dir, SAMPLE_XLSX));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet("排名")!;
    // Row 1 is the title, row 2 the header.
    expect(ws.getCell("A1").value).toBe("直播电商区域发展指数排名（报告百强表（内置样例））");
    expect([ws.getCell("A3").value, ws.getCell("D3").value]).toEqual([1, "滨江区"]);
    expect(ws.getCell("J3").value).toBeCloseTo(78.6075, 10);
    expect(ws.getCell("A102").value).toBe(100);
    // The sample has exactly 100 regions: the top group is all of them.
    expect(ws.getCell("M3").value).toBe("地区数");
    // Run again: an existing file is kept unless forced.
    writeFileSync(path, "mine");
    expect(await writeSampleXlsx(dir)).toBeNull();
    expect(readFileSync(path, "utf8")).toBe("mine");
    expect(await writeSampleXlsx(dir, true)).toBe(path);
    await wb.xlsx.readFile(path);
  });
});

describe("padCells", () => {
  it("aligns Chinese names by display width, two columns per character", () => {
    expect(displayWidth("滨江区")).toBe(6);
    expect(displayWidth("ab")).toBe(2);
    const lines = padCells([
      ["区县", "x"],
      ["德宏傣族景颇族自治州", "y"],
    ]);
    expect(displayWidth(lines[0].slice(0, lines[0].indexOf("x")))).toBe(displayWidth(lines[1].slice(0, lines[1].indexOf("y"))));
  });
});
