/**
 * Worksheet-shaped inputs for the custom-function tests, and an independent restatement of the
 * report's framework (written out here from the printed weight table, not imported from
 * src/core) so that expected values are not computed by the code under test.
 */
import { REPORT_TOP100_2020, REPORT_TOP100_HEADERS } from "../../src/data/report2020";

/** The report's Top-100 table as a worksheet holds it: printed headers, "-" where the report prints "-". */
export function top100Cells(): (string | number)[][] {
  const rows = REPORT_TOP100_2020.map((r) => [
    r.rank,
    r.province,
    r.city ?? "-",
    r.district,
    r.supply ?? "-",
    r.viewing ?? "-",
    r.goods ?? "-",
    r.quality ?? "-",
    r.industry ?? "-",
    r.total,
  ]);
  return [[...REPORT_TOP100_HEADERS], ...rows];
}

/** Only the five sub-index columns, in the Top-100 order, without a header row. */
export function top100SubIndexCells(): (string | number)[][] {
  return REPORT_TOP100_2020.map((r) => [r.supply ?? "-", r.viewing ?? "-", r.goods ?? "-", r.quality ?? "-", r.industry ?? "-"]);
}

export const PUBLISHED_TOTALS: readonly number[] = REPORT_TOP100_2020.map((r) => r.total);
export const PUBLISHED_RANKS: readonly number[] = REPORT_TOP100_2020.map((r) => r.rank);

/** The printed weight table (percent points) with this project's ids and directions. */
export const FRAMEWORK: readonly {
  id: string;
  zh: string;
  en: string;
  weight: number;
  indicators: readonly { id: string; weight: number; direction: 1 | -1 }[];
}[] = [
  {
    id: "goods",
    zh: "直播商品消费指数",
    en: "Live-stream goods consumption",
    weight: 40,
    indicators: [
      { id: "streamer_gmv", weight: 25, direction: 1 },
      { id: "streamer_gmv_growth", weight: 25, direction: 1 },
      { id: "merchant_gmv", weight: 25, direction: 1 },
      { id: "merchant_live_share", weight: 25, direction: 1 },
    ],
  },
  {
    id: "supply",
    zh: "直播内容供给指数",
    en: "Live-stream content supply",
    weight: 25,
    indicators: [
      { id: "streamer_sessions", weight: 16, direction: 1 },
      { id: "streamer_hours", weight: 16, direction: 1 },
      { id: "streamer_entities", weight: 16, direction: 1 },
      { id: "live_merchants", weight: 16, direction: 1 },
      { id: "streamer_sessions_growth", weight: 16, direction: 1 },
      { id: "merchant_penetration", weight: 16, direction: 1 },
    ],
  },
  {
    id: "viewing",
    zh: "直播内容消费指数",
    en: "Live-stream content consumption",
    weight: 15,
    indicators: [
      { id: "views", weight: 33, direction: 1 },
      { id: "watch_time", weight: 33, direction: 1 },
      { id: "interactions", weight: 33, direction: 1 },
    ],
  },
  {
    id: "quality",
    zh: "直播质量指数",
    en: "Live-stream quality",
    weight: 15,
    indicators: [
      { id: "return_rate", weight: 25, direction: -1 },
      { id: "dispute_rate", weight: 25, direction: -1 },
      { id: "price_tier", weight: 25, direction: 1 },
      { id: "rating", weight: 25, direction: 1 },
    ],
  },
  {
    id: "industry",
    zh: "产业促进指数",
    en: "Industry promotion",
    weight: 5,
    indicators: [
      { id: "policy", weight: 50, direction: 1 },
      { id: "bases", weight: 50, direction: 1 },
    ],
  },
];

/** The 19 indicator ids in the weight table's order. */
export const INDICATOR_IDS: readonly string[] = FRAMEWORK.flatMap((d) => d.indicators.map((i) => i.id));

/** The five sub-index names in the order of the report's Top-100 table. */
export const TOP100_SUBINDEX_HEADERS = ["直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"] as const;

/** A small deterministic PRNG (mulberry32), so generated tables are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Raw indicator data: a header of ids, then `rows` rows of 19 values in each indicator's own
 * units (GMV in yuan, rates as fractions, counts), with a few "-" cells (none: 0).
 */
export function rawIndicatorCells(rows: number, seed = 2020): (string | number)[][] {
  const rnd = prng(seed);
  const scale: Record<string, number> = {
    streamer_gmv: 5e8,
    merchant_gmv: 3e8,
    views: 1e7,
    watch_time: 2e6,
    interactions: 4e6,
    streamer_sessions: 5e4,
    streamer_hours: 1e5,
    policy: 3,
    bases: 12,
  };
  const out: (string | number)[][] = [[...INDICATOR_IDS]];
  for (let r = 0; r < rows; r++) {
    out.push(
      INDICATOR_IDS.map((id, c) => {
        if ((r * 19 + c) % 37 === 5) return "-";
        const x = rnd() * (scale[id] ?? 1);
        return id === "policy" || id === "bases" ? Math.round(x) : Math.round(x * 1e4) / 1e4;
      }),
    );
  }
  return out;
}

/** A cell as the index reads it: "-" and blanks are 0. */
export function cellNumber(v: unknown): number {
  if (v === "-" || v === "" || v === null) return 0;
  if (typeof v !== "number") throw new Error(`not a number cell: ${String(v)}`);
  return v;
}

/** Independent min–max scaling to 0–100, direction-aware; a constant column scores 0. */
export function minMax(xs: readonly number[], direction: 1 | -1): number[] {
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  if (max === min) return xs.map(() => 0);
  return xs.map((x) => (direction === 1 ? (100 * (x - min)) / (max - min) : (100 * (max - x)) / (max - min)));
}

/** Independent share-of-maximum scaling. */
export function shareOfMax(xs: readonly number[], direction: 1 | -1): number[] {
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  if (!(max > 0)) return xs.map(() => 0);
  return xs.map((x) => (direction === 1 ? (100 * x) / max : (100 * (min + max - x)) / max));
}

/**
 * Sub-indices and total of raw indicator data computed independently: scale each indicator,
 * weighted mean within each dimension (weights renormalised), optional rescale to max 100,
 * weighted sum of the dimensions.
 */
export function independentIndex(
  cells: readonly (readonly unknown[])[],
  scale: (xs: readonly number[], direction: 1 | -1) => number[] = minMax,
  rescale = false,
): { dimensions: Record<string, number[]>; total: number[] } {
  const header = cells[0] as string[];
  const body = cells.slice(1);
  const dimensions: Record<string, number[]> = {};
  const dimWeightSum = FRAMEWORK.reduce((s, d) => s + d.weight, 0);
  const total = body.map(() => 0);
  for (const d of FRAMEWORK) {
    const wsum = d.indicators.reduce((s, i) => s + i.weight, 0);
    let col = body.map(() => 0);
    for (const ind of d.indicators) {
      const c = header.indexOf(ind.id);
      // DESIGN §2: a missing value ("-", blank) counts as 0 when more is better, as the worst value in the data when less is.
      const missing = (v: unknown) => v === "-" || v === "" || v === null || (ind.direction === -1 && v === 0);
      const observed = body.filter((row) => !missing(row[c])).map((row) => cellNumber(row[c]));
      const worst = observed.length ? observed.reduce((a, b) => Math.max(a, b), -Infinity) : 0;
      const scaled = scale(
        body.map((row) => (ind.direction === -1 && missing(row[c]) ? worst : cellNumber(row[c]))),
        ind.direction,
      );
      col = col.map((v, r) => v + (ind.weight / wsum) * scaled[r]);
    }
    if (rescale) {
      const max = Math.max(...col);
      if (max > 0) col = col.map((v) => (v * 100) / max);
    }
    dimensions[d.id] = col;
    col.forEach((v, r) => (total[r] += (d.weight / dimWeightSum) * v));
  }
  return { dimensions, total };
}

/** The first-level weights in the Top-100 order of the columns (supply, viewing, goods, quality, industry). */
export const TWO_YEAR_WEIGHTS = [0.25, 0.15, 0.4, 0.15, 0.05];
const TWO_YEAR_HEADER = ["年份", "省", "市", "区县", ...TOP100_SUBINDEX_HEADERS];

/** 12 regions in 2020 and 2021, in a different row order each year; 区11 only in 2020, 区12 only in 2021. */
export function twoYearPanel(): (string | number)[][] {
  const rnd = prng(8);
  const region = (k: number) => ["浙江省", k % 2 ? "杭州市" : "宁波市", `区${k}`];
  const rows: (string | number)[][] = [];
  for (const year of [2021, 2020]) {
    const ks = year === 2020 ? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] : [12, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 10];
    for (const k of ks) rows.push([year === 2021 ? "2021年" : year, ...region(k), ...TWO_YEAR_WEIGHTS.map(() => Math.round(rnd() * 10000) / 100)]);
  }
  return [TWO_YEAR_HEADER, ...rows];
}
