// The built-in expense-scope table 'wulong-expense-scope' (the Wulong pack's 附件《武隆区政务信息化项目申报范围及边界》) as data: one entry per item it names.
import type { Citation } from '../types';
import owner from './wulong.json';

/** The pack whose annex this table is, and the annex, as packs name it (expenseTable.id) and citations cite it. */
export const EXPENSE_TABLE_OWNER = owner.id;
export const EXPENSE_TABLE_ANNEX = '附件《武隆区政务信息化项目申报范围及边界》';
// Read from the owner's pack itself, not the registry: the registry compiles overlays through the classifier, which
// reads this table, so going through it here would make a cycle.
const cite = (_owner: string, article: string): Citation => ({ profile: owner.id, regulation: owner.title.zh, article });
/** How a finding under another regulation introduces the table it only refers to. */
export const EXPENSE_TABLE_REFERENCE = {
  zh: '参照《武隆区政务信息化项目管理办法》附件《武隆区政务信息化项目申报范围及边界》（仅约束武隆区项目）：',
  en: 'For reference only, the Wulong Measures’ annex (expense-scope table, binding on Wulong projects only): ',
};

export type ExpenseClass = 'included' | 'conditional' | 'excluded' | 'unknown';

export interface ScopeEntry {
  /** Stable id, e.g. 'camera'. */
  id: string;
  /** The table's wording of the item. */
  item: string;
  class: Exclude<ExpenseClass, 'unknown'>;
  /** The table's 定义/范围 wording for the item's row. */
  rule: string;
  /** For conditional entries: the condition in short. */
  condition?: string;
  conditionEn?: string;
  itemEn: string;
  citation: Citation;
}

/** The table as a whole: its 政务信息化项目费用分类 part. */
export const FEE_TABLE = cite(EXPENSE_TABLE_OWNER, EXPENSE_TABLE_ANNEX + '政务信息化项目费用分类');
// 设计咨询、招标代理、工程监理、软件测评 are not rows of the fee table; the 新建、改扩建项目 row names them as part of a project.
const NEW_BUILD = cite(EXPENSE_TABLE_OWNER, EXPENSE_TABLE_ANNEX + '新建、改扩建项目');

const INCLUDED_RULE = '纳入信息化经费。';
const EXCLUDED_RULE = '不纳入信息化经费。';
const ASSESSED_RULE = '经评估通过后可纳入信息化经费。';
const ASSESSED = '经评估通过后可纳入';
const ASSESSED_EN = 'may be included once it passes an assessment';
const TERMINAL_RULE =
  '专用采集终端纳入信息化经费。对采用手机终端的，确与实现系统功能紧密相关，经评估通过后，手机终端纳入信息化经费。';
const DATA_RULE =
  '资产归政务部门所有，跟系统紧密相关，且提供跨部门共享或属于公共服务的，经评估通过后可纳入信息化经费。';
const DATA_CONDITION = '资产归政务部门所有，跟系统紧密相关，且提供跨部门共享或属于公共服务的，经评估通过后可纳入';
const DATA_CONDITION_EN =
  'may be included once assessed, if the asset belongs to the government department, is closely tied to the system, ' +
  'and is shared across departments or serves the public';
const NEW_BUILD_RULE = '包括政务信息系统的新建、改扩建等，以及项目所需的设计咨询、招标代理、工程监理、软件测评等费用。';

function included(id: string, item: string, itemEn: string, rule = INCLUDED_RULE, citation = FEE_TABLE): ScopeEntry {
  return { id, item, itemEn, class: 'included', rule, citation };
}

function conditional(
  id: string,
  item: string,
  itemEn: string,
  rule: string,
  condition: string,
  conditionEn: string,
): ScopeEntry {
  return { id, item, itemEn, class: 'conditional', rule, condition, conditionEn, citation: FEE_TABLE };
}

function excluded(id: string, item: string, itemEn: string, rule = EXCLUDED_RULE): ScopeEntry {
  return { id, item, itemEn, class: 'excluded', rule, citation: FEE_TABLE };
}

/** In the table's own order; rows listing several items are split so each item has its own id. */
export const SCOPE_TABLE: readonly ScopeEntry[] = Object.freeze(
  [
    included('design-consulting', '设计咨询', 'design and consulting for a new or upgraded project', NEW_BUILD_RULE, NEW_BUILD),
    included('tendering-agent', '招标代理', 'tendering agency for a new or upgraded project', NEW_BUILD_RULE, NEW_BUILD),
    included('engineering-supervision', '工程监理', 'project supervision for a new or upgraded project', NEW_BUILD_RULE, NEW_BUILD),
    included('software-testing', '软件测评', 'software testing and evaluation for a new or upgraded project', NEW_BUILD_RULE, NEW_BUILD),
    included('remote-sensing', '遥感设备', 'remote-sensing equipment'),
    included('sensor', '传感器', 'sensors'),
    included('camera', '摄像头', 'cameras'),
    included('rfid', 'RFID', 'RFID'),
    included('data-terminal', '数据采集终端（专用采集终端）', 'dedicated data-collection terminals', TERMINAL_RULE),
    conditional(
      'mobile-terminal',
      '数据采集终端（手机终端）',
      'mobile phones used as data-collection terminals',
      TERMINAL_RULE,
      '确与实现系统功能紧密相关，经评估通过后，手机终端可纳入',
      'a phone may be included once assessed, if it is closely tied to what the system does',
    ),
    conditional(
      'other-sensing',
      '其他感知设备',
      'other sensing devices',
      '不纳入信息化经费。经评估通过后方可纳入信息化经费。',
      '经评估通过后方可纳入',
      'included only once it passes an assessment',
    ),
    conditional(
      'computer',
      '电脑',
      'computers',
      '不纳入信息化经费，确与项目建设紧密相关的，经评估通过后可纳入信息化经费。',
      '确与项目建设紧密相关的，经评估通过后可纳入',
      'may be included once assessed, if closely tied to building the project',
    ),
    excluded('office-consumables', '办公耗材', 'office consumables'),
    excluded('office-facilities', '办公设施更换', 'replacing office facilities'),
    excluded('staff-salary', '人员工资', 'staff salaries'),
    excluded('travel', '差旅费', 'travel expenses'),
    excluded('training-fee', '学习培训费', 'study and training fees'),
    excluded('meeting-room-upgrade', '会议室升级改造', 'meeting-room upgrades and refits'),
    excluded('office-software', '办公软件正版化', 'licensing office software (正版化)'),
    included('spare-parts', '购买、维护业务应用系统的备品备件', 'spare parts for business application systems'),
    included('om-tools', '运行维护专用工具', 'dedicated operation-and-maintenance tools'),
    included('service-desk', '服务台', 'service desk'),
    included('special-vehicle', '专用车辆', 'dedicated vehicles'),
    included('egov-extranet', '政务外网', 'e-government extranet'),
    included('egov-intranet', '政务内网', 'e-government intranet'),
    included('internet', '互联网', 'internet access'),
    conditional(
      'private-network',
      '业务专网',
      'dedicated business networks',
      '经评估通过后暂可纳入信息化经费，后期逐步减少直至取消。',
      '经评估通过后暂可纳入，后期逐步减少直至取消',
      'may be included for now once assessed; to be reduced and eventually abolished',
    ),
    excluded('phone-line', '电话线路', 'telephone lines'),
    conditional(
      'server-storage',
      '服务器存储',
      'servers and storage',
      '因特殊需要，经评估通过后可纳入信息化经费。',
      '因特殊需要，经评估通过后可纳入',
      'may be included for a special need, once assessed',
    ),
    conditional('security-consulting', '安全咨询', 'security consulting', ASSESSED_RULE, ASSESSED, ASSESSED_EN),
    included('security-assessment', '安全测评、安全整改', 'security testing and remediation'),
    conditional('lan', '局域网络', 'local area networks', ASSESSED_RULE, ASSESSED, ASSESSED_EN),
    conditional(
      'machine-room',
      '机房环境（如机房物管费、电费等）',
      'machine-room environment (property management, electricity, …)',
      ASSESSED_RULE,
      ASSESSED,
      ASSESSED_EN,
    ),
    included('cloud-service', '租用云服务', 'rented cloud services'),
    included('gov-base-data', '政务基础数据', 'government base data'),
    included('gov-theme-data', '政务主题数据', 'government thematic data'),
    conditional(
      'software-license',
      '虚拟化、数据库等正版软件授权',
      'licences for virtualisation, database and similar software',
      '跟业务系统紧密相关，且部署在该业务系统的，纳入信息化经费。',
      '跟业务系统紧密相关、且部署在该业务系统的才纳入',
      'included if closely tied to a business system and deployed in it',
    ),
    conditional('training-courseware', '培训类系统购买电子课件、课程', 'e-courseware and courses for training systems', DATA_RULE, DATA_CONDITION, DATA_CONDITION_EN),
    conditional('data-collection', '数据采集', 'data collection', DATA_RULE, DATA_CONDITION, DATA_CONDITION_EN),
    conditional('data-processing', '数据加工处理', 'data processing', DATA_RULE, DATA_CONDITION, DATA_CONDITION_EN),
    included('standards', '标准规范编制', 'drafting standards and specifications'),
    included('grade-protection', '等级保护测评', 'classified-protection (等保) assessment'),
    included('system-testing', '系统测评', 'system testing and evaluation'),
    included('business-system', '履行政务职能业务系统', 'business systems for government functions'),
    included('office-automation', '办公自动化系统', 'office automation (OA) systems'),
    included('video-conference', '视频会议系统', 'video-conference systems'),
    included('building-intelligence', '楼宇智能化系统', 'building intelligence systems'),
    included('hr-system', '人事系统', 'personnel (HR) systems'),
    included('finance-system', '财务系统', 'finance systems'),
    included('public-service-website', '公共服务网站', 'public-service websites'),
    excluded('website-promotion', '门户网站、公众号、app 等推广宣传及内容更新维护', 'promotion and content upkeep of portals, official accounts, apps'),
  ].map((e) => Object.freeze({ ...e, citation: Object.freeze({ ...e.citation }) })),
);

