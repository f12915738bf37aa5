/**
 * The AHP template sheet: the matrix the pane inserts is one that LIVEAHP and the pane read back
 * (names across and down, the diagonal 1, the lower triangle the reciprocals of the upper as
 * formulas), with the judgements to type shaded and validated, and LIVEAHP beside it.
 */
import { ahpOfRange, ahpWeightTable } from "../../src/core/ahp";
import { planAhpTemplate } from "../../src/plans/ahp-sheet";
import type { PlanValue } from "../../src/plans/plan";

/** The matrix as Excel shows it once its formulas are calculated (=1/C7 → 1 / the value of C7). */
function calculated(values: readonly (readonly PlanValue[])[], top: number): unknown[][] {
  const cell = (a: string) => {
    const m = /^([A-Z])(\d+)$/.exec(a)!;
    return values[Number(m[2]) - 1 - top][m[1].charCodeAt(0) - 65];
  };
  return values.map((r) => r.map((v) => (typeof v === "object" && v !== null && "formula" in v ? 1 / (cell(v.formula.slice(2)) as number) : v)));
}

describe("planAhpTemplate", () => {
  it("lays out the five sub-indices' matrix: 1 on the diagonal, reciprocal formulas below, LIVEAHP beside", () => {
    const plan = planAhpTemplate("zh", "dimensions");
    const matrix = plan.blocks.find((b) => b.id === "matrix")!;
    expect(matrix.values[0]).toEqual(["行 ÷ 列", "直播商品消费指数", "直播内容供给指数", "直播内容消费指数", "直播质量指数", "产业促进指数"]);
    expect(matrix.values.map((r) => r[0]).slice(1)).toEqual(matrix.values[0].slice(1));
    const first = matrix.row + 2; // Excel's row of the first judgement row
    // Row 3 (内容消费) column B (goods): the reciprocal of goods' judgement over 内容消费, in D{first}.
    expect(matrix.values[3][1]).toEqual({ formula: `1/D${first}` });
    expect(matrix.values[2][2]).toBe(1);
    const result = plan.blocks.find((b) => b.id === "result")!;
    expect(result.col).toBe(7);
    expect(result.values[0][0]).toEqual({ formula: `ZBDS.LIVEAHP(A${matrix.row + 1}:F${matrix.row + 6})` });
    // The upper triangle is shaded and every judgement is validated from 1/9 to 9.
    expect(plan.highlights![0].cells).toHaveLength(10);
    expect(plan.validations![0]).toMatchObject({ block: "matrix", firstColumn: 1, columns: 5, min: 1 / 9, max: 9 });
    expect(plan.select).toBe("matrix");
  });

  it("reads back, once typed and calculated, as the AHP of the judgements, and makes a weight table", () => {
    const plan = planAhpTemplate("en", "dimensions");
    const matrix = plan.blocks.find((b) => b.id === "matrix")!;
    const typed = matrix.values.map((r, i) => r.map((v, j) => (i > 0 && j > i ? [0, 0, 3, 5, 7, 9][j] : v)));
    const { names, result } = ahpOfRange(calculated(typed, matrix.row), { row: matrix.row, column: 0 });
    expect(names[0]).toBe("Live-stream goods consumption");
    expect(result.weights[0]).toBeGreaterThan(result.weights[4]);
    const table = ahpWeightTable(names, result.weights);
    expect(Array.from(table.dimensions)).toEqual(result.weights.map((w) => expect.closeTo(w, 12)));
  });

  it("for one sub-index's indicators, names them so that the weight table puts them in that sub-index", () => {
    const plan = planAhpTemplate("zh", 2);
    const matrix = plan.blocks.find((b) => b.id === "matrix")!;
    expect(matrix.values).toHaveLength(4);
    const { names, result } = ahpOfRange(calculated(matrix.values, matrix.row));
    const table = ahpWeightTable(names, result.weights);
    // Equal judgements: equal weights within 内容消费 (three indicators), the rest as printed.
    expect(Array.from(table.givenIndicators.slice(10, 13))).toEqual([1 / 3, 1 / 3, 1 / 3].map((w) => expect.closeTo(w, 12)));
    expect(table.givenIndicators[0]).toBe(0.25);
  });
});
