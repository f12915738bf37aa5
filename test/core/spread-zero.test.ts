/**
 * One set of aggregation kernels: at spread 0 the Monte Carlo's ranks are RANKDISTRICT(LIVEINDEX(…))
 * to the last bit, ties included. The data are built so that many regions tie in exact arithmetic
 * while their sums are formed from different terms: any second copy of the arithmetic (another
 * summation order, scaled copies instead of the affine form, another renormalisation) rounds some
 * of them apart and breaks a tie one way or the other.
 */
import { computeIndex } from "../../src/core/pipeline";
import { rankDistricts } from "../../src/core/rank-districts";
import { SCALING_METHODS } from "../../src/core/scaling";
import { getSensitivity } from "../../src/core/sensitivity";
import { parseWeightTable, weightTableToCells } from "../../src/core/weights";
import { INDICATOR_IDS, prng, TOP100_SUBINDEX_HEADERS } from "../helpers/fixtures";

/** Raw indicators from a few levels (0.1, 0.2, 0.3 …), rows repeated and permuted within each dimension: ties everywhere. */
function tieHeavyRaw(rows: number, seed: number): unknown[][] {
  const rnd = prng(seed);
  const levels = [0.1, 0.2, 0.3, 0.7, 1.1];
  const base = Array.from({ length: 8 }, () => INDICATOR_IDS.map(() => levels[Math.floor(rnd() * levels.length)]));
  const out: unknown[][] = [[...INDICATOR_IDS]];
  for (let r = 0; r < rows; r++) {
    const row = [...base[r % base.length]];
    // Swapping two indicators of equal weight within a dimension keeps the exact total: a tie formed from other terms.
    if (r % 3 === 1) [row[6], row[7]] = [row[7], row[6]];
    if (r % 5 === 2) [row[8], row[9]] = [row[9], row[8]];
    out.push(row);
  }
  return out;
}

function tieHeavySubIndices(rows: number, seed: number): unknown[][] {
  const rnd = prng(seed);
  const levels = [0.1, 66.7];
  const out: unknown[][] = [[...TOP100_SUBINDEX_HEADERS]];
  for (let r = 0; r < rows; r++) out.push(TOP100_SUBINDEX_HEADERS.map(() => levels[Math.floor(rnd() * levels.length)]));
  return out;
}

/** Weights whose renormalisation is inexact: printed-style percents that do not sum to 100. */
const ODD_WEIGHTS = parseWeightTable(
  weightTableToCells("id").map((r, i) => (i === 0 ? r : [r[0], r[1], Number(r[2]) * 0.97 + 0.003, Number(r[3]) * 1.03 + 0.001])),
);

const list = (a: ArrayLike<number>) => Array.from(a);

describe("LIVESENSITIVITY at spread 0 equals RANKDISTRICT(LIVEINDEX(…)) to the last bit", () => {
  const methods = SCALING_METHODS.filter((m) => m.name !== "goalposts").map((m) => m.name);

  it.each(methods)("raw indicators scaled by %s, ties included, with the report's and with odd weights", (method) => {
    for (const weights of [undefined, ODD_WEIGHTS]) {
      for (const rescale of [false, true]) {
        const result = computeIndex(tieHeavyRaw(120, 7), { method, weights, rescale });
        const nominal = list(rankDistricts(result.total));
        expect(new Set(nominal).size).toBeLessThan(nominal.length / 2); // the data really tie
        const s = getSensitivity(result, { runs: 5, spread: 0 });
        for (const ranks of [s.nominal, s.median, s.p5, s.p95]) expect(list(ranks)).toEqual(nominal);
      }
    }
  });

  it("sub-index input, ties included, with the report's and with odd weights", () => {
    for (const weights of [undefined, ODD_WEIGHTS]) {
      const result = computeIndex(tieHeavySubIndices(200, 3), { weights });
      const nominal = list(rankDistricts(result.total));
      expect(new Set(nominal).size).toBeLessThan(nominal.length / 2);
      const s = getSensitivity(result, { runs: 5, spread: 0 });
      for (const ranks of [s.median, s.p5, s.p95]) expect(list(ranks)).toEqual(nominal);
    }
  });
});
