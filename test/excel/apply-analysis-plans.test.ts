import { compareRankings } from "../../src/core/impact";
import type { SensitivityResult } from "../../src/core/sensitivity";
import { SheetPlan, blockRange, planBlock, PlanValue } from "../../src/plans/plan";
import { planImpactSheet, planRobustnessSheet } from "../../src/plans/analysis-sheets";
import { applySheetPlan } from "../../src/excel/apply-plan";
import { FakeExcel, installFakeExcel, WorkbookInit } from "../fakes/fake-excel";
import { workbookSnapshot } from "../fakes/scenarios";
import { prng } from "../helpers/fixtures";

const names = (row: number) => `区县${row + 1}`;

/** The hand-worked change of test/core/weight-sheets.test.ts: C enters the top 2, A leaves; four regions move. */
const IMPACT_PLAN = planImpactSheet(compareRankings([60, 50, 40, 30, 20, 10], [40, 55, 60, 30, 10, 20], 2), names, {
  lang: "zh",
  generatedAt: "2026-03-01 10:00",
});

/** A Monte Carlo result for `n` regions (made up, consistent: p5 ≤ median ≤ p95; nominal 1 … n). */
function result(n: number, seed = 5): SensitivityResult {
  const rnd = prng(seed);
  const nominal = Float64Array.from({ length: n }, (_, i) => i + 1);
  const p5 = nominal.map((r) => Math.max(1, r - Math.floor(rnd() * 5)));
  const p95 = nominal.map((r) => Math.min(n, r + Math.floor(rnd() * 5)));
  const median = nominal.map((r, i) => Math.min(p95[i], Math.max(p5[i], r + 0.5)));
  return { runs: 1000, spread: 0.25, seed: 2021, nominal, median, p5, p95 };
}
const robustPlan = (n: number, topN = 10) => planRobustnessSheet(result(n), names, { lang: "zh", topN, leaveOneOut: Float64Array.of(1, 2, 3, 4, 5) });

/** A workbook where both wanted sheet names and a table name are taken. */
const CROWDED: WorkbookInit = {
  sheets: [
    { name: "数据", cells: [["a"]] },
    { name: "影响分析", cells: [["旧的"]] },
    {
      name: "稳健性",
      cells: [
        ["旧的", 1],
        ["x", 2],
      ],
      tables: [{ name: "ZBDS_Robustness", address: "A1:B2" }],
    },
  ],
  active: "数据",
  selection: "数据!A1",
};

function shown(v: PlanValue): unknown {
  return typeof v === "object" ? `=${v.formula}` : v;
}

function expectBlocks(fake: FakeExcel, sheet: string, plan: SheetPlan): void {
  for (const b of plan.blocks) expect([b.id, fake.values(sheet, blockRange(b))]).toEqual([b.id, b.values.map((r) => r.map(shown))]);
}

describe("writeImpactSheet", () => {
  let fake: FakeExcel;
  beforeEach(() => (fake = installFakeExcel(globalThis, { sheets: [{ name: "数据" }] })));

  it("writes every block where the plan puts them, on a new sheet 影响分析 that it activates, in four syncs", async () => {
    const written = await Excel.run((c) => applySheetPlan(c, IMPACT_PLAN));
    expect(written).toEqual({ sheetName: "影响分析", tableNames: ["ZBDS_Entering", "ZBDS_Leaving", "ZBDS_RankMoves"], selectedAddress: null, syncs: 4 });
    expect(fake.stats.syncs).toBe(4);
    expectBlocks(fake, "影响分析", IMPACT_PLAN);
    expect(fake.state().activeSheet).toBe("影响分析");
  });

  it("makes the three lists tables, formats the rank change with its sign, and puts no data bar or emphasis", async () => {
    await Excel.run((c) => applySheetPlan(c, IMPACT_PLAN));
    const sheet = fake.state().sheets.find((s) => s.name === "影响分析")!;
    expect(sheet.tables.map((t) => [t.name, t.address])).toEqual(IMPACT_PLAN.tables.map((t) => [t.name, blockRange(planBlock(IMPACT_PLAN, t.block))]));
    expect(sheet.conditionalFormats).toEqual([]);
    const moves = planBlock(IMPACT_PLAN, "moves");
    expect(fake.cells("影响分析", blockRange(moves, false)).map((r) => r[1].numberFormat)).toEqual(new Array(4).fill("+0;-0;0"));
    expect(fake.cells("影响分析", blockRange(moves, false)).every((r) => r.every((c) => c.fill === null))).toBe(true);
  });

  it("draws the moves as a clustered bar chart beside them, from the region and rank-change columns", async () => {
    await Excel.run((c) => applySheetPlan(c, IMPACT_PLAN));
    const moves = planBlock(IMPACT_PLAN, "moves");
    const [chart] = fake.state().sheets.find((s) => s.name === "影响分析")!.charts;
    expect(chart).toMatchObject({
      type: "BarClustered",
      source: `影响分析!A${moves.row + 1}:B${moves.row + 5}`,
      seriesBy: "Columns",
      title: "名次变化最大的地区",
      legendVisible: false,
      reversePlotOrder: true,
      tickLabelPosition: "Low",
      startCell: `F${moves.row + 1}`,
      seriesWithoutFill: [],
    });
  });

  it("never overwrites an existing sheet: 影响分析 (2), the old one untouched", async () => {
    fake = installFakeExcel(globalThis, CROWDED);
    const written = await Excel.run((c) => applySheetPlan(c, IMPACT_PLAN));
    expect(written.sheetName).toBe("影响分析 (2)");
    expect(fake.values("影响分析")).toEqual([["旧的"]]);
  });

  it("leaves the workbook as it was when any sync fails, before or after its batch ran", async () => {
    const before = workbookSnapshot(installFakeExcel(globalThis, CROWDED));
    for (let k = 1; k <= 4; k++) {
      for (const applied of ["none", "all"] as const) {
        fake = installFakeExcel(globalThis, CROWDED);
        fake.failAt({ sync: k, applied });
        await expect(Excel.run((c) => applySheetPlan(c, IMPACT_PLAN))).rejects.toMatchObject({ code: "GeneralException" });
        fake.failAt(null);
        expect([k, applied, workbookSnapshot(fake)]).toEqual([k, applied, before]);
      }
    }
  });
});

describe("writeRobustnessSheet", () => {
  let fake: FakeExcel;
  beforeEach(() => (fake = installFakeExcel(globalThis, { sheets: [{ name: "数据" }] })));

  it("writes every block where the plan puts them on a new sheet 稳健性, with its table and frozen header", async () => {
    const plan = robustPlan(40);
    const written = await Excel.run((c) => applySheetPlan(c, plan));
    expect(written).toEqual({ sheetName: "稳健性", tableNames: ["ZBDS_Robustness"], selectedAddress: null, syncs: 4 });
    expectBlocks(fake, "稳健性", plan);
    const sheet = fake.state().sheets.find((s) => s.name === "稳健性")!;
    expect(sheet.tables).toEqual([{ name: "ZBDS_Robustness", address: "A1:F41", style: "TableStyleMedium2" }]);
    expect(sheet.freezeRows).toBe(1);
  });

  it("puts a data bar on the interval widths and emphasises the top N rows only", async () => {
    await Excel.run((c) => applySheetPlan(c, robustPlan(40, 10)));
    const sheet = fake.state().sheets.find((s) => s.name === "稳健性")!;
    expect(sheet.conditionalFormats).toEqual([{ type: "DataBar", address: "F2:F41", barDirection: "LeftToRight", colorCriteria: null }]);
    const rows = fake.cells("稳健性", "A2:F41");
    rows.forEach((r, i) => expect([i, r.every((c) => c.fill === (i < 10 ? "#FCE4D6" : null))]).toEqual([i, true]));
  });

  it("draws the top N's rank intervals as a stacked bar: the p5 series without fill, the width series on it", async () => {
    const plan = robustPlan(40, 10);
    await Excel.run((c) => applySheetPlan(c, plan));
    const intervals = planBlock(plan, "intervals");
    const [chart] = fake.state().sheets.find((s) => s.name === "稳健性")!.charts;
    expect(chart).toMatchObject({
      type: "BarStacked",
      source: `稳健性!H${intervals.row + 1}:J${intervals.row + 11}`,
      seriesBy: "Columns",
      title: plan.chart!.title,
      legendVisible: false,
      reversePlotOrder: true,
      tickLabelPosition: "Low",
      startCell: `L${intervals.row + 1}`,
      seriesWithoutFill: [0],
    });
    expect(fake.values("稳健性", `H${intervals.row + 2}:J${intervals.row + 2}`)).toEqual([[names(0), result(40).p5[0], result(40).p95[0] - result(40).p5[0]]]);
  });

  it("uses the same number of syncs for 100 and 5,000 regions", async () => {
    const counts: number[] = [];
    for (const n of [100, 5000]) {
      fake = installFakeExcel(globalThis, { sheets: [{ name: "数据" }] });
      await Excel.run((c) => applySheetPlan(c, robustPlan(n, 100)));
      counts.push(fake.stats.syncs);
    }
    expect(counts).toEqual([4, 4]);
  });

  it("never overwrites an existing sheet or table: 稳健性 (2) with ZBDS_Robustness_2", async () => {
    fake = installFakeExcel(globalThis, CROWDED);
    const written = await Excel.run((c) => applySheetPlan(c, robustPlan(20)));
    expect([written.sheetName, written.tableNames]).toEqual(["稳健性 (2)", ["ZBDS_Robustness_2"]]);
    expect(fake.values("稳健性")).toEqual([
      ["旧的", 1],
      ["x", 2],
    ]);
  });

  it("leaves the workbook as it was when any sync or any single operation fails", async () => {
    const plan = robustPlan(15, 5);
    fake = installFakeExcel(globalThis, CROWDED);
    const before = workbookSnapshot(fake);
    await Excel.run((c) => applySheetPlan(c, plan));
    const operations = fake.stats.operations;
    for (let k = 1; k <= 4; k++) {
      for (const applied of ["none", "all"] as const) {
        fake = installFakeExcel(globalThis, CROWDED);
        fake.failAt({ sync: k, applied });
        await expect(Excel.run((c) => applySheetPlan(c, plan))).rejects.toMatchObject({ code: "GeneralException" });
        fake.failAt(null);
        expect([k, applied, workbookSnapshot(fake)]).toEqual([k, applied, before]);
      }
    }
    for (let k = 1; k <= operations; k++) {
      fake = installFakeExcel(globalThis, CROWDED);
      fake.failAt({ operation: k });
      await expect(Excel.run((c) => applySheetPlan(c, plan))).rejects.toThrow(/injected failure/);
      fake.failAt(null);
      expect([k, workbookSnapshot(fake)]).toEqual([k, before]);
    }
  });
});
