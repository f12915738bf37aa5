/**
 * The task pane's weights section: insert a weight table, check it (a click on a finding selects
 * its cell), compare it with the report's weights and the workbook's baseline, show what it does
 * to the ranking, save a baseline, watch the table for edits, and run the robustness analysis.
 * Views only: the work is in src/core (checks, comparisons, impact, Monte Carlo) and src/excel.
 */
import type { ColumnKey } from "../core/headers";
import { compareRankings, RankImpact } from "../core/impact";
import type { PipelineOptions } from "../core/options";
import type { ScalingMethodName } from "../core/scaling";
import { readSensitivityOptions } from "../core/sensitivity";
import { ASSUMPTION_KEYS, assumptionsText, readAssumptions } from "../core/assumptions";
import type { AnalysisJob } from "../core/analysis-job";
import type { JobHandle } from "./analysis-client";
import { changeName, compareWeights, indicatorWeightChanges } from "../core/weight-compare";
import { checkWeights, describeFinding, REPORT_WEIGHT_TABLE, WeightFinding, WeightTable } from "../core/weights";
import { shortName } from "../core/headers";
import { IndexRun, runIndex } from "../core/workflow";
import { UserError } from "../core/errors";
import { applySheetPlan } from "../excel/apply-plan";
import { loadBaseline, saveBaseline } from "../excel/baseline";
import type { ExcelRunner } from "../excel/host";
import type { SourceTable } from "../excel/source";
import { watchWeightTable } from "../excel/watch";
import { insertAhpSheet, insertWeightSheet, readWeightTableAt, selectCell } from "../excel/weight-sheet";
import { readSource } from "../excel/source";
import { ahpOfRange, ahpWeightTable } from "../core/ahp";
import { DataWeightMethod, dataWeights } from "../core/data-weights";
import { DIMENSIONS, INDICATORS } from "../core/framework";
import type { AhpLevel } from "../plans/ahp-sheet";
import { listWeightTables } from "../excel/weights";
import { planImpactSheet, planRobustnessSheet, planUncertaintySheet } from "../plans/analysis-sheets";
import {
  indicatorWeightsIgnored,
  Lang,
  SEVERITY_LABELS,
  UNCERTAINTY_TEXT,
  WEIGHTS_PANE_TEXT,
  WeightsPaneText,
  weightsLabel,
  WeightsSource,
  WORDS,
} from "../text";
import { byId, fillChoices, taskOutput } from "./dom";
import { Progress, TaskOutput, TaskRunner } from "./runner";

export interface WeightsPaneEnv {
  readonly lang: Lang;
  readonly run: ExcelRunner;
  /** The pane's one task runner, shared with the other sections. */
  readonly runner: TaskRunner;
  readonly now: () => string;
  readonly version: string;
  /** The data the user read in the Data section, its column mapping and the scaling chosen under Options (null before any). */
  readonly data: () => { source: SourceTable; keys: readonly ColumnKey[]; method: ScalingMethodName; rescale: boolean; pipeline: PipelineOptions } | null;
  /** The size of the top group (the Options section's N). */
  readonly topN: () => number;
  /** Starts a robustness job: in the Web Worker in a page (src/taskpane/analysis-client.ts). */
  readonly startJob: (job: AnalysisJob, onProgress: (completed: number, total: number) => void) => JobHandle;
  /** Told the names of the workbook's weight tables whenever they are listed. */
  readonly onTablesListed: (names: readonly string[]) => void;
}

interface CheckedTable {
  readonly name: string;
  readonly sheetName: string;
  readonly top: number;
  readonly left: number;
  readonly table: WeightTable | null;
}

/** Wires the weights section of the page. */
export function mountWeightsPane(doc: Document, env: WeightsPaneEnv): WeightsPane {
  const t = WEIGHTS_PANE_TEXT[env.lang];
  doc.querySelectorAll<HTMLElement>("[data-w]").forEach((el) => {
    const v = (t as unknown as Record<string, unknown>)[el.dataset.w!];
    if (typeof v === "string") el.textContent = v;
  });
  const pane = new WeightsPane(doc, env, t);
  // Weights from the data: the methods, and for AHP what its template compares.
  const method = byId(doc, "data-method") as HTMLSelectElement;
  fillChoices(method, t.dataMethods);
  fillChoices(byId(doc, "ahp-level") as HTMLSelectElement, {
    dimensions: t.ahpDimensions,
    // By id, not by position: an object lists integer-like keys first, which would put "0" before "dimensions".
    ...Object.fromEntries(DIMENSIONS.map((d) => [d.id, t.ahpIndicators(d[env.lang])])),
  });
  buildAssumptionList(doc, t, env.lang);
  method.addEventListener("change", () => {
    byId(doc, "ahp-options").hidden = method.value !== "ahp";
    byId(doc, "data-levels-row").hidden = method.value === "ahp";
  });
  const actions: Record<string, (progress: Progress) => Promise<void>> = {
    "insert-weights": () => pane.insert(),
    "check-weights": () => pane.check(),
    "save-baseline": () => pane.saveBaseline(),
    "write-impact": (progress) => pane.writeImpact(progress),
    "run-robust": (progress) => pane.runRobustness(progress),
    "insert-ahp": () => pane.insertAhp(),
    "data-weights": () => pane.weightsFromData(),
  };
  for (const [id, action] of Object.entries(actions)) {
    const button = byId(doc, id) as HTMLButtonElement;
    env.runner.register(button);
    button.addEventListener("click", () => void pane.task(action));
  }
  byId(doc, "cancel-robust").addEventListener("click", () => pane.cancel());
  for (const id of ["weight-table", "live", "impact-top"]) byId(doc, id).addEventListener("change", () => void pane.task(() => pane.tableChosen()));
  return pane;
}

/** A run of the index kept while its inputs are unchanged: the baseline's, reused on every weight edit. */
interface CachedRun {
  readonly cells: unknown;
  readonly keys: string;
  readonly method: ScalingMethodName;
  readonly rescale: boolean;
  /** The data treatment, as JSON (the cache's key). */
  readonly pipeline: string;
  /** The given weights, as text: two tables with the same weights share a run. */
  readonly weights: string;
  readonly run: IndexRun;
}

export class WeightsPane {
  private checked: CheckedTable | null = null;
  private lastImpact: { impact: RankImpact; after: IndexRun; baseline: WeightsSource } | null = null;
  private unwatch: (() => Promise<void>) | null = null;
  private job: JobHandle | null = null;
  private cache: CachedRun[] = [];

  constructor(
    private readonly doc: Document,
    private readonly env: WeightsPaneEnv,
    private readonly t: WeightsPaneText,
  ) {}

  get output(): TaskOutput {
    return taskOutput(this.doc, { error: "weights-error", status: "weights-status", progress: "robust-progress", bar: "robust-bar", text: "robust-text" });
  }

  /** Runs an action of this section through the pane's one runner. */
  task(body: (progress: Progress) => Promise<void>, options: { readonly background?: boolean } = {}): Promise<boolean> {
    return this.env.runner.run(this.output, body, options);
  }

  /** Lists the tables and checks the chosen one (when the pane opens). */
  refreshNow(): Promise<void> {
    return this.task(() => this.refresh(), { background: true }).then(() => undefined);
  }

  /** After the Data section read new data: the impact is shown against it. */
  afterDataRead(): void {
    if (this.checked) void this.task(() => this.check(), { background: true });
  }

  /** Lists the workbook's weight tables; picks `prefer` (or keeps the current choice) and checks it. */
  async refresh(prefer?: string): Promise<void> {
    // The list is a convenience: without it the report's weights remain available.
    const tables = await this.env.run((ctx) => listWeightTables(ctx)).catch(() => []);
    this.env.onTablesListed(tables.map((x) => x.name));
    this.listTableAlternatives(tables.map((x) => x.name));
    const sel = byId(this.doc, "weight-table") as HTMLSelectElement;
    const current = prefer ?? sel.value;
    sel.replaceChildren();
    if (tables.length === 0) {
      const opt = this.doc.createElement("option");
      opt.value = "";
      opt.textContent = this.t.noTables;
      sel.appendChild(opt);
    }
    for (const x of tables) {
      const opt = this.doc.createElement("option");
      opt.value = x.name;
      opt.textContent = x.name;
      sel.appendChild(opt);
    }
    sel.value = tables.some((x) => x.name === current) ? current : (tables[0]?.name ?? "");
    await this.tableChosen();
  }

  async insert(): Promise<void> {
    const inserted = await this.env.run((ctx) => insertWeightSheet(ctx, this.env.lang));
    await this.refresh(inserted.tableName);
    this.status(this.t.weightsInserted(inserted.sheetName, inserted.tableName));
  }

  /** Watches the chosen table (when live is on) and checks it. */
  async tableChosen(): Promise<void> {
    await this.unwatch?.().catch(() => undefined);
    this.unwatch = null;
    const name = this.tableName();
    if (name && (byId(this.doc, "live") as HTMLInputElement).checked) {
      this.unwatch = await watchWeightTable(this.env.run, name, () => {
        // An edit while another action runs is checked as soon as that action ends.
        this.env.runner.afterCurrent(() => void this.task(() => this.check(), { background: true }));
      }).catch(() => null);
    }
    if (name) await this.check();
  }

  /** Checks the chosen table, then compares it and shows its effect on the ranking. */
  async check(): Promise<void> {
    const name = this.tableName();
    if (!name) return;
    const at = await this.env.run((ctx) => readWeightTableAt(ctx, name));
    const check = checkWeights(at.cells);
    this.checked = { name, sheetName: at.sheetName, top: at.top, left: at.left, table: check.success ? check.table : null };
    this.renderFindings(check.findings);
    byId(this.doc, "compare").hidden = !check.success;
    byId(this.doc, "impact").hidden = true;
    if (!check.success) return;
    const baseline = await this.env.run((ctx) => loadBaseline(ctx)).catch(() => null);
    this.renderDiff("diff-report", REPORT_WEIGHT_TABLE, check.table);
    if (baseline) this.renderDiff("diff-baseline", baseline, check.table);
    else byId(this.doc, "diff-baseline").textContent = this.t.noBaseline;
    this.renderImpact(baseline, check.table);
  }

  async saveBaseline(): Promise<void> {
    if (!this.checked?.table) await this.check();
    const table = this.checked?.table;
    if (!table) return;
    const saved = await this.env.run((ctx) => saveBaseline(ctx, table, this.env.lang, this.env.now()));
    await this.check();
    this.status(this.t.baselineSaved(saved.logSheet, saved.logged));
  }

  async writeImpact(progress: Progress): Promise<void> {
    if (!this.lastImpact) return;
    const { impact, after, baseline } = this.lastImpact;
    const plan = planImpactSheet(impact, (row) => after.regionName(row, this.env.lang), {
      lang: this.env.lang,
      baseline,
      current: this.currentSource(),
      data: this.analysed(after),
      generatedAt: this.env.now(),
      version: this.env.version,
    });
    const written = await this.env.run((ctx) => applySheetPlan(ctx, plan, { onProgress: progress }));
    this.status(this.t.impactWritten(written.sheetName));
  }

  /**
   * The robustness analysis of the assumptions ticked, in the Web Worker (the pane stays
   * responsive), with progress and a cancel button; then its sheet: the weights' Monte Carlo with
   * the leave-one-out check when the weights alone are uncertain, else the uncertainty sheet with
   * the sensitivity indices.
   */
  async runRobustness(progress: Progress): Promise<void> {
    const data = this.env.data();
    const run = this.runData(this.currentWeights());
    if (!data || !run) {
      this.error(this.t.impactNeedsData);
      return;
    }
    const spread = this.numberInput("mc-spread", this.t.spread) / 100;
    const runs = this.numberInput("mc-runs", this.t.runs);
    const seed = this.numberInput("mc-seed", this.t.seed);
    // The workbook's tables are not words the formulas know: read apart, then added to the weight sets.
    const parsed = readAssumptions(this.assumptionsText(spread));
    const tables = await this.tickedTables();
    const sets = [...(parsed.weightSet ?? []), ...tables.map((t) => `table:${t.name}` as const)];
    const assumptions = sets.length ? { ...parsed, weightSet: sets } : parsed;
    // Read as the formulas read them ("runs", "seed" refused by name): the same limits everywhere.
    const mc = readSensitivityOptions(runs, spread, seed);
    const job = {
      cells: data.source.values,
      request: { weights: this.currentWeights(), method: data.method, keys: data.keys, rescale: data.rescale, pipeline: data.pipeline },
      assumptions,
      runs: mc.runs,
      seed: mc.seed,
      tables,
    };
    byId(this.doc, "cancel-robust").hidden = false;
    try {
      this.job = this.env.startJob(job, (done, total) => progress((0.9 * done) / total, "simulate", this.t.robustProgress(done, total)));
      const outcome = await this.job.done;
      if (!outcome) {
        this.status(this.t.cancelled);
        return;
      }
      const common = { lang: this.env.lang, topN: this.env.topN(), data: this.analysed(run), generatedAt: this.env.now(), version: this.env.version };
      const names = (row: number) => run.regionName(row, this.env.lang);
      const plan =
        outcome.kind === "weights"
          ? planRobustnessSheet(outcome.result, names, { ...common, leaveOneOut: outcome.leaveOneOut, weights: this.currentSource() })
          : planUncertaintySheet(outcome.uncertainty, outcome.indices, names, {
              ...common,
              assumptions: assumptionsText(assumptions),
              weights: this.currentSource(),
            });
      const written = await this.env.run((ctx) => applySheetPlan(ctx, plan, { onProgress: (f, step) => progress(0.9 + 0.1 * f, step) }));
      if (outcome.kind === "weights") this.status(this.t.robustWritten(written.sheetName, outcome.result.runs, outcome.result.seed));
      else this.status(this.t.sobolWritten(written.sheetName, outcome.indices.n * (outcome.indices.assumptions.length + 2), mc.seed));
    } finally {
      this.job = null;
      byId(this.doc, "cancel-robust").hidden = true;
    }
  }

  /** The workbook's weight tables among the weight sets' alternatives (after the fixed ones), kept ticked across listings. */
  private listTableAlternatives(names: readonly string[]): void {
    const box = byId(this.doc, "u-weightSet-alts");
    const ticked = new Set(Array.from(box.querySelectorAll<HTMLInputElement>("input[data-table]:checked"), (x) => x.dataset.table!));
    box.querySelectorAll("label[data-table]").forEach((l) => l.remove());
    for (const name of names) {
      const l = this.doc.createElement("label");
      l.className = "inline";
      l.dataset.table = name;
      const c = this.doc.createElement("input");
      c.type = "checkbox";
      c.value = `table:${name}`;
      c.dataset.table = name;
      c.checked = ticked.has(name);
      l.append(c, this.doc.createTextNode(` ${name}`));
      box.appendChild(l);
    }
  }

  /** The workbook tables ticked as weight sets, read and checked (a table with errors is said, by name). */
  private async tickedTables(): Promise<{ name: string; table: WeightTable }[]> {
    if (!(byId(this.doc, "u-weightSet") as HTMLInputElement).checked) return [];
    const names = Array.from(this.doc.querySelectorAll<HTMLInputElement>("#u-weightSet-alts input[data-table]:checked"), (x) => x.dataset.table!);
    const out: { name: string; table: WeightTable }[] = [];
    for (const name of names) {
      const at = await this.env.run((ctx) => readWeightTableAt(ctx, name));
      const check = checkWeights(at.cells);
      if (!check.success) throw new UserError("WEIGHT_SET_INVALID", { name, count: check.findings.filter((f) => f.severity === "error").length });
      out.push({ name, table: check.table });
    }
    return out;
  }

  /** The assumptions ticked, in the text form the functions read ("weights=0.25; scaling=minmax,rank"). */
  private assumptionsText(spread: number): string {
    const parts: string[] = [];
    if ((byId(this.doc, "u-weights") as HTMLInputElement).checked && spread > 0) parts.push(`weights=${spread}`);
    for (const key of DISCRETE_ASSUMPTIONS) {
      if (!(byId(this.doc, `u-${key}`) as HTMLInputElement).checked) continue;
      const picked = Array.from(this.doc.querySelectorAll<HTMLInputElement>(`#u-${key}-alts input:checked:not([data-table])`), (x) => x.value);
      if (picked.length) parts.push(`${key === "weightSet" ? "weightset" : key}=${picked.join(",")}`);
    }
    return parts.join("; ");
  }

  cancel(): void {
    this.job?.cancel();
  }

  /** Inserts the AHP template for the level chosen, its matrix selected. */
  async insertAhp(): Promise<void> {
    const v = (byId(this.doc, "ahp-level") as HTMLSelectElement).value;
    const level: AhpLevel = v === "dimensions" ? "dimensions" : DIMENSIONS.findIndex((d) => d.id === v);
    const inserted = await this.env.run((ctx) => insertAhpSheet(ctx, this.env.lang, level));
    this.status(this.t.ahpInserted(inserted.sheetName));
  }

  /**
   * Weights from the data (the Data section's table, as LIVEDATAWEIGHTS computes them) or from the
   * AHP matrix selected (as LIVEAHP), inserted as a weight table, which is then listed, chosen and
   * checked as any other.
   */
  async weightsFromData(): Promise<void> {
    const method = (byId(this.doc, "data-method") as HTMLSelectElement).value as DataWeightMethod | "ahp";
    const label = this.t.dataMethodShort[method];
    let table: WeightTable;
    let note = "";
    if (method === "ahp") {
      const source = await this.env.run((ctx) => readSource(ctx));
      // Cells named as in the sheet: "判断矩阵!C7 must be its reciprocal".
      const { names, result } = ahpOfRange(source.values, { row: source.top, column: source.left });
      if (!result.acceptable) throw new UserError("AHP_NOT_ACCEPTABLE", { cr: result.cr.toFixed(4) });
      table = ahpWeightTable(names, result.weights);
      note = this.t.ahpConsistency(result.cr.toFixed(4));
    } else {
      const data = this.env.data();
      if (!data) {
        this.error(this.t.dataWeightsNeedData);
        return;
      }
      const run = runIndex(data.source.values, { method: data.method, keys: data.keys, pipeline: data.pipeline });
      const levels = (byId(this.doc, "data-levels") as HTMLInputElement).checked ? "both" : "indicator";
      const weights = dataWeights(run.result, method, levels);
      table = weights.table;
      const names = weights.unweighted.map((i) => INDICATORS[i][this.env.lang]);
      if (names.length) note = this.t.unweighted(names.join(WORDS.listSeparator[this.env.lang]));
    }
    const inserted = await this.env.run((ctx) => insertWeightSheet(ctx, this.env.lang, table, this.t.dataWeightsSheet(label)));
    await this.refresh(inserted.tableName);
    this.status([this.t.dataWeightsInserted(label, inserted.sheetName, inserted.tableName), note].filter(Boolean).join(" "));
  }

  // ---- views ---------------------------------------------------------------------------------

  private renderFindings(findings: readonly WeightFinding[]): void {
    byId(this.doc, "findings").hidden = false;
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.filter((f) => f.severity === "warning").length;
    byId(this.doc, "findings-summary").textContent = findings.length ? this.t.findingCount(errors, warnings) : this.t.findingsOk;
    const list = byId(this.doc, "findings-list");
    list.replaceChildren();
    for (const f of findings) {
      const li = this.doc.createElement("li");
      li.className = f.severity;
      const button = this.doc.createElement("button");
      button.type = "button";
      const sev = this.doc.createElement("span");
      sev.className = "sev";
      sev.textContent = SEVERITY_LABELS[f.severity][this.env.lang];
      button.append(sev, this.doc.createTextNode(describeFinding(f, this.env.lang)));
      const at = this.checked;
      if (at && f.row !== null) {
        const row = at.top + f.row;
        const col = at.left + (f.column ?? 0);
        button.title = this.t.selectCell(`${at.sheetName}!R${row + 1}C${col + 1}`);
        button.addEventListener("click", () => void this.task(() => this.env.run((ctx) => selectCell(ctx, at.sheetName, row, col))));
      } else {
        button.disabled = true;
      }
      li.appendChild(button);
      list.appendChild(li);
    }
  }

  private renderDiff(id: string, baseline: WeightTable, current: WeightTable): void {
    const box = byId(this.doc, id);
    box.replaceChildren();
    const changes = compareWeights(baseline, current).filter((c) => c.changed);
    const p = this.doc.createElement("p");
    p.className = "diff";
    p.textContent = changes.length ? this.t.changed(changes.length) : this.t.noChange;
    box.appendChild(p);
    if (!changes.length) return;
    // A compact table: short names (the full name as a tooltip), then old → new of the weight and of its share of the total.
    const table = this.doc.createElement("table");
    table.className = "diff";
    const head = this.doc.createElement("tr");
    for (const h of [this.t.diffName, this.t.diffWeight, this.t.effective]) head.appendChild(text(this.doc, "th", h));
    table.appendChild(head);
    for (const c of changes) {
      const tr = this.doc.createElement("tr");
      const full = changeName(c, this.env.lang);
      const name = cell(this.doc, shortName(full, this.env.lang));
      name.title = full;
      tr.append(
        name,
        cell(this.doc, `${pct(c.oldWeight)} → ${pct(c.newWeight)}`, "num"),
        cell(this.doc, `${pct(c.oldEffective)} → ${pct(c.newEffective)}`, "num"),
      );
      table.appendChild(tr);
    }
    box.appendChild(table);
  }

  private renderImpact(baseline: WeightTable | null, current: WeightTable): void {
    const body = byId(this.doc, "impact-body");
    body.replaceChildren();
    byId(this.doc, "impact").hidden = false;
    const before = this.runData(baseline ?? REPORT_WEIGHT_TABLE);
    const after = this.runData(current);
    (byId(this.doc, "write-impact") as HTMLButtonElement).hidden = !before;
    if (!before || !after) {
      this.lastImpact = null;
      body.appendChild(text(this.doc, "p", this.t.impactNeedsData, "muted"));
      return;
    }
    const topN = this.impactTop(after.ranking.districts.length);
    const impact = compareRankings(before.result.total, after.result.total, topN, 5);
    const source: WeightsSource = baseline ? { kind: "baseline" } : { kind: "report" };
    this.lastImpact = { impact, after, baseline: source };
    body.appendChild(text(this.doc, "p", this.t.impactBase(weightsLabel(source, this.env.lang, "short")), "muted small"));
    const ignored = after.method === null ? indicatorWeightChanges(compareWeights(baseline ?? REPORT_WEIGHT_TABLE, current)) : 0;
    if (ignored) body.appendChild(text(this.doc, "p", indicatorWeightsIgnored(ignored)[this.env.lang], "muted small"));
    const dl = this.doc.createElement("dl");
    dl.className = "figures";
    const figure = (label: string, value: string) => dl.append(text(this.doc, "dt", label), text(this.doc, "dd", value));
    figure(this.t.spearman, Number.isFinite(impact.spearman) ? impact.spearman.toFixed(4) : "—");
    figure(this.t.meanShift, Number.isFinite(impact.meanAbsShift) ? impact.meanAbsShift.toFixed(2) : "—");
    body.appendChild(dl);
    // One short list each: a region per line.
    const list = (title: string, moves: RankImpact["entering"]) => {
      body.appendChild(text(this.doc, "h4", title));
      if (!moves.length) {
        body.appendChild(text(this.doc, "p", this.t.none, "diff"));
        return;
      }
      const ul = this.doc.createElement("ul");
      ul.className = "moves";
      for (const m of moves) ul.appendChild(text(this.doc, "li", this.t.move(after.regionName(m.row, this.env.lang), m.from, m.to)));
      body.appendChild(ul);
    };
    list(this.t.entering(topN), impact.entering);
    list(this.t.leaving(topN), impact.leaving);
    list(this.t.movedUp, impact.movedUp);
    list(this.t.movedDown, impact.movedDown);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /**
   * The top group the impact compares: the number typed in its field, else 10 for a table of 100
   * regions or fewer (with N = 100 on 100 regions nothing could enter or leave), else the Options' N.
   */
  private impactTop(regions: number): number {
    const field = byId(this.doc, "impact-top") as HTMLInputElement;
    const typed = Number(field.value);
    if (field.value !== "" && Number.isInteger(typed) && typed >= 1) return typed;
    const top = regions <= 100 ? Math.min(10, Math.max(1, regions - 1)) : this.env.topN();
    field.placeholder = String(top);
    return top;
  }

  private tableName(): string {
    return (byId(this.doc, "weight-table") as HTMLSelectElement).value;
  }

  private currentWeights(): WeightTable {
    return this.checked?.table ?? REPORT_WEIGHT_TABLE;
  }

  /** Where the weights analysed come from: the checked table, or the report's. */
  private currentSource(): WeightsSource {
    return this.checked?.table ? { kind: "table", name: this.checked.name } : { kind: "report" };
  }

  private analysed(run: IndexRun): { run: IndexRun; source: string } {
    const data = this.env.data();
    return { run, source: data ? data.source.address : "" };
  }

  /**
   * The Data section's table run under a weight table with the pane's mapping and scaling (the
   * one orchestration step), or null when there is no data yet. Runs are kept while the data, the
   * mapping, the method and the weights are the same, so that an edit of the weights recomputes
   * only the edited side.
   */
  private runData(weights: WeightTable): IndexRun | null {
    const data = this.env.data();
    if (!data) return null;
    const keys = data.keys.join("\u0001");
    // By the weights' values: the baseline is read anew from the workbook's settings on every check.
    const weightsKey = [...weights.givenDimensions, ...weights.givenIndicators].join(",");
    const hit = this.cache.find(
      (c) =>
        c.cells === data.source.values &&
        c.keys === keys &&
        c.method === data.method &&
        c.rescale === data.rescale &&
        c.pipeline === JSON.stringify(data.pipeline) &&
        c.weights === weightsKey,
    );
    if (hit) return hit.run;
    const run = runIndex(data.source.values, { weights, method: data.method, keys: data.keys, rescale: data.rescale, pipeline: data.pipeline });
    this.cache = [
      ...this.cache.slice(-1),
      { cells: data.source.values, keys, method: data.method, rescale: data.rescale, pipeline: JSON.stringify(data.pipeline), weights: weightsKey, run },
    ];
    return run;
  }

  private numberInput(id: string, label: string): number {
    const v = Number((byId(this.doc, id) as HTMLInputElement).value);
    if (!Number.isFinite(v)) throw new UserError("BAD_NUMBER_INPUT", { name: label, value: (byId(this.doc, id) as HTMLInputElement).value });
    return v;
  }

  private status(s: string): void {
    byId(this.doc, "weights-status").textContent = s;
  }

  private error(s: string): void {
    const el = byId(this.doc, "weights-error");
    el.textContent = s;
    el.hidden = s === "";
  }
}

/** The assumptions with alternatives to tick, in the order the analyses list them. */
const DISCRETE_ASSUMPTIONS = ASSUMPTION_KEYS.filter((k) => k !== "weights") as readonly Exclude<(typeof ASSUMPTION_KEYS)[number], "weights">[];
/** The alternatives ticked at first: two of each, the nominal choice among them. */
const FIRST_TICKED: Readonly<Record<(typeof DISCRETE_ASSUMPTIONS)[number], readonly string[]>> = {
  weightSet: ["given", "entropy"],
  scaling: ["minmax", "rank"],
  treat: ["none", "winsorise"],
  missing: ["report", "median"],
  aggregate: ["mean", "geometric"],
};

/**
 * The robustness section's assumptions: the weights' noise (ticked: the analysis as it always was),
 * then each discrete assumption with its alternatives, shown once the assumption is ticked.
 */
function buildAssumptionList(doc: Document, t: WeightsPaneText, lang: Lang): void {
  const list = byId(doc, "assumption-list");
  const names = UNCERTAINTY_TEXT[lang].assumption;
  const box = (id: string, label: string, checked: boolean) => {
    const l = doc.createElement("label");
    l.className = "inline";
    const input = doc.createElement("input");
    input.type = "checkbox";
    input.id = id;
    input.checked = checked;
    l.append(input, doc.createTextNode(` ${label}`));
    return { l, input };
  };
  list.appendChild(box("u-weights", names.weights, true).l);
  for (const key of DISCRETE_ASSUMPTIONS) {
    const { l, input } = box(`u-${key}`, names[key], false);
    const alts = doc.createElement("div");
    alts.id = `u-${key}-alts`;
    alts.className = "alternatives";
    alts.hidden = true;
    for (const [value, label] of Object.entries(t.alternatives[key])) {
      const a = doc.createElement("label");
      a.className = "inline";
      const c = doc.createElement("input");
      c.type = "checkbox";
      c.value = value;
      c.checked = FIRST_TICKED[key].includes(value);
      a.append(c, doc.createTextNode(` ${label}`));
      alts.appendChild(a);
    }
    input.addEventListener("change", () => (alts.hidden = !input.checked));
    list.append(l, alts);
  }
}

function cell(doc: Document, s: string, cls?: string): HTMLTableCellElement {
  const td = doc.createElement("td");
  td.textContent = s;
  if (cls) td.className = cls;
  return td;
}

function text<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, s: string, cls?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  el.textContent = s;
  if (cls) el.className = cls;
  return el;
}

function pct(x: number): string {
  return `${(Math.round(x * 10000) / 100).toString()}%`;
}
