/**
 * The report's framework as data: 5 dimensions (一级指标) and 19 indicators (二级指标), in the
 * weight table's order, with ids, names in both languages, direction and the printed weights.
 */
import { REPORT_WEIGHTS_2020 } from "../data/report2020";
import type { LocalText } from "./errors";
import { normaliseName } from "./text";

export type DimensionId = "goods" | "supply" | "viewing" | "quality" | "industry";

export interface Dimension {
  readonly id: DimensionId;
  readonly zh: string;
  readonly en: string;
  /** Position in {@link DIMENSIONS}. */
  readonly index: number;
  /** The report's first-level weight as printed, in percent points. */
  readonly reportWeight: number;
  /** Positions of this dimension's indicators in {@link INDICATORS}. */
  readonly indicators: readonly number[];
}

export interface Indicator {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly index: number;
  readonly dimension: DimensionId;
  /** +1: more is better; -1: less is better (return rate, dispute rate). */
  readonly direction: 1 | -1;
  /** The report's second-level weight as printed, in percent points. */
  readonly reportWeight: number;
}

export const INDICATORS: readonly Indicator[] = REPORT_WEIGHTS_2020.map((r, index) => ({
  id: r.indicatorId,
  zh: r.indicatorZh,
  en: r.indicatorEn,
  index,
  dimension: r.dimensionId as DimensionId,
  direction: r.direction,
  reportWeight: r.indicatorWeight,
}));

export const DIMENSIONS: readonly Dimension[] = (() => {
  const out: Dimension[] = [];
  for (const r of REPORT_WEIGHTS_2020) {
    if (out.some((d) => d.id === r.dimensionId)) continue;
    out.push({
      id: r.dimensionId as DimensionId,
      zh: r.dimensionZh,
      en: r.dimensionEn,
      index: out.length,
      reportWeight: r.dimensionWeight,
      indicators: INDICATORS.filter((i) => i.dimension === r.dimensionId).map((i) => i.index),
    });
  }
  return out;
})();

export const DIMENSION_COUNT = DIMENSIONS.length;
export const INDICATOR_COUNT = INDICATORS.length;

/** The five sub-index columns in the order of the report's Top-100 table (not the weight table's). */
export const TOP100_DIMENSION_ORDER: readonly DimensionId[] = ["supply", "viewing", "goods", "quality", "industry"];

/** Position of a dimension id in {@link DIMENSIONS}. */
export function dimensionIndex(id: DimensionId): number {
  return DIMENSIONS.findIndex((d) => d.id === id);
}

/** The name of a dimension or indicator in both languages, for messages. */
export function nameOf(item: Dimension | Indicator): LocalText {
  return { zh: item.zh, en: item.en };
}

/** Joins the names of several items, in both languages, for messages. */
export function namesOf(items: readonly (Dimension | Indicator)[]): LocalText {
  return { zh: items.map((i) => i.zh).join("、"), en: items.map((i) => i.en).join(", ") };
}

const DIMENSION_ALIASES: Readonly<Record<DimensionId, readonly string[]>> = {
  goods: ["商品消费", "goods"],
  supply: ["内容供给", "supply"],
  viewing: ["内容消费", "viewing", "contentconsumption"],
  quality: ["质量", "quality"],
  industry: ["产业促进", "industry"],
};

const dimensionByName = new Map<string, Dimension>();
for (const d of DIMENSIONS) {
  // 分指数 (sub-index) is how many tables head these columns: 直播商品消费分指数 = 直播商品消费指数.
  const subIndex = `${d.zh.replace(/指数$/, "")}分指数`;
  for (const n of [d.id, d.zh, d.en, subIndex, ...DIMENSION_ALIASES[d.id]]) dimensionByName.set(normaliseName(n), d);
}
const indicatorByName = new Map<string, Indicator>();
for (const i of INDICATORS) {
  for (const n of [i.id, i.zh, i.en]) indicatorByName.set(normaliseName(n), i);
}

/** Finds a dimension by id, Chinese name (with or without 指数) or English name. */
export function findDimension(name: unknown): Dimension | undefined {
  return dimensionByName.get(normaliseName(name));
}

/** Finds an indicator by id, Chinese name (with or without 该区县 / 指数) or English name. */
export function findIndicator(name: unknown): Indicator | undefined {
  return indicatorByName.get(normaliseName(name));
}
