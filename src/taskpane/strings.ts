/** Every visible string of the task pane, in Chinese and English. */
export type TaskpaneLang = "zh" | "en";

const TEXT = {
  zh: {
    title: "直播电商区域发展指数",
    subtitle: "把数据表一键变成排名表：排名、分省汇总和图表。",
    notInExcel: "请在 Excel 中打开此窗格。",
    sampleHeading: "第一次使用？",
    insertSample: "插入样例数据",
    sampleHint: "插入报告的百强表（2020），可立即生成排名。",
    sourceHeading: "数据",
    useSelection: "读取选中区域",
    sourceHint: "选中数据区域，或点击 Excel 表格中的任意单元格。",
    sourceNone: "尚未读取数据。",
    source: (address: string, rows: number, cols: number) => `${address}：${rows} 行 × ${cols} 列`,
    mappingHeading: "列的含义",
    mappingHint: "已按列名自动识别；如有标红的列，请从下拉框中选择。",
    mappingColumn: "列",
    mappingMeaning: "含义",
    ambiguous: "与其他列重复",
    unmatched: "未识别",
    optionsHeading: "选项",
    weights: "权重",
    weightsReport: "报告权重（2020）",
    weightsTable: (name: string) => `工作簿中的权重表：${name}`,
    method: "原始指标标准化方法",
    methodHint: "仅当输入为 19 个二级指标时使用。",
    topN: "重点显示前 N 名",
    mode: "写入方式",
    modeValues: "数值（固定快照）",
    modeFormulas: "公式（随数据和权重自动重算）",
    generate: "生成排名表",
    working: "正在处理…",
    steps: {
      read: "读取数据",
      compute: "计算指数",
      write: "写入工作表",
      format: "设置格式",
      chart: "添加图表",
      done: "完成",
    } as Record<string, string>,
    inserted: (sheet: string) => `已插入样例数据：工作表“${sheet}”。现在可以点击“生成排名表”。`,
    generated: (sheet: string, ranked: number, skipped: number) =>
      `已生成工作表“${sheet}”：${ranked} 个地区参与排名${skipped ? `，${skipped} 行因数据错误被跳过（见方法说明）` : ""}。`,
    fixMapping: "有列的含义不明确，请在上方标红的列中选择后再生成。",
    unexpected: (detail: string) => `出现意外错误：${detail}。工作簿未被修改。`,
    language: "语言",
  },
  en: {
    title: "Live-Streaming E-commerce Regional Development Index",
    subtitle: "Turn a data table into a ranked sheet in one click: ranks, a province summary and a chart.",
    notInExcel: "Open this pane in Excel.",
    sampleHeading: "First time here?",
    insertSample: "Insert sample data",
    sampleHint: "Inserts the report's Top-100 table (2020), ready to rank.",
    sourceHeading: "Data",
    useSelection: "Use selection",
    sourceHint: "Select the data range, or click any cell of an Excel table.",
    sourceNone: "No data read yet.",
    source: (address: string, rows: number, cols: number) => `${address}: ${rows} rows × ${cols} columns`,
    mappingHeading: "What each column means",
    mappingHint: "Matched by header; pick a meaning for any column marked in red.",
    mappingColumn: "Column",
    mappingMeaning: "Meaning",
    ambiguous: "same as another column",
    unmatched: "not recognised",
    optionsHeading: "Options",
    weights: "Weights",
    weightsReport: "The report's weights (2020)",
    weightsTable: (name: string) => `Weight table in this workbook: ${name}`,
    method: "Scaling of raw indicators",
    methodHint: "Used only when the input is the 19 raw indicators.",
    topN: "Emphasise the top N",
    mode: "Write",
    modeValues: "Values (a fixed snapshot)",
    modeFormulas: "Formulas (recalculate with data and weights)",
    generate: "Generate ranked sheet",
    working: "Working…",
    steps: {
      read: "Reading data",
      compute: "Computing the index",
      write: "Writing the sheet",
      format: "Formatting",
      chart: "Adding the chart",
      done: "Done",
    } as Record<string, string>,
    inserted: (sheet: string) => `Sample data inserted in sheet "${sheet}". Now press "Generate ranked sheet".`,
    generated: (sheet: string, ranked: number, skipped: number) =>
      `Sheet "${sheet}" created: ${ranked} regions ranked${skipped ? `, ${skipped} rows skipped for bad data (see the method note)` : ""}.`,
    fixMapping: "Some columns are ambiguous: choose their meaning above (marked in red), then generate.",
    unexpected: (detail: string) => `Something unexpected went wrong: ${detail}. The workbook was not changed.`,
    language: "Language",
  },
};

export type TaskpaneText = (typeof TEXT)["zh"];

export function taskpaneText(lang: TaskpaneLang): TaskpaneText {
  return TEXT[lang];
}

/** The pane's language from Office's display language ("zh-CN", "zh-TW" → zh; anything else → en). */
export function languageOf(displayLanguage: string | undefined | null): TaskpaneLang {
  return (displayLanguage ?? "").toLowerCase().startsWith("zh") ? "zh" : "en";
}
