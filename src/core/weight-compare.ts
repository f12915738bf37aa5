/**
 * Comparing two weight tables: every weight and every effective weight, old → new.
 * Used against the report's weights and against the baseline saved in a workbook.
 */
import { DIMENSIONS, INDICATORS } from "./framework";
import { getEffectiveWeights, WeightTable } from "./weights";

/** Differences below this are binary noise (0.1 + 0.2), not a change a person made. */
const SAME = 1e-9;

export interface WeightChange {
  /** "dimension" rows compare first-level weights; "indicator" rows second-level ones. */
  readonly level: "dimension" | "indicator";
  /** Position in DIMENSIONS or INDICATORS. */
  readonly index: number;
  /** The weight as given in each table (fractions: 0.4 for 40%). */
  readonly oldWeight: number;
  readonly newWeight: number;
  /**
   * Effective weight in the total after renormalising: for an indicator, dimension × indicator;
   * for a dimension, its renormalised first-level weight.
   */
  readonly oldEffective: number;
  readonly newEffective: number;
  readonly changed: boolean;
}

/**
 * Every dimension and indicator of two tables side by side, dimensions first, each followed by
 * its indicators (the weight table's order).
 *
 * @example
 * compareWeights(REPORT_WEIGHT_TABLE, REPORT_WEIGHT_TABLE).some((c) => c.changed) // → false
 */
export function compareWeights(baseline: WeightTable, current: WeightTable): WeightChange[] {
  const oldEff = getEffectiveWeights(baseline);
  const newEff = getEffectiveWeights(current);
  const out: WeightChange[] = [];
  for (const d of DIMENSIONS) {
    const dim = {
      level: "dimension" as const,
      index: d.index,
      oldWeight: baseline.givenDimensions[d.index],
      newWeight: current.givenDimensions[d.index],
      oldEffective: baseline.dimensions[d.index],
      newEffective: current.dimensions[d.index],
    };
    out.push({ ...dim, changed: differs(dim.oldWeight, dim.newWeight) || differs(dim.oldEffective, dim.newEffective) });
    for (const i of d.indicators) {
      const ind = {
        level: "indicator" as const,
        index: i,
        oldWeight: baseline.givenIndicators[i],
        newWeight: current.givenIndicators[i],
        oldEffective: oldEff[i],
        newEffective: newEff[i],
      };
      out.push({ ...ind, changed: differs(ind.oldWeight, ind.newWeight) || differs(ind.oldEffective, ind.newEffective) });
    }
  }
  return out;
}

/**
 * How many second-level weights differ as given. They cannot move a ranking computed from
 * sub-indices: the data has aggregated its indicators already, so only the dimension weights act.
 */
export function indicatorWeightChanges(changes: readonly WeightChange[]): number {
  return changes.filter((c) => c.level === "indicator" && differs(c.oldWeight, c.newWeight)).length;
}

/** The name of a compared row in one language. */
export function changeName(c: WeightChange, lang: "zh" | "en"): string {
  return c.level === "dimension" ? DIMENSIONS[c.index][lang] : INDICATORS[c.index][lang];
}

function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > SAME;
}
