/**
 * help.html, the README as a page served with the add-in (scripts/help-page.js): headings carry
 * GitHub's ids, so every link of the README to one of its sections, and the task pane's help link,
 * land on a heading.
 */
import * as fs from "fs";
import * as path from "path";

const { helpPage, headingId } = require("../scripts/help-page") as {
  helpPage: (markdown: string, o: { version: string }) => string;
  headingId: (text: string) => string;
};

const ROOT = path.join(__dirname, "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const page = helpPage(README, { version: "9.9.9" });
const ids = new Set([...page.matchAll(/<h[1-6] id="([^"]*)"/g)].map((m) => m[1]));

describe("help.html", () => {
  it("gives headings GitHub's ids: lower case, punctuation dropped, spaces as hyphens, CJK kept", () => {
    expect(headingId("Ranked sheets as files / 排名表文件")).toBe("ranked-sheets-as-files--排名表文件");
    expect(headingId("ZBDS.LIVEINDEX(data, [weights], [method], [rescale])")).toBe("zbdsliveindexdata-weights-method-rescale");
    expect(headingId("How the index is computed (method note)")).toBe("how-the-index-is-computed-method-note");
  });

  it("has a heading for every link of the README to one of its sections", () => {
    const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((m) => decodeURIComponent(m[1]));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect([link, ids.has(link)]).toEqual([link, true]);
  });

  it("has the section the task pane's help link opens", () => {
    const html = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
    const href = /<a id="help" href="help\.html#([^"]+)"/.exec(html)![1];
    expect(ids.has(href)).toBe(true);
  });

  it("links only to what is served with it: a repository file is named, not linked", () => {
    const hrefs = [...page.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    for (const h of hrefs) expect(h).toMatch(/^(#|https?:|mailto:)/);
    expect(page).toContain("(<code>docs/performance.md</code>)");
  });

  it("is a whole page with the README's tables and the version", () => {
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("<table>");
    expect(page).toContain("9.9.9");
    expect(page).toContain('<img src="docs/screenshots/taskpane-zh.png"');
  });
});
