import {
  completeDashboard,
  completeDashboardQueries,
  DASHBOARD_KEY,
  dashboardGroupKey,
  dashboardKey,
  parseDashboardKey,
} from './dashboard';
import { ingestDashboardsSchema } from './ingestion';

const problems = (dashboard: Record<string, unknown>) => {
  const parsed = ingestDashboardsSchema.safeParse({ dashboards: [dashboard] });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const base = { product: 'mode', cluster: 'prod', group_name: 'sales', name: 'weekly_revenue' };

describe('dashboard keys', () => {
  it("accept what databuilder's DashboardMetadata makes: `_` in the product (or none), spaces and dots in the group and the id", () => {
    expect(parseDashboardKey('mode_dashboard://prod.sales/weekly_revenue')).toEqual({
      product: 'mode',
      cluster: 'prod',
      group_id: 'sales',
      id: 'weekly_revenue',
    });
    expect(parseDashboardKey('power_bi_dashboard://gold.Product - Jobs.cz/Agent 7')).toEqual({
      product: 'power_bi',
      cluster: 'gold',
      group_id: 'Product - Jobs.cz',
      id: 'Agent 7',
    });
    expect(parseDashboardKey('_dashboard://gold.dg_id/d_id')).toEqual({ product: '', cluster: 'gold', group_id: 'dg_id', id: 'd_id' });
    expect(parseDashboardKey('databricks-sql_dashboard://prod.team/a/b')).toEqual({
      product: 'databricks-sql',
      cluster: 'prod',
      group_id: 'team/a',
      id: 'b',
    });
    for (const bad of [
      'hive://gold.core/orders',
      'mode_dashboard://prod/weekly',
      'mode_dashboard://prod.sales/',
      'mode_dashboard://prod.sales/a\nb',
      '',
    ])
      expect(DASHBOARD_KEY.test(bad)).toBe(false);
  });

  it('are made of the ids, which default to the names (as databuilder does)', () => {
    expect(dashboardKey(base)).toBe('mode_dashboard://prod.sales/weekly_revenue');
    const agents = {
      ...base,
      product: 'power_bi',
      dashboard_group_id: 'Product - Jobs.cz',
      dashboard_id: 'Agent 7',
      name: 'Agents / week',
    };
    expect(dashboardKey(agents)).toBe('power_bi_dashboard://prod.Product - Jobs.cz/Agent 7');
    expect(dashboardGroupKey(agents)).toBe('power_bi_dashboard://prod.Product - Jobs.cz');
    expect(completeDashboard(agents)).toMatchObject({
      key: dashboardKey(agents),
      group_key: dashboardGroupKey(agents),
      name: 'Agents / week',
    });
  });
});

describe('dashboard ingestion', () => {
  it('accepts the fields databuilder writes: runs, last change, queries with their charts', () => {
    const record = {
      ...base,
      product: 'power_bi',
      dashboard_group_id: 'Product - Jobs.cz',
      dashboard_id: 'Agent 7',
      name: 'Agents / week',
      url: 'https://bi.example/agents',
      updated_timestamp: 1_700_000_100,
      last_run_timestamp: 1_700_000_200,
      last_run_state: 'failed',
      queries: [
        { name: 'Agents', query_text: 'SELECT 1', chart_names: ['Agents'] },
        { id: 'q2', name: 'Agents', url: '' },
      ],
    };
    expect(problems(record)).toEqual([]);
    expect(completeDashboardQueries(ingestDashboardsSchema.parse({ dashboards: [record] }).dashboards[0])).toEqual([
      { id: 'Agents', name: 'Agents', url: null, query_text: 'SELECT 1', chart_names: ['Agents'] },
      { id: 'q2', name: 'Agents', url: null, query_text: null, chart_names: [] },
    ]);
    expect(completeDashboardQueries(ingestDashboardsSchema.parse({ dashboards: [base] }).dashboards[0])).toBeUndefined();
  });

  it('refuses what would break a key or a page, naming the field', () => {
    expect(problems({ ...base, product: 'mode:x' })).toEqual(['dashboards.0.product: must not contain ":" or "/"']);
    expect(problems({ ...base, cluster: 'prod.eu' })).toEqual(['dashboards.0.cluster: must not contain "." or "/"']);
    expect(problems({ ...base, name: 'a/b' })).toEqual([
      'dashboards.0.name: must not contain "/" (it makes the key) unless dashboard_id is given',
    ]);
    expect(problems({ ...base, name: 'a/b', dashboard_id: 'ab' })).toEqual([]);
    expect(problems({ ...base, dashboard_id: 'a/b' })).toEqual(['dashboards.0.dashboard_id: must not contain "/"']);
    expect(problems({ ...base, group_name: 'a\nb' })).toEqual([
      'dashboards.0.group_name: contains a control character (such as a line break or NUL)',
    ]);
    expect(problems({ ...base, url: 'javascript:alert(1)' })).toEqual(['dashboards.0.url: must be an http(s) URL']);
    expect(problems({ ...base, queries: [{ name: 'q' }, { name: 'q' }] })).toEqual(['dashboards.0.queries.1: A query q appears twice']);
    expect(problems({ ...base, last_run_timestamp: -1 })).not.toEqual([]);
  });
});
