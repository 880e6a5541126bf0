import { connect } from 'node:net';
import {
  BrowserSession,
  call,
  freePort,
  ManualClock,
  startRedisServer,
  type DevIdp,
  type RedisServer,
  type RunningApp,
} from '@fram/testing';
import { loadSessionStoreConfig, openSessionStore } from '../src/session/session-store';
import { csrfTokenOf, devIdpFor, signIn, startFrontend } from './stack';

/** Several frontends behind one load balancer share their sessions through a real Redis. */
describe('frontend: sessions in Redis (REDIS_URL)', () => {
  let redis: RedisServer;
  let idp: DevIdp;
  const frontends: RunningApp[] = [];
  const bases: string[] = [];
  /** Both frontends' clock (they run in this process): moved to the access token's expiry instead of sleeping. */
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(); // at the real time now: dev-idp's tokens are issued on the real time (iat)
    redis = await startRedisServer();
    const ports = [await freePort(), await freePort()];
    bases.push(...ports.map((port) => `http://127.0.0.1:${port}`));
    idp = await devIdpFor(bases);
    for (const [i, port] of ports.entries()) {
      frontends.push(
        await startFrontend(
          port,
          {
            OIDC_ISSUER: idp.issuer,
            PUBLIC_URL: bases[i],
            METADATA_URL: 'http://127.0.0.1:9',
            REDIS_URL: redis.url,
          },
          clock,
        ),
      );
    }
  }, 60_000);
  afterAll(async () => {
    for (const frontend of frontends) await frontend.close();
    await idp?.stop();
    await redis?.stop();
  });

  it('signs in on one frontend, is signed in on the other, and signing out on either ends it for both', async () => {
    const [a, b] = bases as [string, string];
    const browser = new BrowserSession(); // cookies are per host, not per port: both frontends get the cookie, as behind one load balancer
    await signIn(a, 'ada@example.com', '/', browser);
    expect(await redis.command('KEYS fram:sess:*')).toMatch(/fram:sess:/);
    const onB = await browser.request(`${b}/api/auth_user`);
    expect(onB.status).toBe(200);
    expect(await onB.json()).toMatchObject({ user: { user_id: 'ada@example.com' } });
    const csrf = await csrfTokenOf(browser, a);
    const logout = await browser.request(`${b}/logout`, {
      method: 'POST',
      headers: { origin: b, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(logout.status).toBe(303);
    expect((await browser.request(`${a}/api/auth_user`)).status).toBe(401);
  });

  /** The tokens of grace's session, read from Redis. */
  async function sessionTokens(): Promise<{ accessToken: string; refreshToken: string }[]> {
    const keys = (await redis.command('KEYS fram:sess:*')).match(/fram:sess:[^\r\n]+/g) ?? [];
    const sessions = await Promise.all(keys.map((key) => redis.command(`GET ${key}`)));
    return sessions
      .map(
        (raw) =>
          JSON.parse(raw.slice(raw.indexOf('\n') + 1)) as {
            signedIn?: { accessToken: string; refreshToken: string; user: { email?: string } };
          },
      )
      .filter((session) => session.signedIn?.user.email === 'grace@example.com')
      .map((session) => ({ accessToken: session.signedIn!.accessToken, refreshToken: session.signedIn!.refreshToken }));
  }

  it('refreshes an expiring access token once across frontends: concurrent requests on both keep the session', async () => {
    const [a, b] = bases as [string, string];
    const { browser } = await signIn(a, 'grace@example.com', '/');
    expect((await browser.request(`${b}/api/auth_user`)).status).toBe(200);
    const [before] = await sessionTokens();
    clock.advance(3600_000 - 30_000); // into the last minute of dev-idp's access token lifetime: the frontends refresh it
    // With rotating refresh tokens, two refreshes with the same token would end the sign-in (reuse detection).
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => browser.request(`${i % 2 ? a : b}/api/auth_user`).then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(8).fill(200));
    for (const base of [a, b, a]) expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
    const [after] = await sessionTokens();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
  });

  it('is chosen by REDIS_URL, and refuses to start without a reachable Redis, naming REDIS_URL', async () => {
    expect(loadSessionStoreConfig({ REDIS_URL: redis.url })).toMatchObject({ kind: 'redis', redisUrl: redis.url });
    expect(loadSessionStoreConfig({})).toMatchObject({ kind: 'embedded' });
    expect(() => loadSessionStoreConfig({ SESSION_STORE: 'redis' })).toThrow(/REDIS_URL is required/);
    expect(() => loadSessionStoreConfig({ REDIS_URL: 'http://redis' })).toThrow(/REDIS_URL/);
    const unreachable = `redis://127.0.0.1:${await freePort()}`;
    await expect(openSessionStore({ kind: 'redis', file: '', redisUrl: unreachable }, 1000)).rejects.toThrow(
      /REDIS_URL: Redis cannot be reached/,
    );
  }, 15_000);

  it('answers /healthcheck in time, failing the session store, while Redis keeps the connection but stops answering', async () => {
    type Health = { status: string; checks: Record<string, { status: string; message?: string }> };
    const [a] = bases as [string];
    expect((await call(`${a}/healthcheck`)).json<Health>().checks['SessionStore:connection']).toEqual({ status: 'ok', kind: 'redis' });
    // CLIENT PAUSE: every client's commands wait (for 3 s here), on connections that stay open.
    const pausing = connect(Number(new URL(redis.url).port), '127.0.0.1');
    try {
      await new Promise<void>((resolve, reject) => {
        pausing.once('error', reject);
        pausing.once('data', (answer) => (answer.toString().startsWith('+OK') ? resolve() : reject(new Error(answer.toString()))));
        pausing.write('CLIENT PAUSE 3000 ALL\r\n');
      });
      const health = await call(`${a}/healthcheck`);
      expect(health.status).toBe(503);
      expect(health.json<Health>()).toMatchObject({
        status: 'fail',
        checks: { 'SessionStore:connection': { status: 'fail', message: 'timed out after 2000 ms' } },
      });
    } finally {
      pausing.destroy();
    }
  });
});
