/**
 * What the written sheets say: the ranked sheet, the weight analyses (impact, robustness), the
 * sample data, the weight table and the weight log; and the method note that every one of them
 * carries, built from one set of labels.
 */
import type { Lang, LocalText } from "./index";

/** Where a set of weights came from, as every note and summary names it. */
export type WeightsSource =
  | { readonly kind: "report" }
  | { readonly kind: "table"; readonly name: string }
  | { readonly kind: "file"; readonly name: string }
  | { readonly kind: "baseline" };

/** The one wording of each weights source: `full` in notes and files, `short` in controls and one-line summaries. */
export function weightsLabel(source: WeightsSource, lang: Lang, form: "full" | "short" = "full"): string {
  const zh = lang === "zh";
  switch (source.kind) {
    case "report":
      if (form === "short") return zh ? "报告权重（2020）" : "The report's weights (2020)";
      return zh
        ? "报告权重（《直播电商区域发展指数研究报告》，2021 年 3 月；印刷值按比例归一）"
        : "The report's weights (Live-Streaming E-commerce Regional Development Index report, March 2021; printed values renormalised)";
    case "table":
      return zh ? `本工作簿中的权重表 ${source.name}` : `Weight table ${source.name} in this workbook`;
    case "file":
      return zh ? `权重表文件 ${source.name}` : `Weight table file ${source.name}`;
    case "baseline":
      return zh ? "本工作簿保存的基准权重" : "The baseline saved in this workbook";
  }
}

/** The method note's labels and fixed rules, shared by every sheet that carries a note. */
export const METHOD_NOTE_TEXT = {
  zh: {
    noteTitle: "方法说明",
    source: "数据来源",
    ranked: "参与排名的地区数",
    skipped: "跳过的行（数据错误或不是地区）",
    weights: "权重",
    dimensionWeights: "一级指标权重",
    weightGiven: "权重",
    weightEffective: "占总指数",
    scaling: "标准化方法",
    scalingNone: "不适用：输入即为五个分指数",
    missingRuleFor: {
      mean: "“-”、空单元格和 0 表示无（Excel 桌面版把空单元格传为 0；有/无指标除外），按有数据地区的均值填补。",
      median: "“-”、空单元格和 0 表示无（有/无指标除外），按有数据地区的中位数填补。",
      "province-median": "“-”、空单元格和 0 表示无（有/无指标除外），按本省有数据地区的中位数填补，本省没有时按全部地区的中位数。",
      none: "“-”、空单元格和 0 表示无（有/无指标除外），不插补：各指标只在有数据的地区间标准化，分指数为该地区有数据指标的加权平均。",
    },
    missingLabels: { report: "报告规则", mean: "均值", median: "中位数", "province-median": "本省中位数", none: "不插补" },
    preparation: "数据处理",
    preparationValue: (options: string) => `${options}（先筛选覆盖率，再插补缺失值，再处理异常值，然后标准化）`,
    imputed: (n: number, rule: string) => `按${rule}填补了 ${n} 个缺失单元格`,
    leftMissing: (n: number) => `${n} 个缺失单元格不插补：分指数按该地区有数据的指标加权平均（权重重新归一）`,
    screenedRows: (n: number) => `${n} 个地区数据不足，不参与排名（逐行列于下方）`,
    treatedColumns: (list: string) => `异常值处理：${list}`,
    referenceScaling: (year: number) =>
      `按 ${year} 年各指标的最小值、最大值标准化：100 × (x − 最小值) / (最大值 − 最小值)，越小越好的指标反向；不截断，高于 100 表示超过 ${year} 年的最好水平；分指数不再缩放到最大值 100（否则失去共同标尺）`,
    growth: "增长率",
    growthFromLevels: (names: string) =>
      `${names}：表中没有这一列，按相邻两年的水平计算（本年 − 上年）/ |上年|，地区按区划代码或省、市、区县名称对应；当年新出现或上年为 0、缺失的地区取当年最低的增长率（缺失数据从不抬高得分），第一年没有增长率`,
    treatedColumn: (name: string, log: boolean, points: number) => `${name}（${log ? "对数变换" : `缩尾 ${points} 个点`}）`,
    aggregation: "合成方法",
    aggregationFor: {
      geometric: (floor: number) =>
        `总指数为五个分指数的加权几何平均 Π 分指数^权重（报告为加权算术平均）：一个维度弱的地区不能由其他维度完全弥补；低于 ${floor} 的分指数（包括负值，如增长率下降时）按 ${floor} 计（0 会使乘积为 0）`,
      topsis:
        "总指数为 TOPSIS 贴近度 × 100（报告为加权算术平均）：各列乘以权重后，与每列最优值、最差值的欧氏距离 D⁺、D⁻，C = D⁻ /（D⁺ + D⁻）；原始指标输入时在标准化后的 19 个指标上计算（权重为一级 × 二级），分指数输入时在五个分指数上计算",
    },
    rescaledLabel: "分指数缩放",
    rescaled: "计算出的每个分指数再按比例缩放，使其最大值为 100（与报告表格一致）",
    missing: "缺失数据规则",
    missingRule:
      "“-”和空单元格表示无：越大越好的指标按 0 计（与报告一致），越小越好的指标（退货率、纠纷率）按数据中最差的值计，缺失数据从不抬高得分；退货率、纠纷率为 0 也视为缺失（0 与空单元格无法区分）。整行为空或全为 0 的行是空行：没有结果，不参与排名和标准化。",
    ranking: "排名规则",
    rankingRule: "竞争排名（同 RANK.EQ），总指数从高到低；并列者名次相同。",
    provinceRankLabel: "省内排名",
    provinceRankRule: "同一省份的地区按总指数从高到低的名次，规则同上；没有省份的地区彼此排名。",
    cityRankLabel: "市内排名",
    cityRankRule: "表中没有省份：同一城市的地区按总指数从高到低的名次，规则同上。",
    groupedByCity: "表中没有省份，按城市汇总。",
    topN: "重点显示",
    topNValue: (n: number) => `前 ${n} 名`,
    topNAll: (n: number, asked: number) => `全部 ${n} 个地区${asked > n ? `（要求前 ${asked} 名，地区数不足）` : ""}`,
    mode: "模式",
    modeValues: "数值快照（不随数据变化）",
    modeFormulas: "公式（修改分指数或上方权重后自动重算）",
    generated: "生成时间",
    version: "加载项版本",
    names: "名称说明",
    headerRow: "标题行",
    headerRowValue: (row: number) => `第 ${row} 行（其上 ${row - 1} 行为标题或说明，已跳过）`,
    noDistrict: "表中没有可识别的区县列：地区以行号表示。请指定区县列（任务窗格的“列的含义”，或命令行的 --map），或把该列标题改为“区县”。",
    hiddenRows: "隐藏行",
    hiddenRowsValue: (n: number, leftOut: boolean) =>
      `数据中 ${n} 行被隐藏（手动或筛选），${leftOut ? "未参与计算和排名（仅计算可见行）" : "与其他行一样参与计算和排名"}`,
  },
  en: {
    noteTitle: "Method note",
    source: "Source",
    ranked: "Regions ranked",
    skipped: "Rows skipped (bad data, or not a region)",
    weights: "Weights",
    dimensionWeights: "Dimension weights",
    weightGiven: "Weight",
    weightEffective: "Share of the total",
    scaling: "Scaling",
    scalingNone: "None: the input was the five sub-indices",
    missingRuleFor: {
      mean: '"-", blank cells and 0 mean none (Excel desktop passes a blank cell as 0; yes/no indicators aside), filled with the mean of the regions that have a value.',
      median: '"-", blank cells and 0 mean none (yes/no indicators aside), filled with the median of the regions that have a value.',
      "province-median":
        '"-", blank cells and 0 mean none (yes/no indicators aside), filled with the median of the region\'s province, or of all regions where the province has none.',
      none: '"-", blank cells and 0 mean none (yes/no indicators aside), left missing: each indicator is scaled over the regions that have it, and a sub-index is the weighted mean of the indicators a region has.',
    },
    missingLabels: { report: "the report's rule", mean: "the mean", median: "the median", "province-median": "the province's median", none: "nothing" },
    preparation: "Data treatment",
    preparationValue: (options: string) => `${options} (coverage screened first, then missing values imputed, then outliers treated, then scaled)`,
    imputed: (n: number, rule: string) => `${n} missing cell(s) filled by ${rule}`,
    leftMissing: (n: number) => `${n} missing cell(s) left missing: a sub-index is the weighted mean of the indicators a region has (weights renormalised)`,
    screenedRows: (n: number) => `${n} region(s) with too little data are not ranked (each listed below)`,
    treatedColumns: (list: string) => `Outliers treated: ${list}`,
    referenceScaling: (year: number) =>
      `On ${year}'s minimum and maximum of each indicator: 100 × (x − min) / (max − min), reversed where less is better; not clamped, so above 100 is beyond ${year}'s best; sub-indices not rescaled to a maximum of 100 (which would undo the common scale)`,
    growth: "Growth rates",
    growthFromLevels: (names: string) =>
      `${names}: not in the table, computed from the levels of consecutive years as (this year − last year) / |last year|, regions matched by their code or province, city and district; a region new that year, or whose last year is 0 or missing, takes that year's lowest rate (missing data never raises a score); the first year has none`,
    treatedColumn: (name: string, log: boolean, points: number) => `${name} (${log ? "log transform" : `${points} point(s) winsorised`})`,
    aggregation: "Aggregation",
    aggregationFor: {
      geometric: (floor: number) =>
        `the total is the weighted geometric mean of the five sub-indices, Π sub-index^weight (the report uses the weighted arithmetic mean): a region weak in one dimension cannot fully make up for it in the others; a sub-index below ${floor} (a negative one too, as a falling growth rate can give) counts as ${floor} (a 0 would make the product 0)`,
      topsis:
        "the total is the TOPSIS closeness × 100 (the report uses the weighted arithmetic mean): each column times its weight, the Euclidean distances D⁺ and D⁻ to every column's best and worst value, C = D⁻ / (D⁺ + D⁻); over the 19 scaled indicators for raw input (weights: first level × second level), over the five sub-indices for sub-index input",
    },
    rescaledLabel: "Sub-index scale",
    rescaled: "each computed sub-index is then scaled so that its maximum is 100 (as in the report's tables)",
    missing: "Missing data",
    missingRule:
      '"-" and blank cells mean none: 0 for higher-is-better indicators (as in the report), the worst value in the data for lower-is-better ones (return and dispute rate), so missing data never raises a score; a return or dispute rate of 0 is missing too (a 0 cannot be told from a blank cell). A row that is blank or all 0 is a blank row: no result, no rank, not in the scaling.',
    ranking: "Ranking",
    rankingRule: "Competition ranking (as RANK.EQ), highest total first; ties share a rank.",
    provinceRankLabel: "Rank in province",
    provinceRankRule: "The rank among the regions of the same province, by the same rule; regions without a province are ranked among themselves.",
    cityRankLabel: "Rank in city",
    cityRankRule: "The table has no provinces: the rank among the regions of the same city, by the same rule.",
    groupedByCity: "The table has no provinces: the summary is by city.",
    topN: "Emphasised",
    topNValue: (n: number) => `Top ${n}`,
    topNAll: (n: number, asked: number) => `all ${n} regions${asked > n ? ` (top ${asked} asked for: there are fewer regions)` : ""}`,
    mode: "Mode",
    modeValues: "Values (a fixed snapshot)",
    modeFormulas: "Formulas (recalculate when sub-indices or the weights above change)",
    generated: "Generated",
    version: "Add-in version",
    names: "Names",
    headerRow: "Header row",
    headerRowValue: (row: number) => `row ${row} (the ${row - 1} row(s) above it, titles or notes, are skipped)`,
    noDistrict:
      'The table has no district column that could be recognised: regions are named by their row. Say which column it is (the task pane\'s column meanings, or --map on the command line), or head it "区县" or "District".',
    hiddenRows: "Hidden rows",
    hiddenRowsValue: (n: number, leftOut: boolean) =>
      `${n} rows of the data are hidden (by hand or by a filter); ${leftOut ? "they are left out (visible rows only)" : "they are computed and ranked like the others"}`,
  },
} as const;

/** What every printed page carries at its foot ({page} and {pages}: the page number and count). */
export const PAGE_TEXT = {
  zh: { pageNumber: "第 {page} 页，共 {pages} 页" },
  en: { pageNumber: "Page {page} of {pages}" },
} as const;

export const RANKED_SHEET_TEXT = {
  zh: {
    sheet: "排名",
    title: (source: string) => `直播电商区域发展指数排名（${source}）`,
    rank: "排名",
    province: "省",
    city: "市",
    district: "区县",
    total: "总指数",
    provinceRank: "省内排名",
    summaryProvince: "省份",
    summaryCount: (n: number) => `前 ${n} 名地区数`,
    chartTitle: (n: number) => `前 ${n} 名地区的省份分布`,
    summaryCountAll: "地区数",
    chartTitleAll: "各地区的省份分布",
    unknownProvince: "（未填省份）",
    // A table without provinces (one city's districts) groups by city.
    cityRank: "市内排名",
    summaryCity: "城市",
    chartTitleCity: (n: number) => `前 ${n} 名地区的城市分布`,
    chartTitleAllCity: "各地区的城市分布",
    unknownCity: "（未填城市）",
  },
  en: {
    sheet: "Ranking",
    title: (source: string) => `Live-Streaming E-commerce Regional Development Index: ranking (${source})`,
    rank: "Rank",
    province: "Province",
    city: "City",
    district: "District",
    total: "Total index",
    provinceRank: "Rank in province",
    summaryProvince: "Province",
    summaryCount: (n: number) => `Regions in top ${n}`,
    chartTitle: (n: number) => `Top ${n} regions by province`,
    summaryCountAll: "Regions",
    chartTitleAll: "Regions by province",
    unknownProvince: "(no province)",
    cityRank: "Rank in city",
    summaryCity: "City",
    chartTitleCity: (n: number) => `Top ${n} regions by city`,
    chartTitleAllCity: "Regions by city",
    unknownCity: "(no city)",
  },
} as const;

export const ANALYSIS_SHEET_TEXT = {
  zh: {
    impactSheet: "影响分析",
    robustnessSheet: "稳健性",
    impactTitle: (source: string | null) => `权重变化对排名的影响${source ? `（${source}）` : ""}`,
    robustnessTitle: (source: string | null) => `排名对权重的稳健性${source ? `（${source}）` : ""}`,
    compared: "比较的地区数",
    spearman: "斯皮尔曼等级相关系数",
    meanShift: "平均绝对名次变化",
    enteringCount: (n: number) => `进入前 ${n} 名`,
    leavingCount: (n: number) => `退出前 ${n} 名`,
    entering: (n: number) => `进入前 ${n} 名的地区`,
    leaving: (n: number) => `退出前 ${n} 名的地区`,
    region: "地区",
    oldRank: "原名次",
    newRank: "新名次",
    change: "名次变化（正数为上升）",
    none: "（无）",
    notAvailable: "—",
    movesChart: "名次变化最大的地区",
    baseline: "原权重",
    current: "新权重",
    topN: "重点比较",
    topNValue: (n: number) => `前 ${n} 名`,
    ranking: "排名规则",
    rankingRule: "竞争排名（同 RANK.EQ），总指数从高到低；只比较在两种权重下都有结果的地区。",
    spearmanRule: "斯皮尔曼系数按平均名次（并列者取平均）计算：1 表示两种排名完全一致，越小差别越大。",
    changeRule: "名次变化 = 原名次 − 新名次：正数为上升；列出上升和下降最多的地区。",
    nominal: "名义名次",
    median: "中位名次",
    p5: "第 5 百分位名次",
    p95: "第 95 百分位名次",
    width: "区间宽度",
    intervalWidth: "区间宽度（第 95 − 第 5 百分位）",
    intervalsChart: (n: number) => `前 ${n} 名地区的名次区间（第 5 至第 95 百分位）`,
    runs: "模拟次数",
    spread: "权重扰动",
    seed: "随机种子",
    method: "方法",
    methodRule: (p: string) =>
      `每次模拟将每个权重乘以 (1 + u)，u 在 ${p} 内均匀分布，各层归一化后重新计算总指数和排名；区间为各地区名次的第 5 至第 95 百分位（同 PERCENTILE.INC）。相同的种子得到相同的结果。`,
    weights: "权重",
    emphasised: "重点显示",
    leaveOneOut: "留一检验",
    leaveOneOutRule: "依次去掉一个一级指标（其余按比例归一）后，各地区名次的平均绝对变化：",
    uncertaintySheet: "不确定性",
    uncertaintyTitle: (source: string | null) => `排名对建模选择的不确定性与敏感性${source ? `（${source}）` : ""}`,
    assumptions: "不确定性假设",
    uncertaintyRule:
      "每次模拟为每个不确定的假设均匀抽取一个备选（权重扰动：每个权重 ×（1 + u），u 在 ±p 内均匀分布，再逐级归一），重新计算总指数并排名；区间为各地区名次的第 5 至第 95 百分位（同 PERCENTILE.INC）；未列出的选择保持名义值。同一种子得到同样的结果。",
    design: "抽样设计",
    designValue: (n: number, runs: number, random: number) => `Saltelli 设计：N = ${n}，共 ${runs} 次模拟；其中 ${random} 次随机组合给出名次区间`,
    randomValue: (runs: number) => `${runs} 次随机组合（蒙特卡罗）`,
    sobolRule:
      "目标量为每次模拟中全部地区名次相对名义名次的平均绝对变化（同 COINr）。一阶指数 Sᵢ：该假设单独解释的方差份额（Saltelli 2010）；总效应指数 S_Tᵢ：含与其他假设交互作用的份额（Jansen 1999）；区间为自助法（1000 次重抽样）的第 5 至第 95 百分位。",
    sobolChart: "各假设的敏感性指数（Sᵢ 与 S_Tᵢ）",
    reading: "解读",
    nominalChoice: "名义选择",
  },
  en: {
    impactSheet: "Impact",
    robustnessSheet: "Robustness",
    impactTitle: (source: string | null) => `Impact of the weight change on the ranking${source ? ` (${source})` : ""}`,
    robustnessTitle: (source: string | null) => `Robustness of the ranking to the weights${source ? ` (${source})` : ""}`,
    compared: "Regions compared",
    spearman: "Spearman's rank correlation",
    meanShift: "Mean absolute rank shift",
    enteringCount: (n: number) => `Entering the top ${n}`,
    leavingCount: (n: number) => `Leaving the top ${n}`,
    entering: (n: number) => `Regions entering the top ${n}`,
    leaving: (n: number) => `Regions leaving the top ${n}`,
    region: "Region",
    oldRank: "Old rank",
    newRank: "New rank",
    change: "Rank change (positive = up)",
    none: "(none)",
    notAvailable: "—",
    movesChart: "Largest rank moves",
    baseline: "Old weights",
    current: "New weights",
    topN: "Compared group",
    topNValue: (n: number) => `Top ${n}`,
    ranking: "Ranking",
    rankingRule: "Competition ranking (as RANK.EQ), highest total first; only regions with a result under both sets of weights are compared.",
    spearmanRule:
      "Spearman's coefficient is computed on average ranks (ties share the mean rank): 1 means the two rankings are the same; the lower, the more they differ.",
    changeRule: "Rank change = old rank − new rank: positive means up; the regions that moved most up and down are listed.",
    nominal: "Nominal rank",
    median: "Median rank",
    p5: "5th percentile rank",
    p95: "95th percentile rank",
    width: "Interval width",
    intervalWidth: "Interval width (95th − 5th percentile)",
    intervalsChart: (n: number) => `Rank intervals of the top ${n} (5th to 95th percentile)`,
    runs: "Runs",
    spread: "Weight perturbation",
    seed: "Seed",
    method: "Method",
    methodRule: (p: string) =>
      `Each run multiplies every weight by (1 + u), u uniform in ${p}, renormalises each level and recomputes the totals and ranks; the interval is the 5th to 95th percentile of each region's ranks (as PERCENTILE.INC). The same seed gives the same result.`,
    weights: "Weights",
    emphasised: "Emphasised",
    leaveOneOut: "Leave one out",
    leaveOneOutRule: "Mean absolute rank shift when one dimension is dropped (the others renormalised):",
    uncertaintySheet: "Uncertainty",
    uncertaintyTitle: (source: string | null) => `Uncertainty and sensitivity of the ranking to the modelling choices${source ? ` (${source})` : ""}`,
    assumptions: "Uncertain assumptions",
    uncertaintyRule:
      "Each run draws one alternative of every uncertain assumption, uniformly (the weights' noise: every weight × (1 + u), u uniform in ±p, each level renormalised), recomputes the totals and ranks; the interval is the 5th to 95th percentile of each region's ranks (as PERCENTILE.INC); the choices not listed keep their nominal value. The same seed gives the same result.",
    design: "Design",
    designValue: (n: number, runs: number, random: number) =>
      `Saltelli's design: N = ${n}, ${runs} runs; ${random} of them random combinations, which give the rank intervals`,
    randomValue: (runs: number) => `${runs} random combinations (Monte Carlo)`,
    sobolRule:
      "The output is each run's mean absolute shift of every region's rank from its nominal rank (as in COINr). First order Sᵢ: the share of its variance the assumption explains alone (Saltelli 2010); total order S_Tᵢ: with its interactions (Jansen 1999); the intervals are the 5th to 95th percentile of a bootstrap of 1,000 resamples.",
    sobolChart: "Sensitivity indices by assumption (Sᵢ and S_Tᵢ)",
    reading: "Reading",
    nominalChoice: "Nominal choices",
  },
} as const;

export const SAMPLE_SHEET_TEXT = {
  zh: { sheet: "样例数据" },
  en: { sheet: "Sample data" },
} as const;

export const WEIGHT_SHEET_TEXT = {
  zh: {
    sheet: "权重",
    effective: "有效权重",
    dimension: "一级指标",
    dimensionWeight: "一级指标权重",
    indicatorSum: "二级指标权重之和",
    effectiveSum: "有效权重之和",
    total: "合计",
    alertTitle: "权重无效",
    alertMessage: "请输入 0% 到 100% 之间的权重（例如 25%）。",
    promptTitle: "权重",
    promptMessage: "0% 到 100%。每个一级指标下的二级指标权重之和、以及一级指标权重之和应为 100%（右侧有合计）。",
  },
  en: {
    sheet: "Weights",
    effective: "Effective weight",
    dimension: "Dimension",
    dimensionWeight: "Dimension weight",
    indicatorSum: "Sum of indicator weights",
    effectiveSum: "Sum of effective weights",
    total: "Total",
    alertTitle: "Invalid weight",
    alertMessage: "Enter a weight between 0% and 100% (for example 25%).",
    promptTitle: "Weight",
    promptMessage: "0% to 100%. The indicator weights of each dimension, and the dimension weights, should sum to 100% (totals on the right).",
  },
} as const;

export const WEIGHT_LOG_TEXT = {
  zh: {
    sheet: "权重日志",
    header: ["时间", "变更内容", "原值", "新值"],
    initial: "首次保存基准",
    unreadable: "保存基准（原有基准无法读取，按首次保存记录）",
    unchanged: "再次保存基准（权重无变化）",
    dimension: (name: string) => `一级指标权重：${name}`,
    indicator: (name: string) => `二级指标权重：${name}`,
  },
  en: {
    sheet: "Weight log",
    header: ["When", "What", "From", "To"],
    initial: "Initial baseline",
    unreadable: "Baseline saved (the previous one could not be read; logged as a first save)",
    unchanged: "Baseline saved again (no weight changed)",
    dimension: (name: string) => `Dimension weight: ${name}`,
    indicator: (name: string) => `Indicator weight: ${name}`,
  },
} as const;

/** The canonical weight table's header, in each naming (what LIVEWEIGHTS spills). */
export const WEIGHT_TABLE_HEADERS = {
  zh: ["一级指标", "二级指标", "一级指标权重", "二级指标权重"],
  en: ["Dimension", "Indicator", "Dimension weight", "Indicator weight"],
  id: ["dimension_id", "indicator_id", "dimension_weight", "indicator_weight"],
} as const;

/** The author the written .xlsx files name. */
export const FILE_CREATOR = "直播电商区域发展指数 / Live-Streaming E-commerce Regional Development Index";

/** A data row without names: "第 N 行" / "row N". */
export function unnamedRow(row: number, lang: Lang): string {
  return lang === "zh" ? `第 ${row} 行` : `row ${row}`;
}

/** A region's name with where it is: "district（province city）". */
export function regionWithPlace(district: string, place: string, lang: Lang): string {
  return lang === "zh" ? `${district}（${place}）` : `${district} (${place})`;
}

export type NameNote = LocalText;

/** The AHP template sheet (plans/ahp-sheet.ts). */
export const AHP_SHEET_TEXT = {
  zh: {
    sheet: "判断矩阵",
    titleDimensions: "层次分析法判断矩阵：五个分指数",
    titleIndicators: (dimension: string) => `层次分析法判断矩阵：${dimension}的二级指标`,
    hint: "在着色的上三角填写判断：行比列重要几倍（1 同样重要，3 稍重要，5 明显重要，7 强烈重要，9 极端重要；不如列重要时填 1/3、1/5 等，写成 =1/3）。下三角自动为倒数，右侧即时显示权重和一致性比率 CR（< 0.1 可接受）。",
    corner: "行 ÷ 列",
    alertTitle: "判断无效",
    alertMessage: "请输入 1/9 到 9 之间的数（Saaty 1–9 标度，例如 3 或 =1/3）。",
    promptTitle: "判断",
    promptMessage: "行比列重要几倍：1–9，或其倒数（=1/3）。",
  },
  en: {
    sheet: "AHP matrix",
    titleDimensions: "AHP comparison matrix: the five sub-indices",
    titleIndicators: (dimension: string) => `AHP comparison matrix: the indicators of ${dimension}`,
    hint: "Type the judgements in the shaded upper triangle: how many times more important the row is than the column (1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely; 1/3, 1/5 … when the column is the more important, typed as =1/3). The lower triangle follows as reciprocals; the weights and the consistency ratio CR (acceptable below 0.1) show on the right as you type.",
    corner: "Row ÷ column",
    alertTitle: "Not a judgement",
    alertMessage: "Type a number from 1/9 to 9 (Saaty's 1–9 scale, e.g. 3 or =1/3).",
    promptTitle: "Judgement",
    promptMessage: "How many times more important the row is than the column: 1–9, or a reciprocal (=1/3).",
  },
} as const;
