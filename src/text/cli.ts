/**
 * The command line's words: the help, the notes and summaries of `rank` (printed in both
 * languages at once, as a terminal cannot know the reader's), the report of `check-weights` (in
 * the language asked for) and the demo's lines.
 */
import type { LocalText } from "./index";

/** The help, each line at most 96 display columns (a CJK character takes two). */
export const HELP = `live-index — 直播电商区域发展指数：把排名表写成 Excel 文件，检查权重表
live-index — Live-Streaming E-commerce Regional Development Index:
             the ranked sheet as an Excel file; weight tables checked

用法 / Usage:
  live-index rank <输入 input.xlsx|.csv> [选项 options]
  live-index check-weights <权重表 weights.xlsx|.csv> [选项 options]
  live-index audit <数据 data.xlsx|.csv> [--out audit.xlsx] [--missing …] [--treat …] [--lang zh|en]
      数据审计：统计量、相关系数、分指数一致性 / data audit: statistics, correlations, coherence
  live-index sample [--out top100-2020.csv|.xlsx] [--lang zh|en] [--force]
      报告的百强表（2020）作为起始文件 / the report's Top-100 table (2020) as a starting file
  live-index weights [--out weights-2020.csv|.xlsx] [--lang zh|en|id] [--force]
      报告的权重表（规范格式）作为起始文件 / the report's weight table, canonical layout
  live-index weights --from <数据 data> [--method entropy|critic|cv|pca|equal] [--levels both]
      由数据计算的权重表（熵权法等）/ a weight table from the data (entropy and others)
  live-index ahp <判断矩阵 matrix.xlsx|.csv> [--out weights.csv|.xlsx] [--lang zh|en]
      层次分析法：权重与一致性检验 / AHP: weights and the consistency check
  live-index change <数据 data> [--from 2020] [--to 2021] [--top 20] [--out change.xlsx|.csv]
      含年份列的多年数据：两年间的排名变化 / two years of a table with a year column: rank change
  live-index robustness <数据 data> [--assumptions "weights=25%; scaling=minmax,rank"] [--out …]
      建模选择的不确定性与敏感性（Sobol 指数）/ uncertainty and sensitivity to the modelling choices
  live-index --help | --version

rank 的选项 / Options of rank:
  --weights <file>   权重表（.csv 或 .xlsx，规范格式：一级指标、二级指标、一级指标权重、
                     二级指标权重）；默认为报告权重 / weight table (canonical layout:
                     dimension, indicator, dimension weight, indicator weight);
                     default: the report's weights
  --method <m>       原始指标的标准化方法 / scaling of raw indicators:
                     minmax（默认 default）, max, zscore, rank
  --top <n>          重点显示并按省份汇总的前 N 名（默认 100）
                     the emphasised top group, summed by province (default 100)
  --mode <m>         values：数值快照（默认）；formulas：总指数、排名和省份汇总为公式，
                     修改分指数或权重后自动重算 / values: a fixed snapshot (default);
                     formulas: totals, ranks and the province summary recalculate
                     when sub-indices or the weights in the note change
  --lang <zh|en>     工作表语言（默认 zh）/ language of the sheet (default zh)
  --sheet <name>     读取 .xlsx 中的指定工作表（默认第一个）/ worksheet to read
                     (default: the first)
  --header-row <n>   标题行的行号（默认：前 20 行中第一个含指数列名的行）/ the header's
                     row (default: the first of the first 20 rows naming an index column)
  --map "<列>=<含义>"  指定某列的含义，可重复 / give a column its meaning, repeatable:
                     分指数或二级指标（名称、英文名或 id）、省、市、区县、排名、总指数或 skip
                     a sub-index or indicator (name, English name or id), province,
                     city, district, rank, total, or skip. 例 e.g. --map "县名=区县"
                     分指数 id / sub-index ids: goods 商品消费, supply 内容供给,
                     viewing 内容消费, quality 质量, industry 产业促进；
                     19 个二级指标的 id 见 README / the 19 indicator ids: see the README
  --province-rank    增加“省内排名”列 / add a column: rank within the province
  --year <y>         含年份列的多年数据：只计算该年（每个计算数据的命令都可用）/ a table of
                     several years: compute that year only (every command that computes takes it)
  --panel <p>        多年的标准化：per-year（默认，各年分别）或 reference=2020（按该年的标尺）/
                     scaling across years: per-year (default) or reference=2020 (that year's scale)
  --no-rescale       原始指标输入时分指数不缩放（默认 --rescale：各分指数最大值为 100，
                     与报告表格一致）/ raw indicators: keep each sub-index unscaled
                     (default --rescale: its maximum becomes 100, as in the report)
  --missing <rule>   缺失值：report（默认：0 或最差值）、mean、median、province-median、none
                     missing values: report (default: 0, or the worst value), mean, median,
                     province-median, none (a sub-index averages what a region has)
  --coverage <p>     数据不足此比例的地区不参与排名（默认 0）/ leave out regions with data for
                     less than this share of the indicators (default 0), e.g. 66%
  --treat <t>        异常值：none（默认）或 winsorise（同 JRC COINr：缩尾至多 5 个点，否则取对数）
                     outliers: none (default) or winsorise (as the JRC's COINr: up to 5 points
                     winsorised, else the log)
  --aggregate <a>    总指数的合成：mean（默认，加权算术平均，同报告）、geometric（加权几何
                     平均）、topsis（TOPSIS 贴近度 × 100）/ how the sub-indices make the total:
                     mean (default, as the report), geometric, topsis (closeness × 100)
  --out <file.xlsx>  输出文件（默认：输入文件旁的 <输入>-ranked.xlsx）/ output file
                     (default: <input>-ranked.xlsx beside the input)
  --force            覆盖已存在的输出文件 / overwrite an existing output file
  -h, --help         显示本帮助 / show this help

输入 / Input:
  .csv、.tsv、.txt（分隔符与编码自动识别：UTF-8、GBK、UTF-16）或 .xlsx。标题行为前 20 行中
  第一个含指数列名的行（其上的标题、单位、空行跳过）；按名称识别五个分指数列或 19 个二级指标列
  （中文、英文或 id，括号内的单位忽略）。“-”和空单元格表示无：越大越好的指标按 0 计，越小越好
  的（退货率、纠纷率）按数据中最差的值计。合计行、只有名称或注释而没有数值的行不参与排名，并逐行
  说明；其他列（排名、省、市、区县、总指数）用作名称或忽略。
  .csv, .tsv, .txt (separator and encoding detected: UTF-8, GBK, UTF-16) or .xlsx. The
  header is the first of the first 20 rows that names an index column (titles, units and
  blank rows above it are skipped); the five sub-index columns or the 19 indicator columns
  are matched by name (Chinese, English or ids; units in brackets ignored). "-" and blank
  cells mean none: 0 for a higher-is-better indicator, the worst value in the data for a
  lower-is-better one (return and dispute rates). Totals rows and rows with names or a
  note but no value are left out, each named; other columns (rank, province, city,
  district, total) give names or are ignored.

输出 / Output:
  一个工作表（排名）：排名表（Excel 表格，前 N 名突出显示，总指数数据条）、按省份汇总及其
  条形图、方法说明；A4 横向打印，每页重复标题行。
  One sheet: the ranking (an Excel table, top N emphasised, a data bar on the total), the
  summary by province with its bar chart, and the method note; prints on A4 landscape
  with the header repeated on every page.

check-weights：检查权重表（级别、行、说明），列出与基准（默认报告权重）不同的权重及有效权重
  （原 → 新）；给出 --data 时再比较两套权重下的排名：进入和退出前 N 名的地区、升降最多的
  地区、Spearman 等级相关系数、平均绝对排名变化。
check-weights: checks a weight table (severity, row, message) and lists the weights and
  effective weights that differ from the baseline (default: the report's), old → new;
  with --data it also ranks the data under both tables: regions entering and leaving the
  top N, the largest moves, Spearman's rank correlation, the mean absolute rank shift.
  --baseline <file>  比较基准的权重表（默认报告权重）/ the weight table to compare
                     against (default: the report's)
  --data <file>      数据表（同 rank 的输入）/ a data table (as for rank)
  --method <m>       原始指标的标准化方法（同 rank）/ scaling of raw indicators (as for rank)
  --no-rescale       同 rank / as for rank
  --missing, --coverage, --treat, --aggregate, --year, --panel  同 rank / as for rank
  --top <n>          进入/退出的前 N 名（默认 10）/ the top group for entering and
                     leaving (default 10)
  --out <file.xlsx>  把影响分析和稳健性工作表写成文件（需要 --data）/ write the impact
                     and robustness sheets as a file (needs --data)
  --runs <n>         稳健性分析的模拟次数（默认 1000）/ Monte Carlo runs (default 1000)
  --spread <p>       权重扰动幅度（默认 0.25 = ±25%）/ weight perturbation (default ±25%)
  --seed <n>         随机种子（默认 2021）/ random seed (default 2021)
  --force            覆盖已存在的输出文件 / overwrite an existing output file
  --lang <zh|en>     输出语言（默认 zh）/ language of the report and the sheets (default zh)

audit：每个指标的统计量（同 COUNT、MIN、MAX、AVERAGE、STDEV.S、SKEW、KURT）及标记、
  标准化后指标的相关系数、各分指数的 Cronbach α 与第一主成分占比，以及文字摘要；
  --out 写出审计工作表（含热力图）。
audit: per indicator the statistics (as COUNT, MIN, MAX, AVERAGE, STDEV.S, SKEW, KURT) with flags,
  the correlations of the scaled indicators, each sub-index's Cronbach's alpha and first component's
  share, and a summary in words; --out writes the audit sheet (with a heatmap).
  --weights, --method, --sheet, --missing, --coverage, --treat, --aggregate, --lang, --force
                     同 rank / as for rank

robustness：每次模拟为每个不确定假设均匀抽取一个备选并重新排名（Saltelli 设计），给出各假设的一阶与
  总效应 Sobol 指数及其区间、文字解读和前 N 名中名次区间最宽的地区；--out 写出不确定性工作表。
robustness: each run draws one alternative of every uncertain assumption and ranks again
  (Saltelli's design): each assumption's first- and total-order Sobol indices with their intervals,
  a reading in words, the widest rank intervals of the top N; --out writes the uncertainty sheet.
  --assumptions "…"  键=备选（weights、weightset、scaling、treat、missing、aggregate），
                     默认 weights=25% / key=alternatives (weights, weightset, scaling,
                     treat, missing, aggregate); default weights=25%
  --runs <N>         基础样本数 N（默认 500）：共 N ×（假设数 + 2）次模拟 / base samples N
                     (default 500): N × (assumptions + 2) runs
  --seed <n>         随机种子（默认 2021）/ random seed (default 2021)
  --top <n>          列出的前 N 名（默认 10）/ the top group listed (default 10)
  --weights, --method, --missing, --coverage, --treat, --aggregate, --no-rescale, --sheet, --lang,
  --force            同 rank / as for rank

ahp：判断矩阵（首行、首列为名称，Saaty 1–9 标度，可写 1/3）的权重（主特征向量）、λmax、CI、
  RI、CR 和结论；名称为五个分指数或同一分指数下的全部二级指标时，--out 写出权重表（其余为报告
  权重）。CR ≥ 0.1 时不写出，退出码 2。
ahp: the weights (principal eigenvector), λmax, CI, RI, CR and the verdict of a comparison
  matrix (names in the first row and column, Saaty's 1–9 scale, 1/3 taken); when the names
  are the five sub-indices or all the indicators of one, --out writes a weight table (the
  rest the report's). With CR ≥ 0.1 nothing is written, and the exit code is 2.
  --base <file>      写入权重时以此权重表为底（默认报告权重），可逐层构建 / the weight table
                     the AHP weights go into (default: the report's): build the hierarchy
                     one matrix at a time
  --sheet, --lang, --force  同 rank / as for rank

退出码 / Exit codes:
  0 成功（rank 已写入；check-weights 权重表无错误）/ done (rank: written; check-weights:
    no error in the weight table)
  2 输入或参数有误，或权重表有错误，或判断矩阵不一致 / bad input or usage, a weight table
    with errors, or a comparison matrix that is not consistent
  1 其他错误 / any other failure

示例 / Examples:
  live-index sample
  live-index rank top100-2020.csv --top 50 --out 排名.xlsx
  live-index weights --out 我的权重.csv
  live-index check-weights 我的权重.csv --data top100-2020.csv --top 10
  live-index check-weights 我的权重.csv --data top100-2020.csv --out 权重分析.xlsx
  live-index audit top100-2020.csv --out 审计.xlsx`;

/** Notes and summary lines of `rank`, each in both languages. */
/** The lines of `live-index sample` and `live-index weights`. */
export const STARTING_FILE_TEXT = {
  /** `command`: how the user ran this one (`npx live-index` or `live-index`); `arg`: the file as the next command takes it. */
  written: (kind: "sample" | "weights", path: string, command: string, arg: string) =>
    kind === "sample"
      ? `已写入报告的百强表（2020）/ The report's Top-100 table (2020) written: ${path}\n  下一步 / next: ${command} rank ${quoteArg(arg)}`
      : `已写入报告的权重表（规范格式）/ The report's weight table (canonical layout) written: ${path}\n  修改权重后 / after editing it: ${command} check-weights ${quoteArg(arg)}`,
};

/** The line of `live-index weights --from`: the weights computed from data. */
export const DATA_WEIGHTS_TEXT = {
  written: (path: string, method: string, command: string, arg: string) =>
    `${method === "ahp" ? "已写入层次分析法权重表 / AHP weight table written" : `已写入由数据计算的权重表（${method}）/ Weight table from the data (${method}) written`}: ${path}\n  检查并与报告权重比较 / check it and compare with the report's: ${command} check-weights ${quoteArg(arg)}`,
};

/** A path as a shell argument: quoted when it holds a space. */
function quoteArg(path: string): string {
  return /\s/.test(path) ? `"${path}"` : path;
}

export const RANK_TEXT = {
  sheetIgnored: { zh: "注意：--sheet 只适用于 .xlsx，已忽略。", en: "Note: --sheet applies to .xlsx only; ignored." },
  separator: (tab: boolean): LocalText =>
    tab
      ? { zh: "注意：按制表符分隔读取。", en: "Note: read as tab-separated text." }
      : { zh: "注意：按分号分隔读取。", en: "Note: read as semicolon-separated text." },
  uncachedFormulas: (n: number): LocalText => ({
    zh: `注意：${n} 个公式单元格没有保存的计算结果，按空单元格读取；请在 Excel 中打开并保存后重试。`,
    en: `Note: ${n} formula cell(s) have no saved result and are read as blank; open and save the file in Excel, then try again.`,
  }),
  weightFinding: (severity: LocalText, zh: string, en: string) => `权重表 weights [${severity.zh} ${severity.en}] ${zh} / ${en}`,
  subIndices: { zh: "五个分指数", en: "the five sub-indices" },
  indicators: (method: LocalText): LocalText => ({ zh: `19 个二级指标（${method.zh}）`, en: `the 19 indicators (${method.en})` }),
  input: (source: string, level: LocalText) => `输入 / Input: ${source}（${level.zh} / ${level.en}）`,
  ranked: (ranked: number, bad: number, blank: number): LocalText => ({
    zh: `已排名 ${ranked} 个地区${bad + blank ? `；跳过 ${bad + blank} 行（数据错误或非地区 ${bad} 行，空行 ${blank} 行）` : ""}。`,
    en: `Ranked ${ranked} region${ranked === 1 ? "" : "s"}${bad + blank ? `; skipped ${bad + blank} row(s) (${bad} with bad data or not a region, ${blank} blank)` : ""}.`,
  }),
  more: (n: number) => `  …… 另有 ${n} 行 / … and ${n} more`,
  headerRow: (row: number): LocalText => ({
    zh: `注意：标题行在第 ${row} 行，其上 ${row - 1} 行已跳过。`,
    en: `Note: the header is row ${row}; the ${row - 1} row(s) above it are skipped.`,
  }),
  noDistrict: {
    zh: '注意：没有识别出区县列，排名表中的地区以行号表示。请用 --map "<列标题>=区县" 指定该列，或把该列标题改为“区县”。',
    en: 'Note: no district column was recognised, so the ranked regions are named by their row. Name that column with --map "<column header>=district", or head it "区县" or "District".',
  },
  first: (name: string, total: string) => `第 1 名 / No. 1: ${name}  ${total}`,
  written: (path: string) => `已写入 / Written: ${path}`,
  sheetLine: (sheet: string, formulas: boolean, top: number, regions: number, chart: boolean) =>
    `  工作表 sheet “${sheet}” · ${formulas ? "公式 formulas" : "数值 values"} · ${top < regions ? `前 ${top} 名 top ${top}` : `全部 ${regions} 个地区 all ${regions} regions`} · ${chart ? "含条形图 with bar chart" : "无图表 no chart"}`,
  topCapped: (top: number, regions: number): LocalText => ({
    zh: `注意：--top ${top} 大于地区数 ${regions}，按全部 ${regions} 个地区处理。`,
    en: `Note: --top ${top} is more than the ${regions} regions; all of them form the top group.`,
  }),
} as const;

/** How the command line prints an error: both languages, then its detail lines. */
export const CLI_ERROR_TEXT = {
  error: { zh: "错误：", en: "Error: " },
  internal: (detail: string) => `内部错误 / Internal error: ${detail}`,
  fileWhat: { zh: "输入文件", en: "input file" },
  weightsFileWhat: { zh: "权重表文件", en: "weight table file" },
  matrixFileWhat: { zh: "判断矩阵文件", en: "comparison matrix file" },
  expected: {
    mode: { zh: "values 或 formulas", en: "values or formulas" },
    lang: { zh: "zh 或 en", en: "zh or en" },
    top: { zh: "正整数", en: "a whole number of at least 1" },
    out: { zh: ".xlsx 文件", en: "an .xlsx file" },
  },
} as const;

export const CHECK_WEIGHTS_TEXT = {
  zh: {
    colon: "：",
    weights: "权重表",
    written: (path: string, sheets: string) => `已写入 ${path}：${sheets}`,
    baseline: "基准权重表",
    findings: (n: number, e: number, w: number) => (n === 0 ? "检查结果：没有问题。" : `检查结果：${n} 条（错误 ${e}，警告 ${w}）`),
    severity: { error: "错误", warning: "警告" },
    table: "整表",
    row: (r: number) => `第 ${r} 行`,
    differences: (base: string | null, n: number) => `与${base === null ? "报告权重" : `基准 ${base} `}相比的差异：${n} 项`,
    diffHeader: ["权重 原 → 新", "有效权重 原 → 新"],
    noChange: "无变化。",
    impact: (source: string, n: number, skipped: number) =>
      `排名影响（${source}，${n} 个地区${skipped ? `，跳过 ${skipped} 行（空行、数据错误或不是地区）` : ""}）：`,
    moreRows: (n: number) => `…… 另有 ${n} 行`,
    topAll: (top: number, n: number) => `注意：--top ${top} 不小于地区数 ${n}，没有地区能进入或退出前 ${top} 名；请用更小的 --top。`,
    entering: (top: number) => `进入前 ${top} 名`,
    leaving: (top: number) => `退出前 ${top} 名`,
    movedUp: "上升最多",
    movedDown: "下降最多",
    none: "无",
    dataRow: (r: number) => `第 ${r} 行`,
    spearman: "Spearman 等级相关系数",
    meanShift: "平均绝对排名变化（名次）",
    verdict: {
      ok: "结论：权重表没有错误。",
      weights: "结论：权重表有错误（见上），未作比较。",
      baseline: "结论：基准权重表有错误（见上），未作比较。",
      both: "结论：权重表和基准权重表都有错误（见上），未作比较。",
    },
  },
  en: {
    colon: ": ",
    weights: "Weight table",
    written: (path: string, sheets: string) => `Written: ${path}: ${sheets}`,
    baseline: "Baseline weight table",
    findings: (n: number, e: number, w: number) => (n === 0 ? "Findings: none." : `Findings: ${n} (${e} error(s), ${w} warning(s))`),
    severity: { error: "error", warning: "warning" },
    table: "table",
    row: (r: number) => `row ${r}`,
    differences: (base: string | null, n: number) => `Differences from ${base === null ? "the report's weights" : `the baseline ${base}`}: ${n}`,
    diffHeader: ["weight old → new", "effective old → new"],
    noChange: "No change.",
    impact: (source: string, n: number, skipped: number) =>
      `Impact on the ranking (${source}, ${n} region(s)${skipped ? `; ${skipped} row(s) skipped: blank, bad data or not a region` : ""}):`,
    moreRows: (n: number) => `… and ${n} more`,
    topAll: (top: number, n: number) => `Note: --top ${top} is not below the ${n} regions, so none can enter or leave the top ${top}; use a smaller --top.`,
    entering: (top: number) => `Entering the top ${top}`,
    leaving: (top: number) => `Leaving the top ${top}`,
    movedUp: "Largest moves up",
    movedDown: "Largest moves down",
    none: "none",
    dataRow: (r: number) => `row ${r}`,
    spearman: "Spearman's rank correlation",
    meanShift: "Mean absolute rank shift (places)",
    verdict: {
      ok: "Verdict: the weight table has no errors.",
      weights: "Verdict: the weight table has errors (see above); nothing compared.",
      baseline: "Verdict: the baseline weight table has errors (see above); nothing compared.",
      both: "Verdict: both weight tables have errors (see above); nothing compared.",
    },
  },
} as const;

/** The demo's lines (printed in both languages). */
export const DEMO_TEXT = {
  title: (source: string) => `直播电商区域发展指数 / Live-Streaming E-commerce Regional Development Index\n${source}`,
  sample: "报告百强表（内置样例）/ the report's Top-100 table (embedded sample)",
  sampleShort: "报告百强表（内置样例）",
  header: {
    computed: "总指数",
    published: "报告",
    diff: "差",
    rank: "排名",
    province: "省",
    city: "市",
    district: "区县",
  },
  /** What the short headers mean, under the title (the table fits a terminal of 120 columns). */
  legend: [
    "列 / columns: supply 直播内容供给指数, viewing 直播内容消费指数, goods 直播商品消费指数, quality 直播质量指数,",
    "  industry 产业促进指数; 总指数 = computed total, 报告 = published total, 差 = difference; long names cut with …",
  ],
  verdict: (reproduced: number, checked: number, tolerance: number, worst: string): LocalText => ({
    zh: `复现：${checked} 个公布的总指数中有 ${reproduced} 个在 ±${tolerance} 以内（最大差 ${worst}）。`,
    en: `Verdict: ${reproduced} of ${checked} published totals reproduced within ±${tolerance} (largest difference ${worst}).`,
  }),
  noTotals: (n: number): LocalText => ({
    zh: `已计算 ${n} 个地区的总指数（表中没有“总指数”列可供核对）。`,
    en: `Computed the total for ${n} regions (the table has no total column to check against).`,
  }),
  fileWritten: (path: string) => `排名表文件 / Ranked sheet as a file: ${path}`,
  fileKept: (path: string) => `${path} 已存在，未覆盖（npm run demo -- --force 可替换）/ already exists; not overwritten (npm run demo -- --force replaces it)`,
} as const;

/** The lines of `live-index robustness`, in the language asked for. */
export const ROBUSTNESS_CLI_TEXT = {
  zh: {
    title: "不确定性与敏感性分析",
    assumptions: (text: string) => `不确定性假设：${text}`,
    defaultNote: "（未给 --assumptions：默认只扰动权重）",
    design: (n: number, runs: number, seed: number) =>
      `Saltelli 设计：N = ${n}，共 ${runs.toLocaleString("en-US")} 次模拟（其中 ${(2 * n).toLocaleString("en-US")} 次随机组合给出名次区间），种子 ${seed}`,
    notScaled: "注意：输入为五个分指数，标准化方法（scaling）不适用，其指数为 0。",
    skipped: (n: number) => `跳过 ${n} 行（数据有误或不是地区，如合计行），不参与分析（写出的工作表的方法说明也逐行列出）：`,
    more: (n: number) => `…… 另有 ${n} 行`,
    progress: (done: number, total: number) => `已完成 ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} 次模拟`,
    widest: (n: number, top: number) => `前 ${top} 名中名次区间最宽的 ${n} 个地区（第 5 至第 95 百分位）：`,
    nominal: "名义名次",
    region: "地区",
    interval: "名次区间",
    meanShift: "平均名次变化",
    written: (path: string, sheet: string) => `已写入 ${path}：${sheet}`,
  },
  en: {
    title: "Uncertainty and sensitivity analysis",
    assumptions: (text: string) => `Uncertain assumptions: ${text}`,
    defaultNote: " (no --assumptions given: the weights' noise alone, the default)",
    design: (n: number, runs: number, seed: number) =>
      `Saltelli's design: N = ${n}, ${runs.toLocaleString("en-US")} runs (${(2 * n).toLocaleString("en-US")} of them random combinations, which give the rank intervals), seed ${seed}`,
    notScaled: "Note: the input is the five sub-indices, which are not scaled: the scaling method cannot change a rank, and its indices are 0.",
    skipped: (n: number) =>
      `${n} row(s) skipped (bad data, or not a region such as a totals row), not in the analysis (the written sheet's note lists them too):`,
    more: (n: number) => `… and ${n} more`,
    progress: (done: number, total: number) => `${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} runs done`,
    widest: (n: number, top: number) => `The ${n} regions of the top ${top} with the widest rank intervals (5th to 95th percentile):`,
    nominal: "Nominal rank",
    region: "Region",
    interval: "Rank interval",
    meanShift: "Mean rank shift",
    written: (path: string, sheet: string) => `Written ${path}: ${sheet}`,
  },
} as const;

/** The lines of `live-index change`, in the language asked for. */
export const CHANGE_CLI_TEXT = {
  zh: {
    title: (source: string, from: number, to: number) => `排名变化（${from} → ${to}）：${source}`,
    rankTo: (to: number) => `${to} 年排名`,
    rankFrom: (from: number) => `${from} 年排名`,
    region: "地区",
    change: "变化",
    status: "状态",
    entering: (n: number, names: string[]) => `进入前 ${n} 名：${names.length ? names.join("、") : "无"}`,
    leaving: (n: number, names: string[]) => `跌出前 ${n} 名：${names.length ? names.join("、") : "无"}`,
    written: (path: string) => `已写入 ${path}`,
    skipped: (year: number, n: number) => `${year} 年跳过 ${n} 行（数据有误或不是地区，如合计行；写出的工作表的方法说明也逐行列出）：`,
    writtenSheet: (path: string, sheet: string) => `已写入 ${path}（工作表“${sheet}”：两年排名、▲/▼ 变化、进出前 N 名、斜率图）`,
  },
  en: {
    title: (source: string, from: number, to: number) => `Rank change (${from} → ${to}): ${source}`,
    rankTo: (to: number) => `Rank ${to}`,
    rankFrom: (from: number) => `Rank ${from}`,
    region: "Region",
    change: "Change",
    status: "Status",
    entering: (n: number, names: string[]) => `Entering the top ${n}: ${names.length ? names.join(", ") : "none"}`,
    leaving: (n: number, names: string[]) => `Leaving the top ${n}: ${names.length ? names.join(", ") : "none"}`,
    written: (path: string) => `Written ${path}`,
    skipped: (year: number, n: number) =>
      `${year}: ${n} row(s) skipped (bad data, or not a region such as a totals row; the written sheet's note lists them too):`,
    writtenSheet: (path: string, sheet: string) =>
      `Written ${path} (sheet "${sheet}": both years' ranks, ▲/▼ changes, entering and leaving the top N, a slope chart)`,
  },
} as const;
