/**
 * The rank change sheet of a two-year panel: the table as LIVERANKCHANGE gives it plus the top-N
 * column (entering and leaving worked out here from the ranks), the ▲/▼ format on numbers, the
 * note's counts and lists, the slope chart's data and spec; and in a written .xlsx (exceljs read
 * back, the chart part a line chart with one series per region and the rank axis reversed).
 */
import * as ExcelJS from "exceljs";
import { join } from "path";
import { readPanel } from "../../src/core/panel";
import { writePlansXlsx } from "../../src/files/xlsx-writer";
import { planBlock } from "../../src/plans/plan";
import { CHANGE_FORMAT, planRankChangeSheet } from "../../src/plans/rank-change-sheet";
import { tempDir, xlsxPart } from "../helpers/files";
import { TWO_YEAR_WEIGHTS, twoYearPanel } from "../helpers/fixtures";

/** Each region's rank per year written out from the sub-indices and the printed weights (competition ranks). */
function ranksByHand(cells: (string | number)[][], year: number): Map<string, number> {
  const rows = cells.slice(1).filter((r) => String(r[0]).startsWith(String(year)));
  const totals = rows.map((r) => TWO_YEAR_WEIGHTS.reduce((s, w, j) => s + w * (r[4 + j] as number), 0));
  return new Map(rows.map((r, i) => [r[3] as string, 1 + totals.filter((t) => t > totals[i]).length]));
}

const N = 5;
const cells = twoYearPanel();
const plan = planRankChangeSheet(readPanel(cells), 2020, 2021, { lang: "zh", topN: N, source: "数据!A1:I25" });
const a = ranksByHand(cells, 2020);
const b = ranksByHand(cells, 2021);

describe("the rank change sheet", () => {
  it("lists every region with both ranks, the change as a number shown ▲/▼, its status and whether it entered or left the top N", () => {
    const table = planBlock(plan, "changes");
    expect(table.values[0]).toEqual(["省", "市", "区县", "2020 年排名", "2021 年排名", "名次变化（正为上升）", "状态", "前 5 名"]);
    expect(table.columnFormats[5]).toBe(CHANGE_FORMAT);
    expect(table.values.length).toBe(1 + 13);
    for (const row of table.values.slice(1)) {
      const name = row[2] as string;
      const f = a.get(name);
      const t = b.get(name);
      expect(row[3]).toBe(f ?? "");
      expect(row[4]).toBe(t ?? "");
      expect(row[5]).toBe(f !== undefined && t !== undefined ? f - t : "");
      const entered = t !== undefined && t <= N && (f === undefined || f > N);
      const left = f !== undefined && f <= N && (t === undefined || t > N);
      expect(row[7]).toBe(entered ? "进入前 5" : left ? "跌出前 5" : "");
    }
    // The later year's top 5 first, emphasised.
    expect(table.values.slice(1, 6).map((r) => r[4])).toEqual([1, 2, 3, 4, 5]);
    expect(plan.emphasisedRows).toBe(5);
  });

  it("says in its note which years, how many moved, and who entered and left the top N", () => {
    const note = planBlock(plan, "note")
      .values.map((r) => r.join(" "))
      .join("\n");
    expect(note).toContain("2020 年与 2021 年，各年分别排名");
    expect(note).toContain("各年分别标准化");
    const both = [...b.keys()].filter((k) => a.has(k));
    const up = both.filter((k) => a.get(k)! > b.get(k)!).length;
    const down = both.filter((k) => a.get(k)! < b.get(k)!).length;
    expect(note).toContain(`上升 ${up} 个，下降 ${down} 个，不变 ${both.length - up - down} 个；新进 1 个，退出 1 个`);
    const entering = [...b].filter(([k, t]) => t <= N && !((a.get(k) ?? Infinity) <= N)).map(([k]) => k);
    expect(entering.length).toBeGreaterThan(0);
    for (const k of entering) expect(note).toMatch(new RegExp(`进入前 5 名.*${k}`));
  });

  it("draws the later year's top N as a slope chart: a line per region from its old rank to its new, rank 1 on top", () => {
    const slope = planBlock(plan, "slope");
    const top = [...b].filter(([, t]) => t <= N).sort((x, y) => x[1] - y[1]);
    expect(slope.values[0]).toEqual(["年份", ...top.map(([k]) => k)]);
    expect(slope.values[1]).toEqual(["2020", ...top.map(([k]) => a.get(k) ?? "")]);
    expect(slope.values[2]).toEqual(["2021", ...top.map(([, t]) => t)]);
    expect(plan.chart).toMatchObject({
      type: "line",
      block: "slope",
      rows: 2,
      categoryColumn: 0,
      valueColumn: 1,
      series: top.length,
      reverseValues: true,
      legend: true,
    });
    expect(plan.page?.printAreas.length).toBe(3);
  });

  it("is written to a file with the table, the ▲/▼ format and a line chart of one series per region", async () => {
    const path = join(tempDir("rank-change"), "change.xlsx");
    const [written] = await writePlansXlsx([plan], path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet(written.sheetName)!;
    expect(sheet.name).toBe("排名变化");
    expect(sheet.getCell("A1").value).toBe("省");
    expect(sheet.getCell("F2").numFmt).toBe(CHANGE_FORMAT);
    expect(typeof sheet.getCell("F2").value).toBe("number");
    const chart = (await xlsxPart(path, "xl/charts/chart1.xml"))!;
    expect(chart).toContain("<c:lineChart>");
    expect((chart.match(/<c:ser>/g) ?? []).length).toBe(N);
    expect(chart).toContain('<c:orientation val="maxMin"/><c:min val="1"/>');
    expect(chart).toContain('<c:marker><c:symbol val="circle"/>');
  });
});
