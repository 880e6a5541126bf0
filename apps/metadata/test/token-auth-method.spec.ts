import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bundleScript,
  call,
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
import { loadMetadataConfig } from '../src/config/metadata-config';
import { metadataApp } from './metadata-app';

const root = workspaceRoot();
const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** dev-idp's clients registered for client_secret_post (oidc-provider refuses them any other way), with a '-' in their ids. */
const POST_METADATA = { id: 'fram-metadata-post', secret: 'fram-metadata-post-dev-secret' };
const POST_SCRIPTS = { id: 'fram-scripts-post', secret: 'fram-scripts-post-dev-secret' };

/** dev-idp's default seed and the two client_secret_post clients, in a temporary file. */
function seedWithPostClients(): string {
  const seed = JSON.parse(readFileSync(join(root, 'apps', 'dev-idp', 'src', 'seed', 'default-seed.json'), 'utf8')) as {
    clients: Record<string, unknown>[];
  };
  const client = (id: string, secret: string, name: string, scopes: string[]) => ({
    client_id: id,
    client_secret: secret,
    name,
    grant_types: ['client_credentials'],
    token_endpoint_auth_method: 'client_secret_post',
    scopes,
  });
  seed.clients.push(
    client(POST_METADATA.id, POST_METADATA.secret, 'Fram metadata service (client_secret_post)', [
      'read:data',
      'write:data',
      'okta.users.read',
    ]),
    client(POST_SCRIPTS.id, POST_SCRIPTS.secret, 'Fram API scripts (client_secret_post)', ['read:data', 'write:data', 'admin:system']),
  );
  const file = join(tempDir('fram-tam-seed-'), 'seed.json');
  writeFileSync(file, JSON.stringify(seed));
  return file;
}

/**
 * How a token request authenticated the client, as dev-idp (behind a
 * recorder) received it: an Authorization: Basic header, or client_id and
 * client_secret in the form. The secret itself is compared, never shown.
 */
const authentication = (request: RecordedRequest | undefined, secret: string) => ({
  basicHeader: request?.basicAuth,
  formClientId: request?.form.get('client_id') ?? undefined,
  formSecret: request?.form.has('client_secret') ? (request.form.get('client_secret') === secret ? 'the secret' : 'another') : undefined,
});
const BASIC = { basicHeader: true, formClientId: undefined, formSecret: undefined };
const post = (clientId: string) => ({ basicHeader: false, formClientId: clientId, formSecret: 'the secret' });

/**
 * OIDC_TOKEN_AUTH_METHOD for metadata's own token requests (the search sync
 * and the user directory) and the scripts' (npm run ingest, npm run reindex):
 * client_secret_basic by default, client_secret_post when told (the client id
 * and secret in the form body, no Authorization header), a wrong value refused
 * naming the variable.
 */
describe('OIDC_TOKEN_AUTH_METHOD for metadata and the scripts', () => {
  let idp: RecordedDevIdp;
  let search: NodeProcess;
  const apps: RunningApp[] = [];
  let admin: string;

  beforeAll(async () => {
    idp = await startRecordedDevIdp({ DEV_IDP_SEED: seedWithPostClients() });
    search = await startNode(join(root, 'dist', 'apps', 'search', 'main.js'), {
      env: { AUTH_ISSUERS: idp.issuer, DATA_DIR: tempDir('fram-tam-search-'), LOG_LEVEL: 'warn' },
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
        DATA_DIR: tempDir('fram-tam-metadata-'),
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
    const table = { database: 'hive', cluster: 'gold', schema: 'core', name };
    const ingest = await call(`${metadataUrl}/ingest/tables`, {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tables: [table] }),
    });
    expect(ingest.status).toBe(200);
    const keys = await eventually(
      async () =>
        (
          await call(`${search.url}/v2/search`, {
            method: 'POST',
            token: admin,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query_term: name, resource_types: ['table'] }),
          })
        )
          .json<{ results: { table: { results: { key: string }[] } } }>()
          .results.table.results.map((hit) => hit.key),
      (found) => found.includes(`hive://gold.core/${name}`),
    );
    expect(keys).toContain(`hive://gold.core/${name}`);
  }

  /** The sync's (custom authorization server) and the directory's (org authorization server) token requests of `clientId`. */
  const syncRequests = (clientId: string) =>
    idp.tokenRequests('client_credentials').filter((r) => r.clientId === clientId && r.path.startsWith('/oauth2/default/'));
  const directoryRequests = (clientId: string) => idp.requests.filter((r) => r.path === '/oauth2/v1/token' && r.clientId === clientId);

  /** Runs npm run ingest (a one-table catalog) and npm run reindex with `env`; each one's token requests of `clientId`. */
  async function runScripts(metadataUrl: string, env: Record<string, string>, clientId: string): Promise<RecordedRequest[][]> {
    const catalog = join(tempDir('fram-tam-catalog-'), 'catalog.json');
    writeFileSync(catalog, JSON.stringify({ tables: [{ database: 'hive', cluster: 'gold', schema: 'core', name: 'scripted_orders' }] }));
    const requests: RecordedRequest[][] = [];
    for (const [entry, args] of [
      ['apps/metadata/src/cli/ingest.main.ts', [catalog]],
      ['apps/metadata/src/cli/reindex.main.ts', []],
    ] as const) {
      idp.requests.length = 0;
      const run = await runNode(bundleScript(entry), { METADATA_URL: metadataUrl, OIDC_ISSUER: idp.issuer, ...env }, 30_000, [...args]);
      expect([entry, run.code]).toEqual([entry, 0]);
      requests.push(syncRequests(clientId));
    }
    return requests;
  }

  it('is client_secret_basic by default: the search sync, the directory and the scripts send Authorization: Basic, no secret in the form', async () => {
    const metadata = await startMetadata({});
    idp.requests.length = 0;
    await ingestAndFind(metadata.url, 'basic_orders');
    const [sync] = syncRequests('fram-metadata');
    expect(authentication(sync, 'fram-metadata-dev-secret')).toEqual(BASIC);

    // A person not in the store yet: looked up in the directory, with a token from the org authorization server.
    expect((await call(`${metadata.url}/user/grace@example.com`, { token: admin })).status).toBe(200);
    const [directory] = directoryRequests('fram-metadata');
    expect(directory?.form.get('scope')).toBe('okta.users.read');
    expect(authentication(directory, 'fram-metadata-dev-secret')).toEqual(BASIC);

    const [ingest, reindex] = await runScripts(metadata.url, {}, 'fram-scripts');
    expect(ingest.map((r) => authentication(r, 'fram-scripts-dev-secret'))).toEqual([BASIC]);
    expect(reindex.map((r) => authentication(r, 'fram-scripts-dev-secret'))).toEqual([BASIC]);
  }, 90_000);

  it('is client_secret_post when told: client_id and client_secret in the form body, no Authorization header', async () => {
    const metadata = await startMetadata({
      OIDC_TOKEN_AUTH_METHOD: 'client_secret_post',
      SERVICE_CLIENT_ID: POST_METADATA.id,
      SERVICE_CLIENT_SECRET: POST_METADATA.secret,
    });
    idp.requests.length = 0;
    await ingestAndFind(metadata.url, 'posted_orders');
    const [sync] = syncRequests(POST_METADATA.id);
    expect(authentication(sync, POST_METADATA.secret)).toEqual(post(POST_METADATA.id));

    expect((await call(`${metadata.url}/user/grace@example.com`, { token: admin })).status).toBe(200);
    const [directory] = directoryRequests(POST_METADATA.id);
    expect(directory?.form.get('scope')).toBe('okta.users.read');
    expect(authentication(directory, POST_METADATA.secret)).toEqual(post(POST_METADATA.id));

    const [ingest, reindex] = await runScripts(
      metadata.url,
      { OIDC_TOKEN_AUTH_METHOD: 'client_secret_post', INGEST_CLIENT_ID: POST_SCRIPTS.id, INGEST_CLIENT_SECRET: POST_SCRIPTS.secret },
      POST_SCRIPTS.id,
    );
    expect(ingest.map((r) => authentication(r, POST_SCRIPTS.secret))).toEqual([post(POST_SCRIPTS.id)]);
    expect(reindex.map((r) => authentication(r, POST_SCRIPTS.secret))).toEqual([post(POST_SCRIPTS.id)]);
  }, 90_000);

  it('refuses another value, naming OIDC_TOKEN_AUTH_METHOD: metadata at start, the scripts before any request', async () => {
    const message = /OIDC_TOKEN_AUTH_METHOD: must be client_secret_basic or client_secret_post \(got "private_key_jwt"\)/;
    expect(() => loadMetadataConfig({ OIDC_TOKEN_AUTH_METHOD: 'private_key_jwt' })).toThrow(message);

    idp.requests.length = 0;
    const run = await runNode(
      bundleScript('apps/metadata/src/cli/reindex.main.ts'),
      { METADATA_URL: 'http://127.0.0.1:9', OIDC_ISSUER: idp.issuer, OIDC_TOKEN_AUTH_METHOD: 'private_key_jwt' },
      30_000,
    );
    expect(run.code).toBe(1);
    expect(run.output).toMatch(message);
    expect(idp.requests).toEqual([]);
  });
});
