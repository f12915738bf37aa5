/**
 * The sample data sheet: the report's Top-100 table as an Excel table, so that a first-time user
 * can press "generate" straight away (the task pane's "insert sample data").
 */
import { REPORT_TOP100_2020, REPORT_TOP100_HEADERS } from "../data/report2020";
import { Lang, SAMPLE_SHEET_TEXT } from "../text";
import { CellBlock, columnWidths, EMPHASIS_FILL, SheetPlan } from "./plan";
import { planPage } from "./page";

/**
 * The Top-100 table exactly as printed: the printed headers, "-" where the report prints "-"
 * (municipalities' city, a sub-index of none).
 */
export function sampleTableCells(): (string | number)[][] {
  const dash = (v: string | number | null) => v ?? "-";
  return [
    [...REPORT_TOP100_HEADERS],
    ...REPORT_TOP100_2020.map((r) => [
      r.rank,
      r.province,
      dash(r.city),
      r.district,
      dash(r.supply),
      dash(r.viewing),
      dash(r.goods),
      dash(r.quality),
      dash(r.industry),
      r.total,
    ]),
  ];
}

/**
 * Plans the sample sheet (样例数据 / Sample data): one table ZBDS_Sample, ranks as whole numbers,
 * the five sub-indices and the total with two decimals; the table is selected once written.
 */
export function planSampleSheet(lang: Lang): SheetPlan {
  const block: CellBlock = {
    id: "sample",
    row: 0,
    col: 0,
    values: sampleTableCells(),
    headerRows: 1,
    columnFormats: ["0", null, null, null, "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"],
  };
  const widths = columnWidths([block]);
  const sheet = SAMPLE_SHEET_TEXT[lang].sheet;
  return {
    sheetName: sheet,
    blocks: [block],
    tables: [{ name: "ZBDS_Sample", block: "sample", style: "TableStyleMedium2" }],
    freezeRows: 1,
    columnWidths: widths,
    // Printed as the ranked sheet is: 100 regions on two pages, the header on each.
    page: planPage([{ row: 0, col: 0, rows: block.values.length, cols: block.values[0].length }], widths, {
      lang,
      titleRows: 1,
      title: sheet,
      rowsPerPage: 52,
    }),
    dataBarColumn: null,
    emphasisedRows: 0,
    emphasisFill: EMPHASIS_FILL,
    chart: null,
    select: "sample",
  };
}
