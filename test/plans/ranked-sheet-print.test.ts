/**
 * How the ranked sheet prints: A4 landscape, the header repeated, three print areas (the ranking;
 * the province summary with its chart; the method note), a scale at which each area is one page
 * wide and the summary with its chart fits on one page, as the plan, the file and the stand-in
 * have it. (LibreOffice's PDF of the same file: xlsx-writer.libreoffice.test.ts.)
 */
import * as ExcelJS from "exceljs";
import { join } from "path";
import { runIndex } from "../../src/core/workflow";
import { applySheetPlan } from "../../src/excel/apply-plan";
import { writePlansXlsx } from "../../src/files/xlsx-writer";
import { rangeAddress } from "../../src/plans/a1";
import { planBlock } from "../../src/plans/plan";
import { planRankedSheet } from "../../src/plans/ranked-sheet";
import { displayWidth } from "../../src/core/text";
import { installFakeExcel } from "../fakes/fake-excel";
import { top100Cells } from "../helpers/fixtures";
import { tempDir, xlsxPart } from "../helpers/files";
import { rankedOptions } from "../helpers/plans";

const plan = planRankedSheet(runIndex(top100Cells()), rankedOptions());

describe("the ranked sheet's page setup", () => {
  it("prints landscape with the header repeated, the ranking, the summary with its chart, and the note as three areas", () => {
    const page = plan.page!;
    expect(page.orientation).toBe("landscape");
    // The title line and the header.
    expect(page.titleRows).toBe(2);
    const note = planBlock(plan, "note");
    // The summary's area: the two top rows and the rows its 300-pt chart covers where rows are shortest (24 of 12.75 pt).
    expect(page.printAreas).toEqual([`A1:J102`, expect.stringMatching(/^L1:[A-Z]+26$/), `L${note.row + 1}:${page.printAreas[2].split(":")[1]}`]);
    expect(page.printAreas[2]).toMatch(new RegExp(`:[A-Z]+${note.row + note.values.length}$`));
  });

  it("scales so that the summary and its chart fit one A4 landscape page, and 100 regions two pages", () => {
    const { scale } = plan.page!;
    expect(scale).toBeGreaterThanOrEqual(50);
    expect(scale).toBeLessThanOrEqual(100);
    // Printable height with margins of 0.5" at the top and bottom: 595 − 72 points; rows are 15 points.
    const rowsPerPage = Math.floor((595 - 72) / (15 * (scale / 100)));
    expect(rowsPerPage).toBeGreaterThanOrEqual(Math.ceil(101 / 2));
    expect(rowsPerPage).toBeGreaterThanOrEqual(plan.chart!.anchorRow + plan.chart!.height / 15);
  });

  it("cuts the note's long texts into lines that fit its printed width", () => {
    const note = planBlock(plan, "note");
    for (const row of note.values) expect(displayWidth(String(row[1]).trimEnd())).toBeLessThanOrEqual(64);
    // No note line starts with closing punctuation (the line-breaking rules are tested in test/core/text.test.ts).
    for (const row of note.values) expect(String(row[1])).not.toMatch(/^[，。；：、）%]/);
  });

  it("is in the file: A4 landscape at the plan's scale, the title rows, and one Print_Area name with the three areas", async () => {
    const path = join(tempDir("print"), "ranked.xlsx");
    await writePlansXlsx([plan], path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const setup = wb.worksheets[0].pageSetup;
    expect(setup).toMatchObject({ orientation: "landscape", paperSize: 9, scale: plan.page!.scale, fitToPage: false });
    // The title printed at the top of every page.
    expect(wb.worksheets[0].headerFooter.oddHeader).toBe("&C直播电商区域发展指数排名（top100.csv）");
    // The page number and count at the bottom of every page, in Excel's codes.
    expect(wb.worksheets[0].headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
    // The note's numbers beside their labels: every note cell left-aligned; bold in the sheet's own face.
    const note = planBlock(plan, "note");
    const cell = (r: number, c: number) => wb.worksheets[0].getRow(note.row + r + 1).getCell(note.col + c + 1);
    expect(cell(2, 1).value).toBe(100);
    expect(cell(2, 1).alignment).toEqual({ horizontal: "left" });
    expect(cell(0, 0).font).toMatchObject({ bold: true, name: "Calibri", size: 11 });
    const workbook = (await xlsxPart(path, "xl/workbook.xml")) ?? "";
    const names = [...workbook.matchAll(/<definedName name="_xlnm.Print_Area" localSheetId="0">([^<]*)<\/definedName>/g)];
    expect(names).toHaveLength(1);
    const absolute = (a: string) => a.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    expect(names[0][1]).toBe(plan.page!.printAreas.map((a) => `'排名'!${absolute(a)}`).join(","));
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">[^<]*\$1:\$2<\/definedName>/);
  });

  it("is in the workbook through Office.js: orientation, A4, scale, margins, title rows, print areas", async () => {
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据" }] });
    const { sheetName } = await Excel.run((c) => applySheetPlan(c, plan));
    const sheet = fake.state().sheets.find((s) => s.name === sheetName)!;
    expect(sheet.page).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: plan.page!.scale },
      leftMargin: 18,
      rightMargin: 18,
      topMargin: 36,
      bottomMargin: 36,
      printTitleRows: "$1:$2",
      printArea: plan.page!.printAreas.join(","),
      centerHeader: "直播电商区域发展指数排名（top100.csv）",
      centerFooter: "第 &P 页，共 &N 页",
    });
    const note = planBlock(plan, "note");
    const cells = fake.cells(sheetName, rangeAddress(note.row, note.col, note.values.length, note.values[0].length)).flat();
    expect(cells.every((c) => c.horizontalAlignment === "Left")).toBe(true);
  });
});
