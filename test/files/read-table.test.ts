import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import * as ExcelJS from "exceljs";
import { computeIndex } from "../../src/core/pipeline";
import { formatError, isUserError, UserError } from "../../src/core/errors";
import { csvCells, decodeText, readTable } from "../../src/files/read-table";
import { top100Cells } from "../helpers/fixtures";
import { tempDir, toCsv } from "../helpers/files";

const dir = tempDir("read-table");

async function xlsx(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function problemOf(p: Promise<unknown>): Promise<{ problem: string; en: string; zh: string }> {
  try {
    await p;
  } catch (e) {
    expect(isUserError(e)).toBe(true);
    const r = e as UserError;
    return { problem: r.code, en: formatError(r, "en"), zh: formatError(r, "zh") };
  }
  throw new Error("expected a UserError");
}

describe("readTable: csv", () => {
  it("reads numbers as numbers, text as text, empty fields as null, and keeps '-' as text for core", async () => {
    const path = join(dir, "small.csv");
    writeFileSync(path, '区,直播商品消费指数,直播内容供给指数,备注\r\n滨江区,100, 25.59 ,"a, b"\r\n"白云区",-,,007\r\n');
    const t = await readTable(path);
    expect(t.cells).toEqual([
      ["区", "直播商品消费指数", "直播内容供给指数", "备注"],
      ["滨江区", 100, 25.59, "a, b"],
      ["白云区", "-", null, 7],
    ]);
    expect(t).toMatchObject({ source: "small.csv", sheetName: null, formulasWithoutResult: 0 });
  });

  it("leaves other text to core (percent, thousands separators, full-width digits)", () => {
    expect(csvCells('a,b,c,d\n40%,"1,234",１２,1e3\n')).toEqual([
      ["a", "b", "c", "d"],
      ["40%", "1,234", "１２", 1000],
    ]);
  });

  it("decodes UTF-8 with or without BOM, UTF-16 with BOM, and GBK as Chinese Excel saves CSV", () => {
    const text = "省,直播商品消费指数\n浙江,12.5\n";
    expect(decodeText(Buffer.from(text, "utf8"))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toBe(text);
    const gbk = Buffer.from([
      202, 161, 44, 214, 177, 178, 165, 201, 204, 198, 183, 207, 251, 183, 209, 214, 184, 202, 253, 10, 213, 227, 189, 173, 44, 49, 50, 46, 53, 10,
    ]);
    expect(decodeText(gbk)).toBe(text);
  });

  it("gives the same index as the worksheet cells for the report's table written as CSV", async () => {
    const path = join(dir, "top100.csv");
    writeFileSync(path, toCsv(top100Cells()));
    const t = await readTable(path);
    expect(Array.from(computeIndex(t.cells).total!)).toEqual(Array.from(computeIndex(top100Cells()).total!));
  });
});

describe("readTable: xlsx", () => {
  it("reads the first sheet as Excel passes it: formula results, '-' text, blanks as null, booleans, dates as serials, errors as text", async () => {
    const path = await xlsx("cells.xlsx", (wb) => {
      const ws = wb.addWorksheet("数据");
      ws.addRow(["区", "直播商品消费指数", "直播内容供给指数", "flag", "date", "err"]);
      ws.addRow(["滨江区", 100, { formula: "B2/4", result: 25 }, true, new Date(Date.UTC(2021, 2, 1)), { error: "#N/A" }]);
      ws.addRow(["白云区", "-", null, false, null, { formula: "1/0", result: { error: "#DIV/0!" } }]);
      ws.addRow([{ richText: [{ text: "江" }, { text: "干区" }] }, { formula: "B2*2" }, { text: "40", hyperlink: "https://example.org" }]);
      ws.getCell("H6").value = ""; // an empty string past the data: not part of the used range
      wb.addWorksheet("Other").getCell("A1").value = "other";
    });
    const t = await readTable(path);
    expect(t.sheetName).toBe("数据");
    expect(t.source).toBe("cells.xlsx!数据");
    expect(t.cells).toEqual([
      ["区", "直播商品消费指数", "直播内容供给指数", "flag", "date", "err"],
      ["滨江区", 100, 25, true, 44256, "#N/A"],
      ["白云区", "-", null, false, null, "#DIV/0!"],
      ["江干区", null, "40", null, null, null],
    ]);
    // The formula with no saved result (never recalculated) is read as empty, and counted.
    expect(t.formulasWithoutResult).toBe(1);
  });

  it("reads a named sheet (--sheet), also ignoring case, and names the sheets when it is missing", async () => {
    const path = await xlsx("two.xlsx", (wb) => {
      wb.addWorksheet("Notes").getCell("A1").value = "notes";
      const ws = wb.addWorksheet("Data");
      ws.getCell("B2").value = 1; // leading blank row and column are kept, as a selection from A1
    });
    expect((await readTable(path, { sheet: "Data" })).cells).toEqual([
      [null, null],
      [null, 1],
    ]);
    expect((await readTable(path, { sheet: "data" })).sheetName).toBe("Data");
    expect(await problemOf(readTable(path, { sheet: "排名" }))).toEqual({
      problem: "FILE_NO_SUCH_SHEET",
      en: 'The workbook has no sheet named "排名" (it has: Notes, Data)',
      zh: "工作簿中没有名为“排名”的工作表（有：Notes, Data）",
    });
  });

  it("reads merged cells as Excel does: the value in the top-left cell only", async () => {
    const path = await xlsx("merged.xlsx", (wb) => {
      const ws = wb.addWorksheet("S");
      ws.getCell("A1").value = "浙江省";
      ws.mergeCells("A1:A2");
      ws.getCell("B1").value = 1;
      ws.getCell("B2").value = 2;
    });
    expect((await readTable(path)).cells).toEqual([
      ["浙江省", 1],
      [null, 2],
    ]);
  });

  it("gives the same index as the worksheet cells for the report's table written as .xlsx", async () => {
    const path = await xlsx("top100.xlsx", (wb) => wb.addWorksheet("百强").addRows(top100Cells()));
    const t = await readTable(path);
    expect(t.cells).toEqual(top100Cells());
    expect(Array.from(computeIndex(t.cells).total!)).toEqual(Array.from(computeIndex(top100Cells()).total!));
  });
});

describe("readTable: files it cannot read", () => {
  it("says what is wrong, in Chinese and English", async () => {
    expect(await problemOf(readTable(join(dir, "nope.csv")))).toMatchObject({ problem: "FILE_NOT_FOUND", en: `File not found: ${join(dir, "nope.csv")}` });
    const xls = join(dir, "old.xls");
    writeFileSync(xls, "x");
    expect(await problemOf(readTable(xls))).toMatchObject({ problem: "FILE_OLD_FORMAT", en: expect.stringContaining("Save it as .xlsx or .csv") });
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "this is not a zip");
    expect(await problemOf(readTable(bad))).toMatchObject({ problem: "FILE_NOT_XLSX", en: `Not a valid .xlsx file: ${bad}` });
    const folder = join(dir, "folder.csv");
    mkdirSync(folder);
    expect(await problemOf(readTable(folder))).toMatchObject({ problem: "FILE_IS_FOLDER" });
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    expect(await problemOf(readTable(empty))).toMatchObject({ problem: "FILE_EMPTY", en: `The file is empty: ${empty}` });
  });
});
