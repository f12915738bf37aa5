/**
 * The one closed set of error codes, and the one table of their messages in Chinese and English.
 *
 * Core functions never throw for bad user input: they return or carry an {@link IndexError}.
 * The custom functions turn it into `#VALUE!` or `#N/A` with {@link formatError}; the task pane
 * shows the same words.
 */

export type Lang = "zh" | "en";

/** Which Excel error a code becomes in a cell. */
export type ExcelErrorKind = "value" | "na";

interface MessageSpec {
  readonly excel: ExcelErrorKind;
  readonly zh: string;
  readonly en: string;
}

/**
 * Message templates; `{name}` is replaced by the error's parameter of that name.
 * Keep every user-visible error text here and nowhere else.
 */
export const ERROR_MESSAGES = {
  EMPTY_RANGE: {
    excel: "value",
    zh: "区域为空：请选择含数据的区域。",
    en: "The range is empty: select a range that holds data.",
  },
  RAGGED_RANGE: {
    excel: "value",
    zh: "区域不是矩形：第 {row} 行有 {found} 列，应为 {expected} 列。",
    en: "The range is not rectangular: row {row} has {found} columns, expected {expected}.",
  },
  NEED_HEADER: {
    excel: "value",
    zh: "无法识别 {count} 列的数据：没有标题行时只接受 5 列（百强表顺序的五个分指数）或 19 列（权重表顺序的二级指标）。请在区域中包含标题行。",
    en: "Cannot read {count} columns: without a header row only 5 columns (the five sub-indices in the Top-100 table's order) or 19 columns (the indicators in the weight table's order) are accepted. Include the header row in the range.",
  },
  NO_INDEX_COLUMNS: {
    excel: "na",
    zh: "标题行中没有可识别的指数列（看到：{headers}）。请使用报告中的分指数或二级指标名称、英文名称或 id。",
    en: "The header row has no recognisable index columns (seen: {headers}). Use the report's sub-index or indicator names, the English names or the ids.",
  },
  DUPLICATE_COLUMN: {
    excel: "value",
    zh: "“{name}”出现了两次：第 {first} 列和第 {second} 列。请删除或改名其中之一。",
    en: '"{name}" appears twice: columns {first} and {second}. Remove or rename one of them.',
  },
  MIXED_LEVELS: {
    excel: "value",
    zh: "数据同时含有分指数列（{dimensions}）和二级指标列（{indicators}）。请只传入五个分指数，或只传入 19 个二级指标。",
    en: "The data mixes sub-index columns ({dimensions}) with indicator columns ({indicators}). Pass either the five sub-indices or the 19 indicators.",
  },
  MISSING_COLUMNS: {
    excel: "na",
    zh: "缺少计算所需的列：{names}。",
    en: "Columns needed for the computation are missing: {names}.",
  },
  BAD_VALUE: {
    excel: "value",
    zh: "第 {row} 行“{column}”列的值 {value} 不是数字（“-”和空单元格按 0 计）。",
    en: 'Row {row}, column "{column}": {value} is not a number ("-" and blank cells count as 0).',
  },
  NOT_FINITE: {
    excel: "value",
    zh: "第 {row} 行“{column}”列的值 {value} 不是有限数。",
    en: 'Row {row}, column "{column}": {value} is not a finite number.',
  },
  BAD_SCORE: {
    excel: "value",
    zh: "{value} 不是可排名的分数。",
    en: "{value} is not a score that can be ranked.",
  },
  UNKNOWN_DIMENSION: {
    excel: "value",
    zh: "未知的分指数 {value}。可用：{options}。",
    en: "Unknown sub-index {value}. Use one of: {options}.",
  },
  UNKNOWN_METHOD: {
    excel: "value",
    zh: "未知的标准化方法 {value}。可用：{options}。",
    en: "Unknown scaling method {value}. Use one of: {options}.",
  },
  BAD_OPTION: {
    excel: "value",
    zh: "参数“{name}”的值 {value} 无效。可用：{options}。",
    en: 'Argument "{name}" cannot be {value}. Use one of: {options}.',
  },
  GOALPOSTS_INVALID: {
    excel: "value",
    zh: "目标值表无效：{detail}",
    en: "The goalposts table is invalid: {detail}",
  },
  GOALPOSTS_MISSING: {
    excel: "value",
    zh: "目标值表缺少以下指标的上下限：{names}。",
    en: "The goalposts table has no low/high bounds for: {names}.",
  },
  WEIGHTS_EMPTY: {
    excel: "value",
    zh: "权重表为空或没有指标行。",
    en: "The weight table is empty or has no indicator rows.",
  },
  WEIGHTS_LAYOUT: {
    excel: "value",
    zh: "无法识别权重表的列：需要“一级指标、二级指标、一级指标权重、二级指标权重”四列（标题行可用中文、英文或 id）。{detail}",
    en: "Cannot read the weight table's columns: it needs four columns dimension, indicator, dimension weight, indicator weight (headers in Chinese, English or ids). {detail}",
  },
  WEIGHTS_INVALID: {
    excel: "value",
    zh: "权重表有 {count} 处错误。第一处：{first}",
    en: "The weight table has {count} error(s). First: {first}",
  },
  BASELINE_INVALID: {
    excel: "value",
    zh: "基准权重表无法使用：{detail}",
    en: "The baseline weight table cannot be used: {detail}",
  },
  TOO_MANY_RUNS: {
    excel: "value",
    zh: "{runs} 次模拟 × {rows} 个地区超出了公式一次可完成的计算量（模拟次数 × 地区数最多 10,000,000）：请把模拟次数减到 {max} 次以内。",
    en: "{runs} runs over {rows} regions is more than a formula can do at once (runs × regions at most 10,000,000): use at most {max} runs.",
  },
  NO_DATA_ROWS: {
    excel: "na",
    zh: "区域中只有标题行，没有数据行。",
    en: "The range holds a header row and no data rows.",
  },
  NO_SELECTION: {
    excel: "value",
    zh: "没有选中数据：请选中数据表中的一个单元格，或选中整个数据区域（只选一个区域，不要选图表或形状）。",
    en: "Nothing selected: select one cell of the data table or the whole data range (a single area, not a chart or a shape).",
  },
  SELECTION_TOO_LARGE: {
    excel: "value",
    zh: "选中的区域有 {cells} 个单元格，超过一次最多可读取的 5,000,000 个：请只选中数据表。",
    en: "The selection has {cells} cells, more than the 5,000,000 that can be read at once: select only the data table.",
  },
} as const satisfies Record<string, MessageSpec>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export type Severity = "error" | "warning" | "info";

interface FindingSpec {
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
}

/** Messages of weight-table findings (see `checkWeights`), with their fixed severity. */
export const FINDING_MESSAGES = {
  W_UNKNOWN_INDICATOR: {
    severity: "error",
    zh: "未知的二级指标 {value}。",
    en: "Unknown indicator {value}.",
  },
  W_UNKNOWN_DIMENSION: {
    severity: "error",
    zh: "未知的一级指标 {value}。",
    en: "Unknown dimension {value}.",
  },
  W_DIMENSION_MISMATCH: {
    severity: "error",
    zh: "“{indicator}”属于“{expected}”，不属于 {value}。",
    en: '"{indicator}" belongs to "{expected}", not to {value}.',
  },
  W_DUPLICATE_INDICATOR: {
    severity: "error",
    zh: "“{indicator}”重复出现（首次在第 {first} 行）。",
    en: '"{indicator}" is listed twice (first in row {first}).',
  },
  W_MISSING_INDICATOR: {
    severity: "error",
    zh: "缺少二级指标：{names}。",
    en: "Indicators missing from the table: {names}.",
  },
  W_NOT_NUMBER: {
    severity: "error",
    zh: "{what}的值 {value} 不是数字。",
    en: "The {what} {value} is not a number.",
  },
  W_NEGATIVE: {
    severity: "error",
    zh: "{what}不能为负数：{value}。",
    en: "The {what} cannot be negative: {value}.",
  },
  W_MISSING_WEIGHT: {
    severity: "error",
    zh: "缺少{what}。",
    en: "The {what} is missing.",
  },
  W_DIMENSION_WEIGHT_INCONSISTENT: {
    severity: "error",
    zh: "“{dimension}”的一级指标权重前后不一致：第 {first} 行为 {firstValue}，此处为 {value}。",
    en: 'The dimension weight of "{dimension}" differs between rows: {firstValue} in row {first}, {value} here.',
  },
  W_DIMENSION_ALL_ZERO: {
    severity: "error",
    zh: "“{dimension}”的一级指标权重大于 0，但其二级指标权重全部为 0。",
    en: '"{dimension}" has a dimension weight above 0 but all its indicator weights are 0.',
  },
  W_SUM_ZERO: {
    severity: "error",
    zh: "一级指标权重之和为 0，无法计算总指数。",
    en: "The dimension weights sum to 0: no total index can be computed.",
  },
  W_ROUNDED: {
    severity: "warning",
    zh: "{group}的权重之和为 {sum}，而非 100%：这是报告印刷时的四舍五入（{count} 项），计算时按比例归一为 100%。",
    en: "The weights of {group} sum to {sum}, not 100%: this is the report's printed rounding ({count} items); they are renormalised to 100%.",
  },
  W_SUM_NOT_100: {
    severity: "warning",
    zh: "{group}的权重之和为 {sum}，而非 100%；计算时按比例归一为 100%。",
    en: "The weights of {group} sum to {sum}, not 100%; they are renormalised to 100%.",
  },
} as const satisfies Record<string, FindingSpec>;

export type FindingCode = keyof typeof FINDING_MESSAGES;
/** A parameter whose wording depends on the language (a dimension's name, a list of names). */
export interface LocalText {
  readonly zh: string;
  readonly en: string;
}
export type ErrorParams = Readonly<Record<string, string | number | LocalText>>;

/** A user-input problem: a code from the closed set plus the values its message names. */
export class IndexError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(formatMessage(code, params, "en"));
    this.name = "IndexError";
    this.code = code;
    this.params = params;
  }
}

/** True for an {@link IndexError} (also across bundle boundaries, where `instanceof` fails). */
export function isIndexError(e: unknown): e is IndexError {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as IndexError).name === "IndexError" &&
    typeof (e as IndexError).code === "string" &&
    (e as IndexError).code in ERROR_MESSAGES
  );
}

/** The message of an error code in one language, with its parameters filled in. */
export function formatMessage(code: ErrorCode, params: ErrorParams, lang: Lang): string {
  return fill(ERROR_MESSAGES[code][lang], params, lang);
}

/** The message of an {@link IndexError} in one language. */
export function formatError(e: IndexError, lang: Lang): string {
  return formatMessage(e.code, e.params, lang);
}

/** The message of a weight-table finding in one language. */
export function formatFinding(code: FindingCode, params: ErrorParams, lang: Lang): string {
  return fill(FINDING_MESSAGES[code][lang], params, lang);
}

/** Which Excel error an error code becomes. */
export function excelErrorKind(code: ErrorCode): ExcelErrorKind {
  return ERROR_MESSAGES[code].excel;
}

/** Replaces `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, params: ErrorParams, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    if (!(k in params)) return m;
    const v = params[k];
    return typeof v === "object" ? v[lang] : String(v);
  });
}
