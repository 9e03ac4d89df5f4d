// Header texts of the computed columns, and which deadline keys each profile's regulation defines (RULES.md §4).
import type { ComputedKey, ProfileId } from '../types';
import { COMPUTED_HEADER_MARKER } from '../types';

const M = COMPUTED_HEADER_MARKER;

/**
 * zh headers end with COMPUTED_HEADER_MARKER so recognition never mistakes a written-back column for a user column;
 * en headers end with ' (auto)'.
 */
export const DEADLINE_HEADERS: Record<ComputedKey, { zh: string; en: string }> = {
  approvalPath: { zh: `审批/管理路径${M}`, en: 'Approval path (auto)' },
  expenseScope: { zh: `经费口径${M}`, en: 'Expense scope (auto)' },
  declarationDue: { zh: `申报截止${M}`, en: 'Declaration due (auto)' },
  nextProgressReportDue: { zh: `下次进度报送截止${M}`, en: 'Next progress report due (auto)' },
  annualPerformanceReportDue: { zh: `年度绩效评价报告截止${M}`, en: 'Annual performance report due (auto)' },
  acceptanceDue: { zh: `验收截止${M}`, en: 'Acceptance due (auto)' },
  acceptanceApplicationDue: { zh: `竣工验收申请截止${M}`, en: 'Acceptance application due (auto)' },
  selfEvaluationFrom: { zh: `绩效自评价起${M}`, en: 'Self-evaluation from (auto)' },
  selfEvaluationDue: { zh: `绩效自评价截止${M}`, en: 'Self-evaluation due (auto)' },
  standardPublicationDue: { zh: `标准发布截止${M}`, en: 'Standard publication due (auto)' },
  freeMaintenanceUntil: { zh: `免费运维期至（不少于）${M}`, en: 'Free maintenance until, at least (auto)' },
};

// Order matters: computeDeadlines returns results in this order, and computed columns are laid out in it.
const KEYS_BY_PROFILE: Record<ProfileId, readonly ComputedKey[]> = {
  wuhan: ['annualPerformanceReportDue', 'acceptanceDue', 'selfEvaluationFrom', 'selfEvaluationDue'],
  yeji: ['declarationDue', 'nextProgressReportDue', 'acceptanceApplicationDue', 'selfEvaluationDue'],
  wulong: ['annualPerformanceReportDue', 'acceptanceDue', 'selfEvaluationFrom', 'selfEvaluationDue'],
  laizhou: [
    'annualPerformanceReportDue',
    'acceptanceDue',
    'selfEvaluationDue',
    'standardPublicationDue',
    'freeMaintenanceUntil',
  ],
  // No deadline rule is marked *all* in RULES.md §4: the generic profile computes none.
  generic: [],
};

/** The shared, read-only list (for the engine's per-row loop). */
export function keysOf(profile: ProfileId): readonly ComputedKey[] {
  return KEYS_BY_PROFILE[profile];
}

/** Deadline keys the profile's regulation defines (a fresh array; callers may keep it). */
export function applicableDeadlineKeys(profile: ProfileId): ComputedKey[] {
  return KEYS_BY_PROFILE[profile].slice();
}
