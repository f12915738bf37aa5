/** What the custom functions put into cells besides numbers: header labels, "no change", internal errors. */
import type { Lang, LocalText } from "./index";

export const CELL_TEXT = {
  zh: {
    total: "总指数",
    rank: "排名",
    ok: "OK",
    noChange: "无变化",
    diffHeader: ["一级/二级指标", "原权重", "新权重", "原有效权重", "新有效权重"],
    sensitivityHeader: ["排名中位数", "排名第 5 百分位", "排名第 95 百分位"],
  },
  en: {
    total: "Total index",
    rank: "Rank",
    ok: "OK",
    noChange: "No change",
    diffHeader: ["Dimension or indicator", "Old weight", "New weight", "Old effective weight", "New effective weight"],
    sensitivityHeader: ["Median rank", "5th percentile rank", "95th percentile rank"],
  },
} as const satisfies Record<Lang, Record<string, string | readonly string[]>>;

/** A failure that is not a user error, as a cell's error message. */
export function internalError(detail: string): LocalText {
  return { zh: `内部错误，请报告此问题：${detail}`, en: `Internal error, please report it: ${detail}` };
}
