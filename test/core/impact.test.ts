import { compareRankings, RankMove, spearman } from "../../src/core/impact";

const rowsOf = (moves: readonly RankMove[]) => moves.map((m) => m.row);

describe("compareRankings: shape and degenerate input", () => {
  it("compares nothing for empty totals: no moves, NaN correlation and shift", () => {
    const i = compareRankings([], [], 3);
    expect(i).toMatchObject({ compared: 0, topN: 3, entering: [], leaving: [], movedUp: [], movedDown: [] });
    expect(i.spearman).toBeNaN();
    expect(i.meanAbsShift).toBeNaN();
  });

  it("gives NaN correlation for a single region (no spread to correlate) but a shift of 0", () => {
    const i = compareRankings([5], [7], 1);
    expect(i.compared).toBe(1);
    expect(i.spearman).toBeNaN();
    expect(i.meanAbsShift).toBe(0);
  });

  it("gives NaN correlation when every region ties under one of the tables", () => {
    expect(compareRankings([1, 1, 1], [1, 2, 3], 1).spearman).toBeNaN();
  });

  it("returns at most `limit` moves each way, largest first", () => {
    // Old 1..6 in order, new reversed: row 5 moves up 5, row 4 up 3, row 3 up 1; rows 0–2 down.
    const i = compareRankings([6, 5, 4, 3, 2, 1], [1, 2, 3, 4, 5, 6], 3, 2);
    expect(i.movedUp.map((m) => [m.row, m.up])).toEqual([
      [5, 5],
      [4, 3],
    ]);
    expect(i.movedDown.map((m) => [m.row, m.up])).toEqual([
      [0, -5],
      [1, -3],
    ]);
  });
});

describe("compareRankings: a hand-worked example with ties", () => {
  // Six regions A–F (rows 0–5), top 3.
  //
  //   row  old total  old rank   new total  new rank   up (old − new)
  //   A      90          1          85         2          −1
  //   B      80          2          70         5          −3
  //   C      80          2 (tie)    88         1          +1
  //   D      70          4          75         3          +1
  //   E      60          5          75         3 (tie)    +2
  //   F      50          6          40         6           0
  //
  // Competition ranking (RANK.EQ): ties share the best rank. Old top 3 = {A, B, C};
  // new top 3 = {C, A, D, E} (D and E tie at 3, both inside).
  // Entering: D (4 → 3), E (5 → 3), by new rank then row. Leaving: B (2 → 5).
  // Moved up, largest first (ties by new rank): E +2, C +1 (to 1), D +1 (to 3). Down: B −3, A −1.
  // Mean absolute shift: (1 + 3 + 1 + 1 + 2 + 0) / 6 = 8/6.
  //
  // Spearman: Pearson correlation of the average ranks (RANK.AVG):
  //   old x = [1, 2.5, 2.5, 4, 5, 6], new y = [2, 5, 1, 3.5, 3.5, 6], both with mean 3.5;
  //   x − 3.5 = [−2.5, −1, −1, 0.5, 1.5, 2.5], y − 3.5 = [−1.5, 1.5, −2.5, 0, 0, 2.5];
  //   Σ dx·dy = 3.75 − 1.5 + 2.5 + 0 + 0 + 6.25 = 11; Σ dx² = 17; Σ dy² = 17 → ρ = 11/17.
  const OLD = [90, 80, 80, 70, 60, 50];
  const NEW = [85, 70, 88, 75, 75, 40];
  const i = compareRankings(OLD, NEW, 3);

  it("compares all six regions", () => {
    expect([i.compared, i.topN]).toEqual([6, 3]);
  });

  it("finds D and E entering the top 3 and B leaving it", () => {
    expect(i.entering).toEqual([
      { row: 3, from: 4, to: 3, up: 1 },
      { row: 4, from: 5, to: 3, up: 2 },
    ]);
    expect(i.leaving).toEqual([{ row: 1, from: 2, to: 5, up: -3 }]);
  });

  it("lists the moves up (E, C, D) and down (B, A), largest first; F did not move", () => {
    expect(i.movedUp.map((m) => [m.row, m.from, m.to, m.up])).toEqual([
      [4, 5, 3, 2],
      [2, 2, 1, 1],
      [3, 4, 3, 1],
    ]);
    expect(i.movedDown.map((m) => [m.row, m.from, m.to, m.up])).toEqual([
      [1, 2, 5, -3],
      [0, 1, 2, -1],
    ]);
  });

  it("gives Spearman's ρ = 11/17 and a mean absolute shift of 8/6", () => {
    expect(i.spearman).toBeCloseTo(11 / 17, 14);
    expect(i.meanAbsShift).toBeCloseTo(8 / 6, 14);
  });

  it("leaves out rows whose total is NaN under either table, and ranks the rest as before", () => {
    // Insert a row with no old total at position 2 and one with no new total at the end.
    const old = [90, 80, NaN, 80, 70, 60, 50, 99];
    const neu = [85, 70, 1000, 88, 75, 75, 40, NaN];
    const j = compareRankings(old, neu, 3);
    const shift = (r: number) => (r >= 2 ? r + 1 : r); // rows of the example after the inserted row
    expect(j.compared).toBe(6);
    expect(rowsOf(j.entering)).toEqual(rowsOf(i.entering).map(shift));
    expect(rowsOf(j.leaving)).toEqual(rowsOf(i.leaving).map(shift));
    expect(j.movedUp.map((m) => [m.row, m.from, m.to])).toEqual(i.movedUp.map((m) => [shift(m.row), m.from, m.to]));
    expect(j.movedDown.map((m) => [m.row, m.from, m.to])).toEqual(i.movedDown.map((m) => [shift(m.row), m.from, m.to]));
    expect(j.spearman).toBeCloseTo(11 / 17, 14);
    expect(j.meanAbsShift).toBeCloseTo(8 / 6, 14);
  });

  it("takes typed arrays as well as plain arrays", () => {
    expect(compareRankings(Float64Array.from(OLD), Float64Array.from(NEW), 3)).toEqual(i);
  });
});

describe("compareRankings: identical and reversed rankings", () => {
  it("identical totals: Spearman 1, shift 0, nobody enters, leaves or moves", () => {
    const t = [78.61, 62.66, 62.03, 60.1, 55, 55, 40];
    const i = compareRankings(t, [...t], 3);
    expect(i.spearman).toBeCloseTo(1, 14);
    expect(i.meanAbsShift).toBe(0);
    expect([i.entering, i.leaving, i.movedUp, i.movedDown]).toEqual([[], [], [], []]);
  });

  it("totals scaled by a constant keep the ranking: still Spearman 1", () => {
    const t = [5, 4, 3, 2, 1];
    expect(
      compareRankings(
        t,
        t.map((x) => 2 * x + 10),
        2,
      ).spearman,
    ).toBeCloseTo(1, 14);
  });

  it("a reversed ranking: Spearman −1; of five regions the shifts are 4, 2, 0, 2, 4 (mean 12/5)", () => {
    const i = compareRankings([5, 4, 3, 2, 1], [1, 2, 3, 4, 5], 2);
    expect(i.spearman).toBeCloseTo(-1, 14);
    expect(i.meanAbsShift).toBeCloseTo(12 / 5, 14);
    expect(rowsOf(i.entering)).toEqual([4, 3]);
    expect(rowsOf(i.leaving)).toEqual([0, 1]);
  });
});

describe("spearman", () => {
  it("is the Pearson correlation over the rows marked for use only", () => {
    // Rows 0–3 used: ranks [1, 2, 3, 4] against [1, 3, 2, 4]: dx = [−1.5, −.5, .5, 1.5], dy = [−1.5, .5, −.5, 1.5];
    // Σ dx·dy = 2.25 − .25 − .25 + 2.25 = 4; Σ dx² = Σ dy² = 5 → 0.8. Row 4 (unused) would spoil it.
    expect(spearman([1, 2, 3, 4, 5], [1, 3, 2, 4, -100], [1, 1, 1, 1, 0])).toBeCloseTo(0.8, 14);
  });

  it("is NaN with fewer than two rows in use", () => {
    expect(spearman([1, 2], [2, 1], [1, 0])).toBeNaN();
  });
});
