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
