/**
 * An input table from a file, as the cells Excel would hand the engine (Node only): numbers as
 * numbers, text as text, TRUE/FALSE as booleans, empty cells as null, a formula cell as its
 * result, an error cell as its text (#N/A …), a date as its serial number. Header matching and
 * the missing-data rule then happen in core, exactly as in Excel.
 *
 * - .xlsx / .xlsm: the first worksheet, or the one named by `sheet`; the used range from A1
 *   (leading blank rows and columns are kept, as a selection from A1 would).
 * - .csv: RFC 4180 (src/core/csv.ts), UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK
 *   (what Excel in Chinese saves as "CSV (逗号分隔)"). Plain decimal numbers become numbers, as
 *   Excel reads them on open; other text stays text for core to read.
 */
import { readFile } from "fs/promises";
import { extname } from "path";
import * as ExcelJS from "exceljs";
import { detectSeparator, parseCsv, Separator } from "../core/csv";
import { cleanText } from "../core/text";
import { UserError } from "../core/errors";

export type TableCell = number | string | boolean | null;

export interface FileTable {
  readonly cells: TableCell[][];
  /** Where the cells came from: the file's base name, with the sheet for a workbook ("data.xlsx!Sheet1"). */
  readonly source: string;
  /** The worksheet read, for workbooks. */
  readonly sheetName: string | null;
  /** Every worksheet of a workbook, in order (empty for CSV). */
  readonly sheetNames: readonly string[];
  /** Formula cells that had no saved result (the file was never recalculated): read as empty. */
  readonly formulasWithoutResult: number;
  /** The separator of a text file, as detected (null for workbooks). */
  readonly separator: Separator | null;
}

/** Text tables: .csv (comma or semicolon), .tsv and Excel's "Unicode text" .txt (tab); the separator is detected. */
const TEXT_EXTENSIONS = [".csv", ".tsv", ".txt"];

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Days from Excel's epoch (1899-12-30, with its 1900 leap-year bug folded in) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

/** Reads a table file (.xlsx, .xlsm or .csv). Throws {@link UserError} (FILE_…) for a file that cannot be read as a table. */
export async function readTable(path: string, options: { readonly sheet?: string } = {}): Promise<FileTable> {
  const ext = extname(path).toLowerCase();
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError("FILE_NOT_FOUND", { path });
    if (code === "EISDIR") throw new UserError("FILE_IS_FOLDER", { path });
    throw new UserError("FILE_UNREADABLE", { path, reason: code ?? (e as Error).message });
  }
  const base = path.split(/[\\/]/).pop() ?? path;
  if (TEXT_EXTENSIONS.includes(ext)) {
    const text = decodeText(data);
    const separator = detectSeparator(text);
    const cells = csvCells(text, separator);
    // Nothing but blanks (an empty file, a BOM, empty lines): said of the file, not of a range to select.
    if (cells.every((row) => row.every((v) => v === "" || v === null))) throw new UserError("FILE_EMPTY", { path });
    return { cells, source: base, sheetName: null, sheetNames: [], formulasWithoutResult: 0, separator };
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
    if (data.length === 0) {
      throw new UserError("FILE_EMPTY", { path });
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    } catch {
      throw new UserError("FILE_NOT_XLSX", { path });
    }
    const names = workbook.worksheets.map((w) => w.name);
    const ws =
      options.sheet === undefined
        ? workbook.worksheets[0]
        : (workbook.worksheets.find((w) => w.name === options.sheet) ?? workbook.worksheets.find((w) => w.name.toLowerCase() === options.sheet!.toLowerCase()));
    if (!ws) {
      const list = names.join(", ") || "—";
      throw options.sheet === undefined
        ? new UserError("FILE_NO_WORKSHEET", { path })
        : new UserError("FILE_NO_SUCH_SHEET", { sheet: options.sheet, sheets: list });
    }
    const { cells, formulasWithoutResult } = worksheetCells(ws);
    return { cells, source: `${base}!${ws.name}`, sheetName: ws.name, sheetNames: names, formulasWithoutResult, separator: null };
  }
  const oldFormat = ext === ".xls" || ext === ".et" || ext === ".ods";
  throw new UserError(oldFormat ? "FILE_OLD_FORMAT" : "FILE_TYPE", { ext: ext || "—", path });
}

/** Delimited text → cells: "" is empty (null), plain decimal numbers are numbers, the rest stays text (control characters removed). */
export function csvCells(text: string, separator: Separator = ","): TableCell[][] {
  return parseCsv(text, separator).map((row) =>
    row.map((raw) => {
      const s = cleanText(raw);
      if (s === "") return null;
      const t = s.trim();
      if (NUMBER.test(t)) {
        const x = Number(t);
        if (Number.isFinite(x)) return x;
      }
      return s;
    }),
  );
}

/** Bytes of a text file → text: BOM-marked UTF-8/UTF-16, else UTF-8 when valid, else GB18030 (a superset of GBK). */
export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder("utf-8").decode(data.subarray(3));
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return new TextDecoder("gb18030").decode(data);
  }
}

/** A worksheet's used range from A1 as cells. */
export function worksheetCells(ws: ExcelJS.Worksheet): { cells: TableCell[][]; formulasWithoutResult: number } {
  const rows: TableCell[][] = [];
  let width = 0;
  let formulasWithoutResult = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: TableCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged range holds its value in the top-left cell only; Excel reads the others as empty.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const { value, uncached } = cellOf(cell.value);
      if (uncached) formulasWithoutResult++;
      out[c - 1] = value;
    });
    rows[r - 1] = out;
  });
  // Trailing rows and columns that hold nothing are not part of the used range.
  let height = rows.length;
  while (height > 0 && (rows[height - 1] ?? []).every((v) => v === null || v === undefined)) height--;
  for (let r = 0; r < height; r++) {
    const row = rows[r] ?? [];
    for (let c = row.length - 1; c >= 0; c--)
      if (row[c] !== null && row[c] !== undefined) {
        width = Math.max(width, c + 1);
        break;
      }
  }
  const cells: TableCell[][] = [];
  for (let r = 0; r < height; r++) {
    const row = rows[r] ?? [];
    const out: TableCell[] = new Array<TableCell>(width);
    for (let c = 0; c < width; c++) out[c] = row[c] ?? null;
    cells.push(out);
  }
  return { cells, formulasWithoutResult };
}

/** One exceljs cell value as Excel would pass it. */
function cellOf(v: ExcelJS.CellValue): { value: TableCell; uncached?: boolean } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number") return { value: Number.isFinite(v) ? v : null };
  if (typeof v === "string") return { value: cleanText(v) || null };
  if (typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: v.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET };
  if (typeof v === "object") {
    if ("error" in v) return { value: String(v.error) };
    if ("richText" in v) return { value: cleanText(v.richText.map((t) => t.text).join("")) || null };
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return { value: null, uncached: true };
      return cellOf(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in v && "text" in v) return cellOf((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  }
  return { value: String(v) };
}
