/**
 * Local live-commerce policies as data for the 直播产业政策 indicator: who issued each (read from
 * the issuer as the report's appendix prints it) and which regions it covers. A policy of a
 * province (省商务厅, 省政府办公厅; for a municipality 市商务委, 市政府办公厅 …) covers every region of
 * the province; one of a city (杭州市, 石家庄) every region of the city; one of a district
 * (杭州-余杭区, 武侯区) or of a county-level city (义乌市, 石狮市) that region.
 *
 * A name ending in 市 is either a prefecture city or a county-level city; the appendix does not
 * say which, so "X市" covers the regions whose city is X市 and the region named X市.
 */
import { UserError } from "./errors";
import { normaliseName } from "./text";

export type PolicyLevel = "province" | "city" | "district";

export interface PolicyIssuer {
  readonly level: PolicyLevel;
  readonly province: string;
  /** The city (杭州市), when the issuer names one. */
  readonly city: string | null;
  /** The district or county-level city, when the issuer names one. */
  readonly district: string | null;
}

/** Suffixes of a place that is a city or a county-level unit: a name without one (石家庄) is a city named short. */
const PLACE_SUFFIX = /(市|区|县|旗|自治州|地区|盟)$/;

/**
 * Reads an issuer as the appendix prints it, within its province.
 *
 * @example
 * parseIssuer("浙江省", "杭州-余杭区") // → { level: "district", province: "浙江省", city: "杭州市", district: "余杭区" }
 * parseIssuer("上海市", "市商务委")    // → { level: "province", province: "上海市", city: null, district: null }
 * parseIssuer("河北省", "石家庄")      // → { level: "city", province: "河北省", city: "石家庄市", district: null }
 */
export function parseIssuer(province: string, issuer: string): PolicyIssuer {
  const p = province.trim();
  const s = issuer.normalize("NFKC").trim();
  const at = { province: p, city: null, district: null };
  // An office of the province (省商务厅), or of a municipality, which is its own province (市商务委).
  if (/^省/.test(s) || (/^市/.test(s) && isMunicipality(p))) return { ...at, level: "province" };
  const dash = /^(.+?)[-－—–](.+)$/.exec(s);
  if (dash) return { ...at, level: "district", city: asCity(dash[1]), district: dash[2].trim() };
  if (/(区|县|旗)$/.test(s)) return { ...at, level: "district", district: s };
  if (/市$/.test(s)) return { ...at, level: "city", city: s };
  return { ...at, level: "city", city: asCity(s) };
}

/** The four municipalities, each a province of its own. */
export function isMunicipality(province: string): boolean {
  return ["北京市", "上海市", "天津市", "重庆市"].includes(province.trim());
}

export interface PolicyMatch {
  /** Index of the policy in the list. */
  readonly index: number;
  readonly level: PolicyLevel;
}

/**
 * The policies that cover a region (province, city, district as the region's table names them),
 * most specific first: the district's own, its city's, its province's; in list order within a level.
 *
 * @example
 * coveringPolicies(issuers, "浙江省", "杭州市", "余杭区")[0] // → { index: 2, level: "district" } (杭州-余杭区)
 */
export function coveringPolicies(issuers: readonly PolicyIssuer[], province: string, city: string, district: string): PolicyMatch[] {
  const same = (a: string | null, b: string) => a !== null && b !== "" && normaliseName(a) === normaliseName(b);
  const p = province.trim();
  const c = city === "-" ? "" : city.trim();
  const d = district.trim();
  const out: PolicyMatch[] = [];
  for (const level of ["district", "city", "province"] as const) {
    issuers.forEach((x, index) => {
      if (x.level !== level || !same(x.province, p)) return;
      if (level === "province") out.push({ index, level });
      // A district's policy names the district (and its city, when the issuer does).
      else if (level === "district" && same(x.district, d) && (x.city === null || c === "" || same(x.city, c))) out.push({ index, level });
      // "X市": the regions of city X, or the county-level city X itself.
      else if (level === "city" && (same(x.city, c) || same(x.city, d))) out.push({ index, level: same(x.city, d) ? "district" : "city" });
    });
  }
  const rank = { district: 0, city: 1, province: 2 };
  return out.sort((a, b) => rank[a.level] - rank[b.level] || a.index - b.index);
}

function asCity(name: string): string {
  const n = name.trim();
  return PLACE_SUFFIX.test(n) ? n : `${n}市`;
}

/** A policy table as rows (province, issuer, date, title, goal), header first: the report's appendix or a user's own list. */
export interface PolicyTable {
  readonly issuers: readonly PolicyIssuer[];
  /** The issuer as printed, per policy. */
  readonly printed: readonly string[];
}

/**
 * Reads a policy table: a header row, then rows whose first two cells are the province and the
 * issuer (the other columns are kept for people, not read). Blank rows are skipped; a row without a
 * province or an issuer is POLICY_ROW_INCOMPLETE, naming its row.
 */
export function readPolicyTable(cells: readonly (readonly unknown[])[]): PolicyTable {
  const issuers: PolicyIssuer[] = [];
  const printed: string[] = [];
  cells.slice(1).forEach((row, k) => {
    const [p, i] = [row[0], row[1]].map((c) => (typeof c === "string" ? c.trim() : c === null || c === undefined || c === 0 ? "" : String(c)));
    if (p === "" && i === "") return;
    if (p === "" || i === "") throw new UserError("POLICY_ROW_INCOMPLETE", { row: k + 2 });
    issuers.push(parseIssuer(p, i));
    printed.push(i);
  });
  return { issuers, printed };
}
