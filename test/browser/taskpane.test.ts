/**
 * The built task pane in headless Chromium, against the in-memory Excel stand-in served in
 * place of office.js: a person's clicks, checked on the workbook they produce. Also: cell text
 * stays text (no markup), the page's Content-Security-Policy, and no network request of its own.
 * Screenshots of the pane in each language go to test-output/screenshots (and to docs/screenshots
 * with UPDATE_SCREENSHOTS=1, for the README).
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { BUILD_TIMEOUT_MS, DIST, ensureBuilt, ROOT } from "../helpers/excel-runtime";
import { browserUnavailable, buildFakeOfficeBundle, CHROMIUM, CHROMIUM_ARGS, OFFICE_JS_URL, serveFolder } from "../helpers/browser";
import type { WorkbookInit } from "../fakes/fake-excel";
import { compareRankings } from "../../src/core/impact";
import { computeIndex } from "../../src/core/pipeline";
import { parseWeightTable, REPORT_WEIGHT_TABLE, weightTableToCells } from "../../src/core/weights";
import { dataWeights } from "../../src/core/data-weights";
import { ahp } from "../../src/core/ahp";
import { startJob } from "../../src/core/analysis-job";
import { readAssumptions } from "../../src/core/assumptions";
import { rawIndicatorCells, top100Cells, twoYearPanel } from "../helpers/fixtures";

const skip = browserUnavailable();
if (skip) console.warn(`Skipping the browser tests: ${skip}.`);
const describeBrowser = skip ? describe.skip : describe;

const SHOTS = path.join(ROOT, "test-output", "screenshots");

describeBrowser("the task pane in Chromium", () => {
  let browser: Browser;
  let server: { origin: string; close: () => Promise<void> };
  let fakeBundle: string;

  beforeAll(async () => {
    ensureBuilt();
    fakeBundle = await buildFakeOfficeBundle();
    server = await serveFolder(DIST);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the pane over a workbook; records every request and any dialog (alert) the page opens. */
  async function openPane(init: WorkbookInit): Promise<{ page: Page; requests: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route(OFFICE_JS_URL, (route) =>
      route.fulfill({ contentType: "text/javascript", body: `window.__FAKE_INIT__ = ${JSON.stringify(init)};\n${fakeBundle}` }),
    );
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForFunction(() => document.querySelector("#generate")?.textContent !== "");
    return { page, requests, dialogs };
  }

  /** Saves a screenshot of the whole pane (and copies it to docs/screenshots with UPDATE_SCREENSHOTS=1). */
  async function shoot(page: Page, name: string): Promise<void> {
    fs.mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, name);
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(5000);
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      fs.mkdirSync(path.join(ROOT, "docs", "screenshots"), { recursive: true });
      fs.copyFileSync(file, path.join(ROOT, "docs", "screenshots", name));
    }
  }

  const emptyWorkbook = (lang: string): WorkbookInit => ({ sheets: [{ name: "Sheet1" }], selection: "Sheet1!A1", displayLanguage: lang });

  /** Clicks a button and waits until the pane is idle again with something new to show. */
  async function clickAndWait(page: Page, button: string): Promise<void> {
    await page.evaluate(() => {
      document.querySelector("#status")!.textContent = "";
      (document.querySelector("#mapping") as HTMLElement).dataset.seen = document.querySelector("#source")?.textContent ?? "";
    });
    await page.click(button);
    await page.waitForFunction(() => {
      const idle = document.querySelector("#app")?.getAttribute("aria-busy") === "false";
      const status = document.querySelector("#status")?.textContent !== "";
      const error = !(document.querySelector("#error") as HTMLElement).hidden;
      const source = document.querySelector("#source")?.textContent !== (document.querySelector("#mapping") as HTMLElement).dataset.seen;
      return idle && (status || error || source);
    });
  }

  it.each([
    ["zh-CN", "排名", "样例数据", "生成排名表"],
    ["en-US", "Ranking", "Sample data", "Generate ranked sheet"],
  ])(
    "in %s: Insert sample data, then Generate ranked sheet, gives 滨江区 at rank 1 with 78.61",
    async (lang, sheet, sampleSheet, generateLabel) => {
      const { page, requests, dialogs } = await openPane(emptyWorkbook(lang));
      expect(await page.textContent("#generate")).toBe(generateLabel);

      await clickAndWait(page, "#insert-sample");
      expect(await page.isHidden("#error")).toBe(true);
      const sheets = await page.evaluate(() =>
        (window as unknown as { __fake: { state(): { sheets: { name: string }[] } } }).__fake.state().sheets.map((s) => s.name),
      );
      expect(sheets).toContain(sampleSheet);
      expect(await page.locator("#mapping-rows tr").count()).toBe(10);

      await clickAndWait(page, "#generate");
      expect(await page.isHidden("#error")).toBe(true);
      expect(await page.textContent("#status")).toContain(sheet);
      const top = await page.evaluate(
        (s) => (window as unknown as { __fake: { values(sheet: string, a: string): unknown[][] } }).__fake.values(s, "A3:J3")[0],
        sheet,
      );
      expect(top.slice(0, 4)).toEqual([1, "浙江省", "杭州市", "滨江区"]);
      expect(Math.abs((top[9] as number) - 78.61)).toBeLessThan(0.01);

      // The audit of the same data, with the treatment chosen in Options: its sheet, and a status that says so.
      await page.selectOption("#treat", "winsorise");
      await clickAndWait(page, "#audit");
      expect(await page.isHidden("#error")).toBe(true);
      const auditSheet = lang === "zh-CN" ? "数据审计" : "Audit";
      expect(await page.textContent("#status")).toContain(auditSheet);
      const auditTitle = await page.evaluate(
        (s) => (window as unknown as { __fake: { values(sheet: string, a: string): unknown[][] } }).__fake.values(s, "A1")[0][0],
        auditSheet,
      );
      expect(String(auditTitle)).toMatch(lang === "zh-CN" ? /^数据审计（样例数据!A1:J101）$/ : /^Data audit \(/);
      await page.selectOption("#treat", "none");

      await shoot(page, `taskpane-${lang.slice(0, 2)}.png`);

      // No request of its own: only the page's files from its origin, and office.js (served by the test).
      expect(requests.filter((u) => !u.startsWith(server.origin) && u !== OFFICE_JS_URL)).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it("re-checks and re-compares a weight table by itself when a weight is edited in the workbook", async () => {
    const { page } = await openPane(emptyWorkbook("en-US"));
    await clickAndWait(page, "#insert-sample");
    await page.click("#insert-weights");
    await page.waitForFunction(
      () => (document.querySelector("#findings-summary")?.textContent ?? "") !== "" && !(document.querySelector("#impact") as HTMLElement).hidden,
    );
    // The report's own table: only the two printed-rounding warnings, and no change against the report.
    expect(await page.textContent("#findings-summary")).toBe("0 error(s), 2 warning(s)");
    expect(await page.textContent("#diff-report")).toContain("No change.");
    expect(await page.textContent("#impact-body")).toContain("1.0000");

    const where = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { state(): { sheets: { name: string; tables: { name: string; address: string }[] }[] } } }).__fake;
      for (const sheet of fake.state().sheets)
        for (const t of sheet.tables) if (t.name.startsWith("ZBDS_Weights")) return { sheet: sheet.name, address: t.address };
      return null;
    });
    expect(where).not.toBeNull();
    const [, col, row] = /!?\$?([A-Z]+)\$?(\d+)/.exec(where!.address.split(":")[0])!;
    // Columns of the table: dimension, indicator, dimension weight, indicator weight; the first
    // data rows are the four goods indicators.
    const at = (offset: number, r: number) => `${String.fromCharCode(col.charCodeAt(0) + offset)}${Number(row) + r}`;
    const edit = (address: string, values: unknown[][]) =>
      page.evaluate(
        ([sheet, a, v]) =>
          (window as unknown as { __fake: { setValues(s: string, a: string, v: unknown[][]): void } }).__fake.setValues(
            sheet as string,
            a as string,
            v as unknown[][],
          ),
        [where!.sheet, address, values] as const,
      );

    await edit(at(3, 1), [[-0.25]]);
    await page.waitForFunction(() => (document.querySelector("#findings-summary")?.textContent ?? "").startsWith("1 error"));
    expect(await page.textContent("#findings-list")).toContain("cannot be negative: -0.25");

    // Goods from 40% to 10% in all four of its rows, the indicator weight restored.
    await edit(`${at(2, 1)}:${at(3, 4)}`, [
      [0.1, 0.25],
      [0.1, 0.25],
      [0.1, 0.25],
      [0.1, 0.25],
    ]);
    await page.waitForFunction(() => (document.querySelector("#findings-summary")?.textContent ?? "").startsWith("0 error"));
    expect(await page.textContent("#diff-report")).toMatch(/changed/);
    expect(await page.textContent("#diff-report")).toContain("40% → 10%");
    const spearman = Number(await page.textContent("#impact-body dl dd"));
    expect(spearman).toBeGreaterThan(0.5);
    expect(spearman).toBeLessThan(1);

    // The robustness analysis from its button, written as a sheet.
    await page.fill("#mc-runs", "200");
    await page.click("#run-robust");
    await page.waitForFunction(() => (document.querySelector("#weights-status")?.textContent ?? "").includes("200 runs, seed 2021"));
    const sheets = await page.evaluate(() =>
      (window as unknown as { __fake: { state(): { sheets: { name: string }[] } } }).__fake.state().sheets.map((x) => x.name),
    );
    expect(sheets).toContain("Robustness");
    await shoot(page, "taskpane-weights-en.png");
    await page.close();
  }, 60_000);

  it.each([
    ["zh-CN", "排名变化", "排名"],
    ["en-US", "Rank change", "Ranking"],
  ])(
    "in %s: a table of two years shows the years, ranks the year chosen, and makes the rank change sheet with its slope chart",
    async (lang, changeSheet, rankedSheet) => {
      const cells = twoYearPanel();
      const { page } = await openPane({ sheets: [{ name: "Panel", cells }], selection: "Panel!A1", displayLanguage: lang });
      await clickAndWait(page, "#use-selection");
      expect(await page.isVisible("#years")).toBe(true);
      expect(await page.inputValue("#year")).toBe("2021");
      expect(await page.inputValue("#change-from")).toBe("2020");
      expect(await page.locator("#panel option").count()).toBe(3);

      // The ranked sheet of 2020: the 2020 rows ranked as a table of their own (the engine on that year's rows alone).
      await page.selectOption("#year", "2020");
      await clickAndWait(page, "#generate");
      expect(await page.isHidden("#error")).toBe(true);
      const alone = computeIndex([cells[0], ...cells.slice(1).filter((r) => r[0] === 2020)]).total;
      const best = Math.max(...alone);
      const top = await page.evaluate(
        (s) => (window as unknown as { __fake: { values(sheet: string, a: string): unknown[][] } }).__fake.values(s, "A3:J3")[0],
        rankedSheet,
      );
      expect(top[0]).toBe(1);
      expect(Math.abs((top[9] as number) - best)).toBeLessThan(1e-9);

      await page.fill("#top-n", "5");
      await clickAndWait(page, "#rank-change");
      expect(await page.isHidden("#error")).toBe(true);
      expect(await page.textContent("#status")).toContain(changeSheet);
      const chart = await page.evaluate(
        (s) =>
          (window as unknown as { __fake: { state(): { sheets: { name: string; charts: { type: string; valueReversed: boolean }[] }[] } } }).__fake
            .state()
            .sheets.find((x) => x.name === s)!.charts[0],
        changeSheet,
      );
      expect(chart).toMatchObject({ type: "LineMarkers", valueReversed: true });
      await shoot(page, `taskpane-years-${lang.slice(0, 2)}.png`);
      await page.close();
    },
  );

  it("computes the impact and the robustness with the scaling method chosen under Options", async () => {
    const raw = rawIndicatorCells(40, 17);
    const { page } = await openPane({ sheets: [{ name: "Raw", cells: raw }], selection: "Raw!A1", displayLanguage: "en-US" });
    await clickAndWait(page, "#use-selection");
    await page.selectOption("#method", "rank");
    await page.click("#insert-weights");
    await page.waitForFunction(() => !(document.querySelector("#impact") as HTMLElement).hidden);
    const where = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { state(): { sheets: { name: string; tables: { name: string }[] }[] } } }).__fake;
      return fake.state().sheets.find((x) => x.tables.some((t) => t.name.startsWith("ZBDS_Weights")))!.name;
    });
    // Goods from 40% to 10% in its four rows (C2:C5 of the inserted table).
    await page.evaluate(
      (sheet) =>
        (window as unknown as { __fake: { setValues(s: string, a: string, v: unknown[][]): void } }).__fake.setValues(sheet, "C2:C5", [
          [0.1],
          [0.1],
          [0.1],
          [0.1],
        ]),
      where,
    );
    await page.waitForFunction(() => (document.querySelector("#diff-report")?.textContent ?? "").includes("40% → 10%"));
    const spearman = Number(await page.textContent("#impact-body dl dd"));

    // The engine's Spearman under percentile-rank scaling, and under the default min–max: they differ, so the pane's tells which it used
    // (sub-indices rescaled to a maximum of 100, the Options' default).
    const edited = parseWeightTable(weightTableToCells("id").map((r, i) => (i >= 1 && i <= 4 ? [r[0], r[1], 0.1, r[3]] : r)));
    const spearmanOf = (method: "rank" | "minmax") => {
      const before = computeIndex(raw, { method, rescale: true }).total;
      const after = computeIndex(raw, { method, weights: edited, rescale: true }).total;
      return Number(compareRankings(before, after, 100).spearman.toFixed(4));
    };
    expect(spearmanOf("rank")).not.toBe(spearmanOf("minmax"));
    expect(spearman).toBe(spearmanOf("rank"));

    await page.click("#write-impact");
    await page.waitForFunction(() => (document.querySelector("#weights-status")?.textContent ?? "").includes("Impact"));
    const note = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { values(s: string, a: string): unknown[][] } }).__fake;
      return fake.values("Impact", "A1:B60").map((r) => `${r[0]}|${r[1]}`);
    });
    expect(note.find((l) => l.startsWith("Scaling|"))).toContain("Percentile rank (0–100)");

    await page.fill("#mc-runs", "50");
    await page.click("#run-robust");
    await page.waitForFunction(() => (document.querySelector("#weights-status")?.textContent ?? "").includes("50 runs"));
    const robust = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { values(s: string, a: string): unknown[][] } }).__fake;
      return fake.values("Robustness", "H1:I40").map((r) => `${r[0]}|${r[1]}`);
    });
    expect(robust.find((l) => l.startsWith("Scaling|"))).toContain("Percentile rank (0–100)");
    await page.close();
  }, 60_000);

  it.each([
    ["en-US", "Weights (entropy)", "AHP matrix", "Weights (AHP)"],
    ["zh-CN", "权重（熵权法）", "判断矩阵", "权重（层次分析法）"],
  ])(
    "in %s: weights from the data (entropy) and from an AHP matrix, each inserted as a weight table, checked and compared",
    async (lang, entropySheet, ahpSheet, ahpWeightsSheet) => {
      const raw = rawIndicatorCells(40, 23);
      const { page } = await openPane({ sheets: [{ name: "Raw", cells: raw }], selection: "Raw!A1", displayLanguage: lang });
      await page.setViewportSize({ width: 350, height: 900 });
      const fake = (expr: string, ...args: unknown[]) =>
        page.evaluate(([e, a]) => new Function("fake", "args", `return ${e as string}`)((window as unknown as { __fake: unknown }).__fake, a), [
          expr,
          args,
        ] as const);
      const statusIncludes = (s: string) =>
        page.waitForFunction((x) => (document.querySelector("#weights-status")?.textContent ?? "").includes(x), s, { timeout: 20_000 });
      await clickAndWait(page, "#use-selection");
      await page.click("#from-data summary");
      expect(await page.isVisible("#ahp-options")).toBe(false);

      // Entropy: the weights LIVEDATAWEIGHTS computes from the same table (core's dataWeights), on a sheet of their own.
      await page.selectOption("#data-method", "entropy");
      await page.click("#data-weights");
      await statusIncludes(entropySheet);
      const inserted = (await fake("fake.values(args[0], 'A1:D20')", entropySheet)) as unknown[][];
      const expected = dataWeights(computeIndex(raw), "entropy", "indicator").table;
      inserted.slice(1).forEach((r, i) => expect(r[3] as number).toBeCloseTo(expected.givenIndicators[i], 10));
      // Chosen and checked at once, and compared with the report's weights.
      expect(await page.inputValue("#weight-table")).toMatch(/^ZBDS_Weights/);
      await page.waitForFunction(() => (document.querySelector("#diff-report")?.textContent ?? "").match(/changed|项/));
      expect(await page.isHidden("#weights-error")).toBe(true);

      // AHP: the template, its judgements typed (the lower triangle as Excel computes its formulas), then the matrix selected.
      await page.selectOption("#data-method", "ahp");
      expect(await page.isVisible("#ahp-options")).toBe(true);
      expect(await page.isVisible("#data-levels-row")).toBe(false);
      // The five sub-indices by default.
      expect(await page.inputValue("#ahp-level")).toBe("dimensions");
      await page.click("#insert-ahp");
      await statusIncludes(ahpSheet);
      const upper = [
        [1, 2, 3, 3, 7],
        [0, 1, 2, 2, 5],
        [0, 0, 1, 1, 3],
        [0, 0, 0, 1, 3],
        [0, 0, 0, 0, 1],
      ];
      const m = upper.map((r, i) => r.map((v, j) => (j >= i ? v : 1 / upper[j][i])));
      // The template selects its matrix (corner included): the judgements start one cell down and right of it.
      const corner = (await fake("fake.state().selection")) as string;
      const [, c0, r0] = /([A-Z]+)(\d+)/.exec(corner.split("!").pop()!)!;
      const first = `${String.fromCharCode(c0.charCodeAt(0) + 1)}${Number(r0) + 1}`;
      const last = `${String.fromCharCode(c0.charCodeAt(0) + 5)}${Number(r0) + 5}`;
      await fake("fake.setValues(args[0], args[1], args[2])", ahpSheet, `${first}:${last}`, m);
      await page.click("#data-weights");
      await statusIncludes(ahpWeightsSheet);
      expect(await page.textContent("#weights-status")).toMatch(/CR = 0\.00\d\d/);
      const ahpWeights = ahp(m).weights;
      const written = (await fake("fake.values(args[0], 'A1:C20')", ahpWeightsSheet)) as unknown[][];
      // Goods (rows 2–5), supply (6–11), viewing (12–14), quality (15–18), industry (19–20): the first-level weights from the matrix.
      [1, 5, 11, 14, 18].forEach((row, d) => expect(written[row][2] as number).toBeCloseTo(ahpWeights[d], 10));
      await shoot(page, `taskpane-from-data-${lang.slice(0, 2)}.png`);
      // The part itself, at the pane's width, to look at closely.
      await page.locator("#from-data").screenshot({ path: path.join(SHOTS, `taskpane-from-data-part-${lang.slice(0, 2)}.png`) });

      // A selection that is no matrix: said in words, and no sheet added.
      const before = ((await fake("fake.state().sheets.map((x) => x.name)")) as string[]).length;
      await fake("fake.select('Raw!A1:C3')");
      await page.click("#data-weights");
      await page.waitForFunction(() => !(document.querySelector("#weights-error") as HTMLElement).hidden);
      expect(await page.textContent("#weights-error")).toMatch(/matrix|矩阵/);
      expect(((await fake("fake.state().sheets.map((x) => x.name)")) as string[]).length).toBe(before);
      await page.close();
    },
    90_000,
  );

  it("runs the analysis of the assumptions ticked in a Web Worker: the uncertainty sheet with its indices and two charts, the engine's numbers", async () => {
    const raw = rawIndicatorCells(60, 29);
    const { page } = await openPane({ sheets: [{ name: "Raw", cells: raw }], selection: "Raw!A1", displayLanguage: "en-US" });
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await clickAndWait(page, "#use-selection");
    // A weight table of the workbook is a weight set to choose from, beside the report's and the data's.
    await page.click("#insert-weights");
    await page.waitForFunction(() => document.querySelector("#u-weightSet-alts input[data-table]") !== null);
    await page.check("#u-weightSet");
    await page.check("#u-weightSet-alts input[data-table]");
    // The alternatives show once their assumption is ticked: two of each ticked to start with.
    expect(await page.isVisible("#u-scaling-alts")).toBe(false);
    await page.check("#u-scaling");
    await page.check("#u-aggregate");
    expect(await page.isVisible("#u-scaling-alts")).toBe(true);
    await page.setViewportSize({ width: 350, height: 900 });
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.locator("#robust").screenshot({ path: path.join(SHOTS, "taskpane-robust-part-en.png") });
    await page.fill("#mc-runs", "60");
    await page.click("#run-robust");
    await page.waitForFunction(() => (document.querySelector("#weights-status")?.textContent ?? "").includes("Uncertainty"), null, { timeout: 30_000 });
    expect(await page.textContent("#weights-status")).toContain("360 runs, seed 2021");
    expect(workers.some((u) => u.endsWith("/analysis-worker.js"))).toBe(true);
    const state = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: { state(): { sheets: { name: string; charts: { title: string | null; legendVisible: boolean }[] }[] } } })
        .__fake;
      return fake.state().sheets.find((x) => x.name === "Uncertainty")!;
    });
    expect(state.charts.map((c) => [c.title, c.legendVisible])).toEqual([
      ["Sensitivity indices by assumption (Sᵢ and S_Tᵢ)", true],
      ["Rank intervals of the top 100 (5th to 95th percentile)", false],
    ]);
    // The numbers the engine gives the same job (the Options' scaling with sub-indices rescaled, as the pane sends it).
    const parsed = readAssumptions("weights=0.25; weightset=given,entropy; scaling=minmax,rank; aggregate=mean,geometric");
    const expected = startJob({
      cells: raw,
      request: { rescale: true },
      assumptions: { ...parsed, weightSet: [...parsed.weightSet!, "table:ZBDS_Weights"] },
      runs: 60,
      seed: 2021,
      tables: [{ name: "ZBDS_Weights", table: REPORT_WEIGHT_TABLE }],
    });
    expected.run.step(expected.run.total);
    const outcome = expected.outcome();
    if (outcome.kind !== "assumptions") throw new Error("expected the assumptions' analysis");
    const sheet = await page.evaluate(() =>
      (window as unknown as { __fake: { values(s: string, a: string): unknown[][] } }).__fake.values("Uncertainty", "A1:Z80"),
    );
    const header = sheet.findIndex((r) => r.includes("Total order S_Tᵢ"));
    const col = sheet[header].indexOf("Assumption");
    const row = (name: string) => sheet.slice(header + 1).find((r) => r[col] === name)!;
    expect(row("Weight set")[col + 2]).toBeCloseTo(outcome.indices.total[1], 12);
    expect(row("Scaling method")[col + 2]).toBeCloseTo(outcome.indices.total[2], 12);
    expect(row("Aggregation")[col + 1]).toBeCloseTo(outcome.indices.first[3], 12);
    await page.close();
  }, 60_000);

  it("shows the worker's progress, stays responsive, and a cancel leaves no sheet behind", async () => {
    const raw = rawIndicatorCells(3000, 31);
    const { page } = await openPane({ sheets: [{ name: "Raw", cells: raw }], selection: "Raw!A1", displayLanguage: "zh-CN" });
    await clickAndWait(page, "#use-selection");
    await page.check("#u-scaling");
    await page.setViewportSize({ width: 350, height: 900 });
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.locator("#robust").screenshot({ path: path.join(SHOTS, "taskpane-robust-part-zh.png") });
    await page.fill("#mc-runs", "2000");
    const started = page.waitForEvent("worker");
    await page.click("#run-robust");
    await page.waitForFunction(() => /已完成 \d+ \/ 8000 次/.test(document.querySelector("#robust-text")?.textContent ?? ""), null, { timeout: 30_000 });
    // Chromium runs the WebAssembly kernels in the worker (the pane's own policy would refuse them).
    expect(await (await started).evaluate(() => (self as unknown as { analysisKernels: string }).analysisKernels)).toBe("WebAssembly");
    // The pane answers while the runs go on: a click on the details opens them at once.
    const t0 = Date.now();
    await page.click("#from-data summary");
    expect(Date.now() - t0).toBeLessThan(2000);
    await page.click("#cancel-robust");
    await page.waitForFunction(() => (document.querySelector("#weights-status")?.textContent ?? "").includes("已取消"), null, { timeout: 10_000 });
    const sheets = await page.evaluate(() =>
      (window as unknown as { __fake: { state(): { sheets: { name: string }[] } } }).__fake.state().sheets.map((x) => x.name),
    );
    expect(sheets).toEqual(["Raw"]);
    expect(await page.isVisible("#cancel-robust")).toBe(false);
    await page.close();
  }, 90_000);

  it("shows cell text as text: a header and a district that look like markup stay characters", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const { page, dialogs } = await openPane({
      sheets: [
        {
          name: "Data",
          cells: [
            ["区", evil, "直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数"],
            [evil, 1, 10, 20, 30, 40, 50],
            ["B区", 2, 50, 40, 30, 20, 10],
          ],
        },
      ],
      selection: "Data!A1",
      displayLanguage: "en-US",
    });
    await clickAndWait(page, "#use-selection");
    expect(await page.textContent("#mapping-rows tr:nth-child(2) td")).toContain(evil);
    await clickAndWait(page, "#generate");
    expect(await page.isHidden("#error")).toBe(true);
    expect(await page.locator("img").count()).toBe(0);
    const names = await page.evaluate(() =>
      (window as unknown as { __fake: { values(sheet: string, a: string): unknown[][] } }).__fake.values("Ranking", "D3:D4").map((r) => r[0]),
    );
    expect(names).toContain(evil);
    expect(dialogs).toEqual([]);
    await page.close();
  }, 60_000);

  it.each([["zh-CN"], ["en-US"]])(
    "in %s: says how many rows are hidden and, with Visible rows only ticked, ranks only the rows shown",
    async (lang) => {
      // The Top-100 table with rows 3 and 4 (上海 黄浦区 / 广州 白云区 …) hidden by a filter.
      const { page } = await openPane({
        sheets: [{ name: "Data", cells: top100Cells(), hiddenRows: [3, 4] }],
        selection: "Data!A1",
        displayLanguage: lang,
      });
      await clickAndWait(page, "#use-selection");
      expect(await page.textContent("#source")).toMatch(lang === "zh-CN" ? /列，其中 2 行被隐藏/ : /2 of these rows are hidden/);
      expect(await page.isVisible("#visible-only-row")).toBe(true);
      await shoot(page, `taskpane-hidden-rows-${lang.slice(0, 2)}.png`);
      await page.check("#visible-only");
      await clickAndWait(page, "#generate");
      expect(await page.isHidden("#error")).toBe(true);
      const sheet = lang === "zh-CN" ? "排名" : "Ranking";
      const districts = await page.evaluate(
        (s) => (window as unknown as { __fake: { values(sheet: string, a: string): unknown[][] } }).__fake.values(s, "D3:D102").map((r) => r[0]),
        sheet,
      );
      const hidden = [top100Cells()[2][3], top100Cells()[3][3]];
      expect(districts.filter((d) => d !== "").length).toBe(98);
      expect(districts.filter((d) => hidden.includes(d as string))).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it("at 350 px: dropdown labels that differ, a fixed column no longer marked, one status line for the last action", async () => {
    const cells = [
      ["区县", "直播商品消费指数", "供给", "直播内容消费指数", "直播质量指数", "产业促进指数"],
      ["甲区", 10, 20, 30, 40, 50],
      ["乙区", 50, 40, 30, 20, 10],
    ];
    const { page } = await openPane({ sheets: [{ name: "Data", cells }], selection: "Data!A1", displayLanguage: "zh-CN" });
    await page.setViewportSize({ width: 350, height: 900 });
    await clickAndWait(page, "#use-selection");
    // Every option of a dropdown has its own visible text (indicator names without the report's 该区县…指数 wrapping).
    const labels = await page.evaluate(() => Array.from(document.querySelectorAll("#map-0 option"), (o) => o.textContent));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain("主播直播引导成交额");
    expect(labels).toContain("主播直播引导成交额增长率");
    // 供给 is not recognised until given its meaning by hand.
    expect(await page.textContent("#mapping-rows tr:nth-child(3) .flag-note")).toBe("未识别");
    await page.selectOption("#map-2", "dim:supply");
    expect(await page.textContent("#mapping-rows tr:nth-child(3) .flag-note")).toBe("");
    await clickAndWait(page, "#generate");
    expect(await page.textContent("#status")).toContain("排名");
    // The next action's status replaces it: the main line is cleared, the weights line says what was inserted.
    await page.click("#insert-weights");
    await page.waitForFunction(() => (document.querySelector("#weights-status")?.textContent ?? "").includes("已插入权重表"));
    expect(await page.textContent("#status")).toBe("");
    // No hidden rows in this table: the "visible rows only" box is not shown.
    expect(await page.isVisible("#visible-only-row")).toBe(false);
    await shoot(page, "taskpane-mapping-zh.png");
    await page.close();
  }, 60_000);

  it("says in words when there is nothing to rank, and writes nothing", async () => {
    const { page } = await openPane(emptyWorkbook("zh-CN"));
    await clickAndWait(page, "#generate");
    expect(await page.isHidden("#error")).toBe(false);
    expect((await page.textContent("#error"))!.length).toBeGreaterThan(5);
    expect(await page.textContent("#error")).not.toMatch(/at \w+ \(|TypeError|undefined/);
    const sheets = await page.evaluate(() =>
      (window as unknown as { __fake: { state(): { sheets: { name: string }[] } } }).__fake.state().sheets.map((s) => s.name),
    );
    expect(sheets).toEqual(["Sheet1"]);
    await page.close();
  }, 60_000);

  it("carries a Content-Security-Policy that allows scripts only from its own origin and Office's CDN", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    // The production build minifies the page, so the attribute may lose its quotes.
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1].trim().split(/\s+/);
    expect(scriptSrc).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
  });
});
