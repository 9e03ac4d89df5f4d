// A cell note names the row's project and uses full-width punctuation in Chinese; English notes are English.
import { noteText } from '../../src/engine/presentation';

const base = { citation: null } as const;

test('the note names the project first, then the findings most severe first, with a full-width colon in Chinese', () => {
  const zh = noteText(
    [
      { ...base, severity: 'warning', message: '联系电话位数不对', project: '智慧城管平台' },
      { ...base, severity: 'error', message: '负责人未填写', project: '智慧城管平台' },
    ],
    'zh',
  );
  expect(zh).toBe('【fundcheck 资金规则检查】\n项目：智慧城管平台\n错误：负责人未填写\n警告：联系电话位数不对');
  expect(zh).not.toMatch(/[^\s]: /);
  const en = noteText([{ ...base, severity: 'info', message: 'Check the path', project: '教育云' }], 'en');
  expect(en).toBe('[fundcheck funding check]\nProject: 教育云\nInfo: Check the path');
});

test('without a project name the note is the findings alone', () => {
  expect(noteText([{ ...base, severity: 'error', message: 'x' }], 'zh')).toBe('【fundcheck 资金规则检查】\n错误：x');
});
