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

    it('keeps what databuilder writes of a dashboard: its queries and their charts, its last run and last successful run, when it was changed', async () => {
      const key = 'mode_dashboard://prod.sales/weekly_revenue';
      const record = {
        product: 'mode',
        cluster: 'prod',
        group_name: 'sales',
        name: 'weekly_revenue',
        created_timestamp: 1_600_000_000,
        updated_timestamp: 1_700_000_100,
        last_successful_run_timestamp: 1_700_000_000,
        last_run_timestamp: 1_700_000_200,
        last_run_state: 'failed',
        chart_names: ['Notes'],
        queries: [
          {
            name: 'Revenue by week',
            url: 'https://mode.example/sales/weekly_revenue/queries/1',
            query_text: 'SELECT week, SUM(amount) FROM orders GROUP BY week',
            chart_names: ['Revenue', 'Orders'],
          },
          { id: 'q2', name: 'Refunds', chart_names: ['Refunds'] },
          { name: 'Raw' },
        ],
      };
      await store.upsertDashboards([record], edit('fram-scripts'));
      const dashboard = await store.getDashboard(key);
      expect(dashboard).toMatchObject({
        created_timestamp: 1_600_000_000,
        updated_timestamp: 1_700_000_100,
        last_successful_run_timestamp: 1_700_000_000,
        last_run_timestamp: 1_700_000_200,
        last_run_state: 'failed',
        chart_names: ['Notes', 'Revenue', 'Orders', 'Refunds'],
        queries: [
          {
            name: 'Revenue by week',
            url: 'https://mode.example/sales/weekly_revenue/queries/1',
            query_text: 'SELECT week, SUM(amount) FROM orders GROUP BY week',
          },
          { name: 'Refunds', url: null, query_text: null },
          { name: 'Raw', url: null, query_text: null },
        ],
      });
      expect((await store.dashboardsUsingTable(ORDERS_KEY)).length).toBe(0);
      expect(await store.dashboardsByKeys([key])).toEqual([dashboard]);

      // Scalars left out are cleared; lists left out (charts, queries) are kept; an empty list clears them.
      await store.upsertDashboards(
        [{ product: 'mode', cluster: 'prod', group_name: 'sales', name: 'weekly_revenue' }],
        edit('fram-scripts'),
      );
      expect(await store.getDashboard(key)).toMatchObject({
        created_timestamp: null,
        updated_timestamp: null,
        last_successful_run_timestamp: null,
        last_run_timestamp: null,
        last_run_state: null,
        chart_names: ['Notes', 'Revenue', 'Orders', 'Refunds'],
        queries: dashboard!.queries,
      });
      await store.upsertDashboards([{ ...record, chart_names: [], queries: [] }], edit('fram-scripts'));
      expect(await store.getDashboard(key)).toMatchObject({ chart_names: [], queries: [], last_run_state: 'failed' });
    });

    it('keeps a query with id "fram" apart from the charts of no query', async () => {
      const key = 'mode_dashboard://prod.sales/weekly_revenue';
      const record = { product: 'mode', cluster: 'prod', group_name: 'sales', name: 'weekly_revenue' };
      const queries = [{ id: 'fram', name: 'Fram usage', chart_names: ['Users'] }];
      await store.upsertDashboards([{ ...record, chart_names: ['Notes', 'Totals'], queries }], edit('fram-scripts'));
      expect(await store.getDashboard(key)).toMatchObject({
        chart_names: ['Notes', 'Totals', 'Users'],
        queries: [{ name: 'Fram usage', url: null, query_text: null }],
      });
      // Replacing the charts of no query keeps the query, and replacing the queries keeps those charts.
      await store.upsertDashboards([{ ...record, chart_names: ['Notes'] }], edit('fram-scripts'));
      expect(await store.getDashboard(key)).toMatchObject({ chart_names: ['Notes', 'Users'], queries: [{ name: 'Fram usage' }] });
      await store.upsertDashboards([{ ...record, queries: [] }], edit('fram-scripts'));
      expect(await store.getDashboard(key)).toMatchObject({ chart_names: ['Notes'], queries: [] });
      await store.upsertDashboards([{ ...record, queries }], edit('fram-scripts'));
      await store.upsertDashboards([{ ...record, chart_names: [] }], edit('fram-scripts'));
      expect(await store.getDashboard(key)).toMatchObject({ chart_names: ['Users'], queries: [{ name: 'Fram usage' }] });
    });

    it('keeps dashboards under the keys databuilder makes: ids apart from names, spaces, dots, "_" in the product', async () => {
      const key = 'power_bi_dashboard://gold.Product - Jobs.cz/Agent 7';
      await store.upsertDashboards(
        [
          {
            product: 'power_bi',
            cluster: 'gold',
            dashboard_group_id: 'Product - Jobs.cz',
            group_name: 'Product: Jobs.cz',
            dashboard_id: 'Agent 7',
            name: 'Agents / week',
            tables: [ORDERS_KEY],
            owners: ['ada@example.com'],
            tags: ['kpi'],
          },
          { product: '', cluster: 'gold', group_name: 'ops', name: 'stock' },
        ],
        edit('fram-scripts'),
      );
      await store.upsertReads([{ user: 'grace@example.com', dashboard_key: key, read_count: 3 }], edit('fram-scripts'));
      expect(await store.getDashboard(key)).toMatchObject({
        uri: key,
        product: 'power_bi',
        cluster: 'gold',
        group_name: 'Product: Jobs.cz',
        name: 'Agents / week',
        owners: ['ada@example.com'],
        tags: [{ tag_name: 'kpi', tag_type: 'default' }],
        recent_view_count: 3,
      });
      expect((await store.getDashboard('_dashboard://gold.ops/stock'))?.product).toBe('');
      expect((await store.dashboardsUsingTable(ORDERS_KEY)).map((d) => d.uri)).toEqual([key]);
      expect(await store.setDashboardDescription(key, 'Agents by week', edit())).toBe(true);
      expect(await store.addBadge('dashboard', key, { badge_name: 'certified', category: 'table_status' }, edit())).toBe(true);
      expect(await store.removeTag('dashboard', key, 'kpi', edit())).toBe(true);
      expect(await store.addFollow('grace@example.com', 'dashboard', key, edit())).toBe(true);
      expect(await store.getDashboard(key)).toMatchObject({
        description: 'Agents by week',
        badges: [{ badge_name: 'certified', category: 'table_status' }],
        tags: [],
      });
      expect((await store.followedDashboards('grace@example.com')).map((d) => d.uri)).toEqual([key]);
    });
  });
}
