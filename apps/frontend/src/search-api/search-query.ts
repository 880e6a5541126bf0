import {
  normalizeUser,
  type FrontendResourceResults,
  type FrontendSearchRequest,
  type SearchFilter,
  type SearchHit,
  type SearchRequest,
  type SearchResourceType,
} from '@fram/models';

/**
 * The requests to make to search: filters belong to one resource, so each
 * resource with filters is asked on its own; the others are asked together.
 */
export function searchRequests(request: FrontendSearchRequest): SearchRequest[] {
  const base = {
    query_term: request.searchTerm,
    page_index: request.pageIndex,
    results_per_page: request.resultsPerPage,
    highlight_options: Object.fromEntries(
      request.resources.map((r) => [r, { enable_highlight: request.highlightingOptions[r]?.enable_highlight ?? true }]),
    ),
  };
  const filtersOf = (type: SearchResourceType): SearchFilter[] =>
    Object.entries(request.filters[type] ?? {})
      .map(([name, f]) => ({
        name,
        values: f.value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
        operation: f.filterOperation,
      }))
      .filter((f) => f.values.length > 0);
  const filtered = request.resources.map((r) => ({ r, filters: filtersOf(r) })).filter(({ filters }) => filters.length > 0);
  const plain = request.resources.filter((r) => !filtered.some((f) => f.r === r));
  return [
    ...(plain.length > 0 ? [{ ...base, resource_types: plain, filters: [] }] : []),
    ...filtered.map(({ r, filters }) => ({ ...base, resource_types: [r], filters })),
  ];
}

/** A hit as Amundsen's frontend gives it to the UI. */
export function frontendHit(type: SearchResourceType, hit: SearchHit): FrontendResourceResults['results'][number] {
  if (type === 'table') {
    return {
      type: 'table',
      key: hit['key'],
      name: hit['name'],
      cluster: hit['cluster'],
      database: hit['database'],
      schema: hit['schema'],
      schema_description: hit['schema_description'] ?? null,
      description: hit['description'] ?? null,
      badges: hit['badges'] ?? [],
      tags: hit['tag'] ?? [],
      last_updated_timestamp: hit['last_updated_timestamp'] ?? null,
      highlight: hit.highlight,
    };
  }
  if (type === 'user') return { type: 'user', ...normalizeUser(hit), highlight: hit.highlight };
  return { type: 'dashboard', ...hit, resource_type: undefined, search_score: undefined };
}
