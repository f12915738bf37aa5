/**
 * The Sobol estimators (Saltelli 2010 first order, Jansen 1999 total order) on the Ishigami
 * function, f(x) = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ with a = 7, b = 0.1 and each xᵢ uniform on
 * [−π, π], whose indices are known in closed form (Ishigami & Homma 1990; Saltelli et al. 2008,
 * Global Sensitivity Analysis: The Primer, §4.4): the partial variances are written out here.
 */
import { saltelliDesign, sobolIndices } from "../../src/core/sobol";

const A = 7;
const B = 0.1;
const ishigami = (x: ArrayLike<number>) => Math.sin(x[0]) + A * Math.sin(x[1]) ** 2 + B * x[2] ** 4 * Math.sin(x[0]);
// V₁ = ½(1 + bπ⁴/5)², V₂ = a²/8, V₁₃ = b²π⁸ (1/18 − 1/50), V₃ = V₁₂ = V₂₃ = V₁₂₃ = 0.
const V1 = 0.5 * (1 + (B * Math.PI ** 4) / 5) ** 2;
const V2 = A ** 2 / 8;
const V13 = B ** 2 * Math.PI ** 8 * (1 / 18 - 1 / 50);
const V = V1 + V2 + V13;
const FIRST = [V1 / V, V2 / V, 0];
const TOTAL = [(V1 + V13) / V, V2 / V, V13 / V];

function run(n: number, seed: number) {
  const design = saltelliDesign(n, [1, 1, 1], seed);
  const f = (block: number) => Float64Array.from({ length: n }, (_, j) => ishigami(design.sample(block, j).map((u) => -Math.PI + 2 * Math.PI * u)));
  return sobolIndices(f(0), f(1), [f(2), f(3), f(4)], seed, 100);
}

describe("Sobol indices (Saltelli 2010, Jansen 1999)", () => {
  it("the closed-form indices of Ishigami are S = 0.314, 0.442, 0 and S_T = 0.558, 0.442, 0.244", () => {
    expect(FIRST.map((x) => Number(x.toFixed(3)))).toEqual([0.314, 0.442, 0]);
    expect(TOTAL.map((x) => Number(x.toFixed(3)))).toEqual([0.558, 0.442, 0.244]);
  });

  it("estimates them within the sampling error for N = 20,000 (80,000 runs), the analytic values inside the 90% intervals", () => {
    const s = run(20_000, 11);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(s.first[i] - FIRST[i])).toBeLessThan(0.03);
      expect(Math.abs(s.total[i] - TOTAL[i])).toBeLessThan(0.03);
      expect(s.firstLow[i]).toBeLessThanOrEqual(FIRST[i] + 0.01);
      expect(s.firstHigh[i]).toBeGreaterThanOrEqual(FIRST[i] - 0.01);
      expect(s.totalLow[i]).toBeLessThanOrEqual(TOTAL[i] + 0.01);
      expect(s.totalHigh[i]).toBeGreaterThanOrEqual(TOTAL[i] - 0.01);
      expect(s.totalHigh[i] - s.totalLow[i]).toBeLessThan(0.1);
    }
  });

  it("the same seed gives the same numbers; a factor the output ignores has S_T = 0 exactly; nothing varying gives NaN", () => {
    expect(run(500, 3)).toEqual(run(500, 3));
    const design = saltelliDesign(200, [1, 2], 5);
    const f = (block: number) => Float64Array.from({ length: 200 }, (_, j) => design.sample(block, j)[0]);
    const s = sobolIndices(f(0), f(1), [f(2), f(3)], 5, 100);
    expect(s.total[1]).toBe(0);
    expect(s.first[1]).toBe(0);
    expect(s.total[0]).toBeCloseTo(1, 1);
    const flat = new Float64Array(10).fill(3);
    expect(Number.isNaN(sobolIndices(flat, flat, [flat], 1, 10).total[0])).toBe(true);
  });
});
