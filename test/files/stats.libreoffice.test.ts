/**
 * The audit's statistics against LibreOffice recalculating the same data with STDEV.S, SKEW, KURT,
 * CORREL and CORREL of RANK.AVG ranks (Spearman), on generated data with a heavy tail, ties and
 * zeros: LIVESTATS and LIVECORR must give what a user checking a cell by hand gets.
 */
import { join } from "path";
import * as ExcelJS from "exceljs";
import { parseCsv } from "../../src/core/csv";
import { Cell, loadSourceRuntime } from "../helpers/excel-runtime";
import { INDICATOR_IDS, prng } from "../helpers/fixtures";
import { findSoffice, sofficeToCsv, tempDir } from "../helpers/files";
import { columnLetter } from "../../src/core/text";

const soffice = findSoffice();
const N = 40;

/** 40 regions × 19 indicators: GMV with a heavy tail and a tie at the top, counts with ties, zeros in higher-is-better columns. */
function data(): number[][] {
  const rnd = prng(99);
  return Array.from({ length: N }, (_, r) =>
    INDICATOR_IDS.map((id, c) => {
      if (id === "streamer_gmv") return r < 3 ? 5e9 : Math.round(1e6 * Math.exp(2 * rnd()));
      if (id === "return_rate" || id === "dispute_rate") return 0.01 + Math.round(rnd() * 100) / 1000;
      if (id === "policy") return r % 3 === 0 ? 0 : 1;
      if (c % 4 === 1) return Math.round(rnd() * 5); // small counts: ties and zeros
      return Math.round(rnd() * 1e4) / 10;
    }),
  );
}

(soffice ? describe : describe.skip)("LIVESTATS and LIVECORR against LibreOffice", () => {
  it("give STDEV.S, SKEW, KURT, CORREL and Spearman as LibreOffice recalculates them", async () => {
    const rows = data();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("data");
    ws.addRow([...INDICATOR_IDS]);
    for (const r of rows) ws.addRow(r);
    const col = (c: number) => `data!$${columnLetter(c)}$2:$${columnLetter(c)}$${N + 1}`;
    // Ranks for Spearman: RANK.AVG of each cell in its column.
    const ranks = wb.addWorksheet("ranks");
    for (let r = 0; r < N; r++)
      for (let c = 0; c < 19; c++)
        ranks.getCell(r + 1, c + 1).value = { formula: `_xlfn.RANK.AVG(data!${columnLetter(c)}${r + 2},${col(c)},1)` } as ExcelJS.CellFormulaValue;
    const calc = wb.addWorksheet("calc");
    for (let c = 0; c < 19; c++) {
      calc.getCell(1, c + 1).value = { formula: `_xlfn.STDEV.S(${col(c)})` } as ExcelJS.CellFormulaValue;
      calc.getCell(2, c + 1).value = { formula: `SKEW(${col(c)})` } as ExcelJS.CellFormulaValue;
      calc.getCell(3, c + 1).value = { formula: `KURT(${col(c)})` } as ExcelJS.CellFormulaValue;
      // Correlations with the first indicator (GMV): Pearson, and Spearman as CORREL of the ranks.
      calc.getCell(4, c + 1).value = { formula: `CORREL(${col(0)},${col(c)})` } as ExcelJS.CellFormulaValue;
      const rk = (k: number) => `ranks!$${columnLetter(k)}$1:$${columnLetter(k)}$${N}`;
      calc.getCell(5, c + 1).value = { formula: `CORREL(${rk(0)},${rk(c)})` } as ExcelJS.CellFormulaValue;
    }
    const path = join(tempDir("stats-lo"), "stats.xlsx");
    await wb.xlsx.writeFile(path);
    const lo = parseCsv(sofficeToCsv(soffice!, path, { recalcOnLoad: true }).get("calc")!).map((r) => r.map(Number));

    const rt = await loadSourceRuntime();
    const cells = [[...INDICATOR_IDS], ...rows];
    const stats = rt.call("LIVESTATS", cells) as Cell[][];
    const pearson = rt.call("LIVECORR", cells) as Cell[][];
    const spearman = rt.call("LIVECORR", cells, null, "spearman") as Cell[][];
    // Lower-is-better indicators are scaled with their sign flipped: their correlations change sign, not size.
    const sign = (c: number) => (["return_rate", "dispute_rate"].includes(INDICATOR_IDS[c]) ? -1 : 1);
    // Relative differences (a GMV's SD is in the billions): rounding only.
    const off = (a: Cell, b: number) => Math.abs((a as number) - b) / Math.max(1, Math.abs(b));
    for (let c = 0; c < 19; c++) {
      const id = INDICATOR_IDS[c];
      const got = [stats[c + 1][7], stats[c + 1][8], stats[c + 1][9], sign(c) * (pearson[1][c + 1] as number), sign(c) * (spearman[1][c + 1] as number)];
      const diffs = got.map((g, k) => off(g, lo[k][c]));
      expect([id, Math.max(...diffs) < 1e-9]).toEqual([id, true]);
    }
  }, 180_000);
});
