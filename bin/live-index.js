#!/usr/bin/env node
// live-index: the command line (src/cli/main.ts), compiled by `npm run build:node`.
"use strict";
const { existsSync } = require("fs");
const { join } = require("path");

const main = join(__dirname, "..", "build", "node", "cli", "main.js");
if (!existsSync(main)) {
  process.stderr.write(
    "live-index 尚未编译：请在项目目录中运行 npm run build:node。\n" + "live-index is not built yet: run `npm run build:node` in the project directory.\n",
  );
  process.exit(1);
}
require(main)
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
