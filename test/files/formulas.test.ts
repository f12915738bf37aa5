import { fileFormula } from "../../src/files/formulas";

describe("fileFormula", () => {
  it("prefixes functions added after Excel 2007 with _xlfn., as Excel stores them", () => {
    expect(fileFormula("RANK.EQ(J2,$J$2:$J$101)")).toBe("_xlfn.RANK.EQ(J2,$J$2:$J$101)");
    expect(fileFormula("rank.avg(J2,$J$2:$J$101)")).toBe("_xlfn.rank.avg(J2,$J$2:$J$101)");
    expect(fileFormula("IFERROR(RANK.EQ(A1,B:B),STDEV.P(C1:C9))")).toBe("IFERROR(_xlfn.RANK.EQ(A1,B:B),_xlfn.STDEV.P(C1:C9))");
    expect(fileFormula('CONCAT(A1,TEXTJOIN(",",TRUE,B1:B3))')).toBe('_xlfn.CONCAT(A1,_xlfn.TEXTJOIN(",",TRUE,B1:B3))');
    expect(fileFormula("SORT(FILTER(A1:A9,B1:B9>0))")).toBe("_xlfn._xlws.SORT(_xlfn._xlws.FILTER(A1:A9,B1:B9>0))");
  });

  it("leaves the 2007 file format's functions alone: COUNTIFS, SUMPRODUCT, RANK, IFERROR", () => {
    for (const f of ["SUMPRODUCT(E2:I2,$M$34:$Q$34)", 'COUNTIFS($B$2:$B$101,"浙江省",$A$2:$A$101,"<=100")', "RANK(A1,A1:A9)", "IFERROR(A1,0)", "A1+B1"]) {
      expect(fileFormula(f)).toBe(f);
    }
  });

  it("does not touch text literals, quoted sheet names, references or names without a call", () => {
    expect(fileFormula('IF(A1="RANK.EQ(",1,0)')).toBe('IF(A1="RANK.EQ(",1,0)');
    expect(fileFormula('"say ""RANK.EQ(""" & A1')).toBe('"say ""RANK.EQ(""" & A1');
    expect(fileFormula("'RANK.EQ(x'!A1+SUM('a''b'!B2)")).toBe("'RANK.EQ(x'!A1+SUM('a''b'!B2)");
    expect(fileFormula("DAYS")).toBe("DAYS");
    expect(fileFormula("MYRANK.EQ(A1)")).toBe("MYRANK.EQ(A1)");
  });

  it("is idempotent and drops a leading =", () => {
    expect(fileFormula("_xlfn.RANK.EQ(J2,$J$2:$J$9)")).toBe("_xlfn.RANK.EQ(J2,$J$2:$J$9)");
    expect(fileFormula(fileFormula("MAXIFS(A:A,B:B,1)"))).toBe("_xlfn.MAXIFS(A:A,B:B,1)");
    expect(fileFormula("=RANK.EQ(A1,A:A)")).toBe("_xlfn.RANK.EQ(A1,A:A)");
  });
});
