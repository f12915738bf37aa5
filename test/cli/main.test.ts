import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import * as ExcelJS from "exceljs";
import { invokedAs, run } from "../../src/cli/main";
import { HELP } from "../../src/text";
import { weightTableToCells } from "../../src/core/weights";
import { displayWidth } from "../../src/core/text";
import { top100Cells } from "../helpers/fixtures";
import { tempDir, toCsv, xlsxPart } from "../helpers/files";
import { HAND_WORKED_REGIONS, writeHandWorkedExample } from "../helpers/cli";

const NOW = () => new Date("2026-01-02T03:04:05Z");

/** Exit 2, each expected fragment in the error output, a Chinese and an English line, no stack trace. */
function expectUsageError(r: { code: number; err: string }, messages: readonly string[]): void {
  expect(r.code).toBe(2);
  for (const m of messages) expect(r.err).toContain(m);
  expect(r.err).toMatch(/^错误：/m);
  expect(r.err).toMatch(/^Error: /m);
  expect(r.err).not.toMatch(/\n\s+at /);
}

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
    // Row 1: the title; row 2: the header.
    expect(ws.getCell("A1").value).toBe("直播电商区域发展指数排名（top100.csv）");
    expect([ws.getCell("A3").value, ws.getCell("D3").value]).toEqual([1, "滨江区"]);
    expect(Math.abs((ws.getCell("J3").value as number) - 78.61)).toBeLessThanOrEqual(0.01);
    expect(ws.getCell("A102").value).toBe(100);
    expect(await xlsxPart(out, "xl/charts/chart1.xml")).toContain("各地区的省份分布");
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
    const r = await cli(
      ["rank", input, "--sheet", "百强", "--mode", "formulas", "--lang", "en", "--top", "10", "--out", join(dir, "out", "..", "live.xlsx")],
      dir,
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Input: book.xlsx!百强");
    expect(r.out).toContain("skipped 1 row(s) (0 with bad data or not a region, 1 blank)");
    const ws = await sheetOf(join(dir, "live.xlsx"));
    expect(ws.name).toBe("Ranking");
    expect(ws.getCell("A2").value).toBe("Rank");
    expect(ws.getCell("D3").value).toBe("滨江区");
    expect(ws.getCell("A3").formula).toBe("_xlfn.RANK.EQ(J3,$J$3:$J$102)");
    expect(ws.getCell("J3").formula).toMatch(/^N\(E3\)\*\$O\$\d+\+N\(F3\)\*/);
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
    expect(Math.abs((ws.getCell("J3").value as number) - 78.61)).toBeLessThanOrEqual(0.01);
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
    [
      ["rank", "missing.csv"],
      ["找不到文件", "File not found"],
    ],
    [
      ["rank", "top100.csv", "--bogus"],
      ["未知选项：--bogus", "Unknown option: --bogus"],
    ],
    [["rank", "top100.csv", "-x"], ["Unknown option: -x"]],
    [
      ["rank", "top100.csv", "--top", "0"],
      ["--top 应为：正整数", '--top must be a whole number of at least 1, not "0"'],
    ],
    [["rank", "top100.csv", "--top", "abc"], ['not "abc"']],
    [["rank", "top100.csv", "--top=2.5"], ['not "2.5"']],
    [["rank", "top100.csv", "--top"], ["--top needs a value"]],
    [["rank", "top100.csv", "--mode", "live"], ["--mode must be values or formulas"]],
    [["rank", "top100.csv", "--lang", "fr"], ["--lang must be zh or en"]],
    [
      ["rank", "top100.csv", "--method", "best"],
      // Only the methods the command line takes are offered.
      ["未知的标准化方法", "Unknown scaling method", "minmax, max, zscore, rank."],
    ],
    [["rank", "top100.csv", "--method", "goalposts"], ["does not support the goalposts method"]],
    [
      ["rank", "top100.csv", "--out", "x.csv"],
      ['--out must be an .xlsx file, not "x.csv"', "--out 应为：.xlsx 文件"],
    ],
    [["rank", "top100.csv", "--out", "top100.csv"], ["must be an .xlsx file"]],
    [["rank"], ["Missing the input file"]],
    [["rank", "a.csv", "b.csv"], ["Unexpected argument(s): b.csv"]],
    [["top100.csv"], ['Unknown command "top100.csv". Did you mean: live-index rank top100.csv?']],
    [
      ["rank", "notes.txt.xls"],
      ["Unsupported file type", "Save it as .xlsx or .csv"],
    ],
    [
      ["rank", "headers.csv"],
      ["没有可识别的指数列", "no recognisable index columns"],
    ],
    [
      ["rank", "bad-rows.csv"],
      ["No row could be ranked", "is not a number"],
    ],
    [["rank", "missing-dimension.csv"], ["Columns needed for the computation are missing"]],
  ])("bad input %j exits 2 with a message in both languages, never a stack trace", async (args, messages) => {
    writeFileSync(join(dir, "notes.txt.xls"), "x");
    writeFileSync(join(dir, "headers.csv"), "a,b,c\n1,2,3\n");
    writeFileSync(join(dir, "bad-rows.csv"), "区,直播商品消费指数,直播内容供给指数,直播内容消费指数,直播质量指数,产业促进指数\nA,x,1,1,1,1\nB,1,n/a,1,1,1\n");
    writeFileSync(join(dir, "missing-dimension.csv"), "区,直播商品消费指数,直播内容供给指数\nA,1,1\n");
    const r = await cli(args, dir);
    expectUsageError(r, messages);
  });

  it("prints the rows it skipped, with their reasons", async () => {
    writeFileSync(
      join(dir, "some-bad.csv"),
      "区,直播商品消费指数,直播内容供给指数,直播内容消费指数,直播质量指数,产业促进指数\nA,x,1,1,1,1\n,,,,,\nB,100,1,1,1,1\n",
    );
    const r = await cli(["rank", "some-bad.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("跳过 2 行（数据错误或非地区 1 行，空行 1 行）");
    expect(r.out).toContain("skipped 2 row(s) (1 with bad data or not a region, 1 blank)");
    expect(r.out).toMatch(/Row \d+, column "直播商品消费指数": "x" is not a number/);
    expect(r.out).toContain("Ranked 1 region; skipped");
    expect(r.out).toContain("No. 1: B");
  });

  it("says so when --top asks for more regions than there are; the sheet line names all of them", async () => {
    writeFileSync(join(dir, "five.csv"), toCsv(top100Cells().slice(0, 6)));
    const capped = await cli(["rank", "five.csv", "--top", "500", "--out", "five-500.xlsx"], dir);
    expect(capped.code).toBe(0);
    expect(capped.out).toContain("注意：--top 500 大于地区数 5，按全部 5 个地区处理。");
    expect(capped.out).toContain("Note: --top 500 is more than the 5 regions; all of them form the top group.");
    expect(capped.out).toContain("全部 5 个地区 all 5 regions");
    expect(capped.out).not.toContain("前 500");
    // The default of 100 on a small table is not the user's doing: no note, the same sheet line.
    const byDefault = await cli(["rank", "five.csv", "--out", "five-default.xlsx"], dir);
    expect(byDefault.out).not.toContain("--top");
    expect(byDefault.out).toContain("全部 5 个地区 all 5 regions");
    const three = await cli(["rank", "five.csv", "--top", "3", "--out", "five-3.xlsx"], dir);
    expect(three.out).toContain("前 3 名 top 3");
  });

  it("says an empty file is empty (not a range to select), a BOM and blank lines too", async () => {
    writeFileSync(join(dir, "empty.csv"), "");
    writeFileSync(join(dir, "bom.csv"), "\uFEFF\r\n\r\n");
    for (const f of ["empty.csv", "bom.csv"]) expectUsageError(await cli(["rank", f], dir), ["文件为空", `The file is empty: ${join(dir, f)}`]);
  });

  it("suggests next commands typed as the user typed this one", () => {
    expect(invokedAs({}, "/home/a")).toBe("live-index");
    expect(invokedAs({ npm_command: "exec", npm_config_local_prefix: "/home/a/clone" }, "/home/a/clone")).toBe("npx live-index");
    expect(invokedAs({ npm_command: "exec", npm_config_local_prefix: "/home/a/clone" }, "/home/a/clone/examples")).toBe("npx live-index");
    expect(invokedAs({ npm_command: "exec", npm_config_local_prefix: "/home/a/clone" }, "/home/a/data")).toBe("npx --prefix /home/a/clone live-index");
    expect(invokedAs({ npm_command: "exec", npm_config_local_prefix: "/home/a/my clone" }, "/tmp")).toBe('npx --prefix "/home/a/my clone" live-index');
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

  it("--help fits a terminal: no line wider than 100 columns, a CJK character counting two", () => {
    const wide = HELP.split("\n").filter((l) => displayWidth(l) > 100);
    expect(wide).toEqual([]);
  });

  it("--help's examples run as written, in order, in an empty folder", async () => {
    const folder = tempDir("help-examples");
    const examples = HELP.slice(HELP.indexOf("示例 / Examples:")).split("\n").slice(1);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const line of examples) {
      const argv = line.trim().split(/\s+/);
      expect(argv[0]).toBe("live-index");
      const r = await cli(argv.slice(1), folder);
      expect([line, r.code, r.err]).toEqual([line, 0, ""]);
    }
  });
});

describe("live-index check-weights", () => {
  const dir = tempDir("check");
  /** The report's weight table as LIVEWEIGHTS() spills it (range rows: 0 header, 1–4 goods, 5–10 supply, 11–13 viewing, 14–17 quality, 18–19 industry). */
  const table = (edit: (rows: (string | number)[][]) => void = () => undefined) => {
    const rows = weightTableToCells("zh");
    edit(rows);
    return rows;
  };
  writeFileSync(join(dir, "report.csv"), toCsv(table()));
  // streamer_gmv 25% → 40%: goods' indicators become 40, 25, 25, 25 (sum 115) of 40%, so the
  // effective weights are 0.4 × 40/115 = 13.91% and 0.4 × 25/115 = 8.70%, from 0.4 × 25% = 10%.
  writeFileSync(join(dir, "edited.csv"), toCsv(table((r) => (r[1][3] = 0.4))));
  writeHandWorkedExample(dir);
  writeFileSync(join(dir, "broken.csv"), toCsv(table((r) => ((r[3][3] = -0.25), (r[7][1] = "不存在的指标")))));
  // A sixth row with a bad value is skipped.
  writeFileSync(join(dir, "regions.csv"), toCsv([...HAND_WORKED_REGIONS, ["浙江省", "杭州市", "己区", "abc", 1, 1, 1, 1]]));

  it.each([
    [["check-weights"], ["缺少权重表文件", "Missing the weight table file"]],
    [
      ["check-weights", "nope.csv"],
      ["找不到文件", "File not found"],
    ],
    [["check-weights", "report.csv", "--baseline", "nope.csv"], ["File not found"]],
    [["check-weights", "report.csv", "--data", "nope.csv"], ["File not found"]],
    [["check-weights", "report.csv", "extra.csv"], ["Unexpected argument(s): extra.csv"]],
    [["check-weights", "report.csv", "--force"], ["--force goes with --out only"]],
    [["check-weights", "report.csv", "--data", "regions.csv", "--spread", "2"], ["--spread goes with --out only"]],
    [
      ["check-weights", "report.csv", "--data", "regions.csv", "--out", "a.xlsx", "--spread", "2"],
      ['--spread must be a fraction from 0 up to (not including) 1, e.g. 0.25 or 25% for ±25%, not "2"'],
    ],
    [
      ["check-weights", "report.csv", "--data", "regions.csv", "--out", "a.xlsx", "--runs", "abc"],
      ['--runs must be a whole number from 1 to 100000, not "abc"'],
    ],
    [["check-weights", "report.csv", "--data", "regions.csv", "--out", "a.xlsx", "--seed", "-1"], ["--seed must be a whole number from 0 to 4294967295"]],
    [["check-weights", "report.csv", "--out", "x.xlsx"], ["--out needs --data"]],
    [["check-weights", "report.csv", "--data", "d.csv", "--out", "x.csv"], ['--out must be an .xlsx file, not "x.csv"']],
    [["check-weights", "report.csv", "--method", "goalposts"], ["does not support the goalposts method"]],
    [["check-weights", "report.csv", "--top", "0"], ['--top must be a whole number of at least 1, not "0"']],
    [["check-weights", "report.csv", "--lang", "fr"], ["--lang must be zh or en"]],
    [["check-weights", "report.csv", "--data"], ["--data needs a value"]],
    [
      ["check-weights", "short.csv"],
      ["无法识别权重表的列", "Cannot read the weight table's columns", "It has only 2 column(s)"],
    ],
    [["check-weights", "report.csv", "--data", "short.csv"], ["Columns needed for the computation are missing"]],
  ])("bad usage %j exits 2 with a message in both languages", async (args, messages) => {
    writeFileSync(join(dir, "short.csv"), "区,直播商品消费指数\nA,1\n");
    const r = await cli(args, dir);
    expectUsageError(r, messages);
  });

  it("a table with errors: every finding with its severity and row, nothing compared, exit 2", async () => {
    const r = await cli(["check-weights", "broken.csv", "--data", "regions.csv"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain("检查结果：3 条（错误 3，警告 0）");
    expect(r.out).toMatch(/^ {2}错误 {2}第 4 行 +二级指标权重不能为负数：-0\.25。$/m);
    expect(r.out).toMatch(/^ {2}错误 {2}第 8 行 +未知的二级指标 "不存在的指标"。$/m);
    expect(r.out).toMatch(/^ {2}错误 {2}整表 +缺少二级指标：该区县直播主体\(达人\+机构\)数量指数。$/m);
    expect(r.out).not.toContain("差异");
    expect(r.out).not.toContain("排名影响");
    expect(r.out.split("\n").pop()).toBe("结论：权重表有错误（见上），未作比较。");
  });

  it("a baseline with errors: its errors are listed, exit 2", async () => {
    const r = await cli(["check-weights", "report.csv", "--baseline", "broken.csv", "--lang", "en"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain("Baseline weight table: broken.csv\nFindings: 3 (3 error(s), 0 warning(s))");
    expect(r.out.split("\n").pop()).toBe("Verdict: the baseline weight table has errors (see above); nothing compared.");
  });

  it("the report's own table: the two rounding warnings with their rows, no difference, exit 0", async () => {
    const r = await cli(["check-weights", "report.csv"], dir);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("权重表：report.csv");
    expect(r.out).toContain("检查结果：2 条（错误 0，警告 2）");
    expect(r.out).toMatch(/^ {2}警告 {2}第 6 行 +“直播内容供给指数”的二级指标的权重之和为 96%.*四舍五入/m);
    expect(r.out).toMatch(/^ {2}警告 {2}第 12 行 +“直播内容消费指数”的二级指标的权重之和为 99%/m);
    expect(r.out).toContain("与报告权重相比的差异：0 项\n  无变化。");
    expect(r.out).not.toContain("排名影响");
    expect(r.out.split("\n").pop()).toBe("结论：权重表没有错误。");
  });

  it("one indicator edited: that indicator and its three siblings, old → new and effective old → new (English)", async () => {
    const r = await cli(["check-weights", "edited.csv", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Weight table: edited.csv");
    expect(r.out).toMatch(/warning {2}row 2 +The weights of the indicators of "Live-stream goods consumption" sum to 115%/);
    expect(r.out).toContain("Differences from the report's weights: 4");
    const lines = r.out.split("\n");
    const line = (name: string) => lines.find((l) => l.includes(name)) ?? "";
    expect(line("GMV driven by streamers based in the district")).toMatch(/25% → 40% +10% → 13\.91%$/);
    for (const sibling of [
      "Growth rate of streamer-driven GMV",
      "GMV driven by merchants' own live streams",
      "Share of merchants' sales made through live streams",
    ]) {
      expect(line(sibling)).toMatch(/25% → 25% +10% → 8\.7%$/);
    }
    // The column header and the four rows, nothing else: no dimension changed.
    const section = r.out.slice(r.out.indexOf("Differences from")).split("\n\n")[0].split("\n");
    expect(section).toHaveLength(1 + 1 + 4);
  });

  it("--baseline: the differences are taken from that table instead", async () => {
    const r = await cli(["check-weights", "report.csv", "--baseline", "edited.csv", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Differences from the baseline edited.csv: 4");
    expect(r.out).toMatch(/GMV driven by streamers based in the district +40% → 25% +13\.91% → 10%$/m);
  });

  it("--data: regions entering and leaving the top N, the largest moves, Spearman and the mean shift (hand-worked example)", async () => {
    const r = await cli(["check-weights", "goods-only.csv", "--data", "regions.csv", "--top", "2"], dir);
    expect(r).toMatchObject({ code: 0, err: "" });
    const impact = r.out.slice(r.out.indexOf("排名影响"));
    expect(impact.split("\n").slice(0, 16)).toEqual([
      "排名影响（regions.csv，5 个地区，跳过 1 行（空行、数据错误或不是地区））：",
      '    己区（浙江省 杭州市）：第 7 行“直播商品消费指数”列的值 "abc" 不是数字（“-”和空单元格表示无）。',
      "  进入前 2 名：",
      "    丙区（浙江省 杭州市）  5 → 1  (+4)",
      "    戊区（浙江省 杭州市）  4 → 2  (+2)",
      "  退出前 2 名：",
      "    甲区（浙江省 杭州市）  1 → 5  (-4)",
      "    丁区（浙江省 杭州市）  2 → 4  (-2)",
      "  上升最多：",
      "    丙区（浙江省 杭州市）  5 → 1  (+4)",
      "    戊区（浙江省 杭州市）  4 → 2  (+2)",
      "  下降最多：",
      "    甲区（浙江省 杭州市）  1 → 5  (-4)",
      "    丁区（浙江省 杭州市）  2 → 4  (-2)",
      "  Spearman 等级相关系数：-1.0000",
      "  平均绝对排名变化（名次）：2.40",
    ]);
  });

  it("--data with the report's own table: nobody enters, leaves or moves; Spearman 1", async () => {
    const r = await cli(["check-weights", "report.csv", "--data", "regions.csv", "--top", "2", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  Entering the top 2: none\n  Leaving the top 2: none\n  Largest moves up: none\n  Largest moves down: none");
    expect(r.out).toContain("Spearman's rank correlation: 1.0000");
    expect(r.out).toContain("Mean absolute rank shift (places): 0.00");
  });

  it("reads an .xlsx weight table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("权重").addRows(table((r) => (r[1][3] = 0.4)));
    await wb.xlsx.writeFile(join(dir, "edited.xlsx"));
    const r = await cli(["check-weights", "edited.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("权重表：edited.xlsx!权重");
    expect(r.out).toMatch(/该区县主播直播引导成交额指数 +25% → 40% +10% → 13\.91%$/m);
  });

  it("says when indicator weights cannot move a ranking of sub-indices, and only then", async () => {
    writeFileSync(join(dir, "top100.csv"), toCsv(top100Cells()));
    const indicators = await cli(["check-weights", "edited.csv", "--data", "top100.csv", "--lang", "en"], dir);
    expect(indicators.code).toBe(0);
    // Goods' effective weight is unchanged (40%): nothing moves, and the reason is given.
    expect(indicators.out).toContain("Mean absolute rank shift (places): 0.00");
    expect(indicators.out).toContain("the 1 changed indicator weight(s) cannot move this ranking");
    // Goods 40% → 45% and supply 25% → 20%, on each of their rows.
    writeFileSync(join(dir, "goods45.csv"), toCsv(table((r) => r.forEach((row, i) => (row[2] = i >= 1 && i <= 4 ? 0.45 : i >= 5 && i <= 10 ? 0.2 : row[2])))));
    const dimensions = await cli(["check-weights", "goods45.csv", "--data", "top100.csv", "--lang", "en"], dir);
    expect(dimensions.code).toBe(0);
    expect(dimensions.out).not.toContain("cannot move this ranking");
    expect(dimensions.out).not.toContain("Mean absolute rank shift (places): 0.00");
  });

  it("says once that a data table is not a weight table, instead of one error per region", async () => {
    writeFileSync(join(dir, "top100.csv"), toCsv(top100Cells()));
    const r = await cli(["check-weights", "top100.csv", "--lang", "en"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain("Findings: 1 (1 error(s), 0 warning(s))");
    expect(r.out).toMatch(/row 1 +This is a data table, not a weight table: this row heads 5 columns with sub-index or indicator names\./);
  });

  it("says when --top leaves nothing to enter or leave", async () => {
    writeFileSync(join(dir, "top100.csv"), toCsv(top100Cells()));
    const r = await cli(["check-weights", "edited.csv", "--data", "top100.csv", "--top", "100", "--lang", "en"], dir);
    expect(r.out).toContain("Note: --top 100 is not below the 100 regions, so none can enter or leave the top 100; use a smaller --top.");
    expect((await cli(["check-weights", "edited.csv", "--data", "top100.csv", "--top", "99", "--lang", "en"], dir)).out).not.toContain("Note: --top");
  });

  it("is in the help, with each of its options", () => {
    expect(HELP).toContain("live-index check-weights <权重表 weights.xlsx|.csv> [选项 options]");
    const section = HELP.slice(HELP.indexOf("check-weights:"), HELP.indexOf("退出码"));
    for (const flag of ["--baseline", "--data", "--method", "--no-rescale", "--top", "--out", "--runs", "--spread", "--seed", "--force", "--lang"])
      expect(section).toContain(`  ${flag} `);
  });
});

describe("live-index rank on a yearbook-shaped table", () => {
  const dir = tempDir("yearbook");
  // A title line, a unit line and a blank row above the header; a district header as yearbooks print it; units in brackets.
  const rows = [
    ["2020 年各区县直播电商发展指数", null, null, null, null, null, null, null],
    ["单位：分", null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null],
    ["省（区、市）", "地市州", "县(市、区)", "直播内容供给分指数", "直播内容消费指数（分）", "直播商品消费指数(分)", "直播质量指数", "产业促进指数"],
    ...top100Cells()
      .slice(1, 21)
      .map((r) => [r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]]),
  ];
  writeFileSync(join(dir, "yearbook.csv"), toCsv(rows));

  it("finds the header in row 4, keeps the district names and says which rows it skipped", async () => {
    const r = await cli(["rank", "yearbook.csv", "--top", "5"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("注意：标题行在第 4 行，其上 3 行已跳过。");
    expect(r.out).toContain("Note: the header is row 4; the 3 row(s) above it are skipped.");
    expect(r.out).toContain("No. 1: 浙江省 杭州市 滨江区  78.61");
    const ws = await sheetOf(join(dir, "yearbook-ranked.xlsx"));
    expect(ws.getCell("D3").value).toBe("滨江区");
    const note = ws
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === "string") as string[];
    expect(note).toContain("第 4 行（其上 3 行为标题或说明，已跳过）");
  });

  it("says so when no district column is recognised, in the output and in the note", async () => {
    writeFileSync(
      join(dir, "nameless.csv"),
      toCsv([
        ["直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"],
        [1, 2, 3, 4, 5],
        [5, 4, 3, 2, 1],
      ]),
    );
    const r = await cli(["rank", "nameless.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Note: no district column was recognised");
    expect(r.out).toContain('--map "<列标题>=区县"');
    const ws = await sheetOf(join(dir, "nameless-ranked.xlsx"));
    const note = ws.getSheetValues().flat() as unknown[];
    expect(note.some((v) => typeof v === "string" && v.startsWith("表中没有可识别的区县列：地区以行号表示"))).toBe(true);
    // …and they are: the second data row (file row 3) ranks first, named by its row.
    expect([ws.getCell("A3").value, ws.getCell("D3").value, ws.getCell("D4").value]).toEqual([1, "第 3 行", "第 2 行"]);
  });
});

describe("live-index rank: rows left out, named", () => {
  const dir = tempDir("named");
  const header = ["省", "市", "区县", "直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"];
  const rows = top100Cells()
    .slice(1, 11)
    .map((r) => [r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]]);

  it("names each skipped row by its region, with the reason", async () => {
    const bad = rows.map((r) => [...r]);
    bad[2][5] = "约 30";
    writeFileSync(join(dir, "two-bad.csv"), toCsv([header, ...bad]));
    const r = await cli(["rank", "two-bad.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`  ${bad[2][2]}（${bad[2][0]} ${bad[2][1]}）：第 4 行“直播商品消费指数”列的值 "约 30" 不是数字`);
  });

  it("names a column that is text in most rows once, with its count and an example", async () => {
    const bad = rows.map((r) => [...r]);
    for (const row of bad) row[7] = "有政策";
    writeFileSync(join(dir, "text-column.csv"), toCsv([header, ...bad]));
    const r = await cli(["rank", "text-column.csv"], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('“产业促进指数”列有 10 行（共 10 行）不是数字，例如 "有政策"');
    expect(r.err).toContain('Column "产业促进指数" is not a number in 10 of 10 rows, for example "有政策"');
  });
});

describe("live-index rank --header-row and --map", () => {
  const dir = tempDir("map");
  const header = ["所属省", "所属市", "县名", "供给", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"];
  const rows = top100Cells()
    .slice(1, 11)
    .map((r) => [r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]]);
  writeFileSync(
    join(dir, "odd.csv"),
    toCsv([["说明：单位为分"], ["供给为内容供给指数"], header, ...rows].map((r) => [...r, ...new Array(8 - r.length).fill(null)])),
  );

  it("reads the header the user names and the columns the user maps, by their own headers", async () => {
    const r = await cli(
      ["rank", "odd.csv", "--header-row", "3", "--map", "县名=区县", "--map", "供给=supply", "--map=所属省=province", "--map", "所属市=市"],
      dir,
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("No. 1: 浙江省 杭州市 滨江区  78.61");
  });

  it("names an unknown column by its header, and an unknown meaning, in both languages", async () => {
    const col = await cli(["rank", "odd.csv", "--force", "--map", "不存在=supply"], dir);
    expect(col.code).toBe(2);
    expect(col.err).toContain('--map: the table has no column headed "不存在"');
    expect(col.err).toContain("--map：表中没有标题为“不存在”的列");
    const meaning = await cli(["rank", "odd.csv", "--force", "--map", "供给=好看"], dir);
    expect(meaning.err).toContain('"好看" names nothing');
    expect((await cli(["rank", "odd.csv", "--map", "供给"], dir)).err).toContain('--map takes "column header=meaning", not "供给"');
    expect((await cli(["rank", "odd.csv", "--force", "--header-row", "99"], dir)).err).toContain("--header-row 99 is outside the table (13 rows)");
  });
});
