/* global Office, document */
/**
 * The task pane page. It also hosts the custom functions (shared runtime): taskpane.html loads
 * functions.js first. The full pane (ranked sheets, weights) is built on top of this page.
 */
import { taskpaneText, TaskpaneLang } from "./strings";

/** Fills the page's text in the user's display language. */
export function renderIntro(doc: Document, lang: TaskpaneLang): void {
  const t = taskpaneText(lang);
  doc.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  doc.title = t.title;
  setText(doc, "title", t.title);
  setText(doc, "intro", t.intro);
  setText(doc, "functions", t.functions);
}

function setText(doc: Document, id: string, text: string): void {
  const el = doc.getElementById(id);
  if (el) el.textContent = text;
}

function languageOf(displayLanguage: string | undefined): TaskpaneLang {
  return (displayLanguage ?? "").toLowerCase().startsWith("zh") ? "zh" : "en";
}

if (typeof Office !== "undefined") {
  Office.onReady(() => renderIntro(document, languageOf(Office.context?.displayLanguage)));
}
