import { chmodSync, copyFileSync, mkdtempSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startDevIdp, startNode, startTestApp, workspaceRoot, type DevIdp, type NodeProcess, type RunningApp } from '@fram/testing';
import { metadataApp } from './metadata-app';
import { EmbeddedMetadataStore } from '../src/store/embedded/embedded-metadata-store';

const ORDERS = 'hive://gold.core/orders';
const STORE_CHECK = 'EmbeddedMetadataStore:connection';
const KEYS_CHECK = 'KeyStore:key_sets';

type Health = { status: string; checks: Record<string, { status: string; code?: string; issuers?: Record<string, { status: string }> }> };

/** Polls `probe` until `ok` holds (bounded); for a state the service reaches by itself. */
async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** metadata's /healthcheck fails, naming the check, when its store cannot keep changes or no key set can be had; writes then answer 503. */
describe('metadata /healthcheck tells the truth', () => {
  let idp: DevIdp;
  let admin: string;

  beforeAll(async () => {
    idp = await startDevIdp();
    admin = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
  });
  afterAll(async () => {
    await idp?.stop();
  });

  const env = (dataDir: string) => ({ AUTH_ISSUERS: idp.issuer, OKTA_ORG_URL: idp.origin, DATA_DIR: dataDir, SEARCH_SYNC: 'off' });
  const ingest = (url: string) =>
    call(`${url}/ingest/tables`, {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tables: [{ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' }] }),
    });
  const describeTable = (url: string, description: string) =>
    call(`${url}/table/${ORDERS}/description`, {
      method: 'PUT',
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description }),
    });
  const health = async (url: string) => {
    const response = await call(`${url}/healthcheck`);
    return { status: response.status, body: response.json<Health>() };
  };

  it('starts when several processes open one new database at once (each migration step is taken by one of them)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fram-shared-data-dir-'));
    const started = await Promise.allSettled(
      [1, 2, 3, 4].map(() =>
        startNode(join(workspaceRoot(), 'dist', 'apps', 'metadata', 'main.js'), { env: { ...env(dataDir), LOG_LEVEL: 'warn' } }),
      ),
    );
    try {
      expect(started.map((s) => (s.status === 'fulfilled' ? 'started' : String(s.reason).slice(0, 300)))).toEqual([
        'started',
        'started',
        'started',
        'started',
      ]);
      for (const s of started)
        if (s.status === 'fulfilled') expect((await health(s.value.url)).body.checks[STORE_CHECK]).toMatchObject({ status: 'ok' });
    } finally {
      for (const s of started) if (s.status === 'fulfilled') await s.value.stop();
    }
  }, 60_000);

  describe('when its database file is deleted, then replaced', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fram-health-deleted-'));
    const file = join(dataDir, 'metadata.sqlite');
    let api: RunningApp;
    beforeAll(async () => {
      api = await startTestApp(metadataApp(env(dataDir)));
      expect((await ingest(api.url)).status).toBe(200);
    });
    afterAll(async () => {
      await api?.close();
    });

    it('reports the store and the key sets as ok while all is well', async () => {
      const ok = await health(api.url);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        status: 'ok',
        checks: {
          [STORE_CHECK]: { status: 'ok' },
          [KEYS_CHECK]: { status: 'ok', issuers: { [idp.issuer]: expect.objectContaining({ status: 'ok' }) } },
        },
      });
      expect((await describeTable(api.url, 'Kept.')).status).toBe(200);
    });

    it('fails the store check (503) and refuses writes with 503 store_unavailable, recording nothing', async () => {
      copyFileSync(file, join(dataDir, 'backup.sqlite'));
      unlinkSync(file);
      const gone = await health(api.url);
      expect(gone.status).toBe(503);
      expect(gone.body.status).toBe('fail');
      expect(gone.body.checks[STORE_CHECK]).toMatchObject({ status: 'fail', code: 'store_unavailable' });
      expect(gone.body.checks[KEYS_CHECK]).toMatchObject({ status: 'ok' });

      const write = await describeTable(api.url, 'Lost.');
      expect(write.status).toBe(503);
      expect(write.json()).toMatchObject({ statusCode: 503, code: 'store_unavailable' });
      expect(write.json<{ message: string }>().message).toMatch(/restart/);
      const table = await call(`${api.url}/table/${ORDERS}`, { token: admin });
      expect(table.json()).toMatchObject({ description: 'Kept.' });
      const audit = await call(`${api.url}/audit?limit=1`, { token: admin });
      expect(audit.json<{ entries: { detail: unknown }[] }>().entries[0].detail).toEqual({ description: 'Kept.' });
    });

    it('keeps refusing once another file is put at the path (the operator restarts to use it)', async () => {
      copyFileSync(join(dataDir, 'backup.sqlite'), file);
      const replaced = await health(api.url);
      expect(replaced.status).toBe(503);
      expect(replaced.body.checks[STORE_CHECK]).toMatchObject({ status: 'fail', code: 'store_unavailable' });
      expect((await describeTable(api.url, 'Lost too.')).json()).toMatchObject({ statusCode: 503, code: 'store_unavailable' });
    });
  });

  describe('when its database file is read-only', () => {
    // As root, file modes do not stop writes: the built service then runs without CAP_DAC_OVERRIDE (setpriv), so chmod 0444 truly makes the file read-only, wherever the checkout is.
    const asRoot = process.getuid?.() === 0;
    const dataDir = mkdtempSync(join(tmpdir(), 'fram-health-readonly-'));
    const file = join(dataDir, 'metadata.sqlite');
    let metadata: NodeProcess;
    beforeAll(async () => {
      const store = new EmbeddedMetadataStore(file);
      await store.upsertTables([{ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' }], { actor: 'test', at: Date.now() });
      await store.close();
      chmodSync(file, 0o444);
      metadata = await startNode(join(workspaceRoot(), 'dist', 'apps', 'metadata', 'main.js'), {
        env: env(dataDir),
        readyPath: '/docs/',
        // Root may write any file: without CAP_DAC_OVERRIDE the file's mode applies to it too.
        ...(asRoot && {
          wrapper: ['setpriv', '--inh-caps=-dac_override,-dac_read_search', '--bounding-set=-dac_override,-dac_read_search', '--'],
        }),
      });
    }, 30_000);
    afterAll(async () => {
      await metadata?.stop();
    });

    it('fails the store check (503) and answers writes 503 store_read_only, never 500', async () => {
      const readOnly = await health(metadata.url);
      expect(readOnly.status).toBe(503);
      expect(readOnly.body.checks[STORE_CHECK]).toMatchObject({ status: 'fail', code: 'store_read_only' });
      const write = await describeTable(metadata.url, 'Nowhere to keep it.');
      expect(write.status).toBe(503);
      expect(write.json()).toMatchObject({ statusCode: 503, code: 'store_read_only' });
      expect((await call(`${metadata.url}/table/${ORDERS}`, { token: admin })).status).toBe(200);
    });
  });

  describe('when no key set can be fetched', () => {
    let api: RunningApp;
    beforeAll(async () => {
      await idp.setFaults({ keys: 'down' });
      api = await startTestApp(metadataApp(env(mkdtempSync(join(tmpdir(), 'fram-health-keys-')))));
    });
    afterAll(async () => {
      await idp.setFaults({ keys: 'up' });
      await api?.close();
    });

    it('fails the key-set check naming the issuer, and recovers once the keys can be fetched', async () => {
      const down = await health(api.url);
      expect(down.status).toBe(503);
      expect(down.body.checks[KEYS_CHECK]).toMatchObject({ status: 'fail', issuers: { [idp.issuer]: { status: 'fail' } } });
      expect(down.body.checks[STORE_CHECK]).toEqual({ status: 'ok' });

      await idp.setFaults({ keys: 'up' });
      const up = await eventually(
        () => health(api.url),
        (h) => h.status === 200,
      );
      expect(up.body.checks[KEYS_CHECK]).toMatchObject({
        status: 'ok',
        issuers: { [idp.issuer]: { status: 'ok', keys: expect.any(Number) } },
      });
    });
  });
});
