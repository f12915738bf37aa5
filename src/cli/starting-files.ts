/**
 * `live-index sample` and `live-index weights`: the report's Top-100 table and its weight table as
 * starting files, a .csv (UTF-8 with a byte-order mark, which Excel opens as UTF-8) or an .xlsx
 * (the sheets the task pane inserts). Nothing existing is overwritten without --force.
 */
import { writeFile } from "fs/promises";
import { extname, isAbsolute, relative, resolve } from "path";
import { formatCsv } from "../core/csv";
import { UserError } from "../core/errors";
import { NameLanguage, weightTableToCells, WeightTable } from "../core/weights";
import { DIMENSIONS, INDICATORS } from "../core/framework";
import { padCells } from "./table-text";
import type { SheetPlan } from "../plans/plan";
import { planSampleSheet, sampleTableCells } from "../plans/sample-sheet";
import { planWeightSheet } from "../plans/weight-sheets";
import { DATA_WEIGHTS_TEXT, STARTING_FILE_TEXT } from "../text";

export interface StartingFileArgs {
  readonly kind: "sample" | "weights";
  readonly out: string | undefined;
  readonly lang: NameLanguage;
  readonly force: boolean;
  /** `weights --from <data>`: the weights computed from a data table instead of the report's, and by which method. */
  readonly table?: WeightTable;
  readonly method?: string;
}

export interface StartingFileIO {
  readonly out: (line: string) => void;
  readonly cwd: string;
  /** How the user ran the command (`npx live-index` or `live-index`), for the next command shown. */
  readonly command: string;
  readonly writeXlsx: (plans: readonly SheetPlan[], path: string, force: boolean) => Promise<unknown>;
}

/** Default file names, in the current folder. */
export const DEFAULT_STARTING_FILES = { sample: "top100-2020.csv", weights: "weights-2020.csv" } as const;

/**
 * Writes the starting file; returns its path. Throws UserError OUTPUT_EXISTS (without --force),
 * OUTPUT_UNWRITABLE, or USAGE_BAD_VALUE for an --out that is neither .csv nor .xlsx.
 *
 * @example
 * await writeStartingFile({ kind: "weights", out: undefined, lang: "zh", force: false }, io) // → ".../weights-2020.csv"
 */
export async function writeStartingFile(args: StartingFileArgs, io: StartingFileIO): Promise<string> {
  const path = resolve(io.cwd, args.out ?? DEFAULT_STARTING_FILES[args.kind]);
  const ext = extname(path).toLowerCase();
  const sheetLang = args.lang === "en" ? "en" : "zh";
  if (ext === ".xlsx") {
    await io.writeXlsx([args.kind === "sample" ? planSampleSheet(sheetLang) : planWeightSheet(sheetLang, args.table)], path, args.force);
  } else {
    await writeCsvFile(path, args.kind === "sample" ? sampleTableCells() : weightTableToCells(args.lang, args.table), args.force);
  }
  if (args.table) for (const line of weightLines(args.table, sheetLang)) io.out(line);
  // The next command names the file as the user can type it from here: relative when it is below this folder.
  const rel = relative(io.cwd, path);
  const arg = rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
  io.out(args.table ? DATA_WEIGHTS_TEXT.written(path, args.method ?? "", io.command, arg) : STARTING_FILE_TEXT.written(args.kind, path, io.command, arg));
  return path;
}

/** A computed weight table as the terminal shows it: each sub-index's weight, then its indicators' weights within it. */
export function weightLines(table: WeightTable, lang: "zh" | "en"): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const rows: string[][] = [];
  for (const d of DIMENSIONS) {
    rows.push([d[lang], pct(table.dimensions[d.index])]);
    for (const i of d.indicators) rows.push([`  ${INDICATORS[i][lang]}`, pct(table.indicators[i])]);
  }
  return padCells(rows).map((l) => `  ${l}`);
}

/**
 * Writes cells as a .csv that Excel opens as UTF-8 (a byte-order mark first), never over an
 * existing file without `force`: UserError OUTPUT_EXISTS or OUTPUT_UNWRITABLE.
 */
export async function writeCsvFile(path: string, cells: readonly (readonly unknown[])[], force: boolean): Promise<void> {
  try {
    await writeFile(path, `\uFEFF${formatCsv(cells)}`, { flag: force ? "w" : "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new UserError("OUTPUT_EXISTS", { path });
    throw new UserError("OUTPUT_UNWRITABLE", { path, reason: code ?? String(e) });
  }
}
