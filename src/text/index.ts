/**
 * The one text module: every string a user sees, in Chinese and English, and the one language type.
 *
 * - `messages.ts`: the closed set of error codes and weight-table findings, with their messages;
 *   the words that messages are built from; severities.
 * - `sheets.ts`: what the written sheets say (headers, titles, the method note).
 * - `pane.ts`: the task pane, its progress steps and its sections.
 * - `cli.ts`: the command line and the demo.
 * - `cells.ts`: what the custom functions put into cells besides numbers.
 *
 * No other folder holds user-visible text: a wording is changed here, once, for every surface.
 */
export type Lang = "zh" | "en";

export const LANGS: readonly Lang[] = ["zh", "en"];

/** A text in both languages (a dimension's name, a list of names, a word inside a message). */
export interface LocalText {
  readonly zh: string;
  readonly en: string;
}

/** The values a message template names: `{name}` is replaced by `params.name`. */
export type MessageParams = Readonly<Record<string, string | number | LocalText>>;

/**
 * The language of a display-language tag, as Office gives it ("zh-CN", "zh-TW" → zh; anything else,
 * or none, → en). The task pane and the custom functions both decide their language with it.
 *
 * @example
 * languageOf("zh-CN") // → "zh"
 * languageOf("de-DE") // → "en"
 */
export function languageOf(displayLanguage: unknown): Lang {
  return typeof displayLanguage === "string" && displayLanguage.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** Replaces `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, params: MessageParams, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, k)) return m;
    const v = params[k];
    return typeof v === "object" ? v[lang] : String(v);
  });
}

/** Both languages of a text built per language. */
export function bothLanguages(build: (lang: Lang) => string): LocalText {
  return { zh: build("zh"), en: build("en") };
}

export * from "./messages";
export * from "./sheets";
export * from "./pane";
export * from "./cli";
export * from "./cells";
export * from "./audit";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A date-time in this machine's local time, as the notes of the sheets show it.
 *
 * @example
 * localDateTime(new Date(2026, 11, 1, 15, 20), "zh") // → "2026年12月1日 15:20"
 * localDateTime(new Date(2026, 11, 1, 15, 20), "en") // → "1 Dec 2026, 15:20"
 */
export function localDateTime(d: Date, lang: Lang): string {
  const time = `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
  return lang === "zh"
    ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${time}`
    : `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${time}`;
}
