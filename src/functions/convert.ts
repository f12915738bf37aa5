/* global CustomFunctions, Office */
/**
 * The one place that turns core results and core errors into what Excel cells take:
 * numbers, "" for blanks, CustomFunctions.Error for errors. No NaN, Infinity or null ever
 * leaves this file.
 */
import { excelErrorKind, formatError, IndexError, isIndexError, Lang } from "../core/errors";

/** Excel caps custom error messages; longer ones are cut with an ellipsis. */
const MAX_MESSAGE = 255;

/** The user's language from Office's display language; English outside Office. */
export function currentLang(): Lang {
  try {
    const lang = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    return typeof lang === "string" && lang.toLowerCase().startsWith("zh") ? "zh" : "en";
  } catch {
    return "en";
  }
}

/** The CustomFunctions.Error for any thrown value: core errors in words, anything else as an internal error. */
export function toExcelError(e: unknown, lang: Lang = currentLang()): CustomFunctions.Error {
  if (isIndexError(e)) {
    const code = excelErrorKind(e.code) === "na" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, cut(formatError(e, lang)));
  }
  const detail = e instanceof Error ? e.message : String(e);
  const text = lang === "zh" ? `内部错误，请报告此问题：${detail}` : `Internal error, please report it: ${detail}`;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, cut(text));
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

/**
 * A result column aligned row for row with the data: an optional header label, then one cell
 * per data row; NaN becomes the row's error if it has one, else "".
 */
export function toColumn(values: ArrayLike<number>, header: string | null, errors: ReadonlyMap<number, IndexError>, lang: Lang): ResultCell[][] {
  const out: ResultCell[][] = [];
  if (header !== null) out.push([header]);
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (v - v === 0) out.push([v]);
    else {
      const err = errors.get(r);
      out.push([err ? toExcelError(err, lang) : ""]);
    }
  }
  return out;
}

/** Reads an optional argument that Excel passes as null when omitted, or as a 1×1 range. */
export function scalarArg(v: unknown): unknown {
  let x = v;
  while (Array.isArray(x) && x.length === 1) x = x[0];
  return Array.isArray(x) ? x : x === undefined ? null : x;
}

/** True when an optional range argument was omitted (null, or a single blank cell). */
export function isOmittedRange(v: unknown): boolean {
  const x = scalarArg(v);
  return x === null || x === "";
}

function cut(s: string): string {
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s;
}
