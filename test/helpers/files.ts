/**
 * Helpers for the file tests: temp folders, CSV text, reading an .xlsx package's parts, and
 * LibreOffice (soffice) conversions with a fresh profile.
 */
import { execFileSync } from "child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { delimiter, join } from "path";
import JSZip from "jszip";

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** Rows of cells as CSV text (RFC 4180 quoting; null and undefined as empty fields). */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  const field = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

/** The text of one part of an .xlsx package (null when absent). */
export async function xlsxPart(path: string, part: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const f = zip.file(part);
  return f ? f.async("string") : null;
}

/** The path of a program on PATH, or null. */
export function which(program: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, program);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

/** The path of LibreOffice's soffice, or null when it is not installed. */
export function findSoffice(): string | null {
  return which("soffice") ?? which("libreoffice");
}

/**
 * LibreOffice's PDF of a workbook: its pages' sizes in points (A4 landscape is 842 × 595), one per
 * page object ("/Type /Page", not the "/Type /Pages" tree). Columns lay out as in Excel when
 * Carlito (Calibri's metrics) is installed, as .ci/run does.
 */
export function sofficePdfPages(soffice: string, xlsx: string): [number, number][] {
  const work = tempDir("lo-pdf");
  execFileSync(soffice, [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, xlsx], {
    stdio: "pipe",
    timeout: 120_000,
  });
  const pdf = readFileSync(
    join(
      work,
      readdirSync(work).find((f) => f.endsWith(".pdf"))!,
    ),
    "latin1",
  );
  const pages = (pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m): [number, number] => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  // One box per page, or one for the whole tree.
  return Array.from({ length: pages }, (_, k) => boxes[Math.min(k, boxes.length - 1)] ?? [0, 0]);
}

/**
 * Converts an .xlsx to one CSV per sheet with LibreOffice in a fresh profile; returns sheet name → rows.
 * `recalcOnLoad` sets LibreOffice's own "recalculate Excel 2007+ files on load: always"; by default
 * (a fresh profile) LibreOffice keeps the cached results it finds in the file.
 */
export function sofficeToCsv(soffice: string, xlsx: string, options: { recalcOnLoad?: boolean } = {}): Map<string, string> {
  const work = tempDir("lo");
  const profile = join(work, "profile");
  if (options.recalcOnLoad) {
    mkdirSync(join(profile, "user"), { recursive: true });
    writeFileSync(
      join(profile, "user", "registrymodifications.xcu"),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
    );
  }
  const out = join(work, "out");
  mkdirSync(out);
  // CSV filter options: comma, double quote, UTF-8, from line 1, …, raw values (not as shown), every sheet (-1).
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", out, xlsx], {
    stdio: "pipe",
    timeout: 120_000,
  });
  const sheets = new Map<string, string>();
  const stem = xlsx.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "");
  for (const f of readdirSync(out)) {
    const sheet = f.startsWith(`${stem}-`) ? f.slice(stem.length + 1).replace(/\.csv$/, "") : f;
    sheets.set(sheet, readFileSync(join(out, f), "utf8"));
  }
  return sheets;
}
