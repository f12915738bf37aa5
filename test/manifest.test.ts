/**
 * Consistency checks for manifest.xml (the add-in only XML manifest).
 *
 * Uses only fs, path, child_process and a tiny XML reader below (the manifest is plain,
 * well-formed XML without DTDs or CDATA). When `xmllint` is on PATH, the manifest is also
 * validated against the offline copies of Microsoft's manifest schemas in
 * test/fixtures/manifest-xsd/ (CI installs libxml2-utils).
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";

/**
 * Files that the build writes to dist/ and the dev server serves at https://localhost:3000/.
 * webpack.config.js must emit every one of these (assets/ is copied as it is).
 * Every non-asset https://localhost:3000/<file> URL in manifest.xml must be in this list.
 */
const BUILD_OUTPUTS = ["taskpane.html", "functions.js", "functions.json", "functions.zh-CN.json", "help.html"];

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const XSD = path.join(ROOT, "test", "fixtures", "manifest-xsd", "OfficeAppManifestV1_1.xsd");
const DEV_ORIGIN = "https://localhost:3000/";
const NAMESPACE = "ZBDS";
const ZH = "zh-CN";

/**
 * Built-in Excel functions whose names contain a dot, grouped by the part before the first
 * dot (BETA.DIST, CHISQ.TEST, NORM.S.DIST, RANK.EQ, T.TEST, Z.TEST, …). A custom-function
 * namespace equal to one of these prefixes would read like a built-in function family.
 */
const BUILTIN_DOTTED_PREFIXES = [
  "BETA",
  "BINOM",
  "CEILING",
  "CHISQ",
  "CONFIDENCE",
  "COVARIANCE",
  "ECMA",
  "ERROR",
  "EXPON",
  "F",
  "FLOOR",
  "FORECAST",
  "GAMMA",
  "GAMMALN",
  "HYPGEOM",
  "ISO",
  "LOGNORM",
  "MODE",
  "NEGBINOM",
  "NETWORKDAYS",
  "NORM",
  "PERCENTILE",
  "PERCENTRANK",
  "POISSON",
  "QUARTILE",
  "RANK",
  "STDEV",
  "T",
  "VAR",
  "WEIBULL",
  "WORKDAY",
  "Z",
];
/** Some undotted built-in names that a short namespace could collide with or shadow. */
const BUILTIN_NAMES = [
  "ABS",
  "AND",
  "AVERAGE",
  "CHOOSE",
  "COUNT",
  "DATE",
  "DAYS",
  "FILTER",
  "IF",
  "INDEX",
  "LET",
  "LOOKUP",
  "MATCH",
  "MAX",
  "MIN",
  "N",
  "NA",
  "NOT",
  "OR",
  "RANK",
  "ROUND",
  "ROWS",
  "SORT",
  "SUM",
  "SUMIFS",
  "T",
  "TEXT",
  "TODAY",
  "TREND",
  "UNIQUE",
  "VALUE",
  "XLOOKUP",
  "ZTEST",
];

// ---------------------------------------------------------------- tiny XML reader

interface XmlElement {
  name: string; // qualified name as written, e.g. "bt:Image"
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/** Parses well-formed XML without DTD/CDATA into a tree; throws on mismatched tags. */
function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const attr = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml)) !== null) {
    if (m.index !== last) throw new Error(`XML: unexpected text at offset ${last}`);
    last = token.lastIndex;
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) {
      if (top.name !== m[1]) throw new Error(`XML: </${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2] !== undefined) {
      const el: XmlElement = { name: m[2], attrs: {}, children: [], text: "", parent: top };
      let a: RegExpExecArray | null;
      attr.lastIndex = 0;
      while ((a = attr.exec(m[3])) !== null) {
        if (a[1] in el.attrs) throw new Error(`XML: duplicate attribute ${a[1]} on <${m[2]}>`);
        el.attrs[a[1]] = decodeEntities(a[2] ?? a[3]);
      }
      top.children.push(el);
      if (m[4] !== "/") stack.push(el);
    } else if (m[5] !== undefined) {
      if (stack.length === 1 && m[5].trim() !== "") throw new Error("XML: text outside the root element");
      top.text += decodeEntities(m[5]);
    }
  }
  if (last !== xml.length) throw new Error(`XML: cannot read from offset ${last}`);
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1].name}> is not closed`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error("XML: expected exactly one root element");
  return elements[0];
}

const localName = (el: XmlElement): string => el.name.replace(/^.*:/, "");

function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function ancestors(el: XmlElement): string[] {
  const out: string[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(localName(p));
  return out;
}

/** Elements found by following a path of local names from `from` (each step: direct children). */
function select(from: XmlElement, ...names: string[]): XmlElement[] {
  let current = [from];
  for (const n of names) current = current.flatMap((e) => e.children.filter((c) => localName(c) === n));
  return current;
}

function only(list: XmlElement[], what: string): XmlElement {
  if (list.length !== 1) throw new Error(`expected exactly one ${what}, found ${list.length}`);
  return list[0];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (buf.subarray(0, 8).toString("hex") !== signature || buf.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---------------------------------------------------------------- the manifest

const xmlText = fs.readFileSync(MANIFEST, "utf8");
const app = parseXml(xmlText);
const all = descendants(app);
const versionOverrides = only(select(app, "VersionOverrides"), "VersionOverrides");
const resources = only(select(versionOverrides, "Resources"), "Resources");
const vHost = only(select(versionOverrides, "Hosts", "Host"), "VersionOverrides Host");

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const RESOURCE_KINDS: ResourceKind[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

/** Resource definitions: kind and element, keyed by id (a list, to catch duplicates). */
const definitions: { id: string; kind: ResourceKind; el: XmlElement }[] = RESOURCE_KINDS.flatMap((kind) =>
  select(resources, kind).flatMap((group) => group.children.map((el) => ({ id: el.attrs.id, kind, el }))),
);
const definitionOf = (id: string): XmlElement =>
  only(
    definitions.filter((d) => d.id === id).map((d) => d.el),
    `resource ${id}`,
  );

/** Every element outside Resources that refers to a resource. */
const references = all.filter((el) => "resid" in el.attrs && !ancestors(el).includes("Resources"));

/** Which kind of resource a reference must point to. */
function expectedKind(el: XmlElement): ResourceKind {
  const name = localName(el);
  const parent = el.parent ? localName(el.parent) : "";
  if (name === "Image" && parent === "Icon") return "Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(name)) return "Urls";
  if (name === "Description") return "LongStrings";
  if (["Label", "Title", "Namespace"].includes(name)) return "ShortStrings";
  throw new Error(`unexpected resid on <${el.name}>`);
}

/** Every URL written anywhere in the manifest (DefaultValue, Value and text of URL elements). */
function allUrls(): { url: string; where: string }[] {
  const out: { url: string; where: string }[] = [];
  for (const el of all) {
    for (const key of ["DefaultValue", "Value"]) {
      const v = el.attrs[key];
      if (v !== undefined && /^https?:\/\//i.test(v)) out.push({ url: v, where: `<${el.name}> ${key}` });
    }
    if (el.children.length === 0 && /^\s*https?:\/\//i.test(el.text)) out.push({ url: el.text.trim(), where: `<${el.name}>` });
  }
  return out;
}

/** "https://localhost:3000/assets/x.png#y" -> "assets/x.png", or null for another origin. */
function servedPath(url: string): string | null {
  if (!url.startsWith(DEV_ORIGIN)) return null;
  return decodeURIComponent(url.slice(DEV_ORIGIN.length).replace(/[?#].*$/, ""));
}

// ---------------------------------------------------------------- tests

describe("manifest.xml", () => {
  it("is a task-pane OfficeApp for Excel with the expected basics", () => {
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(only(select(app, "Version"), "Version").text.trim()).toBe("0.1.0.0");
    expect(only(select(app, "DefaultLocale"), "DefaultLocale").text.trim()).toBe("en-US");
    expect(select(app, "Hosts", "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(vHost.attrs["xsi:type"]).toBe("Workbook");
    expect(only(select(app, "Permissions"), "Permissions").text.trim()).toBe("ReadWriteDocument");
    const sets = select(app, "Requirements", "Sets", "Set").map((s) => `${s.attrs.Name} ${s.attrs.MinVersion}`);
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.3"]));
  });

  it("has a GUID Id", () => {
    const id = only(select(app, "Id"), "Id").text.trim();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(id).not.toMatch(/^0{8}-/); // not a placeholder
  });

  it("has Chinese (zh-CN) overrides for DisplayName and Description", () => {
    for (const name of ["DisplayName", "Description"]) {
      const el = only(select(app, name), name);
      const zh = select(el, "Override").filter((o) => o.attrs.Locale === ZH);
      expect({ name, count: zh.length }).toEqual({ name, count: 1 });
      expect(zh[0].attrs.Value).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(only(select(app, "DisplayName"), "DisplayName").attrs.DefaultValue).toBe("Live Commerce Index");
  });

  it("defines every referenced resid exactly once, with the right resource kind", () => {
    expect(references.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const ref of references) {
      const id = ref.attrs.resid;
      const defs = definitions.filter((d) => d.id === id);
      if (defs.length !== 1) problems.push(`${id} (used on <${ref.name}>) is defined ${defs.length} times`);
      else if (defs[0].kind !== expectedKind(ref)) problems.push(`${id} on <${ref.name}> should be in ${expectedKind(ref)}, is in ${defs[0].kind}`);
      if (id.length > 32) problems.push(`${id} is longer than 32 characters`);
    }
    expect(problems).toEqual([]);
  });

  it("defines no resource twice and none that is never used", () => {
    const ids = definitions.map((d) => d.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const used = new Set(references.map((r) => r.attrs.resid));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  it("has exactly one zh-CN override for every ShortString and LongString", () => {
    const strings = definitions.filter((d) => d.kind === "ShortStrings" || d.kind === "LongStrings");
    expect(strings.length).toBeGreaterThan(0);
    const missing = strings.filter((d) => select(d.el, "Override").filter((o) => o.attrs.Locale === ZH && o.attrs.Value).length !== 1).map((d) => d.id);
    expect(missing).toEqual([]);
    const tooLong = strings
      .flatMap((d) => [d.el.attrs.DefaultValue, ...select(d.el, "Override").map((o) => o.attrs.Value)].map((v) => ({ d, v })))
      .filter(({ d, v }) => [...v].length > (d.kind === "ShortStrings" ? 125 : 250))
      .map(({ d }) => d.id);
    expect(tooLong).toEqual([]);
  });

  it("points every image URL at a PNG in assets/ of the size it claims", () => {
    const images: { url: string; size?: number; where: string }[] = [
      ...definitions
        .filter((d) => d.kind === "Images")
        .flatMap((d) => {
          const sizes = new Set(references.filter((r) => r.attrs.resid === d.id).map((r) => Number(r.attrs.size)));
          const size = sizes.size === 1 ? [...sizes][0] : undefined;
          return [d.el.attrs.DefaultValue, ...select(d.el, "Override").map((o) => o.attrs.Value)].map((url) => ({ url, size, where: d.id }));
        }),
      { url: only(select(app, "IconUrl"), "IconUrl").attrs.DefaultValue, size: 32, where: "IconUrl" },
      { url: only(select(app, "HighResolutionIconUrl"), "HighResolutionIconUrl").attrs.DefaultValue, size: 64, where: "HighResolutionIconUrl" },
    ];
    const problems: string[] = [];
    for (const { url, size, where } of images) {
      const p = servedPath(url);
      if (p === null || !p.startsWith("assets/")) {
        problems.push(`${where}: ${url} is not under ${DEV_ORIGIN}assets/`);
        continue;
      }
      const file = path.join(ROOT, ...p.split("/"));
      if (!fs.existsSync(file)) {
        problems.push(`${where}: ${p} does not exist`);
        continue;
      }
      const { width, height } = pngSize(file);
      if (size !== undefined && (width !== size || height !== size)) problems.push(`${where}: ${p} is ${width}x${height}, expected ${size}x${size}`);
    }
    expect(problems).toEqual([]);
  });

  it("serves every other localhost URL from a file the build emits", () => {
    const problems: string[] = [];
    for (const { url, where } of allUrls()) {
      const p = servedPath(url);
      if (p === null) {
        if (/^https?:\/\/localhost\b/i.test(url)) problems.push(`${where}: ${url} is not on ${DEV_ORIGIN}`);
        continue;
      }
      if (p.startsWith("assets/")) {
        if (!fs.existsSync(path.join(ROOT, ...p.split("/")))) problems.push(`${where}: ${p} does not exist`);
      } else if (!BUILD_OUTPUTS.includes(p)) {
        problems.push(`${where}: ${p} is not in BUILD_OUTPUTS`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("uses one shared runtime: Runtime, functions Page, FunctionFile and ShowTaskpane share the task pane resid", () => {
    const hostChildren = vHost.children.map(localName);
    expect(hostChildren[0]).toBe("Runtimes"); // <Runtimes> directly after <Host>
    const runtime = only(select(vHost, "Runtimes", "Runtime"), "Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const resid = runtime.attrs.resid;

    const cf = only(
      select(vHost, "AllFormFactors", "ExtensionPoint").filter((e) => e.attrs["xsi:type"] === "CustomFunctions"),
      "CustomFunctions extension point",
    );
    expect(only(select(cf, "Page", "SourceLocation"), "Page SourceLocation").attrs.resid).toBe(resid);
    expect(only(select(cf, "Script", "SourceLocation"), "Script SourceLocation").attrs.resid).not.toBe(resid);

    const desktop = only(select(vHost, "DesktopFormFactor"), "DesktopFormFactor");
    expect(only(select(desktop, "FunctionFile"), "FunctionFile").attrs.resid).toBe(resid);
    const actions = descendants(desktop).filter((e) => localName(e) === "Action" && e.attrs["xsi:type"] === "ShowTaskpane");
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(only(select(action, "SourceLocation"), "ShowTaskpane SourceLocation").attrs.resid).toBe(resid);
      expect(only(select(action, "TaskpaneId"), "TaskpaneId").text.trim()).toBe("ButtonId1");
    }

    // The runtime page is the task pane page, the same one DefaultSettings opens.
    const runtimeUrl = definitionOf(resid).attrs.DefaultValue;
    expect(servedPath(runtimeUrl)).toBe("taskpane.html");
    expect(only(select(app, "DefaultSettings", "SourceLocation"), "DefaultSettings SourceLocation").attrs.DefaultValue).toBe(runtimeUrl);

    const scriptUrl = definitionOf(only(select(cf, "Script", "SourceLocation"), "Script").attrs.resid).attrs.DefaultValue;
    expect(servedPath(scriptUrl)).toBe("functions.js");
    const metadata = definitionOf(only(select(cf, "Metadata", "SourceLocation"), "Metadata").attrs.resid);
    expect(servedPath(metadata.attrs.DefaultValue)).toBe("functions.json");
  });

  it(`uses the custom-function namespace ${NAMESPACE}, which is not a built-in function prefix`, () => {
    const cf = only(select(vHost, "AllFormFactors", "ExtensionPoint"), "CustomFunctions extension point");
    const ns = definitionOf(only(select(cf, "Namespace"), "Namespace").attrs.resid);
    const values = [ns.attrs.DefaultValue, ...select(ns, "Override").map((o) => o.attrs.Value)];
    for (const v of values) {
      expect(v).toBe(NAMESPACE);
      expect(v).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
      const upper = v.toUpperCase();
      expect(BUILTIN_DOTTED_PREFIXES).not.toContain(upper);
      expect(BUILTIN_NAMES).not.toContain(upper);
      expect(BUILTIN_DOTTED_PREFIXES.filter((p) => upper.startsWith(`${p}.`))).toEqual([]);
    }
  });

  describe("schema validation", () => {
    const hasXmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" }).status === 0;
    if (!hasXmllint) {
      console.warn("manifest.test.ts: xmllint is not on PATH, so the XSD validation is skipped (apt-get install -y libxml2-utils; CI installs it).");
    }
    const itIfXmllint = hasXmllint ? it : it.skip;

    itIfXmllint("validates against the offline add-in manifest schemas in test/fixtures/manifest-xsd", () => {
      const r = spawnSync("xmllint", ["--noout", "--schema", XSD, MANIFEST], { encoding: "utf8" });
      expect({ status: r.status, output: `${r.stdout}${r.stderr}`.trim() }).toEqual({ status: 0, output: `${MANIFEST} validates` });
    });
  });
});
