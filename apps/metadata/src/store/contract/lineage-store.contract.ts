import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** What every LineageStore adapter must do: table and column lineage. */
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

    it('walks column lineage up and down to a depth; a column gone from its table takes its lineage with it', async () => {
      const amount = `${ORDERS_KEY}/amount`;
      const revenue = 'bigquery://prod.analytics/daily_revenue';
      await store.upsertTables(
        [
          {
            database: 'bigquery',
            cluster: 'prod',
            schema: 'analytics',
            name: 'daily_revenue',
            columns: [{ name: 'total', col_type: 'decimal' }],
          },
        ],
        edit(),
      );
      await store.upsertColumnLineage(
        [
          { upstream: 'hive://silver.staging/orders_raw/amount_cents', downstream: amount },
          { upstream: amount, downstream: `${revenue}/total` },
          { upstream: `${ORDERS_KEY}/customer_id`, downstream: `${revenue}/total` },
          { upstream: `${revenue}/total`, downstream: `${revenue}/total_eur` }, // not (yet) a column of the table
        ],
        edit('fram-scripts'),
      );
      await store.addColumnBadge(revenue, 'total', { badge_name: 'kpi', category: 'column' }, edit());
      const one = await store.columnLineage(ORDERS_KEY, 'amount', 1);
      expect(one).toEqual({
        upstream: [
          {
            key: 'hive://silver.staging/orders_raw/amount_cents',
            level: 1,
            source: 'hive',
            badges: [],
            usage: 0,
            parent: amount,
            link: null,
            in_amundsen: false,
          },
        ],
        downstream: [
          {
            key: `${revenue}/total`,
            level: 1,
            source: 'bigquery',
            badges: [{ badge_name: 'kpi', category: 'column' }],
            usage: 0,
            parent: amount,
            link: null,
            in_amundsen: true,
          },
        ],
      });
      expect((await store.columnLineage(ORDERS_KEY, 'amount', 2))!.downstream.map((i) => [i.key, i.level, i.parent])).toEqual([
        [`${revenue}/total`, 1, amount],
        [`${revenue}/total_eur`, 2, `${revenue}/total`],
      ]);
      expect(await store.columnLineage(ORDERS_KEY, 'nope', 1)).toBeUndefined();
      expect(await store.columnLineage('hive://gold.core/nope', 'amount', 1)).toBeUndefined();
      // Table lineage and column lineage are apart.
      expect(await store.lineage(ORDERS_KEY, 2)).toEqual({ upstream: [], downstream: [] });

      await store.upsertTables(
        [
          {
            ...ORDERS,
            columns: [
              { name: 'order_id', col_type: 'bigint' },
              { name: 'customer_id', col_type: 'bigint' },
            ],
          },
        ],
        edit(),
      );
      expect((await store.columnLineage(revenue, 'total', 1))!.upstream.map((i) => i.key)).toEqual([`${ORDERS_KEY}/customer_id`]);
    });
  });
}
