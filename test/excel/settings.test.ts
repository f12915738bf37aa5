import { loadMapping, parseStoredMapping, saveMapping, settingKey } from "../../src/excel/settings";
import { FakeExcel, installFakeExcel } from "../fakes/fake-excel";

const KEYS = ["name:rank", "name:province", "name:city", "name:district", "dim:supply", "dim:viewing", "dim:goods", "dim:quality", "dim:industry", "skip"];

describe("loadMapping: what is ignored", () => {
  it("gives null when nothing was saved for the source", async () => {
    installFakeExcel(globalThis);
    expect(await Excel.run((c) => loadMapping(c, "ZBDS_Sample"))).toBeNull();
  });

  it.each([
    ["text that is not JSON", "{not json"],
    ["JSON of another shape", JSON.stringify({ keys: KEYS })],
    ["another format version", JSON.stringify({ version: 2, keys: KEYS })],
    ["keys that are not strings", JSON.stringify({ version: 1, keys: [1, 2] })],
    ["a key no dropdown offers", JSON.stringify({ version: 1, keys: ["dim:supply", "dim:nonsense"] })],
    ["an over-long key", JSON.stringify({ version: 1, keys: ["x".repeat(65)] })],
    ["a number", 42],
    ["null", null],
  ])("ignores %s", async (_what, stored) => {
    installFakeExcel(globalThis, { settings: { [settingKey("T")]: stored } });
    expect(await Excel.run((c) => loadMapping(c, "T"))).toBeNull();
  });
});

describe("saveMapping and loadMapping", () => {
  let fake: FakeExcel;
  beforeEach(() => (fake = installFakeExcel(globalThis)));

  it("round-trips a mapping, stored as a JSON string under a key of its own", async () => {
    await Excel.run((c) => saveMapping(c, "ZBDS_Sample", KEYS));
    expect(typeof fake.state().settings[settingKey("ZBDS_Sample")]).toBe("string");
    expect(await Excel.run((c) => loadMapping(c, "ZBDS_Sample"))).toEqual(KEYS);
  });

  it("keeps the mappings of different sources apart and overwrites on a second save", async () => {
    await Excel.run((c) => saveMapping(c, "'数据'!A1:J101", ["skip", "dim:goods"]));
    await Excel.run((c) => saveMapping(c, "ZBDS_Sample", KEYS));
    await Excel.run((c) => saveMapping(c, "'数据'!A1:J101", ["dim:goods", "skip"]));
    expect(await Excel.run((c) => loadMapping(c, "'数据'!A1:J101"))).toEqual(["dim:goods", "skip"]);
    expect(await Excel.run((c) => loadMapping(c, "ZBDS_Sample"))).toEqual(KEYS);
  });

  it("uses one sync each way", async () => {
    await Excel.run((c) => saveMapping(c, "T", KEYS));
    await Excel.run((c) => loadMapping(c, "T"));
    expect(fake.stats.syncs).toBe(2);
  });
});

describe("parseStoredMapping", () => {
  it("accepts the indicator keys and an object already parsed", () => {
    expect(parseStoredMapping({ version: 1, keys: ["ind:streamer_gmv", "skip"] })).toEqual(["ind:streamer_gmv", "skip"]);
  });
});
