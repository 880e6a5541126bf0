import { BrowserSession, pkcePair, readForm, startDevIdp, type DevIdp } from '@fram/testing';
import { KeyStore, loadAuthConfig, loadOidcClientConfig, type SignedIn } from '@fram/auth';
import { OidcLoginService } from '../src/login/oidc-login.service';
import { TokenRefresher } from '../src/session/token-refresher';

describe('TokenRefresher (against dev-idp)', () => {
  let idp: DevIdp;
  let refresher: TokenRefresher;

  beforeAll(async () => {
    idp = await startDevIdp();
    const config = loadOidcClientConfig({ OIDC_ISSUER: idp.issuer });
    refresher = new TokenRefresher(new OidcLoginService(config, new KeyStore(loadAuthConfig({ AUTH_ISSUERS: idp.issuer }))));
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
      expiresAt: Date.now(),
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
    expect(a!.expiresAt).toBeGreaterThan(Date.now());
  });

  it('ends the sign-in when the refresh token is refused or missing', async () => {
    const session = await signedIn();
    expect(await refresher.refresh('s2', { ...session, refreshToken: 'not-a-refresh-token' })).toBeUndefined();
    expect(await refresher.refresh('s3', { ...session, refreshToken: undefined })).toBeUndefined();
  });

  it('refreshes shortly before expiry, or at half the life of short tokens', () => {
    const now = Date.now();
    const token = (ms: number) => ({ user: { sub: 'x', groups: [] }, accessToken: 'a', idToken: 'i', expiresAt: now + ms });
    expect(refresher.needsRefresh(token(3600_000), now)).toBe(false);
    expect(refresher.needsRefresh(token(30_000), now - 3570_000)).toBe(true);
    expect(refresher.needsRefresh(token(4000), now - 2000)).toBe(false);
    expect(refresher.needsRefresh(token(2000), now - 4000)).toBe(true);
  });
});
