import Database from 'better-sqlite3';
import { join } from 'node:path';
import {
  BrowserSession,
  call,
  freePort,
  ManualClock,
  readForm,
  signInToCallback,
  startNode,
  workspaceRoot,
  type DevIdp,
  type NodeProcess,
  type RunningApp,
} from '@fram/testing';
import { csrfTokenOf, devIdpFor, signIn as signInAt, startFrontend, startSignInStack, tempDir, type SignInStack } from './stack';

/** Browser sign-in through dev-idp, over HTTP with a cookie jar, and what the session gives. */
describe('frontend: sign-in, sessions and sign-out', () => {
  let idp: DevIdp;
  let metadata: NodeProcess;
  let frontend: RunningApp;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await devIdpFor(base);
    metadata = await startNode(join(workspaceRoot(), 'dist', 'apps', 'metadata', 'main.js'), {
      env: {
        AUTH_ISSUERS: idp.issuer,
        OKTA_ORG_URL: idp.origin,
        OIDC_ISSUER: idp.issuer,
        DATA_DIR: tempDir('fram-fe-md-'),
        SEARCH_SYNC: 'off',
        LOG_LEVEL: 'warn',
      },
    });
    frontend = await startFrontend(port, { OIDC_ISSUER: idp.issuer, PUBLIC_URL: base, METADATA_URL: metadata.url });
  }, 60_000);
  afterAll(async () => {
    await frontend?.close();
    await metadata?.stop();
    await idp?.stop();
  });

  const signIn = (username = 'ada@example.com', returnTo = '/table_detail/gold/hive/core/orders') => signInAt(base, username, returnTo);

  it('signs in with the code flow, state, nonce and PKCE, and sends the browser back where it was going', async () => {
    const browser = new BrowserSession();
    const login = await browser.request(`${base}/login?returnTo=/table/x`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location')!);
    expect(authorize.href.startsWith(`${idp.issuer}/v1/authorize`)).toBe(true);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'fram-frontend',
      redirect_uri: `${base}/auth`,
      scope: 'openid email profile offline_access',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    expect(authorize.searchParams.has('code_verifier')).toBe(false);

    const { done } = await signIn('ada@example.com', '/table/x');
    expect(done.url).toBe(`${base}/table/x`);
  });

  it('keeps tokens on the server: the browser holds only an HttpOnly, SameSite=Lax session cookie, renewed at sign-in', async () => {
    const browser = new BrowserSession();
    const before = await browser.request(`${base}/login`);
    const cookieBefore = before.headers.getSetCookie().find((c) => c.startsWith('fram.sid='))!;
    expect(cookieBefore).toMatch(/HttpOnly/);
    expect(cookieBefore).toMatch(/SameSite=Lax/);
    const start = await browser.follow(before.headers.get('location')!);
    const { action } = readForm(await start.response.text());
    const callback = await browser.submit(
      new URL(action, start.url).href,
      { username: 'ada@example.com', password: 'fram-demo' },
      `${base}/auth`,
    );
    const finish = await browser.request(callback.url);
    expect(finish.status).toBe(303);
    const cookieAfter = finish.headers.getSetCookie().find((c) => c.startsWith('fram.sid='))!;
    expect(cookieAfter.split(';')[0]).not.toBe(cookieBefore.split(';')[0]); // a new session id
    expect(JSON.stringify(finish.headers)).not.toMatch(/eyJ/); // no token reaches the browser
  });

  it('answers /api/auth_user with the person, found through metadata, and 401 JSON without a session', async () => {
    const { browser } = await signIn('alan@example.com');
    const me = await browser.request(`${base}/api/auth_user`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      msg: 'Success',
      user: { user_id: 'alan@example.com', full_name: 'Alan Turing', team_name: 'Data Platform' },
    });
    const anonymous = await call(`${base}/api/auth_user`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json()).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });

  it('lets API clients call the frontend API with a bearer token instead of a session', async () => {
    const token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data');
    const me = await call(`${base}/api/auth_user`, { token });
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ user: { user_id: 'fram-scripts' } });
  });

  it('refuses a callback with a missing, wrong or reused state, and creates no session', async () => {
    const browser = new BrowserSession();
    expect((await browser.request(`${base}/auth?code=abc`)).status).toBe(400);
    expect((await browser.request(`${base}/auth?code=abc&state=forged`)).status).toBe(400);
    const start = await browser.follow(`${base}/login`);
    const { action } = readForm(await start.response.text());
    const callback = await browser.submit(
      new URL(action, start.url).href,
      { username: 'ada@example.com', password: 'fram-demo' },
      `${base}/auth`,
    );
    expect((await browser.request(callback.url)).status).toBe(303);
    const replay = await new BrowserSession().request(callback.url);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('The sign-in link expired or was already used');
  });

  it('refuses an ID token whose nonce is missing or not the one this sign-in sent, and creates no session', async () => {
    for (const tamper of [(url: URL) => url.searchParams.set('nonce', 'injected-nonce'), (url: URL) => url.searchParams.delete('nonce')]) {
      const browser = new BrowserSession();
      const login = await browser.request(`${base}/login?returnTo=/x`);
      const authorize = new URL(login.headers.get('location')!);
      tamper(authorize); // what an attacker replaying or injecting an authorization response would get
      const start = await browser.follow(authorize.href);
      const { action } = readForm(await start.response.text());
      const callback = await browser.submit(
        new URL(action, start.url).href,
        { username: 'ada@example.com', password: 'fram-demo' },
        `${base}/auth`,
      );
      const refused = await browser.request(callback.url);
      expect(refused.status).toBe(400); // passport-openidconnect: "Invalid nonce in ID Token" (state and code were fine)
      expect(refused.headers.get('location')).toBeNull();
      expect((await browser.request(`${base}/api/auth_user`)).status).toBe(401);
    }
  });

  it('refuses an ID token issued in the future (iat later than now + the clock tolerance), and creates no session', async () => {
    try {
      await idp.setFaults({ idTokenIatOffsetSec: 3600 });
      const { browser, response } = await signInToCallback(base, 'ada@example.com', '%2Fx');
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect((await browser.request(`${base}/api/auth_user`)).status).toBe(401);
      // A clock a little ahead, within AUTH_CLOCK_TOLERANCE_S (30 s), still signs in.
      await idp.setFaults({ idTokenIatOffsetSec: 10 });
      const skewed = await signInToCallback(base, 'ada@example.com', '%2Fx');
      expect(skewed.response.status).toBe(303);
      expect((await skewed.browser.request(`${base}/api/auth_user`)).status).toBe(200);
    } finally {
      await idp.setFaults({ idTokenIatOffsetSec: 0 });
    }
  });

  it('refuses an authorization response whose iss is not the issuer, or lacks it when the IdP says it sends it (RFC 9207)', async () => {
    const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery['authorization_response_iss_parameter_supported']).toBe(true);
    const tampers: [string, (url: URL) => void][] = [
      ['foreign iss', (url) => url.searchParams.set('iss', 'https://evil.example')],
      ['issuer with a trailing slash', (url) => url.searchParams.set('iss', `${idp.issuer}/`)],
      ['the org server', (url) => url.searchParams.set('iss', idp.origin)],
      ['no iss', (url) => url.searchParams.delete('iss')],
      ['two iss', (url) => url.searchParams.append('iss', 'https://evil.example')],
    ];
    for (const [name, tamper] of tampers) {
      const browser = new BrowserSession();
      const start = await browser.follow(`${base}/login?returnTo=/x`);
      const { action } = readForm(await start.response.text());
      const callback = await browser.submit(
        new URL(action, start.url).href,
        { username: 'ada@example.com', password: 'fram-demo' },
        `${base}/auth`,
      );
      const url = new URL(callback.url); // a real code and a real state of this browser's sign-in
      expect(url.searchParams.get('iss')).toBe(idp.issuer);
      tamper(url);
      const refused = await browser.request(url.href);
      expect({ name, status: refused.status, location: refused.headers.get('location') }).toEqual({ name, status: 400, location: null });
      expect(await refused.text()).toContain('This sign-in is not valid');
      expect((await browser.request(`${base}/api/auth_user`)).status).toBe(401);
    }
    // An error response naming another issuer is refused the same way.
    const browser = new BrowserSession();
    const login = await browser.request(`${base}/login`);
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    const error = await browser.request(
      `${base}/auth?error=access_denied&state=${encodeURIComponent(state)}&iss=${encodeURIComponent('https://evil.example')}`,
    );
    expect(error.status).toBe(400);
  });

  it('builds the redirect URI from PUBLIC_URL, whatever Host or X-Forwarded-* the request carries', async () => {
    const login = await fetch(`${base}/login`, {
      redirect: 'manual',
      headers: {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        forwarded: 'host=evil.example;proto=https',
      },
    });
    expect(login.status).toBe(302);
    expect(new URL(login.headers.get('location')!).searchParams.get('redirect_uri')).toBe(`${base}/auth`);
  });

  it('lets two tabs sign in at the same time', async () => {
    const browser = new BrowserSession();
    const tab1 = await browser.follow(`${base}/login?returnTo=/one`);
    const tab2 = await browser.follow(`${base}/login?returnTo=/two`);
    const form1 = readForm(await tab1.response.text());
    const form2 = readForm(await tab2.response.text());
    const done2 = await browser.submit(
      new URL(form2.action, tab2.url).href,
      { username: 'ada@example.com', password: 'fram-demo' },
      `${base}/two`,
    );
    expect(done2.url).toBe(`${base}/two`);
    const done1 = await browser.submit(
      new URL(form1.action, tab1.url).href,
      { username: 'ada@example.com', password: 'fram-demo' },
      `${base}/one`,
    );
    expect(done1.url).toBe(`${base}/one`);
  });

  it('goes back only to paths on this site after sign-in', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
      const { done } = await signIn('ada@example.com', returnTo).catch(() => ({ done: { url: '' } }));
      expect([`${base}/`, '']).toContain(done.url);
    }
  });

  it('shows a friendly page, not a loop, to a person the IdP refuses', async () => {
    const browser = new BrowserSession();
    const start = await browser.follow(`${base}/login`);
    const { action } = readForm(await start.response.text());
    const callback = await browser.submit(
      new URL(action, start.url).href,
      { username: 'ken@example.com', password: 'fram-demo' },
      `${base}/auth`,
    );
    const page = await browser.request(callback.url);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('Your account is not allowed to use Fram');
  });

  it('signs out: the session ends, the refresh token is revoked, the browser goes to the IdP to sign out there', async () => {
    const { browser } = await signIn('ada@example.com');
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
    const csrf = await csrfTokenOf(browser, base);
    const postLogout = (origin: string, fields: Record<string, string>) =>
      browser.request(`${base}/logout`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await postLogout('https://evil.example', { _csrf: csrf })).status).toBe(403);
    expect((await postLogout(base, {})).status).toBe(403);
    expect((await postLogout(base, { _csrf: 'f'.repeat(csrf.length) })).status).toBe(403);
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
    const oldCookie = browser.cookieHeader(base)!;
    const logout = await postLogout(base, { _csrf: csrf });
    expect(logout.status).toBe(303);
    const endSession = new URL(logout.headers.get('location')!);
    expect(endSession.href.startsWith(`${idp.issuer}/v1/logout`)).toBe(true);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(401);
    expect((await call(`${base}/api/auth_user`, { headers: { cookie: oldCookie } })).status).toBe(401); // the old cookie is useless
  });
});

/**
 * Access tokens that expire: the session refreshes them, once for concurrent
 * requests. The frontend runs in this process on a ManualClock (its sessions
 * and its bearer checks alike), which the tests move instead of sleeping:
 * into the last minute of the access token's life, where the frontend
 * refreshes it (the session store shows the new tokens), and past it.
 */
describe('frontend: refreshing access tokens', () => {
  let stack: SignInStack;
  let idp: DevIdp;
  let base: string;
  const dataDir = tempDir('fram-fe-refresh-');
  let clock: ManualClock;
  /** dev-idp's access token lifetime (its default) less 30 s: within the frontend's refresh margin (60 s), before expiry. */
  const NEARLY_EXPIRED_MS = 3600_000 - 30_000;

  beforeAll(async () => {
    clock = new ManualClock(); // at the real time now: dev-idp's tokens are issued on the real time (iat)
    stack = await startSignInStack({ DATA_DIR: dataDir }, {}, clock);
    ({ idp, base } = stack);
  }, 60_000);
  afterAll(() => stack?.stop());

  /** The tokens of a person's session, read from the session store. */
  function sessionTokens(email: string): { accessToken: string; refreshToken: string }[] {
    const sessions = new Database(join(dataDir, 'sessions.sqlite'), { readonly: true });
    try {
      return (sessions.prepare('SELECT data FROM sessions').all() as { data: string }[])
        .map(
          (row) =>
            (JSON.parse(row.data) as { signedIn?: { accessToken: string; refreshToken: string; user?: { email?: string } } }).signedIn,
        )
        .filter((signedIn) => signedIn?.user?.email === email)
        .map((signedIn) => ({ accessToken: signedIn!.accessToken, refreshToken: signedIn!.refreshToken }));
    } finally {
      sessions.close();
    }
  }

  it('refreshes an expiring access token once for many concurrent requests, and keeps the person signed in', async () => {
    const browser = new BrowserSession();
    const start = await browser.follow(`${base}/login?returnTo=/home`);
    const { action } = readForm(await start.response.text());
    await browser.submit(new URL(action, start.url).href, { username: 'ada@example.com', password: 'fram-demo' }, `${base}/home`);
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
    const [first] = sessionTokens('ada@example.com');
    clock.advance(NEARLY_EXPIRED_MS); // the first access token is about to expire
    // With rotating refresh tokens, a second refresh with the same token would be refused and end the session.
    const statuses = await Promise.all(Array.from({ length: 8 }, () => browser.request(`${base}/api/auth_user`).then((r) => r.status)));
    expect(statuses).toEqual(Array(8).fill(200));
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
    const [second] = sessionTokens('ada@example.com');
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it('ends a session whose refresh is refused: pages redirect once to sign-in (and back), API calls get 401 JSON', async () => {
    const { browser } = await signInAt(base, 'grace@example.com', '/');
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
    // An administrator revokes the person's tokens at the IdP (here: the session's refresh token, read from the session store).
    const refreshTokens = sessionTokens('grace@example.com').map((tokens) => tokens.refreshToken);
    expect(refreshTokens).toHaveLength(1);
    const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as { revocation_endpoint: string };
    const revoked = await fetch(discovery.revocation_endpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('fram-frontend:fram-frontend-dev-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: refreshTokens[0], token_type_hint: 'refresh_token' }).toString(),
    });
    expect(revoked.status).toBe(200);
    clock.advance(NEARLY_EXPIRED_MS + 60_000); // the access token has expired (beyond the clock tolerance); its refresh is refused
    const page = await browser.request(`${base}/table_detail/gold/hive/core/orders?tab=columns`);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`/login?returnTo=${encodeURIComponent('/table_detail/gold/hive/core/orders?tab=columns')}`);
    const api = await browser.request(`${base}/api/auth_user`);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ statusCode: 401, code: 'invalid_token' });
  });
});

/** An IdP that is down keeps sessions: their access token while it lasts, then 503 (not a sign-out) until it is back. */
describe('frontend: refreshing while the IdP is down', () => {
  let stack: SignInStack;
  let base: string;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(); // at the real time now: dev-idp's tokens are issued on the real time (iat)
    stack = await startSignInStack({}, {}, clock);
    base = stack.base;
  }, 60_000);
  afterAll(() => stack?.stop());

  it('uses the access token while it lasts, then answers 503 (API: JSON, pages: a page), keeping the session', async () => {
    const { browser } = await signInAt(base, 'ada@example.com', '/');
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
    await stack.idp.stop();
    clock.advance(3600_000 - 30_000); // within the refresh margin: the refresh fails, the access token is still valid
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
    clock.advance(60_000); // expired, and the IdP still cannot refresh it
    const api = await browser.request(`${base}/api/auth_user`);
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ statusCode: 503, code: 'dependency_unavailable' });
    const page = await browser.request(`${base}/table_detail/gold/hive/core/orders`, { headers: { accept: 'text/html' } });
    expect([page.status, page.headers.get('location')]).toEqual([503, null]);
    expect(await page.text()).toContain('The identity provider cannot be reached');
  });
});

/** Fram and the IdP disagree (here: on the audience): the person gets an explanation, not a sign-in loop. */
describe('frontend: a sign-in whose access token Fram refuses', () => {
  let stack: SignInStack;
  let base: string;

  beforeAll(async () => {
    stack = await startSignInStack({ AUTH_AUDIENCE: 'api://not-what-the-idp-issues' });
    base = stack.base;
  }, 60_000);
  afterAll(() => stack?.stop());

  it('shows a page saying so, once, instead of sending the browser back to sign in', async () => {
    const { browser, done } = await signInAt(base, 'ada@example.com', '/table_detail/gold/hive/core/orders');
    expect(done.url).toBe(`${base}/table_detail/gold/hive/core/orders`);
    expect(done.response.status).toBe(401);
    expect(await done.response.text()).toContain('Fram cannot accept this sign-in');
    const again = await browser.request(`${base}/`);
    expect(again.status).toBe(401);
    expect(again.headers.get('location')).toBeNull();
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(401);
  });
});
