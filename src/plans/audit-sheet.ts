/**
 * The audit sheet (数据审计 / Audit) as a plan, applied by the same writers as every other sheet:
 *
 *   A1  the title
 *   A3  the plain-words summary, one sentence a row
 *   A…  the statistics (an Excel table; flagged rows' flags cell filled), after treatment too when the options treat
 *   A…  the correlations of the scaled indicators, a red–white–blue heatmap from −1 to +1
 *   A…  the coherence of each sub-index
 *   A…  the method note: source, scaling, data treatment, date, version
 *
 * Printed on A4 landscape, one page wide, each part from a page of its own.
 */
import type { Audit } from "../core/audit";
import { AUDIT_TEXT, Lang, METHOD_NOTE_TEXT } from "../text";
import { wrapText } from "../core/text";
import { shortName } from "../core/headers";
import { auditSummary, coherenceTable, correlationTable, statsTable, treatmentTable } from "./audit-tables";
import { runNoteLines, stampLines, wrapNoteRows } from "./method-note";
import { planPage, PrintArea } from "./page";
import { BlockId, CellBlock, columnWidths, EMPHASIS_FILL, PlanValue, SheetPlan } from "./plan";

/** Display width of a summary line: about the statistics table's printed width. */
const SUMMARY_LINE_WIDTH = 110;

/** Number formats of the statistics' columns (as statsTable lays them out). */
const STATS_FORMATS = [null, "0", "0.0%", "0.0%", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", null];

export interface AuditSheetOptions {
  readonly lang: Lang;
  /** Where the data came from, for the title and the note. */
  readonly source: string;
  readonly generatedAt?: string;
  readonly version?: string;
}

/**
 * Plans the audit sheet of an audit.
 *
 * @example
 * planAuditSheet(runAudit(cells), { lang: "zh", source: "data.csv" }).sheetName // → "数据审计"
 */
export function planAuditSheet(audit: Audit, o: AuditSheetOptions): SheetPlan {
  const run = audit.run;
  const t = AUDIT_TEXT[o.lang];
  const blocks: CellBlock[] = [];
  const areas: PrintArea[] = [];
  let row = 0;
  const add = (id: BlockId, values: PlanValue[][], headerRows: number, formats: (string | null)[] = []): CellBlock => {
    const width = Math.max(...values.map((r) => r.length));
    const b: CellBlock = {
      id,
      row,
      col: 0,
      values: values.map((r) => [...r, ...new Array<PlanValue>(width - r.length).fill("")]),
      headerRows,
      columnFormats: formats,
    };
    blocks.push(b);
    areas.push({ row, col: 0, rows: values.length, cols: width });
    row += values.length + 1;
    return b;
  };
  add("title", [[t.title(o.source)]], 1);
  add("summary", [[t.summaryTitle], ...auditSummaryRows(audit, o.lang)], 1);
  const stats = add("stats", statsTable(audit.columns, o.lang), 1, STATS_FORMATS);
  let treated: CellBlock | null = null;
  if (audit.treated) {
    add("treatment", treatmentTable(audit.treated, audit.result.preparation.treatments, o.lang), 1, [null, null, "0.00", "0.00", "0.00", "0.00"]);
    treated = add("treatedStats", [[t.afterTreatment], ...statsTable(audit.treated, o.lang)], 2, STATS_FORMATS);
  }
  // The heatmap numbered: "1 主播直播引导成交额" down the side, 1…n across, so that its columns stay narrow.
  const matrix = correlationTable(audit.correlations, o.lang).map((r, k) =>
    k === 0 ? ["", ...r.slice(1).map((_, c) => c + 1)] : [`${k} ${shortName(String(r[0]), o.lang)}`, ...r.slice(1)],
  );
  const corr = add("correlations", [[t.correlations("pearson")], ...matrix], 2, [null, ...audit.correlations.items.map(() => "0.00")]);
  add("coherence", coherenceTable(audit.coherence, o.lang), 1, [null, "0.00", "0.0%", "0.00", "0.0%", null]);
  add(
    "note",
    wrapNoteRows([[METHOD_NOTE_TEXT[o.lang].noteTitle, ""], ...runNoteLines(run, o.lang, o.source), ...stampLines(o.lang, o.generatedAt, o.version)]),
    1,
  );
  // Widths from the tables (the summary's sentences and the heatmap's long names overflow or are cut).
  const widths = columnWidths(blocks.filter((b) => b.id !== "summary" && b.id !== "correlations")).map((w, c) => (c === 0 ? Math.max(w, 24) : Math.max(w, 9)));
  // The cells of the flags column that hold a flag.
  const flagged = (b: CellBlock) => b.values.flatMap((r, i) => (i >= b.headerRows && r[r.length - 1] !== "" ? [[i, r.length - 1] as const] : []));
  return {
    sheetName: t.sheet,
    blocks: blocks.map((b) => (b.id === "note" ? { ...b, align: "left" as const } : b)),
    tables: [{ name: "ZBDS_Stats", block: "stats", style: "TableStyleMedium2" }],
    freezeRows: 0,
    columnWidths: widths,
    mainBlock: stats.id,
    dataBarColumn: null,
    emphasisedRows: 0,
    emphasisFill: EMPHASIS_FILL,
    chart: null,
    highlights: [{ block: "stats", cells: flagged(stats) }, ...(treated ? [{ block: "treatedStats" as BlockId, cells: flagged(treated) }] : [])],
    colorScales: [{ block: corr.id, firstColumn: 1, columns: audit.correlations.items.length }],
    // The summary's sentences overflow to the right: its area is as wide as the widest table.
    page: planPage(
      areas.slice(1).map((a, i) => (i === 0 ? { ...a, cols: Math.max(...areas.map((x) => x.cols)) } : a)),
      widths,
      { lang: o.lang, titleRows: 0, title: t.title(o.source) },
    ),
  };
}

/** The summary sentences, each cut to the printed width of a line. */
function auditSummaryRows(audit: Audit, lang: Lang): PlanValue[][] {
  return auditSummary(audit, lang).flatMap((s) => wrapText(s, SUMMARY_LINE_WIDTH).map((line) => [line]));
}
