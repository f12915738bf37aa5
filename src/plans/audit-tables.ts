/**
 * The audit as tables of cells, in one language: what LIVESTATS, LIVECORR and LIVECOHERENCE spill
 * and what the audit sheet shows, built once. A statistic that does not exist (too few values, a
 * constant column) is "" with its reason in the flags column: never NaN.
 */
import { Audit, ColumnAudit, CorrelationMatrix, DimensionCoherence, itemName } from "../core/audit";
import { DIMENSIONS, INDICATORS } from "../core/framework";
import { formatError } from "../core/errors";
import { explainRejected } from "../core/workflow";
import type { PipelineOptions } from "../core/options";
import type { IndexResult } from "../core/pipeline";
import { percentText } from "../core/text";
import type { Treatment } from "../core/treat";
import { AUDIT_TEXT, Lang, METHOD_NOTE_TEXT, WORDS } from "../text";

export type AuditCell = string | number;

const num = (x: number): AuditCell => (Number.isFinite(x) ? x : "");

/** Header, then one row per column audited: name, available, coverage, zero share, min, max, mean, SD, skewness, kurtosis, flags. */
export function statsTable(columns: readonly ColumnAudit[], lang: Lang): AuditCell[][] {
  const t = AUDIT_TEXT[lang];
  const header: string[] = [...t.statsHeader];
  if (columns[0]?.level === "dimension") header[0] = t.subIndexHeader;
  return [
    header,
    ...columns.map((c) => [
      c.level === "indicator" ? INDICATORS[c.item][lang] : DIMENSIONS[c.item][lang],
      c.available,
      num(c.regions ? c.available / c.regions : NaN),
      num(c.stats.zeroShare),
      num(c.stats.min),
      num(c.stats.max),
      num(c.stats.mean),
      num(c.stats.sd),
      num(c.stats.skew),
      num(c.stats.kurt),
      c.flags.map((f) => t.flags[f]).join(WORDS.listSeparator[lang]),
    ]),
  ];
}

/** Names in the first row and column, the correlations between them. */
export function correlationTable(m: CorrelationMatrix, lang: Lang): AuditCell[][] {
  const names = m.items.map((i) => itemName(i, lang, AUDIT_TEXT[lang].total));
  return [["", ...names], ...m.values.map((row, i) => [names[i], ...row.map(num)])];
}

/** Header, then one row per dimension: alpha, first component's share, correlation with the total, effective weight, flags. */
export function coherenceTable(rows: readonly DimensionCoherence[], lang: Lang): AuditCell[][] {
  const t = AUDIT_TEXT[lang];
  return [
    [...t.coherenceHeader],
    ...rows.map((c) => [
      DIMENSIONS[c.dimension][lang],
      num(c.alpha),
      num(c.firstComponent),
      num(c.withTotal),
      c.effectiveWeight,
      c.flags.map((f) => t.flags[f]).join(WORDS.listSeparator[lang]),
    ]),
  ];
}

/** Header, then per treated column what was done and its skewness and kurtosis before and after. */
export function treatmentTable(columns: readonly ColumnAudit[], treatments: readonly (Treatment | null)[], lang: Lang): AuditCell[][] {
  const t = AUDIT_TEXT[lang];
  return [
    [...t.treatmentHeader],
    ...columns.flatMap((c) => {
      const x = treatments[c.item];
      if (!x) return [];
      const what = x.kind === "none" ? t.treatment.none : x.kind === "log" ? t.treatment.log : t.treatment.winsorised(x.high, x.low);
      const name = c.level === "indicator" ? INDICATORS[c.item][lang] : DIMENSIONS[c.item][lang];
      return [[name, what, num(x.before.skew), num(x.before.kurt), num(x.after.skew), num(x.after.kurt)]];
    }),
  ];
}

/** The options as the note and the summary state them: "missing=median; coverage=66.7%; treat=winsorise" (and the aggregation when not the mean). */
export function optionsText(o: PipelineOptions): string {
  return `missing=${o.missing}; coverage=${percentText(o.coverage)}; treat=${o.treat}${o.aggregate === "mean" ? "" : `; aggregate=${o.aggregate}`}${o.referenceYear === undefined ? "" : `; panel=reference=${o.referenceYear}`}`;
}

/** Each column the treatment changed, with what it did: "主播直播引导成交额（缩尾 3 个点）". */
export function treatedColumns(result: IndexResult, lang: Lang): string[] {
  const names = result.input.level === "indicator" ? INDICATORS : DIMENSIONS;
  return result.preparation.treatments
    .map((x, i) => (x && x.kind !== "none" ? METHOD_NOTE_TEXT[lang].treatedColumn(names[i][lang], x.kind === "log", x.high + x.low) : null))
    .filter((x) => x !== null);
}

/**
 * The plain-words summary: what a reviewer would ask about, one sentence each, then the rows left
 * out (a 合计 row, too little data, a bad value), each named with its reason.
 */
export function auditSummary(audit: Audit, lang: Lang): string[] {
  const s = AUDIT_TEXT[lang].summary;
  const name = (c: ColumnAudit) => (c.level === "indicator" ? INDICATORS[c.item][lang] : DIMENSIONS[c.item][lang]);
  const flagged = (f: ColumnAudit["flags"][number]) => audit.columns.filter((c) => c.flags.includes(f)).map(name);
  const out = [
    s.regions(audit.columns[0]?.regions ?? 0, audit.result.input.level, audit.columns.length),
    s.options(optionsText(audit.result.preparation.options)),
  ];
  const outliers = flagged("outlier");
  const low = flagged("lowCoverage");
  const zeros = flagged("manyZeros");
  if (outliers.length) out.push(s.outliers(outliers, audit.result.input.level === "dimension", audit.result.preparation.options.treat !== "none"));
  if (low.length) out.push(s.lowCoverage(low));
  if (zeros.length) out.push(s.manyZeros(zeros));
  if (!outliers.length && !low.length && !zeros.length) out.push(s.noIssue);
  // What the treatment asked for did, column by column.
  const treated = treatedColumns(audit.result, lang);
  if (treated.length) out.push(s.treated(treated.join(WORDS.listSeparator[lang])));
  for (const c of audit.coherence) {
    const dim = DIMENSIONS[c.dimension][lang];
    for (const [a, b, r] of c.redundantPairs) out.push(s.redundant(INDICATORS[a][lang], INDICATORS[b][lang], r.toFixed(2)));
    for (const i of c.negative) out.push(s.negative(INDICATORS[i][lang], dim));
    if (c.flags.includes("lowAlpha") && Number.isFinite(c.alpha)) out.push(s.lowAlpha(dim, c.alpha.toFixed(2)));
    // A dimension that weighs at least 10% but hardly moves with the total.
    if (c.effectiveWeight >= 0.1 && c.withTotal < 0.3) out.push(s.weakDimension(dim, c.withTotal.toFixed(2), percentText(c.effectiveWeight)));
  }
  const left = explainRejected(audit.run);
  if (left.length) out.push(s.leftOut(audit.run.ranking.rejected.length), ...left.slice(0, 20).map((m) => `  ${formatError(m, lang)}`));
  return out;
}
