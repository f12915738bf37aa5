// Builds the add-in into dist/: functions.js (+ functions.json, functions.zh-CN.json), taskpane.html
// (which hosts the functions bundle: shared runtime), taskpane.js and assets/.
// manifest.xml and test/manifest.test.ts (BUILD_OUTPUTS) must agree with what this emits.
const path = require("path");
const fs = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { localiseMetadata } = require("./scripts/localise-metadata");

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

async function devServerHttps() {
  // Trusted localhost certificates for Excel; created on first use by office-addin-dev-certs.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: FUNCTIONS_SOURCE,
      taskpane: "./src/taskpane/taskpane.ts",
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
        ],
      }),
      new webpack.DefinePlugin({ ADDIN_VERSION: JSON.stringify(require("./package.json").version) }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await devServerHttps() } : undefined,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};
