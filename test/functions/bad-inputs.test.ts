/**
 * Bad inputs to the functions (from the source; bundle.test.ts checks the bundle answers the same): each gives the documented Excel error (#VALUE! or #N/A),
 * either for the whole result or in its own row/cell only, with a clear message in English
 * (en-US) and in Chinese (zh-CN), and never a crash, an "Internal error" or an unfilled
 * placeholder. (The runtime helper also walks every result for null, NaN and Infinity.)
 */
import fc from "fast-check";
import { Cell, CustomFunctionError, ErrorCode, ExcelRuntime, hasCjk, isCustomFunctionError, loadSourceRuntime, show } from "../helpers/excel-runtime";
import { FRAMEWORK, INDICATOR_IDS, rawIndicatorCells, TOP100_SUBINDEX_HEADERS } from "../helpers/fixtures";

let rt: ExcelRuntime;

beforeAll(async () => {
  rt = await loadSourceRuntime();
});

type Kind = "#VALUE!" | "#N/A";
/**
 * "whole": the call returns one error; [row, col]: only that cell of the spilled result is an
 * error; [row, "row"]: every cell of that row holds the same error and no other cell is one.
 */
type Scope = "whole" | readonly [row: number, col: number | "row"];

interface BadCase {
  readonly name: string;
  readonly fn: string;
  /** Built lazily, inside the test (after the bundle is loaded). */
  readonly args: () => unknown[];
  readonly kind: Kind;
  readonly scope: Scope;
  /** A fragment of the English message. */
  readonly fragment: string;
  /** Set for a case that fails because of a core bug (see the comment at the case). */
}

// ---- inputs ------------------------------------------------------------------------------------

/** Five sub-index columns with the printed headers and three data rows (result rows 1–3). */
const dims = (): unknown[][] => [[...TOP100_SUBINDEX_HEADERS], [10, 20, 30, 40, 50], [11, 21, 31, 41, 51], [12, 22, 32, 42, 52]];

/** A copy of a table with one cell replaced. */
function withCell(cells: unknown[][], row: number, col: number, value: unknown): unknown[][] {
  return cells.map((r, i) => (i === row ? r.map((c, k) => (k === col ? value : c)) : [...r]));
}

const raw = (): unknown[][] => rawIndicatorCells(6, 11);

/** The report's weight table with ids (LIVEWEIGHTS("id")): range rows 1–4 goods, 5–10 supply, 11–13 viewing, 14–17 quality, 18–19 industry. */
function weights(edit: (rows: unknown[][]) => unknown[][] = (r) => r): unknown[][] {
  const w = rt.call("LIVEWEIGHTS", "id") as Cell[][];
  return edit(w.map((r) => [...r]));
}
const setWeight = (row: number, col: number, value: unknown) => (rows: unknown[][]) => withCell(rows, row, col, value);

/** A goalposts table for every indicator: low 0, high 10. */
const goalposts = (): unknown[][] => [["indicator", "low", "high"], ...INDICATOR_IDS.map((id) => [id, 0, 10])];

const ENTITY = { type: "Entity", text: "杭州市", properties: { population: { type: "Double", basicValue: 12 } } };

// ---- the table ---------------------------------------------------------------------------------

const CASES: BadCase[] = [
  // cells in the data range: an error in that row only
  {
    name: "text in a numeric cell",
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 2, 1, "abc")],
    kind: "#VALUE!",
    scope: [2, 0],
    fragment: 'Row 3, column "直播内容消费指数": "abc" is not a number',
  },
  {
    name: 'a "#N/A" string',
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 1, 0, "#N/A")],
    kind: "#VALUE!",
    scope: [1, 0],
    fragment: '"#N/A" is not a number',
  },
  {
    name: 'a "#DIV/0!" string',
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 3, 4, "#DIV/0!")],
    kind: "#VALUE!",
    scope: [3, 0],
    fragment: '"#DIV/0!" is not a number',
  },
  { name: "boolean TRUE", fn: "LIVEINDEX", args: () => [withCell(dims(), 2, 2, true)], kind: "#VALUE!", scope: [2, 0], fragment: "TRUE is not a number" },
  { name: "boolean FALSE", fn: "LIVEINDEX", args: () => [withCell(dims(), 1, 3, false)], kind: "#VALUE!", scope: [1, 0], fragment: "FALSE is not a number" },
  { name: "NaN", fn: "LIVEINDEX", args: () => [withCell(dims(), 2, 0, NaN)], kind: "#VALUE!", scope: [2, 0], fragment: "NaN is not a finite number" },
  {
    name: "Infinity",
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 3, 0, Infinity)],
    kind: "#VALUE!",
    scope: [3, 0],
    fragment: "Infinity is not a finite number",
  },
  {
    name: "-Infinity",
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 1, 4, -Infinity)],
    kind: "#VALUE!",
    scope: [1, 0],
    fragment: "-Infinity is not a finite number",
  },
  {
    name: 'number text that overflows ("1e400")',
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 2, 1, "1e400")],
    kind: "#VALUE!",
    scope: [2, 0],
    fragment: '"1e400" is not a finite number',
  },
  {
    name: "an entity value (allowCustomDataForDataTypeAny), read by its text",
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 2, 1, ENTITY)],
    kind: "#VALUE!",
    scope: [2, 0],
    fragment: '"杭州市" is not a number',
  },
  {
    name: "a data-type cell with neither basic value nor text",
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 2, 1, { type: "Unknown" })],
    kind: "#VALUE!",
    scope: [2, 0],
    fragment: "(object) is not a number",
  },
  {
    name: "text in a raw indicator cell",
    fn: "LIVEINDEX",
    args: () => [withCell(raw(), 4, 7, "很多")],
    kind: "#VALUE!",
    scope: [4, 0],
    fragment: '"很多" is not a number',
  },
  {
    name: "LIVESUBINDEX: text in its own column",
    fn: "LIVESUBINDEX",
    args: () => [withCell(dims(), 3, 3, "n/a"), "quality"],
    kind: "#VALUE!",
    scope: [3, 0],
    fragment: '"n/a" is not a number',
  },

  // the shape of the data range: one error for the whole result
  { name: "an empty range [[]]", fn: "LIVEINDEX", args: () => [[[]]], kind: "#VALUE!", scope: "whole", fragment: "The range is empty" },
  // CORE BUG (src/core/dataset.ts mapColumns / headers.ts positionalColumnMap): a range with no
  // value at all ([[""]], a single blank cell) is reported as NEED_HEADER "Cannot read 1 columns:
  // without a header row only 5 columns … Include the header row", which sends the user looking
  // for a header; it should be EMPTY_RANGE ("The range is empty").
  { name: 'an empty range [[""]]', fn: "LIVEINDEX", args: () => [[[""]]], kind: "#VALUE!", scope: "whole", fragment: "The range is empty" },
  {
    name: "ragged rows",
    fn: "LIVEINDEX",
    args: () => [
      [
        [1, 2, 3, 4, 5],
        [1, 2, 3],
      ],
    ],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The range is not rectangular: row 2 has 3 columns, expected 5",
  },
  {
    name: "duplicate headers",
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 0, 4, "直播质量指数")],
    kind: "#VALUE!",
    scope: "whole",
    fragment: '"直播质量指数" appears twice: columns D and E',
  },
  {
    name: "duplicate headers spelled differently (id and Chinese name)",
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 0, 4, "quality")],
    kind: "#VALUE!",
    scope: "whole",
    fragment: '"quality" appears twice: columns D and E',
  },
  {
    name: "unknown headers only",
    fn: "LIVEINDEX",
    args: () => [
      [
        ["GMV", "Sessions", "Score"],
        [1, 2, 3],
      ],
    ],
    kind: "#N/A",
    scope: "whole",
    fragment: 'The header row has no recognisable index columns (row 1; seen: "GMV", "Sessions", "Score")',
  },
  {
    name: "mixed sub-index and indicator headers",
    fn: "LIVEINDEX",
    args: () => [withCell(dims(), 0, 4, "views")],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The data mixes sub-index columns",
  },
  {
    name: "a missing sub-index column",
    fn: "LIVEINDEX",
    args: () => [dims().map((r) => r.slice(0, 4))],
    kind: "#N/A",
    scope: "whole",
    fragment: "Columns needed for the computation are missing: Industry promotion",
  },
  {
    name: "a missing raw indicator column",
    fn: "LIVEINDEX",
    args: () => [raw().map((r) => r.filter((_, c) => c !== INDICATOR_IDS.indexOf("rating")))],
    kind: "#N/A",
    scope: "whole",
    fragment: "Columns needed for the computation are missing:",
  },
  {
    name: "3 columns without a header",
    fn: "LIVEINDEX",
    args: () => [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Cannot read 3 columns: without a header row only 5 columns",
  },
  { name: "a 1-column range", fn: "LIVEINDEX", args: () => [[[1], [2], [3]]], kind: "#VALUE!", scope: "whole", fragment: "Cannot read 1 columns" },
  {
    name: "a header-only range",
    fn: "LIVEINDEX",
    args: () => [dims().slice(0, 1)],
    kind: "#N/A",
    scope: "whole",
    fragment: "The range holds a header row and no data rows",
  },
  {
    name: "LIVESUBINDEX: unknown dimension name",
    fn: "LIVESUBINDEX",
    args: () => [dims(), "sales"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Unknown sub-index "sales". Use one of: goods, supply, viewing, quality, industry',
  },
  {
    name: "LIVESUBINDEX: empty dimension name",
    fn: "LIVESUBINDEX",
    args: () => [dims(), ""],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Unknown sub-index "".',
  },
  {
    name: "LIVESUBINDEX: its column is missing",
    fn: "LIVESUBINDEX",
    args: () => [dims().map((r) => r.slice(0, 4)), "industry"],
    kind: "#N/A",
    scope: "whole",
    fragment: "Columns needed for the computation are missing: Industry promotion",
  },

  // option arguments
  {
    name: "unknown method",
    fn: "LIVEINDEX",
    args: () => [raw(), null, [["fastest"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Unknown scaling method "fastest". Use one of: minmax, max, zscore, rank, goalposts',
  },
  { name: "a number as method", fn: "LIVEINDEX", args: () => [raw(), null, [[3]]], kind: "#VALUE!", scope: "whole", fragment: 'Unknown scaling method "3"' },
  {
    name: "bad rescale value (text)",
    fn: "LIVEINDEX",
    args: () => [raw(), null, null, "maybe"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "rescale" cannot be "maybe". Use one of: TRUE, FALSE',
  },
  {
    name: "bad rescale value (2)",
    fn: "LIVESUBINDEX",
    args: () => [raw(), "goods", null, null, 2],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "rescale" cannot be 2',
  },
  {
    name: "bad order",
    fn: "RANKDISTRICT",
    args: () => [[[1], [2]], "sideways"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "order" cannot be "sideways". Use one of: 0, 1',
  },
  {
    name: "bad ties",
    fn: "RANKDISTRICT",
    args: () => [[[1], [2]], null, "best"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "ties" cannot be "best". Use one of: min, avg, dense, ordinal',
  },
  {
    name: "RANKDISTRICT groups not as tall as the scores",
    fn: "RANKDISTRICT",
    args: () => [[[1], [2], [3]], null, null, [[2020], [2021]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The groups must be as tall as the scores: 3 rows of scores, 2 of groups.",
  },
  {
    name: "LIVEINDEX of several years with a year not in the table",
    fn: "LIVEINDEX",
    args: () => [
      [
        ["年份", "区县", "直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"],
        [2020, "甲", 1, 2, 3, 4, 5],
        [2021, "甲", 2, 3, 4, 5, 6],
      ],
      null,
      null,
      null,
      [["year", 2019]],
    ],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The table holds no rows of 2019: its years are 2020, 2021.",
  },
  {
    name: "bad LIVEWEIGHTS language",
    fn: "LIVEWEIGHTS",
    args: () => ["fr"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "language" cannot be "fr". Use one of: zh, en, id',
  },

  // RANKDISTRICT cells and shapes
  {
    name: "RANKDISTRICT: a text cell",
    fn: "RANKDISTRICT",
    args: () => [[[3], ["abc"], [5]]],
    kind: "#VALUE!",
    scope: [1, 0],
    fragment: '"abc" is not a score that can be ranked',
  },
  {
    name: 'RANKDISTRICT: a "#N/A" string',
    fn: "RANKDISTRICT",
    args: () => [
      [
        [3, 4],
        [5, "#N/A"],
      ],
    ],
    kind: "#VALUE!",
    scope: [1, 1],
    fragment: '"#N/A" is not a score',
  },
  { name: "RANKDISTRICT: a boolean", fn: "RANKDISTRICT", args: () => [[[true], [1], [2]]], kind: "#VALUE!", scope: [0, 0], fragment: "TRUE is not a score" },
  { name: "RANKDISTRICT: NaN", fn: "RANKDISTRICT", args: () => [[[1], [NaN], [2]]], kind: "#VALUE!", scope: [1, 0], fragment: "NaN is not a score" },
  {
    name: "RANKDISTRICT: Infinity",
    fn: "RANKDISTRICT",
    args: () => [[[1], [2], [Infinity]]],
    kind: "#VALUE!",
    scope: [2, 0],
    fragment: "Infinity is not a score",
  },
  { name: "RANKDISTRICT: an empty range [[]]", fn: "RANKDISTRICT", args: () => [[[]]], kind: "#VALUE!", scope: "whole", fragment: "The range is empty" },
  {
    name: "RANKDISTRICT: ragged rows",
    fn: "RANKDISTRICT",
    args: () => [[[1, 2], [3]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The range is not rectangular",
  },

  // weight tables passed to LIVEINDEX: one #VALUE! naming the first problem
  {
    name: "weights: a negative weight",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(3, 3, -0.25))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "First: Row 4: The indicator weight cannot be negative: -0.25",
  },
  {
    name: "weights: a negative dimension weight",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(19, 2, -5))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Row 20: The dimension weight cannot be negative: -5",
  },
  {
    name: "weights: a non-numeric weight",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(3, 3, "lots"))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Row 4: The indicator weight "lots" is not a number',
  },
  {
    name: "weights: a boolean weight",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(2, 2, true))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The dimension weight TRUE is not a number",
  },
  {
    name: "weights: dimension weights summing to 0",
    fn: "LIVEINDEX",
    args: () => [dims(), weights((rows) => rows.map((r, i) => (i === 0 ? r : [r[0], r[1], 0, r[3]])))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The dimension weights sum to 0",
  },
  {
    name: "weights: an all-zero dimension",
    fn: "LIVEINDEX",
    args: () => [dims(), weights((rows) => rows.map((r, i) => (i >= 18 ? [r[0], r[1], r[2], 0] : r)))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: '"Industry promotion" has a dimension weight above 0 but all its indicator weights are 0',
  },
  {
    name: "weights: an unknown indicator",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(2, 1, "gmv_total"))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Row 3: Unknown indicator "gmv_total"',
  },
  {
    name: "weights: an unknown dimension",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(1, 0, "sales"))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Row 2: Unknown dimension "sales"',
  },
  {
    name: "weights: a missing indicator",
    fn: "LIVEINDEX",
    args: () => [dims(), weights((rows) => rows.filter((_, i) => i !== 17))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Indicators missing from the table:",
  },
  {
    name: "weights: a duplicate indicator",
    fn: "LIVEINDEX",
    args: () => [dims(), weights((rows) => rows.map((r, i) => (i === 19 ? [...rows[18]] : r)))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "is listed twice (first in row 19)",
  },
  {
    name: "weights: an indicator under the wrong dimension",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(1, 0, "supply"))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'belongs to "Live-stream goods consumption", not to "supply"',
  },
  {
    name: "weights: inconsistent dimension weights",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(2, 2, 0.5))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "differs between rows: 0.4 in row 2, 0.5 here",
  },
  {
    name: "weights: a blank indicator weight",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(2, 3, ""))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Row 3: The indicator weight is missing",
  },
  {
    name: "weights: no dimension weight for a dimension",
    fn: "LIVEINDEX",
    args: () => [dims(), weights((rows) => rows.map((r, i) => (i >= 18 ? [r[0], r[1], null, r[3]] : r)))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Row 19: The dimension weight is missing",
  },
  {
    name: "weights: 2 columns",
    fn: "LIVEINDEX",
    args: () => [dims(), weights((rows) => rows.map((r) => r.slice(0, 2)))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Cannot read the weight table's columns",
  },
  {
    name: "weights: a header without the indicator weight column",
    fn: "LIVEINDEX",
    args: () => [dims(), weights(setWeight(0, 3, "notes"))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Cannot read the weight table's columns",
  },
  { name: "weights: an empty range [[]]", fn: "LIVEINDEX", args: () => [dims(), [[]]], kind: "#VALUE!", scope: "whole", fragment: "The weight table is empty" },
  { name: "weights: a single number", fn: "LIVEINDEX", args: () => [dims(), [[5]]], kind: "#VALUE!", scope: "whole", fragment: "It has only 1 column(s)" },
  {
    name: "weights: header only",
    fn: "LIVESUBINDEX",
    args: () => [dims(), "goods", weights((rows) => rows.slice(0, 1))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Indicators missing from the table:",
  },
  // goalposts tables (raw indicator data)
  {
    name: "goalposts: high equal to low",
    fn: "LIVEINDEX",
    args: () => [raw(), null, withCell(goalposts(), 2, 2, 0)],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "row 3: low and high must be numbers with high above low",
  },
  {
    name: "goalposts: high below low",
    fn: "LIVEINDEX",
    args: () => [raw(), null, withCell(goalposts(), 5, 1, 20)],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "row 6: low and high must be numbers with high above low",
  },
  {
    name: "goalposts: a text bound",
    fn: "LIVEINDEX",
    args: () => [raw(), null, withCell(goalposts(), 4, 2, "ten")],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "row 5: low and high must be numbers",
  },
  {
    name: "goalposts: missing an indicator",
    fn: "LIVEINDEX",
    args: () => [raw(), null, goalposts().filter((_, i) => i !== 19)],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The goalposts table has no low/high bounds for: ",
  },
  {
    name: "goalposts: an unknown indicator",
    fn: "LIVEINDEX",
    args: () => [raw(), null, withCell(goalposts(), 3, 0, "gmv_total")],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "row 4: unknown indicator gmv_total",
  },
  {
    name: "goalposts: no header row",
    fn: "LIVEINDEX",
    args: () => [raw(), null, goalposts().slice(1)],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "it needs a header row: indicator, low, high",
  },
  {
    name: "goalposts: a header-only (one-row) table",
    fn: "LIVEINDEX",
    args: () => [raw(), null, goalposts().slice(0, 1)],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The goalposts table has no low/high bounds for: ",
  },
  {
    name: "method: a one-row range of two names",
    fn: "LIVEINDEX",
    args: () => [raw(), null, [["minmax", "zscore"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "it needs a header row: indicator, low, high",
  },

  // LIVESENSITIVITY: its options, its data, its weights
  {
    name: "LIVESENSITIVITY: runs not a whole number",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, 0.5],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "runs" cannot be 0.5. Use one of: a whole number from 1 to 100000',
  },
  {
    name: "LIVESENSITIVITY: negative runs",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, -3],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "runs" cannot be -3',
  },
  {
    name: "LIVESENSITIVITY: runs above 100,000",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, 100001],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "runs" cannot be 100001',
  },
  {
    name: "LIVESENSITIVITY: runs as text",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, "many"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "runs" cannot be "many"',
  },
  {
    name: "LIVESENSITIVITY: runs TRUE",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, true],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "runs" cannot be TRUE',
  },
  {
    name: "LIVESENSITIVITY: spread 1 (100%)",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, null, 1],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "spread" cannot be 1. Use one of: a fraction from 0 up to (not including) 1, e.g. 0.25 or 25% for ±25%',
  },
  {
    name: "LIVESENSITIVITY: spread 25 meant as percent",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, null, 25],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "spread" cannot be 25',
  },
  {
    name: "LIVESENSITIVITY: negative spread",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, null, -0.1],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "spread" cannot be -0.1',
  },
  {
    name: "LIVESENSITIVITY: spread as text",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, null, "wide"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "spread" cannot be "wide"',
  },
  {
    name: "LIVESENSITIVITY: spread NaN",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, null, NaN],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "spread" cannot be NaN',
  },
  {
    name: "LIVESENSITIVITY: seed not a whole number",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, null, null, 1.5],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "seed" cannot be 1.5. Use one of: a whole number from 0 to 4294967295',
  },
  {
    name: "LIVESENSITIVITY: negative seed",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, null, null, -1],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "seed" cannot be -1',
  },
  {
    name: "LIVESENSITIVITY: seed as text",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), null, null, null, "abc"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "seed" cannot be "abc"',
  },
  {
    name: "LIVESENSITIVITY: text in a numeric cell (the whole row)",
    fn: "LIVESENSITIVITY",
    args: () => [withCell(dims(), 2, 1, "abc")],
    kind: "#VALUE!",
    scope: [2, "row"],
    fragment: 'Row 3, column "直播内容消费指数": "abc" is not a number',
  },
  {
    name: "LIVESENSITIVITY: Infinity in a cell (the whole row)",
    fn: "LIVESENSITIVITY",
    args: () => [withCell(dims(), 3, 0, Infinity)],
    kind: "#VALUE!",
    scope: [3, "row"],
    fragment: "Infinity is not a finite number",
  },
  { name: "LIVESENSITIVITY: an empty range", fn: "LIVESENSITIVITY", args: () => [[[]]], kind: "#VALUE!", scope: "whole", fragment: "The range is empty" },
  {
    name: "LIVESENSITIVITY: unknown headers only",
    fn: "LIVESENSITIVITY",
    args: () => [
      [
        ["GMV", "Score"],
        [1, 2],
      ],
    ],
    kind: "#N/A",
    scope: "whole",
    fragment: "The header row has no recognisable index columns",
  },
  {
    name: "LIVESENSITIVITY: a missing sub-index column",
    fn: "LIVESENSITIVITY",
    args: () => [dims().map((r) => r.slice(0, 4))],
    kind: "#N/A",
    scope: "whole",
    fragment: "Columns needed for the computation are missing: Industry promotion",
  },
  {
    name: "LIVESENSITIVITY: an invalid weight table",
    fn: "LIVESENSITIVITY",
    args: () => [dims(), weights(setWeight(3, 3, -0.25))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The weight table has 1 error(s). First: Row 4: The indicator weight cannot be negative: -0.25",
  },
  {
    name: "LIVESENSITIVITY: more work than a formula does at once (100,000 runs × 101 regions)",
    fn: "LIVESENSITIVITY",
    args: () => [[[...TOP100_SUBINDEX_HEADERS], ...Array.from({ length: 101 }, (_, r) => [r + 1, 2 * r, 3 * r, r % 7, r % 3])], null, 100000],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "100000 runs over 101 regions is more than a formula can do at once (runs × regions at most 10,000,000): use at most 99009 runs",
  },

  // LIVEWEIGHTDIFF: either table unusable
  {
    name: "LIVEWEIGHTDIFF: an invalid weight table",
    fn: "LIVEWEIGHTDIFF",
    args: () => [weights(setWeight(2, 1, "gmv_total"))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'The weight table has 2 error(s). First: Row 3: Unknown indicator "gmv_total"',
  },
  {
    name: "LIVEWEIGHTDIFF: an invalid baseline",
    fn: "LIVEWEIGHTDIFF",
    args: () => [weights(), weights(setWeight(3, 3, "lots"))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'The baseline weight table cannot be used: The weight table has 1 error(s). First: Row 4: The indicator weight "lots" is not a number',
  },
  {
    name: "LIVEWEIGHTDIFF: a baseline of 2 columns",
    fn: "LIVEWEIGHTDIFF",
    args: () => [weights(), weights((rows) => rows.map((r) => r.slice(0, 2)))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The baseline weight table cannot be used: Cannot read the weight table's columns",
  },
  {
    name: "LIVEWEIGHTDIFF: an empty baseline [[]]",
    fn: "LIVEWEIGHTDIFF",
    args: () => [weights(), [[]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The baseline weight table cannot be used: The weight table is empty",
  },
  {
    name: "LIVEWEIGHTDIFF: an empty weight table [[]]",
    fn: "LIVEWEIGHTDIFF",
    args: () => [[[]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The weight table is empty",
  },
  {
    name: "LIVEWEIGHTDIFF: dimension weights summing to 0",
    fn: "LIVEWEIGHTDIFF",
    args: () => [weights((rows) => rows.map((r, i) => (i === 0 ? r : [r[0], r[1], 0, r[3]])))],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The dimension weights sum to 0",
  },

  // LIVECHECKWEIGHTS: a range that cannot be a weight table at all
  {
    name: "LIVECHECKWEIGHTS: an empty range [[]]",
    fn: "LIVECHECKWEIGHTS",
    args: () => [[[]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The weight table is empty",
  },
  {
    name: 'LIVECHECKWEIGHTS: an empty range [[""]]',
    fn: "LIVECHECKWEIGHTS",
    args: () => [[[""]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The weight table is empty",
  },
  {
    name: "LIVECHECKWEIGHTS: 2 columns",
    fn: "LIVECHECKWEIGHTS",
    args: () => [
      [
        ["a", "b"],
        [1, 2],
      ],
    ],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "It has only 2 column(s)",
  },
  // the options argument (data treatment) and the audit functions
  {
    name: "LIVEINDEX: an unknown option key",
    fn: "LIVEINDEX",
    args: () => [dims(), null, null, null, [["trim=yes"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'There is no option "trim"',
  },
  {
    name: "LIVEINDEX: a bad missing rule",
    fn: "LIVEINDEX",
    args: () => [raw(), null, null, null, [["missing=zero"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'cannot be "zero"',
  },
  {
    name: "LIVEINDEX: options without =",
    fn: "LIVEINDEX",
    args: () => [raw(), null, null, null, [["winsorise"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Cannot read the options",
  },
  {
    name: "LIVESTATS: no numeric columns",
    fn: "LIVESTATS",
    args: () => [
      [
        ["a", "b"],
        ["x", "y"],
      ],
    ],
    kind: "#N/A",
    scope: "whole",
    fragment: "no recognisable index columns",
  },
  {
    name: "LIVESTATS: all blank",
    fn: "LIVESTATS",
    args: () => [
      [
        [null, null],
        [null, null],
      ],
    ],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The range is empty",
  },
  {
    name: "LIVESTATS: a bad coverage",
    fn: "LIVESTATS",
    args: () => [raw(), [["coverage=2"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "a share from 0 to 1",
  },
  {
    name: "LIVECORR: an unknown kind",
    fn: "LIVECORR",
    args: () => [raw(), null, "kendall"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "kind" cannot be "kendall"',
  },
  {
    name: "LIVECORR: an unknown level",
    fn: "LIVECORR",
    args: () => [raw(), null, null, "region"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "level" cannot be "region"',
  },
  {
    name: "LIVEDATAWEIGHTS: sub-index input",
    fn: "LIVEDATAWEIGHTS",
    args: () => [dims()],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "need the raw indicators",
  },
  {
    name: "LIVEDATAWEIGHTS: an unknown method",
    fn: "LIVEDATAWEIGHTS",
    args: () => [raw(), "ahp"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "method" cannot be "ahp"',
  },
  {
    name: "LIVEDATAWEIGHTS: an unknown level",
    fn: "LIVEDATAWEIGHTS",
    args: () => [raw(), null, "all"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "levels" cannot be "all"',
  },
  {
    name: "LIVEAHP: text in the matrix",
    fn: "LIVEAHP",
    args: () => [
      [
        [1, "x"],
        [1, 1],
      ],
    ],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "must be a positive number",
  },
  { name: "LIVECOHERENCE: header only", fn: "LIVECOHERENCE", args: () => [[[...INDICATOR_IDS]]], kind: "#N/A", scope: "whole", fragment: "no data rows" },
  {
    name: "LIVERANKCHANGE: no year column",
    fn: "LIVERANKCHANGE",
    args: () => [dims()],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The table has no year column",
  },
  {
    name: "LIVEGROWTH: uneven columns",
    fn: "LIVEGROWTH",
    args: () => [[[1], [2]], [[1]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "of as many rows",
  },
  {
    name: "LIVEGROWTH: a zero base with the rule na",
    fn: "LIVEGROWTH",
    args: () => [[[5], [7]], [[0], [7]], "na"],
    kind: "#N/A",
    scope: [0, 0],
    fragment: "The previous value is 0",
  },
  {
    name: "LIVEPOLICY: columns of different lengths",
    fn: "LIVEPOLICY",
    args: () => [[["浙江省"], ["广东省"]], [["杭州市"]], [["滨江区"], ["白云区"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "must have as many rows",
  },
  {
    name: "LIVEPOLICY: a policy row without an issuer",
    fn: "LIVEPOLICY",
    args: () => [
      [["浙江省"]],
      [["杭州市"]],
      [["滨江区"]],
      [
        ["省份", "发文单位"],
        ["浙江省", ""],
      ],
    ],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Row 2 of the policy table has no province or no issuer",
  },
  {
    name: "LIVEPOLICIES: a province without policies",
    fn: "LIVEPOLICIES",
    args: () => ["江苏"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "province" cannot be "江苏"',
  },
  {
    name: "LIVEUNCERTAINTY: an unknown assumption",
    fn: "LIVEUNCERTAINTY",
    args: () => [raw(), [["scale=minmax,rank"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'There is no assumption "scale"',
  },
  {
    name: "LIVEUNCERTAINTY: an assumption without alternatives",
    fn: "LIVEUNCERTAINTY",
    args: () => [raw(), [["scaling"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "Cannot read the assumptions",
  },
  {
    name: "LIVEUNCERTAINTY: runs of 0",
    fn: "LIVEUNCERTAINTY",
    args: () => [raw(), [["weights=25%"]], -5],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "runs" cannot be -5',
  },
  {
    name: "LIVESOBOL: no assumption",
    fn: "LIVESOBOL",
    args: () => [raw(), [[""]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "No assumption is uncertain",
  },
  {
    name: "LIVESOBOL: z-scores with the geometric mean",
    fn: "LIVESOBOL",
    args: () => [
      raw(),
      [
        ["scaling", "minmax", "zscore"],
        ["aggregate", "geometric", ""],
      ],
    ],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "combine z-score scaling with the geometric mean",
  },
  {
    name: "LIVEINDEX: an unknown aggregation",
    fn: "LIVEINDEX",
    args: () => [dims(), null, null, null, [["aggregate=harmonic"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "aggregation (aggregate)" cannot be "harmonic". Use one of: mean, geometric, topsis.',
  },
  {
    name: "LIVEINDEX: geometric mean of z-scores",
    fn: "LIVEINDEX",
    args: () => [raw(), null, [["zscore"]], null, [["aggregate", "geometric"]]],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "The geometric mean needs scores on a 0–100 scale",
  },
  { name: "LIVETOPSIS: header only", fn: "LIVETOPSIS", args: () => [[[...INDICATOR_IDS]]], kind: "#N/A", scope: "whole", fragment: "no data rows" },
  {
    name: "LIVETOPSIS: text in an indicator cell",
    fn: "LIVETOPSIS",
    args: () => [raw().map((r, i) => (i === 2 ? ["many", ...r.slice(1)] : r))],
    kind: "#VALUE!",
    scope: [2, 0],
    fragment: '"many"',
  },
  {
    name: "LIVECOMBINEWEIGHTS: a second table that is not a weight table",
    fn: "LIVECOMBINEWEIGHTS",
    args: () => [weights(), [["x", "y"]], null, null],
    kind: "#VALUE!",
    scope: "whole",
    fragment: "weight",
  },
  {
    name: "LIVECOMBINEWEIGHTS: alpha above 1",
    fn: "LIVECOMBINEWEIGHTS",
    args: () => [weights(), weights(), 2, null],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "alpha" cannot be 2',
  },
  {
    name: "LIVECOMBINEWEIGHTS: an unknown rule",
    fn: "LIVECOMBINEWEIGHTS",
    args: () => [weights(), weights(), null, "geometric"],
    kind: "#VALUE!",
    scope: "whole",
    fragment: 'Argument "rule" cannot be "geometric"',
  },
];

// ---- checks ------------------------------------------------------------------------------------

const PLACEHOLDER = /\{\w+\}|undefined|\[object |NaN\)|null\b/;

function errorAt(result: unknown, scope: Scope): CustomFunctionError {
  if (scope === "whole") {
    if (!isCustomFunctionError(result)) throw new Error(`expected one error for the whole result, got ${JSON.stringify(show(result)).slice(0, 400)}`);
    return result;
  }
  if (!Array.isArray(result)) throw new Error(`expected a spilled result with an error in one cell, got ${JSON.stringify(show(result)).slice(0, 400)}`);
  const [row, col] = scope;
  const cell = result[row]?.[col === "row" ? 0 : col];
  if (!isCustomFunctionError(cell)) throw new Error(`expected an error at [${row}][${col}], got ${JSON.stringify(show(result)).slice(0, 400)}`);
  if (col === "row") expect((result[row] as Cell[]).map(show)).toEqual((result[row] as Cell[]).map(() => show(cell)));
  // Only that cell (or row): every other cell is a value (number, header label or blank).
  const mine = (i: number, k: number) => i === row && (col === "row" || k === col);
  const others = result.flatMap((r: Cell[], i: number) => r.map((c, k) => ({ i, k, c }))).filter(({ i, k, c }) => !mine(i, k) && isCustomFunctionError(c));
  expect(others.map(({ i, k, c }) => ({ at: [i, k], c: show(c) }))).toEqual([]);
  return cell;
}

function checkCase(c: BadCase): void {
  const en = rt.callWith({ lang: "en-US" }, c.fn, ...c.args());
  const errEn = errorAt(en, c.scope);
  expect(errEn.code).toBe(c.kind);
  expect(errEn.message).toContain(c.fragment);
  expect(errEn.message).not.toMatch(PLACEHOLDER);

  const zh = rt.callWith({ lang: "zh-CN" }, c.fn, ...c.args());
  const errZh = errorAt(zh, c.scope);
  expect(errZh.code).toBe(c.kind);
  expect(hasCjk(errZh.message)).toBe(true);
  expect(errZh.message).not.toMatch(PLACEHOLDER);
  expect(errZh.message).not.toMatch(/ is not | cannot | missing/); // no English sentence left in the Chinese text
}

describe("bad inputs give a clear #VALUE! or #N/A, never a crash", () => {
  it("the table has at least 30 cases, all with distinct names", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => checkCase(c));
});

describe("weight-table problems as LIVECHECKWEIGHTS error rows", () => {
  const WEIGHT_CASES: { name: string; edit: (rows: unknown[][]) => unknown[][]; cell: string; fragment: string }[] = [
    { name: "a negative weight", edit: setWeight(3, 3, -0.25), cell: "Sheet1!E5", fragment: "cannot be negative: -0.25" },
    { name: "a non-numeric weight", edit: setWeight(3, 3, "lots"), cell: "Sheet1!E5", fragment: 'The indicator weight "lots" is not a number' },
    {
      name: "dimension weights summing to 0",
      edit: (rows) => rows.map((r, i) => (i === 0 ? r : [r[0], r[1], 0, r[3]])),
      cell: "table",
      fragment: "The dimension weights sum to 0",
    },
    {
      name: "an all-zero dimension",
      edit: (rows) => rows.map((r, i) => (i >= 18 ? [r[0], r[1], r[2], 0] : r)),
      cell: "Sheet1!E20",
      fragment: '"Industry promotion" has a dimension weight above 0',
    },
    { name: "an unknown indicator", edit: setWeight(2, 1, "gmv_total"), cell: "Sheet1!C4", fragment: 'Unknown indicator "gmv_total"' },
    { name: "a missing indicator", edit: (rows) => rows.filter((_, i) => i !== 17), cell: "table", fragment: "Indicators missing from the table:" },
    {
      name: "a duplicate indicator",
      edit: (rows) => rows.map((r, i) => (i === 19 ? [...rows[18]] : r)),
      cell: "Sheet1!C21",
      fragment: "is listed twice (first in row 19)",
    },
    { name: "inconsistent dimension weights", edit: setWeight(2, 2, 0.5), cell: "Sheet1!D4", fragment: "differs between rows" },
  ];

  it.each(WEIGHT_CASES)("$name: an error row at $cell", ({ edit, cell, fragment }) => {
    const out = rt.callWith({ addresses: ["Sheet1!B2:E21"] }, "LIVECHECKWEIGHTS", weights(edit)) as Cell[][];
    expect(Array.isArray(out)).toBe(true);
    const hit = out.find((r) => r[0] === "error" && String(r[2]).includes(fragment));
    expect({ rows: show(out), hit: hit && hit[1] }).toEqual({ rows: show(out), hit: cell });
  });
});

describe("generated junk never crashes (fast-check through the bundle)", () => {
  /** Anything a worksheet cell (or an entity) can hand to a function, plus values Excel never sends. */
  const cellArb = fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324) },
    { weight: 2, arbitrary: fc.constantFrom("", " ", "-", "－", "—", "#N/A", "#VALUE!", "40%", "１２", "1,234", "1e400", "nan", "abc", "TRUE") },
    { weight: 2, arbitrary: fc.constantFrom(...TOP100_SUBINDEX_HEADERS, ...INDICATOR_IDS, "排名", "省", "总指数", "rank", "total") },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, ENTITY) },
  );
  const matrixArb = (maxW: number) =>
    fc.integer({ min: 0, max: maxW }).chain((w) => fc.array(fc.array(cellArb, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 }));
  const dataArb = fc.oneof(
    matrixArb(7),
    matrixArb(20),
    fc.integer({ min: 1, max: 6 }).map((n) => rawIndicatorCells(n, n)),
  );
  const optionArb = fc.constantFrom<unknown>(null, "", "minmax", "max", "zscore", "rank", "x", 0, 1, 2, true, false, NaN);
  const langArb = fc.constantFrom("en-US", "zh-CN");
  const RUNS = { numRuns: 300 };

  it("LIVEINDEX and LIVESUBINDEX", () => {
    fc.assert(
      fc.property(dataArb, langArb, optionArb, optionArb, fc.constantFrom(...FRAMEWORK.map((d) => d.id), "nope"), (data, lang, method, rescale, dim) => {
        // The runtime rethrows anything that is not a CustomFunctions.Error and rejects null/NaN/
        // Infinity/ragged results and internal errors, so a plain call is the whole property.
        rt.callWith({ lang }, "LIVEINDEX", data, null, method === null ? null : [[method]], rescale);
        rt.callWith({ lang }, "LIVESUBINDEX", data, dim, null, method === null ? null : [[method]], rescale);
      }),
      RUNS,
    );
  });

  it("RANKDISTRICT", () => {
    fc.assert(
      fc.property(matrixArb(4), langArb, optionArb, fc.constantFrom(null, "min", "avg", "dense", "ordinal", "x"), (scores, lang, order, ties) => {
        const out = rt.callWith({ lang }, "RANKDISTRICT", scores, order, ties);
        if (Array.isArray(out)) expect([out.length, out[0].length]).toEqual([scores.length, scores[0].length]);
      }),
      RUNS,
    );
  });

  it("LIVECHECKWEIGHTS and LIVEINDEX with generated weight tables", () => {
    const mutate = fc.array(fc.tuple(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 3 }), cellArb), { maxLength: 4 });
    fc.assert(
      fc.property(mutate, fc.boolean(), langArb, (edits, dropRow, lang) => {
        let w = weights((rows) => edits.reduce((acc, [r, c, v]) => withCell(acc, r, c, v), rows));
        if (dropRow) w = w.filter((_, i) => i !== 7);
        rt.callWith({ lang, addresses: ["Sheet1!B2:E21"] }, "LIVECHECKWEIGHTS", w);
        rt.callWith({ lang }, "LIVEINDEX", dims(), w);
      }),
      RUNS,
    );
  });

  it("LIVESENSITIVITY with generated data and options", () => {
    const runsArb = fc.constantFrom<unknown>(null, "", 0, 1, 7, 2.5, -1, 1e9, "20", "x", true, NaN);
    const spreadArb = fc.constantFrom<unknown>(null, "", 0, 0.3, 0.999, 1, -0.5, "25%", "x", false, Infinity);
    const seedArb = fc.constantFrom<unknown>(null, "", 0, 1, 2 ** 32, -7, 3.5, "9", "x", true);
    fc.assert(
      fc.property(dataArb, langArb, runsArb, spreadArb, seedArb, (data, lang, runs, spread, seed) => {
        const out = rt.callWith({ lang }, "LIVESENSITIVITY", data, null, runs === null ? 5 : runs, spread, seed);
        // Aligned with the data row for row (a header row gives the label row), 3 cells each.
        if (Array.isArray(out)) expect([out.length, out.every((r) => r.length === 3)]).toEqual([data.length, true]);
      }),
      RUNS,
    );
  });

  it("LIVEWEIGHTDIFF with generated weight tables on both sides", () => {
    const mutate = fc.array(fc.tuple(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 3 }), cellArb), { maxLength: 3 });
    fc.assert(
      fc.property(mutate, mutate, fc.boolean(), langArb, (a, b, withBaseline, lang) => {
        const edit = (edits: typeof a) => weights((rows) => edits.reduce((acc, [r, c, v]) => withCell(acc, r, c, v), rows));
        const out = rt.callWith({ lang }, "LIVEWEIGHTDIFF", edit(a), withBaseline ? edit(b) : null);
        if (Array.isArray(out) && out.length > 1) expect(out[0].length).toBe(5);
      }),
      RUNS,
    );
  });

  it("goalposts tables", () => {
    const mutate = fc.array(fc.tuple(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 2 }), cellArb), { maxLength: 3 });
    fc.assert(
      fc.property(mutate, langArb, (edits, lang) => {
        const g = edits.reduce((acc, [r, c, v]) => withCell(acc, r, c, v), goalposts());
        rt.callWith({ lang }, "LIVEINDEX", raw(), null, g);
      }),
      RUNS,
    );
  });
});

describe("option names that are keys of every object", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("%s is an unknown option everywhere, with a message", (name) => {
    for (const [id, args] of [
      ["LIVEWEIGHTS", [name]],
      ["RANKDISTRICT", [[[1], [2]], null, name]],
      ["LIVEINDEX", [[["直播质量指数"], [1]], null, [[name]]]],
    ] as const) {
      const r = rt.call(id, ...(args as unknown as unknown[]));
      expect(isCustomFunctionError(r) ? r.code : r).toBe(ErrorCode.invalidValue);
    }
  });
});
