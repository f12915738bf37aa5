/** The impact and robustness file of `live-index check-weights --out` opens in LibreOffice with both sheets and their numbers. */
import { join, resolve } from "path";
import { run } from "../../src/cli/main";
import { parseCsv } from "../../src/core/csv";
import { writeHandWorkedExample } from "../helpers/cli";
import { findSoffice, sofficePdfPages, sofficeToCsv, tempDir } from "../helpers/files";

const dir = tempDir("check-out-lo");
writeHandWorkedExample(dir);
const soffice = findSoffice();

(soffice ? describe : describe.skip)("live-index check-weights --out in LibreOffice", () => {
  it("opens with both sheets and their numbers", async () => {
    const args = ["check-weights", "goods-only.csv", "--data", "regions.csv", "--top", "2", "--runs", "10", "--spread", "0", "--out", "analysis.xlsx"];
    expect(await run(args, { out: () => undefined, err: () => undefined, cwd: dir })).toBe(0);
    const sheets = sofficeToCsv(soffice!, join(dir, "analysis.xlsx"));
    expect([...sheets.keys()].sort()).toEqual(["影响分析", "稳健性"].sort());
    const impact = parseCsv(sheets.get("影响分析")!);
    expect(impact[1].slice(0, 5).map(Number)).toEqual([5, -1, 2.4, 2, 2]);
    const robust = parseCsv(sheets.get("稳健性")!);
    expect(robust[1].slice(0, 2)).toEqual(["1", "丙区（浙江省 杭州市）"]);
  }, 120_000);

  it("prints the report's Top-100 on six A4 landscape pages: results and chart, note; two of regions, note, intervals and chart", async () => {
    const top100 = resolve(__dirname, "../../examples/top100-2020.csv");
    const weights = resolve(__dirname, "../../examples/weights-goods30-supply35.csv");
    const args = ["check-weights", weights, "--data", top100, "--top", "20", "--runs", "50", "--out", "top100-analysis.xlsx"];
    expect(await run(args, { out: () => undefined, err: () => undefined, cwd: dir })).toBe(0);
    const pages = sofficePdfPages(soffice!, join(dir, "top100-analysis.xlsx"));
    // Without a page setup the same file printed as 14 Letter pages, the chart cut in two.
    expect(pages).toHaveLength(6);
    for (const size of pages) expect(size).toEqual([842, 595]);
  }, 180_000);
});
