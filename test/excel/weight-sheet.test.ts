import { checkWeights, weightTableToCells } from "../../src/core/weights";
import { APPLY_PLAN_SYNCS as INSERT_WEIGHT_SHEET_SYNCS } from "../../src/excel/apply-plan";
import { insertWeightSheet, READ_WEIGHT_TABLE_AT_SYNCS, readWeightTableAt, selectCell } from "../../src/excel/weight-sheet";
import { listWeightTables, readsAsWeightHeader } from "../../src/excel/weights";
import { FakeExcel, installFakeExcel, WorkbookInit } from "../fakes/fake-excel";
import { syntheticCells, workbookSnapshot } from "../fakes/scenarios";
import { FRAMEWORK } from "../helpers/fixtures";

const PLAIN: WorkbookInit = { sheets: [{ name: "数据", cells: syntheticCells(5) }], selection: "数据!B2" };

/** A workbook where the wanted names are taken: a sheet 权重 and a table ZBDS_Weights elsewhere. */
const CROWDED: WorkbookInit = {
  sheets: [
    { name: "数据", cells: syntheticCells(5) },
    {
      name: "权重",
      cells: [
        ["旧的", "表"],
        [1, 2],
      ],
      tables: [{ name: "ZBDS_Weights", address: "A1:B2" }],
    },
  ],
  active: "数据",
  selection: "数据!C3",
};

function insert(lang: "zh" | "en" = "zh") {
  return Excel.run((context) => insertWeightSheet(context, lang));
}

/**
 * Evaluates the few formulas the weight sheet holds, from the fake's stored formulas (the fake
 * itself never calculates): [@[a]]*[@[b]], SUMIFS(T[a],T[b],G2), IFERROR(AVERAGEIFS(T[a],T[b],G2),0), SUM(H2:H6).
 */
function evaluator(fake: FakeExcel, sheet: string, tableName: string) {
  const header = fake.values(sheet, "A1:E1")[0] as string[];
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no column ${name} in ${header.join(", ")}`);
    return i;
  };
  const letter = (c: number) => String.fromCharCode(65 + c);
  const cell = (ref: string): number | string => {
    const [{ value, formula }] = fake.cells(sheet, ref)[0];
    return formula ? evaluate(formula, Number(/\d+/.exec(ref)![0]) - 1) : (value as number | string);
  };
  const column = (t: string, name: string) => {
    expect(t).toBe(tableName);
    const c = col(name);
    return Array.from({ length: 19 }, (_, i) => cell(`${letter(c)}${i + 2}`));
  };
  function evaluate(formula: string, row: number): number {
    let m = /^=\[@\[(.+?)\]\]\*\[@\[(.+?)\]\]$/.exec(formula);
    if (m) return Number(cell(`${letter(col(m[1]))}${row + 1}`)) * Number(cell(`${letter(col(m[2]))}${row + 1}`));
    m = /^=SUMIFS\((\w+)\[(.+?)\],(\w+)\[(.+?)\],([A-Z]+\d+)\)$/.exec(formula);
    if (m) {
      const [values, keys, key] = [column(m[1], m[2]), column(m[3], m[4]), cell(m[5])];
      return values.reduce<number>((s, v, i) => (keys[i] === key ? s + Number(v) : s), 0);
    }
    m = /^=IFERROR\(AVERAGEIFS\((\w+)\[(.+?)\],(\w+)\[(.+?)\],([A-Z]+\d+)\),0\)$/.exec(formula);
    if (m) {
      const [values, keys, key] = [column(m[1], m[2]), column(m[3], m[4]), cell(m[5])];
      const picked = values.filter((v, i) => keys[i] === key && v !== "").map(Number);
      return picked.length ? picked.reduce((s, v) => s + v, 0) / picked.length : 0;
    }
    m = /^=SUM\(([A-Z])(\d+):([A-Z])(\d+)\)$/.exec(formula);
    if (m && m[1] === m[3]) {
      let s = 0;
      for (let r = Number(m[2]); r <= Number(m[4]); r++) s += Number(cell(`${m[1]}${r}`));
      return s;
    }
    throw new Error(`the test cannot evaluate ${formula}`);
  }
  return cell;
}

describe("insertWeightSheet: the sheet", () => {
  let fake: FakeExcel;
  let result: Awaited<ReturnType<typeof insert>>;
  beforeAll(async () => {
    fake = installFakeExcel(globalThis, PLAIN);
    result = await insert("zh");
  });

  it("adds the sheet 权重 with the table ZBDS_Weights over A1:E20: a header and 19 indicator rows", () => {
    expect(result).toEqual({ sheetName: "权重", tableName: "ZBDS_Weights", address: "权重!A1:E20" });
    const sheet = fake.state().sheets.find((s) => s.name === "权重")!;
    expect(sheet.tables).toEqual([{ name: "ZBDS_Weights", address: "A1:E20", style: "TableStyleMedium2" }]);
    expect(fake.state().sheets.map((s) => s.name)).toEqual(["数据", "权重"]);
  });

  it("holds the report's weights in the canonical layout, as LIVEWEIGHTS() gives them", () => {
    expect(fake.values("权重", "A1:D20")).toEqual(weightTableToCells("zh"));
    expect(fake.values("权重", "E1")).toEqual([["有效权重"]]);
  });

  it("formats the weights as 0% and the effective weights as 0.0%", () => {
    const formats = fake.cells("权重", "C2:E20").map((r) => r.map((c) => c.numberFormat));
    for (const row of formats) expect(row).toEqual(["0%", "0%", "0.0%"]);
    expect(fake.cells("权重", "C1")[0][0].numberFormat).toBe("General");
  });

  it("validates both weight columns as decimals between 0 and 1 (0–100%), with a message in the sheet's language", () => {
    const sheet = fake.state().sheets.find((s) => s.name === "权重")!;
    expect(sheet.dataValidations).toHaveLength(1);
    const [v] = sheet.dataValidations;
    expect(v.address).toBe("C2:D20");
    expect(v.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
    expect(v.errorAlert).toMatchObject({ showAlert: true, style: "Stop", title: "权重无效" });
    expect((v.errorAlert as { message: string }).message).toContain("0% 到 100%");
    expect(v.prompt).toMatchObject({ showPrompt: true });
  });

  it("computes each effective weight by formula from its own row: dimension weight × indicator weight", () => {
    const formulas = fake.formulas("权重", "E2:E20").map((r) => r[0]);
    expect(new Set(formulas)).toEqual(new Set(["=[@[一级指标权重]]*[@[二级指标权重]]"]));
    const cell = evaluator(fake, "权重", "ZBDS_Weights");
    // Independent: the printed table (test/helpers/fixtures.ts), in the weight table's order.
    const expected = FRAMEWORK.flatMap((d) => d.indicators.map((i) => (d.weight / 100) * (i.weight / 100)));
    expected.forEach((w, i) => expect([i, cell(`E${i + 2}`)]).toEqual([i, expect.closeTo(w, 12)]));
  });

  it("shows beside the table, by formulas over its columns, each dimension's weight and sums, and the totals", () => {
    const side = fake.values("权重", "G1:J1")[0];
    expect(side).toEqual(["一级指标", "一级指标权重", "二级指标权重之和", "有效权重之和"]);
    expect(fake.values("权重", "G2:G7").map((r) => r[0])).toEqual([...FRAMEWORK.map((d) => d.zh), "合计"]);
    const formulas = fake.formulas("权重", "H2:J2")[0];
    expect(formulas).toEqual([
      "=IFERROR(AVERAGEIFS(ZBDS_Weights[一级指标权重],ZBDS_Weights[一级指标],G2),0)",
      "=SUMIFS(ZBDS_Weights[二级指标权重],ZBDS_Weights[一级指标],G2)",
      "=SUMIFS(ZBDS_Weights[有效权重],ZBDS_Weights[一级指标],G2)",
    ]);
    expect(fake.formulas("权重", "H7:J7")[0]).toEqual(["=SUM(H2:H6)", "", "=SUM(J2:J6)"]);

    const cell = evaluator(fake, "权重", "ZBDS_Weights");
    FRAMEWORK.forEach((d, i) => {
      const indicatorSum = d.indicators.reduce((s, x) => s + x.weight, 0) / 100;
      expect([d.id, cell(`H${i + 2}`), cell(`I${i + 2}`), cell(`J${i + 2}`)]).toEqual([
        d.id,
        expect.closeTo(d.weight / 100, 12),
        expect.closeTo(indicatorSum, 12),
        expect.closeTo((d.weight / 100) * indicatorSum, 12),
      ]);
    });
    // The printed dimension weights sum to 100%; the supply indicators (6 × 16%) to 96%.
    expect(cell("H7")).toBeCloseTo(1, 12);
    expect(cell("I3")).toBeCloseTo(0.96, 12);
    const formats = fake.cells("权重", "H2:J7").map((r) => r.map((c) => c.numberFormat));
    for (const row of formats) expect(row).toEqual(["0%", "0%", "0.0%"]);
  });

  it("reads as a weight table: checkWeights finds no error, listWeightTables lists it", async () => {
    const check = checkWeights(fake.values("权重", "A1:E20"));
    expect(check.success).toBe(true);
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    // The one finding: the report's own printed rounding, explained as such.
    expect(new Set(check.findings.map((f) => f.code))).toEqual(new Set(["W_ROUNDED"]));
    expect(readsAsWeightHeader(fake.values("权重", "A1:E1")[0])).toBe(true);
    expect(await Excel.run((c) => listWeightTables(c))).toEqual([{ name: "ZBDS_Weights", address: "权重!A1:E20" }]);
  });

  it("selects the table on the new sheet, bolds the side headers and sets column widths", () => {
    expect(fake.state().activeSheet).toBe("权重");
    expect(fake.state().selection).toBe("权重!A1:E20");
    expect(fake.cells("权重", "G1:J1")[0].every((c) => c.bold)).toBe(true);
    const widths = fake.state().sheets.find((s) => s.name === "权重")!.columnWidths;
    expect(Object.keys(widths)).toEqual(["A", "B", "C", "D", "E", "G", "H", "I", "J"]);
    expect(widths.B).toBeGreaterThan(widths.C);
  });
});

describe("insertWeightSheet: English, names in use, syncs, failures", () => {
  it("writes English headers and formulas that name the English columns", async () => {
    const fake = installFakeExcel(globalThis, PLAIN);
    const result = await insert("en");
    expect(result).toEqual({ sheetName: "Weights", tableName: "ZBDS_Weights", address: "Weights!A1:E20" });
    expect(fake.values("Weights", "A1:E1")[0]).toEqual(["Dimension", "Indicator", "Dimension weight", "Indicator weight", "Effective weight"]);
    expect(fake.formulas("Weights", "E2")[0][0]).toBe("=[@[Dimension weight]]*[@[Indicator weight]]");
    expect(fake.formulas("Weights", "I2")[0][0]).toBe("=SUMIFS(ZBDS_Weights[Indicator weight],ZBDS_Weights[Dimension],G2)");
    expect(fake.values("Weights", "G7")[0][0]).toBe("Total");
    const check = checkWeights(fake.values("Weights", "A1:E20"));
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    const cell = evaluator(fake, "Weights", "ZBDS_Weights");
    expect(cell("J7")).toBeCloseTo(
      FRAMEWORK.reduce((s, d) => s + (d.weight / 100) * (d.indicators.reduce((t, i) => t + i.weight, 0) / 100), 0),
      12,
    );
  });

  it("takes free names, points its formulas at its own table and leaves the existing sheet and table alone", async () => {
    const fake = installFakeExcel(globalThis, CROWDED);
    const before = fake.cells("权重", "A1:B2");
    const result = await insert("zh");
    expect(result).toEqual({ sheetName: "权重 (2)", tableName: "ZBDS_Weights_2", address: "'权重 (2)'!A1:E20" });
    expect(fake.cells("权重", "A1:B2")).toEqual(before);
    expect(fake.formulas("权重 (2)", "I2")[0][0]).toBe("=SUMIFS(ZBDS_Weights_2[二级指标权重],ZBDS_Weights_2[一级指标],G2)");
  });

  it(`makes ${INSERT_WEIGHT_SHEET_SYNCS} syncs`, async () => {
    const fake = installFakeExcel(globalThis, PLAIN);
    await insert();
    expect(fake.stats.syncs).toBe(INSERT_WEIGHT_SHEET_SYNCS);
  });

  it("leaves the workbook as it was when any sync fails, before or after its batch ran", async () => {
    const before = workbookSnapshot(installFakeExcel(globalThis, CROWDED));
    for (let k = 1; k <= INSERT_WEIGHT_SHEET_SYNCS; k++) {
      for (const applied of ["none", "all"] as const) {
        const fake = installFakeExcel(globalThis, CROWDED);
        fake.failAt({ sync: k, applied });
        await expect(insert()).rejects.toMatchObject({ code: "GeneralException" });
        fake.failAt(null);
        expect([k, applied, workbookSnapshot(fake)]).toEqual([k, applied, before]);
      }
    }
  });

  it("leaves the workbook as it was when any single operation fails", async () => {
    let fake = installFakeExcel(globalThis, CROWDED);
    const before = workbookSnapshot(fake);
    await insert();
    const operations = fake.stats.operations;
    expect(operations).toBeGreaterThan(20);
    for (let k = 1; k <= operations; k++) {
      fake = installFakeExcel(globalThis, CROWDED);
      fake.failAt({ operation: k });
      await expect(insert()).rejects.toThrow(/injected failure/);
      fake.failAt(null);
      expect([k, workbookSnapshot(fake)]).toEqual([k, before]);
    }
  });
});

describe("readWeightTableAt", () => {
  const init: WorkbookInit = {
    sheets: [
      { name: "数据", cells: syntheticCells(3) },
      { name: "My weights", at: "B3", cells: weightTableToCells("en"), tables: [{ name: "Mine", address: "B3:E22" }] },
    ],
  };

  it("returns the table's values, header included, with its sheet, address and top-left cell (zero-based)", async () => {
    installFakeExcel(globalThis, init);
    const at = await Excel.run((c) => readWeightTableAt(c, "mine"));
    expect(at).toEqual({ cells: weightTableToCells("en"), sheetName: "My weights", address: "'My weights'!B3:E22", top: 2, left: 1 });
  });

  it(`makes ${READ_WEIGHT_TABLE_AT_SYNCS} syncs`, async () => {
    const fake = installFakeExcel(globalThis, init);
    await Excel.run((c) => readWeightTableAt(c, "Mine"));
    expect(fake.stats.syncs).toBe(READ_WEIGHT_TABLE_AT_SYNCS);
  });

  it("names the tables there are when the wanted one is missing", async () => {
    installFakeExcel(globalThis, init);
    await expect(Excel.run((c) => readWeightTableAt(c, "Gone"))).rejects.toMatchObject({ code: "BAD_OPTION", params: { value: '"Gone"', options: "Mine" } });
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the one cell (zero-based row and column)", async () => {
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据" }, { name: "My weights" }], active: "数据" });
    await Excel.run((c) => selectCell(c, "My weights", 4, 3));
    expect(fake.state()).toMatchObject({ activeSheet: "My weights", selection: "'My weights'!D5" });
    expect(fake.stats.syncs).toBe(2);
  });

  it("names the sheets there are when the sheet is gone, and changes nothing", async () => {
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据" }, { name: "权重" }], selection: "数据!B2" });
    await expect(Excel.run((c) => selectCell(c, "Gone", 0, 0))).rejects.toMatchObject({ code: "BAD_OPTION", params: { options: "数据, 权重" } });
    expect(fake.state().selection).toBe("数据!B2");
  });

  it("takes the user to the cell a finding names in an inserted and then edited table", async () => {
    const fake = installFakeExcel(globalThis, PLAIN);
    const { tableName } = await insert("zh");
    fake.setValues("权重", "D6", [["abc"]]);
    const at = await Excel.run((c) => readWeightTableAt(c, tableName));
    const finding = checkWeights(at.cells).findings.find((f) => f.code === "W_NOT_NUMBER")!;
    expect([finding.row, finding.column]).toEqual([5, 3]);
    fake.select("数据!A1");
    await Excel.run((c) => selectCell(c, at.sheetName, at.top + finding.row!, at.left + finding.column!));
    expect(fake.state()).toMatchObject({ activeSheet: "权重", selection: "权重!D6" });
  });
});

describe("readWeightTableAt: a weight table with a Total Row", () => {
  it("reads the weights without the totals row", async () => {
    const cells: unknown[][] = [...weightTableToCells("zh"), ["合计", "", 1, ""]];
    installFakeExcel(globalThis, { sheets: [{ name: "权重", cells, tables: [{ name: "W", address: "A1:D21", showTotals: true }] }] });
    const at = await Excel.run((c) => readWeightTableAt(c, "W"));
    expect(at.cells).toEqual(weightTableToCells("zh"));
  });
});
