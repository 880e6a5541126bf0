import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchRequest } from '@fram/models';
import { RELEVANCE_CASES, relevanceCatalog, relevanceFeatures } from '../relevance.fixture';
import { describeSearchIndexContract } from '../search-index.contract';
import { EmbeddedSearchIndex } from './embedded-search-index';

const request = (query_term: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  query_term,
  resource_types: ['table', 'user', 'dashboard'],
  page_index: 0,
  results_per_page: 10,
  filters: [],
  highlight_options: {},
  sort_by: 'relevance',
  facets: {},
  ...extra,
});

describeSearchIndexContract(
  'embedded (SQLite file, in-memory index)',
  async () => new EmbeddedSearchIndex(join(mkdtempSync(join(tmpdir(), 'fram-search-contract-')), 'search.sqlite')),
);

describe('EmbeddedSearchIndex', () => {
  let index: EmbeddedSearchIndex;
  let file: string;
  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'fram-search-')), 'search.sqlite');
    index = new EmbeddedSearchIndex(file);
    const catalog = relevanceCatalog();
    await index.upsert('table', catalog.tables);
    await index.upsert('user', catalog.users);
    await index.upsert('dashboard', catalog.dashboards);
    await index.upsert('feature', relevanceFeatures());
  });
  afterAll(() => index.close());

  it('puts the expected result first for every query of the relevance set', async () => {
    const misses: string[] = [];
    for (const c of RELEVANCE_CASES) {
      const response = await index.search(request(c.query, { resource_types: [c.type], filters: c.filters ?? [] }));
      const first = response.results[c.type]!.results[0]?.['key'];
      if (first !== c.first) misses.push(`"${c.query}" (${c.why}): expected ${c.first}, got ${String(first)}`);
    }
    const score = `${RELEVANCE_CASES.length - misses.length}/${RELEVANCE_CASES.length}`;
    console.log(`Relevance: ${score} queries with the expected result at rank 1`);
    expect(misses).toEqual([]);
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it("answers in Amundsen's response shape, with totals per resource type and scores", async () => {
    const response = await index.search(request('orders', { results_per_page: 3 }));
    expect(response).toMatchObject({ msg: 'Success', page_index: 0, results_per_page: 3, status_code: 200 });
    const tables = response.results.table!;
    expect(tables.results).toHaveLength(3);
    expect(tables.total_results).toBeGreaterThan(5);
    expect(tables.results[0]).toMatchObject({
      key: 'hive://gold.core/orders',
      resource_type: 'table',
      database: 'hive',
      schema: 'core',
      name: 'orders',
      table: 'orders',
      search_score: expect.any(Number),
    });
    expect(tables.results[0].search_score).toBeGreaterThan(tables.results[1].search_score);
    expect(response.results.user).toEqual({ results: [], total_results: 0 });
  });

  it('pages through results without overlap', async () => {
    const page = async (i: number) =>
      (await index.search(request('orders', { resource_types: ['table'], results_per_page: 4, page_index: i }))).results.table!.results.map(
        (r) => r['key'],
      );
    const [a, b] = [await page(0), await page(1)];
    expect(a).toHaveLength(4);
    expect(b.some((k) => a.includes(k))).toBe(false);
  });

  it('highlights matches, HTML-escaped', async () => {
    await index.upsert('table', [
      {
        ...relevanceCatalog().tables[0],
        key: 'hive://gold.core/xss',
        name: 'xss',
        description: '<script>alert(1)</script> orders & more',
      },
    ]);
    const response = await index.search(
      request('orders', { resource_types: ['table'], highlight_options: { table: { enable_highlight: true } }, results_per_page: 50 }),
    );
    const orders = response.results.table!.results.find((r) => r['key'] === 'hive://gold.core/orders')!;
    expect(orders.highlight['name']).toEqual(['<em>orders</em>']);
    const xss = response.results.table!.results.find((r) => r['key'] === 'hive://gold.core/xss')!;
    expect(xss.highlight['description']).toEqual(['&lt;script&gt;alert(1)&lt;/script&gt; <em>orders</em> &amp; more']);
    await index.remove('table', ['hive://gold.core/xss']);
  });

  it('browses by usage when the query is empty, with filters', async () => {
    const response = await index.search(
      request('', {
        resource_types: ['table'],
        filters: [{ name: 'schema', values: ['marketing'], operation: 'OR' }],
        results_per_page: 50,
      }),
    );
    const hits = response.results.table!.results;
    expect(response.results.table!.total_results).toBe(6);
    expect(hits.every((h) => h['schema'] === 'marketing')).toBe(true);
    const usage = hits.map((h) => h.total_usage);
    expect(usage).toEqual([...usage].sort((a, b) => b - a));
  });

  it('combines AND filters and ignores filters a resource type does not have', async () => {
    const both = await index.search(
      request('', {
        resource_types: ['table'],
        filters: [{ name: 'tag', values: ['sales', 'core'], operation: 'AND' }],
        results_per_page: 50,
      }),
    );
    expect(both.results.table!.results.map((r) => r['name']).sort()).toEqual(['fct_orders', 'order_items', 'orders']);
    const users = await index.search(
      request('ada', { resource_types: ['user'], filters: [{ name: 'database', values: ['hive'], operation: 'OR' }] }),
    );
    expect(users.results.user!.results[0]['email']).toBe('ada@example.com');
  });

  it('lets usage break near-ties but never beat a clearly better text match', async () => {
    const base = relevanceCatalog().tables[0];
    await index.upsert('table', [
      {
        ...base,
        key: 'x://a.b/zebra_stats',
        name: 'zebra_stats',
        schema: 'b',
        columns: [],
        column_descriptions: [],
        description: null,
        tags: [],
        total_usage: 1,
      },
      {
        ...base,
        key: 'x://a.b/zebra_stats_archive',
        name: 'zebra_stats_archive',
        schema: 'b',
        columns: [],
        column_descriptions: [],
        description: null,
        tags: [],
        total_usage: 1_000_000,
      },
      {
        ...base,
        key: 'x://a.b/zebra_one',
        name: 'zebra_one',
        schema: 'b',
        columns: [],
        column_descriptions: [],
        description: null,
        tags: [],
        total_usage: 1,
      },
      {
        ...base,
        key: 'x://a.b/zebra_two',
        name: 'zebra_two',
        schema: 'b',
        columns: [],
        column_descriptions: [],
        description: null,
        tags: [],
        total_usage: 50,
      },
    ]);
    const keys = async (q: string) =>
      (await index.search(request(q, { resource_types: ['table'] }))).results.table!.results.map((r) => r['key']);
    expect((await keys('zebra stats'))[0]).toBe('x://a.b/zebra_stats');
    const zebras = await keys('zebra');
    expect(zebras.indexOf('x://a.b/zebra_two')).toBeLessThan(zebras.indexOf('x://a.b/zebra_one'));
    await index.remove('table', ['x://a.b/zebra_stats', 'x://a.b/zebra_stats_archive', 'x://a.b/zebra_one', 'x://a.b/zebra_two']);
  });

  it('keeps its documents across restarts', async () => {
    const reopened = new EmbeddedSearchIndex(file);
    expect(await reopened.count('table')).toBe(await index.count('table'));
    expect((await reopened.search(request('ordrs', { resource_types: ['table'] }))).results.table!.results[0]['key']).toBe(
      'hive://gold.core/orders',
    );
    await reopened.close();
  });

  it('replaces and removes documents', async () => {
    const orders = (await index.get('table', 'hive://gold.core/orders'))!;
    await index.upsert('table', [{ ...orders, description: 'Zanzibar orders' }]);
    expect((await index.search(request('zanzibar', { resource_types: ['table'] }))).results.table!.results.map((r) => r['key'])).toEqual([
      'hive://gold.core/orders',
    ]);
    await index.upsert('table', [orders]);
    expect((await index.search(request('zanzibar', { resource_types: ['table'] }))).results.table!.total_results).toBe(0);
  });
});
