// Sheet kinds from the mapped columns, and the kind-specific reading of ambiguous columns.
import { classifyTable, remapForKind, titleHint } from '../../../src/engine/recognize/classify';
import type { FieldKey, SheetKind } from '../../../src/engine/types';

const cols = (...keys: FieldKey[]): Partial<Record<FieldKey, number>> => Object.fromEntries(keys.map((k, i) => [k, i]));

describe('classifyTable', () => {
  test.each<[string, FieldKey[], ReturnType<typeof titleHint>, SheetKind]>([
    ['declaration: name + investment + funds', ['projectName', 'investment', 'fundFiscal', 'period'], null, 'declaration'],
    ['declaration: name + investment only', ['projectName', 'investment'], null, 'declaration'],
    ['declaration: 总投资 with funds', ['projectName', 'totalInvestment', 'fundFiscal', 'fundSelf'], null, 'declaration'],
    ['ledger: 总投资 + 已投资', ['projectName', 'totalInvestment', 'invested'], null, 'progress-table'],
    ['ledger: deadlines only', ['projectName', 'acceptanceDate'], null, 'progress-table'],
    ['ledger: approved budget', ['projectName', 'approvedBudget', 'adjustment'], null, 'progress-table'],
    ['ledger: 项目投资 + 已投资 + dates', ['projectName', 'investment', 'invested', 'completionDate'], null, 'progress-table'],
    ['ledger by title: name + investment', ['projectName', 'investment'], 'progress', 'progress-table'],
    ['expense: item + amount', ['item', 'amount', 'quantity'], null, 'expense'],
    ['expense: name + amount, nothing else', ['seq', 'projectName', 'amount', 'remark'], null, 'expense'],
    ['unknown: amount only', ['amount', 'remark'], null, 'unknown'],
    ['unknown: contact columns', ['contact', 'phone'], null, 'unknown'],
    ['unknown: name only', ['projectName', 'remark'], null, 'unknown'],
    ['best effort by title', ['projectName', 'unit', 'owner'], 'declaration', 'declaration'],
  ])('%s', (_n, keys, hint, kind) => {
    expect(classifyTable(cols(...keys), hint).kind).toBe(kind);
  });
});

describe('titleHint', () => {
  test.each<[string, ReturnType<typeof titleHint>]>([
    ['六安市叶集区政务信息化项目申报表', 'declaration'],
    ['六安市叶集区政务信息化项目进度情况表', 'progress'],
    ['智慧城管项目费用明细', 'expense'],
    ['填表说明', null],
  ])('%s', (title, hint) => {
    expect(titleHint(title)).toBe(hint);
  });
});

describe('remapForKind', () => {
  test('moves a column only where the kind has no column of its own', () => {
    const c = cols('projectName', 'totalInvestment', 'item');
    const u: Partial<Record<FieldKey, '万元' | '元'>> = { totalInvestment: '万元' };
    remapForKind('declaration', c, u);
    expect(c).toEqual({ projectName: 0, investment: 1, description: 2 });
    expect(u).toEqual({ investment: '万元' });

    const both = cols('projectName', 'investment', 'totalInvestment');
    remapForKind('declaration', both, {});
    expect(both).toEqual({ projectName: 0, investment: 1, totalInvestment: 2 });
  });

  test('a ledger reads 项目投资 as 总投资 and 建设内容 as its content', () => {
    const c = cols('projectName', 'investment', 'item');
    remapForKind('progress-table', c, {});
    expect(c).toEqual({ projectName: 0, totalInvestment: 1, content: 2 });
  });
});
