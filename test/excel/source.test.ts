import { UserError } from "../../src/core/errors";
import { readSource } from "../../src/excel/source";
import { FakeExcel, installFakeExcel } from "../fakes/fake-excel";
import { top100Cells } from "../helpers/fixtures";

const read = () => Excel.run((context) => readSource(context));

async function codeOfRead(): Promise<string> {
  try {
    await read();
  } catch (e) {
    if (e instanceof UserError) return e.code;
    throw e;
  }
  return "no error";
}

/** A sheet with the Top-100 table at C3 (an Excel table), and a loose block of numbers at O5. */
function workbook(selection: string | readonly string[] | null): FakeExcel {
  return installFakeExcel(globalThis, {
    sheets: [
      {
        name: "数据 2020",
        at: "C3",
        cells: top100Cells(),
        tables: [{ name: "百强", address: "C3:L103" }],
      },
      { name: "Other", cells: [["x"]] },
    ],
    active: "数据 2020",
    selection,
  });
}

describe("readSource: what cannot be read", () => {
  it("says NO_SELECTION when several areas are selected", async () => {
    workbook(["C5", "E7:F9"]);
    expect(await codeOfRead()).toBe("NO_SELECTION");
  });

  it("says NO_SELECTION when a chart or shape is selected", async () => {
    workbook(null);
    expect(await codeOfRead()).toBe("NO_SELECTION");
  });

  it("says EMPTY_RANGE for a blank cell with nothing around it", async () => {
    workbook("A50");
    expect(await codeOfRead()).toBe("EMPTY_RANGE");
  });

  it("says EMPTY_RANGE for a selection of blank cells", async () => {
    workbook("Other!D4:F9");
    expect(await codeOfRead()).toBe("EMPTY_RANGE");
  });

  it("says SELECTION_TOO_LARGE before loading the values of more than 5,000,000 cells", async () => {
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "Big", cells: [["a"]] }], selection: "A1:Z200000" });
    fake.setValues("Big", "Z200000", [[1]]);
    await expect(read()).rejects.toMatchObject({ code: "SELECTION_TOO_LARGE", params: { cells: "5,200,000" } });
    expect(fake.stats.syncs).toBe(2);
  });
});

describe("readSource: which range is read", () => {
  it("reads the whole table, header included, for one cell inside it", async () => {
    workbook("F40");
    const s = await read();
    expect(s).toMatchObject({ sheetName: "数据 2020", address: "'数据 2020'!C3:L103", tableName: "百强", top: 2, left: 2 });
    expect(s.values).toEqual(top100Cells());
  });

  it("reads the surrounding region for one cell outside any table", async () => {
    const fake = workbook("O6");
    fake.setValues("数据 2020", "O5", [
      ["a", "b"],
      [1, 2],
      [3, ""],
    ]);
    const s = await read();
    expect(s).toMatchObject({ address: "'数据 2020'!O5:P7", tableName: null, top: 4, left: 14 });
    expect(s.values).toEqual([
      ["a", "b"],
      [1, 2],
      [3, ""],
    ]);
  });

  it("reads exactly a multi-cell selection, even inside a table", async () => {
    workbook("D3:E5");
    const s = await read();
    expect(s).toMatchObject({ address: "'数据 2020'!D3:E5", tableName: null, top: 2, left: 3 });
    expect(s.values).toEqual(
      top100Cells()
        .slice(0, 3)
        .map((r) => r.slice(1, 3)),
    );
  });

  it("trims a selection of whole columns to the used range", async () => {
    workbook("A:L");
    const s = await read();
    expect(s.address).toBe("'数据 2020'!C3:L103");
    expect(s.values.length).toBe(101);
  });

  it("reads values, not display text: numbers stay numbers, '-' stays '-'", async () => {
    workbook("C3");
    const s = await read();
    const row4 = s.values[4];
    expect(row4.slice(0, 4)).toEqual([4, "上海市", "-", "浦东新区"]);
    expect(typeof row4[4]).toBe("number");
  });

  it("takes three syncs", async () => {
    const fake = workbook("F40");
    await read();
    expect(fake.stats.syncs).toBe(3);
  });
});

describe("readSource: an Excel table with a Total Row", () => {
  it("reads the header and the regions, not the totals row (which getRange() includes)", async () => {
    const cells = [
      ["区县", "直播质量指数"],
      ["滨江区", 81.4],
      ["白云区", 64.23],
      ["合计", 145.63],
    ];
    installFakeExcel(globalThis, { sheets: [{ name: "数据", cells, tables: [{ name: "T", address: "A1:B4", showTotals: true }] }], selection: "数据!A2" });
    const source = await Excel.run((c) => readSource(c));
    expect(source.values).toEqual(cells.slice(0, 3));
    expect(source.address).toBe("数据!A1:B3");
  });
});
