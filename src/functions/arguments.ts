/**
 * Argument readers of the custom functions: each turns what Excel passed (see host.ts for how it
 * passes it) into core options, or throws a {@link UserError} naming the argument.
 */
import { errorText, isUserError, UserError } from "../core/errors";
import { DIMENSIONS, findDimension, findIndicator } from "../core/framework";
import type { IndexOptions } from "../core/pipeline";
import type { CorrelationKind } from "../core/audit";
import { COMBINE_RULES, CombineRule, DATA_WEIGHT_ALIASES, DATA_WEIGHT_METHODS, DataWeightMethod } from "../core/data-weights";
import { readPipelineOptions } from "../core/options";
import { getScalingMethod, parseGoalposts } from "../core/scaling";
import { readSensitivityOptions, SensitivityOptions } from "../core/sensitivity";
import { showValue } from "../core/text";
import { NameLanguage, parseWeightTable, REPORT_WEIGHT_TABLE, WeightTable } from "../core/weights";
import { plainCells } from "../core/cells";
import { isOmittedRange, optionArg, scalarArg } from "./host";

/** Reads the shared optional arguments weights, method and rescale into core options. */
export function parseCall(weights: unknown, method: unknown, rescale: unknown): IndexOptions {
  const options: { -readonly [K in keyof IndexOptions]: IndexOptions[K] } = {};
  if (!isOmittedRange(weights)) options.weights = parseWeightTable(weightsCells(weights));
  const m = scalarArg(method);
  if (Array.isArray(m)) {
    // A range of more than one cell is a goalposts table. Pass the 2-D range itself: scalarArg
    // unwraps a one-row range to a 1-D row, which is not a table.
    options.method = "goalposts";
    options.goalposts = parseGoalposts(method as unknown[][], (name) => findIndicator(name)?.index ?? -1);
  } else if (!isOmittedRange(m)) {
    options.method = getScalingMethod(m).name;
  }
  options.rescale = parseBoolean(optionArg(rescale, true), "rescale");
  return options;
}

/** The options argument (data treatment) added to core options; omitted: the report's method. */
export function withPipeline(options: IndexOptions, given: unknown): IndexOptions {
  const v = Array.isArray(given) ? plainCells(given) : given;
  return { ...options, pipeline: readPipelineOptions(isOmittedRange(v) ? null : v) };
}

/**
 * A choice among words: blank (null, "", or desktop's 0) for the first, a word (case, width and
 * spaces aside) or an alias for itself; anything else is BAD_OPTION naming the argument and listing the words.
 */
function parseChoice<T extends string>(v: unknown, name: string, choices: readonly T[], aliases: Readonly<Record<string, T>> = {}): T {
  const x = scalarArg(v);
  if (x === null || x === "" || x === 0) return choices[0];
  const key = String(x).normalize("NFKC").trim().toLowerCase();
  const found = Object.prototype.hasOwnProperty.call(aliases, key) ? aliases[key] : choices.find((c) => c === key);
  if (!found) throw new UserError("BAD_OPTION", { name, value: showValue(x), options: choices.join(", ") });
  return found;
}

/** LIVECORR's kind: pearson (default) or spearman. */
export function parseCorrelationKind(v: unknown): CorrelationKind {
  return parseChoice(v, "kind", ["pearson", "spearman"] as const);
}

/** LIVECORR's level: indicator (default) or dimension. */
export function parseCorrelationLevel(v: unknown): "indicator" | "dimension" {
  return parseChoice(v, "level", ["indicator", "dimension"] as const);
}

/** LIVEDATAWEIGHTS' method: entropy (default), critic, cv, pca, equal (熵权法 and the other Chinese names too). */
export function parseDataWeightMethod(v: unknown): DataWeightMethod {
  return parseChoice(v, "method", DATA_WEIGHT_METHODS, DATA_WEIGHT_ALIASES);
}

/** LIVEAHP's result: the summary (default) or the weight table. */
export function parseAhpResult(v: unknown): "summary" | "table" {
  return parseChoice(v, "result", ["summary", "table"] as const, { 结果: "summary", 摘要: "summary", 权重表: "table", weights: "table" });
}

/** LIVECOMBINEWEIGHTS' rule: linear (default) or product. */
export function parseCombineRule(v: unknown): CombineRule {
  return parseChoice(v, "rule", COMBINE_RULES, { 线性: "linear", 线性加权: "linear", 加法: "linear", 乘法: "product", 乘积: "product" });
}

/** LIVEDATAWEIGHTS' levels: indicator (default) or both. */
export function parseLevels(v: unknown): "indicator" | "both" {
  return parseChoice(v, "levels", ["indicator", "both"] as const, { 指标: "indicator", 二级: "indicator", 两级: "both", 两层: "both", 全部: "both" });
}

/** A weights argument as a 2-D array of cells. */
export function weightsCells(v: unknown): unknown[][] {
  if (!Array.isArray(v) || !Array.isArray(v[0])) throw new UserError("WEIGHTS_EMPTY");
  return plainCells(v) as unknown[][];
}

/** Reads the `dimension` argument: id, Chinese or English name. */
export function parseDimensionArg(v: unknown): number {
  const x = scalarArg(v);
  const d = findDimension(x);
  if (!d) throw new UserError("UNKNOWN_DIMENSION", { value: showValue(x), options: DIMENSIONS.map((i) => i.id).join(", ") });
  return d.index;
}

/** Reads the `language` argument of LIVEWEIGHTS: zh (default), en or id. */
export function parseNameLanguage(v: unknown): NameLanguage {
  const x = scalarArg(v);
  if (x === null || x === "") return "zh";
  const key = String(x).normalize("NFKC").trim().toLowerCase();
  const map: Record<string, NameLanguage> = { zh: "zh", cn: "zh", "zh-cn": "zh", 中文: "zh", en: "en", english: "en", 英文: "en", id: "id", ids: "id" };
  if (!Object.prototype.hasOwnProperty.call(map, key)) throw new UserError("BAD_OPTION", { name: "language", value: showValue(x), options: "zh, en, id" });
  return map[key];
}

/** Reads the `baseline` argument of LIVEWEIGHTDIFF: a weight table, or the report's weights when omitted. */
export function parseBaseline(v: unknown): WeightTable {
  if (isOmittedRange(v)) return REPORT_WEIGHT_TABLE;
  try {
    return parseWeightTable(weightsCells(v));
  } catch (e) {
    // Say which of the two tables is wrong: the same message, introduced as the baseline's.
    if (isUserError(e)) throw new UserError("BASELINE_INVALID", { detail: errorText(e) });
    throw e;
  }
}

/**
 * Reads LIVESENSITIVITY's `runs`, `spread` and `seed` (see {@link readSensitivityOptions}); a
 * blank cell is omitted, and so is a lone 0 for `runs` (Excel desktop passes a blank cell as 0,
 * and 0 runs means nothing).
 */
export function parseSensitivityArgs(runs: unknown, spread: unknown, seed: unknown): Required<SensitivityOptions> {
  return readSensitivityOptions(optionArg(runs, true), optionArg(spread, false), optionArg(seed, false));
}

/** TRUE/FALSE, 1/0 or the words; blank (see {@link optionArg}) is FALSE. */
function parseBoolean(v: unknown, name: string): boolean {
  if (v === null || v === false) return false;
  if (v === true || v === 1) return true;
  if (typeof v === "string" && ["true", "false"].includes(v.trim().toLowerCase())) return v.trim().toLowerCase() === "true";
  throw new UserError("BAD_OPTION", { name, value: showValue(v), options: "TRUE, FALSE" });
}
