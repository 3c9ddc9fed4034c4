// A page heading in the grouped review list: the page's title, site and how many notes it has.
import type { Ref } from 'preact';
import { isolate } from '../core/i18n/reader-text';
import { plural } from '../core/i18n/translate';
import type { SearchQuery } from '../core/search/query';
import { isWebUrl } from '../core/url/web-address';
import { Marked } from './marked';

export interface PageRowProps {
  title: string;
  url: string;
  site: string;
  count: number;
  query: SearchQuery;
  active: boolean;
  position: number;
  setSize: number;
  top: number;
  rowRef: Ref<HTMLElement>;
  onFocus(): void;
}

export function PageRow(props: PageRowProps) {
  const { title, url, site, count, query } = props;
  return (
    <article
      ref={props.rowRef}
      class="row page-row"
      style={{ transform: `translateY(${props.top}px)` }}
      tabIndex={props.active ? 0 : -1}
      aria-posinset={props.position}
      aria-setsize={props.setSize}
      aria-label={plural('review_page_row_label', count, { page: isolate(title || url) })}
      onFocus={(event) => {
        if (event.target === event.currentTarget) props.onFocus();
      }}
    >
      <h2 dir="auto">
        {isWebUrl(url) ? (
          <a href={url} target="_blank" rel="noopener noreferrer" tabIndex={-1}>
            <Marked text={title || url} query={query} />
          </a>
        ) : (
          <Marked text={title || url} query={query} />
        )}
      </h2>
      <span class="site" dir="auto">
        <Marked text={site} query={query} />
      </span>
      <span class="count">{plural('review_count', count)}</span>
    </article>
  );
}
