/**
 * The functions must leave the arrays Excel passes them as they are, down to how V8 stores them. A
 * loop that loads cells from the header's row of text and from rows of numbers is a polymorphic
 * load, and V8's optimised code for it turns each row of unboxed doubles it reads into a row of
 * boxed numbers: 19 objects of 16 bytes per row of 19 indicators. On a table of 10⁶ rows that was
 * 290 MB more for every collection to mark, and LIVEINDEX + RANKDISTRICT took 3.7 s instead of 1.4 s
 * (`npm run bench`). Whether it happens depends on V8's optimised code, so the functions are warmed up
 * first, as by a workbook recalculating; the check reads V8's own record of each row.
 */
import * as v8 from "v8";
import { rawTable, subIndexTable } from "../../bench/cases";
import { BUILD_TIMEOUT_MS, ensureBuilt, loadExcelRuntime } from "../helpers/excel-runtime";

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

it("LIVEINDEX and RANKDISTRICT leave every row of numbers unboxed, after a warm-up", () => {
  v8.setFlagsFromString("--allow-natives-syntax");
  // Compiled after the flag is set: V8's test intrinsic for "this array stores unboxed doubles".
  const hasDoubles = new Function("row", "return %HasDoubleElements(row)") as (row: unknown[]) => boolean;
  const rt = loadExcelRuntime();
  const liveIndex = rt.impl("LIVEINDEX");
  const rankDistrict = rt.impl("RANKDISTRICT");
  for (const n of [1000, 5000, 20000])
    for (let k = 0; k < 4; k++) {
      rankDistrict(liveIndex(rawTable(n), null, null, null), null, null);
      rankDistrict(liveIndex(subIndexTable(n), null, null, null), null, null);
    }
  // Two years of 20,000 regions matched by their code: rows of numbers only, as a statistics bureau exports them.
  const raw = rawTable(20000);
  const panel = [["年份", "区划代码", ...(raw[0] as string[])], ...[2020, 2021].flatMap((year) => raw.slice(1).map((row, k) => [year, 330100 + k, ...row]))];
  rankDistrict(liveIndex(panel, null, null, null, [["year=2021"]]), null, null);
  for (const table of [rawTable(60000), subIndexTable(60000), JSON.parse(JSON.stringify(panel)) as unknown[][]]) {
    const before = JSON.stringify(table);
    const rows = table.slice(1);
    expect(rows.filter((row) => !hasDoubles(row))).toHaveLength(0);
    const ranks = rankDistrict(liveIndex(table, null, null, null, table[0][0] === "年份" ? [["year=2021"]] : null), null, null) as unknown[][];
    expect(ranks.slice(1).filter((r) => typeof r[0] === "number").length).toBeGreaterThanOrEqual(20000);
    expect(rows.filter((row) => !hasDoubles(row))).toHaveLength(0);
    expect(JSON.stringify(table)).toBe(before);
  }
});
