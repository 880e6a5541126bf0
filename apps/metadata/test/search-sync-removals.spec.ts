import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { DependencyUnavailableError } from '@fram/errors';
import type { SetAsideDocument } from '@fram/models';
import type { HealthService, MetricsService } from '@fram/service';
import { ManualClock, startDevIdp, type DevIdp } from '@fram/testing';
import type { MetadataConfig } from '../src/config/metadata-config';
import { changedResources, goneResources, noChanges } from '../src/search-sync/search-documents';
import type { SearchSource } from '../src/search-sync/search-source';
import { SearchSyncService } from '../src/search-sync/search-sync.service';
import { SyncStateFile } from '../src/search-sync/sync-state';
import type { AuditEntry } from '../src/store/ports/change-feed';
import type { StoredFeature } from '../src/store/ports/feature-store';

interface SearchRequest {
  method: string;
  type: string;
  /** The keys of the documents sent (PUT) or to remove (DELETE). */
  keys: string[];
}

/** TEST DOUBLE of search's `PUT` and `DELETE /v2/documents/{type}`: records each request and answers what `answer` says. */
async function fakeSearch(answer: (request: SearchRequest) => { status: number; body?: unknown }) {
  const requests: SearchRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { documents?: { key: string }[]; keys?: string[] };
      const request = {
        method: req.method ?? '',
        type: req.url?.split('/').pop() ?? '',
        keys: body.keys ?? body.documents!.map((d) => d.key),
      };
      requests.push(request);
      const { status, body: reply } = answer(request);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(reply ?? { removed: request.keys.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

/** A stored feature as the store answers it (only features are present in these tests: everything else is gone). */
const feature = (key: string) =>
  ({
    key,
    name: key.split('/')[1],
    version: key.split('/')[2],
    feature_group: key.split('/')[0],
    status: null,
    entity: null,
    availability: [],
    description: null,
    tags: [],
    badges: [],
    last_updated_timestamp: null,
    usage: 0,
  }) as unknown as StoredFeature;

/**
 * TEST DOUBLE of the store as the sync reads it: the change feed `entries`, and the features of `present`; no
 * table, dashboard or person exists (they were removed, or never were).
 */
function stubSource(entries: AuditEntry[], present: ReadonlySet<string>): SearchSource {
  return {
    auditSince: async (after: number, limit: number) => entries.filter((e) => e.id > after).slice(0, limit),
    audit: async () => entries.slice(-1),
    listKeys: async (type: string, after: string) => (type === 'feature' ? [...present].filter((k) => k > after).sort() : []),
    tablesByKeys: async () => [],
    dashboardsByKeys: async () => [],
    usersByKeys: async () => [],
    featuresByKeys: async (keys: readonly string[]) => keys.filter((k) => present.has(k)).map(feature),
  } as unknown as SearchSource;
}

let nextId = 1;
const entry = (action: string, resource_type: string, resource_key: string, detail: Record<string, unknown> = {}): AuditEntry => ({
  id: nextId++,
  at: 1,
  actor: 'fram-scripts',
  action,
  resource_type,
  resource_key,
  detail,
});

describe('the search sync removes the documents of resources gone from the catalog', () => {
  let idp: DevIdp;
  const servers: Server[] = [];
  beforeAll(async () => {
    idp = await startDevIdp();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await idp?.stop();
  });

  /** A sync over `source` to a fake search answering `answer`, its state file, and the requests search saw. */
  const sync = async (source: SearchSource, answer: (request: SearchRequest) => { status: number; body?: unknown }) => {
    const search = await fakeSearch(answer);
    servers.push(search.server);
    const cursorFile = join(mkdtempSync(join(tmpdir(), 'fram-sync-removals-')), 'search-sync.json');
    const config = {
      searchSync: {
        kind: 'http',
        searchUrl: search.url,
        issuer: idp.issuer,
        clientId: 'fram-scripts',
        clientSecret: 'fram-scripts-dev-secret',
        scopes: 'write:data',
        intervalMs: 1000,
        cursorFile,
        maxLagS: 60,
      },
    } as unknown as MetadataConfig;
    const health = { register: () => undefined } as unknown as HealthService;
    const metrics = { registry: new Registry() } as unknown as MetricsService;
    const service = new SearchSyncService(source, config, health, metrics, new ManualClock());
    return { service, requests: search.requests, state: () => new SyncStateFile(cursorFile).read(), seed: new SyncStateFile(cursorFile) };
  };
  const ok = () => ({ status: 200 });

  it('sends DELETE /v2/documents/{type} for a key in the feed that the store no longer has, and moves the cursor on', async () => {
    const entries = [
      entry('ingest_features', 'feature', '*', { keys: ['rides/kept/1', 'rides/gone/1'] }),
      entry('remove', 'table', 'hive://gold.core/orders'),
      entry('remove', 'dashboard', 'mode_dashboard://prod.team/weekly'),
      entry('remove', 'feature', 'rides/gone/1'),
    ];
    const { service, requests, state } = await sync(stubSource(entries, new Set(['rides/kept/1'])), ok);
    await service.flush();
    expect(requests).toEqual([
      { method: 'PUT', type: 'feature', keys: ['rides/kept/1'] },
      { method: 'DELETE', type: 'table', keys: ['hive://gold.core/orders'] },
      { method: 'DELETE', type: 'dashboard', keys: ['mode_dashboard://prod.team/weekly'] },
      { method: 'DELETE', type: 'feature', keys: ['rides/gone/1'] },
    ]);
    expect(state().cursor).toBe(entries[entries.length - 1].id);
  });

  it('never removes people (they are never deleted), nor acts on the "*" of entries about many edges', async () => {
    const entries = [
      entry('upsert_user', 'user', 'ada'),
      entry('remove_lineage', 'table', '*', { edges: [['a', 'b']] }),
      entry('remove_feature_lineage', 'feature', '*', { edges: [['a', 'b']] }),
    ];
    const { service, requests, state } = await sync(stubSource(entries, new Set()), ok);
    await service.flush();
    expect(requests).toEqual([]);
    expect(state().cursor).toBe(entries[entries.length - 1].id);
  });

  it('removes 500 keys a request', async () => {
    const keys = Array.from({ length: 1201 }, (_, i) => `hive://gold.core/t${String(i).padStart(4, '0')}`);
    const { service, requests } = await sync(stubSource([entry('ingest_tables', 'table', '*', { keys })], new Set()), ok);
    await service.flush();
    expect(requests.map((r) => [r.method, r.keys.length])).toEqual([
      ['DELETE', 500],
      ['DELETE', 500],
      ['DELETE', 201],
    ]);
    expect(requests.flatMap((r) => r.keys)).toEqual(keys);
  });

  it('keeps the cursor when search is down, and removes the documents once it is back', async () => {
    let down = true;
    const entries = [entry('remove', 'table', 'hive://gold.core/orders')];
    const { service, requests, state } = await sync(stubSource(entries, new Set()), () =>
      down ? { status: 503, body: { message: 'down (test double)' } } : { status: 200 },
    );
    await expect(service.flush()).rejects.toThrow(DependencyUnavailableError);
    expect(state().cursor).toBe(0);
    down = false;
    await service.flush();
    expect(requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
    expect(state().cursor).toBe(entries[0].id);
  });

  // A removal holds nothing but keys, which come from the store: a 4xx names no key at fault, so it is taken as
  // metadata and search disagreeing (or search failing), like a refused PUT that names no document: the feed stops
  // there (health says why) and retries, rather than set aside a removal nobody could fix by editing the resource.
  it('takes a refused removal (4xx) like search being down: the cursor stays, nothing is set aside', async () => {
    const entries = [entry('remove', 'table', 'hive://gold.core/orders')];
    const { service, state } = await sync(stubSource(entries, new Set()), () => ({
      status: 400,
      body: { statusCode: 400, message: 'keys: Unrecognized key (test double)' },
    }));
    await expect(service.flush()).rejects.toThrow(/did not remove table documents \(400: keys: Unrecognized key/);
    expect(state()).toEqual({ cursor: 0, set_aside: [] });
  });

  it('takes a set-aside document whose resource is gone off the list, from the feed as from a retry', async () => {
    const setAside = (type: SetAsideDocument['type'], key: string): SetAsideDocument => ({
      type,
      key,
      resource_key: key,
      reason: '400: refused by the test double',
      at: 1,
    });
    const entries = [entry('remove', 'table', 'hive://gold.core/orders')];
    const { service, requests, state, seed } = await sync(stubSource(entries, new Set()), ok);
    seed.write({ cursor: 0, set_aside: [setAside('table', 'hive://gold.core/orders'), setAside('feature', 'rides/gone/1')] });

    await service.flush();
    expect(state().set_aside.map((d) => d.key)).toEqual(['rides/gone/1']);

    expect(await service.retrySetAside()).toEqual({ delivered: 0, set_aside: [] });
    expect(requests).toEqual([
      { method: 'DELETE', type: 'table', keys: ['hive://gold.core/orders'] },
      { method: 'DELETE', type: 'feature', keys: ['rides/gone/1'] },
    ]);
  });

  it('leaves a reindex alone: it sends what the store lists, and removes nothing', async () => {
    const entries = [entry('remove', 'table', 'hive://gold.core/orders')];
    const { service, requests, state } = await sync(stubSource(entries, new Set(['rides/kept/1'])), ok);
    expect(await service.reindex()).toEqual({ reindexed: { table: 0, user: 0, dashboard: 0, feature: 1 }, refused: [] });
    expect(requests).toEqual([{ method: 'PUT', type: 'feature', keys: ['rides/kept/1'] }]);
    // The feed, not the reindex, delivers the removal.
    expect(state().cursor).toBe(0);
  });
});

describe('goneResources', () => {
  it('is the changed tables, dashboards and features with no built document; never people', () => {
    const changed = changedResources([
      entry('remove', 'table', 't1'),
      entry('set_description', 'table', 't2'),
      entry('remove', 'feature', 'f1'),
      entry('upsert_user', 'user', 'ada'),
    ]);
    const built = { table: [{ resourceKey: 't2', document: { key: 't2' } }], user: [], dashboard: [], feature: [] };
    expect(goneResources(changed, built as never)).toEqual({ table: ['t1'], dashboard: [], feature: ['f1'] });
    expect(goneResources(noChanges(), built as never)).toEqual({ table: [], dashboard: [], feature: [] });
  });
});
