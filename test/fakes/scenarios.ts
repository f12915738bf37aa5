/**
 * Inputs shared by the tests of src/excel: synthetic sub-index tables of any size, plans for them,
 * and a snapshot of everything a failed run must leave unchanged.
 */
import { runIndex } from "../../src/core/workflow";
import { planRankedSheet, RankedSheetPlan, SheetMode } from "../../src/plans/ranked-sheet";
import { prng } from "../helpers/fixtures";
import type { FakeExcel, WorkbookState } from "./fake-excel";

/** Headers as a user might type them: names, then the five sub-indices in the Top-100 order. */
export const SYNTHETIC_HEADERS = ["省", "市", "区县", "直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"] as const;

const PROVINCES = ["浙江省", "广东省", "江苏省", "上海市", "北京市", "山东省", "福建省", "四川省"];

/** A sub-index table of `rows` regions, header included; values 0–100 with two decimals. */
export function syntheticCells(rows: number, seed = 11): (string | number)[][] {
  const rnd = prng(seed);
  const out: (string | number)[][] = [[...SYNTHETIC_HEADERS]];
  for (let r = 0; r < rows; r++) {
    const p = PROVINCES[Math.floor(rnd() * PROVINCES.length)];
    out.push([p, `${p.slice(0, 2)}市${r % 97}`, `区县${r + 1}`, ...[0, 1, 2, 3, 4].map(() => Math.round(rnd() * 10000) / 100)]);
  }
  return out;
}

/** The plan of a table as the task pane would make it (report weights). */
export function planOf(cells: readonly (readonly unknown[])[], mode: SheetMode = "values", topN = 100, sheet = "数据"): RankedSheetPlan {
  return planRankedSheet(runIndex(cells), {
    lang: "zh",
    topN,
    mode,
    source: `${sheet}!A1`,
    weights: { kind: "report" },
    generatedAt: "2026-03-01 10:00",
    version: "test",
    sourceRef: mode === "formulas" ? (row, dim) => `'${sheet}'!$${"DEFGH"[[2, 0, 1, 3, 4][dim]]}$${row + 2}` : undefined,
  });
}

/** Everything about a workbook that a failed run must leave as it was, cells of its sheets included. */
export function workbookSnapshot(fake: FakeExcel): { state: WorkbookState; cells: unknown[][][] } {
  const state = fake.state();
  return { state, cells: state.sheets.map((s) => (s.usedAddress ? fake.cells(s.name, s.usedAddress) : [])) };
}
