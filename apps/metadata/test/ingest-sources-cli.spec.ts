import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { workspaceRoot } from '@fram/testing';
import { startIngestCliStack, type IngestCliStack } from './ingest-cli-stack';

/** A real dbt project's artifacts (manifest v12, Snowflake, meta owners), read in place: ../shared/fixtures/README.md. */
const SHOPVERSE = join(workspaceRoot(), '..', 'shared', 'fixtures', 'dbt', 'AvinashAnalytics__shopverse-dbt-snowflake-pipeline');
const shopverse = (schema: string, name: string) => `snowflake://shopverse_analytics.${schema}/${name}`;

/** `npm run ingest -- dbt DIR` and `-- databuilder DIR`: the sources, against a running metadata service. */
describe('the ingest command with a source', () => {
  let stack: IngestCliStack;

  beforeAll(async () => {
    stack = await startIngestCliStack();
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const run = (args: string[]) => stack.run(args);
  const get = (path: string) => stack.get(path);
  const newestAudit = async () => (await get('/audit?limit=1')).json<{ entries: { id: number }[] }>().entries[0]?.id ?? 0;

  it('prints the usage of each source, and exits 2 on a wrong command line without sending anything', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.output).toContain('usage: npm run ingest -- FILE | dbt TARGET_DIR | databuilder DIR | postgres URL | mysql URL [options]');
    expect(help.output).toContain('Exit codes: 0 done; 1 failed while sending');
    const dbtHelp = await run(['dbt', '--help']);
    expect(dbtHelp.code).toBe(0);
    expect(dbtHelp.output).toContain('usage: npm run ingest -- dbt TARGET_DIR [options]');
    expect(dbtHelp.output).toContain('--owner-meta-key KEY');
    for (const option of [
      '--source NAME',
      'default: dbt:PROJECT,',
      "the manifest's project name",
      '--keep-missing',
      '--max-removal PERCENT',
      '--dry-run',
    ])
      expect(dbtHelp.output).toContain(option);
    expect((await run(['databuilder', '--help'])).output).toContain('FsNeo4jCSVLoader');

    const before = await newestAudit();
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.output).toContain('usage: npm run ingest --');
    const unknown = await run(['dbt', SHOPVERSE, '--owner', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("Unknown option '--owner'");
    const noDir = await run(['dbt']);
    expect(noDir.code).toBe(2);
    expect(noDir.output).toContain('no TARGET_DIR given');
    const missing = await run(['dbt', join(tmpdir(), 'no-such-dbt-target')]);
    expect(missing.code).toBe(2);
    expect(missing.output).toContain('ingest: nothing sent:');
    expect(await newestAudit()).toBe(before);
  });

  it('a dry run reads and checks the dbt project and says what it would send, sending nothing', async () => {
    const before = await newestAudit();
    const { code, output } = await run(['dbt', SHOPVERSE, '--dry-run', '--badge-meta-keys', 'sensitivity']);
    expect(output).toContain('Read dbt manifest v12 (dbt 1.10.3, snowflake)');
    expect(output).toMatch(/\d+ warnings? \(not imported or incomplete\):/);
    expect(output).toMatch(/Dry run: would send 16 tables, 0 dashboards and 20 lineage edges; nothing sent/);
    expect(output).toContain('Compared with what Fram holds of dbt:shopverse_analytics:');
    expect(output).toContain('  tables: would add 16, change 0, leave 0 unchanged, remove 0');
    expect(output).toContain(`    add    ${shopverse('silver', 'stg_payments')}`);
    expect(code).toBe(0);
    expect(await newestAudit()).toBe(before);
    expect((await get(`/table/${shopverse('silver', 'stg_payments')}`)).status).toBe(404);

    // Comparing needs the service: without it, the dry run says so and fails, after saying what it would send.
    const away = await stack.run(['dbt', SHOPVERSE, '--dry-run'], { METADATA_URL: 'http://127.0.0.1:1' });
    expect(away.output).toContain('Dry run: would send 16 tables');
    expect(away.output).toContain(
      'ingest: dry run: cannot compare with what Fram holds of dbt:shopverse_analytics: cannot reach http://127.0.0.1:1/ingest/records?',
    );
    expect(away.code).toBe(1);
  });

  it('imports a real dbt project: tables with columns and types, owners, badges, lineage through ephemeral models', async () => {
    const { code, output } = await run(['dbt', SHOPVERSE, '--badge-meta-keys', 'sensitivity']);
    expect(output).toMatch(/Ingested 16 tables, 0 dashboards and 20 lineage edges into http:\/\/127\.0\.0\.1:\d+ in [\d.]+ s/);
    expect(output).toContain('Read dbt manifest v12 (dbt 1.10.3, snowflake) in ');
    expect(output).toContain(' as dbt:shopverse_analytics');
    expect(code).toBe(0);
    const payments = (await get(`/table/${shopverse('silver', 'stg_payments')}`)).json<Record<string, unknown>>();
    expect(payments).toMatchObject({
      is_view: true,
      owners: [expect.objectContaining({ user_id: 'finance_team' })],
      badges: [{ badge_name: 'sensitivity:high', category: 'table' }],
      programmatic_descriptions: [expect.objectContaining({ source: 'dbt' })],
    });
    expect((payments['columns'] as { name: string; col_type: string }[]).slice(0, 2)).toEqual([
      expect.objectContaining({ name: 'payment_id', col_type: 'TEXT' }),
      expect.objectContaining({ name: 'order_id', col_type: 'TEXT' }),
    ]);
    const upstream = await get(`/table/${shopverse('gold', 'country_profit_summary')}/lineage?direction=upstream&depth=1`);
    const lineage = upstream.json<{ upstream_entities: { key: string }[] }>();
    expect(lineage.upstream_entities.map((e) => e.key)).toEqual(
      expect.arrayContaining([shopverse('silver', 'stg_orders'), shopverse('silver', 'stg_payments')]),
    );
  });

  it('a run again changes and removes nothing, and its dry run says everything is unchanged', async () => {
    const dry = await run(['dbt', SHOPVERSE, '--dry-run', '--badge-meta-keys', 'sensitivity']);
    expect(dry.output).toContain('Compared with what Fram holds of dbt:shopverse_analytics:');
    expect(dry.output).toContain('  tables: would add 0, change 0, leave 16 unchanged, remove 0');
    expect(dry.output).toContain('  lineage edges: would add 0, change 0, leave 20 unchanged, remove 0');
    expect(dry.output).not.toMatch(/^ {4}(add|change|remove) /m);
    expect(dry.code).toBe(0);

    const again = await run(['dbt', SHOPVERSE, '--badge-meta-keys', 'sensitivity']);
    expect(again.output).toMatch(
      /Ingested 16 tables, 0 dashboards and 20 lineage edges into \S+ in [\d.]+ s; removed nothing: everything dbt:shopverse_analytics held is still in it/,
    );
    expect(again.code).toBe(0);
    const records = (await get('/ingest/records?source=dbt:shopverse_analytics&kind=table')).json<{ records: unknown[] }>();
    expect(records.records).toHaveLength(16);
  });

  it('a source without badges is another version of each table: a dry run says what would change', async () => {
    const dry = await run(['dbt', SHOPVERSE, '--dry-run']);
    expect(dry.output).toMatch(/ {2}tables: would add 0, change \d+, leave \d+ unchanged, remove 0/);
    expect(dry.output).toContain(`    change ${shopverse('silver', 'stg_payments')}`);
    expect(dry.code).toBe(0);
  });

  it("imports databuilder's FsNeo4jCSVLoader output, as the source databuilder:{its folder}; a left-out table it sent before holds removals back", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fram-databuilder-cli-'));
    mkdirSync(join(dir, 'nodes'));
    mkdirSync(join(dir, 'relationships'));
    // As databuilder's loader writes them (csv.DictWriter, QUOTE_NONNUMERIC: LABEL, KEY, then the attributes; CRLF).
    writeFileSync(
      join(dir, 'nodes', 'Table_0.csv'),
      '"LABEL","KEY","name","is_view:UNQUOTED"\r\n"Table","hive://etl.staging/raw_events","raw_events",False\r\n',
    );
    writeFileSync(
      join(dir, 'nodes', 'Column_1.csv'),
      '"LABEL","KEY","name","col_type","sort_order:UNQUOTED"\r\n"Column","hive://etl.staging/raw_events/event_id","event_id","bigint",0\r\n',
    );
    writeFileSync(
      join(dir, 'relationships', 'Table_Column_COLUMN_2.csv'),
      '"START_KEY","START_LABEL","END_KEY","END_LABEL","TYPE","REVERSE_TYPE"\r\n' +
        '"hive://etl.staging/raw_events","Table","hive://etl.staging/raw_events/event_id","Column","COLUMN","COLUMN_OF"\r\n',
    );
    const { code, output } = await run(['databuilder', dir]);
    expect(output).toContain(`Read databuilder output in ${dir} as databuilder:${basename(dir)}`);
    expect(output).toMatch(/Ingested 1 tables into/);
    expect(code).toBe(0);
    const table = (await get('/table/hive://etl.staging/raw_events')).json<{ columns: { name: string; col_type: string }[] }>();
    expect(table.columns).toEqual([expect.objectContaining({ name: 'event_id', col_type: 'bigint' })]);

    // A table Fram would refuse (a column's name over 500 characters) is left out with a warning; the other is sent.
    writeFileSync(
      join(dir, 'nodes', 'Table_0.csv'),
      '"LABEL","KEY","name","is_view:UNQUOTED"\r\n"Table","hive://etl.staging/raw_events","raw_events",False\r\n' +
        '"Table","hive://etl.staging/clicks","clicks",False\r\n',
    );
    writeFileSync(
      join(dir, 'nodes', 'Column_1.csv'),
      `"LABEL","KEY","name","col_type","sort_order:UNQUOTED"\r\n"Column","hive://etl.staging/raw_events/event_id","${'e'.repeat(501)}","bigint",0\r\n`,
    );
    const odd = await run(['databuilder', dir, '--source', 'events']);
    expect(odd.output).toContain('hive://etl.staging/raw_events: left out: Fram would refuse it: columns.0.name:');
    expect(odd.output).toMatch(/Ingested 1 tables into \S+ in [\d.]+ s; removed nothing: everything events held is still in it/);
    expect(odd.code).toBe(0);
    // Under the folder's own name, the left-out table was sent before: the run removes nothing.
    const held = await run(['databuilder', dir]);
    expect(held.output).toContain(
      `Nothing was removed: 1 record left out (see the warnings) was sent before by databuilder:${basename(dir)}`,
    );
    expect(held.code).toBe(0);
    expect((await get('/table/hive://etl.staging/raw_events')).status).toBe(200);

    writeFileSync(join(dir, 'nodes', 'Table_0.csv'), '"LABEL","KEY","name"\r\n"Table","hive://etl.staging/broken\r\n');
    const broken = await run(['databuilder', dir]);
    expect(broken.code).toBe(2);
    expect(broken.output).toMatch(/ingest: nothing sent: .*Table_0\.csv:\d+/);
  });
});
