import {
  normalizeUser,
  type FacetRequest,
  type FrontendResourceResults,
  type FrontendResourceType,
  type FrontendSearchRequest,
  type SearchSort,
} from '@fram/models';

/** One field's filter, as search's `/v2/search` takes it (Amundsen's Filter). */
interface Filter {
  name: string;
  values: string[];
  operation: 'AND' | 'OR';
}

/** A search as search's `/v2/search` takes it (Amundsen's SearchRequest). */
export interface ForwardedSearch {
  query_term: string;
  resource_types: FrontendResourceType[];
  page_index: number;
  results_per_page: number;
  filters: Filter[];
  highlight_options: Record<string, { enable_highlight: boolean }>;
  /** Only when the request gave one (Amundsen's React app never does: search's default, relevance). */
  sort_by?: SearchSort;
  /** Only those of the resources asked of this search, and only when the request asked for some. */
  facets?: FacetRequest;
}

type Hit = Record<string, unknown>;

/**
 * The requests to make to search. Only the filters of the resources searched
 * count (the React app sends every resource's, as Amundsen ignores the others);
 * filters belong to one resource, so each resource with filters is asked on
 * its own, and the others together.
 */
export function searchRequests(request: FrontendSearchRequest): ForwardedSearch[] {
  const base = {
    query_term: request.searchTerm,
    page_index: request.pageIndex,
    results_per_page: request.resultsPerPage,
    highlight_options: Object.fromEntries(
      request.resources.map((r) => [r, { enable_highlight: request.highlightingOptions[r]?.enable_highlight ?? true }]),
    ),
  };
  const filtersOf = (type: FrontendResourceType): Filter[] =>
    Object.entries(request.filters[type] ?? {})
      .map(([name, filter]) => ({
        name,
        values: (filter?.value ?? '')
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
        operation: filter?.filterOperation ?? 'OR',
      }))
      .filter((f) => f.values.length > 0);
  const filtered = request.resources.map((r) => ({ r, filters: filtersOf(r) })).filter(({ filters }) => filters.length > 0);
  const plain = request.resources.filter((r) => !filtered.some((f) => f.r === r));
  const sorted = request.sortBy === undefined ? {} : { sort_by: request.sortBy };
  /** The facets asked of these resources: none (no `facets` key) when the request asks none of them. */
  const facetsOf = (types: readonly FrontendResourceType[]) => {
    const asked = types.flatMap((t) => (request.facets?.[t] ? [[t, request.facets[t]] as const] : []));
    return asked.length === 0 ? {} : { facets: Object.fromEntries(asked) as FacetRequest };
  };
  return [
    ...(plain.length > 0 ? [{ ...base, ...sorted, ...facetsOf(plain), resource_types: plain, filters: [] }] : []),
    ...filtered.map(({ r, filters }) => ({ ...base, ...sorted, ...facetsOf([r]), resource_types: [r], filters })),
  ];
}

const or = <T>(value: unknown, fallback: T) => (value === undefined ? fallback : value);

/** A hit as Amundsen's frontend gives it to the UI (api/utils/search_utils.py: map_table_result, ...). */
export function frontendHit(type: FrontendResourceType, hit: Hit): FrontendResourceResults['results'][number] {
  if (type === 'table') {
    return {
      type: 'table',
      key: or(hit['key'], null),
      name: hit['name'] || or(hit['table'], null),
      cluster: or(hit['cluster'], null),
      database: or(hit['database'], null),
      schema: or(hit['schema'], null),
      schema_description: or(hit['schema_description'], null),
      description: or(hit['description'], null),
      badges: or(hit['badges'], []),
      tags: or(hit['tag'], []),
      last_updated_timestamp: or(hit['last_updated_timestamp'], null),
      total_usage: or(hit['total_usage'], 0),
      is_view: hit['is_view'] === true,
      highlight: or(hit['highlight'], {}),
    };
  }
  if (type === 'feature') {
    return {
      type: 'feature',
      key: or(hit['key'], null),
      name: or(hit['feature_name'], null),
      feature_group: or(hit['feature_group'], null),
      version: or(hit['version'], null),
      description: or(hit['description'], null),
      last_updated_timestamp: or(hit['last_updated_timestamp'], null),
      availability: or(hit['availability'], null),
      entity: or(hit['entity'], null),
      badges: or(hit['badges'], null),
      status: or(hit['status'], null),
      highlight: or(hit['highlight'], {}),
    };
  }
  if (type === 'user') return { ...normalizeUser(hit), type: 'user', highlight: or(hit['highlight'], {}) };
  const { resource_type: _type, search_score: _score, ...fields } = hit;
  return { ...fields, type: 'dashboard', key: or(hit['key'], null), uri: or(hit['uri'], null), highlight: or(hit['highlight'], {}) };
}
