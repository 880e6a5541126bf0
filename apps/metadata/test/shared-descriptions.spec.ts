import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startDevIdp, startTestApp, type DevIdp, type RunningApp } from '@fram/testing';
import { buildDocuments, changedResources, noChanges } from '../src/search-sync/search-documents';
import { EmbeddedMetadataStore } from '../src/store/embedded/embedded-metadata-store';
import { metadataApp } from './metadata-app';

const ORDERS = 'hive://gold.core/orders';
const CUSTOMERS = 'hive://gold.core/customers';
const EVENTS = 'bigquery://prod.analytics/events';
const WEEKLY = 'mode_dashboard://prod.sales/weekly';
const DAILY = 'mode_dashboard://prod.sales/daily';

const orders = { database: 'hive', cluster: 'gold', schema: 'core', name: 'orders', description: 'One row per order.' };
const customers = { database: 'hive', cluster: 'gold', schema: 'core', name: 'customers' };
const events = { database: 'bigquery', cluster: 'prod', schema: 'analytics', name: 'events' };
const weekly = { product: 'mode', cluster: 'prod', group_name: 'sales', name: 'weekly' };
const daily = { product: 'mode', cluster: 'prod', group_name: 'sales', name: 'daily' };

/**
 * The descriptions many resources share, over HTTP: a schema's (databuilder's SchemaModel), given on
 * its tables' records and shown in every TableSummary Amundsen answers (popular tables, a person's
 * tables, a dashboard's tables), and a dashboard group's (databuilder's dashboard_group_description).
 */
describe("metadata API: schemas' and dashboard groups' descriptions", () => {
  let idp: DevIdp;
  let api: RunningApp;
  const tokens: Record<string, string> = {};

  const as = (who: string, path: string, init: RequestInit = {}) =>
    call(`${api.url}${path}`, { ...init, token: tokens[who], headers: { 'content-type': 'application/json', ...init.headers } });
  const post = (path: string, body: unknown) => as('admin', path, { method: 'POST', body: JSON.stringify(body) });
  const get = async <T>(path: string): Promise<T> => {
    const response = await as('alan', path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.json<T>();
  };
  type Summary = { key: string; schema_description: string | null };
  const described = (tables: Summary[]) => tables.map((t) => [t.key, t.schema_description]);

  beforeAll(async () => {
    idp = await startDevIdp();
    api = await startTestApp(
      metadataApp({
        AUTH_ISSUERS: idp.issuer,
        ADMIN_GROUPS: 'Fram Admins',
        WRITE_GROUPS: 'Data Engineers,Analysts',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-shared-descriptions-')),
        OKTA_ORG_URL: idp.origin,
      }),
    );
    tokens['admin'] = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
    tokens['alan'] = await idp.userToken('alan@example.com');
  });
  afterAll(async () => {
    await api?.close();
    await idp?.stop();
  });

  it('refuses a batch whose records give one schema, or one dashboard group, two descriptions, naming the record, and keeps nothing', async () => {
    const tables = await post('/ingest/tables', {
      tables: [
        { ...orders, schema_description: 'Core.' },
        { ...events, schema_description: 'Analytics.' },
        { ...customers, schema_description: 'Core tables.' },
      ],
    });
    expect(tables.status).toBe(400);
    expect(tables.json<{ message: string }>().message).toContain('tables.2.schema_description');
    expect(tables.json<{ message: string }>().message).toContain('hive://gold.core');
    expect((await as('alan', `/table/${ORDERS}`)).status).toBe(404);

    const dashboards = await post('/ingest/dashboards', {
      dashboards: [
        { ...weekly, group_description: 'Sales.' },
        { ...daily, group_description: null },
      ],
    });
    expect(dashboards.status).toBe(400);
    expect(dashboards.json<{ message: string }>().message).toContain('dashboards.1.group_description');
    expect((await as('alan', `/dashboard/${WEEKLY}`)).status).toBe(404);
    // Descriptions are held to the rules of every description.
    expect((await post('/ingest/tables', { tables: [{ ...orders, schema_description: 'x'.repeat(100_001) }] })).status).toBe(400);
    expect((await post('/ingest/dashboards', { dashboards: [{ ...weekly, group_description: 42 }] })).status).toBe(400);
  });

  it("shows a schema's description in every table summary: popular tables, a person's tables, a dashboard's tables", async () => {
    expect(
      (
        await post('/ingest/tables', {
          tables: [{ ...orders, owners: ['alan@example.com'], schema_description: 'Core business tables.' }, customers, events],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post('/ingest/reads', {
          reads: [
            { user: 'alan@example.com', table_key: ORDERS, read_count: 5 },
            { user: 'edsger@example.com', table_key: ORDERS, read_count: 3 },
            { user: 'edsger@example.com', table_key: CUSTOMERS, read_count: 1 },
          ],
        })
      ).status,
    ).toBe(200);
    expect((await post('/ingest/dashboards', { dashboards: [{ ...weekly, tables: [ORDERS, EVENTS] }] })).status).toBe(200);
    expect((await as('alan', `/user/alan@example.com/follow/table/${CUSTOMERS}`, { method: 'PUT' })).status).toBe(200);

    const core = 'Core business tables.';
    expect(described((await get<{ popular_tables: Summary[] }>('/popular_tables/')).popular_tables)).toEqual([[ORDERS, core]]);
    expect(described((await get<{ Table: Summary[] }>('/popular_resources/?types=table')).Table)).toEqual([[ORDERS, core]]);
    expect(described((await get<{ table: Summary[] }>('/user/alan@example.com/own/')).table)).toEqual([[ORDERS, core]]);
    expect(described((await get<{ table: Summary[] }>('/user/alan@example.com/follow/')).table)).toEqual([[CUSTOMERS, core]]);
    expect(described((await get<{ table: Summary[] }>('/user/alan@example.com/read/')).table)).toEqual([[ORDERS, core]]);
    expect(described((await get<{ tables: Summary[] }>(`/dashboard/${WEEKLY}`)).tables)).toEqual([
      [EVENTS, null],
      [ORDERS, core],
    ]);
    expect((await get<{ popular_tables: Record<string, unknown>[] }>('/popular_tables/')).popular_tables[0]).toEqual({
      key: ORDERS,
      database: 'hive',
      cluster: 'gold',
      schema: 'core',
      name: 'orders',
      description: 'One row per order.',
      schema_description: core,
    });

    // Another table of the schema replaces it, and removes it; records that leave it out keep it.
    expect((await post('/ingest/tables', { tables: [{ ...customers, schema_description: 'Core, curated.' }] })).status).toBe(200);
    expect((await post('/ingest/tables', { tables: [orders] })).status).toBe(200);
    expect(described((await get<{ table: Summary[] }>('/user/alan@example.com/own/')).table)).toEqual([[ORDERS, 'Core, curated.']]);
    expect((await post('/ingest/tables', { tables: [{ ...customers, schema_description: null }] })).status).toBe(200);
    expect(described((await get<{ popular_tables: Summary[] }>('/popular_tables/')).popular_tables)).toEqual([[ORDERS, null]]);
  });
});

/** What search is sent: the documents of every table (dashboard) whose schema's (group's) description an ingestion changed. */
describe('the search documents of resources sharing a description', () => {
  it("carry the schema's and the group's description, and are all refreshed when an ingestion changes it", async () => {
    const store = new EmbeddedMetadataStore(join(mkdtempSync(join(tmpdir(), 'fram-shared-descriptions-sync-')), 'metadata.db'));
    const edit = { actor: 'fram-scripts', at: 1 };
    try {
      await store.upsertTables([orders, customers, events], edit);
      await store.upsertDashboards([weekly, daily], edit);
      const [before] = await store.audit(1);

      await store.upsertTables([{ ...orders, schema_description: 'Core business tables.' }], edit);
      await store.upsertDashboards([{ ...daily, group_description: 'Sales dashboards.' }], edit);
      const changed = changedResources(await store.auditSince(before.id, 10));
      expect([...changed.table].sort()).toEqual([CUSTOMERS, ORDERS]);
      expect([...changed.dashboard].sort()).toEqual([DAILY, WEEKLY]);

      const built = await buildDocuments(store, changed);
      expect(built.table.map((b) => [b.document.key, b.document.schema_description])).toEqual(
        [...changed.table].map((key) => [key, 'Core business tables.']),
      );
      expect(built.dashboard.map((b) => [b.document.key, b.document.group_description])).toEqual(
        [...changed.dashboard].map((key) => [key, 'Sales dashboards.']),
      );
      const other = await buildDocuments(store, { ...noChanges(), table: new Set([EVENTS]) });
      expect(other.table[0].document.schema_description).toBeNull();
    } finally {
      await store.close();
    }
  });
});
