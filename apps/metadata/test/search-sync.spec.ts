import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { IngestLedger } from '../src/store/ports/ingest-ledger';
import { metadataApp } from './metadata-app';

/** Edits in metadata reach the real search service, also after search was down. */
describe('metadata keeps search current', () => {
  let idp: DevIdp;
  let metadata: RunningApp;
  let search: NodeProcess | undefined;
  let searchPort: number;
  const searchDataDir = mkdtempSync(join(tmpdir(), 'fram-sync-search-'));
  const tokens: Record<string, string> = {};

  // The real search service (built), as its own process on a fixed loopback port.
  const startSearch = async () => {
    search = await startNode(join(workspaceRoot(), 'dist', 'apps', 'search', 'main.js'), {
      port: searchPort,
      env: { AUTH_ISSUERS: idp.issuer, DATA_DIR: searchDataDir, LOG_LEVEL: 'warn' },
    });
  };

  beforeAll(async () => {
    idp = await startDevIdp();
    searchPort = await freePort();
    await startSearch();
    metadata = await startTestApp(
      metadataApp({
        AUTH_ISSUERS: idp.issuer,
        OIDC_ISSUER: idp.issuer,
        OKTA_ORG_URL: idp.origin,
        WRITE_GROUPS: 'Analysts',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-sync-metadata-')),
        SEARCH_URL: `http://127.0.0.1:${searchPort}`,
        SEARCH_SYNC_INTERVAL_MS: '100',
      }),
    );
    tokens['admin'] = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
    tokens['reader'] = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    tokens['edsger'] = await idp.userToken('edsger@example.com');
  }, 60_000);
  afterAll(async () => {
    await metadata?.close();
    await search?.stop();
    await idp?.stop();
  });

  const firstHit = async (query: string, type = 'table') => {
    const response = await call(`http://127.0.0.1:${searchPort}/v2/search`, {
      method: 'POST',
      token: tokens['reader'],
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query_term: query, resource_types: [type] }),
    });
    return response.status === 200
      ? response.json<{ results: Record<string, { results: Record<string, unknown>[] }> }>().results[type].results[0]
      : undefined;
  };
  const metadataCall = (who: string, path: string, init: RequestInit = {}) =>
    call(`${metadata.url}${path}`, { ...init, token: tokens[who], headers: { 'content-type': 'application/json', ...init.headers } });

  it('indexes ingested tables, then description edits, at once', async () => {
    const ingest = await metadataCall('admin', '/ingest/tables', {
      method: 'POST',
      body: JSON.stringify({
        tables: [
          { database: 'hive', cluster: 'gold', schema: 'core', name: 'orders', columns: [{ name: 'order_id', col_type: 'bigint' }] },
        ],
      }),
    });
    expect(ingest.status).toBe(200);
    expect(
      (
        await eventually(
          () => firstHit('ordrs'),
          (hit) => hit !== undefined,
        )
      )?.['key'],
    ).toBe('hive://gold.core/orders');

    expect(
      (
        await metadataCall('edsger', '/table/hive://gold.core/orders/description', {
          method: 'PUT',
          body: JSON.stringify({ description: 'Every zanzibar order' }),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await eventually(
          () => firstHit('zanzibar'),
          (hit) => hit !== undefined,
        )
      )?.['key'],
    ).toBe('hive://gold.core/orders');
  });

  it('indexes ingested ML features, then their description, tag and badge edits', async () => {
    const ingest = await metadataCall('admin', '/ingest/features', {
      method: 'POST',
      body: JSON.stringify({
        features: [
          {
            feature_group: 'rider_metrics',
            name: 'trip_duration_avg',
            version: '1.0',
            status: 'active',
            entity: 'rider',
            availability: ['hive'],
            description: 'Average trip duration',
            tags: ['mobility'],
          },
        ],
      }),
    });
    expect(ingest.status).toBe(200);
    const key = 'rider_metrics/trip_duration_avg/1.0';
    const ingested = await eventually(
      () => firstHit('trip duration', 'feature'),
      (hit) => hit !== undefined,
    );
    expect(ingested).toMatchObject({
      key,
      feature_name: 'trip_duration_avg',
      feature_group: 'rider_metrics',
      version: '1.0',
      status: 'active',
      entity: 'rider',
      availability: ['hive'],
      tags: ['mobility'],
      total_usage: 0,
    });

    const described = await metadataCall('edsger', `/feature/${key}/description`, {
      method: 'PUT',
      body: JSON.stringify({ description: 'How long a quetzal ride lasts' }),
    });
    expect(described.status).toBe(200);
    expect(
      (
        await eventually(
          () => firstHit('quetzal', 'feature'),
          (hit) => hit !== undefined,
        )
      )?.['key'],
    ).toBe(key);

    expect((await metadataCall('edsger', `/feature/${key}/tag/axolotl`, { method: 'PUT' })).status).toBe(200);
    expect((await metadataCall('edsger', `/feature/${key}/badge/alpha?category=table_status`, { method: 'PUT' })).status).toBe(200);
    const edited = await eventually(
      () => firstHit('axolotl', 'feature'),
      (hit) => (hit?.['badges'] as string[] | undefined)?.includes('alpha') === true,
    );
    expect(edited).toMatchObject({ key, tags: ['axolotl', 'mobility'], badges: ['alpha'] });

    expect((await metadataCall('edsger', `/feature/${key}/tag/axolotl`, { method: 'DELETE' })).status).toBe(200);
    expect(
      await eventually(
        () => firstHit('axolotl', 'feature'),
        (hit) => hit === undefined,
      ),
    ).toBeUndefined();
  });

  it("indexes a dashboard's query names and chart names", async () => {
    const ingest = await metadataCall('admin', '/ingest/dashboards', {
      method: 'POST',
      body: JSON.stringify({
        dashboards: [
          {
            product: 'mode',
            cluster: 'prod',
            group_name: 'ops',
            name: 'fleet',
            chart_names: ['Fleet size'],
            queries: [{ name: 'Capybara rides', chart_names: ['Tapir trend'] }],
          },
        ],
      }),
    });
    expect(ingest.status).toBe(200);
    const byQuery = await eventually(
      () => firstHit('capybara', 'dashboard'),
      (hit) => hit !== undefined,
    );
    expect(byQuery).toMatchObject({
      uri: 'mode_dashboard://prod.ops/fleet',
      query_names: ['Capybara rides'],
      chart_names: ['Fleet size', 'Tapir trend'],
    });
    expect((await firstHit('tapir', 'dashboard'))?.['uri']).toBe('mode_dashboard://prod.ops/fleet');
  });

  it('indexes people found in the directory', async () => {
    expect((await metadataCall('reader', '/user/alan@example.com')).status).toBe(200);
    expect(
      (
        await eventually(
          () => firstHit('turing', 'user'),
          (hit) => hit !== undefined,
        )
      )?.['email'],
    ).toBe('alan@example.com');
  });

  it('keeps edits made while search is down and delivers them when it is back', async () => {
    await search!.stop();
    search = undefined;
    const edit = await metadataCall('edsger', '/table/hive://gold.core/orders/tag/kilimanjaro', { method: 'PUT' });
    expect(edit.status).toBe(200); // the edit does not wait for search
    // The sync has tried, and failed, to deliver it while search was down (its health check says why).
    const tried = await eventually(
      async () =>
        (await call(`${metadata.url}/healthcheck`)).json<{ checks: Record<string, Record<string, unknown>> }>().checks['search_sync'],
      (check) => check?.['last_error'] !== undefined,
    );
    expect(tried).toEqual(expect.objectContaining({ status: 'ok', lag_entries: 1, last_error: expect.any(String) as string }));
    await startSearch();
    const hit = await eventually(
      () => firstHit('kilimanjaro'),
      (h) => h !== undefined,
      35_000,
    );
    expect(hit?.['key']).toBe('hive://gold.core/orders');
    expect(hit?.['tag']).toEqual(['kilimanjaro']);
  }, 60_000);

  it('rebuilds a search index that lost its documents with `npm run reindex`', async () => {
    const metadataToken = await idp.clientToken('fram-metadata', 'fram-metadata-dev-secret', 'read:data write:data');
    const remove = (type: string, key: string) =>
      call(`http://127.0.0.1:${searchPort}/v2/documents/${type}`, {
        method: 'DELETE',
        token: metadataToken,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ keys: [key] }),
      });
    expect((await remove('table', 'hive://gold.core/orders')).json()).toEqual({ removed: 1 });
    expect((await remove('feature', 'rider_metrics/trip_duration_avg/1.0')).json()).toEqual({ removed: 1 });
    expect(await firstHit('orders')).toBeUndefined();
    expect(await firstHit('quetzal', 'feature')).toBeUndefined();

    const { code, output } = await runNode(bundleScript('apps/metadata/src/cli/reindex.main.ts'), {
      METADATA_URL: metadata.url,
      OIDC_ISSUER: idp.issuer,
    });
    expect(output).toMatch(/Reindexed 1 tables, 1 dashboards, 1 features and 1 people in [\d.]+ s/);
    expect(code).toBe(0);
    expect((await firstHit('orders'))?.['key']).toBe('hive://gold.core/orders');
    expect((await firstHit('quetzal', 'feature'))?.['key']).toBe('rider_metrics/trip_duration_avg/1.0');
    expect((await metadataCall('reader', '/search/reindex', { method: 'POST' })).status).toBe(403);
  }, 60_000);

  it("indexes a schema's description with every table of the schema, also when another table's record changes it", async () => {
    const ingest = (tables: unknown[]) => metadataCall('admin', '/ingest/tables', { method: 'POST', body: JSON.stringify({ tables }) });
    const wombats = { database: 'hive', cluster: 'gold', schema: 'zoo', name: 'wombat_sightings' };
    const quokkas = { database: 'hive', cluster: 'gold', schema: 'zoo', name: 'quokka_sightings' };
    expect((await ingest([{ ...wombats, schema_description: 'Marsupial records.' }, quokkas])).status).toBe(200);
    const described = (query: string, description: string) =>
      eventually(
        () => firstHit(query),
        (hit) => hit?.['schema_description'] === description,
      );
    expect((await described('quokka', 'Marsupial records.'))?.['schema_description']).toBe('Marsupial records.');
    // Only the quokkas' record changes it: the wombats' document is refreshed too.
    expect((await ingest([{ ...quokkas, schema_description: 'Marsupials, counted daily.' }])).status).toBe(200);
    expect((await described('wombat', 'Marsupials, counted daily.'))?.['schema_description']).toBe('Marsupials, counted daily.');
  });

  it('removes the documents of tables and dashboards a source run removed from the catalog', async () => {
    const table = { database: 'hive', cluster: 'gold', schema: 'zoo', name: 'okapi_sightings' };
    const dashboard = { product: 'mode', cluster: 'prod', group_name: 'zoo', name: 'okapi' };
    const ingest = (path: string, body: unknown) => metadataCall('admin', path, { method: 'POST', body: JSON.stringify(body) });
    expect((await ingest('/ingest/tables', { tables: [table] })).status).toBe(200);
    expect((await ingest('/ingest/dashboards', { dashboards: [dashboard] })).status).toBe(200);
    const indexed = await eventually(
      async () => [await firstHit('okapi'), await firstHit('okapi', 'dashboard')],
      (hits) => hits.every((hit) => hit !== undefined),
    );
    const [tableKey, dashboardKey] = [indexed[0]?.['key'] as string, indexed[1]?.['uri'] as string];
    expect([tableKey, dashboardKey]).toEqual(['hive://gold.zoo/okapi_sightings', 'mode_dashboard://prod.zoo/okapi']);

    // Through the store, as no endpoint removes yet: a source's run sends both, its next run neither, and its finish removes them.
    const ledger = metadata.app.get(IngestLedger);
    const edit = { actor: 'fram-scripts', at: Date.now() };
    const first = await ledger.startIngestRun('zoo census', edit);
    await ledger.recordIngested(first.run, 'table', [{ key: tableKey, fingerprint: 'f' }]);
    await ledger.recordIngested(first.run, 'dashboard', [{ key: dashboardKey, fingerprint: 'f' }]);
    await ledger.finishIngestRun(first.run, undefined, edit);
    const next = await ledger.startIngestRun('zoo census', edit);
    expect(await ledger.finishIngestRun(next.run, undefined, edit)).toMatchObject({ removed: { table: 1, dashboard: 1 } });

    expect(
      await eventually(
        async () => [await firstHit('okapi'), await firstHit('okapi', 'dashboard')],
        (hits) => hits.every((hit) => hit === undefined),
      ),
    ).toEqual([undefined, undefined]);
  });
});
