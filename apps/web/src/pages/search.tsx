import type { Facets, SearchSort } from '@fram/models';
import { SEARCH_SORTS } from '@fram/models';
import { useEffect, useRef } from 'preact/hooks';
import { api, logEvent } from '../api';
import { FacetFilters } from '../components/search/facet-filters';
import { Pager } from '../components/search/pager';
import { SearchHitRow } from '../components/search/search-hit';
import { FACETS, requestFilters, SORT_LABELS } from '../components/search/search-state';
import { Status } from '../components/status';
import { Tabs } from '../components/tabs';
import { useLoad } from '../components/use-load';
import { navigate } from '../navigation';
import { searchHref } from '../routes';
import type { Resource, SearchHit } from '../types';

const PER_PAGE = 10;
const RESOURCES: Resource[] = ['table', 'user', 'dashboard', 'feature'];
const LABELS: Record<Resource, string> = { table: 'Tables', user: 'People', dashboard: 'Dashboards', feature: 'ML features' };

type ResultsPage = { page_index: number; results: SearchHit[]; total_results: number; facets?: Facets };
type Results = { search_term: string } & Partial<Record<Resource, ResultsPage>>;

function SortSelect(props: { sort: SearchSort; onChange: (sort: SearchSort) => void }) {
  return (
    <div class="sort-select">
      <label for="search-sort">Sort by</label>
      <select id="search-sort" value={props.sort} onChange={(e) => props.onChange(e.currentTarget.value as SearchSort)}>
        {SEARCH_SORTS.map((s) => (
          <option key={s} value={s}>
            {SORT_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Search results: a tab per resource with its count (ML features when there are some), filters with the
 * counts of their values, sorting, rows that help choose (badges, tags, last updated, usage), page numbers.
 * Everything is in the URL.
 */
export function SearchPage(props: {
  term: string;
  resource: Resource;
  pageIndex: number;
  filters: Record<string, string>;
  sort: SearchSort;
}) {
  const { term, resource: tab, filters, pageIndex, sort } = props;
  const filterKey = JSON.stringify(filters);
  const count = useRef<HTMLParagraphElement>(null);
  const shown = useRef({ term, tab, pageIndex, sort, filterKey });
  useEffect(() => {
    // Another page of the results starts at the top of the results (not at the pager at the bottom); after
    // another sort or filters, focus stays where it is unless what had it went (e.g. a button now disabled).
    // Another search or tab keeps focus where the person is (the search box, the tab).
    const before = shown.current;
    shown.current = { term, tab, pageIndex, sort, filterKey };
    if (before.term !== term || before.tab !== tab) return;
    if (before.pageIndex === pageIndex && before.sort === sort && before.filterKey === filterKey) return;
    const active = document.activeElement as HTMLElement | null;
    const lost = !active || active === document.body || !active.isConnected || (active as HTMLButtonElement).disabled === true;
    if (before.pageIndex !== pageIndex || lost) count.current?.focus();
  }, [term, tab, pageIndex, sort, filterKey]);
  const results = useLoad(() => {
    logEvent('search', term || '(browse)', { search_term: term, search_page_index: pageIndex, resource_type: tab });
    return api<Results>('POST', '/api/search/v1/search', {
      searchTerm: term,
      pageIndex,
      resultsPerPage: PER_PAGE,
      resources: RESOURCES,
      filters: { [tab]: requestFilters(filters) },
      highlightingOptions: Object.fromEntries(RESOURCES.map((r) => [r, { enable_highlight: true }])),
      sortBy: sort,
      facets: { [tab]: FACETS[tab].map((f) => f.field) },
    });
  }, [term, tab, pageIndex, filterKey, sort]);
  const go = (r: Resource, page: number, f: Record<string, string>, s: SearchSort = sort) => navigate(searchHref(term, r, page, f, s));
  const found = results.data?.[tab];
  const pages = found ? Math.ceil(found.total_results / PER_PAGE) : 0;
  const showFeatures = tab === 'feature' || (results.data?.feature?.total_results ?? 0) > 0;
  // ML features only where the catalog has some that match (most catalogs have none).
  const tabs = RESOURCES.filter((r) => r !== 'feature' || showFeatures);
  const now = Date.now();
  return (
    <div class="search-page">
      <h1 tabIndex={-1}>{term ? <>Results for “{term}”</> : 'Browse the catalog'}</h1>
      <div class="search-layout">
        <FacetFilters resource={tab} facets={found?.facets} filters={filters} apply={(f) => go(tab, 0, f)} />
        <div class="search-results">
          <Tabs
            label="Resource"
            selected={tab}
            onSelect={(id) => go(id as Resource, 0, {})}
            tabs={tabs.map((r) => ({
              id: r,
              label: (
                <>
                  {LABELS[r]} <span class="count">{results.data?.[r]?.total_results ?? '…'}</span>
                </>
              ),
            }))}
          >
            <div class="results-bar">
              <p class="muted small results-count" aria-live="polite" tabIndex={-1} ref={count}>
                {found
                  ? found.total_results === 0
                    ? 'No results'
                    : `${found.total_results.toLocaleString('en')} ${found.total_results === 1 ? 'result' : 'results'} · page ${pageIndex + 1} of ${pages}`
                  : ''}
              </p>
              <SortSelect sort={sort} onChange={(s) => go(tab, 0, filters, s)} />
            </div>
            <Status of={results}>
              {(data) => {
                const page = data[tab] ?? { results: [], total_results: 0, page_index: 0 };
                if (page.total_results === 0)
                  return (
                    <p class="muted">
                      No {LABELS[tab].toLowerCase()} match{filterKey !== '{}' ? ' these filters' : ''}.
                    </p>
                  );
                return (
                  <>
                    <ol class="hits">
                      {page.results.map((hit, i) => (
                        <SearchHitRow key={`${hit.key ?? i}`} hit={hit} now={now} />
                      ))}
                    </ol>
                    <Pager pageIndex={pageIndex} pages={pages} href={(p) => searchHref(term, tab, p, filters, sort)} />
                  </>
                );
              }}
            </Status>
          </Tabs>
        </div>
      </div>
    </div>
  );
}
