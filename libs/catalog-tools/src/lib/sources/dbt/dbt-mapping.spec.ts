import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestDashboardsSchema, ingestTablesSchema, type TableRecord, tableKey } from '@fram/models';
import { dbtCatalog, type DbtCatalogFile } from './dbt-catalog';

/** The repository's root (this file is in libs/catalog-tools/src/lib/sources/dbt). */
const WORKSPACE = join(__dirname, '..', '..', '..', '..', '..', '..');

const FIXTURES = join(WORKSPACE, '..', 'shared', 'fixtures', 'dbt');
const SHOPVERSE = join(FIXTURES, 'AvinashAnalytics__shopverse-dbt-snowflake-pipeline');
const BOUNCER = join(FIXTURES, 'godatadriven__dbt-bouncer');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- dbt's artifacts, edited freely by the tests
type Json = any;
const shopverse = (file: string): Json => JSON.parse(readFileSync(join(SHOPVERSE, file), 'utf8'));

const made: string[] = [];
/** A target directory holding these files (written as JSON). */
function target(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fram-dbt-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(content));
  return dir;
}
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function table(catalog: DbtCatalogFile, key: string): TableRecord {
  const found = catalog.tables.find((candidate) => tableKey(candidate) === key);
  if (!found) throw new Error(`no table ${key} in ${catalog.tables.map(tableKey).join(', ')}`);
  return found;
}
const sv = (schema: string, name: string) => `snowflake://shopverse_analytics.${schema}/${name}`;
const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('dbtCatalog with parts of the artifacts missing', () => {
  it('makes a node missing from catalog.json a warning, its table made from the manifest', () => {
    const catalog = shopverse('catalog.json');
    delete catalog.nodes['model.shopverse_analytics.stg_payments'];
    const result = dbtCatalog(target({ 'manifest.json': shopverse('manifest.json'), 'catalog.json': catalog }));
    expect(result.warnings).toContain(
      'model.shopverse_analytics.stg_payments: not in catalog.json (not built when it was written?): columns and types from the manifest only',
    );
    const payments = table(result.catalog, sv('silver', 'stg_payments'));
    // A view as dbt materializes it; the documented columns, without types (the manifest declares none).
    expect(payments.is_view).toBe(true);
    expect(payments.columns?.map((c) => [c.name, c.col_type, c.sort_order])).toEqual([
      ['payment_id', '', 1],
      ['order_id', '', 2],
      ['payment_status', '', 3],
      ['payment_amount', '', 4],
    ]);
    expect(result.catalog.tables).toHaveLength(16);
  });

  it('reads a manifest alone, with one warning that there is no catalog.json', () => {
    const result = dbtCatalog(target({ 'manifest.json': shopverse('manifest.json') }));
    expect(result.warnings).toEqual([
      'no catalog.json: column types only where the manifest declares them (dbt docs generate writes catalog.json)',
    ]);
    expect(result.source.files).toEqual([]);
    expect(result.catalog.tables).toHaveLength(16);
    expect(result.catalog.lineage).toHaveLength(dbtCatalog(SHOPVERSE, {}).catalog.lineage.length);
    expect(table(result.catalog, sv('bronze', 'bronze_payments')).is_view).toBeUndefined();
  });
});

describe('dbtCatalog: when data last changed', () => {
  it("takes a build's time from run_results.json of dbt build, only for what succeeded", () => {
    const runResults = shopverse('run_results.json');
    runResults.args.which = 'build';
    runResults.results.find((r: Json) => r.unique_id === 'model.shopverse_analytics.stg_country').status = 'error';
    const { catalog } = dbtCatalog(target({ 'manifest.json': shopverse('manifest.json'), 'run_results.json': runResults }));
    expect(table(catalog, sv('silver', 'stg_payments')).last_updated_timestamp).toBe(epoch('2025-08-02T15:11:53.298164Z'));
    expect(table(catalog, sv('silver', 'stg_country')).last_updated_timestamp).toBeUndefined();
  });

  it("takes a source's newest row from sources.json (dbt source freshness), unless its check failed", () => {
    const sources = {
      metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/sources/v3.json' },
      results: [
        {
          unique_id: 'source.shopverse_analytics.shopverse_raw.bronze_orders',
          status: 'warn',
          max_loaded_at: '2025-08-09T10:00:00+00:00',
          snapshotted_at: '2025-08-10T00:00:00+00:00',
        },
        { unique_id: 'source.shopverse_analytics.shopverse_raw.bronze_products', status: 'runtime error', max_loaded_at: null },
        { unique_id: 'source.shopverse_analytics.shopverse_raw.bronze_customers', status: 'pass', max_loaded_at: '2025-08-01 09:30:00' },
      ],
      elapsed_time: 1,
    };
    const result = dbtCatalog(
      target({ 'manifest.json': shopverse('manifest.json'), 'catalog.json': shopverse('catalog.json'), 'sources.json': sources }),
    );
    expect(result.source.files).toEqual(['catalog.json', 'sources.json']);
    expect(table(result.catalog, sv('bronze', 'bronze_orders')).last_updated_timestamp).toBe(epoch('2025-08-09T10:00:00Z'));
    // catalog.json's last modification is later than the newest row: the latest wins.
    expect(table(result.catalog, sv('bronze', 'bronze_customers')).last_updated_timestamp).toBeGreaterThan(epoch('2025-08-01T09:30:00Z'));
    // A failed check: catalog.json's time only.
    expect(table(result.catalog, sv('bronze', 'bronze_products')).last_updated_timestamp).toBe(epoch(catalogModified('bronze_products')));
  });
});

/** The last modification shopverse's catalog.json reports for a source, as ISO text. */
function catalogModified(name: string): string {
  const value: string = shopverse('catalog.json').sources[`source.shopverse_analytics.shopverse_raw.${name}`].stats.last_modified.value;
  return value.replace(' ', 'T').replace('UTC', ':00Z');
}

describe('dbtCatalog options', () => {
  it('names tables with the database and cluster given, and links project files under sourceUrl', () => {
    const { catalog } = dbtCatalog(SHOPVERSE, {
      database: 'warehouse',
      cluster: 'prod',
      sourceUrl: 'https://github.com/AvinashAnalytics/shopverse-dbt-snowflake-pipeline/blob/main/',
    });
    const payments = table(catalog, 'warehouse://prod.silver/stg_payments');
    // dbt on Windows wrote the path with backslashes.
    expect(payments.source).toEqual({
      source_type: 'dbt',
      source: 'https://github.com/AvinashAnalytics/shopverse-dbt-snowflake-pipeline/blob/main/models/silver/stg_payments.sql',
    });
    expect(catalog.lineage).toContainEqual({
      upstream: 'warehouse://prod.bronze/bronze_payments',
      downstream: 'warehouse://prod.silver/stg_payments',
    });
    // A package's files are not in the project's repository.
    const bouncer = dbtCatalog(BOUNCER, { sourceUrl: 'https://example.com/repo/' }).catalog;
    expect(table(bouncer, 'duckdb://dbt.main_marts/orders').source?.source).toBe(
      'https://example.com/repo/models/marts/finance/orders.sql',
    );
    expect(table(bouncer, 'duckdb://dbt.main_tiktok_ads/tiktok_ads__ad_report').source).toBeUndefined();
  });

  it('keeps the names as dbt and the warehouse spell them when lowercase is false', () => {
    const { catalog } = dbtCatalog(SHOPVERSE, { lowercase: false });
    const source = table(catalog, 'snowflake://SHOPVERSE_ANALYTICS.BRONZE/bronze_payments');
    expect(source.columns?.map((c) => c.name)).toEqual(['PAYMENT_ID', 'ORDER_ID', 'PAYMENT_METHOD', 'STATUS', 'AMOUNT']);
    expect(catalog.lineage).toContainEqual({
      upstream: 'snowflake://SHOPVERSE_ANALYTICS.BRONZE/bronze_payments',
      downstream: 'snowflake://shopverse_analytics.silver/stg_payments',
    });
  });
});

/** A small manifest of project `shop` on Postgres. */
function manifest(nodes: Json[], sources: Json[] = [], exposures: Json[] = []) {
  const byId = (items: Json[]) => Object.fromEntries(items.map((item) => [item.unique_id, item]));
  return {
    metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v11.json', adapter_type: 'postgres', project_name: 'shop' },
    nodes: byId(nodes),
    sources: byId(sources),
    exposures: byId(exposures),
  };
}
const model = (name: string, fields: Json = {}): Json => ({
  unique_id: `model.shop.${name}`,
  resource_type: 'model',
  package_name: 'shop',
  name,
  database: 'analytics',
  schema: 'public',
  alias: name,
  description: '',
  columns: {},
  meta: {},
  tags: [],
  config: { materialized: 'table', enabled: true, meta: {} },
  original_file_path: `models/${name}.sql`,
  depends_on: { nodes: [] },
  ...fields,
});
const pg = (name: string) => `postgres://analytics.public/${name}`;

describe('dbtCatalog on values Fram cannot keep as they are', () => {
  const dir = target({
    'manifest.json': manifest(
      [
        model('orders', {
          description: 'Orders\u0007 of the shop.\n\nOne row each.',
          tags: ['finance', 'a/b', 'finance'],
          meta: { owner: ['ann@example.com, bob@example.com', 42], contains_pii: true, tier: 1 },
          columns: {
            email: { name: 'email', description: 'Who ordered', data_type: 'text', meta: { contains_pii: true } },
            total: { name: 'total', description: '', data_type: 'numeric', meta: { contains_pii: false } },
          },
          depends_on: { nodes: ['model.shop.wide', 'model.shop.bad', 'macro.shop.cents', 'model.shop.off'] },
        }),
        model('wide', { columns: { long: { name: 'x'.repeat(600), description: 'too long a name' } } }),
        model('bad', { schema: 42 }),
        model('off', { config: { materialized: 'table', enabled: false } }),
        model('twin', { alias: 'orders' }),
        {
          unique_id: 'test.shop.not_null_orders_email.abc',
          resource_type: 'test',
          package_name: 'shop',
          name: 'not_null_orders_email',
          schema: 'public',
        },
      ],
      [],
      [
        {
          unique_id: 'exposure.shop.weekly',
          name: 'weekly',
          label: 'Weekly sales',
          package_name: 'shop',
          type: 'dashboard',
          owner: { name: 'Sales team' },
          url: 'file:///reports/weekly.pdf',
          depends_on: { nodes: ['model.shop.orders', 'model.shop.wide'] },
        },
      ],
    ),
  });
  const result = dbtCatalog(dir, { badgeMetaKeys: ['contains_pii', 'tier'] });
  const { catalog, warnings } = result;

  it('keeps what it can and names what it left out', () => {
    const orders = table(catalog, pg('orders'));
    expect(orders.description).toBe('Orders of the shop.\n\nOne row each.');
    expect(orders.tags).toEqual(['finance']);
    expect(orders.owners).toEqual(['ann@example.com', 'bob@example.com']);
    expect(orders.badges).toEqual([
      { badge_name: 'contains_pii', category: 'table' },
      { badge_name: 'tier:1', category: 'table' },
    ]);
    expect(orders.columns).toEqual([
      {
        name: 'email',
        col_type: 'text',
        description: 'Who ordered',
        sort_order: 1,
        badges: [{ badge_name: 'contains_pii', category: 'column' }],
      },
      { name: 'total', col_type: 'numeric', sort_order: 2 },
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'model.shop.orders: tag "a/b" left out: it must be 1 to 100 letters, digits, spaces, and _ : . -',
        'model.shop.orders: owner 42 left out: owners must be texts (an email, a user id)',
        expect.stringMatching(/^model\.shop\.bad: left out: schema: /),
        expect.stringMatching(/^model\.shop\.wide: left out: Fram would refuse it: tables\.0\.columns\.0\.name: /),
        'model.shop.twin: left out: model.shop.orders is the same relation (postgres://analytics.public/orders)',
        'exposure.shop.weekly: url "file:///reports/weekly.pdf" left out: it is not an http(s) link',
      ]),
    );
  });

  it('leaves out tests, disabled models and what was refused, from tables, lineage and dashboards', () => {
    expect(catalog.tables.map(tableKey)).toEqual([pg('orders')]);
    expect(catalog.lineage).toEqual([]);
    expect(catalog.dashboards).toEqual([
      {
        product: 'dbt',
        cluster: 'shop',
        group_name: 'dashboard',
        dashboard_id: 'weekly',
        name: 'Weekly sales',
        description: undefined,
        owners: ['Sales team'],
        tables: [pg('orders')],
      },
    ]);
    expect(ingestTablesSchema.safeParse({ tables: catalog.tables }).error).toBeUndefined();
    expect(ingestDashboardsSchema.safeParse({ dashboards: catalog.dashboards }).error).toBeUndefined();
  });
});
