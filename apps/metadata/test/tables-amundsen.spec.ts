import type { NestExpressApplication } from '@nestjs/platform-express';
import { amundsenProblems } from '@fram/testing';
import { startMetadataStack, type MetadataStack } from './metadata-app';

/** A table key as databuilder makes them: its parts may hold spaces. */
const VIEWS = 'hive://gold.raw events/page views';
const PAYLOAD_TYPE = `${VIEWS}/payload/type/payload`;
const USER_TYPE = `${PAYLOAD_TYPE}/user`;
const EMAIL_TYPE = `${USER_TYPE}/email`;
const REVENUE = 'bigquery://prod.analytics/daily_revenue';

/** A table with everything Amundsen's TableSchema has, as an operator would ingest it from databuilder's models. */
const PAGE_VIEWS = {
  database: 'hive',
  cluster: 'gold',
  schema: 'raw events',
  name: 'page views',
  description: 'Every page view.',
  columns: [
    {
      name: 'payload',
      col_type: 'struct<user:struct<id:bigint,email:string>>',
      badges: [{ badge_name: 'pii', category: 'column' }],
      stats: [{ stat_type: 'nulls', stat_val: '0', start_epoch: 1_700_000_000, end_epoch: 1_700_086_400 }],
      type_metadata: {
        kind: 'struct',
        name: 'payload',
        data_type: 'struct<user:struct<id:bigint,email:string>>',
        children: [
          {
            kind: 'struct',
            name: 'user',
            data_type: 'struct<id:bigint,email:string>',
            children: [
              { kind: 'scalar', name: 'id', data_type: 'bigint' },
              { kind: 'scalar', name: 'email', data_type: 'string', description: 'Hashed.' },
            ],
          },
        ],
      },
    },
    { name: 'viewed_at', col_type: 'timestamp' },
  ],
  programmatic_descriptions: [{ source: 'dbt', text: 'Built by dbt.' }],
  watermarks: [{ watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2024-06-30', create_time: '2024-07-01' }],
  applications: [
    { id: 'events/load', name: 'Airflow', kind: 'Producing', application_url: 'https://airflow.example.com/events' },
    { id: 'events/load', name: 'Airflow', kind: 'Consuming' },
    { id: 'reports/views', name: 'Airflow', kind: 'Consuming', description: 'Weekly report' },
  ],
  source: { source_type: 'github', source: 'https://github.com/example/events/blob/main/page_views.sql' },
  resource_reports: [{ name: 'Quality', url: 'https://reports.example.com/quality' }],
  tags: ['clickstream'],
  owners: ['ada@example.com'],
  last_updated_timestamp: 1_719_792_000,
};

/** Amundsen's table, column, nested type and column lineage operations over HTTP, checked against Amundsen's models. */
describe('metadata: tables as Amundsen has them', () => {
  let stack: MetadataStack;

  beforeAll(async () => {
    stack = await startMetadataStack('tables-amundsen', {
      people: ['ada', 'edsger', 'frances'],
      variables: {
        WRITE_GROUPS: 'Analysts',
        WHITELIST_BADGES: 'certified:table_status,pii:column,key:column,sensitive:type_metadata',
        SEARCH_SYNC: 'off',
      },
      // main.ts's body limit, as bulk ingestion has it.
      app: { beforeListen: (app) => (app as NestExpressApplication).useBodyParser('json', { limit: '20mb' }) },
    });
    const tables = await post('/ingest/tables', {
      tables: [
        PAGE_VIEWS,
        {
          database: 'bigquery',
          cluster: 'prod',
          schema: 'analytics',
          name: 'daily_revenue',
          columns: [{ name: 'views', col_type: 'bigint' }],
        },
      ],
    });
    expect({ status: tables.status, body: tables.json() }).toEqual({ status: 200, body: { upserted: 2 } });
  });
  afterAll(() => stack?.close());

  const as = (who: string, path: string, init?: RequestInit) => stack.as(who, path, init);
  const post = (path: string, body: unknown) => as('admin', path, { method: 'POST', body: JSON.stringify(body) });
  const table = async () => (await as('frances', `/table/${VIEWS}`)).json<Record<string, unknown>>();

  it("answers GET /table/{key} as Amundsen's Table, with all databuilder writes, for a key with spaces", async () => {
    expect((await as('edsger', `/table/${VIEWS}/tag/gold?tag_type=tier`, { method: 'PUT' })).status).toBe(200);
    const response = await as('frances', `/table/${VIEWS}`);
    expect(response.status).toBe(200);
    const answer = response.json<Record<string, unknown>>();
    expect(amundsenProblems('Table', answer)).toEqual([]);
    expect(answer).toMatchObject({
      key: VIEWS,
      schema: 'raw events',
      name: 'page views',
      is_view: false,
      last_updated_timestamp: 1_719_792_000,
      // Only tags of the default type, as Amundsen shows them.
      tags: [{ tag_name: 'clickstream', tag_type: 'default' }],
      programmatic_descriptions: [{ source: 'dbt', text: 'Built by dbt.' }],
      watermarks: [{ watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2024-06-30', create_time: '2024-07-01' }],
      table_writer: {
        id: 'events/load',
        name: 'Airflow',
        kind: 'Producing',
        application_url: 'https://airflow.example.com/events',
        description: null,
      },
      // A program that writes and reads the table is listed once, as its writer.
      table_apps: [
        expect.objectContaining({ id: 'events/load', kind: 'Producing' }),
        { id: 'reports/views', name: 'Airflow', kind: 'Consuming', application_url: null, description: 'Weekly report' },
      ],
      source: { source_type: 'github', source: 'https://github.com/example/events/blob/main/page_views.sql' },
      resource_reports: [{ name: 'Quality', url: 'https://reports.example.com/quality' }],
      owners: [expect.objectContaining({ email: 'ada@example.com' })],
    });
    const [payload, viewedAt] = answer['columns'] as Record<string, unknown>[];
    expect(payload).toMatchObject({
      key: `${VIEWS}/payload`,
      badges: [{ badge_name: 'pii', category: 'column' }],
      stats: [{ stat_type: 'nulls', stat_val: '0', start_epoch: 1_700_000_000, end_epoch: 1_700_086_400, is_metric: null }],
      type_metadata: {
        kind: 'struct',
        key: PAYLOAD_TYPE,
        children: [
          {
            name: 'user',
            key: USER_TYPE,
            children: [
              { name: 'id', key: `${USER_TYPE}/id`, sort_order: 0, description: null, badges: [], children: [] },
              { name: 'email', key: EMAIL_TYPE, sort_order: 1, description: 'Hashed.', data_type: 'string', kind: 'scalar' },
            ],
          },
        ],
      },
    });
    expect(viewedAt).toMatchObject({ name: 'viewed_at', stats: [], badges: [], type_metadata: null });
    // The URL-encoded key is the same table.
    expect((await as('frances', `/table/${encodeURIComponent(VIEWS)}`)).json()).toEqual(answer);
  });

  it('adds and removes allowed column badges (PUT/DELETE /table/{key}/column/{column}/badge/{badge}), for the editors of the table', async () => {
    const badge = (method: string, path: string, who = 'edsger') => as(who, `/table/${VIEWS}/column/${path}`, { method });
    const added = await badge('PUT', 'viewed_at/badge/key?category=column');
    expect({ status: added.status, problems: amundsenProblems('Message', added.json()) }).toEqual({ status: 200, problems: [] });
    expect(((await table())['columns'] as { badges: unknown[] }[])[1].badges).toEqual([{ badge_name: 'key', category: 'column' }]);
    expect((await badge('PUT', 'viewed_at/badge/key?category=column', 'frances')).status).toBe(403);
    expect((await badge('PUT', 'viewed_at/badge/key?category=column', 'ada')).status).toBe(200); // an owner
    expect((await badge('PUT', 'viewed_at/badge/golden?category=column')).status).toBe(404); // not in WHITELIST_BADGES
    expect((await badge('PUT', 'viewed_at/badge/key')).status).toBe(400); // Amundsen requires the category
    expect((await badge('PUT', 'nope/badge/key?category=column')).status).toBe(404);
    expect((await as('edsger', `/table/hive://gold.core/nope/column/id/badge/key?category=column`, { method: 'PUT' })).status).toBe(404);
    expect((await badge('DELETE', 'viewed_at/badge/key?category=column')).status).toBe(200);
    expect(((await table())['columns'] as { badges: unknown[] }[])[1].badges).toEqual([]);
    // A column badge is not the table's.
    expect((await table())['badges']).toEqual([]);
    const audit = (await as('admin', '/audit?limit=1')).json<{ entries: { action: string; resource_key: string; detail: object }[] }>();
    expect(audit.entries[0]).toMatchObject({
      action: 'remove_column_badge',
      resource_key: VIEWS,
      detail: { column: 'viewed_at', badge_name: 'key', category: 'column' },
    });
  });

  it("serves a nested type's description and badges (/type_metadata/{key}/description and /badge/{badge})", async () => {
    const get = await as('frances', `/type_metadata/${EMAIL_TYPE}/description`);
    expect({ status: get.status, body: get.json(), problems: amundsenProblems('Description', get.json()) }).toEqual({
      status: 200,
      body: { description: 'Hashed.' },
      problems: [],
    });
    const put = (who: string, key: string, description: unknown) =>
      as(who, `/type_metadata/${key}/description`, { method: 'PUT', body: JSON.stringify({ description }) });
    expect((await put('edsger', USER_TYPE, 'Who viewed.')).status).toBe(200);
    expect((await as('frances', `/type_metadata/${USER_TYPE}/description`)).json()).toEqual({ description: 'Who viewed.' });
    expect((await put('frances', USER_TYPE, 'mine')).status).toBe(403);
    expect((await put('ada', USER_TYPE, 'Who viewed the page.')).status).toBe(200); // an owner of the table
    expect((await put('edsger', USER_TYPE, 42)).status).toBe(400);
    expect((await put('edsger', `${USER_TYPE}/nope`, 'x')).status).toBe(404);
    expect((await as('frances', `/type_metadata/${USER_TYPE}/nope/description`)).status).toBe(404);
    expect((await as('frances', '/type_metadata/hive://gold.core/nope/payload/type/payload/description')).status).toBe(404);
    expect((await as('frances', `/type_metadata/${VIEWS}/payload/description`)).status).toBe(400); // a column's key, not a type's

    const badge = (method: string, path: string, who = 'edsger') => as(who, `/type_metadata/${EMAIL_TYPE}/badge/${path}`, { method });
    expect((await badge('PUT', 'sensitive?category=type_metadata')).status).toBe(200);
    expect((await badge('PUT', 'sensitive?category=type_metadata', 'frances')).status).toBe(403);
    expect((await badge('PUT', 'sensitive?category=column')).status).toBe(404);
    expect((await badge('PUT', 'sensitive')).status).toBe(400);
    const user = ((await table())['columns'] as { type_metadata: { children: Record<string, unknown>[] } }[])[0].type_metadata.children[0];
    expect(user).toMatchObject({
      description: 'Who viewed the page.',
      children: [{ name: 'id' }, { name: 'email', badges: [{ badge_name: 'sensitive', category: 'type_metadata' }] }],
    });
    expect((await badge('DELETE', 'sensitive?category=type_metadata')).status).toBe(200);
    const audit = (await as('admin', '/audit?limit=2')).json<{ entries: { action: string; resource_key: string }[] }>();
    expect(audit.entries.map((e) => [e.action, e.resource_key])).toEqual([
      ['remove_type_metadata_badge', VIEWS],
      ['add_type_metadata_badge', VIEWS],
    ]);
  });

  it('finds the nested types of columns whose names hold "/" by the columns of the table, with keys as databuilder makes them', async () => {
    const SLASHES = 'hive://gold.core/slashes';
    const struct = (name: string, child: string, description: string) => ({
      kind: 'struct',
      name,
      data_type: `struct<${child}:string>`,
      children: [{ kind: 'scalar', name: child, data_type: 'string', description }],
    });
    const ingested = await post('/ingest/tables', {
      tables: [
        {
          database: 'hive',
          cluster: 'gold',
          schema: 'core',
          name: 'slashes',
          columns: [
            { name: 'a', col_type: 'struct<b:string>', type_metadata: struct('a', 'b', 'Of a.') },
            { name: 'a/b', col_type: 'struct<c:string>', type_metadata: struct('a/b', 'c', 'Of a/b.') },
          ],
        },
      ],
    });
    expect({ status: ingested.status, body: ingested.json() }).toEqual({ status: 200, body: { upserted: 1 } });
    const description = async (key: string) => {
      const r = await as('frances', `/type_metadata/${key}/description`);
      return { status: r.status, body: r.json() };
    };
    expect(await description(`${SLASHES}/a/b/type/a/b`)).toEqual({ status: 200, body: { description: null } });
    expect(await description(`${SLASHES}/a/b/type/a/b/c`)).toEqual({ status: 200, body: { description: 'Of a/b.' } });
    expect(await description(`${SLASHES}/a/type/a/b`)).toEqual({ status: 200, body: { description: 'Of a.' } });
    expect((await description(`${SLASHES}/a/b/type/a/b/nope`)).status).toBe(404);
    expect((await description(`${SLASHES}/a/b/c/type/a/b`)).status).toBe(404);

    const put = await as('edsger', `/type_metadata/${SLASHES}/a/b/type/a/b/description`, {
      method: 'PUT',
      body: JSON.stringify({ description: 'The b of a.' }),
    });
    expect(put.status).toBe(200);
    const columns = (await as('frances', `/table/${SLASHES}`)).json<{
      columns: { name: string; type_metadata: Record<string, unknown> }[];
    }>().columns;
    expect(columns.find((c) => c.name === 'a/b')?.type_metadata).toMatchObject({
      key: `${SLASHES}/a/b/type/a/b`,
      description: 'The b of a.',
    });
    expect(columns.find((c) => c.name === 'a')?.type_metadata).toMatchObject({ key: `${SLASHES}/a/type/a`, description: null });
    // Only the column's own type is named after the column: the names of its fields make keys, without "/".
    const refused = await post('/ingest/tables', {
      tables: [
        {
          database: 'hive',
          cluster: 'gold',
          schema: 'core',
          name: 'slashes',
          columns: [{ name: 'x', col_type: 's', type_metadata: struct('x', 'y/z', '') }],
        },
      ],
    });
    expect({ status: refused.status, message: refused.json<{ message: string }>().message }).toEqual({
      status: 400,
      message: expect.stringContaining('tables.0.columns.0.type_metadata.children.0.name: must not contain "/"'),
    });
  });

  it("ingests column lineage and answers GET /table/{key}/column/{column}/lineage as Amundsen's Lineage", async () => {
    const ingested = await post('/ingest/column_lineage', {
      column_lineage: [
        { upstream: `${VIEWS}/viewed_at`, downstream: `${REVENUE}/views` },
        { upstream: `${REVENUE}/views`, downstream: 'hive://gold.reports/weekly/views' },
      ],
    });
    expect({ status: ingested.status, body: ingested.json() }).toEqual({ status: 200, body: { upserted: 2 } });
    const response = await as('frances', `/table/${VIEWS}/column/viewed_at/lineage?direction=downstream&depth=2`);
    expect(response.status).toBe(200);
    expect(amundsenProblems('Lineage', response.json())).toEqual([]);
    expect(response.json()).toEqual({
      key: `${VIEWS}/viewed_at`,
      direction: 'downstream',
      depth: 2,
      upstream_entities: [],
      downstream_entities: [
        {
          key: `${REVENUE}/views`,
          level: 1,
          source: 'bigquery',
          badges: [],
          usage: 0,
          parent: `${VIEWS}/viewed_at`,
          link: null,
          in_amundsen: true,
        },
        {
          key: 'hive://gold.reports/weekly/views',
          level: 2,
          source: 'hive',
          badges: [],
          usage: 0,
          parent: `${REVENUE}/views`,
          link: null,
          in_amundsen: false,
        },
      ],
    });
    const upstream = (await as('frances', `/table/${REVENUE}/column/views/lineage`)).json<{ upstream_entities: { key: string }[] }>();
    expect(upstream.upstream_entities.map((e) => e.key)).toEqual([`${VIEWS}/viewed_at`]);
    expect((await as('frances', `/table/${VIEWS}/column/nope/lineage`)).status).toBe(404);
    expect((await as('frances', `/table/${VIEWS}/column/viewed_at/lineage?depth=11`)).status).toBe(400);
    const bad = await post('/ingest/column_lineage', { column_lineage: [{ upstream: VIEWS, downstream: `${REVENUE}/views` }] });
    expect({ status: bad.status, message: bad.json<{ message: string }>().message }).toEqual({
      status: 400,
      message: `Invalid ingestion body: column_lineage.0.upstream: ${VIEWS} is not a column key`,
    });
  });

  it('refuses table records Amundsen could not show, naming where, and writes nothing of the batch', async () => {
    // A nested type 5000 deep, written out (JSON.stringify would run out of stack): deeper than a parser can walk.
    const deep =
      '{"kind":"struct","name":"n","data_type":"struct","children":['.repeat(5000) +
      '{"kind":"scalar","name":"leaf","data_type":"int"}' +
      ']}'.repeat(5000);
    const record = (changes: object) => JSON.stringify({ ...PAGE_VIEWS, ...changes });
    const refusals: [string, string][] = [
      [
        record({ name: 'deep', columns: [{ name: 'c', col_type: 'struct', type_metadata: 'DEEP' }] }).replace('"DEEP"', deep),
        'tables.0.columns.0.type_metadata',
      ],
      [
        record({
          name: 'twice',
          columns: [
            { name: 'c', col_type: 'int' },
            { name: 'c', col_type: 'int' },
          ],
        }),
        'tables.0.columns.1',
      ],
      [record({ name: 'script', source: { source_type: 'github', source: 'javascript:alert(1)' } }), 'tables.0.source.source'],
      [record({ name: 'kind', applications: [{ id: 'x', name: 'Airflow', kind: 'Writing' }] }), 'tables.0.applications.0.kind'],
      [record({ name: 'line\nbreak' }), 'tables.0.name'],
    ];
    for (const [refused, path] of refusals) {
      const body = `{"tables":[${refused},${record({ name: 'fine' })}]}`;
      const response = await as('admin', '/ingest/tables', { method: 'POST', body });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.json<{ message: string }>().message).toContain(path);
    }
    expect((await as('frances', '/table/hive://gold.raw events/fine')).status).toBe(404);
  });
});
