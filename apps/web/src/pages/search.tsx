import { useEffect, useState } from 'preact/hooks';
import { api, logEvent } from '../api';
import { Highlighted } from '../components/highlighted';
import { Link } from '../components/link';
import { Status } from '../components/status';
import { Tabs } from '../components/tabs';
import { useLoad } from '../components/use-load';
import { markdownToText } from '../markdown';
import { navigate } from '../navigation';
import { dashboardHref, searchHref, tableHref, userHref } from '../routes';
import type { Resource, SearchHit, SearchResults } from '../types';

const PER_PAGE = 10;
const LABELS: Record<Resource, string> = { table: 'Tables', user: 'People', dashboard: 'Dashboards' };

/** Amundsen's filter fields per resource (comma lists, wildcards allowed). */
const FILTERS: Record<Resource, { name: string; label: string }[]> = {
  table: [
    { name: 'database', label: 'Source' },
    { name: 'schema', label: 'Schema' },
    { name: 'table', label: 'Table' },
    { name: 'column', label: 'Column' },
    { name: 'tag', label: 'Tag' },
  ],
  dashboard: [
    { name: 'product', label: 'Product' },
    { name: 'group_name', label: 'Group' },
    { name: 'name', label: 'Name' },
    { name: 'tag', label: 'Tag' },
  ],
  user: [{ name: 'team_name', label: 'Team' }],
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The first highlight of a field, else the plain value. */
function Field(props: { hit: SearchHit; field: string; fallback: string }) {
  const fragment = props.hit.highlight?.[props.field]?.[0];
  return fragment ? <Highlighted fragment={fragment} /> : <>{props.fallback}</>;
}

/** A description (Markdown) as one line of text: its first highlight, else its text. */
function Description(props: { hit: SearchHit }) {
  const fragment = props.hit.highlight?.['description']?.[0];
  return (
    <p class="resource-description">
      {fragment ? <Highlighted markdown fragment={fragment} /> : markdownToText(text(props.hit['description']))}
    </p>
  );
}

function Hit(props: { hit: SearchHit }) {
  const { hit } = props;
  if (hit.type === 'table') {
    const href = tableHref({
      database: text(hit['database']),
      cluster: text(hit['cluster']),
      schema: text(hit['schema']),
      name: text(hit['name']),
    });
    const columns = hit.highlight?.['columns'];
    return (
      <li class="hit">
        <Link href={href}>
          <span class="resource-name">
            {text(hit['schema'])}.<Field hit={hit} field="name" fallback={text(hit['name'])} />
          </span>
        </Link>
        <span class="resource-source">{text(hit['database'])}</span>
        <Description hit={hit} />
        {columns && columns.length > 0 && (
          <p class="hit-columns">
            Columns:{' '}
            {columns.slice(0, 5).map((c, i) => (
              <span key={i}>
                {i > 0 && ', '}
                <Highlighted fragment={c} />
              </span>
            ))}
          </p>
        )}
      </li>
    );
  }
  if (hit.type === 'user') {
    return (
      <li class="hit">
        <Link href={userHref(text(hit['user_id']))}>
          <span class="resource-name">
            <Field hit={hit} field="full_name" fallback={text(hit['display_name'])} />
          </span>
        </Link>
        <span class="resource-source">{text(hit['email'])}</span>
        <p class="resource-description">{[text(hit['role_name']), text(hit['team_name'])].filter(Boolean).join(' · ')}</p>
      </li>
    );
  }
  return (
    <li class="hit">
      <Link href={dashboardHref(text(hit['uri']))}>
        <span class="resource-name">
          <Field hit={hit} field="name" fallback={text(hit['name'])} />
        </span>
      </Link>
      <span class="resource-source">
        {text(hit['product'])} · {text(hit['group_name'])}
      </span>
      <Description hit={hit} />
    </li>
  );
}

function FilterPanel(props: { resource: Resource; filters: Record<string, string>; apply: (filters: Record<string, string>) => void }) {
  const [draft, setDraft] = useState(props.filters);
  useEffect(() => setDraft(props.filters), [props.filters, props.resource]);
  return (
    <form
      class="filters"
      aria-label={`Filter ${LABELS[props.resource].toLowerCase()}`}
      onSubmit={(event) => {
        event.preventDefault();
        props.apply(draft);
      }}
    >
      <h2>Filters</h2>
      <p class="muted small">Comma-separated values; * matches anything.</p>
      {FILTERS[props.resource].map((f) => (
        <div class="field" key={f.name}>
          <label for={`filter-${f.name}`}>{f.label}</label>
          <input
            id={`filter-${f.name}`}
            value={draft[f.name] ?? ''}
            onInput={(e) => setDraft({ ...draft, [f.name]: e.currentTarget.value })}
          />
        </div>
      ))}
      <div class="actions">
        <button type="submit">Apply</button>
        <button type="button" class="secondary" onClick={() => props.apply({})}>
          Clear
        </button>
      </div>
    </form>
  );
}

/** Search results: a tab per resource with its count, filters for the selected one, highlights and paging. */
export function SearchPage(props: { term: string; resource: Resource; pageIndex: number; filters: Record<string, string> }) {
  const { term, resource, pageIndex, filters } = props;
  const filterKey = JSON.stringify(filters);
  const results = useLoad(() => {
    logEvent('search', term || '(browse)', { search_term: term, search_page_index: pageIndex, resource_type: resource });
    const requestFilters = Object.fromEntries(Object.entries(filters).map(([name, value]) => [name, { value, filterOperation: 'OR' }]));
    return api<SearchResults>('POST', '/api/search/v1/search', {
      searchTerm: term,
      pageIndex,
      resultsPerPage: PER_PAGE,
      resources: ['table', 'user', 'dashboard'],
      filters: { [resource]: requestFilters },
      highlightingOptions: { table: { enable_highlight: true }, user: { enable_highlight: true }, dashboard: { enable_highlight: true } },
    });
  }, [term, resource, pageIndex, filterKey]);
  const go = (r: Resource, page: number, f: Record<string, string>) => navigate(searchHref(term, r, page, f));
  const count = (r: Resource) => results.data?.[r]?.total_results;
  return (
    <div class="search-page">
      <h1 tabIndex={-1}>{term ? <>Results for “{term}”</> : 'Browse the catalog'}</h1>
      <div class="search-layout">
        <FilterPanel resource={resource} filters={filters} apply={(f) => go(resource, 0, f)} />
        <div class="search-results">
          <Tabs
            label="Resource"
            selected={resource}
            onSelect={(id) => go(id as Resource, 0, {})}
            tabs={(['table', 'user', 'dashboard'] as Resource[]).map((r) => ({
              id: r,
              label: (
                <>
                  {LABELS[r]} <span class="count">{count(r) ?? '…'}</span>
                </>
              ),
            }))}
          >
            <Status of={results}>
              {(data) => {
                const found = data[resource] ?? { results: [], total_results: 0, page_index: 0 };
                const pages = Math.ceil(found.total_results / PER_PAGE);
                if (found.total_results === 0)
                  return (
                    <p class="muted">
                      No {LABELS[resource].toLowerCase()} match{filterKey !== '{}' ? ' these filters' : ''}.
                    </p>
                  );
                return (
                  <>
                    <p class="muted small" aria-live="polite">
                      {found.total_results} {found.total_results === 1 ? 'result' : 'results'} · page {pageIndex + 1} of {pages}
                    </p>
                    <ol class="hits">
                      {found.results.map((hit, i) => (
                        <Hit key={`${hit.key ?? i}`} hit={hit} />
                      ))}
                    </ol>
                    {pages > 1 && (
                      <nav class="pager" aria-label="Pages">
                        <button
                          type="button"
                          class="secondary"
                          disabled={pageIndex === 0}
                          onClick={() => go(resource, pageIndex - 1, filters)}
                        >
                          ← Previous
                        </button>
                        <button
                          type="button"
                          class="secondary"
                          disabled={pageIndex + 1 >= pages}
                          onClick={() => go(resource, pageIndex + 1, filters)}
                        >
                          Next →
                        </button>
                      </nav>
                    )}
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
