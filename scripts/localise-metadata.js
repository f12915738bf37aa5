/**
 * Builds a localised custom-functions metadata file from functions.json and a table of
 * translations: { FUNCTIONID: { name, description, parameters: { name: description } } }.
 * The id stays (a workbook keeps working in every language: Excel stores the id), the name is the
 * one a Chinese Excel shows and accepts (learn.microsoft.com: "Localize custom functions").
 * Throws when a function or parameter has no translation, or a name breaks Excel's rules (a
 * letter first, then letters, digits, "_" or "."; at least 3 characters; unique; not the id), so
 * a new function cannot ship with English-only help.
 */
function localiseMetadata(metadata, table) {
  const missing = [];
  const seen = new Set();
  const functions = metadata.functions.map((f) => {
    const t = table[f.id];
    if (!t) {
      missing.push(f.id);
      return f;
    }
    const name = t.name || "";
    if (!/^\p{L}[\p{L}\p{N}_.]{2,}$/u.test(name) || name.toUpperCase() === f.id.toUpperCase() || seen.has(name.toUpperCase())) {
      missing.push(`${f.id} (a valid, unique name)`);
    }
    seen.add(name.toUpperCase());
    const parameters = (f.parameters || []).map((p) => {
      const d = t.parameters && t.parameters[p.name];
      if (!d) missing.push(`${f.id}(${p.name})`);
      return { ...p, description: d || p.description };
    });
    return { ...f, name, description: t.description, parameters };
  });
  if (missing.length) throw new Error(`metadata-zh.json lacks Chinese text for: ${missing.join(", ")}`);
  return { ...metadata, functions };
}

module.exports = { localiseMetadata };
