// Header texts of the computed columns, and which deadline keys a profile's regulation defines (its pack's deadlines, in order).
import type { ComputedKey, ProfileId } from '../types';
import type { Profile } from '../profiles/types';
import { getProfile } from '../profiles';
import { COMPUTED_HEADERS } from '../vocabulary';

/** Header texts of the computed columns: the vocabulary's, so field and computed labels live in one table. */
export const DEADLINE_HEADERS: Readonly<Record<ComputedKey, { zh: string; en: string }>> = COMPUTED_HEADERS;

const KEYS = new WeakMap<Profile, readonly ComputedKey[]>();

/** A profile, or a shipped regulation's id (tests and callers that name one). */
export function profileOf(profile: Profile | ProfileId): Profile {
  return typeof profile === 'string' ? getProfile(profile) : profile;
}

/**
 * The shared, read-only list (for the engine's per-row loop). Order matters: computeDeadlines returns results in it
 * and computed columns are laid out in it. A key given twice in a pack (one per condition) counts once.
 */
export function keysOf(profile: Profile | ProfileId): readonly ComputedKey[] {
  const p = profileOf(profile);
  let keys = KEYS.get(p);
  if (keys === undefined) {
    keys = Object.freeze([...new Set(p.deadlines.map((d) => d.key))]);
    KEYS.set(p, keys);
  }
  return keys;
}

/** Deadline keys the profile's regulation defines (a fresh array; callers may keep it). */
export function applicableDeadlineKeys(profile: Profile | ProfileId): ComputedKey[] {
  return keysOf(profile).slice();
}
