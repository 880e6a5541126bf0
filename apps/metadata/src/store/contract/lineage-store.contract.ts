import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** What every LineageStore adapter must do: table lineage. */
export function describeLineageStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`LineageStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
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
  });
}
