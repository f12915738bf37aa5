/**
 * Two projects:
 * - unit: the engine, the plans, the Office.js layer against the in-memory stand-in, the custom
 *   functions from source in this process, the file writers and readers, the command line: no
 *   webpack build, Chromium, LibreOffice or xmllint (`npm run test:unit`, the inner loop);
 * - integration: the built bundle (functions as Excel loads them, the benchmark's budgets), the
 *   task pane in headless Chromium, LibreOffice recalculating the files, the manifest against the
 *   schemas, the compiled command line, and the tables of a million rows (*.large.test.ts).
 * `npm test` runs both.
 */
// Transpile only (tsconfig.json's isolatedModules): types are checked once, by `npm run lint` (tsc --noEmit), not again in every worker.
const transform = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
const moduleNameMapper = { "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js" };

const INTEGRATION = [
  "<rootDir>/test/browser/**/*.test.ts",
  "<rootDir>/test/bench/**/*.test.ts",
  "<rootDir>/test/functions/bundle.test.ts",
  "<rootDir>/test/functions/metadata.test.ts",
  "<rootDir>/test/manifest.test.ts",
  "<rootDir>/test/manifest-production.test.ts",
  "<rootDir>/test/cli/bin.test.ts",
  "<rootDir>/test/**/*.libreoffice.test.ts",
  "<rootDir>/test/**/*.large.test.ts",
];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      testPathIgnorePatterns: [
        "/node_modules/",
        "/test/browser/",
        "/test/bench/",
        "/test/functions/bundle\\.test\\.ts$",
        "/test/functions/metadata\\.test\\.ts$",
        "/test/manifest\\.test\\.ts$",
        "/test/manifest-production\\.test\\.ts$",
        "/test/cli/bin\\.test\\.ts$",
        "\\.libreoffice\\.test\\.ts$",
        "\\.large\\.test\\.ts$",
      ],
      transform,
      moduleNameMapper,
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: INTEGRATION,
      transform,
      moduleNameMapper,
    },
  ],
};
