/**
 * The production manifest: manifest.xml (the development one, every URL on https://localhost:3000/)
 * with every URL on the hosting URL, the same Id and version, ProviderName from package.json's
 * author and the support and learn-more links from its homepage (or the hosted task pane when it
 * has none). As Microsoft's add-in templates do it: the repository keeps the development manifest,
 * the build writes the one to deploy (`ADDIN_URL=https://host/path/ npm run build` → dist/manifest.xml).
 */
const DEV_URL = "https://localhost:3000/";

/** The hosting URL, checked: https, with a host, ending in "/". Throws with a message in both languages. */
function checkAddinUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL 不是网址 / ADDIN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:")
    throw new Error(
      `ADDIN_URL 必须以 https:// 开头（Office 只加载 HTTPS 上的加载项）/ ADDIN_URL must start with https:// (Office loads add-ins over HTTPS only): ${raw}`,
    );
  if (url.hostname === "localhost")
    throw new Error(`ADDIN_URL 不能是 localhost：开发时直接使用 manifest.xml / ADDIN_URL cannot be localhost: use manifest.xml for development: ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL 不能带 ? 或 # / ADDIN_URL cannot have a query or a fragment: ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The author of package.json as a name ("Name <mail> (url)" or { name }). */
function authorName(author) {
  if (!author) return null;
  const name = typeof author === "string" ? author.replace(/\s*[<(].*$/, "") : author.name;
  return name && name.trim() ? name.trim() : null;
}

/**
 * @param {string} xml the development manifest
 * @param {{ addinUrl: string, packageJson: { author?: unknown, homepage?: string } }} options
 * @returns {string} the production manifest
 */
function productionManifest(xml, { addinUrl, packageJson }) {
  const base = checkAddinUrl(addinUrl);
  const provider = authorName(packageJson.author);
  if (!provider) throw new Error('package.json 缺少 "author"（写入 ProviderName）/ package.json has no "author" (it becomes ProviderName)');
  const support = packageJson.homepage ? checkHomepage(packageJson.homepage) : `${base}taskpane.html`;
  let out = xml.split(DEV_URL).join(base);
  out = out.replace(/<ProviderName>[^<]*<\/ProviderName>/, `<ProviderName>${escapeXml(provider)}</ProviderName>`);
  out = out.replace(/(<SupportUrl DefaultValue=")[^"]*(")/, `$1${escapeXml(support)}$2`);
  out = out.replace(/(<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue=")[^"]*(")/, `$1${escapeXml(support)}$2`);
  if (out.includes("localhost")) throw new Error("production manifest still names localhost");
  return out;
}

function checkHomepage(raw) {
  const url = new URL(raw);
  if (url.protocol !== "https:") throw new Error(`package.json 的 homepage 必须是 https 网址 / package.json's homepage must be an https URL: ${raw}`);
  return url.href;
}

module.exports = { productionManifest, checkAddinUrl, DEV_URL };
