/* global Office, document */
/**
 * The task pane page's entry: waits for Office, then mounts the pane. The page also hosts the
 * custom functions (shared runtime): taskpane.html loads functions.js first.
 */
import { runInExcel } from "../excel/host";
import { languageOf } from "../text";
import { mountPane } from "./pane";

/** Set by webpack from package.json. */
declare const ADDIN_VERSION: string;

/** "2026-11-27 10:15" in local time: what the method note shows as the run's date. */
export function localTimestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    mountPane(document, {
      lang: languageOf(Office.context?.displayLanguage),
      run: runInExcel,
      inExcel: info.host === Office.HostType.Excel,
      version: typeof ADDIN_VERSION === "string" ? ADDIN_VERSION : "dev",
      now: () => localTimestamp(new Date()),
    });
  });
}
