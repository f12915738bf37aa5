import { cellInput, textInput } from "../../src/excel/host";
import { freeTableNames, queueTakenNames, removeSheet } from "../../src/excel/workbook";
import { installFakeExcel } from "../fakes/fake-excel";

describe("textInput", () => {
  it.each(["=SUM(A1)", "+86", "-", "-5", "@x", "0012", "1/2", " lead", "TRUE", "false", "'quoted", "(5)", "12%"])(
    "marks %j as text with a leading apostrophe",
    (s) => {
      expect(textInput(s)).toBe(`'${s}`);
    },
  );

  it.each(["滨江区", "浙江省", "Ranking", "“-”表示无", "", "区县1"])("leaves %j as it is", (s) => {
    expect(textInput(s)).toBe(s);
  });
});

describe("cellInput", () => {
  it("writes numbers as numbers, non-finite numbers as blanks and formulas with their '='", () => {
    expect([cellInput(1.5), cellInput(NaN), cellInput(Infinity), cellInput({ formula: "RANK.EQ(J2,$J$2:$J$9)" }), cellInput("-")]).toEqual([
      1.5,
      "",
      "",
      "=RANK.EQ(J2,$J$2:$J$9)",
      "'-",
    ]);
  });
});

describe("freeTableNames", () => {
  it("gives each wanted name a free one, case-insensitively, without giving two the same", () => {
    expect(freeTableNames(["ZBDS_Ranking", "ZBDS_Ranking", "Other"], ["zbds_ranking", "ZBDS_Ranking_2"])).toEqual([
      "ZBDS_Ranking_3",
      "ZBDS_Ranking_4",
      "Other",
    ]);
  });
});

describe("queueTakenNames and removeSheet", () => {
  it("reads sheet, table and defined names and the active sheet in one sync", async () => {
    const fake = installFakeExcel(globalThis, {
      sheets: [{ name: "A", cells: [["h"], [1]], tables: [{ name: "Regions", address: "A1:A2" }] }, { name: "B" }],
      names: ["Weights_2020"],
      active: "B",
    });
    const taken = await Excel.run(async (c) => {
      const read = queueTakenNames(c);
      await c.sync();
      return read();
    });
    expect(taken).toEqual({ sheets: ["A", "B"], tablesAndNames: ["Regions", "Weights_2020"], activeSheet: "B" });
    expect(fake.stats.syncs).toBe(1);
  });

  it("deletes the sheet, re-activates the one before, and is quiet when the sheet is not there", async () => {
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "A" }, { name: "B" }], active: "B" });
    await Excel.run((c) => removeSheet(c, "B", "A"));
    expect(fake.state().sheets.map((s) => s.name)).toEqual(["A"]);
    expect(fake.state().activeSheet).toBe("A");
    await expect(Excel.run((c) => removeSheet(c, "Gone", "A"))).resolves.toBeUndefined();
  });
});
