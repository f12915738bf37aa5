/**
 * `live-index check-weights … --data … --out file.xlsx`: the impact and robustness sheets as a file,
 * written by the same plans and the same writer as every other sheet; read back with exceljs and
 * opened in LibreOffice.
 *
 * The hand-worked example of test/helpers/cli.ts: under goods only the ranking is exactly reversed
 * (Spearman −1, mean absolute shift 2.4; 丙区 and 戊区 enter the top 2, 甲区 and 丁区 leave it).
 * At spread 0 every run ranks as the goods-only table does: 丙区 1, 戊区 2, 乙区 3, 丁区 4, 甲区 5,
 * each interval of width 0.
 */
import { existsSync } from "fs";
import { join } from "path";
import * as ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { tempDir, xlsxPart } from "../helpers/files";
import { writeHandWorkedExample } from "../helpers/cli";

const dir = tempDir("check-out");
writeHandWorkedExample(dir);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir, now: () => new Date("2026-03-01T10:00:00Z") });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const ARGS = ["check-weights", "goods-only.csv", "--data", "regions.csv", "--top", "2", "--runs", "10", "--spread", "0"];

describe("live-index check-weights --out", () => {
  const path = join(dir, "analysis.xlsx");
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const r = await cli([...ARGS, "--out", "analysis.xlsx"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`已写入 ${path}：影响分析、稳健性`);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
  });

  it("writes the impact sheet: the figures of the hand-worked example, the regions entering and leaving", () => {
    const ws = book.getWorksheet("影响分析")!;
    expect([1, 2, 3, 4, 5].map((c) => ws.getRow(2).getCell(c).value)).toEqual([5, -1, 2.4, 2, 2]);
    expect([ws.getCell("A5").value, ws.getCell("A6").value]).toEqual(["丙区（浙江省 杭州市）", "戊区（浙江省 杭州市）"]);
    expect([ws.getCell("E5").value, ws.getCell("E6").value]).toEqual(["甲区（浙江省 杭州市）", "丁区（浙江省 杭州市）"]);
  });

  it("writes the robustness sheet: at spread 0 every interval is the nominal rank", () => {
    const ws = book.getWorksheet("稳健性")!;
    const rows = [2, 3, 4, 5, 6].map((r) => [1, 2, 3, 4, 5, 6].map((c) => ws.getRow(r).getCell(c).value));
    expect(rows).toEqual([
      [1, "丙区（浙江省 杭州市）", 1, 1, 1, 0],
      [2, "戊区（浙江省 杭州市）", 2, 2, 2, 0],
      [3, "乙区（浙江省 杭州市）", 3, 3, 3, 0],
      [4, "丁区（浙江省 杭州市）", 4, 4, 4, 0],
      [5, "甲区（浙江省 杭州市）", 5, 5, 5, 0],
    ]);
  });

  it("names the weights and the data in both notes, as the task pane's sheets do", () => {
    const text = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .flat()
        .filter((v) => typeof v === "string") as string[];
    expect(text("影响分析")).toEqual(expect.arrayContaining(["原权重", "权重表文件 goods-only.csv", "regions.csv"]));
    // A long text goes on over the next rows of the note (cut to its printed width).
    expect(text("影响分析").join("")).toContain("报告权重（《直播电商区域发展指数研究报告》，2021 年 3 月；印刷值按比例归一）");
    expect(text("稳健性")).toEqual(expect.arrayContaining(["模拟次数", "权重表文件 goods-only.csv", "缺失数据规则"]));
  });

  it("draws the rank intervals as a stacked bar whose first series has no fill, and the moves as clustered bars", async () => {
    const charts = [await xlsxPart(path, "xl/charts/chart1.xml"), await xlsxPart(path, "xl/charts/chart2.xml")];
    expect(charts[0]).toContain('<c:grouping val="clustered"/>');
    expect(charts[1]).toContain('<c:grouping val="stacked"/>');
    expect(charts[1]!.match(/<c:ser>/g)).toHaveLength(2);
    expect(charts[1]).toMatch(/<c:ser><c:idx val="0"\/>.*?<a:noFill\/>/);
  });

  it("reads the data before printing anything: a missing data file is the only output", async () => {
    const r = await cli(["check-weights", "goods-only.csv", "--data", "nothere.csv"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("File not found");
  });

  it("refuses to overwrite the file without --force, before printing anything, and overwrites with it", async () => {
    const again = await cli([...ARGS, "--out", "analysis.xlsx"]);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`The output file already exists: ${path}`);
    expect(again.out).toBe("");
    expect((await cli([...ARGS, "--out", "analysis.xlsx", "--force"])).code).toBe(0);
    expect(existsSync(path)).toBe(true);
  });
});
