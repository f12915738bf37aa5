import { blockRange, planBlock, PlanValue, SheetPlan } from "../../src/plans/plan";
import { applySheetPlan, BLOCK_ROWS, POINTS_PER_CHAR } from "../../src/excel/apply-plan";
import type { ProgressStep } from "../../src/text";
import { FakeExcel, installFakeExcel, WorkbookInit } from "../fakes/fake-excel";
import { planOf, syntheticCells, workbookSnapshot } from "../fakes/scenarios";
import { readPanel } from "../../src/core/panel";
import { planRankChangeSheet } from "../../src/plans/rank-change-sheet";
import { twoYearPanel } from "../helpers/fixtures";

/** A workbook where the wanted names are already taken: a sheet 排名 with a table ZBDS_Ranking, and a defined name ZBDS_Provinces. */
const CROWDED: WorkbookInit = {
  sheets: [
    { name: "数据", cells: syntheticCells(5) },
    {
      name: "排名",
      cells: [
        ["旧的排名", 1],
        ["保留", 2],
      ],
      tables: [{ name: "ZBDS_Ranking", address: "A1:B2" }],
    },
  ],
  names: ["ZBDS_Provinces"],
  active: "数据",
  selection: "数据!B2",
};

/** What a plan cell reads back as from Excel: text as written, numbers, "" for a non-finite number, formulas as "=…". */
function shown(v: PlanValue): unknown {
  if (typeof v === "object") return `=${v.formula}`;
  return typeof v === "number" && !Number.isFinite(v) ? "" : v;
}

function apply(plan: SheetPlan, onProgress?: (f: number, s: ProgressStep) => void) {
  return Excel.run((context) => applySheetPlan(context, plan, { onProgress }));
}

describe("applySheetPlan: names and failures", () => {
  let fake: FakeExcel;
  beforeEach(() => (fake = installFakeExcel(globalThis, CROWDED)));

  it("writes to 排名 (2), leaves the existing 排名 untouched and takes free table names", async () => {
    const before = fake.cells("排名", "A1:B2");
    const result = await apply(planOf(syntheticCells(30)));
    expect(result.sheetName).toBe("排名 (2)");
    expect(result.tableNames).toEqual(["ZBDS_Ranking_2", "ZBDS_Provinces_2"]);
    expect(fake.cells("排名", "A1:B2")).toEqual(before);
    const old = fake.state().sheets.find((s) => s.name === "排名")!;
    expect(old.tables).toEqual([{ name: "ZBDS_Ranking", address: "A1:B2", style: "TableStyleMedium2" }]);
    expect(fake.state().sheets.map((s) => s.name)).toEqual(["数据", "排名", "排名 (2)"]);
  });

  it("leaves no sheet, table or chart behind when any sync fails, before or after its batch ran", async () => {
    const plan = planOf(syntheticCells(40));
    const before = workbookSnapshot(fake);
    const { syncs } = await apply(plan);
    for (let k = 1; k <= syncs; k++) {
      for (const applied of ["none", "all"] as const) {
        fake = installFakeExcel(globalThis, CROWDED);
        fake.failAt({ sync: k, applied });
        await expect(apply(plan)).rejects.toMatchObject({ code: "GeneralException" });
        fake.failAt(null);
        expect([k, applied, workbookSnapshot(fake)]).toEqual([k, applied, before]);
      }
    }
  });

  it("leaves the workbook as it was when any single operation fails", async () => {
    const plan = planOf(syntheticCells(12));
    const before = workbookSnapshot(fake);
    await apply(plan);
    const operations = fake.stats.operations;
    expect(operations).toBeGreaterThan(30);
    for (let k = 1; k <= operations; k++) {
      fake = installFakeExcel(globalThis, CROWDED);
      fake.failAt({ operation: k });
      await expect(apply(plan)).rejects.toThrow(/injected failure/);
      fake.failAt(null);
      expect([k, workbookSnapshot(fake)]).toEqual([k, before]);
    }
  });

  it("takes the next free name when the wanted one belongs to a chart sheet (invisible to worksheets.load)", async () => {
    fake = installFakeExcel(globalThis, { ...CROWDED, chartSheets: ["排名 (2)", "排名 (3)"] });
    const result = await apply(planOf(syntheticCells(10)));
    expect(result.sheetName).toBe("排名 (4)");
    expect(fake.state().sheets.map((s) => s.name)).toEqual(["数据", "排名", "排名 (4)"]);
    expect(fake.state().activeSheet).toBe("排名 (4)");
  });

  /** Runs the plan with a co-author adding a sheet just before our k-th sync. */
  const withCoAuthor = (k: number, name: string, plan: SheetPlan) =>
    Excel.run(async (context) => {
      const sync = context.sync.bind(context);
      let n = 0;
      context.sync = (async () => {
        if (++n === k) fake.addSheet(name);
        return sync();
      }) as typeof context.sync;
      return applySheetPlan(context, plan);
    });

  it("takes another name when a co-author creates the chosen one meanwhile, and keeps theirs", async () => {
    const result = await withCoAuthor(2, "排名 (2)", planOf(syntheticCells(10)));
    expect(result.sheetName).toBe("排名 (3)");
    // Ours was created first (under a placeholder name), the co-author's after it.
    expect(fake.state().sheets.map((s) => s.name)).toEqual(["数据", "排名", "排名 (3)", "排名 (2)"]);
  });

  it("on failure removes only the sheet it created, never a co-author's sheet of the name it chose", async () => {
    const before = fake.state().sheets.map((s) => s.name);
    // From sync 3 on, the new sheet holds the name itself and a co-author cannot take it.
    for (const k of [1, 2]) {
      fake = installFakeExcel(globalThis, CROWDED);
      fake.failAt({ sync: k });
      const error: unknown = await withCoAuthor(k, "排名 (2)", planOf(syntheticCells(10))).catch((e: unknown) => e);
      expect([k, (error as { code?: string }).code]).toEqual([k, "GeneralException"]);
      fake.failAt(null);
      expect([k, fake.state().sheets.map((s) => s.name)]).toEqual([k, [...before, "排名 (2)"]]);
      expect(fake.state().activeSheet).toBe("数据");
    }
  });

  it("rethrows the original error even when cleaning up fails too", async () => {
    const plan = planOf(syntheticCells(12));
    fake.failAt({ sync: 3 });
    const cleanupFails = Excel.run(async (context) => {
      const sync = context.sync.bind(context);
      let n = 0;
      context.sync = (async () => {
        n++;
        if (n > 4) throw new Error("cleanup failed");
        return sync();
      }) as typeof context.sync;
      return applySheetPlan(context, plan);
    });
    await expect(cleanupFails).rejects.toThrow(/injected failure at sync 3/);
  });
});

describe("applySheetPlan: the written sheet", () => {
  let fake: FakeExcel;
  const cells = syntheticCells(250);
  const plan = planOf(cells, "values", 100);
  const ranking = planBlock(plan, "ranking");
  const n = ranking.values.length - 1;
  let sheet: string;

  beforeAll(async () => {
    fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }] });
    sheet = (await apply(plan)).sheetName;
  });

  it("names the sheet 排名 and activates it", () => {
    expect(sheet).toBe("排名");
    expect(fake.state().activeSheet).toBe("排名");
  });

  it("writes every block's values where the plan puts them", () => {
    for (const b of plan.blocks) {
      expect([b.id, fake.values(sheet, blockRange(b))]).toEqual([b.id, b.values.map((r) => r.map(shown))]);
    }
  });

  it("formats the rank as an integer and the indices with two decimals, data rows only", () => {
    const formats = fake.cells(sheet, blockRange(ranking)).map((r) => r.map((c) => c.numberFormat));
    expect(formats[0]).toEqual(new Array(10).fill("General"));
    for (const row of formats.slice(1)) expect(row).toEqual(["0", "General", "General", "General", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"]);
  });

  it("makes both tables with their styles", () => {
    const s = fake.state().sheets.find((x) => x.name === sheet)!;
    expect(s.tables).toEqual([
      { name: "ZBDS_Ranking", address: blockRange(ranking), style: "TableStyleMedium2" },
      { name: "ZBDS_Provinces", address: blockRange(planBlock(plan, "summary")), style: "TableStyleLight9" },
    ]);
  });

  it("freezes the header row and sets every column's width from the plan (characters × 7 points)", () => {
    const s = fake.state().sheets.find((x) => x.name === sheet)!;
    // The title line and the header.
    expect(s.freezeRows).toBe(ranking.row + 1);
    expect(Object.values(s.columnWidths)).toEqual(plan.columnWidths.map((w) => w * POINTS_PER_CHAR));
    expect(s.columnWidths.D).toBe(plan.columnWidths[3] * 7);
  });

  it("puts a data bar on the total column's data rows", () => {
    const s = fake.state().sheets.find((x) => x.name === sheet)!;
    expect(s.conditionalFormats).toEqual([
      { type: "DataBar", address: `J${ranking.row + 2}:J${ranking.row + n + 1}`, barDirection: "LeftToRight", colorCriteria: null },
    ]);
  });

  it("fills and bolds the top N rows and no other data row; bolds the headers", () => {
    const top = plan.emphasisedRows;
    expect(top).toBeGreaterThanOrEqual(100);
    const rows = fake.cells(sheet, blockRange(ranking));
    expect(rows[0].every((c) => c.bold && c.fill === null)).toBe(true);
    rows.slice(1).forEach((r, i) => expect([i, r.every((c) => c.fill === (i < top ? plan.emphasisFill : null) && c.bold === i < top)]).toEqual([i, true]));
    const summary = planBlock(plan, "summary");
    expect(fake.cells(sheet, blockRange(summary))[0].every((c) => c.bold)).toBe(true);
  });

  it("draws the province chart from the summary at the plan's anchor and size, with its title", () => {
    const s = fake.state().sheets.find((x) => x.name === sheet)!;
    const c = plan.chart!;
    const summary = planBlock(plan, "summary");
    expect(s.charts).toEqual([
      {
        name: "Chart 1",
        type: "BarClustered",
        source: `排名!L${summary.row + 1}:M${summary.row + 1 + c.rows}`,
        seriesBy: "Columns",
        title: c.title,
        legendVisible: false,
        legendPosition: "Right",
        reversePlotOrder: true,
        tickLabelPosition: "Low",
        valueFormat: null,
        valueReversed: false,
        valueMinimum: null,
        startCell: `${String.fromCharCode(65 + c.anchorCol)}${c.anchorRow + 1}`,
        endCell: null,
        width: c.width,
        height: c.height,
        seriesWithoutFill: [],
      },
    ]);
    expect(summary.col).toBe(11);
  });

  it("writes the method note below the chart", () => {
    const note = planBlock(plan, "note");
    const values = fake.values(sheet, blockRange(note));
    expect(values[0][0]).toBe("方法说明");
    expect(values.map((r) => r[0])).toContain("缺失数据规则");
    expect(note.row).toBeGreaterThan(plan.chart!.anchorRow);
  });
});

describe("applySheetPlan: cells Excel would misread", () => {
  it("keeps names that look like formulas, numbers or booleans as text", async () => {
    const cells = syntheticCells(6);
    const odd = ["=1+1", "0012", "TRUE", "-", "+86", "'quoted"];
    odd.forEach((name, i) => (cells[i + 1][2] = name));
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }] });
    const plan = planOf(cells);
    const { sheetName } = await apply(plan);
    const written = fake.cells(sheetName, "D3:D8");
    expect(written.map((r) => r[0].formula)).toEqual(new Array(6).fill(null));
    expect(written.map((r) => r[0].value).sort()).toEqual([...odd].sort());
  });
});

describe("applySheetPlan: live formulas", () => {
  it("writes formula cells as formulas and the rest as values", async () => {
    const cells = syntheticCells(30);
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }] });
    const plan = planOf(cells, "formulas");
    const { sheetName } = await apply(plan);
    const ranking = planBlock(plan, "ranking");
    const got = fake.cells(sheetName, blockRange(ranking));
    ranking.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = got[r][c];
        expect([r, c, cell.formula ?? cell.value]).toEqual([r, c, shown(v)]);
      }),
    );
    expect(got[1][4].formula).toMatch(/^='数据'!\$D\$\d+$/);
    expect(got[1][9].formula).toMatch(/^=N\(E3\)\*\$O\$\d+\+N\(F3\)\*\$O\$\d+\+N\(G3\)\*\$O\$\d+\+N\(H3\)\*\$O\$\d+\+N\(I3\)\*\$O\$\d+$/);
  });
});

describe("applySheetPlan: syncs and payload", () => {
  const measure = async (rows: number, mode: "values" | "formulas" = "values") => {
    const cells = syntheticCells(rows);
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }] });
    const plan = planOf(cells, mode);
    const progress: [number, ProgressStep][] = [];
    const result = await apply(plan, (f, s) => progress.push([f, s]));
    return { result, stats: fake.stats, fake, plan, progress };
  };

  it("uses the same number of syncs for 100, 3,000 and 20,000 rows", async () => {
    const counts = [];
    for (const rows of [100, 3000, 20_000]) {
      const { result, stats } = await measure(rows);
      expect(result.syncs).toBe(stats.syncs);
      counts.push(stats.syncs);
    }
    expect(counts).toEqual([4, 4, 4]);
  });

  it("suspends calculation in every batch that writes and screen updating once", async () => {
    const { stats } = await measure(100);
    expect(stats.calculationSuspended).toBe(stats.syncs - 1);
    expect(stats.screenUpdatingSuspended).toBe(1);
  });

  it("reports progress from 0 to 1, rising, with step names", async () => {
    const { progress } = await measure(100);
    // The steps the pane names (text/pane.ts PROGRESS_TEXT), in the order they happen: both value batches, then format, then done.
    expect(progress.map((p) => p[1])).toEqual(["values", "values", "format", "done"]);
    expect(progress[progress.length - 1]).toEqual([1, "done"]);
    const fractions = progress.map((p) => p[0]);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  // The one place the 100,000-row budget is asserted (live formulas: the largest payload per row).
  it("adds one sync per further 10,000-row block at 100,000 rows, each under 4 MB with live formulas, and writes them all", async () => {
    const { stats, fake, result, plan } = await measure(100_000, "formulas");
    const blocks = Math.ceil(100_000 / BLOCK_ROWS);
    expect(stats.syncs).toBe(4 + (blocks - 2));
    expect(stats.maxPayloadBytes).toBeLessThan(4 * 1024 * 1024);
    const ranking = planBlock(plan, "ranking");
    expect(fake.formulas(result.sheetName, "A100002:J100002")).toEqual([ranking.values[100_000].map(shown)]);
    expect(fake.cells(result.sheetName, "J100002")[0][0].numberFormat).toBe("0.00");
    expect(fake.values(result.sheetName, "A100003:J100003")[0].every((v) => v === "")).toBe(true);
  }, 120_000);
});

describe("applySheetPlan: the rank change sheet's slope chart", () => {
  it("adds a line chart with markers, a line per region, ranks from 1 at the top, the legend at the right", async () => {
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells: twoYearPanel() }] });
    const plan = planRankChangeSheet(readPanel(twoYearPanel()), 2020, 2021, { lang: "zh", topN: 5, source: "数据" });
    const { sheetName } = await apply(plan);
    const slope = planBlock(plan, "slope");
    const [chart] = fake.state().sheets.find((x) => x.name === sheetName)!.charts;
    expect(chart).toMatchObject({
      type: "LineMarkers",
      seriesBy: "Columns",
      source: `${sheetName}!${blockRange(slope)}`,
      legendVisible: true,
      legendPosition: "Right",
      valueReversed: true,
      valueMinimum: 1,
      reversePlotOrder: false,
      valueFormat: "0",
    });
    expect(fake.values(sheetName, blockRange(slope))).toEqual(slope.values);
  });
});
