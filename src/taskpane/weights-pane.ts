/**
 * The task pane's weights section: insert a weight table, check it (a click on a finding selects
 * its cell), compare it with the report's weights and the workbook's baseline, show what it does
 * to the ranking, save a baseline, watch the table for edits, and run the robustness analysis.
 * Views only: the work is in src/core (checks, comparisons, impact, Monte Carlo) and src/excel.
 */
import { formatError, isIndexError } from "../core/errors";
import { columnMapFromKeys, ColumnKey, looksLikeHeader } from "../core/headers";
import { compareRankings, RankImpact } from "../core/impact";
import { computeIndex, IndexResult } from "../core/pipeline";
import { regionName } from "../core/ranking";
import { getLeaveOneOut, startSensitivity } from "../core/sensitivity";
import { changeName, compareWeights } from "../core/weight-compare";
import { checkWeights, REPORT_WEIGHT_TABLE, WeightFinding, WeightTable, describeFinding } from "../core/weights";
import { planImpactSheet, planRobustnessSheet } from "../core/weight-sheets";
import { writeImpactSheet, writeRobustnessSheet } from "../excel/analysis-sheets";
import { loadBaseline, saveBaseline } from "../excel/baseline";
import type { SourceTable } from "../excel/source";
import { watchWeightTable } from "../excel/watch";
import { insertWeightSheet, readWeightTableAt, selectCell } from "../excel/weight-sheet";
import { listWeightTables } from "../excel/weights";
import type { ExcelRunner } from "./pane";
import type { TaskpaneLang } from "./strings";
import { weightText, WeightText } from "./weight-strings";

export interface WeightsPaneEnv {
  readonly lang: TaskpaneLang;
  readonly run: ExcelRunner;
  readonly now: () => string;
  readonly version: string;
  /** The data the user read in the Data section, and its column mapping (null before any). */
  readonly data: () => { source: SourceTable; keys: readonly ColumnKey[] } | null;
  /** The size of the top group (the Options section's N). */
  readonly topN: () => number;
  /** Lets the pane give the event loop a turn between Monte Carlo steps (setTimeout in a page). */
  readonly yieldToUi: () => Promise<void>;
  /** Told the names of the workbook's weight tables whenever they are listed. */
  readonly onTablesListed: (names: readonly string[]) => void;
}

const ACTION_BUTTONS = ["insert-weights", "check-weights", "save-baseline", "write-impact", "run-robust"];

interface CheckedTable {
  readonly name: string;
  readonly sheetName: string;
  readonly top: number;
  readonly left: number;
  readonly table: WeightTable | null;
}

/** Wires the weights section of the page. */
export function mountWeightsPane(doc: Document, env: WeightsPaneEnv): WeightsPane {
  const t = weightText(env.lang);
  doc.querySelectorAll<HTMLElement>("[data-w]").forEach((el) => {
    const v = (t as unknown as Record<string, unknown>)[el.dataset.w!];
    if (typeof v === "string") el.textContent = v;
  });
  const pane = new WeightsPane(doc, env, t);
  const actions: Record<string, () => Promise<void>> = {
    "insert-weights": () => pane.insert(),
    "check-weights": () => pane.check(),
    "save-baseline": () => pane.saveBaseline(),
    "write-impact": () => pane.writeImpact(),
    "run-robust": () => pane.runRobustness(),
  };
  for (const [id, action] of Object.entries(actions)) byId(doc, id).addEventListener("click", () => void pane.guard(action));
  byId(doc, "cancel-robust").addEventListener("click", () => pane.cancel());
  for (const id of ["weight-table", "live"]) byId(doc, id).addEventListener("change", () => void pane.guard(() => pane.tableChosen()));
  return pane;
}

export class WeightsPane {
  private checked: CheckedTable | null = null;
  private lastImpact: { impact: RankImpact; names: (row: number) => string; baselineLabel: string } | null = null;
  private unwatch: (() => Promise<void>) | null = null;
  private cancelled = false;
  private busy = false;
  private recheck = false;

  constructor(
    private readonly doc: Document,
    private readonly env: WeightsPaneEnv,
    private readonly t: WeightText,
  ) {}

  /** Lists the workbook's weight tables; picks `prefer` (or keeps the current choice) and checks it. */
  async refresh(prefer?: string): Promise<void> {
    // The list is a convenience: without it the report's weights remain available.
    const tables = await this.env.run((ctx) => listWeightTables(ctx)).catch(() => []);
    this.env.onTablesListed(tables.map((x) => x.name));
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
  }

  /** Watches the chosen table (when live is on) and checks it. */
  async tableChosen(): Promise<void> {
    await this.unwatch?.().catch(() => undefined);
    this.unwatch = null;
    const name = this.tableName();
    if (name && (byId(this.doc, "live") as HTMLInputElement).checked) {
      this.unwatch = await watchWeightTable(this.env.run, name, () => {
        // An edit while another action runs is checked as soon as that action ends.
        this.recheck = true;
        void this.guard(() => this.check());
      }).catch(() => null);
    }
    if (name) await this.check();
  }

  /** Checks the chosen table, then compares it and shows its effect on the ranking. */
  async check(): Promise<void> {
    this.recheck = false;
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

  async writeImpact(): Promise<void> {
    if (!this.lastImpact) return;
    const { impact, names } = this.lastImpact;
    const plan = planImpactSheet(impact, names, {
      lang: this.env.lang,
      baselineLabel: this.lastImpact.baselineLabel,
      currentLabel: this.checked?.name,
      generatedAt: this.env.now(),
      version: this.env.version,
    });
    const written = await this.env.run((ctx) => writeImpactSheet(ctx, plan));
    this.status(this.t.impactWritten(written.sheetName));
  }

  /** The Monte Carlo analysis, in steps, with progress and a cancel button; then its sheet. */
  async runRobustness(): Promise<void> {
    const data = this.computeData(this.currentWeights());
    if (!data) {
      this.error(this.t.impactNeedsData);
      return;
    }
    const runs = this.numberInput("mc-runs", this.t.runs);
    const spread = this.numberInput("mc-spread", this.t.spread) / 100;
    const seed = this.numberInput("mc-seed", this.t.seed);
    const weights = this.currentWeights();
    const run = startSensitivity(data.result, weights, { runs, spread, seed });
    this.cancelled = false;
    const bar = byId(this.doc, "robust-bar") as HTMLProgressElement;
    byId(this.doc, "robust-progress").hidden = false;
    byId(this.doc, "cancel-robust").hidden = false;
    try {
      const chunk = Math.max(1, Math.round(200_000 / Math.max(1, data.result.include.length)));
      while (!run.done) {
        if (this.cancelled) {
          this.status(this.t.cancelled);
          return;
        }
        run.step(chunk);
        bar.value = run.completed / run.total;
        byId(this.doc, "robust-text").textContent = this.t.robustProgress(run.completed, run.total);
        await this.env.yieldToUi();
      }
      const result = run.result();
      const leaveOneOut = getLeaveOneOut(data.result, weights);
      const plan = planRobustnessSheet(result, data.names, {
        lang: this.env.lang,
        topN: this.env.topN(),
        leaveOneOut,
        weightsLabel: this.checked?.table ? this.checked.name : this.t.reportLabel,
        generatedAt: this.env.now(),
        version: this.env.version,
      });
      const written = await this.env.run((ctx) => writeRobustnessSheet(ctx, plan));
      this.status(this.t.robustWritten(written.sheetName, result.runs, result.seed));
    } finally {
      byId(this.doc, "robust-progress").hidden = true;
      byId(this.doc, "cancel-robust").hidden = true;
    }
  }

  cancel(): void {
    this.cancelled = true;
  }

  /** Runs an action: one at a time, errors shown in words. */
  async guard(body: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error("");
    this.status("");
    for (const id of ACTION_BUTTONS) (byId(this.doc, id) as HTMLButtonElement).disabled = true;
    try {
      await body();
    } catch (e) {
      this.error(isIndexError(e) ? formatError(e, this.env.lang) : e instanceof Error ? e.message : String(e));
    } finally {
      this.busy = false;
      for (const id of ACTION_BUTTONS) (byId(this.doc, id) as HTMLButtonElement).disabled = false;
      if (this.recheck) void this.guard(() => this.check());
    }
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
      sev.textContent = this.t.severity[f.severity];
      button.append(sev, this.doc.createTextNode(describeFinding(f, this.env.lang)));
      const at = this.checked;
      if (at && f.row !== null) {
        const row = at.top + f.row;
        const col = at.left + (f.column ?? 0);
        button.title = this.t.selectCell(`${at.sheetName}!R${row + 1}C${col + 1}`);
        button.addEventListener("click", () => void this.guard(() => this.env.run((ctx) => selectCell(ctx, at.sheetName, row, col))));
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
    const table = this.doc.createElement("table");
    table.className = "diff";
    for (const c of changes) {
      const tr = this.doc.createElement("tr");
      tr.append(
        cell(this.doc, changeName(c, this.env.lang)),
        cell(this.doc, `${pct(c.oldWeight)} → ${pct(c.newWeight)}`, "num"),
        cell(this.doc, `${this.t.effective} ${pct(c.oldEffective)} → ${pct(c.newEffective)}`, "num"),
      );
      table.appendChild(tr);
    }
    box.appendChild(table);
  }

  private renderImpact(baseline: WeightTable | null, current: WeightTable): void {
    const body = byId(this.doc, "impact-body");
    body.replaceChildren();
    byId(this.doc, "impact").hidden = false;
    const base = baseline ?? REPORT_WEIGHT_TABLE;
    const before = this.computeData(base);
    const after = this.computeData(current);
    (byId(this.doc, "write-impact") as HTMLButtonElement).hidden = !before;
    if (!before || !after) {
      this.lastImpact = null;
      body.appendChild(text(this.doc, "p", this.t.impactNeedsData, "muted"));
      return;
    }
    const topN = this.env.topN();
    const impact = compareRankings(before.result.total!, after.result.total!, topN, 5);
    const baselineLabel = baseline ? this.t.baselineLabel : this.t.reportLabel;
    this.lastImpact = { impact, names: after.names, baselineLabel };
    body.appendChild(text(this.doc, "p", this.t.impactBase(baselineLabel), "muted small"));
    const dl = this.doc.createElement("dl");
    dl.className = "figures";
    const figure = (label: string, value: string) => dl.append(text(this.doc, "dt", label), text(this.doc, "dd", value));
    figure(this.t.spearman, Number.isFinite(impact.spearman) ? impact.spearman.toFixed(4) : "—");
    figure(this.t.meanShift, Number.isFinite(impact.meanAbsShift) ? impact.meanAbsShift.toFixed(2) : "—");
    body.appendChild(dl);
    const list = (title: string, moves: RankImpact["entering"]) => {
      body.appendChild(text(this.doc, "h4", title));
      body.appendChild(text(this.doc, "p", moves.length ? moves.map((m) => this.t.move(after.names(m.row), m.from, m.to)).join("；") : this.t.none, "diff"));
    };
    list(this.t.entering(topN), impact.entering);
    list(this.t.leaving(topN), impact.leaving);
    list(this.t.movedUp, impact.movedUp);
    list(this.t.movedDown, impact.movedDown);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private tableName(): string {
    return (byId(this.doc, "weight-table") as HTMLSelectElement).value;
  }

  private currentWeights(): WeightTable {
    return this.checked?.table ?? REPORT_WEIGHT_TABLE;
  }

  /** The index of the Data section's table under a weight table, or null when there is no data yet. */
  private computeData(weights: WeightTable): { result: IndexResult; names: (row: number) => string } | null {
    const data = this.env.data();
    if (!data) return null;
    const cells = data.source.values;
    const columns = cells.length && looksLikeHeader(cells[0]) && data.keys.length ? columnMapFromKeys(cells[0], data.keys) : undefined;
    const result = computeIndex(cells, { weights, columns });
    return { result, names: (row) => regionName(cells, result.input, row, this.env.lang) };
  }

  private numberInput(id: string, label: string): number {
    const v = Number((byId(this.doc, id) as HTMLInputElement).value);
    if (!Number.isFinite(v)) throw new Error(this.t.badNumber(label));
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

function byId(doc: Document, id: string): HTMLElement {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`taskpane.html has no #${id}`);
  return el;
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
