/**
 * The uncertain assumptions of an uncertainty and sensitivity analysis (core/uncertainty.ts), as a
 * user writes them: a text "weights=0.25; scaling=minmax,rank,zscore; aggregate=mean,geometric" (in
 * a cell or typed), or rows of a key and its alternatives (in the cells to its right, or as one
 * text "minmax, rank"). Each key present is one assumption; its alternatives are sampled uniformly,
 * one per run. Keys: weights (the spread of the weights' noise, ±p), weightset (report, given,
 * entropy, critic, cv, pca, equal), scaling (minmax, max, zscore, rank), treat (none, winsorise),
 * missing (report, mean, median, province-median, none), aggregate (mean, geometric, topsis).
 * Chinese keys and values are read too (权重=25%; 标准化=minmax,rank).
 */
import { DATA_WEIGHT_METHODS, DataWeightMethod } from "./data-weights";
import { UserError } from "./errors";
import { AggregateRule, MissingRule, optionWord, readShare, TreatRule } from "./options";
import { getScalingMethod, ScalingMethodName } from "./scaling";
import { normaliseName } from "./text";
import { ASSUMPTION_WORDS } from "../text";

/**
 * A weight set among which runs choose: the report's, the function's `weights` argument, one
 * computed from the data, or (in the pane) a weight table of the workbook, `table:<its name>`.
 */
export type WeightSetName = "report" | "given" | DataWeightMethod | `table:${string}`;
export const WEIGHT_SETS: readonly WeightSetName[] = ["report", "given", ...DATA_WEIGHT_METHODS];

export interface Assumptions {
  /** The weights' noise: each weight × (1 + u), u uniform in ±spread; 0 when not uncertain. */
  readonly weights: number;
  /** Alternatives of each discrete assumption, in the order given; null when not uncertain. */
  readonly weightSet: readonly WeightSetName[] | null;
  readonly scaling: readonly ScalingMethodName[] | null;
  readonly treat: readonly TreatRule[] | null;
  readonly missing: readonly MissingRule[] | null;
  readonly aggregate: readonly AggregateRule[] | null;
}

/** The assumptions in the order the analyses list them. */
export const ASSUMPTION_KEYS = ["weights", "weightSet", "scaling", "treat", "missing", "aggregate"] as const;
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

export const NO_ASSUMPTIONS: Assumptions = { weights: 0, weightSet: null, scaling: null, treat: null, missing: null, aggregate: null };

const KEYS: Record<string, AssumptionKey> = {
  weights: "weights",
  weight: "weights",
  noise: "weights",
  权重: "weights",
  权重扰动: "weights",
  weightset: "weightSet",
  weightsets: "weightSet",
  权重方案: "weightSet",
  权重集: "weightSet",
  scaling: "scaling",
  method: "scaling",
  normalisation: "scaling",
  normalization: "scaling",
  标准化: "scaling",
  标准化方法: "scaling",
  treat: "treat",
  treatment: "treat",
  outliers: "treat",
  异常值: "treat",
  异常值处理: "treat",
  missing: "missing",
  impute: "missing",
  缺失: "missing",
  缺失值: "missing",
  缺失值处理: "missing",
  aggregate: "aggregate",
  aggregation: "aggregate",
  合成方法: "aggregate",
  合成: "aggregate",
};
const WEIGHT_SET_ALIASES: Record<string, WeightSetName> = {
  report: "report",
  报告: "report",
  报告权重: "report",
  given: "given",
  weights: "given",
  给定: "given",
  自定义: "given",
  entropy: "entropy",
  熵权法: "entropy",
  critic: "critic",
  cv: "cv",
  变异系数法: "cv",
  pca: "pca",
  主成分: "pca",
  equal: "equal",
  等权: "equal",
};

/**
 * Reads the assumptions (null or blank: none). Throws UNKNOWN_ASSUMPTION for an unknown key,
 * BAD_OPTION for a value that key does not take, BAD_ASSUMPTIONS for a text or range it cannot read.
 *
 * @example
 * readAssumptions("weights=25%; scaling=minmax,rank") // → { weights: 0.25, scaling: ["minmax", "rank"], … null }
 */
export function readAssumptions(given: unknown): Assumptions {
  const out: { -readonly [K in keyof Assumptions]: Assumptions[K] } = { ...NO_ASSUMPTIONS };
  const seen = new Set<AssumptionKey>();
  for (const [rawKey, values] of assumptionPairs(given)) {
    const key = KEYS[normaliseName(rawKey)];
    if (!key)
      throw new UserError("UNKNOWN_ASSUMPTION", {
        key: rawKey.trim(),
        keys: { zh: "weights、weightset、scaling、treat、missing、aggregate", en: "weights, weightset, scaling, treat, missing, aggregate" },
      });
    // A key given twice would leave one of its lines unused without a word.
    if (seen.has(key)) throw new UserError("DUPLICATE_ASSUMPTION", { key: rawKey.trim() });
    seen.add(key);
    if (values.length === 0) throw new UserError("BAD_ASSUMPTIONS", { value: `"${rawKey.trim()}="` });
    if (key === "weights") {
      // "±25%", "25 %" and "0.25" alike: the spread as the sheet writes it is read back.
      const text = values
        .map(String)
        .join("")
        .replace(/^(±|\+-|\+\/-)/, "");
      const p = readShare(text, ASSUMPTION_WORDS.weights, ASSUMPTION_WORDS.weightsTakes);
      if (!(p < 1)) throw new UserError("BAD_OPTION", { name: ASSUMPTION_WORDS.weights, value: text, options: ASSUMPTION_WORDS.weightsTakes });
      out.weights = p;
      continue;
    }
    const list = <T>(read: (v: unknown) => T): T[] => [...new Set(values.map(read))];
    if (key === "weightSet") out.weightSet = list(readWeightSet);
    else if (key === "scaling") out.scaling = list(readScaling);
    else out[key] = list((v) => optionWord(key, v)) as never;
  }
  return out;
}

/** The assumptions that vary in an analysis (a list of one alternative is one too: it cannot change a rank, and shows so). */
export function activeAssumptions(a: Assumptions): AssumptionKey[] {
  return ASSUMPTION_KEYS.filter((k) => (k === "weights" ? a.weights > 0 : a[k] !== null));
}

/** The assumptions as the note and the sheet state them: "weights=±25%; scaling=minmax,rank". */
export function assumptionsText(a: Assumptions): string {
  const parts: string[] = [];
  if (a.weights > 0) parts.push(`weights=±${Number((a.weights * 100).toFixed(2))}%`);
  const name: Record<Exclude<AssumptionKey, "weights">, string> = {
    weightSet: "weightset",
    scaling: "scaling",
    treat: "treat",
    missing: "missing",
    aggregate: "aggregate",
  };
  for (const k of ASSUMPTION_KEYS) if (k !== "weights" && a[k]) parts.push(`${name[k]}=${a[k]!.join(",")}`);
  return parts.join("; ");
}

function readWeightSet(v: unknown): WeightSetName {
  const word = typeof v === "string" ? normaliseName(v) : "";
  const found = Object.prototype.hasOwnProperty.call(WEIGHT_SET_ALIASES, word) ? WEIGHT_SET_ALIASES[word] : undefined;
  if (!found) throw new UserError("BAD_OPTION", { name: ASSUMPTION_WORDS.weightSet, value: `"${String(v).trim()}"`, options: WEIGHT_SETS.join(", ") });
  return found;
}

/** The scaling methods' Chinese names as analysts write them. */
const SCALING_ALIASES: Record<string, ScalingMethodName> = {
  极差: "minmax",
  极差标准化: "minmax",
  最小最大值: "minmax",
  最大值: "max",
  排名: "rank",
  排序: "rank",
  百分位排名: "rank",
  标准分: "zscore",
};

function readScaling(v: unknown): ScalingMethodName {
  const word = typeof v === "string" ? v.trim() : v;
  const alias = typeof word === "string" ? SCALING_ALIASES[normaliseName(word)] : undefined;
  const m = getScalingMethod(alias ?? word);
  // Goalposts need bounds per indicator, which a list of words cannot give.
  if (m.name === "goalposts")
    throw new UserError("BAD_OPTION", { name: ASSUMPTION_WORDS.scaling, value: `"${String(v).trim()}"`, options: "minmax, max, zscore, rank" });
  return m.name;
}

/** (key, alternatives) pairs from a text or a range. */
function assumptionPairs(given: unknown): [string, unknown[]][] {
  // Excel desktop passes a blank cell as 0 (DESIGN.md §4): no assumption is ever 0.
  if (given === null || given === undefined || given === "" || given === 0) return [];
  if (typeof given === "string") {
    return given
      .split(/[;；\n]/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const at = p.search(/[=:：＝]/);
        if (at <= 0) throw new UserError("BAD_ASSUMPTIONS", { value: `"${given}"` });
        return [p.slice(0, at), splitList(p.slice(at + 1))];
      });
  }
  if (Array.isArray(given)) {
    const rows = given as unknown[][];
    if (rows.length === 1 && rows[0].length === 1) return assumptionPairs(rows[0][0]);
    const blank = (c: unknown) => c === null || c === undefined || c === "" || c === 0;
    const out: [string, unknown[]][] = [];
    for (const row of rows) {
      if (row.every(blank)) continue;
      const [k, ...rest] = row;
      const values = rest.filter((c) => !blank(c)).flatMap((c) => (typeof c === "string" ? splitList(c) : [c]));
      if (typeof k !== "string" || values.length === 0) throw new UserError("BAD_ASSUMPTIONS", { value: JSON.stringify(row) });
      out.push([k, values]);
    }
    return out;
  }
  throw new UserError("BAD_ASSUMPTIONS", { value: String(given) });
}

/** "minmax, rank | zscore" → its words (commas, full-width commas, |, 、 or spaces between them; not /, which a share such as 2/3 holds). */
function splitList(s: string): string[] {
  return s
    .split(/[,，、|\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);
}
