/**
 * Messages: the closed set of error codes (each with the Excel error it becomes in a cell) and
 * of weight-table findings (each with its severity), and the words that messages are built from.
 * Templates name their parameters as `{name}`.
 */
import type { LocalText } from "./index";

/** Which Excel error a code becomes in a cell. */
export type ExcelErrorKind = "value" | "na";

interface MessageSpec {
  readonly excel: ExcelErrorKind;
  readonly zh: string;
  readonly en: string;
}

/**
 * Every user-input problem any surface reports (cells, task pane, files, command line): keep every
 * error text here and nowhere else.
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
    zh: "标题行中没有可识别的指数列（第 {row} 行，看到：{headers}）。请使用报告中的分指数或二级指标名称、英文名称或 id。",
    en: "The header row has no recognisable index columns (row {row}; seen: {headers}). Use the report's sub-index or indicator names, the English names or the ids.",
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
    zh: "第 {row} 行“{column}”列的值 {value} 不是数字（“-”和空单元格表示无）。",
    en: 'Row {row}, column "{column}": {value} is not a number ("-" and blank cells mean none).',
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
  LOW_COVERAGE: {
    excel: "na",
    zh: "第 {row} 行只有 {share} 的指标有数据，低于要求的 {coverage}：不参与排名。",
    en: "Row {row} has data for only {share} of its indicators, below the {coverage} required: not ranked.",
  },
  EMPTY_DIMENSION: {
    excel: "na",
    zh: "第 {row} 行在“{dimension}”下没有任何指标有数据（missing=none 不插补）：不参与排名。",
    en: 'Row {row} has no data for any indicator of "{dimension}" (missing=none imputes nothing): not ranked.',
  },
  COMBINE_NO_OVERLAP: {
    excel: "value",
    zh: "乘法组合后“{what}”的权重全为 0：两张权重表在这里没有同时大于 0 的权重。请改用 linear。",
    en: "The product leaves every weight of {what} at 0: no weight there is above 0 in both tables. Use linear instead.",
  },
  FORMULAS_NOT_TOPSIS: {
    excel: "value",
    zh: "TOPSIS 总指数取决于每列的最优值和最差值，无法写成逐行公式：请改用“数值”写入方式，或 aggregate=mean / geometric。",
    en: "A TOPSIS total depends on every column's best and worst value, so it cannot be a row formula: write values instead, or use aggregate=mean or geometric.",
  },
  GEOMETRIC_ZSCORE: {
    excel: "value",
    zh: "几何平均要求 0–100 标度的得分：z-score 不是（约一半地区为负值）。请改用 minmax、max、rank 或 goalposts 标准化，或 aggregate=mean。",
    en: "The geometric mean needs scores on a 0–100 scale, and z-scores are not (about half of them are negative). Scale with minmax, max, rank or goalposts, or use aggregate=mean.",
  },
  DATA_WEIGHTS_NEED_INDICATORS: {
    excel: "value",
    zh: "从数据计算权重需要二级指标原始数据；这张表是五个分指数。",
    en: "Weights from the data need the raw indicators; this table holds the five sub-indices.",
  },
  CV_NONPOSITIVE_MEAN: {
    excel: "value",
    zh: "变异系数法要求正值指标：“{column}”的均值为 {mean}。",
    en: 'The coefficient of variation needs positive indicators: "{column}" has a mean of {mean}.',
  },
  AHP_NAMES_UNKNOWN: {
    excel: "value",
    zh: "判断矩阵的名称（{names}）既不是五个分指数（{dimensions}），也不是同一个分指数下的全部二级指标，无法写成权重表。",
    en: "The matrix's names ({names}) are neither the five sub-indices ({dimensions}) nor all the indicators of one sub-index, so they cannot make a weight table.",
  },
  AHP_NOT_ACCEPTABLE: {
    excel: "value",
    zh: "判断矩阵的一致性比率 CR = {cr}，不小于 0.1：判断前后矛盾，不生成权重表。请修改判断后再试。",
    en: "The matrix's consistency ratio CR = {cr} is 0.1 or more: the judgements contradict each other, so they make no weight table. Revise them and try again.",
  },
  AHP_NOT_SQUARE: {
    excel: "value",
    zh: "判断矩阵应为方阵（首行、首列为名称），至多 15 阶：这里的数值有 {rows} 行、{cols} 列。请只选中矩阵（含名称）。",
    en: "A pairwise-comparison matrix is square (names in the first row and column), of at most 15 items: this one has {rows} rows and {cols} columns of numbers. Select the matrix alone, with its names.",
  },
  AHP_DIAGONAL: {
    excel: "value",
    zh: "判断矩阵对角线上的 {cell} 是一项与自身的比较，应为 1，这里是 {value}。",
    en: "{cell} is on the comparison matrix's diagonal, an item compared with itself: it must be 1, not {value}.",
  },
  AHP_OUT_OF_SCALE: {
    excel: "value",
    zh: "判断矩阵的 {cell} 为 {value}，超出 Saaty 1–9 标度（1/9 至 9）。",
    en: "Cell {cell} of the comparison matrix is {value}, outside Saaty's 1–9 scale (1/9 to 9).",
  },
  AHP_NAMES_MISMATCH: {
    excel: "value",
    zh: "判断矩阵的行名与列名顺序不一致：{cell} 为“{row}”，而对应的列是“{column}”。每一行须与同序号的列为同一项。",
    en: 'The matrix\'s row names are not in the order of its column names: {cell} is "{row}" where the column in its place is "{column}". Each row must be the item of the column in the same position.',
  },
  AHP_NOT_POSITIVE: {
    excel: "value",
    zh: "判断矩阵的 {cell} 应为正数（1–9 标度或其倒数），这里是 {value}。",
    en: "Cell {cell} of the comparison matrix must be a positive number (the 1–9 scale or its reciprocal), not {value}.",
  },
  AHP_NOT_RECIPROCAL: {
    excel: "value",
    zh: "判断矩阵不是互反的：{cell} 为 {value}，{other} 应为其倒数，这里是 {otherValue}。",
    en: "The comparison matrix is not reciprocal: {cell} is {value}, so {other} must be its reciprocal, not {otherValue}.",
  },
  USAGE_NEEDS_FROM: {
    excel: "value",
    zh: "{option} 只用于从数据计算权重：请同时给出 --from <数据文件>。",
    en: "{option} goes with weights from the data only: add --from <data file>.",
  },
  UNKNOWN_ASSUMPTION: {
    excel: "value",
    zh: "不确定性假设中没有“{key}”。可用的假设：{keys}。",
    en: 'There is no assumption "{key}". The assumptions are: {keys}.',
  },
  BAD_ASSUMPTIONS: {
    excel: "value",
    zh: "无法读取不确定性假设 {value}：请写成“键=备选1,备选2; 键=…”（如 weights=25%; scaling=minmax,rank），或每行一个键、右侧为其备选的区域。",
    en: 'Cannot read the assumptions {value}: write them as "key=alternative1,alternative2; key=…" (e.g. weights=25%; scaling=minmax,rank), or as a range with a key per row and its alternatives to its right.',
  },
  WEIGHT_SET_INVALID: {
    excel: "value",
    zh: "作为权重方案勾选的权重表“{name}”有 {count} 个错误：请先在上方检查并改正，或取消勾选。",
    en: 'The weight table "{name}" ticked as a weight set has {count} error(s): check and correct it above first, or untick it.',
  },
  GROWTH_NO_CURRENT: {
    excel: "na",
    zh: "没有本期值：无法计算增长率。",
    en: "No current value: no growth rate.",
  },
  GROWTH_NO_PREVIOUS: {
    excel: "na",
    zh: "没有上期值：无法计算增长率。",
    en: "No previous value: no growth rate.",
  },
  GROWTH_ZERO_BASE: {
    excel: "na",
    zh: "上期值为 0：增长率无定义（可用 rule 参数 cap=10 给出上限）。",
    en: "The previous value is 0: there is no growth rate on a base of 0 (the rule cap=10 gives a cap instead).",
  },
  GROWTH_NOT_NUMBER: {
    excel: "value",
    zh: "{value} 不是数字：增长率需要两期的数值。",
    en: "{value} is not a number: a growth rate needs the two periods' values.",
  },
  GROWTH_COLUMNS_UNEVEN: {
    excel: "value",
    zh: "本期与上期应为行数相同的一列：这里分别是 {current} 行和 {previous} 行。",
    en: "The current and previous values must be one column each, of as many rows: they have {current} and {previous}.",
  },
  PANEL_NO_YEAR_COLUMN: {
    excel: "value",
    zh: "表中没有年份列：请加一列“年份”（或“年度”、year），每行写明该行数据的年份。",
    en: 'The table has no year column: add a column "年份" (or 年度, year) giving each row\'s year.',
  },
  PANEL_BAD_YEAR: {
    excel: "value",
    zh: "第 {row} 行的年份 {value} 不是四位数的年份（如 2021 或 2021年）。",
    en: "The year {value} in row {row} is not a four-digit year (e.g. 2021).",
  },
  PANEL_MISSING_YEAR: {
    excel: "value",
    zh: "第 {row} 行有数据，但年份列是空的：请写明该行数据的年份（如 2021）。",
    en: "Row {row} holds data but no year: write the year of its data (e.g. 2021) in the year column.",
  },
  PANEL_NO_REGION: {
    excel: "value",
    zh: "多年数据按地区名称（省、市、区县）逐年对应：表中没有区县列，无法对应，也不会按行的位置对应。",
    en: "Years are matched region by region by their names (province, city, district): the table has no district column, and regions are never matched by position.",
  },
  PANEL_DUPLICATE: {
    excel: "value",
    zh: "“{region}”在 {year} 年出现了两次（第 {rows} 行）：每个地区每年只能有一行。",
    en: '"{region}" appears twice in {year} (rows {rows}): each region has one row a year.',
  },
  PANEL_COLUMNS_DIFFER: {
    excel: "value",
    zh: "“{column}”在 {year} 年没有任何数据，而其他年份有：各年应有相同的指标。",
    en: '"{column}" has no value at all in {year}, while other years have: every year needs the same indicators.',
  },
  PANEL_NEEDS_YEAR: {
    excel: "value",
    zh: "这张表有多个年份（{years}），各年不能合在一起标准化：请选一年（函数的 options 写 year={last}，命令行用 --year {last}），或用 LIVERANKCHANGE、live-index change 比较两年。",
    en: "This table holds several years ({years}), which are never scaled as one pool: choose one (year={last} in a function's options, --year {last} on the command line), or compare two years with LIVERANKCHANGE or live-index change.",
  },
  GROUPS_SHAPE: {
    excel: "value",
    zh: "分组列（groups）应与得分一样高：得分 {rows} 行，分组 {groups} 行。",
    en: "The groups must be as tall as the scores: {rows} rows of scores, {groups} of groups.",
  },
  PANEL_NO_SUCH_YEAR: {
    excel: "value",
    zh: "表中没有 {year} 年的数据：表中的年份是 {years}。",
    en: "The table holds no rows of {year}: its years are {years}.",
  },
  PANEL_REFERENCE_CONSTANT: {
    excel: "value",
    zh: "“{column}”在基准年 {year} 各地区取值相同：没有可作标尺的最小值和最大值。",
    en: '"{column}" has the same value for every region in the reference year {year}: it gives no minimum and maximum to scale by.',
  },
  PANEL_REFERENCE_NO_GROWTH: {
    excel: "value",
    zh: "“{column}”由相邻两年的水平计算，第一年 {year} 没有数值，不能作基准年：请选 {next} 年或之后的年份作基准年（panel=reference={next}）。",
    en: '"{column}" is computed from consecutive years\' levels and has no value in the first year, {year}, which therefore cannot be the reference: choose {next} or later (panel=reference={next}).',
  },
  PANEL_REFERENCE_SUBINDEX: {
    excel: "value",
    zh: "panel=reference={year} 只适用于 19 个二级指标：表中是已经标准化的分指数，各年无法换到 {year} 年的标尺上（去掉 panel 选项即各年分别计算）。",
    en: "panel=reference={year} applies to the 19 raw indicators only: the table holds sub-indices, already scaled each year on its own, which cannot be put on {year}'s scale (without the panel option each year is computed on its own).",
  },
  PANEL_SAME_YEARS: {
    excel: "value",
    zh: "比较的两个年份相同（{year}）：请选择两个不同的年份。",
    en: "The two years compared are the same ({year}): choose two different years.",
  },
  PANEL_ONE_YEAR: {
    excel: "value",
    zh: "表中只有 {year} 一个年份：排名变化需要两个年份。",
    en: "The table holds one year only ({year}): a rank change needs two.",
  },
  POLICY_COLUMNS_UNEVEN: {
    excel: "value",
    zh: "省、市、区县三列的行数应相同：这里分别是 {province}、{city}、{district} 行。",
    en: "The province, city and district columns must have as many rows: they have {province}, {city} and {district}.",
  },
  POLICY_ROW_INCOMPLETE: {
    excel: "value",
    zh: "政策表第 {row} 行缺少省份或发文单位（前两列）。",
    en: "Row {row} of the policy table has no province or no issuer (its first two columns).",
  },
  NO_ASSUMPTIONS: {
    excel: "value",
    zh: "没有给出不确定性假设：请至少写一个，如 weights=25% 或 scaling=minmax,rank。",
    en: "No assumption is uncertain: give at least one, e.g. weights=25% or scaling=minmax,rank.",
  },
  DUPLICATE_ASSUMPTION: {
    excel: "value",
    zh: "不确定性假设“{key}”写了两次：请合并为一行（如 scaling=minmax,rank）。",
    en: 'The assumption "{key}" is given twice: write it once, with all its alternatives (e.g. scaling=minmax,rank).',
  },
  ASSUMPTIONS_ZSCORE_GEOMETRIC: {
    excel: "value",
    zh: "不确定性假设同时含 z-score 标准化与几何平均：z-score 可为负，负数没有几何平均。请去掉其中之一。",
    en: "The assumptions combine z-score scaling with the geometric mean: z-scores can be negative, and a negative number has no geometric mean. Leave one of them out.",
  },
  UNKNOWN_PIPELINE_OPTION: {
    excel: "value",
    zh: "选项中没有“{key}”。可用的选项：{keys}。",
    en: 'There is no option "{key}". The options are: {keys}.',
  },
  BAD_PIPELINE_OPTIONS: {
    excel: "value",
    zh: "无法读取选项 {value}：请写成“键=值; 键=值”，或两列（键、值）的区域。",
    en: 'Cannot read the options {value}: write them as "key=value; key=value", or as a range of two columns (key, value).',
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
  CELL_EDIT_MODE: {
    excel: "value",
    zh: "Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再试一次。",
    en: "Excel is editing a cell: finish editing first (press Enter or Esc), then try again.",
  },
  WORKBOOK_PROTECTED: {
    excel: "value",
    zh: "工作簿或工作表受保护或为只读，无法写入：请先撤消保护（审阅 › 撤消工作表保护），或另存一份可编辑的副本，再试一次。",
    en: "The workbook or the sheet is protected or read-only, so nothing can be written: unprotect it (Review › Unprotect) or save an editable copy, then try again.",
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
  GOALPOSTS_HEADER: {
    excel: "value",
    zh: "目标值表无效：需要标题行：指标、下限、上限。",
    en: "The goalposts table is invalid: it needs a header row: indicator, low, high.",
  },
  GOALPOSTS_UNKNOWN_INDICATOR: {
    excel: "value",
    zh: "目标值表无效：第 {row} 行：未知指标 {value}。",
    en: "The goalposts table is invalid: row {row}: unknown indicator {value}.",
  },
  GOALPOSTS_BAD_BOUNDS: {
    excel: "value",
    zh: "目标值表无效：第 {row} 行：下限和上限须为数字且上限大于下限。",
    en: "The goalposts table is invalid: row {row}: low and high must be numbers with high above low.",
  },
  GOALPOSTS_ORDER: {
    excel: "value",
    zh: "目标值表无效：上限必须大于下限。",
    en: "The goalposts table is invalid: high must be above low.",
  },
  WEIGHTS_LAYOUT_MISSING: {
    excel: "value",
    zh: "无法识别权重表的列：需要“一级指标、二级指标、一级指标权重、二级指标权重”四列（标题行可用中文、英文或 id）。缺少：{names}。",
    en: "Cannot read the weight table's columns: it needs four columns dimension, indicator, dimension weight, indicator weight (headers in Chinese, English or ids). Missing: {names}.",
  },
  WEIGHTS_LAYOUT_NARROW: {
    excel: "value",
    zh: "无法识别权重表的列：需要“一级指标、二级指标、一级指标权重、二级指标权重”四列（标题行可用中文、英文或 id）。只有 {count} 列。",
    en: "Cannot read the weight table's columns: it needs four columns dimension, indicator, dimension weight, indicator weight (headers in Chinese, English or ids). It has only {count} column(s).",
  },
  COLUMN_MOSTLY_BAD: {
    excel: "value",
    zh: "“{column}”列有 {count} 行（共 {rows} 行）不是数字，例如 {value}：请检查这一列的内容或单位。",
    en: 'Column "{column}" is not a number in {count} of {rows} rows, for example {value}: check what that column holds, or its unit.',
  },
  TOTAL_ROW: {
    excel: "value",
    zh: "第 {row} 行是汇总行（{value}，合计或平均），不是地区：不参与计算和排名。",
    en: "Row {row} is a summary row ({value}: a total or an average), not a region: it is left out of the index and the ranking.",
  },
  NO_VALUES: {
    excel: "value",
    zh: "第 {row} 行的指数列全部为空或 0：不是可计算的地区（若是表下的注释，可忽略），不参与计算和排名。",
    en: "Row {row} has no value in any index column (all blank or 0): it is left out of the index and the ranking (a note below the table can be ignored).",
  },
  REJECTED_ROW: {
    excel: "value",
    zh: "{region}：{reason}",
    en: "{region}: {reason}",
  },
  NO_RANKABLE_ROWS: {
    excel: "value",
    zh: "没有可排名的行：每一行都是空行或有数据错误。",
    en: "No row could be ranked: every row is blank or has a bad value.",
  },
  BAD_NUMBER_INPUT: {
    excel: "value",
    zh: "“{name}”不是有效的数字：{value}。",
    en: '"{name}" is not a valid number: {value}.',
  },
  FILE_NOT_FOUND: {
    excel: "value",
    zh: "找不到文件：{path}",
    en: "File not found: {path}",
  },
  FILE_IS_FOLDER: {
    excel: "value",
    zh: "这是一个文件夹，不是文件：{path}",
    en: "This is a folder, not a file: {path}",
  },
  FILE_UNREADABLE: {
    excel: "value",
    zh: "无法读取文件 {path}（{reason}）",
    en: "Cannot read {path} ({reason})",
  },
  FILE_UNTERMINATED_QUOTE: {
    excel: "value",
    zh: "第 {line} 行的引号没有结束：文件的其余部分会被读成一个单元格。请检查该行的双引号。",
    en: "The quote opened in line {line} never closes: the rest of the file would be read as one cell. Check the double quotes in that line.",
  },
  TOO_MANY_ROWS: {
    excel: "value",
    zh: "排名表将有 {rows} 行，超过 Excel 工作表最多的 1,048,576 行。",
    en: "The ranked sheet would have {rows} rows, more than the 1,048,576 an Excel sheet holds.",
  },
  FILE_EMPTY: {
    excel: "value",
    zh: "文件为空：{path}",
    en: "The file is empty: {path}",
  },
  FILE_NOT_XLSX: {
    excel: "value",
    zh: "不是有效的 .xlsx 文件：{path}",
    en: "Not a valid .xlsx file: {path}",
  },
  FILE_NO_WORKSHEET: {
    excel: "value",
    zh: "工作簿中没有工作表：{path}",
    en: "The workbook has no worksheet: {path}",
  },
  FILE_NO_SUCH_SHEET: {
    excel: "value",
    zh: "工作簿中没有名为“{sheet}”的工作表（有：{sheets}）",
    en: 'The workbook has no sheet named "{sheet}" (it has: {sheets})',
  },
  FILE_OLD_FORMAT: {
    excel: "value",
    zh: "不支持的文件类型“{ext}”：{path}。请另存为 .xlsx 或 .csv。",
    en: 'Unsupported file type "{ext}": {path}. Save it as .xlsx or .csv.',
  },
  FILE_TYPE: {
    excel: "value",
    zh: "不支持的文件类型“{ext}”：{path}。支持 .xlsx、.csv、.tsv 和 .txt（制表符分隔）。",
    en: 'Unsupported file type "{ext}": {path}. Use .xlsx, .csv, .tsv or .txt (tab-separated).',
  },
  OUTPUT_EXISTS: {
    excel: "value",
    zh: "输出文件已存在：{path}。请用 --out 指定其他文件，或加 --force 覆盖。",
    en: "The output file already exists: {path}. Choose another with --out, or add --force to overwrite it.",
  },
  OUTPUT_IS_INPUT: {
    excel: "value",
    zh: "输出文件不能与输入文件相同：{path}",
    en: "The output file cannot be an input file: {path}",
  },
  OUTPUT_UNWRITABLE: {
    excel: "value",
    zh: "无法写入 {path}（{reason}）：请检查文件夹是否存在、是否有写权限，以及文件是否正在 Excel 中打开。",
    en: "Cannot write {path} ({reason}): check that the folder exists and is writable, and that the file is not open in Excel.",
  },
  WEIGHTS_FILE_INVALID: {
    excel: "value",
    zh: "权重表 {path} 有 {count} 处错误（见上），未生成文件。",
    en: "The weight table {path} has {count} error(s) (see above); no file written.",
  },
  USAGE_UNKNOWN_COMMAND: {
    excel: "value",
    zh: "未知命令“{command}”。",
    en: 'Unknown command "{command}".',
  },
  USAGE_UNKNOWN_COMMAND_FILE: {
    excel: "value",
    zh: "未知命令“{command}”。是否想用： live-index rank {command}？",
    en: 'Unknown command "{command}". Did you mean: live-index rank {command}?',
  },
  USAGE_MISSING_FILE: {
    excel: "value",
    zh: "缺少{what}：{usage}",
    en: "Missing the {what}: {usage}",
  },
  USAGE_EXTRA_ARGUMENTS: {
    excel: "value",
    zh: "多余的参数：{args}",
    en: "Unexpected argument(s): {args}",
  },
  USAGE_UNKNOWN_OPTION: {
    excel: "value",
    zh: "未知选项：{option}（见 live-index --help）",
    en: "Unknown option: {option} (see live-index --help)",
  },
  USAGE_NO_VALUE_TAKEN: {
    excel: "value",
    zh: "{option} 不带值。",
    en: "{option} takes no value.",
  },
  USAGE_NEEDS_VALUE: {
    excel: "value",
    zh: "{option} 缺少值。",
    en: "{option} needs a value.",
  },
  USAGE_GIVEN_TWICE: {
    excel: "value",
    zh: "{option} 只能给一次。",
    en: "{option} is given twice.",
  },
  USAGE_BAD_VALUE: {
    excel: "value",
    zh: "{option} 应为：{expected}，而不是“{value}”。",
    en: '{option} must be {expected}, not "{value}".',
  },
  MAP_UNKNOWN_COLUMN: {
    excel: "value",
    zh: "--map：表中没有标题为“{column}”的列（标题行：{headers}）。",
    en: '--map: the table has no column headed "{column}" (header row: {headers}).',
  },
  MAP_UNKNOWN_MEANING: {
    excel: "value",
    zh: "--map：不知道“{meaning}”指什么：请用分指数或二级指标的名称、英文名或 id，或 省、市、区县、排名、总指数，或 skip。",
    en: '--map: "{meaning}" names nothing: use a sub-index or indicator (name, English name or id), province, city, district, rank, total, or skip.',
  },
  USAGE_BAD_MAP: {
    excel: "value",
    zh: "--map 应写成“列标题=含义”，而不是“{value}”。",
    en: '--map takes "column header=meaning", not "{value}".',
  },
  HEADER_ROW_OUTSIDE: {
    excel: "value",
    zh: "--header-row {row} 超出了表格（共 {rows} 行）。",
    en: "--header-row {row} is outside the table ({rows} rows).",
  },
  USAGE_NO_GOALPOSTS: {
    excel: "value",
    zh: "命令行不支持 goalposts（目标值）方法：它需要每个指标的上下限表。请使用 minmax、max、zscore 或 rank。",
    en: "The command line does not support the goalposts method (it needs a table of bounds per indicator). Use minmax, max, zscore or rank.",
  },
  USAGE_NEEDS_OUT: {
    excel: "value",
    zh: "{option} 只与 --out 一起使用。",
    en: "{option} goes with --out only.",
  },
  USAGE_OUT_NEEDS_DATA: {
    excel: "value",
    zh: "--out 需要 --data：影响分析和稳健性工作表是按数据计算的。",
    en: "--out needs --data: the impact and robustness sheets are computed from the data.",
  },
  HINT_OTHER_SHEETS: {
    excel: "value",
    zh: "提示：已读取第一个工作表“{sheet}”；工作簿中还有：{others}。可用 --sheet <名称> 指定。",
    en: 'Hint: read the first sheet "{sheet}"; the workbook also has: {others}. Choose one with --sheet <name>.',
  },
} as const satisfies Record<string, MessageSpec>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export type Severity = "error" | "warning";

interface FindingSpec {
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
}

/** Messages of weight-table findings (see `checkWeights`), with their fixed severity. */
export const FINDING_MESSAGES = {
  W_LOOKS_LIKE_DATA: {
    severity: "error",
    zh: "这是一张数据表，不是权重表：此行的列标题中有 {count} 个分指数或指标名。排名请用 live-index rank（或任务窗格的“生成排名表”），比较权重时作为 --data 传入。",
    en: "This is a data table, not a weight table: this row heads {count} columns with sub-index or indicator names. Rank it with live-index rank (or the task pane's Generate ranked sheet), or pass it as --data to compare weights.",
  },
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
  W_MIXED_UNITS: {
    severity: "error",
    zh: "{what} {value} 与同级其他权重的写法不同（有的是小数或百分比，如 25%，有的是百分点，如 25）：同一级的权重请用同一种写法。",
    en: "The {what} {value} is not written as the others of its level (some are fractions or percents such as 25%, some percent points such as 25): write every weight of a level the same way.",
  },
  W_SUM_ZERO: {
    severity: "error",
    zh: "一级指标权重之和为 0，无法计算总指数。",
    en: "The dimension weights sum to 0: no total index can be computed.",
  },
  W_TOTAL_ROW: {
    severity: "warning",
    zh: "这是合计行，已忽略。",
    en: "This is a totals row; it is ignored.",
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

/** The word for a severity. */
export const SEVERITY_LABELS: Readonly<Record<Severity, LocalText>> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
};

/** Words that messages and labels are built from. */
export const WORDS = {
  dimensionWeight: { zh: "一级指标权重", en: "dimension weight" },
  indicatorWeight: { zh: "二级指标权重", en: "indicator weight" },
  dimensionsGroup: { zh: "一级指标", en: "the dimensions" },
  weightTable: { zh: "权重表", en: "weight table" },
  worksheet: { zh: "工作表", en: "worksheet" },
  topN: { zh: "重点显示前 N 名", en: "top N" },
  spread: { zh: "权重扰动幅度", en: "spread" },
  wholeTable: { zh: "整表", en: "table" },
  listSeparator: { zh: "、", en: ", " },
} as const satisfies Record<string, LocalText>;

/** Said beside an impact computed from sub-indices when the change is (also) in indicator weights. */
export function indicatorWeightsIgnored(n: number): LocalText {
  return {
    zh: `数据为五个分指数，${n} 项二级指标权重的变化不影响这里的排名；要看其影响，请使用含 19 个二级指标的数据。`,
    en: `The data holds the five sub-indices, so the ${n} changed indicator weight(s) cannot move this ranking; use data with the 19 indicators to see their effect.`,
  };
}

/** "the indicators of 'X'" for the sum check of one dimension. */
export function indicatorsOf(dimension: LocalText): LocalText {
  return { zh: `“${dimension.zh}”的二级指标`, en: `the indicators of "${dimension.en}"` };
}

/** "row 5" / "第 5 行": rows counted from 1. */
export function rowLabel(row: number): LocalText {
  return { zh: `第 ${row} 行`, en: `row ${row}` };
}

/** "Row 5: message" / "第 5 行：message". */
export function atRow(row: number, message: LocalText): LocalText {
  return { zh: `第 ${row} 行：${message.zh}`, en: `Row ${row}: ${message.en}` };
}

/** The weight-table column names, as the missing-column message lists them. */
export const WEIGHT_COLUMN_WORDS = {
  dimension: { zh: "一级指标", en: "dimension" },
  indicator: { zh: "二级指标", en: "indicator" },
  dimensionWeight: { zh: "一级指标权重", en: "dimension weight" },
  indicatorWeight: { zh: "二级指标权重", en: "indicator weight" },
} as const satisfies Record<string, LocalText>;

/** The scaling methods' names as users read them, by the short name they type. */
export const SCALING_LABELS = {
  minmax: { zh: "最小-最大标准化（0–100）", en: "Min–max (0–100)" },
  max: { zh: "占最大值比例（x / 最大值 × 100）", en: "Share of maximum (x / max × 100)" },
  zscore: { zh: "Z 分数（均值 0，标准差 1）", en: "z-score (mean 0, sd 1)" },
  rank: { zh: "百分位排名（0–100）", en: "Percentile rank (0–100)" },
  goalposts: { zh: "目标值（给定上下限，截断到 0–100）", en: "Goalposts (given low/high, clamped to 0–100)" },
} as const satisfies Record<string, LocalText>;

/** Each scaling method's formula, as the method notes state it (x: the region's value). */
export const SCALING_FORMULAS = {
  minmax: {
    zh: "100 × (x − 最小值) / (最大值 − 最小值)；越小越好的指标：100 × (最大值 − x) / (最大值 − 最小值)",
    en: "100 × (x − min) / (max − min); less-is-better: 100 × (max − x) / (max − min)",
  },
  max: { zh: "100 × x / 最大值；越小越好的指标：100 × (最小值 + 最大值 − x) / 最大值", en: "100 × x / max; less-is-better: 100 × (min + max − x) / max" },
  zscore: {
    zh: "(x − 均值) / 标准差（总体标准差）；越小越好的指标：−(x − 均值) / 标准差",
    en: "(x − mean) / sd (population sd); less-is-better: −(x − mean) / sd",
  },
  rank: { zh: "100 × （比它差的地区数）/ (n − 1)，同 PERCENTRANK.INC", en: "100 × (number of regions strictly worse) / (n − 1), as PERCENTRANK.INC" },
  goalposts: {
    zh: "100 × 截断((x − 下限) / (上限 − 下限), 0, 1)；越小越好的指标：100 × 截断((上限 − x) / (上限 − 下限), 0, 1)",
    en: "100 × clamp((x − low) / (high − low), 0, 1); less-is-better: 100 × clamp((high − x) / (high − low), 0, 1)",
  },
} as const satisfies Record<string, LocalText>;

/** The name columns' meanings as the mapping dropdowns show them. */
export const NAME_ROLE_LABELS = {
  rank: { zh: "排名", en: "Rank" },
  province: { zh: "省", en: "Province" },
  city: { zh: "市", en: "City" },
  district: { zh: "区县", en: "District / county" },
  total: { zh: "总指数（仅供核对）", en: "Total index (for checking only)" },
} as const satisfies Record<string, LocalText>;

export const SKIP_COLUMN_LABEL: LocalText = { zh: "（忽略此列）", en: "(ignore this column)" };

/** The data-treatment options (core/options.ts): their names and what each takes, as the errors and the method note say it. */
export const PIPELINE_OPTION_WORDS = {
  missing: { zh: "缺失值处理（missing）", en: "missing values (missing)" },
  coverage: { zh: "最低数据覆盖率（coverage）", en: "minimum coverage (coverage)" },
  treat: { zh: "异常值处理（treat）", en: "outlier treatment (treat)" },
  aggregate: { zh: "合成方法（aggregate）", en: "aggregation (aggregate)" },
  panel: { zh: "多年标准化（panel）", en: "scaling across years (panel)" },
  year: { zh: "年份（year）", en: "year" },
  coverageTakes: { zh: "0 至 1 的比例（如 0.66 或 66%）", en: "a share from 0 to 1 (e.g. 0.66 or 66%)" },
} as const satisfies Record<string, LocalText>;

/** The names of the uncertainty analysis's assumptions, as BAD_OPTION says them. */
export const ASSUMPTION_WORDS = {
  weights: { zh: "权重扰动（weights）", en: "weight noise (weights)" },
  weightsTakes: { zh: "不小于 0、小于 1 的比例（如 25% 表示 ±25%）", en: "a share from 0 up to (not including) 1, e.g. 25% for ±25%" },
  weightSet: { zh: "权重方案（weightset）", en: "weight set (weightset)" },
  scaling: { zh: "标准化方法（scaling）", en: "scaling (scaling)" },
} as const satisfies Record<string, LocalText>;

/** What the options of LIVESENSITIVITY take, as BAD_OPTION says it. */
export const OPTION_TAKES = {
  runs: (max: number): LocalText => ({ zh: `1 至 ${max} 的整数`, en: `a whole number from 1 to ${max}` }),
  spread: { zh: "不小于 0、小于 1 的小数（0.25 或 25% 表示 ±25%）", en: "a fraction from 0 up to (not including) 1, e.g. 0.25 or 25% for ±25%" },
  seed: { zh: "0 至 4294967295 的整数", en: "a whole number from 0 to 4294967295" },
} as const;
