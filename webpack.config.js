// Builds the add-in into dist/: functions.js (+ functions.json, functions.zh-CN.json), taskpane.html
// (which hosts the functions bundle: shared runtime), taskpane.js, analysis-worker.js (the robustness analyses off the pane's thread), assets/, and help.html (the
// README as a page, with its screenshots).
// manifest.xml and test/manifest.test.ts (BUILD_OUTPUTS) must agree with what this emits.
const path = require("path");
const fs = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { localiseMetadata } = require("./scripts/localise-metadata");
const { productionManifest, checkAddinUrl } = require("./scripts/production-manifest");
const { helpPage } = require("./scripts/help-page");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";

/** Emits functions.zh-CN.json: functions.json with the Chinese descriptions of metadata-zh.json. */
class LocalisedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalisedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LocalisedMetadataPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const source = compilation.getAsset("functions.json");
        if (!source) return;
        const zh = JSON.parse(fs.readFileSync(path.resolve(__dirname, "src/functions/metadata-zh.json"), "utf8"));
        const out = localiseMetadata(JSON.parse(source.source.source().toString()), zh);
        compilation.emitAsset("functions.zh-CN.json", new compiler.webpack.sources.RawSource(JSON.stringify(out, null, 2)));
      });
    });
  }
}

/** Emits help.html, the README as a page (scripts/help-page.js): the pane's help link and the manifest's support link. */
class HelpPagePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPagePlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const readme = path.resolve(__dirname, "README.md");
        compilation.fileDependencies.add(readme);
        const html = helpPage(fs.readFileSync(readme, "utf8"), { version: require("./package.json").version });
        compilation.emitAsset("help.html", new compiler.webpack.sources.RawSource(html));
      });
    });
  }
}

/** With ADDIN_URL set: emits manifest.xml for that hosting URL (scripts/production-manifest.js). */
class ProductionManifestPlugin {
  constructor(addinUrl) {
    this.addinUrl = addinUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ProductionManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ProductionManifestPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const xml = fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8");
        const packageJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, "package.json"), "utf8"));
        compilation.emitAsset("manifest.xml", new compiler.webpack.sources.RawSource(productionManifest(xml, { addinUrl: this.addinUrl, packageJson })));
      });
    });
  }
}

async function devServerHttps() {
  const devCerts = require("office-addin-dev-certs");
  if (process.platform === "linux") return linuxDevCerts(devCerts);
  // Trusted localhost certificates for Excel; created and installed on first use by office-addin-dev-certs.
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/**
 * On Linux office-addin-dev-certs installs its CA with sudo and stops when that fails. Here the
 * certificates are only generated (in ~/.office-addin-dev-certs, as on the other platforms) and
 * the server starts; how to make the browser trust them is printed, once per run.
 */
async function linuxDevCerts(devCerts) {
  const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
  const [ca, cert, key] = ["ca.crt", "localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
  if (![ca, cert, key].every((f) => fs.existsSync(f))) await devCerts.generateCertificates(ca, cert, key);
  console.log(
    [
      `开发证书在 ${dir}。要让浏览器信任 https://localhost:3000，请导入 ${ca}：`,
      `The development certificates are in ${dir}. To make a browser trust https://localhost:3000, import ${ca}:`,
      `  Chrome/Edge: 设置 › 隐私和安全 › 安全 › 管理证书 › 授权机构 › 导入 / Settings › Privacy and security › Security › Manage certificates › Authorities › Import`,
      `  Firefox: 设置 › 隐私与安全 › 证书 › 查看证书 › 证书颁发机构 › 导入 / Settings › Privacy & Security › Certificates › View Certificates › Authorities › Import`,
      `  系统范围 / system-wide: sudo cp ${ca} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
    ].join("\n"),
  );
  return { ca: fs.readFileSync(ca), cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

/**
 * ADDIN_URL checked before anything is built: a bad one stops the build with its message once (not
 * inside a webpack stack trace), and a missing final "/" is added, saying so.
 */
function hostingUrl() {
  const raw = process.env.ADDIN_URL;
  if (!raw) return null;
  try {
    const url = checkAddinUrl(raw);
    if (!raw.endsWith("/")) console.log(`ADDIN_URL 末尾补上了 "/" / ADDIN_URL taken as ${url} (with the final "/")`);
    return url;
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const addinUrl = hostingUrl();
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/taskpane.ts",
      // The robustness analyses' Web Worker (src/taskpane/analysis-client.ts starts it from analysis-worker.js).
      "analysis-worker": "./src/taskpane/analysis-worker.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.json", onlyCompileBundledFiles: true, compilerOptions: { module: "es2020" } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new LocalisedMetadataPlugin(),
      new HelpPagePlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The functions bundle first: the task pane page is also the functions' runtime.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          // The README's screenshots, for help.html.
          { from: "docs/screenshots/*.png", to: "docs/screenshots/[name][ext]" },
        ],
      }),
      new webpack.DefinePlugin({ ADDIN_VERSION: JSON.stringify(require("./package.json").version) }),
      ...(addinUrl ? [new ProductionManifestPlugin(addinUrl)] : []),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await devServerHttps() } : undefined,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};
