/**
 * Builds a localised custom-functions metadata file from functions.json and a table of
 * translations: { FUNCTIONID: { description, result?, parameters: { name: description } } }.
 * Function ids and names stay as they are, so formulas are the same in every language.
 * Throws when a function or parameter has no translation, so a new function cannot ship
 * with English-only help.
 */
function localiseMetadata(metadata, table) {
  const missing = [];
  const functions = metadata.functions.map((f) => {
    const t = table[f.id];
    if (!t) {
      missing.push(f.id);
      return f;
    }
    const parameters = (f.parameters || []).map((p) => {
      const d = t.parameters && t.parameters[p.name];
      if (!d) missing.push(`${f.id}(${p.name})`);
      return { ...p, description: d || p.description };
    });
    return { ...f, description: t.description, parameters };
  });
  if (missing.length) throw new Error(`metadata-zh.json lacks Chinese text for: ${missing.join(", ")}`);
  return { ...metadata, functions };
}

module.exports = { localiseMetadata };
