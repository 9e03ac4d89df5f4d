// Profiles resolved once at load (extends → merged rules and params), and profile detection.
import type { ProfileId } from '../types';
import { DEFINITIONS } from './definitions';
import type { Profile, ProfileDefinition, ProfileParams } from './types';

export * from './types';
export { detectProfile } from './detect';
export type { Detection } from './detect';

function resolve(def: ProfileDefinition): Profile {
  const base = def.extends ? DEFINITIONS[def.extends] : undefined;
  const params = { ...(base?.params ?? {}), ...(def.params ?? {}) } as ProfileParams;
  return {
    id: def.id as ProfileId,
    regulation: def.regulation,
    onlyAllProfileRules: def.onlyAllProfileRules ?? base?.onlyAllProfileRules ?? false,
    rules: { ...(base?.rules ?? {}), ...(def.rules ?? {}) },
    params,
  };
}

export const PROFILE_IDS: readonly ProfileId[] = ['wuhan', 'yeji', 'wulong', 'laizhou', 'generic'];

export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  wuhan: resolve(DEFINITIONS.wuhan),
  yeji: resolve(DEFINITIONS.yeji),
  wulong: resolve(DEFINITIONS.wulong),
  laizhou: resolve(DEFINITIONS.laizhou),
  generic: resolve(DEFINITIONS.generic),
};

export function getProfile(id: ProfileId): Profile {
  return PROFILES[id];
}
