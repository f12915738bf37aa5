import * as fc from "fast-check";
import { parseStoredWeightTable, serializeWeightTable } from "../../src/core/weight-store";
import { checkWeights, REPORT_WEIGHT_TABLE, WeightTable, weightTableToCells } from "../../src/core/weights";
import { FRAMEWORK, INDICATOR_IDS } from "../helpers/fixtures";

// Rows of the canonical table: 0 header; goods 1–4; supply 5–10; viewing 11–13; quality 14–17; industry 18–19.
const DW = 2;
const IW = 3;

/** A weight table parsed by checkWeights from the report's cells after `edit` changed them. */
function table(edit: (rows: unknown[][]) => void): WeightTable {
  const rows: unknown[][] = weightTableToCells("zh").map((r) => [...r]);
  edit(rows);
  const check = checkWeights(rows);
  if (!check.success) throw new Error(`test table is invalid: ${JSON.stringify(check.findings)}`);
  return check.table;
}

/** The stored object of the report's table, written out from the printed table (test/helpers/fixtures.ts). */
function reportStored(): { version: number; dimensions: Record<string, number>; indicators: Record<string, number> } {
  return {
    version: 1,
    dimensions: Object.fromEntries(FRAMEWORK.map((d) => [d.id, d.weight / 100])),
    indicators: Object.fromEntries(FRAMEWORK.flatMap((d) => d.indicators.map((i) => [i.id, i.weight / 100]))),
  };
}

describe("parseStoredWeightTable: what is refused", () => {
  const stored = reportStored();
  const without = (o: Record<string, number>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
  it.each([
    ["text that is not JSON", "{not json"],
    ["an empty string", ""],
    ["null", null],
    ["a number", 42],
    ["an array", [1, 2, 3]],
    ["another format version", { ...stored, version: 2 }],
    ["no version", { dimensions: stored.dimensions, indicators: stored.indicators }],
    ["a missing dimension", { ...stored, dimensions: without(stored.dimensions, "goods") }],
    ["a missing indicator", { ...stored, indicators: without(stored.indicators, "views") }],
    ["an unknown indicator id", { ...stored, indicators: { ...without(stored.indicators, "views"), viewers: 0.33 } }],
    ["an extra id", { ...stored, dimensions: { ...stored.dimensions, fun: 0.1 } }],
    ["a negative weight", { ...stored, dimensions: { ...stored.dimensions, goods: -0.4 } }],
    ["a weight given as text", { ...stored, indicators: { ...stored.indicators, views: "33%" } }],
    ["dimension weights summing to 0", { ...stored, dimensions: Object.fromEntries(FRAMEWORK.map((d) => [d.id, 0])) }],
    ["a weighted dimension whose indicators are all 0", { ...stored, indicators: { ...stored.indicators, views: 0, watch_time: 0, interactions: 0 } }],
  ])("refuses %s", (_what, value) => {
    expect(parseStoredWeightTable(value)).toBeNull();
    if (value !== null && typeof value === "object") expect(parseStoredWeightTable(JSON.stringify(value))).toBeNull();
  });

  it("refuses an infinite weight (JSON has none; an object can)", () => {
    expect(parseStoredWeightTable({ ...stored, dimensions: { ...stored.dimensions, goods: Infinity } })).toBeNull();
    expect(parseStoredWeightTable({ ...stored, dimensions: { ...stored.dimensions, goods: NaN } })).toBeNull();
  });
});

describe("serializeWeightTable", () => {
  it("stores the given weights as fractions, keyed by id, with a version", () => {
    expect(JSON.parse(serializeWeightTable(REPORT_WEIGHT_TABLE))).toEqual(reportStored());
  });

  it("keeps the ids in the framework's order", () => {
    const stored = JSON.parse(serializeWeightTable(REPORT_WEIGHT_TABLE)) as { dimensions: object; indicators: object };
    expect(Object.keys(stored.dimensions)).toEqual(FRAMEWORK.map((d) => d.id));
    expect(Object.keys(stored.indicators)).toEqual(INDICATOR_IDS);
  });
});

describe("parseStoredWeightTable: round trips", () => {
  it("reads the report's table back equal, renormalised weights included", () => {
    expect(parseStoredWeightTable(serializeWeightTable(REPORT_WEIGHT_TABLE))).toEqual(REPORT_WEIGHT_TABLE);
  });

  it("accepts the object the text parses to, as workbook settings may hand it back", () => {
    expect(parseStoredWeightTable(JSON.parse(serializeWeightTable(REPORT_WEIGHT_TABLE)))).toEqual(REPORT_WEIGHT_TABLE);
  });

  it("reads back a table with a zero-weight dimension and edited weights", () => {
    const edited = table((rows) => {
      for (let r = 14; r <= 17; r++) rows[r][DW] = 0;
      rows[1][IW] = 0.5;
    });
    expect(parseStoredWeightTable(serializeWeightTable(edited))).toEqual(edited);
  });

  it("reads back exactly any table checkWeights accepts (random weights, either unit)", () => {
    const weight = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.001, max: 1, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 19, maxLength: 19 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 5, maxLength: 5 }),
        (inds, dims) => {
          const rows: unknown[][] = weightTableToCells("id").map((r) => [...r]);
          const dimOf = new Map(FRAMEWORK.map((d, i) => [d.id, dims[i]]));
          rows.slice(1).forEach((r, i) => {
            r[DW] = dimOf.get(String(r[0]))!;
            r[IW] = inds[i] === 0 ? 1 : inds[i];
          });
          const check = checkWeights(rows);
          if (!check.success) return;
          expect(parseStoredWeightTable(serializeWeightTable(check.table))).toEqual(check.table);
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });
});
