// Expense classification against the Wulong 附件 table: clerk wording, specific-beats-general pairs, unknowns, overlays, properties, speed.
import fc from 'fast-check';
import { classifyExpense, SCOPE_TABLE, type ExpenseClass } from '../../../src/engine/expense';
import { ExpenseClassifier, classifyScope, classifyScopeCell, normaliseExpenseText } from '../../../src/engine/expense/classify';
import { normalizeText } from '../../../src/engine/values/text';
import type { ProfileId } from '../../../src/engine/types';

// Generous on purpose: a busy 2-core machine runs this several times slower (speed is measured by `npm run bench`).
jest.setTimeout(120_000);

const classOf = (id: string): ExpenseClass => {
  const e = SCOPE_TABLE.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e.class;
};

// [ledger text, entry id] — the class follows from the entry, and is asserted too.
const LEDGER: [string, string][] = [
  // project names: a system for collecting or processing data is a business system, not the data work itself
  ['档案数字化管理系统', 'business-system'],
  ['智慧医保数据采集系统', 'business-system'],
  ['大数据中心数据治理项目', 'data-processing'],
  ['档案数字化加工', 'data-processing'],
  // cameras and sensing
  ['海康威视监控摄像机采购', 'camera'],
  ['高清球机 20台', 'camera'],
  ['室外枪机及支架', 'camera'],
  ['监控探头安装', 'camera'],
  ['视频监控点位建设', 'camera'],
  ['执法记录仪', 'camera'],
  ['水质在线监测传感器', 'sensor'],
  ['烟感探头', 'sensor'],
  ['遥感设备采购', 'remote-sensing'],
  ['机载激光雷达', 'remote-sensing'],
  ['RFID读写器', 'rfid'],
  ['资产电子标签', 'rfid'],
  ['专用数据采集终端', 'data-terminal'],
  ['手持终端（PDA）', 'data-terminal'],
  ['移动执法终端 10 台', 'data-terminal'],
  ['物联网感知设备', 'other-sensing'],
  ['无人机一架', 'other-sensing'],
  ['雨量计及水位计', 'other-sensing'],
  // phones and computers
  ['手机（用于外业数据采集）', 'mobile-terminal'],
  ['巡检手机', 'mobile-terminal'],
  ['平板电脑（现场采集用）', 'mobile-terminal'],
  ['联想台式机', 'computer'],
  ['笔记本电脑 5 台', 'computer'],
  ['办公计算机更新', 'computer'],
  ['一体机', 'computer'],
  ['图形工作站', 'computer'],
  ['PC 终端', 'computer'],
  // networks
  ['电子政务外网专线租用费', 'egov-extranet'],
  ['政务外网接入', 'egov-extranet'],
  ['电子政务内网', 'egov-intranet'],
  ['互联网专线 100M', 'internet'],
  ['宽带费', 'internet'],
  ['业务专网', 'private-network'],
  ['专线租用（点对点）', 'private-network'],
  ['裸光纤租赁', 'private-network'],
  ['局域网改造', 'lan'],
  ['综合布线工程', 'lan'],
  ['核心交换机', 'lan'],
  ['固定电话费', 'phone-line'],
  ['电话线路迁移', 'phone-line'],
  // hardware and machine room
  ['服务器 2 台', 'server-storage'],
  ['磁盘阵列扩容', 'server-storage'],
  ['存储设备', 'server-storage'],
  ['超融合一体机', 'server-storage'],
  ['机房电费', 'machine-room'],
  ['机房物管费', 'machine-room'],
  ['UPS 电池更换', 'machine-room'],
  ['机房精密空调维保', 'machine-room'],
  // cloud and software
  ['政务云资源租赁服务费', 'cloud-service'],
  ['云主机租用', 'cloud-service'],
  ['云服务器租用（1年）', 'cloud-service'],
  ['数据库软件授权（达梦）', 'software-license'],
  ['中间件授权', 'software-license'],
  ['虚拟化软件', 'software-license'],
  ['Oracle 数据库许可', 'software-license'],
  ['操作系统授权', 'software-license'],
  ['WPS 办公软件正版化', 'office-software'],
  ['Office 2021 专业版', 'office-software'],
  // data
  ['人口基础数据库建设', 'gov-base-data'],
  ['政务主题数据', 'gov-theme-data'],
  ['专题库建设', 'gov-theme-data'],
  ['数据采集服务', 'data-collection'],
  ['遥感影像数据采购', 'data-collection'],
  ['数据清洗与治理', 'data-processing'],
  ['档案数字化加工', 'data-processing'],
  // security, testing, project services
  ['三级等保测评服务', 'grade-protection'],
  ['等级测评', 'grade-protection'],
  ['等保整改', 'security-assessment'],
  ['渗透测试服务', 'security-assessment'],
  ['商用密码应用安全性评估（密评）', 'security-assessment'],
  ['漏洞扫描', 'security-assessment'],
  ['网络安全咨询服务', 'security-consulting'],
  ['软件测评费', 'software-testing'],
  ['第三方测评', 'system-testing'],
  ['系统性能测试', 'system-testing'],
  ['可研报告编制（设计咨询）', 'design-consulting'],
  ['初步设计及概算编制', 'design-consulting'],
  ['招标代理服务费', 'tendering-agent'],
  ['信息化工程监理费', 'engineering-supervision'],
  ['地方标准编制', 'standards'],
  // O&M supplies
  ['业务应用系统备品备件', 'spare-parts'],
  ['运维专用工具', 'om-tools'],
  ['IT 服务台', 'service-desk'],
  ['运维车辆', 'special-vehicle'],
  // systems and websites
  ['智慧城管平台开发', 'business-system'],
  ['不动产登记业务系统运维服务费', 'business-system'],
  ['系统集成费', 'business-system'],
  ['GIS 平台', 'business-system'],
  ['OA 系统升级', 'office-automation'],
  ['协同办公平台', 'office-automation'],
  ['视频会议系统建设', 'video-conference'],
  ['视频会商终端', 'video-conference'],
  ['楼宇智能化系统', 'building-intelligence'],
  ['门禁系统', 'building-intelligence'],
  ['人事管理系统', 'hr-system'],
  ['工资管理系统', 'hr-system'],
  ['财务核算系统', 'finance-system'],
  ['差旅报销系统', 'finance-system'],
  ['公共服务网站建设', 'public-service-website'],
  ['政府门户网站改版', 'public-service-website'],
  ['门户网站运维', 'public-service-website'],
  // excluded
  ['打印纸', 'office-consumables'],
  ['硒鼓、墨盒', 'office-consumables'],
  ['打印机耗材', 'office-consumables'],
  ['办公桌椅更换', 'office-facilities'],
  ['电脑桌', 'office-facilities'],
  ['打印机', 'office-facilities'],
  ['办公室空调', 'office-facilities'],
  ['运维人员工资', 'staff-salary'],
  ['劳务费', 'staff-salary'],
  ['人员经费', 'staff-salary'],
  ['赴杭州出差差旅费', 'travel'],
  ['住宿费', 'travel'],
  ['学习培训费', 'training-fee'],
  ['系统操作培训', 'training-fee'],
  ['会议室升级改造', 'meeting-room-upgrade'],
  ['会议室音响', 'meeting-room-upgrade'],
  ['电话费', 'phone-line'],
  ['手机话费', 'phone-line'],
  ['门户网站内容更新维护', 'website-promotion'],
  ['微信公众号运营', 'website-promotion'],
  ['APP 推广宣传', 'website-promotion'],
  ['网站维护费', 'website-promotion'],
  // conditional training and data
  ['培训系统电子课件采购', 'training-courseware'],
  ['在线课程购买', 'training-courseware'],
];

describe('classifyExpense: clerk wording', () => {
  test('the table has at least 80 cases', () => {
    expect(LEDGER.length).toBeGreaterThanOrEqual(80);
  });

  test.each(LEDGER)('%s → %s', (text, id) => {
    const r = classifyExpense(text, 'wulong');
    expect(r.entry?.id).toBe(id);
    expect(r.class).toBe(classOf(id));
    expect(r.matched).not.toBe('');
    // what decided it is text the clerk wrote (normalised), piece by piece
    const norm = normaliseExpenseText(text);
    for (const piece of r.matched.split('…')) expect(norm).toContain(piece);
  });
});

// [specific, its entry, general, its entry]
const PAIRS: [string, string, string, string][] = [
  ['数据库软件授权', 'software-license', '办公软件正版化', 'office-software'],
  ['数据库正版化', 'software-license', '软件正版化', 'office-software'],
  ['公共服务网站建设', 'public-service-website', '网站推广宣传', 'website-promotion'],
  ['门户网站建设', 'public-service-website', '门户网站内容更新维护', 'website-promotion'],
  ['培训类系统购买电子课件', 'training-courseware', '学习培训费', 'training-fee'],
  ['在线培训系统开发', 'business-system', '培训费', 'training-fee'],
  ['视频会议系统', 'video-conference', '会议室升级改造', 'meeting-room-upgrade'],
  ['会议室视频会议系统', 'video-conference', '视频会议室改造', 'meeting-room-upgrade'],
  ['机房电费', 'machine-room', '电话线路', 'phone-line'],
  ['手机采集终端', 'mobile-terminal', '专用采集终端', 'data-terminal'],
  ['工资管理系统', 'hr-system', '人员工资', 'staff-salary'],
  ['云服务器租用', 'cloud-service', '服务器采购', 'server-storage'],
  ['云存储', 'cloud-service', '存储设备', 'server-storage'],
  ['数据采集终端', 'data-terminal', '数据采集', 'data-collection'],
  ['等保整改', 'security-assessment', '等保测评', 'grade-protection'],
  ['安全测评', 'security-assessment', '第三方测评', 'system-testing'],
  ['软件测评', 'software-testing', '测评服务', 'system-testing'],
  ['机房精密空调', 'machine-room', '空调', 'office-facilities'],
  ['机房装修', 'machine-room', '办公室装修', 'office-facilities'],
  ['打印机硒鼓', 'office-consumables', '打印机', 'office-facilities'],
  ['电脑耗材', 'office-consumables', '电脑', 'computer'],
  ['电脑桌', 'office-facilities', '台式电脑', 'computer'],
  ['政务外网专线', 'egov-extranet', '专线', 'private-network'],
  ['互联网专线', 'internet', '业务专线', 'private-network'],
  ['人口基础数据库', 'gov-base-data', '数据库授权', 'software-license'],
  ['手机话费', 'phone-line', '手机', 'mobile-terminal'],
  ['手机app开发', 'business-system', '手机', 'mobile-terminal'],
  ['视频会议摄像头', 'video-conference', '摄像头', 'camera'],
  ['烟感探头', 'sensor', '监控探头', 'camera'],
  ['运维人员工资', 'staff-salary', '系统运维', 'business-system'],
];

describe('the specific beats the general', () => {
  test.each(PAIRS)('%s → %s, but %s → %s', (specific, specificId, general, generalId) => {
    expect(classifyExpense(specific, 'wulong').entry?.id).toBe(specificId);
    expect(classifyExpense(general, 'wulong').entry?.id).toBe(generalId);
  });

  test('plain 手机 is a conditional 手机终端, with the table condition', () => {
    const r = classifyExpense('手机', 'wulong');
    expect(r.class).toBe('conditional');
    expect(r.entry?.condition).toContain('手机终端');
    expect(r.matched).toBe('手机');
  });

  test('a mobile used for collection names both words', () => {
    expect(classifyExpense('手机（用于数据采集）', 'wulong').matched).toBe('手机…数据采集');
  });
});

describe('unknown: nothing in the table matches', () => {
  test.each([
    '咖啡机',
    '绿化养护',
    '食堂餐费',
    '办公楼租金',
    '车辆保险',
    '法律咨询',
    '自助一体机',
    '数据库',
    '经济开发区管委会',
    'apple',
    'goal',
    '',
    '   ',
    '12345',
    '合计',
    '防火墙', // the table has no row for security equipment
    '物联网卡',
    '扫描仪',
  ])('%j → unknown', (text) => {
    const r = classifyExpense(text, 'wulong');
    expect(r).toMatchObject({ class: 'unknown', entry: null, matched: '' });
  });
});

describe('normalisation', () => {
  test.each([
    ['ＲＦＩＤ读写器', 'rfid'],
    ['r f i d', 'rfid'],
    ['Ｏ Ａ 系 统', 'office-automation'],
    ['摄　像　头', 'camera'],
    ['WPS', 'office-software'],
  ])('%j → %s', (text, id) => {
    expect(classifyExpense(text, 'wulong').entry?.id).toBe(id);
  });

  test('Latin keywords are not found inside other words', () => {
    expect(classifyExpense('application', 'wulong').class).toBe('unknown');
    expect(classifyExpense('officejet', 'wulong').class).toBe('unknown');
    expect(classifyExpense('APP开发', 'wulong').entry?.id).toBe('business-system');
  });
});

const ALL_PROFILES: ProfileId[] = ['wuhan', 'yeji', 'wulong', 'laizhou', 'generic'];
const ids = (text: string, p: ProfileId): string[] => classifyExpense(text, p).overlays.map((o) => o.id);

describe('overlays', () => {
  test.each<[string, ProfileId, string[]]>([
    ['联想台式机', 'wuhan', ['wuhan-office-equipment']],
    ['打印机', 'wuhan', ['wuhan-office-equipment']],
    ['服务器 2 台', 'wuhan', []],
    ['楼宇智能化系统', 'wuhan', ['wuhan-building-intelligence']],
    ['视频会议系统建设', 'wuhan', ['wuhan-building-intelligence']],
    ['无纸化会议系统', 'wuhan', ['wuhan-building-intelligence']],
    ['会议室音视频系统', 'wuhan', ['wuhan-building-intelligence']],
    ['办公楼视频监控', 'wuhan', ['wuhan-building-intelligence']],
    ['道路视频监控', 'wuhan', []],
    ['新建机房', 'wuhan', ['wuhan-new-machine-room']],
    ['机房建设工程', 'wuhan', ['wuhan-new-machine-room']],
    ['涉密系统机房建设', 'wuhan', []],
    ['机房电费', 'wuhan', []],
    ['新建业务专网', 'wuhan', ['wuhan-new-private-network']],
    ['业务专网租用', 'wuhan', []],
    ['笔记本电脑', 'laizhou', ['laizhou-general-equipment']],
    ['平板电脑', 'laizhou', ['laizhou-general-equipment']],
    ['手机', 'laizhou', ['laizhou-general-equipment']],
    ['传真机', 'laizhou', ['laizhou-general-equipment']],
    ['手机（用于外业数据采集）', 'laizhou', []],
    ['政府门户网站改版', 'laizhou', ['laizhou-new-media']],
    ['微信公众号运营', 'laizhou', ['laizhou-new-media']],
    ['小程序开发', 'laizhou', ['laizhou-new-media']],
    ['抖音号代运营', 'laizhou', ['laizhou-new-media']],
    ['城市宣传片制作', 'laizhou', ['laizhou-digital-art']],
    ['影视作品发行', 'laizhou', ['laizhou-digital-art']],
    ['租用机房', 'laizhou', ['laizhou-machine-room']],
    ['机房改扩建', 'laizhou', ['laizhou-machine-room']],
    ['机房电费', 'laizhou', []],
    ['搭建视频专网', 'laizhou', ['laizhou-private-network']],
    ['私有内网', 'laizhou', ['laizhou-private-network']],
    ['政务内网接入', 'laizhou', []],
    ['政务云资源租赁服务费', 'laizhou', []],
  ])('%s under %s → %j', (text, profile, expected) => {
    expect(ids(text, profile)).toEqual(expected);
  });

  test.each(['联想台式机', '楼宇智能化系统', '新建机房', '手机', '微信公众号运营', '城市宣传片制作', '租用机房'])(
    '%s: no overlays under yeji, wulong, generic',
    (text) => {
      for (const p of ['yeji', 'wulong', 'generic'] as ProfileId[]) expect(ids(text, p)).toEqual([]);
    },
  );

  test('overlays only come from the given profile', () => {
    for (const p of ALL_PROFILES) {
      for (const text of ['联想台式机', '新建机房', '手机', '楼宇智能化系统', '新建业务专网']) {
        for (const o of classifyExpense(text, p).overlays) expect(o.citation.profile).toBe(p);
      }
    }
  });

  test('severities and citations follow the articles', () => {
    const pick = (text: string, p: ProfileId) => classifyExpense(text, p).overlays[0];
    // 第三条 excludes only centrally procured office equipment; the text cannot show how it was bought, so it asks.
    expect(pick('联想台式机', 'wuhan')).toMatchObject({ severity: 'warning', citation: { article: '第三条' } });
    expect(pick('楼宇智能化系统', 'wuhan')).toMatchObject({ severity: 'error', citation: { article: '第三条' } });
    expect(pick('新建机房', 'wuhan')).toMatchObject({ severity: 'warning', citation: { article: '第十二条' } });
    expect(pick('手机', 'laizhou')).toMatchObject({ severity: 'error', citation: { article: '第二条' } });
    expect(pick('城市宣传片制作', 'laizhou')).toMatchObject({ severity: 'error', citation: { article: '第二条' } });
    expect(pick('租用机房', 'laizhou')).toMatchObject({ severity: 'warning', citation: { article: '第三十条' } });
    expect(pick('新建机房', 'wuhan').reason).toContain('除涉密系统外');
    expect(pick('联想台式机', 'wuhan').reason).toContain('集中采购的办公设备');
    expect(pick('手机', 'laizhou').reason).toContain('通用设备的采购');
    expect(pick('租用机房', 'laizhou').reason).toContain('不得新建、租用和改扩建部门自有机房');
    for (const p of ['wuhan', 'laizhou'] as ProfileId[]) {
      for (const text of ['联想台式机', '楼宇智能化系统', '新建机房', '手机', '微信公众号运营', '城市宣传片制作', '租用机房']) {
        for (const o of classifyExpense(text, p).overlays) {
          expect(o.reason).toMatch(/第[一二三四五六七八九十]+条/);
          expect(o.reasonEn).toMatch(/Article \d+/);
          expect(o.citation.regulation).toMatch(/^《/);
        }
      }
    }
  });

  test('the table still classifies under every profile', () => {
    for (const p of ALL_PROFILES) {
      expect(classifyExpense('联想台式机', p)).toMatchObject({ class: 'conditional', entry: { id: 'computer' } });
      expect(classifyExpense('城市宣传片制作', p).class).toBe('unknown');
    }
  });

  test('an unknown item can still be out of scope in Laizhou', () => {
    expect(classifyExpense('城市宣传片制作', 'laizhou')).toMatchObject({ class: 'unknown', matched: '' });
    expect(ids('城市宣传片制作', 'laizhou')).toEqual(['laizhou-digital-art']);
  });
});

// Issue #11 §4: each row quotes the words of the seed it rests on; the quote is checked against what the entry or
// overlay carries, so a row cannot cite text the code does not hold.
const FEE_ROW_INCLUDED = '履行政务职能业务系统及办公自动化系统、视频会议系统、楼宇智能化系统、人事系统、财务系统、公共服务网站等。纳入信息化经费';
const FEE_ROW_EXCLUDED = '办公耗材、办公设施更换、人员工资、差旅费、学习培训费、会议室升级改造、办公软件正版化等。不纳入信息化经费';
const FEE_ROW_PROMOTION = '门户网站、公众号、app 等推广宣传及内容更新维护。不纳入信息化经费';
const entryText = (id: string): string => {
  const e = SCOPE_TABLE.find((x) => x.id === id)!;
  return `${e.item}。${e.rule}`;
};
/** The quote's items (split at 、 and 。) each appear in the entry's item or rule. */
const quoteFits = (quote: string, id: string): boolean => {
  const words = quote.split(/[、。]|等。/).map((w) => w.replace(/等$/, '')).filter((w) => w !== '');
  const text = entryText(id);
  return words.some((w) => text.includes(w));
};

describe('a system named after a cost is a system (附件 费用分类)', () => {
  // [text, entry, the table's words]
  test.each<[string, string, string]>([
    ['会议室预约管理系统', 'business-system', FEE_ROW_INCLUDED],
    ['工资发放管理系统', 'business-system', FEE_ROW_INCLUDED],
    ['差旅费报销系统', 'finance-system', FEE_ROW_INCLUDED],
    ['耗材管理系统', 'business-system', FEE_ROW_INCLUDED],
    ['办公用房管理系统', 'business-system', FEE_ROW_INCLUDED],
    // invented: other cost words, other head nouns, a head followed by its development, O&M or upgrade
    ['耗材管理软件', 'business-system', FEE_ROW_INCLUDED],
    ['耗材管理软件采购', 'software-license', '虚拟化、数据库等正版软件授权'], // buying the software: the licence row, not 办公耗材
    ['办公用品申领平台', 'business-system', FEE_ROW_INCLUDED],
    ['打印机管理系统', 'business-system', FEE_ROW_INCLUDED],
    ['培训报名系统开发', 'business-system', FEE_ROW_INCLUDED],
    ['会议室预约系统升级', 'business-system', FEE_ROW_INCLUDED],
    ['工资发放管理系统运维费', 'business-system', FEE_ROW_INCLUDED],
    ['出差审批小程序', 'business-system', FEE_ROW_INCLUDED],
    ['薪酬发放管理平台建设', 'business-system', FEE_ROW_INCLUDED],
    ['差旅费报销软件', 'finance-system', FEE_ROW_INCLUDED],
    ['绩效工资人事系统', 'hr-system', FEE_ROW_INCLUDED],
    ['公众号开发', 'business-system', FEE_ROW_INCLUDED],
    ['政务微博开发建设', 'business-system', FEE_ROW_INCLUDED],
    // the cost is the head: the line buys the cost, whatever system it mentions first or in brackets
    ['系统运维人员工资', 'staff-salary', FEE_ROW_EXCLUDED],
    ['人员工资（含系统运维）', 'staff-salary', FEE_ROW_EXCLUDED],
    ['管理系统培训费', 'training-fee', FEE_ROW_EXCLUDED],
    ['系统上线出差差旅费', 'travel', FEE_ROW_EXCLUDED],
    ['会议室升级改造', 'meeting-room-upgrade', FEE_ROW_EXCLUDED],
    ['会议室音视频系统', 'meeting-room-upgrade', FEE_ROW_EXCLUDED], // sound and picture gear refits the room
    ['办公耗材', 'office-consumables', FEE_ROW_EXCLUDED],
    ['办公用房维修', 'office-facilities', FEE_ROW_EXCLUDED],
    ['微信公众号内容更新维护', 'website-promotion', FEE_ROW_PROMOTION],
    ['公众号开发及运营', 'website-promotion', FEE_ROW_PROMOTION], // names the excluded part too: the clerk is asked
  ])('%s → %s', (text, id, quote) => {
    expect(quoteFits(quote, id)).toBe(true);
    expect(classifyExpense(text, 'wulong')).toMatchObject({ entry: { id }, class: classOf(id) });
  });

  test('a system named after office equipment is no office equipment for 武汉第三条 or 莱州第二条 either', () => {
    expect(ids('打印机管理系统', 'wuhan')).toEqual([]);
    expect(ids('电脑终端管理系统', 'laizhou')).toEqual([]);
    expect(ids('打印机', 'wuhan')).toEqual(['wuhan-office-equipment']);
    // 莱州第二条 names the 建设运维 of 公众号 itself: developing one stays outside that regulation
    expect(ids('公众号开发', 'laizhou')).toEqual(['laizhou-new-media']);
  });

  test('a room-booking system is not a 会议系统 for 武汉第三条; a room\'s sound and picture system is', () => {
    expect(ids('会议室预约管理系统', 'wuhan')).toEqual([]);
    expect(ids('会议室音视频系统', 'wuhan')).toEqual(['wuhan-building-intelligence']);
  });
});

describe('unknown stays unknown: 系统 or 平台 alone does not make a fee an information system', () => {
  test.each(['短信平台服务费', '系统服务费', '平台使用费', '会议室预约平台服务费', '某某平台年费'])('%s → unknown', (text) => {
    expect(classifyExpense(text, 'wulong')).toMatchObject({ class: 'unknown', entry: null });
  });

  test.each<[string, string]>([
    ['短信平台', 'business-system'], // a platform bought is a system
    ['短信平台运维服务费', 'business-system'], // the O&M of one is a 运行维护 cost of it
    ['不动产登记业务系统服务费', 'business-system'], // a named business system
    ['数据采集平台服务费', 'data-collection'], // what the table honestly gives: the data collection, conditional
  ])('%s → %s', (text, id) => {
    expect(classifyExpense(text, 'wulong').entry?.id).toBe(id);
  });
});

describe('concepts the table names in other words', () => {
  // [text, entry, the table's words]
  test.each<[string, string, string]>([
    ['财务核算软件', 'finance-system', '财务系统'],
    ['会计核算软件升级', 'finance-system', '财务系统'],
    ['人口基础信息库', 'gov-base-data', '政务基础数据'],
    ['法人基础信息库建设', 'gov-base-data', '政务基础数据'],
    // 附件: 办公软件正版化 不纳入信息化经费 — a WPS or Office licence is that, not a 虚拟化、数据库等正版软件授权
    ['WPS Office 正版授权', 'office-software', '办公软件正版化'],
    ['WPS正版授权', 'office-software', '办公软件正版化'],
    ['Microsoft Office 2021', 'office-software', '办公软件正版化'],
    ['Dell PC', 'computer', '电脑'],
    ['Ｄｅｌｌ　ＰＣ', 'computer', '电脑'],
    ['RFID reader', 'rfid', 'RFID'],
    ['HP LaserJet 打印机', 'office-facilities', '办公设施更换'],
  ])('%s → %s (%s)', (text, id, quote) => {
    expect(entryText(id)).toContain(quote);
    expect(classifyExpense(text, 'wulong').entry?.id).toBe(id);
    // a name or description cell gives the same verdict
    expect(classifyScopeCell(text, 'wulong')?.entry?.id).toBe(id);
  });

  test.each(['DellPC', 'RFIDreader', 'MicrosoftOffice', 'Officejet Pro', 'PCB 板', 'goat'])('%s: a word inside another word is no word', (text) => {
    expect(classifyExpense(text, 'wulong').class).toBe('unknown');
  });
});

describe('building a machine room is not the 机房环境 row (its running costs)', () => {
  const WUHAN_12 = '不得新建机房、专网等基础设施';
  test.each(['新建机房', '机房土建', '机房土建工程', '新建数据中心'])('%s: no table row; under 武汉 第十二条', (text) => {
    expect(classifyExpense(text, 'wulong')).toMatchObject({ class: 'unknown', entry: null });
    const [o] = classifyExpense(text, 'wuhan').overlays;
    expect(o).toMatchObject({ id: 'wuhan-new-machine-room', severity: 'warning', citation: { profile: 'wuhan', article: '第十二条' } });
    expect(o.reason).toContain(WUHAN_12);
  });

  test.each(['机房电费', '机房物管费', '机房精密空调维保', '机房新增UPS', '机房装修'])('%s: 机房环境 (如机房物管费、电费等)', (text) => {
    expect(classifyExpense(text, 'wulong').entry?.id).toBe('machine-room');
    expect(ids(text, 'wuhan')).toEqual([]);
  });
});

describe('叶集第十六条: no unit builds its own 应用类数据中心 or 专网', () => {
  const YEJI_16 = '各单位不再重复建设应用类数据中心和专网';
  test.each<[string, string[]]>([
    ['新建应用类数据中心', ['yeji-new-data-centre']],
    ['数据中心建设', ['yeji-new-data-centre']],
    ['重复建设数据中心', ['yeji-new-data-centre']],
    ['新建业务专网', ['yeji-new-private-network']],
    ['自建专网', ['yeji-new-private-network']],
    ['视频专网建设', ['yeji-new-private-network']],
    ['新建应用类数据中心和专网', ['yeji-new-data-centre', 'yeji-new-private-network']],
    // the district's cloud data centre is the one the article has built; using or renting is not building
    ['区政务云数据中心建设', []],
    ['业务专网租用', []],
    ['数据中心运维', []],
    ['新建机房', []], // the article names 数据中心 and 专网, not 机房
    ['电子政务外网建设', []],
  ])('%s → %j', (text, expected) => {
    expect(ids(text, 'yeji')).toEqual(expected);
    for (const o of classifyExpense(text, 'yeji').overlays) {
      expect(o).toMatchObject({ severity: 'warning', citation: { profile: 'yeji', article: '第十六条' } });
      expect(o.reason).toContain(YEJI_16);
    }
  });

  test('only 叶集 reads its article', () => {
    for (const p of ['wulong', 'laizhou', 'generic'] as ProfileId[]) expect(ids('新建应用类数据中心', p)).toEqual([]);
  });
});

describe('properties', () => {
  const anyProfile = fc.constantFrom<ProfileId>(...ALL_PROFILES);
  const clerkish = fc
    .array(fc.constantFrom('摄像头', '电脑', '手机', '采集', '机房', '新建', '网站', '推广', '工资', '系统', '培训', '课件', 'OA', ' ', '（', '）', 'ａ', '第', '批'), {
      maxLength: 8,
    })
    .map((a) => a.join(''));

  test('never throws on arbitrary strings and always returns a well-formed result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), clerkish), anyProfile, (text, p) => {
        const r = classifyExpense(text, p);
        expect(['included', 'conditional', 'excluded', 'unknown']).toContain(r.class);
        if (r.class === 'unknown') expect(r.entry).toBeNull();
        else expect(r.entry?.class).toBe(r.class);
        expect(r.matched === '').toBe(r.class === 'unknown');
      }),
      { numRuns: 2000 },
    );
  });

  test('is deterministic, cached or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), clerkish), anyProfile, (text, p) => {
        const a = classifyExpense(text, p);
        const b = classifyExpense(text, p);
        const longer = classifyExpense(text + ' '.repeat(250), p); // too long to be cached: recomputed
        expect(b).toEqual(a);
        expect(longer).toEqual(a);
      }),
      { numRuns: 1000 },
    );
  });

  test('non-string input from loose callers is read as text, never a throw', () => {
    const loose = classifyExpense as unknown as (t: unknown, p: unknown) => ReturnType<typeof classifyExpense>;
    expect(loose(null, 'wulong').class).toBe('unknown');
    expect(loose(undefined, 'nowhere').class).toBe('unknown');
    expect(loose(12345, 'wulong').class).toBe('unknown');
    expect(loose(Symbol('x'), 'wulong').class).toBe('unknown');
  });

  test('results are frozen so a caller cannot corrupt the cache', () => {
    const r = classifyExpense('联想台式机', 'wuhan');
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.overlays)).toBe(true);
    expect(Object.isFrozen(r.entry)).toBe(true);
  });

  // The scope rules classify a description cell with classifyScopeCell (the unit-by-unit fold) where classifyScope
  // takes the NFKC path; both read spaces as word breaks, which normalizeText's text no longer holds.
  test('classifyScopeCell gives exactly classifyScope of the cell (null when the normalised text is empty)', () => {
    const cellish = fc
      .array(
        fc.constantFrom('摄像头', '电脑', '系统', '机房', '网站', 'OA', 'App', 'ＯＡ', 'ａｐｐ', '云', '服务器', ' ', '\n', '\t', '\u3000', '（', '）', '，', '。', '、', '·', 'é', 'ﬁ', '①', '\u00a0', '㎡', 'GIS', 'Ｇｉｓ', 'x', '1'),
        { maxLength: 10 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(cellish, fc.string(), fc.string({ unit: 'binary' })), anyProfile, (raw, p) => {
        const text = normalizeText(raw);
        const cell = classifyScopeCell(raw, p);
        expect(cell).toBe(text === '' ? null : classifyScope(raw, p));
        // without a space between two Latin letters there is no word break to lose: the normalised text agrees
        if (text !== '' && !/[a-z]\s+[a-z]/i.test(raw.normalize('NFKC'))) expect(cell).toBe(classifyScope(text, p));
      }),
      { numRuns: 3000 },
    );
    const long = '新建摄像头系统，'.repeat(700); // past the scratch buffer: the string path
    expect(classifyScopeCell(long, 'wuhan')).toBe(classifyScope(long, 'wuhan'));
    expect(classifyScopeCell(long, 'wuhan')).toBe(classifyScope(normalizeText(long), 'wuhan'));
    expect(classifyScopeCell(' \u3000\n', 'wuhan')).toBeNull();
  });

  test('a classifier owns its scratch: two used in turn agree with the shared one and share its verdicts', () => {
    const a = new ExpenseClassifier();
    const b = new ExpenseClassifier();
    fc.assert(
      fc.property(clerkish, clerkish, anyProfile, (x, y, p) => {
        const ax = a.scope(x, p);
        const by = b.scopeCell(y, p);
        expect(a.classify(x, p)).toEqual(classifyExpense(x, p));
        expect(ax).toBe(classifyScope(x, p));
        expect(by).toBe(classifyScopeCell(y, p));
        // a long text on one (its buffer grows) leaves the other's next text alone
        a.classify('新建摄像头系统，'.repeat(700), p);
        expect(b.scopeCell(y, p)).toBe(by);
      }),
      { numRuns: 300 },
    );
  });

  test('very long text is handled', () => {
    const r = classifyExpense('摄像头'.repeat(5000) + '工资', 'laizhou');
    expect(r.class).not.toBe('unknown');
  });
});

// Speed (≥ 500,000 distinct items/s) is measured by `npm run bench` (case expense-classifier), never asserted here:
// a test must not depend on how busy the machine is.
