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
    expect(fake.cells("S", "A1:C1")[0].map((x) => [x.value, x.formula])).toEqual([["keep", null], ["=B9", "=B9"], ["=text", null]]);
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
    installFakeExcel(globalThis, { sheets: [{ name: "S", cells: [["a", "b"], [1, 2]], tables: [{ name: "T", address: "A1:B2" }] }] });
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
    fake.setValues("Sheet1", "B2", [["a", ""], ["", "b"]]);
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
