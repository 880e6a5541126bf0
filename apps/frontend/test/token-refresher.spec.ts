import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BrowserSession, ManualClock, pkcePair, readForm, startDevIdp, type DevIdp } from '@fram/testing';
import { KeyStore, loadAuthConfig, TokenClient, TokenEndpointUnavailableError, TokenRequestRefusedError, type SignedIn } from '@fram/auth';
import { loadFrontendConfig } from '../src/config/frontend-config';
import { OidcLoginService } from '../src/login/oidc-login.service';
import { TokenRefresher } from '../src/session/token-refresher';

const FRONTEND_CLIENT = { clientId: 'fram-frontend', clientSecret: 'fram-frontend-dev-secret' };

describe('TokenRefresher (against dev-idp)', () => {
  let idp: DevIdp;
  let refresher: TokenRefresher;
  const clock = new ManualClock();

  beforeAll(async () => {
    idp = await startDevIdp();
    const config = loadFrontendConfig({ OIDC_ISSUER: idp.issuer });
    const login = new OidcLoginService(config, new KeyStore(loadAuthConfig({ AUTH_ISSUERS: idp.issuer })));
    refresher = new TokenRefresher(() => login.tokens(), clock);
  });
  afterAll(() => idp?.stop());

  /** A real sign-in of fram-frontend (redirect URI http://localhost:5000/auth; no server needed there). */
  async function signedIn(): Promise<SignedIn> {
    const browser = new BrowserSession();
    const { verifier, challenge } = pkcePair();
    const redirect = 'http://localhost:5000/auth';
    const params = new URLSearchParams({
      client_id: 'fram-frontend',
      response_type: 'code',
      scope: 'openid email offline_access',
      redirect_uri: redirect,
      state: 's',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const start = await browser.follow(`${idp.issuer}/v1/authorize?${params.toString()}`, {}, redirect);
    const { action } = readForm(await start.response.text());
    const done = await browser.submit(new URL(action, start.url).href, { username: 'ada@example.com', password: 'fram-demo' }, redirect);
    const response = await fetch(`${idp.issuer}/v1/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('fram-frontend:fram-frontend-dev-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: new URL(done.url).searchParams.get('code')!,
        redirect_uri: redirect,
        code_verifier: verifier,
      }),
    });
    const tokens = (await response.json()) as { access_token: string; refresh_token: string; id_token: string };
    return {
      user: { sub: 'x', groups: [] },
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      idToken: tokens.id_token,
      expiresAt: clock.now(),
    };
  }

  it('refreshes once for concurrent requests of a session, with a rotated refresh token', async () => {
    const before = await signedIn();
    const [a, b, c] = await Promise.all([
      refresher.refresh('s1', before),
      refresher.refresh('s1', before),
      refresher.refresh('s1', before),
    ]);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a!.accessToken).not.toBe(before.accessToken);
    expect(a!.refreshToken).not.toBe(before.refreshToken);
    expect(a!.expiresAt).toBeGreaterThan(clock.now());
  });

  it('ends the sign-in when the refresh token is refused or missing', async () => {
    const session = await signedIn();
    expect(await refresher.refresh('s2', { ...session, refreshToken: 'not-a-refresh-token' })).toBeUndefined();
    expect(await refresher.refresh('s3', { ...session, refreshToken: undefined })).toBeUndefined();
  });

  it('refreshes shortly before expiry, or at half the life of short tokens, by its clock', () => {
    const now = clock.now();
    const token = (ms: number) => ({ user: { sub: 'x', groups: [] }, accessToken: 'a', idToken: 'i', expiresAt: now + ms });
    expect(refresher.needsRefresh(token(3600_000), now)).toBe(false);
    expect(refresher.needsRefresh(token(30_000), now - 3570_000)).toBe(true);
    expect(refresher.needsRefresh(token(4000), now - 2000)).toBe(false);
    expect(refresher.needsRefresh(token(2000), now - 4000)).toBe(true);
    const later = token(3600_000);
    clock.advance(3600_000 - 30_000);
    expect(refresher.needsRefresh(later, now)).toBe(true);
    expect(refresher.stillValid(later)).toBe(true);
    clock.advance(30_000);
    expect(refresher.stillValid(later)).toBe(false);
  });

  describe('while the IdP fails (its token endpoint behind a loopback stand-in that answers 5xx when told)', () => {
    let proxy: Server;
    let failure: { status: number; body: string; type: string } | undefined;
    let outageRefresher: TokenRefresher;

    beforeAll(async () => {
      const discovery = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
      proxy = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          if (failure) {
            res.writeHead(failure.status, { 'content-type': failure.type }).end(failure.body);
            return;
          }
          const headers = { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? '' };
          void fetch(discovery.token_endpoint, { method: 'POST', headers, body: Buffer.concat(chunks) }).then(async (answer) => {
            res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
            res.end(Buffer.from(await answer.arrayBuffer()));
          });
        });
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const tokenEndpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/token`;
      const tokens = new TokenClient({ issuer: idp.issuer, token_endpoint: tokenEndpoint }, FRONTEND_CLIENT);
      outageRefresher = new TokenRefresher(async () => tokens, clock);
    });
    afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
    afterEach(() => (failure = undefined));

    it('keeps the session on an IdP 5xx (the refresh fails, the refresh token stays usable), and refreshes once the IdP is back', async () => {
      const session = await signedIn();
      for (const [i, outage] of [
        { status: 503, type: 'application/json', body: '{"error":"temporarily_unavailable"}' },
        { status: 500, type: 'application/json', body: '{"error":"server_error","error_description":"oops"}' },
        { status: 502, type: 'text/html', body: '<h1>Bad gateway</h1>' },
      ].entries()) {
        failure = outage;
        await expect(outageRefresher.refresh(`outage-${i}`, session)).rejects.toBeInstanceOf(TokenEndpointUnavailableError);
      }
      failure = undefined;
      // The failure was not shared: the same session's next request refreshes, with the same refresh token.
      const refreshed = await outageRefresher.refresh('outage-0', session);
      expect(refreshed?.accessToken).toEqual(expect.any(String));
      expect(refreshed?.accessToken).not.toBe(session.accessToken);
    });

    it('keeps the session when the IdP refuses for a reason other than the grant (invalid_client)', async () => {
      const session = await signedIn();
      failure = { status: 401, type: 'application/json', body: '{"error":"invalid_client"}' };
      await expect(outageRefresher.refresh('refused-client', session)).rejects.toBeInstanceOf(TokenRequestRefusedError);
    });

    it('ends the session on invalid_grant', async () => {
      const session = await signedIn();
      failure = { status: 400, type: 'application/json', body: '{"error":"invalid_grant","error_description":"grant request is invalid"}' };
      expect(await outageRefresher.refresh('dead', session)).toBeUndefined();
    });
  });
});
