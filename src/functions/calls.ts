/**
 * Argument readers and result builders shared by the custom functions, so that each function
 * body stays a few lines. Pure apart from the CustomFunctions.Error values built by convert.ts.
 */
import { BLANK, readCell } from "../core/cells";
import { formatError, IndexError, isIndexError, Lang, LocalText, Severity } from "../core/errors";
import { DIMENSIONS, findDimension, findIndicator } from "../core/framework";
import { IndexOptions } from "../core/pipeline";
import { RankOrder, rankDistricts, TieMethod } from "../core/rank";
import { getScalingMethod, parseGoalposts } from "../core/scaling";
import { columnLetter, showValue } from "../core/text";
import { DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_SPREAD, MAX_RUNS, SensitivityOptions } from "../core/sensitivity";
import { changeName, WeightChange } from "../core/weight-compare";
import { NameLanguage, parseWeightTable, REPORT_WEIGHT_TABLE, WeightFinding, WeightTable } from "../core/weights";
import { isOmittedRange, ResultCell, scalarArg, toExcelError } from "./convert";
import { checkShape } from "../core/dataset";

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
  options.rescale = parseBoolean(scalarArg(rescale), "rescale");
  return options;
}

/** A weights argument as a 2-D array of cells. */
export function weightsCells(v: unknown): unknown[][] {
  if (!Array.isArray(v) || !Array.isArray(v[0])) throw new IndexError("WEIGHTS_EMPTY");
  return v as unknown[][];
}

/** The header label of a result column: the total's, or a dimension's. */
export function indexLabel(dimension: number | null, lang: Lang): string {
  if (dimension === null) return lang === "zh" ? "总指数" : "Total index";
  return DIMENSIONS[dimension][lang];
}

/**
 * Ranks every numeric cell of a range among all of them; the result has the range's shape.
 * A first row made only of text is a header: its first cell becomes the label 排名 / Rank.
 * Blank cells stay blank; "-" is 0 (the report's "none"); any other non-number gets its own error.
 */
export function rankScores(scores: unknown, order: RankOrder, ties: TieMethod, lang: Lang): ResultCell[][] {
  const cells = scores as unknown[][];
  const width = checkShape(cells);
  const header = cells.length > 1 && cells[0].every((c) => typeof c === "string" && c.trim() !== "" && typeof readCell(c) === "object");
  const start = header ? 1 : 0;
  const n = (cells.length - start) * width;
  const values = new Float64Array(n);
  const bad = new Map<number, IndexError>();
  for (let r = start; r < cells.length; r++) {
    for (let c = 0; c < width; c++) {
      const k = (r - start) * width + c;
      const cell = cells[r][c];
      if (typeof cell === "number" && cell - cell === 0) {
        values[k] = cell;
        continue;
      }
      const v = readCell(cell);
      if (typeof v === "number") values[k] = v;
      else {
        values[k] = NaN;
        if (v !== BLANK) bad.set(k, new IndexError("BAD_SCORE", { value: showValue(cells[r][c]) }));
      }
    }
  }
  const ranks = rankDistricts(values, order, ties);
  const rows = cells.length - start;
  const out: ResultCell[][] = new Array(rows + start);
  if (header) out[0] = cells[0].map((_, c) => (c === 0 ? (lang === "zh" ? "排名" : "Rank") : ""));
  for (let r = 0; r < rows; r++) {
    const row: ResultCell[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const k = r * width + c;
      const rank = ranks[k];
      if (rank === rank) row[c] = rank;
      else {
        const err = bad.size ? bad.get(k) : undefined;
        row[c] = err ? toExcelError(err, lang) : "";
      }
    }
    out[r + start] = row;
  }
  return out;
}

/** Where a weight finding is: a real cell address when Excel gave the range's address, else a row number. */
export function describeWhere(f: WeightFinding, rangeAddress: string | null, lang: Lang): string {
  if (f.row === null && f.column === null) return lang === "zh" ? "整表" : "table";
  const origin = rangeAddress ? parseAddress(rangeAddress) : null;
  if (origin && f.row !== null) {
    return `${origin.sheet}${columnLetter(origin.column + (f.column ?? 0))}${origin.row + f.row + 1}`;
  }
  if (f.row === null) return lang === "zh" ? "整表" : "table";
  return lang === "zh" ? `第 ${f.row + 1} 行` : `row ${f.row + 1}`;
}

/** Reads the `dimension` argument: id, Chinese or English name. */
export function parseDimensionArg(v: unknown): number {
  const x = scalarArg(v);
  const d = findDimension(x);
  if (!d) throw new IndexError("UNKNOWN_DIMENSION", { value: showValue(x), options: DIMENSIONS.map((i) => i.id).join(", ") });
  return d.index;
}

/** Reads the `language` argument of LIVEWEIGHTS: zh (default), en or id. */
export function parseNameLanguage(v: unknown): NameLanguage {
  const x = scalarArg(v);
  if (x === null || x === "") return "zh";
  const key = String(x).normalize("NFKC").trim().toLowerCase();
  const map: Record<string, NameLanguage> = { zh: "zh", cn: "zh", "zh-cn": "zh", 中文: "zh", en: "en", english: "en", 英文: "en", id: "id", ids: "id" };
  if (!(key in map)) throw new IndexError("BAD_OPTION", { name: "language", value: showValue(x), options: "zh, en, id" });
  return map[key];
}

/** Reads the `baseline` argument of LIVEWEIGHTDIFF: a weight table, or the report's weights when omitted. */
export function parseBaseline(v: unknown): WeightTable {
  if (isOmittedRange(v)) return REPORT_WEIGHT_TABLE;
  try {
    return parseWeightTable(weightsCells(v));
  } catch (e) {
    // Say which of the two tables is wrong: the same message, introduced as the baseline's.
    if (isIndexError(e)) throw new IndexError("BASELINE_INVALID", { detail: { zh: formatError(e, "zh"), en: formatError(e, "en") } });
    throw e;
  }
}

/**
 * The changed rows of a weight comparison with a header row (name, old, new, effective old,
 * effective new; weights as fractions), or a single "no change" cell.
 */
export function weightDiffRows(changes: readonly WeightChange[], lang: Lang): ResultCell[][] {
  const changed = changes.filter((c) => c.changed);
  if (changed.length === 0) return [[lang === "zh" ? "无变化" : "No change"]];
  const header =
    lang === "zh"
      ? ["一级/二级指标", "原权重", "新权重", "原有效权重", "新有效权重"]
      : ["Dimension or indicator", "Old weight", "New weight", "Old effective weight", "New effective weight"];
  return [header, ...changed.map((c) => [changeName(c, lang), c.oldWeight, c.newWeight, c.oldEffective, c.newEffective])];
}

/** Most region-runs a formula does at once: about 3 seconds, 40 MB of ranks. */
export const MAX_FORMULA_WORK = 10_000_000;

/**
 * Reads LIVESENSITIVITY's `runs` (whole number 1–100,000; omitted or 0: 1,000), `spread`
 * (0 ≤ p < 1; 25% arrives as 0.25; omitted: 0.25) and `seed` (whole number 0–4294967295; omitted: 2021).
 */
export function parseSensitivityArgs(runs: unknown, spread: unknown, seed: unknown): Required<Omit<SensitivityOptions, "rescale">> {
  const r = numberOption(
    runs,
    "runs",
    (x) => Number.isInteger(x) && x >= 1 && x <= MAX_RUNS,
    { zh: `1 至 ${MAX_RUNS} 的整数`, en: `a whole number from 1 to ${MAX_RUNS}` },
    true,
  );
  const p = numberOption(
    spread,
    "spread",
    (x) => x >= 0 && x < 1,
    { zh: "不小于 0、小于 1 的小数（0.25 或 25% 表示 ±25%）", en: "a fraction from 0 up to (not including) 1, e.g. 0.25 or 25% for ±25%" },
    false,
  );
  const s = numberOption(
    seed,
    "seed",
    (x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff,
    { zh: "0 至 4294967295 的整数", en: "a whole number from 0 to 4294967295" },
    false,
  );
  return { runs: r ?? DEFAULT_RUNS, spread: p ?? DEFAULT_SPREAD, seed: s ?? DEFAULT_SEED };
}

/** Refuses an analysis too large to run inside one formula (see {@link MAX_FORMULA_WORK}). */
export function checkFormulaWork(runs: number, include: ArrayLike<number>): void {
  let rows = 0;
  for (let r = 0; r < include.length; r++) rows += include[r] ? 1 : 0;
  if (runs * rows > MAX_FORMULA_WORK) throw new IndexError("TOO_MANY_RUNS", { runs, rows, max: Math.floor(MAX_FORMULA_WORK / rows) });
}

/** The header labels of LIVESENSITIVITY's three columns. */
export function sensitivityLabels(lang: Lang): string[] {
  return lang === "zh" ? ["排名中位数", "排名第 5 百分位", "排名第 95 百分位"] : ["Median rank", "5th percentile rank", "95th percentile rank"];
}

/** The word for a severity. */
export function severityLabel(s: Severity, lang: Lang): string {
  const labels = { error: { zh: "错误", en: "error" }, warning: { zh: "警告", en: "warning" }, info: { zh: "提示", en: "info" } };
  return labels[s][lang];
}

function parseBoolean(v: unknown, name: string): boolean {
  if (v === null || v === "" || v === false || v === 0) return false;
  if (v === true || v === 1) return true;
  if (typeof v === "string" && ["true", "false"].includes(v.trim().toLowerCase())) return v.trim().toLowerCase() === "true";
  throw new IndexError("BAD_OPTION", { name, value: showValue(v), options: "TRUE, FALSE" });
}

/**
 * A numeric option: null when omitted (or, with `zeroIsOmitted`, a lone 0: Excel desktop passes a
 * blank cell as 0), the number when `valid` accepts it (numbers, or text such as "25%" or "1,000"),
 * else BAD_OPTION naming the argument and what it takes.
 */
function numberOption(v: unknown, name: string, valid: (x: number) => boolean, takes: LocalText, zeroIsOmitted: boolean): number | null {
  const x = scalarArg(v);
  if (x === null || x === "" || (zeroIsOmitted && x === 0)) return null;
  const read = typeof x === "number" ? x : typeof x === "string" && /\d/.test(x) ? readCell(x) : null;
  if (typeof read === "number" && valid(read)) return read;
  throw new IndexError("BAD_OPTION", { name, value: showValue(x), options: takes });
}

/** "Sheet 1!B2:E21" or "'My sheet'!B2" → sheet prefix and zero-based top-left cell. */
function parseAddress(address: string): { sheet: string; row: number; column: number } | null {
  const m = /^(.*!)?\$?([A-Z]{1,3})\$?(\d+)/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[2]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet: m[1] ?? "", row: Number(m[3]) - 1, column: col - 1 };
}
