// The article a finding cites, on demand: its text from the regulation's pack and what to do; the citation shortened to the article when the regulation is already named in the view.
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import type { Citation, Finding } from '../engine/types';
import type { AdditionStrings } from './additions-strings';

/** The engine's article look-up (articleText in src/engine): injected so tests can stand in for the packs. */
export type ArticleLookup = (c: Citation) => { title: string; article: string; text: string } | null;

export interface ArticleViewProps {
  s: AdditionStrings;
  finding: Finding;
  lookup: ArticleLookup;
  /** The citation as this view shows it (shortened to the article when the regulation is named above). */
  cite: (c: Citation) => string;
  /** What to do about the finding, in the pane's language. */
  whatToDo: string;
  onClose: () => void;
}

export function ArticleView(props: ArticleViewProps): React.ReactElement | null {
  const { s, finding: f } = props;
  if (!f.citation) return null;
  const found = props.lookup(f.citation);
  const headingId = `article-${f.sheet}-${f.cell}-${f.ruleId}`.replace(/[^\w-]/g, '_');
  return (
    <section aria-labelledby={headingId} data-testid="article" style={{ marginTop: 6, padding: 6, borderLeft: '3px solid #0f6cbd', background: '#f7fafd', fontSize: 12 }}>
      <h4 id={headingId} style={{ fontSize: 12, margin: '0 0 4px' }} data-testid="article-heading">
        {`${s.articleCited}：${props.cite(f.citation)}`}
      </h4>
      {found ? (
        <p data-testid="article-text" style={{ whiteSpace: 'pre-wrap', margin: '0 0 6px' }}>
          {found.text}
        </p>
      ) : (
        <p data-testid="article-missing" style={{ margin: '0 0 6px', color: '#616161' }}>
          {s.articleMissing}
        </p>
      )}
      <h4 style={{ fontSize: 12, margin: '0 0 2px' }}>{s.articleWhatToDo}</h4>
      <p data-testid="article-todo" style={{ margin: '0 0 6px' }}>
        {props.whatToDo}
      </p>
      <Button size="small" onClick={props.onClose}>
        {s.articleClose}
      </Button>
    </section>
  );
}
