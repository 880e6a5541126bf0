import { MAX_FACET_VALUES, type FacetValue } from '@fram/models';
import { api } from '../api';
import { Link } from '../components/link';
import { filterableValue, requestFilters } from '../components/search/search-state';
import { Status } from '../components/status';
import { useLoad } from '../components/use-load';
import { searchHref } from '../routes';

interface FacetAnswer {
  table: { total_results: number; facets?: Record<string, FacetValue[]> };
}

interface Source {
  database: string;
  count: number;
  /** Undefined where the source's name cannot be a filter value (so its schemas cannot be counted). */
  schemas: FacetValue[] | undefined;
}

/** Counts of table values by field, from one search that asks for no rows (only the counts). */
function tableFacets(field: string, filters: Record<string, string>) {
  return api<FacetAnswer>('POST', '/api/search/v1/search', {
    searchTerm: '',
    pageIndex: 0,
    resultsPerPage: 1,
    resources: ['table'],
    filters: { table: requestFilters(filters) },
    facets: { table: [field] },
  });
}

/** Every source with its table count, and each source's schemas with theirs (a search's facets). */
async function loadSources(): Promise<{ total: number; sources: Source[] }> {
  const all = await tableFacets('database', {});
  const databases = all.table.facets?.['database'] ?? [];
  const sources = await Promise.all(
    databases.map(async ({ value, count }) => {
      if (!filterableValue(value)) return { database: value, count, schemas: undefined };
      const one = await tableFacets('schema', { database: value });
      return { database: value, count, schemas: one.table.facets?.['schema'] ?? [] };
    }),
  );
  return { total: all.table.total_results, sources };
}

/** At most MAX_FACET_VALUES values of a facet come back: when a list is that long, it says so and where the rest are. */
function Largest(props: { count: number; what: string; href: string; where: string }) {
  if (props.count < MAX_FACET_VALUES) return null;
  return (
    <p class="muted small browse-largest">
      The {MAX_FACET_VALUES} largest {props.what} are shown; <Link href={props.href}>search {props.where}</Link> for the others.
    </p>
  );
}

/** A source or schema name as a link to its tables, or as plain text when it cannot be a filter value (',' or '*'). */
function FilterLink(props: { value: string; href: string }) {
  return filterableValue(props.value) ? <Link href={props.href}>{props.value}</Link> : <span>{props.value}</span>;
}

const tables = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'table' : 'tables'}`;

/** Every table by source and schema, with counts; each schema leads to its tables in the search results. */
export function BrowsePage() {
  const loaded = useLoad(loadSources, []);
  return (
    <div class="browse-page">
      <h1 tabIndex={-1}>Browse the catalog</h1>
      <p class="muted" aria-live="polite">
        {loaded.data
          ? `${tables(loaded.data.total)} in ${loaded.data.sources.length} ${loaded.data.sources.length === 1 ? 'source' : 'sources'}, by schema.`
          : 'Every table by source and schema.'}
      </p>
      <Status of={loaded}>
        {(data) =>
          data.sources.length === 0 ? (
            <p class="muted">No tables in the catalog yet.</p>
          ) : (
            <>
              <Largest count={data.sources.length} what="sources" href={searchHref('', 'table')} where="all tables" />
              <div class="browse-grid">
                {data.sources.map((source, i) => (
                  <section key={source.database} class="browse-source" aria-labelledby={`source-${i}`}>
                    <h2 id={`source-${i}`}>
                      <FilterLink value={source.database} href={searchHref('', 'table', 0, { database: source.database })} />{' '}
                      <span class="count">{tables(source.count)}</span>
                    </h2>
                    {source.schemas === undefined ? (
                      <p class="muted small">This source’s name has a comma or a *, so its schemas cannot be listed here.</p>
                    ) : (
                      <>
                        <ul class="browse-schemas" aria-label={`Schemas of ${source.database}`}>
                          {source.schemas.map((schema) => (
                            <li key={schema.value}>
                              <FilterLink
                                value={schema.value}
                                href={searchHref('', 'table', 0, { database: source.database, schema: schema.value })}
                              />{' '}
                              <span class="count">{tables(schema.count)}</span>
                            </li>
                          ))}
                        </ul>
                        <Largest
                          count={source.schemas.length}
                          what="schemas"
                          href={searchHref('', 'table', 0, { database: source.database })}
                          where={`the tables of ${source.database}`}
                        />
                      </>
                    )}
                  </section>
                ))}
              </div>
            </>
          )
        }
      </Status>
    </div>
  );
}
