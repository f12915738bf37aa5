/**
 * A sheet as a plain plan: blocks of cells (values or formulas), number formats, tables, a data bar,
 * emphasised rows, a chart, data validation, what to select. Every sheet the add-in writes is one
 * (ranked, sample data, weight table, weight log, impact, robustness); `src/excel/apply-plan.ts`
 * writes any plan into the live workbook and `src/files/xlsx-writer.ts` into a file. Layout is
 * decided here, in src/plans, once; the writers only follow it.
 *
 * Formulas are written in Excel's English syntax without the leading "=". A formula may name a
 * table of its own plan by the plan's wanted name (ZBDS_Weights[二级指标权重]); writers that must
 * take a free name (ZBDS_Weights_2) rename those references with {@link renameTables}. Inside a
 * table, `[@[Column]]` is this row's cell of a column.
 */
import { rangeAddress } from "./a1";
import { displayWidth } from "../core/text";

export type PlanValue = string | number | { readonly formula: string };

/** Names a block within its plan ("ranking", "summary", "note", "weights" …). */
export type BlockId = string;

export interface CellBlock {
  readonly id: BlockId;
  /** Top-left cell, zero-based. */
  readonly row: number;
  readonly col: number;
  /** Rows of equal length; the first `headerRows` rows are headers (bold). */
  readonly values: readonly (readonly PlanValue[])[];
  readonly headerRows: number;
  /** Last rows shown bold (a totals row); default 0. */
  readonly footerRows?: number;
  /** Number format per column of the block's data rows (null: General). */
  readonly columnFormats: readonly (string | null)[];
  /** "left": every cell left-aligned (a note's numbers beside their labels, not at the far side of a wide column). */
  readonly align?: "left";
}

export interface TablePlan {
  /** Wanted name; writers take a free one (ZBDS_Ranking_2 …) if it is taken. */
  readonly name: string;
  readonly block: BlockId;
  readonly style: string;
}

export interface ChartPlan {
  /** Horizontal bars, clustered or stacked; or lines with markers (a slope chart: the rows are the categories, each column a line). */
  readonly type: "barClustered" | "barStacked" | "line";
  readonly title: string;
  readonly block: BlockId;
  /** Data rows of the block (after its header) that the chart shows. */
  readonly rows: number;
  readonly categoryColumn: number;
  /** The first series' column; further series are the columns to its right (see `series`). */
  readonly valueColumn: number;
  /** Number of series, in adjacent columns from `valueColumn` (default 1). */
  readonly series?: number;
  /**
   * Draw the first series without fill: in a stacked bar it is the invisible offset that lets the
   * second series float (a rank interval from p5 to p95 drawn as p5 hidden + (p95 − p5) shown).
   */
  readonly hideFirstSeries?: boolean;
  /** Top-left cell the chart is anchored at, and its size in points. */
  readonly anchorRow: number;
  readonly anchorCol: number;
  readonly width: number;
  readonly height: number;
  /** A legend (for more than one shown series); default none. */
  readonly legend?: boolean;
  /** The value axis's number format (default whole numbers). */
  readonly valueFormat?: string;
  /** The value axis from its maximum down (ranks: 1 at the top); default up. */
  readonly reverseValues?: boolean;
}

/** A decimal between `min` and `max` in some columns of a block's data rows, with the messages Excel shows. */
export interface ValidationPlan {
  readonly block: BlockId;
  readonly firstColumn: number;
  readonly columns: number;
  readonly min: number;
  readonly max: number;
  readonly alertTitle: string;
  readonly alertMessage: string;
  readonly promptTitle: string;
  readonly promptMessage: string;
}

/**
 * How a sheet prints: on A4 with narrow margins (0.25" left and right, 0.5" top and bottom), at a
 * scale that makes every area one page wide, with its top rows repeated on every page and only its
 * print areas printed, each from a new page (Excel prints the areas of a print area list one after
 * another, each on pages of its own).
 */
export interface PagePlan {
  readonly orientation: "landscape" | "portrait";
  /** Rows from the top repeated on every printed page (the title and the header); 0 for none. */
  readonly titleRows: number;
  /** The printed ranges ("A1:J102"), in order. */
  readonly printAreas: readonly string[];
  /** Print scale in percent (10–400), chosen so that every area is one page wide. */
  readonly scale: number;
  /** Text printed at the top centre of every page (the sheet's title). */
  readonly header?: string;
  /** Text printed at the bottom centre of every page, with {page} and {pages} for the page number and count. */
  readonly footer?: string;
}

/** Any sheet as a plan: what the writers apply. */
export interface SheetPlan {
  /** Wanted sheet name; writers take a free one (排名 (2) …): never an existing sheet. */
  readonly sheetName: string;
  readonly blocks: readonly CellBlock[];
  readonly tables: readonly TablePlan[];
  readonly freezeRows: number;
  /** Width in characters per sheet column (index = column; 0: leave the column as it is). */
  readonly columnWidths: readonly number[];
  /**
   * The block that may be large: writers cut it into pieces, and the data bar and the emphasis
   * apply to its data rows (default: the first block).
   */
  readonly mainBlock?: BlockId;
  /** A data bar over this column of the main block's data rows; null for none. */
  readonly dataBarColumn: number | null;
  /** Data rows (from the main block's first data row) to emphasise: the top N. 0 for none. */
  readonly emphasisedRows: number;
  readonly emphasisFill: string;
  readonly chart: ChartPlan | null;
  /** Further charts on the same sheet. */
  readonly moreCharts?: readonly ChartPlan[];
  readonly validations?: readonly ValidationPlan[];
  /** After writing, activate the sheet (default true) and select this block. */
  readonly select?: BlockId;
  readonly activate?: boolean;
  /** Page setup for printing; absent: Excel's defaults. */
  readonly page?: PagePlan;
  /** Cells filled with the emphasis fill: flagged values (block-relative rows and columns, header rows included). */
  readonly highlights?: readonly { readonly block: BlockId; readonly cells: readonly (readonly [number, number])[] }[];
  /** A three-colour scale over a block's data cells: −1 red, 0 white, +1 blue (a correlation heatmap). */
  readonly colorScales?: readonly { readonly block: BlockId; readonly firstColumn: number; readonly columns: number }[];
}

/** The colour scale's colours at −1, 0 and +1. */
export const COLOR_SCALE = { low: "#F8696B", mid: "#FFFFFF", high: "#5A8AC6" } as const;

/** The fill of emphasised rows. */
export const EMPHASIS_FILL = "#FCE4D6";

/** The A1 range of a block, with or without its header rows. */
export function blockRange(block: CellBlock, withHeader = true): string {
  const skip = withHeader ? 0 : block.headerRows;
  return rangeAddress(block.row + skip, block.col, Math.max(1, block.values.length - skip), block.values[0]?.length ?? 1);
}

/** A block of a plan by id. */
export function planBlock(plan: SheetPlan, id: BlockId): CellBlock {
  const b = plan.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`plan has no block ${id}`);
  return b;
}

/** The block that may be large (see {@link SheetPlan.mainBlock}). */
export function mainBlock(plan: SheetPlan): CellBlock {
  return plan.mainBlock ? planBlock(plan, plan.mainBlock) : plan.blocks[0];
}

/**
 * A formula with its plan's table names replaced by the names a writer took (wanted → taken),
 * where a name is used as a table reference (followed by "["), never inside a text literal.
 *
 * @example
 * renameTables("SUM(ZBDS_Weights[w])", new Map([["ZBDS_Weights", "ZBDS_Weights_2"]])) // → "SUM(ZBDS_Weights_2[w])"
 */
export function renameTables(formula: string, renames: ReadonlyMap<string, string>): string {
  let out = formula;
  for (const [wanted, taken] of renames) {
    if (wanted === taken) continue;
    const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`("(?:[^"]|"")*")|(?<![A-Za-z0-9_.])${escaped}(?=\\[)`, "g"), (m, literal: string | undefined) => literal ?? taken);
  }
  return out;
}

/** Width per sheet column in characters, from the widest shown value (note values excepted: they may run on). */
/** A note value at most this wide (a dimension name, a weight) sizes its column; longer ones overflow. */
const NOTE_SHORT = 20;

export function columnWidths(blocks: readonly CellBlock[]): number[] {
  const widths: number[] = [];
  for (const b of blocks) {
    b.values.forEach((r, ri) =>
      r.forEach((v, i) => {
        // The title line and the note's long texts overflow into the cells to their right: they set no width.
        // (A note text with a value to its right cannot overflow, and sets its column's width like any cell.)
        const overflows =
          b.id === "note" && i > 0 && typeof v === "string" && displayWidth(v) > NOTE_SHORT && r.slice(i + 1).every((x) => x === "" || x === null);
        if (b.id === "title" || overflows) return;
        const shown = typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : typeof v === "string" ? v : "000.00";
        const col = b.col + i;
        // A table's header cell also holds its filter button, and is bold: 3 more.
        const extra = ri < b.headerRows ? 3 : 0;
        widths[col] = Math.max(widths[col] ?? 6, Math.min(40, displayWidth(shown) + 2 + extra));
      }),
    );
  }
  for (let c = 0; c < widths.length; c++) widths[c] = widths[c] ?? 3;
  return widths;
}

/** A number, or "" where there is none: NaN and Infinity never reach a cell. */
export function finite(x: number): PlanValue {
  return Number.isFinite(x) ? x : "";
}

/** Rows of equal width: shorter rows padded with "". */
export function pad(values: readonly PlanValue[], width: number): PlanValue[] {
  return values.length >= width ? [...values] : [...values, ...new Array<PlanValue>(width - values.length).fill("")];
}
