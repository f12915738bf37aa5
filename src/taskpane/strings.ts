/** Every visible string of the task pane, in Chinese and English. */
export type TaskpaneLang = "zh" | "en";

const TEXT = {
  zh: {
    title: "直播电商区域发展指数",
    intro: "在单元格中输入公式，例如 =ZBDS.LIVEINDEX(B1:F101) 计算总指数，=ZBDS.RANKDISTRICT(G1:G101) 计算排名。",
    functions: "可用函数：LIVEINDEX、LIVESUBINDEX、RANKDISTRICT、LIVEWEIGHTS、LIVECHECKWEIGHTS（命名空间 ZBDS）。",
  },
  en: {
    title: "Live-Streaming E-commerce Regional Development Index",
    intro: "Type a formula in a cell, e.g. =ZBDS.LIVEINDEX(B1:F101) for the total index and =ZBDS.RANKDISTRICT(G1:G101) for ranks.",
    functions: "Functions: LIVEINDEX, LIVESUBINDEX, RANKDISTRICT, LIVEWEIGHTS, LIVECHECKWEIGHTS (namespace ZBDS).",
  },
} as const;

export function taskpaneText(lang: TaskpaneLang): (typeof TEXT)[TaskpaneLang] {
  return TEXT[lang];
}
