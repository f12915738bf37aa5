/**
 * The fake itself: the Office.js behaviour the tests of src/excel rely on.
 */
import { FakeOfficeError, installFakeExcel } from "../fakes/fake-excel";

describe("the fake's proxy semantics", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    installFakeExcel(globalThis, { sheets: [{ name: "S", cells: [[1, 2]] }] });
    await Excel.run(async (c) => {
      const r = c.workbook.worksheets.getItem("S").getRange("A1:B1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await c.sync();
      expect(r.values).toEqual([[1, 2]]);
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("runs queued writes at sync, in order, and counts syncs and payload bytes", async () => {
    const fake = installFakeExcel(globalThis);
    await Excel.run(async (c) => {
      const r = c.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [["区", 1]];
      expect(fake.values("Sheet1", "A1:B1")).toEqual([["", ""]]);
      await c.sync();
    });
    expect(fake.values("Sheet1", "A1:B1")).toEqual([["区", 1]]);
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.maxPayloadBytes).toBe(Buffer.byteLength(JSON.stringify([["区", 1]])));
  });

  it("reads '=' as a formula and a leading apostrophe as text, and leaves a cell alone for null", async () => {
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "S", cells: [["keep", 0, 0]] }] });
    await Excel.run(async (c) => {
      c.workbook.worksheets.getItem("S").getRange("A1:C1").values = [[null, "=B9", "'=text"]];
      await c.sync();
    });
    expect(fake.cells("S", "A1:C1")[0].map((x) => [x.value, x.formula])).toEqual([
      ["keep", null],
      ["=B9", "=B9"],
      ["=text", null],
    ]);
  });

  it("rejects an array whose shape differs from the range", async () => {
    installFakeExcel(globalThis);
    const run = Excel.run(async (c) => {
      c.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
      await c.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("keeps the operations before a failing one applied, and drops the rest of the batch", async () => {
    const fake = installFakeExcel(globalThis);
    fake.failAt({ operation: 2 });
    const run = Excel.run(async (c) => {
      c.workbook.worksheets.add("One");
      c.workbook.worksheets.add("Two");
      c.workbook.worksheets.add("Three");
      await c.sync();
    });
    await expect(run).rejects.toBeInstanceOf(FakeOfficeError);
    expect(fake.state().sheets.map((s) => s.name)).toEqual(["Sheet1", "One"]);
  });

  it("fails a chosen sync before or after running its batch", async () => {
    const fake = installFakeExcel(globalThis);
    const addSheet = (name: string) =>
      Excel.run(async (c) => {
        c.workbook.worksheets.add(name);
        await c.sync();
      });
    fake.failAt({ sync: 1 });
    await expect(addSheet("A")).rejects.toThrow(/sync 1/);
    fake.failAt({ sync: 1, applied: "all" });
    await expect(addSheet("B")).rejects.toThrow(/after sync 1/);
    expect(fake.state().sheets.map((s) => s.name)).toEqual(["Sheet1", "B"]);
  });

  it("gives null objects that say so after a sync", async () => {
    installFakeExcel(globalThis);
    await Excel.run(async (c) => {
      const missing = c.workbook.worksheets.getItemOrNullObject("Nope").load("name");
      const there = c.workbook.worksheets.getItemOrNullObject("sheet1").load("name");
      await c.sync();
      expect([missing.isNullObject, there.isNullObject, there.name]).toEqual([true, false, "Sheet1"]);
    });
  });

  it("refuses a second sheet of the same name (case-insensitively) and overlapping tables", async () => {
    installFakeExcel(globalThis, {
      sheets: [
        {
          name: "S",
          cells: [
            ["a", "b"],
            [1, 2],
          ],
          tables: [{ name: "T", address: "A1:B2" }],
        },
      ],
    });
    const addSheet = Excel.run(async (c) => {
      c.workbook.worksheets.add("s");
      await c.sync();
    });
    await expect(addSheet).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    const addTable = Excel.run(async (c) => {
      c.workbook.worksheets.getItem("S").tables.add("B2:C3", true);
      await c.sync();
    });
    await expect(addTable).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("reads a table address without a sheet name as the active sheet's, as documented, and refuses it on another sheet's collection", async () => {
    installFakeExcel(globalThis, { sheets: [{ name: "Active" }, { name: "New" }], active: "Active" });
    const run = Excel.run(async (c) => {
      c.workbook.worksheets.getItem("New").tables.add("A1:B2", true);
      await c.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("finds the surrounding region through diagonal neighbours and stops at blank rows and columns", async () => {
    const fake = installFakeExcel(globalThis);
    fake.setValues("Sheet1", "B2", [
      ["a", ""],
      ["", "b"],
    ]);
    fake.setValues("Sheet1", "D3", [["c"]]);
    fake.setValues("Sheet1", "F6", [["far"]]);
    fake.select("B2");
    const address = await Excel.run(async (c) => {
      const r = c.workbook.getSelectedRange().getSurroundingRegion().load("address");
      await c.sync();
      return r.address;
    });
    expect(address).toBe("Sheet1!B2:D3");
  });

  it("installs a minimal Office global with the display language", async () => {
    const target: Record<string, unknown> = {};
    installFakeExcel(target, { displayLanguage: "en-US" });
    const office = target.Office as { context: { displayLanguage: string }; onReady: () => Promise<{ host: string }> };
    expect(office.context.displayLanguage).toBe("en-US");
    await expect(office.onReady()).resolves.toMatchObject({ host: "Excel" });
  });
});

describe("the fake's data validation", () => {
  it("records a rule with its alert and prompt, replaces rules inside its range, and clears", async () => {
    const fake = installFakeExcel(globalThis);
    await Excel.run(async (c) => {
      const s = c.workbook.worksheets.getItem("Sheet1");
      s.getRange("C2:C3").dataValidation.rule = { wholeNumber: { formula1: 1, operator: Excel.DataValidationOperator.greaterThan } };
      const dv = s.getRange("B2:D20").dataValidation;
      dv.rule = { decimal: { formula1: 0, formula2: 1, operator: Excel.DataValidationOperator.between } };
      dv.errorAlert = { showAlert: true, style: Excel.DataValidationAlertStyle.stop, title: "t", message: "m" };
      await c.sync();
    });
    expect(fake.state().sheets[0].dataValidations).toEqual([
      {
        address: "B2:D20",
        rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } },
        errorAlert: { showAlert: true, style: "Stop", title: "t", message: "m" },
        prompt: null,
      },
    ]);
    const rule = await Excel.run(async (c) => {
      const dv = c.workbook.worksheets.getItem("Sheet1").getRange("C5").dataValidation.load("rule");
      await c.sync();
      return dv.rule;
    });
    expect(rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
    await Excel.run(async (c) => {
      c.workbook.worksheets.getItem("Sheet1").getRange("A1:Z99").dataValidation.clear();
      await c.sync();
    });
    expect(fake.state().sheets[0].dataValidations).toEqual([]);
  });

  it.each([
    ["no kind", {}],
    ["two kinds", { decimal: { formula1: 0, operator: "GreaterThan" }, wholeNumber: { formula1: 0, operator: "GreaterThan" } }],
    ["an unknown operator", { decimal: { formula1: 0, formula2: 1, operator: "Inside" } }],
    ["Between without formula2", { decimal: { formula1: 0, operator: "Between" } }],
    ["formula2 without Between", { decimal: { formula1: 0, formula2: 1, operator: "GreaterThan" } }],
  ])("rejects a rule with %s", async (_what, rule) => {
    installFakeExcel(globalThis);
    const run = Excel.run(async (c) => {
      c.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = rule as Excel.DataValidationRule;
      await c.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("the fake's table rows", () => {
  const init = {
    sheets: [
      {
        name: "S",
        cells: [
          ["k", "v"],
          ["a", 1],
        ],
        tables: [{ name: "T", address: "A1:B2" }],
      },
    ],
  };

  it("adds rows at the end or at an index, moving the rows below, and counts them", async () => {
    const fake = installFakeExcel(globalThis, init);
    const count = await Excel.run(async (c) => {
      const t = c.workbook.tables.getItem("T");
      t.rows.add(undefined, [["c", 3]]);
      t.rows.add(1, [["b", 2]]);
      const rows = t.rows.load("count");
      await c.sync();
      return rows.count;
    });
    expect(count).toBe(3);
    expect(fake.values("S")).toEqual([
      ["k", "v"],
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect(fake.state().sheets[0].tables[0].address).toBe("A1:B4");
  });

  it("deletes a row, moving the rows below up, and keeps one data row", async () => {
    const fake = installFakeExcel(globalThis, {
      sheets: [
        {
          name: "S",
          cells: [
            ["k", "v"],
            ["a", 1],
            ["b", 2],
          ],
          tables: [{ name: "T", address: "A1:B3" }],
        },
      ],
    });
    await Excel.run(async (c) => {
      c.workbook.tables.getItem("T").rows.getItemAt(0).delete();
      await c.sync();
    });
    expect(fake.values("S", "A1:B3")).toEqual([
      ["k", "v"],
      ["b", 2],
      ["", ""],
    ]);
    await Excel.run(async (c) => {
      c.workbook.tables.getItem("T").rows.getItemAt(0).delete();
      await c.sync();
    });
    expect(fake.state().sheets[0].tables[0].address).toBe("A1:B2");
    expect(fake.values("S", "A2:B2")).toEqual([["", ""]]);
  });

  it("refuses to add rows over filled cells below the table, and rows of the wrong width", async () => {
    installFakeExcel(globalThis, {
      sheets: [
        {
          name: "S",
          cells: [
            ["k", "v"],
            ["a", 1],
            ["", "below"],
          ],
          tables: [{ name: "T", address: "A1:B2" }],
        },
      ],
    });
    const add = (values: unknown[][]) =>
      Excel.run(async (c) => {
        c.workbook.tables.getItem("T").rows.add(undefined, values as (string | number)[][]);
        await c.sync();
      });
    await expect(add([["b", 2]])).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(add([["b"]])).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("the fake's change events", () => {
  const init = {
    sheets: [
      {
        name: "S",
        cells: [
          ["k", "v"],
          ["a", 1],
        ],
        tables: [{ name: "T", address: "A1:B2" }],
      },
      { name: "Other" },
    ],
  };

  it("calls a table's handlers after the change, not during it, for writes that touch the table", async () => {
    const fake = installFakeExcel(globalThis, init);
    const events: unknown[] = [];
    await Excel.run(async (c) => {
      c.workbook.tables.getItem("T").onChanged.add(async (e) => void events.push(e));
      await c.sync();
    });
    fake.setValues("S", "B2:C2", [[5, "x"]]);
    expect(events).toEqual([]);
    await Promise.resolve();
    expect(events).toEqual([
      { type: "TableChanged", changeType: "RangeEdited", source: "Local", address: "B2", worksheetId: expect.any(String), tableId: expect.any(String) },
    ]);
    fake.setValues("S", "D1", [["far"]]);
    fake.setValues("Other", "A1", [["far"]]);
    await Promise.resolve();
    expect(events).toHaveLength(1);
    expect(fake.events()).toEqual({ handlers: 1, fired: 1 });
  });

  it("calls a worksheet's handlers for any write on the sheet, and stops once removed through the adding context", async () => {
    const fake = installFakeExcel(globalThis, init);
    const seen: string[] = [];
    const registration = await Excel.run(async (c) => {
      const r = c.workbook.worksheets.getItem("Other").onChanged.add(async (e) => void seen.push(`${e.type} ${e.address}`));
      await c.sync();
      return r;
    });
    await Excel.run(async (c) => {
      c.workbook.worksheets.getItem("Other").getRange("C3:D3").values = [[1, 2]];
      await c.sync();
    });
    await Promise.resolve();
    expect(seen).toEqual(["WorksheetChanged C3:D3"]);
    await Excel.run(registration.context, async (c) => {
      registration.remove();
      await c.sync();
    });
    fake.setValues("Other", "A1", [[1]]);
    await Promise.resolve();
    expect(seen).toHaveLength(1);
    expect(fake.events().handlers).toBe(0);
  });

  it("reports added and deleted table rows", async () => {
    installFakeExcel(globalThis, init);
    const seen: string[] = [];
    await Excel.run(async (c) => {
      c.workbook.tables.getItem("T").onChanged.add(async (e) => void seen.push(`${e.changeType} ${e.address}`));
      await c.sync();
    });
    await Excel.run(async (c) => {
      c.workbook.tables.getItem("T").rows.add(undefined, [["b", 2]]);
      await c.sync();
      c.workbook.tables.getItem("T").rows.getItemAt(1).delete();
      await c.sync();
    });
    await Promise.resolve();
    expect(seen).toEqual(["RowInserted A3:B3", "RowDeleted A3:B3"]);
  });
});

describe("the fake's chart series", () => {
  it("records a series drawn without fill, and refuses a series the source does not have", async () => {
    const fake = installFakeExcel(globalThis, {
      sheets: [
        {
          name: "S",
          cells: [
            ["name", "p5", "width"],
            ["a", 1, 2],
          ],
        },
      ],
    });
    await Excel.run(async (c) => {
      const s = c.workbook.worksheets.getItem("S");
      const chart = s.charts.add(Excel.ChartType.barStacked, s.getRange("A1:C2"), Excel.ChartSeriesBy.columns);
      chart.series.getItemAt(0).format.fill.clear();
      await c.sync();
    });
    expect(fake.state().sheets[0].charts[0]).toMatchObject({ type: "BarStacked", seriesWithoutFill: [0] });
    const run = Excel.run(async (c) => {
      const s = c.workbook.worksheets.getItem("S");
      s.charts.add(Excel.ChartType.barStacked, s.getRange("A1:C2"), Excel.ChartSeriesBy.columns).series.getItemAt(2).format.fill.clear();
      await c.sync();
    });
    await expect(run).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
