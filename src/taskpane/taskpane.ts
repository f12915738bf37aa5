/* global Office, document */
/**
 * The task pane page's entry: waits for Office, then mounts the pane. The page also hosts the
 * custom functions (shared runtime): taskpane.html loads functions.js first.
 */
import { runInExcel } from "../excel/host";
import { languageOf, localDateTime } from "../text";
import { mountPane } from "./pane";
import { WORKER_FILE } from "./analysis-client";

/** Set by webpack from package.json. */
declare const ADDIN_VERSION: string;

if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    const lang = languageOf(Office.context?.displayLanguage);
    mountPane(document, {
      lang,
      run: runInExcel,
      inExcel: info.host === Office.HostType.Excel,
      version: typeof ADDIN_VERSION === "string" ? ADDIN_VERSION : "dev",
      now: () => localDateTime(new Date(), lang),
      workerUrl: WORKER_FILE,
    });
  });
}
