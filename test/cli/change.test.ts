/**
 * `live-index change` and `live-index rank --year` on a two-year table (examples/panel-invented.csv):
 * the printed and written change as LIVERANKCHANGE gives it; one year ranked as a table of its own;
 * a table of several years not ranked as one.
 */
import { join } from "path";
import { run } from "../../src/cli/main";
import { readTable } from "../../src/files/read-table";
import { tempDir } from "../helpers/files";
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
