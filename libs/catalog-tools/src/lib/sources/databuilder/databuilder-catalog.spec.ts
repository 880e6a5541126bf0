import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvError, DatabuilderError, databuilderCatalog, type CatalogFile } from '../../../index';
import { INGEST_SCHEMAS } from '../../record-check';
import {
  airflowApplication,
  badges,
  columnStats,
  dashboardChart,
  dashboardExecution,
  dashboardLastModified,
  dashboardMetadata,
  dashboardQuery,
  dashboardTable,
  description,
  featureGenerationCode,
  featureMetadata,
  featureWatermark,
  FsNeo4jOutput,
  lineage,
  owners,
  resourceReport,
  schemaModel,
  tableLastUpdated,
  tableMetadata,
  tableSource,
  tableStats,
  typeMetadata,
  usage,
  user,
  watermark,
} from './databuilder-output.fixture';

let root: string;
beforeAll(() => (root = mkdtempSync(join(tmpdir(), 'fram-databuilder-'))));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => join(root, `run-${++n}`);

/** Each kind of the catalog passes the schema metadata's `POST /ingest/{kind}` holds it to. */
function expectIngestible(catalog: CatalogFile) {
  for (const [kind, schema] of Object.entries(INGEST_SCHEMAS)) {
    const records = catalog[kind as keyof CatalogFile];
    if (!records) continue;
    const result = schema.safeParse({ [kind]: records });
    expect({ kind, issues: result.error?.issues }).toEqual({ kind, issues: undefined });
  }
}

/** What a Hive + Airflow + Mode + feature-store databuilder run leaves in its folder, model by model. */
function fullRun(extra?: (out: FsNeo4jOutput) => void): string {
  const out = new FsNeo4jOutput();
  const orders = tableMetadata(out, {
    database: 'hive',
    cluster: 'gold',
    schema: 'core',
    name: 'orders',
    description: 'One row per order, with "quotes", commas, and\na second line.',
    tags: ['Finance', 'pii'],
    columns: [
      { name: 'order_id', col_type: 'bigint', sort_order: 0, description: 'The order', badges: ['primary_key'] },
      { name: 'items', col_type: 'array<struct<sku:string,qty:int>>', sort_order: 2 },
      { name: 'amount', col_type: 'decimal(10,2)', sort_order: 1 },
    ],
  });
  const raw = tableMetadata(out, {
    database: 'hive',
    cluster: 'gold',
    schema: 'raw',
    name: 'orders_raw',
    is_view: true,
    columns: [{ name: 'payload', col_type: 'string', sort_order: 0 }],
  });
  // A programmatic description (TableMetadata with description_source) and a schema description (SchemaModel).
  description(out, 'Table', orders, 'Built nightly from raw.orders_raw', 'dbt');
  schemaModel(out, 'hive://gold.core', 'core', 'Curated tables');
  badges(out, 'Table', orders, [{ name: 'gold', category: 'table_status' }]);
  owners(out, 'Table', orders, ['ada@example.com', 'alan@example.com']);
  watermark(out, orders, 'high_watermark', 'ds=2024-06-30', '2024-07-01 02:00:00');
  watermark(out, orders, 'low_watermark', 'ds=2020-01-01', '2020-01-02 02:00:00');
  columnStats(out, `${orders}/amount`, 'max', '9999.5', '1719792000', '1719878400');
  columnStats(out, `${orders}/amount`, 'nulls', '0', '1719792000', '1719878400');
  tableStats(out, orders, 'row_count', '1200');
  tableLastUpdated(out, orders, 1719878400);
  airflowApplication(out, orders, 'gold', 'orders_dag', 'load_orders', true);
  airflowApplication(out, orders, 'gold', 'reports_dag', 'read_orders', false);
  tableSource(out, orders, 'https://github.com/example/etl/blob/main/orders.sql');
  resourceReport(out, orders, 'profile', 'https://reports.example.com/orders.html');
  // items: array<struct<sku:string,qty:int>> as the Hive parser makes it (utils/hive_complex_type_parser.py).
  const items = typeMetadata(
    out,
    { label: 'Column', key: `${orders}/items` },
    { kind: 'array', name: 'items', data_type: 'array<struct<sku:string,qty:int>>' },
  );
  const inner = typeMetadata(
    out,
    { label: 'Type_Metadata', key: items },
    { kind: 'struct', name: '_inner_', data_type: 'struct<sku:string,qty:int>' },
  );
  typeMetadata(
    out,
    { label: 'Type_Metadata', key: inner },
    { kind: 'scalar', name: 'qty', data_type: 'int', sort_order: 1, badges: ['positive'] },
  );
  typeMetadata(
    out,
    { label: 'Type_Metadata', key: inner },
    { kind: 'scalar', name: 'sku', data_type: 'string', sort_order: 0, description: 'Stock unit' },
  );
  lineage(out, 'Table', raw, [orders]);
  lineage(out, 'Column', `${raw}/payload`, [`${orders}/amount`, `${orders}/order_id`]);

  user(out, {
    email: 'ada@example.com',
    first_name: 'Ada',
    last_name: 'Lovelace',
    full_name: 'Ada Lovelace',
    team_name: 'Data',
    manager_email: 'grace@example.com',
    slack_id: 'U01',
  });
  user(out, { email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', full_name: 'Grace Hopper', is_active: false });
  usage(out, 'Table', orders, 'ada@example.com', 42);
  usage(out, 'Table', raw, 'alan@example.com', 3);

  const sales = dashboardMetadata(out, {
    product: 'mode',
    cluster: 'gold',
    group: 'Finance',
    group_id: 'finance',
    name: 'Sales, daily',
    id: 'd1f00',
    description: 'Sales by day',
    group_description: 'Finance dashboards',
    tags: ['kpi'],
    created_timestamp: 1700000000,
    group_url: 'https://app.mode.com/example/spaces/finance',
    url: 'https://app.mode.com/example/reports/d1f00',
  });
  const query = dashboardQuery(out, sales, {
    name: 'Orders by day',
    id: 'q1',
    url: 'https://app.mode.com/example/reports/d1f00/queries/q1',
    query_text: 'SELECT ds, sum(amount) FROM core.orders GROUP BY 1',
  });
  dashboardChart(out, query, { id: 'c1', name: 'Daily sales', type: 'line' });
  dashboardChart(out, query, { id: 'c2' });
  dashboardExecution(out, sales, '_last_execution', 1719900000, 'failed');
  dashboardExecution(out, sales, '_last_successful_execution', 1719800000, 'succeeded');
  dashboardLastModified(out, sales, 1719700000);
  dashboardTable(out, sales, [orders]);
  owners(out, 'Dashboard', sales, ['ada@example.com'], false);
  usage(out, 'Dashboard', sales, 'grace@example.com', 7, false);

  const spend = featureMetadata(out, {
    feature_group: 'customer',
    name: 'total_spend',
    version: '1',
    status: 'active',
    entity: 'customer',
    data_type: 'float',
    availability: ['hive'],
    description: 'Lifetime spend',
    tags: ['money'],
    last_updated_timestamp: 1719000000,
  });
  const avg = featureMetadata(out, { feature_group: 'customer', name: 'avg_order', version: '2' });
  owners(out, 'Feature', spend, ['ada@example.com']);
  featureWatermark(out, spend, 'high_watermark', 1719800000);
  featureGenerationCode(out, spend, 'SELECT customer_id, sum(amount) FROM core.orders GROUP BY 1', 'dbt', 1719800000);
  lineage(out, 'Feature', spend, [avg]);
  usage(out, 'Feature', spend, 'ada@example.com', 5, false);
  extra?.(out);
  return out.save(folder());
}

describe('databuilderCatalog', () => {
  it('reads the files exactly as FsNeo4jCSVLoader writes them (a literal node and relationship file)', () => {
    const dir = folder();
    mkdirSync(join(dir, 'nodes'), { recursive: true });
    mkdirSync(join(dir, 'relationships'), { recursive: true });
    // csv.DictWriter(quoting=QUOTE_NONNUMERIC) of neo4_serializer's dicts: LABEL, KEY, then attributes; bools bare.
    writeFileSync(
      join(dir, 'nodes', 'Table_0.csv'),
      '"LABEL","KEY","name","is_view:UNQUOTED"\r\n"Table","hive://gold.core/orders","orders",False\r\n"Table","hive://gold.core/v_orders","v_orders",True\r\n',
    );
    writeFileSync(
      join(dir, 'nodes', 'Column_1.csv'),
      '"LABEL","KEY","name","col_type","sort_order:UNQUOTED"\r\n"Column","hive://gold.core/orders/id","id","bigint",0\r\n',
    );
    writeFileSync(
      join(dir, 'relationships', 'Table_Column_COLUMN_2.csv'),
      '"START_KEY","START_LABEL","END_KEY","END_LABEL","TYPE","REVERSE_TYPE"\r\n"hive://gold.core/orders","Table","hive://gold.core/orders/id","Column","COLUMN","COLUMN_OF"\r\n',
    );
    const { catalog, warnings, files } = databuilderCatalog(dir);
    expect(files).toBe(3);
    expect(catalog.tables).toEqual([
      {
        database: 'hive',
        cluster: 'gold',
        schema: 'core',
        name: 'orders',
        is_view: false,
        columns: [{ name: 'id', col_type: 'bigint', sort_order: 0 }],
      },
      { database: 'hive', cluster: 'gold', schema: 'core', name: 'v_orders', is_view: true },
    ]);
    expect(warnings).toEqual([]);
    expectIngestible(catalog);
  });

  it('finds columns by name in any order and takes LF line ends (older loaders and hand-made files)', () => {
    const dir = folder();
    mkdirSync(join(dir, 'nodes'), { recursive: true });
    mkdirSync(join(dir, 'relationships'), { recursive: true });
    // Amundsen's own loader test resources (tests/unit/resources/fs_neo4j_csv_loader) put KEY and LABEL last.
    writeFileSync(join(dir, 'nodes', 'Table_0.csv'), '"name","KEY","LABEL"\n"orders","hive://gold.core/orders","Table"\n');
    writeFileSync(join(dir, 'nodes', 'Tag_1.csv'), '"tag_type","KEY","LABEL"\n"default","pii","Tag"\n');
    writeFileSync(
      join(dir, 'relationships', 'Table_Tag_TAGGED_BY_2.csv'),
      '"END_KEY","START_LABEL","END_LABEL","START_KEY","TYPE","REVERSE_TYPE"\n"pii","Table","Tag","hive://gold.core/orders","TAGGED_BY","TAG"\n',
    );
    expect(databuilderCatalog(dir).catalog.tables).toEqual([
      { database: 'hive', cluster: 'gold', schema: 'core', name: 'orders', tags: ['pii'] },
    ]);
  });

  it('makes tables with everything databuilder says of them, which the ingestion API takes', () => {
    const { catalog } = databuilderCatalog(fullRun());
    expectIngestible(catalog);
    const tables = catalog.tables as Record<string, unknown>[];
    expect(tables.map((t) => `${String(t['schema'])}.${String(t['name'])}`)).toEqual(['core.orders', 'raw.orders_raw']);
    const orders = tables[0];
    expect(orders).toEqual({
      database: 'hive',
      cluster: 'gold',
      schema: 'core',
      name: 'orders',
      is_view: false,
      description: 'One row per order, with "quotes", commas, and\na second line.',
      programmatic_descriptions: [{ source: 'dbt', text: 'Built nightly from raw.orders_raw' }],
      schema_description: 'Curated tables',
      columns: [
        {
          name: 'order_id',
          col_type: 'bigint',
          sort_order: 0,
          description: 'The order',
          badges: [{ badge_name: 'primary_key', category: 'column' }],
        },
        {
          name: 'amount',
          col_type: 'decimal(10,2)',
          sort_order: 1,
          stats: [
            { stat_type: 'max', stat_val: '9999.5', start_epoch: 1719792000, end_epoch: 1719878400 },
            { stat_type: 'nulls', stat_val: '0', start_epoch: 1719792000, end_epoch: 1719878400 },
          ],
        },
        {
          name: 'items',
          col_type: 'array<struct<sku:string,qty:int>>',
          sort_order: 2,
          type_metadata: {
            kind: 'array',
            name: 'items',
            data_type: 'array<struct<sku:string,qty:int>>',
            children: [
              {
                kind: 'struct',
                name: '_inner_',
                data_type: 'struct<sku:string,qty:int>',
                children: [
                  { kind: 'scalar', name: 'sku', data_type: 'string', sort_order: 0, description: 'Stock unit' },
                  {
                    kind: 'scalar',
                    name: 'qty',
                    data_type: 'int',
                    sort_order: 1,
                    badges: [{ badge_name: 'positive', category: 'type_metadata' }],
                  },
                ],
              },
            ],
          },
        },
      ],
      tags: ['finance', 'pii'],
      badges: [{ badge_name: 'gold', category: 'table_status' }],
      owners: ['ada@example.com', 'alan@example.com'],
      last_updated_timestamp: 1719878400,
      watermarks: [
        { watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2024-06-30', create_time: '2024-07-01 02:00:00' },
        { watermark_type: 'low_watermark', partition_key: 'ds', partition_value: '2020-01-01', create_time: '2020-01-02 02:00:00' },
      ],
      applications: [
        {
          id: 'orders_dag/load_orders',
          name: 'Airflow',
          kind: 'Producing',
          application_url: 'https://airflow.example.com/admin/airflow/tree?dag_id=orders_dag',
          description: 'Airflow with id orders_dag/load_orders',
        },
        {
          id: 'reports_dag/read_orders',
          name: 'Airflow',
          kind: 'Consuming',
          application_url: 'https://airflow.example.com/admin/airflow/tree?dag_id=reports_dag',
          description: 'Airflow with id reports_dag/read_orders',
        },
      ],
      source: { source_type: 'github', source: 'https://github.com/example/etl/blob/main/orders.sql' },
      resource_reports: [{ name: 'profile', url: 'https://reports.example.com/orders.html' }],
    });
    expect(tables[1]).toEqual({
      database: 'hive',
      cluster: 'gold',
      schema: 'raw',
      name: 'orders_raw',
      is_view: true,
      columns: [{ name: 'payload', col_type: 'string', sort_order: 0 }],
    });
  });

  it('makes lineage, users, reads, dashboards and features', () => {
    const { catalog } = databuilderCatalog(fullRun());
    expect(catalog.lineage).toEqual([{ upstream: 'hive://gold.raw/orders_raw', downstream: 'hive://gold.core/orders' }]);
    expect(catalog.column_lineage).toEqual([
      { upstream: 'hive://gold.raw/orders_raw/payload', downstream: 'hive://gold.core/orders/amount' },
      { upstream: 'hive://gold.raw/orders_raw/payload', downstream: 'hive://gold.core/orders/order_id' },
    ]);
    // Users the User model wrote; owners' and readers' email-only nodes make no record of their own.
    expect(catalog.users).toEqual([
      {
        email: 'ada@example.com',
        first_name: 'Ada',
        last_name: 'Lovelace',
        full_name: 'Ada Lovelace',
        team_name: 'Data',
        slack_id: 'U01',
        is_active: true,
        manager_email: 'grace@example.com',
      },
      { email: 'grace@example.com', first_name: 'Grace', last_name: 'Hopper', full_name: 'Grace Hopper', is_active: false },
    ]);
    expect(catalog.reads).toEqual([
      { user: 'grace@example.com', dashboard_key: 'mode_dashboard://gold.finance/d1f00', read_count: 7 },
      { user: 'ada@example.com', table_key: 'hive://gold.core/orders', read_count: 42 },
      { user: 'alan@example.com', table_key: 'hive://gold.raw/orders_raw', read_count: 3 },
    ]);
    expect(catalog.dashboards).toEqual([
      {
        product: 'mode',
        cluster: 'gold',
        dashboard_group_id: 'finance',
        group_name: 'Finance',
        group_url: 'https://app.mode.com/example/spaces/finance',
        group_description: 'Finance dashboards',
        dashboard_id: 'd1f00',
        name: 'Sales, daily',
        url: 'https://app.mode.com/example/reports/d1f00',
        description: 'Sales by day',
        created_timestamp: 1700000000,
        updated_timestamp: 1719700000,
        last_run_timestamp: 1719900000,
        last_run_state: 'failed',
        last_successful_run_timestamp: 1719800000,
        queries: [
          {
            id: 'q1',
            name: 'Orders by day',
            url: 'https://app.mode.com/example/reports/d1f00/queries/q1',
            query_text: 'SELECT ds, sum(amount) FROM core.orders GROUP BY 1',
            chart_names: ['Daily sales', 'c2'],
          },
        ],
        tables: ['hive://gold.core/orders'],
        owners: ['ada@example.com'],
        tags: ['kpi'],
      },
    ]);
    expect(catalog.features).toEqual([
      { feature_group: 'customer', name: 'avg_order', version: '2' },
      {
        feature_group: 'customer',
        name: 'total_spend',
        version: '1',
        status: 'active',
        entity: 'customer',
        data_type: 'float',
        last_updated_timestamp: 1719000000,
        description: 'Lifetime spend',
        availability: ['hive'],
        tags: ['money'],
        owners: ['ada@example.com'],
        watermarks: [{ watermark_type: 'high_watermark', time: 1719800000 }],
        generation_code: {
          text: 'SELECT customer_id, sum(amount) FROM core.orders GROUP BY 1',
          source: 'dbt',
          last_executed_timestamp: 1719800000,
        },
      },
    ]);
    expect(catalog.feature_lineage).toEqual([{ upstream: 'customer/total_spend/1', downstream: 'customer/avg_order/2' }]);
  });

  it('counts what Fram does not model by label or relationship type instead of failing', () => {
    const dir = fullRun((out) => {
      // Query metadata (models/query/query_join.py) and a label no databuilder model writes.
      for (let i = 0; i < 3; i++)
        out.node('Join', `inner-hive://gold.core/orders/order_id-=-hive://gold.raw/orders_raw/payload-${i}`, { join_type: 'inner' });
      out.node('Alien', 'x1', { name: 'x' }).node('Alien', 'x2', { name: 'y' });
      out.relation('Alien', 'x1', 'Table', 'hive://gold.core/orders', 'PROBES', 'PROBED_BY');
      // A watermark of a table these files do not hold (a watermark job run alone).
      watermark(out, 'hive://gold.core/elsewhere', 'high_watermark', 'ds=2024-01-01', '2024-01-02');
      // What Fram has no place for on columns and dashboards, and a badge written without its node.
      description(out, 'Column', 'hive://gold.core/orders/amount', 'Sum of the lines', 'dbt');
      badges(out, 'Dashboard', 'mode_dashboard://gold.finance/d1f00', [{ name: 'certified', category: 'dashboard_status' }]);
      out.relation('Table', 'hive://gold.raw/orders_raw', 'Badge', 'bronze', 'HAS_BADGE', 'BADGE_FOR');
    });
    const { catalog, warnings } = databuilderCatalog(dir);
    expect(catalog.tables).toHaveLength(2);
    expect(warnings.map((w) => w.message)).toEqual([
      '2 Alien nodes: a label Fram does not know; not imported',
      '1 Alien-PROBES->Table relationships: a relationship Fram does not import',
      '1 Column programmatic descriptions: Fram keeps programmatic descriptions on tables only',
      '1 Dashboard-HAS_BADGE->Badge relationships: dashboard badges: Fram dashboards have no badges',
      '1 Feature-READ_BY->User relationships: reads of features: Fram records reads of tables and dashboards only',
      '3 Join nodes: query joins (databuilder models/query/query_join.py): Fram does not model query metadata',
      '1 Stat-STAT_OF->Table relationships: table-level statistics (TableStats): Fram keeps statistics on columns only',
      '1 Table-HAS_BADGE->Badge relationships: name a Badge that is not in these files',
      '1 Watermark-BELONG_TO_TABLE->Table relationships: name a Table that is not in these files (Fram imports what belongs to a resource with the resource)',
    ]);
    expect(warnings[1]).toEqual({
      what: 'Alien-PROBES->Table relationships',
      count: 1,
      reason: 'a relationship Fram does not import',
      message: '1 Alien-PROBES->Table relationships: a relationship Fram does not import',
    });
  });

  it('gives a table written twice once, and says why a schema description with no table of its own is left', () => {
    const out = new FsNeo4jOutput();
    const spec = {
      database: 'pg',
      cluster: 'main',
      schema: 'public',
      name: 'users',
      tags: ['core'],
      columns: [{ name: 'id', col_type: 'int', sort_order: 0 }],
    };
    const key = tableMetadata(out, spec);
    tableMetadata(out, spec);
    owners(out, 'Table', key, ['ada@example.com']);
    owners(out, 'Table', key, ['ada@example.com']);
    schemaModel(out, 'pg://main.empty', 'empty', 'A schema with no table here');
    const { catalog, warnings } = databuilderCatalog(out.save(folder()));
    expect(catalog.tables).toEqual([{ ...spec, is_view: false, tags: ['core'], owners: ['ada@example.com'] }]);
    expectIngestible(catalog);
    expect(warnings.map((w) => w.message)).toEqual([
      "1 Schema-DESCRIPTION->Description relationships: descriptions of schemas with no table in these files: Fram takes a schema's description with its tables",
    ]);
  });

  it('names the file and line of a malformed CSV file', () => {
    const dir = folder();
    mkdirSync(join(dir, 'nodes'), { recursive: true });
    const file = join(dir, 'nodes', 'Table_0.csv');
    writeFileSync(file, '"LABEL","KEY","name"\r\n"Table","hive://gold.core/a","a"\r\n"Table","hive://gold.core/b","b\r\n');
    expect(() => databuilderCatalog(dir)).toThrow(CsvError);
    expect(() => databuilderCatalog(dir)).toThrow(`${file}:3: a quoted field is not closed before the end of the file`);
    writeFileSync(file, '"LABEL","KEY","name"\r\n"Table","hive://gold.core/a","a"\r\n"Table","hive://gold.core/b"\r\n');
    expect(() => databuilderCatalog(dir)).toThrow(`${file}:3: 2 fields where the header has 3`);
    writeFileSync(file, '"LABEL","name"\r\n"Table","a"\r\n');
    expect(() => databuilderCatalog(dir)).toThrow(`${file}:1: the header lacks KEY (it has LABEL, name)`);
    writeFileSync(file, '"LABEL","KEY","sort_order:UNQUOTED"\r\n"Column","hive://gold.core/a/x",first\r\n');
    expect(() => databuilderCatalog(dir)).toThrow(`${file}:2: sort_order:UNQUOTED is not a number or a boolean: "first"`);
  });

  it('names the file a file-system failure is about, as a DatabuilderError (here a link to nothing)', () => {
    const dir = folder();
    mkdirSync(join(dir, 'nodes'), { recursive: true });
    const file = join(dir, 'nodes', 'Table_0.csv');
    symlinkSync(join(dir, 'gone.csv'), file);
    expect(() => databuilderCatalog(dir)).toThrow(DatabuilderError);
    expect(() => databuilderCatalog(dir)).toThrow(`cannot read ${file}: ENOENT: no such file or directory`);
  });

  it('refuses a folder with neither nodes/ nor relationships/, and takes one with only relationships', () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    expect(() => databuilderCatalog(dir)).toThrow(DatabuilderError);
    expect(() => databuilderCatalog(dir)).toThrow(/has no nodes\/ or relationships\/ folder/);
    // A lineage job's output: relationships only.
    mkdirSync(join(dir, 'relationships'));
    writeFileSync(
      join(dir, 'relationships', 'Table_Table_HAS_DOWNSTREAM_0.csv'),
      '"START_KEY","START_LABEL","END_KEY","END_LABEL","TYPE","REVERSE_TYPE"\r\n"hive://gold.a/x","Table","hive://gold.a/y","Table","HAS_DOWNSTREAM","HAS_UPSTREAM"\r\n',
    );
    // The same edge seen from its downstream end (HAS_UPSTREAM), as a hand-made file may have it.
    writeFileSync(
      join(dir, 'relationships', 'Table_Table_HAS_UPSTREAM_1.csv'),
      '"START_KEY","START_LABEL","END_KEY","END_LABEL","TYPE","REVERSE_TYPE"\r\n"hive://gold.a/z","Table","hive://gold.a/y","Table","HAS_UPSTREAM","HAS_DOWNSTREAM"\r\n',
    );
    expect(databuilderCatalog(dir)).toEqual({
      catalog: {
        lineage: [
          { upstream: 'hive://gold.a/x', downstream: 'hive://gold.a/y' },
          { upstream: 'hive://gold.a/y', downstream: 'hive://gold.a/z' },
        ],
      },
      warnings: [],
      files: 2,
    });
  });
});
