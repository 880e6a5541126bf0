import { MAX_FACET_VALUES, type FacetValue, type IndexedResourceType, type SearchRequest, type TableDocument } from '@fram/models';
import { relevanceCatalog, relevanceFeatures } from './relevance.fixture';
import type { SearchIndex } from './search-index';

const request = (query_term: string, type: IndexedResourceType, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  query_term,
  resource_types: [type],
  page_index: 0,
  results_per_page: 10,
  filters: [],
  highlight_options: {},
  sort_by: 'relevance',
  facets: {},
  ...extra,
});

/** A facet as the contract defines it: each value's count, the most frequent first, ties by value, at most MAX_FACET_VALUES. */
function expectedFacet<D>(docs: readonly D[], values: (doc: D) => readonly (string | null)[]): FacetValue[] {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const v of new Set(values(doc))) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_FACET_VALUES)
    .map(([value, count]) => ({ value, count }));
}

/**
 * What every SearchIndex adapter must do. Runs against the embedded index
 * always, and against Elasticsearch whenever ELASTICSEARCH_URL is set.
 */
export function describeSearchIndexContract(
  name: string,
  open: () => Promise<SearchIndex>,
  close: (index: SearchIndex) => Promise<void> = (i) => i.close(),
): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let index: SearchIndex;
    const catalog = relevanceCatalog();
    const features = relevanceFeatures();
    beforeAll(async () => {
      index = await open();
      await index.upsert('table', catalog.tables);
      await index.upsert('user', catalog.users);
      await index.upsert('dashboard', catalog.dashboards);
      await index.upsert('feature', features);
    });
    afterAll(() => close(index));

    const keys = async (q: string, type: IndexedResourceType, extra: Partial<SearchRequest> = {}) =>
      (await index.search(request(q, type, extra))).results[type]!.results.map((r) => r['key']);

    it('counts and returns documents by key', async () => {
      expect(await index.count('table')).toBe(catalog.tables.length);
      expect(await index.count('user')).toBe(catalog.users.length);
      expect(await index.get('table', 'hive://gold.core/orders')).toMatchObject({
        key: 'hive://gold.core/orders',
        name: 'orders',
        schema: 'core',
      });
      expect(await index.get('table', 'hive://gold.core/nope')).toBeUndefined();
    });

    it('finds tables, people and dashboards by their names, and with a typo', async () => {
      expect((await keys('customer lifetime value', 'table')).slice(0, 3)).toContain('bigquery://prod.analytics/customer_lifetime_value');
      expect((await keys('custmers', 'table')).slice(0, 5)).toContain('hive://gold.core/customers');
      expect((await keys('lovelace', 'user'))[0]).toBe('ada@example.com');
      expect((await keys('month end close', 'dashboard'))[0]).toBe('looker_dashboard://prod.finance/month_end_close');
    });

    it('filters with wildcards, OR and AND', async () => {
      const response = await index.search(
        request('orders', 'table', { filters: [{ name: 'database', values: ['big*'], operation: 'OR' }], results_per_page: 50 }),
      );
      const hits = response.results.table!.results;
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h['database'] === 'bigquery')).toBe(true);
      const both = await keys('', 'table', {
        filters: [{ name: 'tag', values: ['sales', 'core'], operation: 'AND' }],
        results_per_page: 50,
      });
      expect(both.sort()).toEqual(['hive://gold.core/order_items', 'hive://gold.core/orders', 'snowflake://acme.warehouse/fct_orders']);
    });

    it('browses every document with an empty query, with totals and paging', async () => {
      const first = await index.search(request('', 'table', { results_per_page: 20 }));
      expect(first.results.table!.total_results).toBe(catalog.tables.length);
      const second = await index.search(request('', 'table', { results_per_page: 20, page_index: 1 }));
      const a = first.results.table!.results.map((r) => r['key']);
      const b = second.results.table!.results.map((r) => r['key']);
      expect(a).toHaveLength(20);
      expect(b.some((k) => a.includes(k))).toBe(false);
    });

    it('replaces and removes documents by key', async () => {
      const orders = (await index.get('table', 'hive://gold.core/orders'))!;
      await index.upsert('table', [{ ...orders, description: 'Zanzibar orders' }]);
      expect(await keys('zanzibar', 'table')).toEqual(['hive://gold.core/orders']);
      expect(await index.count('table')).toBe(catalog.tables.length);
      expect(await index.remove('table', ['hive://gold.core/orders'])).toBe(1);
      expect(await index.get('table', 'hive://gold.core/orders')).toBeUndefined();
      expect(await keys('zanzibar', 'table')).toEqual([]);
      await index.upsert('table', [orders]);
    });

    it('indexes ML features: found by name (with a typo), group and entity, filtered by keyword fields', async () => {
      expect(await index.count('feature')).toBe(features.length);
      expect(await index.get('feature', 'driver_metrics/acceptance_rate/1.0')).toEqual(features[3]);
      expect((await keys('acceptance rate', 'feature'))[0]).toBe('driver_metrics/acceptance_rate/1.0');
      expect((await keys('acceptence', 'feature'))[0]).toBe('driver_metrics/acceptance_rate/1.0');
      expect((await keys('rider metrics', 'feature')).slice(0, 3).sort()).toEqual([
        'rider_metrics/trip_duration_avg/1.0',
        'rider_metrics/trip_duration_avg/2.0',
        'rider_metrics/trips_last_week/1.0',
      ]);
      const driver = await keys('', 'feature', { filters: [{ name: 'entity', values: ['driv*'], operation: 'OR' }] });
      expect(driver.sort()).toEqual(['driver_metrics/acceptance_rate/1.0', 'driver_metrics/cancellation_rate/1.0']);
      const byGroupAndVersion = await keys('', 'feature', {
        filters: [
          { name: 'feature_group', values: ['rider_metrics'], operation: 'OR' },
          { name: 'version', values: ['2.0'], operation: 'OR' },
        ],
      });
      expect(byGroupAndVersion).toEqual(['rider_metrics/trip_duration_avg/2.0']);
      const tagged = await keys('', 'feature', { filters: [{ name: 'tags', values: ['ml'], operation: 'OR' }] });
      expect(tagged.sort()).toEqual(['rider_metrics/trip_duration_avg/1.0', 'rider_metrics/trips_last_week/1.0']);
      const availableInHive = await keys('', 'feature', { filters: [{ name: 'availability', values: ['hive'], operation: 'OR' }] });
      expect(availableInHive).toHaveLength(3);
    });

    it("answers feature hits in Amundsen's v2.1 shape (feature_name, group, version, ...)", async () => {
      const hit = (await index.search(request('chargeback', 'feature'))).results.feature!.results[0];
      expect(hit).toMatchObject({
        key: 'fraud_signals/chargeback_count/3.1',
        resource_type: 'feature',
        feature_name: 'chargeback_count',
        name: 'chargeback_count',
        feature_group: 'fraud_signals',
        version: '3.1',
        status: 'active',
        entity: 'payment',
        description: 'Chargebacks of the card in the last 90 days.',
        availability: ['redis'],
        tags: ['fraud'],
        badges: [],
        last_updated_timestamp: 1_700_000_000,
        total_usage: 0,
      });
      expect(typeof hit.search_score).toBe('number');
    });

    it('answers no facets unless asked, and only for the types asked of', async () => {
      const plain = await index.search(request('orders', 'table'));
      expect(plain.results.table).not.toHaveProperty('facets');
      const other = await index.search(request('orders', 'table', { facets: { user: ['team_name'] } }));
      expect(other.results.table).not.toHaveProperty('facets');
    });

    it('counts facet values of the matching documents: the most frequent first, then by value', async () => {
      const response = await index.search(request('', 'table', { facets: { table: ['database', 'schema', 'tag', 'badges'] } }));
      const page = response.results.table!;
      expect(page.total_results).toBe(catalog.tables.length);
      expect(page.facets).toEqual({
        database: expectedFacet(catalog.tables, (t) => [t.database]),
        schema: expectedFacet(catalog.tables, (t) => [t.schema]),
        tag: expectedFacet(catalog.tables, (t) => t.tags),
        badges: expectedFacet(catalog.tables, (t) => t.badges),
      });
      expect(page.facets!['database'].length).toBeGreaterThan(1);
      // With a query term: the documents it matches (the hits' total).
      const orders = (await index.search(request('orders', 'table', { facets: { table: ['database'] } }))).results.table!;
      expect(orders.facets!['database'].reduce((sum, v) => sum + v.count, 0)).toBe(orders.total_results);
    });

    it("counts each facet under every filter but its own field's (disjunctive), and other types' fields", async () => {
      const hive = catalog.tables.filter((t) => t.database === 'hive');
      const page = (
        await index.search(
          request('', 'table', {
            filters: [{ name: 'database', values: ['hive'], operation: 'OR' }],
            facets: { table: ['database', 'tag'] },
          }),
        )
      ).results.table!;
      expect(page.total_results).toBe(hive.length);
      // Choosing hive still shows the other databases, with their counts; tags are those of hive's tables.
      expect(page.facets!['database']).toEqual(expectedFacet(catalog.tables, (t) => [t.database]));
      expect(page.facets!['tag']).toEqual(expectedFacet(hive, (t) => t.tags));
      const tagged = catalog.tables.filter((t) => t.tags.includes('sales'));
      const both = (
        await index.search(
          request('', 'table', {
            filters: [
              { name: 'database', values: ['hive'], operation: 'OR' },
              { name: 'tag', values: ['sales'], operation: 'OR' },
            ],
            facets: { table: ['database', 'tag'] },
          }),
        )
      ).results.table!;
      expect(both.facets!['database']).toEqual(expectedFacet(tagged, (t) => [t.database]));
      expect(both.facets!['tag']).toEqual(expectedFacet(hive, (t) => t.tags));

      const people = (await index.search(request('', 'user', { facets: { user: ['team_name'] } }))).results.user!;
      expect(people.facets).toEqual({ team_name: expectedFacet(catalog.users, (u) => [u.team_name]) });
      const featured = (await index.search(request('', 'feature', { facets: { feature: ['entity', 'status', 'badges'] } }))).results
        .feature!;
      expect(featured.facets).toEqual({
        entity: expectedFacet(features, (f) => [f.entity]),
        status: expectedFacet(features, (f) => [f.status]),
        badges: expectedFacet(features, (f) => f.badges),
      });
      // A field no matching document has a value of answers [].
      const none = await index.search(request('zzzqqq nothing', 'dashboard', { facets: { dashboard: ['product'] } }));
      expect(none.results.dashboard!.facets).toEqual({ product: [] });
    });

    it(`answers at most ${MAX_FACET_VALUES} values of a facet`, async () => {
      const base = catalog.tables[0];
      const many: TableDocument[] = Array.from({ length: MAX_FACET_VALUES + 10 }, (_, i) => ({
        ...base,
        key: `hive://gold.facet_limit/t${String(i).padStart(2, '0')}`,
        schema: 'facet_limit',
        name: `t${String(i).padStart(2, '0')}`,
        tags: ['shared', `v${String(MAX_FACET_VALUES + 9 - i).padStart(2, '0')}`],
      }));
      await index.upsert('table', many);
      try {
        const page = (
          await index.search(
            request('', 'table', { filters: [{ name: 'schema', values: ['facet_limit'], operation: 'OR' }], facets: { table: ['tag'] } }),
          )
        ).results.table!;
        expect(page.total_results).toBe(many.length);
        expect(page.facets!['tag']).toHaveLength(MAX_FACET_VALUES);
        expect(page.facets!['tag'][0]).toEqual({ value: 'shared', count: many.length });
        expect(page.facets!['tag'].slice(1, 3)).toEqual([
          { value: 'v00', count: 1 },
          { value: 'v01', count: 1 },
        ]);
      } finally {
        await index.remove(
          'table',
          many.map((t) => t.key),
        );
      }
    });

    const hitsOf = async (q: string, type: IndexedResourceType, extra: Partial<SearchRequest> = {}) =>
      (await index.search(request(q, type, { results_per_page: 100, ...extra }))).results[type]!.results;

    it('sorts by name (A to Z, any case), with or without a query term', async () => {
      const byName = (names: string[]) =>
        [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
      const all = (await hitsOf('', 'table', { sort_by: 'name' })).map((h) => h['name'] as string);
      expect(all).toHaveLength(catalog.tables.length);
      expect(all).toEqual(byName(all));
      const found = await hitsOf('orders', 'table', { sort_by: 'name' });
      expect(found.length).toBeGreaterThan(2);
      expect(found.map((h) => h['name'] as string)).toEqual(byName(found.map((h) => h['name'] as string)));
      const people = (await hitsOf('', 'user', { sort_by: 'name' })).map((h) => h['full_name'] as string);
      expect(people).toEqual(byName(people));
      // Paging goes on in the same order.
      const second = await hitsOf('', 'table', { sort_by: 'name', results_per_page: 10, page_index: 1 });
      expect(second.map((h) => h['name'])).toEqual(all.slice(10, 20));
    });

    it('sorts by last update, newest first, those without one last; people stay by relevance', async () => {
      const tables = (await hitsOf('', 'table', { sort_by: 'last_updated' })).map((h) => h['last_updated_timestamp'] as number | null);
      const dated = tables.filter((t): t is number => t !== null);
      expect(dated.length).toBeGreaterThan(1);
      expect(tables.length).toBeGreaterThan(dated.length);
      expect(tables.slice(0, dated.length)).toEqual(dated);
      expect(dated).toEqual([...dated].sort((a, b) => b - a));
      const dashboards = (await hitsOf('', 'dashboard', { sort_by: 'last_updated' })).map(
        (h) => h['last_successful_run_timestamp'] as number | null,
      );
      const run = dashboards.filter((t): t is number => t !== null);
      expect(dashboards.slice(0, run.length)).toEqual([...run].sort((a, b) => b - a));
      expect(await keys('data', 'user', { sort_by: 'last_updated' })).toEqual(await keys('data', 'user'));
    });

    it('sorts by usage, the most used first (people by what they read)', async () => {
      const usage = (await hitsOf('', 'table', { sort_by: 'usage' })).map((h) => h['total_usage'] as number);
      expect(usage).toEqual([...usage].sort((a, b) => b - a));
      expect(usage[0]).toBeGreaterThan(0);
      const found = (await hitsOf('orders', 'table', { sort_by: 'usage' })).map((h) => h['total_usage'] as number);
      expect(found).toEqual([...found].sort((a, b) => b - a));
      const reads = new Map(catalog.users.map((u) => [u.key, u.total_read]));
      const people = (await keys('', 'user', { sort_by: 'usage', results_per_page: 100 })).map((k) => reads.get(k)!);
      expect(people).toEqual([...people].sort((a, b) => b - a));
    });

    it('keeps whether a table is a view, and answers is_view on every table hit', async () => {
      const base = catalog.tables[0];
      const view: TableDocument = { ...base, key: 'hive://gold.views/zebra_view', schema: 'views', name: 'zebra_view', is_view: true };
      await index.upsert('table', [view]);
      try {
        expect(await index.get('table', view.key)).toEqual(view);
        const [hit] = await hitsOf('zebra_view', 'table');
        expect(hit).toMatchObject({ key: view.key, is_view: true });
        const plain = catalog.tables.find((t) => t.is_view === undefined)!;
        expect((await index.get('table', plain.key))?.is_view).toBeUndefined();
        const [other] = await hitsOf(plain.name, 'table', { filters: [{ name: 'key', values: [plain.key], operation: 'OR' }] });
        expect(other).toMatchObject({ key: plain.key, is_view: false });
      } finally {
        await index.remove('table', [view.key]);
      }
    });

    it('reports its health', async () => {
      expect(await index.health()).toMatchObject({ status: 'ok' });
    });
  });
}
