/**
 * The data-treatment options, one reading for every surface: the `options` argument of the
 * functions (a text "treat=winsorise; missing=median" or a two-column range of keys and values),
 * the task pane's choices and the command line's flags (--treat, --missing, --coverage) all become
 * one {@link PipelineOptions}. Steps, in order: screen (coverage) → impute (missing) → treat →
 * scale → aggregate.
 */
import { UserError } from "./errors";
import { normaliseName } from "./text";
import { readYear } from "./years";
import { LocalText, PIPELINE_OPTION_WORDS } from "../text";

/** How missing indicator values are filled. */
export type MissingRule = "report" | "mean" | "median" | "province-median" | "none";
export type TreatRule = "none" | "winsorise";
/** How the sub-indices make the total (core/aggregate.ts). */
export type AggregateRule = "mean" | "geometric" | "topsis";

export interface PipelineOptions {
  /** `report`: 0, or the worst value for lower-is-better indicators (the report's rule, default). */
  readonly missing: MissingRule;
  /** Regions with less than this share of their indicators available are left out (0: keep all). */
  readonly coverage: number;
  readonly treat: TreatRule;
  /** `mean`: the weighted arithmetic mean (the report's); `geometric`; `topsis` (closeness × 100). */
  readonly aggregate: AggregateRule;
  /**
   * Tables with a year column (core/panel.ts), `panel=reference=<year>`: every year scaled with the
   * reference year's minimum and maximum, not clamped; absent: each year on its own (`per-year`).
   */
  readonly referenceYear?: number;
  /** Tables with a year column: the year computed (core/years.ts); absent: the table's only year. */
  readonly year?: number;
}

export const DEFAULT_PIPELINE: PipelineOptions = { missing: "report", coverage: 0, treat: "none", aggregate: "mean" };

const MISSING: Record<string, MissingRule> = {
  report: "report",
  default: "report",
  报告: "report",
  mean: "mean",
  average: "mean",
  均值: "mean",
  平均值: "mean",
  median: "median",
  中位数: "median",
  provincemedian: "province-median",
  省内中位数: "province-median",
  none: "none",
  不插补: "none",
};
const TREAT: Record<string, TreatRule> = { none: "none", 不处理: "none", 无: "none", winsorise: "winsorise", winsorize: "winsorise", 缩尾: "winsorise" };
const AGGREGATE: Record<string, AggregateRule> = {
  mean: "mean",
  arithmetic: "mean",
  算术平均: "mean",
  加权算术平均: "mean",
  geometric: "geometric",
  geomean: "geometric",
  几何平均: "geometric",
  加权几何平均: "geometric",
  topsis: "topsis",
};
const KEYS: Record<string, keyof PipelineOptions> = {
  missing: "missing",
  impute: "missing",
  缺失: "missing",
  缺失值: "missing",
  coverage: "coverage",
  覆盖率: "coverage",
  treat: "treat",
  treatment: "treat",
  outliers: "treat",
  异常值: "treat",
  aggregate: "aggregate",
  aggregation: "aggregate",
  year: "year",
  年份: "year",
  年度: "year",
  panel: "referenceYear",
  面板: "referenceYear",
  多年: "referenceYear",
  合成: "aggregate",
  合成方法: "aggregate",
  汇总方法: "aggregate",
};

/** The values each option takes, as its error lists them. */
const TAKES = {
  missing: "report, mean, median, province-median, none",
  treat: "none, winsorise",
  aggregate: "mean, geometric, topsis",
  panel: "per-year, reference=2020",
  year: "2020, 2021, 2021年 …",
};

/**
 * Reads the options: null or blank for the defaults; a text of `key=value` pairs separated by
 * ";", "," or new lines ("=" or ":" between key and value); or rows of (key, value). Keys and
 * values are matched without regard to case, spaces or full-width forms; Chinese names are taken.
 * Throws UserError UNKNOWN_PIPELINE_OPTION, BAD_OPTION or BAD_PIPELINE_OPTIONS, naming what is wrong.
 *
 * @example
 * readPipelineOptions("treat=winsorise; missing=median") // → { missing: "median", coverage: 0, treat: "winsorise" }
 * readPipelineOptions([["coverage", 0.66]])               // → { missing: "report", coverage: 0.66, treat: "none" }
 */
export function readPipelineOptions(given: unknown): PipelineOptions {
  const pairs = optionPairs(given);
  const out: { -readonly [K in keyof PipelineOptions]: PipelineOptions[K] } = { ...DEFAULT_PIPELINE };
  for (const [rawKey, rawValue] of pairs) {
    const key = KEYS[normaliseName(rawKey)];
    if (!key) throw new UserError("UNKNOWN_PIPELINE_OPTION", { key: rawKey.trim(), keys: "missing, coverage, treat, aggregate, panel, year" });
    const value = typeof rawValue === "string" ? rawValue.trim() : rawValue;
    if (key === "missing") out.missing = optionWord("missing", value);
    else if (key === "treat") out.treat = optionWord("treat", value);
    else if (key === "aggregate") out.aggregate = optionWord("aggregate", value);
    else if (key === "referenceYear") {
      // "per-year" (逐年) or "reference=2020" (基准年=2020, reference:2020, 2020).
      const text = String(value ?? "")
        .normalize("NFKC")
        .trim()
        .toLowerCase();
      if (/^(per-?year|peryear|逐年)$/.test(text)) delete out.referenceYear;
      else {
        const m = /^(?:reference|ref|基准年?|参照年?)?\s*[=:：]?\s*(\d{4})\s*年?$/.exec(text);
        if (!m) throw badValue(PIPELINE_OPTION_WORDS.panel, value, TAKES.panel);
        out.referenceYear = Number(m[1]);
      }
    } else if (key === "year") {
      const year = readYear(value);
      if (year === null) throw badValue(PIPELINE_OPTION_WORDS.year, value, TAKES.year);
      out.year = year;
    } else {
      out.coverage = readShare(value, PIPELINE_OPTION_WORDS.coverage);
    }
  }
  return out;
}

/**
 * One word of an option's values (missing, treat or aggregate), matched as the options argument
 * matches it; else BAD_OPTION naming the option and its words. For the uncertainty analysis's
 * lists of alternatives (core/assumptions.ts).
 *
 * @example
 * optionWord("aggregate", "几何平均") // → "geometric"
 */
export function optionWord<K extends "missing" | "treat" | "aggregate">(key: K, value: unknown): PipelineOptions[K] {
  // Matched as names are (case, spaces, hyphens and full-width forms aside): "Province-Median" is province-median.
  const word = typeof value === "string" ? normaliseName(value) : "";
  const table = { missing: MISSING, treat: TREAT, aggregate: AGGREGATE }[key] as Record<string, PipelineOptions[K]>;
  const rule = Object.prototype.hasOwnProperty.call(table, word) ? table[word] : undefined;
  if (!rule) throw badValue(PIPELINE_OPTION_WORDS[key], typeof value === "string" ? value.trim() : value, TAKES[key]);
  return rule;
}

/** Whether the options change nothing of the report's method. */
export function isDefaultPipeline(o: PipelineOptions): boolean {
  return preparesNothing(o) && o.aggregate === "mean";
}

/** Whether the steps before scaling (screen, impute, treat) leave the read table as it is. */
export function preparesNothing(o: PipelineOptions): boolean {
  return o.missing === "report" && o.coverage === 0 && o.treat === "none";
}

/** The (key, value) pairs of a text or a range. */
function optionPairs(given: unknown): [string, unknown][] {
  // Excel desktop passes a blank cell as 0 (DESIGN.md §4): no option is ever 0.
  if (given === null || given === undefined || given === "" || given === 0) return [];
  if (typeof given === "string") {
    const parts = given
      .split(/[;；,，\n]/)
      .map((p) => p.trim())
      .filter(Boolean);
    return parts.map((p) => {
      const at = p.search(/[=:：＝]/);
      if (at <= 0) throw new UserError("BAD_PIPELINE_OPTIONS", { value: `"${given}"` });
      return [p.slice(0, at), p.slice(at + 1)];
    });
  }
  if (Array.isArray(given)) {
    const rows = given as unknown[][];
    // A single cell holding the text form.
    if (rows.length === 1 && rows[0].length === 1) return optionPairs(rows[0][0]);
    const out: [string, unknown][] = [];
    for (const row of rows) {
      const [k, v] = row;
      if ((k === null || k === "" || k === 0) && (v === null || v === "" || v === 0 || v === undefined)) continue;
      if (typeof k !== "string" || row.length < 2) throw new UserError("BAD_PIPELINE_OPTIONS", { value: JSON.stringify(row) });
      out.push([k, v]);
    }
    return out;
  }
  throw new UserError("BAD_PIPELINE_OPTIONS", { value: String(given) });
}

/**
 * A share: 0.66, "66%", "2/3", each from 0 to 1; else BAD_OPTION naming the argument.
 *
 * @example
 * readShare("60%", "alpha") // → 0.6
 */
export function readShare(value: unknown, name: LocalText | string, takes: LocalText = PIPELINE_OPTION_WORDS.coverageTakes): number {
  let x = NaN;
  if (typeof value === "number") x = value;
  else if (typeof value === "string") {
    const v = value.replace(/\s/g, "");
    const fraction = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(v);
    if (fraction) x = Number(fraction[1]) / Number(fraction[2]);
    else if (/^\d+(\.\d+)?%$/.test(v)) x = Number(v.slice(0, -1)) / 100;
    else if (/^\d*\.?\d+$/.test(v)) x = Number(v);
  }
  if (!(x >= 0 && x <= 1)) throw new UserError("BAD_OPTION", { name, value: String(value), options: takes });
  return x;
}

function badValue(name: { zh: string; en: string }, value: unknown, options: string): UserError {
  return new UserError("BAD_OPTION", { name, value: typeof value === "string" ? `"${value}"` : String(value), options });
}
