/**
 * LIVEAHP against Saaty's method computed here apart from src/core/ahp.ts (the row geometric mean
 * and λmax from A·w, which for these matrices agree with the eigenvector to the digits asserted),
 * his random index, and the verdict on an inconsistent matrix.
 */
import { Cell, ExcelRuntime, isCustomFunctionError, loadSourceRuntime } from "../helpers/excel-runtime";
import { prng } from "../helpers/fixtures";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

/** Saaty's three-criterion example: 3 × as important, 5 ×, 3 × between the second and the third. */
const SAATY = [
  [1, 3, 5],
  [1 / 3, 1, 3],
  [1 / 5, 1 / 3, 1],
];
const named = (m: (number | string)[][], names: string[]) => [["", ...names], ...m.map((r, i) => [names[i], ...r])];

describe("LIVEAHP", () => {
  it("gives the principal eigenvector, λmax, CI, RI and CR of Saaty's example, acceptable", () => {
    const out = rt.call("LIVEAHP", named(SAATY, ["商品消费", "内容供给", "内容消费"])) as Cell[][];
    // Independent: the row geometric means, normalised (close to the eigenvector for a nearly consistent matrix).
    const g = SAATY.map((r) => Math.cbrt(r[0] * r[1] * r[2]));
    const w = g.map((x) => x / g.reduce((a, b) => a + b, 0));
    expect(out[0]).toEqual(["", "Weight"]);
    [1, 2, 3].forEach((i) => expect(out[i][1]).toBeCloseTo(w[i - 1], 2));
    expect((out[1][1] as number) + (out[2][1] as number) + (out[3][1] as number)).toBeCloseTo(1, 12);
    // λmax from A·w of the returned weights, then CI = (λmax − 3) / 2, RI(3) = 0.58.
    const ws = [1, 2, 3].map((i) => out[i][1] as number);
    const lambda = SAATY.reduce((a, row, i) => a + row.reduce((s, x, j) => s + x * ws[j], 0) / ws[i], 0) / 3;
    expect(out[4][1]).toBeCloseTo(lambda, 9);
    expect(out[4][1]).toBeCloseTo(3.0385, 3);
    expect(out[5][1]).toBeCloseTo((lambda - 3) / 2, 9);
    expect(out[6][1]).toBe(0.58);
    expect(out[7][1]).toBeCloseTo((lambda - 3) / 2 / 0.58, 9);
    expect(out[7][1] as number).toBeLessThan(0.1);
    expect(out[8]).toEqual(["Verdict", "acceptable (CR < 0.1)"]);
  });

  it("says an inconsistent matrix is not acceptable, and takes one without names", () => {
    // A ≫ B and B ≫ C, yet C ≫ A: circular judgements.
    const m = [
      [1, 9, 1 / 9, 1],
      [1 / 9, 1, 9, 1],
      [9, 1 / 9, 1, 1],
      [1, 1, 1, 1],
    ];
    const out = rt.callWith({ lang: "zh-CN" }, "LIVEAHP", m) as Cell[][];
    expect(out[0]).toEqual(["", "权重"]);
    expect(out.map((r) => r[0]).slice(1, 5)).toEqual(["1", "2", "3", "4"]);
    expect(out[8][1] as number).toBeGreaterThan(0.1);
    expect(out[9]).toEqual(["结论", "不可接受（CR ≥ 0.1）：请修改判断"]);
  });

  it("reports a random 9-item reciprocal matrix on Saaty's scale as not acceptable, with the CR of an independent power iteration", () => {
    // Judgements drawn uniformly from 1/9 … 9 (17 values): random judgements are what Saaty's RI averages, so their CR is near 1.
    const scale = [9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9];
    const rnd = prng(99);
    const n = 9;
    const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        m[i][j] = scale[Math.floor(rnd() * scale.length)];
        m[j][i] = 1 / m[i][j];
      }
    // λmax by power iteration written here: A^k·1 normalised, then the Rayleigh-like mean of (A·w)_i / w_i.
    let w = new Array<number>(n).fill(1);
    for (let k = 0; k < 500; k++) {
      const next = m.map((row) => row.reduce((a, x, j) => a + x * w[j], 0));
      const sum = next.reduce((a, b) => a + b, 0);
      w = next.map((x) => x / sum);
    }
    const lambda = m.reduce((a, row, i) => a + row.reduce((s2, x, j) => s2 + x * w[j], 0) / w[i], 0) / n;
    const cr = (lambda - n) / (n - 1) / 1.45;
    const out = rt.call("LIVEAHP", m) as Cell[][];
    expect(out[n + 1][1]).toBeCloseTo(lambda, 8);
    expect(out[n + 4][1]).toBeCloseTo(cr, 8);
    expect(cr).toBeGreaterThan(0.1);
    expect(out[n + 5]).toEqual(["Verdict", "not acceptable (CR ≥ 0.1): revise the judgements"]);
  });

  it("takes judgements typed as text fractions (a text-formatted cell, a CSV file) and desktop's zeros of an oversized range", () => {
    const text = [
      ["", "a", "b", "c", 0],
      ["a", 1, "3", "5", 0],
      ["b", "1/3", 1, "3", 0],
      ["c", "1/5", "１/３", 1, 0],
      [0, 0, 0, 0, 0],
    ];
    const out = rt.call("LIVEAHP", text) as Cell[][];
    const plain = rt.call("LIVEAHP", named(SAATY, ["a", "b", "c"])) as Cell[][];
    expect(out).toEqual(plain);
  });

  it("refuses rows in another order than the columns, a diagonal that is not 1 and a judgement beyond 9, naming the cell", () => {
    const swapped = [
      ["", "甲", "乙", "丙"],
      ["甲", 1, 3, 5],
      ["丙", 1 / 5, 1, 1 / 3],
      ["乙", 1 / 3, 3, 1],
    ];
    const r = rt.call("LIVEAHP", swapped);
    expect(isCustomFunctionError(r) && r.message).toContain('A3 is "丙" where the column in its place is "乙"');
    const diagonal = named(
      [
        [2, 3],
        [1 / 3, 1],
      ],
      ["a", "b"],
    );
    expect((rt.call("LIVEAHP", diagonal) as { message: string }).message).toContain("B2 is on the comparison matrix's diagonal");
    const big = named(
      [
        [1, 15],
        [1 / 15, 1],
      ],
      ["a", "b"],
    );
    expect((rt.call("LIVEAHP", big) as { message: string }).message).toContain("C2 of the comparison matrix is 15, outside Saaty's 1–9 scale");
    // In Chinese, a blank cell is said in Chinese.
    const blank = named(
      [
        [1, ""],
        [1, 1],
      ],
      ["a", "b"],
    );
    expect((rt.callWith({ lang: "zh-CN" }, "LIVEAHP", blank) as { message: string }).message).toContain("这里是 空白");
  });

  it("takes 1/3 typed as 0.33 or as the text =1/3, and a title line above the matrix and a note below it", () => {
    const typed = [["判断矩阵（专家 A，2021 年 3 月）"], ["", "a", "b", "c"], ["a", 1, 3, 5], ["b", 0.33, 1, 3], ["c", "=1/5", 0.33, 1], ["注：1–9 标度"]].map(
      (r) => [...r, ...new Array(4 - r.length).fill("")],
    );
    const out = rt.call("LIVEAHP", typed) as Cell[][];
    expect(out.map((r) => r[0]).slice(0, 4)).toEqual(["", "a", "b", "c"]);
    const exact = rt.call("LIVEAHP", named(SAATY, ["a", "b", "c"])) as Cell[][];
    [1, 2, 3].forEach((i) => expect(out[i][1] as number).toBeCloseTo(exact[i][1] as number, 2));
  });

  it("gives a weight table with \"table\": the sub-indices' weights, or one sub-index's indicators' into another table", () => {
    const dims = ["商品消费", "内容供给", "内容消费", "质量", "产业促进"];
    const m = [
      [1, 2, 3, 3, 7],
      [1 / 2, 1, 2, 2, 5],
      [1 / 3, 1 / 2, 1, 1, 3],
      [1 / 3, 1 / 2, 1, 1, 3],
      [1 / 7, 1 / 5, 1 / 3, 1 / 3, 1],
    ];
    const summary = rt.call("LIVEAHP", named(m, dims)) as Cell[][];
    const table = rt.call("LIVEAHP", named(m, dims), "table") as Cell[][];
    // Valid: only the report's printed rounding of the indicator weights (kept as printed) is warned of.
    const findings = rt.call("LIVECHECKWEIGHTS", table) as Cell[][];
    expect(findings.map((f) => f[0])).toEqual(["warning", "warning"]);
    // Goods' rows carry goods' AHP weight.
    expect(table[1][2] as number).toBeCloseTo(summary[1][1] as number, 10);
    // Then the viewing indicators' own matrix, into that table: both levels from AHP.
    const viewing = ["views", "watch_time", "interactions"];
    const both = rt.call(
      "LIVEAHP",
      named(
        [
          [1, 3, 5],
          [1 / 3, 1, 3],
          [1 / 5, 1 / 3, 1],
        ],
        viewing,
      ),
      "table",
      table,
    ) as Cell[][];
    expect(both[1][2] as number).toBeCloseTo(summary[1][1] as number, 10);
    expect(both[11][3] as number).toBeCloseTo((rt.call("LIVEAHP", named(SAATY, viewing)) as Cell[][])[1][1] as number, 10);
    const refused = rt.call("LIVEAHP", named(SAATY, ["x", "y", "z"]), "table");
    expect(isCustomFunctionError(refused) && refused.message).toContain("are neither the five sub-indices");
  });

  it("names the cell of a judgement that is not reciprocal, not positive, and refuses a matrix that is not square", () => {
    const bad = named(
      [
        [1, 3, 5],
        [1 / 3, 1, 3],
        [1 / 5, 3, 1],
      ],
      ["a", "b", "c"],
    );
    const r = rt.call("LIVEAHP", bad);
    expect(isCustomFunctionError(r) && r.message).toContain("The comparison matrix is not reciprocal: D3 is 3, so C4 must be its reciprocal, not 3.");
    const zero = rt.call(
      "LIVEAHP",
      named(
        [
          [1, 0],
          [1, 1],
        ],
        ["a", "b"],
      ),
    );
    expect(isCustomFunctionError(zero) && zero.message).toContain("Cell C2 of the comparison matrix must be a positive number");
    const wide = rt.call("LIVEAHP", [
      [1, 2, 3],
      [0.5, 1, 2],
    ]);
    expect(isCustomFunctionError(wide) && wide.message).toContain("is square");
  });
});
