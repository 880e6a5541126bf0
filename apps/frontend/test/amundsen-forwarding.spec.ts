import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, type BrowserSession, type DevIdp, type RunningApp } from '@fram/testing';
import { csrfTokenOf, devIdpFor, signIn, startFrontend, uiCall } from './stack';

const ORDERS = 'hive://gold.core/orders';
/** keyPath's form of ORDERS in metadata's paths: each segment encoded. */
const ORDERS_PATH = 'hive%3A//gold.core/orders';
const FEATURE = 'fraud/amount_7d/1.0';
const NESTED = `${ORDERS}/shipping/type/shipping/address`;
const NESTED_PATH = `hive%3A//gold.core/orders/shipping/type/shipping/address`;

const ada = { user_id: 'ada@example.com', email: 'ada@example.com', display_name: 'Ada Lovelace' };

/** A feature as Amundsen's metadata answers it (its FeatureSchema), programmatic descriptions as a list. */
const FEATURE_ANSWER = {
  name: 'amount_7d',
  version: '1.0',
  feature_group: 'fraud',
  status: 'active',
  entity: 'customer',
  data_type: 'float',
  availability: ['hive'],
  description: 'Amount spent in 7 days',
  owners: [ada],
  badges: [],
  tags: [{ tag_type: 'default', tag_name: 'fraud' }],
  programmatic_descriptions: [{ source: 'quality', text: 'Checked daily' }],
  watermarks: [],
  last_updated_timestamp: 1700000000,
  created_timestamp: 1600000000,
};

/** A lineage as Amundsen's metadata answers it: table entities, without their key parts. */
const lineageAnswer = (key: string) => ({
  key,
  direction: 'both',
  depth: 1,
  upstream_entities: [{ key: 'postgres://shop.public/orders', level: 1, source: 'postgres', badges: [], usage: 3, parent: null }],
  downstream_entities: [],
  upstream_count: 7,
  downstream_count: 0,
});

/** A table with what the table page shows from a rich catalog: watermarks, programmatic descriptions, a nested column type. */
const TABLE_ANSWER = {
  database: 'hive',
  cluster: 'gold',
  schema: 'core',
  name: 'orders',
  key: ORDERS,
  description: null,
  tags: [],
  badges: [],
  table_readers: [],
  owners: [ada],
  watermarks: [
    { watermark_type: 'low_watermark', partition_key: 'ds', partition_value: '2024-01-01', create_time: null },
    { watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2024-06-30', create_time: null },
  ],
  programmatic_descriptions: [{ source: 'dq', text: 'All checks pass' }],
  columns: [
    {
      name: 'shipping',
      key: `${ORDERS}/shipping`,
      description: null,
      col_type: 'struct<address:struct<city:string>>',
      sort_order: 0,
      stats: [],
      badges: [],
      type_metadata: {
        kind: 'struct',
        name: 'shipping',
        key: `${ORDERS}/shipping/type/shipping`,
        data_type: 'struct<address:struct<city:string>>',
        sort_order: 0,
        children: [
          {
            kind: 'struct',
            name: 'address',
            key: NESTED,
            data_type: 'struct<city:string>',
            sort_order: 0,
            children: [{ kind: 'scalar', name: 'city', key: `${NESTED}/city`, data_type: 'string', sort_order: 0, children: [] }],
          },
        ],
      },
    },
  ],
};

interface Seen {
  method: string;
  url: string;
  body: string;
  authorization: string | undefined;
}

/**
 * What the frontend sends to metadata for Amundsen's routes that metadata
 * serves with Amundsen's operations (features, column lineage, nested types),
 * and what it makes of the answers: recorded by a stand-in metadata service
 * (a test double: it only records requests and answers as Amundsen's metadata would).
 */
describe("frontend: Amundsen's routes forwarded to metadata's Amundsen operations", () => {
  let metadata: Server;
  const seen: Seen[] = [];
  /** The stand-in's answers, by method and path (query included). */
  const answers = new Map<string, { status: number; body: unknown }>();
  let idp: DevIdp;
  let frontend: RunningApp;
  let base: string;
  let browser: BrowserSession;
  let csrf: string;

  beforeAll(async () => {
    metadata = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, body, authorization: req.headers.authorization });
        const answer = answers.get(`${req.method} ${req.url}`) ?? { status: 200, body: { message: 'done' } };
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await devIdpFor(base);
    frontend = await startFrontend(port, {
      OIDC_ISSUER: idp.issuer,
      PUBLIC_URL: base,
      METADATA_URL: `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`,
      WRITE_GROUPS: 'Data Engineers',
    });
    ({ browser } = await signIn(base, 'ada@example.com'));
    csrf = await csrfTokenOf(browser, base);
  }, 60_000);
  afterAll(async () => {
    await frontend?.close();
    await idp?.stop();
    await new Promise((resolve) => metadata.close(resolve));
  });

  /** The app's call (without a CSRF token when `token` is null), and what reached metadata because of it. */
  async function forwarded(method: string, path: string, body?: unknown, token: string | null = csrf) {
    seen.length = 0;
    const answer = await uiCall(browser, base, method, path, body, token ?? undefined);
    return {
      answer,
      calls: seen.map((s) => ({ method: s.method, url: s.url, body: s.body === '' ? undefined : JSON.parse(s.body) })),
      authorization: seen[0]?.authorization,
    };
  }

  it('serves the feature page from GET /feature/{key}: the key asked for, programmatic descriptions grouped', async () => {
    answers.set(`GET /feature/${FEATURE}`, { status: 200, body: FEATURE_ANSWER });
    const { answer, calls } = await forwarded('GET', `/api/metadata/v0/feature?key=${encodeURIComponent(FEATURE)}&index=0&source=search`);
    expect(calls).toEqual([{ method: 'GET', url: `/feature/${FEATURE}`, body: undefined }]);
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({
      msg: 'Success',
      status_code: 200,
      featureData: {
        ...FEATURE_ANSWER,
        key: FEATURE,
        programmatic_descriptions: { left: [], right: [], other: FEATURE_ANSWER.programmatic_descriptions },
        is_editable: true,
      },
    });
  });

  it("forwards the feature page's reads and edits to metadata's feature operations", async () => {
    answers.set(`GET /feature/${FEATURE}/description`, { status: 200, body: { description: 'Amount spent in 7 days' } });
    answers.set(`GET /feature/${FEATURE}/generation_code`, { status: 200, body: { key: FEATURE, text: 'SELECT 1', source: 'sql' } });
    answers.set(`GET /feature/${FEATURE}/lineage?depth=1&direction=upstream`, { status: 200, body: lineageAnswer(FEATURE) });
    const cases: [string, string, unknown, { method: string; url: string; body?: unknown }, unknown][] = [
      [
        'GET',
        `/api/metadata/v0/get_feature_description?key=${encodeURIComponent(FEATURE)}`,
        undefined,
        { method: 'GET', url: `/feature/${FEATURE}/description` },
        { msg: 'Success', description: 'Amount spent in 7 days' },
      ],
      [
        'PUT',
        '/api/metadata/v0/put_feature_description',
        { key: FEATURE, description: 'New' },
        { method: 'PUT', url: `/feature/${FEATURE}/description`, body: { description: 'New' } },
        { msg: 'Success' },
      ],
      [
        'GET',
        `/api/metadata/v0/get_feature_generation_code?key=${encodeURIComponent(FEATURE)}`,
        undefined,
        { method: 'GET', url: `/feature/${FEATURE}/generation_code` },
        { key: FEATURE, text: 'SELECT 1', source: 'sql' },
      ],
      [
        'PUT',
        '/api/metadata/v0/update_feature_owner',
        { key: FEATURE, owner: 'grace@example.com' },
        { method: 'PUT', url: `/feature/${FEATURE}/owner/grace%40example.com` },
        { msg: 'Updated owner' },
      ],
      [
        'DELETE',
        '/api/metadata/v0/update_feature_owner',
        { key: FEATURE, owner: 'grace@example.com' },
        { method: 'DELETE', url: `/feature/${FEATURE}/owner/grace%40example.com` },
        { msg: 'Updated owner' },
      ],
      [
        'PUT',
        '/api/metadata/v0/update_feature_tags',
        { key: FEATURE, tag: 'risk' },
        { method: 'PUT', url: `/feature/${FEATURE}/tag/risk` },
        { msg: 'Success' },
      ],
      [
        'DELETE',
        '/api/metadata/v0/update_feature_tags',
        { key: FEATURE, tag: 'risk' },
        { method: 'DELETE', url: `/feature/${FEATURE}/tag/risk` },
        { msg: 'Success' },
      ],
    ];
    // A new owner is looked up first (metadata's /user/{id}: its store, then the IdP); a 404 there is a 422.
    answers.set('GET /user/grace%40example.com', { status: 200, body: { user_id: 'grace@example.com', email: 'grace@example.com' } });
    const lookUp = { method: 'GET', url: '/user/grace%40example.com', body: undefined };
    for (const [method, path, body, call, expected] of cases) {
      const { answer, calls } = await forwarded(method, path, body);
      const before = method === 'PUT' && path.endsWith('_owner') ? [lookUp] : [];
      expect({ path, status: answer.status, calls }).toEqual({ path, status: 200, calls: [...before, { body: undefined, ...call }] });
      expect(answer.json()).toEqual(expected);
    }
    // The lineage duck's defaults for a feature: depth 1, upstream.
    const { answer, calls } = await forwarded(
      'GET',
      `/api/metadata/v0/get_feature_lineage?key=${encodeURIComponent(FEATURE)}&depth=1&direction=upstream`,
    );
    expect(calls).toEqual([{ method: 'GET', url: `/feature/${FEATURE}/lineage?depth=1&direction=upstream`, body: undefined }]);
    expect(answer.json()).toMatchObject({
      upstream_entities: [
        { key: 'postgres://shop.public/orders', database: 'postgres', cluster: 'shop', schema: 'public', name: 'orders' },
      ],
      upstream_count: 7,
      downstream_count: 0,
    });
  });

  it("forwards a column's lineage and nested types' descriptions to metadata's column and type_metadata operations", async () => {
    const lineagePath = `/table/${ORDERS_PATH}/column/order_id/lineage?depth=2&direction=downstream`;
    answers.set(`GET ${lineagePath}`, { status: 200, body: lineageAnswer(`${ORDERS}/order_id`) });
    const lineage = await forwarded(
      'GET',
      `/api/metadata/v0/get_column_lineage?key=${encodeURIComponent(ORDERS)}&depth=2&direction=downstream&column_name=order_id`,
    );
    expect(lineage.calls).toEqual([{ method: 'GET', url: lineagePath, body: undefined }]);
    expect(lineage.answer.json()).toMatchObject({
      upstream_entities: [{ key: 'postgres://shop.public/orders', schema: 'public', name: 'orders' }],
      downstream_entities: [],
      upstream_count: 7,
    });

    answers.set(`GET /type_metadata/${NESTED_PATH}/description`, { status: 200, body: { description: 'Where it goes' } });
    // The table duck sends the nested type's key as it is, not encoded.
    const description = await forwarded('GET', `/api/metadata/v0/get_type_metadata_description?type_metadata_key=${NESTED}`);
    expect(description.calls).toEqual([{ method: 'GET', url: `/type_metadata/${NESTED_PATH}/description`, body: undefined }]);
    expect(description.answer.json()).toEqual({ msg: 'Success', description: 'Where it goes' });
    const edit = await forwarded('PUT', '/api/metadata/v0/put_type_metadata_description', {
      description: 'The delivery address',
      type_metadata_key: NESTED,
      table_key: ORDERS,
      source: 'user',
    });
    expect(edit.answer.status).toBe(200);
    expect(edit.calls).toEqual([
      { method: 'PUT', url: `/type_metadata/${NESTED_PATH}/description`, body: { description: 'The delivery address' } },
    ]);
  });

  it('answers the table page from a rich table: partition from the high watermark, grouped descriptions, every nested type editable', async () => {
    answers.set(`GET /table/${ORDERS_PATH}`, { status: 200, body: TABLE_ANSWER });
    const { answer } = await forwarded('GET', `/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}`);
    const { tableData } = answer.json<{ tableData: Record<string, unknown> & { columns: { type_metadata: Record<string, unknown> }[] } }>();
    expect(tableData).toMatchObject({
      is_editable: true,
      partition: { is_partitioned: true, key: 'ds', value: '2024-06-30' },
      programmatic_descriptions: { left: [], right: [], other: [{ source: 'dq', text: 'All checks pass' }] },
    });
    const shipping = tableData.columns[0].type_metadata;
    expect(shipping).toMatchObject({
      is_editable: true,
      children: [{ key: NESTED, is_editable: true, children: [{ key: `${NESTED}/city`, is_editable: true }] }],
    });
  });

  it('gives dashboards in bookmarks and owned lists their type and key', async () => {
    const dashboard = {
      uri: 'mode_dashboard://prod.executive/company_kpis',
      cluster: 'prod',
      group_name: 'executive',
      group_url: 'https://mode.example.com/executive',
      product: 'mode',
      name: 'company_kpis',
      url: 'https://mode.example.com/executive/company_kpis',
    };
    answers.set('GET /user/ada%40example.com/follow', { status: 200, body: { table: [], dashboard: [dashboard] } });
    answers.set('GET /user/ada%40example.com/own', { status: 200, body: { table: [], dashboard: [dashboard] } });
    const expected = {
      ...dashboard,
      type: 'dashboard',
      key: dashboard.uri,
      description: null,
      last_successful_run_timestamp: null,
      chart_names: [],
    };
    const bookmarks = await forwarded('GET', '/api/metadata/v0/user/bookmark');
    expect(bookmarks.answer.json()).toEqual({ msg: 'Success', bookmarks: { table: [], dashboard: [expected] } });
    const own = await forwarded('GET', '/api/metadata/v0/user/own?user_id=ada@example.com');
    expect(own.answer.json()).toMatchObject({ own: { table: [], dashboard: [expected] } });
  });

  it("passes metadata's refusals on (404, 403), makes its failures a 503, and refuses bad input without calling it", async () => {
    answers.set(`GET /feature/nope/x/1`, { status: 404, body: { message: 'Feature nope/x/1 not found' } });
    answers.set(`PUT /feature/${FEATURE}/tag/locked`, { status: 403, body: { message: 'Only owners may tag it', code: 'forbidden' } });
    answers.set(`GET /type_metadata/${NESTED_PATH}/description`, { status: 500, body: { message: 'boom' } });
    const missing = await forwarded('GET', '/api/metadata/v0/feature?key=nope/x/1');
    expect(missing.answer.status).toBe(404);
    expect(missing.answer.json()).toMatchObject({ statusCode: 404, message: 'Feature nope/x/1 not found' });
    const refused = await forwarded('PUT', '/api/metadata/v0/update_feature_tags', { key: FEATURE, tag: 'locked' });
    expect(refused.answer.json()).toMatchObject({ statusCode: 403, code: 'forbidden', message: 'Only owners may tag it' });
    const failing = await forwarded('GET', `/api/metadata/v0/get_type_metadata_description?type_metadata_key=${NESTED}`);
    expect(failing.answer.status).toBe(503);
    for (const [method, path, body] of [
      ['GET', '/api/metadata/v0/feature', undefined],
      ['GET', '/api/metadata/v0/get_column_lineage?key=x', undefined],
      ['GET', `/api/metadata/v0/get_column_lineage?key=x&column_name=y&depth=99`, undefined],
      ['GET', '/api/metadata/v0/get_feature_lineage?key=x&direction=sideways', undefined],
      ['GET', '/api/metadata/v0/get_type_metadata_description', undefined],
      ['PUT', '/api/metadata/v0/put_type_metadata_description', { type_metadata_key: NESTED, description: 'x' }],
      ['PUT', '/api/metadata/v0/put_feature_description', { key: FEATURE }],
      ['PUT', '/api/metadata/v0/update_feature_owner', { key: FEATURE }],
      ['DELETE', '/api/metadata/v0/update_feature_tags', { tag: 'x' }],
    ] as const) {
      const bad = await forwarded(method, path, body);
      expect({ path, status: bad.answer.status, calls: bad.calls }).toEqual({ path, status: 400, calls: [] });
    }
  });

  describe("the table page's badges (update_table_badges), to metadata's /table/{key}/badge/{badge}?category=", () => {
    const BADGES = '/api/metadata/v0/update_table_badges';
    const badgeUrl = (badge: string, category: string) => `/table/${ORDERS_PATH}/badge/${badge}?category=${category}`;

    it('puts and removes a badge with its category, as the signed-in person', async () => {
      for (const method of ['PUT', 'DELETE']) {
        const { answer, calls, authorization } = await forwarded(method, BADGES, {
          key: ORDERS,
          badge_name: 'pii',
          category: 'data_sensitivity',
        });
        expect({ method, status: answer.status, calls }).toEqual({
          method,
          status: 200,
          calls: [{ method, url: badgeUrl('pii', 'data_sensitivity'), body: undefined }],
        });
        expect(answer.json()).toEqual({ msg: 'Success' });
        expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      }
    });

    it('encodes the badge and category into the path and query', async () => {
      const { calls } = await forwarded('PUT', BADGES, { key: ORDERS, badge_name: 'a/b c', category: 'x&y' });
      expect(calls).toEqual([{ method: 'PUT', url: badgeUrl('a%2Fb%20c', 'x%26y'), body: undefined }]);
    });

    it("refuses bad input and calls without the CSRF token without calling metadata, and passes metadata's refusals on", async () => {
      for (const body of [
        { key: ORDERS, badge_name: 'pii' },
        { key: ORDERS, category: 'data_sensitivity' },
        { badge_name: 'pii', category: 'x' },
      ]) {
        const { answer, calls } = await forwarded('PUT', BADGES, body);
        expect({ body, status: answer.status, calls }).toEqual({ body, status: 400, calls: [] });
      }
      const noCsrf = await forwarded('PUT', BADGES, { key: ORDERS, badge_name: 'pii', category: 'data_sensitivity' }, null);
      expect({ status: noCsrf.answer.status, body: noCsrf.answer.json(), calls: noCsrf.calls }).toMatchObject({
        status: 403,
        body: { statusCode: 403, code: 'csrf_token' },
        calls: [],
      });
      answers.set(`PUT ${badgeUrl('nope', 'table_status')}`, {
        status: 400,
        body: { statusCode: 400, message: 'The badge nope is not one of the allowed badges' },
      });
      expect((await forwarded('PUT', BADGES, { key: ORDERS, badge_name: 'nope', category: 'table_status' })).answer.status).toBe(400);
      answers.set(`DELETE ${badgeUrl('pii', 'data_sensitivity')}`, {
        status: 403,
        body: { statusCode: 403, message: 'Only the owners or editors may change it' },
      });
      expect((await forwarded('DELETE', BADGES, { key: ORDERS, badge_name: 'pii', category: 'data_sensitivity' })).answer.status).toBe(403);
      answers.delete(`DELETE ${badgeUrl('pii', 'data_sensitivity')}`);
    });
  });
});
