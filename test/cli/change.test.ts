/**
 * `live-index change` and `live-index rank --year` on a two-year table (examples/panel-invented.csv):
 * the printed and written change as LIVERANKCHANGE gives it; one year ranked as a table of its own;
 * a table of several years not ranked as one.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { run } from "../../src/cli/main";
import { readTable } from "../../src/files/read-table";
import { tempDir } from "../helpers/files";
import { INDICATOR_IDS, prng } from "../helpers/fixtures";
import { loadSourceRuntime } from "../helpers/excel-runtime";

const PANEL = join(__dirname, "../../examples/panel-invented.csv");

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd, now: () => new Date("2026-12-01T07:00:00Z") });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("live-index change", () => {
  const dir = tempDir("change");

  it("prints the later year's top N with their change, who entered and left, and writes LIVERANKCHANGE's table", async () => {
    const r = await cli(["change", PANEL, "--top", "5", "--lang", "en", "--out", "change.csv"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Rank change (2020 → 2021): panel-invented.csv");
    const written = (await readTable(join(dir, "change.csv"))).cells;
    const rt = await loadSourceRuntime();
    const expected = rt.call("LIVERANKCHANGE", (await readTable(PANEL)).cells) as unknown[][];
    const text = (c: unknown) => (c === null || c === undefined ? "" : String(c));
    expect(written.slice(1).map((r) => r.slice(0, 6).map(text))).toEqual(expected.slice(1).map((r) => r.slice(0, 6).map(text)));
    expect(written.find((r) => r[2] === "示例15区")![6]).toBe("new");
    expect(written.find((r) => r[2] === "示例14区")![6]).toBe("left");
    expect(r.out).toMatch(/Entering the top 5: /);
  });

  it("ranks one year with rank --year, and refuses to rank several years as one", async () => {
    const one = await cli(["rank", PANEL, "--year", "2021", "--out", "r2021.xlsx"], dir);
    expect(one.code).toBe(0);
    expect(one.out).toContain("Ranked 14 regions.");
    const mixed = await cli(["rank", PANEL, "--out", "mixed.xlsx"], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain(
      "This table holds several years (2020, 2021), which are never scaled as one pool: choose one (year=2021 in a function's options, --year 2021 on the command line)",
    );
    expect((await cli(["rank", PANEL, "--year", "2019"], dir)).err).toContain("2020, 2021");
    expect((await cli(["change", PANEL, "--from", "去年"], dir)).err).toContain("a four-digit year");
  });
});

describe("live-index change and rank --year on a raw panel with levels only", () => {
  it("ranks a year with its growth rates computed from the year before, takes --panel, and audit takes --year", async () => {
    const dir = tempDir("change-raw");
    const ids = INDICATOR_IDS.filter((id) => !id.endsWith("_growth"));
    const rnd = prng(5);
    const rows: (string | number)[][] = [["年份", "省", "市", "区县", ...ids]];
    for (const year of [2020, 2021])
      for (let k = 0; k < 12; k++)
        rows.push([year, "甲省", "甲市", `区${k}`, ...ids.map((id) => (id.endsWith("rate") ? 0.01 + rnd() / 10 : 1 + Math.round(rnd() * 1e4) / 100))]);
    const file = join(dir, "levels.csv");
    writeFileSync(file, rows.map((r) => r.join(",")).join("\n"));
    const ranked = await cli(["rank", file, "--year", "2021", "--out", "r.xlsx"], dir);
    expect(ranked.code).toBe(0);
    expect(ranked.out).toContain("Ranked 12 regions.");
    const ref = await cli(["change", file, "--panel", "reference=2021", "--top", "3"], dir);
    expect(ref.code).toBe(0);
    const first = await cli(["change", file, "--panel", "reference=2020"], dir);
    expect(first.err).toContain("cannot be the reference: choose 2021 or later");
    const audit = await cli(["audit", file, "--year", "2021", "--out", "a.xlsx"], dir);
    expect(audit.code).toBe(0);
  });
});
