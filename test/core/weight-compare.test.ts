import { changeName, compareWeights, indicatorWeightChanges, WeightChange } from "../../src/core/weight-compare";
import { checkWeights, REPORT_WEIGHT_TABLE, WeightTable, weightTableToCells } from "../../src/core/weights";
import { FRAMEWORK } from "../helpers/fixtures";

// Rows of the canonical table: 0 header; goods 1–4; supply 5–10; viewing 11–13; quality 14–17; industry 18–19.
const DW = 2;
const IW = 3;

/** A weight table parsed from the report's cells after `edit` changed them. */
function table(edit: (rows: unknown[][]) => void = () => undefined, lang: "zh" | "en" | "id" = "zh"): WeightTable {
  const rows: unknown[][] = weightTableToCells(lang).map((r) => [...r]);
  edit(rows);
  const check = checkWeights(rows);
  if (!check.success) throw new Error(`test table is invalid: ${JSON.stringify(check.findings)}`);
  return check.table;
}

const changed = (rows: readonly WeightChange[]) => rows.filter((c) => c.changed);
const INDICATOR_IDS = FRAMEWORK.flatMap((d) => d.indicators.map((i) => i.id));
/** Rows as ids (dimension or indicator), written out from the printed table in test/helpers/fixtures.ts. */
const ids = (rows: readonly WeightChange[]) => rows.map((c) => (c.level === "dimension" ? FRAMEWORK[c.index].id : INDICATOR_IDS[c.index]));
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe("compareWeights: shape", () => {
  const rows = compareWeights(REPORT_WEIGHT_TABLE, REPORT_WEIGHT_TABLE);

  it("has one row per dimension and per indicator: 5 + 19 = 24", () => {
    expect(rows).toHaveLength(24);
    expect(rows.filter((c) => c.level === "dimension")).toHaveLength(5);
    expect(rows.filter((c) => c.level === "indicator")).toHaveLength(19);
  });

  it("lists each dimension followed by its own indicators, in the weight table's order", () => {
    expect(ids(rows)).toEqual(FRAMEWORK.flatMap((d) => [d.id, ...d.indicators.map((i) => i.id)]));
    expect(rows.filter((c) => c.level === "dimension").map((c) => changeName(c, "en"))).toEqual(FRAMEWORK.map((d) => d.en));
  });

  it("names rows in Chinese and English", () => {
    expect([changeName(rows[0], "zh"), changeName(rows[0], "en")]).toEqual(["直播商品消费指数", "Live-stream goods consumption"]);
    expect(changeName(rows[1], "zh")).toBe("该区县主播直播引导成交额指数");
  });
});

describe("compareWeights: the report's table against itself", () => {
  const rows = compareWeights(REPORT_WEIGHT_TABLE, REPORT_WEIGHT_TABLE);

  it("finds nothing changed", () => {
    expect(changed(rows)).toEqual([]);
  });

  it("gives the printed weights as the old and new weights (fractions)", () => {
    const printed = FRAMEWORK.flatMap((d) => [d.weight / 100, ...d.indicators.map((i) => i.weight / 100)]);
    expect(rows.map((c) => c.oldWeight)).toEqual(printed);
    expect(rows.map((c) => c.newWeight)).toEqual(printed);
  });

  it("gives effective weights after renormalising: 16% × 6 is one sixth each of 25%", () => {
    const supply = rows.filter((c) => c.level === "indicator" && FRAMEWORK[1].indicators.some((_, k) => c.index === 4 + k));
    expect(supply).toHaveLength(6);
    for (const c of supply) expect(c.newEffective).toBeCloseTo(0.25 / 6, 15);
    // Viewing: 33% × 3 read as one third each of 15%.
    expect(rows[1 + 4 + 1 + 6 + 1].newEffective).toBeCloseTo(0.05, 15);
  });

  it("the table parsed back from LIVEWEIGHTS' cells, in any language or in percent points, is no change", () => {
    expect(changed(compareWeights(REPORT_WEIGHT_TABLE, table(undefined, "id")))).toEqual([]);
    const points = table((r) => r.slice(1).forEach((row) => ((row[DW] = (row[DW] as number) * 100), (row[IW] = (row[IW] as number) * 100))));
    expect(changed(compareWeights(REPORT_WEIGHT_TABLE, points))).toEqual([]);
  });
});

describe("compareWeights: one indicator weight edited", () => {
  // streamer_gmv (goods, range row 1) from 25% to 40%: goods' indicator weights are then
  // 40, 25, 25, 25 (sum 115) → 40/115 and 25/115 of the goods weight 40%.
  const rows = compareWeights(
    REPORT_WEIGHT_TABLE,
    table((r) => (r[1][IW] = 0.4)),
  );

  it("changes that indicator and its three siblings, and nothing else", () => {
    expect(ids(changed(rows))).toEqual(["streamer_gmv", "streamer_gmv_growth", "merchant_gmv", "merchant_live_share"]);
  });

  it("the edited indicator: weight 25% → 40%, effective 10% → 0.4 × 40/115", () => {
    expect(rows[1]).toMatchObject({ level: "indicator", index: 0, oldWeight: 0.25, newWeight: 0.4, changed: true });
    expect(rows[1].oldEffective).toBeCloseTo(0.1, 15);
    expect(rows[1].newEffective).toBeCloseTo((0.4 * 40) / 115, 15);
  });

  it("its siblings keep their weight 25% but their effective weight falls to 0.4 × 25/115", () => {
    for (const c of rows.slice(2, 5)) {
      expect([c.oldWeight, c.newWeight]).toEqual([0.25, 0.25]);
      expect(c.newEffective).toBeCloseTo((0.4 * 25) / 115, 15);
    }
  });

  it("the dimension rows are unchanged: the dimension weights did not move", () => {
    expect(rows.filter((c) => c.level === "dimension" && c.changed)).toEqual([]);
  });

  it("effective weights sum to 1 on both sides, and the goods indicators still sum to the goods weight", () => {
    const ind = rows.filter((c) => c.level === "indicator");
    expect(sum(ind.map((c) => c.oldEffective))).toBeCloseTo(1, 12);
    expect(sum(ind.map((c) => c.newEffective))).toBeCloseTo(1, 12);
    expect(sum(rows.slice(1, 5).map((c) => c.newEffective))).toBeCloseTo(0.4, 12);
    expect(sum(rows.filter((c) => c.level === "dimension").map((c) => c.newEffective))).toBeCloseTo(1, 12);
  });
});

describe("compareWeights: one dimension weight edited", () => {
  // Goods from 40% to 50% on its four rows: the dimension weights sum to 110%, so every
  // dimension's effective weight moves (50/110, 25/110, 15/110, 15/110, 5/110).
  const rows = compareWeights(
    REPORT_WEIGHT_TABLE,
    table((r) => [1, 2, 3, 4].forEach((k) => (r[k][DW] = 0.5))),
  );
  const dims = rows.filter((c) => c.level === "dimension");

  it("marks every dimension changed; only goods changed its given weight", () => {
    expect(dims.map((c) => c.changed)).toEqual([true, true, true, true, true]);
    expect(dims.map((c) => c.oldWeight !== c.newWeight)).toEqual([true, false, false, false, false]);
  });

  it("gives the renormalised dimension weights as effective weights", () => {
    const expected = [50, 25, 15, 15, 5].map((w) => w / 110);
    dims.forEach((c, k) => expect([k, c.newEffective]).toEqual([k, expect.closeTo(expected[k], 15)]));
    expect(dims.map((c) => c.oldEffective)).toEqual(FRAMEWORK.map((d) => expect.closeTo(d.weight / 100, 15)));
  });

  it("moves every indicator's effective weight with its dimension, and they still sum to 1", () => {
    const ind = rows.filter((c) => c.level === "indicator");
    expect(ind.every((c) => c.changed && c.oldWeight === c.newWeight)).toBe(true);
    expect(rows[1].newEffective).toBeCloseTo((0.25 * 50) / 110, 15);
    expect(sum(ind.map((c) => c.newEffective))).toBeCloseTo(1, 12);
  });
});

describe("compareWeights: what does not count as a change", () => {
  it("binary noise (0.1 + 0.2 against 0.3) is no change", () => {
    // Quality's four weights written as 0.3, 0.2, 0.25, 0.25 in one table and with 0.1 + 0.2 in the other.
    const a = table((r) => ((r[14][IW] = 0.3), (r[15][IW] = 0.2)));
    const b = table((r) => ((r[14][IW] = 0.1 + 0.2), (r[15][IW] = 0.2)));
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(changed(compareWeights(a, b))).toEqual([]);
  });

  it("exact thirds for the printed 33% change the given weights only, and say so", () => {
    const rows = compareWeights(
      REPORT_WEIGHT_TABLE,
      table((r) => [11, 12, 13].forEach((k) => (r[k][IW] = 1 / 3))),
    );
    const hit = changed(rows);
    expect(hit.map((c) => c.level)).toEqual(["indicator", "indicator", "indicator"]);
    for (const c of hit) {
      expect([c.oldWeight, c.newWeight]).toEqual([0.33, 1 / 3]);
      expect(c.newEffective).toBeCloseTo(c.oldEffective, 15);
    }
  });
});

describe("indicatorWeightChanges", () => {
  it("counts the second-level weights given differently, not the effective weights a dimension change moves", () => {
    expect(indicatorWeightChanges(compareWeights(REPORT_WEIGHT_TABLE, REPORT_WEIGHT_TABLE))).toBe(0);
    // Goods 40% → 45% on its four rows and supply 25% → 20% on its six: every effective weight of both moves, no indicator weight.
    const dims = table((r) => r.forEach((row, i) => (row[DW] = i >= 1 && i <= 4 ? 0.45 : i >= 5 && i <= 10 ? 0.2 : row[DW])));
    expect(changed(compareWeights(REPORT_WEIGHT_TABLE, dims)).length).toBe(12);
    expect(indicatorWeightChanges(compareWeights(REPORT_WEIGHT_TABLE, dims))).toBe(0);
    // Two indicators of goods: 25% → 40% and 25% → 10%.
    const two = table((r) => ((r[1][IW] = 0.4), (r[2][IW] = 0.1)));
    expect(indicatorWeightChanges(compareWeights(REPORT_WEIGHT_TABLE, two))).toBe(2);
  });
});
