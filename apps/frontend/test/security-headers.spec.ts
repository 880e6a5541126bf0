import { call, freePort, type DevIdp, type RunningApp } from '@fram/testing';
import { devIdpFor, signIn, startFrontend, tempDir } from './stack';

/** The frontend as main.ts starts it (with its API docs), on `port`, with `env`. */
const startFrontendWithDocs = (port: number, env: Record<string, string>): Promise<RunningApp> =>
  startFrontend(port, { DATA_DIR: tempDir('fram-fe-headers-'), METADATA_URL: 'http://127.0.0.1:9', ...env }, undefined, true);

function expectApiHeaders(response: { headers: Headers }): void {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

const WEB_UI_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const xhr = { headers: { accept: 'application/json' } };

describe('frontend: security headers', () => {
  let idp: DevIdp;
  let frontend: RunningApp;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await devIdpFor(base);
    frontend = await startFrontendWithDocs(port, { OIDC_ISSUER: idp.issuer, PUBLIC_URL: base });
  }, 60_000);
  afterAll(async () => {
    await frontend?.close();
    await idp?.stop();
  });

  it('marks its API answers no-store and nosniff: signed in, and a 401 without a session', async () => {
    const { browser } = await signIn(base, 'ada@example.com');
    const user = await browser.request(`${base}/api/auth_user`, xhr);
    expect(user.status).toBe(200);
    expectApiHeaders(user);
    const refused = await call(`${base}/api/auth_user`, xhr);
    expect(refused.status).toBe(401);
    expectApiHeaders(refused);
    expect(refused.headers.get('strict-transport-security')).toBeNull(); // PUBLIC_URL is http
  });

  it("keeps the web UI's own Content-Security-Policy on its pages, and lets its static files be cached", async () => {
    const { browser } = await signIn(base, 'ada@example.com');
    const page = await browser.request(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(WEB_UI_POLICY);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('same-origin');

    const script = /<script[^>]+src="\/static\/([^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    const file = await call(`${base}/static/${script}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toBe('public, max-age=300');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives its API docs their own Content-Security-Policy', async () => {
    const docs = await call(`${base}/docs`);
    expect(docs.status).toBe(200);
    const policy = docs.headers
      .get('content-security-policy')!
      .split(';')
      .map((directive) => directive.trim());
    expect(policy).toEqual(expect.arrayContaining(["script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]));
    expectApiHeaders(await call(`${base}/docs/openapi.json`));
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    const port = await freePort();
    const secure = await startFrontendWithDocs(port, { OIDC_ISSUER: idp.issuer, PUBLIC_URL: 'https://fram.example.com' });
    try {
      for (const path of ['/healthcheck', '/api/auth_user', '/docs']) {
        const response = await call(`${secure.url}${path}`, xhr);
        expect([path, response.headers.get('strict-transport-security')]).toEqual([path, 'max-age=31536000; includeSubDomains']);
      }
      const refused = await call(`${secure.url}/api/auth_user`, xhr);
      expect(refused.status).toBe(401);
      expectApiHeaders(refused);
    } finally {
      await secure.close();
    }
  });
});
