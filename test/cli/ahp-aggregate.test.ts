/**
 * `live-index ahp <matrix>` (the weights and consistency of a comparison matrix in a file, and
 * with --out a weight table that check-weights and rank take) and `--aggregate` on rank.
 */
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { run } from "../../src/cli/main";
import { readTable } from "../../src/files/read-table";
import { tempDir } from "../helpers/files";
import { FRAMEWORK, top100Cells } from "../helpers/fixtures";
import { loadSourceRuntime } from "../helpers/excel-runtime";

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await run(args, { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd, now: () => new Date("2026-01-02T03:04:05Z") });
  return { code, out: lines.join("\n") };
}

/** The five sub-indices compared, as an analyst types them in a spreadsheet saved as CSV (fractions as text). */
const DIMENSION_MATRIX = `,商品消费,内容供给,内容消费,质量,产业促进
商品消费,1,2,3,3,7
内容供给,1/2,1,2,2,5
内容消费,1/3,1/2,1,1,3
质量,1/3,1/2,1,1,3
产业促进,1/7,1/5,1/3,1/3,1
`;

describe("live-index ahp", () => {
  const dir = tempDir("ahp");
  writeFileSync(join(dir, "dimensions.csv"), DIMENSION_MATRIX);

  it("prints the weights and the consistency, as LIVEAHP computes them", async () => {
    const r = await cli(["ahp", "dimensions.csv", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    const rt = await loadSourceRuntime();
    const ahp = rt.call("LIVEAHP", (await readTable(join(dir, "dimensions.csv"))).cells) as unknown[][];
    expect(r.out).toContain(`商品消费  ${Number(((ahp[1][1] as number) * 100).toFixed(2))}%`);
    expect(r.out).toMatch(new RegExp(`CR consistency ratio +${(ahp[9][1] as number).toFixed(4)}`));
    expect(r.out).toContain("acceptable (CR < 0.1)");
  });

  it("writes the first-level weights into a weight table (indicators as printed) that check-weights passes and rank takes", async () => {
    const r = await cli(["ahp", "dimensions.csv", "--out", "ahp-weights.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("AHP weight table written");
    const rows = (await readTable(join(dir, "ahp-weights.csv"))).cells.slice(1);
    const byDimension = new Map(rows.map((row) => [row[0], Number(row[2])]));
    expect([...byDimension.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(byDimension.get("直播商品消费指数")!).toBeGreaterThan(byDimension.get("直播内容供给指数")!);
    // The indicators keep the printed weights: 16% for each of content supply's six.
    expect(rows.filter((row) => row[0] === "直播内容供给指数").map((row) => Number(row[3]))).toEqual([0.16, 0.16, 0.16, 0.16, 0.16, 0.16]);
    expect((await cli(["check-weights", "ahp-weights.csv"], dir)).code).toBe(0);
    expect((await cli(["rank", join(__dirname, "../../examples/top100-2020.csv"), "--weights", "ahp-weights.csv", "--out", "ranked.xlsx"], dir)).code).toBe(0);
  });

  it("puts one sub-index's indicator weights in place when the names are its indicators", async () => {
    const viewing = FRAMEWORK.find((d) => d.id === "viewing")!.indicators.map((i) => i.id);
    const m = [",".concat(viewing.join(",")), `${viewing[0]},1,3,5`, `${viewing[1]},1/3,1,3`, `${viewing[2]},1/5,1/3,1`].join("\n");
    writeFileSync(join(dir, "viewing.csv"), m);
    expect((await cli(["ahp", "viewing.csv", "--out", "viewing-weights.csv"], dir)).code).toBe(0);
    const rows = (await readTable(join(dir, "viewing-weights.csv"))).cells.slice(1);
    const within = rows.filter((row) => row[0] === "直播内容消费指数").map((row) => Number(row[3]));
    expect(within[0]).toBeGreaterThan(within[1]);
    expect(within.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(rows.length).toBe(19);
    // The other dimensions keep the printed weights.
    expect(rows.filter((row) => row[0] === "直播商品消费指数").map((row) => Number(row[3]))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("builds the whole hierarchy one matrix at a time with --base, and says names that make no table after the numbers", async () => {
    const viewing = FRAMEWORK.find((d) => d.id === "viewing")!.indicators.map((i) => i.id);
    writeFileSync(
      join(dir, "viewing2.csv"),
      [",".concat(viewing.join(",")), `${viewing[0]},1,2,4`, `${viewing[1]},1/2,1,2`, `${viewing[2]},1/4,1/2,1`].join("\n"),
    );
    expect((await cli(["ahp", "dimensions.csv", "--out", "level1.csv"], dir)).code).toBe(0);
    expect((await cli(["ahp", "viewing2.csv", "--base", "level1.csv", "--out", "level12.csv"], dir)).code).toBe(0);
    const rows = (await readTable(join(dir, "level12.csv"))).cells.slice(1);
    const level1 = (await readTable(join(dir, "level1.csv"))).cells.slice(1);
    // The first level from the first matrix, viewing's indicators from the second (4 : 2 : 1), the rest as printed.
    expect(rows.map((r) => Number(r[2]))).toEqual(level1.map((r) => expect.closeTo(Number(r[2]), 10)));
    expect(rows.filter((r) => r[0] === "直播内容消费指数").map((r) => Number(r[3]))).toEqual([4 / 7, 2 / 7, 1 / 7].map((w) => expect.closeTo(w, 10)));
    writeFileSync(join(dir, "abc.csv"), ",a,b,c\na,1,3,5\nb,1/3,1,3\nc,1/5,1/3,1\n");
    const named = await cli(["ahp", "abc.csv", "--out", "abc-weights.csv"], dir);
    expect(named.code).toBe(2);
    expect(named.out.indexOf("CR")).toBeLessThan(named.out.indexOf("are neither the five sub-indices"));
  });

  it("refuses inconsistent judgements (exit 2, nothing written), names that make no weight table, and a matrix file that is missing", async () => {
    writeFileSync(join(dir, "circular.csv"), ",a,b,c,d\na,1,9,1/9,1\nb,1/9,1,9,1\nc,9,1/9,1,1\nd,1,1,1,1\n");
    const bad = await cli(["ahp", "circular.csv"], dir);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("不可接受（CR ≥ 0.1）");
    writeFileSync(
      join(dir, "circular5.csv"),
      ",商品消费,内容供给,内容消费,质量,产业促进\n商品消费,1,9,1/9,1,1\n内容供给,1/9,1,9,1,1\n内容消费,9,1/9,1,1,1\n质量,1,1,1,1,1\n产业促进,1,1,1,1,1\n",
    );
    const refused = await cli(["ahp", "circular5.csv", "--out", "never.csv"], dir);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain("so they make no weight table");
    expect(existsSync(join(dir, "never.csv"))).toBe(false);
    expect((await cli(["ahp", "circular.csv", "--out", "never.csv"], dir)).out).toContain("so they make no weight table");
    expect((await cli(["ahp", "nothing.csv"], dir)).code).toBe(2);
    expect((await cli(["ahp"], dir)).out).toContain("live-index ahp <matrix.xlsx|.csv>");
  });
});

describe("--aggregate on rank", () => {
  it("ranks by the geometric mean, says so in the note, and refuses an unknown rule by its flag", async () => {
    const dir = tempDir("aggregate");
    writeFileSync(
      join(dir, "top100.csv"),
      top100Cells()
        .map((r) => r.join(","))
        .join("\n"),
    );
    const r = await cli(["rank", "top100.csv", "--aggregate", "geometric", "--out", "g.xlsx", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    const sheet = (await readTable(join(dir, "g.xlsx"))).cells;
    const note = sheet.map((row) => row.join(" ")).join("\n");
    expect(note).toContain("the total is the weighted geometric mean of the five sub-indices");
    const topsis = await cli(["rank", "top100.csv", "--aggregate", "topsis", "--mode", "formulas", "--out", "t.xlsx"], dir);
    expect(topsis.code).toBe(2);
    expect(topsis.out).toContain("A TOPSIS total depends on every column's best and worst value");
    expect((await cli(["rank", "top100.csv", "--aggregate", "topsis", "--out", "t.xlsx"], dir)).code).toBe(0);
    const bad = await cli(["rank", "top100.csv", "--aggregate", "median"], dir);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("mean, geometric, topsis");
  });
});
