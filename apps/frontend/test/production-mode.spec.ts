import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { BrowserSession, call, freePort, signInAtFrontend, signInToCallback, type DevIdp } from '@fram/testing';
import { devIdpFor, startFrontend } from './stack';

const RETURN_TO = '/table_detail/gold/hive/core/orders';
const xhr = { headers: { accept: 'application/json' } };

/**
 * The frontend as it runs in production (NODE_ENV=production): Secure session
 * cookies behind a TLS-terminating proxy (TRUST_PROXY), and PUBLIC_URL's
 * scheme checked at start. The proxy is the scripted browser's: it sends the
 * https origin's requests to the frontend's plain-HTTP port with
 * X-Forwarded-Proto: https.
 */
describe('frontend: NODE_ENV=production', () => {
  let idp: DevIdp;
  const ports = { behindProxy: 0, proxyNotTrusted: 0, otherProxyTrusted: 0, loopbackHttp: 0 };
  const publicUrl = (port: number, scheme = 'https') => `${scheme}://127.0.0.1:${port}`;

  beforeAll(async () => {
    for (const name of Object.keys(ports) as (keyof typeof ports)[]) ports[name] = await freePort();
    idp = await devIdpFor([
      publicUrl(ports.behindProxy),
      publicUrl(ports.proxyNotTrusted),
      publicUrl(ports.otherProxyTrusted),
      publicUrl(ports.loopbackHttp, 'http'),
    ]);
  }, 60_000);
  afterAll(() => idp?.stop());
  afterEach(() => jest.restoreAllMocks());

  /** What production needs: the client's credentials, a random session secret, an issuer that is not the default. */
  const production = (publicUrl: string, env: Record<string, string> = {}) => ({
    NODE_ENV: 'production',
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'fram-frontend',
    OIDC_CLIENT_SECRET: 'fram-frontend-dev-secret',
    SESSION_SECRET: randomBytes(48).toString('base64'),
    PUBLIC_URL: publicUrl,
    METADATA_URL: 'http://127.0.0.1:9',
    ...env,
  });
  const trustProxyWarnings = (warn: jest.SpyInstance) => warn.mock.calls.filter(([message]) => /TRUST_PROXY/.test(String(message)));

  it('signs in behind a TLS-terminating proxy (TRUST_PROXY=loopback): a Secure session cookie, the returnTo page, /api/auth_user', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const base = publicUrl(ports.behindProxy);
    const frontend = await startFrontend(ports.behindProxy, production(base, { TRUST_PROXY: 'loopback' }));
    try {
      const browser = new BrowserSession({ tlsProxy: { [base]: frontend.url } });
      const { done } = await signInAtFrontend(base, 'ada@example.com', RETURN_TO, browser);
      expect(done.url).toBe(`${base}${RETURN_TO}`);
      expect(done.response.status).toBe(200);
      expect(browser.cookie('127.0.0.1', 'fram.sid')).toMatchObject({ secure: true });
      const me = await browser.request(`${base}/api/auth_user`, xhr);
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ user: { user_id: 'ada@example.com' } });
      expect(trustProxyWarnings(warn)).toEqual([]);
    } finally {
      await frontend.close();
    }
  });

  it('without TRUST_PROXY does not believe X-Forwarded-Proto: the sign-in fails, and one warning names TRUST_PROXY', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const base = publicUrl(ports.proxyNotTrusted);
    const frontend = await startFrontend(ports.proxyNotTrusted, production(base));
    try {
      expect((await call(`${frontend.url}/healthcheck`)).status).toBe(200); // health checks come over plain HTTP: no warning
      expect(trustProxyWarnings(warn)).toEqual([]);

      const browser = new BrowserSession({ tlsProxy: { [base]: frontend.url } });
      const { response } = await signInToCallback(base, 'ada@example.com', encodeURIComponent(RETURN_TO), browser);
      expect(response.status).toBe(400);
      expect(browser.cookie('127.0.0.1', 'fram.sid')).toBeUndefined();
      // A second sign-in (another browser) is refused as well, and warns no more.
      const second = await signInToCallback(base, 'ada@example.com', '%2F', new BrowserSession({ tlsProxy: { [base]: frontend.url } }));
      expect(second.response.status).toBe(400);

      expect(trustProxyWarnings(warn)).toEqual([[expect.stringMatching(/PUBLIC_URL is https.*plain HTTP.*Secure.*TRUST_PROXY/)]]);
    } finally {
      await frontend.close();
    }
  });

  it('believes X-Forwarded-Proto only from the proxies TRUST_PROXY names: from another address the sign-in fails', async () => {
    const base = publicUrl(ports.otherProxyTrusted);
    const frontend = await startFrontend(ports.otherProxyTrusted, production(base, { TRUST_PROXY: '10.1.2.3' }));
    try {
      const browser = new BrowserSession({ tlsProxy: { [base]: frontend.url } });
      const { response } = await signInToCallback(base, 'ada@example.com', '%2F', browser);
      expect(response.status).toBe(400);
      expect(browser.cookie('127.0.0.1', 'fram.sid')).toBeUndefined();
    } finally {
      await frontend.close();
    }
  });

  it('refuses an http PUBLIC_URL other than loopback, saying why, unless ALLOW_HTTP_PUBLIC_URL=yes', async () => {
    const env = production('http://fram.example.com');
    await expect(startFrontend(await freePort(), env)).rejects.toThrow(/PUBLIC_URL: .*http.*clear text.*https.*ALLOW_HTTP_PUBLIC_URL=yes/);

    const frontend = await startFrontend(await freePort(), { ...env, ALLOW_HTTP_PUBLIC_URL: 'yes' });
    try {
      const login = await call(`${frontend.url}/login`, { redirect: 'manual' });
      expect(login.status).toBe(302);
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith('fram.sid='));
      expect(cookie).toBeDefined();
      expect(cookie).not.toMatch(/;\s*Secure/i);
    } finally {
      await frontend.close();
    }
  });

  it('signs in at a loopback http PUBLIC_URL (docker-compose on a laptop), with a session cookie that is not Secure', async () => {
    const base = publicUrl(ports.loopbackHttp, 'http');
    const frontend = await startFrontend(ports.loopbackHttp, production(base));
    try {
      const { browser, done } = await signInAtFrontend(base, 'ada@example.com', RETURN_TO);
      expect(done.url).toBe(`${base}${RETURN_TO}`);
      expect(browser.cookie('127.0.0.1', 'fram.sid')).toMatchObject({ secure: false });
      expect((await browser.request(`${base}/api/auth_user`, xhr)).status).toBe(200);
    } finally {
      await frontend.close();
    }
  });

  it('refuses a TRUST_PROXY that is neither a hop count nor addresses, naming it', async () => {
    const env = production(publicUrl(ports.behindProxy), { TRUST_PROXY: 'yes please' });
    await expect(startFrontend(await freePort(), env)).rejects.toThrow(/TRUST_PROXY: .*hop count.*addresses/);
  });
});
