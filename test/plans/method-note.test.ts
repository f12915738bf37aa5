/**
 * The method note is built once: the ranked sheet from the task pane (excel/generate.ts) and from
 * the command line (cli/main.ts) carry the same note, line for line, for sub-index and raw input
 * and in both languages; and its fixed rules are the ones the README states.
 */
import { planFromCells } from "../../src/cli/main";
import { version } from "../../src/cli/version";
import { REPORT_WEIGHT_TABLE } from "../../src/core/weights";
import { planGeneratedSheet } from "../../src/excel/generate";
import { planBlock } from "../../src/plans/plan";
import { localDateTime, METHOD_NOTE_TEXT } from "../../src/text";
import { rawIndicatorCells, top100Cells } from "../helpers/fixtures";

const WHEN = "2026-03-01T10:00:00.000Z";

function paneNote(cells: unknown[][], lang: "zh" | "en") {
  const source = { sheetName: "数据", address: "data.csv", tableName: null, values: cells, top: 0, left: 0, hiddenRows: [] };
  const request = {
    source,
    keys: null,
    weights: { kind: "report" } as const,
    method: "minmax" as const,
    topN: 100,
    mode: "values" as const,
    lang,
    version: version(),
    now: localDateTime(new Date(WHEN), lang),
  };
  return planBlock(planGeneratedSheet(request, { table: REPORT_WEIGHT_TABLE, source: { kind: "report" } }).plan, "note").values;
}

function cliNote(cells: unknown[][], lang: "zh" | "en") {
  return planBlock(planFromCells(cells, { lang, top: 100, mode: "values", source: "data.csv", now: new Date(WHEN) }).plan, "note").values;
}

describe("the method note", () => {
  it.each([
    ["sub-indices", top100Cells()],
    ["raw indicators", rawIndicatorCells(30, 4)],
  ])("is the same text from the task pane and the command line (%s)", (_, cells) => {
    for (const lang of ["zh", "en"] as const) {
      const pane = paneNote(cells, lang);
      expect(pane.length).toBeGreaterThan(10);
      expect(cliNote(cells, lang)).toEqual(pane);
    }
  });

  it("states the scaling with its formula for raw input, and none for sub-indices", () => {
    // The text of the scaling line and its continuation lines (label "").
    const line = (cells: unknown[][]) => {
      const note = paneNote(cells, "en");
      const at = note.findIndex((r) => r[0] === METHOD_NOTE_TEXT.en.scaling);
      let text = String(note[at][1]);
      for (let i = at + 1; note[i]?.[0] === ""; i++) text += String(note[i][1]);
      return text;
    };
    expect(line(rawIndicatorCells(30, 4))).toBe("Min–max (0–100): 100 × (x − min) / (max − min); less-is-better: 100 × (max − x) / (max − min)");
    expect(line(top100Cells())).toBe(METHOD_NOTE_TEXT.en.scalingNone);
  });
});
