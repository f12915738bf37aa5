/**
 * An in-memory stand-in for the part of Excel's JavaScript API that `src/excel` uses, with the
 * proxy semantics of Office.js: calls and property writes are queued and run at `context.sync()`;
 * reading a property before `load` + `sync` throws PropertyNotLoaded; `*OrNullObject` getters give
 * objects whose `isNullObject` is known after a sync; a failing operation stops its batch (the
 * operations before it stay applied, as in Excel) and rejects the sync.
 *
 * It counts syncs, measures the payload of each batch (UTF-8 bytes of the JSON of values, formulas
 * and number formats written) and can fail the k-th sync or the k-th queued operation.
 *
 * Events: `table.onChanged` and `worksheet.onChanged` handlers (added and removed at sync, as
 * Office.js does) are called asynchronously (a microtask after the change) for every write of
 * values or formulas that touches the table or sheet, from a batch or from {@link FakeExcel.setValues},
 * and for table rows added or deleted. `Excel.run(context, batch)` reuses a context (Office.js's
 * way to remove a handler through the context that added it).
 *
 * No Node imports: the same file can be bundled into a browser page.
 *
 * Deliberate simplifications (Excel does more): formulas are stored, never evaluated (a formula
 * cell's value reads as its formula text); text is never coerced to numbers or dates; `'` at the
 * start of a written string marks text, as in Excel; the used range counts cells with a value or
 * formula only; adding table rows needs empty cells below the table (Excel would shift them);
 * a data validation rule replaces the rules inside its range (rules partly overlapping it stay).
 *
 * @example
 * const fake = installFakeExcel(globalThis, { sheets: [{ name: "Sheet1", cells: [["a", 1]] }], selection: "Sheet1!A1" });
 * await Excel.run(async (ctx) => { const r = ctx.workbook.getSelectedRange(); r.load("values"); await ctx.sync(); });
 * fake.stats.syncs // → 1
 */

// ---- public types ------------------------------------------------------------------------------

export interface TableInit {
  readonly name: string;
  /** Address on the sheet, header row included ("A1:J101"), and the totals row when `showTotals`. */
  readonly address: string;
  readonly style?: string;
  /** The table's last row is a Total Row (Table Design › Total Row): in getRange(), not in getDataBodyRange(). */
  readonly showTotals?: boolean;
}

export interface SheetInit {
  readonly name: string;
  /** Values written from `at` (default A1); strings starting with "=" are formulas. */
  readonly cells?: readonly (readonly unknown[])[];
  readonly at?: string;
  readonly tables?: readonly TableInit[];
  /** Rows hidden by hand or by a filter, numbered as Excel shows them (1 = the first row). */
  readonly hiddenRows?: readonly number[];
}

export interface WorkbookInit {
  readonly sheets?: readonly SheetInit[];
  /** Name of the active sheet (default: the first). */
  readonly active?: string;
  /** "Sheet1!B2", "B2" (on the active sheet), several areas (getSelectedRange then fails) or null (a chart is selected). */
  readonly selection?: string | readonly string[] | null;
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Workbook-level defined names (they share the namespace of table names). */
  readonly names?: readonly string[];
  readonly displayLanguage?: string;
  /**
   * Chart sheets' names. Office.js has no chart-sheet API: they are not in `workbook.worksheets`,
   * yet their names are taken, so adding or renaming a worksheet to one fails with ItemAlreadyExists.
   */
  readonly chartSheets?: readonly string[];
}

export interface CellState {
  readonly value: unknown;
  readonly formula: string | null;
  readonly numberFormat: string;
  readonly bold: boolean;
  readonly fill: string | null;
  readonly horizontalAlignment: string;
}

export interface TableState {
  readonly name: string;
  readonly address: string;
  readonly style: string;
}

export interface ChartState {
  readonly name: string;
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  readonly title: string | null;
  readonly legendVisible: boolean;
  /** Excel.ChartLegendPosition as set ("Right" is Excel's default). */
  readonly legendPosition: string;
  readonly reversePlotOrder: boolean;
  readonly tickLabelPosition: string;
  /** The value axis's number format (ExcelApi 1.8), null until set. */
  readonly valueFormat: string | null;
  /** The value axis from its maximum down (ChartAxis.reversePlotOrder, ExcelApi 1.7), and its minimum (null: automatic). */
  readonly valueReversed: boolean;
  readonly valueMinimum: number | null;
  readonly startCell: string | null;
  readonly endCell: string | null;
  readonly width: number;
  readonly height: number;
  /** Series (0-based) whose fill was cleared: drawn invisible. */
  readonly seriesWithoutFill: readonly number[];
}

export interface DataValidationState {
  readonly address: string;
  /** The rule as set (`{ decimal: { formula1, formula2, operator } }` …); null when only an alert or prompt was set. */
  readonly rule: unknown;
  readonly errorAlert: unknown;
  readonly prompt: unknown;
}

/** What a table's or worksheet's onChanged handler receives. */
export interface FakeChangeEvent {
  readonly type: "TableChanged" | "WorksheetChanged";
  readonly changeType: "RangeEdited" | "RowInserted" | "RowDeleted";
  readonly source: "Local";
  /** The changed cells, without the sheet name ("C5", "A21:D22"). */
  readonly address: string;
  readonly worksheetId: string;
  /** For TableChanged. */
  readonly tableId?: string;
}

export interface ConditionalFormatState {
  readonly type: string;
  readonly address: string;
  readonly barDirection: string | null;
  readonly colorCriteria: Readonly<Record<string, { formula: string; type: string; color: string }>> | null;
}

export interface SheetState {
  readonly id: string;
  readonly name: string;
  /** Bounding box of the cells with a value or formula, or null. */
  readonly usedAddress: string | null;
  readonly tables: readonly TableState[];
  readonly charts: readonly ChartState[];
  readonly conditionalFormats: readonly ConditionalFormatState[];
  readonly dataValidations: readonly DataValidationState[];
  readonly freezeRows: number;
  /** Page layout as set through worksheet.pageLayout (only what was set). */
  readonly page: Readonly<Record<string, unknown>>;
  /** Widths in points of the columns whose width was set, by column letter. */
  readonly columnWidths: Readonly<Record<string, number>>;
}

export interface WorkbookState {
  readonly sheets: readonly SheetState[];
  readonly activeSheet: string;
  readonly selection: string | null;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly names: readonly string[];
}

export interface SyncStats {
  readonly syncs: number;
  readonly operations: number;
  /** Request payload bytes of each sync, in order. */
  readonly payloadBytes: readonly number[];
  readonly maxPayloadBytes: number;
  /** Response payload bytes of each sync (UTF-8 bytes of the JSON of every property loaded), in order. */
  readonly responseBytes: readonly number[];
  readonly maxResponseBytes: number;
  /** Syncs whose batch suspended calculation / screen updating. */
  readonly calculationSuspended: number;
  readonly screenUpdatingSuspended: number;
}

export interface FailurePlan {
  /** Fail the k-th sync from now (1-based). */
  readonly sync?: number;
  /** With `sync`: "none" rejects before running the batch; "all" runs it, then rejects. Default "none". */
  readonly applied?: "none" | "all";
  /** Fail at the k-th operation queued from now (1-based): the ones before it in its batch are applied. */
  readonly operation?: number;
}

export interface FakeExcel {
  readonly stats: SyncStats;
  resetStats(): void;
  failAt(plan: FailurePlan | null): void;
  /** The whole workbook as plain data (cells excepted: see {@link FakeExcel.cells}). */
  state(): WorkbookState;
  /** Cells of a range as plain data. */
  cells(sheet: string, address: string): CellState[][];
  /** Values of a range, or of the used range. */
  values(sheet: string, address?: string): unknown[][];
  /** Formulas of a range as Excel's `formulas` gives them (constants for non-formula cells, "" for blank). */
  formulas(sheet: string, address: string): unknown[][];
  /** Sets the selection ("Sheet1!B2", "B2" on the active sheet, several areas, or null). */
  select(selection: string | readonly string[] | null): void;
  /** Writes values directly, outside any batch, as a user typing or pasting would: the change events fire. */
  setValues(sheet: string, address: string, values: readonly (readonly unknown[])[]): void;
  /** Adds an empty sheet directly, outside any batch, as a co-author working in the same workbook would. */
  addSheet(name: string): void;
  /** Hides or shows rows (numbered as Excel shows them), as a user or a filter would. */
  setRowsHidden(sheet: string, rows: readonly number[], hidden: boolean): void;
  /** Event handlers registered now, and events delivered since the fake was installed. */
  events(): { readonly handlers: number; readonly fired: number };
}

/** The error Office.js rejects a sync with (OfficeExtension.Error: `code`, `debugInfo`). */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { readonly code: string; readonly message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

/** The enums of the Excel namespace that the add-in uses (string values as in office.js). */
export const FAKE_ENUMS = {
  ConditionalFormatType: {
    custom: "Custom",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
    containsText: "ContainsText",
    cellValue: "CellValue",
  },
  ConditionalDataBarDirection: { context: "Context", leftToRight: "LeftToRight", rightToLeft: "RightToLeft" },
  ChartType: {
    barClustered: "BarClustered",
    barStacked: "BarStacked",
    columnClustered: "ColumnClustered",
    pie: "Pie",
    line: "Line",
    lineMarkers: "LineMarkers",
  },
  DataValidationOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqualTo: "GreaterThanOrEqualTo",
    lessThanOrEqualTo: "LessThanOrEqualTo",
  },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  DataChangeType: { unknown: "Unknown", rangeEdited: "RangeEdited", rowInserted: "RowInserted", rowDeleted: "RowDeleted" },
  EventSource: { local: "Local", remote: "Remote" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ChartAxisTickLabelPosition: { nextToAxis: "NextToAxis", high: "High", low: "Low", none: "None" },
  ChartLegendPosition: { invalid: "Invalid", top: "Top", bottom: "Bottom", left: "Left", right: "Right", corner: "Corner", custom: "Custom" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  PaperType: { a4: "A4", letter: "Letter" },
  HorizontalAlignment: { general: "General", left: "Left", center: "Center", right: "Right" },
  ConditionalFormatColorCriterionType: {
    lowestValue: "LowestValue",
    highestValue: "HighestValue",
    number: "Number",
    percent: "Percent",
    formula: "Formula",
    percentile: "Percentile",
  },
  SpecialCellType: { visible: "Visible" },
  ErrorCodes: {
    generalException: "GeneralException",
    responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    itemNotFound: "ItemNotFound",
    itemAlreadyExists: "ItemAlreadyExists",
    invalidSelection: "InvalidSelection",
    propertyNotLoaded: "PropertyNotLoaded",
  },
} as const;

/**
 * Installs the fake as `target.Excel` and a minimal `target.Office`, over a new workbook.
 * Returns the handle tests use to inspect the workbook, the counts, and to inject failures.
 */
export function installFakeExcel(target: object, initial: WorkbookInit = {}): FakeExcel {
  const engine = new Engine(new WorkbookModel(initial));
  const excel = {
    ...FAKE_ENUMS,
    run: async <T>(
      first: FakeRequestContext | { context: FakeRequestContext } | ((context: FakeRequestContext) => Promise<T>),
      second?: (context: FakeRequestContext) => Promise<T>,
    ): Promise<T> => {
      // Excel.run(batch), or Excel.run(context or object, batch) to go on with an earlier context.
      let context: FakeRequestContext;
      let batch: (context: FakeRequestContext) => Promise<T>;
      if (typeof first === "function") {
        context = new FakeRequestContext(engine);
        batch = first;
      } else {
        const given = first instanceof FakeRequestContext ? first : first?.context;
        if (!(given instanceof FakeRequestContext) || typeof second !== "function")
          throw new TypeError("Excel.run(context, batch): not a request context of this workbook");
        context = given;
        batch = second;
      }
      let result: T;
      try {
        result = await batch(context);
      } catch (e) {
        // Operations queued but never synced die with their context.
        engine.discard();
        throw e;
      }
      if (engine.pending()) await context.sync();
      return result;
    },
  };
  const office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    context: { displayLanguage: initial.displayLanguage ?? "zh-CN" },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "PC" };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
  Object.assign(target, { Excel: excel, Office: office });
  return engine.handle();
}

// ---- addresses ---------------------------------------------------------------------------------

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

interface Rect {
  readonly r: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
}

function letters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function a1(rect: Rect): string {
  if (rect.h === MAX_ROWS) return `${letters(rect.c)}:${letters(rect.c + rect.w - 1)}`;
  if (rect.w === MAX_COLS) return `${rect.r + 1}:${rect.r + rect.h}`;
  const tl = `${letters(rect.c)}${rect.r + 1}`;
  return rect.h === 1 && rect.w === 1 ? tl : `${tl}:${letters(rect.c + rect.w - 1)}${rect.r + rect.h}`;
}

/** Excel's way: quotes only when the name has more than letters, digits, "_" and ".". */
function sheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function splitSheet(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

function parseRef(ref: string): Rect {
  const parts = ref.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) throw new FakeOfficeError("InvalidArgument", `bad address ${ref}`);
  const cell = (p: string) => {
    const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    return m ? { r: Number(m[2]) - 1, c: colIndex(m[1]) } : null;
  };
  if (parts.every((p) => /^[A-Z]{1,3}$/.test(p))) {
    const c1 = colIndex(parts[0]);
    const c2 = colIndex(parts[parts.length - 1]);
    return { r: 0, c: Math.min(c1, c2), h: MAX_ROWS, w: Math.abs(c2 - c1) + 1 };
  }
  if (parts.every((p) => /^\d+$/.test(p))) {
    const r1 = Number(parts[0]) - 1;
    const r2 = Number(parts[parts.length - 1]) - 1;
    return { r: Math.min(r1, r2), c: 0, h: Math.abs(r2 - r1) + 1, w: MAX_COLS };
  }
  const p1 = cell(parts[0]);
  const p2 = cell(parts[parts.length - 1]);
  if (!p1 || !p2 || p1.r >= MAX_ROWS || p2.r >= MAX_ROWS || p1.c >= MAX_COLS || p2.c >= MAX_COLS)
    throw new FakeOfficeError("InvalidArgument", `bad address ${ref}`);
  return { r: Math.min(p1.r, p2.r), c: Math.min(p1.c, p2.c), h: Math.abs(p2.r - p1.r) + 1, w: Math.abs(p2.c - p1.c) + 1 };
}

function intersect(a: Rect, b: Rect): Rect | null {
  const r = Math.max(a.r, b.r);
  const c = Math.max(a.c, b.c);
  const r2 = Math.min(a.r + a.h, b.r + b.h);
  const c2 = Math.min(a.c + a.w, b.c + b.w);
  return r2 > r && c2 > c ? { r, c, h: r2 - r, w: c2 - c } : null;
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.r >= outer.r && inner.c >= outer.c && inner.r + inner.h <= outer.r + outer.h && inner.c + inner.w <= outer.c + outer.w;
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---- the workbook model ----------------------------------------------------------------------

type Layer = "value" | "formula" | "numberFormat" | "bold" | "fill" | "align";
const LAYERS: readonly Layer[] = ["value", "formula", "numberFormat", "bold", "fill", "align"];

class Grid {
  private readonly layers: Record<Layer, unknown[][]> = { value: [], formula: [], numberFormat: [], bold: [], fill: [], align: [] };

  get(layer: Layer, r: number, c: number): unknown {
    return this.layers[layer][r]?.[c];
  }

  set(layer: Layer, r: number, c: number, v: unknown): void {
    const rows = this.layers[layer];
    (rows[r] ?? (rows[r] = []))[c] = v;
  }

  /** Copies every layer of one cell to another. */
  copy(fromR: number, fromC: number, toR: number, toC: number): void {
    for (const layer of LAYERS) this.set(layer, toR, toC, this.get(layer, fromR, fromC));
  }

  clear(r: number, c: number): void {
    for (const layer of LAYERS) if (this.get(layer, r, c) !== undefined) this.set(layer, r, c, undefined);
  }

  filled(r: number, c: number): boolean {
    const v = this.get("value", r, c);
    return (v !== undefined && v !== null && v !== "") || this.get("formula", r, c) !== undefined;
  }

  /** Bounding box of the filled cells. */
  used(): Rect | null {
    let r1 = Infinity,
      r2 = -1,
      c1 = Infinity,
      c2 = -1;
    for (const layer of ["value", "formula"] as const) {
      this.layers[layer].forEach((row, r) =>
        row.forEach((_, c) => {
          if (!this.filled(r, c)) return;
          r1 = Math.min(r1, r);
          r2 = Math.max(r2, r);
          c1 = Math.min(c1, c);
          c2 = Math.max(c2, c);
        }),
      );
    }
    return r2 < 0 ? null : { r: r1, c: c1, h: r2 - r1 + 1, w: c2 - c1 + 1 };
  }
}

interface TableModel {
  readonly id: string;
  name: string;
  style: string;
  showTotals?: boolean;
  rect: Rect;
  readonly sheet: SheetModel;
}

interface ChartModel {
  readonly id: string;
  name: string;
  readonly type: string;
  readonly source: string;
  /** Series in the source: its columns (or rows) after the first, which holds the categories. */
  readonly seriesCount: number;
  seriesWithoutFill: number[];
  readonly seriesBy: string;
  title: string | null;
  legendVisible: boolean;
  legendPosition: string;
  reversePlotOrder: boolean;
  tickLabelPosition: string;
  valueFormat: string | null;
  valueReversed: boolean;
  valueMinimum: number | null;
  startCell: string | null;
  endCell: string | null;
  width: number;
  height: number;
}

interface DataValidationModel {
  readonly rect: Rect;
  rule: unknown;
  errorAlert: unknown;
  prompt: unknown;
}

interface ConditionalFormatModel {
  readonly id: string;
  readonly type: string;
  readonly rect: Rect;
  barDirection: string | null;
  /** A colour scale's criteria as set: minimum, midpoint, maximum (formula, type, color). */
  colorCriteria: Record<string, { formula: string; type: string; color: string }> | null;
}

class SheetModel {
  readonly grid = new Grid();
  readonly charts: ChartModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly validations: DataValidationModel[] = [];
  readonly columnWidths = new Map<number, number>();
  freezeRows = 0;
  /** What worksheet.pageLayout set: orientation, paperSize, zoom, printArea, printTitleRows. */
  readonly page: Record<string, unknown> = {};
  /** Zero-based rows hidden by hand or by a filter. */
  readonly hiddenRows = new Set<number>();
  /** Each sheet keeps its own selection; activating a sheet shows it again, as in Excel. */
  selection: Rect[] = [{ r: 0, c: 0, h: 1, w: 1 }];
  constructor(
    readonly id: string,
    public name: string,
  ) {}
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly settings = new Map<string, unknown>();
  readonly names: string[];
  readonly chartSheets: readonly string[];
  /** Told of every change of cells or table rows (the engine turns them into events); unset while the initial workbook is built. */
  onChange: ((change: CellChange) => void) | null = null;
  activeId = "";
  /** True while something other than a range (a chart, a shape) is selected. */
  noRangeSelected = false;
  private nextId = 1;

  constructor(init: WorkbookInit) {
    this.names = [...(init.names ?? [])];
    this.chartSheets = [...(init.chartSheets ?? [])];
    for (const s of init.sheets ?? [{ name: "Sheet1" }]) {
      const sheet = this.addSheet(s.name);
      if (s.cells?.length) {
        const at = parseRef(s.at ?? "A1");
        this.writeCells(sheet, { r: at.r, c: at.c, h: s.cells.length, w: s.cells[0].length }, s.cells, "values");
      }
      for (const t of s.tables ?? []) {
        const table = this.addTable(sheet, parseRef(t.address));
        table.name = this.checkTableName(t.name, table);
        if (t.style) table.style = t.style;
        if (t.showTotals) table.showTotals = true;
      }
      for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r - 1);
    }
    this.activeId = (this.sheets.find((s) => s.name === init.active) ?? this.sheets[0]).id;
    for (const [k, v] of Object.entries(init.settings ?? {})) this.settings.set(k, v);
    this.select(init.selection === undefined ? "A1" : init.selection);
  }

  id(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetByKey(key: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheetByName(key);
  }

  addSheet(name?: string): SheetModel {
    const n = name ?? this.freeSheetName();
    if (!n.trim() || n.length > 31 || BAD_SHEET_CHARS.test(n) || n.startsWith("'") || n.endsWith("'"))
      throw new FakeOfficeError("InvalidArgument", `invalid sheet name ${n}`);
    this.checkSheetNameFree(n, null);
    const sheet = new SheetModel(this.id("sheet"), n);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Throws ItemAlreadyExists when another worksheet or a chart sheet has the name (case-insensitively, as Excel compares). */
  checkSheetNameFree(name: string, self: SheetModel | null): void {
    const other = this.sheetByName(name);
    if ((other && other !== self) || this.chartSheets.some((c) => c.toLowerCase() === name.toLowerCase()))
      throw new FakeOfficeError("ItemAlreadyExists", `a sheet named ${name} exists`);
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "a workbook must keep one sheet");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    if (this.activeId === sheet.id) this.activeId = this.sheets[0].id;
  }

  addTable(sheet: SheetModel, rect: Rect): TableModel {
    if (rect.h < 1 || rect.h === MAX_ROWS || rect.w === MAX_COLS) throw new FakeOfficeError("InvalidArgument", "a table needs a bounded range");
    if (this.tables.some((t) => t.sheet === sheet && intersect(t.rect, rect)))
      throw new FakeOfficeError("InvalidOperation", "a table cannot overlap another table");
    let n = 1;
    while (this.nameTaken(`Table${n}`)) n++;
    // A header-only range gets an empty data row, as in Excel.
    const table: TableModel = { id: this.id("table"), name: `Table${n}`, style: "TableStyleMedium2", rect: rect.h === 1 ? { ...rect, h: 2 } : rect, sheet };
    for (let c = 0; c < rect.w; c++) {
      const v = sheet.grid.get("value", rect.r, rect.c + c);
      if (v === undefined || v === null || v === "") sheet.grid.set("value", rect.r, rect.c + c, `Column${c + 1}`);
    }
    this.tables.push(table);
    return table;
  }

  nameTaken(name: string, except?: TableModel): boolean {
    const l = name.toLowerCase();
    return this.tables.some((t) => t !== except && t.name.toLowerCase() === l) || this.names.some((n) => n.toLowerCase() === l);
  }

  checkTableName(name: string, table: TableModel): string {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name))
      throw new FakeOfficeError("InvalidArgument", `invalid table name ${name}`);
    if (this.nameTaken(name, table)) throw new FakeOfficeError("InvalidArgument", `the name ${name} is taken`);
    return name;
  }

  select(selection: string | readonly string[] | null): void {
    if (selection === null) {
      this.noRangeSelected = true;
      return;
    }
    const areas = typeof selection === "string" ? [selection] : selection;
    const parsed = areas.map((a) => {
      const { sheet, ref } = splitSheet(a);
      const s = sheet === null ? this.sheetByKey(this.activeId) : this.sheetByName(sheet);
      if (!s) throw new FakeOfficeError("ItemNotFound", `no sheet ${sheet}`);
      return { sheet: s, rect: parseRef(ref) };
    });
    parsed[0].sheet.selection = parsed.map((p) => p.rect);
    this.activate(parsed[0].sheet);
  }

  activate(sheet: SheetModel): void {
    this.activeId = sheet.id;
    this.noRangeSelected = false;
  }

  activeSheet(): SheetModel {
    return this.sheetByKey(this.activeId)!;
  }

  /** Writes values or formulas as Excel does: "=…" is a formula, a leading "'" marks text, null leaves a cell alone. */
  writeCells(sheet: SheetModel, rect: Rect, data: readonly (readonly unknown[])[], what: "values" | "formulas", silent = false): void {
    checkShape(rect, data, what);
    const g = sheet.grid;
    for (let i = 0; i < rect.h; i++) {
      const row = data[i];
      for (let j = 0; j < rect.w; j++) {
        const v = row[j];
        const r = rect.r + i;
        const c = rect.c + j;
        if (v === null) continue;
        if (v === undefined || (typeof v === "number" && !Number.isFinite(v)) || typeof v === "object") {
          throw new FakeOfficeError("InvalidArgument", `${what}: cell ${letters(c)}${r + 1} cannot hold ${String(v)}`);
        }
        if (typeof v === "string" && v.length > 1 && v.startsWith("=")) {
          g.set("formula", r, c, v);
          g.set("value", r, c, v);
        } else {
          g.set("formula", r, c, undefined);
          g.set("value", r, c, typeof v === "string" && v.startsWith("'") ? v.slice(1) : v);
        }
      }
    }
    if (!silent) this.onChange?.({ sheet, rect, changeType: "RangeEdited", table: null });
  }

  /**
   * Adds `values.length` rows to a table at data row `at` (its end when null), moving the table's
   * rows from there down. The cells below the table must be empty: the fake does not shift them.
   */
  addTableRows(table: TableModel, at: number | null, values: readonly (readonly unknown[])[]): void {
    const { sheet, rect } = table;
    const dataRows = rect.h - 1;
    const index = at ?? dataRows;
    const n = values.length;
    if (!Number.isInteger(index) || index < 0 || index > dataRows) throw new FakeOfficeError("InvalidArgument", `table row index ${index}`);
    if (n === 0) throw new FakeOfficeError("InvalidArgument", "no rows to add");
    const below: Rect = { r: rect.r + rect.h, c: rect.c, h: n, w: rect.w };
    for (let r = below.r; r < below.r + n; r++) {
      for (let c = below.c; c < below.c + below.w; c++) {
        if (sheet.grid.filled(r, c)) throw new FakeOfficeError("InvalidOperation", "the fake cannot shift the cells below a table");
      }
    }
    if (this.tables.some((t) => t !== table && t.sheet === sheet && intersect(t.rect, below)))
      throw new FakeOfficeError("InvalidOperation", "a table is in the way");
    const first = rect.r + 1 + index;
    for (let r = rect.r + rect.h - 1; r >= first; r--) for (let c = rect.c; c < rect.c + rect.w; c++) sheet.grid.copy(r, c, r + n, c);
    for (let r = first; r < first + n; r++) for (let c = rect.c; c < rect.c + rect.w; c++) sheet.grid.clear(r, c);
    const added: Rect = { r: first, c: rect.c, h: n, w: rect.w };
    this.writeCells(sheet, added, values, "values", true);
    table.rect = { ...rect, h: rect.h + n };
    this.onChange?.({ sheet, rect: added, changeType: "RowInserted", table });
  }

  /** Deletes one data row of a table, moving the rows below it up; the last data row is only cleared, as a table keeps one. */
  deleteTableRow(table: TableModel, index: number): void {
    const { sheet, rect } = table;
    const dataRows = rect.h - 1;
    if (!Number.isInteger(index) || index < 0 || index >= dataRows) throw new FakeOfficeError("ItemNotFound", `no table row ${index}`);
    const row = rect.r + 1 + index;
    const last = rect.r + rect.h - 1;
    for (let r = row; r < last; r++) for (let c = rect.c; c < rect.c + rect.w; c++) sheet.grid.copy(r + 1, c, r, c);
    for (let c = rect.c; c < rect.c + rect.w; c++) sheet.grid.clear(last, c);
    if (dataRows > 1) table.rect = { ...rect, h: rect.h - 1 };
    this.onChange?.({ sheet, rect: { r: row, c: rect.c, h: 1, w: rect.w }, changeType: "RowDeleted", table });
  }

  private freeSheetName(): string {
    let n = this.sheets.length + 1;
    while (this.sheetByName(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }
}

/** A change of cells, for the event handlers. */
interface CellChange {
  readonly sheet: SheetModel;
  readonly rect: Rect;
  readonly changeType: FakeChangeEvent["changeType"];
  /** The table whose rows were added or deleted; null for a write of cells. */
  readonly table: TableModel | null;
}

function checkShape(rect: Rect, data: unknown, what: string): asserts data is readonly (readonly unknown[])[] {
  if (!Array.isArray(data) || data.length !== rect.h || data.some((row) => !Array.isArray(row) || row.length !== rect.w)) {
    throw new FakeOfficeError("InvalidArgument", `${what}: the array does not match the range's ${rect.h} × ${rect.w} cells`);
  }
}

/** The surrounding region (Excel's CurrentRegion): grow while any bordering cell, corners included, is filled. */
function surroundingRegion(g: Grid, start: Rect): Rect {
  let top = start.r,
    left = start.c,
    bottom = start.r + start.h - 1,
    right = start.c + start.w - 1;
  const rowHas = (r: number, c1: number, c2: number) => {
    if (r < 0 || r >= MAX_ROWS) return false;
    for (let c = Math.max(0, c1); c <= Math.min(MAX_COLS - 1, c2); c++) if (g.filled(r, c)) return true;
    return false;
  };
  const colHas = (c: number, r1: number, r2: number) => {
    if (c < 0 || c >= MAX_COLS) return false;
    for (let r = Math.max(0, r1); r <= Math.min(MAX_ROWS - 1, r2); r++) if (g.filled(r, c)) return true;
    return false;
  };
  for (let changed = true; changed;) {
    changed = false;
    while (rowHas(bottom + 1, left - 1, right + 1)) {
      bottom++;
      changed = true;
    }
    while (rowHas(top - 1, left - 1, right + 1)) {
      top--;
      changed = true;
    }
    while (colHas(right + 1, top - 1, bottom + 1)) {
      right++;
      changed = true;
    }
    while (colHas(left - 1, top - 1, bottom + 1)) {
      left--;
      changed = true;
    }
  }
  return { r: top, c: left, h: bottom - top + 1, w: right - left + 1 };
}

// ---- the engine: queue, sync, counts, failures ----------------------------------------------

interface Op {
  readonly run: () => void;
  /** Index since the failure plan was armed; the op fails when it is the planned one. */
  readonly index: number;
  readonly fail: boolean;
}

/** A registered onChanged handler of a table or a worksheet. */
interface HandlerRegistration {
  readonly target: TableModel | SheetModel;
  readonly handler: (event: FakeChangeEvent) => unknown;
}

/** Excel on the web's limit on a request and on a response: 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

function newCounts() {
  return { syncs: 0, operations: 0, payloadBytes: [] as number[], responseBytes: [] as number[], calculationSuspended: 0, screenUpdatingSuspended: 0 };
}

class Engine {
  private queue: Op[] = [];
  private readonly registrations: HandlerRegistration[] = [];
  private fired = 0;
  private payload = 0;
  private response = 0;
  private counts = newCounts();
  private failure: FailurePlan | null = null;
  private syncsSinceArm = 0;
  private opsSinceArm = 0;
  suspendCalc = false;
  suspendScreen = false;

  constructor(readonly wb: WorkbookModel) {
    wb.onChange = (change) => this.dispatch(change);
  }

  addHandler(registration: HandlerRegistration): void {
    this.registrations.push(registration);
  }

  removeHandler(registration: HandlerRegistration): void {
    const i = this.registrations.indexOf(registration);
    if (i >= 0) this.registrations.splice(i, 1);
  }

  /** Calls, a microtask later, every handler of a table or sheet the change touches (Excel fires after the change, never during it). */
  private dispatch(change: CellChange): void {
    for (const reg of this.registrations) {
      const event = this.eventFor(reg.target, change);
      if (!event) continue;
      this.fired++;
      void Promise.resolve()
        .then(() => (this.registrations.includes(reg) ? reg.handler(event) : undefined))
        .catch(() => undefined);
    }
  }

  private eventFor(target: TableModel | SheetModel, change: CellChange): FakeChangeEvent | null {
    if (target instanceof SheetModel) {
      if (target !== change.sheet || !this.wb.sheets.includes(target)) return null;
      return { type: "WorksheetChanged", changeType: change.changeType, source: "Local", address: a1(change.rect), worksheetId: target.id };
    }
    if (target.sheet !== change.sheet || !this.wb.tables.includes(target)) return null;
    const touched = change.table === target ? change.rect : intersect(target.rect, change.rect);
    if (!touched) return null;
    return { type: "TableChanged", changeType: change.changeType, source: "Local", address: a1(touched), worksheetId: target.sheet.id, tableId: target.id };
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  discard(): void {
    this.queue = [];
    this.payload = 0;
  }

  /** Counts a loaded property into the response of the running sync. */
  respond(value: unknown): void {
    if (value !== undefined) this.response += utf8Bytes(JSON.stringify(value));
  }

  enqueue(run: () => void, payload?: unknown): void {
    this.opsSinceArm++;
    this.counts.operations++;
    if (payload !== undefined) this.payload += utf8Bytes(JSON.stringify(payload));
    this.queue.push({ run, index: this.opsSinceArm, fail: this.failure?.operation === this.opsSinceArm });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const request = this.payload;
    this.queue = [];
    this.counts.syncs++;
    this.counts.payloadBytes.push(request);
    this.payload = 0;
    this.response = 0;
    this.syncsSinceArm++;
    this.suspendCalc = false;
    this.suspendScreen = false;
    await Promise.resolve();
    const failSync = this.failure?.sync === this.syncsSinceArm;
    if (failSync && this.failure?.applied !== "all") throw new FakeOfficeError("GeneralException", `injected failure at sync ${this.syncsSinceArm}`);
    // Excel on the web refuses a request or a response over 5 MB (learn.microsoft.com: Resource limits
    // and performance optimization for Office Add-ins, "Excel add-ins"); the stand-in holds every platform to it.
    if (request > PAYLOAD_LIMIT_BYTES) throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    try {
      for (const op of ops) {
        if (op.fail) throw new FakeOfficeError("GeneralException", `injected failure at operation ${op.index}`);
        op.run();
      }
    } finally {
      this.counts.responseBytes.push(this.response);
    }
    if (this.response > PAYLOAD_LIMIT_BYTES) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    if (this.suspendCalc) this.counts.calculationSuspended++;
    if (this.suspendScreen) this.counts.screenUpdatingSuspended++;
    if (failSync) throw new FakeOfficeError("GeneralException", `injected failure after sync ${this.syncsSinceArm}`);
  }

  handle(): FakeExcel {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the handle's closures reach the engine that made them
    const engine = this;
    const wb = this.wb;
    const sheetOf = (name: string) => {
      const s = wb.sheetByName(name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    };
    const rectOf = (s: SheetModel, address?: string) => (address ? parseRef(address) : (s.grid.used() ?? { r: 0, c: 0, h: 1, w: 1 }));
    return {
      get stats(): SyncStats {
        const c = engine.counts;
        return {
          ...c,
          payloadBytes: [...c.payloadBytes],
          maxPayloadBytes: Math.max(0, ...c.payloadBytes),
          responseBytes: [...c.responseBytes],
          maxResponseBytes: Math.max(0, ...c.responseBytes),
        };
      },
      resetStats() {
        engine.counts = newCounts();
      },
      failAt(plan) {
        engine.failure = plan;
        engine.syncsSinceArm = 0;
        engine.opsSinceArm = 0;
      },
      state: () => snapshot(wb),
      cells(sheet, address) {
        const s = sheetOf(sheet);
        return gridMap(rectOf(s, address), (r, c) => ({
          value: cellValue(s, r, c),
          formula: (s.grid.get("formula", r, c) as string | undefined) ?? null,
          numberFormat: (s.grid.get("numberFormat", r, c) as string | undefined) ?? "General",
          bold: s.grid.get("bold", r, c) === true,
          fill: (s.grid.get("fill", r, c) as string | undefined) ?? null,
          horizontalAlignment: (s.grid.get("align", r, c) as string | undefined) ?? "General",
        }));
      },
      values(sheet, address) {
        const s = sheetOf(sheet);
        return gridMap(rectOf(s, address), (r, c) => cellValue(s, r, c));
      },
      formulas(sheet, address) {
        const s = sheetOf(sheet);
        return gridMap(rectOf(s, address), (r, c) => cellFormula(s, r, c));
      },
      select: (selection) => wb.select(selection),
      setValues(sheet, address, values) {
        const s = sheetOf(sheet);
        const at = parseRef(address);
        wb.writeCells(s, { r: at.r, c: at.c, h: values.length, w: values[0]?.length ?? 0 }, values, "values");
      },
      addSheet(name) {
        wb.addSheet(name);
      },
      setRowsHidden(sheet, rows, hidden) {
        const s = sheetOf(sheet);
        for (const r of rows) {
          if (hidden) s.hiddenRows.add(r - 1);
          else s.hiddenRows.delete(r - 1);
        }
      },
      events: () => ({ handlers: engine.registrations.length, fired: engine.fired }),
    };
  }
}

function gridMap<T>(rect: Rect, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rect.h; i++) {
    const row: T[] = [];
    for (let j = 0; j < rect.w; j++) row.push(f(rect.r + i, rect.c + j));
    out.push(row);
  }
  return out;
}

function cellValue(s: SheetModel, r: number, c: number): unknown {
  const v = s.grid.get("value", r, c);
  return v === undefined || v === null ? "" : v;
}

function cellFormula(s: SheetModel, r: number, c: number): unknown {
  return (s.grid.get("formula", r, c) as string | undefined) ?? cellValue(s, r, c);
}

function snapshot(wb: WorkbookModel): WorkbookState {
  const active = wb.activeSheet();
  return {
    sheets: wb.sheets.map((s) => {
      const used = s.grid.used();
      return {
        id: s.id,
        name: s.name,
        usedAddress: used ? a1(used) : null,
        tables: wb.tables.filter((t) => t.sheet === s).map((t) => ({ name: t.name, address: a1(t.rect), style: t.style })),
        charts: s.charts.map(({ id: _id, seriesCount: _count, seriesWithoutFill, ...chart }) => ({
          ...chart,
          seriesWithoutFill: [...seriesWithoutFill].sort((a, b) => a - b),
        })),
        conditionalFormats: s.conditionalFormats.map((f) => ({
          type: f.type,
          address: a1(f.rect),
          barDirection: f.barDirection,
          colorCriteria: f.colorCriteria,
        })),
        dataValidations: s.validations.map((v) => ({ address: a1(v.rect), rule: v.rule, errorAlert: v.errorAlert, prompt: v.prompt })),
        freezeRows: s.freezeRows,
        page: { ...s.page },
        columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [letters(c), w])),
      };
    }),
    activeSheet: active.name,
    selection: wb.noRangeSelected ? null : active.selection.map((r) => `${sheetRef(active.name)}!${a1(r)}`).join(","),
    settings: Object.fromEntries(wb.settings),
    names: [...wb.names],
  };
}

// ---- proxies -----------------------------------------------------------------------------------

type LoadSpec = string | readonly string[] | { readonly select?: string | readonly string[] } | undefined;

function loadNames(spec: LoadSpec, all: readonly string[]): string[] {
  const list = (x: string | readonly string[]): readonly string[] => (typeof x === "string" ? x.split(",") : x);
  const raw =
    spec === undefined
      ? all
      : typeof spec === "string" || Array.isArray(spec)
        ? list(spec as string | readonly string[])
        : list((spec as { select?: string | readonly string[] }).select ?? all);
  // A collection's load("items/name") or load("name") loads that property of every item.
  return raw.map((s: string) => s.trim().replace(/^items\//, "")).filter((s: string) => s !== "" && s !== "items");
}

/** The base of every proxy: loaded properties, load(), and the rule that unloaded reads throw. */
abstract class FakeClientObject {
  private readonly loadedProps = new Map<string, unknown>();
  protected abstract readonly className: string;

  constructor(protected readonly engine: Engine) {}

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  load(spec?: LoadSpec): this {
    const names = loadNames(spec, this.loadable());
    this.engine.enqueue(() => this.loadNow(names));
    return this;
  }

  /** Fills loaded properties at execution time; collections override. */
  loadNow(names: readonly string[]): void {
    const entity = this.entity(true);
    this.loadedProps.set("isNullObject", entity === null);
    if (entity === null) return;
    for (const n of names) {
      if (!this.loadable().includes(n)) throw new FakeOfficeError("InvalidArgument", `${this.className} has no loadable property ${n}`);
      const value = this.readNow(n);
      this.engine.respond(value);
      this.loadedProps.set(n, value);
    }
  }

  protected setLoaded(name: string, value: unknown): void {
    this.loadedProps.set(name, value);
  }

  protected read<T>(name: string): T {
    if (!this.loadedProps.has(name)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' of ${this.className} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()".`,
      );
    }
    return this.loadedProps.get(name) as T;
  }

  /** Queues a property write or method call that runs at sync. */
  protected queue(run: () => void, payload?: unknown): void {
    this.engine.enqueue(run, payload);
  }

  protected abstract loadable(): readonly string[];
  protected abstract readNow(name: string): unknown;
  /** The underlying model object, resolved at execution; null for a null object (throws unless `allowNull`). */
  protected abstract entity(allowNull?: boolean): unknown;
}

/** Resolves once and keeps the answer, as Office.js binds a proxy to one object. */
function once<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v;
  };
}

function must<T>(v: T | null, what: string): T {
  if (v === null) throw new FakeOfficeError("InvalidOperation", `${what} is a null object`);
  return v;
}

interface RangeRef {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(private readonly engine: Engine) {
    this.workbook = new FakeWorkbook(engine);
    this.application = new FakeApplication(engine);
  }
  sync(): Promise<void> {
    return this.engine.sync();
  }
}

class FakeApplication {
  constructor(private readonly engine: Engine) {}
  suspendApiCalculationUntilNextSync(): void {
    this.engine.enqueue(() => (this.engine.suspendCalc = true));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.engine.enqueue(() => (this.engine.suspendScreen = true));
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly settings: FakeSettingCollection;
  readonly names: FakeNamedItemCollection;
  constructor(private readonly engine: Engine) {
    this.worksheets = new FakeWorksheetCollection(engine);
    this.tables = new FakeTableCollection(engine, null);
    this.settings = new FakeSettingCollection(engine);
    this.names = new FakeNamedItemCollection(engine);
  }
  getSelectedRange(): FakeRange {
    const wb = this.engine.wb;
    return new FakeRange(
      this.engine,
      once(() => {
        const sheet = wb.activeSheet();
        if (wb.noRangeSelected || sheet.selection.length !== 1)
          throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
        return { sheet, rect: sheet.selection[0] };
      }),
    );
  }
}

/**
 * A collection of the workbook: `items` holds a loaded proxy per member. Subclasses name their
 * members and how to wrap one; loading, reading `items` and the null-object rule are here once.
 */
abstract class FakeCollection<P extends FakeClientObject, M> extends FakeClientObject {
  get items(): P[] {
    return this.read("items");
  }
  override loadNow(names: readonly string[]): void {
    this.setLoaded(
      "items",
      this.members().map((m) => {
        const p = this.proxyFor(m);
        p.loadNow(names);
        return p;
      }),
    );
  }
  protected abstract members(): M[];
  protected abstract proxyFor(member: M): P;
  protected loadable() {
    return ["items"];
  }
  protected readNow(): unknown {
    return undefined;
  }
  protected entity() {
    return this.engine.wb;
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet, SheetModel> {
  protected readonly className = "WorksheetCollection";
  constructor(engine: Engine) {
    super(engine);
  }
  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this.queue(() => (created = this.engine.wb.addSheet(name)));
    return new FakeWorksheet(this.engine, () => must(created, "the added worksheet"));
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.engine,
      once(() => {
        const s = this.engine.wb.sheetByKey(key);
        if (!s) throw new FakeOfficeError("ItemNotFound", `no worksheet ${key}`);
        return s;
      }),
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.engine,
      once(() => this.engine.wb.sheetByKey(key) ?? null),
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.engine,
      once(() => this.engine.wb.activeSheet()),
    );
  }
  protected members(): SheetModel[] {
    return this.engine.wb.sheets;
  }
  protected proxyFor(sheet: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.engine, () => sheet);
  }
}

class FakeWorksheet extends FakeClientObject {
  protected readonly className = "Worksheet";
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly onChanged: FakeEventHandlers;
  constructor(
    engine: Engine,
    private readonly resolve: () => SheetModel | null,
  ) {
    super(engine);
    this.tables = new FakeTableCollection(engine, () => this.entity());
    this.charts = new FakeChartCollection(engine, () => this.entity());
    this.freezePanes = new FakeFreezePanes(engine, () => this.entity());
    this.pageLayout = new FakePageLayout(engine, () => this.entity());
    this.onChanged = new FakeEventHandlers(engine, () => this.entity());
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.queue(() => {
      const s = this.entity();
      this.engine.wb.checkSheetNameFree(v, s);
      s.name = v;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.engine,
      once(() => {
        const sheet = this.entity();
        return { sheet, rect: address ? parseRef(splitSheet(address).ref) : { r: 0, c: 0, h: MAX_ROWS, w: MAX_COLS } };
      }),
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(
      this.engine,
      once(() => ({ sheet: this.entity(), rect: { r: row, c: col, h: rows, w: cols } })),
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(
      this.engine,
      once(() => {
        const sheet = this.entity();
        const used = sheet.grid.used();
        return used ? { sheet, rect: used } : null;
      }),
    );
  }
  activate(): void {
    this.queue(() => this.engine.wb.activate(this.entity()));
  }
  delete(): void {
    this.queue(() => this.engine.wb.deleteSheet(this.entity()));
  }
  protected loadable() {
    return ["name", "id", "position"];
  }
  protected readNow(name: string): unknown {
    const s = this.entity();
    return name === "name" ? s.name : name === "id" ? s.id : this.engine.wb.sheets.indexOf(s);
  }
  protected entity(allowNull?: boolean): SheetModel;
  protected entity(allowNull: true): SheetModel | null;
  protected entity(allowNull = false): SheetModel | null {
    const s = this.resolve();
    if (s && !this.engine.wb.sheets.includes(s)) throw new FakeOfficeError("ItemNotFound", "the worksheet was deleted");
    return allowNull ? s : must(s, "the worksheet");
  }
}

/** ExcelApi 1.9 worksheet.pageLayout: the properties and setters the add-in uses, checked as Excel checks them. */
class FakePageLayout {
  constructor(
    private readonly engine: Engine,
    private readonly sheet: () => SheetModel,
  ) {}
  private put(key: string, value: unknown): void {
    this.engine.enqueue(() => (this.sheet().page[key] = value));
  }
  set orientation(v: string) {
    if (v !== "Portrait" && v !== "Landscape") throw new FakeOfficeError("InvalidArgument", `orientation ${v}`);
    this.put("orientation", v);
  }
  set paperSize(v: string) {
    this.put("paperSize", v);
  }
  set leftMargin(v: number) {
    this.put("leftMargin", v);
  }
  set rightMargin(v: number) {
    this.put("rightMargin", v);
  }
  set topMargin(v: number) {
    this.put("topMargin", v);
  }
  set bottomMargin(v: number) {
    this.put("bottomMargin", v);
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.put("zoom", { ...v });
  }
  /** A range address, or several separated by commas, on this sheet. */
  setPrintArea(address: string): void {
    this.engine.enqueue(() => {
      for (const part of address.split(",")) parseRef(part.replace(/\$/g, ""));
      this.sheet().page.printArea = address;
    });
  }
  /**
   * headersFooters.defaultForAllPages: the centre header and footer, as written. Excel takes at
   * most 255 characters in a header or a footer ("Excel specifications and limits").
   */
  get headersFooters(): { defaultForAllPages: { centerHeader: string; centerFooter: string } } {
    const target = {} as { centerHeader: string; centerFooter: string };
    for (const key of ["centerHeader", "centerFooter"]) {
      Object.defineProperty(target, key, {
        set: (v: string) => {
          if (v.length > 255) throw new FakeOfficeError("InvalidArgument", `${key} of ${v.length} characters`);
          this.put(key, v);
        },
        enumerable: true,
      });
    }
    return { defaultForAllPages: target };
  }
  /** Whole rows, as "$1:$2". */
  setPrintTitleRows(address: string): void {
    this.engine.enqueue(() => {
      if (!/^\$?\d+:\$?\d+$/.test(address)) throw new FakeOfficeError("InvalidArgument", `print title rows ${address}`);
      this.sheet().page.printTitleRows = address;
    });
  }
}

class FakeFreezePanes {
  constructor(
    private readonly engine: Engine,
    private readonly sheet: () => SheetModel,
  ) {}
  freezeRows(count = 1): void {
    this.engine.enqueue(() => (this.sheet().freezeRows = count));
  }
  unfreeze(): void {
    this.engine.enqueue(() => (this.sheet().freezeRows = 0));
  }
}

class FakeRange extends FakeClientObject {
  protected readonly className = "Range";
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;
  constructor(
    engine: Engine,
    private readonly resolve: () => RangeRef | null,
  ) {
    super(engine);
    this.format = new FakeRangeFormat(engine, () => this.entity());
    this.conditionalFormats = new FakeConditionalFormatCollection(engine, () => this.entity());
    this.dataValidation = new FakeDataValidation(engine, () => this.entity());
  }
  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.queue(() => {
      const { sheet, rect } = this.entity();
      this.engine.wb.writeCells(sheet, rect, v, "values");
    }, v);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.queue(() => {
      const { sheet, rect } = this.entity();
      this.engine.wb.writeCells(sheet, rect, v, "formulas");
    }, v);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.queue(() => {
      const { sheet, rect } = this.entity();
      checkShape(rect, v, "numberFormat");
      v.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null) return;
          if (typeof f !== "string") throw new FakeOfficeError("InvalidArgument", "numberFormat: not a string");
          sheet.grid.set("numberFormat", rect.r + i, rect.c + j, f);
        }),
      );
    }, v);
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.engine,
      once(() => this.entity().sheet),
    );
  }
  /**
   * ExcelApi 1.9: the range's cells of a type, as areas; a null object when there are none. The
   * stand-in knows "Visible" only: the cells of the rows not hidden (it has no hidden columns).
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== "Visible") throw new Error(`the stand-in knows SpecialCellType "Visible" only, not ${cellType}`);
    return new FakeRangeAreas(
      this.engine,
      once(() => {
        const { sheet, rect } = this.entity();
        const areas: RangeRef[] = [];
        for (let r = rect.r; r < rect.r + rect.h; r++) {
          if (sheet.hiddenRows.has(r)) continue;
          const last = areas[areas.length - 1];
          if (last && last.rect.r + last.rect.h === r) areas[areas.length - 1] = { sheet, rect: { ...last.rect, h: last.rect.h + 1 } };
          else areas.push({ sheet, rect: { r, c: rect.c, h: 1, w: rect.w } });
        }
        return areas.length ? areas : null;
      }),
    );
  }
  /** ExcelApi 1.2: the range grown or shrunk by rows and columns from its top-left cell. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(
      this.engine,
      once(() => {
        const { sheet, rect } = this.entity();
        const h = rect.h + deltaRows;
        const w = rect.w + deltaColumns;
        if (h < 1 || w < 1) throw new FakeOfficeError("InvalidArgument", "The resized range would be empty.");
        return { sheet, rect: { ...rect, h, w } };
      }),
    );
  }
  getSurroundingRegion(): FakeRange {
    return new FakeRange(
      this.engine,
      once(() => {
        const { sheet, rect } = this.entity();
        return { sheet, rect: surroundingRegion(sheet.grid, rect) };
      }),
    );
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return new FakeRange(
      this.engine,
      once(() => {
        const { sheet, rect } = this.entity();
        const o = typeof other === "string" ? { sheet, rect: parseRef(splitSheet(other).ref) } : other.entity(true);
        if (!o || o.sheet !== sheet) return null;
        const x = intersect(rect, o.rect);
        return x ? { sheet, rect: x } : null;
      }),
    );
  }
  getTables(fullyContained = false): FakeTableCollection {
    return new FakeTableCollection(this.engine, null, () => {
      const { sheet, rect } = this.entity();
      return this.engine.wb.tables.filter((t) => t.sheet === sheet && (fullyContained ? contains(rect, t.rect) : intersect(rect, t.rect)));
    });
  }
  select(): void {
    this.queue(() => {
      const { sheet, rect } = this.entity();
      sheet.selection = [rect];
      this.engine.wb.activate(sheet);
    });
  }
  protected loadable() {
    return ["address", "values", "formulas", "numberFormat", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount"];
  }
  protected readNow(name: string): unknown {
    const { sheet, rect } = this.entity();
    switch (name) {
      case "address":
        return `${sheetRef(sheet.name)}!${a1(rect)}`;
      case "values":
      case "formulas":
      case "numberFormat":
        if (rect.h * rect.w > 5_000_000) throw new FakeOfficeError("GeneralException", "The response payload size has exceeded the limit.");
        return gridMap(rect, (r, c) =>
          name === "values"
            ? cellValue(sheet, r, c)
            : name === "formulas"
              ? cellFormula(sheet, r, c)
              : ((sheet.grid.get("numberFormat", r, c) as string | undefined) ?? "General"),
        );
      case "rowIndex":
        return rect.r;
      case "columnIndex":
        return rect.c;
      case "rowCount":
        return rect.h;
      case "columnCount":
        return rect.w;
      default:
        return rect.h * rect.w;
    }
  }
  entity(allowNull?: boolean): RangeRef;
  entity(allowNull: true): RangeRef | null;
  entity(allowNull = false): RangeRef | null {
    const r = this.resolve();
    if (r && !this.engine.wb.sheets.includes(r.sheet)) throw new FakeOfficeError("ItemNotFound", "the range's worksheet was deleted");
    return allowNull ? r : must(r, "the range");
  }
}

/** Several ranges of one sheet (ExcelApi 1.9): their addresses, and the areas as a range collection. */
class FakeRangeAreas extends FakeClientObject {
  protected readonly className = "RangeAreas";
  readonly areas: FakeRangeCollection;
  constructor(
    engine: Engine,
    private readonly resolve: () => RangeRef[] | null,
  ) {
    super(engine);
    this.areas = new FakeRangeCollection(engine, () => this.entity());
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  protected loadable() {
    return ["address", "areaCount"];
  }
  /** load("areas/items/rowIndex,…") loads those properties of every area, as Office.js loads a navigation path. */
  override loadNow(names: readonly string[]): void {
    const own = names.filter((n) => !n.startsWith("areas/"));
    const nested = names.filter((n) => n.startsWith("areas/")).map((n) => n.slice("areas/".length).replace(/^items\//, ""));
    super.loadNow(own);
    if (nested.length && this.entity(true)) this.areas.loadNow(nested);
  }
  protected readNow(name: string): unknown {
    const areas = this.entity();
    return name === "address" ? areas.map((a) => `${sheetRef(a.sheet.name)}!${a1(a.rect)}`).join(",") : areas.length;
  }
  entity(allowNull?: boolean): RangeRef[];
  entity(allowNull: true): RangeRef[] | null;
  entity(allowNull = false): RangeRef[] | null {
    const areas = this.resolve();
    return allowNull ? areas : must(areas, "the range areas");
  }
}

class FakeRangeCollection extends FakeCollection<FakeRange, RangeRef> {
  protected readonly className = "RangeCollection";
  constructor(
    engine: Engine,
    private readonly refs: () => RangeRef[],
  ) {
    super(engine);
  }
  protected members(): RangeRef[] {
    return this.refs();
  }
  protected proxyFor(ref: RangeRef): FakeRange {
    return new FakeRange(this.engine, () => ref);
  }
}

class FakeRangeFormat {
  readonly font: { bold: boolean };
  readonly fill: { color: string; clear(): void };
  constructor(
    private readonly engine: Engine,
    private readonly range: () => RangeRef,
  ) {
    const cells = (layer: Layer, v: unknown) => () => {
      const { sheet, rect } = this.range();
      for (let r = rect.r; r < rect.r + rect.h; r++) for (let c = rect.c; c < rect.c + rect.w; c++) sheet.grid.set(layer, r, c, v);
    };
    const notLoaded = (p: string) => (): never => {
      throw new FakeOfficeError("PropertyNotLoaded", `The property '${p}' is not available.`);
    };
    this.font = Object.defineProperty({} as { bold: boolean }, "bold", {
      get: notLoaded("bold"),
      set: (v: boolean) => this.engine.enqueue(cells("bold", v === true)),
    });
    this.fill = Object.defineProperty({ clear: () => this.engine.enqueue(cells("fill", undefined)) } as { color: string; clear(): void }, "color", {
      get: notLoaded("color"),
      set: (v: string) => this.engine.enqueue(cells("fill", v)),
    });
  }
  /** Excel.HorizontalAlignment's values only (learn.microsoft.com: Excel.HorizontalAlignment). */
  set horizontalAlignment(v: string) {
    if (!["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(v))
      throw new FakeOfficeError("InvalidArgument", `horizontal alignment ${v}`);
    this.engine.enqueue(() => {
      const { sheet, rect } = this.range();
      for (let r = rect.r; r < rect.r + rect.h; r++) for (let c = rect.c; c < rect.c + rect.w; c++) sheet.grid.set("align", r, c, v);
    });
  }
  get horizontalAlignment(): string {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'horizontalAlignment' is not available.");
  }
  get columnWidth(): number {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'columnWidth' is not available.");
  }
  set columnWidth(points: number) {
    this.engine.enqueue(() => {
      const { sheet, rect } = this.range();
      if (!(points >= 0 && points <= 255 * 7.5)) throw new FakeOfficeError("InvalidArgument", `column width ${points}`);
      for (let c = rect.c; c < rect.c + rect.w; c++) sheet.columnWidths.set(c, points);
    });
  }
}

class FakeConditionalFormatCollection {
  constructor(
    private readonly engine: Engine,
    private readonly range: () => RangeRef,
  ) {}
  add(type: string): {
    type: string;
    dataBar: { barDirection: string };
    colorScale: { criteria: Record<string, { formula: string; type: string; color: string } | undefined> };
  } {
    let created: ConditionalFormatModel | null = null;
    this.engine.enqueue(() => {
      if (!Object.values(FAKE_ENUMS.ConditionalFormatType).includes(type as never))
        throw new FakeOfficeError("InvalidArgument", `conditional format type ${type}`);
      const { sheet, rect } = this.range();
      created = { id: this.engine.wb.id("cf"), type, rect, barDirection: type === "DataBar" ? "Context" : null, colorCriteria: null };
      sheet.conditionalFormats.push(created);
    });
    const engine = this.engine;
    const dataBar = {
      set barDirection(v: string) {
        engine.enqueue(() => {
          const cf = must(created, "the conditional format");
          if (cf.type !== "DataBar") throw new FakeOfficeError("InvalidOperation", "not a data bar");
          cf.barDirection = v;
        });
      },
      get barDirection(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "The property 'barDirection' is not available.");
      },
    };
    // colorScale.criteria (ExcelApi 1.6): minimum and maximum required, each a formula, a criterion type and a colour.
    const colorScale = {
      set criteria(v: Record<string, { formula: string; type: string; color: string } | undefined>) {
        engine.enqueue(() => {
          const cf = must(created, "the conditional format");
          if (cf.type !== "ColorScale") throw new FakeOfficeError("InvalidOperation", "not a colour scale");
          if (!v.minimum || !v.maximum) throw new FakeOfficeError("InvalidArgument", "a colour scale needs a minimum and a maximum");
          for (const [k, c] of Object.entries(v)) {
            if (!c) continue;
            if (!Object.values(FAKE_ENUMS.ConditionalFormatColorCriterionType).includes(c.type as never) || !/^#[0-9A-Fa-f]{6}$/.test(c.color))
              throw new FakeOfficeError("InvalidArgument", `colour scale ${k}: ${JSON.stringify(c)}`);
          }
          cf.colorCriteria = Object.fromEntries(
            Object.entries(v).filter((e): e is [string, { formula: string; type: string; color: string }] => e[1] !== undefined),
          );
        });
      },
    };
    return { type, dataBar, colorScale };
  }
}

class FakeTableCollection extends FakeCollection<FakeTable, TableModel> {
  protected readonly className = "TableCollection";
  constructor(
    engine: Engine,
    /** The sheet of a worksheet's collection; null for the workbook's. */
    private readonly sheet: (() => SheetModel) | null,
    /** For a range's tables: the tables it finds. */
    private readonly scope?: () => TableModel[],
  ) {
    super(engine);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this.queue(() => {
      if (!hasHeaders) throw new FakeOfficeError("InvalidArgument", "the fake supports tables with headers only");
      let ref: RangeRef;
      if (typeof address === "string") {
        // As documented: "If the address does not contain a sheet name, the currently-active sheet is used."
        const { sheet, ref: r } = splitSheet(address);
        const s = sheet !== null ? this.engine.wb.sheetByName(sheet) : this.engine.wb.activeSheet();
        if (!s) throw new FakeOfficeError("InvalidArgument", `table address ${address} names no sheet`);
        ref = { sheet: s, rect: parseRef(r) };
      } else ref = address.entity();
      if (this.sheet && ref.sheet !== this.sheet()) throw new FakeOfficeError("InvalidArgument", "the range is on another sheet");
      created = this.engine.wb.addTable(ref.sheet, ref.rect);
    });
    return new FakeTable(this.engine, () => must(created, "the added table"));
  }
  getItem(key: string): FakeTable {
    return new FakeTable(
      this.engine,
      once(() => {
        const t = this.find(key);
        if (!t) throw new FakeOfficeError("ItemNotFound", `no table ${key}`);
        return t;
      }),
    );
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(
      this.engine,
      once(() => this.find(key) ?? null),
    );
  }
  getFirst(): FakeTable {
    return new FakeTable(
      this.engine,
      once(() => {
        const t = this.all()[0];
        if (!t) throw new FakeOfficeError("ItemNotFound", "no table");
        return t;
      }),
    );
  }
  protected members(): TableModel[] {
    return this.all();
  }
  protected proxyFor(table: TableModel): FakeTable {
    return new FakeTable(this.engine, () => table);
  }
  private all(): TableModel[] {
    if (this.scope) return this.scope();
    const tables = this.engine.wb.tables;
    if (!this.sheet) return [...tables];
    const s = this.sheet();
    return tables.filter((t) => t.sheet === s);
  }
  private find(key: string): TableModel | undefined {
    return this.all().find((t) => t.id === key || t.name.toLowerCase() === key.toLowerCase());
  }
}

class FakeTable extends FakeClientObject {
  protected readonly className = "Table";
  readonly rows: FakeTableRowCollection;
  readonly onChanged: FakeEventHandlers;
  constructor(
    engine: Engine,
    private readonly resolve: () => TableModel | null,
  ) {
    super(engine);
    this.rows = new FakeTableRowCollection(engine, () => this.entity());
    this.onChanged = new FakeEventHandlers(engine, () => this.entity());
  }
  /** As Excel: getRange() includes the totals row when it is on, getDataBodyRange() never does (learn.microsoft.com: Excel.Table). */
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.queue(() => {
      const t = this.entity();
      t.name = this.engine.wb.checkTableName(v, t);
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(v: string) {
    this.queue(() => (this.entity().style = v));
  }
  get id(): string {
    return this.read("id");
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.engine,
      once(() => this.entity().sheet),
    );
  }
  getRange(): FakeRange {
    return new FakeRange(
      this.engine,
      once(() => {
        const t = this.entity();
        return { sheet: t.sheet, rect: t.rect };
      }),
    );
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(
      this.engine,
      once(() => {
        const t = this.entity();
        return { sheet: t.sheet, rect: { ...t.rect, h: 1 } };
      }),
    );
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(
      this.engine,
      once(() => {
        const t = this.entity();
        return { sheet: t.sheet, rect: { ...t.rect, r: t.rect.r + 1, h: t.rect.h - 1 - (t.showTotals ? 1 : 0) } };
      }),
    );
  }
  delete(): void {
    this.queue(() => {
      const tables = this.engine.wb.tables;
      tables.splice(tables.indexOf(this.entity()), 1);
    });
  }
  protected loadable() {
    return ["name", "style", "id", "showTotals"];
  }
  protected readNow(name: string): unknown {
    const t = this.entity();
    return name === "name" ? t.name : name === "style" ? t.style : name === "id" ? t.id : t.showTotals === true;
  }
  protected entity(allowNull?: boolean): TableModel;
  protected entity(allowNull: true): TableModel | null;
  protected entity(allowNull = false): TableModel | null {
    const t = this.resolve();
    if (t && !this.engine.wb.tables.includes(t)) throw new FakeOfficeError("ItemNotFound", "the table was deleted");
    return allowNull ? t : must(t, "the table");
  }
}

class FakeChartCollection {
  constructor(
    private readonly engine: Engine,
    private readonly sheet: () => SheetModel,
  ) {}
  add(type: string, source: FakeRange, seriesBy: string = "Auto"): FakeChart {
    let created: ChartModel | null = null;
    this.engine.enqueue(() => {
      if (!Object.values(FAKE_ENUMS.ChartType).includes(type as never)) throw new FakeOfficeError("InvalidArgument", `chart type ${type}`);
      const s = this.sheet();
      const src = source.entity();
      const chart: ChartModel = {
        id: this.engine.wb.id("chart"),
        name: `Chart ${s.charts.length + 1}`,
        type,
        source: `${sheetRef(src.sheet.name)}!${a1(src.rect)}`,
        seriesCount: Math.max(1, (seriesBy === "Rows" ? src.rect.h : src.rect.w) - 1),
        seriesWithoutFill: [],
        seriesBy,
        title: null,
        legendVisible: true,
        legendPosition: "Right",
        reversePlotOrder: false,
        tickLabelPosition: "NextToAxis",
        valueFormat: null,
        valueReversed: false,
        valueMinimum: null,
        startCell: null,
        endCell: null,
        width: 360,
        height: 216,
      };
      s.charts.push(chart);
      created = chart;
    });
    return new FakeChart(this.engine, () => must(created, "the added chart"));
  }
}

class FakeChart {
  readonly title: { text: string; visible: boolean };
  readonly legend: { visible: boolean; position: string };
  readonly axes: {
    categoryAxis: { reversePlotOrder: boolean; tickLabelPosition: string };
    valueAxis: { numberFormat: string; reversePlotOrder: boolean; minimum: number };
  };
  readonly series: { getItemAt(index: number): FakeChartSeries };
  constructor(
    private readonly engine: Engine,
    private readonly chart: () => ChartModel,
  ) {
    this.series = { getItemAt: (index: number) => new FakeChartSeries(engine, chart, index) };
    const setter = <K extends keyof ChartModel>(key: K, map: (v: never) => ChartModel[K]) => ({
      get: (): never => {
        throw new FakeOfficeError("PropertyNotLoaded", `The property '${String(key)}' is not available.`);
      },
      set: (v: never) => this.engine.enqueue(() => ((this.chart()[key] as ChartModel[K]) = map(v))),
    });
    this.title = Object.defineProperties({} as { text: string; visible: boolean }, {
      text: setter("title", (v: string) => v),
      visible: setter("title", (v: boolean) => (v ? this.chart().title : null)),
    });
    this.legend = Object.defineProperties({} as { visible: boolean; position: string }, {
      visible: setter("legendVisible", (v: boolean) => v),
      // Excel refuses a value outside Excel.ChartLegendPosition.
      position: setter("legendPosition", (v: string) => {
        if (!["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(v))
          throw new FakeOfficeError("InvalidArgument", `legend position cannot be ${v}`);
        return v;
      }),
    });
    this.axes = {
      categoryAxis: Object.defineProperties({} as { reversePlotOrder: boolean; tickLabelPosition: string }, {
        reversePlotOrder: setter("reversePlotOrder", (v: boolean) => v),
        // ExcelApi 1.7; Excel refuses a value outside Excel.ChartAxisTickLabelPosition.
        tickLabelPosition: setter("tickLabelPosition", (v: string) => {
          if (!["NextToAxis", "High", "Low", "None"].includes(v)) throw new FakeOfficeError("InvalidArgument", `tickLabelPosition cannot be ${v}`);
          return v;
        }),
      }),
      valueAxis: Object.defineProperties({} as { numberFormat: string; reversePlotOrder: boolean; minimum: number }, {
        numberFormat: setter("valueFormat", (v: string) => v),
        reversePlotOrder: setter("valueReversed", (v: boolean) => v),
        // ChartAxis.minimum: a number (Excel refuses text there).
        minimum: setter("valueMinimum", (v: number) => {
          if (typeof v !== "number" || !Number.isFinite(v)) throw new FakeOfficeError("InvalidArgument", `axis minimum cannot be ${String(v)}`);
          return v;
        }),
      }),
    };
  }
  set width(v: number) {
    this.engine.enqueue(() => (this.chart().width = v));
  }
  get width(): number {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'width' is not available.");
  }
  set height(v: number) {
    this.engine.enqueue(() => (this.chart().height = v));
  }
  get height(): number {
    throw new FakeOfficeError("PropertyNotLoaded", "The property 'height' is not available.");
  }
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const show = (x: string | FakeRange) => (typeof x === "string" ? a1(parseRef(splitSheet(x).ref)) : a1(x.entity().rect));
    this.engine.enqueue(() => {
      const c = this.chart();
      c.startCell = show(startCell);
      c.endCell = endCell === undefined ? null : show(endCell);
    });
  }
}

/** A chart's series: its fill can be cleared (drawn invisible: the offset of a floating bar) or set. */
class FakeChartSeries {
  readonly format: { readonly fill: { clear(): void; setSolidColor(color: string): void } };
  constructor(engine: Engine, chart: () => ChartModel, index: number) {
    const series = () => {
      const c = chart();
      if (!Number.isInteger(index) || index < 0 || index >= c.seriesCount) throw new FakeOfficeError("ItemNotFound", `the chart has no series ${index}`);
      return c;
    };
    this.format = {
      fill: {
        clear: () =>
          engine.enqueue(() => {
            const c = series();
            if (!c.seriesWithoutFill.includes(index)) c.seriesWithoutFill.push(index);
          }),
        setSolidColor: () =>
          engine.enqueue(() => {
            const c = series();
            c.seriesWithoutFill = c.seriesWithoutFill.filter((i) => i !== index);
          }),
      },
    };
  }
}

/** `range.dataValidation`: rule, error alert and prompt, recorded per range (see the file comment). */
class FakeDataValidation extends FakeClientObject {
  protected readonly className = "DataValidation";
  constructor(
    engine: Engine,
    private readonly range: () => RangeRef,
  ) {
    super(engine);
  }
  get rule(): unknown {
    return this.read("rule");
  }
  set rule(v: unknown) {
    this.queue(() => {
      checkValidationRule(v);
      const { sheet, rect } = this.range();
      for (let i = sheet.validations.length - 1; i >= 0; i--) if (contains(rect, sheet.validations[i].rect)) sheet.validations.splice(i, 1);
      sheet.validations.push({ rect, rule: clone(v), errorAlert: null, prompt: null });
    }, v);
  }
  get errorAlert(): unknown {
    return this.read("errorAlert");
  }
  set errorAlert(v: unknown) {
    this.queue(() => {
      const style = (v as { style?: unknown } | null)?.style;
      if (style !== undefined && !Object.values(FAKE_ENUMS.DataValidationAlertStyle).includes(style as never))
        throw new FakeOfficeError("InvalidArgument", `error alert style ${String(style)}`);
      this.own().errorAlert = clone(v);
    }, v);
  }
  get prompt(): unknown {
    return this.read("prompt");
  }
  set prompt(v: unknown) {
    this.queue(() => (this.own().prompt = clone(v)), v);
  }
  clear(): void {
    this.queue(() => {
      const { sheet, rect } = this.range();
      for (let i = sheet.validations.length - 1; i >= 0; i--) if (intersect(rect, sheet.validations[i].rect)) sheet.validations.splice(i, 1);
    });
  }
  protected loadable() {
    return ["rule", "errorAlert", "prompt"];
  }
  protected readNow(name: string): unknown {
    const found = this.find();
    if (!found) return name === "rule" ? {} : null;
    return clone(name === "rule" ? (found.rule ?? {}) : name === "errorAlert" ? found.errorAlert : found.prompt);
  }
  protected entity() {
    return this.range();
  }
  /** The validation that covers the whole range, if one does. */
  private find(): DataValidationModel | undefined {
    const { sheet, rect } = this.range();
    return [...sheet.validations].reverse().find((v) => contains(v.rect, rect));
  }
  /** The validation of exactly this range, made when there is none. */
  private own(): DataValidationModel {
    const { sheet, rect } = this.range();
    let v = sheet.validations.find((x) => x.rect.r === rect.r && x.rect.c === rect.c && x.rect.h === rect.h && x.rect.w === rect.w);
    if (!v) {
      v = { rect, rule: null, errorAlert: null, prompt: null };
      sheet.validations.push(v);
    }
    return v;
  }
}

const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"] as const;

/** Rejects what Excel rejects in a rule: not exactly one kind, an unknown operator, a missing formula. */
function checkValidationRule(v: unknown): void {
  const rule = v as Record<string, unknown> | null;
  const kinds = rule && typeof rule === "object" ? RULE_KINDS.filter((k) => rule[k] !== undefined && rule[k] !== null) : [];
  if (kinds.length !== 1) throw new FakeOfficeError("InvalidArgument", "a data validation rule needs exactly one kind");
  const kind = kinds[0];
  const spec = rule![kind] as { operator?: unknown; formula1?: unknown; formula2?: unknown; source?: unknown };
  if (kind === "list" || kind === "custom") return;
  const operators: readonly unknown[] = Object.values(FAKE_ENUMS.DataValidationOperator);
  if (!operators.includes(spec.operator)) throw new FakeOfficeError("InvalidArgument", `data validation operator ${String(spec.operator)}`);
  if (spec.formula1 === undefined || spec.formula1 === null || spec.formula1 === "") throw new FakeOfficeError("InvalidArgument", "formula1 is required");
  const needsTwo = spec.operator === "Between" || spec.operator === "NotBetween";
  if (needsTwo !== (spec.formula2 !== undefined && spec.formula2 !== null && spec.formula2 !== ""))
    throw new FakeOfficeError("InvalidArgument", "formula2 goes with Between and NotBetween only");
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** `table.rows`: add rows, delete one, count them. */
class FakeTableRowCollection extends FakeClientObject {
  protected readonly className = "TableRowCollection";
  constructor(
    engine: Engine,
    private readonly table: () => TableModel,
  ) {
    super(engine);
  }
  get count(): number {
    return this.read("count");
  }
  add(index?: number | null, values?: unknown[][]): FakeTableRow {
    let at = -1;
    this.queue(() => {
      const t = this.table();
      const rows = values ?? [new Array<unknown>(t.rect.w).fill("")];
      checkShape({ r: 0, c: 0, h: rows.length, w: t.rect.w }, rows, "rows.add");
      at = index ?? t.rect.h - 1;
      this.engine.wb.addTableRows(t, index ?? null, rows);
    }, values);
    return new FakeTableRow(this.engine, this.table, () => at);
  }
  getItemAt(index: number): FakeTableRow {
    return new FakeTableRow(this.engine, this.table, () => index);
  }
  protected loadable() {
    return ["count"];
  }
  protected readNow(): unknown {
    return this.table().rect.h - 1;
  }
  protected entity() {
    return this.table();
  }
}

class FakeTableRow extends FakeClientObject {
  protected readonly className = "TableRow";
  constructor(
    engine: Engine,
    private readonly table: () => TableModel,
    private readonly index: () => number,
  ) {
    super(engine);
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  delete(): void {
    this.queue(() => this.engine.wb.deleteTableRow(this.table(), this.index()));
  }
  protected loadable() {
    return ["index", "values"];
  }
  protected readNow(name: string): unknown {
    const t = this.table();
    const i = this.index();
    if (i < 0 || i >= t.rect.h - 1) throw new FakeOfficeError("ItemNotFound", `no table row ${i}`);
    return name === "index" ? i : gridMap({ r: t.rect.r + 1 + i, c: t.rect.c, h: 1, w: t.rect.w }, (r, c) => cellValue(t.sheet, r, c));
  }
  protected entity() {
    return this.table();
  }
}

/**
 * `onChanged` of a table or worksheet. The handler is registered when the batch that adds it
 * syncs, and removed when the batch that calls `remove()` does; the result's `context` can be
 * passed to `Excel.run` for that.
 */
class FakeEventHandlers {
  constructor(
    private readonly engine: Engine,
    private readonly target: () => TableModel | SheetModel,
  ) {}
  add(handler: (event: FakeChangeEvent) => unknown): { context: FakeRequestContext; remove(): void } {
    if (typeof handler !== "function") throw new TypeError("onChanged.add: the handler must be a function");
    let registration: HandlerRegistration | null = null;
    this.engine.enqueue(() => {
      registration = { target: this.target(), handler };
      this.engine.addHandler(registration);
    });
    return {
      context: new FakeRequestContext(this.engine),
      remove: () =>
        this.engine.enqueue(() => {
          if (registration) this.engine.removeHandler(registration);
        }),
    };
  }
}

class FakeSettingCollection extends FakeCollection<FakeSetting, string> {
  protected readonly className = "SettingCollection";
  constructor(engine: Engine) {
    super(engine);
  }
  add(key: string, value: unknown): FakeSetting {
    this.queue(() => {
      if (typeof key !== "string" || key === "") throw new FakeOfficeError("InvalidArgument", "setting key");
      this.engine.wb.settings.set(key, JSON.parse(JSON.stringify(value)));
    }, value);
    return new FakeSetting(this.engine, key, () => true);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.engine, key, () => {
      if (!this.engine.wb.settings.has(key)) throw new FakeOfficeError("ItemNotFound", `no setting ${key}`);
      return true;
    });
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.engine, key, () => (this.engine.wb.settings.has(key) ? true : null));
  }
  protected members(): string[] {
    return [...this.engine.wb.settings.keys()];
  }
  protected proxyFor(key: string): FakeSetting {
    return new FakeSetting(this.engine, key, () => true);
  }
}

class FakeSetting extends FakeClientObject {
  protected readonly className = "Setting";
  constructor(
    engine: Engine,
    private readonly settingKey: string,
    private readonly exists: () => true | null,
  ) {
    super(engine);
  }
  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  delete(): void {
    this.queue(() => {
      must(this.exists(), "the setting");
      this.engine.wb.settings.delete(this.settingKey);
    });
  }
  protected loadable() {
    return ["key", "value"];
  }
  protected readNow(name: string): unknown {
    return name === "key" ? this.settingKey : this.engine.wb.settings.get(this.settingKey);
  }
  protected entity(allowNull = false): true | null {
    const e = this.exists();
    return allowNull ? e : must(e, "the setting");
  }
}

class FakeNamedItemCollection extends FakeClientObject {
  protected readonly className = "NamedItemCollection";
  constructor(engine: Engine) {
    super(engine);
  }
  get items(): { name: string }[] {
    return this.read("items");
  }
  override loadNow(): void {
    this.setLoaded(
      "items",
      this.engine.wb.names.map((name) => ({ name })),
    );
  }
  protected loadable() {
    return ["items"];
  }
  protected readNow(): unknown {
    return undefined;
  }
  protected entity() {
    return this.engine.wb;
  }
}
