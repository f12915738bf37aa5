import { cellAddress, freeName, quoteSheetName, rangeAddress } from "../../src/plans/a1";

describe("a1", () => {
  it("quotes every sheet name, so that names that look like cells (Q1, FY2021, R1C1) or start with a digit stay names", () => {
    for (const name of ["Q1", "FY2021", "R1C1", "2020", "Sheet1", "排名"]) expect(quoteSheetName(name)).toBe(`'${name}'`);
    expect(quoteSheetName("Tom's data")).toBe("'Tom''s data'");
  });

  it("writes zero-based cells and blocks in Excel's notation", () => {
    expect(cellAddress(2, 1)).toBe("B3");
    expect(cellAddress(0, 27, true)).toBe("$AB$1");
    expect(rangeAddress(1, 0, 100, 10)).toBe("A2:J101");
    expect(rangeAddress(4, 4, 1, 1)).toBe("E5");
  });

  it("finds a free name as Excel compares names, ignoring case", () => {
    expect(freeName("排名", ["排名", "排名 (2)"])).toBe("排名 (3)");
    expect(freeName("Ranking", ["RANKING"])).toBe("Ranking (2)");
  });
});
