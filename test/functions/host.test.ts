import { splitAddress, withBlankOptionCells } from "../../src/functions/host";

describe("splitAddress: parameter addresses as Excel gives them", () => {
  it.each([
    ["Sheet1!B2", { sheet: "Sheet1", cell: "B2" }],
    ["'My data'!$B$2", { sheet: "My data", cell: "$B$2" }],
    ["'O''Brien'!C3", { sheet: "O'Brien", cell: "C3" }],
    ["'[Book1.xlsx]参数 表'!H1", { sheet: "参数 表", cell: "H1" }],
    ["[Book1]Sheet1!A1", { sheet: "Sheet1", cell: "A1" }],
    ["B2", { sheet: null, cell: "B2" }],
  ])("%s", (address, expected) => {
    expect(splitAddress(address)).toEqual(expected);
  });
});

describe("withBlankOptionCells", () => {
  it("computes at once, without reading the workbook, when no option is a 0 from a cell", () => {
    let asked = 0;
    const compute = (blank: ReadonlySet<number>) => (asked++, [...blank]);
    // A typed 0 (no address), a 0.3 from a cell, and an omitted option.
    const result = withBlankOptionCells([0, 0.3, null], [0, 1, 2], { functionName: "F", parameterAddresses: ["", "Sheet1!A1", ""] }, compute);
    expect(result).toEqual([]);
    expect(asked).toBe(1);
  });

  it("keeps the 0 when the workbook cannot be read (no Excel global: not a shared runtime)", () => {
    const result = withBlankOptionCells([0], [0], { functionName: "F", parameterAddresses: ["Sheet1!A1"] }, (blank) => [...blank]);
    expect(result).toEqual([]);
  });
});
