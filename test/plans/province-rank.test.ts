/**
 * The optional column 省内排名 (rank within the province): values as an independent count
 * (1 + the regions of the same province with a larger total), the live formula comparing names
 * literally, and the side blocks moved one column right to keep their gap.
 */
import { join } from "path";
import * as ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { runIndex } from "../../src/core/workflow";
import { planBlock } from "../../src/plans/plan";
import { planRankedSheet } from "../../src/plans/ranked-sheet";
import { top100Cells } from "../helpers/fixtures";
import { tempDir } from "../helpers/files";
import { rankedOptions } from "../helpers/plans";

const indexRun = runIndex(top100Cells());

describe("the rank within the province", () => {
  it("is 1 + the regions of the same province with a larger total, for every region", () => {
    const plan = planRankedSheet(indexRun, rankedOptions({ provinceRank: true }));
    const ranking = planBlock(plan, "ranking");
    expect(ranking.values[0][10]).toBe("省内排名");
    const rows = ranking.values.slice(1);
    for (const row of rows) {
      const larger = rows.filter((o) => o[1] === row[1] && (o[9] as number) > (row[9] as number)).length;
      expect([row[3], row[10]]).toEqual([row[3], 1 + larger]);
    }
    // 浙江省's first region is its No. 1; the side moved one column right.
    expect(rows.find((r) => r[1] === "浙江省")![10]).toBe(1);
    expect(planBlock(plan, "summary").col).toBe(12);
    expect(plan.page!.printAreas[0]).toBe("A1:K102");
  });

  it("is described in the method note, and only when the sheet has it", () => {
    const noteText = (provinceRank: boolean, lang: "zh" | "en") =>
      planBlock(planRankedSheet(indexRun, rankedOptions({ provinceRank, lang })), "note")
        .values.map((r) => r.join("|"))
        .join("\n");
    expect(noteText(true, "zh")).toContain("省内排名|同一省份的地区按总指数从高到低的名次");
    expect(noteText(true, "en")).toContain("Rank in province|The rank among the regions of the same province");
    expect(noteText(false, "zh")).not.toContain("省内排名");
  });

  it("is a literal SUMPRODUCT in formulas mode, and absent unless asked for", () => {
    const live = planBlock(planRankedSheet(indexRun, rankedOptions({ provinceRank: true, mode: "formulas" })), "ranking");
    expect(live.values[1][10]).toEqual({ formula: "1+SUMPRODUCT(($B$3:$B$102=B3)*($J$3:$J$102>J3))" });
    expect(planBlock(planRankedSheet(indexRun, rankedOptions()), "ranking").values[0]).toHaveLength(10);
  });

  it("is written by live-index rank --province-rank", async () => {
    const dir = tempDir("prov-rank");
    const out = join(dir, "r.xlsx");
    const csv = join(__dirname, "../../examples/top100-2020.csv");
    expect(await run(["rank", csv, "--province-rank", "--out", out], { out: () => undefined, err: () => undefined, cwd: dir, now: () => new Date() })).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].getCell("K2").value).toBe("省内排名");
    expect(wb.worksheets[0].getCell("K3").value).toBe(1);
  });
});

describe("a table without provinces (one city's districts, or a province's cities)", () => {
  // 南阳市's and 洛阳市's districts, no province column.
  const cells = [
    ["市", "区县", "直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"],
    ["南阳市", "宛城区", 50, 50, 50, 50, 50],
    ["南阳市", "卧龙区", 60, 60, 60, 60, 60],
    ["洛阳市", "西工区", 70, 70, 70, 70, 70],
    ["南阳市", "邓州市", 40, 40, 40, 40, 40],
  ];
  const cityRun = runIndex(cells);

  it("sums and ranks by city, and says so", () => {
    const plan = planRankedSheet(cityRun, rankedOptions({ provinceRank: true }));
    const summary = planBlock(plan, "summary");
    expect(summary.values).toEqual([
      ["城市", "地区数"],
      ["南阳市", 3],
      ["洛阳市", 1],
    ]);
    const ranking = planBlock(plan, "ranking");
    expect(ranking.values[0][10]).toBe("市内排名");
    // 西工区 first overall and in 洛阳市; 卧龙区, 宛城区, 邓州市 first, second and third in 南阳市.
    expect(ranking.values.slice(1).map((r) => [r[3], r[10]])).toEqual([
      ["西工区", 1],
      ["卧龙区", 1],
      ["宛城区", 2],
      ["邓州市", 3],
    ]);
    expect(plan.chart!.title).toBe("各地区的城市分布");
    const note = planBlock(plan, "note")
      .values.map((r) => r.join("|"))
      .join("\n");
    expect(note).toContain("表中没有省份，按城市汇总。");
    expect(note).toContain("市内排名|表中没有省份：同一城市的地区按总指数从高到低的名次");
  });

  it("counts by the city column in formulas mode", () => {
    const plan = planRankedSheet(cityRun, rankedOptions({ provinceRank: true, mode: "formulas" }));
    expect(planBlock(plan, "summary").values[1][1]).toEqual({ formula: 'SUMPRODUCT(($C$3:$C$6="南阳市")*($A$3:$A$6<=10))' });
    expect(planBlock(plan, "ranking").values[1][10]).toEqual({ formula: "1+SUMPRODUCT(($C$3:$C$6=C3)*($J$3:$J$6>J3))" });
  });
});
