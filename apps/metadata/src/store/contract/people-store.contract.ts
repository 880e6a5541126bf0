import { normalizeUser } from '@fram/models';
import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** What every PeopleStore adapter must do: people and their lists. */
export function describePeopleStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`PeopleStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
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

    it('keeps bookmarked and owned dashboards per user, sorted by group then name', async () => {
      const weekly = 'mode_dashboard://prod.sales/weekly';
      const daily = 'mode_dashboard://prod.sales/daily';
      const stock = 'tableau_dashboard://prod.ops/stock';
      await store.upsertDashboards(
        [
          {
            product: 'mode',
            cluster: 'prod',
            group_name: 'sales',
            group_url: 'https://mode.example/sales',
            name: 'weekly',
            url: 'https://mode.example/sales/weekly',
            description: 'Revenue by week',
            last_successful_run_timestamp: 1_700_000_000,
            chart_names: ['Revenue'],
            owners: ['ada@example.com'],
          },
          { product: 'mode', cluster: 'prod', group_name: 'sales', name: 'daily' },
          { product: 'tableau', cluster: 'prod', group_name: 'ops', name: 'stock', owners: ['grace@example.com'] },
        ],
        edit('fram-scripts'),
      );
      for (const key of [weekly, stock, daily]) expect(await store.addFollow('ada@example.com', 'dashboard', key, edit())).toBe(true);
      expect(await store.addFollow('ada@example.com', 'dashboard', 'mode_dashboard://prod.sales/nope', edit())).toBe(false);
      const followed = await store.followedDashboards('ada@example.com');
      expect(followed.map((d) => d.uri)).toEqual([stock, daily, weekly]);
      expect(followed[2]).toEqual({
        uri: weekly,
        cluster: 'prod',
        group_name: 'sales',
        group_url: 'https://mode.example/sales',
        product: 'mode',
        name: 'weekly',
        url: 'https://mode.example/sales/weekly',
        description: 'Revenue by week',
        last_successful_run_timestamp: 1_700_000_000,
        chart_names: ['Revenue'],
      });
      expect(await store.removeFollow('ada@example.com', 'dashboard', stock, edit())).toBe(true);
      expect((await store.followedDashboards('ada@example.com')).map((d) => d.uri)).toEqual([daily, weekly]);
      // Bookmarked tables and dashboards are apart.
      expect(await store.followedTables('ada@example.com')).toEqual([]);
      expect(await store.followedDashboards('grace@example.com')).toEqual([]);

      expect((await store.ownedDashboards('ada@example.com')).map((d) => d.uri)).toEqual([weekly]);
      expect(await store.addOwner('dashboard', daily, 'ada@example.com', edit())).toBe(true);
      expect((await store.ownedDashboards('ada@example.com')).map((d) => d.uri)).toEqual([daily, weekly]);
      expect(await store.removeOwner('dashboard', weekly, 'ada@example.com', edit())).toBe(true);
      expect((await store.ownedDashboards('ada@example.com')).map((d) => d.uri)).toEqual([daily]);
      expect((await store.ownedDashboards('grace@example.com')).map((d) => d.uri)).toEqual([stock]);
      // ORDERS is ada's table, not a dashboard.
      expect((await store.ownedTables('ada@example.com')).map((t) => t.key)).toEqual([ORDERS_KEY]);
    });

    it('reads many people at once with their counts: reads (sum of read counts), owned and bookmarked resources', async () => {
      const ada = normalizeUser({ email: 'ada@example.com', full_name: 'Ada Lovelace', manager_email: 'grace@example.com' });
      await store.upsertUser(ada, edit());
      await store.upsertUser(normalizeUser({ email: 'grace@example.com', full_name: 'Grace Hopper' }), edit());
      await store.upsertDashboards(
        [{ product: 'mode', cluster: 'prod', group_name: 'sales', name: 'revenue', owners: ['ada@example.com'] }],
        edit('fram-scripts'),
      );
      await store.upsertReads(
        [
          { user: 'ada@example.com', table_key: ORDERS_KEY, read_count: 40 },
          { user: 'ada@example.com', dashboard_key: 'mode_dashboard://prod.sales/revenue', read_count: 2 },
          { user: 'grace@example.com', table_key: ORDERS_KEY, read_count: 7 },
        ],
        edit('fram-scripts'),
      );
      await store.addFollow('ada@example.com', 'table', 'hive://gold.core/customers', edit());
      const found = await store.usersByKeys(['grace@example.com', 'nobody@example.com', 'ada@example.com']);
      expect(found).toEqual([
        { key: 'grace@example.com', user: await store.getUser('grace@example.com'), counts: { read: 7, own: 0, follow: 0 } },
        // ORDERS (ingested with ada as owner) and the dashboard.
        { key: 'ada@example.com', user: await store.getUser('ada@example.com'), counts: { read: 42, own: 2, follow: 1 } },
      ]);
      expect(await store.usersByKeys([])).toEqual([]);
    });
  });
}
