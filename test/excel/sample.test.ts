import { APPLY_PLAN_SYNCS } from "../../src/excel/apply-plan";
import { REPORT_TOP100_2020, REPORT_TOP100_HEADERS } from "../../src/data/report2020";
import { insertSampleData } from "../../src/excel/sample";
import { sampleTableCells } from "../../src/plans/sample-sheet";
import { installFakeExcel } from "../fakes/fake-excel";
import { workbookSnapshot } from "../fakes/scenarios";

describe("insertSampleData: names and failures", () => {
  it("takes free sheet and table names when the wanted ones are taken", async () => {
    installFakeExcel(globalThis, { sheets: [{ name: "样例数据", cells: [["mine"]], tables: [{ name: "ZBDS_Sample", address: "A1:A2" }] }] });
    const r = await Excel.run((c) => insertSampleData(c, "zh"));
    expect(r).toEqual({ sheetName: "样例数据 (2)", tableName: "ZBDS_Sample_2", address: "'样例数据 (2)'!A1:J101" });
  });

  it("leaves the workbook as it was when any sync or operation fails", async () => {
    const init = { sheets: [{ name: "Sheet1", cells: [["a", 1]] }] };
    let fake = installFakeExcel(globalThis, init);
    const before = workbookSnapshot(fake);
    await Excel.run((c) => insertSampleData(c, "en"));
    const { syncs, operations } = fake.stats;
    const plans = [
      ...Array.from({ length: syncs }, (_, i) => ({ sync: i + 1, applied: "all" as const })),
      ...Array.from({ length: operations }, (_, i) => ({ operation: i + 1 })),
    ];
    for (const plan of plans) {
      fake = installFakeExcel(globalThis, init);
      fake.failAt(plan);
      await expect(Excel.run((c) => insertSampleData(c, "en"))).rejects.toThrow(/injected failure/);
      fake.failAt(null);
      expect([plan, workbookSnapshot(fake)]).toEqual([plan, before]);
    }
  });
});

describe("insertSampleData", () => {
  it("writes the report's Top-100 as a 101 × 10 table on 样例数据, '-' as printed", async () => {
    const fake = installFakeExcel(globalThis);
    const r = await Excel.run((c) => insertSampleData(c, "zh"));
    expect(r).toEqual({ sheetName: "样例数据", tableName: "ZBDS_Sample", address: "样例数据!A1:J101" });
    const values = fake.values("样例数据", "A1:J101");
    expect(values.length).toBe(101);
    expect(values.every((row) => row.length === 10)).toBe(true);
    expect(values[0]).toEqual([...REPORT_TOP100_HEADERS]);
    expect(values[1]).toEqual([1, "浙江省", "杭州市", "滨江区", 25.59, 100, 100, 81.4, 100, 78.61]);
    const shanghai = REPORT_TOP100_2020.findIndex((x) => x.city === null);
    expect(values[shanghai + 1][2]).toBe("-");
    expect(fake.cells("样例数据", "C5")[0][0].formula).toBeNull();
    expect(values).toEqual(sampleTableCells());
  });

  it("makes the table, freezes its header, sets widths and number formats, and selects it", async () => {
    const fake = installFakeExcel(globalThis);
    await Excel.run((c) => insertSampleData(c, "en"));
    const state = fake.state();
    const sheet = state.sheets.find((s) => s.name === "Sample data")!;
    expect(sheet.tables).toEqual([{ name: "ZBDS_Sample", address: "A1:J101", style: "TableStyleMedium2" }]);
    expect(sheet.freezeRows).toBe(1);
    expect(Object.keys(sheet.columnWidths)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]);
    expect(sheet.columnWidths.K).toBeUndefined();
    expect(state.activeSheet).toBe("Sample data");
    expect(state.selection).toBe("'Sample data'!A1:J101");
    expect(fake.cells("Sample data", "A2:J2")[0].map((c) => c.numberFormat)).toEqual([
      "0",
      "General",
      "General",
      "General",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
      "0.00",
    ]);
    expect(fake.stats.syncs).toBe(APPLY_PLAN_SYNCS);
  });
});
