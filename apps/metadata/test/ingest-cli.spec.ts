import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleScript, runNode, workspaceRoot, type DevIdp } from '@fram/testing';
import { startIngestCliStack, type IngestCliStack } from './ingest-cli-stack';

const root = workspaceRoot();

interface Owned {
  owners?: string[];
}
/** data/sample-catalog.json, as far as these tests read it. */
interface SampleCatalog {
  users: { email: string }[];
  tables: (Owned & {
    database: string;
    cluster: string;
    schema: string;
    name: string;
    columns?: { name: string; stats?: unknown[]; type_metadata?: { kind: string } }[];
    watermarks?: unknown[];
    programmatic_descriptions?: unknown[];
    applications?: { kind: string }[];
  })[];
  dashboards: (Owned & { tables?: string[]; queries?: unknown[]; last_run_state?: string })[];
  features: (Owned & { feature_group: string; name: string; version: string })[];
  lineage: { upstream: string; downstream: string }[];
  column_lineage: { upstream: string; downstream: string }[];
  feature_lineage: { upstream: string; downstream: string }[];
  reads: { user: string }[];
}

/** `npm run ingest -- FILE` against a running metadata service, with a client_credentials token from dev-idp. */
describe('the ingest command', () => {
  let stack: IngestCliStack;
  let idp: DevIdp;

  beforeAll(async () => {
    stack = await startIngestCliStack();
    idp = stack.idp;
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const run = (file: string, env: Record<string, string> = {}) => stack.run([file], env);
  const get = async <T>(path: string) => {
    const response = await stack.get(path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.json<T>();
  };
  /** The audit's newest entries, oldest first. */
  const auditTail = async (limit: number) =>
    (await get<{ entries: { id: number; action: string; detail: { count?: number } }[] }>(`/audit?limit=${limit}`)).entries.reverse();

  it('loads the sample catalog, every kind of it, showing progress in plain lines', async () => {
    const { code, output } = await run(join(root, 'data', 'sample-catalog.json'));
    // Not a terminal (a pipe, as under a scheduler): plain lines, the last of each kind saying it is done.
    expect(output).toMatch(/^tables: 59\/59 \(100%\), [\d,]+\/s, done$/m);
    expect(output).toMatch(/^feature_lineage: 7\/7 \(100%\), [\d,]+\/s, done$/m);
    expect(output).not.toContain('\r');
    expect(output).toMatch(
      new RegExp(
        'Ingested 15 users, 59 tables, 8 dashboards, 8 features, 50 lineage edges, 35 column lineage edges, 7 feature lineage edges ' +
          'and 220 reads into http://127\\.0\\.0\\.1:\\d+ in [\\d.]+ s',
      ),
    );
    expect(code).toBe(0);
    const stats = await get<{ Statistics: Record<string, number> }>('/system/statistics');
    expect(stats.Statistics['number_of_tables']).toBe(59);
    const orders = await get<Record<string, unknown>>('/table/hive://gold.core/orders');
    expect(orders).toMatchObject({
      owners: [expect.anything(), expect.anything()],
      watermarks: [
        { watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2025-11-21' },
        { watermark_type: 'low_watermark', partition_key: 'ds', partition_value: '2021-03-01' },
      ],
      programmatic_descriptions: [{ source: 'quality_checks' }, { source: 'storage' }],
      table_writer: { id: 'orders_etl/load_orders', name: 'Airflow', kind: 'Producing' },
      resource_reports: [{ name: 'Data quality' }],
    });
    const amount = (orders['columns'] as { name: string; stats: { stat_type: string }[] }[]).find((c) => c.name === 'amount');
    expect(amount?.stats.map((s) => s.stat_type)).toEqual(expect.arrayContaining(['min', 'max', 'avg', 'num nulls']));
    const sessions = await get<{ columns: { name: string; type_metadata: unknown }[] }>('/table/bigquery://prod.analytics/sessions');
    expect(sessions.columns.find((c) => c.name === 'device')?.type_metadata).toMatchObject({
      kind: 'struct',
      children: [{ name: 'category' }, { name: 'operating_system' }, { name: 'browser' }],
    });
    const lineage = await get<{ upstream_entities: unknown[] }>(
      '/table/bigquery://prod.analytics/daily_revenue/lineage?direction=upstream&depth=3',
    );
    expect(lineage.upstream_entities.length).toBeGreaterThan(5);
    const columnLineage = await get<{ upstream_entities: { key: string }[] }>(
      '/table/bigquery://prod.analytics/daily_revenue/column/net_revenue_eur/lineage?direction=upstream&depth=2',
    );
    expect(columnLineage.upstream_entities.map((e) => e.key)).toEqual(
      expect.arrayContaining(['bigquery://prod.analytics/orders_enriched/amount_eur', 'hive://gold.core/orders/amount']),
    );
    const churn = 'customer_risk/churn_probability/3';
    expect(await get(`/feature/${churn}`)).toMatchObject({
      feature_group: 'customer_risk',
      status: 'active',
      availability: ['bigquery'],
      owners: [expect.objectContaining({ email: 'margaret@example.com' })],
      tags: expect.arrayContaining([{ tag_name: 'ml', tag_type: 'default' }]),
      watermarks: [{ watermark_type: 'high_watermark' }, { watermark_type: 'low_watermark' }],
    });
    expect(await get(`/feature/${churn}/generation_code`)).toMatchObject({ text: expect.stringContaining('churn_model_v3') });
    const featureLineage = await get<{ upstream_entities: { key: string }[] }>(`/feature/${churn}/lineage?direction=upstream`);
    expect(featureLineage.upstream_entities.map((e) => e.key).sort()).toEqual([
      'customer_activity/days_since_last_order/1',
      'customer_activity/open_tickets/1',
      'customer_activity/orders_90d/1',
      'customer_activity/sessions_30d/2',
    ]);
    expect(await get('/dashboard/looker_dashboard://prod.product/experiments')).toMatchObject({
      last_run_state: 'failed',
      queries: [{ name: 'Conversion by variant', query_text: expect.stringContaining('ab_test_results') }],
      chart_names: ['Conversion by variant'],
    });
    const popular = await get<{ Table: unknown[]; Dashboard: unknown[] }>('/popular_resources/?types=table,dashboard');
    expect(popular).toMatchObject({
      Table: expect.arrayContaining([expect.anything()]),
      Dashboard: expect.arrayContaining([expect.anything()]),
    });
  });

  it('sends the kinds in the order they depend on each other, in batches, whatever the order in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fram-ingest-order-'));
    const table = { database: 'hive', cluster: 'test', schema: 'order', name: 't', columns: [{ name: 'c', col_type: 'int' }] };
    const features = Array.from({ length: 501 }, (_, i) => ({ feature_group: 'order_test', name: `f${i}`, version: '1' }));
    // Written backwards: the client sends them in dependency order anyway.
    const file = {
      reads: [{ user: 'ada@example.com', table_key: 'hive://test.order/t', read_count: 1 }],
      feature_lineage: [{ upstream: 'order_test/f0/1', downstream: 'order_test/f1/1' }],
      column_lineage: [{ upstream: 'hive://test.order/t/c', downstream: 'hive://test.order/u/c' }],
      lineage: [{ upstream: 'hive://test.order/t', downstream: 'hive://test.order/u' }],
      features,
      dashboards: [{ product: 'mode', cluster: 'test', group_name: 'order', name: 'd', tables: ['hive://test.order/t'] }],
      tables: [table, { ...table, name: 'u' }],
      users: [{ email: 'ingest-order@example.com', first_name: 'Ingest', last_name: 'Order' }],
    };
    writeFileSync(join(dir, 'all.json'), JSON.stringify(file));
    const { code, output } = await run(join(dir, 'all.json'));
    expect(output).toMatch(
      /Ingested 1 users, 2 tables, 1 dashboards, 501 features, 1 lineage edges, 1 column lineage edges, 1 feature lineage edges and 1 reads into/,
    );
    expect(code).toBe(0);
    expect(output).toContain('500/501');
    const ingested = (await auditTail(20)).filter((e) => e.action === 'upsert_user' || e.action.startsWith('ingest_')).slice(-9);
    expect(ingested.map((e) => [e.action, e.detail.count])).toEqual([
      ['upsert_user', undefined],
      ['ingest_tables', 2],
      ['ingest_dashboards', 1],
      ['ingest_features', 500],
      ['ingest_features', 1],
      ['ingest_lineage', 1],
      ['ingest_column_lineage', 1],
      ['ingest_feature_lineage', 1],
      ['ingest_reads', 1],
    ]);
    const lineage = await get<{ downstream_entities: { key: string }[] }>('/feature/order_test/f0/1/lineage?direction=downstream');
    expect(lineage.downstream_entities.map((e) => e.key)).toEqual(['order_test/f1/1']);
  });

  it('loads what `npm run generate-catalog` writes, features included', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'fram-generated-')), 'catalog.json');
    const generator = bundleScript('apps/metadata/src/cli/generate-catalog.main.ts');
    const generated = await runNode(generator, {}, 30_000, [
      '--tables',
      '30',
      '--users',
      '5',
      '--features',
      '25',
      '--seed',
      '9',
      '--out',
      out,
    ]);
    const reads = /Wrote 30 tables, 5 users, (\d+) reads and 25 features \(30 table keys\) to /.exec(generated.output)?.[1];
    expect(reads).toBeDefined();
    const { code, output } = await run(out);
    expect(output).toContain(`Ingested 5 users, 30 tables, 25 features, 23 feature lineage edges and ${reads} reads into`);
    expect(code).toBe(0);
  });

  it('refuses a file with a key it does not know, sending nothing, so that a typo drops no data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fram-ingest-keys-'));
    const before = (await auditTail(1))[0]?.id;
    writeFileSync(
      join(dir, 'typo.json'),
      JSON.stringify({
        users: [{ email: 'typo@example.com' }],
        featurs: [{ feature_group: 'g', name: 'n', version: '1' }],
        columnLineage: [],
        dashbaords: [],
        charts: [],
      }),
    );
    const typo = await run(join(dir, 'typo.json'));
    expect(typo.code).toBe(2); // nothing sent
    expect(typo.output).toContain(
      `${join(dir, 'typo.json')}: unknown keys "featurs" (did you mean "features"?), "columnLineage" (did you mean "column_lineage"?), ` +
        '"dashbaords" (did you mean "dashboards"?), "charts"; ' +
        'a catalog file holds users, tables, dashboards, features, lineage, column_lineage, feature_lineage, reads',
    );
    expect((await auditTail(1))[0]?.id).toBe(before);
  });

  it('is idempotent: loading the same file again changes nothing', async () => {
    const answers = () =>
      Promise.all(
        [
          '/system/statistics',
          '/table/hive://gold.core/orders',
          '/table/bigquery://prod.analytics/customer_360',
          '/table/bigquery://prod.analytics/daily_revenue/column/net_revenue_eur/lineage?depth=3',
          '/feature/customer_risk/clv_12m_eur/1',
          '/feature/customer_risk/churn_probability/3/lineage?depth=3',
          '/dashboard/mode_dashboard://prod.executive/company_kpis',
        ].map((path) => get(path)),
      );
    const before = await answers();
    const { code } = await run(join(root, 'data', 'sample-catalog.json'));
    expect(code).toBe(0);
    expect(await answers()).toEqual(before);
  });

  it('says what is wrong with a bad file (exit 2: nothing sent), leaves out a bad record, and stops on a refused batch (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fram-ingest-file-'));
    writeFileSync(join(dir, 'broken.json'), '{"tables": [');
    const broken = await run(join(dir, 'broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.output).toContain('Cannot read');
    const table = (name: string, schema_description: string) => ({
      database: 'hive',
      cluster: 'gold',
      schema: 'odd',
      name,
      schema_description,
    });
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ tables: [{ database: 'hive', cluster: 'gold', name: 'x' }, table('kept', 'Odd')] }),
    );
    const bad = await run(join(dir, 'bad.json'));
    expect(bad.output).toContain('tables[0]: left out: Fram would refuse it: schema: ');
    expect(bad.output).toMatch(/Ingested 1 tables into/);
    expect(bad.code).toBe(0);
    // Records that each pass but not together (one schema described two ways) are the service's to refuse.
    writeFileSync(join(dir, 'conflict.json'), JSON.stringify({ tables: [table('a', 'One way'), table('b', 'Another')] }));
    const conflict = await run(join(dir, 'conflict.json'));
    expect(conflict.code).toBe(1);
    expect(conflict.output).toContain('tables 1-2: 400 Invalid ingestion body: ');
    const inRun = await stack.run([join(dir, 'conflict.json'), '--source', 'files:conflict']);
    expect(inRun.output).toContain('Nothing removed: the run of files:conflict is left unfinished.');
    expect(inRun.code).toBe(1);
  });

  it('sends a file as a named source with --source: a run again without a table removes it, a dry run first says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fram-ingest-source-'));
    const table = (name: string) => ({ database: 'hive', cluster: 'files', schema: 'core', name });
    writeFileSync(join(dir, 'all.json'), JSON.stringify({ tables: ['a', 'b', 'c'].map(table) }));
    writeFileSync(join(dir, 'fewer.json'), JSON.stringify({ tables: ['a', 'b'].map(table) }));
    const plain = await stack.run([join(dir, 'all.json'), '--dry-run']);
    expect(plain.output).toContain('Dry run: would send 3 tables; nothing sent');
    expect(plain.output).not.toContain('Compared with');
    const first = await stack.run([join(dir, 'all.json'), '--source', 'files:core']);
    expect(first.output).toMatch(/Ingested 3 tables into \S+ in [\d.]+ s; removed nothing: everything files:core held is still in it/);
    // Without --source, a file only adds and updates.
    const partial = await stack.run([join(dir, 'fewer.json')]);
    expect(partial.output).toMatch(/Ingested 2 tables into \S+ in [\d.]+ s$/m);
    const dry = await stack.run([join(dir, 'fewer.json'), '--source', 'files:core', '--dry-run']);
    expect(dry.output).toContain('  tables: would add 0, change 0, leave 2 unchanged, remove 1');
    expect(dry.output).toContain('    remove hive://files.core/c');
    const kept = await stack.run([join(dir, 'fewer.json'), '--source', 'files:core', '--keep-missing']);
    expect(kept.output).toContain('; nothing removed from files:core (--keep-missing)');
    expect((await stack.get('/table/hive://files.core/c')).status).toBe(200);
    const second = await stack.run([join(dir, 'fewer.json'), '--source', 'files:core']);
    expect(second.output).toContain('; removed 1 table no longer in files:core');
    expect(second.code).toBe(0);
    expect((await stack.get('/table/hive://files.core/c')).status).toBe(404);
    expect((await stack.get('/table/hive://files.core/a')).status).toBe(200);
  });

  it('stops with a clear message when the client may not ingest', async () => {
    const noScope = await run(join(root, 'data', 'sample-catalog.json'), {
      INGEST_CLIENT_ID: 'fram-metadata',
      INGEST_CLIENT_SECRET: 'fram-metadata-dev-secret',
    });
    expect(noScope.code).toBe(1);
    expect(noScope.output).toContain(`No token for fram-metadata from ${idp.issuer}: the token endpoint refused it (invalid_scope`);
    const reader = await idp.clientToken('fram-metadata', 'fram-metadata-dev-secret', 'read:data');
    const refused = await run(join(root, 'data', 'sample-catalog.json'), { TOKEN: reader });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('users 1-15: 403 This request needs the "admin" role');
  });

  it('ships a sample catalog of realistic size', () => {
    const sample = JSON.parse(readFileSync(join(root, 'data', 'sample-catalog.json'), 'utf8')) as {
      users: unknown[];
      tables: { database: string }[];
    };
    expect(sample.users.length).toBeGreaterThanOrEqual(15);
    expect(sample.tables.length).toBeGreaterThanOrEqual(55);
    expect(new Set(sample.tables.map((t) => t.database)).size).toBeGreaterThanOrEqual(3);
  });

  it('ships a sample catalog whose records name only its own people, tables, columns and features', () => {
    const sample = JSON.parse(readFileSync(join(root, 'data', 'sample-catalog.json'), 'utf8')) as SampleCatalog;
    const people = new Set(sample.users.map((u) => u.email));
    const tables = new Map(sample.tables.map((t) => [`${t.database}://${t.cluster}.${t.schema}/${t.name}`, t]));
    const columns = new Set([...tables].flatMap(([key, t]) => (t.columns ?? []).map((c) => `${key}/${c.name}`)));
    const features = new Set(sample.features.map((f) => `${f.feature_group}/${f.name}/${f.version}`));
    const tableEdges = new Set(sample.lineage.map((e) => `${e.upstream} ${e.downstream}`));
    const strays = [
      ...[...sample.tables, ...sample.dashboards, ...sample.features].flatMap((r) => r.owners ?? []).filter((o) => !people.has(o)),
      ...sample.reads.map((r) => r.user).filter((u) => !people.has(u)),
      ...sample.dashboards.flatMap((d) => d.tables ?? []).filter((t) => !tables.has(t)),
      ...sample.lineage.flatMap((e) => [e.upstream, e.downstream]).filter((t) => !tables.has(t)),
      ...sample.column_lineage.flatMap((e) => [e.upstream, e.downstream]).filter((c) => !columns.has(c)),
      ...sample.feature_lineage.flatMap((e) => [e.upstream, e.downstream]).filter((f) => !features.has(f)),
      // A column feeds another only where its table feeds the other's.
      ...sample.column_lineage
        .map((e) => `${e.upstream.split('/').slice(0, 4).join('/')} ${e.downstream.split('/').slice(0, 4).join('/')}`)
        .filter((edge) => !tableEdges.has(edge)),
    ];
    expect(strays).toEqual([]);
    // Every kind the ingestion API takes has realistic content.
    expect(new Set(sample.features.map((f) => f.feature_group)).size).toBe(2);
    for (const f of sample.features) {
      expect({ key: `${f.feature_group}/${f.name}/${f.version}`, ...f }).toMatchObject({
        description: expect.any(String),
        tags: expect.arrayContaining(['ml']),
        owners: expect.arrayContaining([expect.any(String)]),
        generation_code: { text: expect.any(String) },
        watermarks: [{ watermark_type: 'low_watermark' }, { watermark_type: 'high_watermark' }],
      });
    }
    const nested = sample.tables.flatMap((t) => (t.columns ?? []).flatMap((c) => c.type_metadata?.kind ?? []));
    expect(nested.sort()).toEqual(['array', 'struct']);
    expect(sample.tables.filter((t) => t.watermarks).length).toBeGreaterThanOrEqual(5);
    expect(sample.tables.filter((t) => t.programmatic_descriptions).length).toBeGreaterThanOrEqual(2);
    expect(sample.tables.flatMap((t) => t.columns ?? []).filter((c) => c.stats).length).toBeGreaterThanOrEqual(4);
    expect(sample.tables.flatMap((t) => t.applications ?? []).filter((a) => a.kind === 'Producing').length).toBeGreaterThanOrEqual(1);
    expect(sample.dashboards.filter((d) => d.queries).length).toBeGreaterThanOrEqual(4);
    expect(sample.dashboards.filter((d) => d.last_run_state).length).toBeGreaterThanOrEqual(4);
  });
});
