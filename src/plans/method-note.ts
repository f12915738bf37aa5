/**
 * The method note, built once: every ranked sheet, from the task pane or the command line, carries
 * these lines with these words, and the analysis sheets carry the lines that describe the data
 * and the weights ({@link runNoteLines}).
 */
import { explainRejected, IndexRun } from "../core/workflow";
import { DIMENSIONS, TOP100_DIMENSION_ORDER, dimensionIndex } from "../core/framework";
import { formatError } from "../core/errors";
import { describeScaling } from "../core/scaling";
import { Lang, LocalText, METHOD_NOTE_TEXT, weightsLabel, WeightsSource } from "../text";
import { pad, PlanValue } from "./plan";

export type SheetMode = "values" | "formulas";

export interface NoteContext {
  readonly lang: Lang;
  /** Where the data came from ("Sheet1!A1:J101", a file name). */
  readonly source: string;
  readonly weights: WeightsSource;
  /** ISO or local date-time of the run (passed in: plans stay pure and repeatable). */
  readonly generatedAt: string;
  readonly version: string;
}

export interface RankedNoteContext extends NoteContext {
  readonly topN: number;
  readonly mode: SheetMode;
  /** Names printed in the source that deserve a note (e.g. the report's 涿水县). */
  readonly nameNotes?: Readonly<Record<string, LocalText>>;
  /** Data rows hidden in the source (by hand or by a filter), and whether they were left out. */
  readonly hiddenRows?: { readonly count: number; readonly leftOut: boolean };
}

/** Columns of the note: a label, then one per dimension (the weights row needs five). */
export const NOTE_WIDTH = 1 + DIMENSIONS.length;
/** The note's row (from its top) that holds the first-level weights, in the Top-100 order: live totals refer to it. */
export const NOTE_WEIGHTS_ROW = 5;
/** Rows left out are each named in the note, up to this many. */
const MAX_LISTED_PROBLEMS = 200;

/**
 * The ranked sheet's method note: source, regions ranked, weights (names and values), scaling,
 * the missing-data and ranking rules, the top N, the mode, date, version, skipped rows, names.
 */
export function rankedNoteLines(run: IndexRun, o: RankedNoteContext): PlanValue[][] {
  const t = METHOD_NOTE_TEXT[o.lang];
  const dims = TOP100_DIMENSION_ORDER.map(dimensionIndex);
  const row = (label: string, ...values: PlanValue[]): PlanValue[] => pad([label, ...values], NOTE_WIDTH);
  const lines: PlanValue[][] = [
    row(t.noteTitle),
    row(t.source, o.source),
    row(t.ranked, run.ranking.districts.length),
    row(t.weights, weightsLabel(o.weights, o.lang)),
    row(t.dimensionWeights, ...dims.map((d) => DIMENSIONS[d][o.lang])),
    row("", ...dims.map((d) => run.weights.dimensions[d])),
    row(t.scaling, scalingText(run, o.lang)),
    row(t.missing, t.missingRule),
    row(t.ranking, t.rankingRule),
    row(t.topN, t.topNValue(o.topN)),
    row(t.mode, o.mode === "formulas" ? t.modeFormulas : t.modeValues),
    row(t.generated, o.generatedAt),
    row(t.version, o.version),
  ];
  const { columns } = run.result.input;
  if (columns.hasHeader && columns.headerRow > 0) lines.push(row(t.headerRow, t.headerRowValue(columns.headerRow + 1)));
  if (columns.names.district === undefined) lines.push(row(t.names, t.noDistrict));
  if (o.hiddenRows && o.hiddenRows.count > 0) lines.push(row(t.hiddenRows, t.hiddenRowsValue(o.hiddenRows.count, o.hiddenRows.leftOut)));
  const rejected = run.ranking.rejected;
  if (rejected.length) {
    lines.push(row(t.skipped, rejected.length));
    for (const m of explainRejected(run).slice(0, MAX_LISTED_PROBLEMS)) lines.push(row("", formatError(m, o.lang)));
  }
  const noted = [...new Set(run.ranking.districts.map((d) => d.district))].filter((d) => o.nameNotes?.[d]);
  for (const name of noted) lines.push(row(t.names, `${name}: ${o.nameNotes![name][o.lang]}`));
  return lines;
}

/** The lines an analysis sheet's note shares with the ranked sheet's: source, scaling, missing data. */
export function runNoteLines(run: IndexRun, lang: Lang, source: string): PlanValue[][] {
  const t = METHOD_NOTE_TEXT[lang];
  return [
    [t.source, source],
    [t.scaling, scalingText(run, lang)],
    [t.missing, t.missingRule],
  ];
}

/** The date and version lines that end every note. */
export function stampLines(lang: Lang, generatedAt: string | undefined, version: string | undefined): PlanValue[][] {
  const t = METHOD_NOTE_TEXT[lang];
  return [...(generatedAt ? [[t.generated, generatedAt]] : []), ...(version ? [[t.version, version]] : [])];
}

/** The scaling line: the method and its formula, or "none" for sub-index input. */
function scalingText(run: IndexRun, lang: Lang): string {
  return run.method ? describeScaling(run.method, lang) : METHOD_NOTE_TEXT[lang].scalingNone;
}
