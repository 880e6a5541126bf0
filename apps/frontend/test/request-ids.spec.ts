import { join } from 'node:path';
import { call, freePort, startNode, workspaceRoot, type DevIdp, type NodeProcess, type RunningApp } from '@fram/testing';
import { devIdpFor, startFrontend, tempDir } from './stack';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type LogLine = Record<string, unknown>;

/** The JSON request lines a service printed for `requestId`, once there are `count` (it writes after answering). */
async function requestLines(service: NodeProcess, requestId: string, count = 1): Promise<LogLine[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = service
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine)
      .filter((line) => line['requestId'] === requestId && 'status' in line);
    if (lines.length >= count || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * One request id from the caller to every service: the frontend takes the
 * caller's X-Request-Id (when it is a safe short token, else it makes one),
 * answers with it, and sends it on to metadata and search, whose JSON request
 * lines carry it.
 */
describe('frontend: the request id travels to metadata and search', () => {
  let idp: DevIdp;
  let metadata: NodeProcess;
  let search: NodeProcess;
  let frontend: RunningApp;
  let token: string;

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    idp = await devIdpFor(base);
    const api = { AUTH_ISSUERS: idp.issuer, OIDC_ISSUER: idp.issuer, LOG_FORMAT: 'json', LOG_LEVEL: 'log' };
    search = await startNode(join(workspaceRoot(), 'dist', 'apps', 'search', 'main.js'), {
      env: { ...api, DATA_DIR: tempDir('fram-rid-search-') },
    });
    metadata = await startNode(join(workspaceRoot(), 'dist', 'apps', 'metadata', 'main.js'), {
      env: { ...api, OKTA_ORG_URL: idp.origin, SEARCH_SYNC: 'off', DATA_DIR: tempDir('fram-rid-md-') },
    });
    frontend = await startFrontend(port, { OIDC_ISSUER: idp.issuer, PUBLIC_URL: base, METADATA_URL: metadata.url, SEARCH_URL: search.url });
    token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
  }, 90_000);
  afterAll(async () => {
    await frontend?.close();
    await metadata?.stop();
    await search?.stop();
    await idp?.stop();
  });

  it("passes the caller's request id on to metadata, and answers with it", async () => {
    const response = await call(`${frontend.url}/api/metadata/v0/tags`, { token, headers: { 'X-Request-Id': 'from-the-browser.42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('from-the-browser.42');
    const [line] = await requestLines(metadata, 'from-the-browser.42');
    expect(line).toMatchObject({ method: 'GET', route: '/tags', status: 200, client: 'fram-scripts' });
  });

  it('passes it on to search, for each call a search makes', async () => {
    const body = { searchTerm: 'orders', pageIndex: 0, resultsPerPage: 5, resources: ['table', 'user'] };
    const response = await call(`${frontend.url}/api/search/v1/search`, {
      method: 'POST',
      token,
      headers: { 'X-Request-Id': 'search-from-fe', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    const lines = await requestLines(search, 'search-from-fe');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatchObject({ method: 'POST', route: '/v2/search', status: 200 });
  });

  it('replaces an unsafe request id with a new one, and passes that one on', async () => {
    const response = await call(`${frontend.url}/api/metadata/v0/tags`, { token, headers: { 'X-Request-Id': 'a b; injected="1"' } });
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    const [line] = await requestLines(metadata, id);
    expect(line).toMatchObject({ route: '/tags', status: 200 });
    expect(metadata.output()).not.toContain('injected');
  });

  it('makes one when the caller sends none', async () => {
    const response = await call(`${frontend.url}/api/metadata/v0/tags`, { token });
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    expect(await requestLines(metadata, id)).toHaveLength(1);
  });
});
