/** Office.js host quirks: how a batch runs and what Office's refusals become. */
import { formatError, isUserError } from "../../src/core/errors";
import { hostError, runInExcel } from "../../src/excel/host";

describe("runInExcel", () => {
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  it("asks Excel to wait for a cell edit where ExcelApi 1.11 allows (delayForCellEdit), and runs plainly elsewhere", async () => {
    const calls: unknown[][] = [];
    g.Excel = { run: (...args: unknown[]) => (calls.push(args), Promise.resolve("done")) };
    g.Office = { context: { requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && v === "1.11" } } };
    await runInExcel(async () => "x");
    g.Office = { context: { requirements: { isSetSupported: () => false } } };
    await runInExcel(async () => "x");
    expect(calls[0][0]).toEqual({ delayForCellEdit: true });
    expect(typeof calls[1][0]).toBe("function");
  });

  it("turns a cell being edited and a protected workbook into messages a person can act on, in both languages", async () => {
    g.Excel = { run: () => Promise.reject(Object.assign(new Error("raw"), { code: "InvalidOperationInCellEditMode" })) };
    const e = await runInExcel(async () => "x").catch((x: unknown) => x);
    expect(isUserError(e) && e.code).toBe("CELL_EDIT_MODE");
    expect(formatError(e as never, "zh")).toContain("按 Enter 或 Esc");
    expect(isUserError(hostError({ code: "AccessDenied" })) && (hostError({ code: "AccessDenied" }) as { code: string }).code).toBe("WORKBOOK_PROTECTED");
    const other = { code: "GeneralException" };
    expect(hostError(other)).toBe(other);
  });
});
