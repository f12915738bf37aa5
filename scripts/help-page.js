/**
 * help.html: the README as a page served with the add-in, so that the task pane's help link and the
 * manifest's support link work wherever the add-in is hosted (no public site is needed). Headings
 * get the ids GitHub gives them, so the README's own links (#ranked-sheets-as-files--排名表文件)
 * and the pane's link to its section work in the page as on GitHub.
 */
const { Marked } = require("marked");

/** GitHub's heading id: lower case, punctuation dropped (letters of any script, digits, "-" and "_" kept), spaces as "-". */
function headingId(text) {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/**
 * @param {string} markdown the README
 * @param {{ version: string }} options
 * @returns {string} a whole HTML page
 */
function helpPage(markdown, { version }) {
  const seen = new Map();
  const marked = new Marked({
    gfm: true,
    renderer: {
      // Links to the README's sections, and to the web, stay links; a link to another file of the
      // repository (docs/performance.md …) is not served with the add-in: its text, with the path.
      link({ href, tokens }) {
        const text = this.parser.parseInline(tokens);
        if (/^(#|https?:|mailto:)/.test(href)) return `<a href="${href}">${text}</a>`;
        return `${text} (<code>${href}</code>)`;
      },
      heading({ tokens, depth, text }) {
        // The id from the heading's text as written (GitHub strips the markup, e.g. `code`).
        const base = headingId(text.replace(/`/g, ""));
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        const id = n ? `${base}-${n}` : base;
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(markdown);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>直播电商区域发展指数 / Live-Streaming E-commerce Regional Development Index ${version}</title>
<style>
body { font: 15px/1.6 "Segoe UI", "Microsoft YaHei", "PingFang SC", sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; color: #1f1f1f; }
code, pre { font-family: Consolas, "Courier New", monospace; font-size: 0.92em; background: #f3f3f3; }
pre { padding: 0.8rem; overflow-x: auto; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d0d0d0; padding: 0.3rem 0.6rem; vertical-align: top; }
img { max-width: 100%; }
h2 { border-bottom: 1px solid #e0e0e0; padding-bottom: 0.2rem; margin-top: 2.2rem; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

module.exports = { helpPage, headingId };
