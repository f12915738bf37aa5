#!/usr/bin/env node
/**
 * `npm start`: sideloads the add-in into Excel desktop with office-addin-debugging (Windows, macOS).
 * On other platforms Excel desktop does not exist, so sideloading cannot work: say what to do instead.
 * Extra arguments go to office-addin-debugging, e.g. `npm start -- web --document <url>`.
 */
const { spawnSync } = require("child_process");

const args = process.argv.slice(2);
const wantsWeb = args.includes("web");
if (process.platform !== "win32" && process.platform !== "darwin" && !wantsWeb) {
  console.log(
    [
      "Excel 桌面版只有 Windows 和 macOS 版本，这台机器（" + process.platform + "）无法旁加载。",
      "Excel desktop runs only on Windows and macOS, so the add-in cannot be sideloaded on this machine (" + process.platform + ").",
      "",
      "改用网页版 Excel / Use Excel on the web instead:",
      "  1. npm run dev-server            # 在 https://localhost:3000 提供加载项 / serves the add-in on https://localhost:3000",
      "  2. 在浏览器中打开 OneDrive 或 SharePoint 上的工作簿 / open a workbook on OneDrive or SharePoint in a browser",
      "  3. 开始 > 加载项 > 上传我的加载项，选择 manifest.xml / Home > Add-ins > Upload My Add-in, pick manifest.xml",
      "  或 / or: npm start -- web --document <workbook URL>",
    ].join("\n"),
  );
  process.exit(0);
}
const res = spawnSync("npx", ["office-addin-debugging", "start", "manifest.xml", ...args], { stdio: "inherit", shell: process.platform === "win32" });
process.exit(res.status ?? 1);
