import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BrowserSession, call, freePort, jwtClaims, readForm, type RunningApp } from '@fram/testing';
import { csrfTokenOf, devIdpFor, eventually, signIn, startCatalogStack, startFrontend, uiCall, type CatalogStack } from './stack';

const ORDERS = 'hive://gold.core/orders';

/**
 * Amundsen's frontend API through the frontend, over the real stack: dev-idp,
 * search, metadata (syncing search) and the frontend, with the sample catalog.
 * Browsers call it with their session (and CSRF token); scripts with a bearer token.
 */
describe('frontend: the catalog API through sessions', () => {
  let stack: CatalogStack;
  let base: string;

  beforeAll(async () => {
    stack = await startCatalogStack();
    base = stack.base;
  }, 90_000);
  afterAll(() => stack?.stop());

  async function session(user: string) {
    const { browser } = await signIn(base, user);
    const csrf = await csrfTokenOf(browser, base);
    return {
      get: (path: string) => uiCall(browser, base, 'GET', path),
      change: (method: string, path: string, body: unknown, token: string | undefined = csrf) =>
        uiCall(browser, base, method, path, body, token),
    };
  }

  it('searches through the frontend: typos forgiven, counts per resource, highlights, filters, paging', async () => {
    const ada = await session('ada@example.com');
    const body = { searchTerm: 'ordrs', pageIndex: 0, resultsPerPage: 5, resources: ['table', 'user', 'dashboard'] };
    const found = await ada.change('POST', '/api/search/v1/search', body);
    expect(found.status).toBe(200);
    const answer = found.json<Record<string, { total_results: number; results: Record<string, unknown>[] }>>();
    expect(answer).toMatchObject({ search_term: 'ordrs', msg: 'Success', status_code: 200 });
    expect(answer['table'].results[0]).toMatchObject({ type: 'table', key: ORDERS, name: 'orders', schema: 'core', database: 'hive' });
    expect(answer['table'].results[0]['highlight']).toMatchObject({ name: ['<em>orders</em>'] });
    expect(answer['table'].total_results).toBeGreaterThan(5);
    expect(answer['table'].results).toHaveLength(5);
    expect(answer).toHaveProperty('user.total_results');
    expect(answer).toHaveProperty('dashboard.total_results');
    const filtered = await ada.change('POST', '/api/search/v1/search', {
      ...body,
      resources: ['table'],
      filters: { table: { database: { value: 'snowflake,bigquery' } } },
    });
    const databases = filtered.json<{ table: { results: { database: string }[] } }>().table.results.map((r) => r.database);
    expect(databases.length).toBeGreaterThan(0);
    expect(new Set(databases)).toEqual(new Set(databases.filter((d) => d === 'snowflake' || d === 'bigquery')));
    const people = await ada.change('POST', '/api/search/v1/search', {
      searchTerm: 'grace',
      pageIndex: 0,
      resultsPerPage: 10,
      resources: ['user'],
    });
    expect(people.json<{ user: { results: unknown[] } }>().user.results[0]).toMatchObject({
      type: 'user',
      user_id: 'grace@example.com',
      display_name: 'Grace Hopper',
    });
    for (const bad of [
      { searchTerm: 'x' },
      { ...body, pageIndex: -1 },
      { ...body, resources: ['nope'] },
      { ...body, filters: { table: { schema: { value: 'x', filterOperation: 'XOR' } } } },
    ]) {
      const refused = await ada.change('POST', '/api/search/v1/search', bad);
      expect(refused.status).toBe(400);
      expect(refused.json()).toMatchObject({ statusCode: 400, code: 'bad_request' });
    }
  });

  it('serves table pages with is_editable for the caller, lineage, dashboards, popular resources, tags and badges', async () => {
    const frances = await session('frances@example.com'); // Business Users: reads only
    const ada = await session('ada@example.com'); // Data Engineers, and an owner of orders
    const asFrances = await frances.get(`/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}`);
    expect(asFrances.status).toBe(200);
    expect(asFrances.json()).toMatchObject({
      msg: 'Success',
      tableData: {
        key: ORDERS,
        is_editable: false,
        owners: expect.arrayContaining([expect.objectContaining({ user_id: 'ada@example.com' })]),
      },
    });
    const asAda = await ada.get(`/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}`);
    expect(asAda.json()).toMatchObject({
      tableData: { is_editable: true, columns: expect.arrayContaining([expect.objectContaining({ name: 'order_id', is_editable: true })]) },
    });
    const lineage = await ada.get(`/api/metadata/v0/get_table_lineage?key=${encodeURIComponent(ORDERS)}&depth=2&direction=both`);
    expect(lineage.status).toBe(200);
    expect(lineage.json()).toMatchObject({ upstream_count: expect.any(Number), downstream_count: expect.any(Number) });
    const downstream = lineage.json<{ downstream_entities: { key: string; schema: string; name: string }[] }>().downstream_entities;
    expect(downstream.length).toBeGreaterThan(0);
    expect(downstream[0]).toMatchObject({ schema: expect.any(String), name: expect.any(String), database: expect.any(String) });
    const dashboards = await ada.get(`/api/metadata/v0/table/${ORDERS}/dashboards`);
    expect(dashboards.status).toBe(200);
    expect(dashboards.json()).toMatchObject({ msg: 'Success', dashboards: expect.any(Array) });
    const popular = await ada.get('/api/metadata/v0/popular_resources?types=table,dashboard');
    expect(popular.json<{ results: { table: unknown[] } }>().results.table).toHaveLength(10);
    expect(popular.json()).toMatchObject({ results: { table: expect.arrayContaining([expect.objectContaining({ type: 'table' })]) } });
    expect((await ada.get('/api/metadata/v0/tags')).json()).toMatchObject({
      tags: expect.arrayContaining([expect.objectContaining({ tag_name: 'sales' })]),
    });
    expect((await ada.get('/api/metadata/v0/badges')).json()).toMatchObject({ badges: expect.any(Array) });
    // Every allowed badge, used or not (the defaults of WHITELIST_BADGES: `deprecated` is on no sample resource).
    expect((await ada.get('/api/metadata/v0/allowed_badges')).json()).toMatchObject({
      badges: expect.arrayContaining([{ badge_name: 'deprecated', category: 'table_status' }]),
    });
    expect((await ada.get('/api/metadata/v0/get_last_indexed')).json()).toMatchObject({ timestamp: expect.any(Number) });
    expect((await ada.get('/api/metadata/v0/table?key=hive://gold.core/nope')).status).toBe(404);
    expect((await ada.get('/api/metadata/v0/table')).json()).toMatchObject({ statusCode: 400, message: 'key: key is required' });
    expect((await ada.get('/api/metadata/v0/get_table_lineage?key=x&depth=99')).status).toBe(400);
  });

  it('gives a person who asks the IdP for admin and write scopes only what their groups give', async () => {
    const escalation = 'openid email profile offline_access admin:system write:data';
    // frances (Business Users) edits scope= in the authorization request that the frontend's /login sends her to.
    const browser = new BrowserSession();
    const authorize = await browser.follow(`${base}/login?returnTo=%2F`, {}, `${stack.idp.issuer}/v1/authorize`);
    const asked = new URL(authorize.url);
    asked.searchParams.set('scope', escalation);
    const form = await browser.follow(asked.href);
    const { action } = readForm(await form.response.text());
    const done = await browser.submit(
      new URL(action, form.url).href,
      { username: 'frances@example.com', password: 'fram-demo' },
      `${base}/__never__`,
    );
    expect(done.url).toBe(`${base}/`);
    const me = await uiCall(browser, base, 'GET', '/api/auth_user');
    expect(me.json()).toMatchObject({ user: { user_id: 'frances@example.com' }, roles: ['read'] });
    const csrf = await csrfTokenOf(browser, base);
    const edit = await uiCall(
      browser,
      base,
      'PUT',
      '/api/metadata/v0/put_table_description',
      { key: ORDERS, description: 'escalated' },
      csrf,
    );
    expect(edit.status).toBe(403);
    // The same through the public command-line client, straight at metadata.
    const token = await stack.idp.userToken('frances@example.com', escalation);
    expect(jwtClaims(token)['scp']).not.toContain('admin:system');
    expect((await call(`${stack.metadata.url}/audit`, { token })).status).toBe(403);
    const direct = await call(`${stack.metadata.url}/table/${encodeURIComponent(ORDERS)}/description`, {
      token,
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'escalated' }),
    });
    expect(direct.status).toBe(403);
    const description = await call(`${stack.metadata.url}/table/${encodeURIComponent(ORDERS)}/description`, { token });
    expect(description.json()).not.toMatchObject({ description: 'escalated' });
  });

  it('edits as the signed-in person: metadata sees them (audit trail), search follows; others get 403 and nothing changes', async () => {
    const ada = await session('ada@example.com');
    const frances = await session('frances@example.com');
    const description = `Orders, edited through the frontend at ${Date.now()}`;
    const refused = await frances.change('PUT', '/api/metadata/v0/put_table_description', { key: ORDERS, description: 'vandalised' });
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ statusCode: 403 });
    const saved = await ada.change('PUT', '/api/metadata/v0/put_table_description', { key: ORDERS, description, source: 'user' });
    expect(saved.status).toBe(200);
    expect((await frances.get(`/api/metadata/v0/get_table_description?key=${encodeURIComponent(ORDERS)}`)).json()).toMatchObject({
      description,
    });
    const tagged = await ada.change('PUT', '/api/metadata/v0/update_table_tags', { key: ORDERS, tag: 'frontendtag' });
    expect(tagged.status).toBe(200);
    const owner = await ada.change('PUT', '/api/metadata/v0/update_table_owner', { key: ORDERS, owner: 'grace@example.com' });
    expect(owner.status).toBe(200);
    // Forwarding proven at metadata: its audit trail names the signed-in person.
    const audit = await call(`${stack.metadata.url}/audit?limit=20`, { token: await stack.adminToken() });
    const entries = audit.json<{ entries: { actor: string; action: string }[] }>().entries;
    expect(entries.filter((e) => e.actor === 'ada@example.com').length).toBeGreaterThanOrEqual(3);
    expect(entries.some((e) => e.actor === 'frances@example.com')).toBe(false);
    // Metadata tells search (with its own identity): the tag becomes searchable.
    await eventually(async () => {
      const found = await ada.change('POST', '/api/search/v1/search', {
        searchTerm: '',
        pageIndex: 0,
        resultsPerPage: 10,
        resources: ['table'],
        filters: { table: { tag: { value: 'frontendtag' } } },
      });
      expect(found.json<{ table: { results: { key: string }[] } }>().table.results.map((r) => r.key)).toEqual([ORDERS]);
    });
    expect((await ada.change('DELETE', '/api/metadata/v0/update_table_tags', { key: ORDERS, tag: 'frontendtag' })).status).toBe(200);
    expect((await ada.change('DELETE', '/api/metadata/v0/update_table_owner', { key: ORDERS, owner: 'grace@example.com' })).status).toBe(
      200,
    );
    expect((await ada.change('PUT', '/api/metadata/v0/put_table_description', { key: ORDERS })).json()).toMatchObject({
      statusCode: 400,
      message: 'description: description is required',
    });
  });

  it('serves dashboards with is_editable, and tags them as the signed-in person', async () => {
    const uri = 'mode_dashboard://prod.executive/company_kpis';
    const ada = await session('ada@example.com');
    const frances = await session('frances@example.com');
    const answer = await ada.get(`/api/metadata/v0/dashboard?uri=${encodeURIComponent(uri)}`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({
      msg: 'success',
      dashboard: {
        uri,
        name: 'company_kpis',
        is_editable: true,
        tables: expect.arrayContaining([expect.objectContaining({ key: 'bigquery://prod.analytics/daily_revenue' })]),
      },
    });
    expect((await frances.get(`/api/metadata/v0/dashboard?uri=${encodeURIComponent(uri)}`)).json()).toMatchObject({
      dashboard: { is_editable: false },
    });
    expect((await frances.change('PUT', '/api/metadata/v0/update_dashboard_tags', { key: uri, tag: 'vandal' })).status).toBe(403);
    expect((await ada.change('PUT', '/api/metadata/v0/update_dashboard_tags', { key: uri, tag: 'board' })).status).toBe(200);
    const tags = (await ada.get(`/api/metadata/v0/dashboard?uri=${encodeURIComponent(uri)}`)).json<{
      dashboard: { tags: { tag_name: string }[] };
    }>().dashboard.tags;
    expect(tags.map((t) => t.tag_name).sort()).toEqual(['board', 'kpi']);
    expect((await ada.change('DELETE', '/api/metadata/v0/update_dashboard_tags', { key: uri, tag: 'board' })).status).toBe(200);
    expect((await ada.get('/api/metadata/v0/dashboard?uri=mode_dashboard://prod.executive/nope')).status).toBe(404);
  });

  it('refuses state-changing session calls without the CSRF token, and changes nothing', async () => {
    const ada = await session('ada@example.com');
    for (const token of [undefined, 'forged']) {
      const refused = await ada.change('PUT', '/api/metadata/v0/user/bookmark', { type: 'table', key: ORDERS }, token ?? '');
      expect(refused.status).toBe(403);
      expect(refused.json()).toMatchObject({ statusCode: 403, code: 'csrf_token' });
    }
    const bookmarks = await ada.get('/api/metadata/v0/user/bookmark');
    expect(bookmarks.json<{ bookmarks: { table: { key: string }[] } }>().bookmarks.table.map((t) => t.key)).not.toContain(ORDERS);
  });

  it('keeps bookmarks per person, shown on their profile lists', async () => {
    const grace = await session('grace@example.com');
    expect((await grace.change('PUT', '/api/metadata/v0/user/bookmark', { type: 'table', key: ORDERS })).status).toBe(200);
    const mine = await grace.get('/api/metadata/v0/user/bookmark');
    expect(mine.json()).toMatchObject({ bookmarks: { table: [expect.objectContaining({ key: ORDERS, type: 'table' })], dashboard: [] } });
    const viewed = await grace.get('/api/metadata/v0/user/bookmark?user_id=ada%40example.com');
    expect(viewed.json<{ bookmarks: { table: { key: string }[] } }>().bookmarks.table.map((t) => t.key)).not.toContain(ORDERS);
    expect((await grace.get('/api/metadata/v0/user/own?user_id=ada%40example.com')).json()).toMatchObject({
      own: { table: expect.arrayContaining([expect.objectContaining({ key: ORDERS })]) },
    });
    expect((await grace.get('/api/metadata/v0/user/read?user_id=ada%40example.com')).json()).toMatchObject({ read: expect.any(Array) });
    expect((await grace.get('/api/metadata/v0/user?user_id=alan%40example.com')).json()).toMatchObject({
      user: { user_id: 'alan@example.com', display_name: 'Alan Turing' },
    });
    expect((await grace.change('DELETE', '/api/metadata/v0/user/bookmark', { type: 'table', key: ORDERS })).status).toBe(200);
    expect((await grace.change('PUT', '/api/metadata/v0/user/bookmark', { type: 'feature', key: ORDERS })).status).toBe(400);
  });

  it('records action log events for the signed-in person', async () => {
    const ada = await session('ada@example.com');
    expect(
      (await ada.change('POST', '/api/log/v0/log_event', { command: 'click', target_id: 'table_row', search_term: 'orders' })).json(),
    ).toEqual({ msg: 'Logging of click action successful' });
    expect((await ada.change('POST', '/api/log/v0/log_event', { target_id: 'x' })).json()).toMatchObject({
      statusCode: 400,
      message: 'command: command is required',
    });
  });

  it('lets scripts call the frontend API with a bearer token (no session, no CSRF token)', async () => {
    const token = await stack.adminToken();
    const table = await call(`${base}/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}`, { token });
    expect(table.status).toBe(200);
    const search = await call(`${base}/api/search/v1/search`, {
      token,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ searchTerm: 'orders', pageIndex: 0, resultsPerPage: 1 }),
    });
    expect(search.json()).toMatchObject({ table: { results: [expect.objectContaining({ key: ORDERS })] } });
    expect((await call(`${base}/api/metadata/v0/popular_resources`)).status).toBe(401);
  });

  it('serves the web UI: pages need a sign-in (else one redirect to /login), carry the CSRF token and a strict CSP', async () => {
    const anonymous = await fetch(`${base}/table_detail/gold/hive/core/orders`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe(`/login?returnTo=${encodeURIComponent('/table_detail/gold/hive/core/orders')}`);
    const { browser, done } = await signIn(base, 'ada@example.com', '/table_detail/gold/hive/core/orders');
    expect(done.url).toBe(`${base}/table_detail/gold/hive/core/orders`);
    expect(done.response.status).toBe(200);
    expect(done.response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(done.response.headers.get('cache-control')).toBe('no-store');
    expect(await done.response.text()).toMatch(/<meta name="csrf-token" content="[0-9a-f]{256}">[\s\S]*\/static\/app\.js/);
    const script = await fetch(`${base}/static/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${base}/static/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}/favicon.ico`, { redirect: 'manual' })).status).toBe(200); // no sign-in redirect for the browser's icon request
    const anonymousApi = await fetch(`${base}/api/nope`, { redirect: 'manual' });
    expect(anonymousApi.status).toBe(401); // an API path: 401 JSON, never a redirect to sign in
    expect(await anonymousApi.json()).toMatchObject({ statusCode: 401 });
    const unknownApi = await browser.request(`${base}/api/nope`);
    expect(unknownApi.status).toBe(404);
    expect(await unknownApi.json()).toMatchObject({ statusCode: 404 });
  });
});

/** What the frontend sends to metadata, recorded by a stand-in server (a test double: it only records and answers). */
describe('frontend: what reaches metadata', () => {
  let recorder: Server;
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  let frontend: RunningApp;
  let stop: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    recorder = createServer((req, res) => {
      seen.push({ url: req.url!, headers: req.headers });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ user_id: 'ada@example.com', email: 'ada@example.com', display_name: 'Ada' }));
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const idp = await devIdpFor(base);
    frontend = await startFrontend(port, {
      OIDC_ISSUER: idp.issuer,
      PUBLIC_URL: base,
      METADATA_URL: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`,
    });
    stop = async () => {
      await frontend.close();
      await idp.stop();
      await new Promise((resolve) => recorder.close(resolve));
    };
  }, 60_000);
  afterAll(() => stop?.());

  it('forwards only the session access token (and the request id): no cookie, no refresh or ID token', async () => {
    const { browser } = await signIn(base, 'ada@example.com');
    expect((await uiCall(browser, base, 'GET', '/api/metadata/v0/user?user_id=ada%40example.com')).status).toBe(200);
    const request = seen.find((r) => r.url === '/user/ada%40example.com')!;
    expect(Object.keys(request.headers).sort()).toEqual(['accept', 'authorization', 'connection', 'host', 'x-request-id']);
    const token = /^Bearer (eyJ[\w-]+\.[\w-]+\.[\w-]+)$/.exec(request.headers.authorization!)![1];
    expect(jwtClaims(token)).toMatchObject({ sub: expect.any(String), aud: 'api://fram', scp: expect.arrayContaining(['openid']) });
    expect(JSON.stringify(request.headers)).not.toMatch(/fram\.sid|refresh/i);
  });
});
