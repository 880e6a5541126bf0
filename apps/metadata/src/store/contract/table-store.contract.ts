import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** What every TableStore adapter must do: tables and their columns. */
export function describeTableStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`TableStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
    });

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

    it('reads many tables at once, each as getTable answers it, in the order asked, skipping missing ones', async () => {
      await store.upsertReads(
        [
          { user: 'ada@example.com', table_key: ORDERS_KEY, read_count: 40 },
          { user: 'grace@example.com', table_key: ORDERS_KEY, read_count: 7 },
        ],
        edit('fram-scripts'),
      );
      await store.setColumnDescription(ORDERS_KEY, 'amount', 'In EUR', edit());
      await store.addBadge('table', ORDERS_KEY, { badge_name: 'beta', category: 'table_status' }, edit());
      const keys = ['bigquery://prod.analytics/events', 'hive://gold.core/nope', ORDERS_KEY, 'hive://gold.core/customers'];
      const one = await Promise.all(keys.map((k) => store.getTable(k)));
      expect(await store.tablesByKeys(keys)).toEqual(one.filter((t) => t !== undefined));
      expect((await store.tablesByKeys(keys)).map((t) => t.key)).toEqual([
        'bigquery://prod.analytics/events',
        ORDERS_KEY,
        'hive://gold.core/customers',
      ]);
      expect(await store.tablesByKeys([])).toEqual([]);
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
  });
}
