import type { IndexedResourceType, SearchRequest } from '@fram/models';
import { relevanceCatalog, relevanceFeatures } from './relevance.fixture';
import type { SearchIndex } from './search-index';

const request = (query_term: string, type: IndexedResourceType, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  query_term,
  resource_types: [type],
  page_index: 0,
  results_per_page: 10,
  filters: [],
  highlight_options: {},
  ...extra,
});

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

    it('reports its health', async () => {
      expect(await index.health()).toMatchObject({ status: 'ok' });
    });
  });
}
