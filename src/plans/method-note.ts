/**
 * The method note, built once: every ranked sheet, from the task pane or the command line, carries
 * these lines with these words, and the analysis sheets carry the lines that describe the data
 * and the weights ({@link runNoteLines}).
 */
import { explainRejected, IndexRun } from "../core/workflow";
import { DIMENSIONS, INDICATORS, TOP100_DIMENSION_ORDER, dimensionIndex } from "../core/framework";
import { preparesNothing } from "../core/options";
import { GEOMETRIC_FLOOR } from "../core/aggregate";
import { optionsText, treatedColumns } from "./audit-tables";
import { formatError } from "../core/errors";
import { describeScaling } from "../core/scaling";
import { Lang, LocalText, METHOD_NOTE_TEXT, weightsLabel, WeightsSource, WORDS } from "../text";
import { wrapText } from "../core/text";
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
  /** The sheet has a column 省内排名 / Rank in province: the competition rank among the regions of the same province (its rule is in the note). */
  readonly provinceRank?: boolean;
  /** What the summary and the optional rank group by: the province, or the city in a table without provinces. */
  readonly groupBy?: "province" | "city";
  /** Data rows hidden in the source (by hand or by a filter), and whether they were left out. */
  readonly hiddenRows?: { readonly count: number; readonly leftOut: boolean };
}

/** Columns of the note: a label, a value; the weights rows add the weight as given and the effective weight. */
export const NOTE_WIDTH = 4;
/** The note's row (from its top) of the first dimension's weight, the five in the Top-100 order, one per row: live totals refer to them. */
export const NOTE_WEIGHTS_ROW = 5;
/** The note's column (from its left) of the effective dimension weights. */
export const NOTE_EFFECTIVE_COLUMN = 3;
/** Number formats of the note's columns: the weights as percents. */
export const NOTE_FORMATS = [null, null, "0.0%", "0.0%"];
/** Display width (a CJK character counts 2) of a note line: longer texts go on to the next rows, so that the note prints whole. */
export const NOTE_LINE_WIDTH = 64;
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
  const n = run.ranking.districts.length;
  const lines: PlanValue[][] = [
    row(t.noteTitle),
    row(t.source, o.source),
    row(t.ranked, n),
    row(t.weights, weightsLabel(o.weights, o.lang, "short")),
    row(t.dimensionWeights, "", t.weightGiven, t.weightEffective),
    // One dimension per row, as percents: the weight as given and its share of the total.
    ...dims.map((d) => row("", DIMENSIONS[d][o.lang], run.weights.givenDimensions[d], run.weights.dimensions[d])),
    // Where the weights come from in full, below the rows that live totals refer to (its lines may be several).
    ...textRows("", weightsLabel(o.weights, o.lang)),
    ...textRows(t.scaling, scalingText(run, o.lang)),
    ...preparationRows(run, o.lang),
    ...growthRows(run, o.lang),
    ...aggregationRows(run, o.lang),
    ...(run.method && run.result.rescale ? textRows(t.rescaledLabel, t.rescaled) : []),
    ...textRows(t.missing, missingRule(run, o.lang)),
    ...textRows(t.ranking, t.rankingRule),
    ...(o.groupBy === "city" ? textRows(t.names, t.groupedByCity) : []),
    ...(o.provinceRank ? (o.groupBy === "city" ? textRows(t.cityRankLabel, t.cityRankRule) : textRows(t.provinceRankLabel, t.provinceRankRule)) : []),
    row(t.topN, o.topN < n ? t.topNValue(o.topN) : t.topNAll(n, o.topN)),
    row(t.mode, o.mode === "formulas" ? t.modeFormulas : t.modeValues),
    row(t.generated, o.generatedAt),
    row(t.version, o.version),
  ];
  const { columns } = run.result.input;
  if (columns.hasHeader && columns.headerRow > 0) lines.push(row(t.headerRow, t.headerRowValue(columns.headerRow + 1)));
  if (columns.names.district === undefined) lines.push(...textRows(t.names, t.noDistrict));
  if (o.hiddenRows && o.hiddenRows.count > 0) lines.push(...textRows(t.hiddenRows, t.hiddenRowsValue(o.hiddenRows.count, o.hiddenRows.leftOut)));
  lines.push(...rejectedRows(run, o.lang));
  const noted = [...new Set(run.ranking.districts.map((d) => d.district))].filter((d) => o.nameNotes?.[d]);
  for (const name of noted) lines.push(...textRows(t.names, `${name}${o.lang === "zh" ? "：" : ": "}${o.nameNotes![name][o.lang]}`));
  return lines;
}

/** A labelled text as note rows: cut into lines of at most {@link NOTE_LINE_WIDTH}, the label on the first. */
function textRows(label: string, text: string, width = NOTE_WIDTH): PlanValue[][] {
  return wrapText(text, NOTE_LINE_WIDTH).map((line, i) => pad([i === 0 ? label : "", line], width));
}

/** Note rows of a label and a value each, a long text value cut into lines as the ranked sheet's note is. */
export function wrapNoteRows(rows: readonly PlanValue[][]): PlanValue[][] {
  return rows.flatMap((r) => (typeof r[1] === "string" && r.length === 2 ? textRows(String(r[0] ?? ""), r[1], 2) : [r]));
}

/** The lines an analysis sheet's note shares with the ranked sheet's: source, scaling, data treatment, missing data. */
export function runNoteLines(run: IndexRun, lang: Lang, source: string): PlanValue[][] {
  const t = METHOD_NOTE_TEXT[lang];
  return [
    [t.source, source],
    [t.scaling, scalingText(run, lang)],
    ...preparationRows(run, lang, 2),
    ...growthRows(run, lang, 2),
    ...aggregationRows(run, lang, 2),
    [t.missing, missingRule(run, lang)],
    ...rejectedRows(run, lang, 2),
  ];
}

/** The missing-data rule the run used: the report's, or the one the options chose. */
function missingRule(run: IndexRun, lang: Lang): string {
  const rule = run.result.preparation.options.missing;
  return rule === "report" ? METHOD_NOTE_TEXT[lang].missingRule : METHOD_NOTE_TEXT[lang].missingRuleFor[rule];
}

/** The rows left out, counted, then each named with its reason (bad data, a 合计 row, too little data …). */
export function rejectedRows(run: IndexRun, lang: Lang, width = NOTE_WIDTH, label?: string): PlanValue[][] {
  const rejected = run.ranking.rejected;
  if (!rejected.length) return [];
  const t = METHOD_NOTE_TEXT[lang];
  return [
    pad([label ?? t.skipped, rejected.length], width),
    ...explainRejected(run)
      .slice(0, MAX_LISTED_PROBLEMS)
      .flatMap((m) => textRows("", formatError(m, lang), width)),
  ];
}

/**
 * What the steps before scaling did (core/prepare.ts), when the options asked for any: the options,
 * the cells imputed (or left missing), the regions screened out, the columns treated.
 */
function preparationRows(run: IndexRun, lang: Lang, width = NOTE_WIDTH): PlanValue[][] {
  const p = run.result.preparation;
  if (preparesNothing(p.options)) return [];
  const t = METHOD_NOTE_TEXT[lang];
  const imputed = p.imputed.reduce((a, b) => a + b, 0);
  const treated = treatedColumns(run.result, lang);
  const lines = [
    t.preparationValue(optionsText(p.options)),
    ...(imputed ? [p.options.missing === "none" ? t.leftMissing(imputed) : t.imputed(imputed, t.missingLabels[p.options.missing])] : []),
    ...(p.screened.length ? [t.screenedRows(p.screened.length)] : []),
    ...(treated.length ? [t.treatedColumns(treated.join(WORDS.listSeparator[lang]))] : []),
  ];
  return lines.flatMap((line, i) => textRows(i === 0 ? t.preparation : "", line, width));
}

/** The growth indicators computed from two years' levels (core/years.ts), when the table had levels and no growth rates. */
function growthRows(run: IndexRun, lang: Lang, width = NOTE_WIDTH): PlanValue[][] {
  const derived = run.result.derivedGrowth;
  if (!derived.length) return [];
  const t = METHOD_NOTE_TEXT[lang];
  return textRows(t.growth, t.growthFromLevels(derived.map((i) => INDICATORS[i][lang]).join(WORDS.listSeparator[lang])), width);
}

/** How the total was made, when not as the report (the weighted arithmetic mean). */
function aggregationRows(run: IndexRun, lang: Lang, width = NOTE_WIDTH): PlanValue[][] {
  const t = METHOD_NOTE_TEXT[lang].aggregationFor;
  const rule = run.result.aggregate;
  if (rule === "mean") return [];
  return textRows(METHOD_NOTE_TEXT[lang].aggregation, rule === "geometric" ? t.geometric(GEOMETRIC_FLOOR) : t.topsis, width);
}

/** The date and version lines that end every note. */
export function stampLines(lang: Lang, generatedAt: string | undefined, version: string | undefined): PlanValue[][] {
  const t = METHOD_NOTE_TEXT[lang];
  return [...(generatedAt ? [[t.generated, generatedAt]] : []), ...(version ? [[t.version, version]] : [])];
}

/** The scaling line: the method and its formula, or "none" for sub-index input. */
function scalingText(run: IndexRun, lang: Lang): string {
  // A table of several years on one year's scale: goalposts from that year, not clamped (core/pipeline.ts yearStep).
  const reference = run.result.preparation.options.referenceYear;
  if (run.method && reference !== undefined && run.result.method === "goalposts") return METHOD_NOTE_TEXT[lang].referenceScaling(reference);
  return run.method ? describeScaling(run.method, lang) : METHOD_NOTE_TEXT[lang].scalingNone;
}
