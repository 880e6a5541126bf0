import { amundsenProblems, call, type AmundsenModel } from '@fram/testing';
import { startMetadataStack, type MetadataStack } from './metadata-app';

const ORDERS = 'hive://gold.core/orders';
const REVENUE = 'mode_dashboard://prod.sales/weekly_revenue';
/** A key as databuilder makes them: `_` in the product, spaces and dots in the group and the id. */
const AGENTS = 'power_bi_dashboard://gold.Product - Jobs.cz/Agent 7';

/**
 * Amundsen's dashboard, people and popularity operations on the metadata app over HTTP, each answer checked
 * against Amundsen's model (DashboardDetail, UserResources, PopularTables, ...), with tokens from dev-idp.
 */
describe('metadata API: dashboards, people and popular tables as Amundsen answers them', () => {
  let stack: MetadataStack;

  const as = (who: string, path: string, init?: RequestInit) => stack.as(who, path, init);
  const post = (path: string, body: unknown) => as('admin', path, { method: 'POST', body: JSON.stringify(body) });
  /** The answer's body after checking its status and that Amundsen's model accepts it. */
  const answer = async <T>(model: AmundsenModel, who: string, path: string, init?: RequestInit): Promise<T> => {
    const response = await as(who, path, init);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    const body = response.json<T>();
    expect(amundsenProblems(model, body)).toEqual([]);
    return body;
  };

  beforeAll(async () => {
    stack = await startMetadataStack('dashboards-people', {
      people: ['alan', 'edsger', 'frances', 'barbara'],
      variables: { WHITELIST_BADGES: 'certified:table_status' },
    });

    expect(
      (
        await post('/ingest/tables', {
          tables: [
            { database: 'hive', cluster: 'gold', schema: 'core', name: 'orders', description: 'One row per order.' },
            { database: 'hive', cluster: 'gold', schema: 'core', name: 'customers' },
          ],
        })
      ).status,
    ).toBe(200);
    const ingested = await post('/ingest/dashboards', {
      dashboards: [
        {
          product: 'mode',
          cluster: 'prod',
          group_name: 'sales',
          group_url: 'https://mode.example/sales',
          name: 'weekly_revenue',
          url: 'https://mode.example/sales/weekly_revenue',
          description: 'Revenue by week',
          created_timestamp: 1_600_000_000,
          updated_timestamp: 1_700_000_100,
          last_successful_run_timestamp: 1_700_000_000,
          last_run_timestamp: 1_700_000_200,
          last_run_state: 'failed',
          queries: [
            {
              name: 'Revenue by week',
              url: 'https://mode.example/sales/weekly_revenue/queries/1',
              query_text: 'SELECT week, SUM(amount) FROM orders GROUP BY week',
              chart_names: ['Revenue', 'Orders'],
            },
          ],
          tables: [ORDERS],
          owners: ['barbara@example.com'],
          tags: ['kpi'],
        },
        {
          product: 'power_bi',
          cluster: 'gold',
          dashboard_group_id: 'Product - Jobs.cz',
          group_name: 'Product: Jobs.cz',
          dashboard_id: 'Agent 7',
          name: 'Agents / week',
          tables: [ORDERS],
        },
      ],
    });
    expect({ status: ingested.status, body: ingested.json() }).toEqual({ status: 200, body: { upserted: 2 } });
    expect(
      (
        await post('/ingest/reads', {
          reads: [
            { user: 'edsger@example.com', dashboard_key: REVENUE, read_count: 4 },
            { user: 'alan@example.com', dashboard_key: REVENUE, read_count: 9 },
            { user: 'edsger@example.com', table_key: ORDERS, read_count: 2 },
            { user: 'alan@example.com', table_key: ORDERS, read_count: 5 },
            { user: 'alan@example.com', table_key: 'hive://gold.core/customers', read_count: 50 },
          ],
        })
      ).status,
    ).toBe(200);
  });
  afterAll(() => stack?.close());

  it("answers a dashboard as Amundsen's DashboardSchema: users, queries, its real last run, when it changed", async () => {
    const dashboard = await answer<Record<string, unknown>>('DashboardDetail', 'frances', `/dashboard/${REVENUE}`);
    expect(dashboard).toMatchObject({
      uri: REVENUE,
      product: 'mode',
      cluster: 'prod',
      group_name: 'sales',
      group_url: 'https://mode.example/sales',
      name: 'weekly_revenue',
      url: 'https://mode.example/sales/weekly_revenue',
      description: 'Revenue by week',
      created_timestamp: 1_600_000_000,
      updated_timestamp: 1_700_000_100,
      last_successful_run_timestamp: 1_700_000_000,
      last_run_timestamp: 1_700_000_200,
      last_run_state: 'failed',
      chart_names: ['Revenue', 'Orders'],
      query_names: ['Revenue by week'],
      queries: [
        {
          name: 'Revenue by week',
          url: 'https://mode.example/sales/weekly_revenue/queries/1',
          query_text: 'SELECT week, SUM(amount) FROM orders GROUP BY week',
        },
      ],
      tables: [expect.objectContaining({ key: ORDERS, database: 'hive', schema: 'core', name: 'orders' })],
      tags: [{ tag_name: 'kpi', tag_type: 'default' }],
      badges: [],
      recent_view_count: 13,
      owners: [expect.objectContaining({ email: 'barbara@example.com', full_name: 'Barbara Liskov' })],
    });
    // Users, heaviest readers first (Amundsen's model has them as users, not readers).
    expect((dashboard['frequent_users'] as { email: string; full_name: string }[]).map((u) => [u.email, u.full_name])).toEqual([
      ['alan@example.com', 'Alan Turing'],
      ['edsger@example.com', 'Edsger Dijkstra'],
    ]);
  });

  it('serves and edits dashboards under the keys databuilder makes (spaces, dots, "_" in the product)', async () => {
    const agents = await answer<Record<string, unknown>>('DashboardDetail', 'frances', `/dashboard/${AGENTS}`);
    expect(agents).toMatchObject({
      uri: AGENTS,
      product: 'power_bi',
      group_name: 'Product: Jobs.cz',
      name: 'Agents / week',
      last_run_state: null,
      last_run_timestamp: null,
      queries: [],
    });
    const description = JSON.stringify({ description: 'Agents by week' });
    await answer('Message', 'edsger', `/dashboard/${AGENTS}/description`, { method: 'PUT', body: description });
    expect(await answer('Description', 'frances', `/dashboard/${AGENTS}/description`)).toEqual({ description: 'Agents by week' });
    await answer('Message', 'edsger', `/dashboard/${AGENTS}/tag/hiring`, { method: 'PUT' });
    await answer('Message', 'edsger', `/dashboard/${AGENTS}/badge/certified?category=table_status`, { method: 'PUT' });
    expect(await answer('DashboardDetail', 'frances', `/dashboard/${encodeURI(AGENTS)}`)).toMatchObject({
      tags: [{ tag_name: 'hiring', tag_type: 'default' }],
      badges: [{ badge_name: 'certified', category: 'table_status' }],
    });
    await answer('Message', 'edsger', `/dashboard/${AGENTS}/tag/hiring`, { method: 'DELETE' });
    // Amundsen's statuses: a tag of type badge is not acceptable, a badge's name is not a tag's, a badge needs its category.
    expect((await as('edsger', `/dashboard/${AGENTS}/tag/x?tag_type=badge`, { method: 'PUT' })).status).toBe(406);
    expect((await as('edsger', `/dashboard/${AGENTS}/tag/certified`, { method: 'PUT' })).status).toBe(409);
    expect((await as('edsger', `/dashboard/${AGENTS}/badge/certified`, { method: 'PUT' })).status).toBe(400);
    expect((await as('edsger', `/dashboard/${AGENTS}/badge/golden?category=table_status`, { method: 'PUT' })).status).toBe(404);
    const using = await answer<{ dashboards: { uri: string }[] }>('TableDashboards', 'frances', `/table/${ORDERS}/dashboard/`);
    expect(using.dashboards.map((d) => d.uri)).toEqual([REVENUE, AGENTS]);

    expect((await as('frances', '/dashboard/power_bi_dashboard://gold.Product - Jobs.cz/Agent 8')).status).toBe(404);
    expect((await as('frances', '/dashboard/not-a-dashboard')).status).toBe(400);
  });

  it('lists bookmarked and owned dashboards in /user/{id}/follow/ and /own/ once PUT says so, and removes them on DELETE', async () => {
    for (const key of [AGENTS, REVENUE])
      await answer('Message', 'frances', `/user/frances@example.com/follow/dashboard/${key}`, { method: 'PUT' });
    await answer('Message', 'frances', `/user/frances@example.com/follow/table/${ORDERS}`, { method: 'PUT' });
    const follows = await answer<{ table: { key: string }[]; dashboard: { uri: string }[] }>(
      'UserResources',
      'frances',
      '/user/frances@example.com/follow/',
    );
    // Dashboards by group name, then name (Amundsen's order).
    expect(follows.dashboard.map((d) => d.uri)).toEqual([AGENTS, REVENUE]);
    expect(follows.dashboard[1]).toEqual({
      uri: REVENUE,
      cluster: 'prod',
      group_name: 'sales',
      group_url: 'https://mode.example/sales',
      product: 'mode',
      name: 'weekly_revenue',
      url: 'https://mode.example/sales/weekly_revenue',
      description: 'Revenue by week',
      last_successful_run_timestamp: 1_700_000_000,
      chart_names: ['Revenue', 'Orders'],
    });
    expect(follows.table.map((t) => t.key)).toEqual([ORDERS]);
    await answer('Message', 'frances', `/user/frances@example.com/follow/dashboard/${AGENTS}`, { method: 'DELETE' });
    expect((await as('frances', `/user/frances@example.com/follow/dashboard/${REVENUE}nope`, { method: 'PUT' })).status).toBe(404);

    // Ownership through Amundsen's /user/{id}/own/{type}/{key}: the write role, or ownership of the dashboard.
    await answer('Message', 'edsger', `/user/katherine@example.com/own/dashboard/${AGENTS}`, { method: 'PUT' });
    expect((await as('frances', `/user/frances@example.com/own/dashboard/${AGENTS}`, { method: 'PUT' })).status).toBe(403);
    const owned = await answer<{ table: unknown[]; dashboard: { uri: string }[] }>(
      'UserResources',
      'frances',
      '/user/katherine@example.com/own/',
    );
    expect(owned).toMatchObject({ table: [], dashboard: [expect.objectContaining({ uri: AGENTS, name: 'Agents / week' })] });
    expect((await answer<{ owners: { email: string }[] }>('DashboardDetail', 'frances', `/dashboard/${AGENTS}`)).owners).toEqual([
      expect.objectContaining({ email: 'katherine@example.com' }),
    ]);
    await answer('Message', 'edsger', `/user/katherine@example.com/own/dashboard/${AGENTS}`, { method: 'DELETE' });
    expect(await answer('UserResources', 'frances', '/user/katherine@example.com/own/')).toEqual({ table: [], dashboard: [] });
    expect((await as('edsger', '/user/katherine@example.com/own/dashboard/not-a-key', { method: 'PUT' })).status).toBe(400);
    expect(
      (await answer<{ dashboard: { uri: string }[] }>('UserResources', 'frances', '/user/frances@example.com/follow/')).dashboard.map(
        (d) => d.uri,
      ),
    ).toEqual([REVENUE]);
  });

  it("serves Amundsen's deprecated /popular_tables/, globally and for a person, with its limit", async () => {
    const global = await answer<{ popular_tables: { key: string }[] }>('PopularTables', 'frances', '/popular_tables/');
    // Two readers at least (POPULAR_RESOURCES_MINIMUM_READER_COUNT's default): orders, not customers.
    expect(global.popular_tables).toEqual([
      {
        key: ORDERS,
        database: 'hive',
        cluster: 'gold',
        schema: 'core',
        name: 'orders',
        description: 'One row per order.',
        schema_description: null,
      },
    ]);
    expect(await answer('PopularTables', 'frances', '/popular_tables/?limit=1')).toEqual(global);
    // For a person: what the people who read what they read read, themselves left out.
    expect(await answer('PopularTables', 'frances', '/popular_tables/edsger@example.com')).toEqual({ popular_tables: [] });
    const refused = await as('frances', '/popular_tables/?limit=0');
    expect({ status: refused.status, message: refused.json<{ message: string }>().message }).toEqual({
      status: 400,
      message: 'limit: limit must be a whole number from 1 to 500',
    });
    expect(
      (
        await answer<{ Table: unknown[]; Dashboard: { uri: string }[] }>(
          'PopularResources',
          'frances',
          '/popular_resources/?types=table,dashboard',
        )
      ).Dashboard.map((d) => d.uri),
    ).toEqual([REVENUE]);
    expect((await call(`${stack.url}/popular_tables/`)).status).toBe(401);
  });

  it("answers people as Amundsen's UserSchema, with Amundsen's statuses for PUT /user", async () => {
    const created = await as('admin', '/user', {
      method: 'PUT',
      body: JSON.stringify({ email: 'new.hire@example.com', full_name: 'New Hire' }),
    });
    expect(created.status).toBe(201);
    expect(amundsenProblems('User', created.json())).toEqual([]);
    const updated = await as('admin', '/user', {
      method: 'PUT',
      body: JSON.stringify({ email: 'new.hire@example.com', full_name: 'Newer Hire' }),
    });
    expect({ status: updated.status, full_name: updated.json<{ full_name: string }>().full_name }).toEqual({
      status: 200,
      full_name: 'Newer Hire',
    });
    // No user in the body: Amundsen's 400 ("No user information provided"), as for a body that is not a user.
    expect((await as('admin', '/user', { method: 'PUT' })).status).toBe(400);
    expect((await as('admin', '/user', { method: 'PUT', body: JSON.stringify({ first_name: 'Nobody' }) })).status).toBe(400);
    expect(await answer('User', 'frances', '/user/new.hire@example.com')).toMatchObject({
      user_id: 'new.hire@example.com',
      display_name: 'Newer Hire',
    });
    const everyone = await as('frances', '/user');
    expect(everyone.status).toBe(200);
    expect(amundsenProblems('Users', everyone.json())).toEqual([]);
    // Fram answers a clean 404 where Amundsen's uncaught NotFoundException is a 500 (a deliberate difference).
    expect((await as('frances', '/user/nobody@example.com')).status).toBe(404);
    expect(await answer('UserResources', 'frances', '/user/nobody@example.com/follow/')).toEqual({ table: [], dashboard: [] });
    expect(await answer('UserReads', 'frances', '/user/alan@example.com/read/')).toMatchObject({
      table: [expect.objectContaining({ name: 'customers' }), expect.objectContaining({ name: 'orders' })],
    });
  });

  it("answers tags, badges, statistics and the last update in Amundsen's shapes", async () => {
    expect(await answer('TagUsages', 'frances', '/tags/')).toEqual({ tag_usages: [{ tag_name: 'kpi', tag_count: 1 }] });
    await answer('Badges', 'frances', '/badges/');
    expect(await answer('Statistics', 'frances', '/system/statistics')).toEqual({
      Statistics: {
        number_of_tables: 2,
        number_of_documented_tables: 1,
        number_of_documented_cols: 0,
        // Barbara owns a dashboard: owners are the people who own anything, as Amundsen counts them.
        number_of_owners: 1,
        number_of_tables_with_owners: 0,
        number_of_documented_and_owned_tables: 0,
      },
    });
    const latest = await answer<{ neo4j_latest_timestamp: number }>('Neo4jDetail', 'frances', '/latest_updated_ts');
    expect(latest.neo4j_latest_timestamp).toBeGreaterThan(Date.now() / 1000 - 600);
  });
});
