import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import * as ExcelJS from "exceljs";
import { HELP, run } from "../../src/cli/main";
import { weightTableToCells } from "../../src/core/weights";
import { top100Cells } from "../helpers/fixtures";
import { tempDir, toCsv, xlsxPart } from "../helpers/files";

const ROOT = resolve(__dirname, "../..");
const NOW = () => new Date("2026-01-02T03:04:05Z");

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd, now: NOW });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function sheetOf(path: string, name?: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return name ? wb.getWorksheet(name)! : wb.worksheets[0];
}

/** The report's Top-100 table as an .xlsx the way a user has it: a notes sheet first, "-" cells, a formula total, a blank row in the middle. */
async function sampleXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").getCell("A1").value = "2020 年数据";
  const ws = wb.addWorksheet("百强");
  top100Cells().forEach((row, r) => {
    ws.addRow(r === 1 ? [...row.slice(0, 9), { formula: "E2*0.25+F2*0.15+G2*0.4+H2*0.15+I2*0.05", result: row[9] }] : row);
    if (r === 50) ws.addRow(["", "", "", "", "", "", "", "", "", ""]);
  });
  await wb.xlsx.writeFile(path);
}

describe("live-index rank", () => {
  const dir = tempDir("cli");
  const csv = join(dir, "top100.csv");
  writeFileSync(csv, toCsv(top100Cells()));

  it("ranks the sample CSV into <input>-ranked.xlsx beside it: rank 1 is 滨江区 with 78.61", async () => {
    const r = await cli(["rank", "top100.csv"], dir);
    expect(r).toMatchObject({ code: 0, err: "" });
    const out = join(dir, "top100-ranked.xlsx");
    expect(r.out).toContain("已排名 100 个地区。");
    expect(r.out).toContain("Ranked 100 regions.");
    expect(r.out).toContain(`已写入 / Written: ${out}`);
    const ws = await sheetOf(out);
    expect(ws.name).toBe("排名");
    expect([ws.getCell("A2").value, ws.getCell("D2").value]).toEqual([1, "滨江区"]);
    expect(Math.abs((ws.getCell("J2").value as number) - 78.61)).toBeLessThanOrEqual(0.01);
    expect(ws.getCell("A101").value).toBe(100);
    expect(await xlsxPart(out, "xl/charts/chart1.xml")).toContain("前 100 名地区的省份分布");
  });

  it("refuses to overwrite the output unless --force", async () => {
    const again = await cli(["rank", "top100.csv"], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain("输出文件已存在");
    expect(again.err).toContain("The output file already exists");
    expect((await cli(["rank", "top100.csv", "--force"], dir)).code).toBe(0);
  });

  it("reads a named sheet of an .xlsx (formula cells by their result, '-' cells, blank rows skipped) in formulas mode, in English", async () => {
    const input = join(dir, "book.xlsx");
    await sampleXlsx(input);
    const r = await cli(["rank", input, "--sheet", "百强", "--mode", "formulas", "--lang", "en", "--top", "10", "--out", join(dir, "out", "..", "live.xlsx")], dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Input: book.xlsx!百强");
    expect(r.out).toContain("skipped 1 row(s) (0 with bad data, 1 blank)");
    const ws = await sheetOf(join(dir, "live.xlsx"));
    expect(ws.name).toBe("Ranking");
    expect(ws.getCell("A1").value).toBe("Rank");
    expect(ws.getCell("D2").value).toBe("滨江区");
    expect(ws.getCell("A2").formula).toBe("_xlfn.RANK.EQ(J2,$J$2:$J$101)");
    expect(ws.getCell("J2").formula).toMatch(/^SUMPRODUCT\(/);
    expect(await xlsxPart(join(dir, "live.xlsx"), "xl/workbook.xml")).toMatch(/fullCalcOnLoad="1"/);
  });

  it("without --sheet reads the first worksheet, and says so when it holds no index columns", async () => {
    const input = join(dir, "book2.xlsx");
    await sampleXlsx(input);
    const r = await cli(["rank", input], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：/);
    expect(r.err).toMatch(/Error: /);
    expect(r.err).toContain('Hint: read the first sheet "说明"; the workbook also has: 百强. Choose one with --sheet <name>.');
    expect(r.err).toContain("可用 --sheet <名称> 指定");
    expect(existsSync(join(dir, "book2-ranked.xlsx"))).toBe(false);
  });

  it("takes a weight table file and prints its findings (the report's printed rounding as warnings)", async () => {
    const weights = join(dir, "weights.csv");
    writeFileSync(weights, toCsv(weightTableToCells("zh")));
    const r = await cli(["rank", "top100.csv", "--weights", "weights.csv", "--out", "weighted.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.err).toContain("权重表 weights [警告 warning]");
    expect(r.err).toContain("printed rounding");
    const ws = await sheetOf(join(dir, "weighted.xlsx"));
    expect(Math.abs((ws.getCell("J2").value as number) - 78.61)).toBeLessThanOrEqual(0.01);
  });

  it("a weight table with errors: findings printed, exit 2, no file", async () => {
    const rows = weightTableToCells("zh");
    rows[1][3] = -0.25;
    rows[2][1] = "不存在的指标";
    const weights = join(dir, "bad-weights.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("权重").addRows(rows);
    await wb.xlsx.writeFile(weights);
    const r = await cli(["rank", "top100.csv", "--weights", weights, "--out", "never.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("[错误 error] 第 2 行");
    expect(r.err).toContain("Unknown indicator");
    expect(r.err).toContain("Indicators missing from the table");
    expect(r.err).toContain("has 3 error(s)");
    expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
  });

  it.each([
    [["rank", "missing.csv"], ["找不到文件", "File not found"]],
    [["rank", "top100.csv", "--bogus"], ["未知选项：--bogus", "Unknown option: --bogus"]],
    [["rank", "top100.csv", "-x"], ["Unknown option: -x"]],
    [["rank", "top100.csv", "--top", "0"], ["--top 应为正整数", '--top must be a whole number of at least 1, not "0"']],
    [["rank", "top100.csv", "--top", "abc"], ['not "abc"']],
    [["rank", "top100.csv", "--top=2.5"], ['not "2.5"']],
    [["rank", "top100.csv", "--top"], ["--top needs a value"]],
    [["rank", "top100.csv", "--mode", "live"], ["--mode must be values or formulas"]],
    [["rank", "top100.csv", "--lang", "fr"], ["--lang must be zh or en"]],
    [["rank", "top100.csv", "--method", "best"], ["未知的标准化方法", "Unknown scaling method"]],
    [["rank", "top100.csv", "--method", "goalposts"], ["does not support the goalposts method"]],
    [["rank", "top100.csv", "--out", "x.csv"], ["--out must name an .xlsx file"]],
    [["rank", "top100.csv", "--out", "top100.csv"], ["must name an .xlsx file"]],
    [["rank"], ["Missing the input file"]],
    [["rank", "a.csv", "b.csv"], ["Unexpected argument(s): b.csv"]],
    [["top100.csv"], ['Unknown command "top100.csv". Did you mean: live-index rank top100.csv?']],
    [["rank", "notes.txt.xls"], ["Unsupported file type", "Save it as .xlsx or .csv"]],
    [["rank", "headers.csv"], ["没有可识别的指数列", "no recognisable index columns"]],
    [["rank", "bad-rows.csv"], ["No row could be ranked", "is not a number"]],
    [["rank", "missing-dimension.csv"], ["Columns needed for the computation are missing"]],
  ])("bad input %j exits 2 with a message in both languages, never a stack trace", async (args, messages) => {
    writeFileSync(join(dir, "notes.txt.xls"), "x");
    writeFileSync(join(dir, "headers.csv"), "a,b,c\n1,2,3\n");
    writeFileSync(join(dir, "bad-rows.csv"), "区,直播商品消费指数,直播内容供给指数,直播内容消费指数,直播质量指数,产业促进指数\nA,x,1,1,1,1\nB,1,n/a,1,1,1\n");
    writeFileSync(join(dir, "missing-dimension.csv"), "区,直播商品消费指数,直播内容供给指数\nA,1,1\n");
    const r = await cli(args, dir);
    expect(r.code).toBe(2);
    for (const m of messages) expect(r.err).toContain(m);
    expect(r.err).toMatch(/^错误：/m);
    expect(r.err).toMatch(/^Error: /m);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("prints the rows it skipped, with their reasons", async () => {
    writeFileSync(join(dir, "some-bad.csv"), "区,直播商品消费指数,直播内容供给指数,直播内容消费指数,直播质量指数,产业促进指数\nA,x,1,1,1,1\n,,,,,\nB,100,1,1,1,1\n");
    const r = await cli(["rank", "some-bad.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("跳过 2 行（数据错误 1 行，空行 1 行）");
    expect(r.out).toContain("skipped 2 row(s) (1 with bad data, 1 blank)");
    expect(r.out).toMatch(/Row \d+, column "直播商品消费指数": "x" is not a number/);
    expect(r.out).toContain("Ranked 1 region; skipped");
    expect(r.out).toContain("No. 1: B");
  });

  it("--help is bilingual and exits 0; no arguments prints it and exits 2", async () => {
    const r = await cli(["--help"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toBe(HELP);
    expect(HELP).toContain("用法 / Usage:");
    expect(HELP).toContain("退出码 / Exit codes");
    expect((await cli(["rank", "--help"], dir)).code).toBe(0);
    expect((await cli([], dir)).code).toBe(2);
  });
});

describe("bin/live-index.js", () => {
  const dir = tempDir("bin");

  it("tells the user to build when build/node is missing", () => {
    mkdirSync(join(dir, "bin"));
    copyFileSync(join(ROOT, "bin", "live-index.js"), join(dir, "bin", "live-index.js"));
    const r = spawnSync(process.execPath, [join(dir, "bin", "live-index.js"), "--help"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("npm run build:node");
  });

  it("runs the compiled command line with its exit codes", () => {
    // Compile into the temp folder (the project's build/ is left alone) and run the bin beside it.
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.node.json"), "--outDir", join(dir, "build", "node")], { stdio: "pipe" });
    const env = { ...process.env, NODE_PATH: join(ROOT, "node_modules") };
    const bin = join(dir, "bin", "live-index.js");
    writeFileSync(join(dir, "t.csv"), toCsv(top100Cells()));
    const ok = spawnSync(process.execPath, [bin, "rank", "t.csv", "--top", "20"], { encoding: "utf8", cwd: dir, env });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("No. 1: 浙江省 杭州市 滨江区  78.61");
    expect(existsSync(join(dir, "t-ranked.xlsx"))).toBe(true);
    const bad = spawnSync(process.execPath, [bin, "rank", "nope.xlsx"], { encoding: "utf8", cwd: dir, env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`错误：找不到文件：${join(dir, "nope.xlsx")}\nError: File not found: ${join(dir, "nope.xlsx")}\n`);
  }, 60_000);
});
