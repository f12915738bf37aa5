/** Ranked-sheet plans for the file tests: the options a run of the command line would give, and one-plan files. */
import { writePlansXlsx } from "../../src/files/xlsx-writer";
import type { SheetPlan } from "../../src/plans/plan";
import type { RankedSheetOptions } from "../../src/plans/ranked-sheet";

export function rankedOptions(o: Partial<RankedSheetOptions> = {}): RankedSheetOptions {
  return {
    lang: "zh",
    topN: 10,
    mode: "values",
    source: "top100.csv",
    weights: { kind: "report" },
    generatedAt: "2026-01-02T03:04:05.000Z",
    version: "0.1.0",
    ...o,
  };
}

/** writePlansXlsx for one plan, giving its one written sheet. */
export async function writeRankedXlsx(plan: SheetPlan, path: string, options?: { overwrite?: boolean }) {
  return (await writePlansXlsx([plan], path, options))[0];
}
