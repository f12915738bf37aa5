/**
 * `live-index robustness`: the uncertainty and sensitivity analysis from the command line, its
 * report (the design, the indices as LIVESOBOL gives them, the reading) and its sheet (the regions,
 * the indices with their bar chart, the rank intervals with theirs).
 */
import { join } from "path";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { run } from "../../src/cli/main";
import { readTable } from "../../src/files/read-table";
import { tempDir } from "../helpers/files";
import { loadSourceRuntime } from "../helpers/excel-runtime";

const RAW = join(__dirname, "../../examples/raw-indicators-invented.csv");

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd, now: () => new Date("2026-12-01T07:00:00Z") });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("live-index robustness", () => {
  const dir = tempDir("robustness");
  const assumptions = "weights=25%; scaling=minmax,rank; aggregate=mean,geometric";

  it("prints the design, LIVESOBOL's indices and the reading, and the same again for the same seed", async () => {
    const r = await cli(["robustness", RAW, "--assumptions", assumptions, "--runs", "100", "--seed", "3", "--lang", "en", "--no-rescale"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Saltelli's design: N = 100, 500 runs (200 of them random combinations, which give the rank intervals), seed 3");
    const rt = await loadSourceRuntime();
    const sobol = rt.call("LIVESOBOL", (await readTable(RAW)).cells, [[assumptions]], 100, 3) as (string | number)[][];
    for (const row of sobol.slice(1)) expect(r.out).toMatch(new RegExp(`${row[0]} +${(row[1] as number).toFixed(3)} `));
    expect(r.out).toContain("Of the variance of the mean rank shift, the ");
    expect((await cli(["robustness", RAW, "--assumptions", assumptions, "--runs", "100", "--seed", "3", "--lang", "en", "--no-rescale"], dir)).out).toBe(r.out);
  });

  it("writes the uncertainty sheet with its two charts, and says when it took the default assumptions", async () => {
    const r = await cli(["robustness", RAW, "--runs", "50", "--out", "u.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("默认只扰动权重");
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "u.xlsx")));
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing.match(/<xdr:oneCellAnchor>/g)).toHaveLength(2);
    const cells = (await readTable(join(dir, "u.xlsx"))).cells;
    expect([cells[0][0], cells[0][1], cells[0][6]]).toEqual(["名义名次", "地区", "平均绝对名次变化"]);
    expect(cells.some((row) => row.includes("总效应指数 S_Tᵢ"))).toBe(true);
  });

  it("says where the header was found and names each row it left out, in the language asked for", async () => {
    const { writeFileSync } = await import("fs");
    // The example file as it is: a title line and a blank line above the header (row 3).
    const lines = readFileSync(RAW, "utf8").split("\n");
    expect(lines[2].startsWith("省份,")).toBe(true);
    const bad = lines[5].split(",");
    // A unit in a cell ("12.5万"): not a number the reader takes, so the row is left out, as `rank` leaves it.
    bad[3] = "12.5万";
    lines[5] = bad.join(",");
    writeFileSync(join(dir, "titled.csv"), lines.join("\n"));
    for (const lang of ["zh", "en"] as const) {
      const r = await cli(["robustness", "titled.csv", "--runs", "20", "--lang", lang], dir);
      expect(r.code).toBe(0);
      expect(r.out).toContain(lang === "zh" ? "标题行在第 3 行" : "the header is row 3");
      expect(r.out).toContain(lang === "zh" ? "跳过 1 行" : "1 row(s) skipped");
      expect(r.out).toContain("12.5万");
    }
  });

  it("refuses unknown assumptions and a clash, by their words", async () => {
    expect((await cli(["robustness", RAW, "--assumptions", "scale=rank"], dir)).err).toContain('There is no assumption "scale"');
    const clash = await cli(["robustness", RAW, "--assumptions", "scaling=zscore; aggregate=geometric"], dir);
    expect(clash.code).toBe(2);
    expect(clash.err).toContain("z-score");
  });
});
