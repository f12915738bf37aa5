/**
 * A CSV as large as a worksheet: 1,048,576 lines (a header and 1,048,575 regions) of the 19 raw
 * indicators is read, ranked and planned as the command line does it, with no array spread of a
 * row-sized array anywhere (that overflows the call stack near 125,000 rows); one row more than a
 * worksheet holds is refused with a clear message before anything is written. Generated here: the
 * file is 70 MB. In the integration project (`npm test`), not the unit loop.
 */
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { planFromCells, run } from "../../src/cli/main";
import { readTable } from "../../src/files/read-table";
import { EXCEL_MAX_ROWS } from "../../src/plans/ranked-sheet";
import { INDICATOR_IDS } from "../helpers/fixtures";
import { tempDir } from "../helpers/files";

const dir = tempDir("million");

/** Writes `regions` rows of 19 small whole numbers (varied per row and column) under a header of ids. */
function writeCsv(file: string, regions: number): string {
  const path = join(dir, file);
  const lines: string[] = new Array(regions + 1);
  lines[0] = ["区县", ...INDICATOR_IDS].join(",");
  for (let r = 1; r <= regions; r++) {
    let line = `区${r}`;
    for (let c = 0; c < INDICATOR_IDS.length; c++) line += `,${((r * (c + 7) + c * 13) % 97) + 1}`;
    lines[r] = line;
  }
  writeFileSync(path, lines.join("\n"));
  return path;
}

describe("a CSV of a whole worksheet", () => {
  it("reads 1,048,576 lines, ranks all 1,048,575 regions and plans a sheet that fits Excel's 1,048,576 rows", async () => {
    const regions = EXCEL_MAX_ROWS - 1;
    const table = await readTable(writeCsv("full.csv", regions));
    expect(table.cells).toHaveLength(EXCEL_MAX_ROWS);
    const { plan, run: indexRun } = planFromCells(table.cells, { lang: "zh", top: 100, mode: "values", source: "full.csv" });
    const districts = indexRun.ranking.districts;
    expect(districts).toHaveLength(regions);
    expect(districts[0].rank).toBe(1);
    expect(districts[regions - 1].rank).toBeGreaterThan(1);
    // Ranked by total, largest first, every region once.
    let sorted = true;
    for (let i = 1; i < districts.length; i++) if (districts[i].total > districts[i - 1].total) sorted = false;
    expect(sorted).toBe(true);
    expect(new Set(districts.map((d) => d.district)).size).toBe(regions);
    expect(plan.blocks[0].values).toHaveLength(EXCEL_MAX_ROWS);
    // No room for the title line: it is left out of the cells and printed in the page header only.
    expect(plan.blocks.map((b) => b.id)).not.toContain("title");
    expect(plan.page!.header).toContain("full.csv");
  }, 300_000);

  it("refuses one row more than a worksheet holds, in both languages, and writes no file", async () => {
    const path = writeCsv("over.csv", EXCEL_MAX_ROWS);
    const lines: string[] = [];
    const target = join(dir, "over.xlsx");
    const code = await run(["rank", path, "--out", target], { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: dir, now: () => new Date() });
    const text = lines.join("\n");
    expect(code).not.toBe(0);
    expect(text).toContain("排名表将有 1,048,577 行，超过 Excel 工作表最多的 1,048,576 行。");
    expect(text).toContain("The ranked sheet would have 1,048,577 rows, more than the 1,048,576 an Excel sheet holds.");
    expect(existsSync(target)).toBe(false);
  }, 300_000);
});
