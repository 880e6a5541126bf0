import { frontendSearchRequestSchema, frontendSearchResponseSchema } from '@fram/models';
import type { SearchClient } from '../backends/backend-clients';
import { frontendHit, searchRequests } from './search-query';
import { FrontendSearchService } from './search.service';

const parse = (body: Record<string, unknown>) =>
  frontendSearchRequestSchema.parse({ searchTerm: 'orders', pageIndex: 0, resultsPerPage: 10, ...body });

describe('searchRequests: what the frontend asks of search', () => {
  it("asks as before when the request has no sortBy or facets (Amundsen's React app): no sort_by, no facets", () => {
    const [only] = searchRequests(parse({ resources: ['table', 'user'] }));
    expect(only).toEqual({
      query_term: 'orders',
      page_index: 0,
      results_per_page: 10,
      highlight_options: { table: { enable_highlight: true }, user: { enable_highlight: true } },
      resource_types: ['table', 'user'],
      filters: [],
    });
  });

  it('forwards sortBy as sort_by, and each search gets the facets of the resources it asks for', () => {
    const requests = searchRequests(
      parse({
        resources: ['table', 'dashboard', 'user'],
        sortBy: 'last_updated',
        facets: { table: ['database', 'tag'], user: ['team_name'], feature: ['entity'] },
        filters: { dashboard: { product: { value: 'looker' } } },
      }),
    );
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      resource_types: ['table', 'user'],
      sort_by: 'last_updated',
      facets: { table: ['database', 'tag'], user: ['team_name'] },
    });
    // The dashboard search (its own, for its filters) asks no facets: none were asked of dashboards.
    expect(requests[1]).toMatchObject({ resource_types: ['dashboard'], sort_by: 'last_updated' });
    expect(requests[1]).not.toHaveProperty('facets');
  });

  it('refuses an unknown sortBy and a facet field a resource cannot count, naming the field', () => {
    const sort = frontendSearchRequestSchema.safeParse({ searchTerm: '', pageIndex: 0, resultsPerPage: 10, sortBy: 'random' });
    expect(sort.success).toBe(false);
    expect(sort.error?.issues[0]).toMatchObject({ path: ['sortBy'], message: expect.stringContaining('sortBy must be one of') });
    const facet = frontendSearchRequestSchema.safeParse({ searchTerm: '', pageIndex: 0, resultsPerPage: 10, facets: { user: ['tag'] } });
    expect(facet.success).toBe(false);
    expect(facet.error?.issues[0]?.message).toContain('facets.user may only hold team_name');
  });
});

describe('frontendHit', () => {
  it("gives a table's usage and whether it is a view (false when search does not say)", () => {
    expect(frontendHit('table', { key: 'k', name: 'v', total_usage: 7, is_view: true })).toMatchObject({ total_usage: 7, is_view: true });
    expect(frontendHit('table', { key: 'k', name: 't' })).toMatchObject({ total_usage: 0, is_view: false });
  });
});

describe('FrontendSearchService', () => {
  const hit = { key: 'hive://gold.core/orders', resource_type: 'table', name: 'orders', is_view: false, total_usage: 3 };
  const answering = (facets: boolean) => {
    const calls: Record<string, unknown>[] = [];
    const client = {
      call: async (_method: string, _path: string, _token: string, body: Record<string, unknown>) => {
        calls.push(body);
        return {
          msg: 'Success',
          results: {
            table: { results: [hit], total_results: 1, ...(facets && { facets: { database: [{ value: 'hive', count: 1 }] } }) },
          },
        };
      },
    } as unknown as SearchClient;
    return { calls, service: new FrontendSearchService(client) };
  };

  it("passes each page's facets through, and answers no facets key when none were asked", async () => {
    const { calls, service } = answering(true);
    const answer = await service.search(parse({ resources: ['table'], sortBy: 'usage', facets: { table: ['database'] } }), 'token');
    expect(calls[0]).toMatchObject({ sort_by: 'usage', facets: { table: ['database'] } });
    expect(answer.table).toMatchObject({ total_results: 1, facets: { database: [{ value: 'hive', count: 1 }] } });
    expect(answer.table.results[0]).toMatchObject({ type: 'table', total_usage: 3, is_view: false });
    expect(answer.user).not.toHaveProperty('facets');
    expect(frontendSearchResponseSchema.safeParse(answer).success).toBe(true);

    const plain = answering(false);
    const before = await plain.service.search(parse({ resources: ['table'] }), 'token');
    expect(plain.calls[0]).not.toHaveProperty('sort_by');
    expect(plain.calls[0]).not.toHaveProperty('facets');
    expect(before.table).not.toHaveProperty('facets');
  });
});
