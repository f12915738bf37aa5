/**
 * Raw-indicator input on the report's scale: by default each computed sub-index of the ranked sheet
 * is rescaled to a maximum of exactly 100, as the report's Top-100 columns are; --no-rescale keeps
 * the weighted means of the scaled indicators. The note says which.
 */
import { join, resolve } from "path";
import * as ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { tempDir } from "../helpers/files";

const EXAMPLE = resolve(__dirname, "../../examples/raw-indicators-invented.csv");

async function rankedColumns(flags: string[]): Promise<{ maxima: number[]; text: string }> {
  const dir = tempDir("rescale");
  const out = join(dir, "r.xlsx");
  const code = await run(["rank", EXAMPLE, "--out", out, ...flags], { out: () => undefined, err: () => undefined, cwd: dir, now: () => new Date() });
  expect(code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0];
  const maxima = [5, 6, 7, 8, 9].map((c) => {
    let m = -Infinity;
    for (let r = 3; r <= 52; r++) m = Math.max(m, ws.getCell(r, c).value as number);
    return m;
  });
  // The note (columns L and M) as one text: it cuts long texts into lines.
  const text: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) for (const c of [12, 13]) if (typeof ws.getCell(r, c).value === "string") text.push(ws.getCell(r, c).value as string);
  return { maxima, text: text.join("") };
}

describe("rank: sub-indices of raw indicators on the report's scale", () => {
  it("rescales each sub-index to a maximum of 100 by default, and says so in the note", async () => {
    const { maxima, text } = await rankedColumns([]);
    // Exactly 100, so that =MAX(…)=100 holds in the sheet.
    for (const m of maxima) expect(m).toBe(100);
    expect(text).toContain("计算出的每个分指数再按比例缩放，使其最大值为 100");
  });

  it("keeps them unscaled with --no-rescale (some maximum below 100), and the note says nothing of it", async () => {
    const { maxima, text } = await rankedColumns(["--no-rescale"]);
    expect(maxima.some((m) => m < 99)).toBe(true);
    expect(text).not.toContain("使其最大值为 100");
    const again = await rankedColumns(["--no-rescale", "--rescale"]);
    for (const m of again.maxima) expect(m).toBeCloseTo(100, 9);
  });
});

describe("check-weights: the impact on raw indicators is the ranking `rank` writes", () => {
  const WEIGHTS = resolve(__dirname, "../../examples/weights-goods30-supply35.csv");

  /** District → rank in the sheet `rank` writes. */
  async function ranks(flags: string[]): Promise<Map<string, number>> {
    const dir = tempDir("rescale-impact");
    const out = join(dir, "r.xlsx");
    expect(await run(["rank", EXAMPLE, "--out", out, ...flags], { out: () => undefined, err: () => undefined, cwd: dir })).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const byName = new Map<string, number>();
    for (let r = 3; r <= 52; r++) byName.set(String(ws.getCell(r, 4).value), ws.getCell(r, 1).value as number);
    return byName;
  }

  /** The mean absolute rank shift printed by check-weights. */
  async function printedShift(flags: string[]): Promise<number> {
    const lines: string[] = [];
    const dir = tempDir("rescale-check");
    expect(
      await run(["check-weights", WEIGHTS, "--data", EXAMPLE, "--lang", "en", ...flags], { out: (l) => lines.push(l), err: () => undefined, cwd: dir }),
    ).toBe(0);
    const line = lines.find((l) => l.includes("Mean absolute rank shift"))!;
    return Number(line.split(": ").pop());
  }

  async function shiftFromSheets(flags: string[]): Promise<number> {
    const before = await ranks(flags);
    const after = await ranks([...flags, "--weights", WEIGHTS]);
    let sum = 0;
    for (const [name, r] of before) sum += Math.abs(r - after.get(name)!);
    return sum / before.size;
  }

  it("rescales by default, as rank does, and not with --no-rescale", async () => {
    const rescaled = await shiftFromSheets([]);
    const unscaled = await shiftFromSheets(["--no-rescale"]);
    // The choice matters on this table, so the two checks below can tell one from the other.
    expect(rescaled.toFixed(2)).not.toBe(unscaled.toFixed(2));
    expect(await printedShift([])).toBeCloseTo(rescaled, 2);
    expect(await printedShift(["--no-rescale"])).toBeCloseTo(unscaled, 2);
  });
});
