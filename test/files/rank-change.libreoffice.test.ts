/**
 * The rank change sheet's file in LibreOffice: it opens, prints on three A4 landscape pages (the
 * table, the note, the slope chart with its data), and reads back with the ranks as written.
 */
import { join } from "path";
import { parseCsv } from "../../src/core/csv";
import { readPanel } from "../../src/core/panel";
import { writePlansXlsx } from "../../src/files/xlsx-writer";
import { planBlock } from "../../src/plans/plan";
import { planRankChangeSheet } from "../../src/plans/rank-change-sheet";
import { findSoffice, sofficePdfPages, sofficeToCsv, tempDir } from "../helpers/files";
import { twoYearPanel } from "../helpers/fixtures";

const soffice = findSoffice();
const withLibreOffice = soffice ? describe : describe.skip;

withLibreOffice("the rank change file in LibreOffice", () => {
  it("opens, prints on three landscape pages and reads back as written", async () => {
    const plan = planRankChangeSheet(readPanel(twoYearPanel()), 2020, 2021, { lang: "en", topN: 5, source: "panel" });
    const path = join(tempDir("rank-change-lo"), "change.xlsx");
    await writePlansXlsx([plan], path);
    const pages = sofficePdfPages(soffice!, path);
    expect(pages.length).toBe(3);
    for (const [w, h] of pages) expect(w).toBeGreaterThan(h);
    const csv = parseCsv(sofficeToCsv(soffice!, path).get("Rank change")!);
    const table = planBlock(plan, "changes");
    expect(csv[0].slice(0, 8)).toEqual(table.values[0]);
    // The ranks and the change as numbers (the export writes values, not the ▲/▼ the format shows on screen and in print).
    table.values.slice(1).forEach((row, i) => {
      expect(csv[i + 1].slice(3, 6)).toEqual(row.slice(3, 6).map(String));
    });
  }, 120_000);
});
