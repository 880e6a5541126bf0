import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleScript, call, runNode, startDevIdp, startTestApp, workspaceRoot, type DevIdp, type RunningApp } from '@fram/testing';
import { metadataApp } from './metadata-app';

const root = workspaceRoot();

/** `npm run ingest -- FILE` against a running metadata service, with a client_credentials token from dev-idp. */
describe('the ingest command', () => {
  let idp: DevIdp;
  let api: RunningApp;
  let cli: string;

  beforeAll(async () => {
    cli = bundleScript('apps/metadata/src/cli/ingest.main.ts');
    idp = await startDevIdp();
    api = await startTestApp(
      metadataApp({ AUTH_ISSUERS: idp.issuer, DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-ingest-')), OKTA_ORG_URL: idp.origin }),
    );
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await idp?.stop();
  });

  const run = (file: string, env: Record<string, string> = {}) =>
    runNode(cli, { METADATA_URL: api.url, OIDC_ISSUER: idp.issuer, ...env }, 30_000, [file]);

  it('loads the sample catalog, showing progress', async () => {
    const { code, output } = await run(join(root, 'data', 'sample-catalog.json'));
    expect(output).toContain('tables     ##############################');
    expect(output).toMatch(
      /Ingested 15 users, 59 tables, 8 dashboards, 50 lineage edges and 220 reads into http:\/\/127\.0\.0\.1:\d+ in [\d.]+ s/,
    );
    expect(code).toBe(0);
    const token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    const stats = await call(`${api.url}/system/statistics`, { token });
    expect(stats.json<{ Statistics: Record<string, number> }>().Statistics['number_of_tables']).toBe(59);
    const orders = await call(`${api.url}/table/hive://gold.core/orders`, { token });
    expect(orders.json<{ table_readers: unknown[]; owners: unknown[] }>()).toMatchObject({
      owners: [expect.anything(), expect.anything()],
    });
    const lineage = await call(`${api.url}/table/bigquery://prod.analytics/daily_revenue/lineage?direction=upstream&depth=3`, { token });
    expect(lineage.json<{ upstream_entities: unknown[] }>().upstream_entities.length).toBeGreaterThan(5);
    const popular = await call(`${api.url}/popular_resources/?types=table,dashboard`, { token });
    expect(popular.json<{ Table: unknown[]; Dashboard: unknown[] }>()).toMatchObject({
      Table: expect.arrayContaining([expect.anything()]),
      Dashboard: expect.arrayContaining([expect.anything()]),
    });
  });

  it('is idempotent: loading the same file again changes nothing', async () => {
    const { code } = await run(join(root, 'data', 'sample-catalog.json'));
    expect(code).toBe(0);
    const token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    const stats = await call(`${api.url}/system/statistics`, { token });
    expect(stats.json<{ Statistics: Record<string, number> }>().Statistics['number_of_tables']).toBe(59);
  });

  it('says what is wrong with a bad file or a bad record, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fram-ingest-file-'));
    writeFileSync(join(dir, 'broken.json'), '{"tables": [');
    const broken = await run(join(dir, 'broken.json'));
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('Cannot read');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ tables: [{ database: 'hive', cluster: 'gold', name: 'x' }] }));
    const bad = await run(join(dir, 'bad.json'));
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('tables 1-1: 400 Invalid ingestion body: tables.0.schema');
  });

  it('stops with a clear message when the client may not ingest', async () => {
    const noScope = await run(join(root, 'data', 'sample-catalog.json'), {
      INGEST_CLIENT_ID: 'fram-metadata',
      INGEST_CLIENT_SECRET: 'fram-metadata-dev-secret',
    });
    expect(noScope.code).toBe(1);
    expect(noScope.output).toContain('No token for fram-metadata: invalid_scope');
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
});
