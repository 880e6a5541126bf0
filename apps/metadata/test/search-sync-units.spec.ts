import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import {
  catalogSearchDocuments,
  featureDocumentSchema,
  normalizeUser,
  type DashboardRecord,
  type ReadRecord,
  type TableRecord,
} from '@fram/models';
import type { HealthService, MetricsService, CheckResult } from '@fram/service';
import { ManualClock, workspaceRoot } from '@fram/testing';
import type { MetadataConfig } from '../src/config/metadata-config';
import { SearchSender } from '../src/search-sync/search-sender';
import { SearchSyncService } from '../src/search-sync/search-sync.service';
import { SyncStateFile, SyncStateUnreadableError } from '../src/search-sync/sync-state';
import { buildDocuments, changedResources, noChanges, READ_BATCH, type BuiltDocument } from '../src/search-sync/search-documents';
import { SearchSource } from '../src/search-sync/search-source';
import { EmbeddedMetadataStore } from '../src/store/embedded/embedded-metadata-store';
import type { StoredFeature } from '../src/store/ports/feature-store';

const dir = () => mkdtempSync(join(tmpdir(), 'fram-sync-units-'));

describe('SyncStateFile', () => {
  it('starts fresh only when the file does not exist', () => {
    const file = join(dir(), 'search-sync.json');
    expect(new SyncStateFile(file).read()).toEqual({ cursor: 0, set_aside: [] });
    new SyncStateFile(file).write({ cursor: 7, set_aside: [] });
    expect(new SyncStateFile(file).read()).toEqual({ cursor: 7, set_aside: [] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ cursor: 7, set_aside: [] });
  });

  it('refuses a file it cannot read or parse, naming it (never a silent cursor of 0)', () => {
    const broken = join(dir(), 'search-sync.json');
    writeFileSync(broken, '{"cursor": 12, "set_a');
    expect(() => new SyncStateFile(broken).read()).toThrow(broken);
    const notAFile = join(dir(), 'search-sync.json');
    mkdirSync(notAFile);
    expect(() => new SyncStateFile(notAFile).read()).toThrow(notAFile);
    // GET /search/set-aside and the admin actions answer it as a 503 with its own code, not a 500.
    expect(() => new SyncStateFile(broken).read()).toThrow(SyncStateUnreadableError);
    expect(new SyncStateUnreadableError('x')).toMatchObject({ status: 503, code: 'search_sync_state_unreadable' });
  });
});

/** TEST DOUBLE of search's PUT /v2/documents/{type}: answers what `answer` says for each request. */
async function fakeSearch(
  answer: (keys: string[]) => { status: number; message?: string },
): Promise<{ url: string; puts: string[][]; server: Server }> {
  const puts: string[][] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const keys = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { documents: { key: string }[] }).documents.map((d) => d.key);
      puts.push(keys);
      const { status, message } = answer(keys);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: status, message: message ?? 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, puts, server };
}

describe('SearchSender', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));
  const docs = (...keys: string[]): BuiltDocument[] =>
    keys.map((key) => ({ resourceKey: key, document: { key } }) as unknown as BuiltDocument);
  const sender = async (answer: (keys: string[]) => { status: number; message?: string }) => {
    const search = await fakeSearch(answer);
    servers.push(search.server);
    return { sender: new SearchSender(search.url, async () => 'token'), puts: search.puts };
  };

  it('sets aside only the documents search names (documents.<i> (<key>)), and sends the rest', async () => {
    const { sender: s } = await sender((keys) => {
      const named = keys.flatMap((k, i) => (k.startsWith('bad') ? [`documents.${i} (${k}).key: bad (test double)`] : []));
      return named.length > 0 ? { status: named.length > 1 ? 422 : 400, message: named.join('; ') } : { status: 200 };
    });
    const outcome = await s.send('table', docs('a', 'bad1', 'b', 'bad2', 'c'));
    expect(outcome.delivered.map((d) => d.resourceKey).sort()).toEqual(['a', 'b', 'c']);
    expect(outcome.refused.map((d) => d.key).sort()).toEqual(['bad1', 'bad2']);
    expect(outcome.refused[0].reason).toContain('bad (test double)');
  });

  it('takes a refusal that names no document (schema skew) as temporary: it throws, setting nothing aside', async () => {
    const { sender: s } = await sender(() => ({ status: 400, message: 'documents.0.total_views: Unrecognized key (test double)' }));
    const skew = await sender(() => ({ status: 422, message: 'body: Unrecognized key "documents" (test double)' }));
    await expect(skew.sender.send('table', docs('a', 'b', 'c'))).rejects.toThrow(/names no document/);
    // A batch of one refused without its key: temporary too.
    await expect(skew.sender.send('table', docs('a'))).rejects.toThrow(/names no document/);
    // An index without the key is not a name: it could be anyone's.
    await expect(s.send('table', docs('a'))).rejects.toThrow(/names no document/);
  });

  it('still splits a batch search finds too large (413)', async () => {
    const { sender: s, puts } = await sender((keys) =>
      keys.length > 1 ? { status: 413, message: 'request entity too large' } : { status: 200 },
    );
    const outcome = await s.send('table', docs('a', 'b', 'c'));
    expect(outcome.delivered).toHaveLength(3);
    expect(outcome.refused).toEqual([]);
    expect(puts[0]).toEqual(['a', 'b', 'c']);
  });
});

describe('the search_sync health check', () => {
  /** The check of a service whose feed has one change (id 5) waiting since `clock`'s now. */
  const service = (cursorFile: string, maxLagS: number, clock = new ManualClock()) => {
    const checks: Record<string, () => Promise<CheckResult>> = {};
    const health = { register: (name: string, check: () => Promise<CheckResult>) => (checks[name] = check) } as unknown as HealthService;
    const metrics = { registry: new Registry() } as unknown as MetricsService;
    const entry = { id: 5, at: clock.now() };
    const store = {
      auditSince: async (after: number) => (after < 5 ? [entry] : []),
      audit: async () => [entry],
    } as unknown as SearchSource;
    const config = {
      searchSync: {
        kind: 'http',
        searchUrl: 'http://127.0.0.1:1',
        issuer: 'http://127.0.0.1:1',
        clientId: 'c',
        clientSecret: 's',
        scopes: '',
        intervalMs: 1000,
        cursorFile,
        maxLagS,
      },
    } as unknown as MetadataConfig;
    new SearchSyncService(store, config, health, metrics, clock).onModuleInit();
    return checks['search_sync'];
  };

  it('is ok while changes have waited less than SEARCH_SYNC_MAX_LAG_S, degraded past it', async () => {
    const clock = new ManualClock();
    const check = service(join(dir(), 'search-sync.json'), 60, clock);
    clock.advance(10_000);
    expect(await check()).toEqual(expect.objectContaining({ status: 'ok', lag_entries: 5, lag_seconds: 10, max_lag_seconds: 60 }));
    clock.advance(51_000);
    expect(await check()).toEqual(
      expect.objectContaining({ status: 'degraded', lag_entries: 5, lag_seconds: 61, message: expect.stringContaining('sync stuck') }),
    );
  });

  it('fails, naming the file, when the feed state cannot be read', async () => {
    const file = join(dir(), 'search-sync.json');
    writeFileSync(file, 'not json');
    expect(await service(file, 60)()).toEqual(expect.objectContaining({ status: 'fail', message: expect.stringContaining(file) }));
  });
});

describe('the documents the sync sends', () => {
  const sample = JSON.parse(readFileSync(join(workspaceRoot(), 'data', 'sample-catalog.json'), 'utf8')) as {
    users: Record<string, unknown>[];
    tables: TableRecord[];
    dashboards: DashboardRecord[];
    reads: ReadRecord[];
  };
  const edit = { actor: 'fram-scripts', at: 1 };

  it("are the shared mapping of the records they come from (the sample catalog, with usage and people's counts)", async () => {
    const store = new EmbeddedMetadataStore(join(dir(), 'metadata.db'));
    try {
      const users = sample.users.map((u) => normalizeUser(u));
      for (const user of users) await store.upsertUser(user, edit);
      await store.upsertTables(sample.tables, edit);
      await store.upsertDashboards(sample.dashboards, edit);
      await store.upsertReads(sample.reads, edit);
      const expected = catalogSearchDocuments({ tables: sample.tables, users, dashboards: sample.dashboards, reads: sample.reads });

      const keys = (documents: { key: string }[]) => new Set(documents.map((d) => d.key));
      const built = await buildDocuments(new SearchSource(store, store, store, store, store, store), {
        table: keys(expected.table),
        user: new Set(users.map((u) => u.user_id)),
        dashboard: keys(expected.dashboard),
        feature: new Set(),
      });
      expect(built.table.map((b) => b.document)).toEqual(expected.table);
      expect(built.user.map((b) => b.document)).toEqual(expected.user);
      expect(built.dashboard.map((b) => b.document)).toEqual(expected.dashboard);
      // A stored view says so in its document (search answers is_view); a table's document leaves it out.
      const views = sample.tables.filter((t) => t.is_view).map((t) => `${t.database}://${t.cluster}.${t.schema}/${t.name}`);
      expect(views.length).toBeGreaterThan(0);
      expect(
        built.table
          .filter((b) => b.document.is_view === true)
          .map((b) => b.resourceKey)
          .sort(),
      ).toEqual(views.sort());
      expect(built.table.filter((b) => b.document.is_view !== true).every((b) => !('is_view' in b.document))).toBe(true);
      // People's usage is filled (Amundsen's total_read / total_own), not left at 0.
      expect(expected.user.find((u) => u.key === 'ada@example.com')).toMatchObject({
        total_read: expect.any(Number) as number,
        total_own: expect.any(Number) as number,
      });
      expect(expected.user.some((u) => u.total_read > 0 && u.total_own > 0)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('are read READ_BATCH keys at a time, one store read per batch and type', async () => {
    const asked: number[] = [];
    const store = {
      tablesByKeys: async (keys: readonly string[]) => (asked.push(keys.length), []),
      usersByKeys: async (keys: readonly string[]) => (asked.push(keys.length), []),
      dashboardsByKeys: async (keys: readonly string[]) => (asked.push(keys.length), []),
      featuresByKeys: async (keys: readonly string[]) => (asked.push(keys.length), []),
    };
    const many = (n: number) => new Set(Array.from({ length: n }, (_, i) => `k${i}`));
    await buildDocuments(store, { table: many(2 * READ_BATCH + 1), user: many(3), dashboard: new Set(), feature: many(READ_BATCH + 2) });
    expect(asked).toEqual([READ_BATCH, READ_BATCH, 1, 3, READ_BATCH, 2]);
  });

  it('are asked for by every ingestion and edit of a feature in the change feed, and are the shared mapping of the stored feature', async () => {
    const store = new EmbeddedMetadataStore(join(dir(), 'metadata.db'));
    try {
      const record = {
        feature_group: 'rider_metrics',
        name: 'trip_duration_avg',
        version: '1.0',
        status: 'active',
        entity: 'rider',
        availability: ['hive', 'dynamo'],
        description: 'Average trip duration',
        tags: ['mobility'],
        badges: [{ badge_name: 'alpha', category: 'table_status' }],
        last_updated_timestamp: 1_700_000_000,
      };
      const key = 'rider_metrics/trip_duration_avg/1.0';
      await store.upsertFeatures([record, { ...record, name: 'trip_count', tags: [] }], edit);
      await store.setFeatureDescription(key, 'How long a ride lasts', edit);
      await store.addTag('feature', key, { tag_name: 'core', tag_type: 'default' }, edit);
      await store.removeBadge('feature', key, { badge_name: 'alpha', category: 'table_status' }, edit);
      await store.addOwner('feature', key, 'ada@example.com', edit);

      const changed = changedResources(await store.auditSince(0, 100));
      expect(changed.feature).toEqual(new Set([key, 'rider_metrics/trip_count/1.0']));
      expect([...changed.table, ...changed.dashboard, ...changed.user]).toEqual([]);

      const built = await buildDocuments(new SearchSource(store, store, store, store, store, store), {
        ...noChanges(),
        feature: new Set([key]),
      });
      expect(built.feature).toEqual([
        {
          resourceKey: key,
          document: {
            key,
            name: 'trip_duration_avg',
            feature_group: 'rider_metrics',
            version: '1.0',
            status: 'active',
            entity: 'rider',
            description: 'How long a ride lasts',
            availability: ['dynamo', 'hive'],
            tags: ['core', 'mobility'],
            badges: [],
            last_updated_timestamp: 1_700_000_000,
            total_usage: 0,
          },
        },
      ]);
      expect(featureDocumentSchema.safeParse(built.feature[0].document).success).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("carry a feature's usage (the sum of its read counts) as Amundsen's total_usage", async () => {
    // TEST DOUBLE of the store: feature reads come only from a graph Amundsen's databuilder wrote (READ_BY), which no ingestion call makes.
    const stored = { key: 'rides/duration/1', name: 'duration', version: '1', feature_group: 'rides', status: null, entity: null };
    const store = {
      tablesByKeys: async () => [],
      usersByKeys: async () => [],
      dashboardsByKeys: async () => [],
      featuresByKeys: async () => [
        {
          ...stored,
          availability: [],
          description: null,
          tags: [],
          badges: [],
          last_updated_timestamp: null,
          usage: 7,
        } as unknown as StoredFeature,
      ],
    };
    const built = await buildDocuments(store, { ...noChanges(), feature: new Set([stored.key]) });
    expect(built.feature.map((b) => b.document.total_usage)).toEqual([7]);
  });
});
