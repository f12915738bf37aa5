/* global Excel */
/**
 * Listening to a weight table while the task pane is open: every change of the table (an edited
 * weight, an added row) calls back once the edits pause, so that a burst of edits (a paste, a
 * fill-down, typing in several cells) gives one re-check, not one per cell.
 *
 * Office.js events: the handler is added with `table.onChanged.add` inside a batch, and removed
 * through the same request context that added it (Microsoft: "you must use the same
 * RequestContext"), hence `Excel.run(result.context, …)` in the unsubscribe function.
 */
import { UserError } from "../core/errors";
import type { ExcelRunner } from "./host";
import { WORDS } from "../text";

/** Default pause after the last change before `onChange` is called, in milliseconds. */
export const WATCH_DELAY_MS = 400;

/**
 * Calls `onChange` `delayMs` after the last of a burst of changes to the table `tableName`.
 * Resolves to an unsubscribe function that cancels a pending call and removes the handler; after
 * it, `onChange` is never called again. Throws {@link UserError} BAD_OPTION, listing the tables,
 * when there is no such table. Two syncs.
 *
 * @example
 * const stop = await watchWeightTable((b) => Excel.run(b), "ZBDS_Weights", () => recheck());
 * // … later, when the pane closes or another table is chosen:
 * await stop();
 */
export async function watchWeightTable(run: ExcelRunner, tableName: string, onChange: () => void, delayMs = WATCH_DELAY_MS): Promise<() => Promise<void>> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let active = true;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const handler = async (): Promise<void> => {
    if (!active) return;
    cancel();
    timer = setTimeout(() => {
      timer = null;
      if (active) onChange();
    }, delayMs);
  };

  const registration = await run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(tableName).load("name");
    const all = context.workbook.tables.load("items/name");
    await context.sync();
    if (table.isNullObject) {
      throw new UserError("BAD_OPTION", {
        name: WORDS.weightTable,
        value: JSON.stringify(tableName),
        options: all.items.map((x) => x.name).join(", ") || "—",
      });
    }
    const result = table.onChanged.add(handler);
    await context.sync();
    return result;
  });

  return async () => {
    if (!active) return;
    active = false;
    cancel();
    await Excel.run(registration.context, async (context) => {
      registration.remove();
      await context.sync();
    });
  };
}
