import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** What every DashboardStore adapter must do: dashboards. */
export function describeDashboardStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`DashboardStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
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

    it('reads many dashboards at once, each as getDashboard answers it, in the order asked, skipping missing ones', async () => {
      const revenue = 'mode_dashboard://prod.sales/weekly_revenue';
      const stock = 'tableau_dashboard://prod.ops/stock';
      await store.upsertDashboards(
        [
          {
            product: 'mode',
            cluster: 'prod',
            group_name: 'sales',
            name: 'weekly_revenue',
            chart_names: ['Revenue', 'Orders'],
            tables: [ORDERS_KEY, 'hive://gold.core/customers'],
            owners: ['barbara@example.com'],
            tags: ['kpi', 'finance'],
          },
          { product: 'tableau', cluster: 'prod', group_name: 'ops', name: 'stock' },
        ],
        edit('fram-scripts'),
      );
      await store.upsertReads([{ user: 'ada@example.com', dashboard_key: revenue, read_count: 5 }], edit('fram-scripts'));
      const keys = [stock, 'mode_dashboard://prod.sales/nope', revenue];
      const one = await Promise.all(keys.map((k) => store.getDashboard(k)));
      expect(await store.dashboardsByKeys(keys)).toEqual(one.filter((d) => d !== undefined));
      expect((await store.dashboardsByKeys(keys)).map((d) => [d.uri, d.recent_view_count])).toEqual([
        [stock, 0],
        [revenue, 5],
      ]);
      expect(await store.dashboardsByKeys([])).toEqual([]);
    });
  });
}
