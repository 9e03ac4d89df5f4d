// Public entry of the engine: check(), the report types, profiles and detection, rule metadata and i18n helpers.
export * from './types';
export { REGULATIONS, cite, citationText } from './regulations';
export type { Regulation, RegulationId } from './regulations';
export { check, columnLetter, a1 } from './engine';
export { computedValues } from './computed';
export { detectProfile, PROFILES, PROFILE_IDS, getProfile } from './profiles';
export type { Detection, Profile, ProfileParams, ThresholdBand } from './profiles';
export { RULES, RULE_DOCS } from './rules/registry';
export type { RuleDoc } from './rules/registry';
export { createRule } from './rules/api';
export type { Rule, Message, Params, RecordContext, SheetContext } from './rules/api';
export { t, formatMessage, messageKeys, ENGINE_MESSAGES } from './i18n';
export { DEADLINE_HEADERS } from './deadlines';
export { SHEET_UNCHECKED, uncheckedSheets, dataBlockStart } from './rules/coverage';
export { templateCitation } from './templates';
export { calendarFor, calendarCoverage } from './calendar/workdays';
export { HolidayScheduleError, readHolidaySource, summarizeHolidaySchedule, validateHolidaySchedule, validateHolidaySchedules } from './calendar/schedule';
export { parseHolidayNotice } from './calendar/notice';
