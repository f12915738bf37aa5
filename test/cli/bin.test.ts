/** bin/live-index.js: the command line as a user runs it, compiled with tsconfig.node.json. */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { top100Cells } from "../helpers/fixtures";
import { tempDir, toCsv } from "../helpers/files";

const ROOT = resolve(__dirname, "../..");

describe("bin/live-index.js", () => {
  const dir = tempDir("bin");

  it("tells the user to build when build/node is missing", () => {
    mkdirSync(join(dir, "bin"));
    copyFileSync(join(ROOT, "bin", "live-index.js"), join(dir, "bin", "live-index.js"));
    const r = spawnSync(process.execPath, [join(dir, "bin", "live-index.js"), "--help"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("npm run build:node");
  });

  it("runs the compiled command line with its exit codes", () => {
    // Compile into the temp folder (the project's build/ is left alone) and run the bin beside it.
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.node.json"), "--outDir", join(dir, "build", "node")],
      { stdio: "pipe" },
    );
    const env = { ...process.env, NODE_PATH: join(ROOT, "node_modules") };
    const bin = join(dir, "bin", "live-index.js");
    writeFileSync(join(dir, "t.csv"), toCsv(top100Cells()));
    const ok = spawnSync(process.execPath, [bin, "rank", "t.csv", "--top", "20"], { encoding: "utf8", cwd: dir, env });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("No. 1: 浙江省 杭州市 滨江区  78.61");
    expect(existsSync(join(dir, "t-ranked.xlsx"))).toBe(true);
    const bad = spawnSync(process.execPath, [bin, "rank", "nope.xlsx"], { encoding: "utf8", cwd: dir, env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`错误：找不到文件：${join(dir, "nope.xlsx")}\nError: File not found: ${join(dir, "nope.xlsx")}\n`);
  }, 60_000);
});
