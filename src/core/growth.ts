/**
 * Growth from two periods' levels, as the framework's two growth indicators need them
 * (主播直播引导成交额增长率 from the streamer-driven GMV of two years, 主播直播场次增长率 from the
 * sessions): (current − previous) / |previous| per region. A region without a base (previous
 * missing, or 0) has no growth rate; the rule says what it gets instead.
 */
import { UserError } from "./errors";

/** What a region without a base gets: a blank cell (default), #N/A with the reason, or a cap (cap=10 is +1000%). */
export type GrowthRule = { readonly kind: "blank" } | { readonly kind: "na" } | { readonly kind: "cap"; readonly cap: number };

export type Growth = { readonly value: number } | { readonly blank: true } | { readonly error: UserError };

/**
 * One region's growth rate. `current` and `previous` are numbers or null (missing).
 *
 * @example
 * growthRate(150, 100, { kind: "blank" }) // → { value: 0.5 }
 * growthRate(20, 0, { kind: "cap", cap: 10 }) // → { value: 10 }
 */
export function growthRate(current: number | null, previous: number | null, rule: GrowthRule): Growth {
  if (current === null || previous === null) {
    return rule.kind === "na" ? { error: new UserError(current === null ? "GROWTH_NO_CURRENT" : "GROWTH_NO_PREVIOUS") } : { blank: true };
  }
  if (previous === 0) {
    if (rule.kind === "cap") return { value: current === 0 ? 0 : Math.sign(current) * rule.cap };
    return rule.kind === "na" ? { error: new UserError("GROWTH_ZERO_BASE") } : { blank: true };
  }
  // |previous|: a negative level (a loss) that shrinks is a rise, as a growth rate should say.
  return { value: (current - previous) / Math.abs(previous) };
}

/**
 * Reads the rule: blank (default), na, or cap=<number> (a share: "cap=10" or "cap=1000%").
 * Throws BAD_OPTION naming the rule and what it takes.
 */
export function readGrowthRule(v: unknown): GrowthRule {
  if (v === null || v === undefined || v === "" || v === 0) return { kind: "blank" };
  const t = String(v).normalize("NFKC").trim().toLowerCase();
  if (t === "blank" || t === "空白") return { kind: "blank" };
  if (t === "na" || t === "#n/a" || t === "n/a") return { kind: "na" };
  const cap = /^cap\s*[=:]\s*(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (cap) {
    const x = Number(cap[1]) / (cap[2] ? 100 : 1);
    if (x > 0) return { kind: "cap", cap: x };
  }
  throw new UserError("BAD_OPTION", { name: "rule", value: `"${String(v)}"`, options: "blank, na, cap=10" });
}
