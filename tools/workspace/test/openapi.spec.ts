import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { startNode, workspaceRoot, type NodeProcess } from '@fram/testing';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> }>;
  'x-fram-roles'?: string[];
  'x-fram-input-without-schema'?: string[];
}

interface ApiDocument {
  openapi: string;
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
}

const root = workspaceRoot();

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * What is missing from one operation: schemas of what it reads and answers, its security, the roles it needs.
 * A redirect (3xx with a Location header, no body: the frontend's sign-in and sign-out) counts as an answer;
 * a page or a file is an answer with its media type (text/html, ...) and a string schema.
 */
function problemsOf(operation: Operation): string[] {
  const problems: string[] = [];
  for (const input of operation['x-fram-input-without-schema'] ?? []) problems.push(`reads its ${input} without a schema`);
  for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
    if (!media.schema) problems.push(`request body ${type} has no schema`);
  }
  const answers = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  const redirects = Object.entries(operation.responses ?? {}).filter(
    ([status, response]) => /^3\d\d$/.test(status) && response.headers?.['Location'],
  );
  // An operation documented as not implemented (501: Amundsen's feature stats and sample data) has no success to describe.
  const notImplemented = operation.responses?.['501'] !== undefined;
  if (answers.length === 0 && redirects.length === 0 && !notImplemented) problems.push('no success response');
  for (const [status, response] of answers) {
    const media = Object.values(response.content ?? {});
    if (status !== '204' && (media.length === 0 || media.some((m) => !m.schema))) problems.push(`response ${status} has no schema`);
  }
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  if (!isPublic) {
    if (!operation.security?.some((requirement) => 'bearer' in requirement)) problems.push('no bearer security requirement');
    if (!Array.isArray(operation['x-fram-roles'])) problems.push('no x-fram-roles');
  }
  return problems;
}

/** Every operation of a document that misses something, with what it misses. */
function incompleteOperations(document: ApiDocument): Record<string, string[]> {
  const incomplete: Record<string, string[]> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const problems = problemsOf(operation);
      if (problems.length > 0) incomplete[`${method.toUpperCase()} ${path}`] = problems;
    }
  }
  return incomplete;
}

/** A tiny typed client over the generated `paths`: it compiles only if the document gives usable types. */
const CLIENT = `import type { paths } from './api';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type Operation<P extends keyof paths, M extends Method> = M extends keyof paths[P] ? paths[P][M] : never;
type Body<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : undefined;
type Answer<O> = O extends { responses: { 200: { content: { 'application/json': infer A } } } } ? A : unknown;

export async function call<P extends keyof paths, M extends Method>(
  base: string,
  token: string,
  path: P,
  method: M,
  body?: Body<Operation<P, M>>,
): Promise<Answer<Operation<P, M>>> {
  const response = await fetch(base + String(path), {
    method: method.toUpperCase(),
    headers: { authorization: \`Bearer \${token}\`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Answer<Operation<P, M>>;
}
`;

/** Uses of the client that must type-check against an app's own operations. */
const USES: Record<string, string> = {
  search: `
import { call } from './client';
export async function tablesAbout(base: string, token: string): Promise<string[]> {
  const answer = await call(base, token, '/v2/search', 'post', { query_term: 'orders', resource_types: ['table'] });
  const removed: number = (await call(base, token, '/v2/documents/{type}', 'delete', { keys: ['k'] })).removed;
  return [...(answer.results.table?.results ?? []).map((hit) => hit.key + hit.name), String(removed)];
}
`,
  frontend: `
import { call } from './client';
export async function describeAndLog(base: string, token: string): Promise<string[]> {
  const done: string = (await call(base, token, '/api/metadata/v0/put_table_description', 'put', { key: 'k', description: 'd' })).msg;
  const found = await call(base, token, '/api/search/v1/search', 'post', { searchTerm: 'orders', pageIndex: 0, resultsPerPage: 10 });
  const logged = await call(base, token, '/api/log/v0/log_event', 'post', { command: 'click', target_id: 'table_row' });
  return [done, found.search_term, logged.msg];
}
`,
};

/**
 * Type-checks the client against the types openapi-typescript generates from
 * `document` (its CLI: the package's CommonJS build needs ES modules Jest
 * cannot load); the compiler's errors, if any. Defaults stay optional in
 * request bodies, as the service fills them in.
 */
function clientErrors(app: string, document: ApiDocument): string[] {
  const dir = mkdtempSync(join(tmpdir(), `fram-openapi-${app}-`));
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
  execFileSync(process.execPath, [
    join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
    join(dir, 'openapi.json'),
    '--output',
    join(dir, 'api.d.ts'),
    '--default-non-nullable=false',
    '--silent',
  ]);
  writeFileSync(join(dir, 'client.ts'), CLIENT);
  const files = [join(dir, 'client.ts')];
  if (USES[app]) {
    writeFileSync(join(dir, 'uses.ts'), USES[app]);
    files.push(join(dir, 'uses.ts'));
  }
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/**
 * The built apps' OpenAPI documents (dist/apps/<app>, as `npm start` runs
 * them): every operation has the schemas of what it reads and answers, a
 * bearer security requirement unless public, and the roles it needs; and a
 * TypeScript client generated from each compiles.
 */
const APPS = ['search', 'metadata', 'frontend'];

describe('OpenAPI documents', () => {
  const running: NodeProcess[] = [];
  afterAll(() => Promise.all(running.map((app) => app.stop())));

  const documentOf = async (app: string): Promise<ApiDocument> => {
    const node = await startNode(join(root, 'dist', 'apps', app, 'main.js'), {
      // A trusted issuer nobody listens on: no operation is called, only the document is read.
      env: { AUTH_ISSUERS: 'http://127.0.0.1:9/oauth2/default', DATA_DIR: mkdtempSync(join(tmpdir(), `fram-openapi-${app}-data-`)) },
      readyPath: '/docs/openapi.json',
    });
    running.push(node);
    const response = await fetch(`${node.url}/docs/openapi.json`);
    return (await response.json()) as ApiDocument;
  };

  for (const name of APPS) {
    it(`${name}: every operation has its schemas, security and roles, and a client generated from it compiles`, async () => {
      const document = await documentOf(name);
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths).length).toBeGreaterThan(0);
      expect(incompleteOperations(document)).toEqual({});
      expect(clientErrors(name, document)).toEqual([]);
    }, 60_000);
  }
});
