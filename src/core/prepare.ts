/**
 * The steps before scaling, as the options ask (core/options.ts): screen the regions whose
 * coverage is too low, impute the missing cells, treat outlying columns. The read table is not
 * changed: the prepared one is a copy, with a record of what each step did for the method note.
 */
import { Cells, IndexInput, ROW_ERROR, ROW_OK } from "./dataset";
import { UserError } from "./errors";
import { DIMENSIONS } from "./framework";
import { DEFAULT_PIPELINE, PipelineOptions, preparesNothing } from "./options";
import { cleanText, percentText } from "./text";
import { Treatment, treatColumn } from "./treat";

export interface Preparation {
  readonly options: PipelineOptions;
  /** Rows left out for low coverage, or (missing=none) for a dimension without any value (data rows). */
  readonly screened: readonly number[];
  /** Per framework item: cells filled by the rule (0 for the report's rule: its fill is the reading). */
  readonly imputed: readonly number[];
  /** Per framework item: its treatment, or null when the column was not read or not treated. */
  readonly treatments: readonly (Treatment | null)[];
}

export const NO_PREPARATION = (input: IndexInput, options: PipelineOptions = DEFAULT_PIPELINE): Preparation => ({
  options,
  screened: [],
  imputed: input.values.map(() => 0),
  treatments: input.values.map(() => null),
});

/**
 * The table as the options prepare it, and what was done. With the default options the input is
 * returned as it is.
 *
 * @example
 * prepareInput(cells, input, readPipelineOptions("missing=median")).input.values[0] // → the column with its blanks at the median
 */
export function prepareInput(cells: Cells, input: IndexInput, options: PipelineOptions): { input: IndexInput; preparation: Preparation } {
  if (preparesNothing(options)) return { input, preparation: NO_PREPARATION(input, options) };
  const status = Uint8Array.from(input.status);
  const errors = new Map(input.errors);
  const values = input.values.map((col) => (col ? Float64Array.from(col) : null));
  const items = values.map((col, i) => (col ? i : -1)).filter((i) => i >= 0);

  // Screen: the share of a region's read columns that hold a value.
  const screened: number[] = [];
  if (options.coverage > 0 && items.length) {
    for (let r = 0; r < input.rowCount; r++) {
      if (status[r] !== ROW_OK) continue;
      const available = items.filter((i) => !input.missing[i]![r]).length;
      const share = available / items.length;
      if (share + 1e-12 >= options.coverage) continue;
      status[r] = ROW_ERROR;
      errors.set(r, new UserError("LOW_COVERAGE", { row: r + input.firstDataRow + 1, share: percentText(share), coverage: percentText(options.coverage) }));
      screened.push(r);
    }
  }

  // Impute: the report's fill is already in the values; the other rules fill the missing cells again.
  const imputed = values.map(() => 0);
  if (options.missing !== "report") {
    const provinces = provinceOf(cells, input);
    for (const i of items) {
      const col = values[i]!;
      const gaps = input.missing[i]!;
      const known: number[] = [];
      for (let r = 0; r < input.rowCount; r++) if (status[r] === ROW_OK && !gaps[r]) known.push(col[r]);
      const overall = options.missing === "mean" ? mean(known) : median(known);
      const byProvince = options.missing === "province-median" ? provinceMedians(col, gaps, status, provinces) : null;
      for (let r = 0; r < input.rowCount; r++) {
        if (status[r] !== ROW_OK || !gaps[r]) continue;
        col[r] = options.missing === "none" ? NaN : (byProvince?.get(provinces[r]) ?? overall);
        imputed[i]++;
      }
    }
  }

  // Left missing: a region needs at least one indicator of each dimension the index weights.
  if (options.missing === "none" && input.level === "indicator") {
    for (let r = 0; r < input.rowCount; r++) {
      if (status[r] !== ROW_OK) continue;
      const empty = DIMENSIONS.find((d) => {
        const read = d.indicators.filter((i) => values[i]);
        return read.length > 0 && read.every((i) => Number.isNaN(values[i]![r]));
      });
      if (!empty) continue;
      status[r] = ROW_ERROR;
      errors.set(r, new UserError("EMPTY_DIMENSION", { row: r + input.firstDataRow + 1, dimension: { zh: empty.zh, en: empty.en } }));
      screened.push(r);
    }
  }

  // Treat: over the regions ranked.
  const include = new Uint8Array(input.rowCount);
  for (let r = 0; r < input.rowCount; r++) include[r] = status[r] === ROW_OK ? 1 : 0;
  const treatments = values.map((col) => (col && options.treat === "winsorise" ? treatColumn(col, include) : null));

  return { input: { ...input, values, status, errors }, preparation: { options, screened, imputed, treatments } };
}

/** The province of each data row ("" when the table has no province column). */
function provinceOf(cells: Cells, input: IndexInput): string[] {
  const col = input.columns.names.province;
  return Array.from({ length: input.rowCount }, (_, r) => (col === undefined ? "" : cleanText(String(cells[r + input.firstDataRow][col] ?? "")).trim()));
}

/** The median of each province's known values (provinces without one are absent: the overall median fills them). */
function provinceMedians(col: Float64Array, gaps: Uint8Array, status: Uint8Array, provinces: readonly string[]): Map<string, number> {
  const groups = new Map<string, number[]>();
  for (let r = 0; r < col.length; r++) {
    if (status[r] !== ROW_OK || gaps[r] || !provinces[r] || provinces[r] === "-") continue;
    const g = groups.get(provinces[r]) ?? [];
    g.push(col[r]);
    groups.set(provinces[r], g);
  }
  return new Map([...groups].map(([p, v]) => [p, median(v)]));
}

/** AVERAGE; 0 with no value (the column then adds nothing). */
function mean(v: readonly number[]): number {
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
}

/** MEDIAN; 0 with no value. */
function median(v: readonly number[]): number {
  if (!v.length) return 0;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
