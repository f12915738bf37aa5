/**
 * Formulas as an .xlsx file stores them. Plans write Excel's English syntax without the leading
 * "="; in the file, functions added after Excel 2007 ("future functions") carry the `_xlfn.`
 * prefix (dynamic-array FILTER and SORT: `_xlfn._xlws.`), exactly as Excel itself saves them.
 * Without it Excel shows #NAME? and LibreOffice does not recognise the function.
 * Functions of the 2007 file format (COUNTIFS, SUMPRODUCT, RANK …) take no prefix.
 */

/** Functions added in Excel 2010 and later, stored with `_xlfn.`. */
const FUTURE_FUNCTIONS = new Set(
  [
    // Excel 2010
    "AGGREGATE BETA.DIST BETA.INV BINOM.DIST BINOM.INV CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT",
    "CHISQ.TEST CONFIDENCE.NORM CONFIDENCE.T COVARIANCE.P COVARIANCE.S ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST F.DIST.RT",
    "F.INV F.INV.RT F.TEST FLOOR.PRECISE GAMMA.DIST GAMMA.INV GAMMALN.PRECISE HYPGEOM.DIST LOGNORM.DIST LOGNORM.INV",
    "MODE.MULT MODE.SNGL NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV PERCENTILE.EXC",
    "PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC POISSON.DIST QUARTILE.EXC QUARTILE.INC RANK.AVG RANK.EQ STDEV.P STDEV.S",
    "T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST VAR.P VAR.S WEIBULL.DIST WORKDAY.INTL",
    // Excel 2013
    "ACOT ACOTH ARABIC BASE BINOM.DIST.RANGE BITAND BITLSHIFT BITOR BITRSHIFT BITXOR CEILING.MATH COMBINA COT COTH CSC CSCH",
    "DAYS DECIMAL ENCODEURL FILTERXML FLOOR.MATH FORMULATEXT GAMMA GAUSS IFNA IMCOSH IMCOT IMCSC IMCSCH IMSEC IMSECH IMSINH",
    "IMTAN ISFORMULA ISOWEEKNUM MUNIT NUMBERVALUE PDURATION PERMUTATIONA PHI RRI SEC SECH SHEET SHEETS SKEW.P UNICHAR",
    "UNICODE WEBSERVICE XOR",
    // Excel 2016 and 2019
    "CONCAT FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR IFS MAXIFS MINIFS",
    "SWITCH TEXTJOIN",
    // Microsoft 365
    "XLOOKUP XMATCH LET LAMBDA FILTER SORT SORTBY UNIQUE SEQUENCE RANDARRAY ANCHORARRAY SINGLE TEXTBEFORE TEXTAFTER TEXTSPLIT",
    "VSTACK HSTACK TOROW TOCOL WRAPROWS WRAPCOLS TAKE DROP CHOOSEROWS CHOOSECOLS EXPAND ARRAYTOTEXT VALUETOTEXT BYROW BYCOL",
    "MAP REDUCE SCAN MAKEARRAY ISOMITTED STOCKHISTORY IMAGE GROUPBY PIVOTBY PERCENTOF",
  ]
    .join(" ")
    .split(" "),
);

/** Dynamic-array functions that Excel stores as `_xlfn._xlws.NAME`. */
const WORKSHEET_FUNCTIONS = new Set(["FILTER", "SORT"]);

const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;

/**
 * A plan formula (no leading "=") as the file stores it.
 *
 * @example
 * fileFormula("RANK.EQ(J2,$J$2:$J$101)") // → "_xlfn.RANK.EQ(J2,$J$2:$J$101)"
 * fileFormula('COUNTIFS($B$2:$B$9,"RANK.EQ(")') // → unchanged: text inside quotes is left alone
 */
export function fileFormula(formula: string, thisTable?: string): string {
  const f = thisRowReferences(formula.startsWith("=") ? formula.slice(1) : formula, thisTable);
  let out = "";
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      // A text literal or a quoted sheet name; a doubled quote stays inside it.
      let j = i + 1;
      while (j < f.length && !(f[j] === ch && f[j + 1] !== ch)) j += f[j] === ch ? 2 : 1;
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    NAME.lastIndex = i;
    const m = NAME.exec(f);
    if (m && !/[A-Za-z0-9_.$]/.test(f[i - 1] ?? "")) {
      const name = m[0];
      const upper = name.toUpperCase();
      const call = f[i + name.length] === "(";
      out += call && FUTURE_FUNCTIONS.has(upper) ? (WORKSHEET_FUNCTIONS.has(upper) ? "_xlfn._xlws." : "_xlfn.") + name : name;
      i += name.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * `[@[Column]]` (this row of the table the formula sits in) as a file stores it:
 * `Table[[#This Row],[Column]]`. Excel writes the short form only in its formula bar.
 *
 * @example
 * thisRowReferences("[@[w]]*2", "ZBDS_Weights") // → "ZBDS_Weights[[#This Row],[w]]*2"
 */
export function thisRowReferences(formula: string, table: string | undefined): string {
  if (!table || !formula.includes("[@")) return formula;
  return formula.replace(/\[@\[((?:[^\]']|'.)*)\]\]/g, (_, column: string) => `${table}[[#This Row],[${column}]]`);
}
