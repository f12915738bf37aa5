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
import { resolve } from "path";
import { formatFinding, Lang } from "../core/errors";
import { compareRankings, RankMove } from "../core/impact";
import { computeIndex } from "../core/pipeline";
import { buildRanking } from "../core/ranking";
import { changeName, compareWeights } from "../core/weight-compare";
import { checkWeights, REPORT_WEIGHT_TABLE, WeightFinding, WeightTable } from "../core/weights";
import { readTable } from "../files/read-table";
import { padCells } from "./table-text";

export interface CheckWeightsArgs {
  readonly weights: string;
  readonly baseline?: string;
  readonly data?: string;
  readonly top: number;
  readonly lang: Lang;
}

export interface CheckWeightsIO {
  readonly out: (line: string) => void;
  readonly cwd: string;
}

/** How many of the largest moves up and down are listed. */
const MOVES_SHOWN = 5;

/** Runs the command; returns 0 when the weight table (and the baseline) has no error, 2 otherwise. */
export async function checkWeightsCommand(args: CheckWeightsArgs, io: CheckWeightsIO): Promise<number> {
  const t = TEXT[args.lang];
  const file = await readTable(resolve(io.cwd, args.weights));
  const check = checkWeights(file.cells);
  io.out(`${t.weights}${t.colon}${file.source}`);
  printFindings(check.findings, args.lang, io);

  let baseline: WeightTable = REPORT_WEIGHT_TABLE;
  let baselineName: string | null = null;
  if (args.baseline !== undefined) {
    const base = await readTable(resolve(io.cwd, args.baseline));
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
    baselineName = base.source;
  }
  if (!check.success) return verdict("weights", args.lang, io);

  io.out("");
  printDifferences(baseline, check.table, baselineName, args.lang, io);
  if (args.data !== undefined) {
    io.out("");
    await printImpact(resolve(io.cwd, args.data), baseline, check.table, args, io);
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

async function printImpact(path: string, baseline: WeightTable, current: WeightTable, args: CheckWeightsArgs, io: CheckWeightsIO): Promise<void> {
  const t = TEXT[args.lang];
  const data = await readTable(path);
  const before = computeIndex(data.cells, { weights: baseline });
  const after = computeIndex(data.cells, { weights: current });
  const impact = compareRankings(before.total!, after.total!, args.top, MOVES_SHOWN);
  const names = new Map(
    buildRanking(data.cells, after).districts.map((d) => [d.dataRow, [d.province, d.city, d.district].filter((x) => x && x !== "-").join(" ")]),
  );
  const name = (m: RankMove) => names.get(m.row) || t.dataRow(m.row + after.input.firstDataRow + 1);
  const skipped = after.input.rowCount - impact.compared;

  io.out(t.impact(data.source, impact.compared, skipped));
  const list = (title: string, moves: readonly RankMove[]) => {
    io.out(`  ${title}${t.colon}${moves.length ? "" : t.none}`);
    for (const line of padCells(moves.map((m) => [`    ${name(m)}`, `${m.from} → ${m.to}`, m.up > 0 ? `(+${m.up})` : `(${m.up})`]))) io.out(line);
  };
  list(t.entering(args.top), impact.entering);
  list(t.leaving(args.top), impact.leaving);
  list(t.movedUp, impact.movedUp);
  list(t.movedDown, impact.movedDown);
  io.out(`  ${t.spearman}${t.colon}${fixed(impact.spearman, 4)}`);
  io.out(`  ${t.meanShift}${t.colon}${fixed(impact.meanAbsShift, 2)}`);
}

/** The closing line; the exit code: 0 when both tables are free of errors, 2 otherwise. */
function verdict(outcome: "ok" | "weights" | "baseline" | "both", lang: Lang, io: CheckWeightsIO): number {
  io.out("");
  io.out(TEXT[lang].verdict[outcome]);
  return outcome === "ok" ? 0 : 2;
}

// ---- words -------------------------------------------------------------------------------------

const TEXT = {
  zh: {
    colon: "：",
    weights: "权重表",
    baseline: "基准权重表",
    findings: (n: number, e: number, w: number) => (n === 0 ? "检查结果：没有问题。" : `检查结果：${n} 条（错误 ${e}，警告 ${w}）`),
    severity: { error: "错误", warning: "警告", info: "提示" },
    table: "整表",
    row: (r: number) => `第 ${r} 行`,
    differences: (base: string | null, n: number) => `与${base === null ? "报告权重" : `基准 ${base} `}相比的差异：${n} 项`,
    diffHeader: ["权重 原 → 新", "有效权重 原 → 新"],
    noChange: "无变化。",
    impact: (source: string, n: number, skipped: number) => `排名影响（${source}，${n} 个地区${skipped ? `，跳过 ${skipped} 行（空行或数据错误）` : ""}）：`,
    entering: (top: number) => `进入前 ${top} 名`,
    leaving: (top: number) => `退出前 ${top} 名`,
    movedUp: "上升最多",
    movedDown: "下降最多",
    none: "无",
    dataRow: (r: number) => `第 ${r} 行`,
    spearman: "Spearman 等级相关系数",
    meanShift: "平均绝对排名变化（名次）",
    verdict: {
      ok: "结论：权重表没有错误。",
      weights: "结论：权重表有错误（见上），未作比较。",
      baseline: "结论：基准权重表有错误（见上），未作比较。",
      both: "结论：权重表和基准权重表都有错误（见上），未作比较。",
    },
  },
  en: {
    colon: ": ",
    weights: "Weight table",
    baseline: "Baseline weight table",
    findings: (n: number, e: number, w: number) => (n === 0 ? "Findings: none." : `Findings: ${n} (${e} error(s), ${w} warning(s))`),
    severity: { error: "error", warning: "warning", info: "info" },
    table: "table",
    row: (r: number) => `row ${r}`,
    differences: (base: string | null, n: number) => `Differences from ${base === null ? "the report's weights" : `the baseline ${base}`}: ${n}`,
    diffHeader: ["weight old → new", "effective old → new"],
    noChange: "No change.",
    impact: (source: string, n: number, skipped: number) =>
      `Impact on the ranking (${source}, ${n} region(s)${skipped ? `; ${skipped} row(s) skipped: blank or bad data` : ""}):`,
    entering: (top: number) => `Entering the top ${top}`,
    leaving: (top: number) => `Leaving the top ${top}`,
    movedUp: "Largest moves up",
    movedDown: "Largest moves down",
    none: "none",
    dataRow: (r: number) => `row ${r}`,
    spearman: "Spearman's rank correlation",
    meanShift: "Mean absolute rank shift (places)",
    verdict: {
      ok: "Verdict: the weight table has no errors.",
      weights: "Verdict: the weight table has errors (see above); nothing compared.",
      baseline: "Verdict: the baseline weight table has errors (see above); nothing compared.",
      both: "Verdict: both weight tables have errors (see above); nothing compared.",
    },
  },
} as const;

/** 0.454545… → "45.45%": two decimals, trailing zeros dropped. */
function percent(x: number): string {
  return `${Number((x * 100).toFixed(2))}%`;
}

function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "—";
}
