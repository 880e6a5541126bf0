import { join } from 'node:path';
import { ingestDashboardsSchema, ingestLineageSchema, ingestTablesSchema, type TableRecord, tableKey } from '@fram/models';
import { type CatalogFile, checkCatalog } from '../../ingest-client';
import { dbtCatalog, type DbtCatalogFile, type DbtCatalogResult } from './dbt-catalog';

/** The repository's root (this file is in libs/catalog-tools/src/lib/sources/dbt). */
const WORKSPACE = join(__dirname, '..', '..', '..', '..', '..', '..');

/** Real dbt target directories of public projects (their SOURCE.txt says where each comes from). */
const FIXTURES = join(WORKSPACE, '..', 'shared', 'fixtures', 'dbt');
const SHOPVERSE = join(FIXTURES, 'AvinashAnalytics__shopverse-dbt-snowflake-pipeline');
const HUBSPOT = join(FIXTURES, 'fivetran__dbt_hubspot');
const BOUNCER = join(FIXTURES, 'godatadriven__dbt-bouncer');

/**
 * Every record passes the zod schemas metadata's `POST /ingest/*` uses, in batches as large as they take, and
 * none was left out for failing them.
 */
function expectIngestible({ catalog, warnings }: DbtCatalogResult) {
  // A catalog file as `npm run ingest` sends it.
  const file: CatalogFile = catalog;
  expect(checkCatalog(JSON.parse(JSON.stringify(file)), 'dbt')).toEqual(JSON.parse(JSON.stringify(file)));
  expect(warnings.filter((warning) => warning.includes('left out'))).toEqual([]);
  for (let at = 0; at < catalog.tables.length; at += 5000)
    expect(ingestTablesSchema.safeParse({ tables: catalog.tables.slice(at, at + 5000) }).error).toBeUndefined();
  if (catalog.lineage.length > 0) expect(ingestLineageSchema.safeParse({ lineage: catalog.lineage }).error).toBeUndefined();
  if (catalog.dashboards.length > 0) expect(ingestDashboardsSchema.safeParse({ dashboards: catalog.dashboards }).error).toBeUndefined();
  // Lineage and dashboards name only tables of the catalog, each table once.
  const keys = catalog.tables.map(tableKey);
  expect(new Set(keys).size).toBe(keys.length);
  const known = new Set(keys);
  expect(catalog.lineage.filter((edge) => !known.has(edge.upstream) || !known.has(edge.downstream))).toEqual([]);
  expect(catalog.dashboards.flatMap((dashboard) => dashboard.tables ?? []).filter((key) => !known.has(key))).toEqual([]);
}

function table(catalog: DbtCatalogFile, key: string): TableRecord {
  const found = catalog.tables.find((candidate) => tableKey(candidate) === key);
  if (!found) throw new Error(`no table ${key} in ${catalog.tables.map(tableKey).join(', ')}`);
  return found;
}

const edges = (catalog: DbtCatalogFile) => catalog.lineage.map((edge) => `${edge.upstream} -> ${edge.downstream}`);
const epoch = (iso: string) => Date.parse(iso) / 1000;

describe('dbtCatalog on shopverse (Snowflake, manifest v12, meta owners)', () => {
  const result = dbtCatalog(SHOPVERSE, { badgeMetaKeys: ['sensitivity'] });
  const { catalog } = result;
  const key = (schema: string, name: string) => `snowflake://shopverse_analytics.${schema}/${name}`;

  it('reads the manifest and the catalog, and makes records metadata takes', () => {
    expect(result.source).toMatchObject({
      manifestVersion: 12,
      adapter: 'snowflake',
      project: 'shopverse_analytics',
      dbtVersion: '1.10.3',
    });
    expect(result.source.files).toEqual(['catalog.json', 'run_results.json']);
    expectIngestible(result);
    // 12 models but 2 ephemeral ones, 1 seed, 1 snapshot, 4 sources; no tests, no operations (on-run-start hooks).
    expect(catalog.tables).toHaveLength(16);
    expect(catalog.tables.map(tableKey)).not.toContain(key('intermediate', 'int_order_payments'));
    expect(catalog.dashboards).toEqual([]);
  });

  it('maps a model: names (lowercased from Snowflake), view, description, columns and types from catalog.json, owner, badge', () => {
    const payments = table(catalog, key('silver', 'stg_payments'));
    expect(payments).toMatchObject({
      database: 'snowflake',
      cluster: 'shopverse_analytics',
      schema: 'silver',
      name: 'stg_payments',
      is_view: true,
      owners: ['finance_team'],
      badges: [{ badge_name: 'sensitivity:high', category: 'table' }],
      applications: [{ id: 'model.shopverse_analytics.stg_payments', name: 'dbt', kind: 'Producing' }],
    });
    expect(payments.description).toMatch(/^Filtered dataset from `bronze_payments` including only successful transactions\./);
    expect(payments.programmatic_descriptions).toEqual([{ source: 'dbt', text: payments.description }]);
    // The warehouse's columns in its order and types, described by the manifest; then the columns only documented.
    expect(payments.columns?.map((c) => [c.name, c.col_type, c.sort_order])).toEqual([
      ['payment_id', 'TEXT', 1],
      ['order_id', 'TEXT', 2],
      ['payment_method', 'TEXT', 3],
      ['status', 'TEXT', 4],
      ['amount', 'NUMBER', 5],
      ['payment_status', '', 6],
      ['payment_amount', '', 7],
    ]);
    expect(payments.columns?.[0].description).toBe('Unique identifier for the payment transaction.');
    expect(result.warnings).toContain('model.shopverse_analytics.stg_payments: columns payment_status, payment_amount not in catalog.json');
    // No meta owner, no tags, no badge meta: the lists are left out, so that what people gave the table in Fram stays.
    expect(table(catalog, key('gold', 'customer_profit'))).not.toHaveProperty('owners', expect.anything());
    expect(table(catalog, key('gold', 'customer_profit'))).not.toHaveProperty('tags', expect.anything());
    expect(table(catalog, key('gold', 'customer_profit'))).not.toHaveProperty('badges', expect.anything());
    expect(table(catalog, key('gold', 'customer_profit')).is_view).toBe(false);
  });

  it('maps sources, seeds and snapshots, with the last modification catalog.json reports', () => {
    const source = table(catalog, key('bronze', 'bronze_payments'));
    expect(source).toMatchObject({ is_view: false, last_updated_timestamp: epoch('2025-08-02T15:12:00Z') });
    expect(source.applications).toBeUndefined();
    expect(source.columns?.find((c) => c.name === 'payment_id')?.description).toBe('Primary key for payments');
    expect(table(catalog, key('silver', 'country')).columns?.map((c) => c.name)).toEqual(['country', 'region']);
    expect(table(catalog, key('snapshots', 'snapshot_customers')).is_view).toBe(false);
  });

  it('makes lineage from depends_on, through ephemeral models', () => {
    expect(edges(catalog)).toEqual(
      expect.arrayContaining([
        `${key('bronze', 'bronze_payments')} -> ${key('silver', 'stg_payments')}`,
        `${key('silver', 'country')} -> ${key('silver', 'stg_country')}`,
        `${key('stg', 'stg_customers')} -> ${key('snapshots', 'snapshot_customers')}`,
        // country_profit_summary reads the ephemeral int_order_payments, which reads stg_orders and stg_payments.
        `${key('silver', 'stg_orders')} -> ${key('gold', 'country_profit_summary')}`,
        `${key('silver', 'stg_payments')} -> ${key('gold', 'country_profit_summary')}`,
      ]),
    );
    expect(edges(catalog).filter((edge) => edge.includes('/int_'))).toEqual([]);
  });

  it('takes no build time from a run_results.json that dbt docs generate wrote', () => {
    // Views are in catalog.json without a last_modified; run_results.json is from `docs generate`, which builds nothing.
    expect(table(catalog, key('silver', 'stg_payments')).last_updated_timestamp).toBeUndefined();
  });
});

describe('dbtCatalog on dbt_hubspot (BigQuery, manifest v4, packages)', () => {
  const result = dbtCatalog(HUBSPOT);
  const { catalog } = result;
  const key = (schema: string, name: string) => `bigquery://dbt-package-testing.${schema}/${name}`;

  it('reads a v4 manifest into records metadata takes', () => {
    expect(result.source).toMatchObject({ manifestVersion: 4, adapter: 'bigquery', dbtVersion: '1.0.0' });
    expect(result.source.project).toBeUndefined();
    expectIngestible(result);
    // 104 models but 4 ephemeral ones, 37 seeds, 52 sources.
    expect(catalog.tables).toHaveLength(100 + 37 + 52);
  });

  it('maps models of both packages with their columns and BigQuery types', () => {
    const companies = table(catalog, key('hubspot_integration_test_hubspot', 'hubspot__companies'));
    expect(companies).toMatchObject({ is_view: false, description: 'Each record represents a company in Hubspot.' });
    expect(companies.columns?.slice(0, 2).map((c) => [c.name, c.col_type, c.sort_order])).toEqual([
      ['company_id', 'INT64', 1],
      ['_fivetran_synced', 'TIMESTAMP', 2],
    ]);
    expect(table(catalog, key('hubspot_integration_test_stg_hubspot', 'stg_hubspot__company_tmp')).is_view).toBe(true);
    const source = table(catalog, key('hubspot', 'company'));
    expect(source.description).toBe('Each record represents a company in Hubspot.');
    expect(source.programmatic_descriptions).toEqual([{ source: 'dbt', text: 'Each record represents a company in Hubspot.' }]);
  });

  it('warns about a source missing from catalog.json and still makes its table from the manifest', () => {
    expect(result.warnings).toContain(
      'source.hubspot_source.hubspot.calendar_event: not in catalog.json (not built when it was written?): columns and types from the manifest only',
    );
    const events = table(catalog, key('hubspot', 'calendar_event'));
    expect(events.is_view).toBeUndefined();
    expect(events.columns?.find((c) => c.name === '_fivetran_synced')).toMatchObject({
      col_type: '',
      description: 'Timestamp of when Fivetran synced a record.',
    });
  });

  it('makes lineage from seeds to sources to marts, each edge once, through ephemeral models', () => {
    const stg = 'hubspot_integration_test_stg_hubspot';
    expect(edges(catalog)).toEqual(
      expect.arrayContaining([
        `${key('hubspot_integration_test', 'company_data')} -> ${key(stg, 'stg_hubspot__company_tmp')}`,
        `${key(stg, 'stg_hubspot__company_tmp')} -> ${key(stg, 'stg_hubspot__company')}`,
        `${key(stg, 'stg_hubspot__company')} -> ${key('hubspot_integration_test_hubspot', 'hubspot__companies')}`,
        // hubspot__deals reads the ephemeral int_hubspot__deals_enhanced, which reads stg_hubspot__deal_pipeline.
        `${key(stg, 'stg_hubspot__deal_pipeline')} -> ${key('hubspot_integration_test_hubspot', 'hubspot__deals')}`,
      ]),
    );
    // stg_hubspot__company lists its _tmp model twice in depends_on.
    expect(new Set(edges(catalog)).size).toBe(catalog.lineage.length);
  });
});

describe('dbtCatalog on dbt-bouncer (DuckDB, manifest v12: versions, contracts, unit tests, exposures)', () => {
  const result = dbtCatalog(BOUNCER, { badgeMetaKeys: ['maturity'] });
  const { catalog } = result;
  const key = (schema: string, name: string) => `duckdb://dbt.${schema}/${name}`;

  it('makes records metadata takes; tests, unit tests and semantic models are no tables', () => {
    expect(result.source).toMatchObject({ manifestVersion: 12, adapter: 'duckdb', project: 'dbt_bouncer_test_project' });
    expectIngestible(result);
    // 39 models but 3 ephemeral ones, 3 seeds, 2 snapshots, 13 sources.
    expect(catalog.tables).toHaveLength(36 + 3 + 2 + 13);
  });

  it('keeps each version of a versioned model as its own table, with the catalog types', () => {
    for (const version of [1, 2, 3]) expect(table(catalog, key('main_marts', `customers_v${version}`)).is_view).toBe(false);
    const v3 = table(catalog, key('main_marts', 'customers_v3'));
    expect(v3.columns?.map((c) => [c.name, c.col_type]).slice(0, 4)).toEqual([
      ['customer_id_pk', 'BIGINT'],
      ['first_name', 'VARCHAR'],
      ['last_name', 'VARCHAR'],
      ['new_column', 'VARCHAR'],
    ]);
    expect(v3.badges).toEqual([{ badge_name: 'maturity:gold', category: 'table' }]);
    const orders = table(catalog, key('main_marts', 'orders'));
    expect(orders.columns?.find((c) => c.name === 'amount')).toMatchObject({
      col_type: 'DOUBLE',
      description: 'Total amount (AUD) of the order',
      badges: [{ badge_name: 'maturity:gold', category: 'column' }],
    });
    expect(table(catalog, key('main_stg_crm', 'stg_orders')).tags).toEqual(['crm']);
  });

  it('takes owners from meta.owner, or from the meta key given', () => {
    expect(table(catalog, key('main', 'raw_orders')).owners).toEqual(['Data Team']);
    expect(table(catalog, key('dummy_source', 'customers')).owners).toEqual(['Chris']);
    const byContact = dbtCatalog(BOUNCER, { ownerMetaKey: 'contact.email' }).catalog;
    expect(table(byContact, key('dummy_source', 'customers')).owners).toEqual(['chris@email.com']);
    expect(table(byContact, key('main', 'raw_orders')).owners).toBeUndefined();
  });

  it("gives a source's description to its schema", () => {
    const customers = table(catalog, key('dummy_source', 'customers'));
    expect(customers.schema_description).toMatch(/^This is a dummy source that is used for testing\./);
    expect(customers.tags).toEqual(['example_tag']);
    expect(table(catalog, key('main_marts', 'orders')).schema_description).toBeUndefined();
  });

  it('warns about models of a package missing from catalog.json, and keeps their documented columns', () => {
    expect(result.warnings).toContain(
      'model.tiktok_ads.tiktok_ads__ad_report: not in catalog.json (not built when it was written?): columns and types from the manifest only',
    );
    const report = table(catalog, key('main_tiktok_ads', 'tiktok_ads__ad_report'));
    expect(report.description).toBe('Each record in this table represents the daily performance of ads at the ad level.');
    expect(report.columns?.slice(0, 2).map((c) => [c.name, c.col_type, c.sort_order])).toEqual([
      ['source_relation', '', 1],
      ['date_day', '', 2],
    ]);
  });

  it('makes lineage through an ephemeral model into snapshots', () => {
    expect(edges(catalog)).toEqual(
      expect.arrayContaining([
        `${key('main', 'raw_orders')} -> ${key('main_dbt_pslattery', 'snapshot_orders')}`,
        `${key('dummy_source', 'customers')} -> ${key('main_stg_crm', 'stg_customers')}`,
        `${key('main_stg_crm', 'stg_orders')} -> ${key('main_marts', 'customers_v3')}`,
      ]),
    );
  });

  it('makes exposures dashboards of product dbt, owned by their owner, reading their tables', () => {
    expect(catalog.dashboards).toEqual([
      {
        product: 'dbt',
        cluster: 'dbt_bouncer_test_project',
        group_name: 'dashboard',
        dashboard_id: 'customers',
        name: 'customers',
        description: 'Finance customers dashboard surfacing customer lifetime value and order metrics.',
        owners: ['anna.anderson@example.com'],
        tables: [key('main_marts', 'customers_v3')],
      },
      expect.objectContaining({
        group_name: 'notebook',
        dashboard_id: 'pulse_queries',
        owners: ['jacky.jackson@example.com'],
        tables: [key('main_marts', 'customers_v3'), key('main_marts', 'orders')],
      }),
    ]);
  });
});
