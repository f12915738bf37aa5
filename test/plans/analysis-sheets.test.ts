import { computeIndex } from "../../src/core/pipeline";
import { compareRankings } from "../../src/core/impact";
import { getLeaveOneOut, getSensitivity, SensitivityResult } from "../../src/core/sensitivity";
import { SheetPlan, blockRange, CellBlock, planBlock, PlanValue } from "../../src/plans/plan";
import { planImpactSheet, planRobustnessSheet } from "../../src/plans/analysis-sheets";
import { FRAMEWORK, top100Cells } from "../helpers/fixtures";

const NAMES = ["A", "B", "C", "D", "E", "F"];
const names = (row: number) => `地区${NAMES[row]}`;

/**
 * A hand-worked change: totals old [60, 50, 40, 30, 20, 10] → new [40, 55, 60, 30, 10, 20], top 2.
 * Old ranks A1 B2 C3 D4 E5 F6; new ranks C1 B2 A3 D4 F5 E6. C enters the top 2, A leaves it.
 * Moves (old − new): C +2, F +1, E −1, A −2, B and D 0. Mean |shift| = (2+0+2+0+1+1)/6 = 1.
 * Spearman = 1 − 6·Σd²/(n(n²−1)) = 1 − 6·10/210 = 5/7 (no ties).
 */
const IMPACT = compareRankings([60, 50, 40, 30, 20, 10], [40, 55, 60, 30, 10, 20], 2);

/** Zero-based rectangles of every block, for overlap checks. */
function rects(plan: SheetPlan): { id: string; r: number; c: number; h: number; w: number }[] {
  return plan.blocks.map((b) => ({ id: b.id, r: b.row, c: b.col, h: b.values.length, w: b.values[0].length }));
}

function expectNoOverlap(plan: SheetPlan): void {
  const all = rects(plan);
  for (const a of all) {
    for (const b of all) {
      if (a === b) continue;
      const overlap = a.r < b.r + b.h && b.r < a.r + a.h && a.c < b.c + b.w && b.c < a.c + a.w;
      expect([a.id, b.id, overlap]).toEqual([a.id, b.id, false]);
    }
  }
  const c = plan.chart;
  if (c)
    for (const a of all) expect([a.id, c.anchorRow >= a.r && c.anchorRow < a.r + a.h && c.anchorCol >= a.c && c.anchorCol < a.c + a.w]).toEqual([a.id, false]);
}

function expectWritable(plan: SheetPlan): void {
  for (const b of plan.blocks) {
    const width = b.values[0].length;
    expect([b.id, b.values.every((r) => r.length === width), b.columnFormats.length]).toEqual([b.id, true, width]);
    for (const r of b.values) for (const v of r) if (typeof v === "number") expect([b.id, Number.isFinite(v)]).toEqual([b.id, true]);
  }
  for (const t of plan.tables) expect(planBlock(plan, t.block).values.length).toBeGreaterThan(1);
}

const data = (b: CellBlock): PlanValue[][] => b.values.slice(b.headerRows) as PlanValue[][];

describe("planImpactSheet: shape", () => {
  const plan = planImpactSheet(IMPACT, names, { lang: "zh" });

  it("names the sheet 影响分析 (Impact in English) and lays its blocks out without overlap, the chart beside the moves", () => {
    expect(plan.sheetName).toBe("影响分析");
    expect(planImpactSheet(IMPACT, names, { lang: "en" }).sheetName).toBe("Impact");
    expect(plan.blocks.map((b) => b.id)).toEqual(["figures", "entering", "leaving", "moves", "note"]);
    expectNoOverlap(plan);
    expectWritable(plan);
    const moves = planBlock(plan, "moves");
    expect(plan.chart!.anchorRow).toBe(moves.row);
    expect(plan.chart!.anchorCol).toBeGreaterThanOrEqual(moves.col + moves.values[0].length);
  });

  it("makes tables of the three lists, no data bar, no emphasis, the moves as main block", () => {
    expect(plan.tables.map((t) => [t.name, t.block])).toEqual([
      ["ZBDS_Entering", "entering"],
      ["ZBDS_Leaving", "leaving"],
      ["ZBDS_RankMoves", "moves"],
    ]);
    expect([plan.mainBlock, plan.dataBarColumn, plan.emphasisedRows, plan.freezeRows]).toEqual(["moves", null, 0, 0]);
  });

  it("sizes columns for the widest text", () => {
    expect(plan.columnWidths[0]).toBeGreaterThanOrEqual(14);
    expect(plan.columnWidths.every((w) => w >= 3)).toBe(true);
  });
});

describe("planImpactSheet: values (hand-worked example)", () => {
  const plan = planImpactSheet(IMPACT, names, { lang: "zh" });

  it("gives the summary figures: compared, Spearman 5/7, mean shift 1, one entering, one leaving", () => {
    const figures = planBlock(plan, "figures");
    expect(figures.values[0]).toEqual(["比较的地区数", "斯皮尔曼等级相关系数", "平均绝对名次变化", "进入前 2 名", "退出前 2 名"]);
    const [compared, rho, shift, entering, leaving] = figures.values[1] as number[];
    expect([compared, shift, entering, leaving]).toEqual([6, 1, 1, 1]);
    expect(rho).toBeCloseTo(5 / 7, 12);
    expect(figures.columnFormats).toEqual(["0", "0.000", "0.00", "0", "0"]);
  });

  it("lists the region entering and the one leaving the top N with old and new ranks", () => {
    expect(planBlock(plan, "entering").values).toEqual([
      ["进入前 2 名的地区", "原名次", "新名次"],
      ["地区C", 3, 1],
    ]);
    expect(planBlock(plan, "leaving").values).toEqual([
      ["退出前 2 名的地区", "原名次", "新名次"],
      ["地区A", 1, 3],
    ]);
  });

  it("lists the moves from the largest rise to the largest fall, leaving out regions that did not move", () => {
    expect(planBlock(plan, "moves").values).toEqual([
      ["地区", "名次变化（正数为上升）", "原名次", "新名次"],
      ["地区C", 2, 3, 1],
      ["地区F", 1, 6, 5],
      ["地区E", -1, 5, 6],
      ["地区A", -2, 1, 3],
    ]);
  });

  it("charts the moves: one clustered bar per moved region, categories its names, values its rank change", () => {
    expect(plan.chart).toMatchObject({ type: "barClustered", block: "moves", rows: 4, categoryColumn: 0, valueColumn: 1, title: "名次变化最大的地区" });
    expect(plan.chart!.series ?? 1).toBe(1);
    expect(plan.chart!.hideFirstSeries ?? false).toBe(false);
  });

  it("writes a method note with the weights compared, when given, and the rules", () => {
    const note = planBlock(
      planImpactSheet(IMPACT, names, {
        lang: "en",
        baseline: { kind: "baseline" },
        current: { kind: "table", name: "ZBDS_Weights" },
        generatedAt: "2026-03-02 09:00",
        version: "1.2.3",
      }),
      "note",
    );
    const lines = Object.fromEntries(note.values.map((r) => [r[0], r[1]]));
    expect(lines).toMatchObject({
      "Method note": "",
      "Old weights": "The baseline saved in this workbook",
      "New weights": "Weight table ZBDS_Weights in this workbook",
      "Compared group": "Top 2",
      Generated: "2026-03-02 09:00",
      "Add-in version": "1.2.3",
    });
    const bare = planBlock(plan, "note").values.map((r) => r[0]);
    expect(bare).not.toContain("原权重");
    expect(bare).not.toContain("生成时间");
  });
});

describe("planImpactSheet: nothing moved, too few regions", () => {
  it("writes '（无）' rows and no chart when the rankings agree", () => {
    const same = compareRankings([3, 2, 1], [30, 20, 10], 2);
    const plan = planImpactSheet(same, names, { lang: "zh" });
    expect(data(planBlock(plan, "entering"))).toEqual([["（无）", "", ""]]);
    expect(data(planBlock(plan, "leaving"))).toEqual([["（无）", "", ""]]);
    expect(data(planBlock(plan, "moves"))).toEqual([["（无）", "", "", ""]]);
    expect(plan.chart).toBeNull();
    expect(planBlock(plan, "figures").values[1]).toEqual([3, 1, 0, 0, 0]);
    expectWritable(plan);
  });

  it("shows '—' for a Spearman coefficient that does not exist (one region), never NaN", () => {
    const plan = planImpactSheet(compareRankings([1], [2], 1), names, { lang: "en" });
    expect(planBlock(plan, "figures").values[1]).toEqual([1, "—", 0, 0, 0]);
    expect(data(planBlock(plan, "moves"))).toEqual([["(none)", "", "", ""]]);
  });
});

/**
 * A hand-made result: row 2 has no result; nominal ranks B1 A2 D3 E4.
 */
const RESULT: SensitivityResult = {
  runs: 1000,
  spread: 0.25,
  seed: 7,
  nominal: Float64Array.of(2, 1, NaN, 3, 4),
  median: Float64Array.of(2, 1, NaN, 3.5, 3.5),
  p5: Float64Array.of(1, 1, NaN, 3, 3),
  p95: Float64Array.of(3, 1.5, NaN, 4, 4),
};

describe("planRobustnessSheet: shape", () => {
  const plan = planRobustnessSheet(RESULT, names, { lang: "zh", topN: 2, leaveOneOut: Float64Array.of(1.234, 0, NaN, 2.5, 0.005) });

  it("names the sheet 稳健性 (Robustness in English) and lays its blocks out without overlap", () => {
    expect(plan.sheetName).toBe("稳健性");
    expect(planRobustnessSheet(RESULT, names, { lang: "en", topN: 2 }).sheetName).toBe("Robustness");
    expect(plan.blocks.map((b) => b.id)).toEqual(["regions", "note", "intervals"]);
    expectNoOverlap(plan);
    expectWritable(plan);
  });

  it("makes the regions a frozen table with a data bar on the interval width and the top N emphasised", () => {
    expect(plan.tables).toEqual([{ name: "ZBDS_Robustness", block: "regions", style: "TableStyleMedium2" }]);
    expect([plan.mainBlock, plan.freezeRows, plan.dataBarColumn, plan.emphasisedRows]).toEqual(["regions", 1, 5, 2]);
    expect(planBlock(plan, "regions").values[0][plan.dataBarColumn!]).toBe("区间宽度");
  });
});

describe("planRobustnessSheet: values", () => {
  const plan = planRobustnessSheet(RESULT, names, {
    lang: "zh",
    topN: 2,
    leaveOneOut: Float64Array.of(1.234, 0, NaN, 2.5, 0.005),
    weights: { kind: "table", name: "ZBDS_Weights" },
    generatedAt: "2026-03-01 10:00",
  });

  it("lists regions in nominal-rank order with median, p5, p95 and the width p95 − p5; a region without result is left out", () => {
    expect(planBlock(plan, "regions").values).toEqual([
      ["名义名次", "地区", "中位名次", "第 5 百分位名次", "第 95 百分位名次", "区间宽度"],
      [1, "地区B", 1, 1, 1.5, 0.5],
      [2, "地区A", 2, 1, 3, 2],
      [3, "地区D", 3.5, 3, 4, 1],
      [4, "地区E", 3.5, 3, 4, 1],
    ]);
    expect(planBlock(plan, "regions").columnFormats).toEqual(["0", null, "0.0", "0.0", "0.0", "0.0"]);
  });

  it("gives the chart the top N's p5 and interval width, and draws them as a stacked bar whose first series is hidden", () => {
    const intervals = planBlock(plan, "intervals");
    expect(data(intervals)).toEqual([
      ["地区B", 1, 0.5],
      ["地区A", 1, 2],
    ]);
    expect(plan.chart).toMatchObject({ type: "barStacked", block: "intervals", rows: 2, categoryColumn: 0, valueColumn: 1, series: 2, hideFirstSeries: true });
    expect(plan.chart!.title).toBe("前 2 名地区的名次区间（第 5 至第 95 百分位）");
    expect(plan.chart!.anchorRow).toBe(intervals.row);
  });

  it("puts runs, spread, seed and the leave-one-out shifts (2 decimals, '—' where there is none) in the note", () => {
    const note = planBlock(plan, "note").values;
    const lines = new Map(note.map((r) => [r[0], r[1]]));
    expect([lines.get("模拟次数"), lines.get("权重扰动"), lines.get("随机种子"), lines.get("权重"), lines.get("生成时间")]).toEqual([
      1000,
      "±25%",
      7,
      "本工作簿中的权重表 ZBDS_Weights",
      "2026-03-01 10:00",
    ]);
    expect(String(lines.get("方法"))).toContain("±25%");
    const loo = FRAMEWORK.map((d) => lines.get(d.zh));
    expect(loo).toEqual([1.23, 0, "—", 2.5, 0.01]);
  });

  it("leaves the leave-one-out lines out when none is given, and says so in English", () => {
    const en = planRobustnessSheet({ ...RESULT, spread: 0.1 }, names, { lang: "en", topN: 10 });
    const labels = planBlock(en, "note").values.map((r) => r[0]);
    expect(labels).not.toContain("Leave one out");
    expect(planBlock(en, "note").values.find((r) => r[0] === "Weight perturbation")![1]).toBe("±10%");
    // Every region is in the top 10: nothing to emphasise, all four drawn.
    expect([en.emphasisedRows, en.chart!.rows]).toEqual([0, 4]);
  });

  it("writes one '(none)' row and no chart or data bar when no region has a result", () => {
    const empty: SensitivityResult = {
      ...RESULT,
      nominal: Float64Array.of(NaN),
      median: Float64Array.of(NaN),
      p5: Float64Array.of(NaN),
      p95: Float64Array.of(NaN),
    };
    const p = planRobustnessSheet(empty, names, { lang: "en", topN: 5 });
    expect(data(planBlock(p, "regions"))).toEqual([["(none)", "", "", "", "", ""]]);
    expect([p.chart, p.dataBarColumn]).toEqual([null, null]);
    expectWritable(p);
  });
});

describe("planRobustnessSheet: over the report's Top-100", () => {
  const cells = top100Cells();
  const result = computeIndex(cells);
  const mc = getSensitivity(result, { runs: 200, seed: 3 });
  const district = (row: number) => String(cells[row + 1][3]);
  const plan = planRobustnessSheet(mc, district, { lang: "zh", topN: 20, leaveOneOut: getLeaveOneOut(result) });

  it("has one row per ranked region, each carrying its own row's figures from the result", () => {
    const rows = data(planBlock(plan, "regions"));
    expect(rows).toHaveLength(100);
    const byName = new Map<string, number>();
    for (let r = 0; r < 100; r++) byName.set(district(r), r);
    for (const [nominal, name, median, p5, p95, width] of rows as [number, string, number, number, number, number][]) {
      const r = byName.get(name)!;
      expect([name, nominal, median, p5, p95]).toEqual([name, mc.nominal[r], mc.median[r], mc.p5[r], mc.p95[r]]);
      expect(width).toBeCloseTo(p95 - p5, 12);
      expect(p5 <= median && median <= p95).toBe(true);
    }
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0])].sort((a, b) => Number(a) - Number(b)));
  });

  it("emphasises and draws the regions whose nominal rank is at most 20", () => {
    const top = [...mc.nominal].filter((x) => x <= 20).length;
    expect(plan.emphasisedRows).toBe(top);
    expect(plan.chart!.rows).toBe(top);
    expect(blockRange(planBlock(plan, "intervals"))).toMatch(/^H\d+:J\d+$/);
  });
});
