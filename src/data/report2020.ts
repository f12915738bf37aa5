/**
 * Facts transcribed from the March 2021 report 《直播电商区域发展指数研究报告》
 * (中国市场学会, 阿里研究院, 淘宝直播; data: Taobao Live, full year 2020).
 *
 * - REPORT_WEIGHTS_2020: the weight table exactly as printed (percent points). The ids, the
 *   English names and the direction are this project's, not the report's.
 * - REPORT_TOP100_2020: the table 直播电商区域发展指数百强地区, exactly as printed, in the
 *   printed column order (supply, viewing, goods, quality, industry, total). `null` stands for
 *   the printed "-" (municipalities have "-" as city; sub-index "-" means none).
 *
 * Row 87 prints 涿水县 (保定市); no county of that name exists and 涞水县 is the likely intended
 * name. The sample keeps the name as published (see PUBLISHED_NAME_NOTES).
 */

export interface ReportWeightRow {
  readonly dimensionId: string;
  readonly dimensionZh: string;
  readonly dimensionEn: string;
  /** First-level weight as printed, in percent points. */
  readonly dimensionWeight: number;
  readonly indicatorId: string;
  readonly indicatorZh: string;
  readonly indicatorEn: string;
  /** Second-level weight as printed, in percent points. */
  readonly indicatorWeight: number;
  /** +1: more is better; -1: less is better. */
  readonly direction: 1 | -1;
}

export const REPORT_WEIGHTS_2020: readonly ReportWeightRow[] = [
  { dimensionId: "goods", dimensionZh: "直播商品消费指数", dimensionEn: "Live-stream goods consumption", dimensionWeight: 40, indicatorId: "streamer_gmv", indicatorZh: "该区县主播直播引导成交额指数", indicatorEn: "GMV driven by streamers based in the district", indicatorWeight: 25, direction: 1 },
  { dimensionId: "goods", dimensionZh: "直播商品消费指数", dimensionEn: "Live-stream goods consumption", dimensionWeight: 40, indicatorId: "streamer_gmv_growth", indicatorZh: "该区县主播直播引导成交额增长率指数", indicatorEn: "Growth rate of streamer-driven GMV", indicatorWeight: 25, direction: 1 },
  { dimensionId: "goods", dimensionZh: "直播商品消费指数", dimensionEn: "Live-stream goods consumption", dimensionWeight: 40, indicatorId: "merchant_gmv", indicatorZh: "该区县商家直播引导成交额指数", indicatorEn: "GMV driven by merchants' own live streams", indicatorWeight: 25, direction: 1 },
  { dimensionId: "goods", dimensionZh: "直播商品消费指数", dimensionEn: "Live-stream goods consumption", dimensionWeight: 40, indicatorId: "merchant_live_share", indicatorZh: "该区县商家直播成交占比指数", indicatorEn: "Share of merchants' sales made through live streams", indicatorWeight: 25, direction: 1 },
  { dimensionId: "supply", dimensionZh: "直播内容供给指数", dimensionEn: "Live-stream content supply", dimensionWeight: 25, indicatorId: "streamer_sessions", indicatorZh: "该区县主播直播场次指数", indicatorEn: "Number of live sessions by streamers", indicatorWeight: 16, direction: 1 },
  { dimensionId: "supply", dimensionZh: "直播内容供给指数", dimensionEn: "Live-stream content supply", dimensionWeight: 25, indicatorId: "streamer_hours", indicatorZh: "该区县主播直播总持续时长指数", indicatorEn: "Total duration of streamers' live sessions", indicatorWeight: 16, direction: 1 },
  { dimensionId: "supply", dimensionZh: "直播内容供给指数", dimensionEn: "Live-stream content supply", dimensionWeight: 25, indicatorId: "streamer_entities", indicatorZh: "该区县直播主体(达人+机构)数量指数", indicatorEn: "Number of streaming entities (influencers + agencies)", indicatorWeight: 16, direction: 1 },
  { dimensionId: "supply", dimensionZh: "直播内容供给指数", dimensionEn: "Live-stream content supply", dimensionWeight: 25, indicatorId: "live_merchants", indicatorZh: "该区县直播商家数量指数", indicatorEn: "Number of merchants that live-stream", indicatorWeight: 16, direction: 1 },
  { dimensionId: "supply", dimensionZh: "直播内容供给指数", dimensionEn: "Live-stream content supply", dimensionWeight: 25, indicatorId: "streamer_sessions_growth", indicatorZh: "该区县主播直播场次增长率指数", indicatorEn: "Growth rate of streamers' live sessions", indicatorWeight: 16, direction: 1 },
  { dimensionId: "supply", dimensionZh: "直播内容供给指数", dimensionEn: "Live-stream content supply", dimensionWeight: 25, indicatorId: "merchant_penetration", indicatorZh: "该区县直播商家渗透率指数", indicatorEn: "Share of merchants that live-stream (penetration)", indicatorWeight: 16, direction: 1 },
  { dimensionId: "viewing", dimensionZh: "直播内容消费指数", dimensionEn: "Live-stream content consumption", dimensionWeight: 15, indicatorId: "views", indicatorZh: "该区县直播观看次数指数", indicatorEn: "Number of live-stream views", indicatorWeight: 33, direction: 1 },
  { dimensionId: "viewing", dimensionZh: "直播内容消费指数", dimensionEn: "Live-stream content consumption", dimensionWeight: 15, indicatorId: "watch_time", indicatorZh: "该区县直播观看总时长指数", indicatorEn: "Total watch time", indicatorWeight: 33, direction: 1 },
  { dimensionId: "viewing", dimensionZh: "直播内容消费指数", dimensionEn: "Live-stream content consumption", dimensionWeight: 15, indicatorId: "interactions", indicatorZh: "该区县直播互动次数指数", indicatorEn: "Number of interactions", indicatorWeight: 33, direction: 1 },
  { dimensionId: "quality", dimensionZh: "直播质量指数", dimensionEn: "Live-stream quality", dimensionWeight: 15, indicatorId: "return_rate", indicatorZh: "该区县直播退货率指数", indicatorEn: "Return rate of live-stream orders (lower is better)", indicatorWeight: 25, direction: -1 },
  { dimensionId: "quality", dimensionZh: "直播质量指数", dimensionEn: "Live-stream quality", dimensionWeight: 15, indicatorId: "dispute_rate", indicatorZh: "该区县直播纠纷率指数", indicatorEn: "Dispute rate of live-stream orders (lower is better)", indicatorWeight: 25, direction: -1 },
  { dimensionId: "quality", dimensionZh: "直播质量指数", dimensionEn: "Live-stream quality", dimensionWeight: 15, indicatorId: "price_tier", indicatorZh: "该区县直播平均商品价格档次指数", indicatorEn: "Average price tier of goods sold in live streams", indicatorWeight: 25, direction: 1 },
  { dimensionId: "quality", dimensionZh: "直播质量指数", dimensionEn: "Live-stream quality", dimensionWeight: 15, indicatorId: "rating", indicatorZh: "该区县直播成交评分指数", indicatorEn: "Rating of live-stream transactions", indicatorWeight: 25, direction: 1 },
  { dimensionId: "industry", dimensionZh: "产业促进指数", dimensionEn: "Industry promotion", dimensionWeight: 5, indicatorId: "policy", indicatorZh: "该区县直播产业政策指数", indicatorEn: "Live-streaming industry policy in force for the district", indicatorWeight: 50, direction: 1 },
  { dimensionId: "industry", dimensionZh: "产业促进指数", dimensionEn: "Industry promotion", dimensionWeight: 5, indicatorId: "bases", indicatorZh: "该区县直播基地指数", indicatorEn: "Live-streaming bases in the district", indicatorWeight: 50, direction: 1 },
];

export interface ReportTop100Row {
  readonly rank: number;
  readonly province: string;
  readonly city: string | null;
  readonly district: string;
  readonly supply: number | null;
  readonly viewing: number | null;
  readonly goods: number | null;
  readonly quality: number | null;
  readonly industry: number | null;
  readonly total: number;
}

/** Column headers of the Top-100 table, as printed, in printed order. */
export const REPORT_TOP100_HEADERS = ["排名", "省", "市", "区", "直播内容供给指数", "直播内容消费指数", "直播商品消费指数", "直播质量指数", "产业促进指数", "总指数"] as const;

export const REPORT_TOP100_2020: readonly ReportTop100Row[] = [
  { rank: 1, province: "浙江省", city: "杭州市", district: "滨江区", supply: 25.59, viewing: 100.0, goods: 100.0, quality: 81.4, industry: 100.0, total: 78.61 },
  { rank: 2, province: "广东省", city: "广州市", district: "白云区", supply: 100.0, viewing: 42.69, goods: 41.57, quality: 64.23, industry: 100.0, total: 62.66 },
  { rank: 3, province: "浙江省", city: "杭州市", district: "江干区", supply: 59.29, viewing: 44.15, goods: 65.09, quality: 63.67, industry: 100.0, total: 62.03 },
  { rank: 4, province: "上海市", city: null, district: "浦东新区", supply: 31.88, viewing: 51.83, goods: 52.55, quality: 92.63, industry: 100.0, total: 55.66 },
  { rank: 5, province: "浙江省", city: "杭州市", district: "余杭区", supply: 51.71, viewing: 35.91, goods: 52.33, quality: 65.32, industry: 100.0, total: 54.04 },
  { rank: 6, province: "浙江省", city: "杭州市", district: "萧山区", supply: 38.44, viewing: 24.93, goods: 59.49, quality: 58.09, industry: 100.0, total: 50.86 },
  { rank: 7, province: "江苏省", city: "连云港市", district: "东海县", supply: 70.2, viewing: 13.55, goods: 30.48, quality: 65.26, industry: 50.1, total: 44.07 },
  { rank: 8, province: "浙江省", city: "金华市", district: "义乌市", supply: 66.56, viewing: 11.11, goods: 13.43, quality: 75.95, industry: 100.0, total: 40.07 },
  { rank: 9, province: "广东省", city: "广州市", district: "天河区", supply: 43.59, viewing: 20.73, goods: 27.47, quality: 60.18, industry: 100.0, total: 39.02 },
  { rank: 10, province: "北京市", city: null, district: "朝阳区", supply: 42.22, viewing: 8.35, goods: 22.24, quality: 81.51, industry: 100.0, total: 37.93 },
  { rank: 11, province: "云南省", city: "德宏傣族景颇族自治州", district: "瑞丽市", supply: 36.35, viewing: 15.34, goods: 44.62, quality: 33.86, industry: 50.1, total: 36.82 },
  { rank: 12, province: "江苏省", city: "苏州市", district: "常熟市", supply: 29.29, viewing: 14.5, goods: 31.15, quality: 66.91, industry: 50.1, total: 34.5 },
  { rank: 13, province: "广东省", city: "广州市", district: "番禺区", supply: 35.35, viewing: 7.87, goods: 18.39, quality: 69.61, industry: 100.0, total: 32.82 },
  { rank: 14, province: "广东省", city: "广州市", district: "荔湾区", supply: 27.94, viewing: 6.65, goods: 18.77, quality: 73.03, industry: 100.0, total: 31.44 },
  { rank: 15, province: "广东省", city: "肇庆市", district: "四会市", supply: 22.06, viewing: 9.61, goods: 35.2, quality: 52.35, industry: 50.1, total: 31.4 },
  { rank: 16, province: "浙江省", city: "嘉兴市", district: "海宁市", supply: 15.11, viewing: 6.33, goods: 33.76, quality: 69.42, industry: 50.1, total: 31.15 },
  { rank: 17, province: "广东省", city: "佛山市", district: "顺德区", supply: 37.79, viewing: 2.7, goods: 23.53, quality: 61.07, industry: 50.1, total: 30.93 },
  { rank: 18, province: "上海市", city: null, district: "奉贤区", supply: 21.28, viewing: 6.18, goods: 18.24, quality: 82.05, industry: 100.0, total: 30.85 },
  { rank: 19, province: "北京市", city: null, district: "海淀区", supply: 20.58, viewing: 3.6, goods: 24.2, quality: 67.47, industry: 100.0, total: 30.49 },
  { rank: 20, province: "广东省", city: "汕尾市", district: "海丰县", supply: 33.46, viewing: 5.39, goods: 19.57, quality: 72.96, industry: 50.1, total: 30.45 },
  { rank: 21, province: "上海市", city: null, district: "闵行区", supply: 24.64, viewing: 3.54, goods: 18.47, quality: 75.66, industry: 100.0, total: 30.43 },
  { rank: 22, province: "广东省", city: "佛山市", district: "南海区", supply: 35.22, viewing: 8.35, goods: 22.97, quality: 56.53, industry: 50.1, total: 30.23 },
  { rank: 23, province: "黑龙江省", city: "牡丹江市", district: "西安区", supply: 4.67, viewing: 0.09, goods: 20.25, quality: 100.0, industry: 100.0, total: 29.28 },
  { rank: 24, province: "广东省", city: "广州市", district: "海珠区", supply: 22.45, viewing: 10.99, goods: 17.12, quality: 67.7, industry: 100.0, total: 29.26 },
  { rank: 25, province: "上海市", city: null, district: "青浦区", supply: 13.78, viewing: 2.24, goods: 15.01, quality: 91.15, industry: 100.0, total: 28.46 },
  { rank: 26, province: "河南省", city: "南阳市", district: "镇平县", supply: 34.28, viewing: 4.61, goods: 20.23, quality: 55.95, industry: 50.1, total: 28.25 },
  { rank: 27, province: "广东省", city: "深圳市", district: "南山区", supply: 13.7, viewing: 4.84, goods: 20.31, quality: 71.65, industry: 100.0, total: 28.02 },
  { rank: 28, province: "上海市", city: null, district: "金山区", supply: 21.37, viewing: 4.58, goods: 17.82, quality: 65.71, industry: 100.0, total: 28.02 },
  { rank: 29, province: "上海市", city: null, district: "嘉定区", supply: 21.3, viewing: 3.68, goods: 15.04, quality: 70.33, industry: 100.0, total: 27.44 },
  { rank: 30, province: "广东省", city: "深圳市", district: "龙岗区", supply: 26.7, viewing: 3.48, goods: 11.04, quality: 71.62, industry: 100.0, total: 27.36 },
  { rank: 31, province: "浙江省", city: "杭州市", district: "西湖区", supply: 22.84, viewing: 4.35, goods: 10.81, quality: 76.39, industry: 100.0, total: 27.14 },
  { rank: 32, province: "广东省", city: "深圳市", district: "宝安区", supply: 25.9, viewing: 3.4, goods: 12.92, quality: 66.13, industry: 100.0, total: 27.07 },
  { rank: 33, province: "北京市", city: null, district: "怀柔区", supply: 6.34, viewing: 0.42, goods: 16.82, quality: 90.75, industry: 100.0, total: 26.99 },
  { rank: 34, province: "浙江省", city: "杭州市", district: "下城区", supply: 11.07, viewing: 3.44, goods: 21.28, quality: 67.88, industry: 100.0, total: 26.98 },
  { rank: 35, province: "上海市", city: null, district: "松江区", supply: 20.2, viewing: 4.5, goods: 14.51, quality: 68.55, industry: 100.0, total: 26.81 },
  { rank: 36, province: "上海市", city: null, district: "宝山区", supply: 18.79, viewing: 5.05, goods: 12.96, quality: 73.37, industry: 100.0, total: 26.64 },
  { rank: 37, province: "四川省", city: "绵阳市", district: "游仙区", supply: 2.79, viewing: 0.21, goods: 20.03, quality: 85.6, industry: 100.0, total: 26.58 },
  { rank: 38, province: "浙江省", city: "金华市", district: "永康市", supply: 18.11, viewing: 1.08, goods: 11.67, quality: 77.39, industry: 100.0, total: 25.97 },
  { rank: 39, province: "山东省", city: "青岛市", district: "市北区", supply: 10.2, viewing: 0.88, goods: 11.85, quality: 88.3, industry: 100.0, total: 25.67 },
  { rank: 40, province: "广东省", city: "广州市", district: "越秀区", supply: 20.58, viewing: 5.67, goods: 15.43, quality: 55.76, industry: 100.0, total: 25.53 },
  { rank: 41, province: "江西省", city: "景德镇市", district: "珠山区", supply: 14.88, viewing: 0.84, goods: 12.82, quality: 92.7, industry: 50.1, total: 25.38 },
  { rank: 42, province: "北京市", city: null, district: "东城区", supply: 9.3, viewing: 3.06, goods: 16.43, quality: 70.92, industry: 100.0, total: 24.99 },
  { rank: 43, province: "上海市", city: null, district: "静安区", supply: 13.61, viewing: 1.43, goods: 13.48, quality: 72.23, industry: 100.0, total: 24.85 },
  { rank: 44, province: "北京市", city: null, district: "昌平区", supply: 12.54, viewing: 0.88, goods: 9.62, quality: 84.77, industry: 100.0, total: 24.83 },
  { rank: 45, province: "山东省", city: "青岛市", district: "即墨区", supply: 12.95, viewing: 1.12, goods: 11.69, quality: 77.08, industry: 100.0, total: 24.64 },
  { rank: 46, province: "上海市", city: null, district: "长宁区", supply: 8.18, viewing: 1.12, goods: 12.96, quality: 77.06, industry: 100.0, total: 23.95 },
  { rank: 47, province: "福建省", city: "泉州市", district: "石狮市", supply: 22.59, viewing: 1.76, goods: 7.03, quality: 68.21, industry: 100.0, total: 23.95 },
  { rank: 48, province: "浙江省", city: "金华市", district: "武义县", supply: 7.82, viewing: 0.19, goods: 10.91, quality: 84.0, industry: 100.0, total: 23.95 },
  { rank: 49, province: "福建省", city: "泉州市", district: "德化县", supply: 19.45, viewing: 1.18, goods: 4.73, quality: 79.65, industry: 100.0, total: 23.88 },
  { rank: 50, province: "浙江省", city: "金华市", district: "婺城区", supply: 11.64, viewing: 0.69, goods: 10.24, quality: 78.47, industry: 100.0, total: 23.88 },
  { rank: 51, province: "辽宁省", city: "沈阳市", district: "大东区", supply: 6.8, viewing: 0.65, goods: 10.71, quality: 85.12, industry: 100.0, total: 23.85 },
  { rank: 52, province: "上海市", city: null, district: "虹口区", supply: 6.39, viewing: 1.03, goods: 12.01, quality: 81.87, industry: 100.0, total: 23.84 },
  { rank: 53, province: "江苏省", city: "苏州市", district: "虎丘区", supply: 10.73, viewing: 3.01, goods: 20.39, quality: 66.13, industry: 50.1, total: 23.71 },
  { rank: 54, province: "北京市", city: null, district: "大兴区", supply: 12.84, viewing: 1.01, goods: 8.18, quality: 80.47, industry: 100.0, total: 23.7 },
  { rank: 55, province: "北京市", city: null, district: "通州区", supply: 16.75, viewing: 2.21, goods: 7.04, quality: 75.8, industry: 100.0, total: 23.7 },
  { rank: 56, province: "福建省", city: "泉州市", district: "晋江市", supply: 20.87, viewing: 1.91, goods: 8.19, quality: 65.07, industry: 100.0, total: 23.54 },
  { rank: 57, province: "上海市", city: null, district: "黄浦区", supply: 12.65, viewing: 0.6, goods: 9.19, quality: 76.7, industry: 100.0, total: 23.43 },
  { rank: 58, province: "辽宁省", city: "沈阳市", district: "沈河区", supply: 8.29, viewing: 1.08, goods: 12.04, quality: 75.28, industry: 100.0, total: 23.34 },
  { rank: 59, province: "江苏省", city: "无锡市", district: "宜兴市", supply: 23.7, viewing: 2.9, goods: 10.64, quality: 84.68, industry: null, total: 23.32 },
  { rank: 60, province: "湖北省", city: "十堰市", district: "竹山县", supply: 14.36, viewing: 0.55, goods: 15.35, quality: 72.67, industry: 50.1, total: 23.22 },
  { rank: 61, province: "北京市", city: null, district: "丰台区", supply: 16.59, viewing: 1.56, goods: 6.56, quality: 74.58, industry: 100.0, total: 23.19 },
  { rank: 62, province: "浙江省", city: "绍兴市", district: "诸暨市", supply: 18.32, viewing: 4.75, goods: 14.01, quality: 65.22, industry: 50.1, total: 23.18 },
  { rank: 63, province: "辽宁省", city: "阜新市", district: "阜新蒙古族自治县", supply: 5.72, viewing: 0.23, goods: 18.53, quality: 78.68, industry: 49.9, total: 23.17 },
  { rank: 64, province: "浙江省", city: "金华市", district: "浦江县", supply: 11.81, viewing: 0.29, goods: 9.66, quality: 75.21, industry: 100.0, total: 23.14 },
  { rank: 65, province: "广东省", city: "广州市", district: "花都区", supply: 25.06, viewing: 4.86, goods: 8.01, quality: 52.92, industry: 100.0, total: 23.14 },
  { rank: 66, province: "广东省", city: "广州市", district: "黄埔区", supply: 10.78, viewing: 1.11, goods: 9.74, quality: 75.49, industry: 100.0, total: 23.08 },
  { rank: 67, province: "广东省", city: "广州市", district: "南沙区", supply: 12.5, viewing: 1.68, goods: 11.06, quality: 68.25, industry: 100.0, total: 23.04 },
  { rank: 68, province: "四川省", city: "成都市", district: "青羊区", supply: 9.98, viewing: 0.49, goods: 9.59, quality: 77.42, industry: 100.0, total: 23.02 },
  { rank: 69, province: "广东省", city: "深圳市", district: "罗湖区", supply: 12.37, viewing: 1.33, goods: 10.35, quality: 70.43, industry: 100.0, total: 23.0 },
  { rank: 70, province: "山东省", city: "青岛市", district: "崂山区", supply: 6.84, viewing: 0.8, goods: 23.65, quality: 43.89, industry: 100.0, total: 22.87 },
  { rank: 71, province: "浙江省", city: "金华市", district: "金东区", supply: 11.03, viewing: 0.75, goods: 9.35, quality: 74.9, industry: 100.0, total: 22.84 },
  { rank: 72, province: "江西省", city: "景德镇市", district: "昌江区", supply: 11.92, viewing: 0.41, goods: 10.2, quality: 87.97, industry: 50.1, total: 22.82 },
  { rank: 73, province: "辽宁省", city: "沈阳市", district: "铁西区", supply: 8.67, viewing: 0.37, goods: 6.24, quality: 86.87, industry: 100.0, total: 22.75 },
  { rank: 74, province: "山东省", city: "青岛市", district: "城阳区", supply: 11.71, viewing: 1.81, goods: 8.45, quality: 74.33, industry: 100.0, total: 22.73 },
  { rank: 75, province: "山东省", city: "青岛市", district: "李沧区", supply: 7.76, viewing: 0.35, goods: 9.87, quality: 78.18, industry: 100.0, total: 22.67 },
  { rank: 76, province: "四川省", city: "成都市", district: "武侯区", supply: 15.43, viewing: 2.37, goods: 3.57, quality: 80.13, industry: 100.0, total: 22.66 },
  { rank: 77, province: "浙江省", city: "杭州市", district: "富阳区", supply: 5.93, viewing: 0.78, goods: 13.69, quality: 70.01, industry: 100.0, total: 22.58 },
  { rank: 78, province: "上海市", city: null, district: "杨浦区", supply: 8.96, viewing: 1.17, goods: 8.88, quality: 76.98, industry: 100.0, total: 22.52 },
  { rank: 79, province: "北京市", city: null, district: "顺义区", supply: 9.85, viewing: 0.71, goods: 5.29, quality: 84.84, industry: 100.0, total: 22.41 },
  { rank: 80, province: "四川省", city: "凉山彝族自治州", district: "西昌市", supply: 6.16, viewing: 0.87, goods: 15.38, quality: 80.32, industry: 49.9, total: 22.37 },
  { rank: 81, province: "北京市", city: null, district: "密云区", supply: 5.09, viewing: 0.36, goods: 5.11, quality: 93.19, industry: 100.0, total: 22.35 },
  { rank: 82, province: "江苏省", city: "南京市", district: "江宁区", supply: 10.92, viewing: 1.43, goods: 8.5, quality: 89.61, industry: 50.1, total: 22.29 },
  { rank: 83, province: "浙江省", city: "台州市", district: "玉环市", supply: 4.09, viewing: 0.12, goods: 13.7, quality: 88.26, industry: 50.1, total: 22.26 },
  { rank: 84, province: "浙江省", city: "嘉兴市", district: "桐乡市", supply: 14.2, viewing: 1.97, goods: 15.01, quality: 65.86, industry: 50.1, total: 22.23 },
  { rank: 85, province: "浙江省", city: "金华市", district: "东阳市", supply: 11.67, viewing: 0.88, goods: 6.04, quality: 77.94, industry: 100.0, total: 22.16 },
  { rank: 86, province: "四川省", city: "成都市", district: "双流区", supply: 8.73, viewing: 0.93, goods: 9.18, quality: 74.15, industry: 100.0, total: 22.11 },
  { rank: 87, province: "河北省", city: "保定市", district: "涿水县", supply: 21.37, viewing: 1.91, goods: 12.7, quality: 59.25, industry: 50.1, total: 22.1 },
  { rank: 88, province: "浙江省", city: "宁波市", district: "北仑区", supply: 8.54, viewing: 0.42, goods: 11.94, quality: 84.0, industry: 50.1, total: 22.08 },
  { rank: 89, province: "浙江省", city: "杭州市", district: "建德市", supply: 11.43, viewing: 0.77, goods: 9.49, quality: 68.32, industry: 100.0, total: 22.01 },
  { rank: 90, province: "江苏省", city: "宿迁市", district: "沭阳县", supply: 45.69, viewing: 5.99, goods: 3.04, quality: 55.52, industry: null, total: 21.86 },
  { rank: 91, province: "辽宁省", city: "鞍山市", district: "岫岩满族自治县", supply: 9.04, viewing: 1.02, goods: 12.48, quality: 79.66, industry: 49.9, total: 21.85 },
  { rank: 92, province: "河北省", city: "邢台市", district: "清河县", supply: 37.47, viewing: 2.88, goods: 7.05, quality: 61.39, industry: null, total: 21.83 },
  { rank: 93, province: "云南省", city: "昆明市", district: "盘龙区", supply: 9.07, viewing: 1.13, goods: 16.2, quality: 85.6, industry: null, total: 21.76 },
  { rank: 94, province: "重庆市", city: null, district: "江津区", supply: 4.41, viewing: 0.07, goods: 9.73, quality: 78.24, industry: 100.0, total: 21.74 },
  { rank: 95, province: "北京市", city: null, district: "西城区", supply: 7.23, viewing: 0.8, goods: 10.08, quality: 71.6, industry: 100.0, total: 21.7 },
  { rank: 96, province: "浙江省", city: "杭州市", district: "上城区", supply: 14.19, viewing: 4.4, goods: 10.99, quality: 53.75, industry: 100.0, total: 21.66 },
  { rank: 97, province: "广东省", city: "汕头市", district: "潮南区", supply: 16.48, viewing: 1.42, goods: 11.13, quality: 69.02, industry: 50.1, total: 21.64 },
  { rank: 98, province: "北京市", city: null, district: "石景山区", supply: 4.91, viewing: 0.33, goods: 12.3, quality: 69.34, industry: 100.0, total: 21.6 },
  { rank: 99, province: "四川省", city: "成都市", district: "成华区", supply: 9.64, viewing: 4.91, goods: 9.81, quality: 63.49, industry: 100.0, total: 21.6 },
  { rank: 100, province: "河北省", city: "保定市", district: "高碑店市", supply: 17.68, viewing: 3.2, goods: 6.96, quality: 76.02, industry: 50.1, total: 21.59 },
];

/** Names printed in the report that are probably misprints; shown wherever names are shown. */
export const PUBLISHED_NAME_NOTES: Readonly<Record<string, { zh: string; en: string }>> = {
  涿水县: {
    zh: "报告原文如此；保定市并无涿水县，疑为涞水县。",
    en: "As printed in the report; Baoding has no county of this name, 涞水县 (Laishui) is the likely intended one.",
  },
};
