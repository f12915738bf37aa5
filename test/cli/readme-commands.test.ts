/**
 * Every `npx live-index …` line of the README, run as written (comments dropped) and in order, in
 * a fresh folder holding a copy of examples/: a newcomer following the README to the letter gets
 * exit code 0 and the files it promises.
 */
import { cpSync, existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { run } from "../../src/cli/main";
import { tempDir } from "../helpers/files";

const ROOT = resolve(__dirname, "../..");

/** The README's command lines: inside ```sh blocks, starting with "npx live-index". */
function readmeCommands(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => b.split("\n")).filter((l) => l.startsWith("npx live-index "));
}

/** A command line as arguments: words, "quoted words", and no trailing # comment. */
function args(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  const rest = line.slice("npx live-index ".length);
  while ((m = re.exec(rest))) {
    if (m[2]?.startsWith("#")) break;
    out.push(m[1] ?? m[2]);
  }
  return out;
}

describe("the README's command lines", () => {
  const commands = readmeCommands();

  it("are there: rank, check-weights, sample and weights lines", () => {
    expect(commands.length).toBeGreaterThanOrEqual(10);
    for (const c of ["rank", "check-weights", "sample", "weights"]) expect(commands.some((l) => args(l)[0] === c)).toBe(true);
  });

  it("all run as written, in order, in a fresh folder with a copy of examples/", async () => {
    const dir = tempDir("readme");
    cpSync(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
    for (const line of commands) {
      const lines: string[] = [];
      const code = await run(args(line), { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: dir, now: () => new Date("2026-12-01T07:00:00Z") });
      expect([line, code, code === 0 ? "" : lines.join("\n")]).toEqual([line, 0, ""]);
    }
    for (const file of [
      "百强.xlsx",
      "我的权重.csv",
      "百强-ranked.xlsx",
      "ranked.xlsx",
      "raw-ranked.xlsx",
      "examples/yearbook-style-ranked.xlsx",
      "权重分析.xlsx",
      "critic-weights.csv",
      "ahp-weights.csv",
      "ahp-geometric.xlsx",
      "不确定性.xlsx",
      "排名变化.csv",
      "2021-ranked.xlsx",
    ]) {
      expect([file, existsSync(join(dir, file))]).toEqual([file, true]);
    }
  }, 120_000);
});
