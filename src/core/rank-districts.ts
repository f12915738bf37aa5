/**
 * Ranking districts by score: one sort of the scored positions, O(n). Competition ranks largest
 * first (RANK.EQ, the default) of 2,048 scores or more come from a bucket sort (rankDescInto),
 * about twice as fast as the radix sort that serves the other orders and tie methods, and the
 * bucket sort hands back to the radix sort the tables it would serve badly.
 *
 * Tie methods (descending order shown; scores 9, 7, 7, 5):
 * - `min`: competition ranking "1224", Excel's RANK.EQ (the default) → 1, 2, 2, 4
 * - `avg`: Excel's RANK.AVG → 1, 2.5, 2.5, 4
 * - `dense`: "1223" → 1, 2, 2, 3
 * - `ordinal`: "1234", ties in order of appearance → 1, 2, 3, 4
 * NaN never ranks: its rank is NaN.
 */
import { UserError } from "./errors";

export type TieMethod = "min" | "avg" | "dense" | "ordinal";
export type RankOrder = "desc" | "asc";

export const TIE_METHODS: readonly TieMethod[] = ["min", "avg", "dense", "ordinal"];

/** Scores from which the O(n) sorts (bucket, radix) beat the built-in comparison sort. */
const RADIX_FROM = 2048;

/**
 * Ranks scores; `desc` gives rank 1 to the largest.
 *
 * @example
 * rankDistricts([9, 7, 7, 5])                    // → [1, 2, 2, 4]
 * rankDistricts([9, 7, 7, 5], "desc", "avg")     // → [1, 2.5, 2.5, 4]
 */
export function rankDistricts(scores: ArrayLike<number>, order: RankOrder = "desc", ties: TieMethod = "min"): Float64Array {
  if (order === "desc" && ties === "min" && scores.length >= RADIX_FROM) return rankDescInto(scores, rankWork(scores.length));
  return rankBySort(scores, order, ties);
}

/** {@link rankDistricts} by a stable sort of the scores (argsortStable). */
function rankBySort(scores: ArrayLike<number>, order: RankOrder, ties: TieMethod): Float64Array {
  const n = scores.length;
  const out = new Float64Array(n).fill(NaN);
  const values = new Float64Array(n);
  const positions = new Uint32Array(n);
  let m = 0;
  for (let r = 0; r < n; r++) {
    const v = scores[r];
    if (v !== v) continue;
    values[m] = v + 0; // -0 and 0 tie, as they do in Excel
    positions[m++] = r;
  }
  // Ascending by value, ties in order of appearance (the sort is stable).
  const sorted = argsortStable(values.subarray(0, m));
  let i = 0;
  let groups = 0;
  while (i < m) {
    let j = i;
    const v = values[sorted[i]];
    while (j + 1 < m && values[sorted[j + 1]] === v) j++;
    groups++;
    // Ascending positions i..j; descending, the group holds ranks m−j … m−i.
    const first = order === "desc" ? m - j : i + 1;
    const last = order === "desc" ? m - i : j + 1;
    for (let t = i; t <= j; t++) {
      const r = positions[sorted[t]];
      out[r] = ties === "min" ? first : ties === "avg" ? (first + last) / 2 : ties === "dense" ? groups : first + (t - i);
    }
    i = j + 1;
  }
  if (ties === "dense" && order === "desc") {
    for (let r = 0; r < n; r++) if (out[r] === out[r]) out[r] = groups - out[r] + 1;
  }
  return out;
}

/** Buffers that {@link rankDescInto} reuses from run to run. */
export interface RankWork {
  /** The scored rows and their scores, their buckets; then the rows and scores in order. */
  readonly values: Float64Array;
  readonly rows: Uint32Array;
  readonly buckets: Uint32Array;
  readonly order: Uint32Array;
  readonly sortedValues: Float64Array;
  readonly counts: Uint32Array;
  readonly out: Float64Array;
}

export function rankWork(rows: number): RankWork {
  // Up to one bucket per row (a power of two, at most 2²⁰: 4 MB of counts).
  const b = Math.min(1 << 20, 2 ** Math.floor(Math.log2(Math.max(1, rows))));
  return {
    values: new Float64Array(rows),
    rows: new Uint32Array(rows),
    buckets: new Uint32Array(rows),
    order: new Uint32Array(rows),
    sortedValues: new Float64Array(rows),
    counts: new Uint32Array(b + 1),
    out: new Float64Array(rows),
  };
}

/** Rows of one bucket beyond which they are ordered by a comparison sort rather than by insertion. */
const INSERTION_LIMIT = 16;

/**
 * Rows of one bucket, not all of one score, beyond which rankDescInto hands the whole ranking to
 * the radix sort: scores clustered into a few buckets (a far outlier stretching the range) would
 * otherwise cost a comparison sort of most of the table.
 */
const BUCKET_LIMIT = 256;

/**
 * Competition ranks, largest first (RANK.EQ, `rankDistricts(scores)`), for RANKDISTRICT and the
 * Monte Carlo's thousands of rankings of one table, without allocating (but for the tables it hands
 * to the radix sort):
 * 1. a bucket sort: each score's bucket is ⌊(max − score) · B / (max − min)⌋ for about one bucket
 *    per row, which never puts a larger score in a later bucket (subtraction and multiplication by
 *    a positive number round monotonically), so one counting pass and one scatter order the rows
 *    up to their buckets;
 * 2. within a bucket (mostly one row, or a few), the rows by their exact scores, largest first: by
 *    insertion; a bucket of more rows, not all of one score, by a comparison sort, or when it holds
 *    more than {@link BUCKET_LIMIT} (clustered scores, a range that is not finite: then everything
 *    is one bucket) the whole ranking by the radix sort;
 * 3. one pass that gives each group of equal scores the rank of its first.
 * The result is `work.out` (NaN for NaN scores). The same ranks as the radix sort's.
 *
 * @example
 * rankDescInto(Float64Array.of(9, 7, 7, 5), rankWork(4)) // → [1, 2, 2, 4]
 */
export function rankDescInto(scores: ArrayLike<number>, work: RankWork): Float64Array {
  const n = scores.length;
  const { values, sortedValues, buckets, rows, order, counts, out } = work;
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let r = 0; r < n; r++) {
    const v = scores[r];
    if (v !== v) {
      out[r] = NaN;
      continue;
    }
    const x = v + 0; // -0 and 0 tie, as in Excel
    values[m] = x;
    rows[m++] = r;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const range = max - min;
  // About one bucket per row: the power of two at or below m (the work's counts hold the largest).
  const b = range > 0 && range < Infinity ? Math.min(counts.length - 1, 2 ** Math.floor(Math.log2(m))) : 1;
  const scale = b / range;
  const last = b - 1;
  counts.fill(0, 0, b + 1);
  for (let k = 0; k < m; k++) {
    // (max − v) · scale is ≥ 0 and below 2²⁰ + 1: `| 0` is its floor.
    const q = ((max - values[k]) * scale) | 0;
    const at = q < last ? q : last;
    buckets[k] = at;
    counts[at + 1]++;
  }
  let sum = 0;
  let fullest = 0;
  let most = 0;
  for (let d = 1; d <= b; d++) {
    const c = counts[d];
    if (c > most) {
      most = c;
      fullest = d - 1;
    }
    sum += c;
    counts[d] = sum;
  }
  // The fullest bucket past the limit, its scores not all one: the radix sort at once, the scatter unmade.
  if (most > BUCKET_LIMIT && !oneScore(values, buckets, m, fullest)) {
    out.set(rankBySort(scores, "desc", "min"));
    return out;
  }
  for (let k = 0; k < m; k++) {
    const to = counts[buckets[k]]++;
    order[to] = rows[k];
    sortedValues[to] = values[k];
  }
  // counts[q] is now the end of bucket q: each bucket's rows by their exact scores.
  let start = 0;
  for (let q = 0; q < b && start < m; q++) {
    const end = counts[q];
    if (end - start > INSERTION_LIMIT) {
      // A bucket of many rows: often one score repeated (zeros, a capped value), which needs no sorting.
      if (!allEqual(sortedValues, start, end)) {
        if (end - start > BUCKET_LIMIT) {
          out.set(rankBySort(scores, "desc", "min"));
          return out;
        }
        sortRange(order, sortedValues, start, end, rows);
      }
    } else {
      for (let k = start + 1; k < end; k++) {
        const r = order[k];
        const v = sortedValues[k];
        let j = k;
        while (j > start && sortedValues[j - 1] < v) {
          order[j] = order[j - 1];
          sortedValues[j] = sortedValues[j - 1];
          j--;
        }
        order[j] = r;
        sortedValues[j] = v;
      }
    }
    start = end;
  }
  let rank = 1;
  for (let k = 0; k < m; k++) {
    if (k > 0 && sortedValues[k] !== sortedValues[k - 1]) rank = k + 1;
    out[order[k]] = rank;
  }
  return out;
}

/** Whether the rows of bucket q (buckets[k] = q) all have one score. */
function oneScore(values: Float64Array, buckets: Uint32Array, m: number, q: number): boolean {
  let first = NaN;
  for (let k = 0; k < m; k++) {
    if (buckets[k] !== q) continue;
    if (first !== first) first = values[k];
    else if (values[k] !== first) return false;
  }
  return true;
}

function allEqual(values: Float64Array, start: number, end: number): boolean {
  const v = values[start];
  for (let k = start + 1; k < end; k++) if (values[k] !== v) return false;
  return true;
}

/** Rows start … end of `order` (with their scores) by score, largest first: a comparison sort through `spare`. */
function sortRange(order: Uint32Array, values: Float64Array, start: number, end: number, spare: Uint32Array): void {
  const g = end - start;
  const idx = spare.subarray(0, g);
  for (let k = 0; k < g; k++) idx[k] = start + k;
  idx.sort((x, y) => values[y] - values[x] || x - y);
  const rows = Array.from(idx, (k) => order[k]);
  const vals = Array.from(idx, (k) => values[k]);
  for (let k = 0; k < g; k++) {
    order[start + k] = rows[k];
    values[start + k] = vals[k];
  }
}

/**
 * The order that sorts `values` ascending, stable (equal values keep their order): indices into
 * `values`. A least-significant-digit radix sort on the IEEE-754 bits, four 16-bit digits, O(n):
 * no comparator calls, which dominate a comparator sort of 10⁵–10⁶ scores. Small inputs use the
 * built-in sort.
 */
function argsortStable(values: Float64Array): Uint32Array {
  const m = values.length;
  let idx = new Uint32Array(m);
  for (let k = 0; k < m; k++) idx[k] = k;
  if (m < RADIX_FROM) return idx.sort((a, b) => values[a] - values[b] || a - b);
  const keys = new Uint32Array(m * 2);
  const bits = new Uint32Array(values.buffer, values.byteOffset, m * 2);
  for (let k = 0; k < m; k++) sortKeyInto(bits, keys, k);
  let tmp = new Uint32Array(m);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    if (!radixPass(keys, idx, tmp, m, count, pass >> 1, (pass & 1) * 16, 0xffff)) continue;
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  return idx;
}

/**
 * The order-preserving unsigned key of the double whose two 32-bit words are words[2j], words[2j+1],
 * written to keys[2j], keys[2j+1]: all bits of a negative flipped, only the sign bit of the rest.
 */
function sortKeyInto(words: Uint32Array, keys: Uint32Array, j: number): void {
  const lo = words[2 * j];
  const hi = words[2 * j + 1];
  const neg = hi >>> 31;
  keys[2 * j] = neg ? ~lo >>> 0 : lo;
  keys[2 * j + 1] = neg ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
}

/**
 * One stable counting pass of a least-significant-digit radix sort: the first m entries of `from`
 * (indices into the keys) written to `to` in the order of the digit `(keys[2i + word] >>> shift) & mask`.
 * Returns false, having written nothing, when every key has the same digit there: a pass to skip.
 */
function radixPass(keys: Uint32Array, from: Uint32Array, to: Uint32Array, m: number, counts: Uint32Array, word: number, shift: number, mask: number): boolean {
  counts.fill(0);
  for (let k = 0; k < m; k++) counts[(keys[2 * from[k] + word] >>> shift) & mask]++;
  if (m === 0 || counts[(keys[2 * from[0] + word] >>> shift) & mask] === m) return false;
  let sum = 0;
  for (let d = 0; d <= mask; d++) {
    const c = counts[d];
    counts[d] = sum;
    sum += c;
  }
  for (let k = 0; k < m; k++) {
    const e = from[k];
    to[counts[(keys[2 * e + word] >>> shift) & mask]++] = e;
  }
  return true;
}

/** Reads the `ties` argument: min (default), avg, dense, ordinal; throws BAD_OPTION. */
export function parseTieMethod(v: unknown): TieMethod {
  if (v === null || v === undefined || v === "") return "min";
  const key = String(v).normalize("NFKC").trim().toLowerCase();
  const alias: Record<string, TieMethod> = { eq: "min", "rank.eq": "min", average: "avg", "rank.avg": "avg", mean: "avg", first: "ordinal" };
  const t = (Object.prototype.hasOwnProperty.call(alias, key) ? alias[key] : key) as TieMethod;
  if (!TIE_METHODS.includes(t)) throw new UserError("BAD_OPTION", { name: "ties", value: JSON.stringify(String(v)), options: TIE_METHODS.join(", ") });
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
  throw new UserError("BAD_OPTION", { name: "order", value: JSON.stringify(String(v)), options: "0, 1" });
}
