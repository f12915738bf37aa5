/**
 * A weight table as text that can be stored (in the workbook's settings, as the baseline) and
 * read back. What is read is validated: text written by another version, edited by hand or
 * damaged gives null, never a table that was not checked.
 *
 * Stored form (version 1): the weights as given (fractions: 0.4 for 40%), keyed by id, so that
 * the text still reads right if the framework's order ever changed:
 *   {"version":1,"dimensions":{"goods":0.4,…},"indicators":{"streamer_gmv":0.25,…}}
 * Reading renormalises exactly as `checkWeights` does, so a round trip gives an equal table.
 */
import * as z from "zod/mini";
import { DIMENSIONS, INDICATORS } from "./framework";
import { weightTableFromGiven, WeightTable } from "./weights";

const FORMAT_VERSION = 1;

/** Finite (zod's number rejects NaN and ±Infinity) and not negative, as `checkWeights` accepts. */
const Weight = z.number().check(z.gte(0));

const StoredWeightTable = z.object({
  version: z.literal(FORMAT_VERSION),
  dimensions: z.record(z.string(), Weight),
  indicators: z.record(z.string(), Weight),
});

/**
 * A weight table as JSON text: its given weights, keyed by dimension and indicator id.
 *
 * @example
 * serializeWeightTable(REPORT_WEIGHT_TABLE) // → '{"version":1,"dimensions":{"goods":0.4,"supply":0.25,…},"indicators":{…}}'
 */
export function serializeWeightTable(table: WeightTable): string {
  return JSON.stringify({
    version: FORMAT_VERSION,
    dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d.id, table.givenDimensions[d.index]])),
    indicators: Object.fromEntries(INDICATORS.map((i) => [i.id, table.givenIndicators[i.index]])),
  });
}

/**
 * Reads what {@link serializeWeightTable} wrote (the text, or the object it parses to). Null for
 * anything else: not JSON, another shape or version, an id missing or unknown, a negative or
 * non-finite weight, or weights `checkWeights` would reject (dimension weights summing to 0, a
 * dimension with weight whose indicators are all 0).
 *
 * @example
 * parseStoredWeightTable(serializeWeightTable(t)) // → a table equal to t
 * parseStoredWeightTable("{not json")             // → null
 */
export function parseStoredWeightTable(json: unknown): WeightTable | null {
  let data: unknown;
  try {
    data = typeof json === "string" ? JSON.parse(json) : json;
  } catch {
    return null;
  }
  const parsed = StoredWeightTable.safeParse(data);
  if (!parsed.success) return null;
  const dims = byId(parsed.data.dimensions, DIMENSIONS);
  const inds = byId(parsed.data.indicators, INDICATORS);
  if (!dims || !inds) return null;
  if (sum(dims) <= 0) return null;
  for (const d of DIMENSIONS) {
    if (dims[d.index] > 0 && sum(d.indicators.map((i) => inds[i])) <= 0) return null;
  }
  return weightTableFromGiven(dims, inds);
}

// ---- helpers ---------------------------------------------------------------------------------

/** The weights in framework order; null unless the ids are exactly the framework's. */
function byId(weights: Readonly<Record<string, number>>, items: readonly { readonly id: string }[]): number[] | null {
  const keys = Object.keys(weights);
  if (keys.length !== items.length || items.some((item) => !Object.prototype.hasOwnProperty.call(weights, item.id))) return null;
  return items.map((item) => weights[item.id]);
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
