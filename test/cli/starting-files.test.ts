import { readFileSync } from "fs";
import { join } from "path";
import { run } from "../../src/cli/main";
import { weightTableToCells } from "../../src/core/weights";
import { readTable } from "../../src/files/read-table";
import { sampleTableCells } from "../../src/plans/sample-sheet";
import { tempDir } from "../helpers/files";

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await run(args, { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd, now: () => new Date("2026-01-02T03:04:05Z") });
  return { code, out: lines.join("\n") };
}

describe("live-index sample and live-index weights: starting files", () => {
  it("sample writes top100-2020.csv in the current folder: UTF-8 with a BOM, the report's table, ready to rank", async () => {
    const dir = tempDir("start-sample");
    const r = await cli(["sample"], dir);
    expect(r.code).toBe(0);
    const path = join(dir, "top100-2020.csv");
    expect(r.out).toContain(path);
    expect(readFileSync(path).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await readTable(path)).cells).toEqual(sampleTableCells());
    expect((await cli(["rank", "top100-2020.csv"], dir)).code).toBe(0);
  });

  it("refuses to overwrite without --force, in both languages, and overwrites with it", async () => {
    const dir = tempDir("start-force");
    expect((await cli(["weights"], dir)).code).toBe(0);
    const again = await cli(["weights"], dir);
    expect(again.code).not.toBe(0);
    expect(again.out).toMatch(/^错误：/m);
    expect(again.out).toMatch(/^Error: /m);
    expect((await cli(["weights", "--force"], dir)).code).toBe(0);
  });

  it.each(["zh", "en", "id"] as const)("weights --lang %s writes the canonical layout that check-weights accepts", async (lang) => {
    const dir = tempDir(`start-weights-${lang}`);
    expect((await cli(["weights", "--lang", lang, "--out", `w-${lang}.csv`], dir)).code).toBe(0);
    expect((await readTable(join(dir, `w-${lang}.csv`))).cells).toEqual(weightTableToCells(lang));
    const check = await cli(["check-weights", `w-${lang}.csv`], dir);
    expect(check.code).toBe(0);
  });

  it("writes .xlsx files as the task pane's sheets", async () => {
    const dir = tempDir("start-xlsx");
    expect((await cli(["sample", "--out", "样例.xlsx"], dir)).code).toBe(0);
    expect((await readTable(join(dir, "样例.xlsx"))).cells).toEqual(sampleTableCells());
    expect((await cli(["weights", "--out", "权重.xlsx", "--lang", "en"], dir)).code).toBe(0);
    expect((await cli(["check-weights", "权重.xlsx"], dir)).code).toBe(0);
  });

  it("refuses an --out that is neither .csv nor .xlsx, and a stray argument", async () => {
    const dir = tempDir("start-bad");
    expect((await cli(["sample", "--out", "x.txt"], dir)).code).toBe(2);
    expect((await cli(["weights", "extra"], dir)).code).toBe(2);
    expect((await cli(["weights", "--lang", "fr"], dir)).code).toBe(2);
  });
});
