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
import { UserError } from "./errors";

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
  readonly values: Float64Array;
  readonly bits: Uint32Array;
  readonly order: Uint32Array;
  readonly spare: Uint32Array;
  readonly counts: Uint32Array;
  readonly out: Float64Array;
}

export function rankWork(rows: number): RankWork {
  const values = new Float64Array(rows);
  return {
    values,
    bits: new Uint32Array(values.buffer),
    order: new Uint32Array(rows),
    spare: new Uint32Array(rows),
    counts: new Uint32Array(256),
    out: new Float64Array(rows),
  };
}

/**
 * Competition ranks, largest first (RANK.EQ, `rankDistricts(scores)`), for the Monte Carlo's
 * thousands of rankings of one table: the rows sorted by their scores with a least-significant-
 * byte radix sort on the scores' IEEE-754 bits (eight passes of 256 buckets, a pass skipped when
 * every score has the same byte there, as the high bytes of scores on one scale mostly do; no
 * comparison, no allocation), then one pass that gives each group of equal scores the rank of its
 * first. The result is `work.out` (NaN for NaN scores). Same ranks as {@link rankDistricts}.
 *
 * @example
 * rankDescInto(Float64Array.of(9, 7, 7, 5), rankWork(4)) // → [1, 2, 2, 4]
 */
export function rankDescInto(scores: ArrayLike<number>, work: RankWork): Float64Array {
  const n = scores.length;
  const { values, bits, counts, out } = work;
  let order = work.order;
  let spare = work.spare;
  let m = 0;
  for (let r = 0; r < n; r++) {
    const v = scores[r];
    if (v !== v) {
      out[r] = NaN;
      continue;
    }
    values[r] = v + 0; // -0 and 0 tie, as in Excel
    order[m++] = r;
  }
  // Keys that sort largest first as unsigned numbers, in place of the scores' bits.
  for (let k = 0; k < m; k++) sortKeyInto(bits, bits, order[k], true);
  for (let pass = 0; pass < 8; pass++) {
    if (!radixPass(bits, order, spare, m, counts, pass >> 2, (pass & 3) * 8, 0xff)) continue;
    const t = order;
    order = spare;
    spare = t;
  }
  let rank = 1;
  for (let k = 0; k < m; k++) {
    const r = order[k];
    if (k > 0) {
      const p = order[k - 1];
      if (bits[2 * r] !== bits[2 * p] || bits[2 * r + 1] !== bits[2 * p + 1]) rank = k + 1;
    }
    out[r] = rank;
  }
  return out;
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
  if (m < 2048) return idx.sort((a, b) => values[a] - values[b] || a - b);
  const keys = new Uint32Array(m * 2);
  const bits = new Uint32Array(values.buffer, values.byteOffset, m * 2);
  for (let k = 0; k < m; k++) sortKeyInto(bits, keys, k, false);
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
 * written to keys[2j], keys[2j+1] (the same array is fine): all bits of a negative flipped, only
 * the sign bit of the rest; `descending` inverts the key, so that the largest sorts first.
 */
function sortKeyInto(words: Uint32Array, keys: Uint32Array, j: number, descending: boolean): void {
  const lo = words[2 * j];
  const hi = words[2 * j + 1];
  const neg = hi >>> 31;
  let klo = neg ? ~lo >>> 0 : lo;
  let khi = neg ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
  if (descending) {
    klo = ~klo >>> 0;
    khi = ~khi >>> 0;
  }
  keys[2 * j] = klo;
  keys[2 * j + 1] = khi;
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
