import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import { join } from "path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { addChartsToXlsx, chartXml, XlsxChart } from "../../src/files/xlsx-chart";
import { tempDir, which } from "../helpers/files";

const chart: XlsxChart = {
  sheetName: "排名",
  title: '前 3 名 <地区> & "省份"',
  grouping: "clustered",
  categories: "'排名'!$A$2:$A$4",
  categoryCache: ["浙江省", "广东省", "A&B"],
  series: [{ name: "'排名'!$B$1", values: "'排名'!$B$2:$B$4", valueCache: [2, 1, null], hidden: false }],
  anchorRow: 6,
  anchorCol: 3,
  width: 420,
  height: 300,
};

async function workbookBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sample(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("排名");
  ws.addTable({
    name: "T",
    ref: "A1",
    columns: [{ name: "省份" }, { name: "数" }],
    rows: [
      ["浙江省", 2],
      ["广东省", 1],
      ["A&B", 0],
    ],
  });
}

const hasXmllint = which("xmllint") !== null;

describe("addChartsToXlsx", () => {
  it("adds chart, drawing, relationships and content types, keeping the sheet's other relationships", async () => {
    const zip = await JSZip.loadAsync(await addChartsToXlsx(await workbookBuffer(sample), [chart]));
    const text = (p: string) => zip.file(p)!.async("string");
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
    const rels = await text("xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels).toMatch(/Id="rId1" Type="[^"]*\/table" Target="..\/tables\/table1.xml"/);
    expect(rels).toMatch(/Id="rId2" Type="[^"]*\/drawing" Target="..\/drawings\/drawing1.xml"/);
    expect(await text("xl/drawings/_rels/drawing1.xml.rels")).toMatch(/Type="[^"]*\/chart" Target="..\/charts\/chart1.xml"/);
    const sheet = await text("xl/worksheets/sheet1.xml");
    // <drawing> goes where the schema puts it: after the page setup, before the table parts.
    expect(sheet).toMatch(/<pageSetup[^>]*\/><drawing r:id="rId2"\/><tableParts/);
    const types = await text("[Content_Types].xml");
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    // exceljs still reads the package.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("排名")!.getCell("A2").value).toBe("浙江省");
  });

  it("writes the chart's elements in schema order, escapes text and leaves unknown cached values out", () => {
    const xml = chartXml(chart);
    const order = [
      "<c:roundedCorners",
      "<c:chart>",
      "<c:title>",
      "<c:autoTitleDeleted",
      "<c:plotArea>",
      "<c:barChart>",
      "<c:barDir",
      "<c:grouping",
      "<c:varyColors",
      "<c:ser>",
      "<c:idx",
      "<c:order",
      "<c:tx>",
      "<c:spPr>",
      "<c:invertIfNegative",
      "<c:dLbls>",
      "<c:cat>",
      "<c:val>",
      "</c:ser>",
      "<c:gapWidth",
      "<c:axId",
      "<c:catAx>",
      "<c:valAx>",
      "</c:plotArea>",
      "<c:plotVisOnly",
      "<c:dispBlanksAs",
    ];
    let pos = 0;
    for (const tag of order) {
      const i = xml.indexOf(tag, pos);
      expect({ tag, found: i >= 0 }).toEqual({ tag, found: true });
      pos = i;
    }
    expect(xml).toContain("<a:t>前 3 名 &lt;地区&gt; &amp; &quot;省份&quot;</a:t>");
    expect(xml).toContain('<c:pt idx="2"><c:v>A&amp;B</c:v></c:pt>');
    expect(xml).toContain('<c:ptCount val="3"/><c:pt idx="0"><c:v>2</c:v></c:pt><c:pt idx="1"><c:v>1</c:v></c:pt></c:numCache>');
  });

  (hasXmllint ? it : it.skip)("writes well-formed XML parts (xmllint)", async () => {
    const dir = tempDir("chart-xml");
    const zip = await JSZip.loadAsync(await addChartsToXlsx(await workbookBuffer(sample), [chart]));
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "[Content_Types].xml",
    ]) {
      const file = join(dir, part.replace(/[/[\]]/g, "_"));
      writeFileSync(file, await zip.file(part)!.async("nodebuffer"));
      const r = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
      expect({ part, status: r.status, stderr: r.stderr }).toEqual({ part, status: 0, stderr: "" });
    }
  });

  it("refuses a sheet it cannot find, or one that already has a drawing, rather than damaging the file", async () => {
    const buffer = await workbookBuffer(sample);
    await expect(addChartsToXlsx(buffer, [{ ...chart, sheetName: "Other" }])).rejects.toThrow(/no sheet named Other/);
    const once = await addChartsToXlsx(buffer, [chart]);
    await expect(addChartsToXlsx(once, [chart])).rejects.toThrow(/already has a drawing/);
  });

  it("numbers new parts after existing ones and finds a sheet by name among several", async () => {
    const buffer = await workbookBuffer((wb) => {
      wb.addWorksheet("First");
      sample(wb);
    });
    const once = await addChartsToXlsx(buffer, [{ ...chart, sheetName: "First" }]);
    const zip = await JSZip.loadAsync(await addChartsToXlsx(once, [chart]));
    expect(await zip.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string")).toContain("../drawings/drawing2.xml");
    expect(await zip.file("xl/drawings/_rels/drawing2.xml.rels")!.async("string")).toContain("../charts/chart2.xml");
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toMatch(/<drawing r:id="rId1"\/>/);
  });
});

describe("control characters", () => {
  it("never reach the chart part: names and the title are written without them", () => {
    const xml = chartXml({ ...chart, title: "前 3 名\u0007", categoryCache: ["浙江\u0000省", "广东省", "A&B"] });
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain("<c:v>浙江省</c:v>");
  });
});
