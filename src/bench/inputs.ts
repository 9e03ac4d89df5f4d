// Deterministic (seeded) benchmark inputs: engine snapshots, expense item texts and .xlsx files shaped like the real templates.
import type { CellValue, MergeRange, SheetSnapshot, WorkbookSnapshot } from '../engine/types';

/**
 * The cell values as a reader hands them over. Built by concatenation, the generated texts are V8 cons strings (trees
 * of pieces), which neither reader ever produces: Office.js delivers range values through JSON, and the CLI's
 * ExcelJS reader slices them out of the parsed XML. Both give flat strings, so the engine is measured on those.
 */
function asDelivered(rows: CellValue[][]): CellValue[][] {
  return JSON.parse(JSON.stringify(rows)) as CellValue[][];
}

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** Excel 1900-system serial of a calendar date. */
export function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}

const DISTRICT = ['叶集区', '平岗街道', '三元镇', '孙岗乡', '洪集镇', '姚李镇'];
const BUREAUS = [
  '数据资源管理局', '教育体育局', '卫生健康委员会', '公安分局', '民政局', '财政局', '住房和城乡建设局', '农业农村局',
  '市场监督管理局', '城市管理局', '应急管理局', '生态环境分局', '交通运输局', '人力资源和社会保障局', '自然资源局',
  '水利局', '文化旅游体育局', '商务局', '统计局', '审计局', '退役军人事务局', '医疗保障局', '人民医院', '政务服务中心',
];
const SYSTEMS = [
  '政务云平台扩容', '数据共享交换平台', '智慧校园管理平台', '电子病历系统', '视频监控补点', '社会救助信息系统',
  '智慧工地监管平台', '数字农业监测平台', '食品安全追溯平台', '城市运行管理服务平台', '应急指挥调度平台',
  '生态环境监测网络', '智慧交通信号系统', '就业创业服务系统', '不动产登记信息平台', '智慧水务监测平台',
  '文旅一码通平台', '电子商务公共服务平台', '统计数据采集系统', '审计大数据分析平台', '政务服务一网通办平台',
  '医保智能审核系统', '网格化社会治理平台', '档案数字化管理系统',
];
const ACTIONS = ['建设项目', '升级改造项目', '二期工程', '运维项目', '扩容项目', '建设'];
// Items the expense-scope table excludes or makes conditional, planted in some project names.
const EXCLUDED_WORDS = ['办公耗材采购', '会议室装修', '差旅费', '宣传推广', '办公家具购置', '公务用车'];
const CONDITIONAL_WORDS = ['服务器采购', '台式电脑购置', '数据库软件授权', '网络设备更新', '笔记本电脑采购'];
const PHRASES = [
  '依据全区政务信息化发展规划', '整合各部门业务数据', '实现数据共享和业务协同', '提升政务服务效能', '部署于区政务云',
  '建设统一身份认证和电子证照接口', '完善网络安全等级保护', '配套建设运维保障体系', '接入市级数据共享交换平台',
  '满足新增业务系统上云需求', '实现部件事件智能发现与自动派遣', '建设监测预警和辅助决策功能', '按照集约化原则建设',
];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '娜', '强', '敏', '磊', '芳', '军', '燕', '杰', '静', '涛', '丽', '明', '婷', '超', '雪', '华', '平', '峰', '宇'];
const MAIL_HOSTS = ['yejiqu.gov.cn', '163.com', '126.com', 'qq.com', 'yjedu.cn'];

function person(r: Rand): string {
  return pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.4 ? pick(r, GIVEN) : '');
}

/** Header block of 附件1: title, two header rows with merges (as ExcelJS/Office report them). */
const DECL_SINGLE: [number, string][] = [
  [0, '序号'], [1, '建设单位'], [2, '项目名称'], [3, '项目简要说明及建设依据'], [4, '建设\n年度'], [5, '项目\n投资\n（万元）'],
  [10, '负责人'], [11, '联系人'], [12, '联系\n电话'], [13, '电子\n邮箱'], [14, '备注'],
];
export const DECL_COLS = 15;
export const DECL_FIRST_DATA = 4; // 0-based row of the first data row (Excel row 5)

function declarationHeader(): { rows: CellValue[][]; merges: MergeRange[] } {
  const rows: CellValue[][] = [['附件1'], ['六安市叶集区政务信息化项目申报表'], new Array(DECL_COLS).fill(null), new Array(DECL_COLS).fill(null)];
  const merges: MergeRange[] = [{ top: 1, left: 0, bottom: 1, right: DECL_COLS - 1 }];
  for (const [c, text] of DECL_SINGLE) {
    rows[2]![c] = text;
    merges.push({ top: 2, left: c, bottom: 3, right: c });
  }
  rows[2]![6] = '资金筹措';
  merges.push({ top: 2, left: 6, bottom: 2, right: 9 });
  rows[3]![6] = '财政\n资金\n（万元）';
  rows[3]![7] = '银行\n贷款\n（万元）';
  rows[3]![8] = '自筹\n（万元）';
  rows[3]![9] = '其他\n（万元）';
  return { rows, merges };
}

/**
 * One declaration row (15 columns of 附件1). About a third carry a planted problem: funding sum ≠ investment,
 * unreadable 建设年度, amount typed in 元, long description, bad phone or e-mail, missing 负责人, an excluded or
 * conditional item in the name, or a duplicate name.
 */
function declarationRow(r: Rand, i: number, names: string[]): CellValue[] {
  const unit = pick(r, DISTRICT) + pick(r, BUREAUS);
  let name = `${pick(r, DISTRICT)}${pick(r, SYSTEMS)}${pick(r, ACTIONS)}（${2027 + (i % 3)}-${i}）`;
  const roll = r();
  if (roll < 0.03) name = `${2027}年度${pick(r, EXCLUDED_WORDS)}（${i}）`;
  else if (roll < 0.08) name = `${pick(r, SYSTEMS)}${pick(r, CONDITIONAL_WORDS)}（${i}）`;
  else if (roll < 0.09 && names.length > 0) name = pick(r, names);
  if (names.length < 512) names.push(name);
  let description = '';
  const n = int(r, 2, 5);
  for (let k = 0; k < n; k++) description += (k ? '，' : '') + pick(r, PHRASES);
  description += '。';
  if (r() < 0.02) while (description.length <= 210) description += pick(r, PHRASES) + '，';
  const y = 2027 + (i % 2);
  const m1 = int(r, 1, 6);
  let period: CellValue = `${y}年${m1}月至${y + int(r, 0, 1)}年${int(r, m1, 12)}月`;
  if (r() < 0.02) period = '明年上半年';
  let investment = int(r, 10, 3000);
  const fiscal = Math.round(investment * (0.5 + r() * 0.5));
  const self = investment - fiscal;
  if (r() < 0.04) investment += int(r, 1, 50); // funding no longer adds up
  const inYuan = r() < 0.02;
  const money = (v: number | null): CellValue => (v === null ? null : inYuan ? v * 10000 : v);
  const owner = r() < 0.02 ? null : person(r);
  let phone = r() < 0.5 ? `0564-66${int(r, 10000, 99999)}` : `139${int(r, 10000000, 99999999)}`;
  if (r() < 0.03) phone = `0564-${int(r, 100, 999)}`;
  let email = `u${i}@${pick(r, MAIL_HOSTS)}`;
  if (r() < 0.03) email = `u${i}#${pick(r, MAIL_HOSTS)}`;
  return [i + 1, unit, name, description, period, money(investment), money(fiscal), money(0), money(self || null), null, owner, person(r), phone, email, r() < 0.05 ? '续建' : null];
}

/** A 附件1 declaration sheet with `rows` data rows and a 合计 row. */
export function declarationSnapshot(rows: number, seed = 1): WorkbookSnapshot {
  const r = rng(seed);
  const head = declarationHeader();
  const grid = head.rows;
  const formats: (string | null)[][] = grid.map(() => []);
  const amountFormats: (string | null)[] = new Array(DECL_COLS).fill(null);
  for (let c = 5; c <= 9; c++) amountFormats[c] = '#,##0.00';
  const names: string[] = [];
  for (let i = 0; i < rows; i++) {
    grid.push(declarationRow(r, i, names));
    formats.push(amountFormats);
  }
  const total: CellValue[] = new Array(DECL_COLS).fill(null);
  total[0] = '合计';
  grid.push(total);
  formats.push(amountFormats);
  return { name: 'bench-declaration.xlsx', sheets: [{ name: '申报表', rows: asDelivered(grid), formats, merges: head.merges }] };
}

export const LEDGER_HEADERS = [
  '序号', '建设单位', '项目名称', '项目类别', '概算总投资（万元）', '调整金额（万元）', '调整后总投资（万元）', '采购日期',
  '调整日期', '开工日期', '建成日期', '验收日期', '投入运行日期', '绩效自评价日期', '标准发布日期', '运维费用（万元/年）',
];
const DATE_COLS = [7, 8, 9, 10, 11, 12, 13, 14];
const AS_OF_SERIAL = serial(2026, 6, 1);

/**
 * A 莱州 progress ledger (台账): one project per row with every date the deadline rules read, so each row gets its
 * applicable deadlines (annual performance report while under construction; acceptance, self-evaluation, standard
 * publication and free maintenance once built). Mostly in order: about one row in five has a problem (a duty
 * overdue or late, an adjustment over 15 % or after procurement, an O&M fee over 10 %, a date typed as text).
 */
export function progressSnapshot(rows: number, seed = 2): WorkbookSnapshot {
  const r = rng(seed);
  const grid: CellValue[][] = [['莱州市政务信息化项目建设台账'], ['填报单位：莱州市大数据中心　　　金额单位：万元'], LEDGER_HEADERS.slice()];
  const formats: (string | null)[][] = [[], [], []];
  const fmt: (string | null)[] = LEDGER_HEADERS.map((_, c) => (DATE_COLS.includes(c) ? 'yyyy-mm-dd' : (c >= 4 && c <= 6) || c === 15 ? '#,##0.00' : null));
  const ontime = (due: number, p: number): number | null => {
    // Done in time with probability p, else late or not yet (overdue when due has passed).
    const x = r();
    if (x < p) return due - int(r, 5, 60);
    if (x < p + 0.04) return due + int(r, 5, 90);
    return null;
  };
  const cap = (d: number | null): number | null => (d !== null && d <= AS_OF_SERIAL ? d : null);
  for (let i = 0; i < rows; i++) {
    const budget = int(r, 50, 2000);
    const adjRoll = r();
    const adj = adjRoll < 0.1 ? Math.round(budget * (adjRoll < 0.015 ? 0.2 : 0.05 + r() * 0.09)) : null;
    const procured = AS_OF_SERIAL - int(r, 200, 1500);
    const adjusted = adj === null ? null : procured - int(r, 10, 120) + (r() < 0.1 ? 150 : 0);
    const started = procured + int(r, 10, 60);
    const building = r() < 0.3;
    const built = building ? null : cap(started + int(r, 90, 400));
    const accepted = built === null ? null : cap(ontime(built + 182, 0.9));
    const operating = accepted === null ? null : cap(accepted + int(r, 0, 20));
    const selfEval = operating === null ? null : cap(ontime(Math.max(operating, built!) + 365, 0.85));
    const standard = accepted !== null && budget >= 500 ? cap(ontime(accepted + 365, 0.85)) : null;
    const row: CellValue[] = [
      i + 1,
      '莱州市' + pick(r, BUREAUS),
      `莱州市${pick(r, SYSTEMS)}${pick(r, ACTIONS)}（${i}）`,
      r() < 0.5 ? '政务治理类' : '公共服务类',
      budget,
      adj,
      adj === null || r() < 0.8 ? budget : budget + adj,
      procured,
      adjusted,
      started,
      built,
      accepted,
      operating,
      selfEval,
      standard,
      Math.round(budget * (r() < 0.05 ? 0.12 : 0.02 + r() * 0.07) * 100) / 100,
    ];
    // Some dates typed as text, the way clerks do.
    if (built !== null && r() < 0.05) {
      const d = new Date((built - 25569) * 86_400_000);
      row[10] = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    }
    grid.push(row);
    formats.push(fmt);
  }
  const last = LEDGER_HEADERS.length - 1;
  return { name: 'bench-ledger.xlsx', sheets: [{ name: '项目台账', rows: asDelivered(grid), formats, merges: [{ top: 0, left: 0, bottom: 0, right: last }, { top: 1, left: 0, bottom: 1, right: last }] }] };
}

const ITEM_BASES = [
  '高清摄像头', '租用政务云服务', '等保测评', '工程监理费', '服务器', '台式电脑', '数据库软件授权', '办公耗材', '差旅费',
  '会议室升级改造', '公众号推广宣传', '咖啡机', '温湿度传感器', '核心交换机', '防火墙', '存储设备', 'UPS电源', '机柜',
  '软件开发费', '系统集成费', '数据迁移服务', '密码测评', '项目咨询费', '可研编制费', '培训费', '运维服务费', '笔记本电脑',
  '打印机', '办公桌椅', '空调', 'LED显示屏', '视频会议终端', '网络安全态势感知平台', '正版化操作系统', '中间件', '光纤链路租赁',
];
const ITEM_PREFIX = ['', '', '采购', '购置', '新增', '租赁', '定制', '国产化'];
const ITEM_SUFFIX = ['', '', '（含安装调试）', '及配套', '服务', '（三年）', '一批', '扩容'];

/** Item texts of expense ledgers; every text distinct (a model number), so the classifier's cache never helps. */
export function expenseItems(n: number, seed = 3): string[] {
  const r = rng(seed);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = `${pick(r, ITEM_PREFIX)}${pick(r, ITEM_BASES)}${pick(r, ITEM_SUFFIX)} 型号${String.fromCharCode(65 + (i % 26))}${i}`;
  }
  return out;
}

/** Number of data rows (those after the header) in a generated sheet, for rows-per-second figures. */
export function dataRowCount(sheet: SheetSnapshot, firstData: number): number {
  return Math.max(0, sheet.rows.length - firstData);
}
