/* global CustomFunctions */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes and takes cells of any type; convert.ts narrows them. */
/**
 * The custom functions. Each is a thin wrapper: read the arguments, call one core kernel,
 * convert the result. The JSDoc blocks are the metadata Excel shows (custom-functions-metadata
 * builds functions.json from them); `functions.zh-CN.json` takes its Chinese text from
 * `metadata-zh.json`. Only top-level `function` declarations are registered.
 *
 * Option arguments (rescale, order, runs, spread, seed) are typed `any`, not `boolean` or
 * `number`: Excel answers an argument it cannot coerce to a declared type with a bare #VALUE!,
 * while `any` lets the function say what is wrong (rescale cannot be "yes": use TRUE or FALSE).
 */
import { formatFinding } from "../core/errors";
import { computeIndex, computeSubIndex } from "../core/pipeline";
import { parseRankOrder, parseTieMethod } from "../core/rank-districts";
import { getSensitivity } from "../core/sensitivity";
import { compareWeights } from "../core/weight-compare";
import { checkWeights, parseWeightTable, weightTableToCells } from "../core/weights";
import {
  parseBaseline,
  parseCall,
  parseCorrelationKind,
  parseAhpResult,
  parseCombineRule,
  parseCorrelationLevel,
  parseDataWeightMethod,
  parseDimensionArg,
  parseLevels,
  parseNameLanguage,
  parseSensitivityArgs,
  weightsCells,
  withPipeline,
} from "./arguments";
import { byYear, guard, isOmittedRange, optionArg, scalarArg, toColumn, toColumns, toExcelError, withBlankOptionCells } from "./host";
import { checkFormulaWork, describeWhere, indexLabel, rankScores, sensitivityLabels, severityLabel, weightDiffRows } from "./results";
import { correlationMatrix, dimensionCoherence, runAudit } from "../core/audit";
import { combineWeights, dataWeights } from "../core/data-weights";
import { readShare } from "../core/options";
import { textbookTopsis } from "../core/topsis";
import { readAssumptions } from "../core/assumptions";
import { coveringPolicies, readPolicyTable } from "../core/policies";
import { growthRate, readGrowthRule } from "../core/growth";
import { rankChangeRows, rankChanges, readPanel, readYear } from "../core/panel";
import { BLANK, plainCells, readCell } from "../core/cells";
import { plainTable } from "../core/dataset";
import { POLICY_HEADERS, REPORT_POLICIES_2020 } from "../data/policies2020";
import { normaliseName, showValue } from "../core/text";
import { DEFAULT_SOBOL_N, finish, modelOfTable, sobolRows, startSobol, startUncertainty } from "../core/uncertainty";
import { coherenceTable, correlationTable, statsTable } from "../plans/audit-tables";
import { pad } from "../plans/plan";
import { AHP_TEXT, AUDIT_TEXT, GROWTH_LABEL, TOPSIS_LABEL } from "../text";
import { ahpOfRange, ahpWeightTable } from "../core/ahp";
import { UserError } from "../core/errors";

/**
 * The total Live-Streaming E-commerce Regional Development Index for each row of a data range.
 * @customfunction LIVEINDEX
 * @param {any[][]} data The five sub-index columns or the 19 raw indicator columns, with a header row (columns matched by name) or without one (5 columns in the Top-100 order, 19 in the weight-table order). Other columns are ignored.
 * @param {any[][]} [weights] A weight table (dimension, indicator, dimension weight, indicator weight). Default: the report's weights.
 * @param {any[][]} [method] Scaling for raw indicators: "minmax" (default), "max", "zscore", "rank", or a goalposts table (indicator, low, high).
 * @param {any} [rescale] TRUE to rescale each computed sub-index so its maximum is 100, as in the report's tables. Default FALSE.
 * @param {any[][]} [options] Data treatment before scaling, as "key=value; …" or a two-column range: missing (report, mean, median, province-median, none), coverage (a share, e.g. 66%), treat (none, winsorise), aggregate (mean, geometric, topsis: how the sub-indices make the total). Default: the report's method.
 * @returns {any[][]} One total per row, aligned with the data; a header label when the data has a header row.
 */
export function liveIndex(data: any[][], weights?: any[][], method?: any[][], rescale?: any, options?: any[][]): any[][] {
  return guard((lang) => {
    const cells = plainTable(data) as unknown[][];
    return byYear(cells, withPipeline(parseCall(weights, method, rescale), options), (o) => {
      const result = computeIndex(cells, o);
      return toColumn(result.total, result.input.columns.hasHeader ? indexLabel(null, lang) : null, result.input, lang);
    });
  });
}

/**
 * One sub-index (first-level dimension) for each row of a data range.
 * @customfunction LIVESUBINDEX
 * @param {any[][]} data The five sub-index columns or the raw indicator columns, as for LIVEINDEX.
 * @param {string} dimension The sub-index: goods, supply, viewing, quality, industry, or its Chinese or English name (直播商品消费指数 …).
 * @param {any[][]} [weights] A weight table. Default: the report's weights.
 * @param {any[][]} [method] Scaling for raw indicators: "minmax" (default), "max", "zscore", "rank", or a goalposts table.
 * @param {any} [rescale] TRUE to rescale the sub-index so its maximum is 100. Default FALSE.
 * @param {any[][]} [options] Data treatment before scaling, as for LIVEINDEX: missing, coverage, treat.
 * @returns {any[][]} One sub-index value per row, aligned with the data.
 */
export function liveSubIndex(data: any[][], dimension: string, weights?: any[][], method?: any[][], rescale?: any, options?: any[][]): any[][] {
  return guard((lang) => {
    const target = parseDimensionArg(dimension);
    const cells = plainTable(data) as unknown[][];
    return byYear(cells, withPipeline(parseCall(weights, method, rescale), options), (o) => {
      const { input, values } = computeSubIndex(cells, target, o);
      return toColumn(values, input.columns.hasHeader ? indexLabel(target, lang) : null, input, lang);
    });
  });
}

/**
 * Ranks each score among all scores in the range (competition ranking by default, like RANK.EQ).
 * @customfunction RANKDISTRICT
 * @param {any[][]} scores A column of scores, e.g. the result of LIVEINDEX. Blank cells stay blank; a text header in the first cell is kept as a header.
 * @param {any} [order] 0 or omitted: largest first; 1: smallest first.
 * @param {string} [ties] How ties rank: "min" (default, 1-2-2-4 as RANK.EQ), "avg" (RANK.AVG), "dense" (1-2-2-3), "ordinal" (1-2-3-4, in order of appearance).
 * @param {any[][]} [groups] A column as tall as scores, e.g. the year column of a table of several years: each score is ranked among the scores of its own group only (2021 among 2021).
 * @returns {any[][]} One rank per cell, in the shape of scores.
 */
export function rankDistrict(scores: any[][], order?: any, ties?: string, groups?: any[][]): any[][] {
  return guard((lang) =>
    rankScores(
      // Read as they come: rankScores makes value objects plain as it reads them, in one walk of the range.
      scores,
      parseRankOrder(scalarArg(order)),
      parseTieMethod(scalarArg(ties)),
      lang,
      isOmittedRange(groups) ? null : (plainCells(groups) as unknown[][]),
    ),
  );
}

/**
 * The report's weight table in the canonical layout, ready to edit and pass back as weights.
 * @customfunction LIVEWEIGHTS
 * @param {string} [language] Names in "zh" (default, as printed), "en" (English) or "id" (ids).
 * @returns {any[][]} A header row and 19 rows: dimension, indicator, dimension weight, indicator weight (as fractions: format as %).
 */
export function liveWeights(language?: string): any[][] {
  return guard(() => weightTableToCells(parseNameLanguage(language)));
}

/**
 * Checks a weight table: one row per finding (severity, where, message), or OK.
 * @customfunction LIVECHECKWEIGHTS
 * @param {any[][]} weights The weight table range, header row included.
 * @param {CustomFunctions.Invocation} invocation Invocation parameter (supplies the address of the range, so findings name real cells).
 * @requiresParameterAddresses
 * @returns {any[][]} Findings, one per row, or a single OK.
 */
export function liveCheckWeights(weights: any[][], invocation: CustomFunctions.Invocation): any[][] {
  return guard((lang) => {
    const findings = checkWeights(weightsCells(weights)).findings;
    if (findings.length === 0) return [["OK"]];
    const address = invocation?.parameterAddresses?.[0] ?? null;
    return findings.map((f) => [severityLabel(f.severity, lang), describeWhere(f, address, lang), formatFinding(f.code, f.params, lang)]);
  });
}

/**
 * The weights that differ between two weight tables: one row per changed dimension or indicator, with its old and new weight and its old and new effective weight in the total.
 * @customfunction LIVEWEIGHTDIFF
 * @param {any[][]} weights The weight table to compare (the canonical layout, header row included), e.g. your edited copy of LIVEWEIGHTS().
 * @param {any[][]} [baseline] The weight table to compare against. Default: the report's weights.
 * @returns {any[][]} A header row, then name, old weight, new weight, old effective weight, new effective weight (fractions: format as %); or "No change".
 */
export function liveWeightDiff(weights: any[][], baseline?: any[][]): any[][] {
  return guard((lang) => {
    const current = parseWeightTable(weightsCells(weights));
    return weightDiffRows(compareWeights(parseBaseline(baseline), current), lang);
  });
}

/**
 * How robust each row's rank is to the weights: a Monte Carlo analysis that multiplies every weight by a random factor within ±spread, renormalises and ranks again, runs times.
 * @customfunction LIVESENSITIVITY
 * @param {any[][]} data The five sub-index columns or the 19 raw indicator columns (scaled min–max), as for LIVEINDEX.
 * @param {any[][]} [weights] A weight table. Default: the report's weights.
 * @param {any} [runs] Number of runs, a whole number from 1 to 100000. Default 1000.
 * @param {any} [spread] How far each weight may move: 0.25 (or 25%) means each weight × a factor between 0.75 and 1.25. At least 0, below 1. Default 0.25.
 * @param {any} [seed] Seed of the random numbers (a whole number); the same seed gives the same result. Default 2021.
 * @param {any[][]} [options] Data treatment before scaling, as for LIVEINDEX: missing, coverage, treat.
 * @param {CustomFunctions.Invocation} invocation Invocation parameter (supplies the addresses of the arguments, so that a blank option cell means the default on every platform).
 * @requiresParameterAddresses
 * @returns {any[][]} Per row: median rank, 5th percentile rank, 95th percentile rank, aligned with the data; header labels when the data has a header row.
 */
export function liveSensitivity(
  data: any[][],
  weights: any[][],
  runs: any,
  spread: any,
  seed: any,
  options: any[][],
  invocation: CustomFunctions.Invocation,
  // No return type: any[][] at once, or a Promise of it after one read of the workbook; custom-functions-metadata
  // takes neither a union nor `any` there, and reads the result's type from @returns.
) {
  const compute = (blank: ReadonlySet<number>) =>
    guard((lang) => {
      const mc = parseSensitivityArgs(runs, blank.has(SPREAD_ARG) ? null : spread, blank.has(SEED_ARG) ? null : seed);
      const result = computeIndex(plainTable(data) as unknown[][], withPipeline(parseCall(weights, null, null), options));
      checkFormulaWork(mc.runs, result.include);
      const s = getSensitivity(result, mc);
      return toColumns([s.median, s.p5, s.p95], result.input.columns.hasHeader ? sensitivityLabels(lang) : null, result.input, lang);
    });
  // Where 0 is a valid value, a 0 that came from a cell may be a blank cell on desktop: ask the workbook.
  return withBlankOptionCells([undefined, undefined, runs, spread, seed], [SPREAD_ARG, SEED_ARG], invocation, compute);
}

/** LIVESENSITIVITY's spread and seed, by argument position. */
const SPREAD_ARG = 3;
const SEED_ARG = 4;

/**
 * The audit's statistics of each column of a data range: one row per indicator (or sub-index), as the Excel functions that check them compute them.
 * @customfunction LIVESTATS
 * @param {any[][]} data The five sub-index columns or the raw indicator columns, as for LIVEINDEX.
 * @param {any[][]} [options] Data treatment, as for LIVEINDEX: the statistics are of the values as imputed, before treatment.
 * @returns {any[][]} A header row, then per column: name, regions with data, coverage, share of zeros, MIN, MAX, AVERAGE, STDEV.S, SKEW, KURT, flags (outlier: |skewness| > 2 and kurtosis > 3.5; coverage below 65%; more than 50% zeros). With treat=winsorise in options, the same table after the treatment follows.
 */
export function liveStats(data: any[][], options?: any[][]): any[][] {
  return guard((lang) => {
    const audit = runAudit(plainTable(data) as unknown[][], { pipeline: withPipeline({}, options).pipeline });
    const before = statsTable(audit.columns, lang);
    if (!audit.treated) return before;
    // With treat set: a blank row, a title row, then the same table after the treatment (a spill is rectangular: rows padded).
    const width = before[0].length;
    return [...before, pad([], width), pad([AUDIT_TEXT[lang].afterTreatment], width), ...statsTable(audit.treated, lang)];
  });
}

/**
 * The correlation matrix of the scaled indicators (or of the sub-indices and the total), over the regions ranked.
 * @customfunction LIVECORR
 * @param {any[][]} data The five sub-index columns or the raw indicator columns, as for LIVEINDEX.
 * @param {any[][]} [options] Data treatment, as for LIVEINDEX.
 * @param {any} [kind] "pearson" (default, as CORREL) or "spearman" (CORREL of RANK.AVG ranks).
 * @param {any} [level] "indicator" (default: the scaled indicators) or "dimension" (the five sub-indices and the total).
 * @returns {any[][]} Names in the first row and column, the correlations between them.
 */
export function liveCorr(data: any[][], options?: any[][], kind?: any, level?: any): any[][] {
  return guard((lang) => {
    const result = computeIndex(plainTable(data) as unknown[][], withPipeline({}, options));
    return correlationTable(correlationMatrix(result, parseCorrelationKind(kind), parseCorrelationLevel(level)), lang);
  });
}

/**
 * How coherent each sub-index is: Cronbach's alpha of its scaled indicators, the first principal component's share of their variance, its correlation with the total, its effective weight, and flags.
 * @customfunction LIVECOHERENCE
 * @param {any[][]} data The 19 raw indicator columns (alpha and the component need indicators; sub-index input gives the correlation with the total only).
 * @param {any[][]} [weights] A weight table. Default: the report's weights.
 * @param {any[][]} [options] Data treatment, as for LIVEINDEX.
 * @returns {any[][]} A header row, then one row per sub-index.
 */
export function liveCoherence(data: any[][], weights?: any[][], options?: any[][]): any[][] {
  return guard((lang) =>
    coherenceTable(dimensionCoherence(computeIndex(plainTable(data) as unknown[][], withPipeline(parseCall(weights, null, null), options))), lang),
  );
}

/**
 * Weights from the data: a weight table in the canonical layout (pass it as weights, check it with LIVECHECKWEIGHTS, compare it with LIVEWEIGHTDIFF).
 * @customfunction LIVEDATAWEIGHTS
 * @param {any[][]} data The 19 raw indicator columns, as for LIVEINDEX.
 * @param {any} [method] "entropy" (default, 熵权法), "critic", "cv" (coefficient of variation), "pca" (first principal component) or "equal".
 * @param {any} [levels] "indicator" (default: indicator weights from the data, the report's dimension weights kept) or "both" (dimension weights from the data too).
 * @param {any[][]} [options] Data treatment, as for LIVEINDEX.
 * @returns {any[][]} A weight table: header, then 19 rows of dimension, indicator, dimension weight, indicator weight (fractions: format as %).
 */
export function liveDataWeights(data: any[][], method?: any, levels?: any, options?: any[][]): any[][] {
  return guard((lang) => {
    const result = computeIndex(plainTable(data) as unknown[][], withPipeline({}, options));
    return weightTableToCells(lang, dataWeights(result, parseDataWeightMethod(method), parseLevels(levels)).table);
  });
}

/**
 * The analytic hierarchy process (层次分析法): weights from a pairwise-comparison matrix, with its consistency.
 * @customfunction LIVEAHP
 * @param {any[][]} matrix A square matrix of judgements on Saaty's 1–9 scale (a_ji = 1 / a_ij), with the names in the first row and column (or without names).
 * @param {any} [result] "summary" (default: the weights, λmax, CI, RI, CR and the verdict) or "table" (a weight table with these weights in place, when the names are the five sub-indices or the indicators of one).
 * @param {any[][]} [weights] For "table": the weight table the AHP weights go into (default: the report's), e.g. another LIVEAHP(…, "table") to build the whole hierarchy.
 * @returns {any[][]} One row per item (name, weight), then λmax, CI, RI, CR and the verdict (acceptable when CR < 0.1); or a weight table.
 */
export function liveAhp(matrix: any[][], result?: any, weights?: any[][]): any[][] {
  return guard((lang) => {
    const { names, result: r } = ahpOfRange(plainCells(matrix) as unknown[][]);
    if (parseAhpResult(result) === "table") {
      if (!r.acceptable) throw new UserError("AHP_NOT_ACCEPTABLE", { cr: r.cr.toFixed(4) });
      const base = isOmittedRange(weights) ? undefined : parseWeightTable(weightsCells(weights));
      return weightTableToCells(lang, ahpWeightTable(names, r.weights, base));
    }
    const t = AHP_TEXT[lang];
    return [
      ["", t.weight],
      ...names.map((n, i) => [n, r.weights[i]]),
      [t.lambdaMax, r.lambdaMax],
      [t.ci, r.ci],
      [t.ri, r.ri],
      [t.cr, r.cr],
      [t.verdict, r.acceptable ? t.ok : t.notOk],
    ];
  });
}

/**
 * Combined weights (组合赋权) of two weight tables, e.g. the report's and the entropy method's.
 * @customfunction LIVECOMBINEWEIGHTS
 * @param {any[][]} weights1 A weight table (the canonical layout), e.g. LIVEWEIGHTS() or your subjective weights.
 * @param {any[][]} weights2 Another weight table, e.g. LIVEDATAWEIGHTS(data).
 * @param {any} [alpha] The share of weights1 in the linear rule, from 0 to 1 (default 0.5; 60% is taken).
 * @param {any} [rule] "linear" (default: alpha × w1 + (1 − alpha) × w2) or "product" (w1 × w2, normalised), at each level.
 * @param {CustomFunctions.Invocation} invocation Invocation parameter (supplies the addresses of the arguments, so that a blank alpha cell means the default on every platform).
 * @requiresParameterAddresses
 * @returns {any[][]} A weight table: header, then 19 rows of dimension, indicator, dimension weight, indicator weight (fractions summing to 1 at each level).
 */
export function liveCombineWeights(
  weights1: any[][],
  weights2: any[][],
  alpha: any,
  rule: any,
  invocation: CustomFunctions.Invocation,
  // No return type: any[][] at once, or a Promise of it after one read of the workbook (see LIVESENSITIVITY).
) {
  const compute = (blank: ReadonlySet<number>) =>
    guard((lang) => {
      const a = blank.has(ALPHA_ARG) ? null : scalarArg(alpha);
      const share = a === null || a === "" ? 0.5 : readShare(a, "alpha");
      const table = combineWeights(parseWeightTable(weightsCells(weights1)), parseWeightTable(weightsCells(weights2)), share, parseCombineRule(rule));
      return weightTableToCells(lang, table);
    });
  // α = 0 is meaningful (all of weights2), so a 0 from a cell may be a blank cell on desktop: ask the workbook.
  return withBlankOptionCells([undefined, undefined, alpha, rule], [ALPHA_ARG], invocation, compute);
}

/** LIVECOMBINEWEIGHTS' alpha, by argument position. */
const ALPHA_ARG = 2;

/**
 * TOPSIS (逼近理想解排序法): each region's closeness to the ideal, × 100, as the textbook method computes it.
 * @customfunction LIVETOPSIS
 * @param {any[][]} data The 19 raw indicator columns (or the five sub-indices), as for LIVEINDEX.
 * @param {any[][]} [weights] A weight table; each indicator weighs dimension weight × indicator weight. Default: the report's weights (for entropy TOPSIS, pass LIVEDATAWEIGHTS(data)).
 * @param {any[][]} [options] Data treatment, as for LIVEINDEX (missing, coverage, treat).
 * @returns {any[][]} One closeness × 100 per row (0 to 100), aligned with the data: vector normalisation, weighted, ideal best and worst per column (a lower-is-better indicator's best is its minimum), C = D⁻ / (D⁺ + D⁻).
 */
export function liveTopsis(data: any[][], weights?: any[][], options?: any[][]): any[][] {
  return guard((lang) => {
    const cells = plainTable(data) as unknown[][];
    return byYear(cells, withPipeline(parseCall(weights, null, null), options), (o) => {
      const result = computeIndex(cells, o);
      return toColumn(textbookTopsis(result), result.input.columns.hasHeader ? TOPSIS_LABEL[lang] : null, result.input, lang);
    });
  });
}

/**
 * Uncertainty analysis over the modelling choices: each run draws one combination of the assumptions (weights' noise, weight set, scaling, treatment, missing-data rule, aggregation) and ranks again.
 * @customfunction LIVEUNCERTAINTY
 * @param {any[][]} data The five sub-index columns or the raw indicator columns, as for LIVEINDEX.
 * @param {any[][]} assumptions The uncertain assumptions, as "key=alternatives; …" (e.g. "weights=25%; scaling=minmax,rank,zscore; aggregate=mean,geometric") or a range with a key per row and its alternatives to its right. Keys: weights, weightset, scaling, treat, missing, aggregate.
 * @param {any} [runs] Number of runs, 1 to 100,000 (default 1,000).
 * @param {any} [seed] Seed of the random numbers (default 2021): the same seed gives the same result.
 * @param {any[][]} [weights] The nominal weight table (default: the report's).
 * @param {CustomFunctions.Invocation} invocation Invocation parameter (supplies the addresses of the arguments, so that a blank seed cell means the default on every platform).
 * @requiresParameterAddresses
 * @returns {any[][]} Per row: median rank, 5th percentile rank, 95th percentile rank over the runs, aligned with the data.
 */
export function liveUncertainty(
  data: any[][],
  assumptions: any[][],
  runs: any,
  seed: any,
  weights: any[][],
  invocation: CustomFunctions.Invocation,
  // No return type: any[][] at once, or a Promise of it after one read of the workbook (see LIVESENSITIVITY).
) {
  const compute = (blank: ReadonlySet<number>) =>
    guard((lang) => {
      const mc = parseSensitivityArgs(runs, null, blank.has(UNCERTAINTY_SEED_ARG) ? null : seed);
      const model = modelOfTable(plainTable(data) as unknown[][], parseCall(weights, null, null), readAssumptions(plainCells(assumptions)));
      checkFormulaWork(mc.runs, model.nominal.include);
      const u = finish(startUncertainty(model, mc.runs, mc.seed));
      return toColumns([u.median, u.p5, u.p95], model.nominal.input.columns.hasHeader ? sensitivityLabels(lang) : null, model.nominal.input, lang);
    });
  return withBlankOptionCells([undefined, undefined, runs, seed], [UNCERTAINTY_SEED_ARG], invocation, compute);
}

/** LIVEUNCERTAINTY's and LIVESOBOL's seed, by argument position. */
const UNCERTAINTY_SEED_ARG = 3;

/**
 * Variance-based sensitivity analysis (Sobol indices) of the ranking to the modelling choices: which assumption drives the rank changes.
 * @customfunction LIVESOBOL
 * @param {any[][]} data The five sub-index columns or the raw indicator columns, as for LIVEINDEX.
 * @param {any[][]} assumptions The uncertain assumptions, as for LIVEUNCERTAINTY.
 * @param {any} [n] Base samples N (default 500): Saltelli's design makes N × (assumptions + 2) runs.
 * @param {any} [seed] Seed of the random numbers (default 2021).
 * @param {any[][]} [weights] The nominal weight table (default: the report's).
 * @param {CustomFunctions.Invocation} invocation Invocation parameter (supplies the addresses of the arguments, so that a blank seed cell means the default on every platform).
 * @requiresParameterAddresses
 * @returns {any[][]} A header, then per assumption: first-order index Sᵢ (Saltelli 2010) and total-order index S_Tᵢ (Jansen 1999) of the mean absolute rank shift, then their bootstrap 90% intervals (Sᵢ 5%, Sᵢ 95%, S_Tᵢ 5%, S_Tᵢ 95%).
 */
export function liveSobol(
  data: any[][],
  assumptions: any[][],
  n: any,
  seed: any,
  weights: any[][],
  invocation: CustomFunctions.Invocation,
  // No return type: any[][] at once, or a Promise of it after one read of the workbook (see LIVESENSITIVITY).
) {
  const compute = (blank: ReadonlySet<number>) =>
    guard((lang) => {
      const mc = parseSensitivityArgs(optionArg(n, true) ?? DEFAULT_SOBOL_N, null, blank.has(UNCERTAINTY_SEED_ARG) ? null : seed);
      const model = modelOfTable(plainTable(data) as unknown[][], parseCall(weights, null, null), readAssumptions(plainCells(assumptions)));
      if (model.factors.length === 0) throw new UserError("NO_ASSUMPTIONS");
      checkFormulaWork(mc.runs * (model.factors.length + 2), model.nominal.include);
      const { indices } = finish(startSobol(model, mc.runs, mc.seed));
      return sobolRows(indices, lang);
    });
  return withBlankOptionCells([undefined, undefined, n, seed], [UNCERTAINTY_SEED_ARG], invocation, compute);
}

/**
 * The report's appendix of 33 local live-commerce policies (2020), as a table to extend with your own.
 * @customfunction LIVEPOLICIES
 * @param {any} [province] Only this province's policies (浙江省, 浙江 …); default: all.
 * @returns {any[][]} A header (省份, 发文单位, 时间, 政策, 目标), then one row per policy, as printed in the report.
 */
export function livePolicies(province?: any): any[][] {
  return guard(() => {
    const p = optionArg(province, true);
    const want = p === null ? null : normaliseName(String(p)).replace(/(省|市|自治区)$/, "");
    const rows = REPORT_POLICIES_2020.filter((x) => want === null || normaliseName(x.province).replace(/(省|市|自治区)$/, "") === want);
    if (!rows.length)
      throw new UserError("BAD_OPTION", {
        name: "province",
        value: showValue(p),
        options: [...new Set(REPORT_POLICIES_2020.map((x) => x.province))].join(", "),
      });
    return [[...POLICY_HEADERS], ...rows.map((x) => [x.province, x.issuer, x.date, x.title, x.goal])];
  });
}

/**
 * The industry-policy indicator (直播产业政策) of each region: 100 where the district, its city or its province has a policy in the table, else 0, with the policy's issuer.
 * @customfunction LIVEPOLICY
 * @param {any[][]} province The regions' provinces (a column, or one cell).
 * @param {any[][]} city Their cities ("-" for a municipality's districts), as many rows.
 * @param {any[][]} district Their districts or counties, as many rows.
 * @param {any[][]} [policies] A policy table (province, issuer, …, header first), e.g. LIVEPOLICIES() with your own rows; default: the report's appendix.
 * @returns {any[][]} Per region: 100 or 0, and the issuer of the most specific policy (the district's, then the city's, then the province's).
 */
export function livePolicy(province: any[][], city: any[][], district: any[][], policies?: any[][]): any[][] {
  return guard(() => {
    const col = (v: any[][]) => (plainCells(v) as unknown[][]).map((r) => (r[0] === null || r[0] === undefined || r[0] === 0 ? "" : String(r[0])));
    const [p, c, d] = [col(province), col(city), col(district)];
    if (c.length !== p.length || d.length !== p.length)
      throw new UserError("POLICY_COLUMNS_UNEVEN", { province: p.length, city: c.length, district: d.length });
    const table = isOmittedRange(policies)
      ? readPolicyTable([[...POLICY_HEADERS], ...REPORT_POLICIES_2020.map((x) => [x.province, x.issuer])])
      : readPolicyTable(plainCells(policies) as unknown[][]);
    return p.map((_, r) => {
      if (p[r] === "" && d[r] === "") return ["", ""];
      const m = coveringPolicies(table.issuers, p[r], c[r], d[r])[0];
      return m ? [100, table.printed[m.index]] : [0, ""];
    });
  });
}

/**
 * Growth rates from two periods' levels, as the growth indicators need them: (current − previous) / |previous| per row.
 * @customfunction LIVEGROWTH
 * @param {any[][]} current This period's levels (one column; a text first cell is a header).
 * @param {any[][]} previous The previous period's levels, as many rows.
 * @param {any} [rule] For a region without a base (previous missing or 0): "blank" (default, an empty cell), "na" (#N/A with the reason) or "cap=10" (a cap: +1000% when the previous value is 0).
 * @returns {any[][]} One growth rate per row, as a fraction (format as %).
 */
export function liveGrowth(current: any[][], previous: any[][], rule?: any): any[][] {
  return guard((lang) => {
    const r = readGrowthRule(optionArg(rule, true));
    const [cur, prev] = [current, previous].map((v) => (plainCells(v) as unknown[][]).map((row) => row[0]));
    if (cur.length !== prev.length) throw new UserError("GROWTH_COLUMNS_UNEVEN", { current: cur.length, previous: prev.length });
    // A first cell of text that is no number ("营业额（万元）") is the header.
    const header = typeof cur[0] === "string" && typeof readCell(cur[0]) === "object";
    const number = (v: unknown): number | null => {
      const x = readCell(v);
      if (x === BLANK) return null;
      if (typeof x !== "number") throw new UserError("GROWTH_NOT_NUMBER", { value: showValue(v) });
      return x;
    };
    return cur.map((c, i) => {
      if (i === 0 && header) return [GROWTH_LABEL[lang]];
      try {
        const g = growthRate(number(c), number(prev[i]), r);
        return ["value" in g ? g.value : "blank" in g ? "" : toExcelError(g.error, lang)];
      } catch (e) {
        return [toExcelError(e, lang)];
      }
    });
  });
}

/**
 * Rank change between two years of a table with a year column (年份): each region's rank in both years, the change (positive = up) and its status.
 * @customfunction LIVERANKCHANGE
 * @param {any[][]} data The index columns (sub-indices or raw indicators) with a year column (年份, 年度 or year) and the region's names (province, city, district), one row per region and year.
 * @param {any[][]} [options] Data treatment, as for LIVEINDEX; each year is scaled on its own rows.
 * @param {any} [from] The earlier year (default: the second latest in the data).
 * @param {any} [to] The later year (default: the latest).
 * @returns {any[][]} A header, then per region: province, city, district, rank in the earlier year, rank in the later year, change (positive = moved up), status (new, left, up, down, same).
 */
export function liveRankChange(data: any[][], options?: any[][], from?: any, to?: any): any[][] {
  return guard((lang) => {
    const panel = readPanel(plainTable(data) as unknown[][], withPipeline({}, options));
    const years = panel.years.map((y) => y.year);
    if (years.length < 2) throw new UserError("PANEL_ONE_YEAR", { year: years[0] ?? "—" });
    // Read as the year column is; a year the data lacks (or cannot be one) is refused listing the years.
    const year = (v: unknown, fallback: number, name: string) => {
      const x = optionArg(v, true);
      if (x === null) return fallback;
      const y = readYear(x);
      if (y === null) throw new UserError("BAD_OPTION", { name, value: showValue(x), options: years.join(", ") });
      return y;
    };
    const a = year(from, years[years.length - 2], "from");
    const b = year(to, years[years.length - 1], "to");
    return rankChangeRows(rankChanges(panel, a, b), a, b, lang) as (string | number)[][];
  });
}
