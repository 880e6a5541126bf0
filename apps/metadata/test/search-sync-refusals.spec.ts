import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SEARCH_LIMITS } from '@fram/models';
import {
  bundleScript,
  call,
  freePort,
  runNode,
  startDevIdp,
  startNode,
  startTestApp,
  workspaceRoot,
  type DevIdp,
  type NodeProcess,
  type RunningApp,
  eventually,
} from '@fram/testing';
import { metadataApp } from './metadata-app';

/**
 * Test double: a stand-in in front of the real search service that refuses
 * (400, as search does for a bad document) any bulk PUT holding one of
 * `refused` keys — the whole batch, as search does, naming it — or answers
 * 503 for any holding one of `failing` keys, or for everything while `down`.
 * Everything else goes through to the real search.
 */
class RefusingSearchProxy {
  readonly refused = new Set<string>();
  readonly failing = new Set<string>();
  down = false;
  private server: Server | undefined;

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const answer = (status: number, text: string) => void res.writeHead(status, { 'content-type': 'application/json' }).end(text);
        if (this.down) return answer(503, JSON.stringify({ message: 'down (test double)' }));
        if (req.method === 'PUT' && req.url?.startsWith('/v2/documents/')) {
          const docs = (JSON.parse(body.toString('utf8')) as { documents: { key: string }[] }).documents;
          if (docs.some((d) => this.failing.has(d.key)))
            return answer(503, JSON.stringify({ statusCode: 503, message: 'cannot index this now (test double)' }));
          const bad = docs.findIndex((d) => this.refused.has(d.key));
          if (bad >= 0)
            return answer(
              400,
              JSON.stringify({ statusCode: 400, message: `documents.${bad} (${docs[bad].key}).key: refused by the test double` }),
            );
        }
        const headers: Record<string, string> = {};
        for (const name of ['authorization', 'content-type']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
        void fetch(`${this.target}${req.url}`, { method: req.method, headers, body: body.length > 0 ? body : undefined }).then(
          async (r) => answer(r.status, await r.text()),
          () => answer(502, '{}'),
        );
        return undefined;
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

interface SetAside {
  type: string;
  key: string;
  reason: string;
}

/** A document search refuses never stops the change feed: it is set aside, shown, counted and retried. */
describe('metadata keeps search current past refused documents', () => {
  let idp: DevIdp;
  let metadata: RunningApp | undefined;
  let search: NodeProcess;
  let searchUrl: string;
  let proxy: RefusingSearchProxy;
  const metadataDataDir = mkdtempSync(join(tmpdir(), 'fram-refusals-metadata-'));
  const tokens: Record<string, string> = {};

  const startMetadata = async (proxyUrl: string) => {
    metadata = await startTestApp(
      metadataApp({
        AUTH_ISSUERS: idp.issuer,
        OIDC_ISSUER: idp.issuer,
        OKTA_ORG_URL: idp.origin,
        WRITE_GROUPS: 'Analysts',
        DATA_DIR: metadataDataDir,
        SEARCH_URL: proxyUrl,
        SEARCH_SYNC_INTERVAL_MS: '100',
        SEARCH_SYNC_MAX_LAG_S: '0',
      }),
      {
        service: 'metadata',
        beforeListen: (app: INestApplication) => (app as NestExpressApplication).useBodyParser('json', { limit: '20mb' }),
      },
    );
  };
  let proxyUrl: string;

  beforeAll(async () => {
    idp = await startDevIdp();
    const searchPort = await freePort();
    search = await startNode(join(workspaceRoot(), 'dist', 'apps', 'search', 'main.js'), {
      port: searchPort,
      env: { AUTH_ISSUERS: idp.issuer, DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-refusals-search-')), LOG_LEVEL: 'warn' },
    });
    searchUrl = `http://127.0.0.1:${searchPort}`;
    proxy = new RefusingSearchProxy(searchUrl);
    proxyUrl = await proxy.start();
    await startMetadata(proxyUrl);
    tokens['admin'] = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
    tokens['reader'] = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    tokens['edsger'] = await idp.userToken('edsger@example.com');
  }, 60_000);
  afterAll(async () => {
    await metadata?.close();
    await proxy?.stop();
    await search?.stop();
    await idp?.stop();
  });

  const hits = async (query: string, type = 'table') => {
    const response = await call(`${searchUrl}/v2/search`, {
      method: 'POST',
      token: tokens['reader'],
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query_term: query, resource_types: [type] }),
    });
    return response.status === 200
      ? response.json<{ results: Record<string, { results: Record<string, unknown>[] }> }>().results[type].results
      : [];
  };
  const keysFound = async (query: string, type = 'table') => (await hits(query, type)).map((h) => h['key']);
  const metadataCall = (who: string, path: string, init: RequestInit = {}) =>
    call(`${metadata!.url}${path}`, { ...init, token: tokens[who], headers: { 'content-type': 'application/json', ...init.headers } });
  const ingest = (tables: Record<string, unknown>[]) =>
    metadataCall('admin', '/ingest/tables', { method: 'POST', body: JSON.stringify({ tables }) });
  const table = (name: string, extra: Record<string, unknown> = {}) => ({
    database: 'hive',
    cluster: 'gold',
    schema: 'core',
    name,
    ...extra,
  });
  const setAside = async () => (await metadataCall('admin', '/search/set-aside')).json<{ set_aside: SetAside[] }>().set_aside;
  const setAsideMetric = async () => {
    const text = (await metadataCall('reader', '/metrics')).text;
    const line = text.split('\n').find((l) => l.startsWith('fram_search_sync_set_aside '));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };

  it('indexes a 1,001-character column description and a 100,000-character description, truncated to the shared limits', async () => {
    const columnDescription = `quokka ${'c'.repeat(994)}`;
    expect(columnDescription).toHaveLength(1001);
    expect(
      (await ingest([table('longcols', { columns: [{ name: 'id', col_type: 'bigint', description: columnDescription }] })])).status,
    ).toBe(200);
    const description = `wombat ${'d'.repeat(99_993)}`;
    expect(description).toHaveLength(100_000);
    const edit = await metadataCall('edsger', '/table/hive://gold.core/longcols/description', {
      method: 'PUT',
      body: JSON.stringify({ description }),
    });
    expect(edit.status).toBe(200);

    expect(
      await eventually(
        () => keysFound('quokka'),
        (k) => k.length > 0,
      ),
    ).toEqual(['hive://gold.core/longcols']);
    const [hit] = await eventually(
      () => hits('wombat'),
      (h) => h.length > 0,
    );
    expect(hit?.['key']).toBe('hive://gold.core/longcols');
    expect(hit?.['description']).toBe(description.slice(0, SEARCH_LIMITS.description));

    // And the feed goes on.
    expect((await metadataCall('edsger', '/table/hive://gold.core/longcols/tag/numbat', { method: 'PUT' })).status).toBe(200);
    expect(
      await eventually(
        () => keysFound('numbat'),
        (k) => k.length > 0,
      ),
    ).toEqual(['hive://gold.core/longcols']);
  }, 60_000);

  it('sets a refused document aside, goes on, lists and counts it, reports it at reindex, and delivers it after a restart once fixed', async () => {
    proxy.refused.add('hive://gold.core/refused_one');
    // One batch holding a refused document and a good one: only the refused one is set aside.
    expect(
      (await ingest([table('refused_one', { description: 'platypus' }), table('accepted_one', { description: 'platypus' })])).status,
    ).toBe(200);
    expect(
      await eventually(
        () => keysFound('platypus'),
        (k) => k.length > 0,
      ),
    ).toEqual(['hive://gold.core/accepted_one']);

    // Later edits still become searchable.
    expect(
      (
        await metadataCall('edsger', '/table/hive://gold.core/accepted_one/description', {
          method: 'PUT',
          body: JSON.stringify({ description: 'echidna' }),
        })
      ).status,
    ).toBe(200);
    expect(
      await eventually(
        () => keysFound('echidna'),
        (k) => k.length > 0,
      ),
    ).toEqual(['hive://gold.core/accepted_one']);

    // Listed for admins only, and counted.
    expect(await setAside()).toEqual([
      expect.objectContaining({
        type: 'table',
        key: 'hive://gold.core/refused_one',
        reason: expect.stringContaining('refused by the test double'),
      }),
    ]);
    expect((await metadataCall('reader', '/search/set-aside')).status).toBe(403);
    expect(await setAsideMetric()).toBe(1);

    // Reindex skips it and says so (no 503).
    const reindex = await metadataCall('admin', '/search/reindex', { method: 'POST' });
    expect(reindex.status).toBe(200);
    const report = reindex.json<{ reindexed: Record<string, number>; refused: SetAside[] }>();
    expect(report.reindexed['table']).toBe(2);
    expect(report.refused).toEqual([
      expect.objectContaining({ type: 'table', key: 'hive://gold.core/refused_one', reason: expect.stringContaining('refused') }),
    ]);
    const cli = await runNode(bundleScript('apps/metadata/src/cli/reindex.main.ts'), {
      METADATA_URL: metadata!.url,
      OIDC_ISSUER: idp.issuer,
    });
    expect(cli.output).toMatch(/Reindexed \d+ tables/);
    expect(cli.output).toContain('Search refused 1 documents');
    expect(cli.output).toContain('table hive://gold.core/refused_one: 400:');
    expect(cli.code).toBe(0);

    // Kept across a restart; retried at start once search takes it.
    await metadata!.close();
    metadata = undefined;
    proxy.refused.clear();
    await startMetadata(proxyUrl);
    expect(
      await eventually(
        () => keysFound('platypus'),
        (k) => k.length > 0,
      ),
    ).toEqual(['hive://gold.core/refused_one']);
    expect(await eventually(setAside, (s) => s.length === 0)).toEqual([]);
    expect(await setAsideMetric()).toBe(0);
  }, 90_000);

  it('a retry at start that fails does not hold up the feed; it is tried again until it goes through', async () => {
    proxy.refused.add('hive://gold.core/refused_three');
    expect((await ingest([table('refused_three', { description: 'dunnart' })])).status).toBe(200);
    expect(await eventually(setAside, (s) => s.some((d) => d.key === 'hive://gold.core/refused_three'))).toEqual([
      expect.objectContaining({ key: 'hive://gold.core/refused_three' }),
    ]);

    // Restarted while search cannot take the set-aside document (503 for it alone).
    await metadata!.close();
    metadata = undefined;
    proxy.refused.clear();
    proxy.failing.add('hive://gold.core/refused_three');
    await startMetadata(proxyUrl);
    expect((await ingest([table('after_restart', { description: 'kowari' })])).status).toBe(200);
    expect(
      await eventually(
        () => keysFound('kowari'),
        (k) => k.length > 0,
      ),
    ).toEqual(['hive://gold.core/after_restart']);
    expect(await setAside()).toEqual([expect.objectContaining({ key: 'hive://gold.core/refused_three' })]);

    proxy.failing.clear();
    expect(
      await eventually(
        () => keysFound('dunnart'),
        (k) => k.length > 0,
      ),
    ).toEqual(['hive://gold.core/refused_three']);
    expect(await eventually(setAside, (s) => s.length === 0)).toEqual([]);
  }, 90_000);

  it('retries set-aside documents on POST /search/set-aside/retry (admins)', async () => {
    proxy.refused.add('hive://gold.core/refused_two');
    expect((await ingest([table('refused_two', { description: 'bilby' })])).status).toBe(200);
    expect(await eventually(setAside, (s) => s.length > 0)).toEqual([expect.objectContaining({ key: 'hive://gold.core/refused_two' })]);

    expect((await metadataCall('reader', '/search/set-aside/retry', { method: 'POST' })).status).toBe(403);
    const stillRefused = await metadataCall('admin', '/search/set-aside/retry', { method: 'POST' });
    expect(stillRefused.status).toBe(200);
    expect(stillRefused.json()).toEqual({ delivered: 0, set_aside: [expect.objectContaining({ key: 'hive://gold.core/refused_two' })] });

    proxy.refused.clear();
    const retried = await metadataCall('admin', '/search/set-aside/retry', { method: 'POST' });
    expect(retried.json()).toEqual({ delivered: 1, set_aside: [] });
    expect(await keysFound('bilby')).toEqual(['hive://gold.core/refused_two']);
    expect(await setAsideMetric()).toBe(0);
  }, 60_000);

  it('reports "sync stuck" (degraded) on /healthcheck while changes wait longer than SEARCH_SYNC_MAX_LAG_S', async () => {
    const healthy = await eventually(
      () => call(`${metadata!.url}/healthcheck`),
      (r) => r.json<{ status: string }>().status === 'ok',
    );
    expect(healthy.json<{ checks: Record<string, Record<string, unknown>> }>().checks['search_sync']).toEqual(
      expect.objectContaining({ status: 'ok', lag_entries: 0 }),
    );

    proxy.down = true;
    expect((await metadataCall('edsger', '/table/hive://gold.core/accepted_one/tag/quoll', { method: 'PUT' })).status).toBe(200);
    // Degraded (still 200): metadata itself works, but its changes are not reaching search.
    const stuck = await call(`${metadata!.url}/healthcheck`);
    expect(stuck.status).toBe(200);
    const report = stuck.json<{ status: string; checks: Record<string, Record<string, unknown>> }>();
    expect(report.status).toBe('degraded');
    expect(report.checks['search_sync']).toEqual(
      expect.objectContaining({ status: 'degraded', lag_entries: 1, message: expect.stringContaining('sync stuck') }),
    );

    proxy.down = false;
    expect(
      await eventually(
        () => keysFound('quoll'),
        (k) => k.length > 0,
      ),
    ).toEqual(['hive://gold.core/accepted_one']);
    const recovered = await eventually(
      () => call(`${metadata!.url}/healthcheck`),
      (r) => r.json<{ status: string }>().status === 'ok',
    );
    expect(recovered.json<{ checks: Record<string, Record<string, unknown>> }>().checks['search_sync']).toEqual(
      expect.objectContaining({ status: 'ok', lag_entries: 0 }),
    );
    expect(await setAside()).toEqual([]); // a search that is down refuses nothing: the change waited, and went through
  }, 60_000);
  it('sets a refused feature aside, reports it at reindex, retries it; a feature edit waits while search is down', async () => {
    const key = 'rider_metrics/refused_feature/1.0';
    proxy.refused.add(key);
    const ingested = await metadataCall('admin', '/ingest/features', {
      method: 'POST',
      body: JSON.stringify({
        features: [{ feature_group: 'rider_metrics', name: 'refused_feature', version: '1.0', description: 'wallaby' }],
      }),
    });
    expect(ingested.status).toBe(200);
    expect(await eventually(setAside, (s) => s.length > 0)).toEqual([
      expect.objectContaining({ type: 'feature', key, resource_key: key, reason: expect.stringContaining('refused by the test double') }),
    ]);
    const reindex = (await metadataCall('admin', '/search/reindex', { method: 'POST' })).json<{
      reindexed: Record<string, number>;
      refused: SetAside[];
    }>();
    expect(reindex.reindexed['feature']).toBe(0);
    expect(reindex.refused).toEqual([expect.objectContaining({ type: 'feature', key })]);

    proxy.refused.clear();
    const retried = await metadataCall('admin', '/search/set-aside/retry', { method: 'POST' });
    expect(retried.json()).toEqual({ delivered: 1, set_aside: [] });
    expect(await keysFound('wallaby', 'feature')).toEqual([key]);

    // While search is down, the feature's edit waits: counted in the lag, with the reason, and delivered when it is back.
    proxy.down = true;
    expect((await metadataCall('edsger', `/feature/${key}/tag/bandicoot`, { method: 'PUT' })).status).toBe(200);
    const waiting = await eventually(
      async () =>
        (await call(`${metadata!.url}/healthcheck`)).json<{ checks: Record<string, Record<string, unknown>> }>().checks['search_sync'],
      (check) => check?.['last_error'] !== undefined,
    );
    expect(waiting).toEqual(
      expect.objectContaining({ status: 'degraded', lag_entries: 1, last_error: expect.stringContaining('503') as string }),
    );
    proxy.down = false;
    expect(
      await eventually(
        () => keysFound('bandicoot', 'feature'),
        (k) => k.length > 0,
      ),
    ).toEqual([key]);
    expect(await setAside()).toEqual([]);
  }, 60_000);
});
