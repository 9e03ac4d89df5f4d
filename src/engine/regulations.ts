// The shipped regulations by id (from their packs), and the one way to cite an article.
import type { Citation, ProfileId } from './types';
import { articleNumberEn, builtinRegistry } from './packs/registry';
import type { Regulation } from './packs/registry';

export type { Regulation };
/** A regulation pack's id. */
export type RegulationId = Exclude<ProfileId, 'generic'>;

/** The citation of one article of a shipped regulation. */
export function cite(id: RegulationId, article: string): Citation {
  const r = builtinRegistry().regulation(id);
  if (r === undefined) throw new Error(`no regulation ${id}`);
  return { profile: id, regulation: r.title, article };
}

/** The article that sets a regulation's period of force (its 施行 / 有效期 clause). */
export function validityCitation(r: Regulation): Citation {
  return { profile: r.id, regulation: r.title, article: r.validityArticle };
}

/** How a citation reads in a message or a cell note, e.g. 《武汉市…办法》第八条; in English the article numbers are English (《…》 Article 8). */
export function citationText(c: Citation, lang: 'zh' | 'en' = 'zh'): string {
  return lang === 'en' ? `${c.regulation} ${articleEn(c.article)}` : `${c.regulation}${c.article}`;
}

/** 第二条、第八条 → "Article 2, Article 8" (an annex keeps its Chinese title, which is its name). */
export function articleEn(article: string): string {
  return article
    .split('、')
    .map((part) => articleNumberEn(part))
    .join(', ');
}

/** The text of the article (or annex) a citation names, from its regulation's pack; null when it has none. */
export function articleText(c: Citation, regulations: readonly Regulation[] = builtinRegistry().regulations): { title: string; article: string; text: string } | null {
  const r = regulations.find((x) => x.id === c.profile && x.title === c.regulation);
  if (r === undefined) return null;
  const parts: string[] = [];
  for (const part of c.article.split('、')) {
    const name = part.startsWith('附件') ? Object.keys(r.articles).find((k) => part.startsWith(k)) : part in r.articles ? part : undefined;
    if (name !== undefined) parts.push(c.article.includes('、') ? `${name}\u3000${r.articles[name]}` : r.articles[name]);
  }
  if (parts.length === 0) return null;
  return { title: r.title, article: c.article, text: parts.join('\n\n') };
}
