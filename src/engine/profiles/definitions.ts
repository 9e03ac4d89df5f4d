// The rulesets: `common` plus one per regulation, each extending common with its thresholds and severity overrides.
import { cite } from '../regulations';
import type { ProfileDefinition, ProfileParams } from './types';

/** 万元 → hundredths of 万元. */
const wan = (n: number) => Math.round(n * 100);

const COMMON_PARAMS: ProfileParams = {
  thresholds: [],
  changeLimit: null,
  changeFiling: null,
  adjustmentMayNotRaiseTotal: null,
  adjustBeforeProcurement: null,
  adjustmentNeedsApproval: null,
  budgetCitation: null,
  withinEstimateCitation: null,
  omFeeLimit: null,
};

export const COMMON: ProfileDefinition = {
  id: 'common',
  regulation: null,
  rules: {},
  params: COMMON_PARAMS,
};

export const WUHAN: ProfileDefinition = {
  id: 'wuhan',
  extends: 'common',
  regulation: 'wuhan',
  params: {
    // 第八条 pairs 50万元以下 with 50万元以上（含本数）: 50 belongs to the upper band.
    thresholds: [
      {
        id: 'wuhan-self',
        max: { cents: wan(50), inclusive: false },
        zh: '投资50万元以下：自行组织实施，向市政务服务和大数据管理局备案',
        en: 'Under 500k yuan: implemented by the unit itself, filed with the Municipal Government Services and Big Data Administration',
        citation: cite('wuhan', '第八条'),
      },
      {
        id: 'wuhan-approval',
        min: { cents: wan(50), inclusive: true },
        zh: '投资50万元以上（含本数）：报项目审批部门审批',
        en: '500k yuan or more: submitted to the project approval department for approval',
        citation: cite('wuhan', '第八条'),
      },
      {
        // 第十五条 names the 核定投资: the approved figure where the sheet has one, not the total asked for.
        id: 'wuhan-city',
        min: { cents: wan(3000), inclusive: true },
        basis: 'approved',
        zh: '核定投资3000万元以上：项目审批部门报市人民政府批准',
        en: 'Approved investment of 30 million yuan or more: the approval department submits it to the Municipal People’s Government',
        citation: cite('wuhan', '第十五条'),
      },
    ],
    changeLimit: { percent: 15, citation: cite('wuhan', '第十九条') },
    changeFiling: { zh: '由项目建设单位调整，同时向项目审批部门备案', en: 'the unit may adjust and files it with the project approval department' },
    budgetCitation: cite('wuhan', '第十九条'),
    // 严格按照项目批复的初步设计（实施方案）和概算进行建设
    withinEstimateCitation: cite('wuhan', '第十八条'),
  },
};

export const YEJI: ProfileDefinition = {
  id: 'yeji',
  extends: 'common',
  regulation: 'yeji',
  // The 200-character description and the completion time are instructions of yeji's own forms (附件1/附件2 说明2);
  // elsewhere those forms are borrowed conventions and stay warnings.
  rules: {
    'format/description-length': 'error',
    'completeness/progress-completion-time': 'error',
  },
  params: {
    // 第二条 "10万元以下" is not paired with an exclusive 以上, so it counts the number: 10 is out of scope.
    thresholds: [
      {
        id: 'yeji-out-of-scope',
        max: { cents: wan(10), inclusive: true },
        zh: '10万元以下：列入部门预算的可通过分散采购方式实施，不适用本办法',
        en: '100k yuan or less: if in the department budget, may be bought by decentralised procurement; outside these Measures',
        citation: cite('yeji', '第二条'),
        finding: { messageId: 'outOfScope', severity: 'warning' },
      },
      {
        id: 'yeji-plan',
        min: { cents: wan(10), inclusive: false },
        zh: '10万元以上：纳入年度政务信息化项目建设计划，报区政府批准后实施',
        en: 'Over 100k yuan: goes into the annual informatization construction plan, approved by the district government',
        citation: cite('yeji', '第二条、第八条'),
      },
    ],
    adjustmentNeedsApproval: cite('yeji', '第二十条'),
    budgetCitation: cite('yeji', '第二十条'),
    // 严格按照批复的专家审查论证意见和投资概算实施项目建设
    withinEstimateCitation: cite('yeji', '第十九条'),
  },
};

export const WULONG: ProfileDefinition = {
  id: 'wulong',
  extends: 'common',
  regulation: 'wulong',
  params: {
    // 第九条 and 第二十八条 write 3000万元以下 against 3000万元（含）以上: 3000 is in the upper band.
    thresholds: [
      {
        id: 'wulong-design',
        max: { cents: wan(3000), inclusive: false },
        zh: '总投资3000万元以下：可直接编制初步设计及概算（代可研）',
        en: 'Under 30 million yuan: preliminary design and estimate may be drafted directly (in lieu of a feasibility study)',
        citation: cite('wulong', '第九条'),
      },
      {
        id: 'wulong-feasibility',
        min: { cents: wan(3000), inclusive: true },
        zh: '总投资3000万元（含）以上：先编制可行性研究报告，再编制初步设计及概算方案',
        en: '30 million yuan or more: feasibility study report first, then preliminary design and estimate',
        citation: cite('wulong', '第九条'),
      },
      {
        id: 'wulong-acceptance-bureau',
        min: { cents: wan(3000), inclusive: true },
        zh: '建成后半年内申请区大数据发展局组织竣工验收',
        en: 'within six months of completion, apply to the District Big Data Development Bureau to organise acceptance',
        citation: cite('wulong', '第二十八条'),
      },
      {
        id: 'wulong-acceptance-self',
        max: { cents: wan(3000), inclusive: false },
        zh: '建成后半年内由建设单位组织竣工验收，结果报区大数据发展局备案',
        en: 'within six months of completion the unit organises acceptance and files the result with the District Big Data Development Bureau',
        citation: cite('wulong', '第二十八条'),
      },
      {
        // 附件 "升级改造金额在50万元以下的" has no paired 以上 here, so it counts the number.
        id: 'wulong-upgrade-om',
        max: { cents: wan(50), inclusive: true },
        when: 'upgrade',
        zh: '升级改造50万元以下且主体功能未改变的，作为运行维护项目处理',
        en: 'an upgrade of 500k yuan or less that keeps the main functions is handled as an O&M project',
        citation: cite('wulong', '附件《武隆区政务信息化项目申报范围及边界》运行维护项目'),
      },
    ],
    changeLimit: { percent: 15, citation: cite('wulong', '第二十六条') },
    changeFiling: {
      zh: '不增加项目总投资的，由项目建设单位调整，同时向区发展改革委、区财政局、区大数据发展局备案',
      en: 'without raising the total, the unit may adjust and files it with the district DRC, Finance Bureau and Big Data Development Bureau',
    },
    adjustmentMayNotRaiseTotal: cite('wulong', '第二十六条'),
    budgetCitation: cite('wulong', '第二十六条'),
    // 严格按照批复的初步设计及概算（代可研）…实施项目建设
    withinEstimateCitation: cite('wulong', '第二十五条'),
  },
};

export const LAIZHOU: ProfileDefinition = {
  id: 'laizhou',
  extends: 'common',
  regulation: 'laizhou',
  params: {
    // 第二十三条 writes 500万元及以上 against 500万元以下; 第十五条 500万元以上 counts the number too.
    thresholds: [
      {
        id: 'laizhou-supervision',
        min: { cents: wan(500), inclusive: true },
        zh: '500万元及以上：须实行工程监理；涉及软件开发的须提供第三方软件验收测评报告',
        en: '5 million yuan or more: engineering supervision required; software development needs a third-party acceptance test report',
        citation: cite('laizhou', '第二十三条'),
      },
      {
        id: 'laizhou-supervision-optional',
        max: { cents: wan(500), inclusive: false },
        zh: '500万元以下：视情况设置监理；不设置的由建设单位承担质量控制、流程监管和验收责任',
        en: 'Under 5 million yuan: supervision as needed; without it the unit bears quality control, process oversight and acceptance',
        citation: cite('laizhou', '第二十三条'),
      },
      {
        // 第十五条 binds 500万元以上的建设项目: an O&M project is not one.
        id: 'laizhou-standard',
        min: { cents: wan(500), inclusive: true },
        unless: 'maintenance',
        zh: '同步编制不少于1项市级及以上工程标准或团体标准（验收后1年内发布）',
        en: 'draft at least one municipal-or-higher engineering or group standard (published within a year of acceptance)',
        citation: cite('laizhou', '第十五条'),
      },
    ],
    changeLimit: { percent: 15, citation: cite('laizhou', '第十九条') },
    changeFiling: { zh: '由建设单位在采购前申请调整', en: 'the unit applies for the adjustment before procurement' },
    adjustBeforeProcurement: cite('laizhou', '第十九条'),
    budgetCitation: cite('laizhou', '第十九条'),
    // 严格按照审批部门批复的设计方案和投资概算开展项目建设
    withinEstimateCitation: cite('laizhou', '第十九条'),
    // The 10% sentence of 第二十九条 is the 政务治理类 one; 公共服务类 projects get 运营补助经费 instead.
    omFeeLimit: { percent: 10, citation: cite('laizhou', '第二十九条'), projectClass: '政务治理' },
  },
};

export const GENERIC: ProfileDefinition = {
  id: 'generic',
  extends: 'common',
  regulation: null,
  onlyAllProfileRules: true,
};

export const DEFINITIONS = { common: COMMON, wuhan: WUHAN, yeji: YEJI, wulong: WULONG, laizhou: LAIZHOU, generic: GENERIC };
