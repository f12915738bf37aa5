#!/usr/bin/env node
/**
 * `npm run validate [-- <manifest>] [--online]`: checks manifest.xml (or the manifest named, e.g.
 * the production build's dist/manifest.xml) against the add-in manifest schemas offline (xmllint,
 * Debian package libxml2-utils), then, with `--online`, also with office-addin-manifest validate,
 * which needs the internet. Exits non-zero when a check fails or could not run.
 */
const { spawnSync } = require("child_process");
const path = require("path");

const fs = require("fs");

const xsd = path.join(__dirname, "..", "test", "fixtures", "manifest-xsd", "OfficeAppManifestV1_1.xsd");
const manifest = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "manifest.xml";
if (!fs.existsSync(manifest)) {
  const hint = manifest.startsWith("dist") ? "先运行 ADDIN_URL=https://… npm run build。/ Run ADDIN_URL=https://… npm run build first." : "";
  console.error(`找不到 ${manifest}。/ ${manifest} not found. ${hint}`.trim());
  process.exit(2);
}
const which = spawnSync("sh", ["-c", "command -v xmllint"], { encoding: "utf8" });
if (which.status !== 0) {
  console.error("找不到 xmllint，请安装 libxml2-utils。/ xmllint not found: install libxml2-utils (apt-get install -y libxml2-utils).");
  process.exit(2);
}
const res = spawnSync("xmllint", ["--noout", "--schema", xsd, manifest], { encoding: "utf8" });
process.stdout.write(res.stdout);
process.stderr.write(res.stderr);
if (res.status !== 0) {
  console.error(`${manifest} 未通过架构检查。/ ${manifest} failed the schema check.`);
  process.exit(1);
}
console.log(`${manifest} 通过架构检查。/ ${manifest} passes the schema check.`);
if (process.argv.includes("--online")) {
  // office-addin-manifest can exit 0 when the online service could not be reached or found problems:
  // its output is shown, and only its own "The manifest is valid." counts as a pass.
  const online = spawnSync("npx", ["office-addin-manifest", "validate", manifest], { encoding: "utf8" });
  process.stdout.write(online.stdout || "");
  process.stderr.write(online.stderr || "");
  if (online.status !== 0 || !/The manifest is valid\./.test(`${online.stdout}`)) {
    console.error("在线验证未能完成或未通过（需要互联网）。/ The online validation did not run or did not pass (it needs the internet).");
    process.exit(1);
  }
}
