import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** What every PopularityStore adapter must do: reads and popularity. */
export function describePopularityStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`PopularityStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
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
  });
}
