import { APPLY_PLAN_SYNCS } from "../../src/excel/apply-plan";
import { serializeWeightTable } from "../../src/core/weight-store";
import { checkWeights, REPORT_WEIGHT_TABLE, WeightTable, weightTableToCells } from "../../src/core/weights";
import { BASELINE_SETTING, loadBaseline, logRows, saveBaseline, WEIGHT_LOG_TABLE } from "../../src/excel/baseline";
import { FakeExcel, installFakeExcel, WorkbookInit } from "../fakes/fake-excel";
import { syntheticCells, workbookSnapshot } from "../fakes/scenarios";

// Rows of the canonical table: 0 header; goods 1–4; supply 5–10; viewing 11–13; quality 14–17; industry 18–19.
const DW = 2;
const IW = 3;
const NOW = "2026-03-01 10:00";
const LATER = "2026-03-02 16:30";

/** A weight table parsed by checkWeights from the report's cells after `edit` changed them. */
function table(edit: (rows: unknown[][]) => void = () => undefined): WeightTable {
  const rows: unknown[][] = weightTableToCells("zh").map((r) => [...r]);
  edit(rows);
  const check = checkWeights(rows);
  if (!check.success) throw new Error(`test table is invalid: ${JSON.stringify(check.findings)}`);
  return check.table;
}

/** Goods 40% → 50% (all four of its rows), and views 33% → 40%. */
const EDITED = table((rows) => {
  for (let r = 1; r <= 4; r++) rows[r][DW] = 0.5;
  rows[11][IW] = 0.4;
});

const PLAIN: WorkbookInit = { sheets: [{ name: "数据", cells: syntheticCells(3) }], selection: "数据!B2" };

function save(t: WeightTable, lang: "zh" | "en" = "zh", now = NOW) {
  return Excel.run((c) => saveBaseline(c, t, lang, now));
}
const load = () => Excel.run((c) => loadBaseline(c));

describe("loadBaseline: what is ignored", () => {
  it("gives null when no baseline was saved", async () => {
    installFakeExcel(globalThis, PLAIN);
    expect(await load()).toBeNull();
  });

  it.each([
    ["text that is not JSON", "{not json"],
    ["another format version", JSON.stringify({ ...JSON.parse(serializeWeightTable(REPORT_WEIGHT_TABLE)), version: 9 })],
    ["a mapping setting's shape", JSON.stringify({ version: 1, keys: ["skip"] })],
    ["a number", 42],
    ["null", null],
  ])("gives null for garbage in the setting: %s", async (_what, stored) => {
    installFakeExcel(globalThis, { ...PLAIN, settings: { [BASELINE_SETTING]: stored } });
    expect(await load()).toBeNull();
  });

  it("makes one sync", async () => {
    const fake = installFakeExcel(globalThis, PLAIN);
    await load();
    expect(fake.stats.syncs).toBe(1);
  });
});

describe("saveBaseline and loadBaseline: round trip through the workbook", () => {
  it("stores the table in the workbook's settings as text and reads it back equal", async () => {
    const fake = installFakeExcel(globalThis, PLAIN);
    await save(EDITED);
    expect(fake.state().settings[BASELINE_SETTING]).toBe(serializeWeightTable(EDITED));
    expect(await load()).toEqual(EDITED);
  });

  it("replaces the baseline on a second save", async () => {
    installFakeExcel(globalThis, PLAIN);
    await save(REPORT_WEIGHT_TABLE);
    await save(EDITED);
    expect(await load()).toEqual(EDITED);
  });
});

describe("saveBaseline: the log on the first save", () => {
  let fake: FakeExcel;
  beforeEach(() => (fake = installFakeExcel(globalThis, PLAIN)));

  it("creates the sheet 权重日志 with the table ZBDS_WeightLog and one 首次保存基准 row: one sync, then the plan applier's", async () => {
    expect(await save(REPORT_WEIGHT_TABLE)).toEqual({ logSheet: "权重日志", logged: 1 });
    expect(fake.stats.syncs).toBe(1 + APPLY_PLAN_SYNCS);
    const sheet = fake.state().sheets.find((s) => s.name === "权重日志")!;
    expect(sheet.tables).toEqual([{ name: WEIGHT_LOG_TABLE, address: "A1:D2", style: "TableStyleLight9" }]);
    expect(fake.values("权重日志")).toEqual([
      ["时间", "变更内容", "原值", "新值"],
      [NOW, "首次保存基准", "", ""],
    ]);
  });

  it("keeps the time as text and leaves the active sheet alone", async () => {
    await save(REPORT_WEIGHT_TABLE);
    expect(typeof fake.values("权重日志", "A2")[0][0]).toBe("string");
    expect(fake.state().activeSheet).toBe("数据");
  });

  it("writes the log in English when asked", async () => {
    expect(await save(REPORT_WEIGHT_TABLE, "en")).toEqual({ logSheet: "Weight log", logged: 1 });
    expect(fake.values("Weight log")).toEqual([
      ["When", "What", "From", "To"],
      [NOW, "Initial baseline", "", ""],
    ]);
  });

  it("takes a free sheet name when 权重日志 is a sheet of the user's", async () => {
    fake = installFakeExcel(globalThis, { sheets: [{ name: "权重日志", cells: [["mine"]] }] });
    expect(await save(REPORT_WEIGHT_TABLE)).toEqual({ logSheet: "权重日志 (2)", logged: 1 });
    expect(fake.values("权重日志")).toEqual([["mine"]]);
  });

  it("logs that an unreadable previous baseline was replaced", async () => {
    fake = installFakeExcel(globalThis, { ...PLAIN, settings: { [BASELINE_SETTING]: "{damaged" } });
    await save(REPORT_WEIGHT_TABLE);
    expect(fake.values("权重日志", "B2")[0][0]).toBe("保存基准（原有基准无法读取，按首次保存记录）");
    expect(await load()).toEqual(REPORT_WEIGHT_TABLE);
  });
});

describe("saveBaseline: the log on later saves", () => {
  let fake: FakeExcel;
  beforeEach(async () => {
    fake = installFakeExcel(globalThis, PLAIN);
    await save(REPORT_WEIGHT_TABLE);
    fake.resetStats();
  });

  it("adds one row per changed weight, names in the language asked, from and to as fractions formatted 0.0%, in three syncs", async () => {
    expect(await save(EDITED, "zh", LATER)).toEqual({ logSheet: "权重日志", logged: 2 });
    expect(fake.stats.syncs).toBe(3);
    expect(fake.state().sheets.find((s) => s.name === "权重日志")!.tables[0].address).toBe("A1:D4");
    expect(fake.values("权重日志", "A3:D4")).toEqual([
      [LATER, "一级指标权重：直播商品消费指数", 0.4, 0.5],
      [LATER, `二级指标权重：${String(weightTableToCells("zh")[11][1])}`, 0.33, 0.4],
    ]);
    const formats = fake.cells("权重日志", "A3:D4").map((r) => r.map((c) => c.numberFormat));
    expect(formats).toEqual([
      ["General", "General", "0.0%", "0.0%"],
      ["General", "General", "0.0%", "0.0%"],
    ]);
  });

  it("logs the indicators whose weight changed, not those whose effective weight moved with them", () => {
    const rows = logRows(true, REPORT_WEIGHT_TABLE, EDITED, "en", LATER);
    expect(rows.map((r) => r[1])).toEqual(["Dimension weight: Live-stream goods consumption", `Indicator weight: ${String(weightTableToCells("en")[11][1])}`]);
  });

  it("adds one 'no weight changed' row when the table is the baseline already", async () => {
    expect(await save(REPORT_WEIGHT_TABLE, "en", LATER)).toEqual({ logSheet: "权重日志", logged: 1 });
    expect(fake.values("权重日志", "A3:D3")).toEqual([[LATER, "Baseline saved again (no weight changed)", "", ""]]);
  });

  it("appends to the log table wherever it is, and to a column the user added", async () => {
    fake = installFakeExcel(globalThis, {
      sheets: [
        { name: "数据", cells: syntheticCells(3) },
        {
          name: "Notes",
          at: "B3",
          cells: [
            ["When", "What", "From", "To", "Why"],
            ["x", "Initial baseline", "", "", "agreed"],
          ],
          tables: [{ name: WEIGHT_LOG_TABLE, address: "B3:F4" }],
        },
      ],
      settings: { [BASELINE_SETTING]: serializeWeightTable(REPORT_WEIGHT_TABLE) },
    });
    expect(await save(EDITED, "en", LATER)).toEqual({ logSheet: "Notes", logged: 2 });
    expect(fake.state().sheets.find((s) => s.name === "Notes")!.tables[0].address).toBe("B3:F6");
    expect(fake.values("Notes", "B5:F5")).toEqual([[LATER, "Dimension weight: Live-stream goods consumption", 0.4, 0.5, ""]]);
    expect(
      fake
        .cells("Notes", "D5:E6")
        .flat()
        .map((c) => c.numberFormat),
    ).toEqual(new Array(4).fill("0.0%"));
  });
});

describe("saveBaseline: nothing half-written", () => {
  /** A workbook whose first baseline is saved, so that the next save appends. */
  async function withBaseline(): Promise<FakeExcel> {
    const fake = installFakeExcel(globalThis, PLAIN);
    await save(REPORT_WEIGHT_TABLE);
    return fake;
  }

  for (const [what, setUp, syncs] of [
    ["the first save", async () => installFakeExcel(globalThis, { ...PLAIN, settings: { [BASELINE_SETTING]: "{damaged" } }), 2],
    ["a later save", withBaseline, 3],
  ] as const) {
    it(`leaves settings, sheets and log as they were when any sync of ${what} fails, before or after its batch ran`, async () => {
      const before = workbookSnapshot(await setUp());
      for (let k = 1; k <= syncs; k++) {
        for (const applied of ["none", "all"] as const) {
          const fake = await setUp();
          fake.failAt({ sync: k, applied });
          await expect(save(EDITED, "zh", LATER)).rejects.toMatchObject({ code: "GeneralException" });
          fake.failAt(null);
          expect([k, applied, workbookSnapshot(fake)]).toEqual([k, applied, before]);
        }
      }
    });

    it(`leaves everything as it was when any single operation of ${what} fails`, async () => {
      let fake = await setUp();
      const before = workbookSnapshot(fake);
      fake.resetStats();
      await save(EDITED, "zh", LATER);
      const operations = fake.stats.operations;
      expect(operations).toBeGreaterThan(5);
      for (let k = 1; k <= operations; k++) {
        fake = await setUp();
        fake.failAt({ operation: k });
        await expect(save(EDITED, "zh", LATER)).rejects.toThrow(/injected failure/);
        fake.failAt(null);
        expect([k, workbookSnapshot(fake)]).toEqual([k, before]);
      }
    });
  }
});
