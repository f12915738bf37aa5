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

/** LIVERANKCHANGE's rows (and the rank change sheet's table): the header and each region's status. The sheet's other words are RANK_CHANGE_TEXT. */
export const RANK_CHANGE_CELLS = {
  zh: {
    header: (from: number, to: number) => ["省", "市", "区县", `${from} 年排名`, `${to} 年排名`, "名次变化（正为上升）", "状态"],
    status: { new: "新进", left: "退出", up: "上升", down: "下降", same: "不变", unranked: "未排名（该年数据有误）" },
  },
  en: {
    header: (from: number, to: number) => ["Province", "City", "District", `Rank ${from}`, `Rank ${to}`, "Change (positive = up)", "Status"],
    status: { new: "new", left: "left", up: "up", down: "down", same: "same", unranked: "not ranked (a bad value that year)" },
  },
} as const;

/** A failure that is not a user error, as a cell's error message. */
export function internalError(detail: string): LocalText {
  return { zh: `内部错误，请报告此问题：${detail}`, en: `Internal error, please report it: ${detail}` };
}
