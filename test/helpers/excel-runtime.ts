/**
 * Loads the custom functions the way Excel does, from the BUILT bundle (dist/functions.js) or,
 * for the fast unit loop, from the SOURCE (src/functions/functions.ts, in this process):
 *
 * - {@link loadExcelRuntime}: the webpack output, the generated functions.json and the
 *   `CustomFunctions.associate` calls that custom-functions-metadata-plugin appends: exactly what ships.
 * - {@link loadSourceRuntime}: the same checks and the same fake globals, with the metadata
 *   generated from the source's JSDoc by custom-functions-metadata (what the plugin runs) and the
 *   functions imported directly; no webpack build. test/functions/bundle.test.ts checks that the
 *   bundle answers as the source does.
 *
 * - {@link ensureBuilt} runs `npm run build` once when dist/ is missing or older than the sources
 *   (a lock directory keeps parallel jest workers from building over each other).
 * - {@link loadExcelRuntime} evaluates the bundle in a `vm` context whose globals are a fake
 *   `CustomFunctions` namespace (associate, Error, ErrorCode as in custom-functions-runtime.js)
 *   and an `Office` global whose `context.displayLanguage` can be set per call.
 * - {@link ExcelRuntime.call} checks the arguments against functions.json as Excel would pass
 *   them (matrix parameters as 2-D arrays, omitted optionals as null, the invocation object
 *   appended for `requiresParameterAddresses`), then returns the result, or the thrown
 *   CustomFunctions.Error as a value. Anything else thrown is a crash and is rethrown.
 */
import { execSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";

/** The project folder: the nearest folder up from here with webpack.config.js (also when compiled into build/). */
export const ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "webpack.config.js"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, "..", "..");
  }
})();
export const DIST = path.join(ROOT, "dist");
export const BUNDLE = path.join(DIST, "functions.js");
export const METADATA = path.join(DIST, "functions.json");
export const METADATA_ZH = path.join(DIST, "functions.zh-CN.json");
/** Every output the tests load; the build is fresh when all exist and none is older than src/. */
export const BUILD_OUTPUTS = [
  BUNDLE,
  METADATA,
  METADATA_ZH,
  ...["taskpane.html", "taskpane.js", "taskpane.css", "analysis-worker.js"].map((f) => path.join(DIST, f)),
];

/** Generous: a production build takes a few seconds, but CI machines can be slow. */
export const BUILD_TIMEOUT_MS = 120_000;

// ---- the fake CustomFunctions namespace --------------------------------------------------------

/** The error codes of custom-functions-runtime.js (CustomFunctions.ErrorCode). */
export const ErrorCode = Object.freeze({
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
});
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];
const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Stand-in for CustomFunctions.Error, shaped like the real CustomFunctionError: an Error subclass
 * with `code` (default #VALUE!) and `message`. Excel shows a message only on #VALUE! and #N/A.
 */
export class CustomFunctionError extends Error {
  readonly code: ErrorCodeValue;
  constructor(code?: ErrorCodeValue, message?: string) {
    super(message || "");
    Object.setPrototypeOf(this, CustomFunctionError.prototype);
    this.name = "CustomFunctionError";
    if (code !== undefined && !ERROR_CODES.has(code)) throw new TypeError(`CustomFunctions.Error: unknown error code ${String(code)}`);
    this.code = code || ErrorCode.invalidValue;
  }
}

export function isCustomFunctionError(v: unknown): v is CustomFunctionError {
  return v instanceof CustomFunctionError;
}

// ---- metadata ----------------------------------------------------------------------------------

export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: "scalar" | "matrix";
  readonly optional?: boolean;
  readonly repeating?: boolean;
}
export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result?: { readonly type?: string; readonly dimensionality?: "scalar" | "matrix" };
  readonly options?: {
    readonly requiresParameterAddresses?: boolean;
    readonly requiresAddress?: boolean;
    readonly stream?: boolean;
    readonly cancelable?: boolean;
    readonly volatile?: boolean;
  };
}
export interface MetadataFile {
  readonly functions: readonly FunctionMetadata[];
  readonly [key: string]: unknown;
}

// ---- building ----------------------------------------------------------------------------------

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when every output exists and functions.js is at least as new as every input. */
export function isBuildFresh(): boolean {
  if (!BUILD_OUTPUTS.every((f) => fs.existsSync(f))) return false;
  const inputs = Math.max(
    newestMtime(path.join(ROOT, "src")),
    ...["webpack.config.js", "scripts/localise-metadata.js"].map((f) => (fs.existsSync(path.join(ROOT, f)) ? fs.statSync(path.join(ROOT, f)).mtimeMs : 0)),
  );
  return Math.min(...BUILD_OUTPUTS.map((f) => fs.statSync(f).mtimeMs)) >= inputs;
}

const LOCK = path.join(os.tmpdir(), `excel-runtime-build-${crypto.createHash("sha1").update(ROOT).digest("hex").slice(0, 12)}.lock`);

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function waitForLock(deadline: number): void {
  while (fs.existsSync(LOCK)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for another jest worker's build (lock ${LOCK})`);
    // A lock left behind by a killed worker is stale after the build timeout.
    try {
      if (Date.now() - fs.statSync(LOCK).mtimeMs > BUILD_TIMEOUT_MS) fs.rmSync(LOCK, { recursive: true, force: true });
    } catch {
      /* removed meanwhile */
    }
    sleep(200);
  }
}

/**
 * Runs `npm run build` when dist/functions.js is missing or older than any file in src/
 * (or webpack.config.js, scripts/localise-metadata.js). Safe to call from parallel workers.
 * Returns true when this call built.
 */
export function ensureBuilt(): boolean {
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    waitForLock(deadline);
    if (isBuildFresh()) return false;
    try {
      fs.mkdirSync(LOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") continue; // another worker won the race
      throw e;
    }
    try {
      if (isBuildFresh()) return false;
      execSync("npm run build", { cwd: ROOT, stdio: "pipe", timeout: BUILD_TIMEOUT_MS, env: { ...process.env, NODE_ENV: "production" } });
      // webpack does not rewrite an output whose content is unchanged (compareBeforeEmit), so its
      // mtime can stay older than an edited comment in src/: mark the outputs as built now.
      const now = new Date();
      for (const f of BUILD_OUTPUTS) if (fs.existsSync(f)) fs.utimesSync(f, now, now);
      if (!isBuildFresh()) throw new Error("npm run build finished but dist/ is still missing or stale");
      return true;
    } catch (e) {
      const err = e as { stdout?: Buffer; stderr?: Buffer; message: string };
      throw new Error(`npm run build failed: ${err.message}\n${err.stdout?.toString() ?? ""}\n${err.stderr?.toString() ?? ""}`);
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export function readMetadata(file: string = METADATA): MetadataFile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as MetadataFile;
}

// ---- the runtime -------------------------------------------------------------------------------

export type DisplayLanguage = "en-US" | "zh-CN" | string;

/** One cell of a result as the tests see it. */
export type Cell = number | string | boolean | CustomFunctionError;
/** What a call gives back: a spilled 2-D array, a scalar, or a thrown CustomFunctions.Error. */
export type CallResult = Cell[][] | Cell;

export interface Invocation {
  readonly functionName: string;
  readonly address?: string;
  readonly parameterAddresses?: (string | null)[];
}

export interface CallOptions {
  /** Office.context.displayLanguage for this call; default the runtime's current one. */
  readonly lang?: DisplayLanguage;
  /** Addresses of the range arguments, for functions with requiresParameterAddresses. */
  readonly addresses?: (string | null)[];
}

export interface ExcelRuntime {
  readonly metadata: MetadataFile;
  readonly metadataZh: MetadataFile;
  /** Function ids registered by the bundle's CustomFunctions.associate calls, in order. */
  readonly registered: readonly string[];
  /** Office.context.displayLanguage for calls without their own `lang`. */
  displayLanguage: DisplayLanguage;
  /** Calls a function by id the way Excel does (see the file comment). */
  call(id: string, ...args: unknown[]): CallResult;
  /** {@link call} with a display language and/or parameter addresses. */
  callWith(options: CallOptions, id: string, ...args: unknown[]): CallResult;
  /** {@link callWith} for a call that may return a promise (a function that reads the workbook first): awaits it. */
  callAsync(options: CallOptions, id: string, ...args: unknown[]): Promise<CallResult>;
  /** The registered function itself, without the checks of {@link call}: for the benchmark. */
  impl(id: string): (...args: unknown[]) => unknown;
}

/** A result that must never reach a cell (see {@link resultProblems}). */
export class BadResultError extends Error {
  override name = "BadResultError";
}

/** A mistake in a test's call that Excel could never make (wrong arity, a 1-D array, …). */
export class ExcelCallError extends Error {
  override name = "ExcelCallError";
}

function isMatrix(v: unknown): v is unknown[][] {
  return Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every((c) => !Array.isArray(c)));
}

function isScalarOfType(v: unknown, type: string | undefined): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return false;
  switch (type) {
    case "number":
      return typeof v === "number";
    case "boolean":
      return typeof v === "boolean";
    case "string":
      return typeof v === "string";
    default:
      return true; // any
  }
}

/** Checks and completes the arguments of one call as Excel would pass them. */
export function excelArguments(fn: FunctionMetadata, args: readonly unknown[], addresses?: readonly (string | null)[]): unknown[] {
  const params = fn.parameters;
  if (args.length > params.length) throw new ExcelCallError(`${fn.id} takes at most ${params.length} argument(s), got ${args.length}`);
  const out: unknown[] = [];
  params.forEach((p, i) => {
    // Omitted optional arguments arrive as null (never undefined).
    const v = i < args.length && args[i] !== undefined ? args[i] : null;
    if (v === null) {
      if (!p.optional) throw new ExcelCallError(`${fn.id}: required argument "${p.name}" is missing`);
      out.push(null);
      return;
    }
    if (p.dimensionality === "matrix") {
      if (!isMatrix(v)) throw new ExcelCallError(`${fn.id}: "${p.name}" is a matrix parameter: pass a 2-D array, got ${JSON.stringify(v)}`);
      if (p.type && p.type !== "any" && !v.every((row) => row.every((c) => isScalarOfType(c, p.type)))) {
        throw new ExcelCallError(`${fn.id}: "${p.name}" takes ${p.type} cells`);
      }
    } else if (!isScalarOfType(v, p.type)) {
      throw new ExcelCallError(`${fn.id}: "${p.name}" is a scalar ${p.type ?? "any"} parameter, got ${JSON.stringify(v)}`);
    }
    out.push(v);
  });
  if (fn.options?.requiresParameterAddresses || fn.options?.requiresAddress || fn.options?.stream || fn.options?.cancelable) {
    const invocation: Invocation = {
      functionName: fn.id,
      address: fn.options?.requiresAddress ? "Sheet1!A1" : undefined,
      parameterAddresses: fn.options?.requiresParameterAddresses ? params.map((_, i) => addresses?.[i] ?? null) : undefined,
    };
    out.push(invocation);
  } else if (addresses) {
    throw new ExcelCallError(`${fn.id} does not declare requiresParameterAddresses: Excel would not pass addresses`);
  }
  return out;
}

/** Copies a result out of the vm realm: plain host arrays, error objects kept as they are. */
function toHost(v: unknown): unknown {
  if (Array.isArray(v)) return Array.from(v, toHost);
  return v;
}

/**
 * Evaluates dist/functions.js in a fresh vm context with fake CustomFunctions and Office globals.
 * Call {@link ensureBuilt} first (in a beforeAll with a generous timeout).
 */
/**
 * Loads the built bundle. By default in a realm of its own (a vm context), so that nothing of the
 * test leaks into it; `sameRealm` runs it in this realm instead, as Excel runs the functions in
 * the page that passes them their arguments: the benchmark's choice, since cross-realm arrays
 * make every Array.isArray and property read slower than in Excel.
 */
export function loadExcelRuntime(options: { sameRealm?: boolean } = {}): ExcelRuntime {
  const { registry, registered, office, customFunctions } = fakeGlobals();
  const code = fs.readFileSync(BUNDLE, "utf8");
  if (options.sameRealm) {
    // The functions look these globals up when called, so they stay installed in this realm.
    Object.assign(globalThis, { CustomFunctions: customFunctions, Office: office });
    vm.runInThisContext(code, { filename: BUNDLE });
  } else {
    vm.runInContext(code, vm.createContext({ CustomFunctions: customFunctions, Office: office }), { filename: BUNDLE });
  }
  return makeRuntime(readMetadata(METADATA), readMetadata(METADATA_ZH), registry, registered, office);
}

/** The functions from src/ in this process, with the metadata custom-functions-metadata generates from their JSDoc. */
export async function loadSourceRuntime(): Promise<ExcelRuntime> {
  const { registry, registered, office, customFunctions } = fakeGlobals();
  const source = path.join(ROOT, "src", "functions", "functions.ts");

  const generator = require("custom-functions-metadata") as typeof import("custom-functions-metadata");
  const generated = await generator.generateCustomFunctionsMetadata(source);
  if (generated.errors.length) throw new Error(`custom-functions-metadata: ${generated.errors.join("; ")}`);
  const metadata = JSON.parse(generated.metadataJson) as MetadataFile;

  const { localiseMetadata } = require(path.join(ROOT, "scripts", "localise-metadata.js")) as {
    localiseMetadata: (m: MetadataFile, zh: unknown) => MetadataFile;
  };
  const metadataZh = localiseMetadata(metadata, JSON.parse(fs.readFileSync(path.join(ROOT, "src", "functions", "metadata-zh.json"), "utf8")));
  Object.assign(globalThis, { CustomFunctions: customFunctions, Office: office });

  const functions = require(source) as Record<string, (...args: unknown[]) => unknown>;
  for (const a of generated.associate) customFunctions.associate(a.id, functions[a.functionName]);
  return makeRuntime(metadata, metadataZh, registry, registered, office);
}

/** The fake CustomFunctions and Office globals, and the registry that `associate` fills. */
function fakeGlobals() {
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  const registered: string[] = [];
  const office = { context: { displayLanguage: "en-US" as string } };
  const customFunctions = {
    associate(idOrMappings: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown): void {
      const pairs: [string, unknown][] = typeof idOrMappings === "string" ? [[idOrMappings, fn]] : Object.entries(idOrMappings);
      for (const [id, f] of pairs) {
        if (typeof f !== "function") throw new TypeError(`CustomFunctions.associate("${id}"): not a function`);
        const key = id.toUpperCase();
        if (registry.has(key)) throw new Error(`CustomFunctions.associate: "${id}" registered twice`);
        registry.set(key, f as (...args: unknown[]) => unknown);
        registered.push(id);
      }
    },
    Error: CustomFunctionError,
    ErrorCode,
  };
  return { registry, registered, office, customFunctions };
}

function makeRuntime(
  metadata: MetadataFile,
  metadataZh: MetadataFile,
  registry: Map<string, (...args: unknown[]) => unknown>,
  registered: string[],
  office: { context: { displayLanguage: string } },
): ExcelRuntime {
  // Excel binds functions.json to the associations: each id needs exactly one function, and an
  // association without metadata is never callable.
  const declared = metadata.functions.map((f) => f.id.toUpperCase());
  const unregistered = declared.filter((id) => !registry.has(id));
  const undeclared = [...registry.keys()].filter((id) => !declared.includes(id));
  if (unregistered.length || undeclared.length) {
    throw new Error(`functions.json and the bundle disagree: not registered [${unregistered.join(", ")}], not declared [${undeclared.join(", ")}]`);
  }

  const runtime: ExcelRuntime = {
    metadata,
    metadataZh,
    registered,
    displayLanguage: "en-US",
    call(id: string, ...args: unknown[]): CallResult {
      return runtime.callWith({}, id, ...args);
    },
    impl(id: string) {
      const f = registry.get(id.toUpperCase());
      if (!f) throw new ExcelCallError(`the bundle registers no function "${id}"`);
      return f;
    },
    callWith(options: CallOptions, id: string, ...args: unknown[]): CallResult {
      const result = invoke(options, id, args);
      if (result !== null && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") {
        throw new ExcelCallError(`${id} returned a promise; use callAsync`);
      }
      return checked(id, result);
    },
    async callAsync(options: CallOptions, id: string, ...args: unknown[]): Promise<CallResult> {
      let result: unknown;
      try {
        result = toHost(await invoke(options, id, args));
      } catch (e) {
        if (!isCustomFunctionError(e)) throw e;
        result = e;
      }
      return checked(id, result);
    },
  };

  /** Calls the function as Excel would; a thrown CustomFunctions.Error is the result. */
  function invoke(options: CallOptions, id: string, args: readonly unknown[]): unknown {
    const fn = metadata.functions.find((f) => f.id === id);
    if (!fn) throw new ExcelCallError(`functions.json declares no function "${id}"`);
    const impl = registry.get(id.toUpperCase());
    if (!impl) throw new ExcelCallError(`the bundle registers no function "${id}"`);
    const excelArgs = excelArguments(fn, args, options.addresses);
    office.context.displayLanguage = options.lang ?? runtime.displayLanguage;
    try {
      return toHost(impl(...excelArgs));
    } catch (e) {
      if (!isCustomFunctionError(e)) throw e; // a crash: Excel would show #VALUE! with no message
      return e;
    }
  }

  /** Every result of every call is walked: no null, NaN, Infinity, ragged spill or internal error. */
  function checked(id: string, result: unknown): CallResult {
    const problems = resultProblems(result);
    if (problems.length) throw new BadResultError(`${id} returned what no cell may hold:\n  ${problems.slice(0, 10).join("\n  ")}`);
    return result as CallResult;
  }
  return runtime;
}

// ---- assertions shared by the tests ------------------------------------------------------------

/**
 * Everything that reaches a cell must be a finite number, a string, a boolean or a
 * CustomFunctions.Error; a spilled result must be a non-empty rectangle. Returns the problems
 * found (empty when the result is clean), each with its position.
 */
export function resultProblems(result: unknown): string[] {
  const problems: string[] = [];
  const checkCell = (c: unknown, where: string) => {
    if (c === null) problems.push(`${where}: null (Excel shows 0)`);
    else if (c === undefined) problems.push(`${where}: undefined`);
    else if (typeof c === "number") {
      if (Number.isNaN(c)) problems.push(`${where}: NaN`);
      else if (!Number.isFinite(c)) problems.push(`${where}: ${c}`);
    } else if (typeof c === "string" || typeof c === "boolean") {
      /* fine */
    } else if (isCustomFunctionError(c)) {
      if (!ERROR_CODES.has(c.code)) problems.push(`${where}: error with unknown code ${String(c.code)}`);
      if (/internal error|内部错误/i.test(c.message)) problems.push(`${where}: internal error: ${c.message}`);
      if ((c.code === ErrorCode.invalidValue || c.code === ErrorCode.notAvailable) && c.message.trim() === "")
        problems.push(`${where}: ${c.code} without a message`);
    } else problems.push(`${where}: unexpected ${Object.prototype.toString.call(c)} ${JSON.stringify(c)}`);
  };
  if (Array.isArray(result)) {
    if (result.length === 0) problems.push("empty result array (Excel shows #CALC!)");
    const width = Array.isArray(result[0]) ? result[0].length : -1;
    result.forEach((row, r) => {
      if (!Array.isArray(row)) {
        problems.push(`row ${r}: not an array`);
        return;
      }
      if (row.length !== width) problems.push(`row ${r}: ${row.length} cells, row 0 has ${width}`);
      if (row.length === 0) problems.push(`row ${r}: empty`);
      row.forEach((c, k) => checkCell(c, `[${r}][${k}]`));
    });
  } else checkCell(result, "result");
  return problems;
}

// ---- reading results ---------------------------------------------------------------------------

/** The result as a spilled 2-D array; fails when the call returned a single error instead. */
export function asMatrix(result: CallResult): Cell[][] {
  if (!Array.isArray(result)) {
    throw new Error(`expected a spilled array, got ${isCustomFunctionError(result) ? `${result.code} ${result.message}` : JSON.stringify(result)}`);
  }
  return result;
}

/** The result as a whole-result error; fails when the call returned values. */
export function asError(result: CallResult): CustomFunctionError {
  if (!isCustomFunctionError(result)) throw new Error(`expected a CustomFunctions.Error, got ${JSON.stringify(result).slice(0, 300)}`);
  return result;
}

/** The first column of a result, as a plain list. */
export function column(result: CallResult): Cell[] {
  return asMatrix(result).map((row) => row[0]);
}

/** A result with errors shown as "#CODE message", for readable failure output. */
export function show(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(show);
  return isCustomFunctionError(result) ? `${result.code} ${result.message}` : result;
}

/** True for CJK ideographs (Chinese text). */
export function hasCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}
