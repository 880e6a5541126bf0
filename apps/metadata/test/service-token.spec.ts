import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bundleScript,
  call,
  freePort,
  runNode,
  startNode,
  startRecordedDevIdp,
  startTestApp,
  workspaceRoot,
  type NodeProcess,
  type RecordedDevIdp,
  type RecordedRequest,
  type RunningApp,
  eventually,
} from '@fram/testing';
import { metadataApp } from './metadata-app';

const root = workspaceRoot();
const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** What names the API in a token request. */
const named = (request: RecordedRequest | undefined) => ({
  resource: request?.form.getAll('resource'),
  audience: request?.form.getAll('audience'),
});
const API_PARAMS = { OIDC_RESOURCE: 'api://fram', OIDC_AUDIENCE_PARAM: 'api://fram' };

/**
 * metadata's own identity (client_credentials), and the scripts' (npm run
 * ingest, npm run reindex): OIDC_RESOURCE (`resource`) and
 * OIDC_AUDIENCE_PARAM (`audience`) on their token requests, as dev-idp
 * (behind a recorder) received them, and nothing of the kind when unset;
 * and a log that says the token endpoint refused metadata (or cannot be
 * reached), not that search cannot be reached.
 */
describe("metadata's and the scripts' client_credentials requests", () => {
  let idp: RecordedDevIdp;
  let search: NodeProcess;
  const apps: RunningApp[] = [];
  let admin: string;

  beforeAll(async () => {
    idp = await startRecordedDevIdp();
    search = await startNode(join(root, 'dist', 'apps', 'search', 'main.js'), {
      env: { AUTH_ISSUERS: idp.issuer, DATA_DIR: tempDir('fram-st-search-'), LOG_LEVEL: 'warn' },
    });
    admin = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data write:data admin:system');
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await search?.stop();
    await idp?.stop();
  });

  /** metadata in this process, syncing to the real search, its directory and its issuer dev-idp (recorded). */
  async function startMetadata(variables: Record<string, string>): Promise<RunningApp> {
    const app = await startTestApp(
      metadataApp({
        AUTH_ISSUERS: idp.issuer,
        OIDC_ISSUER: idp.issuer,
        OKTA_ORG_URL: idp.origin,
        DATA_DIR: tempDir('fram-st-metadata-'),
        SEARCH_URL: search.url,
        SEARCH_SYNC_INTERVAL_MS: '100',
        ...variables,
      }),
    );
    apps.push(app);
    return app;
  }

  /** Ingests a table named `name` and waits until search finds it (the sync delivered it, with metadata's own token). */
  async function ingestAndFind(metadataUrl: string, name: string): Promise<void> {
    const table = { database: 'hive', cluster: 'gold', schema: 'core', name, columns: [{ name: 'id', col_type: 'bigint' }] };
    const ingest = await call(`${metadataUrl}/ingest/tables`, {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tables: [table] }),
    });
    expect(ingest.status).toBe(200);
    const reader = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    const hits = await eventually(
      async () =>
        (
          await call(`${search.url}/v2/search`, {
            method: 'POST',
            token: reader,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query_term: name, resource_types: ['table'] }),
          })
        ).json<{ results: { table: { results: { key: string }[] } } }>().results.table.results,
      (results) => results.some((hit) => hit.key === `hive://gold.core/${name}`),
    );
    expect(hits.map((hit) => hit.key)).toContain(`hive://gold.core/${name}`);
  }

  /** The client_credentials requests of `clientId` at the custom authorization server (Fram's API). */
  const clientCredentials = (clientId: string) =>
    idp.tokenRequests('client_credentials').filter((r) => r.clientId === clientId && r.path.startsWith('/oauth2/default/'));
  const directoryRequests = () => idp.requests.filter((r) => r.path === '/oauth2/v1/token');

  it("sends them with the search sync's token requests, and not with the user directory's (its token is for Okta's API)", async () => {
    const metadata = await startMetadata(API_PARAMS);
    idp.requests.length = 0;
    await ingestAndFind(metadata.url, 'zanzibar');
    const [sync] = clientCredentials('fram-metadata');
    expect(sync?.form.get('scope')).toBe('read:data write:data');
    expect(named(sync)).toEqual({ resource: ['api://fram'], audience: ['api://fram'] });

    // A person not in the store yet: looked up in the directory (Okta's Users API, with an okta.users.read token).
    expect((await call(`${metadata.url}/user/grace@example.com`, { token: admin })).status).toBe(200);
    const [directory] = directoryRequests();
    expect(directory?.form.get('scope')).toBe('okta.users.read');
    expect(named(directory)).toEqual({ resource: [], audience: [] });
  });

  it('sends neither when they are unset', async () => {
    const metadata = await startMetadata({});
    idp.requests.length = 0;
    await ingestAndFind(metadata.url, 'kilimanjaro');
    const [sync] = clientCredentials('fram-metadata');
    expect(sync?.form.get('scope')).toBe('read:data write:data');
    expect(named(sync)).toEqual({ resource: [], audience: [] });
  });

  it('sends them with npm run ingest and npm run reindex, and neither when unset', async () => {
    const metadata = await startMetadata({});
    const catalog = join(tempDir('fram-st-catalog-'), 'catalog.json');
    writeFileSync(catalog, JSON.stringify({ tables: [{ database: 'hive', cluster: 'gold', schema: 'core', name: 'scripted_orders' }] }));
    const ingest = bundleScript('apps/metadata/src/cli/ingest.main.ts');
    const reindex = bundleScript('apps/metadata/src/cli/reindex.main.ts');
    for (const [variables, expected] of [
      [API_PARAMS, { resource: ['api://fram'], audience: ['api://fram'] }],
      [{}, { resource: [], audience: [] }],
    ] as const) {
      const env = { METADATA_URL: metadata.url, OIDC_ISSUER: idp.issuer, ...variables };
      for (const [script, args] of [
        [ingest, [catalog]],
        [reindex, []],
      ] as const) {
        idp.requests.length = 0;
        const run = await runNode(script, env, 30_000, [...args]);
        expect([script, variables, run.code]).toEqual([script, variables, 0]);
        const requests = clientCredentials('fram-scripts');
        expect(requests).toHaveLength(1);
        expect(requests[0].form.get('scope')).toBe('admin:system read:data write:data');
        expect([script, variables, named(requests[0])]).toEqual([script, variables, expected]);
      }
    }
  }, 60_000);

  it('refuses a wrong OIDC_RESOURCE in the scripts, naming it, before asking for a token', async () => {
    idp.requests.length = 0;
    const run = await runNode(
      bundleScript('apps/metadata/src/cli/reindex.main.ts'),
      { METADATA_URL: 'http://127.0.0.1:9', OIDC_ISSUER: idp.issuer, OIDC_RESOURCE: 'fram-api' },
      30_000,
    );
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/OIDC_RESOURCE: must be the API's resource indicator, an absolute URI without a fragment/);
    expect(idp.requests).toEqual([]);
  });
});

/**
 * metadata without a token of its own: the log says the token endpoint
 * refused it (its OAuth error and description, never the secret), or cannot
 * be reached, and not that search cannot be reached; /healthcheck shows the
 * sync failing.
 */
describe('metadata when it cannot get its own token', () => {
  let idp: RecordedDevIdp;
  let search: NodeProcess;
  const running: NodeProcess[] = [];
  const SECRET = 'not-the-secret-of-fram-metadata-4f1c';

  beforeAll(async () => {
    idp = await startRecordedDevIdp();
    search = await startNode(join(root, 'dist', 'apps', 'search', 'main.js'), {
      env: { AUTH_ISSUERS: idp.issuer, DATA_DIR: tempDir('fram-nt-search-'), LOG_LEVEL: 'warn' },
    });
  }, 60_000);
  afterAll(async () => {
    for (const process of running) await process.stop();
    await search?.stop();
    await idp?.stop();
  });

  /** The built metadata service, its search sync's token from `issuer`, with one change waiting to be delivered. */
  async function metadataWithAChange(issuer: string): Promise<NodeProcess> {
    const metadata = await startNode(join(root, 'dist', 'apps', 'metadata', 'main.js'), {
      env: {
        AUTH_ISSUERS: idp.issuer,
        OIDC_ISSUER: issuer,
        USER_DIRECTORY: 'none',
        SERVICE_CLIENT_ID: 'fram-metadata',
        SERVICE_CLIENT_SECRET: SECRET,
        DATA_DIR: tempDir('fram-nt-metadata-'),
        SEARCH_URL: search.url,
        SEARCH_SYNC_INTERVAL_MS: '100',
        SEARCH_SYNC_MAX_LAG_S: '0',
      },
    });
    running.push(metadata);
    const admin = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data write:data admin:system');
    const ingest = await call(`${metadata.url}/ingest/tables`, {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tables: [{ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' }] }),
    });
    expect(ingest.status).toBe(200);
    return metadata;
  }

  /** The search sync's entry in /healthcheck, once it has failed. */
  const failingSync = (metadata: NodeProcess) =>
    eventually(
      async () =>
        (await call(`${metadata.url}/healthcheck`)).json<{ checks: Record<string, Record<string, unknown>> }>().checks['search_sync'],
      (check) => check?.['last_error'] !== undefined,
    );

  it('says the token endpoint refused it (invalid_client) when SERVICE_CLIENT_SECRET is wrong', async () => {
    const metadata = await metadataWithAChange(idp.issuer);
    const check = await failingSync(metadata);
    expect(check).toMatchObject({ status: 'degraded', lag_entries: 1, last_error: expect.stringContaining('invalid_client') });
    const log = await eventually(
      async () => metadata.output(),
      (output) => output.includes('Cannot update search'),
    );
    expect(log).toMatch(
      /Cannot update search yet, will retry: Metadata has no token of its own to call search with \(SERVICE_CLIENT_ID, SERVICE_CLIENT_SECRET, SERVICE_SCOPES\): No token for fram-metadata from http:\/\/127\.0\.0\.1:\d+\/oauth2\/default: the token endpoint refused it \(invalid_client: [^)\n]+\)/,
    );
    expect(log).not.toMatch(/search service .*cannot be reached/i);
    expect(log).not.toContain(SECRET);
    expect(JSON.stringify(check)).not.toContain(SECRET);
  });

  it('says the token endpoint cannot be reached when the issuer does not answer', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/oauth2/default`;
    const metadata = await metadataWithAChange(closed);
    const check = await failingSync(metadata);
    expect(check).toMatchObject({ status: 'degraded', last_error: expect.stringContaining('the token endpoint cannot be reached') });
    const log = await eventually(
      async () => metadata.output(),
      (output) => output.includes('Cannot update search'),
    );
    expect(log).toContain(`No token for fram-metadata from ${closed}: the token endpoint cannot be reached`);
    expect(log).not.toMatch(/search service .*cannot be reached/i);
  });
});
