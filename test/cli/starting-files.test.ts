import { readFileSync } from "fs";
import { join } from "path";
import { run } from "../../src/cli/main";
import { weightTableToCells } from "../../src/core/weights";
import { readTable } from "../../src/files/read-table";
import { sampleTableCells } from "../../src/plans/sample-sheet";
import { tempDir } from "../helpers/files";
import { loadSourceRuntime } from "../helpers/excel-runtime";

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

describe("live-index weights --from: weights from the data", () => {
  const dir = tempDir("data-weights");
  const example = join(__dirname, "../../examples/audit-invented.csv");

  it("writes the weights LIVEDATAWEIGHTS gives, as a table check-weights passes", async () => {
    const r = await cli(["weights", "--from", example, "--method", "entropy", "--out", "entropy.csv", "--lang", "id"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Weight table from the data (entropy) written");
    const written = (await readTable(join(dir, "entropy.csv"))).cells;
    const rt = await loadSourceRuntime();
    const data = (await readTable(example)).cells;
    const expected = rt.call("LIVEDATAWEIGHTS", data, "entropy") as unknown[][];
    // The same weights (ids instead of names in the first two columns).
    expect(written.slice(1).map((row) => Number(row[3]))).toEqual(expected.slice(1).map((row) => expect.closeTo(row[3] as number, 10)));
    expect((await cli(["check-weights", "entropy.csv"], dir)).code).toBe(0);
  });

  it("refuses --method without --from, an unknown method, and sub-index data", async () => {
    expect((await cli(["weights", "--method", "critic"], dir)).out).toContain("--method goes with weights from the data only: add --from <data file>.");
    expect((await cli(["weights", "--from", example, "--method", "ahp"], dir)).out).toContain("--method");
    const sub = await cli(["weights", "--from", join(__dirname, "../../examples/top100-2020.csv"), "--out", "sub.csv"], dir);
    expect(sub.out).toContain("Weights from the data need the raw indicators");
  });
});
