/**
 * The hand-worked example of the check-weights tests: the report's weights against a goods-only
 * table, over five regions whose four other sub-indices all equal x, so the report's weights give
 * 0.4·goods + 0.6·x and the goods-only table gives goods:
 *
 *   region  goods  x    report total  rank   goods-only  rank   move
 *   甲区     10   100       64         1         10        5     −4
 *   乙区     50    50       50         3         50        3      0
 *   丙区     90     0       36         5         90        1     +4
 *   丁区     30    80       60         2         30        4     −2
 *   戊区     70    20       40         4         70        2     +2
 *
 * Top 2: 甲区 and 丁区 leave, 丙区 and 戊区 enter. The order is exactly reversed: Spearman −1.
 * Mean absolute shift (4 + 0 + 4 + 2 + 2) / 5 = 2.4.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { weightTableToCells } from "../../src/core/weights";
import { toCsv } from "./files";

/** The five regions with a header row, as regions.csv holds them. */
export const HAND_WORKED_REGIONS: (string | number)[][] = [
  ["省", "市", "区", "直播商品消费指数", "直播内容供给指数", "直播内容消费指数", "直播质量指数", "产业促进指数"],
  ...(
    [
      ["甲区", 10, 100],
      ["乙区", 50, 50],
      ["丙区", 90, 0],
      ["丁区", 30, 80],
      ["戊区", 70, 20],
    ] as [string, number, number][]
  ).map(([name, g, x]) => ["浙江省", "杭州市", name, g, x, x, x, x]),
];

/** Writes goods-only.csv (all the weight on goods) and regions.csv into a folder. */
export function writeHandWorkedExample(dir: string): void {
  const goodsOnly = weightTableToCells("zh");
  goodsOnly.slice(1).forEach((row, i) => (row[2] = i < 4 ? 1 : 0));
  writeFileSync(join(dir, "goods-only.csv"), toCsv(goodsOnly));
  writeFileSync(join(dir, "regions.csv"), toCsv(HAND_WORKED_REGIONS));
}
