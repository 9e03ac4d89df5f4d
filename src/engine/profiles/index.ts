// Profiles come from the regulation registry (packs resolved once); detection reads the registry's words.
import type { ProfileId } from '../types';
import { builtinRegistry } from '../packs/registry';
import type { Profile } from './types';

export * from './types';
export { detectProfile } from './detect';
export type { Detection } from './detect';

/** The shipped regulations' ids, then 'generic'. */
export function profileIds(): ProfileId[] {
  return [...builtinRegistry().ids(), 'generic'];
}

/** A shipped regulation's profile (or the generic one). Throws on an unknown id: callers pass ids they got from the registry. */
export function getProfile(id: ProfileId): Profile {
  const p = builtinRegistry().profile(id);
  if (p === undefined) throw new Error(`no regulation ${id}`);
  return p;
}
