import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  call,
  DEV_IDP_USERS_API_TOKEN,
  runNode,
  startDevIdp,
  startNode,
  TestIssuer,
  workspaceRoot,
  type DevIdp,
  type NodeProcess,
} from '@fram/testing';

const dist = (app: string) => join(workspaceRoot(), 'dist', 'apps', app, 'main.js');
const tempDir = () => mkdtempSync(join(tmpdir(), 'fram-logs-'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type LogLine = Record<string, unknown>;

/** Every line the process printed, each parsed as JSON (a line that is not JSON fails the test). */
function jsonLines(process: NodeProcess): LogLine[] {
  return process
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
}

/** The request lines of `requestId`, once the process has written one (it writes after answering). */
async function requestLines(process: NodeProcess, requestId: string, count = 1): Promise<LogLine[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = jsonLines(process).filter((l) => l['requestId'] === requestId && 'status' in l);
    if (lines.length >= count || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What an operator reads: metadata built and started as in production, one
 * JSON line per request with method, route pattern, status, duration, the
 * caller and a request id; nothing secret in them.
 */
describe('request logs in production (JSON)', () => {
  let idp: DevIdp;
  let metadata: NodeProcess;
  let token: string;

  beforeAll(async () => {
    idp = await startDevIdp();
    metadata = await startNode(dist('metadata'), {
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'log',
        OIDC_ISSUER: idp.issuer,
        OKTA_ORG_URL: idp.origin,
        OKTA_API_TOKEN: DEV_IDP_USERS_API_TOKEN,
        SERVICE_CLIENT_ID: 'fram-metadata',
        SERVICE_CLIENT_SECRET: 'fram-metadata-dev-secret',
        SEARCH_SYNC: 'off',
        DATA_DIR: tempDir(),
      },
    });
    token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
  }, 60_000);
  afterAll(async () => {
    await metadata?.stop();
    await idp?.stop();
  });

  it('prints only JSON lines, from the start', () => {
    const lines = jsonLines(metadata);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((l) => typeof l['msg'] === 'string' && l['msg'].startsWith('Listening on http://127.0.0.1:'))).toBe(true);
  });

  it('logs one line per request: method, route pattern (no query), status, duration, the caller and the request id it was given', async () => {
    const response = await call(`${metadata.url}/tags/?code=a-secret-code&state=a-secret-state`, {
      token,
      headers: { 'X-Request-Id': 'op-check.1_a-B' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('op-check.1_a-B');
    const lines = await requestLines(metadata, 'op-check.1_a-B');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      route: '/tags',
      status: 200,
      client: 'fram-scripts',
      durationMs: expect.any(Number),
    });
    expect(typeof lines[0]['time']).toBe('string');

    const table = await call(`${metadata.url}/table/hive://gold.core/no_such_table`, { token, headers: { 'X-Request-Id': 'op-check-2' } });
    expect(table.status).toBe(404);
    const [line] = await requestLines(metadata, 'op-check-2');
    expect(line).toMatchObject({ method: 'GET', route: '/table/*path', status: 404, client: 'fram-scripts' });
  });

  it('makes a new request id (a UUID) when none, or an unsafe one, is sent, and answers with it', async () => {
    for (const sent of [undefined, 'has spaces in it', 'x'.repeat(65), 'semi;colon', '{"json":1}']) {
      const response = await call(`${metadata.url}/tags/`, { token, headers: sent === undefined ? {} : { 'X-Request-Id': sent } });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      const [line] = await requestLines(metadata, id!);
      expect(line).toMatchObject({ route: '/tags', status: 200 });
    }
  });

  it('logs refused calls with the reason, and the route or path without its query for routes that do not exist', async () => {
    // A token of dev-idp's org authorization server: another issuer, for Okta's own APIs.
    const orgToken = await idp.clientToken('fram-metadata', 'fram-metadata-dev-secret', 'okta.users.read', 'org');
    await call(`${metadata.url}/tags/`, { token: orgToken, headers: { 'X-Request-Id': 'refused-1' } });
    const [refused] = await requestLines(metadata, 'refused-1');
    expect(refused).toMatchObject({ route: '/tags', status: 401, refused: 'wrong_issuer' });
    expect(refused).not.toHaveProperty('client');
    await call(`${metadata.url}/tags/`, { headers: { 'X-Request-Id': 'refused-2' } });
    expect((await requestLines(metadata, 'refused-2'))[0]).toMatchObject({ route: '/tags', status: 401, refused: 'missing' });

    await call(`${metadata.url}/no/such/route?access_token=${token}`, { headers: { 'X-Request-Id': 'unmatched-1' } });
    const [unmatched] = await requestLines(metadata, 'unmatched-1');
    expect(unmatched).toMatchObject({ method: 'GET', route: '/no/such/route', status: 404 });
  });

  it('never logs tokens, cookies, Authorization headers or query strings', async () => {
    await call(`${metadata.url}/tags/?code=a-secret-code`, {
      token,
      headers: { cookie: 'fram.sid=a-secret-cookie', 'X-Request-Id': 'secrets-1' },
    });
    await requestLines(metadata, 'secrets-1');
    const output = metadata.output();
    for (const secret of [token, token.split('.')[1], 'a-secret-code', 'a-secret-state', 'a-secret-cookie'])
      expect(output).not.toContain(secret);
    expect(output.toLowerCase()).not.toContain('authorization');
    expect(output.toLowerCase()).not.toContain('bearer');
  });

  it('counts refused tokens by reason in /metrics', async () => {
    const metrics = await call(`${metadata.url}/metrics`, { token });
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^fram_auth_refused_total\{reason="wrong_issuer"\} [1-9]/m);
    expect(metrics.text).toMatch(/^fram_auth_refused_total\{reason="missing"\} [1-9]/m);
    expect(metrics.text).toMatch(/^fram_auth_refused_total\{reason="expired"\} 0$/m);
  });
});

describe('logs in development (text) and the LOG_FORMAT setting', () => {
  let search: NodeProcess | undefined;
  let issuer: TestIssuer | undefined;
  afterAll(async () => {
    await search?.stop();
    await issuer?.stop();
  });

  it('prints readable text lines in development, a request line with its id', async () => {
    issuer = await TestIssuer.start();
    search = await startNode(dist('search'), { env: { LOG_LEVEL: 'log', DATA_DIR: tempDir(), AUTH_ISSUERS: issuer.issuer } });
    const response = await call(`${search.url}/healthcheck`, { headers: { 'X-Request-Id': 'text-line-1' } });
    expect(response.headers.get('x-request-id')).toBe('text-line-1');
    const deadline = Date.now() + 10_000;
    while (!search.output().includes('text-line-1') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const line = search
      .output()
      .split('\n')
      .find((l) => l.includes('text-line-1'));
    expect(line).toMatch(/(INFO|WARN).*GET \/healthcheck (200|503) \d+ ms/);
    expect(line).not.toMatch(/^\{/);
    expect(search.output()).toMatch(/INFO.*Listening on http:\/\/127\.0\.0\.1:/);
  }, 30_000);

  it('refuses an unknown LOG_FORMAT, naming the variable', async () => {
    const { code, output } = await runNode(dist('search'), { LOG_FORMAT: 'xml', PORT: '0', DATA_DIR: tempDir() }, 15_000);
    expect(code).toBe(1);
    expect(output).toContain('LOG_FORMAT: must be json or text (got "xml")');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('prints a configuration error as one JSON line, without a stack, in JSON format', async () => {
    const { code, output } = await runNode(
      dist('search'),
      { LOG_FORMAT: 'json', AUTH_CLOCK_TOLERANCE_S: '900', PORT: '0', DATA_DIR: tempDir() },
      15_000,
    );
    expect(code).toBe(1);
    const lines = output
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as LogLine);
    const errors = lines.filter((l) => l['level'] === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]['msg']).toContain('AUTH_CLOCK_TOLERANCE_S: must be a whole number from 0 to 300 seconds');
    expect(output).not.toMatch(/\\n\s+at /);
  });
});
