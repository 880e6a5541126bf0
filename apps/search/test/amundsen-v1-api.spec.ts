import { AMUNDSEN_DUMP, amundsenProblems, call } from '@fram/testing';
import { startSearchStack, V2_ANSWER, type SearchStack } from './search-stack';

type Page<T = Record<string, unknown>> = { total_results: number; results: T[] };

/**
 * Amundsen's v1 search API (its per-resource endpoints, which its older
 * frontends and scripts call) on the running search service, each answer
 * checked against Amundsen's model as marshmallow dumps it: exactly its fields, each of them.
 */
describe("search: Amundsen's v1 API", () => {
  let stack: SearchStack;

  beforeAll(async () => {
    stack = await startSearchStack('search-v1');
  }, 60_000);
  afterAll(() => stack?.close());

  const as = (who: string, path: string, init?: RequestInit) => stack.as(who, path, init);
  const get = (path: string, who = 'frances') => as(who, path);
  const post = (path: string, body: unknown, who = 'frances') => as(who, path, { method: 'POST', body: JSON.stringify(body) });
  /** The ids of a page's results (Amundsen's v1 results all have one; Fram's ids are keys). */
  const keys = (page: Page) => page.results.map((r) => r['id']);

  describe('GET /search, /search_user, /search_dashboard, /search_feature', () => {
    it("finds tables in pages of 10, each result exactly the fields of Amundsen's Table", async () => {
      const response = await get('/search?query_term=orders&page_index=0');
      expect(response.status).toBe(200);
      const page = response.json<Page>();
      expect(amundsenProblems('SearchTableResult', page, AMUNDSEN_DUMP)).toEqual([]);
      expect(page.results).toHaveLength(10);
      expect(page.total_results).toBeGreaterThan(10);
      expect(page.results[0]).toMatchObject({
        id: 'hive://gold.core/orders',
        key: 'hive://gold.core/orders',
        database: 'hive',
        cluster: 'gold',
        schema: 'core',
        name: 'orders',
        display_name: 'core.orders',
        programmatic_descriptions: [],
        schema_description: null,
      });
      expect((page.results[0]['column_names'] as string[]).length).toBeGreaterThan(0);
      for (const tag of page.results[0]['tags'] as unknown[]) expect(tag).toEqual({ tag_name: expect.any(String) });
      const next = (await get('/search?query_term=orders&page_index=1')).json<Page>();
      expect(next.total_results).toBe(page.total_results);
      expect(keys(next).some((k) => keys(page).includes(k))).toBe(false);
      // The index name is taken, as Amundsen's clients send it.
      expect((await get('/search?query_term=orders&index=table_search_index')).json<Page>().results[0]['key']).toBe(
        'hive://gold.core/orders',
      );
    });

    it('finds people, dashboards and features, each in its Amundsen model', async () => {
      const people = (await get('/search_user?query_term=lovelace')).json<Page>();
      expect(amundsenProblems('SearchUserResult', people, AMUNDSEN_DUMP)).toEqual([]);
      expect(people.results[0]).toMatchObject({
        id: 'ada@example.com',
        email: 'ada@example.com',
        user_id: 'ada@example.com',
        full_name: expect.stringContaining('Lovelace'),
        is_active: true,
        other_key_values: {},
      });
      const dashboards = (await get('/search_dashboard?query_term=month%20end%20close')).json<Page>();
      expect(amundsenProblems('SearchDashboardResult', dashboards, AMUNDSEN_DUMP)).toEqual([]);
      expect(dashboards.results[0]).toMatchObject({
        id: 'looker_dashboard://prod.finance/month_end_close',
        uri: 'looker_dashboard://prod.finance/month_end_close',
        product: 'looker',
      });
      const features = (await get('/search_feature?query_term=trip%20duration')).json<Page>();
      expect(amundsenProblems('SearchFeatureResult', features, AMUNDSEN_DUMP)).toEqual([]);
      expect(features.results[0]).toEqual({
        id: 'rider_metrics/trip_duration_avg/1.0',
        key: 'rider_metrics/trip_duration_avg/1.0',
        feature_group: 'rider_metrics',
        feature_name: 'trip_duration_avg',
        version: '1.0',
        total_usage: 40,
        status: 'active',
        entity: 'rider',
        description: 'Average trip duration over the last 30 days, in seconds.',
        availability: ['hive', 'dynamo'],
        badges: [],
        tags: [{ tag_name: 'core' }, { tag_name: 'ml' }],
        last_updated_timestamp: 1_700_000_000,
      });
    });

    it('answers nothing to an empty query term, as Amundsen does', async () => {
      for (const path of ['/search', '/search_user', '/search_dashboard', '/search_feature']) {
        const response = await get(`${path}?query_term=`);
        expect(response.status).toBe(200);
        expect(response.json()).toEqual({ total_results: 0, results: [] });
      }
    });

    it("refuses what Amundsen's parser refuses: no query_term, a bad page_index, unknown parameters", async () => {
      for (const [path, message] of [
        ['/search', 'query_term: query_term is required'],
        ['/search_user?query_term=x&page_index=two', 'page_index must be a whole number'],
        ['/search_dashboard?query_term=x&page_index=-1', 'page_index must be a whole number'],
        ['/search_feature?query_term=x&size=50', 'size'],
      ] as const) {
        const response = await get(path);
        expect(response.status).toBe(400);
        expect(response.json<{ message: string }>().message).toContain(message);
      }
    });
  });

  describe('POST /search_table, /search_dashboard_filter, /search_feature_filter', () => {
    const filter = (path: string, filters: Record<string, string[]>, query_term = '', page_index = 0) =>
      post(path, { page_index, query_term, search_request: { type: 'AND', filters } });

    it('filters tables: values of a category with OR, categories with AND, wildcards; unknown categories ignored', async () => {
      const response = await filter('/search_table', { database: ['bigquery', 'snow*'], tag: ['finance'], colour: ['blue'] });
      expect(response.status).toBe(200);
      const page = response.json<Page>();
      expect(amundsenProblems('SearchTableResult', page, AMUNDSEN_DUMP)).toEqual([]);
      expect(page.total_results).toBeGreaterThan(0);
      for (const t of page.results) {
        expect(['bigquery', 'snowflake']).toContain(t['database']);
        expect(t['tags']).toContainEqual({ tag_name: 'finance' });
      }
      const withTerm = (await filter('/search_table', { database: ['bigquery'] }, 'revenue')).json<Page>();
      expect(keys(withTerm)).toEqual(
        expect.arrayContaining(['bigquery://prod.analytics/daily_revenue', 'bigquery://prod.finance/revenue_recognition']),
      );
      expect(withTerm.results.every((t) => t['database'] === 'bigquery')).toBe(true);
      const byColumn = (await filter('/search_table', { column: ['psp_reference'], schema: ['core'] })).json<Page>();
      expect(keys(byColumn)).toEqual(['hive://gold.core/payments']);
    });

    it('filters dashboards and features by their categories', async () => {
      const dashboards = (await filter('/search_dashboard_filter', { product: ['looker'], group_name: ['fin*'] })).json<Page>();
      expect(amundsenProblems('SearchDashboardResult', dashboards, AMUNDSEN_DUMP)).toEqual([]);
      expect(keys(dashboards)).toContain('looker_dashboard://prod.finance/month_end_close');
      expect(dashboards.results.every((d) => d['product'] === 'looker')).toBe(true);
      const features = (await filter('/search_feature_filter', { feature_group: ['rider_metrics'], version: ['2.0'] })).json<Page>();
      expect(amundsenProblems('SearchFeatureResult', features, AMUNDSEN_DUMP)).toEqual([]);
      expect(keys(features)).toEqual(['rider_metrics/trip_duration_avg/2.0']);
      const byEntity = (await filter('/search_feature_filter', { entity: ['driver'], status: ['deprecated'] })).json<Page>();
      expect(keys(byEntity)).toEqual(['driver_metrics/cancellation_rate/1.0']);
      // Amundsen's parser takes a page index written as text too.
      const secondPage = await post('/search_feature_filter', { page_index: '1', search_request: { filters: { tags: ['ml'] } } });
      expect(secondPage.status).toBe(200);
      expect(secondPage.json()).toEqual({ total_results: 2, results: [] });
    });

    it('answers nothing without a query term and without a usable filter (empty values count as none)', async () => {
      for (const filters of [{}, { database: [''] }, { colour: ['blue'] }] as Record<string, string[]>[]) {
        const response = await filter('/search_table', filters);
        expect(response.status).toBe(200);
        expect(response.json()).toEqual({ total_results: 0, results: [] });
      }
    });

    it("answers Amundsen's 400s: no search_request, a ':' in the query term, unknown fields", async () => {
      const noRequest = await post('/search_table', { page_index: 0, query_term: 'orders' });
      expect(noRequest.status).toBe(400);
      expect(noRequest.json<{ message: string }>().message).toContain('The search request payload is not available in the request');
      const colon = await post('/search_feature_filter', { query_term: 'a:b', search_request: { filters: {} } });
      expect(colon.status).toBe(400);
      expect(colon.json<{ message: string }>().message).toContain('The query term contains an invalid character');
      expect((await post('/search_dashboard_filter', { search_request: {}, index: 'x' })).status).toBe(400);
    });
  });

  describe('/document_table, /document_user, /document_feature', () => {
    const v1Table = (name: string, extra: Record<string, unknown> = {}) => ({
      id: `hive://gold.legacy/${name}`,
      database: 'hive',
      cluster: 'gold',
      schema: 'legacy',
      name,
      key: `hive://gold.legacy/${name}`,
      display_name: `legacy.${name}`,
      tags: [{ tag_name: 'zanzibar' }],
      badges: [],
      description: 'Loaded through the v1 document API.',
      last_updated_timestamp: 1_600_000_000,
      column_names: ['id', 'amount'],
      column_descriptions: ['The id'],
      programmatic_descriptions: [],
      total_usage: 3,
      schema_description: null,
      ...extra,
    });
    const send = (method: string, path: string, body: unknown, who = 'metadata') => as(who, path, { method, body: JSON.stringify(body) });
    const findTables = async (term: string) => (await get(`/search?query_term=${term}`)).json<Page>();

    it('creates table documents (POST), updates only existing ones (PUT), deletes by id; answers as Amundsen', async () => {
      const created = await send('POST', '/document_table', { data: [v1Table('ledger'), v1Table('journal')] });
      expect(created.status).toBe(200);
      expect(created.headers.get('content-type')).toContain('application/json');
      expect(created.json()).toBe('table_search_index');
      const found = await findTables('zanzibar');
      expect(amundsenProblems('SearchTableResult', found, AMUNDSEN_DUMP)).toEqual([]);
      expect(keys(found).sort()).toEqual(['hive://gold.legacy/journal', 'hive://gold.legacy/ledger']);
      expect(found.results.find((t) => t['name'] === 'ledger')).toMatchObject({
        tags: [{ tag_name: 'zanzibar' }],
        column_names: ['id', 'amount'],
        column_descriptions: ['The id'],
        total_usage: 3,
        last_updated_timestamp: 1_600_000_000,
      });
      // Searchable through /v2/search too, in Amundsen's SearchResponse.
      const v2 = await post('/v2/search', { query_term: 'zanzibar', resource_types: ['table'] });
      expect(amundsenProblems('SearchResponse', v2.json(), V2_ANSWER)).toEqual([]);

      // PUT changes existing documents and ignores unknown ids, as Amundsen's bulk update does.
      const updated = await send('PUT', '/document_table?index=table_search_index', {
        data: [v1Table('ledger', { description: 'Quetzal ledger', schema_description: 'Old books.' }), v1Table('never_created')],
      });
      expect(updated.status).toBe(200);
      expect(updated.json()).toBe('table_search_index');
      expect(keys(await findTables('quetzal'))).toEqual(['hive://gold.legacy/ledger']);
      // The schema's description is kept, and answered as Amundsen's model has it.
      expect((await findTables('quetzal')).results[0]).toMatchObject({ schema_description: 'Old books.' });
      expect(keys(await findTables('never_created'))).not.toContain('hive://gold.legacy/never_created');

      // DELETE by id: the key, raw or URL-encoded.
      const removed = await send('DELETE', '/document_table/hive://gold.legacy/ledger', undefined);
      expect(removed.status).toBe(200);
      expect(removed.json()).toEqual({});
      const encoded = await send('DELETE', `/document_table/${encodeURIComponent('hive://gold.legacy/journal')}`, undefined);
      expect(encoded.json()).toEqual({});
      expect((await findTables('zanzibar')).total_results).toBe(0);
      // Deleting what is not there is answered the same (Amundsen's bulk delete ignores it).
      expect((await send('DELETE', '/document_table/hive://gold.legacy/ledger', undefined)).json()).toEqual({});
    });

    it('takes user and feature documents in their Amundsen models', async () => {
      const user = {
        id: 'wren@example.com',
        email: 'wren@example.com',
        first_name: 'Christopher',
        last_name: 'Wren',
        full_name: 'Christopher Wren',
        is_active: true,
        team_name: 'Architecture',
        manager_email: null,
        github_username: 'cwren',
      };
      expect((await send('POST', '/document_user', { data: [user] })).json()).toBe('user_search_index');
      const people = (await get('/search_user?query_term=wren')).json<Page>();
      expect(amundsenProblems('SearchUserResult', people, AMUNDSEN_DUMP)).toEqual([]);
      expect(people.results[0]).toMatchObject({ id: 'wren@example.com', full_name: 'Christopher Wren', team_name: 'Architecture' });
      expect((await send('PUT', '/document_user', { data: [{ ...user, team_name: 'Cathedrals' }] })).status).toBe(200);
      expect((await get('/search_user?query_term=wren')).json<Page>().results[0]['team_name']).toBe('Cathedrals');
      expect((await send('DELETE', '/document_user/wren@example.com', undefined)).json()).toEqual({});
      expect((await get('/search_user?query_term=wren')).json<Page>().total_results).toBe(0);

      const feature = {
        id: 'eta/pickup_eta_p50/1.2',
        feature_group: 'eta',
        feature_name: 'pickup_eta_p50',
        version: '1.2',
        key: 'eta/pickup_eta_p50/1.2',
        total_usage: 5,
        status: 'active',
        entity: 'ride',
        description: 'Median pickup ETA.',
        availability: ['hive'],
        badges: [{ tag_name: 'gold' }],
        tags: [{ tag_name: 'eta' }],
        last_updated_timestamp: 1_650_000_000,
      };
      expect((await send('POST', '/document_feature?index=feature_search_index', { data: [feature] })).json()).toBe('feature_search_index');
      const features = (await get('/search_feature?query_term=pickup%20eta')).json<Page>();
      expect(amundsenProblems('SearchFeatureResult', features, AMUNDSEN_DUMP)).toEqual([]);
      expect(features.results[0]).toEqual(feature);
      const v2 = (await post('/v2/search', { query_term: 'pickup eta', resource_types: ['feature'] })).json<{
        results: { feature: Page };
      }>();
      expect(amundsenProblems('SearchResponse', v2, V2_ANSWER)).toEqual([]);
      expect(v2.results.feature.results[0]).toMatchObject({ feature_name: 'pickup_eta_p50', badges: ['gold'], tags: ['eta'] });
      expect((await send('PUT', '/document_feature', { data: [{ ...feature, status: 'deprecated' }] })).status).toBe(200);
      expect((await get('/search_feature?query_term=pickup%20eta')).json<Page>().results[0]['status']).toBe('deprecated');
      expect((await send('DELETE', '/document_feature/eta/pickup_eta_p50/1.2', undefined)).json()).toEqual({});
      expect((await get('/search_feature?query_term=pickup%20eta')).json<Page>().total_results).toBe(0);
    });

    it('answers an empty upsert with an empty index name, as Amundsen does', async () => {
      const response = await send('POST', '/document_feature', { data: [] });
      expect(response.status).toBe(200);
      expect(response.json()).toBe('');
    });

    it('refuses a document that does not fit its model (400, naming it) and changes nothing', async () => {
      const { name: _name, ...withoutName } = v1Table('refused');
      const missing = await send('POST', '/document_table', { data: [v1Table('fine'), withoutName] });
      expect(missing.status).toBe(400);
      expect(missing.json<{ message: string }>().message).toContain('data.1 (hive://gold.legacy/refused).name');
      const unknown = await send('POST', '/document_table', { data: [v1Table('fine', { colour: 'blue' })] });
      expect(unknown.status).toBe(400);
      expect((await send('POST', '/document_user', {})).status).toBe(400);
      expect((await findTables('fine')).results.map((t) => t['key'])).not.toContain('hive://gold.legacy/fine');
    });

    it('lets only services with write:data and admins index; every read needs a token', async () => {
      const body = { data: [v1Table('guarded')] };
      expect((await send('POST', '/document_table', body, 'reader')).status).toBe(403);
      expect((await send('POST', '/document_table', body, 'engineer')).status).toBe(403);
      expect((await send('DELETE', '/document_table/hive://gold.legacy/guarded', undefined, 'engineer')).status).toBe(403);
      expect((await get('/search?query_term=orders', 'reader')).status).toBe(200);
      for (const path of [
        '/search?query_term=x',
        '/search_user?query_term=x',
        '/search_dashboard?query_term=x',
        '/search_feature?query_term=x',
      ]) {
        expect((await call(`${stack.url}${path}`)).status).toBe(401);
      }
      expect(
        (await call(`${stack.url}/search_table`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status,
      ).toBe(401);
    });
  });
});
