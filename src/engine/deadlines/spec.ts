// A regulation's deadline as the engine computes it: a pack's deadline entry with its citation and amounts in cents.
import type { Citation, ComputedKey, FieldKey } from '../types';

export interface CentsBound {
  cents: number;
  inclusive: boolean;
}

interface SpecBase {
  key: ComputedKey;
  citation: Citation;
}

/** `months` after an event, or after the later of two (both needed). */
export interface AfterEventSpec extends SpecBase {
  kind: 'afterEvent';
  after: readonly FieldKey[];
  months: number;
  event?: FieldKey;
  proof?: FieldKey;
  informational: boolean;
  investment?: { min?: CentsBound; max?: CentsBound; ifUnknown: boolean };
  projectClass?: string;
  notMaintenance: boolean;
}

export interface YearEndSpec extends SpecBase {
  kind: 'yearEndWhileBuilding';
  event: FieldKey;
}

export interface QuarterlyWindowSpec extends SpecBase {
  kind: 'quarterlyWindow';
  workingDays: number;
  longerThanMonths: number;
}

export interface BeforeProjectYearSpec extends SpecBase {
  kind: 'beforeProjectYear';
  month: number;
  day: number;
  lateCitation: Citation;
}

export type DeadlineSpec = AfterEventSpec | YearEndSpec | QuarterlyWindowSpec | BeforeProjectYearSpec;
