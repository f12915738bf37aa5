/**
 * A native Excel chart added to an .xlsx package after exceljs has written it (exceljs writes
 * tables, formats and conditional formats, but no charts).
 *
 * For each chart: a chart part (DrawingML, a horizontal bar chart, clustered or stacked, or a line
 * chart with markers, whose series are cell references into the sheet, with cached values so
 * viewers that do not recalculate still draw it; a hidden series has no fill: the offset of a
 * floating bar), a drawing part anchoring it at a cell with its size, the relationships between
 * sheet, drawing and chart, and the content types. Elements are written in the order the
 * ECMA-376 schemas require, as Excel is strict about order.
 *
 * Only sheets without a drawing of their own are supported (a sheet written by
 * writePlanToWorkbook never has one); anything else is an error, never a damaged file.
 */
import JSZip from "jszip";
import { cleanText } from "../core/text";

export interface XlsxSeries {
  /** Absolute references with the sheet: the series name cell and its values. */
  readonly name: string;
  readonly values: string;
  /** The cells' current contents, cached in the chart part (null: unknown, left out). */
  readonly valueCache: readonly (number | null)[];
  /** Drawn without fill or labels (the invisible offset of a stacked bar). */
  readonly hidden: boolean;
}

export interface XlsxChart {
  /** The sheet the chart sits on (as named in the workbook). */
  readonly sheetName: string;
  readonly title: string;
  /** Horizontal bars (default) or lines with markers (a slope chart). */
  readonly kind?: "bar" | "line";
  readonly grouping: "clustered" | "stacked";
  /** Absolute reference with the sheet to the category cells, and their cached text. */
  readonly categories: string;
  readonly categoryCache: readonly string[];
  readonly series: readonly XlsxSeries[];
  /** Top-left cell (zero-based) and size in points. */
  readonly anchorRow: number;
  readonly anchorCol: number;
  readonly width: number;
  readonly height: number;
  /** A legend below the plot (charts of more than one shown series); default none. */
  readonly legend?: boolean;
  /** The value axis's number format (default "0"). */
  readonly valueFormat?: string;
  /** The value axis from its maximum down (ranks, 1 at the top). */
  readonly reverseValues?: boolean;
}

/** Fills of the shown series, in order (Office's first two theme colours). */
const SERIES_FILLS = ["4472C4", "ED7D31", "A5A5A5", "FFC000"];
/** Lines of a slope chart, one per region: Office's six accents, then darker shades of them. */
const LINE_COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300", "255E91", "43682B"];

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const REL_DRAWING = `${NS_REL}/drawing`;
const REL_CHART = `${NS_REL}/chart`;
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const EMU_PER_POINT = 12700;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Worksheet children that must come after <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Adds charts to an .xlsx package; returns the new package. */
export async function addChartsToXlsx(xlsx: Buffer | Uint8Array, charts: readonly XlsxChart[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const text = async (path: string): Promise<string> => {
    const f = zip.file(path);
    if (!f) throw new Error(`xlsx package has no ${path}`);
    return f.async("string");
  };
  let contentTypes = await text("[Content_Types].xml");
  const sheets = await sheetParts(zip, text);

  // One drawing per sheet, holding every chart of that sheet.
  const bySheet = new Map<string, XlsxChart[]>();
  for (const chart of charts) bySheet.set(chart.sheetName, [...(bySheet.get(chart.sheetName) ?? []), chart]);
  for (const [sheetName, own] of bySheet) {
    const sheetPath = sheets.get(sheetName);
    if (!sheetPath) throw new Error(`xlsx package has no sheet named ${sheetName}`);
    let sheetXml = await text(sheetPath);
    if (/<drawing\b/.test(sheetXml)) throw new Error(`sheet ${sheetName} already has a drawing`);

    const m = freeNumber(zip, "xl/drawings/drawing", ".xml");
    const drawingPath = `xl/drawings/drawing${m}.xml`;
    const anchors: { chart: XlsxChart; relId: string; n: number }[] = [];
    for (const chart of own) {
      const n = freeNumber(zip, "xl/charts/chart", ".xml");
      const chartPath = `xl/charts/chart${n}.xml`;
      zip.file(chartPath, chartXml(chart));
      contentTypes = addOverride(contentTypes, `/${chartPath}`, CT_CHART);
      anchors.push({ chart, relId: `rId${anchors.length + 1}`, n });
    }
    zip.file(drawingPath, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${m}.xml.rels`, relsXml(anchors.map((a) => ({ id: a.relId, type: REL_CHART, target: `../charts/chart${a.n}.xml` }))));

    const sheetRelsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const existing = zip.file(sheetRelsPath) ? await text(sheetRelsPath) : null;
    const rels = existing ? parseRels(existing) : [];
    const rid = freeRelId(rels);
    zip.file(sheetRelsPath, relsXml([...rels, { id: rid, type: REL_DRAWING, target: `../drawings/drawing${m}.xml` }]));

    if (!/xmlns:r="/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet"))))) {
      sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_REL}"`);
    }
    sheetXml = insertBefore(sheetXml, `<drawing r:id="${rid}"/>`);
    zip.file(sheetPath, sheetXml);
    contentTypes = addOverride(contentTypes, `/${drawingPath}`, CT_DRAWING);
  }
  zip.file("[Content_Types].xml", contentTypes);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

// ---- parts -----------------------------------------------------------------------------------

/** The chart part: horizontal bars, first category at the top, shown series labelled. */
export function chartXml(c: XlsxChart): string {
  const strCache = (items: readonly string[]) =>
    `<c:strCache><c:ptCount val="${items.length}"/>${items.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const numCache = (items: readonly (number | null)[]) =>
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${items.length}"/>${items
      .map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
      .join("")}</c:numCache>`;
  const labels = (show: boolean) =>
    `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="${show ? 1 : 0}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;
  const line = c.kind === "line";
  const fill = (k: number) => SERIES_FILLS[shownIndex(c, k) % SERIES_FILLS.length];
  // A line's colour, and its marker's: one of a wider palette, as a slope chart has a line per region.
  const lineFill = (k: number) => LINE_COLOURS[k % LINE_COLOURS.length];
  // The schema's order within a series: index, order, name, look, (bars: invertIfNegative), labels, categories, values, (lines: smooth).
  const series = c.series
    .map((s, k) => {
      const look = line
        ? `<c:spPr><a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="${lineFill(k)}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
          `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="${lineFill(k)}"/></a:solidFill></c:spPr></c:marker>` +
          labels(false)
        : (s.hidden ? "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" : `<c:spPr><a:solidFill><a:srgbClr val="${fill(k)}"/></a:solidFill></c:spPr>`) +
          '<c:invertIfNegative val="0"/>' +
          labels(!s.hidden);
      return (
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
        `<c:tx><c:strRef><c:f>${esc(s.name)}</c:f></c:strRef></c:tx>` +
        look +
        `<c:cat><c:strRef><c:f>${esc(c.categories)}</c:f>${strCache(c.categoryCache)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(s.values)}</c:f>${numCache(s.valueCache)}</c:numRef></c:val>` +
        (line ? '<c:smooth val="0"/>' : "") +
        "</c:ser>"
      );
    })
    .join("");
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}">` +
    '<c:roundedCorners val="0"/>' +
    "<c:chart>" +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    "<c:plotArea><c:layout/>" +
    (line
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>`
      : `<c:barChart><c:barDir val="bar"/><c:grouping val="${c.grouping}"/><c:varyColors val="0"/>` +
        series +
        `<c:gapWidth val="60"/>${c.grouping === "stacked" ? '<c:overlap val="100"/>' : ""}<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>`) +
    // Bars run down the page in the categories' order (the category axis from the top); lines run left to right.
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${line ? "minMax" : "maxMin"}"/></c:scaling><c:delete val="0"/><c:axPos val="${line ? "b" : "l"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="${line ? "nextTo" : "low"}"/>` +
    // A reversed value axis (ranks) has its largest value at the bottom: the category axis crosses it there.
    `<c:crossAx val="500000002"/><c:crosses val="${line && c.reverseValues ? "max" : "autoZero"}"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="${c.reverseValues ? "maxMin" : "minMax"}"/>${c.reverseValues ? '<c:min val="1"/>' : ""}</c:scaling><c:delete val="0"/><c:axPos val="${line ? "l" : "b"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${esc(c.valueFormat ?? "0")}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="${line ? "autoZero" : "max"}"/><c:crossBetween val="${line ? "midCat" : "between"}"/></c:valAx>` +
    "</c:plotArea>" +
    (c.legend ? `<c:legend><c:legendPos val="${line ? "r" : "b"}"/><c:overlay val="0"/></c:legend>` : "") +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart>" +
    "</c:chartSpace>"
  );
}

/** The drawing part: each chart anchored at its top-left cell, with its size. */
function drawingXml(anchors: readonly { chart: XlsxChart; relId: string; n: number }[]): string {
  const anchor = ({ chart: c, relId, n }: { chart: XlsxChart; relId: string; n: number }) =>
    "<xdr:oneCellAnchor>" +
    `<xdr:from><xdr:col>${c.anchorCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.anchorRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${Math.round(c.width * EMU_PER_POINT)}" cy="${Math.round(c.height * EMU_PER_POINT)}"/>` +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${n + 1}" name="${esc(`Chart ${n}`)}" descr="${esc(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" xmlns:r="${NS_REL}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame>" +
    "<xdr:clientData/>" +
    "</xdr:oneCellAnchor>";
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS_DRAWING}" xmlns:a="${NS_A}">` + anchors.map(anchor).join("") + "</xdr:wsDr>";
}

/** The position of series k among the shown ones (a hidden offset series takes no colour). */
function shownIndex(c: XlsxChart, k: number): number {
  return c.series.slice(0, k).filter((s) => !s.hidden).length;
}

// ---- package helpers -------------------------------------------------------------------------

interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly mode?: string;
}

/** Sheet name → its part path, from xl/workbook.xml and its relationships. */
async function sheetParts(zip: JSZip, text: (path: string) => Promise<string>): Promise<Map<string, string>> {
  const workbook = await text("xl/workbook.xml");
  const rels = parseRels(await text("xl/_rels/workbook.xml.rels"));
  const out = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const rel = rels.find((r) => r.id === a["r:id"]);
    if (!rel || a.name === undefined) continue;
    out.set(a.name, rel.target.startsWith("/") ? rel.target.slice(1) : `xl/${rel.target}`);
  }
  return out;
}

function parseRels(xml: string): Rel[] {
  return (xml.match(/<Relationship\b[^>]*>/g) ?? []).map((tag) => {
    const a = attributes(tag);
    return { id: a.Id, type: a.Type, target: a.Target, mode: a.TargetMode };
  });
}

function relsXml(rels: readonly Rel[]): string {
  const items = rels.map(
    (r) => `<Relationship Id="${esc(r.id)}" Type="${esc(r.type)}" Target="${esc(r.target)}"${r.mode ? ` TargetMode="${esc(r.mode)}"` : ""}/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${items.join("")}</Relationships>`;
}

function freeRelId(rels: readonly Rel[]): string {
  const ids = new Set(rels.map((r) => r.id));
  let i = rels.length + 1;
  while (ids.has(`rId${i}`)) i++;
  return `rId${i}`;
}

function freeNumber(zip: JSZip, prefix: string, suffix: string): number {
  let n = 1;
  while (zip.file(`${prefix}${n}${suffix}`)) n++;
  return n;
}

function addOverride(contentTypes: string, partName: string, type: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  return contentTypes.replace("</Types>", `<Override PartName="${partName}" ContentType="${type}"/></Types>`);
}

/** Inserts an element into a worksheet at its schema position: before the first element that must follow it. */
function insertBefore(sheetXml: string, element: string): string {
  let at = sheetXml.lastIndexOf("</worksheet>");
  // Search past the cell data and the conditional formats, whose rules may hold an <extLst> of their own.
  const from = Math.max(0, sheetXml.lastIndexOf("</sheetData>"), sheetXml.lastIndexOf("</conditionalFormatting>"));
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${name}[\\s/>]`, "g");
    m.lastIndex = from;
    const found = m.exec(sheetXml);
    if (found && found.index < at) at = found.index;
  }
  if (at < 0) throw new Error("worksheet part has no closing tag");
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = unesc(m[2]);
  return out;
}

function esc(s: string): string {
  return cleanText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unesc(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" } as Record<string, string>)[name] ?? m;
  });
}
