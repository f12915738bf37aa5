import { formatError, UserError } from "../../src/core/errors";
import { proposeMapping } from "../../src/core/headers";
import { weightTableToCells } from "../../src/core/weights";
import { REPORT_TOP100_2020 } from "../../src/data/report2020";
import { generateRankedSheet, GenerateRequest } from "../../src/excel/generate";
import { insertSampleData } from "../../src/excel/sample";
import { readSource, SourceTable } from "../../src/excel/source";
import { FakeExcel, installFakeExcel, WorkbookInit } from "../fakes/fake-excel";
import { syntheticCells, workbookSnapshot } from "../fakes/scenarios";
import { top100Cells } from "../helpers/fixtures";

/** The report's first-level weights as printed (percent points), written out here, not imported. */
const PRINTED = { goods: 40, supply: 25, viewing: 15, quality: 15, industry: 5 };

function request(source: SourceTable, more: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    source,
    keys: null,
    weights: { kind: "report" },
    method: "minmax",
    topN: 100,
    mode: "values",
    lang: "zh",
    version: "9.9.9",
    now: "2026-03-01 10:00",
    ...more,
  };
}

function sourceOf(values: unknown[][], sheetName = "数据"): SourceTable {
  return { sheetName, address: `${sheetName}!A1`, tableName: null, values, top: 0, left: 0, hiddenRows: [] };
}

const generate = (req: GenerateRequest) => Excel.run((context) => generateRankedSheet(context, req));

/** Runs generate on cells placed on a sheet 数据 and expects an UserError and an unchanged workbook. */
async function expectRefusal(values: unknown[][], more: Partial<GenerateRequest> = {}, init?: WorkbookInit): Promise<UserError> {
  const fake = installFakeExcel(globalThis, init ?? { sheets: [{ name: "数据", cells: values.length ? values : [[""]] }] });
  const before = workbookSnapshot(fake);
  const error = await generate(request(sourceOf(values), more)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect(workbookSnapshot(fake)).toEqual(before);
  return error as UserError;
}

describe("generateRankedSheet: bad input is refused before any sheet is made", () => {
  it("refuses a selection with no data (EMPTY_RANGE)", async () => {
    expect((await expectRefusal([[""]])).code).toBe("EMPTY_RANGE");
    expect((await expectRefusal([])).code).toBe("EMPTY_RANGE");
  });

  it("refuses a table with no recognisable column (NO_INDEX_COLUMNS), naming what it saw", async () => {
    const e = await expectRefusal([
      ["名称", "年份", "销售额"],
      ["甲", 2020, 5],
    ]);
    expect(e.code).toBe("NO_INDEX_COLUMNS");
    expect(e.params.headers).toBe('"名称", "年份", "销售额"');
  });

  it("refuses a merged-cell header that names one sub-index over blank cells (MISSING_COLUMNS)", async () => {
    const e = await expectRefusal([
      ["省", "区县", "直播内容供给指数", "", "", "", ""],
      ["", "", "场次", "时长", "主体", "商家", "渗透率"],
      ["浙江省", "滨江区", 1, 2, 3, 4, 5],
    ]);
    expect(e.code).toBe("MISSING_COLUMNS");
  });

  it("refuses a table of one header row (NO_DATA_ROWS)", async () => {
    expect((await expectRefusal([top100Cells()[0]])).code).toBe("NO_DATA_ROWS");
  });

  it("refuses an Excel table whose only data row is blank, as read from the workbook (NO_DATA_ROWS)", async () => {
    const fake = installFakeExcel(globalThis, {
      sheets: [{ name: "数据", cells: [top100Cells()[0]], tables: [{ name: "Empty", address: "A1:J1" }] }],
      selection: "B1",
    });
    const source = await Excel.run((c) => readSource(c));
    expect(source.values.length).toBe(2);
    const before = workbookSnapshot(fake);
    await expect(generate(request(source))).rejects.toMatchObject({ code: "NO_DATA_ROWS" });
    expect(workbookSnapshot(fake)).toEqual(before);
  });

  it("refuses a table whose every row has text in a numeric column, naming the first row and column", async () => {
    const cells = syntheticCells(3);
    for (const row of cells.slice(1)) row[4] = "n/a";
    const e = await expectRefusal(cells);
    expect(e.code).toBe("NO_RANKABLE_ROWS");
    // The column first, once, with its count and an example; then each row by its region, with its reason.
    expect(e.details[0]).toEqual({ code: "COLUMN_MOSTLY_BAD", params: { column: "直播内容消费指数", count: 3, rows: 3, value: '"n/a"' } });
    expect(e.details.slice(1).map((d) => d.code)).toEqual(["REJECTED_ROW", "REJECTED_ROW", "REJECTED_ROW"]);
    expect(formatError(e.details[1], "en")).toBe(
      `${cells[1][2]} (${cells[1][0]} ${cells[1][1]}): Row 2, column "直播内容消费指数": "n/a" is not a number ("-" and blank cells mean none).`,
    );
  });

  it("refuses a top N below 1 and an unknown method", async () => {
    expect((await expectRefusal(syntheticCells(3), { topN: 0 })).code).toBe("BAD_OPTION");
    expect((await expectRefusal(syntheticCells(3), { method: "cubic" as never })).code).toBe("UNKNOWN_METHOD");
  });

  it("refuses a weight table that is missing or invalid", async () => {
    const bad = weightTableToCells("zh");
    bad[3][3] = "abc";
    const init: WorkbookInit = {
      sheets: [
        { name: "数据", cells: syntheticCells(3) },
        { name: "权重", cells: bad, tables: [{ name: "W", address: "A1:D20" }] },
      ],
    };
    expect((await expectRefusal(syntheticCells(3), { weights: { kind: "table", name: "W" } }, init)).code).toBe("WEIGHTS_INVALID");
    expect((await expectRefusal(syntheticCells(3), { weights: { kind: "table", name: "Nope" } }, init)).code).toBe("BAD_OPTION");
  });

  it("refuses two columns mapped to the same sub-index (DUPLICATE_COLUMN)", async () => {
    const cells = syntheticCells(3);
    const keys = [...proposeMapping(cells[0]).keys];
    keys[4] = keys[3];
    expect((await expectRefusal(cells, { keys })).code).toBe("DUPLICATE_COLUMN");
  });
});

describe("generateRankedSheet on the sample data", () => {
  let fake: FakeExcel;
  let source: SourceTable;
  beforeEach(async () => {
    fake = installFakeExcel(globalThis);
    await Excel.run((c) => insertSampleData(c, "zh"));
    source = await Excel.run((c) => readSource(c));
  });

  it("ranks 滨江区 first with the report's published total 78.61 (within 0.01)", async () => {
    const r = await generate(request(source));
    expect(r).toMatchObject({ sheetName: "排名", ranked: 100, skipped: 0, syncs: 4, tableNames: ["ZBDS_Ranking", "ZBDS_Provinces"] });
    const [first] = fake.values("排名", "A3:J3");
    expect(first.slice(0, 4)).toEqual([1, "浙江省", "杭州市", "滨江区"]);
    expect(Math.abs((first[9] as number) - REPORT_TOP100_2020[0].total)).toBeLessThanOrEqual(0.01);
  });

  it("reproduces every published total within 0.01, in rank order", async () => {
    await generate(request(source));
    const rows = fake.values("排名", "A3:J102");
    const published = new Map(REPORT_TOP100_2020.map((x) => [x.district + x.province, x.total]));
    for (const row of rows) expect([row[3], Math.abs((row[9] as number) - published.get(`${row[3]}${row[1]}`)!) <= 0.01]).toEqual([row[3], true]);
    const totals = rows.map((r) => r[9] as number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it("writes live formulas that point at the sample's cells, absolute, in formulas mode", async () => {
    const r = await generate(request(source, { mode: "formulas" }));
    const row = fake.cells(r.sheetName, "A3:J3")[0];
    // 滨江区 is the sample's row 2; its 直播内容供给指数 is column E there.
    expect(row[4].formula).toBe("='样例数据'!$E$2");
    expect(row[0].formula).toBe("=RANK.EQ(J3,$J$3:$J$102)");
    expect(row[9].formula).toMatch(/^=N\(E3\)\*\$O\$\d+\+N\(F3\)\*\$O\$\d+\+N\(G3\)\*\$O\$\d+\+N\(H3\)\*\$O\$\d+\+N\(I3\)\*\$O\$\d+$/);
  });

  it("points live formulas at the right cells when the table does not start at A1", async () => {
    const book = installFakeExcel(globalThis, {
      sheets: [{ name: "数据 2020", at: "C3", cells: top100Cells(), tables: [{ name: "T", address: "C3:L103" }] }],
      selection: "'数据 2020'!E9",
    });
    const src = await Excel.run((c) => readSource(c));
    const r = await generate(request(src, { mode: "formulas" }));
    // 滨江区 is the table's first data row (sheet row 4); its 直播内容供给指数 is the table's fifth column (G), 产业促进指数 the ninth (K).
    const row = book.cells(r.sheetName, "A3:J3")[0];
    expect([row[3].value, row[4].formula, row[8].formula]).toEqual(["滨江区", "='数据 2020'!$G$4", "='数据 2020'!$K$4"]);
  });

  it("uses a weight table from the workbook: equal weights give the mean of the five sub-indices", async () => {
    const cells = weightTableToCells("zh").map((r, i) => (i === 0 ? r : [r[0], r[1], 0.2, r[3]]));
    await Excel.run(async (c) => {
      const s = c.workbook.worksheets.add("权重");
      s.getRange("A1:D20").values = cells;
      s.tables.add(s.getRange("A1:D20"), true).name = "EqualWeights";
      await c.sync();
    });
    const syncsBefore = fake.stats.syncs;
    const r = await generate(request(source, { weights: { kind: "table", name: "EqualWeights" } }));
    expect(r.syncs).toBe(6);
    expect(fake.stats.syncs - syncsBefore).toBe(6);
    const rows = fake.values(r.sheetName, "D3:J102");
    const printed = new Map(REPORT_TOP100_2020.map((x) => [x.district, x]));
    for (const row of rows) {
      const x = printed.get(row[0] as string)!;
      const mean = ((x.supply ?? 0) + (x.viewing ?? 0) + (x.goods ?? 0) + (x.quality ?? 0) + (x.industry ?? 0)) / 5;
      expect([row[0], (row[6] as number).toFixed(9)]).toEqual([row[0], mean.toFixed(9)]);
    }
    expect(fake.values(r.sheetName).flat()).toContain("本工作簿中的权重表 EqualWeights");
  });

  it("writes the note in English with the report's weights when asked", async () => {
    const r = await generate(request(source, { lang: "en" }));
    expect(r.sheetName).toBe("Ranking");
    const all = fake.values(r.sheetName).flat();
    expect(all).toContain("Method note");
    expect(all.some((v) => typeof v === "string" && v.startsWith("The report's weights"))).toBe(true);
  });
});

describe("generateRankedSheet: rows and columns the user must know about", () => {
  it("ranks the good rows and lists the rows with text in a numeric column", async () => {
    const cells = syntheticCells(20);
    cells[3][5] = "n/a";
    cells[8][7] = "约 30";
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }] });
    const r = await generate(request(sourceOf(cells)));
    expect(r).toMatchObject({ ranked: 18, skipped: 2 });
    expect(r.rejected.map((x) => x.dataRow)).toEqual([2, 7]);
    const all = fake.values(r.sheetName).flat();
    expect(all).toContain("跳过的行（数据错误或不是地区）");
    // Each skipped row named by its region, with its reason.
    // The note cuts long texts into lines: read it as one text.
    const text = all.filter((v) => typeof v === "string").join("");
    expect(text).toContain(`${cells[3][2]}（${cells[3][0]} ${cells[3][1]}）：第 4 行“直播商品消费指数”列的值 "n/a" 不是数字（“-”和空单元格表示无）。`);
    expect(fake.values(r.sheetName, "D3:D20").flat()).not.toContain(cells[3][2]);
  });

  it("follows the user's mapping of unrecognised headers, computing the report's weighted sum", async () => {
    const cells = syntheticCells(10).map((r, i) => (i === 0 ? ["P", "C", "D", "S1", "S2", "S3", "S4", "S5"] : r));
    const keys = ["name:province", "name:city", "name:district", "dim:supply", "dim:viewing", "dim:goods", "dim:quality", "dim:industry"];
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }] });
    const r = await generate(request(sourceOf(cells), { keys }));
    expect(r.ranked).toBe(10);
    for (const row of fake.values(r.sheetName, "A3:J12")) {
      const x = cells.find((c) => c[2] === row[3])!.slice(3) as number[];
      const expected = (PRINTED.supply * x[0] + PRINTED.viewing * x[1] + PRINTED.goods * x[2] + PRINTED.quality * x[3] + PRINTED.industry * x[4]) / 100;
      expect([row[3], (row[9] as number).toFixed(9)]).toEqual([row[3], expected.toFixed(9)]);
    }
  });

  it("reads five header-less columns by position whatever keys the pane proposes for them", async () => {
    const cells = syntheticCells(6)
      .slice(1)
      .map((r) => r.slice(3));
    installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }] });
    const r = await generate(request(sourceOf(cells), { keys: [...proposeMapping(cells[0]).keys] }));
    expect(r.ranked).toBe(6);
  });

  // The sync budget at 100,000 rows is asserted once, in apply-plan.test.ts; here a size past two blocks.
  it("writes a correct sheet for 25,000 rows, in the applier's syncs (one more block than 20,000)", async () => {
    const cells = syntheticCells(25_000);
    const fake = installFakeExcel(globalThis, { sheets: [{ name: "数据", cells }] });
    const r = await generate(request(sourceOf(cells)));
    expect(r).toMatchObject({ ranked: 25_000, skipped: 0, syncs: 5 });
    const ranks = fake.values(r.sheetName, "A3:A25002").map((x) => x[0] as number);
    const totals = fake.values(r.sheetName, "J3:J25002").map((x) => x[0] as number);
    expect(ranks[0]).toBe(1);
    for (let i = 1; i < totals.length; i++) {
      if (!(totals[i] <= totals[i - 1]) || !(ranks[i] >= ranks[i - 1])) throw new Error(`row ${i + 2} out of order`);
    }
    const best = Math.max(
      ...cells
        .slice(1)
        .map(
          (c) =>
            (PRINTED.supply * (c[3] as number) +
              PRINTED.viewing * (c[4] as number) +
              PRINTED.goods * (c[5] as number) +
              PRINTED.quality * (c[6] as number) +
              PRINTED.industry * (c[7] as number)) /
            100,
        ),
    );
    expect(totals[0]).toBeCloseTo(best, 9);
    expect(fake.stats.maxPayloadBytes).toBeLessThan(4 * 1024 * 1024);
  }, 120_000);
});

describe("generateRankedSheet: hidden rows", () => {
  const cells = top100Cells();
  // Sheet rows 3 and 6 hidden: data rows of 黄浦区-style regions 2 and 5 (rank 2 and 5 of the report).
  const init: WorkbookInit = { sheets: [{ name: "数据", cells, hiddenRows: [3, 6] }], selection: "数据!A1" };
  /** The note's text (columns L and M) as one string: the note cuts long texts into lines. */
  const noteOf = (fake: FakeExcel, sheet: string) =>
    fake
      .values(sheet)
      .map((r) => `${String(r[11] ?? "")}${String(r[12] ?? "")}`)
      .join("");

  it("ranks hidden rows like the others by default, as the functions see them, and says so in the note", async () => {
    const fake = installFakeExcel(globalThis, init);
    const source = await Excel.run((c) => readSource(c));
    const result = await generate(request(source));
    expect(result.ranked).toBe(100);
    expect(noteOf(fake, result.sheetName)).toContain("数据中 2 行被隐藏（手动或筛选），与其他行一样参与计算和排名");
  });

  it("with visibleOnly leaves them out, ranks the other 98 from 1, and says so in the note", async () => {
    const fake = installFakeExcel(globalThis, init);
    const source = await Excel.run((c) => readSource(c));
    const result = await generate(request(source, { visibleOnly: true, lang: "en" }));
    expect(result.ranked).toBe(98);
    const ranking = fake.values(result.sheetName, "A3:D100");
    const expected = cells.slice(1).filter((_, i) => i !== 1 && i !== 4);
    expect(ranking.map((r) => r[3]).sort()).toEqual(expected.map((r) => r[3]).sort());
    expect(ranking.map((r) => r[3])).not.toContain(cells[2][3]);
    expect(ranking[0][0]).toBe(1);
    expect(ranking[97][0]).toBe(98);
    expect(noteOf(fake, result.sheetName)).toContain("2 rows of the data are hidden (by hand or by a filter); they are left out (visible rows only)");
  });
});
