// The four regulations the checker implements, with their periods of force, and the one way to cite them.
import type { Citation, ProfileId } from './types';

export type RegulationId = Exclude<ProfileId, 'generic'>;

export interface Regulation {
  id: RegulationId;
  /** Title with document number, as printed in the seed text. */
  title: string;
  titleEn: string;
  /** File name of the copy of this regulation's text (the title above) the rules were written from; provenance only, never read. */
  source: string;
  /** First day in force, YYYY-MM-DD, or null when the text gives no date (自印发之日起施行 with no date printed). */
  inForceFrom: string | null;
  /** Last day in force, or null while it has no end. */
  inForceTo: string | null;
  /** The article on the period of force (施行/有效期), cited by the expired and not-yet-in-force notices. */
  validityArticle: string;
}

export const REGULATIONS: Record<RegulationId, Regulation> = {
  wuhan: {
    id: 'wuhan',
    title: '《武汉市政务信息化项目建设管理办法》',
    titleEn: 'Wuhan Measures for the Construction Management of Government Informatization Projects',
    source: '000_da3b04962da621c3.txt',
    inForceFrom: null,
    inForceTo: null,
    // 第三十一条: 本办法自印发之日起施行 (no date printed).
    validityArticle: '第三十一条',
  },
  yeji: {
    id: 'yeji',
    title: '《六安市叶集区政务信息化项目管理办法》（叶政办〔2020〕19号）',
    titleEn: 'Ye Ji District (Lu’an) Measures for Government Informatization Projects (Ye Zheng Ban [2020] No. 19)',
    source: '001_fd3e7e3f47869378.txt',
    // 第三十一条: 自发布之日起施行; the notice is dated 2020年7月17日.
    inForceFrom: '2020-07-17',
    inForceTo: null,
    validityArticle: '第三十一条',
  },
  wulong: {
    id: 'wulong',
    title: '《武隆区政务信息化项目管理办法》（武隆府办发〔2022〕47号）',
    titleEn: 'Wulong District Measures for Government Informatization Projects (Wulong Fu Ban Fa [2022] No. 47)',
    source: '003_2036707db06e43c1.txt',
    // 第三十九条: 自印发之日起施行, and the text is printed "2022年7月4日印发" (the notice itself is dated
    // 2022年6月29日; RULES.md says 06-29, but the seed's 印发 date is what the article refers to).
    inForceFrom: '2022-07-04',
    inForceTo: null,
    validityArticle: '第三十九条',
  },
  laizhou: {
    id: 'laizhou',
    title: '《莱州市政务信息化项目管理办法（试行）》（莱政办发〔2022〕6号）',
    titleEn: 'Laizhou Measures for Government Informatization Projects (Trial) (Lai Zheng Ban Fa [2022] No. 6)',
    source: '004_c5af67b83d2a0dd5.txt',
    // 第四十二条: 自2022年9月29日起施行，有效期至2024年9月28日.
    inForceFrom: '2022-09-29',
    inForceTo: '2024-09-28',
    validityArticle: '第四十二条',
  },
};

/** The citation of one article of a regulation. */
export function cite(id: RegulationId, article: string): Citation {
  return { profile: id, regulation: REGULATIONS[id].title, article };
}

/** The article that sets the regulation's period of force (its 施行 / 有效期 clause). */
export function validityCitation(id: RegulationId): Citation {
  return cite(id, REGULATIONS[id].validityArticle);
}

/** How a citation reads in a message or a cell note, e.g. 《武汉市…办法》第八条. */
export function citationText(c: Citation): string {
  return `${REGULATIONS[c.profile].title}${c.article}`;
}
