import { csrfTokenOf, signIn, startCatalogStack, uiCall, type CatalogStack } from './stack';

const ORDERS = 'hive://gold.core/orders';
const REVENUE = 'bigquery://prod.analytics/daily_revenue';
const KPIS = 'mode_dashboard://prod.executive/company_kpis';

/** What Amundsen's React app (simple-query-string's stringify) makes of query parameters: each value encoded, undefined ones left out. */
const stringify = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** Every field Amundsen's marshall_table_full answers: TableSchema's, and the frontend's own. */
const TABLE_FIELDS = [
  'database',
  'cluster',
  'schema',
  'name',
  'key',
  'tags',
  'badges',
  'table_readers',
  'description',
  'columns',
  'owners',
  'watermarks',
  'table_writer',
  'table_apps',
  'resource_reports',
  'last_updated_timestamp',
  'source',
  'is_view',
  'programmatic_descriptions',
  'common_joins',
  'common_filters',
  'is_editable',
  'partition',
];
const COLUMN_FIELDS = ['name', 'key', 'description', 'col_type', 'sort_order', 'stats', 'badges', 'type_metadata', 'is_editable'];
/** marshall_table_partial's and marshall_dashboard_partial's fields. */
const TABLE_ITEM_FIELDS = ['database', 'cluster', 'schema', 'name', 'description', 'key', 'last_updated_timestamp', 'type'];
const DASHBOARD_ITEM_FIELDS = [
  'uri',
  'cluster',
  'group_name',
  'group_url',
  'product',
  'name',
  'url',
  'description',
  'last_successful_run_timestamp',
  'chart_names',
  'type',
  'key',
];

const hasFields = (item: Record<string, unknown>, fields: string[]) => expect(fields.filter((f) => !(f in item))).toEqual([]);

/**
 * The frontend API called as Amundsen's React app calls it (ducks/<x>/api/v0.ts:
 * the same paths, query strings and bodies), over the real stack with the
 * sample catalog, answering what its pages read.
 */
describe("frontend: Amundsen's React app's calls", () => {
  let stack: CatalogStack;
  let base: string;

  beforeAll(async () => {
    stack = await startCatalogStack();
    base = stack.base;
  }, 90_000);
  afterAll(() => stack?.stop());

  async function app(user: string) {
    const { browser } = await signIn(base, user);
    const csrf = await csrfTokenOf(browser, base);
    return {
      get: (path: string) => uiCall(browser, base, 'GET', path),
      send: (method: string, path: string, body: unknown) => uiCall(browser, base, method, path, body, csrf),
    };
  }

  /** The search duck's body: every resource's filters, highlighting for those searched, the search type. */
  const searchBody = (searchTerm: string, resources: string[], filters: Record<string, unknown> = {}) => ({
    filters: { table: {}, dashboard: {}, feature: {}, ...filters },
    pageIndex: 0,
    resources,
    resultsPerPage: 10,
    searchTerm,
    searchType: 'submit_search_term',
    highlightingOptions: Object.fromEntries(resources.map((r) => [r, { enable_highlight: true }])),
  });

  it('searches with the filters the app always sends, ignoring those of resources not searched, and answers every resource', async () => {
    const ada = await app('ada@example.com');
    const found = await ada.send('POST', '/api/search/v1/search', searchBody('orders', ['table']));
    expect(found.status).toBe(200);
    const answer = found.json<Record<string, { page_index: number; total_results: number; results: Record<string, unknown>[] }>>();
    expect(answer).toMatchObject({ search_term: 'orders', msg: expect.any(String), status_code: 200 });
    expect(answer['table'].results[0]).toMatchObject({ type: 'table', key: ORDERS, name: 'orders', highlight: expect.any(Object) });
    for (const other of ['dashboard', 'feature', 'user']) expect(answer[other]).toEqual({ page_index: 0, results: [], total_results: 0 });

    // A filter of a resource not searched changes nothing; one of a resource searched filters it.
    const dashboardFilter = { dashboard: { product: { value: 'tableau' } } };
    const ignored = await ada.send('POST', '/api/search/v1/search', searchBody('orders', ['table'], dashboardFilter));
    expect(ignored.json<{ table: unknown }>().table).toEqual(answer['table']);
    const all = await ada.send('POST', '/api/search/v1/search', searchBody('', ['table', 'dashboard', 'user', 'feature'], dashboardFilter));
    expect(all.status).toBe(200);
    const pages = all.json<Record<string, { results: Record<string, unknown>[]; total_results: number }>>();
    expect(pages['dashboard'].results.length).toBeGreaterThan(0);
    expect(pages['dashboard'].results.every((d) => d['product'] === 'tableau')).toBe(true);
    expect(pages['table'].total_results).toBeGreaterThan(0);
    expect(pages['user'].results[0]).toMatchObject({ type: 'user', user_id: expect.any(String), display_name: expect.any(String) });
    // The sample catalog's ML features.
    expect(pages['feature'].total_results).toBeGreaterThan(0);
    expect(pages['feature'].results[0]).toMatchObject({ type: 'feature', key: expect.any(String), feature_group: expect.any(String) });
    const mode = await ada.send(
      'POST',
      '/api/search/v1/search',
      searchBody('', ['dashboard'], { dashboard: { product: { value: 'mode' } } }),
    );
    const products = mode.json<{ dashboard: { results: { product: string; key: string; uri: string }[] } }>().dashboard.results;
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((d) => d.product === 'mode' && d.key === d.uri)).toBe(true);
    // A filter without a value (the app clears one so) filters nothing.
    const cleared = await ada.send('POST', '/api/search/v1/search', searchBody('orders', ['table'], { table: { schema: { value: '' } } }));
    expect(cleared.json<{ table: unknown }>().table).toEqual(answer['table']);

    for (const bad of [{ ...searchBody('x', ['nope']) }, { ...searchBody('x', ['table']), pageIndex: 'first' }, { searchTerm: 'x' }]) {
      const refused = await ada.send('POST', '/api/search/v1/search', bad);
      expect(refused.status).toBe(400);
    }
  });

  it("answers the table page with every field of Amundsen's marshall_table_full", async () => {
    const ada = await app('ada@example.com');
    // The table duck: qs.stringify({key, index, source}).
    const found = await ada.get(`/api/metadata/v0/table?${stringify({ key: ORDERS, index: '0', source: 'search_results' })}`);
    expect(found.status).toBe(200);
    const { tableData } = found.json<{ tableData: Record<string, unknown> & { columns: Record<string, unknown>[] } }>();
    hasFields(tableData, TABLE_FIELDS);
    expect(tableData).toMatchObject({
      key: ORDERS,
      is_editable: true,
      is_view: false,
      // Its high watermark (the sample catalog's orders are partitioned by day).
      partition: { is_partitioned: true, key: 'ds', value: '2025-11-21' },
      programmatic_descriptions: { left: [], right: [], other: expect.any(Array) },
    });
    for (const column of tableData.columns) hasFields(column, COLUMN_FIELDS);
    expect(tableData.columns[0]).toMatchObject({ name: 'order_id', key: `${ORDERS}/order_id`, is_editable: true });
  });

  it('gives related dashboards, popular resources, bookmarks, owned and read lists their type and key', async () => {
    const barbara = await app('barbara@example.com');
    // The table duck's related dashboards: the key encoded into the path.
    const related = await barbara.get(`/api/metadata/v0/table/${encodeURIComponent(REVENUE)}/dashboards`);
    expect(related.status).toBe(200);
    const dashboards = related.json<{ dashboards: Record<string, unknown>[] }>().dashboards;
    expect(dashboards.map((d) => d['key'])).toContain(KPIS);
    for (const dashboard of dashboards) {
      hasFields(dashboard, DASHBOARD_ITEM_FIELDS);
      expect(dashboard).toMatchObject({ type: 'dashboard', key: dashboard['uri'] });
    }

    const popular = await barbara.get('/api/metadata/v0/popular_resources?types=table,dashboard');
    const results = popular.json<{ results: { table: Record<string, unknown>[]; dashboard: Record<string, unknown>[] } }>().results;
    expect(results.table.length).toBeGreaterThan(0);
    for (const table of results.table) hasFields(table, TABLE_ITEM_FIELDS);
    for (const dashboard of results.dashboard) hasFields(dashboard, DASHBOARD_ITEM_FIELDS);

    // (Dashboard bookmarks: metadata keeps none yet, see amundsen-forwarding.spec.ts for their shape.)
    const added = await barbara.send('PUT', '/api/metadata/v0/user/bookmark', { type: 'table', key: REVENUE });
    expect(added.status).toBe(200);
    // update_bookmark passes metadata's own answer on as `response`.
    expect(added.json()).toEqual({ msg: 'success', response: expect.objectContaining({ message: expect.any(String) }) });
    const bookmarks = (await barbara.get('/api/metadata/v0/user/bookmark')).json<{
      bookmarks: { table: Record<string, unknown>[]; dashboard: Record<string, unknown>[] };
    }>().bookmarks;
    expect(bookmarks.table).toEqual([expect.objectContaining({ type: 'table', key: REVENUE })]);
    hasFields(bookmarks.table[0], TABLE_ITEM_FIELDS);
    await barbara.send('DELETE', '/api/metadata/v0/user/bookmark', { type: 'table', key: REVENUE });

    const own = (await barbara.get('/api/metadata/v0/user/own?user_id=ada@example.com')).json<{
      own: { table: Record<string, unknown>[] };
    }>();
    expect(own.own.table).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'table', key: ORDERS })]));
    const read = (await barbara.get('/api/metadata/v0/user/read?user_id=ada@example.com')).json<{ read: Record<string, unknown>[] }>();
    expect(read.read.length).toBeGreaterThan(0);
    for (const table of read.read) expect(table).toMatchObject({ type: 'table', key: expect.stringContaining('://') });
  });

  it('finds a dashboard however the app encodes its uri: twice from the dashboard page, not at all from the tag editor', async () => {
    const barbara = await app('barbara@example.com');
    // The dashboard page: the uri from its own address (/dashboard/<encoded uri>, left encoded by the router), then qs.stringify.
    const fromPage = await barbara.get(
      `/api/metadata/v0/dashboard?${stringify({ index: undefined, source: 'home', uri: encodeURIComponent(KPIS) })}`,
    );
    expect(fromPage.status).toBe(200);
    const { dashboard } = fromPage.json<{ dashboard: Record<string, unknown> & { tables: Record<string, unknown>[] } }>();
    expect(dashboard).toMatchObject({ uri: KPIS, is_editable: true, queries: expect.any(Array) });
    expect(dashboard.tables.map((t) => t['key'])).toContain(REVENUE);
    for (const table of dashboard.tables) {
      hasFields(table, TABLE_ITEM_FIELDS);
      expect(table['type']).toBe('table');
    }
    // The tag duck: `dashboard?uri=${uri}`, not encoded; and Fram's web UI: encoded once.
    expect((await barbara.get(`/api/metadata/v0/dashboard?uri=${KPIS}`)).json()).toMatchObject({ dashboard: { uri: KPIS } });
    expect((await barbara.get(`/api/metadata/v0/dashboard?uri=${encodeURIComponent(KPIS)}`)).json()).toMatchObject({
      dashboard: { uri: KPIS },
    });
    const missing = `mode_dashboard://prod.executive/nope`;
    expect((await barbara.get(`/api/metadata/v0/dashboard?${stringify({ uri: encodeURIComponent(missing) })}`)).status).toBe(404);
  });

  it("edits as the React app sends its edits: axios returns the XSRF-TOKEN cookie's value as X-XSRF-Token", async () => {
    const { browser } = await signIn(base, 'ada@example.com');
    // Signed in, the browser got the cookie with the page it came back to; a browser without it gets it again.
    expect(browser.cookie('127.0.0.1', 'XSRF-TOKEN')).toBeDefined();
    const session = `fram.sid=${browser.cookie('127.0.0.1', 'fram.sid')!.value}`;
    const offered = await fetch(`${base}/api/auth_user`, { headers: { cookie: session } });
    const cookie = offered.headers.getSetCookie().find((c) => c.startsWith('XSRF-TOKEN='));
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/HttpOnly/i);
    // Held, it is not sent again.
    const again = await browser.request(`${base}/api/auth_user`);
    expect(again.headers.getSetCookie().filter((c) => c.startsWith('XSRF-TOKEN='))).toEqual([]);
    const xsrf = browser.cookie('127.0.0.1', 'XSRF-TOKEN')!.value;
    const axios = (method: string, path: string, body: unknown, token = xsrf) =>
      browser.request(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-xsrf-token': token },
        body: JSON.stringify(body),
      });
    const description = `Orders, edited from the React app at ${Date.now()}`;
    const saved = await axios('PUT', '/api/metadata/v0/put_table_description', { description, key: ORDERS, source: 'user' });
    expect(saved.status).toBe(200);
    expect(
      (await uiCall(browser, base, 'GET', `/api/metadata/v0/get_table_description?key=${encodeURIComponent(ORDERS)}`)).json(),
    ).toMatchObject({
      description,
    });
    const forged = await axios(
      'PUT',
      '/api/metadata/v0/put_table_description',
      { description: 'forged', key: ORDERS, source: 'user' },
      'f'.repeat(xsrf.length),
    );
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'csrf_token' });
  });

  it('logs the actions the app reports, as Amundsen takes them', async () => {
    const ada = await app('ada@example.com');
    // logClick: a clicked element without an id, its (long) text as the label, the position as a number.
    const logged = await ada.send('POST', '/api/log/v0/log_event', {
      command: 'click',
      target_id: '',
      label: 'x'.repeat(5000),
      target_type: 'button',
      location: '/table_detail/gold/hive/core/orders',
      position: 3,
      search_results: Array.from({ length: 150 }, (_, i) => `key${i}`),
    });
    expect(logged.status).toBe(200);
    expect(logged.json()).toEqual({ msg: 'Logging of click action successful' });
  });
});
