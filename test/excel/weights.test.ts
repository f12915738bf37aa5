import { weightTableToCells } from "../../src/core/weights";
import { listWeightTables, readsAsWeightHeader } from "../../src/excel/weights";
import { readWeightTableAt } from "../../src/excel/weight-sheet";
import { installFakeExcel } from "../fakes/fake-excel";
import { top100Cells } from "../helpers/fixtures";

function workbook() {
  return installFakeExcel(globalThis, {
    sheets: [
      { name: "数据", cells: top100Cells(), tables: [{ name: "百强", address: "A1:J101" }] },
      {
        name: "权重",
        cells: weightTableToCells("zh"),
        tables: [{ name: "权重表", address: "A1:D20" }],
      },
      { name: "More", at: "B2", cells: weightTableToCells("id"), tables: [{ name: "WeightsById", address: "B2:E21" }] },
      {
        name: "Narrow",
        cells: [
          ["一级指标", "二级指标", "权重"],
          ["a", "b", 1],
        ],
        tables: [{ name: "Narrow", address: "A1:C2" }],
      },
      {
        name: "Half",
        cells: [
          ["一级指标", "二级指标", "x", "y"],
          ["a", "b", 1, 2],
        ],
        tables: [{ name: "HalfHeader", address: "A1:D2" }],
      },
    ],
  });
}

describe("listWeightTables", () => {
  it("lists the tables whose header is a weight table's, with their addresses, and no other", async () => {
    workbook();
    expect(await Excel.run((c) => listWeightTables(c))).toEqual([
      { name: "权重表", address: "权重!A1:D20" },
      { name: "WeightsById", address: "More!B2:E21" },
    ]);
  });

  it("takes two syncs whatever the number of tables", async () => {
    const fake = workbook();
    await Excel.run((c) => listWeightTables(c));
    expect(fake.stats.syncs).toBe(2);
  });

  it("finds nothing in a workbook without tables", async () => {
    installFakeExcel(globalThis);
    expect(await Excel.run((c) => listWeightTables(c))).toEqual([]);
  });
});

describe("readsAsWeightHeader", () => {
  it.each([
    [["一级指标", "二级指标", "一级指标权重", "二级指标权重"], true],
    [["Dimension", "Indicator", "Dimension weight", "Indicator weight"], true],
    [["直播商品消费指数", "该区县主播直播引导成交额指数", 0.4, 0.25], true],
    [["排名", "省", "市", "区", "直播内容供给指数", "直播内容消费指数"], false],
    [["一级指标", "二级指标", "x", "y"], false],
    [["一级指标", "二级指标", "一级指标权重"], false],
    [["", "", "", ""], false],
  ])("reads %j as a weight table header: %s", (header, expected) => {
    expect(readsAsWeightHeader(header)).toBe(expected);
  });
});

describe("readWeightTableAt", () => {
  it("returns the table's values, header included", async () => {
    workbook();
    expect(await Excel.run((c) => readWeightTableAt(c, "权重表").then((t) => t.cells))).toEqual(weightTableToCells("zh"));
  });

  it("names the tables there are when the wanted one is missing", async () => {
    workbook();
    await expect(Excel.run((c) => readWeightTableAt(c, "Gone"))).rejects.toMatchObject({
      code: "BAD_OPTION",
      params: { value: '"Gone"', options: "百强, 权重表, WeightsById, Narrow, HalfHeader" },
    });
  });
});
