// Citations of the templates form-filling checks come from: the Yeji 附件1/附件2 forms and the Wulong expense table.
import type { Citation, FieldKey, SheetKind } from './types';
import { REGULATIONS } from './regulations';
import type { RegulationId } from './regulations';

// Titles and labels as the annexes print them (line breaks inside the printed cells joined).
const FORM1 = '附件1《六安市叶集区政务信息化项目申报表》';
const FORM2 = '附件2《六安市叶集区政务信息化项目进度情况表》';
const EXPENSE_TABLE = '附件《武隆区政务信息化项目申报范围及边界》政务信息化项目费用分类';

const FORM1_FIELDS: Partial<Record<FieldKey, string>> = {
  seq: '序号',
  unit: '建设单位',
  projectName: '项目名称',
  description: '项目简要说明及建设依据',
  period: '建设年度',
  investment: '项目投资（万元）',
  // The four sources sit under one printed heading (the form's own typo 银行货款 included), so cite the heading.
  fundFiscal: '资金筹措',
  fundLoan: '资金筹措',
  fundSelf: '资金筹措',
  fundOther: '资金筹措',
  owner: '负责人',
  contact: '联系人',
  phone: '联系电话',
  email: '电子邮箱',
  remark: '备注',
};

const FORM2_FIELDS: Partial<Record<FieldKey, string>> = {
  unit: '项目建设单位名称（盖章）',
  owner: '负责人',
  reportDate: '填报日期',
  fax: '传真',
  contact: '联系人',
  phone: '电话',
  mobile: '手机',
  email: 'E-MAIL',
  projectName: '项目名称',
  content: '主要内容',
  builder: '建设单位',
  progress: '建设进度',
  totalInvestment: '总投资（万元）',
  invested: '已投资（万元）',
};

function templateCite(profile: RegulationId, article: string): Citation {
  return { profile, regulation: REGULATIONS[profile].title, article, kind: 'template' };
}

/** The declaration form (附件1), at a field's printed label or a note (说明2), or as a whole. */
export function form1Citation(part = ''): Citation {
  return templateCite('yeji', FORM1 + part);
}

/** The progress report form (附件2), at a field's printed label or a note, or as a whole. */
export function form2Citation(part = ''): Citation {
  return templateCite('yeji', FORM2 + part);
}

const EXPENSE_CITATION = templateCite('wulong', EXPENSE_TABLE);
// Neither form was matched: cite both layouts recognition looks for.
const UNKNOWN_CITATION = templateCite('yeji', `${FORM1}、${FORM2}`);

// Built once per (kind, field), looked up without building a key: a sheet can have a finding on every row, and a
// finding's citation is shared, never changed.
const cache = new Map<SheetKind, Map<FieldKey | undefined, Citation>>();

/**
 * What a form-filling finding cites: the template of its sheet's kind, at the field's printed label when the
 * template has that field (附件1 for declarations, 附件2 for progress forms and ledgers), the expense table for
 * expense sheets, and both forms for a sheet that matched neither.
 */
export function templateCitation(kind: SheetKind, field?: FieldKey): Citation {
  if (kind === 'expense') return EXPENSE_CITATION;
  if (kind === 'unknown') return UNKNOWN_CITATION;
  let byField = cache.get(kind);
  if (byField === undefined) cache.set(kind, (byField = new Map()));
  let c = byField.get(field);
  if (c === undefined) {
    const isForm1 = kind === 'declaration';
    const label = field === undefined ? undefined : (isForm1 ? FORM1_FIELDS : FORM2_FIELDS)[field];
    c = isForm1 ? form1Citation(label ?? '') : form2Citation(label ?? '');
    byField.set(field, c);
  }
  return c;
}
