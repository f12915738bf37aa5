/**
 * Browser entry for the task-pane test: served in place of office.js, it installs the in-memory
 * Excel stand-in with the workbook the test put in `window.__FAKE_INIT__`, and exposes the
 * handle as `window.__fake` so the test can read the workbook back.
 */
import { installFakeExcel, WorkbookInit } from "../fakes/fake-excel";

const w = globalThis as unknown as { __FAKE_INIT__?: WorkbookInit; __fake?: unknown };
w.__fake = installFakeExcel(globalThis, w.__FAKE_INIT__ ?? {});
