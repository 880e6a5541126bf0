import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, startDevIdp, startTestApp, type DevIdp, type RunningApp } from '@fram/testing';
import { metadataApp } from './metadata-app';

interface Operation {
  parameters?: { name: string; in: string; schema?: { type?: string; enum?: string[] } }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: Record<string, string[]>[];
  'x-fram-roles'?: string[];
  'x-fram-input-without-schema'?: string[];
}

/** What one operation misses: the schemas of what it reads and answers, its security, its roles. */
function problemsOf(operation: Operation): string[] {
  const problems = (operation['x-fram-input-without-schema'] ?? []).map((input) => `reads its ${input} without a schema`);
  for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) if (!media.schema) problems.push(`${type} body`);
  const answers = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  // An operation documented as not implemented (501: Amundsen's stubs) has no success to describe.
  if (answers.length === 0 && !operation.responses?.['501']) problems.push('no success response');
  for (const [status, response] of answers) {
    if (status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema)) problems.push(`response ${status}`);
  }
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  if (!isPublic && !operation.security?.some((requirement) => 'bearer' in requirement)) problems.push('no bearer');
  if (!isPublic && !Array.isArray(operation['x-fram-roles'])) problems.push('no x-fram-roles');
  return problems;
}

/** Metadata's zod DTOs (issue 13, part 3): the OpenAPI document describes every request and answer, and bad input is a 400 naming where. */
describe('metadata: request and response schemas', () => {
  let idp: DevIdp;
  let api: RunningApp;
  let admin: string;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    idp = await startDevIdp();
    api = await startTestApp(
      metadataApp({ AUTH_ISSUERS: idp.issuer, ADMIN_GROUPS: 'Fram Admins', DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-schemas-')) }),
      { service: 'metadata' },
    );
    admin = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
    paths = (await call(`${api.url}/docs/openapi.json`)).json<{ paths: Record<string, Record<string, Operation>> }>().paths;
  });
  afterAll(async () => {
    await api?.close();
    await idp?.stop();
  });

  it("documents every operation of Amundsen's API with its schemas, bearer security and roles", () => {
    const incomplete: Record<string, string[]> = {};
    for (const [path, item] of Object.entries(paths)) {
      // The search sync's admin routes are another module's (apps/metadata/src/search-sync).
      if (path.startsWith('/search/')) continue;
      for (const [method, operation] of Object.entries(item)) {
        const problems = problemsOf(operation);
        if (problems.length > 0) incomplete[`${method.toUpperCase()} ${path}`] = problems;
      }
    }
    expect(incomplete).toEqual({});
  });

  it('gives each table route its own operation: the key, what follows it, its query and body', () => {
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/table/{path}',
        '/table/{path}/description',
        '/table/{path}/lineage',
        '/table/{path}/dashboard',
        '/table/{path}/column/{column}/description',
        '/table/{path}/tag/{tag}',
        '/table/{path}/badge/{badge}',
        '/table/{path}/owner/{owner}',
        '/dashboard/{path}',
        '/dashboard/{path}/description',
      ]),
    );
    const lineage = paths['/table/{path}/lineage']['get'];
    expect(lineage.parameters?.find((p) => p.name === 'direction')?.schema).toMatchObject({ enum: ['upstream', 'downstream', 'both'] });
    expect(lineage.parameters?.find((p) => p.name === 'depth')?.schema).toMatchObject({ type: 'integer' });
    expect(paths['/table/{path}/description']['put'].requestBody?.content?.['application/json']?.schema).toBeDefined();
    expect(paths['/table/{path}/badge/{badge}']['put'].parameters?.find((p) => p.name === 'category')).toBeDefined();
  });

  it('refuses bad query numbers and lists with a 400 that names the parameter', async () => {
    for (const [path, message] of [
      ['/popular_resources/?limit=0', 'limit: limit must be a whole number from 1 to 500'],
      ['/popular_resources/?types=table,chart', 'types: Unknown resource type chart; use table and/or dashboard'],
      ['/audit?limit=abc', 'limit: limit must be a whole number from 1 to 1000'],
      ['/audit?before=-1', 'before: before must be an audit entry id'],
      ['/table/hive://gold.core/orders/lineage?depth=11', 'depth: depth must be a whole number from 1 to 10'],
      ['/table/hive://gold.core/orders/lineage?direction=sideways', 'direction: direction must be upstream, downstream or both'],
    ]) {
      const response = await call(`${api.url}${path}`, { token: admin });
      expect({ path, status: response.status, body: response.json() }).toEqual({
        path,
        status: 400,
        body: { statusCode: 400, message, code: 'bad_request' },
      });
    }
  });

  it('refuses a description body that is not {"description": "..."}', async () => {
    const put = (body: string) =>
      call(`${api.url}/table/hive://gold.core/orders/description`, {
        method: 'PUT',
        token: admin,
        headers: { 'content-type': 'application/json' },
        body,
      });
    for (const body of ['{}', '{"description": 5}', '[]']) {
      const response = await put(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(response.json<{ message: string }>().message).toContain('The body must be {"description": "..."}');
    }
  });

  it('answers ingestion with what it wrote, and refuses a key that is not one, naming the record', async () => {
    const post = (path: string, body: unknown) =>
      call(`${api.url}${path}`, {
        method: 'POST',
        token: admin,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const tables = await post('/ingest/tables', { tables: [{ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' }] });
    expect({ status: tables.status, body: tables.json() }).toEqual({ status: 200, body: { upserted: 1 } });
    const lineage = await post('/ingest/lineage', { lineage: [{ upstream: 'hive://gold.core/orders', downstream: 'orders' }] });
    expect({ status: lineage.status, message: lineage.json<{ message: string }>().message }).toEqual({
      status: 400,
      message: 'Invalid ingestion body: lineage.0.downstream: orders is not a table key',
    });
  });
});
