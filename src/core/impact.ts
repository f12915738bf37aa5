/**
 * What a change of weights does to a ranking: regions entering and leaving the top N, the largest
 * moves up and down, Spearman's rank correlation and the mean absolute rank shift.
 */
import { rankDistricts } from "./rank-districts";

export interface RankMove {
  /** Data row of the region. */
  readonly row: number;
  readonly from: number;
  readonly to: number;
  /** from − to: positive = moved up the ranking. */
  readonly up: number;
}

export interface RankImpact {
  /** Regions compared: ranked under both tables. */
  readonly compared: number;
  readonly topN: number;
  /** Rows in the new top N that were not in the old one, best new rank first. */
  readonly entering: readonly RankMove[];
  /** Rows in the old top N that are not in the new one, best old rank first. */
  readonly leaving: readonly RankMove[];
  /** The largest moves up and down (at most `limit` each), largest first; rows that did not move are left out. */
  readonly movedUp: readonly RankMove[];
  readonly movedDown: readonly RankMove[];
  /** Spearman's rank correlation (Pearson on average ranks); NaN with fewer than 2 regions or no spread. */
  readonly spearman: number;
  readonly meanAbsShift: number;
}

/**
 * Compares the ranking of the same regions under two sets of totals (old = baseline weights,
 * new = current weights). Rows whose total is NaN in either are left out.
 *
 * @example
 * const i = compareRankings(Float64Array.of(3, 2, 1), Float64Array.of(1, 2, 3), 1);
 * i.entering.map((m) => m.row) // → [2]
 * i.spearman                   // → -1
 */
export function compareRankings(oldTotals: ArrayLike<number>, newTotals: ArrayLike<number>, topN: number, limit = 10): RankImpact {
  const n = oldTotals.length;
  const both = new Float64Array(n);
  const keep = (r: number) => oldTotals[r] === oldTotals[r] && newTotals[r] === newTotals[r];
  const masked = (t: ArrayLike<number>) => Float64Array.from({ length: n }, (_, r) => (keep(r) ? t[r] : NaN));
  const oldT = masked(oldTotals);
  const newT = masked(newTotals);
  const oldRank = rankDistricts(oldT);
  const newRank = rankDistricts(newT);
  const moves: RankMove[] = [];
  for (let r = 0; r < n; r++) {
    both[r] = keep(r) ? 1 : 0;
    if (keep(r)) moves.push({ row: r, from: oldRank[r], to: newRank[r], up: oldRank[r] - newRank[r] });
  }
  const entering = moves.filter((m) => m.to <= topN && m.from > topN).sort((a, b) => a.to - b.to || a.row - b.row);
  const leaving = moves.filter((m) => m.from <= topN && m.to > topN).sort((a, b) => a.from - b.from || a.row - b.row);
  const movedUp = moves
    .filter((m) => m.up > 0)
    .sort((a, b) => b.up - a.up || a.to - b.to)
    .slice(0, limit);
  const movedDown = moves
    .filter((m) => m.up < 0)
    .sort((a, b) => a.up - b.up || a.to - b.to)
    .slice(0, limit);
  const meanAbsShift = moves.length ? moves.reduce((s, m) => s + Math.abs(m.up), 0) / moves.length : NaN;
  return {
    compared: moves.length,
    topN,
    entering,
    leaving,
    movedUp,
    movedDown,
    spearman: spearman(rankDistricts(oldT, "desc", "avg"), rankDistricts(newT, "desc", "avg"), both),
    meanAbsShift,
  };
}

/** Pearson correlation of two rank vectors over the rows where `use` is 1. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>, use: ArrayLike<number>): number {
  let n = 0;
  let ma = 0;
  let mb = 0;
  for (let r = 0; r < a.length; r++) {
    if (!use[r]) continue;
    n++;
    ma += a[r];
    mb += b[r];
  }
  if (n < 2) return NaN;
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let r = 0; r < a.length; r++) {
    if (!use[r]) continue;
    sab += (a[r] - ma) * (b[r] - mb);
    saa += (a[r] - ma) ** 2;
    sbb += (b[r] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
