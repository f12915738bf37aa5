/**
 * The task pane: wiring and views. Workbook work goes through `src/excel` inside the runner the
 * pane is given (Excel.run in Office, a stand-in in tests); computation is in `src/core`.
 *
 * Text from cells (headers, sheet names) is only ever put into the page as text (textContent,
 * option labels), never as markup.
 */
import { columnKeyChoices, ColumnKey, headerRowOf, proposeMapping, SKIP_COLUMN } from "../core/headers";
import { SCALING_METHODS, ScalingMethodName } from "../core/scaling";
import { generateRankedSheet, readWeightsChoice } from "../excel/generate";
import { applySheetPlan } from "../excel/apply-plan";
import { runAudit } from "../core/audit";
import { PipelineOptions, readPipelineOptions } from "../core/options";
import { planAuditSheet } from "../plans/audit-sheet";
import type { ExcelRunner } from "../excel/host";
import { insertSampleData } from "../excel/sample";
import { loadMapping, saveMapping } from "../excel/settings";
import { hiddenDataRows, readSource, SourceTable, visibleRowsOnly } from "../excel/source";
import { Lang, PANE_TEXT, PaneText, SCALING_LABELS, weightsLabel } from "../text";
import { byId, fillChoices, taskOutput } from "./dom";
import { Progress, TaskOutput, TaskRunner } from "./runner";
import { mountWeightsPane } from "./weights-pane";
import { runJob } from "./analysis-client";
import { rankChanges, readPanel, topMoves } from "../core/panel";
import { rowYears } from "../core/years";
import { planRankChangeSheet } from "../plans/rank-change-sheet";

export type { ExcelRunner };

export interface PaneEnv {
  readonly lang: Lang;
  readonly run: ExcelRunner;
  /** False outside Excel (a browser): the pane still renders, with a notice. */
  readonly inExcel: boolean;
  readonly version: string;
  readonly now: () => string;
  /** The robustness analyses' worker script (analysis-worker.js beside the page); absent: they run on the pane's thread. */
  readonly workerUrl?: string;
}

interface PaneState {
  source: SourceTable | null;
  keys: ColumnKey[];
  /** Columns given the same index meaning as another column: the user must choose. */
  duplicates: Set<number>;
}

/** Fills the page's text and wires its controls. Returns the pane's state and its task runner for tests. */
export function mountPane(doc: Document, env: PaneEnv): { state: PaneState; runner: TaskRunner; ready: Promise<void> } {
  const t = PANE_TEXT[env.lang];
  const state: PaneState = { source: null, keys: [], duplicates: new Set() };
  doc.documentElement.lang = env.lang === "zh" ? "zh-CN" : "en";
  doc.title = t.title;
  doc.querySelectorAll<HTMLElement>("[data-text]").forEach((el) => {
    const v = (t as unknown as Record<string, unknown>)[el.dataset.text!];
    if (typeof v === "string") el.textContent = v;
  });
  byId(doc, "not-in-excel").hidden = env.inExcel;
  byId(doc, "version").textContent = t.version(env.version);
  fillMethods(doc, env.lang);
  fillChoices(byId(doc, "missing") as HTMLSelectElement, t.missingOptions);
  fillChoices(byId(doc, "treat") as HTMLSelectElement, t.treatOptions);
  fillChoices(byId(doc, "aggregate") as HTMLSelectElement, t.aggregateOptions);
  setWeightOptions(doc, env.lang, []);

  const runner = new TaskRunner(byId(doc, "app"), env.lang);
  const ui = new PaneUi(doc, env, t, state);
  const weights = mountWeightsPane(doc, {
    lang: env.lang,
    run: env.run,
    runner,
    now: env.now,
    version: env.version,
    data: () =>
      state.source
        ? {
            source: ui.dataSource(),
            keys: state.keys,
            method: select(doc, "method").value as ScalingMethodName,
            rescale: rescaleChecked(doc),
            pipeline: pipelineChoice(doc),
          }
        : null,
    topN: () => readTopN(doc),
    // Where no worker starts, the runs go on here, giving the event loop a turn between steps.
    startJob: (job, onProgress) =>
      runJob(job, { onProgress, yieldToUi: () => new Promise((resolve) => setTimeout(resolve, 0)), workerUrl: env.workerUrl ?? null }),
    // One listing of the workbook's weight tables feeds both dropdowns (Options and Weights).
    onTablesListed: (names) => setWeightOptions(doc, env.lang, names),
  });
  const actions: Record<string, (progress: Progress) => Promise<void>> = {
    "insert-sample": () => ui.insertSample(),
    "use-selection": () => ui.useSelection(),
    generate: (progress) => ui.generate(progress),
    audit: (progress) => ui.audit(progress),
    "rank-change": (progress) => ui.rankChange(progress),
  };
  for (const [id, action] of Object.entries(actions)) {
    const button = byId(doc, id) as HTMLButtonElement;
    runner.register(button);
    button.addEventListener("click", () => void runner.run(ui.output, action).then(() => weights.afterDataRead()));
  }
  const ready = env.inExcel ? weights.refreshNow() : Promise.resolve();
  return { state, runner, ready };
}

class PaneUi {
  /** The last source read with its hidden rows blanked (see {@link PaneUi.dataSource}). */
  private visible: { from: SourceTable; table: SourceTable } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly env: PaneEnv,
    private readonly t: PaneText,
    private readonly state: PaneState,
  ) {}

  get output(): TaskOutput {
    return taskOutput(this.doc, { error: "error", status: "status", progress: "progress", bar: "progress-bar", text: "progress-text" });
  }

  async insertSample(): Promise<void> {
    const result = await this.env.run((ctx) => insertSampleData(ctx, this.env.lang));
    this.status(this.t.inserted(result.sheetName));
    await this.readSelection();
  }

  async useSelection(): Promise<void> {
    await this.readSelection();
  }

  async generate(progress: Progress): Promise<void> {
    progress(0, "read");
    const fresh = await this.env.run((ctx) => readSource(ctx));
    if (!this.state.source || sourceKey(fresh) !== sourceKey(this.state.source)) await this.showSource(fresh);
    else this.state.source = fresh;
    this.state.keys = this.currentKeys();
    this.state.duplicates = duplicateColumns(this.state.keys);
    this.markMapping();
    if (this.state.duplicates.size) {
      this.error(this.t.fixMapping);
      return;
    }
    const source = this.state.source!;
    const visibleOnly = this.visibleOnly();
    const weightsChoice = select(this.doc, "weights").value;
    const result = await this.env.run((ctx) =>
      generateRankedSheet(
        ctx,
        {
          source,
          keys: this.state.keys,
          weights: weightsChoice === "" ? { kind: "report" } : { kind: "table", name: weightsChoice },
          method: select(this.doc, "method").value as ScalingMethodName,
          topN: this.topN(),
          mode: (this.doc.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value ?? "values") as "values" | "formulas",
          lang: this.env.lang,
          version: this.env.version,
          now: this.env.now(),
          visibleOnly,
          rescale: rescaleChecked(this.doc),
          provinceRank: (byId(this.doc, "province-rank") as HTMLInputElement).checked,
          pipeline: pipelineChoice(this.doc),
        },
        progress,
      ),
    );
    await this.env.run((ctx) => saveMapping(ctx, sourceKey(source), this.state.keys));
    this.status(this.t.generated(result.sheetName, result.ranked, result.skipped));
  }

  /**
   * The rank change sheet between the two years chosen (a table with a year column): each year
   * computed and ranked on its own under the Options' choices, regions matched by name.
   */
  async rankChange(progress: Progress): Promise<void> {
    if (!this.state.source) await this.readSelection();
    const from = Number(select(this.doc, "change-from").value);
    const to = Number(select(this.doc, "change-to").value);
    if (!(from > 0 && to > 0) || from === to) {
      this.error(this.t.sameYears);
      return;
    }
    const weightsChoice = select(this.doc, "weights").value;
    const n = this.topN();
    const result = await this.env.run(async (ctx) => {
      const weights = await readWeightsChoice(ctx, weightsChoice === "" ? { kind: "report" } : { kind: "table", name: weightsChoice });
      const source = this.dataSource();
      progress(0.2, "compute");
      const panel = readPanel(source.values, {
        weights: weights.table,
        method: select(this.doc, "method").value as ScalingMethodName,
        keys: this.state.keys,
        rescale: rescaleChecked(this.doc),
        pipeline: { ...pipelineChoice(this.doc), year: undefined },
      });
      const changes = rankChanges(panel, from, to);
      const plan = planRankChangeSheet(
        panel,
        from,
        to,
        { lang: this.env.lang, topN: n, source: source.address, generatedAt: this.env.now(), version: this.env.version },
        changes,
      );
      const moves = topMoves(changes, n);
      const written = await applySheetPlan(ctx, plan, { onProgress: progress });
      return { sheetName: written.sheetName, entering: moves.entering.length, leaving: moves.leaving.length };
    });
    this.status(this.t.rankChanged(result.sheetName, from, to, result.entering, result.leaving, n));
  }

  /** The audit sheet of the data read, under the Options' choices (weights, method, data treatment). */
  async audit(progress: Progress): Promise<void> {
    if (!this.state.source) await this.readSelection();
    const weightsChoice = select(this.doc, "weights").value;
    const result = await this.env.run(async (ctx) => {
      const weights = await readWeightsChoice(ctx, weightsChoice === "" ? { kind: "report" } : { kind: "table", name: weightsChoice });
      const source = this.dataSource();
      const audit = runAudit(source.values, {
        weights: weights.table,
        method: select(this.doc, "method").value as ScalingMethodName,
        keys: this.state.keys,
        rescale: rescaleChecked(this.doc),
        pipeline: pipelineChoice(this.doc),
      });
      const plan = planAuditSheet(audit, { lang: this.env.lang, source: source.address, generatedAt: this.env.now(), version: this.env.version });
      const written = await applySheetPlan(ctx, plan, { onProgress: progress });
      return { sheetName: written.sheetName, flagged: audit.columns.filter((c) => c.flags.length).length };
    });
    this.status(this.t.audited(result.sheetName, result.flagged));
  }

  private async readSelection(): Promise<void> {
    const source = await this.env.run((ctx) => readSource(ctx));
    await this.showSource(source);
  }

  private async showSource(source: SourceTable): Promise<void> {
    this.state.source = source;
    // The header as the engine finds it: below any title lines (core/headers.ts findHeaderRow).
    const header = source.values[headerRowOf(source.values)] ?? [];
    const proposed = proposeMapping(header);
    const saved = await this.env.run((ctx) => loadMapping(ctx, sourceKey(source))).catch(() => null);
    this.state.keys = saved && saved.length === header.length ? [...saved] : [...proposed.keys];
    this.state.duplicates = duplicateColumns(this.state.keys);
    const hidden = hiddenDataRows(source, headerRowOf(source.values)).length;
    byId(this.doc, "source").textContent = this.t.source(source.address, source.values.length, header.length, hidden);
    byId(this.doc, "visible-only-row").hidden = hidden === 0;
    this.renderMapping(header, new Set(proposed.unmatched));
    this.renderYears(source);
  }

  /** The years block, shown for a table with a year column of several years: the year computed, the scaling across years, the years compared. */
  private renderYears(source: SourceTable): void {
    let years: readonly number[] = [];
    try {
      years = rowYears(source.values)?.years ?? [];
    } catch {
      // A year that cannot be read: computing says which row, in the error area.
    }
    const block = byId(this.doc, "years");
    block.hidden = years.length < 2;
    if (block.hidden) return;
    byId(this.doc, "years-hint").textContent = this.t.yearsHint(years.join(this.env.lang === "zh" ? "、" : ", "));
    const fill = (id: string, chosen: number) => {
      const sel = select(this.doc, id) as HTMLSelectElement;
      sel.replaceChildren(...years.map((y) => new Option(String(y), String(y))));
      sel.value = String(chosen);
    };
    const last = years[years.length - 1];
    fill("year", last);
    fill("change-from", years[years.length - 2]);
    fill("change-to", last);
    const panel = select(this.doc, "panel") as HTMLSelectElement;
    panel.replaceChildren(new Option(this.t.panelPerYear, "per-year"), ...years.map((y) => new Option(this.t.panelReference(y), `reference=${y}`)));
  }

  private renderMapping(header: readonly unknown[], unmatched: Set<number>): void {
    const body = byId(this.doc, "mapping-rows");
    body.replaceChildren();
    const choices = columnKeyChoices(this.env.lang);
    header.forEach((cell, col) => {
      const tr = this.doc.createElement("tr");
      tr.dataset.col = String(col);
      const name = this.doc.createElement("td");
      name.textContent = cell === null || cell === undefined || cell === "" ? `(${col + 1})` : String(cell);
      const note = this.doc.createElement("span");
      note.className = "flag-note";
      name.appendChild(note);
      const pick = this.doc.createElement("td");
      const sel = this.doc.createElement("select");
      sel.id = `map-${col}`;
      sel.setAttribute("aria-label", `${this.t.mappingMeaning}: ${name.firstChild?.textContent ?? ""}`);
      // Grouped (names, sub-indices, indicators), each option with its full name as a tooltip.
      const groups = new Map<string, HTMLElement>();
      for (const c of choices) {
        let parent = groups.get(c.group);
        if (!parent) {
          if (c.group === "skip") parent = sel;
          else {
            const group = this.doc.createElement("optgroup");
            group.label = this.t.mappingGroups[c.group];
            sel.appendChild(group);
            parent = group;
          }
          groups.set(c.group, parent);
        }
        const opt = this.doc.createElement("option");
        opt.value = c.key;
        opt.textContent = c.label;
        opt.title = c.full;
        parent.appendChild(opt);
      }
      const full = new Map(choices.map((c) => [c.key, c.full]));
      sel.value = this.state.keys[col] ?? SKIP_COLUMN;
      sel.title = full.get(sel.value) ?? "";
      let unmatchedNow = unmatched.has(col);
      if (unmatchedNow) note.textContent = this.t.unmatched;
      sel.addEventListener("change", () => {
        sel.title = full.get(sel.value) ?? "";
        // A column given a meaning by hand is no longer "not recognised".
        if (unmatchedNow && sel.value !== SKIP_COLUMN) {
          unmatchedNow = false;
          note.textContent = "";
        }
        this.state.keys = this.currentKeys();
        this.state.duplicates = duplicateColumns(this.state.keys);
        this.markMapping();
      });
      pick.appendChild(sel);
      tr.append(name, pick);
      body.appendChild(tr);
    });
    byId(this.doc, "mapping").hidden = header.length === 0;
    this.markMapping();
  }

  private markMapping(): void {
    this.doc.querySelectorAll<HTMLTableRowElement>("#mapping-rows tr").forEach((tr) => {
      const col = Number(tr.dataset.col);
      const flagged = this.state.duplicates.has(col);
      tr.classList.toggle("flag", flagged);
      const note = tr.querySelector(".flag-note");
      if (note && (flagged || note.textContent === this.t.ambiguous)) note.textContent = flagged ? this.t.ambiguous : "";
    });
  }

  /**
   * The source as the analyses see it: with "visible rows only" ticked, its hidden rows blanked
   * (kept once per source read, so the weights section's runs stay cached).
   */
  dataSource(): SourceTable {
    const source = this.state.source!;
    if (!this.visibleOnly()) return source;
    if (this.visible?.from !== source) this.visible = { from: source, table: visibleRowsOnly(source, headerRowOf(source.values)) };
    return this.visible.table;
  }

  /** The "visible rows only" box, ticked and shown (it is shown only when the source has hidden rows). */
  private visibleOnly(): boolean {
    const box = byId(this.doc, "visible-only") as HTMLInputElement;
    return box.checked && !byId(this.doc, "visible-only-row").hidden;
  }

  private currentKeys(): ColumnKey[] {
    const values = this.state.source?.values ?? [];
    const header = values[headerRowOf(values)] ?? [];
    return header.map((_, col) => this.doc.querySelector<HTMLSelectElement>(`#map-${col}`)?.value ?? this.state.keys[col] ?? SKIP_COLUMN);
  }

  private topN(): number {
    return readTopN(this.doc);
  }

  private status(text: string): void {
    byId(this.doc, "status").textContent = text;
  }

  private error(text: string): void {
    const el = byId(this.doc, "error");
    el.textContent = text;
    el.hidden = text === "";
  }
}

// ---- helpers ---------------------------------------------------------------------------------

function select(doc: Document, id: string): HTMLSelectElement | HTMLInputElement {
  return byId(doc, id) as HTMLSelectElement | HTMLInputElement;
}

/** The Options section's "scale sub-indices to a maximum of 100" box (raw indicators only). */
/** The Options' data treatment, read as the functions read their options argument. */
function pipelineChoice(doc: Document): PipelineOptions {
  const coverage = Number((byId(doc, "coverage") as HTMLInputElement).value);
  // A table of several years: the year chosen and the scaling across years (the years block).
  const years: [string, string][] = byId(doc, "years").hidden
    ? []
    : [
        ["year", select(doc, "year").value],
        ["panel", select(doc, "panel").value],
      ];
  return readPipelineOptions([
    ["missing", select(doc, "missing").value],
    ["treat", select(doc, "treat").value],
    ["aggregate", select(doc, "aggregate").value],
    ["coverage", Number.isFinite(coverage) ? Math.min(100, Math.max(0, coverage)) / 100 : 0],
    ...years,
  ]);
}

function rescaleChecked(doc: Document): boolean {
  return (byId(doc, "rescale") as HTMLInputElement).checked;
}

/** The Options section's N (100 when the field does not hold a whole number of at least 1). */
function readTopN(doc: Document): number {
  const v = Number(select(doc, "top-n").value);
  return Number.isFinite(v) && v >= 1 ? Math.floor(v) : 100;
}

/** Where a mapping is remembered: the table's name, or the sheet-qualified address. */
export function sourceKey(source: SourceTable): string {
  return source.tableName ?? source.address;
}

/** Columns that share an index key with another column. */
export function duplicateColumns(keys: readonly ColumnKey[]): Set<number> {
  const out = new Set<number>();
  keys.forEach((k, i) => {
    if (k !== SKIP_COLUMN && !k.startsWith("name:") && keys.indexOf(k) !== i) {
      out.add(i);
      out.add(keys.indexOf(k));
    }
  });
  return out;
}

function fillMethods(doc: Document, lang: Lang): void {
  const sel = select(doc, "method") as HTMLSelectElement;
  sel.replaceChildren();
  // Goalposts need bounds per indicator, which only a formula's goalposts table can give.
  for (const m of SCALING_METHODS.filter((x) => x.name !== "goalposts")) {
    const opt = doc.createElement("option");
    opt.value = m.name;
    opt.textContent = SCALING_LABELS[m.name][lang];
    sel.appendChild(opt);
  }
}

function setWeightOptions(doc: Document, lang: Lang, tables: readonly string[]): void {
  const sel = select(doc, "weights") as HTMLSelectElement;
  const current = sel.value;
  sel.replaceChildren();
  const report = doc.createElement("option");
  report.value = "";
  report.textContent = weightsLabel({ kind: "report" }, lang, "short");
  sel.appendChild(report);
  for (const name of tables) {
    const opt = doc.createElement("option");
    opt.value = name;
    opt.textContent = weightsLabel({ kind: "table", name }, lang, "short");
    sel.appendChild(opt);
  }
  sel.value = tables.includes(current) ? current : "";
}

/** A select's options from a table of value → label, the first chosen. */
