// ESLint 9 flat config in the Office add-in convention: eslint-plugin-office-addins' recommended
// rules (Office.js load/sync rules and the Prettier check), with typescript-eslint's recommended rules.
// Under typescript-eslint 8.7x the plugin's config carries no TypeScript parser of its own: set it here.
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");
const globals = require("globals");

module.exports = [
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test-output/", "docs/"] },
  // The plugin's config brings its own (older, nested) @typescript-eslint plugin: use the project's one instead.
  ...officeAddins.configs.recommended.map(({ plugins, ...config }) => {
    if (!plugins) return config;
    const rest = { ...plugins };
    delete rest["@typescript-eslint"];
    return { ...config, plugins: rest };
  }),
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The Office.js load/sync rules know Office proxies by shape only: the tests' in-memory stand-in (whose
    // objects are plain values) and exceljs's cells in src/files read like unloaded proxies to them.
    files: ["test/**/*.ts", "bench/**/*.ts", "src/files/**/*.ts"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
