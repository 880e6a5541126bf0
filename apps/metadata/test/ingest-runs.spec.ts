import { tableKey, type FinishedIngestRun, type IngestRecords, type IngestRun, type TableRecord } from '@fram/models';
import { ingestFingerprint } from '@fram/catalog-tools';
import { startMetadataStack, type MetadataStack } from './metadata-app';

const table = (name: string): TableRecord => ({
  database: 'postgres',
  cluster: 'shop',
  schema: 'public',
  name,
  columns: [{ name: 'id', col_type: 'bigint' }],
});
const ORDERS = table('orders');
const CUSTOMERS = table('customers');
const ITEMS = table('items');
const none = { table: 0, dashboard: 0, feature: 0, lineage: 0, column_lineage: 0, feature_lineage: 0 };

/** Source runs over HTTP with tokens from dev-idp: start, batches with `?run=`, finish; the ledger and the sources. */
describe('metadata API: source runs', () => {
  let stack: MetadataStack;

  const post = (who: string, path: string, body: unknown) => stack.as(who, path, { method: 'POST', body: JSON.stringify(body) });
  const start = async (source: string) => {
    const started = await post('admin', '/ingest/runs', { source });
    expect(started.status).toBe(201);
    return started.json<IngestRun>();
  };

  beforeAll(async () => {
    stack = await startMetadataStack('ingest-runs', { people: ['edsger', 'frances'] });
  });
  afterAll(() => stack?.close());

  it('refuses batches for an unknown run (404) or a finished one (409), and a second finish (409), writing nothing', async () => {
    const unknown = await post('admin', '/ingest/tables?run=no-such-run', { tables: [ITEMS] });
    expect({ status: unknown.status, message: unknown.json<{ message: string }>().message }).toEqual({
      status: 404,
      message: 'Ingest run no-such-run not found',
    });
    expect((await post('admin', '/ingest/runs/no-such-run/finish', {})).status).toBe(404);

    const { run } = await start('dbt:refusals');
    expect((await post('admin', `/ingest/runs/${run}/finish`, {})).status).toBe(200);
    const late = await post('admin', `/ingest/tables?run=${run}`, { tables: [ITEMS] });
    expect({ status: late.status, message: late.json<{ message: string }>().message }).toEqual({
      status: 409,
      message: `Ingest run ${run} is finished`,
    });
    const reads = { reads: [{ user: 'ada@example.com', table_key: tableKey(ITEMS), read_count: 1 }] };
    expect((await post('admin', `/ingest/reads?run=${run}`, reads)).status).toBe(409);
    expect((await post('admin', `/ingest/runs/${run}/finish`, {})).status).toBe(409);
    expect((await stack.as('frances', `/table/${tableKey(ITEMS)}`)).status).toBe(404);
  });

  it('is for admins only', async () => {
    expect((await post('edsger', '/ingest/runs', { source: 'dbt:shop' })).status).toBe(403);
    expect((await post('frances', '/ingest/runs', { source: 'dbt:shop' })).status).toBe(403);
    expect((await stack.as('frances', '/ingest/sources')).status).toBe(403);
    expect((await stack.as('frances', '/ingest/records?source=dbt:shop&kind=table')).status).toBe(403);
    const { run } = await start('dbt:admins');
    expect((await post('frances', `/ingest/runs/${run}/finish`, {})).status).toBe(403);
  });

  it("removes what the source's next run no longer sends, refusing first beyond max_removed_percent", async () => {
    const source = 'postgres:db.example.com:5432/shop';
    const first = await start(source);
    expect(first).toEqual({ run: expect.any(String), source, started_at: expect.any(Number), finished_at: null });
    const tables = await post('admin', `/ingest/tables?run=${first.run}`, { tables: [ORDERS, CUSTOMERS, ITEMS] });
    expect({ status: tables.status, body: tables.json() }).toEqual({ status: 200, body: { upserted: 3 } });
    const edge = { upstream: tableKey(ORDERS), downstream: tableKey(CUSTOMERS) };
    expect((await post('admin', `/ingest/lineage?run=${first.run}`, { lineage: [edge] })).status).toBe(200);
    const finished = await post('admin', `/ingest/runs/${first.run}/finish`, { max_removed_percent: 10 });
    expect({ status: finished.status, body: finished.json() }).toEqual({
      status: 200,
      body: { ...first, finished_at: expect.any(Number), removed: none, released: none, kept: { ...none, table: 3, lineage: 1 } },
    });

    const second = await start(source);
    await post('admin', `/ingest/tables?run=${second.run}`, { tables: [ORDERS, CUSTOMERS] });
    await post('admin', `/ingest/lineage?run=${second.run}`, { lineage: [edge] });
    const refused = await post('admin', `/ingest/runs/${second.run}/finish`, { max_removed_percent: 20 });
    expect({ status: refused.status, message: refused.json<{ message: string }>().message }).toEqual({
      status: 409,
      message:
        `Finishing ingest run ${second.run} would remove 1 of the 4 records its source held before the run (25%), ` +
        'more than max_removed_percent 20%; nothing was removed and the run is still open',
    });
    expect((await stack.as('frances', `/table/${tableKey(ITEMS)}`)).status).toBe(200);

    const done = await post('admin', `/ingest/runs/${second.run}/finish`, { max_removed_percent: 25 });
    expect({ status: done.status, body: done.json<FinishedIngestRun>() }).toEqual({
      status: 200,
      body: {
        ...second,
        finished_at: expect.any(Number),
        removed: { ...none, table: 1 },
        released: none,
        kept: { ...none, table: 2, lineage: 1 },
      },
    });
    expect((await stack.as('frances', `/table/${tableKey(ITEMS)}`)).status).toBe(404);
    expect((await stack.as('frances', `/table/${tableKey(ORDERS)}`)).status).toBe(200);
    // The audit trail, which search reads as its change feed: the removal, then the finish.
    const [finishEntry, removal] = (await stack.as('admin', '/audit?limit=2')).json<{ entries: unknown[] }>().entries;
    expect(removal).toMatchObject({
      action: 'remove',
      resource_type: 'table',
      resource_key: tableKey(ITEMS),
      detail: { source, run: second.run },
    });
    expect(finishEntry).toMatchObject({ action: 'finish_ingest_run', resource_type: 'ingest_run', resource_key: second.run });

    const page = await stack.as('admin', `/ingest/records?source=${encodeURIComponent(source)}&kind=table&limit=1`);
    expect(page.json<IngestRecords>()).toEqual({
      records: [{ key: tableKey(CUSTOMERS), fingerprint: ingestFingerprint(CUSTOMERS), run: second.run }],
      next: tableKey(CUSTOMERS),
    });
    const rest = await stack.as(
      'admin',
      `/ingest/records?source=${encodeURIComponent(source)}&kind=table&after=${encodeURIComponent(tableKey(CUSTOMERS))}`,
    );
    expect(rest.json()).toEqual({
      records: [{ key: tableKey(ORDERS), fingerprint: ingestFingerprint(ORDERS), run: second.run }],
      next: null,
    });

    const sources = await stack.as('admin', '/ingest/sources');
    expect(sources.json<{ sources: unknown[] }>().sources).toContainEqual({
      source,
      records: { ...none, table: 2, lineage: 1 },
      latest_run: { ...second, finished_at: done.json<FinishedIngestRun>().finished_at },
    });
  });

  it('refuses (409) to finish a run once a later run of its source started, and tells apart what another source keeps', async () => {
    const [kept, mirrored] = [table('overlap_kept'), table('overlap_mirrored')];
    const source = 'dbt:overlap';
    const earlier = await start(source);
    await post('admin', `/ingest/tables?run=${earlier.run}`, { tables: [kept, mirrored] });
    const later = await start(source);
    await post('admin', `/ingest/tables?run=${later.run}`, { tables: [kept] });
    const mirror = await start('dbt:overlap-mirror');
    await post('admin', `/ingest/tables?run=${mirror.run}`, { tables: [mirrored] });
    expect((await post('admin', `/ingest/runs/${mirror.run}/finish`, {})).status).toBe(200);

    const refused = await post('admin', `/ingest/runs/${earlier.run}/finish`, {});
    expect({ status: refused.status, ...refused.json<{ code: string; message: string }>() }).toEqual({
      statusCode: 409,
      status: 409,
      code: 'ingest_run_superseded',
      message:
        `Ingest run ${earlier.run} was not finished: a later run of ${source} started at ${new Date(later.started_at).toISOString()} ` +
        `(${later.run}); this run is left unfinished and nothing was removed`,
    });
    expect((await stack.as('frances', `/table/${tableKey(kept)}`)).status).toBe(200);

    const done = await post('admin', `/ingest/runs/${later.run}/finish`, {});
    expect(done.json<FinishedIngestRun>()).toMatchObject({ removed: none, released: { ...none, table: 1 }, kept: { ...none, table: 1 } });
    expect((await stack.as('frances', `/table/${tableKey(mirrored)}`)).status).toBe(200);
  });

  it('validates its requests: source names, kinds, limits', async () => {
    expect((await post('admin', '/ingest/runs', { source: 'two\nlines' })).status).toBe(400);
    expect((await post('admin', '/ingest/runs', {})).status).toBe(400);
    expect((await stack.as('admin', '/ingest/records?source=dbt:shop&kind=user')).status).toBe(400);
    expect((await stack.as('admin', '/ingest/records?source=dbt:shop&kind=table&limit=0')).status).toBe(400);
    const { run } = await start('dbt:validation');
    expect((await post('admin', `/ingest/runs/${run}/finish`, { max_removed_percent: 101 })).status).toBe(400);
  });
});
