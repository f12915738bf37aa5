import { weightTableToCells } from "../../src/core/weights";
import { watchWeightTable, WATCH_DELAY_MS } from "../../src/excel/watch";
import { FakeExcel, installFakeExcel } from "../fakes/fake-excel";

/** The weight table at A1:D20 of 权重, and a data sheet. */
function workbook(): FakeExcel {
  return installFakeExcel(globalThis, {
    sheets: [
      { name: "数据", cells: [["a", 1]] },
      { name: "权重", cells: weightTableToCells("zh"), tables: [{ name: "权重表", address: "A1:D20" }] },
    ],
  });
}

/** Excel.run, counted: the function the pane passes in. */
function counted() {
  const calls = { n: 0 };
  const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => {
    calls.n++;
    return Excel.run(batch);
  };
  return { run, calls };
}

describe("watchWeightTable", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    jest.useFakeTimers();
    fake = workbook();
  });
  afterEach(() => jest.useRealTimers());

  it("calls back once for two edits within the delay, after the delay from the last one", async () => {
    const onChange = jest.fn();
    const stop = await watchWeightTable(counted().run, "权重表", onChange);
    fake.setValues("权重", "D2", [[0.3]]);
    await jest.advanceTimersByTimeAsync(WATCH_DELAY_MS - 100);
    fake.setValues("权重", "D3", [[0.2]]);
    await jest.advanceTimersByTimeAsync(WATCH_DELAY_MS - 1);
    expect(onChange).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    fake.setValues("权重", "C2", [[0.5]]);
    await jest.advanceTimersByTimeAsync(WATCH_DELAY_MS);
    expect(onChange).toHaveBeenCalledTimes(2);
    await stop();
  });

  it("takes its delay from the caller", async () => {
    const onChange = jest.fn();
    await watchWeightTable(counted().run, "权重表", onChange, 50);
    fake.setValues("权重", "D2", [[0.3]]);
    await jest.advanceTimersByTimeAsync(50);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("ignores edits outside the table", async () => {
    const onChange = jest.fn();
    await watchWeightTable(counted().run, "权重表", onChange);
    fake.setValues("权重", "F2", [["note"]]);
    fake.setValues("数据", "A1", [["b"]]);
    await jest.advanceTimersByTimeAsync(WATCH_DELAY_MS * 2);
    expect(onChange).not.toHaveBeenCalled();
  });

  it("hears writes from the add-in's own batches and added rows", async () => {
    const onChange = jest.fn();
    await watchWeightTable(counted().run, "权重表", onChange);
    await Excel.run(async (c) => {
      c.workbook.tables.getItem("权重表").rows.add(undefined, [["直播商品消费指数", "x", 0.4, 0]]);
      await c.sync();
    });
    await jest.advanceTimersByTimeAsync(WATCH_DELAY_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("subscribes through the given run in two syncs and removes its handler when unsubscribed", async () => {
    const { run, calls } = counted();
    fake.resetStats();
    const stop = await watchWeightTable(run, "权重表", jest.fn());
    expect([calls.n, fake.stats.syncs, fake.events().handlers]).toEqual([1, 2, 1]);
    await stop();
    expect(fake.events().handlers).toBe(0);
  });

  it("never calls back after unsubscribing, not even for an edit made just before", async () => {
    const onChange = jest.fn();
    const stop = await watchWeightTable(counted().run, "权重表", onChange);
    fake.setValues("权重", "D2", [[0.3]]);
    await jest.advanceTimersByTimeAsync(10);
    await stop();
    fake.setValues("权重", "D3", [[0.3]]);
    await jest.advanceTimersByTimeAsync(WATCH_DELAY_MS * 2);
    expect(onChange).not.toHaveBeenCalled();
    await stop();
    expect(fake.events().handlers).toBe(0);
  });

  it("keeps two watchers apart", async () => {
    const first = jest.fn();
    const second = jest.fn();
    const stopFirst = await watchWeightTable(counted().run, "权重表", first);
    await watchWeightTable(counted().run, "权重表", second);
    await stopFirst();
    fake.setValues("权重", "D2", [[0.3]]);
    await jest.advanceTimersByTimeAsync(WATCH_DELAY_MS);
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([0, 1]);
  });

  it("names the tables there are when the table is missing, and registers nothing", async () => {
    await expect(watchWeightTable(counted().run, "Gone", jest.fn())).rejects.toMatchObject({ code: "BAD_OPTION", params: { options: "权重表" } });
    expect(fake.events().handlers).toBe(0);
  });
});
