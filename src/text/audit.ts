/**
 * The audit's words (LIVESTATS, LIVECORR, LIVECOHERENCE, the audit sheet, `live-index audit`), in
 * both languages: column headers, flags and the plain-words summary.
 */
import type { Lang } from "./index";

export const AUDIT_TEXT = {
  zh: {
    sheet: "数据审计",
    title: (source: string) => `数据审计（${source}）`,
    statsHeader: ["指标", "有数据的地区数", "覆盖率", "零值占比", "最小值", "最大值", "均值", "标准差（STDEV.S）", "偏度（SKEW）", "峰度（KURT）", "标记"],
    subIndexHeader: "分指数",
    afterTreatment: "异常值处理之后",
    treatmentHeader: ["指标", "处理", "处理前偏度", "处理前峰度", "处理后偏度", "处理后峰度"],
    treatment: {
      none: "无需处理",
      winsorised: (high: number, low: number) => `缩尾 ${high + low} 个点${low ? `（低端 ${low} 个）` : ""}`,
      log: "对数变换 ln(x − 最小值 + 0.01 ×（最大值 − 最小值））",
    },
    flags: {
      outlier: "异常值（|偏度| > 2 且峰度 > 3.5）",
      lowCoverage: "覆盖率低于 65%",
      manyZeros: "零值超过 50%",
      constant: "常数列：无标准差以外的统计量",
      fewValues: "值太少：偏度需 3 个、峰度需 4 个值",
      redundant: "有两个指标相关系数高于 0.9",
      negative: "有指标与本分指数负相关",
      lowAlpha: "Cronbach α 低于 0.7",
      noAlpha: "无 α 与主成分：需要至少 2 个有变化的二级指标（输入为分指数时没有）",
    },
    correlations: (kind: string) => `相关系数矩阵（${kind === "spearman" ? "Spearman 等级相关" : "Pearson，同 CORREL"}）`,
    total: "总指数",
    coherenceHeader: ["分指数", "Cronbach α", "第一主成分方差占比", "与总指数的相关系数", "有效权重", "标记"],
    summaryTitle: "审计摘要",
    summary: {
      regions: (n: number, level: string, read: number) =>
        `${n} 个地区；${level === "indicator" ? `19 个二级指标中读到 ${read} 个` : `五个分指数中读到 ${read} 个`}。`,
      noIssue: "没有发现异常值、覆盖率低或零值过多的指标。",
      outliers: (names: string[], subIndices: boolean, treated: boolean) =>
        `${names.length} 个${subIndices ? "分指数" : "指标"}为厚尾分布${subIndices ? "（个别地区远高于其他地区）" : "（可能由个别地区主导最小-最大标准化）"}：${names.join("、")}。${treated || subIndices ? "" : "可用选项 treat=winsorise 处理。"}`,
      lowCoverage: (names: string[]) => `${names.length} 个指标覆盖率低于 65%：${names.join("、")}。`,
      manyZeros: (names: string[]) => `${names.length} 个指标一半以上为 0：${names.join("、")}。`,
      redundant: (a: string, b: string, r: string) => `${a} 与 ${b} 的相关系数为 ${r}：其中一个可能是多余的。`,
      negative: (indicator: string, dimension: string) => `${indicator} 与其所属的“${dimension}”负相关。`,
      lowAlpha: (dimension: string, alpha: string) => `“${dimension}”的 Cronbach α 为 ${alpha}，低于 0.7：其指标未必衡量同一事物。`,
      weakDimension: (dimension: string, r: string, w: string) => `“${dimension}”与总指数的相关系数只有 ${r}，而其权重为 ${w}。`,
      options: (text: string) => `数据处理：${text}。`,
      leftOut: (n: number) => `${n} 行不参与（见下）：`,
      treated: (list: string) => `已处理异常值：${list}。`,
    },
    notAvailable: "—",
  },
  en: {
    sheet: "Audit",
    title: (source: string) => `Data audit (${source})`,
    statsHeader: [
      "Indicator",
      "Regions with data",
      "Coverage",
      "Share of zeros",
      "Min",
      "Max",
      "Mean",
      "SD (STDEV.S)",
      "Skewness (SKEW)",
      "Kurtosis (KURT)",
      "Flags",
    ],
    subIndexHeader: "Sub-index",
    afterTreatment: "After outlier treatment",
    treatmentHeader: ["Indicator", "Treatment", "Skewness before", "Kurtosis before", "Skewness after", "Kurtosis after"],
    treatment: {
      none: "none needed",
      winsorised: (high: number, low: number) => `${high + low} point(s) winsorised${low ? ` (${low} at the low end)` : ""}`,
      log: "log transform ln(x − min + 0.01 × (max − min))",
    },
    flags: {
      outlier: "outlier (|skewness| > 2 and kurtosis > 3.5)",
      lowCoverage: "coverage below 65%",
      manyZeros: "more than 50% zeros",
      constant: "constant: no statistic but the SD",
      fewValues: "too few values: skewness needs 3, kurtosis 4",
      redundant: "two indicators correlated above 0.9",
      negative: "an indicator correlates negatively with its sub-index",
      lowAlpha: "Cronbach's alpha below 0.7",
      noAlpha: "no alpha or component: needs 2 or more indicators that vary (none for sub-index input)",
    },
    correlations: (kind: string) => `Correlation matrix (${kind === "spearman" ? "Spearman's rank correlation" : "Pearson, as CORREL"})`,
    total: "Total index",
    coherenceHeader: ["Sub-index", "Cronbach's alpha", "First component's share of variance", "Correlation with the total", "Effective weight", "Flags"],
    summaryTitle: "Audit summary",
    summary: {
      regions: (n: number, level: string, read: number) => `${n} regions; ${read} of the ${level === "indicator" ? "19 indicators" : "five sub-indices"} read.`,
      noIssue: "No indicator is heavy-tailed, short of data or mostly zero.",
      outliers: (names: string[], subIndices: boolean, treated: boolean) =>
        `${names.length} ${subIndices ? "sub-index(es)" : "indicator(s)"} are heavy-tailed (${subIndices ? "a few regions far above the rest" : "a few regions may dominate the min–max scale"}): ${names.join(", ")}.${treated || subIndices ? "" : " The option treat=winsorise treats them."}`,
      lowCoverage: (names: string[]) => `${names.length} indicator(s) have data for fewer than 65% of the regions: ${names.join(", ")}.`,
      manyZeros: (names: string[]) => `${names.length} indicator(s) are 0 in more than half of the regions: ${names.join(", ")}.`,
      redundant: (a: string, b: string, r: string) => `${a} and ${b} are correlated at ${r}: one may be redundant.`,
      negative: (indicator: string, dimension: string) => `${indicator} correlates negatively with its own sub-index "${dimension}".`,
      lowAlpha: (dimension: string, alpha: string) => `Cronbach's alpha of "${dimension}" is ${alpha}, below 0.7: its indicators may not measure one thing.`,
      weakDimension: (dimension: string, r: string, w: string) => `"${dimension}" correlates only ${r} with the total, though it weighs ${w}.`,
      options: (text: string) => `Data treatment: ${text}.`,
      leftOut: (n: number) => `${n} row(s) left out (below):`,
      treated: (list: string) => `Outliers treated: ${list}.`,
    },
    notAvailable: "—",
  },
} as const;

export type AuditText = (typeof AUDIT_TEXT)[Lang];

/** LIVEAHP's labels. */
export const AHP_TEXT = {
  zh: {
    title: "层次分析法",
    weight: "权重",
    lambdaMax: "λmax（最大特征值）",
    ci: "CI 一致性指标",
    ri: "RI 随机一致性指标",
    cr: "CR 一致性比率",
    verdict: "结论",
    ok: "可接受（CR < 0.1）",
    notOk: "不可接受（CR ≥ 0.1）：请修改判断",
  },
  en: {
    title: "AHP",
    weight: "Weight",
    lambdaMax: "λmax (largest eigenvalue)",
    ci: "CI consistency index",
    ri: "RI random index",
    cr: "CR consistency ratio",
    verdict: "Verdict",
    ok: "acceptable (CR < 0.1)",
    notOk: "not acceptable (CR ≥ 0.1): revise the judgements",
  },
} as const;

/** LIVETOPSIS's column label. */
export const TOPSIS_LABEL = { zh: "TOPSIS 贴近度", en: "TOPSIS closeness" } as const satisfies Record<Lang, string>;

/** The uncertainty and sensitivity analysis's words: the assumptions' names, LIVESOBOL's header, the reading in plain words. */
export const UNCERTAINTY_TEXT = {
  zh: {
    assumption: { weights: "权重扰动", weightSet: "权重方案", scaling: "标准化方法", treat: "异常值处理", missing: "缺失值处理", aggregate: "合成方法" },
    sobolHeader: ["不确定性假设", "一阶指数 Sᵢ", "总效应指数 S_Tᵢ", "Sᵢ 5%", "Sᵢ 95%", "S_Tᵢ 5%", "S_Tᵢ 95%"],
    noVariance: "各次模拟的排名完全相同：没有可分解的方差。",
    reading: (parts: string[]) => `平均名次变化的方差中，${parts.join("；")}。`,
    part: (name: string, first: string, total: string) => `${name}单独解释 ${first}（含交互作用 ${total}）`,
    none: (names: string, _count: number) => `${names}不影响任何名次`,
    unsettled: (n: number) => `（N = ${n} 时估计值仍有明显抽样误差：有的指数超出 0–1 或一阶大于总效应；请增大 N。）`,
  },
  en: {
    assumption: {
      weights: "Weight noise",
      weightSet: "Weight set",
      scaling: "Scaling method",
      treat: "Outlier treatment",
      missing: "Missing-data rule",
      aggregate: "Aggregation",
    },
    sobolHeader: ["Assumption", "First order Sᵢ", "Total order S_Tᵢ", "Sᵢ 5%", "Sᵢ 95%", "S_Tᵢ 5%", "S_Tᵢ 95%"],
    noVariance: "Every run gave the same ranking: there is no variance to share out.",
    reading: (parts: string[]) => `Of the variance of the mean rank shift, ${parts.join("; ")}.`,
    part: (name: string, first: string, total: string) => `the ${name.toLowerCase()} explains ${first} alone (${total} with its interactions)`,
    none: (names: string, count: number) => `the ${names.toLowerCase()} ${count > 1 ? "change" : "changes"} no rank`,
    unsettled: (n: number) =>
      ` (At N = ${n} the estimates still show their sampling error: some index lies outside 0–1 or a first order above its total; raise N.)`,
  },
} as const;

/** LIVEGROWTH's column label. */
export const GROWTH_LABEL = { zh: "增长率", en: "Growth rate" } as const satisfies Record<Lang, string>;

/** LIVERANKCHANGE's header and statuses. */
export const RANK_CHANGE_TEXT = {
  zh: {
    skippedIn: (year: number) => `${year} 年跳过的行`,
    topColumn: (n: number) => `前 ${n} 名`,
    enteringTop: (n: number) => `进入前 ${n}`,
    leavingTop: (n: number) => `跌出前 ${n}`,
    sheet: "排名变化",
    title: (from: number, to: number, source: string) => `排名变化（${from} → ${to}）：${source}`,
    slopeChart: (n: number, from: number, to: number) => `${to} 年前 ${n} 名的排名变化（${from} → ${to}）`,
    year: "年份",
    years: "比较的年份",
    yearsValue: (from: number, to: number) => `${from} 年与 ${to} 年，各年分别排名，地区按区划代码或省、市、区县名称对应（不按行的位置）`,
    perYear: "各年分别标准化（每年的最小值、最大值）",
    reference: (year: number) => `各年按 ${year} 年的最小值和最大值标准化（不截断：高于 100 表示超过 ${year} 年的最好水平）`,
    panel: "多年标准化",
    counts: "变化",
    countsValue: (up: number, down: number, same: number, entered: number, left: number) =>
      `上升 ${up} 个，下降 ${down} 个，不变 ${same} 个；新进 ${entered} 个，退出 ${left} 个`,
    entering: (n: number, names: string) => [`进入前 ${n} 名`, names || "无"],
    leaving: (n: number, names: string) => [`跌出前 ${n} 名`, names || "无"],
    changeRule: "名次变化 = 上年名次 − 本年名次：▲ 为上升，▼ 为下降，– 为不变",
    rule: "说明",
  },
  en: {
    skippedIn: (year: number) => `Rows skipped in ${year}`,
    topColumn: (n: number) => `Top ${n}`,
    enteringTop: (n: number) => `entered the top ${n}`,
    leavingTop: (n: number) => `left the top ${n}`,
    sheet: "Rank change",
    title: (from: number, to: number, source: string) => `Rank change (${from} → ${to}): ${source}`,
    slopeChart: (n: number, from: number, to: number) => `The ${to} top ${n}: ranks ${from} → ${to}`,
    year: "Year",
    years: "Years compared",
    yearsValue: (from: number, to: number) =>
      `${from} and ${to}, each year ranked on its own, regions matched by their code or province, city and district (never by row position)`,
    perYear: "Each year scaled on its own (its minimum and maximum)",
    reference: (year: number) => `Every year scaled on ${year}'s minimum and maximum (not clamped: above 100 is beyond ${year}'s best)`,
    panel: "Scaling across years",
    counts: "Changes",
    countsValue: (up: number, down: number, same: number, entered: number, left: number) =>
      `${up} up, ${down} down, ${same} the same; ${entered} new, ${left} left`,
    entering: (n: number, names: string) => [`Entering the top ${n}`, names || "none"],
    leaving: (n: number, names: string) => [`Leaving the top ${n}`, names || "none"],
    changeRule: "Change = last year's rank − this year's: ▲ up, ▼ down, – the same",
    rule: "Rule",
  },
} as const;
