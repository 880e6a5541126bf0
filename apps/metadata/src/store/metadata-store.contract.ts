import { normalizeUser, type TableRecord } from '@fram/models';
import type { Edit, MetadataStore } from './metadata-store';

const ORDERS: TableRecord = {
  database: 'hive',
  cluster: 'gold',
  schema: 'core',
  name: 'orders',
  description: 'One row per order.',
  columns: [
    { name: 'order_id', col_type: 'bigint', description: 'Primary key' },
    { name: 'customer_id', col_type: 'bigint' },
    { name: 'amount', col_type: 'decimal(12,2)' },
  ],
  tags: ['sales', 'core'],
  badges: [{ badge_name: 'certified', category: 'table_status' }],
  owners: ['ada@example.com'],
  last_updated_timestamp: 1_700_000_000,
};
const CUSTOMERS: TableRecord = {
  database: 'hive',
  cluster: 'gold',
  schema: 'core',
  name: 'customers',
  columns: [{ name: 'id', col_type: 'bigint' }],
};
const EVENTS: TableRecord = { database: 'bigquery', cluster: 'prod', schema: 'analytics', name: 'events', is_view: true };

const ORDERS_KEY = 'hive://gold.core/orders';
const edit = (actor = 'ada@example.com'): Edit => ({ actor, at: Date.now() });

/**
 * The behaviour every MetadataStore adapter must have. Runs against the
 * embedded store always, and against Neo4j when NEO4J_URI is set.
 */
export function describeMetadataStoreContract(name: string, open: () => Promise<MetadataStore>): void {
  describe(`MetadataStore contract: ${name}`, () => {
    let store: MetadataStore;
    beforeEach(async () => {
      store = await open();
      await store.upsertTables([ORDERS, CUSTOMERS, EVENTS], edit('fram-scripts'));
    });
    afterEach(() => store.close());

    it('returns a table with its columns in order, tags, badges and owners', async () => {
      const table = await store.getTable(ORDERS_KEY);
      expect(table).toMatchObject({
        key: ORDERS_KEY,
        database: 'hive',
        cluster: 'gold',
        schema: 'core',
        name: 'orders',
        is_view: false,
        description: 'One row per order.',
        last_updated_timestamp: 1_700_000_000,
        owners: ['ada@example.com'],
        readers: [],
      });
      expect(table!.columns.map((c) => [c.name, c.col_type, c.sort_order, c.description])).toEqual([
        ['order_id', 'bigint', 0, 'Primary key'],
        ['customer_id', 'bigint', 1, null],
        ['amount', 'decimal(12,2)', 2, null],
      ]);
      expect(table!.tags).toEqual([
        { tag_name: 'core', tag_type: 'default' },
        { tag_name: 'sales', tag_type: 'default' },
      ]);
      expect(table!.badges).toEqual([{ badge_name: 'certified', category: 'table_status' }]);
      expect(await store.getTable('hive://gold.core/nope')).toBeUndefined();
    });

    it('re-ingesting a table replaces its columns, tags and owners (idempotent)', async () => {
      await store.upsertTables([{ ...ORDERS, columns: [{ name: 'id', col_type: 'int' }], tags: ['sales'], owners: [] }], edit());
      await store.upsertTables([{ ...ORDERS, columns: [{ name: 'id', col_type: 'int' }], tags: ['sales'], owners: [] }], edit());
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.columns.map((c) => c.name)).toEqual(['id']);
      expect(table!.tags.map((t) => t.tag_name)).toEqual(['sales']);
      expect(table!.owners).toEqual([]);
    });

    it('sets table and column descriptions, and says when the table or column is missing', async () => {
      expect(await store.setTableDescription(ORDERS_KEY, 'Orders, deduplicated.', edit())).toBe(true);
      expect(await store.setColumnDescription(ORDERS_KEY, 'amount', 'In EUR', edit())).toBe(true);
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.description).toBe('Orders, deduplicated.');
      expect(table!.columns.find((c) => c.name === 'amount')!.description).toBe('In EUR');
      expect(await store.setTableDescription('hive://gold.core/nope', 'x', edit())).toBe(false);
      expect(await store.setColumnDescription(ORDERS_KEY, 'nope', 'x', edit())).toBe(false);
    });

    it('adds and removes tags, badges and owners, only on existing tables', async () => {
      expect(await store.addTag('table', ORDERS_KEY, { tag_name: 'pii', tag_type: 'default' }, edit())).toBe(true);
      expect(await store.removeTag('table', ORDERS_KEY, 'core', edit())).toBe(true);
      expect(await store.addBadge('table', ORDERS_KEY, { badge_name: 'deprecated', category: 'table_status' }, edit())).toBe(true);
      expect(await store.addOwner('table', ORDERS_KEY, 'grace@example.com', edit())).toBe(true);
      expect(await store.removeOwner('table', ORDERS_KEY, 'ada@example.com', edit())).toBe(true);
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.tags.map((t) => t.tag_name)).toEqual(['pii', 'sales']);
      expect(table!.badges.map((b) => b.badge_name)).toEqual(['certified', 'deprecated']);
      expect(table!.owners).toEqual(['grace@example.com']);
      expect(await store.addTag('table', 'hive://gold.core/nope', { tag_name: 'x', tag_type: 'default' }, edit())).toBe(false);
      expect(await store.addOwner('table', 'hive://gold.core/nope', 'ada@example.com', edit())).toBe(false);
    });

    it('keeps users, creating or updating by user_id, and lists the active ones', async () => {
      const ada = normalizeUser({ email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', team_name: 'Data Platform' });
      expect(await store.upsertUser(ada, edit())).toEqual({ created: true });
      expect(await store.upsertUser({ ...ada, role_name: 'Staff Data Engineer' }, edit())).toEqual({ created: false });
      await store.upsertUser(normalizeUser({ email: 'old@example.com', is_active: false }), edit());
      expect(await store.getUser('ada@example.com')).toEqual({ ...ada, role_name: 'Staff Data Engineer' });
      expect(await store.getUser('nobody@example.com')).toBeUndefined();
      expect((await store.listActiveUsers()).map((u) => u.user_id)).toEqual(['ada@example.com']);
    });

    it('keeps bookmarks, owned and read tables per user', async () => {
      expect(await store.addFollow('ada@example.com', 'table', ORDERS_KEY, edit())).toBe(true);
      expect(await store.addFollow('ada@example.com', 'table', 'bigquery://prod.analytics/events', edit())).toBe(true);
      expect(await store.addFollow('ada@example.com', 'table', 'hive://gold.core/nope', edit())).toBe(false);
      // Sorted by schema, then name.
      expect((await store.followedTables('ada@example.com')).map((t) => t.key)).toEqual(['bigquery://prod.analytics/events', ORDERS_KEY]);
      expect(await store.removeFollow('ada@example.com', 'table', ORDERS_KEY, edit())).toBe(true);
      expect((await store.followedTables('ada@example.com')).map((t) => t.key)).toEqual(['bigquery://prod.analytics/events']);
      expect(await store.ownedTables('ada@example.com')).toEqual([
        {
          key: ORDERS_KEY,
          database: 'hive',
          cluster: 'gold',
          schema: 'core',
          name: 'orders',
          description: 'One row per order.',
          schema_description: null,
        },
      ]);
      await store.upsertReads(
        [
          { user: 'ada@example.com', table_key: 'hive://gold.core/customers', read_count: 3 },
          { user: 'ada@example.com', table_key: ORDERS_KEY, read_count: 40 },
          { user: 'grace@example.com', table_key: ORDERS_KEY, read_count: 7 },
        ],
        edit('fram-scripts'),
      );
      expect((await store.readTables('ada@example.com')).map((t) => t.key)).toEqual([ORDERS_KEY, 'hive://gold.core/customers']);
      expect((await store.getTable(ORDERS_KEY))!.readers).toEqual([
        { user: 'ada@example.com', read_count: 40 },
        { user: 'grace@example.com', read_count: 7 },
      ]);
      expect((await store.getTable(ORDERS_KEY))!.usage).toEqual({ total: 47, unique: 2 });
    });

    it('counts tag usage, lists badges and statistics', async () => {
      expect(await store.tagUsages()).toEqual([
        { tag_name: 'core', tag_count: 1 },
        { tag_name: 'sales', tag_count: 1 },
      ]);
      expect(await store.allBadges()).toEqual([{ badge_name: 'certified', category: 'table_status' }]);
      expect(await store.statistics()).toEqual({
        number_of_tables: 3,
        number_of_documented_tables: 1,
        number_of_documented_cols: 1,
        number_of_owners: 1,
        number_of_tables_with_owners: 1,
        number_of_documented_and_owned_tables: 1,
      });
      expect(await store.latestUpdatedTimestamp()).toBeGreaterThan(Date.now() / 1000 - 60);
    });

    it('records every edit with its actor and time, newest first, and nothing for no-ops', async () => {
      const before = Date.now();
      await store.setTableDescription(ORDERS_KEY, 'x', edit('grace@example.com'));
      await store.setTableDescription('hive://gold.core/nope', 'x', edit('grace@example.com'));
      await store.addTag('table', ORDERS_KEY, { tag_name: 'pii', tag_type: 'default' }, edit('alan@example.com'));
      const [latest, previous] = await store.audit(2);
      expect(latest).toMatchObject({
        actor: 'alan@example.com',
        action: 'add_tag',
        resource_type: 'table',
        resource_key: ORDERS_KEY,
        detail: { tag_name: 'pii' },
      });
      expect(previous).toMatchObject({
        actor: 'grace@example.com',
        action: 'set_description',
        resource_key: ORDERS_KEY,
        detail: { description: 'x' },
      });
      expect(previous.at).toBeGreaterThanOrEqual(before);
      const older = await store.audit(10, previous.id);
      expect(older[0]).toMatchObject({
        action: 'ingest_tables',
        actor: 'fram-scripts',
        detail: { count: 3, keys: [ORDERS_KEY, 'hive://gold.core/customers', 'bigquery://prod.analytics/events'] },
      });
      // The same entries oldest first, after a given id: the change feed search is kept current from.
      const feed = await store.auditSince(older[0].id - 1, 10);
      expect(feed.map((e) => e.action)).toEqual(['ingest_tables', 'set_description', 'add_tag']);
      expect(await store.auditSince(latest.id, 10)).toEqual([]);
    });

    it('walks lineage up and down to a depth, with level, parent, source, usage and badges', async () => {
      const raw = 'hive://silver.staging/orders_raw';
      const revenue = 'bigquery://prod.analytics/daily_revenue';
      await store.upsertTables([{ database: 'bigquery', cluster: 'prod', schema: 'analytics', name: 'daily_revenue' }], edit());
      await store.upsertLineage(
        [
          { upstream: raw, downstream: ORDERS_KEY },
          { upstream: ORDERS_KEY, downstream: revenue },
          { upstream: 'hive://gold.core/customers', downstream: revenue },
          { upstream: revenue, downstream: ORDERS_KEY }, // a cycle must not loop
        ],
        edit('fram-scripts'),
      );
      await store.upsertReads([{ user: 'ada@example.com', table_key: revenue, read_count: 9 }], edit());
      const one = await store.lineage(ORDERS_KEY, 1);
      expect(one!.upstream.map((i) => [i.key, i.level, i.parent])).toEqual([
        [revenue, 1, ORDERS_KEY],
        [raw, 1, ORDERS_KEY],
      ]);
      expect(one!.downstream).toEqual([
        { key: revenue, level: 1, source: 'bigquery', badges: [], usage: 9, parent: ORDERS_KEY, link: null, in_amundsen: true },
      ]);
      const two = await store.lineage('hive://gold.core/customers', 2);
      expect(two!.downstream.map((i) => [i.key, i.level, i.parent])).toEqual([
        [revenue, 1, 'hive://gold.core/customers'],
        [ORDERS_KEY, 2, revenue],
      ]);
      expect((await store.lineage(ORDERS_KEY, 3))!.upstream.find((i) => i.key === raw)).toMatchObject({
        in_amundsen: false,
        source: 'hive',
      });
      expect(await store.lineage('hive://gold.core/nope', 1)).toBeUndefined();
    });

    it('keeps dashboards with their tables, owners, tags and views', async () => {
      const key = 'mode_dashboard://prod.sales/weekly_revenue';
      await store.upsertDashboards(
        [
          {
            product: 'mode',
            cluster: 'prod',
            group_name: 'sales',
            group_url: 'https://mode.example/sales',
            name: 'weekly_revenue',
            url: 'https://mode.example/sales/weekly_revenue',
            description: 'Revenue by week',
            chart_names: ['Revenue', 'Orders'],
            tables: [ORDERS_KEY, 'hive://gold.core/customers'],
            owners: ['barbara@example.com'],
            tags: ['kpi'],
            last_successful_run_timestamp: 1_700_000_000,
          },
          { product: 'tableau', cluster: 'prod', group_name: 'ops', name: 'stock', tables: [ORDERS_KEY] },
        ],
        edit('fram-scripts'),
      );
      await store.upsertReads([{ user: 'ada@example.com', dashboard_key: key, read_count: 30 }], edit());
      const dashboard = await store.getDashboard(key);
      expect(dashboard).toMatchObject({
        uri: key,
        product: 'mode',
        cluster: 'prod',
        group_name: 'sales',
        group_url: 'https://mode.example/sales',
        name: 'weekly_revenue',
        url: 'https://mode.example/sales/weekly_revenue',
        description: 'Revenue by week',
        chart_names: ['Revenue', 'Orders'],
        last_successful_run_timestamp: 1_700_000_000,
        owners: ['barbara@example.com'],
        tags: [{ tag_name: 'kpi', tag_type: 'default' }],
        readers: [{ user: 'ada@example.com', read_count: 30 }],
        recent_view_count: 30,
      });
      expect(dashboard!.tables.map((t) => t.key)).toEqual(['hive://gold.core/customers', ORDERS_KEY]);
      expect((await store.dashboardsUsingTable(ORDERS_KEY)).map((d) => d.uri)).toEqual([key, 'tableau_dashboard://prod.ops/stock']);
      expect(await store.setDashboardDescription(key, 'Weekly revenue, net', edit())).toBe(true);
      expect((await store.getDashboard(key))!.description).toBe('Weekly revenue, net');
      expect(await store.addTag('dashboard', key, { tag_name: 'finance', tag_type: 'default' }, edit())).toBe(true);
      expect(await store.getDashboard('mode_dashboard://prod.sales/nope')).toBeUndefined();
      expect(await store.setDashboardDescription('mode_dashboard://prod.sales/nope', 'x', edit())).toBe(false);
    });

    it('ranks popular tables by readers and reads, with a reader threshold, globally and for a person', async () => {
      await store.upsertReads(
        [
          { user: 'a@example.com', table_key: ORDERS_KEY, read_count: 10 },
          { user: 'b@example.com', table_key: ORDERS_KEY, read_count: 10 },
          { user: 'c@example.com', table_key: ORDERS_KEY, read_count: 10 },
          { user: 'a@example.com', table_key: 'hive://gold.core/customers', read_count: 500 },
          { user: 'b@example.com', table_key: 'hive://gold.core/customers', read_count: 500 },
          { user: 'c@example.com', table_key: 'bigquery://prod.analytics/events', read_count: 1000 },
        ],
        edit(),
      );
      expect((await store.popularTables(10, 2)).map((t) => t.key)).toEqual(['hive://gold.core/customers', ORDERS_KEY]);
      expect((await store.popularTables(1, 1)).map((t) => t.key)).toEqual(['hive://gold.core/customers']);
      expect(await store.popularTables(10, 4)).toEqual([]);
      // Personalised for c: what people who read c's tables read (a and b read orders).
      expect((await store.popularTables(10, 1, 'c@example.com')).map((t) => t.key)).toEqual(['hive://gold.core/customers', ORDERS_KEY]);
    });

    it('lists keys in order, page by page, for full reindexing', async () => {
      expect(await store.listKeys('table', '', 2)).toEqual(['bigquery://prod.analytics/events', 'hive://gold.core/customers']);
      expect(await store.listKeys('table', 'hive://gold.core/customers', 2)).toEqual([ORDERS_KEY]);
      expect(await store.listKeys('dashboard', '', 10)).toEqual([]);
      await store.upsertUser(normalizeUser({ email: 'ada@example.com', full_name: 'Ada Lovelace' }), edit());
      expect(await store.listKeys('user', '', 10)).toEqual(['ada@example.com']);
    });

    it('reports its health', async () => {
      expect(await store.health()).toEqual({ status: 'ok' });
    });
  });
}
