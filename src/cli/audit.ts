/**
 * `live-index audit`: the data audit of a table (core/audit.ts), printed in one language (the
 * summary and the flagged columns) and, with --out, written as the audit sheet the task pane
 * writes (plans/audit-sheet.ts).
 *
 *   live-index audit <data.xlsx|csv> [--out audit.xlsx] [--missing …] [--coverage …] [--treat …] [--lang zh|en]
 */
import { existsSync } from "fs";
import { resolve } from "path";
import { runAudit } from "../core/audit";
import { UserError } from "../core/errors";
import type { PipelineOptions } from "../core/options";
import type { ScalingMethodName } from "../core/scaling";
import type { WeightTable } from "../core/weights";
import { readTable } from "../files/read-table";
import { auditSummary, statsTable } from "../plans/audit-tables";
import { planAuditSheet } from "../plans/audit-sheet";
import type { SheetPlan } from "../plans/plan";
import { AUDIT_TEXT, Lang, localDateTime } from "../text";
import { padCells } from "./table-text";
import { version } from "./version";

export interface AuditArgs {
  readonly input: string;
  readonly weights?: WeightTable;
  readonly method: ScalingMethodName;
  readonly pipeline: PipelineOptions;
  readonly lang: Lang;
  readonly out?: string;
  readonly sheet?: string;
  readonly force: boolean;
}

export interface AuditIO {
  readonly out: (line: string) => void;
  readonly cwd: string;
  readonly now?: () => Date;
  readonly write: (plans: readonly SheetPlan[], path: string, force: boolean) => Promise<readonly { sheetName: string }[]>;
}

/** Runs the audit; returns 0. Throws UserError for a file or table it cannot read. */
export async function auditCommand(args: AuditArgs, io: AuditIO): Promise<number> {
  const table = await readTable(resolve(io.cwd, args.input), { sheet: args.sheet });
  const outPath = args.out === undefined ? null : resolve(io.cwd, args.out);
  if (outPath && !args.force && existsSync(outPath)) throw new UserError("OUTPUT_EXISTS", { path: outPath });
  const options = { weights: args.weights, method: args.method, pipeline: args.pipeline };
  const audit = runAudit(table.cells, options);
  const t = AUDIT_TEXT[args.lang];
  io.out(`${t.summaryTitle}${args.lang === "zh" ? "：" : ": "}${table.source}`);
  for (const line of auditSummary(audit, args.lang)) io.out(`  ${line}`);
  io.out("");
  // The flagged columns, with the numbers that flag them.
  const rows = statsTable(audit.columns, args.lang);
  const show = (x: unknown, digits: number) => (typeof x === "number" ? x.toFixed(digits) : String(x));
  const percent = (x: unknown) => (typeof x === "number" ? `${Math.round(x * 100)}%` : String(x));
  const flagged = rows.slice(1).filter((r) => r[10] !== "");
  if (flagged.length) {
    const header = [rows[0][0], rows[0][2], rows[0][3], rows[0][8], rows[0][9], rows[0][10]].map(String);
    for (const line of padCells([header, ...flagged.map((r) => [String(r[0]), percent(r[2]), percent(r[3]), show(r[8], 2), show(r[9], 2), String(r[10])])]))
      io.out(`  ${line}`);
  }
  if (outPath) {
    const plan = planAuditSheet(audit, {
      lang: args.lang,
      source: table.source,
      generatedAt: localDateTime(io.now?.() ?? new Date(), args.lang),
      version: version(),
    });
    const [written] = await io.write([plan], outPath, args.force);
    io.out("");
    io.out(`${args.lang === "zh" ? "已写入" : "Written"} ${outPath}${args.lang === "zh" ? "：" : ": "}${written.sheetName}`);
  }
  return 0;
}
