import { Module, type Type } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AuthModule, loadAuthConfig } from '@fram/auth';
import { HealthModule, WhoAmIModule } from '@fram/service';
import {
  call,
  startDevIdp,
  startNode,
  startTestApp,
  TestIssuer,
  workspaceRoot,
  type DevIdp,
  type NodeProcess,
  type RunningApp,
  type SimpleResponse,
} from '@fram/testing';

/** What every JSON answer of every service carries: never cached, never sniffed into something else. */
function expectApiHeaders(response: SimpleResponse): void {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

/** A Content-Security-Policy header as directive -> sources. */
function policyOf(response: SimpleResponse): Map<string, string[]> {
  const header = response.headers.get('content-security-policy');
  expect(header).toBeTruthy();
  return new Map(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('security headers of a service started by the shared bootstrap', () => {
  let idp: TestIssuer;
  let ServiceModule: Type<unknown>;
  let server: RunningApp;

  beforeAll(async () => {
    idp = await TestIssuer.start();
    @Module({ imports: [AuthModule.forRoot({ config: loadAuthConfig({ AUTH_ISSUERS: idp.issuer }) }), HealthModule, WhoAmIModule] })
    class TestServiceModule {}
    ServiceModule = TestServiceModule;
    server = await startTestApp(TestServiceModule, { service: 'test' });
  });
  afterAll(async () => {
    await server?.close();
    await idp?.stop();
  });

  it('marks JSON answers no-store and nosniff: a 200, a 401 and a 404', async () => {
    const ok = await call(`${server.url}/whoami`, { token: idp.serviceToken('0oa-script', []) });
    expect(ok.status).toBe(200);
    expectApiHeaders(ok);
    const refused = await call(`${server.url}/whoami`);
    expect(refused.status).toBe(401);
    expectApiHeaders(refused);
    const missing = await call(`${server.url}/no/such/route`);
    expect(missing.status).toBe(404);
    expectApiHeaders(missing);
    expectApiHeaders(await call(`${server.url}/docs/openapi.json`));
  });

  it('sends HSTS when PUBLIC_URL is https, and not over plain http', async () => {
    expect((await call(`${server.url}/healthcheck`)).headers.get('strict-transport-security')).toBeNull();
    for (const [publicUrl, hsts] of [
      ['https://fram.example.com', 'max-age=31536000; includeSubDomains'],
      ['http://fram.internal:5000', null],
    ] as const) {
      const app = await startTestApp(ServiceModule, { service: 'test', settings: { PUBLIC_URL: publicUrl } });
      try {
        for (const response of [await call(`${app.url}/healthcheck`), await call(`${app.url}/whoami`)]) {
          expect([publicUrl, response.headers.get('strict-transport-security')]).toEqual([publicUrl, hsts]);
          expectApiHeaders(response);
        }
      } finally {
        await app.close();
      }
    }
  });

  it('gives the API docs a Content-Security-Policy that allows only their own code, and their files load under it', async () => {
    const page = await call(`${server.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = policyOf(page);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect([...policy.values()].flat()).not.toContain('*');
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");

    // Its scripts and styles are files of its own origin (no inline script), and they load.
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const files = [...page.text.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
      (m) => new URL(m[1], `${server.url}/docs`).href,
    );
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      expect(new URL(file).origin).toBe(server.url);
      const response = await call(file);
      expect([file, response.status]).toEqual([file, 200]);
      expect(response.headers.get('content-type')).toMatch(/^(text\/css|(text|application)\/javascript)/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('renders the API docs in a browser with no Content-Security-Policy violation', async () => {
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const tab = await browser.newPage();
      const violations: string[] = [];
      tab.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await tab.goto(`${server.url}/docs`);
      await tab.locator('.swagger-ui .info .title').filter({ hasText: 'Fram test' }).waitFor();
      await tab.locator('.opblock-summary-path', { hasText: '/whoami' }).first().waitFor();
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

/** Every app as its main.ts starts it (the built apps in dist/). */
describe('security headers of every service', () => {
  const root = workspaceRoot();
  let idp: DevIdp;
  let services: Record<'search' | 'metadata', NodeProcess>;

  beforeAll(async () => {
    idp = await startDevIdp();
    const env = { AUTH_ISSUERS: idp.issuer, LOG_LEVEL: 'warn' };
    const dataDir = () => mkdtempSync(join(tmpdir(), 'fram-headers-'));
    const search = await startNode(join(root, 'dist', 'apps', 'search', 'main.js'), { env: { ...env, DATA_DIR: dataDir() } });
    const metadata = await startNode(join(root, 'dist', 'apps', 'metadata', 'main.js'), {
      env: { ...env, OKTA_ORG_URL: idp.origin, SEARCH_SYNC: 'off', DATA_DIR: dataDir() },
    });
    services = { search, metadata };
  }, 60_000);
  afterAll(async () => {
    await services?.metadata.stop();
    await services?.search.stop();
    await idp?.stop();
  });

  it('metadata and search: JSON answers and 401s are no-store and nosniff, and their docs have a CSP', async () => {
    const token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    for (const [name, service] of Object.entries(services)) {
      const ok = await call(`${service.url}/whoami`, { token });
      expect([name, ok.status]).toEqual([name, 200]);
      expectApiHeaders(ok);
      const refused = await call(`${service.url}/whoami`);
      expect([name, refused.status]).toEqual([name, 401]);
      expectApiHeaders(refused);
      expect(policyOf(await call(`${service.url}/docs`)).get('script-src')).toEqual(["'self'"]);
    }
  });

  it('dev-idp: its JSON answers and 401s are no-store and nosniff too', async () => {
    expectApiHeaders(await call(`${idp.origin}/healthcheck`));
    const refused = await call(`${idp.origin}/api/v1/users/ada@example.com`);
    expect(refused.status).toBe(401);
    expectApiHeaders(refused);
  });
});
