import type { TableRecord } from '@fram/models';
import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import type { Edit } from '../ports/edit';

export const ORDERS: TableRecord = {
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
export const CUSTOMERS: TableRecord = {
  database: 'hive',
  cluster: 'gold',
  schema: 'core',
  name: 'customers',
  columns: [{ name: 'id', col_type: 'bigint' }],
};
export const EVENTS: TableRecord = { database: 'bigquery', cluster: 'prod', schema: 'analytics', name: 'events', is_view: true };

export const ORDERS_KEY = 'hive://gold.core/orders';
export const edit = (actor = 'ada@example.com'): Edit => ({ actor, at: Date.now() });

/** Opens a fresh, empty store of the adapter under test. */
export type OpenStore = () => Promise<MetadataStoreAdapter>;

/**
 * A describe block whose tests get a fresh store holding ORDERS, CUSTOMERS
 * and EVENTS (ingested by fram-scripts), closed after each test.
 */
export function describeWithStore(title: string, open: OpenStore, cases: (store: () => MetadataStoreAdapter) => void): void {
  describe(title, () => {
    let store: MetadataStoreAdapter;
    beforeEach(async () => {
      store = await open();
      await store.upsertTables([ORDERS, CUSTOMERS, EVENTS], edit('fram-scripts'));
    });
    afterEach(() => store.close());
    cases(() => store);
  });
}
