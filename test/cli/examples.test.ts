/**
 * The files under examples/ that the README's commands use: the report's Top-100 table and its
 * weight table exactly as the add-in embeds them (so they cannot drift from src/data), and the
 * README's example of changed weights.
 */
import { join, resolve } from "path";
import { readTable } from "../../src/files/read-table";
import { weightTableToCells } from "../../src/core/weights";
import { sampleTableCells } from "../../src/plans/sample-sheet";
import { runIndex } from "../../src/core/workflow";

const EXAMPLES = resolve(__dirname, "../../examples");

describe("examples/", () => {
  it("top100-2020.csv is the report's Top-100 table as the pane's sample data holds it", async () => {
    expect((await readTable(join(EXAMPLES, "top100-2020.csv"))).cells).toEqual(sampleTableCells());
  });

  it("weights-2020.csv is the report's weight table in the canonical layout (LIVEWEIGHTS)", async () => {
    expect((await readTable(join(EXAMPLES, "weights-2020.csv"))).cells).toEqual(weightTableToCells("zh"));
  });

  it("weights-goods30-supply35.csv is that table with goods at 30% and supply at 35%", async () => {
    const expected = weightTableToCells("zh").map((r, i) => (i >= 1 && i <= 4 ? [r[0], r[1], 0.3, r[3]] : i >= 5 && i <= 10 ? [r[0], r[1], 0.35, r[3]] : r));
    expect((await readTable(join(EXAMPLES, "weights-goods30-supply35.csv"))).cells).toEqual(expected);
  });

  it("raw-indicators-invented.csv: 50 invented regions of the 19 raw indicators, said to be invented in its first line", async () => {
    const { cells } = await readTable(join(EXAMPLES, "raw-indicators-invented.csv"));
    expect(String(cells[0][0])).toMatch(/虚构数据.*Invented data/);
    const run = runIndex(cells);
    expect(run.result.input.level).toBe("indicator");
    expect(run.ranking.districts).toHaveLength(50);
    expect(run.ranking.rejected).toEqual([]);
  });

  it("yearbook-style.csv needs the README's --header-row and --map: without them one sub-index is missing", async () => {
    const { cells } = await readTable(join(EXAMPLES, "yearbook-style.csv"));
    expect(() => runIndex(cells)).toThrow(expect.objectContaining({ code: "MISSING_COLUMNS" }));
  });
});
