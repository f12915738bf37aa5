/**
 * The production manifest (`ADDIN_URL=https://host/path/ npm run build` → dist/manifest.xml): built
 * here with webpack into a folder of its own, then checked: every URL on the hosting URL and none
 * on localhost, the development manifest's Id and version, ProviderName from package.json, and
 * schema-valid (xmllint, as manifest.test.ts checks the development one).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "./helpers/files";

const { productionManifest, checkAddinUrl } = require("../scripts/production-manifest") as {
  productionManifest: (xml: string, o: { addinUrl: string; packageJson: { author?: unknown; homepage?: string } }) => string;
  checkAddinUrl: (u: string) => string;
};

const ROOT = path.join(__dirname, "..");
const DEV = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { author: string; version: string };
const XSD = path.join(ROOT, "test", "fixtures", "manifest-xsd", "OfficeAppManifestV1_1.xsd");
const HOST = "https://example.org/live-index/";

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
const urls = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);

describe("productionManifest", () => {
  it("puts every URL on the hosting URL, keeps the Id and version, takes ProviderName from package.json", () => {
    const xml = productionManifest(DEV, { addinUrl: "https://example.org/live-index", packageJson: { author: "某市商务局 <it@example.org>" } });
    expect(urls(xml).length).toBe(urls(DEV).length);
    expect(urls(xml).every((u) => u.startsWith(HOST))).toBe(true);
    expect(xml).not.toContain("localhost");
    expect(tag(xml, "Id")).toBe(tag(DEV, "Id"));
    expect(tag(xml, "Version")).toBe(tag(DEV, "Version"));
    expect(tag(xml, "ProviderName")).toBe("某市商务局");
    expect(xml).toContain(`<SupportUrl DefaultValue="${HOST}taskpane.html"/>`);
  });

  it("links support and learn-more to package.json's homepage when it has one", () => {
    const xml = productionManifest(DEV, { addinUrl: HOST, packageJson: { author: { name: "A & B" }, homepage: "https://example.org/docs" } });
    expect(xml).toContain('<SupportUrl DefaultValue="https://example.org/docs"/>');
    expect(xml).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://example.org/docs"/>');
    expect(tag(xml, "ProviderName")).toBe("A &amp; B");
  });

  it.each([
    ["http://example.org/", /https:\/\//],
    ["https://localhost:3000/", /localhost/],
    ["example.org", /not a URL/],
    ["https://example.org/?x=1", /query/],
  ])("refuses ADDIN_URL %s, in both languages", (url, message) => {
    expect(() => checkAddinUrl(url)).toThrow(message);
    expect(() => checkAddinUrl(url)).toThrow(/ADDIN_URL/);
  });

  it("refuses a package.json without an author", () => {
    expect(() => productionManifest(DEV, { addinUrl: HOST, packageJson: {} })).toThrow(/author/);
  });
});

describe("ADDIN_URL=… npm run build", () => {
  it("writes dist/manifest.xml on the hosting URL, schema-valid, beside the files it names", () => {
    const out = tempDir("prod-build");
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", out], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_URL: HOST },
      encoding: "utf8",
      timeout: 300_000,
    });
    expect({ status: r.status, stderr: r.stderr.slice(-2000) }).toMatchObject({ status: 0 });
    const xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(xml).not.toContain("localhost");
    expect(urls(xml).every((u) => u.startsWith(HOST))).toBe(true);
    expect(tag(xml, "ProviderName")).toBe(PACKAGE.author);
    // Every file the manifest names is in the build.
    for (const u of urls(xml)) expect([u, fs.existsSync(path.join(out, ...u.slice(HOST.length).split("/")))]).toEqual([u, true]);
    if (spawnSync("xmllint", ["--version"]).status === 0) {
      const v = spawnSync("xmllint", ["--noout", "--schema", XSD, path.join(out, "manifest.xml")], { encoding: "utf8" });
      expect(v.status).toBe(0);
    }
  }, 300_000);
});
