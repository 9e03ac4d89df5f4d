// Header texts of the computed columns, and which deadline keys each profile's regulation defines (RULES.md §4).
import type { ComputedKey, ProfileId } from '../types';
import { COMPUTED_HEADERS } from '../vocabulary';

/** Header texts of the computed columns: the vocabulary's, so field and computed labels live in one table. */
export const DEADLINE_HEADERS: Readonly<Record<ComputedKey, { zh: string; en: string }>> = COMPUTED_HEADERS;

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
