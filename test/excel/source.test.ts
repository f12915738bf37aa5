import { UserError } from "../../src/core/errors";
import { FIRST_BLOCK_CELLS, hiddenDataRows, READ_BLOCK_BYTES, readSource, visibleRowsOnly } from "../../src/excel/source";
import { FakeExcel, installFakeExcel, PAYLOAD_LIMIT_BYTES } from "../fakes/fake-excel";
import { rawIndicatorCells, top100Cells } from "../helpers/fixtures";

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

describe("readSource: large tables in row blocks (Excel on the web refuses a response over 5 MB)", () => {
  /** 100,000 regions: three name columns and the 19 raw indicators, as the README promises. */
  function bigTable(rows: number): unknown[][] {
    const raw = rawIndicatorCells(rows);
    return raw.map((r, i) => (i === 0 ? ["省份", "城市", "区县", ...r] : [`省份${i % 31}`, `城市${i % 333}`, `区县名称${i}`, ...r]));
  }
  const response = (values: unknown) => Buffer.byteLength(JSON.stringify(values), "utf8");

  it("reads 100,000 × 22 cells in blocks, each response under 4 MB, with every value as in the sheet", async () => {
    const cells = bigTable(100_000);
    const total = response(cells);
    expect(total).toBeGreaterThan(3 * PAYLOAD_LIMIT_BYTES);
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }], selection: "数据!A1" });

    // The stand-in is as strict as the web: the whole range in one request is refused.
    await expect(
      Excel.run(async (c) => {
        c.workbook.worksheets.getItem("数据").getRange("A1:V100001").load("values");
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });

    fake.resetStats();
    const source = await read();
    expect(source.values.length).toBe(100_001);
    expect(source.values[100_000]).toEqual(cells[100_000]);
    expect(source.values).toEqual(cells);
    const { syncs, maxResponseBytes, responseBytes } = fake.stats;
    expect(maxResponseBytes).toBeLessThan(4 * 1024 * 1024);
    // Two syncs before any value; then blocks of about READ_BLOCK_BYTES: no more than twice the fewest possible.
    const fewest = Math.ceil(total / READ_BLOCK_BYTES);
    expect(syncs).toBe(responseBytes.length);
    expect(syncs - 2).toBeGreaterThanOrEqual(fewest);
    expect(syncs - 2).toBeLessThanOrEqual(2 * fewest + 1);
  }, 120_000);

  it("reads a block again in halves when its rows are much longer than the rows measured before", async () => {
    const cells = bigTable(20_000);
    // Rows 10,001–10,400 carry a 3,000-character note in the district name: a block sized on short rows would be refused.
    for (let r = 10_001; r <= 10_400; r++) cells[r][2] = `${"长".repeat(3000)}${r}`;
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }], selection: "数据!A1" });
    const source = await read();
    expect(source.values).toEqual(cells);
    // The refused block is the one over the limit (the stand-in measures it, then refuses it); then halves got through.
    const refused = fake.stats.responseBytes.filter((b) => b > PAYLOAD_LIMIT_BYTES);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(fake.stats.syncs).toBeGreaterThan(2 + refused.length + Math.ceil(response(cells) / READ_BLOCK_BYTES) - 1);
  }, 60_000);

  it("still takes three syncs for a table of up to FIRST_BLOCK_CELLS cells", async () => {
    const cells = bigTable(Math.floor(FIRST_BLOCK_CELLS / 22) - 1);
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }], selection: "数据!A1" });
    await read();
    expect(fake.stats.syncs).toBe(3);
  });
});

describe("readSource: hidden rows", () => {
  const cells = [
    ["2020 年直播电商区域发展指数", "", ""],
    ["", "", ""],
    ["区县", "直播质量指数", "直播内容供给指数"],
    ["滨江区", 81.4, 100],
    ["白云区", 64.23, 50],
    ["义乌市", 70, 60],
    ["鹿城区", 55, 40],
  ];

  it("reports the rows hidden by hand or by a filter, as indexes into the values, with no extra sync", async () => {
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells, hiddenRows: [2, 5, 7] }], selection: "数据!A1:C7" });
    const source = await read();
    expect(source.hiddenRows).toEqual([1, 4, 6]);
    expect(fake.stats.syncs).toBe(3);
    // Hidden rows above the header (a blank spacer) are not data rows.
    expect(hiddenDataRows(source, 2)).toEqual([4, 6]);
  });

  it("reports every row hidden when no cell is visible, and none when nothing is hidden", async () => {
    installFakeExcel(globalThis, { sheets: [{ name: "数据", cells, hiddenRows: [1, 2, 3, 4, 5, 6, 7] }], selection: "数据!A1:C7" });
    expect((await read()).hiddenRows).toEqual([0, 1, 2, 3, 4, 5, 6]);
    installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }], selection: "数据!A1:C7" });
    expect((await read()).hiddenRows).toEqual([]);
  });

  it("visibleRowsOnly blanks the hidden data rows and keeps every row number", async () => {
    installFakeExcel(globalThis, { sheets: [{ name: "数据", cells, hiddenRows: [1, 5] }], selection: "数据!A1:C7" });
    const source = await read();
    const visible = visibleRowsOnly(source, 2);
    expect(visible.values.length).toBe(cells.length);
    expect(visible.values[4]).toEqual(["", "", ""]);
    expect(visible.values[0]).toEqual(cells[0]);
    expect(visible.values.filter((_, r) => r !== 4)).toEqual(cells.filter((_, r) => r !== 4));
    expect(source.values).toEqual(cells);
  });
});
