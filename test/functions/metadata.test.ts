/**
 * The metadata Excel reads (dist/functions.json, dist/functions.zh-CN.json) as the production
 * build writes it, and its agreement with the bundle's CustomFunctions.associate calls.
 */
import * as fs from "fs";
import * as path from "path";
import { BUILD_TIMEOUT_MS, ensureBuilt, ExcelRuntime, FunctionMetadata, hasCjk, loadExcelRuntime, MetadataFile, ROOT } from "../helpers/excel-runtime";

/** The documented signatures: name, type, dimensionality, optional. */
const DOCUMENTED: Record<string, readonly [name: string, type: string, dimensionality: "scalar" | "matrix", optional: boolean][]> = {
  LIVEINDEX: [
    ["data", "any", "matrix", false],
    ["weights", "any", "matrix", true],
    ["method", "any", "matrix", true],
    ["rescale", "any", "scalar", true],
    ["options", "any", "matrix", true],
  ],
  LIVESUBINDEX: [
    ["data", "any", "matrix", false],
    ["dimension", "string", "scalar", false],
    ["weights", "any", "matrix", true],
    ["method", "any", "matrix", true],
    ["rescale", "any", "scalar", true],
    ["options", "any", "matrix", true],
  ],
  RANKDISTRICT: [
    ["scores", "any", "matrix", false],
    ["order", "any", "scalar", true],
    ["ties", "string", "scalar", true],
    ["groups", "any", "matrix", true],
  ],
  LIVEWEIGHTS: [["language", "string", "scalar", true]],
  LIVECHECKWEIGHTS: [["weights", "any", "matrix", false]],
  LIVEWEIGHTDIFF: [
    ["weights", "any", "matrix", false],
    ["baseline", "any", "matrix", true],
  ],
  LIVESENSITIVITY: [
    ["data", "any", "matrix", false],
    ["weights", "any", "matrix", true],
    ["runs", "any", "scalar", true],
    ["spread", "any", "scalar", true],
    ["seed", "any", "scalar", true],
    ["options", "any", "matrix", true],
  ],
  LIVESTATS: [
    ["data", "any", "matrix", false],
    ["options", "any", "matrix", true],
  ],
  LIVECORR: [
    ["data", "any", "matrix", false],
    ["options", "any", "matrix", true],
    ["kind", "any", "scalar", true],
    ["level", "any", "scalar", true],
  ],
  LIVECOHERENCE: [
    ["data", "any", "matrix", false],
    ["weights", "any", "matrix", true],
    ["options", "any", "matrix", true],
  ],
  LIVEDATAWEIGHTS: [
    ["data", "any", "matrix", false],
    ["method", "any", "scalar", true],
    ["levels", "any", "scalar", true],
    ["options", "any", "matrix", true],
  ],
  LIVEAHP: [
    ["matrix", "any", "matrix", false],
    ["result", "any", "scalar", true],
    ["weights", "any", "matrix", true],
  ],
  LIVECOMBINEWEIGHTS: [
    ["weights1", "any", "matrix", false],
    ["weights2", "any", "matrix", false],
    ["alpha", "any", "scalar", true],
    ["rule", "any", "scalar", true],
  ],
  LIVETOPSIS: [
    ["data", "any", "matrix", false],
    ["weights", "any", "matrix", true],
    ["options", "any", "matrix", true],
  ],
  LIVEUNCERTAINTY: [
    ["data", "any", "matrix", false],
    ["assumptions", "any", "matrix", false],
    ["runs", "any", "scalar", true],
    ["seed", "any", "scalar", true],
    ["weights", "any", "matrix", true],
  ],
  LIVEGROWTH: [
    ["current", "any", "matrix", false],
    ["previous", "any", "matrix", false],
    ["rule", "any", "scalar", true],
  ],
  LIVERANKCHANGE: [
    ["data", "any", "matrix", false],
    ["options", "any", "matrix", true],
    ["from", "any", "scalar", true],
    ["to", "any", "scalar", true],
  ],
  LIVEPOLICIES: [["province", "any", "scalar", true]],
  LIVEPOLICY: [
    ["province", "any", "matrix", false],
    ["city", "any", "matrix", false],
    ["district", "any", "matrix", false],
    ["policies", "any", "matrix", true],
  ],
  LIVESOBOL: [
    ["data", "any", "matrix", false],
    ["assumptions", "any", "matrix", false],
    ["n", "any", "scalar", true],
    ["seed", "any", "scalar", true],
    ["weights", "any", "matrix", true],
  ],
};

/**
 * Excel built-in function names (a custom function id must not be one, in any language: Excel's
 * localised names are translations of these). Includes the dotted families next to our ids.
 */
const EXCEL_BUILTINS = [
  "INDEX",
  "RANK",
  "RANK.EQ",
  "RANK.AVG",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "AVERAGE",
  "AVERAGEIF",
  "COUNT",
  "COUNTA",
  "COUNTIF",
  "MAX",
  "MIN",
  "LARGE",
  "SMALL",
  "MEDIAN",
  "MODE",
  "STDEV",
  "STDEV.P",
  "STDEV.S",
  "VAR",
  "STANDARDIZE",
  "PERCENTRANK",
  "PERCENTRANK.INC",
  "PERCENTRANK.EXC",
  "PERCENTILE",
  "QUARTILE",
  "MATCH",
  "XMATCH",
  "LOOKUP",
  "VLOOKUP",
  "HLOOKUP",
  "XLOOKUP",
  "CHOOSE",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "IF",
  "IFS",
  "IFERROR",
  "LET",
  "LAMBDA",
  "MAP",
  "REDUCE",
  "SCAN",
  "BYROW",
  "BYCOL",
  "OFFSET",
  "INDIRECT",
  "ROW",
  "ROWS",
  "COLUMN",
  "COLUMNS",
  "TRANSPOSE",
  "WEIBULL",
  "SUBTOTAL",
  "AGGREGATE",
  "TEXT",
  "VALUE",
  "ISERROR",
  "ISNUMBER",
  "N",
  "NA",
  "ERROR.TYPE",
  "T",
  "TAKE",
  "DROP",
  "HSTACK",
  "VSTACK",
  "GROUPBY",
  "PIVOTBY",
];

const EXPECTED_IDS = Object.keys(DOCUMENTED);

let rt: ExcelRuntime;
let en: MetadataFile;
let zh: MetadataFile;

beforeAll(() => {
  ensureBuilt();
  rt = loadExcelRuntime();
  en = rt.metadata;
  zh = rt.metadataZh;
}, BUILD_TIMEOUT_MS);

function byId(meta: MetadataFile, id: string): FunctionMetadata {
  const f = meta.functions.find((x) => x.id === id);
  if (!f) throw new Error(`${id} not in metadata`);
  return f;
}

describe("functions.json", () => {
  it("declares exactly the twelve documented functions", () => {
    expect(en.functions.map((f) => f.id).sort()).toEqual([...EXPECTED_IDS].sort());
  });

  it("matches the bundle's registrations one for one", () => {
    expect([...rt.registered].sort()).toEqual(en.functions.map((f) => f.id).sort());
    expect(new Set(rt.registered).size).toBe(rt.registered.length);
  });

  it.each(EXPECTED_IDS)("%s has the documented parameters", (id) => {
    const f = byId(en, id);
    const seen = f.parameters.map((p) => [p.name, p.type ?? "any", p.dimensionality ?? "scalar", p.optional === true]);
    expect(seen).toEqual(DOCUMENTED[id]);
  });

  it.each(EXPECTED_IDS)("%s: optional parameters come after the required ones", (id) => {
    const flags = byId(en, id).parameters.map((p) => p.optional === true);
    expect(flags).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
  });

  it.each(EXPECTED_IDS)("%s returns a matrix (spills)", (id) => {
    expect(byId(en, id).result?.dimensionality).toBe("matrix");
  });

  it("only LIVECHECKWEIGHTS (cells named in findings), LIVESENSITIVITY, LIVECOMBINEWEIGHTS, LIVEUNCERTAINTY and LIVESOBOL (blank option cells) ask for parameter addresses; none streams, is volatile or cancelable", () => {
    for (const f of en.functions) {
      expect([f.id, f.options?.requiresParameterAddresses === true]).toEqual([
        f.id,
        ["LIVECHECKWEIGHTS", "LIVESENSITIVITY", "LIVECOMBINEWEIGHTS", "LIVEUNCERTAINTY", "LIVESOBOL"].includes(f.id),
      ]);
      expect([f.id, f.options?.stream, f.options?.volatile, f.options?.cancelable]).toEqual([f.id, undefined, undefined, undefined]);
    }
  });

  it.each(EXPECTED_IDS)("%s: the id and name use only letters, digits, _ and . and are not Excel built-ins", (id) => {
    const f = byId(en, id);
    for (const s of [f.id, f.name]) {
      expect(s).toMatch(/^[A-Za-z][A-Za-z0-9_.]*$/);
      expect(EXCEL_BUILTINS).not.toContain(s.toUpperCase());
    }
    expect(f.name).toBe(f.id);
  });

  it("has an English description for every function and parameter", () => {
    for (const f of en.functions) {
      expect([f.id, (f.description ?? "").trim().length > 10]).toEqual([f.id, true]);
      for (const p of f.parameters) expect([f.id, p.name, (p.description ?? "").trim().length > 5]).toEqual([f.id, p.name, true]);
    }
  });
});

describe("functions.zh-CN.json", () => {
  it("declares the same functions, ids, parameters and options as functions.json", () => {
    const strip = (m: MetadataFile) =>
      m.functions.map((f) => ({ ...f, name: undefined, description: undefined, parameters: f.parameters.map((p) => ({ ...p, description: undefined })) }));
    expect(strip(zh)).toEqual(strip(en));
    const { functions: _a, ...restZh } = zh;
    const { functions: _b, ...restEn } = en;
    expect(restZh).toEqual(restEn);
  });

  it("gives every function a Chinese name, valid by Excel's rules, unique and unlike the English one; the ids stay", () => {
    const names = zh.functions.map((f) => f.name);
    for (const f of zh.functions) {
      expect([f.id, hasCjk(f.name)]).toEqual([f.id, true]);
      // Excel's rules for a function name: a letter first, then letters, digits, "_" or "."; our own: at least 3 characters.
      expect(f.name).toMatch(/^\p{L}[\p{L}\p{N}_.]{2,}$/u);
      expect(f.name).not.toBe(byId(en, f.id).name);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
    expect(byId(zh, "LIVEINDEX").name).toBe("直播总指数");
  });

  it("has a Chinese description for every function and parameter", () => {
    for (const f of zh.functions) {
      expect([f.id, hasCjk(f.description ?? "")]).toEqual([f.id, true]);
      for (const p of f.parameters) expect([f.id, p.name, hasCjk(p.description ?? "")]).toEqual([f.id, p.name, true]);
    }
  });

  it("translates rather than copies: no Chinese description equals the English one", () => {
    for (const f of zh.functions) {
      const e = byId(en, f.id);
      expect(f.description).not.toBe(e.description);
      f.parameters.forEach((p, i) => expect(p.description).not.toBe(e.parameters[i].description));
    }
  });

  it("metadata-zh.json has no stale entries for functions or parameters that no longer exist", () => {
    const table = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/metadata-zh.json"), "utf8")) as Record<
      string,
      { parameters?: Record<string, string> }
    >;
    expect(Object.keys(table).sort()).toEqual([...EXPECTED_IDS].sort());
    for (const [id, t] of Object.entries(table)) {
      expect([id, Object.keys(t.parameters ?? {}).sort()]).toEqual([
        id,
        byId(en, id)
          .parameters.map((p) => p.name)
          .sort(),
      ]);
    }
  });
});
