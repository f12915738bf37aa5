/**
 * Argument readers and result builders shared by the custom functions, so that each function
 * body stays a few lines. Pure apart from the CustomFunctions.Error values built by convert.ts.
 */
import { BLANK, readCell } from "../core/cells";
import { IndexError, Lang, Severity } from "../core/errors";
import { DIMENSIONS, findDimension, findIndicator } from "../core/framework";
import { IndexOptions } from "../core/pipeline";
import { RankOrder, rankDistricts, TieMethod } from "../core/rank";
import { getScalingMethod, parseGoalposts } from "../core/scaling";
import { columnLetter, showValue } from "../core/text";
import { NameLanguage, parseWeightTable, WeightFinding } from "../core/weights";
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
      const v = readCell(cells[r][c]);
      if (typeof v === "number") values[k] = v;
      else {
        values[k] = NaN;
        if (v !== BLANK) bad.set(k, new IndexError("BAD_SCORE", { value: showValue(cells[r][c]) }));
      }
    }
  }
  const ranks = rankDistricts(values, order, ties);
  const out: ResultCell[][] = [];
  if (header) out.push(cells[0].map((_, c) => (c === 0 ? (lang === "zh" ? "排名" : "Rank") : "")));
  for (let r = 0; r < cells.length - start; r++) {
    const row: ResultCell[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const k = r * width + c;
      const err = bad.get(k);
      row[c] = err ? toExcelError(err, lang) : ranks[k] === ranks[k] ? ranks[k] : "";
    }
    out.push(row);
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

/** "Sheet 1!B2:E21" or "'My sheet'!B2" → sheet prefix and zero-based top-left cell. */
function parseAddress(address: string): { sheet: string; row: number; column: number } | null {
  const m = /^(.*!)?\$?([A-Z]{1,3})\$?(\d+)/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[2]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet: m[1] ?? "", row: Number(m[3]) - 1, column: col - 1 };
}

