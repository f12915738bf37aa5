/**
 * The one error family: a {@link UserError} is a problem the user can fix, with a code from the
 * closed set in `src/text/messages.ts` and the values its message names. Every surface shows it
 * in words: the custom functions as `#VALUE!` / `#N/A` with the message, the task pane and the
 * command line as text. Anything else thrown is a bug and is reported as one.
 */
import { ERROR_MESSAGES, ErrorCode, ExcelErrorKind, FINDING_MESSAGES, FindingCode, fill, Lang, LocalText, MessageParams } from "../text";

export type { ErrorCode, FindingCode, Lang, LocalText, MessageParams, Severity } from "../text";

/** A message of the closed set with its values: what an error, a hint or a detail line says. */
export interface Message {
  readonly code: ErrorCode;
  readonly params: MessageParams;
}

/** A user-input problem: a code from the closed set plus the values its message names. */
export class UserError extends Error implements Message {
  readonly code: ErrorCode;
  readonly params: MessageParams;
  /** Further lines worth showing with it (hints, the first rejected rows), in order. */
  readonly details: readonly Message[];

  constructor(code: ErrorCode, params: MessageParams = {}, details: readonly Message[] = []) {
    super(formatMessage(code, params, "en"));
    this.name = "UserError";
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

/** True for a {@link UserError} (also across bundle boundaries, where `instanceof` fails). */
export function isUserError(e: unknown): e is UserError {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as UserError).name === "UserError" &&
    typeof (e as UserError).code === "string" &&
    Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, (e as UserError).code)
  );
}

/** The message of an error code in one language, with its parameters filled in. */
export function formatMessage(code: ErrorCode, params: MessageParams, lang: Lang): string {
  return fill(ERROR_MESSAGES[code][lang], params, lang);
}

/** The text of an error, a hint or a detail line in one language. */
export function formatError(e: Message, lang: Lang): string {
  return formatMessage(e.code, e.params, lang);
}

/** The text of an error in both languages (an error that becomes a parameter of another one). */
export function errorText(e: Message): LocalText {
  return { zh: formatError(e, "zh"), en: formatError(e, "en") };
}

/** The message of a weight-table finding in one language. */
export function formatFinding(code: FindingCode, params: MessageParams, lang: Lang): string {
  return fill(FINDING_MESSAGES[code][lang], params, lang);
}

/** Which Excel error an error code becomes. */
export function excelErrorKind(code: ErrorCode): ExcelErrorKind {
  return ERROR_MESSAGES[code].excel;
}
