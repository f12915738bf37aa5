/* global CustomFunctions, Excel, Office */
/**
 * Custom-function host quirks, in one place: what Excel passes (omitted arguments as null, a blank
 * cell as 0 on desktop and null or "" on the web, a one-cell range as a 1×1 array), the display
 * language, and what cells take back (numbers, "" for blanks, CustomFunctions.Error with a message
 * on #VALUE! and #N/A only). No NaN, Infinity or null ever leaves this file. A quirk found in real
 * Excel is fixed here, once, for every function.
 */
import { ROW_BLANK } from "../core/dataset";
import { DEFAULT_PIPELINE } from "../core/options";
import type { IndexOptions } from "../core/pipeline";
import { rowYears } from "../core/years";
import { excelErrorKind, formatError, isUserError, UserError } from "../core/errors";
import { internalError, Lang, languageOf } from "../text";

/** Excel caps custom error messages; longer ones are cut with an ellipsis. */
const MAX_MESSAGE = 255;

/** The user's language from Office's display language; English outside Office. */
export function currentLang(): Lang {
  try {
    return languageOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "en";
  }
}

/** The CustomFunctions.Error for any thrown value: core errors in words, anything else as an internal error. */
export function toExcelError(e: unknown, lang: Lang = currentLang()): CustomFunctions.Error {
  if (isUserError(e)) {
    const code = excelErrorKind(e.code) === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, cut(formatError(e, lang)));
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, cut(internalError(detail)[lang]));
}

/** Runs a function body; any throw becomes the CustomFunctions.Error that Excel shows in the cell. */
export function guard<T>(body: (lang: Lang) => T): T {
  const lang = currentLang();
  try {
    return body(lang);
  } catch (e) {
    throw toExcelError(e, lang);
  }
}

/** One cell of a result: a finite number, "" for a blank, or an error. */
export type ResultCell = number | string | CustomFunctions.Error;

/** What {@link toColumn} needs to know about the data rows: their errors and which are blank. */
export interface RowInfo {
  readonly errors: ReadonlyMap<number, UserError>;
  /** Per data row: ROW_BLANK for a row with no value at all (see core/dataset.ts). */
  readonly status: ArrayLike<number>;
  /** Range row of the first data row: the header's row + 1 (rows above the header, titles and notes, get blank cells). */
  readonly firstDataRow: number;
}

/**
 * A result column aligned row for row with the data: an optional header label, then one cell
 * per data row. A row without a finite value gets its error if it has one, "" if it is blank,
 * and otherwise #NUM! (the computation overflowed): a row that holds data never shows as blank.
 */
export function toColumn(values: ArrayLike<number>, header: string | null, rows: RowInfo, lang: Lang): ResultCell[][] {
  return toColumns([values], header === null ? null : [header], rows, lang);
}

/**
 * Several result columns side by side, aligned with the data as {@link toColumn} aligns one;
 * a row without a result (error, blank or overflow) shows it in every column.
 */
export function toColumns(columns: readonly ArrayLike<number>[], headers: readonly string[] | null, rows: RowInfo, lang: Lang): ResultCell[][] {
  const n = columns[0].length;
  const width = columns.length;
  const lead = headers === null ? 0 : Math.max(1, rows.firstDataRow);
  const out: ResultCell[][] = new Array(n + lead);
  let k = 0;
  // Spilled results stay aligned with the data range: a blank row for each title row above the header, then the labels.
  for (; k < lead - 1; k++) out[k] = new Array<ResultCell>(width).fill("");
  if (headers !== null) out[k++] = [...headers];
  // A plain loop: this runs once per data row (10⁵–10⁶ of them) on every recalculation.
  if (width === 1) {
    // One column (LIVEINDEX, LIVESUBINDEX): each row an array literal, which V8 learns to allocate
    // straight into the old generation (allocation-site pretenuring) where `new Array(1)` rows are
    // copied through the young one: about 4× less time for a million rows (bench/ measures it).
    const col = columns[0];
    for (let r = 0; r < n; r++) {
      const v = col[r];
      out[k++] = [v - v === 0 ? v + 0 : rowWithoutValue(r, rows, lang)];
    }
    return out;
  }
  for (let r = 0; r < n; r++) {
    const row: ResultCell[] = new Array(width);
    let missing: ResultCell | null = null;
    for (let c = 0; c < width; c++) {
      const v = columns[c][r];
      row[c] = v - v === 0 ? v + 0 : (missing ??= rowWithoutValue(r, rows, lang));
    }
    out[k++] = row;
  }
  return out;
}

/** Reads an optional argument that Excel passes as null when omitted, or as a 1×1 range. */
export function scalarArg(v: unknown): unknown {
  let x = v;
  while (Array.isArray(x) && x.length === 1) x = x[0];
  return Array.isArray(x) ? x : x === undefined ? null : x;
}

/**
 * True when an optional argument was omitted: null, or a single blank cell, which Excel desktop
 * passes as 0 (office-js #1951, #5262; no weight table or method is a single 0, so 0 cannot mean
 * anything else).
 */
export function isOmittedRange(v: unknown): boolean {
  const x = scalarArg(v);
  return x === null || x === "" || x === 0;
}

/**
 * Runs `compute` knowing which option arguments came from blank cells. Excel desktop passes a
 * blank cell as 0 and the web as null (office-js #4702): where 0 is also a valid value (a spread,
 * a seed), a 0 whose parameter address names a cell is read again from the workbook, which a
 * custom function in a shared runtime may do (learn.microsoft.com: "Call Excel JavaScript APIs
 * from a custom function"). A 0 typed in the formula has no address and stays 0. Without a 0
 * from a cell, `compute` runs at once; else after one read, and if the workbook cannot be read
 * the 0 stays 0.
 */
export function withBlankOptionCells<T>(
  args: readonly unknown[],
  options: readonly number[],
  invocation: CustomFunctions.Invocation | undefined,
  compute: (blank: ReadonlySet<number>) => T,
): T | Promise<T> {
  const addresses = invocation?.parameterAddresses;
  const asked = options.filter((i) => scalarArg(args[i]) === 0 && typeof addresses?.[i] === "string" && addresses[i] !== "");
  if (asked.length === 0 || typeof Excel === "undefined") return compute(new Set());
  return readAreBlank(asked.map((i) => addresses![i])).then(
    (blank) => compute(new Set(asked.filter((_, k) => blank[k]))),
    () => compute(new Set()),
  );
}

/** Whether each one-cell address ("Sheet1!B2", "'My data'!B2") is a blank cell, in one sync. */
async function readAreBlank(addresses: readonly string[]): Promise<boolean[]> {
  return Excel.run(async (context) => {
    const ranges = addresses.map((a) => {
      const { sheet, cell } = splitAddress(a);
      const sheets = context.workbook.worksheets;
      return (sheet === null ? sheets.getActiveWorksheet() : sheets.getItem(sheet)).getRange(cell).load("values");
    });
    await context.sync();
    return ranges.map((r) => r.values.length === 1 && r.values[0].length === 1 && r.values[0][0] === "");
  });
}

/** An address as Excel gives it, split into sheet (unquoted, without a [workbook] prefix) and cell. */
export function splitAddress(address: string): { sheet: string | null; cell: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, cell: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  sheet = sheet.replace(/^\[[^\]]*\]/, "");
  return { sheet, cell: address.slice(bang + 1) };
}

/** What a row without a finite result shows: its error, "" when blank, else #NUM! (overflow). */
function rowWithoutValue(r: number, rows: RowInfo, lang: Lang): ResultCell {
  const err = rows.errors.get(r);
  if (err) return toExcelError(err, lang);
  if (rows.status[r] === ROW_BLANK) return "";
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
}

function cut(s: string): string {
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s;
}

/**
 * A scalar option as the user meant it: null when omitted or blank (null, "", or, with
 * `zeroIsBlank`, a lone 0: Excel desktop passes a blank cell as 0, so where 0 is not a meaningful
 * value it is read as blank), else the value.
 */
export function optionArg(v: unknown, zeroIsBlank: boolean): unknown {
  const x = scalarArg(v);
  return x === null || x === "" || (zeroIsBlank && x === 0) ? null : x;
}

/**
 * A one-value-per-row result of a table that may hold several years (core/years.ts): without a
 * year in the options, each year computed on its own rows (scaled on its own, or on the reference
 * year's scale) and each row given its own year's result, so that LIVEINDEX of a panel is the
 * indices of each year, never of the years pooled. A table of one year, or a year chosen, is one
 * computation. Each computation spills one row per row of the table (toColumn), so the rows line up.
 */
export function byYear(cells: unknown[][], options: IndexOptions, spill: (options: IndexOptions) => ResultCell[][]): ResultCell[][] {
  const pipeline = options.pipeline ?? DEFAULT_PIPELINE;
  const years = pipeline.year === undefined ? rowYears(cells) : null;
  if (!years || years.years.length < 2) return spill(options);
  const spills = new Map(years.years.map((year) => [year, spill({ ...options, pipeline: { ...pipeline, year } })]));
  const first = spills.get(years.years[0])!;
  return first.map((row, r) => {
    const year = years.byRow[r];
    return year === null || year === undefined ? row : spills.get(year)![r];
  });
}
