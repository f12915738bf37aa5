/**
 * The built bundle (dist/functions.js, as Excel loads it) answers exactly as the source that the
 * unit tests call in process: the same metadata, the same registrations, the same results and the
 * same error messages in both languages, for a set of calls that reaches every function, every
 * input level and the error paths.
 */
import { BUILD_TIMEOUT_MS, CallResult, ensureBuilt, ExcelRuntime, isCustomFunctionError, loadExcelRuntime, loadSourceRuntime } from "../helpers/excel-runtime";
import { rawIndicatorCells, top100Cells, top100SubIndexCells } from "../helpers/fixtures";

let bundle: ExcelRuntime;
let source: ExcelRuntime;

beforeAll(async () => {
  ensureBuilt();
  bundle = loadExcelRuntime();
  source = await loadSourceRuntime();
}, BUILD_TIMEOUT_MS);

/** A result with errors as plain [code, message] pairs, so that results of two realms compare. */
function plain(r: CallResult): unknown {
  if (Array.isArray(r)) return r.map((row) => row.map((c) => (isCustomFunctionError(c) ? [c.code, c.message] : c)));
  return isCustomFunctionError(r) ? [r.code, r.message] : r;
}

const top100 = top100Cells();
const raw = rawIndicatorCells(30, 5);
const weights = [
  ["一级指标", "二级指标", "一级指标权重", "二级指标权重"],
  ["goods", "streamer_gmv", 0.5, 0.25],
];

const CALLS: [string, ...unknown[]][] = [
  ["LIVEINDEX", top100],
  ["LIVEINDEX", top100SubIndexCells()],
  ["LIVEINDEX", raw, null, [["zscore"]], true],
  ["LIVEINDEX", raw, null, [["rank"]]],
  ["LIVESUBINDEX", raw, "supply"],
  ["LIVESUBINDEX", top100, "直播质量指数"],
  ["RANKDISTRICT", [["总指数"], [3], [1], [3], [""], ["-"]], null, "avg"],
  ["LIVEWEIGHTS", "en"],
  ["LIVECHECKWEIGHTS", weights],
  ["LIVEWEIGHTDIFF", weights],
  ["LIVESENSITIVITY", top100, null, 50, 0.3, 7],
  ["LIVEINDEX", [["a", "b"]]],
  ["LIVEINDEX", top100, weights],
  ["LIVESUBINDEX", top100, "nothing"],
  ["LIVESENSITIVITY", top100, null, 50, 2],
];

describe("the bundle and the source", () => {
  it("declare the same metadata, in English and Chinese, and register the same functions", () => {
    expect(bundle.metadata).toEqual(source.metadata);
    expect(bundle.metadataZh).toEqual(source.metadataZh);
    expect(bundle.registered).toEqual(source.registered);
  });

  it.each(["en-US", "zh-CN"])("give the same results and messages (%s)", (lang) => {
    for (const [id, ...args] of CALLS) {
      const b = plain(bundle.callWith({ lang }, id, ...args));
      const s = plain(source.callWith({ lang }, id, ...args));
      expect({ id, result: b }).toEqual({ id, result: s });
    }
  });
});
