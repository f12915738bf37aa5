/**
 * `live-index robustness`: the uncertainty and sensitivity analysis of a table over the modelling
 * choices (core/uncertainty.ts), printed in one language (the design, the sensitivity indices, the
 * reading in words, the widest rank intervals of the top N) and, with --out, written as the
 * uncertainty sheet the task pane writes (plans/analysis-sheets.ts).
 *
 *   live-index robustness <data.xlsx|csv> [--assumptions "weights=25%; scaling=minmax,rank"] [--runs N] [--seed S]
 *                         [--weights <file>] [--method m] [--missing …] [--top N] [--lang zh|en] [--out file.xlsx] [--force]
 */
import { existsSync } from "fs";
import { resolve } from "path";
import { activeAssumptions, Assumptions, assumptionsText } from "../core/assumptions";
import { formatError, UserError } from "../core/errors";
import type { PipelineOptions } from "../core/options";
import type { ScalingMethodName } from "../core/scaling";
import { modelOfTable, sobolReading, sobolRows, startSobol } from "../core/uncertainty";
import type { WeightTable } from "../core/weights";
import { runIndex } from "../core/workflow";
import { readTable } from "../files/read-table";
import { planUncertaintySheet } from "../plans/analysis-sheets";
import type { SheetPlan } from "../plans/plan";
import { Lang, localDateTime, RANK_TEXT, ROBUSTNESS_CLI_TEXT, WeightsSource } from "../text";
import { padCells, skippedRows } from "./table-text";
import { version } from "./version";

export interface RobustnessArgs {
  readonly input: string;
  readonly assumptions: Assumptions;
  /** --assumptions was not given: the default (the weights' noise, ±25%) is said so. */
  readonly assumptionsDefault: boolean;
  /** Base samples N of Saltelli's design: N · (d + 2) runs. */
  readonly runs: number;
  readonly seed: number;
  readonly weights?: { table: WeightTable; source: WeightsSource };
  readonly method: ScalingMethodName;
  readonly pipeline: PipelineOptions;
  readonly rescale: boolean;
  readonly top: number;
  readonly lang: Lang;
  readonly out?: string;
  readonly sheet?: string;
  readonly force: boolean;
}

export interface RobustnessIO {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
  readonly now?: () => Date;
  readonly write: (plans: readonly SheetPlan[], path: string, force: boolean) => Promise<readonly { sheetName: string }[]>;
}

/** A percentile rank as a person reads it: one decimal at most (4.95 → 5, 12.5 stays). */
function rank(x: number): string {
  return String(Number(x.toFixed(1)));
}

/** Regions of the top N listed with their intervals, widest first. */
const LISTED = 10;

/** Runs the analysis; returns 0. Throws UserError for a file, a table or assumptions it cannot use. */
export async function robustnessCommand(args: RobustnessArgs, io: RobustnessIO): Promise<number> {
  const t = ROBUSTNESS_CLI_TEXT[args.lang];
  const table = await readTable(resolve(io.cwd, args.input), { sheet: args.sheet });
  const outPath = args.out === undefined ? null : resolve(io.cwd, args.out);
  if (outPath && !args.force && existsSync(outPath)) throw new UserError("OUTPUT_EXISTS", { path: outPath });
  const request = { weights: args.weights?.table, method: args.method, pipeline: args.pipeline, rescale: args.rescale };
  if (activeAssumptions(args.assumptions).length === 0) throw new UserError("NO_ASSUMPTIONS");
  // One nominal run: the model's baseline, and the regions' names below.
  const nominal = runIndex(table.cells, request);
  const model = modelOfTable(table.cells, request, args.assumptions, new Map(), nominal);
  const run = startSobol(model, args.runs, args.seed);
  io.out(`${t.title}${args.lang === "zh" ? "：" : ": "}${table.source}`);
  io.out(`  ${t.assumptions(assumptionsText(args.assumptions))}${args.assumptionsDefault ? t.defaultNote : ""}`);
  io.out(`  ${t.design(args.runs, run.total, args.seed)}`);
  if (model.nominal.input.level === "dimension" && args.assumptions.scaling) io.out(`  ${t.notScaled}`);
  // What was read: a header below title lines, and the rows left out, each named (a .csv has no note to read them in).
  const { columns } = nominal.result.input;
  if (columns.hasHeader && columns.headerRow > 0) io.out(`  ${RANK_TEXT.headerRow(columns.headerRow + 1)[args.lang]}`);
  if (nominal.ranking.rejected.length) {
    io.out(`  ${t.skipped(nominal.ranking.rejected.length)}`);
    for (const line of skippedRows(
      nominal,
      (m) => `    ${formatError(m, args.lang)}`,
      (n) => `    ${t.more(n)}`,
    ))
      io.out(line);
  }
  // Progress on the error stream (the report itself stays clean), a line per quarter.
  let quarter = 0;
  const chunk = Math.max(1, Math.ceil(run.total / 100));
  while (!run.done) {
    run.step(chunk);
    const q = Math.floor((4 * run.completed) / run.total);
    if (q > quarter && run.total >= 2000) io.err(t.progress(run.completed, run.total));
    quarter = q;
  }
  const { indices, uncertainty } = run.result();
  io.out("");
  const rows = sobolRows(indices, args.lang).map((r) => r.map((c) => (typeof c === "number" ? c.toFixed(3) : String(c))));
  for (const line of padCells(rows)) io.out(`  ${line}`);
  io.out("");
  io.out(`  ${sobolReading(indices, args.lang)}`);

  // The top N's widest rank intervals.
  const names = (r: number) => nominal.regionName(r, args.lang);
  const top = [...uncertainty.nominal.keys()].filter((r) => uncertainty.nominal[r] <= args.top);
  const widest = top.sort(
    (a, b) => uncertainty.p95[b] - uncertainty.p5[b] - (uncertainty.p95[a] - uncertainty.p5[a]) || uncertainty.nominal[a] - uncertainty.nominal[b],
  );
  if (widest.length) {
    io.out("");
    io.out(`  ${t.widest(Math.min(LISTED, widest.length), args.top)}`);
    const lines = widest
      .slice(0, LISTED)
      .map((r) => [String(uncertainty.nominal[r]), names(r), `${rank(uncertainty.p5[r])} – ${rank(uncertainty.p95[r])}`, uncertainty.meanShift[r].toFixed(2)]);
    for (const line of padCells([[t.nominal, t.region, t.interval, t.meanShift], ...lines])) io.out(`    ${line}`);
  }
  if (outPath) {
    const plan = planUncertaintySheet(uncertainty, indices, names, {
      lang: args.lang,
      topN: args.top,
      assumptions: assumptionsText(args.assumptions),
      weights: args.weights?.source ?? { kind: "report" },
      data: { run: nominal, source: table.source },
      generatedAt: localDateTime(io.now?.() ?? new Date(), args.lang),
      version: version(),
    });
    const [written] = await io.write([plan], outPath, args.force);
    io.out("");
    io.out(t.written(outPath, written.sheetName));
  }
  return 0;
}
