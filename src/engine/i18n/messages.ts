// Engine-level messages (workbook notices, profile reasons) in Chinese and English.
import type { Message } from '../rules/api';

export const ENGINE_MESSAGES = {
  'profile/generic': {
    zh: '未能确定适用哪个办法（{regulations}），只运行对所有办法都适用的检查：申报表/进度表的填写、金额一致性和经费口径表；门槛、调整比例和期限检查未运行。可手动选择办法。',
    en: 'No regulation ({regulationsEn}) could be determined, so only the checks common to all ran: form filling, amount consistency and the expense-scope table; thresholds, change limits and deadlines did not run. Pick a profile by hand to run them.',
  },
  'profile/expired': {
    zh: '{regulation}有效期至{to}，基准日期{asOf}已超出其施行期限；仍按该办法检查，结果仅供参考。',
    en: '{regulation} was in force until {to}; the reference date {asOf} is outside that period. The checks still ran under it, for reference only.',
  },
  'profile/not-yet-in-force': {
    zh: '{regulation}自{from}起施行，基准日期{asOf}早于施行日期；仍按该办法检查，结果仅供参考。',
    en: '{regulation} is in force from {from}; the reference date {asOf} is earlier. The checks still ran under it, for reference only.',
  },
  'profile/conflict': {
    zh: '工作簿中提到了不止一个地区：{reason}',
    en: 'The workbook mentions more than one place: {reason}',
  },
  'profile/chosen': {
    zh: '由用户选择',
    en: 'Chosen by the user',
  },
  'sheets/none-recognised': {
    zh: '没有识别出申报表、进度情况表或费用明细表，未做任何检查。可在工作表上手动指定表类型和表头行。',
    en: 'No declaration, progress or expense sheet was recognised, so nothing was checked. Set the sheet kind and header row by hand.',
  },
  'engine/rule-failed': {
    zh: '检查规则 {ruleId} 在工作表“{sheet}”出错（{error}），已跳过该规则，其他检查照常进行。',
    en: 'Rule {ruleId} failed on sheet "{sheet}" ({error}); it was skipped and the other checks ran.',
  },
} satisfies Record<string, Message>;

export type EngineMessageId = keyof typeof ENGINE_MESSAGES;
