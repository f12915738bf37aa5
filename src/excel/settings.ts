/* global Excel */
/**
 * Remembering the user's column mapping per data source in the workbook itself
 * (`workbook.settings`: saved with the file, private to this add-in), so that the next run on
 * the same table starts from the user's choices. What is loaded is validated: a setting written
 * by another version, edited by hand or damaged is ignored, never trusted.
 */
import * as z from "zod/mini";
import { ColumnKey, columnKeyOf, roleOfKey } from "../core/headers";

const SETTING_PREFIX = "ZBDS.mapping:";
const FORMAT_VERSION = 1;

/** Excel's widest sheet has 16,384 columns; keys are short ("ind:streamer_gmv_growth"). */
const StoredMapping = z.object({
  version: z.literal(FORMAT_VERSION),
  keys: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(16_384)),
});

/**
 * Saves the mapping of a source (its table name, or sheet!address).
 *
 * @example
 * await Excel.run((context) => saveMapping(context, "ZBDS_Sample", ["name:rank", "name:province", "skip", …]));
 */
export async function saveMapping(context: Excel.RequestContext, sourceKey: string, keys: readonly ColumnKey[]): Promise<void> {
  context.workbook.settings.add(settingKey(sourceKey), JSON.stringify({ version: FORMAT_VERSION, keys }));
  await context.sync();
}

/**
 * The saved mapping of a source, or null when there is none or what is stored is not a valid mapping.
 *
 * @example
 * await Excel.run((context) => loadMapping(context, "ZBDS_Sample")) // → ["name:rank", …] or null
 */
export async function loadMapping(context: Excel.RequestContext, sourceKey: string): Promise<ColumnKey[] | null> {
  const setting = context.workbook.settings.getItemOrNullObject(settingKey(sourceKey)).load("value");
  await context.sync();
  return setting.isNullObject ? null : parseStoredMapping(setting.value);
}

/** Reads a stored setting value; null for anything but a mapping this add-in wrote. */
export function parseStoredMapping(value: unknown): ColumnKey[] | null {
  let data: unknown;
  try {
    data = typeof value === "string" ? JSON.parse(value) : value;
  } catch {
    return null;
  }
  const parsed = StoredMapping.safeParse(data);
  if (!parsed.success) return null;
  // Every key must be one the mapping dropdowns offer; an unknown key means the setting is not ours.
  return parsed.data.keys.every((k) => columnKeyOf(roleOfKey(k)) === k) ? parsed.data.keys : null;
}

/** The setting's key for a source. */
export function settingKey(sourceKey: string): string {
  return SETTING_PREFIX + sourceKey;
}
