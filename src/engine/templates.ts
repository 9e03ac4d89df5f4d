// Citations of the templates form-filling checks come from: the forms a regulation's pack names (its own or borrowed) and the expense-scope table.
import type { Citation, FieldKey, SheetKind } from './types';
import type { Profile } from './profiles/types';
import type { Templates } from './packs/registry';
import { builtinRegistry } from './packs/registry';
import { FEE_TABLE } from './packs/expense-table';

type Which = 'declaration' | 'progress';

// Built once per (forms, form, part) and shared, never changed: a sheet can have a finding on every row.
const cache = new WeakMap<Templates, Map<string, Citation>>();

/** The forms a profile cites: its pack's, else the shipped default (the generic profile's). */
function formsOf(profile: Profile | undefined): Templates | null {
  return profile?.templates ?? builtinRegistry().generic.templates;
}

/**
 * A form at a field's printed label or a note (说明2), or as a whole (part ''): 附件1《…申报表》联系电话. Null when the
 * regulation's forms have no such form.
 */
export function formCitation(profile: Profile | undefined, which: Which, part = ''): Citation | null {
  const forms = formsOf(profile);
  const form = forms?.[which];
  if (forms === null || form === null || form === undefined) return null;
  let byPart = cache.get(forms);
  if (byPart === undefined) cache.set(forms, (byPart = new Map()));
  const key = `${which}\u0000${part}`;
  let c = byPart.get(key);
  if (c === undefined) {
    c = Object.freeze({ profile: forms.regulation.id, regulation: forms.regulation.title, article: form.title + part, kind: 'template' as const });
    byPart.set(key, c);
  }
  return c;
}

const EXPENSE_CITATION: Citation = Object.freeze({ ...FEE_TABLE, kind: 'template' as const });

/**
 * What a form-filling finding cites: the form of its sheet's kind, at the field's printed label when the form has
 * that field (the declaration form for declarations, the progress form for progress forms and ledgers), the expense
 * table for expense sheets, and both forms for a sheet that matched neither.
 */
export function templateCitation(kind: SheetKind, field?: FieldKey, profile?: Profile): Citation | null {
  if (kind === 'expense') return EXPENSE_CITATION;
  const forms = formsOf(profile);
  if (forms === null) return null;
  if (kind === 'unknown') return bothForms(forms);
  const which: Which = kind === 'declaration' ? 'declaration' : 'progress';
  const label = field === undefined ? undefined : forms[which]?.fields[field];
  return formCitation(profile, which, label ?? '');
}

// Neither form was matched: cite both layouts recognition looks for.
const BOTH = new WeakMap<Templates, Citation | null>();
function bothForms(forms: Templates): Citation | null {
  let c = BOTH.get(forms);
  if (c === undefined) {
    const titles = [forms.declaration?.title, forms.progress?.title].filter((t) => t !== undefined);
    c = titles.length === 0 ? null : Object.freeze({ profile: forms.regulation.id, regulation: forms.regulation.title, article: titles.join('、'), kind: 'template' as const });
    BOTH.set(forms, c);
  }
  return c;
}

/** The declaration form (附件1) of the shipped default forms, at a label or note. */
export function form1Citation(part = ''): Citation {
  return formCitation(undefined, 'declaration', part)!;
}

/** The progress form (附件2) of the shipped default forms, at a label or note. */
export function form2Citation(part = ''): Citation {
  return formCitation(undefined, 'progress', part)!;
}
