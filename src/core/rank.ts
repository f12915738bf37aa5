/**
 * Ranking districts by score. O(n log n): one sort of the scored positions.
 *
 * Tie methods (descending order shown; scores 9, 7, 7, 5):
 * - `min`: competition ranking "1224", Excel's RANK.EQ (the default) → 1, 2, 2, 4
 * - `avg`: Excel's RANK.AVG → 1, 2.5, 2.5, 4
 * - `dense`: "1223" → 1, 2, 2, 3
 * - `ordinal`: "1234", ties in order of appearance → 1, 2, 3, 4
 * NaN never ranks: its rank is NaN.
 */
import { IndexError } from "./errors";

export type TieMethod = "min" | "avg" | "dense" | "ordinal";
export type RankOrder = "desc" | "asc";

export const TIE_METHODS: readonly TieMethod[] = ["min", "avg", "dense", "ordinal"];

/**
 * Ranks scores; `desc` gives rank 1 to the largest.
 *
 * @example
 * rankDistricts([9, 7, 7, 5])                    // → [1, 2, 2, 4]
 * rankDistricts([9, 7, 7, 5], "desc", "avg")     // → [1, 2.5, 2.5, 4]
 */
export function rankDistricts(scores: ArrayLike<number>, order: RankOrder = "desc", ties: TieMethod = "min"): Float64Array {
  const n = scores.length;
  const out = new Float64Array(n).fill(NaN);
  let m = 0;
  const idx = new Uint32Array(n);
  for (let r = 0; r < n; r++) if (scores[r] === scores[r]) idx[m++] = r;
  const sorted = idx.subarray(0, m);
  // Typed-array sort with a comparator; index breaks ties, so the order is total and stable.
  if (order === "desc") sorted.sort((a, b) => scores[b] - scores[a] || a - b);
  else sorted.sort((a, b) => scores[a] - scores[b] || a - b);
  let i = 0;
  let dense = 0;
  while (i < m) {
    let j = i;
    const v = scores[sorted[i]];
    while (j + 1 < m && scores[sorted[j + 1]] === v) j++;
    dense++;
    for (let t = i; t <= j; t++) {
      out[sorted[t]] = ties === "min" ? i + 1 : ties === "avg" ? (i + j) / 2 + 1 : ties === "dense" ? dense : t + 1;
    }
    i = j + 1;
  }
  return out;
}

/** Reads the `ties` argument: min (default), avg, dense, ordinal; throws BAD_OPTION. */
export function parseTieMethod(v: unknown): TieMethod {
  if (v === null || v === undefined || v === "") return "min";
  const key = String(v).normalize("NFKC").trim().toLowerCase();
  const alias: Record<string, TieMethod> = { eq: "min", "rank.eq": "min", average: "avg", "rank.avg": "avg", mean: "avg", first: "ordinal" };
  const t = (alias[key] ?? key) as TieMethod;
  if (!TIE_METHODS.includes(t)) throw new IndexError("BAD_OPTION", { name: "ties", value: JSON.stringify(String(v)), options: TIE_METHODS.join(", ") });
  return t;
}

/** Reads the `order` argument as RANK.EQ does: 0/omitted = largest first, non-zero = smallest first. */
export function parseRankOrder(v: unknown): RankOrder {
  if (v === null || v === undefined || v === "" || v === 0 || v === false) return "desc";
  if (v === 1 || v === true) return "asc";
  if (typeof v === "number" && Number.isFinite(v)) return "asc";
  if (typeof v === "string") {
    const key = v.normalize("NFKC").trim().toLowerCase();
    if (/^[+-]?\d+(\.\d+)?$/.test(key)) return Number(key) === 0 ? "desc" : "asc";
    if (["desc", "descending", "降序"].includes(key)) return "desc";
    if (["asc", "ascending", "升序"].includes(key)) return "asc";
  }
  throw new IndexError("BAD_OPTION", { name: "order", value: JSON.stringify(String(v)), options: "0, 1" });
}
