/**
 * The checked-in corpus of test/fixtures/real-world (see its README): files shaped as analysts have
 * them, each run through `live-index` as a user would, with its expected outcome: the right
 * ranking with names, or a clear error. The expected rankings are computed here, independently:
 * the files are decoded with TextDecoder and split by hand, and the totals are the printed weights
 * times the sub-indices, or fixtures.ts's independent computation for raw indicators.
 */
import { readFileSync } from "fs";
import { join } from "path";
import * as ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { independentIndex, INDICATOR_IDS } from "../helpers/fixtures";
import { tempDir } from "../helpers/files";

const CORPUS = join(__dirname, "..", "fixtures", "real-world");
const out = tempDir("corpus");

/** The report's first-level weights as printed, by the sub-index names of the files. */
const PRINTED: Record<string, number> = { 商品消费: 0.4, 内容供给: 0.25, 内容消费: 0.15, 质量: 0.15, 产业促进: 0.05 };

async function cli(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await run(args, { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: CORPUS, now: () => new Date("2026-01-02T03:04:05Z") });
  return { code, text: lines.join("\n") };
}

/** Ranks a corpus file into an .xlsx and reads back the ranking table: district and total per rank. */
async function rankFile(file: string): Promise<{ code: number; text: string; rows: { rank: number; district: string; total: number }[] }> {
  const target = join(out, `${file}.xlsx`);
  const result = await cli(["rank", file, "--out", target, "--force"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(target);
  const ws = wb.worksheets[0];
  const rows: { rank: number; district: string; total: number }[] = [];
  // Row 1 is the title, row 2 the header.
  for (let r = 3; typeof ws.getCell(r, 1).value === "number"; r++) {
    rows.push({ rank: ws.getCell(r, 1).value as number, district: String(ws.getCell(r, 4).value ?? ""), total: ws.getCell(r, 10).value as number });
  }
  return { ...result, rows };
}

/** Lines of a corpus file, decoded and split by its separator, without the trailing empty line. */
function table(file: string, encoding: string, separator: string): string[][] {
  const text = new TextDecoder(encoding).decode(readFileSync(join(CORPUS, file)));
  return text
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((l) => l.split(separator));
}

/** Sub-index rows as (name, total) by the printed weights, with the sub-index columns found by their names. */
function printedTotals(header: string[], rows: string[][], nameCol: number): { district: string; total: number }[] {
  const cols = Object.keys(PRINTED).map((k) => header.findIndex((h) => h.includes(k)));
  expect(cols.every((c) => c >= 0)).toBe(true);
  return rows.map((r) => ({
    // Control characters are removed from names, as every writer does.
    district: [...r[nameCol]].filter((ch) => ch.charCodeAt(0) >= 0x20).join(""),
    total: Object.values(PRINTED).reduce((s, w, i) => s + w * (r[cols[i]] === "-" ? 0 : Number(r[cols[i]])), 0),
  }));
}

const byTotal = (xs: { district: string; total: number }[]) => [...xs].sort((a, b) => b.total - a.total);

describe("the real-world corpus, through live-index rank", () => {
  it("yearbook-gbk.csv: GBK, a title, a unit line and a blank row above the header, 分指数 with （分）, 县(市、区) and 地市州; the 全省合计 row and the footnote are left out and named", async () => {
    const lines = table("yearbook-gbk.csv", "gbk", ",");
    expect(lines[3][1]).toBe("县(市、区)");
    const expected = byTotal(printedTotals(lines[3], lines.slice(4, 16), 1));
    const { code, text, rows } = await rankFile("yearbook-gbk.csv");
    expect(code).toBe(0);
    expect(rows.map((r) => r.district)).toEqual(expected.map((e) => e.district));
    rows.forEach((r, i) => expect(r.total).toBeCloseTo(expected[i].total, 9));
    expect(text).toContain("标题行在第 4 行");
    expect(text).toContain("全省合计: Row 17 is a summary row");
    expect(text).toContain("Row 18 has no value in any index column");
    expect(text).not.toContain("全省合计  ");
  });

  it("unicode-text.txt: Excel's Unicode text (UTF-16, tabs), the 19 indicators with units in the headers, percents, 有/无 and 是/否, a missing dispute rate", async () => {
    const lines = table("unicode-text.txt", "utf-16le", "\t");
    const value = (v: string): string | number =>
      v === "有" || v === "是" ? 1 : v === "无" || v === "否" ? 0 : v === "-" ? "-" : v.endsWith("%") ? Number(v.slice(0, -1)) / 100 : Number(v);
    // The file's indicator columns are in the weight table's order: headed by their ids for the independent computation.
    const body = lines.slice(1);
    // Each sub-index rescaled to a maximum of 100, as the ranked sheet does by default (the report's scale).
    const { total } = independentIndex([[...INDICATOR_IDS], ...body.map((r) => r.slice(3).map(value))], undefined, true);
    const ids = body.map((r, i) => ({ district: r[2], total: total[i] }));
    const expected = byTotal(ids);
    const { code, text, rows } = await rankFile("unicode-text.txt");
    expect(code).toBe(0);
    expect(text).toContain("tab-separated");
    expect(rows.map((r) => r.district)).toEqual(expected.map((e) => e.district));
    rows.forEach((r, i) => expect(r.total).toBeCloseTo(expected[i].total, 9));
  });

  it("county-list.tsv: UTF-8 with tabs, 省（区、市）/地级市/区县名称, '-' cells, a control character in a name, a source line below", async () => {
    const lines = table("county-list.tsv", "utf-8", "\t");
    const expected = byTotal(printedTotals(lines[0], lines.slice(1, 21), 2));
    const { code, text, rows } = await rankFile("county-list.tsv");
    expect(code).toBe(0);
    expect(rows.map((r) => r.district)).toEqual(expected.map((e) => e.district));
    expect(rows.map((r) => r.district)).toContain("二七区");
    expect(text).toContain("Row 22 has no value in any index column");
  });

  it("cities-no-district.csv: a city-level table ranks, and says that it has no district column", async () => {
    const { code, text, rows } = await rankFile("cities-no-district.csv");
    expect(code).toBe(0);
    expect(rows).toHaveLength(6);
    expect(text).toContain("no district column was recognised");
  });

  it("policy-as-text.csv: policy written as text in every row is one message naming the column, the count and an example", async () => {
    const { code, text } = await cli(["rank", "policy-as-text.csv", "--out", join(out, "policy.xlsx"), "--force"]);
    expect(code).not.toBe(0);
    expect(text).toContain('Column "直播产业政策" is not a number in 8 of 8 rows, for example "出台了扶持政策"');
  });

  it("unterminated-quote.csv: an unterminated quote is an error naming its line, not one region", async () => {
    const { code, text } = await cli(["rank", "unterminated-quote.csv", "--out", join(out, "quote.xlsx"), "--force"]);
    expect(code).not.toBe(0);
    expect(text).toContain("第 4 行的引号没有结束");
    expect(text).toContain("The quote opened in line 4 never closes");
  });
});

describe("the real-world corpus, through live-index check-weights", () => {
  it("weights-mixed-units.csv: one 25 among 25% cells is an error naming its row", async () => {
    const { code, text } = await cli(["check-weights", "weights-mixed-units.csv"]);
    expect(code).toBe(2);
    expect(text).toMatch(/错误\s+第 3 行\s+二级指标权重 25 与同级其他权重的写法不同/);
  });

  it("weights-with-total-row.csv: the 合计 row is ignored with a note, and the table equals the report's", async () => {
    const { code, text } = await cli(["check-weights", "weights-with-total-row.csv"]);
    expect(code).toBe(0);
    expect(text).toMatch(/警告\s+第 21 行\s+这是合计行，已忽略。/);
    expect(text).toContain("与报告权重相比的差异：0 项");
  });

  it("weights-goods-36.csv: 40% changed to 36% is a plain 'does not sum to 100%', not the report's rounding", async () => {
    const { text } = await cli(["check-weights", "weights-goods-36.csv"]);
    expect(text).toContain("一级指标的权重之和为 96%，而非 100%；计算时按比例归一为 100%。");
    expect(text).not.toMatch(/一级指标[^\n]*四舍五入/);
    expect(text).toMatch(/直播商品消费指数\s+40% → 36%/);
  });

  it("with --data yearbook-gbk.csv, names the rows left out of the impact (the 全省合计 row and the footnote)", async () => {
    const { text } = await cli(["check-weights", "weights-goods-36.csv", "--data", "yearbook-gbk.csv"]);
    expect(text).toContain("12 个地区，跳过 2 行");
    expect(text).toContain("全省合计：第 17 行是汇总行");
    expect(text).toContain("第 18 行的指数列全部为空或 0");
  });
});
