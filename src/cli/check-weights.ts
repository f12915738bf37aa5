/**
 * `live-index check-weights`: a weight table file checked, compared and tried on data.
 *
 *   live-index check-weights <weights.xlsx|csv> [--baseline <file>] [--data <file>] [--top <n>] [--lang zh|en]
 *
 * Prints, in one language, the table's findings (severity, row, message), the weights that
 * differ from the baseline (default: the report's), old → new and effective old → new, and with
 * --data what the change does to the ranking (entering and leaving the top N, the largest moves,
 * Spearman's rank correlation, the mean absolute rank shift). The same core steps as the task
 * pane: checkWeights, compareWeights, compareRankings.
 */
import { existsSync } from "fs";
import { resolve } from "path";
import { UserError } from "../core/errors";
import { formatError, formatFinding } from "../core/errors";
import { compareRankings, RankImpact, RankMove } from "../core/impact";
import { getLeaveOneOut, getSensitivity, SensitivityOptions } from "../core/sensitivity";
import type { ScalingMethodName } from "../core/scaling";
import type { PipelineOptions } from "../core/options";
import type { SheetPlan } from "../plans/plan";
import { changeName, compareWeights, indicatorWeightChanges } from "../core/weight-compare";
import { checkWeights, REPORT_WEIGHT_TABLE, WeightFinding, WeightTable } from "../core/weights";
import { IndexRun, runIndex } from "../core/workflow";
import { readTable } from "../files/read-table";
import { percentText } from "../core/text";
import { planImpactSheet, planRobustnessSheet } from "../plans/analysis-sheets";
import { CHECK_WEIGHTS_TEXT, indicatorWeightsIgnored, Lang, localDateTime, WeightsSource, WORDS } from "../text";
import { padCells, skippedRows } from "./table-text";
import { version } from "./version";

export interface CheckWeightsArgs {
  readonly weights: string;
  readonly baseline?: string;
  readonly data?: string;
  readonly method: ScalingMethodName;
  readonly top: number;
  readonly lang: Lang;
  /** Write the impact and robustness sheets to this .xlsx (needs `data`). */
  readonly out?: string;
  readonly force: boolean;
  /** Raw indicators: each sub-index scaled to a maximum of 100 (default, as `rank` does). */
  readonly rescale: boolean;
  /** --missing, --coverage, --treat, as for `rank`. */
  readonly pipeline: PipelineOptions;
  /** The robustness sheet's Monte Carlo options (read as LIVESENSITIVITY reads them). */
  readonly monteCarlo: Required<SensitivityOptions>;
}

export interface CheckWeightsIO {
  readonly out: (line: string) => void;
  readonly cwd: string;
  /** Fixed time for repeatable output (tests); default: now. */
  readonly now?: () => Date;
  /** Writes plans as a file (the command line's writer, with its errors). */
  readonly write: (plans: readonly SheetPlan[], path: string, force: boolean) => Promise<readonly { sheetName: string }[]>;
}

/** How many of the largest moves up and down are listed. */
const MOVES_SHOWN = 5;

/** Runs the command; returns 0 when the weight table (and the baseline) has no error, 2 otherwise. */
export async function checkWeightsCommand(args: CheckWeightsArgs, io: CheckWeightsIO): Promise<number> {
  // Every file is read, and the output path checked, before anything is printed: a problem with any of them is the only output.
  const file = await readTable(resolve(io.cwd, args.weights));
  const base = args.baseline === undefined ? null : await readTable(resolve(io.cwd, args.baseline));
  const data = args.data === undefined ? null : await readTable(resolve(io.cwd, args.data));
  const outPath = args.out === undefined ? null : resolve(io.cwd, args.out);
  if (outPath && !args.force && existsSync(outPath)) throw new UserError("OUTPUT_EXISTS", { path: outPath });

  const t = TEXT[args.lang];
  const check = checkWeights(file.cells);
  io.out(`${t.weights}${t.colon}${file.source}`);
  printFindings(check.findings, args.lang, io);

  let baseline: WeightTable = REPORT_WEIGHT_TABLE;
  let baselineSource: WeightsSource = { kind: "report" };
  if (base) {
    const baseCheck = checkWeights(base.cells);
    if (!baseCheck.success) {
      // Only its errors: the rounding warnings of a copy of the report's table would be noise here.
      io.out("");
      io.out(`${t.baseline}${t.colon}${base.source}`);
      printFindings(
        baseCheck.findings.filter((f) => f.severity === "error"),
        args.lang,
        io,
      );
      return verdict(check.success ? "baseline" : "both", args.lang, io);
    }
    baseline = baseCheck.table;
    baselineSource = { kind: "file", name: base.source };
  }
  if (!check.success) return verdict("weights", args.lang, io);

  // The runs too come before the report: a data table the index cannot read is the only output.
  const runs = data && {
    before: runIndex(data.cells, { method: args.method, weights: baseline, rescale: args.rescale, pipeline: args.pipeline }),
    after: runIndex(data.cells, { method: args.method, weights: check.table, rescale: args.rescale, pipeline: args.pipeline }),
  };
  io.out("");
  printDifferences(baseline, check.table, base ? base.source : null, args.lang, io);
  if (data && runs) {
    io.out("");
    const impact = compareRankings(runs.before.result.total, runs.after.result.total, args.top, MOVES_SHOWN);
    printImpact(data.source, runs.after, impact, args, io);
    const ignored = runs.after.method === null ? indicatorWeightChanges(compareWeights(baseline, check.table)) : 0;
    if (ignored) io.out(`  ${indicatorWeightsIgnored(ignored)[args.lang]}`);
    if (outPath)
      await writeAnalysisFile(
        runs.after,
        impact,
        { source: data.source, baseline: baselineSource, current: { kind: "file", name: file.source } },
        outPath,
        args,
        io,
      );
  }
  return verdict("ok", args.lang, io);
}

// ---- sections ----------------------------------------------------------------------------------

function printFindings(findings: readonly WeightFinding[], lang: Lang, io: CheckWeightsIO): void {
  const t = TEXT[lang];
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  io.out(t.findings(findings.length, errors, warnings));
  const rows = findings.map((f) => [`  ${t.severity[f.severity]}`, f.row === null ? t.table : t.row(f.row + 1), formatFinding(f.code, f.params, lang)]);
  for (const line of padCells(rows)) io.out(line);
}

/** `baselineName` null: the report's weights. */
function printDifferences(baseline: WeightTable, current: WeightTable, baselineName: string | null, lang: Lang, io: CheckWeightsIO): void {
  const t = TEXT[lang];
  const changed = compareWeights(baseline, current).filter((c) => c.changed);
  io.out(t.differences(baselineName, changed.length));
  if (changed.length === 0) {
    io.out(`  ${t.noChange}`);
    return;
  }
  const rows = [
    ["", ...t.diffHeader],
    ...changed.map((c) => [
      c.level === "dimension" ? `  ${changeName(c, lang)}` : `    ${changeName(c, lang)}`,
      `${percent(c.oldWeight)} → ${percent(c.newWeight)}`,
      `${percent(c.oldEffective)} → ${percent(c.newEffective)}`,
    ]),
  ];
  for (const line of padCells(rows)) io.out(line);
}

/** Rows left out of the impact that are listed by name. */
const MAX_LISTED = 10;

function printImpact(source: string, after: IndexRun, impact: RankImpact, args: CheckWeightsArgs, io: CheckWeightsIO): void {
  const t = TEXT[args.lang];
  const name = (m: RankMove) => after.regionName(m.row, args.lang);
  const skipped = after.result.input.rowCount - impact.compared;
  io.out(t.impact(source, impact.compared, skipped));
  // A top group of every region: nothing can enter or leave it, and the report says why.
  if (args.top >= impact.compared && impact.compared > 0) io.out(`  ${t.topAll(args.top, impact.compared)}`);
  // The rows left out, each named with its reason (the same rows under both weight tables: the data decides).
  const rows = skippedRows(
    after,
    (m) => `    ${formatError(m, args.lang)}`,
    (n) => `    ${t.moreRows(n)}`,
    MAX_LISTED,
  );
  for (const line of rows) io.out(line);
  const list = (title: string, moves: readonly RankMove[]) => {
    io.out(`  ${title}${t.colon}${moves.length ? "" : t.none}`.trimEnd());
    for (const line of padCells(moves.map((m) => [`    ${name(m)}`, `${m.from} → ${m.to}`, m.up > 0 ? `(+${m.up})` : `(${m.up})`]))) io.out(line);
  };
  list(t.entering(args.top), impact.entering);
  list(t.leaving(args.top), impact.leaving);
  list(t.movedUp, impact.movedUp);
  list(t.movedDown, impact.movedDown);
  io.out(`  ${t.spearman}${t.colon}${fixed(impact.spearman, 4)}`);
  io.out(`  ${t.meanShift}${t.colon}${fixed(impact.meanAbsShift, 2)}`);
}

/** The impact and robustness sheets of the new weights as one .xlsx, written with the same plans as the task pane's. */
async function writeAnalysisFile(
  after: IndexRun,
  impact: RankImpact,
  labels: { source: string; baseline: WeightsSource; current: WeightsSource },
  path: string,
  args: CheckWeightsArgs,
  io: CheckWeightsIO,
): Promise<void> {
  const mc = args.monteCarlo;
  const generatedAt = localDateTime(io.now?.() ?? new Date(), args.lang);
  const names = (row: number) => after.regionName(row, args.lang);
  const data = { run: after, source: labels.source };
  const impactPlan = planImpactSheet(impact, names, {
    lang: args.lang,
    baseline: labels.baseline,
    current: labels.current,
    data,
    generatedAt,
    version: version(),
  });
  const robustPlan = planRobustnessSheet(getSensitivity(after.result, mc), names, {
    lang: args.lang,
    topN: args.top,
    leaveOneOut: getLeaveOneOut(after.result),
    weights: labels.current,
    data,
    generatedAt,
    version: version(),
  });
  const written = await io.write([impactPlan, robustPlan], path, args.force);
  io.out("");
  io.out(TEXT[args.lang].written(path, written.map((w) => w.sheetName).join(WORDS.listSeparator[args.lang])));
}

/** The closing line; the exit code: 0 when both tables are free of errors, 2 otherwise. */
function verdict(outcome: "ok" | "weights" | "baseline" | "both", lang: Lang, io: CheckWeightsIO): number {
  io.out("");
  io.out(TEXT[lang].verdict[outcome]);
  return outcome === "ok" ? 0 : 2;
}

// ---- words -------------------------------------------------------------------------------------

const TEXT = CHECK_WEIGHTS_TEXT;

/** 0.454545… → "45.45%": two decimals, trailing zeros dropped. */
function percent(x: number): string {
  return percentText(x, 2);
}

function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "—";
}
