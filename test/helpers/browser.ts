/**
 * Helpers for browser tests: a static server for dist/ on the loopback interface, the fake
 * Office bundle, and headless Chromium via playwright-core (Debian's /usr/bin/chromium).
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import { ROOT } from "./excel-runtime";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  return fs.existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/** Serves a folder on 127.0.0.1 at a free port. */
export async function serveFolder(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    const file = path.resolve(dir, rel || "taskpane.html");
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Bundles test/browser/fake-office-entry.ts for the page (webpack, once per run). */
export async function buildFakeOfficeBundle(): Promise<string> {
  const webpack = require("webpack") as typeof import("webpack");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "fake-office-"));
  await new Promise<void>((resolve, reject) =>
    webpack(
      {
        mode: "development",
        devtool: false,
        target: "web",
        entry: path.join(ROOT, "test", "browser", "fake-office-entry.ts"),
        output: { path: out, filename: "fake-office.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: { rules: [{ test: /\.ts$/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } } }] },
      },
      (err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString("errors-only"))) : resolve()),
    ),
  );
  return fs.readFileSync(path.join(out, "fake-office.js"), "utf8");
}
