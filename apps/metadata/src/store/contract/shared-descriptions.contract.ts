import type { DashboardRecord } from '@fram/models';
import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { CUSTOMERS, describeWithStore, EVENTS, ORDERS, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

const CUSTOMERS_KEY = 'hive://gold.core/customers';
const EVENTS_KEY = 'bigquery://prod.analytics/events';
const WEEKLY = 'mode_dashboard://prod.sales/weekly';
const DAILY = 'mode_dashboard://prod.sales/daily';
const STOCK = 'mode_dashboard://prod.ops/stock';
const dashboard = (name: string, extra: Partial<DashboardRecord> = {}): DashboardRecord => ({
  product: 'mode',
  cluster: 'prod',
  group_name: name === 'stock' ? 'ops' : 'sales',
  name,
  ...extra,
});

/** The keys the latest ingestion's audit entry names (the documents search is to refresh), sorted. */
async function lastIngestedKeys(store: MetadataStoreAdapter): Promise<string[]> {
  const [latest] = await store.audit(1);
  return [...((latest?.detail['keys'] as string[] | undefined) ?? [])].sort();
}

/**
 * What every adapter must do with the descriptions many resources share: a table's schema's
 * (databuilder's SchemaModel) and a dashboard's group's (its dashboard_group_description).
 */
export function describeSharedDescriptionsContract(name: string, open: OpenStore): void {
  describeWithStore(`Schema and dashboard group descriptions contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
    });

    it("keeps a schema's description, shared by its tables and shown in every table summary", async () => {
      await store.upsertTables([{ ...ORDERS, schema_description: 'Core business tables.' }], edit('fram-scripts'));
      expect((await store.getTable(ORDERS_KEY))!.schema_description).toBe('Core business tables.');
      // Every table of the schema has it, however it was ingested; other schemas do not.
      expect((await store.tablesByKeys([CUSTOMERS_KEY, EVENTS_KEY])).map((t) => [t.key, t.schema_description])).toEqual([
        [CUSTOMERS_KEY, 'Core business tables.'],
        [EVENTS_KEY, null],
      ]);

      // Summaries: owned, bookmarked and read tables, popular tables, a dashboard's tables.
      const summary = {
        key: ORDERS_KEY,
        database: 'hive',
        cluster: 'gold',
        schema: 'core',
        name: 'orders',
        description: 'One row per order.',
        schema_description: 'Core business tables.',
      };
      expect(await store.ownedTables('ada@example.com')).toEqual([summary]);
      await store.addFollow('ada@example.com', 'table', ORDERS_KEY, edit());
      await store.addFollow('ada@example.com', 'table', EVENTS_KEY, edit());
      expect(await store.followedTables('ada@example.com')).toEqual([
        {
          key: EVENTS_KEY,
          database: 'bigquery',
          cluster: 'prod',
          schema: 'analytics',
          name: 'events',
          description: null,
          schema_description: null,
        },
        summary,
      ]);
      await store.upsertReads(
        [
          { user: 'ada@example.com', table_key: ORDERS_KEY, read_count: 5 },
          { user: 'grace@example.com', table_key: ORDERS_KEY, read_count: 3 },
          { user: 'grace@example.com', table_key: CUSTOMERS_KEY, read_count: 2 },
        ],
        edit('fram-scripts'),
      );
      expect(await store.readTables('ada@example.com')).toEqual([summary]);
      expect(await store.popularTables(10, 2)).toEqual([summary]);
      expect((await store.popularTables(10, 1, 'ada@example.com')).map((t) => [t.key, t.schema_description])).toEqual([
        [ORDERS_KEY, 'Core business tables.'],
        [CUSTOMERS_KEY, 'Core business tables.'],
      ]);
      await store.upsertDashboards([dashboard('weekly', { tables: [ORDERS_KEY, EVENTS_KEY] })], edit('fram-scripts'));
      expect((await store.getDashboard(WEEKLY))!.tables.map((t) => [t.key, t.schema_description])).toEqual([
        [EVENTS_KEY, null],
        [ORDERS_KEY, 'Core business tables.'],
      ]);
    });

    it("replaces a schema's description when a record gives one, removes it when one gives null, keeps it when records leave it out", async () => {
      await store.upsertTables([{ ...ORDERS, schema_description: 'Core.' }], edit('fram-scripts'));
      await store.upsertTables([CUSTOMERS, ORDERS], edit('fram-scripts'));
      expect((await store.getTable(CUSTOMERS_KEY))!.schema_description).toBe('Core.');
      await store.upsertTables([{ ...CUSTOMERS, schema_description: 'Core, again.' }], edit('fram-scripts'));
      expect((await store.getTable(ORDERS_KEY))!.schema_description).toBe('Core, again.');
      await store.upsertTables([{ ...CUSTOMERS, schema_description: null }], edit('fram-scripts'));
      expect((await store.tablesByKeys([ORDERS_KEY, CUSTOMERS_KEY])).map((t) => t.schema_description)).toEqual([null, null]);
      expect((await store.ownedTables('ada@example.com'))[0].schema_description).toBeNull();
    });

    it("names in the ingestion's audit entry every table whose schema's description changed, so search refreshes them all", async () => {
      await store.upsertTables([{ ...ORDERS, schema_description: 'Core.' }], edit('fram-scripts'));
      expect(await lastIngestedKeys(store)).toEqual([CUSTOMERS_KEY, ORDERS_KEY]);
      // The same description again changes nothing else; so does leaving it out.
      await store.upsertTables([{ ...ORDERS, schema_description: 'Core.' }, EVENTS], edit('fram-scripts'));
      expect(await lastIngestedKeys(store)).toEqual([EVENTS_KEY, ORDERS_KEY]);
      await store.upsertTables([ORDERS], edit('fram-scripts'));
      expect(await lastIngestedKeys(store)).toEqual([ORDERS_KEY]);
      await store.upsertTables([{ ...CUSTOMERS, schema_description: null }], edit('fram-scripts'));
      expect(await lastIngestedKeys(store)).toEqual([CUSTOMERS_KEY, ORDERS_KEY]);
      const [latest] = await store.audit(1);
      expect(latest.detail['count']).toBe(1);
    });

    it("keeps a dashboard group's description, shared by its dashboards: given it replaces, null removes, left out it is kept", async () => {
      await store.upsertDashboards(
        [dashboard('weekly', { group_description: 'Sales dashboards.' }), dashboard('daily'), dashboard('stock')],
        edit('fram-scripts'),
      );
      expect((await store.dashboardsByKeys([WEEKLY, DAILY, STOCK])).map((d) => [d.uri, d.group_description])).toEqual([
        [WEEKLY, 'Sales dashboards.'],
        [DAILY, 'Sales dashboards.'],
        [STOCK, null],
      ]);
      expect(await store.getDashboard(DAILY)).toEqual((await store.dashboardsByKeys([DAILY]))[0]);
      await store.upsertDashboards([dashboard('daily'), dashboard('weekly')], edit('fram-scripts'));
      expect((await store.getDashboard(WEEKLY))!.group_description).toBe('Sales dashboards.');
      await store.upsertDashboards([dashboard('daily', { group_description: 'Sales.' })], edit('fram-scripts'));
      expect((await store.getDashboard(WEEKLY))!.group_description).toBe('Sales.');
      await store.upsertDashboards([dashboard('daily', { group_description: null })], edit('fram-scripts'));
      expect((await store.dashboardsByKeys([WEEKLY, DAILY])).map((d) => d.group_description)).toEqual([null, null]);
    });

    it("names in the ingestion's audit entry every dashboard whose group's description changed", async () => {
      await store.upsertDashboards([dashboard('weekly'), dashboard('daily'), dashboard('stock')], edit('fram-scripts'));
      await store.upsertDashboards([dashboard('weekly', { group_description: 'Sales.' })], edit('fram-scripts'));
      expect(await lastIngestedKeys(store)).toEqual([DAILY, WEEKLY]);
      await store.upsertDashboards([dashboard('weekly', { group_description: 'Sales.' }), dashboard('stock')], edit('fram-scripts'));
      expect(await lastIngestedKeys(store)).toEqual([STOCK, WEEKLY]);
      await store.upsertDashboards([dashboard('daily', { group_description: null })], edit('fram-scripts'));
      expect(await lastIngestedKeys(store)).toEqual([DAILY, WEEKLY]);
    });

    it('keeps the descriptions of groups whose ids hold "/" and of schemas whose names hold dots and spaces apart', async () => {
      await store.upsertDashboards(
        [
          dashboard('a', { dashboard_group_id: 'team/x', group_name: 'X', group_description: 'Team X.' }),
          dashboard('b', { dashboard_group_id: 'team', group_name: 'Team', group_description: 'The team.' }),
        ],
        edit('fram-scripts'),
      );
      expect(
        (await store.dashboardsByKeys(['mode_dashboard://prod.team/x/a', 'mode_dashboard://prod.team/b'])).map((d) => d.group_description),
      ).toEqual(['Team X.', 'The team.']);
      await store.upsertTables(
        [
          { database: 'hive', cluster: 'gold', schema: 'raw events.v2', name: 'views', schema_description: 'Raw, v2.' },
          { database: 'hive', cluster: 'gold', schema: 'raw events', name: 'views' },
        ],
        edit('fram-scripts'),
      );
      expect(
        (await store.tablesByKeys(['hive://gold.raw events.v2/views', 'hive://gold.raw events/views'])).map((t) => t.schema_description),
      ).toEqual(['Raw, v2.', null]);
    });
  });
}
