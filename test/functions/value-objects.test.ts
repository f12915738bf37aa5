/**
 * Value objects in a function's data, as current Excel builds pass them for `any` parameters
 * (allowCustomDataForDataTypeAny; learn.microsoft.com: "Custom functions and data types"): a
 * formatted number as { type: "FormattedNumber", basicValue, numberFormat }, a linked data type as
 * { type: "Entity", text, properties }. The index columns are read as they come (the reader makes
 * each cell plain as it reads it, so that a large table is walked once) and every other cell is
 * made plain before: each function must give exactly what the plain table gives, wherever in the
 * table the objects are.
 */
import { plainCells, plainValue, readCell, readYesNo, isBlankRow } from "../../src/core/cells";
import { plainTable, readIndexInput, ROW_BLANK } from "../../src/core/dataset";
import { REPORT_WEIGHT_TABLE } from "../../src/core/weights";
import { Cell, ExcelRuntime, loadSourceRuntime } from "../helpers/excel-runtime";
import { rawIndicatorCells, top100Cells, twoYearPanel } from "../helpers/fixtures";

let rt: ExcelRuntime;
beforeAll(async () => {
  rt = await loadSourceRuntime();
});

const formatted = (v: number) => ({ type: "FormattedNumber", basicValue: v, numberFormat: "#,##0.00" });
const double = (v: number) => ({ type: "Double", basicValue: v });
const entity = (text: string) => ({ type: "Entity", text, properties: { 人口: { type: "Double", basicValue: 12 } } });

/** Every number below the header as a formatted number (every third a plain Double), every text cell below it as an entity. */
function typed(cells: readonly (readonly unknown[])[], headerRows = 1): unknown[][] {
  return cells.map((row, r) =>
    r < headerRows
      ? [...row]
      : row.map((v, c) => (typeof v === "number" ? ((r + c) % 3 ? formatted(v) : double(v)) : typeof v === "string" && v !== "-" ? entity(v) : v)),
  );
}

/** 30 regions with names, a title line above the header, a dash and a 0 in the data, a yes/no column as 有/无, a blank row of zeros. */
function rawWithNames(): unknown[][] {
  const raw = rawIndicatorCells(30, 77);
  const policy = raw[0].indexOf("policy");
  const rows = raw.slice(1).map((row, k) => {
    const out: unknown[] = [`区${k}`, ...row];
    if (k % 4 === 0) out[policy + 1] = k % 8 ? "有" : "无";
    return out;
  });
  rows[3][2] = 0;
  // A row of zeros without a name: Excel desktop's form of a blank row, as formatted numbers once typed.
  rows.splice(10, 0, ["", ...new Array(19).fill(0)]);
  return [["某省直播电商数据（2020年）", ...new Array(19).fill("")], ["区县", ...raw[0]], ...rows];
}

describe("value objects in a data table give what the plain table gives", () => {
  const raw = rawWithNames();
  const rawTyped = typed(raw, 2);
  const top = top100Cells().slice(0, 40);
  const topTyped = typed(top);
  const panel = twoYearPanel();
  const panelTyped = typed(panel);
  const cases: [string, () => unknown[], () => unknown[]][] = [
    ["LIVEINDEX, raw", () => [raw], () => [rawTyped]],
    ["LIVEINDEX, sub-indices", () => [top], () => [topTyped]],
    ["LIVEINDEX, two years", () => [panel], () => [panelTyped]],
    ["LIVESUBINDEX", () => [raw, "goods"], () => [rawTyped, "goods"]],
    ["LIVETOPSIS", () => [raw], () => [rawTyped]],
    ["LIVESTATS", () => [raw], () => [rawTyped]],
    ["LIVECORR", () => [raw], () => [rawTyped]],
    ["LIVECOHERENCE", () => [raw], () => [rawTyped]],
    ["LIVEDATAWEIGHTS", () => [raw, "entropy"], () => [rawTyped, "entropy"]],
    ["LIVESENSITIVITY", () => [raw, null, 200, 0.25, 7], () => [rawTyped, null, 200, 0.25, 7]],
    ["LIVEUNCERTAINTY", () => [raw, [["scaling=minmax,rank"]], 60, 3], () => [rawTyped, [["scaling=minmax,rank"]], 60, 3]],
    ["LIVERANKCHANGE", () => [panel], () => [panelTyped]],
  ];
  it.each(cases)("%s", (name, plainArgs, typedArgs) => {
    const plain = rt.call(name.split(",")[0], ...plainArgs()) as Cell[][];
    expect(Array.isArray(plain)).toBe(true);
    expect(rt.call(name.split(",")[0], ...typedArgs())).toEqual(plain);
  });

  it("RANKDISTRICT reads a column of value objects under a header, and a totals column of LIVEINDEX", () => {
    const totals = rt.call("LIVEINDEX", raw) as Cell[][];
    const typedTotals = totals.map((row) => row.map((v) => (typeof v === "number" ? formatted(v) : v)));
    expect(rt.call("RANKDISTRICT", typedTotals)).toEqual(rt.call("RANKDISTRICT", totals));
    expect(rt.call("RANKDISTRICT", [[entity("总指数")], [double(3)], [formatted(5)], [null]])).toEqual([["Rank"], [2], [1], [""]]);
  });

  it("reports a value object it cannot read by its plain value, at its row", () => {
    const bad = typed(raw, 2);
    bad[5][4] = entity("n/a");
    const out = rt.call("LIVEINDEX", bad) as Cell[][];
    const message = (out[5][0] as { message: string }).message;
    expect(message).toContain('"n/a"');
    expect(message).toMatch(/6/);
  });
});

describe("plainValue, plainCells, plainTable", () => {
  it("reads a formatted number, a Double, a boolean and an entity; leaves other objects", () => {
    expect(plainValue(formatted(12.5))).toBe(12.5);
    expect(plainValue({ type: "Boolean", basicValue: true })).toBe(true);
    expect(plainValue(entity("杭州市"))).toBe("杭州市");
    const odd = { type: "Array", elements: [] };
    expect(plainValue(odd)).toBe(odd);
    expect(readCell(formatted(0.4))).toBe(0.4);
    expect(readCell({ type: "String", basicValue: "40%" })).toBe(0.4);
    expect(readCell(odd)).toEqual({ problem: "text" });
    expect(readYesNo(entity("有"))).toBe(1);
    expect(isBlankRow([formatted(0), { type: "String", basicValue: "" }])).toBe(true);
  });

  it("the reader reads a row of formatted zeros without a name as the blank row it is, as it reads plain zeros", () => {
    const read = (cells: unknown[][]) => readIndexInput(cells, REPORT_WEIGHT_TABLE).status;
    const header = ["区县", "直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"];
    const zeros = ["", 0, 0, 0, 0, 0];
    const plain = read([header, ["甲", 1, 2, 3, 4, 5], zeros]);
    expect(plain[1]).toBe(ROW_BLANK);
    expect(read([header, ["甲", 1, 2, 3, 4, 5], zeros.map((v) => (v === 0 ? formatted(0) : v))])).toEqual(plain);
  });

  it("never changes the range; returns it when nothing is an object", () => {
    const cells = [
      ["区县", "直播商品消费指数"],
      [entity("余杭区"), formatted(85.2)],
    ];
    const before = JSON.stringify(cells);
    expect(plainCells(cells)).toEqual([
      ["区县", "直播商品消费指数"],
      ["余杭区", 85.2],
    ]);
    expect(JSON.stringify(cells)).toBe(before);
    const plain = [["a", 1]];
    expect(plainCells(plain)).toBe(plain);
  });

  it("plainTable leaves the index cells below the header to the reader and makes every other cell plain", () => {
    const table = [
      [entity("标题"), "", ""],
      ["区县", "直播商品消费指数", "备注"],
      ...Array.from({ length: 30 }, (_, k) => [entity(`区${k}`), formatted(k), entity("注")]),
    ];
    const out = plainTable(table);
    expect(out[0][0]).toBe("标题");
    // Rows where a header may be (the first 20) are plain everywhere; below them, only the other columns.
    expect(out[10]).toEqual(["区8", 8, "注"]);
    expect(out[25][0]).toBe("区23");
    expect(out[25][2]).toBe("注");
    expect(out[25][1]).toEqual(formatted(23));
    // A table whose columns cannot be found is made plain everywhere.
    expect(plainTable([[entity("甲"), formatted(1)]])).toEqual([["甲", 1]]);
  });
});
