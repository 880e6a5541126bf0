import { call } from '@fram/testing';
import { startMetadataStack, type MetadataStack } from './metadata-app';

const ORDERS = 'hive://gold.core/orders';

/** The metadata API over HTTP, with tokens from dev-idp and people found through dev-idp's Users API. */
describe('metadata API', () => {
  let stack: MetadataStack;

  beforeAll(async () => {
    stack = await startMetadataStack('metadata-api', { people: ['ada', 'edsger', 'frances'], variables: { USER_CACHE_TTL_S: '1' } });
    const ingest = await as('admin', '/ingest/tables', {
      method: 'POST',
      body: JSON.stringify({
        tables: [
          {
            database: 'hive',
            cluster: 'gold',
            schema: 'core',
            name: 'orders',
            description: 'One row per order.',
            columns: [
              { name: 'order_id', col_type: 'bigint' },
              { name: 'amount', col_type: 'decimal(12,2)' },
            ],
            tags: ['sales'],
            owners: ['ada@example.com'],
          },
          { database: 'hive', cluster: 'gold', schema: 'core', name: 'customers' },
        ],
      }),
    });
    expect(ingest.status).toBe(200);
  });
  afterAll(() => stack?.close());

  const as = (who: string, path: string, init?: RequestInit) => stack.as(who, path, init);

  it('serves a table by its unencoded key, owners resolved through the user directory', async () => {
    const response = await as('frances', `/table/${ORDERS}`);
    expect(response.status).toBe(200);
    const table = response.json<Record<string, unknown>>();
    expect(table).toMatchObject({
      key: ORDERS,
      database: 'hive',
      cluster: 'gold',
      schema: 'core',
      name: 'orders',
      description: 'One row per order.',
    });
    expect(table['columns']).toEqual([
      expect.objectContaining({ name: 'order_id', key: `${ORDERS}/order_id`, col_type: 'bigint', sort_order: 0 }),
      expect.objectContaining({ name: 'amount', sort_order: 1 }),
    ]);
    expect(table['owners']).toEqual([
      expect.objectContaining({
        email: 'ada@example.com',
        full_name: 'Ada Lovelace',
        team_name: 'Data Platform',
        role_name: 'Staff Data Engineer',
      }),
    ]);
    expect((await as('frances', '/table/hive://gold.core/nope')).status).toBe(404);
    expect((await as('frances', '/table/not-a-key')).status).toBe(400);
    expect((await call(`${stack.url}/table/${ORDERS}`)).status).toBe(401);
  });

  it('lets writers and owners edit descriptions, not readers, and records who did it', async () => {
    const put = (who: string, path: string, description: unknown) =>
      as(who, path, { method: 'PUT', body: JSON.stringify({ description }) });
    expect((await put('edsger', `/table/${ORDERS}/description`, 'Orders, deduplicated.')).status).toBe(200);
    expect((await as('frances', `/table/${ORDERS}/description`)).json()).toEqual({ description: 'Orders, deduplicated.' });
    const refused = await put('frances', `/table/${ORDERS}/description`, 'mine now');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toContain('insufficient_scope');
    expect((await put('edsger', `/table/${ORDERS}/column/amount/description`, 'In EUR')).status).toBe(200);
    expect((await as('frances', `/table/${ORDERS}/column/amount/description`)).json()).toEqual({ description: 'In EUR' });
    expect((await put('edsger', `/table/${ORDERS}/column/nope/description`, 'x')).status).toBe(404);
    expect((await put('edsger', `/table/${ORDERS}/description`, 42)).status).toBe(400);

    // An owner without the write role may edit what they own.
    expect((await as('ada', `/table/hive://gold.core/customers/owner/frances@example.com`, { method: 'PUT' })).status).toBe(200);
    expect((await put('frances', '/table/hive://gold.core/customers/description', 'Customers.')).status).toBe(200);

    const audit = await as('admin', '/audit?limit=5');
    expect(audit.json<{ entries: { actor: string; action: string }[] }>().entries.slice(0, 2)).toEqual([
      expect.objectContaining({ actor: 'frances@example.com', action: 'set_description' }),
      expect.objectContaining({ actor: 'ada@example.com', action: 'add_owner' }),
    ]);
    expect((await as('edsger', '/audit')).status).toBe(403);
  });

  it('adds and removes tags and allowed badges', async () => {
    expect((await as('edsger', `/table/${ORDERS}/tag/finance`, { method: 'PUT' })).status).toBe(200);
    expect((await as('edsger', `/table/${ORDERS}/tag/sales`, { method: 'DELETE' })).status).toBe(200);
    expect((await as('edsger', `/table/${ORDERS}/tag/x?tag_type=badge`, { method: 'PUT' })).status).toBe(406); // Amundsen's status
    expect((await as('edsger', `/table/${ORDERS}/tag/certified`, { method: 'PUT' })).status).toBe(409);
    expect((await as('edsger', `/table/${ORDERS}/badge/certified?category=table_status`, { method: 'PUT' })).status).toBe(200);
    expect((await as('edsger', `/table/${ORDERS}/badge/golden?category=table_status`, { method: 'PUT' })).status).toBe(404);
    expect((await as('edsger', `/table/${ORDERS}/badge/certified`, { method: 'PUT' })).status).toBe(400);
    const table = (await as('frances', `/table/${ORDERS}`)).json<{ tags: { tag_name: string }[]; badges: unknown[] }>();
    expect(table.tags.map((t) => t.tag_name)).toEqual(['finance']);
    expect(table.badges).toEqual([{ badge_name: 'certified', category: 'table_status' }]);
    expect((await as('frances', '/tags/')).json()).toEqual({ tag_usages: [{ tag_name: 'finance', tag_count: 1 }] });
    expect((await as('frances', '/badges/')).json()).toEqual({ badges: [{ badge_name: 'certified', category: 'table_status' }] });
    // Every badge that may be put on a resource, used or not.
    expect((await as('frances', '/badges/allowed')).json()).toEqual({
      badges: [
        { badge_name: 'certified', category: 'table_status' },
        { badge_name: 'deprecated', category: 'table_status' },
        { badge_name: 'alpha', category: 'table_status' },
        { badge_name: 'pii', category: 'data_sensitivity' },
      ],
    });
  });

  it('finds a person missing from the catalog in the directory, stores them, and 404s nobody', async () => {
    const alan = await as('frances', '/user/alan@example.com');
    expect(alan.status).toBe(200);
    expect(alan.json()).toMatchObject({
      user_id: 'alan@example.com',
      email: 'alan@example.com',
      first_name: 'Alan',
      last_name: 'Turing',
      full_name: 'Alan Turing',
      display_name: 'Alan Turing',
      role_name: 'Senior Data Engineer',
      team_name: 'Data Platform',
      employee_type: 'Employee',
      is_active: true,
      manager_email: 'grace@example.com',
      manager_fullname: 'Grace Hopper',
      profile_url: `${stack.idp.origin}/api/v1/users/00u03alan00000000000`,
    });
    expect((await as('admin', '/user')).json<{ user_id: string }[]>().map((u) => u.user_id)).toContain('alan@example.com');
    const nobody = await as('frances', '/user/nobody@example.com');
    expect(nobody.status).toBe(404);
    expect(nobody.json()).toEqual({ statusCode: 404, message: 'User nobody@example.com not found', code: 'not_found' });
  });

  it('makes one directory call for a burst of requests for the same unknown person', async () => {
    const realFetch = globalThis.fetch;
    let directoryCalls = 0;
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/api/v1/users')) directoryCalls += 1;
      return realFetch(input, init);
    });
    try {
      const responses = await Promise.all(Array.from({ length: 200 }, () => as('frances', '/user/barbara@example.com')));
      expect(responses.every((r) => r.status === 200)).toBe(true);
      expect(directoryCalls).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers 503, not 500, when the directory is rate-limited, and finds the person once it is back', async () => {
    await stack.idp.setFaults({ usersApi429: true });
    try {
      const response = await as('frances', '/user/margaret@example.com');
      expect(response.status).toBe(503);
      expect(response.json()).toMatchObject({ code: 'dependency_unavailable' });
      // A table page never fails because of the directory.
      expect((await as('frances', `/table/${ORDERS}`)).status).toBe(200);
    } finally {
      await stack.idp.setFaults({ usersApi429: false });
    }
    expect((await as('frances', '/user/margaret@example.com')).status).toBe(200);
  });

  it('keeps bookmarks for oneself only', async () => {
    expect((await as('frances', `/user/frances@example.com/follow/table/${ORDERS}`, { method: 'PUT' })).status).toBe(200);
    expect((await as('frances', `/user/ada@example.com/follow/table/${ORDERS}`, { method: 'PUT' })).status).toBe(403);
    expect((await as('frances', `/user/frances@example.com/follow/table/hive://gold.core/nope`, { method: 'PUT' })).status).toBe(404);
    expect((await as('frances', `/user/frances@example.com/follow/chart/x`, { method: 'PUT' })).status).toBe(400);
    const follows = await as('frances', '/user/frances@example.com/follow/');
    expect(follows.json<{ table: { key: string }[] }>().table.map((t) => t.key)).toEqual([ORDERS]);
    expect((await as('frances', `/user/frances@example.com/follow/table/${ORDERS}`, { method: 'DELETE' })).status).toBe(200);
    expect((await as('frances', '/user/frances@example.com/follow/')).json()).toEqual({ table: [], dashboard: [] });
    expect((await as('frances', '/user/ada@example.com/own/')).json<{ table: { key: string }[] }>().table.map((t) => t.key)).toEqual([
      ORDERS,
    ]);
  });

  it("changes ownership through Amundsen's /user/{id}/own/table/{key} too", async () => {
    expect((await as('edsger', `/user/katherine@example.com/own/table/${ORDERS}`, { method: 'PUT' })).status).toBe(200);
    expect((await as('frances', '/user/katherine@example.com/own/')).json<{ table: { key: string }[] }>().table.map((t) => t.key)).toEqual([
      ORDERS,
    ]);
    expect((await as('frances', `/user/frances@example.com/own/table/${ORDERS}`, { method: 'PUT' })).status).toBe(403);
    expect((await as('edsger', `/user/katherine@example.com/own/dashboard/${ORDERS}`, { method: 'PUT' })).status).toBe(400);
    const featureOwner = await as('edsger', `/user/katherine@example.com/own/feature/${ORDERS}`, { method: 'DELETE' });
    expect({ status: featureOwner.status, message: featureOwner.json<{ message: string }>().message }).toEqual({
      status: 400,
      message: 'Only tables and dashboards can be owned through this route; use table or dashboard',
    });
    expect((await as('edsger', `/user/katherine@example.com/own/TABLE/${ORDERS}/extra/part`, { method: 'PUT' })).status).toBe(400);
    expect((await as('edsger', `/user/katherine@example.com/own/table/${ORDERS}`, { method: 'DELETE' })).status).toBe(200);
    expect((await as('frances', '/user/katherine@example.com/own/')).json()).toEqual({ table: [], dashboard: [] });
  });

  it('lets people update their own profile with PUT /user, admins anyone', async () => {
    const mine = await as('frances', '/user', {
      method: 'PUT',
      body: JSON.stringify({ email: 'frances@example.com', first_name: 'Frances', last_name: 'Allen', slack_id: 'U123' }),
    });
    expect(mine.status).toBe(200); // already created from the directory when she became an owner
    expect(mine.json()).toMatchObject({ user_id: 'frances@example.com', full_name: 'Frances Allen', slack_id: 'U123' });
    const hire = await as('admin', '/user', {
      method: 'PUT',
      body: JSON.stringify({ email: 'new.hire@example.com', full_name: 'New Hire' }),
    });
    expect(hire.status).toBe(201);
    expect((await as('frances', '/user', { method: 'PUT', body: JSON.stringify({ email: 'ada@example.com' }) })).status).toBe(403);
    expect(
      (await as('admin', '/user', { method: 'PUT', body: JSON.stringify({ email: 'frances@example.com', full_name: 'Fran Allen' }) }))
        .status,
    ).toBe(200);
    const invalid = await as('admin', '/user', { method: 'PUT', body: JSON.stringify({ first_name: 'Nobody' }) });
    expect(invalid.status).toBe(400);
    expect(invalid.json()).toMatchObject({ message: '"user_id" or "email" must be provided' });
  });

  it('ingests for admins only, and a bad batch changes nothing', async () => {
    const body = (tables: unknown) => ({ method: 'POST', body: JSON.stringify({ tables }) });
    expect((await as('edsger', '/ingest/tables', body([{ database: 'hive', cluster: 'gold', schema: 'core', name: 'x' }]))).status).toBe(
      403,
    );
    const bad = await as(
      'admin',
      '/ingest/tables',
      body([
        { database: 'hive', cluster: 'gold', schema: 'core', name: 'ok' },
        { database: 'hive', cluster: 'gold.x', schema: 'core', name: 'bad' },
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('tables.1.cluster');
    expect((await as('frances', '/table/hive://gold.core/ok')).status).toBe(404);
    const reads = await as('admin', '/ingest/reads', {
      method: 'POST',
      body: JSON.stringify({ reads: [{ user: 'frances@example.com', table_key: ORDERS, read_count: 12 }] }),
    });
    expect(reads.status).toBe(200);
    expect((await as('frances', '/user/frances@example.com/read/')).json<{ table: { key: string }[] }>().table.map((t) => t.key)).toEqual([
      ORDERS,
    ]);
    const stats = (await as('frances', '/system/statistics')).json<{ Statistics: Record<string, number> }>();
    expect(stats.Statistics['number_of_tables']).toBe(2);
    expect((await as('frances', '/latest_updated_ts')).json<{ neo4j_latest_timestamp: number }>().neo4j_latest_timestamp).toBeGreaterThan(
      0,
    );
  });

  it('serves lineage, dashboards and popular resources', async () => {
    const post = (path: string, body: unknown) => as('admin', path, { method: 'POST', body: JSON.stringify(body) });
    expect(
      (await post('/ingest/tables', { tables: [{ database: 'bigquery', cluster: 'prod', schema: 'analytics', name: 'daily_revenue' }] }))
        .status,
    ).toBe(200);
    expect(
      (await post('/ingest/lineage', { lineage: [{ upstream: ORDERS, downstream: 'bigquery://prod.analytics/daily_revenue' }] })).status,
    ).toBe(200);
    expect((await post('/ingest/lineage', { lineage: [{ upstream: 'orders', downstream: ORDERS }] })).status).toBe(400);
    const dashboard = 'mode_dashboard://prod.sales/weekly_revenue';
    expect(
      (
        await post('/ingest/dashboards', {
          dashboards: [
            {
              product: 'mode',
              cluster: 'prod',
              group_name: 'sales',
              name: 'weekly_revenue',
              chart_names: ['Revenue'],
              tables: [ORDERS],
              owners: ['barbara@example.com'],
            },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post('/ingest/reads', {
          reads: [
            { user: 'edsger@example.com', dashboard_key: dashboard, read_count: 4 },
            { user: 'edsger@example.com', table_key: ORDERS, read_count: 2 },
          ],
        })
      ).status,
    ).toBe(200);

    const lineage = await as('frances', `/table/${ORDERS}/lineage?direction=downstream&depth=2`);
    expect(lineage.json()).toMatchObject({
      key: ORDERS,
      direction: 'downstream',
      depth: 2,
      upstream_entities: [],
      downstream_entities: [
        { key: 'bigquery://prod.analytics/daily_revenue', level: 1, source: 'bigquery', parent: ORDERS, in_amundsen: true },
      ],
    });
    expect((await as('frances', `/table/${ORDERS}/lineage?depth=99`)).status).toBe(400);

    const using = await as('frances', `/table/${ORDERS}/dashboard/`);
    expect(using.json<{ dashboards: { uri: string }[] }>().dashboards.map((d) => d.uri)).toEqual([dashboard]);

    const detail = await as('frances', `/dashboard/${dashboard}`);
    expect(detail.status).toBe(200);
    expect(detail.json()).toMatchObject({
      uri: dashboard,
      product: 'mode',
      name: 'weekly_revenue',
      chart_names: ['Revenue'],
      recent_view_count: 4,
      owners: [expect.objectContaining({ email: 'barbara@example.com', full_name: 'Barbara Liskov' })],
      frequent_users: [expect.objectContaining({ email: 'edsger@example.com' })],
      tables: [expect.objectContaining({ key: ORDERS })],
    });
    expect(
      (
        await as('edsger', `/dashboard/${dashboard}/description`, {
          method: 'PUT',
          body: JSON.stringify({ description: 'Weekly revenue' }),
        })
      ).status,
    ).toBe(200);
    expect(
      (await as('frances', `/dashboard/${dashboard}/description`, { method: 'PUT', body: JSON.stringify({ description: 'x' }) })).status,
    ).toBe(403);
    expect((await as('frances', `/dashboard/${dashboard}/description`)).json()).toEqual({ description: 'Weekly revenue' });
    expect((await as('edsger', `/dashboard/${dashboard}/tag/kpi`, { method: 'PUT' })).status).toBe(200);
    expect((await as('frances', '/dashboard/mode_dashboard://prod.sales/nope')).status).toBe(404);

    // Popular: at least 2 distinct readers (POPULAR_RESOURCES_MINIMUM_READER_COUNT's default).
    const popular = await as('frances', '/popular_resources/?types=table,dashboard&limit=5');
    expect(popular.json<{ Table: { key: string }[]; Dashboard: unknown[] }>().Table.map((t) => t.key)).toEqual([ORDERS]);
    expect(popular.json<{ Dashboard: unknown[] }>().Dashboard).toEqual([]);
    expect((await as('frances', '/popular_resources/?types=charts')).status).toBe(400);
    expect((await as('frances', '/popular_resources/frances@example.com')).status).toBe(200);
  });

  it('reports its store in /healthcheck', async () => {
    expect((await call(`${stack.url}/healthcheck`)).json()).toMatchObject({
      status: 'ok',
      checks: {
        'EmbeddedMetadataStore:connection': { status: 'ok' },
        'KeyStore:key_sets': { status: 'ok', issuers: { [stack.idp.issuer]: { status: 'ok' } } },
      },
    });
  });
});
