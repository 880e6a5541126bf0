import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserSession, call, freePort, readForm, startRedisServer, type DevIdp, type RedisServer, type RunningApp } from '@fram/testing';
import { devIdpFor, signIn, startFrontend, startSignInStack, tempDir, type SignInStack } from './stack';

type Health = { status: string; checks: Record<string, { status: string; kind?: string }> };

const SESSIONS_UNAVAILABLE = /Sessions are unavailable/;

/** A session store that cannot keep sessions is a 503 ("sessions are unavailable"), never "This sign-in is not valid"; /healthcheck says so. */
describe('frontend: the session store failing', () => {
  describe('the SQLite session file deleted', () => {
    const dataDir = tempDir('fram-fe-sessions-');
    let stack: SignInStack;
    beforeAll(async () => {
      stack = await startSignInStack({ DATA_DIR: dataDir });
    }, 30_000);
    afterAll(async () => {
      await stack?.stop();
    });

    it('reports the session store in /healthcheck while it works', async () => {
      const health = await call(`${stack.base}/healthcheck`);
      expect(health.status).toBe(200);
      expect(health.json<Health>().checks['SessionStore:connection']).toEqual({ status: 'ok', kind: 'embedded' });
      expect(health.json<Health>().checks['KeyStore:key_sets']).toMatchObject({ status: 'ok' });
    });

    it('answers the sign-in callback and /login with a 503 page, and fails /healthcheck naming the session store', async () => {
      const browser = new BrowserSession();
      const start = await browser.follow(`${stack.base}/login`);
      const { action } = readForm(await start.response.text());
      const callback = await browser.submit(
        new URL(action, start.url).href,
        { username: 'ada@example.com', password: 'fram-demo' },
        `${stack.base}/auth`,
      );
      expect(callback.url.startsWith(`${stack.base}/auth?`)).toBe(true);

      unlinkSync(join(dataDir, 'sessions.sqlite'));
      const finish = await browser.request(callback.url);
      expect(finish.status).toBe(503);
      const page = await finish.text();
      expect(page).toMatch(SESSIONS_UNAVAILABLE);
      expect(page).not.toMatch(/not valid/);

      const login = await new BrowserSession().request(`${stack.base}/login`);
      expect(login.status).toBe(503);
      expect(await login.text()).toMatch(SESSIONS_UNAVAILABLE);

      const health = await call(`${stack.base}/healthcheck`);
      expect(health.status).toBe(503);
      expect(health.json<Health>()).toMatchObject({
        status: 'fail',
        checks: { 'SessionStore:connection': { status: 'fail', kind: 'embedded' } },
      });
    });
  });

  describe('Redis down', () => {
    let redis: RedisServer;
    let idp: DevIdp;
    let frontend: RunningApp;
    let base: string;
    beforeAll(async () => {
      redis = await startRedisServer();
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      idp = await devIdpFor(base);
      frontend = await startFrontend(port, {
        OIDC_ISSUER: idp.issuer,
        PUBLIC_URL: base,
        METADATA_URL: 'http://127.0.0.1:9',
        REDIS_URL: redis.url,
      });
    }, 60_000);
    afterAll(async () => {
      await frontend?.close();
      await idp?.stop();
      await redis?.stop();
    });

    it('answers API calls 503 JSON and /login a 503 page at once, and fails /healthcheck naming the session store', async () => {
      const { browser } = await signIn(base, 'ada@example.com', '/');
      expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
      expect((await call(`${base}/healthcheck`)).json<Health>().checks['SessionStore:connection']).toEqual({ status: 'ok', kind: 'redis' });

      await redis.stop();
      const api = await browser.request(`${base}/api/auth_user`, { signal: AbortSignal.timeout(5000) });
      expect(api.status).toBe(503);
      expect(await api.json()).toMatchObject({
        statusCode: 503,
        code: 'sessions_unavailable',
        message: expect.stringMatching(SESSIONS_UNAVAILABLE),
      });

      const login = await new BrowserSession().request(`${base}/login`, { signal: AbortSignal.timeout(5000) });
      expect(login.status).toBe(503);
      expect(await login.text()).toMatch(SESSIONS_UNAVAILABLE);

      // A browser coming back from the IdP (or opening any page) gets the page too, not JSON.
      const navigation = { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, signal: AbortSignal.timeout(5000) };
      for (const path of ['/auth?code=abc&state=def', '/table_detail/gold/hive/core/orders']) {
        const page = await browser.request(`${base}${path}`, navigation);
        expect([path, page.status, page.headers.get('content-type')]).toEqual([path, 503, expect.stringMatching(/^text\/html/)]);
        expect(await page.text()).toMatch(SESSIONS_UNAVAILABLE);
      }

      const health = await call(`${base}/healthcheck`);
      expect(health.status).toBe(503);
      expect(health.json<Health>()).toMatchObject({
        status: 'fail',
        checks: { 'SessionStore:connection': { status: 'fail', kind: 'redis' } },
      });
    });
  });
});
