/**
 * The audit sheet (plans/audit-sheet.ts) from `live-index audit --out` and through Office.js: the
 * summary names the heavy-tailed indicator, the statistics mark it, the correlations are a
 * red–white–blue colour scale, and a treatment adds what it did and the statistics after it.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import * as ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { runAudit } from "../../src/core/audit";
import { INDICATORS } from "../../src/core/framework";
import { readPipelineOptions } from "../../src/core/options";
import { applySheetPlan } from "../../src/excel/apply-plan";
import { planAuditSheet } from "../../src/plans/audit-sheet";
import { planBlock } from "../../src/plans/plan";
import { installFakeExcel } from "../fakes/fake-excel";
import { INDICATOR_IDS, rawIndicatorCells, top100Cells } from "../helpers/fixtures";
import { tempDir, toCsv, xlsxPart } from "../helpers/files";

/** 40 invented regions; streamer_gmv with a heavy tail: six regions far above the rest. */
function heavyTailed(): (string | number)[][] {
  const cells = rawIndicatorCells(40, 17);
  const gmv = INDICATOR_IDS.indexOf("streamer_gmv");
  cells.slice(1).forEach((row, r) => (row[gmv] = r < 6 ? 10 ** (9 + r / 2) : 1e6 + r * 1e4));
  return cells;
}

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => out.push(l), cwd, now: () => new Date(2026, 11, 1, 15, 20) });
  return { code, out: out.join("\n") };
}

describe("live-index audit", () => {
  const dir = tempDir("audit");
  const data = join(dir, "heavy.csv");
  writeFileSync(data, toCsv(heavyTailed()));

  it("prints the summary and the flagged columns, naming the heavy-tailed indicator", async () => {
    const r = await cli(["audit", "heavy.csv", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    const gmv = INDICATORS.find((i) => i.id === "streamer_gmv")!.en;
    expect(r.out).toContain(`1 indicator(s) are heavy-tailed (a few regions may dominate the min–max scale): ${gmv}.`);
    expect(r.out).toContain("outlier (|skewness| > 2 and kurtosis > 3.5)");
    expect(r.out).toContain("Data treatment: missing=report; coverage=0%; treat=none.");
  });

  it("writes the audit sheet: the statistics with the flagged cell filled, the heatmap, A4 landscape", async () => {
    const out = join(dir, "audit.xlsx");
    expect((await cli(["audit", "heavy.csv", "--out", "audit.xlsx"], dir)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("数据审计")!;
    expect(ws.getCell("A1").value).toBe("数据审计（heavy.csv）");
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
    const sheet = (await xlsxPart(out, "xl/worksheets/sheet1.xml")) ?? "";
    expect(sheet).toContain('<cfRule type="colorScale"');
    expect(sheet).toMatch(/<cfvo type="num" val="-1"\/><cfvo type="num" val="0"\/><cfvo type="num" val="1"\/>/);
    // The GMV row's flags cell says outlier, and is filled.
    let flagged = 0;
    ws.eachRow((row) => {
      const flags = row.getCell(11).value;
      if (typeof flags === "string" && flags.startsWith("异常值")) {
        flagged++;
        expect((row.getCell(11).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFCE4D6");
      }
    });
    expect(flagged).toBe(1);
  });

  it("with --treat winsorise says what it did and gives the statistics after it", async () => {
    const r = await cli(["audit", "heavy.csv", "--treat", "winsorise", "--out", "treated.xlsx", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    const plan = planAuditSheet(runAudit(heavyTailed(), { pipeline: readPipelineOptions("treat=winsorise") }), { lang: "en", source: "heavy.csv" });
    const treatment = planBlock(plan, "treatment");
    const gmv = treatment.values.find((row) => String(row[1]).includes("winsorised") || String(row[1]).startsWith("log"))!;
    expect(gmv).toBeDefined();
    expect(planBlock(plan, "treatedStats").values[0][0]).toBe("After outlier treatment");
    const note = planBlock(plan, "note")
      .values.map((row) => row.join(" "))
      .join("\n");
    expect(note).toContain("missing=report; coverage=0%; treat=winsorise");
  });

  it("names the rows it leaves out (a 合计 row, a region with too little data), and does not advise what was done", async () => {
    const cells = heavyTailed();
    cells[5] = cells[5].map((v, c) => (c >= 8 ? "-" : v));
    cells.push(["合计", ...cells[1].slice(1)]);
    writeFileSync(join(dir, "left-out.csv"), toCsv(cells));
    const r = await cli(["audit", "left-out.csv", "--coverage", "66%", "--treat", "winsorise", "--lang", "en"], dir);
    expect(r.out).toContain("2 row(s) left out (below):");
    expect(r.out).toMatch(/Row 6 has data for only \d+(\.\d)?% of its indicators, below the 66% required: not ranked\./);
    expect(r.out).toContain('"合计"');
    expect(r.out).not.toContain("The option treat=winsorise treats them.");
    const zh = await cli(["audit", "left-out.csv", "--treat", "winsorise"], dir);
    expect(zh.out).toContain("为厚尾分布");
    expect(zh.out).not.toContain("可用选项 treat=winsorise 处理");
    expect((await cli(["audit", "left-out.csv"], dir)).out).toContain("可用选项 treat=winsorise 处理");
  });

  it("says why alpha is blank for sub-index input", () => {
    const plan = planAuditSheet(runAudit(top100Cells()), { lang: "en", source: "top100" });
    const coherence = planBlock(plan, "coherence");
    for (const row of coherence.values.slice(1)) {
      expect([row[1], row[2]]).toEqual(["", ""]);
      expect(String(row[5])).toContain("needs 2 or more indicators that vary");
    }
  });

  it("refuses a bad option by its flag's name, in both languages", async () => {
    const r = await cli(["audit", "heavy.csv", "--missing", "zero"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain("缺失值处理（missing）");
    expect(r.out).toContain('cannot be "zero"');
  });
});

describe("the audit sheet through Office.js", () => {
  it("gets the colour scale with its three points and the flagged cell's fill", async () => {
    const cells = heavyTailed();
    const plan = planAuditSheet(runAudit(cells), { lang: "zh", source: "数据!A1:T41" });
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据" }] });
    const { sheetName } = await Excel.run((c) => applySheetPlan(c, plan));
    const state = fake.state().sheets.find((s) => s.name === sheetName)!;
    const scale = state.conditionalFormats.find((f) => f.type === "ColorScale")!;
    expect(scale.colorCriteria).toEqual({
      minimum: { formula: "-1", type: "Number", color: "#F8696B" },
      midpoint: { formula: "0", type: "Number", color: "#FFFFFF" },
      maximum: { formula: "1", type: "Number", color: "#5A8AC6" },
    });
    const stats = planBlock(plan, "stats");
    const [r, c] = plan.highlights![0].cells[0];
    expect(fake.cells(sheetName, `${String.fromCharCode(65 + stats.col + c)}${stats.row + r + 1}`)[0][0].fill).toBe("#FCE4D6");
  });
});
