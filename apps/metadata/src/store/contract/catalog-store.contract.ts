import { normalizeUser } from '@fram/models';
import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** What every CatalogStore adapter must do: catalog-wide figures and listings. */
export function describeCatalogStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`CatalogStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
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

    it("counts the tags and owners of dashboards too, lists their badges, and records dashboards' ingestion as an update", async () => {
      const key = 'mode_dashboard://prod.sales/weekly';
      await store.upsertDashboards(
        [{ product: 'mode', cluster: 'prod', group_name: 'sales', name: 'weekly', tags: ['sales'], owners: ['grace@example.com'] }],
        { actor: 'fram-scripts', at: 2_000_000_000_000 },
      );
      expect(await store.latestUpdatedTimestamp()).toBe(2_000_000_000);
      // The owners of anything, as Amundsen counts them; tables with owners are tables.
      expect(await store.statistics()).toMatchObject({ number_of_owners: 2, number_of_tables_with_owners: 1 });
      expect(await store.addBadge('dashboard', key, { badge_name: 'beta', category: 'status' }, edit())).toBe(true);
      expect(await store.tagUsages()).toEqual([
        { tag_name: 'core', tag_count: 1 },
        { tag_name: 'sales', tag_count: 2 },
      ]);
      expect(await store.allBadges()).toEqual([
        { badge_name: 'beta', category: 'status' },
        { badge_name: 'certified', category: 'table_status' },
      ]);
    });

    it('lists keys in order, page by page, for full reindexing', async () => {
      expect(await store.listKeys('table', '', 2)).toEqual(['bigquery://prod.analytics/events', 'hive://gold.core/customers']);
      expect(await store.listKeys('table', 'hive://gold.core/customers', 2)).toEqual([ORDERS_KEY]);
      expect(await store.listKeys('dashboard', '', 10)).toEqual([]);
      await store.upsertUser(normalizeUser({ email: 'ada@example.com', full_name: 'Ada Lovelace' }), edit());
      expect(await store.listKeys('user', '', 10)).toEqual(['ada@example.com']);
    });
  });
}
