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
import { existsSync, readFileSync } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import type { Cells } from "../core/dataset";
import { formatError, IndexError, isIndexError, Lang } from "../core/errors";
import { computeIndex, IndexResult } from "../core/pipeline";
import { buildRanking, Ranking } from "../core/ranking";
import { getScalingMethod, ScalingMethodName } from "../core/scaling";
import { planRankedSheet, SheetMode, SheetPlan } from "../core/sheet-plan";
import { checkWeights, describeFinding, REPORT_WEIGHT_TABLE, WeightTable } from "../core/weights";
import { PUBLISHED_NAME_NOTES } from "../data/report2020";
import { readTable, ReadTableError } from "../files/read-table";
import { writeRankedXlsx } from "../files/xlsx-writer";
import { CheckWeightsArgs, checkWeightsCommand } from "./check-weights";

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
}

export const HELP = `live-index — 直播电商区域发展指数：把排名表写成 Excel 文件，检查权重表
live-index — Live-Streaming E-commerce Regional Development Index: the ranked sheet as an Excel file; weight tables checked

用法 / Usage:
  live-index rank <输入 input.xlsx|.csv> [选项 options]
  live-index check-weights <权重表 weights.xlsx|.csv> [--baseline <file>] [--data <file>] [--top <n>] [--lang zh|en]
  live-index --help | --version

rank 的选项 / Options of rank:
  --weights <file>   权重表（.csv 或 .xlsx，规范格式：一级指标、二级指标、一级指标权重、二级指标权重）；默认为报告权重
                     weight table (.csv or .xlsx, canonical layout: dimension, indicator, dimension weight,
                     indicator weight); default: the report's weights
  --method <m>       原始指标的标准化方法 / scaling of raw indicators: minmax (默认 default), max, zscore, rank
  --top <n>          重点显示并按省份汇总的前 N 名 / size of the emphasised top group (默认 default 100)
  --mode <m>         values：数值快照（默认）；formulas：总指数、排名和省份汇总为公式，修改分指数或权重后自动重算
                     values: a fixed snapshot (default); formulas: totals, ranks and the province summary are
                     formulas that recalculate when sub-indices or the weights in the note change
  --lang <zh|en>     工作表语言 / language of the sheet (默认 default zh)
  --sheet <name>     读取 .xlsx 中的指定工作表（默认第一个）/ worksheet to read (default: the first)
  --out <file.xlsx>  输出文件（默认：输入文件旁的 <输入>-ranked.xlsx）/ output file (default: <input>-ranked.xlsx beside the input)
  --force            覆盖已存在的输出文件 / overwrite an existing output file
  -h, --help         显示本帮助 / show this help

输入 / Input: 第一行为标题行；按名称识别五个分指数列或 19 个二级指标列（中文、英文或 id）；
  “-”和空单元格按 0 计；其他列（排名、省、市、区县、总指数）用作名称或忽略。
  A header row; the five sub-index columns or the 19 indicator columns are matched by name (Chinese,
  English or ids); "-" and blank cells count as 0; other columns (rank, province, city, district,
  total) give names or are ignored.

输出 / Output: 一个工作表（排名）：排名表（Excel 表格，前 N 名突出显示，总指数数据条）、按省份汇总及其条形图、方法说明。
  One sheet: the ranking (an Excel table, top N emphasised, a data bar on the total), the summary by
  province with its bar chart, and the method note.

check-weights：检查权重表（级别、行、说明），列出与基准（默认报告权重）不同的权重及有效权重（原 → 新）；
  给出 --data 时再比较两套权重下的排名：进入和退出前 N 名的地区、升降最多的地区、Spearman 等级相关系数、平均绝对排名变化。
check-weights: checks a weight table (severity, row, message), lists the weights and effective weights that
  differ from the baseline (default: the report's weights), old → new; with --data it also ranks the data under
  both tables: regions entering and leaving the top N, the largest moves, Spearman's rank correlation and the
  mean absolute rank shift.
  --baseline <file>  作为比较基准的权重表（默认报告权重）/ the weight table to compare against (default: the report's)
  --data <file>      数据表（.csv 或 .xlsx，同 rank 的输入）/ a data table (.csv or .xlsx, as for rank)
  --top <n>          进入/退出的前 N 名 / the top group for entering and leaving (默认 default 10)
  --lang <zh|en>     输出语言 / language of the report (默认 default zh)

退出码 / Exit codes: 0 成功（rank 已写入；check-weights 权重表无错误）ok · 2 输入或参数有误、权重表有错误 bad input
  or usage, or a weight table with errors · 1 其他错误 other failure

示例 / Examples:
  live-index rank 百强.csv --top 50 --out 排名.xlsx
  live-index check-weights 我的权重.xlsx --data 百强.csv --top 10`;

interface RankArgs {
  input: string;
  weights?: string;
  method: ScalingMethodName;
  top: number;
  mode: SheetMode;
  lang: Lang;
  out?: string;
  sheet?: string;
  force: boolean;
}

/** A usage or input problem: a message in both languages, exit code 2. */
class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly details: readonly string[] = [],
  ) {
    super(en);
  }
}

const RANK_FLAGS = ["weights", "method", "top", "mode", "lang", "out", "sheet"] as const;
const CHECK_FLAGS = ["baseline", "data", "top", "lang"] as const;

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
    if (argv[0] === "check-weights") return await checkWeightsCommand(parseCheckArgs(argv.slice(1)), io);
    if (argv[0] !== "rank") {
      const hint = argv[0].startsWith("-") ? "" : /\.(csv|xlsx|xlsm)$/i.test(argv[0]) ? ` live-index rank ${argv[0]}` : "";
      throw new CliError(`未知命令“${argv[0]}”。${hint ? `是否想用：${hint}？` : ""}`, `Unknown command "${argv[0]}".${hint ? ` Did you mean:${hint}?` : ""}`);
    }
    return await rank(parseRankArgs(argv.slice(1)), io);
  } catch (e) {
    return report(e, io);
  }
}

/** The table → ranking → plan steps shared by the CLI and the demo. */
export function planFromCells(
  cells: Cells,
  options: { lang: Lang; top: number; mode: SheetMode; source: string; weights?: WeightTable; weightsLabel?: string; method?: ScalingMethodName; now?: Date },
): { plan: SheetPlan; ranking: Ranking; result: IndexResult } {
  const weights = options.weights ?? REPORT_WEIGHT_TABLE;
  const method = getScalingMethod(options.method ?? "minmax");
  const result = computeIndex(cells, { weights, method: method.name });
  const ranking = buildRanking(cells, result);
  const plan = planRankedSheet(ranking, {
    lang: options.lang,
    topN: options.top,
    mode: options.mode,
    source: options.source,
    weightsLabel:
      options.weightsLabel ??
      (options.lang === "zh" ? "报告权重（2021 年报告印刷值，归一后）" : "The report's weights (as printed in the 2021 report, renormalised)"),
    dimensionWeights: weights.dimensions,
    scalingLabel: result.input.level === "dimension" ? null : `${method[options.lang]}: ${method.formula}`,
    generatedAt: (options.now ?? new Date()).toISOString(),
    version: version(),
    nameNotes: PUBLISHED_NAME_NOTES,
  });
  return { plan, ranking, result };
}

// ---- the rank command ------------------------------------------------------------------------

async function rank(args: RankArgs, io: CliIO): Promise<number> {
  const inputPath = resolve(io.cwd, args.input);
  const table = await readTable(inputPath, { sheet: args.sheet });
  if (args.sheet !== undefined && table.sheetName === null) io.err(`注意：--sheet 只适用于 .xlsx，已忽略。 / Note: --sheet applies to .xlsx only; ignored.`);
  if (table.formulasWithoutResult > 0) {
    io.err(`注意：${table.formulasWithoutResult} 个公式单元格没有保存的计算结果，按空单元格读取；请在 Excel 中打开并保存后重试。`);
    io.err(`Note: ${table.formulasWithoutResult} formula cell(s) have no saved result and are read as blank; open and save the file in Excel, then try again.`);
  }

  let weights: WeightTable | undefined;
  let weightsLabel: string | undefined;
  if (args.weights !== undefined) {
    const weightsPath = resolve(io.cwd, args.weights);
    const w = await readTable(weightsPath);
    const check = checkWeights(w.cells);
    for (const f of check.findings) {
      const tag = f.severity === "error" ? "错误 error" : f.severity === "warning" ? "警告 warning" : "提示 info";
      io.err(`权重表 weights [${tag}] ${describeFinding(f, "zh")} / ${describeFinding(f, "en")}`);
    }
    if (!check.success) {
      const n = check.findings.filter((f) => f.severity === "error").length;
      throw new CliError(
        `权重表 ${args.weights} 有 ${n} 处错误（见上），未生成文件。`,
        `The weight table ${args.weights} has ${n} error(s) (see above); no file written.`,
      );
    }
    weights = check.table;
    weightsLabel = args.lang === "zh" ? `权重表文件 ${w.source}` : `Weight table file ${w.source}`;
  }

  const outPath = resolve(io.cwd, args.out ?? join(dirname(args.input), `${basename(args.input, extname(args.input))}-ranked.xlsx`));
  if (outPath === inputPath || (args.weights !== undefined && outPath === resolve(io.cwd, args.weights))) {
    throw new CliError(`输出文件不能与输入文件相同：${outPath}`, `The output file cannot be an input file: ${outPath}`);
  }
  if (!args.force && existsSync(outPath)) throw outputExists(outPath);

  let planned: ReturnType<typeof planFromCells>;
  try {
    planned = planFromCells(table.cells, {
      lang: args.lang,
      top: args.top,
      mode: args.mode,
      source: table.source,
      weights,
      weightsLabel,
      method: args.method,
      now: io.now?.(),
    });
  } catch (e) {
    // The table is not an index table: when the workbook has other sheets, say so.
    const others = table.sheetNames.filter((n) => n !== table.sheetName);
    if (isIndexError(e) && args.sheet === undefined && others.length > 0) {
      throw new CliError(formatError(e, "zh"), formatError(e, "en"), [
        `提示：已读取第一个工作表“${table.sheetName}”；工作簿中还有：${others.join("、")}。可用 --sheet <名称> 指定。`,
        `Hint: read the first sheet "${table.sheetName}"; the workbook also has: ${others.join(", ")}. Choose one with --sheet <name>.`,
      ]);
    }
    throw e;
  }
  const { plan, ranking, result } = planned;
  if (ranking.districts.length === 0) {
    throw new CliError(
      "没有可排名的行：每一行都是空行或有数据错误。",
      "No row could be ranked: every row is blank or has a bad value.",
      ranking.rejected.slice(0, 10).map((r) => `  ${formatError(r.error, "zh")} / ${formatError(r.error, "en")}`),
    );
  }

  let written;
  try {
    written = await writeRankedXlsx(plan, outPath, { overwrite: args.force });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw outputExists(outPath);
    if (code === "ENOENT" || code === "EACCES" || code === "EPERM" || code === "EISDIR" || code === "ENOTDIR" || code === "EROFS") {
      throw new CliError(
        `无法写入 ${outPath}（${code}）：请检查文件夹是否存在、是否有写权限，以及文件是否正在 Excel 中打开。`,
        `Cannot write ${outPath} (${code}): check that the folder exists and is writable, and that the file is not open in Excel.`,
      );
    }
    throw e;
  }

  // Summary, in both languages.
  const level =
    result.input.level === "dimension"
      ? { zh: "五个分指数", en: "the five sub-indices" }
      : { zh: `19 个二级指标（${getScalingMethod(args.method).zh}）`, en: `the 19 indicators (${getScalingMethod(args.method).en})` };
  const bad = ranking.rejected.length;
  const blank = ranking.blankRows;
  io.out(`输入 / Input: ${table.source}（${level.zh} / ${level.en}）`);
  io.out(`已排名 ${ranking.districts.length} 个地区${bad + blank ? `；跳过 ${bad + blank} 行（数据错误 ${bad} 行，空行 ${blank} 行）` : ""}。`);
  io.out(
    `Ranked ${ranking.districts.length} region${ranking.districts.length === 1 ? "" : "s"}${bad + blank ? `; skipped ${bad + blank} row(s) (${bad} with bad data, ${blank} blank)` : ""}.`,
  );
  for (const r of ranking.rejected.slice(0, 20)) io.out(`  ${formatError(r.error, "zh")} / ${formatError(r.error, "en")}`);
  if (bad > 20) io.out(`  …… 另有 ${bad - 20} 行 / … and ${bad - 20} more`);
  const top = ranking.districts[0];
  const name = [top.province, top.city, top.district].filter((x) => x && x !== "-").join(" ") || `#${top.dataRow + 1}`;
  io.out(`第 1 名 / No. 1: ${name}  ${top.total.toFixed(2)}`);
  const modeText = args.mode === "formulas" ? "公式 formulas" : "数值 values";
  io.out(`已写入 / Written: ${outPath}`);
  io.out(`  工作表 sheet “${written.sheetName}” · ${modeText} · 前 top ${args.top} · ${written.chart ? "含条形图 with bar chart" : "无图表 no chart"}`);
  return EXIT_OK;
}

function outputExists(path: string): CliError {
  return new CliError(
    `输出文件已存在：${path}。请用 --out 指定其他文件，或加 --force 覆盖。`,
    `The output file already exists: ${path}. Choose another with --out, or add --force to overwrite it.`,
  );
}

function parseRankArgs(args: readonly string[]): RankArgs {
  const { values, positional, force } = parseFlags(args, RANK_FLAGS, true);
  if (positional.length === 0)
    throw new CliError("缺少输入文件：live-index rank <输入.xlsx|.csv>", "Missing the input file: live-index rank <input.xlsx|.csv>");
  if (positional.length > 1) throw new CliError(`多余的参数：${positional.slice(1).join(" ")}`, `Unexpected argument(s): ${positional.slice(1).join(" ")}`);

  const top = parseTop(values.top, 100);
  const mode = (values.mode ?? "values").toLowerCase();
  if (mode !== "values" && mode !== "formulas")
    throw new CliError(`--mode 应为 values 或 formulas，而不是“${values.mode}”。`, `--mode must be values or formulas, not "${values.mode}".`);
  const lang = parseLang(values.lang);
  if (values.out !== undefined && extname(values.out).toLowerCase() !== ".xlsx") {
    throw new CliError(`--out 应为 .xlsx 文件：${values.out}`, `--out must name an .xlsx file: ${values.out}`);
  }
  const method = getScalingMethod(values.method ?? "minmax").name; // UNKNOWN_METHOD for a bad name
  if (method === "goalposts") {
    throw new CliError(
      "命令行不支持 goalposts（目标值）方法：它需要每个指标的上下限表。请使用 minmax、max、zscore 或 rank。",
      "The command line does not support the goalposts method (it needs a table of bounds per indicator). Use minmax, max, zscore or rank.",
    );
  }
  return { input: positional[0], weights: values.weights, method, top, mode, lang, out: values.out, sheet: values.sheet, force };
}

function parseCheckArgs(args: readonly string[]): CheckWeightsArgs {
  const { values, positional } = parseFlags(args, CHECK_FLAGS, false);
  if (positional.length === 0)
    throw new CliError(
      "缺少权重表文件：live-index check-weights <权重表.xlsx|.csv>",
      "Missing the weight table file: live-index check-weights <weights.xlsx|.csv>",
    );
  if (positional.length > 1) throw new CliError(`多余的参数：${positional.slice(1).join(" ")}`, `Unexpected argument(s): ${positional.slice(1).join(" ")}`);
  return { weights: positional[0], baseline: values.baseline, data: values.data, top: parseTop(values.top, 10), lang: parseLang(values.lang) };
}

/** Splits arguments into `--flag value` (or `--flag=value`) pairs, positional arguments and, when allowed, --force. */
function parseFlags<F extends string>(
  args: readonly string[],
  flags: readonly F[],
  allowForce: boolean,
): { values: Partial<Record<F, string>>; positional: string[]; force: boolean } {
  const values: Partial<Record<F, string>> = {};
  const positional: string[] = [];
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("--") || a === "-") {
      if (a.startsWith("-") && a !== "-") throw unknownOption(a);
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const flag = (eq > 0 ? a.slice(2, eq) : a.slice(2)).toLowerCase();
    if (flag === "force" && allowForce) {
      if (eq > 0) throw new CliError("--force 不带值。", "--force takes no value.");
      force = true;
      continue;
    }
    if (!(flags as readonly string[]).includes(flag)) throw unknownOption(a);
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith("--")) value = args[++i];
    if (value === undefined || value === "") throw new CliError(`--${flag} 缺少值。`, `--${flag} needs a value.`);
    if (values[flag as F] !== undefined) throw new CliError(`--${flag} 只能给一次。`, `--${flag} is given twice.`);
    values[flag as F] = value;
  }
  return { values, positional, force };
}

function parseTop(v: string | undefined, fallback: number): number {
  const top = v === undefined ? fallback : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(top) || top < 1) throw new CliError(`--top 应为正整数，而不是“${v}”。`, `--top must be a whole number of at least 1, not "${v}".`);
  return top;
}

function parseLang(v: string | undefined): Lang {
  const lang = (v ?? "zh").toLowerCase();
  if (lang !== "zh" && lang !== "en") throw new CliError(`--lang 应为 zh 或 en，而不是“${v}”。`, `--lang must be zh or en, not "${v}".`);
  return lang;
}

function unknownOption(a: string): CliError {
  return new CliError(`未知选项：${a}（见 live-index --help）`, `Unknown option: ${a} (see live-index --help)`);
}

/** Prints an error in both languages; returns its exit code. */
function report(e: unknown, io: CliIO): number {
  if (e instanceof CliError) {
    io.err(`错误：${e.zh}`);
    io.err(`Error: ${e.en}`);
    for (const d of e.details) io.err(d);
    return EXIT_BAD_INPUT;
  }
  if (e instanceof ReadTableError) {
    io.err(`错误：${e.detail.zh}`);
    io.err(`Error: ${e.detail.en}`);
    return EXIT_BAD_INPUT;
  }
  if (isIndexError(e)) {
    io.err(`错误：${formatError(e as IndexError, "zh")}`);
    io.err(`Error: ${formatError(e as IndexError, "en")}`);
    return EXIT_BAD_INPUT;
  }
  io.err(`内部错误 / Internal error: ${e instanceof Error ? e.message : String(e)}`);
  return EXIT_FAILURE;
}

function processIO(): CliIO {
  return { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`), cwd: process.cwd() };
}

let cachedVersion: string | undefined;
/** The package's version, from the nearest package.json above this file. */
export function version(): string {
  if (cachedVersion) return cachedVersion;
  for (let dir = __dirname, i = 0; i < 6; dir = dirname(dir), i++) {
    const p = join(dir, "package.json");
    if (!existsSync(p)) continue;
    try {
      const v = (JSON.parse(readFileSync(p, "utf8")) as { version?: string }).version;
      if (v) return (cachedVersion = v);
    } catch {
      // keep looking
    }
  }
  return (cachedVersion = "0.0.0");
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
