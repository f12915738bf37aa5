/**
 * `live-index`: the ranked sheet as a file, and weight tables checked, from the command line.
 *
 *   live-index rank <input.xlsx|csv> [--weights <file>] [--method <m>] [--top <n>]
 *                   [--mode values|formulas] [--lang zh|en] [--out ranked.xlsx] [--sheet <name>] [--force]
 *   live-index check-weights <weights.xlsx|csv> [--baseline <file>] [--data <file>] [--top <n>] [--lang zh|en]
 *
 * Reads the table as Excel would pass it to the engine (src/files/read-table.ts), computes and
 * ranks with core, plans the sheet with core's planRankedSheet and writes it with the file
 * writer: the same plan the task pane applies to a workbook.
 *
 * Exit codes: 0 written (rank) or no error in the weight table (check-weights); 2 bad input or
 * usage, or a weight table with errors (with a message in Chinese and English); 1 an unexpected
 * failure (a message, never a stack trace).
 */
import { existsSync } from "fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "path";
import { formatError, isUserError, Message, UserError } from "../core/errors";
import { headerRowOf, keysWithMeanings } from "../core/headers";
import { cleanText } from "../core/text";
import { getScalingMethod, ScalingMethodName } from "../core/scaling";
import { readSensitivityOptions, SensitivityOptions } from "../core/sensitivity";
import { PipelineOptions, readPipelineOptions } from "../core/options";
import { DATA_WEIGHT_ALIASES, DATA_WEIGHT_METHODS, DataWeightMethod, dataWeights } from "../core/data-weights";
import { computeIndex } from "../core/pipeline";
import { checkWeights, describeFinding, NameLanguage, WeightTable } from "../core/weights";
import { StartingFileArgs, StartingFileIO, writeStartingFile } from "./starting-files";
import { AhpArgs, ahpCommand } from "./ahp";
import { RobustnessArgs, robustnessCommand } from "./robustness";
import { ChangeArgs, changeCommand } from "./change";
import { readYear, yearRows } from "../core/panel";
import { readAssumptions } from "../core/assumptions";
import { IndexRun, runIndex } from "../core/workflow";
import { PUBLISHED_NAME_NOTES } from "../data/report2020";
import { readTable } from "../files/read-table";
import { writePlansXlsx } from "../files/xlsx-writer";
import type { SheetPlan } from "../plans/plan";
import { planRankedSheet, RankedSheetPlan, SheetMode } from "../plans/ranked-sheet";
import { CLI_ERROR_TEXT, HELP, Lang, localDateTime, LocalText, RANK_TEXT, SCALING_LABELS, SEVERITY_LABELS, WeightsSource } from "../text";
import { CheckWeightsArgs, checkWeightsCommand } from "./check-weights";
import { skippedRows } from "./table-text";
import { installWasmKernels } from "../core/wasm-kernels";

// The Monte Carlo's WebAssembly kernels (robustness, check-weights): the same numbers, faster.
installWasmKernels();
import { AuditArgs, auditCommand } from "./audit";
import { version } from "./version";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Relative paths resolve against this directory. */
  readonly cwd: string;
  /** Fixed time for repeatable output (tests); default: now. */
  readonly now?: () => Date;
  /** How the user ran the command, for the next commands suggested; default `live-index`. */
  readonly command?: string;
}

interface RankArgs {
  input: string;
  weights?: string;
  method: ScalingMethodName;
  top: number;
  /** --top was given (the default of 100 on a smaller table is not the user's to be told about). */
  topGiven: boolean;
  mode: SheetMode;
  lang: Lang;
  out?: string;
  sheet?: string;
  force: boolean;
  /** The header's row, 0-based (--header-row is 1-based, as Excel numbers rows). */
  headerRow?: number;
  /** --map "column header=meaning", in order. */
  meanings: { column: string; meaning: string }[];
  /** --rescale (default) / --no-rescale. */
  rescale: boolean;
  /** --province-rank: the column 省内排名. */
  provinceRank: boolean;
  /** --missing, --coverage, --treat. */
  pipeline: PipelineOptions;
}

/** The data-treatment flags (core/options.ts), the same keys as the functions' options argument. */
/** The options' keys as flags, for every command that computes: the data treatment, the aggregation, and for a table of several years the year and the scaling across years. */
const PIPELINE_FLAGS = ["missing", "coverage", "treat", "aggregate", "year", "panel"] as const;
const RANK_FLAGS = ["weights", "method", "top", "mode", "lang", "out", "sheet", "header-row", "map", ...PIPELINE_FLAGS] as const;
const CHANGE_FLAGS = ["from", "to", "weights", "method", "top", "lang", "out", "sheet", ...PIPELINE_FLAGS] as const;
const CHECK_FLAGS = ["baseline", "data", "method", "top", "lang", "out", "runs", "spread", "seed", ...PIPELINE_FLAGS] as const;
const AUDIT_FLAGS = ["weights", "method", "lang", "out", "sheet", ...PIPELINE_FLAGS] as const;
const STARTING_FLAGS = ["out", "lang"] as const;
const AHP_FLAGS = ["sheet", "lang", "out", "base"] as const;
const ROBUSTNESS_FLAGS = ["assumptions", "runs", "seed", "weights", "method", "top", "lang", "out", "sheet", ...PIPELINE_FLAGS] as const;
/** The assumptions when none are given: the weights' noise, as check-weights' robustness sheet. */
const DEFAULT_ASSUMPTIONS = "weights=25%";
/** Base samples of the design when --runs is not given. */
const DEFAULT_BASE_SAMPLES = 500;
/** `weights` also computes a table from data: --from <file> --method <m> --levels indicator|both, and the treatment flags. */
const WEIGHTS_FLAGS = ["out", "lang", "from", "method", "levels", ...PIPELINE_FLAGS] as const;

/** Runs the command line; returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    if (argv.length === 0 || argv.some((a) => a === "-h" || a === "--help") || argv[0] === "help") {
      io.out(HELP);
      return argv.length === 0 ? EXIT_BAD_INPUT : EXIT_OK;
    }
    if (argv[0] === "--version" || argv[0] === "-v") {
      io.out(version());
      return EXIT_OK;
    }
    if (argv[0] === "check-weights") return await checkWeightsCommand(parseCheckArgs(argv.slice(1)), { ...io, write: writeOutput });
    if (argv[0] === "audit") return await auditCommand(await parseAuditArgs(argv.slice(1), io), { ...io, write: writeOutput });
    if (argv[0] === "robustness") return await robustnessCommand(await parseRobustnessArgs(argv.slice(1), io), { ...io, write: writeOutput });
    if (argv[0] === "change") return await changeCommand(await parseChangeArgs(argv.slice(1), io), { ...io, write: writeOutput });
    if (argv[0] === "ahp") return await ahpCommand(await parseAhpArgs(argv.slice(1), io), startingFileIO(io));
    if (argv[0] === "sample" || argv[0] === "weights") {
      await writeStartingFile(await parseStartingFileArgs(argv[0], argv.slice(1), io), startingFileIO(io));
      return EXIT_OK;
    }
    if (argv[0] !== "rank") {
      const looksLikeFile = !argv[0].startsWith("-") && /\.(csv|xlsx|xlsm)$/i.test(argv[0]);
      throw new UserError(looksLikeFile ? "USAGE_UNKNOWN_COMMAND_FILE" : "USAGE_UNKNOWN_COMMAND", { command: argv[0] });
    }
    return await rank(parseRankArgs(argv.slice(1)), io);
  } catch (e) {
    return report(e, io);
  }
}

/** What the commands that write a weight or sample file need of the terminal. */
function startingFileIO(io: CliIO): StartingFileIO {
  return { out: io.out, cwd: io.cwd, command: io.command ?? "live-index", writeXlsx: writeOutput };
}

/** The table → run → plan steps shared by `rank` and the demo: the same orchestration step as the task pane's. */
export function planFromCells(
  cells: readonly (readonly unknown[])[],
  options: {
    lang: Lang;
    top: number;
    mode: SheetMode;
    source: string;
    weights?: WeightTable;
    weightsSource?: WeightsSource;
    method?: ScalingMethodName;
    now?: Date;
    /** The header's row, 0-based, when the user says which it is. */
    headerRow?: number;
    /** Raw indicators: sub-indices scaled to a maximum of 100 (default true, as in the report). */
    rescale?: boolean;
    /** The column 省内排名. */
    provinceRank?: boolean;
    /** Columns given a meaning by the user ("column header = meaning"). */
    meanings?: readonly { column: string; meaning: string }[];
    /** Screening, imputation and treatment before scaling. */
    pipeline?: PipelineOptions;
  },
): { plan: RankedSheetPlan; run: IndexRun } {
  const headerRow = options.headerRow ?? (options.meanings?.length ? headerRowOf(cells) : undefined);
  const keys = options.meanings?.length ? keysWithMeanings(cells[headerRow!] ?? [], options.meanings) : null;
  const run = runIndex(cells, {
    weights: options.weights,
    method: options.method,
    headerRow,
    keys,
    rescale: options.rescale ?? true,
    pipeline: options.pipeline,
  });
  const plan = planRankedSheet(run, {
    lang: options.lang,
    topN: options.top,
    mode: options.mode,
    source: options.source,
    weights: options.weightsSource ?? { kind: "report" },
    generatedAt: localDateTime(options.now ?? new Date(), options.lang),
    version: version(),
    nameNotes: PUBLISHED_NAME_NOTES,
    provinceRank: options.provinceRank === true,
  });
  return { plan, run };
}

// ---- the rank command ------------------------------------------------------------------------

async function rank(args: RankArgs, io: CliIO): Promise<number> {
  const inputPath = resolve(io.cwd, args.input);
  const table = await readTable(inputPath, { sheet: args.sheet });
  if (args.sheet !== undefined && table.sheetName === null) printBoth(io.err, RANK_TEXT.sheetIgnored);
  if (table.separator !== null && table.separator !== ",") printBoth(io.err, RANK_TEXT.separator(table.separator === "\t"));
  if (table.formulasWithoutResult > 0) printBoth(io.err, RANK_TEXT.uncachedFormulas(table.formulasWithoutResult), "lines");
  const weights = args.weights === undefined ? undefined : await readWeightsFile(args.weights, io);
  // The default name without control characters: a name the user can read back and type.
  const outPath = resolve(io.cwd, args.out ?? join(dirname(args.input), `${cleanText(basename(args.input, extname(args.input)))}-ranked.xlsx`));
  if (outPath === inputPath || (args.weights !== undefined && outPath === resolve(io.cwd, args.weights)))
    throw new UserError("OUTPUT_IS_INPUT", { path: outPath });
  if (!args.force && existsSync(outPath)) throw new UserError("OUTPUT_EXISTS", { path: outPath });

  let planned: ReturnType<typeof planFromCells>;
  try {
    // --year: that year's rows of a table with a year column (the pipeline refuses several years pooled). In values mode the whole
    // table is read with the other years blank, so that growth rates come from the year before and rows keep their numbers;
    // formulas refer to the rows they rank, so formulas mode writes that year's rows alone.
    const year = args.pipeline.year;
    const cells = year !== undefined && args.mode === "formulas" ? yearRows(table.cells, year) : table.cells;
    planned = planFromCells(cells, {
      lang: args.lang,
      top: args.top,
      mode: args.mode,
      source: year === undefined ? table.source : `${table.source} (${year})`,
      weights: weights?.table,
      weightsSource: weights?.source,
      method: args.method,
      now: io.now?.(),
      headerRow: args.headerRow,
      meanings: args.meanings,
      rescale: args.rescale,
      provinceRank: args.provinceRank,
      pipeline: year !== undefined && args.mode === "formulas" ? { ...args.pipeline, year: undefined } : args.pipeline,
    });
  } catch (e) {
    // The table is not an index table: when the workbook has other sheets, say so.
    const others = table.sheetNames.filter((n) => n !== table.sheetName);
    if (isUserError(e) && args.sheet === undefined && others.length > 0) {
      throw new UserError(e.code, e.params, [...e.details, { code: "HINT_OTHER_SHEETS", params: { sheet: table.sheetName ?? "", others: others.join(", ") } }]);
    }
    throw e;
  }
  const [written] = await writeOutput([planned.plan], outPath, args.force);
  printRankSummary(planned.run, table.source, io);
  const regions = planned.run.ranking.districts.length;
  if (args.top > regions && args.topGiven) printBoth(io.out, RANK_TEXT.topCapped(args.top, regions), "lines");
  io.out(RANK_TEXT.written(outPath));
  io.out(RANK_TEXT.sheetLine(written.sheetName, args.mode === "formulas", args.top, regions, written.chart !== null));
  return EXIT_OK;
}

/** Reads and checks a weight table file, printing its findings; throws WEIGHTS_FILE_INVALID when it has errors. */
async function readWeightsFile(path: string, io: CliIO): Promise<{ table: WeightTable; source: WeightsSource }> {
  const w = await readTable(resolve(io.cwd, path));
  const check = checkWeights(w.cells);
  for (const f of check.findings) io.err(RANK_TEXT.weightFinding(SEVERITY_LABELS[f.severity], describeFinding(f, "zh"), describeFinding(f, "en")));
  if (!check.success) throw new UserError("WEIGHTS_FILE_INVALID", { path, count: check.findings.filter((f) => f.severity === "error").length });
  return { table: check.table, source: { kind: "file", name: w.source } };
}

/** Writes plans as a new .xlsx, turning the file system's refusals into user errors. */
export async function writeOutput(plans: readonly SheetPlan[], outPath: string, force: boolean): Promise<Awaited<ReturnType<typeof writePlansXlsx>>> {
  try {
    return await writePlansXlsx(plans, outPath, { overwrite: force });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UserError("OUTPUT_EXISTS", { path: outPath });
    if (code === "ENOENT" || code === "EACCES" || code === "EPERM" || code === "EISDIR" || code === "ENOTDIR" || code === "EROFS")
      throw new UserError("OUTPUT_UNWRITABLE", { path: outPath, reason: code });
    throw e;
  }
}

/** What was read and ranked, in both languages: level, counts, the first bad rows, the first region. */
function printRankSummary(run: IndexRun, source: string, io: CliIO): void {
  const { ranking } = run;
  const level = run.method ? RANK_TEXT.indicators(SCALING_LABELS[run.method.name]) : RANK_TEXT.subIndices;
  const bad = ranking.rejected.length;
  io.out(RANK_TEXT.input(source, level));
  const { columns } = run.result.input;
  if (columns.hasHeader && columns.headerRow > 0) printBoth(io.out, RANK_TEXT.headerRow(columns.headerRow + 1), "lines");
  if (columns.names.district === undefined) printBoth(io.out, RANK_TEXT.noDistrict, "lines");
  printBoth(io.out, RANK_TEXT.ranked(ranking.districts.length, bad, ranking.blankRows), "lines");
  for (const line of skippedRows(run, (m) => `  ${formatError(m, "zh")} / ${formatError(m, "en")}`, RANK_TEXT.more)) io.out(line);
  const top = ranking.districts[0];
  const name = [top.province, top.city, top.district].filter((x) => x && x !== "-").join(" ") || `#${top.dataRow + 1}`;
  io.out(RANK_TEXT.first(name, top.total.toFixed(2)));
}

/** A text in both languages: on one line ("zh / en") or on two. */
function printBoth(print: (line: string) => void, text: LocalText, form: "line" | "lines" = "line"): void {
  if (form === "line") print(`${text.zh} / ${text.en}`);
  else {
    print(text.zh);
    print(text.en);
  }
}

/** --rescale / --no-rescale, switches without a value (the last one given wins; default: rescale), and the other arguments. */
function takeRescale(given: readonly string[]): { rescale: boolean; rest: string[] } {
  const isSwitch = (a: string) => a === "--rescale" || a === "--no-rescale";
  const last = given.filter(isSwitch).pop();
  return { rescale: last !== "--no-rescale", rest: given.filter((a) => !isSwitch(a)) };
}

function parseRankArgs(given: readonly string[]): RankArgs {
  const { rescale, rest } = takeRescale(given);
  const provinceRank = rest.includes("--province-rank");
  const args = rest.filter((a) => a !== "--province-rank");
  const { values, positional, force, maps } = parseFlags(args, RANK_FLAGS, true);
  const input = onePositional(positional, CLI_ERROR_TEXT.fileWhat, "live-index rank <input.xlsx|.csv>");
  const headerRow = values["header-row"] === undefined ? undefined : parseTop(values["header-row"], 1, "--header-row") - 1;
  const meanings = maps.map((m) => {
    const at = m.indexOf("=");
    if (at <= 0 || at === m.length - 1) throw new UserError("USAGE_BAD_MAP", { value: m });
    return { column: m.slice(0, at).trim(), meaning: m.slice(at + 1).trim() };
  });
  const mode = (values.mode ?? "values").toLowerCase();
  if (mode !== "values" && mode !== "formulas") throw badValue("--mode", CLI_ERROR_TEXT.expected.mode, values.mode);
  return {
    input,
    weights: values.weights,
    method: parseMethod(values.method),
    top: parseTop(values.top, 100),
    topGiven: values.top !== undefined,
    mode,
    lang: parseLang(values.lang),
    out: parseOut(values.out),
    sheet: values.sheet,
    force,
    headerRow,
    meanings,
    rescale,
    provinceRank,
    pipeline: parsePipeline(values),
  };
}

/** A year flag, read as the year column is (2021, 2021年). */
function parseYear(v: string, flag: string): number {
  const year = readYear(v);
  if (year === null) throw badValue(flag, { zh: "四位数的年份，如 2021", en: "a four-digit year, e.g. 2021" }, v);
  return year;
}

async function parseChangeArgs(given: readonly string[], io: CliIO): Promise<ChangeArgs> {
  const { rescale, rest } = takeRescale(given);
  const { values, positional, force } = parseFlags(rest, CHANGE_FLAGS, true);
  const input = onePositional(positional, CLI_ERROR_TEXT.fileWhat, "live-index change <data.xlsx|.csv> --from 2020 --to 2021");
  const out = values.out;
  if (out !== undefined && ![".csv", ".xlsx"].includes(extname(out).toLowerCase()))
    throw badValue("--out", { zh: ".xlsx 或 .csv 文件", en: "a .xlsx or .csv file" }, out);
  if (out === undefined && force) throw new UserError("USAGE_NEEDS_OUT", { option: "--force" });
  return {
    input,
    from: values.from === undefined ? undefined : parseYear(values.from, "--from"),
    to: values.to === undefined ? undefined : parseYear(values.to, "--to"),
    weights: values.weights === undefined ? undefined : (await readWeightsFile(values.weights, io)).table,
    method: parseMethod(values.method),
    pipeline: parsePipeline(values),
    rescale,
    top: parseTop(values.top, 20),
    lang: parseLang(values.lang),
    out,
    sheet: values.sheet,
    force,
  };
}

/** --missing, --coverage and --treat read as the functions read their options argument, each refused by its own name. */
export function parsePipeline(values: Partial<Record<(typeof PIPELINE_FLAGS)[number], string>>): PipelineOptions {
  return readPipelineOptions(PIPELINE_FLAGS.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]));
}

async function parseAuditArgs(given: readonly string[], io: CliIO): Promise<AuditArgs> {
  const { values, positional, force } = parseFlags(given, AUDIT_FLAGS, true);
  const input = onePositional(positional, CLI_ERROR_TEXT.fileWhat, "live-index audit <data.xlsx|.csv>");
  return {
    input,
    weights: values.weights === undefined ? undefined : (await readWeightsFile(values.weights, io)).table,
    method: parseMethod(values.method),
    pipeline: parsePipeline(values),
    lang: parseLang(values.lang),
    out: parseOut(values.out),
    sheet: values.sheet,
    force,
  };
}

async function parseStartingFileArgs(kind: "sample" | "weights", args: readonly string[], io: CliIO): Promise<StartingFileArgs> {
  const { values, positional, force } = parseFlags(args, kind === "weights" ? WEIGHTS_FLAGS : STARTING_FLAGS, true) as {
    values: Partial<Record<(typeof WEIGHTS_FLAGS)[number], string>>;
    positional: string[];
    force: boolean;
  };
  if (positional.length) throw new UserError("USAGE_EXTRA_ARGUMENTS", { args: positional.join(" ") });
  const lang = (values.lang ?? "zh").toLowerCase();
  const langs = kind === "weights" ? ["zh", "en", "id"] : ["zh", "en"];
  if (!langs.includes(lang)) throw badValue("--lang", { zh: langs.join("、"), en: langs.join(", ") }, values.lang);
  const out = values.out;
  if (out !== undefined && ![".csv", ".xlsx"].includes(extname(out).toLowerCase()))
    throw badValue("--out", { zh: ".csv 或 .xlsx 文件", en: "a .csv or .xlsx file" }, out);
  if (values.from === undefined) {
    const stray = (["method", "levels", ...PIPELINE_FLAGS] as const).find((f) => values[f] !== undefined);
    if (stray) throw new UserError("USAGE_NEEDS_FROM", { option: `--${stray}` });
    return { kind, out, lang: lang as NameLanguage, force };
  }
  // Weights from the data (core/data-weights.ts), as LIVEDATAWEIGHTS computes them.
  const word = (values.method ?? "entropy").normalize("NFKC").trim().toLowerCase();
  const method = DATA_WEIGHT_ALIASES[word] ?? word;
  if (!(DATA_WEIGHT_METHODS as readonly string[]).includes(method))
    throw badValue("--method", { zh: DATA_WEIGHT_METHODS.join("、"), en: DATA_WEIGHT_METHODS.join(", ") }, values.method);
  const levels = (values.levels ?? "indicator").toLowerCase();
  if (levels !== "indicator" && levels !== "both") throw badValue("--levels", { zh: "indicator 或 both", en: "indicator or both" }, values.levels);
  const data = await readTable(resolve(io.cwd, values.from));
  const result = computeIndex(data.cells, { pipeline: parsePipeline(values) });
  return { kind, out, lang: lang as NameLanguage, force, table: dataWeights(result, method as DataWeightMethod, levels).table, method };
}

async function parseRobustnessArgs(given: readonly string[], io: CliIO): Promise<RobustnessArgs> {
  const { rescale, rest } = takeRescale(given);
  const { values, positional, force } = parseFlags(rest, ROBUSTNESS_FLAGS, true);
  const input = onePositional(positional, CLI_ERROR_TEXT.fileWhat, 'live-index robustness <data.xlsx|.csv> --assumptions "weights=25%; scaling=minmax,rank"');
  const out = parseOut(values.out);
  if (out === undefined && force) throw new UserError("USAGE_NEEDS_OUT", { option: "--force" });
  const mc = parseMonteCarlo({ runs: values.runs ?? String(DEFAULT_BASE_SAMPLES), seed: values.seed });
  return {
    input,
    assumptions: readAssumptions(values.assumptions ?? DEFAULT_ASSUMPTIONS),
    assumptionsDefault: values.assumptions === undefined,
    runs: mc.runs,
    seed: mc.seed,
    weights: values.weights === undefined ? undefined : await readWeightsFile(values.weights, io),
    method: parseMethod(values.method),
    pipeline: parsePipeline(values),
    rescale,
    top: parseTop(values.top, 10),
    lang: parseLang(values.lang),
    out,
    sheet: values.sheet,
    force,
  };
}

async function parseAhpArgs(given: readonly string[], io: CliIO): Promise<AhpArgs> {
  const { values, positional, force } = parseFlags(given, AHP_FLAGS, true);
  const input = onePositional(positional, CLI_ERROR_TEXT.matrixFileWhat, "live-index ahp <matrix.xlsx|.csv>");
  const out = values.out;
  if (out !== undefined && ![".csv", ".xlsx"].includes(extname(out).toLowerCase()))
    throw badValue("--out", { zh: ".csv 或 .xlsx 文件", en: "a .csv or .xlsx file" }, out);
  if (out === undefined && force) throw new UserError("USAGE_NEEDS_OUT", { option: "--force" });
  if (out === undefined && values.base !== undefined) throw new UserError("USAGE_NEEDS_OUT", { option: "--base" });
  return {
    input,
    sheet: values.sheet,
    lang: parseLang(values.lang),
    out,
    force,
    base: values.base === undefined ? undefined : (await readWeightsFile(values.base, io)).table,
  };
}

function parseCheckArgs(given: readonly string[]): CheckWeightsArgs {
  const { rescale, rest: args } = takeRescale(given);
  const { values, positional, force } = parseFlags(args, CHECK_FLAGS, true);
  const weights = onePositional(positional, CLI_ERROR_TEXT.weightsFileWhat, "live-index check-weights <weights.xlsx|.csv>");
  const out = parseOut(values.out);
  if (out !== undefined && values.data === undefined) throw new UserError("USAGE_OUT_NEEDS_DATA");
  // --force, --runs, --spread and --seed only shape the file: without --out they would be silently ignored.
  const fileOnly = [force ? "--force" : null, ...(["runs", "spread", "seed"] as const).map((f) => (values[f] !== undefined ? `--${f}` : null))].filter(
    (x) => x !== null,
  );
  if (out === undefined && fileOnly.length) throw new UserError("USAGE_NEEDS_OUT", { option: fileOnly[0] });
  return {
    weights,
    baseline: values.baseline,
    data: values.data,
    method: parseMethod(values.method),
    top: parseTop(values.top, 10),
    lang: parseLang(values.lang),
    out,
    force,
    rescale,
    pipeline: parsePipeline(values),
    monteCarlo: parseMonteCarlo(values),
  };
}

/** --runs, --spread and --seed as LIVESENSITIVITY reads them ("25%" is 0.25), each refused by its own name. */
function parseMonteCarlo(values: Partial<Record<"runs" | "spread" | "seed", string>>): Required<SensitivityOptions> {
  const read = (flag: "runs" | "spread" | "seed") => {
    try {
      const given = { runs: null, spread: null, seed: null, [flag]: values[flag] ?? null };
      return readSensitivityOptions(given.runs, given.spread, given.seed)[flag];
    } catch (e) {
      if (isUserError(e)) throw badValue(`--${flag}`, e.params.options as LocalText, values[flag]);
      throw e;
    }
  };
  return { runs: read("runs"), spread: read("spread"), seed: read("seed") };
}

/** The one file a command takes. */
function onePositional(positional: readonly string[], what: LocalText, usage: string): string {
  if (positional.length === 0) throw new UserError("USAGE_MISSING_FILE", { what, usage });
  if (positional.length > 1) throw new UserError("USAGE_EXTRA_ARGUMENTS", { args: positional.slice(1).join(" ") });
  return positional[0];
}

/** Splits arguments into `--flag value` (or `--flag=value`) pairs, positional arguments and, when allowed, --force. */
function parseFlags<F extends string>(
  args: readonly string[],
  flags: readonly F[],
  allowForce: boolean,
): { values: Partial<Record<F, string>>; positional: string[]; force: boolean; maps: string[] } {
  const values: Partial<Record<F, string>> = {};
  const positional: string[] = [];
  const maps: string[] = [];
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("--") || a === "-") {
      if (a.startsWith("-") && a !== "-") throw new UserError("USAGE_UNKNOWN_OPTION", { option: a });
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const flag = (eq > 0 ? a.slice(2, eq) : a.slice(2)).toLowerCase();
    if (flag === "force" && allowForce) {
      if (eq > 0) throw new UserError("USAGE_NO_VALUE_TAKEN", { option: "--force" });
      force = true;
      continue;
    }
    if (!(flags as readonly string[]).includes(flag)) throw new UserError("USAGE_UNKNOWN_OPTION", { option: a });
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith("--")) value = args[++i];
    if (value === undefined || value === "") throw new UserError("USAGE_NEEDS_VALUE", { option: `--${flag}` });
    // --map may be given once per column.
    if (flag === "map") {
      maps.push(value);
      continue;
    }
    if (values[flag as F] !== undefined) throw new UserError("USAGE_GIVEN_TWICE", { option: `--${flag}` });
    values[flag as F] = value;
  }
  return { values, positional, force, maps };
}

function badValue(option: string, expected: LocalText, value: string | undefined): UserError {
  return new UserError("USAGE_BAD_VALUE", { option, expected, value: value ?? "" });
}

/** A whole number of at least 1 (--top, --header-row). */
function parseTop(v: string | undefined, fallback: number, option = "--top"): number {
  const top = v === undefined ? fallback : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(top) || top < 1) throw badValue(option, CLI_ERROR_TEXT.expected.top, v);
  return top;
}

function parseLang(v: string | undefined): Lang {
  const lang = (v ?? "zh").toLowerCase();
  if (lang !== "zh" && lang !== "en") throw badValue("--lang", CLI_ERROR_TEXT.expected.lang, v);
  return lang;
}

function parseOut(v: string | undefined): string | undefined {
  if (v !== undefined && extname(v).toLowerCase() !== ".xlsx") throw badValue("--out", CLI_ERROR_TEXT.expected.out, v);
  return v;
}

/** UNKNOWN_METHOD for a bad name; goalposts needs a bounds table the command line has no way to take. */
function parseMethod(v: string | undefined): ScalingMethodName {
  let method: ScalingMethodName;
  try {
    method = getScalingMethod(v ?? "minmax").name;
  } catch (e) {
    // The methods the command line takes: goalposts needs a bounds table, which only the functions take.
    if (isUserError(e) && e.code === "UNKNOWN_METHOD") throw new UserError("UNKNOWN_METHOD", { ...e.params, options: "minmax, max, zscore, rank" });
    throw e;
  }
  if (method === "goalposts") throw new UserError("USAGE_NO_GOALPOSTS");
  return method;
}

/** Prints an error in both languages with its detail lines; returns its exit code. */
function report(e: unknown, io: CliIO): number {
  if (!isUserError(e)) {
    io.err(CLI_ERROR_TEXT.internal(e instanceof Error ? e.message : String(e)));
    return EXIT_FAILURE;
  }
  const line = (m: Message) => `${formatError(m, "zh")} / ${formatError(m, "en")}`;
  io.err(`${CLI_ERROR_TEXT.error.zh}${formatError(e, "zh")}`);
  io.err(`${CLI_ERROR_TEXT.error.en}${formatError(e, "en")}`);
  for (const d of e.details) io.err(`  ${line(d)}`);
  return EXIT_BAD_INPUT;
}

function processIO(): CliIO {
  // Output piped to a reader that stops early (`live-index … | head`): stop quietly, as Unix tools do.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    cwd: process.cwd(),
    command: invokedAs(process.env, process.cwd()),
  };
}

/**
 * How the user ran the command, so that the next commands suggested can be typed the same way:
 * npm sets npm_command=exec for `npx`, and npm_config_local_prefix to the project it ran from,
 * which is not the current folder after `npx --prefix <clone> live-index …`.
 */
export function invokedAs(env: NodeJS.ProcessEnv, cwd: string): string {
  if (env.npm_command !== "exec") return "live-index";
  const prefix = env.npm_config_local_prefix;
  const rel = prefix ? relative(prefix, cwd) : "";
  const inside = !rel.startsWith("..") && !isAbsolute(rel);
  return prefix && !inside ? `npx --prefix ${/\s/.test(prefix) ? `"${prefix}"` : prefix} live-index` : "npx live-index";
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
