import { freePort, ManualClock, signInAtFrontend, startRecordedDevIdp, type RecordedDevIdp, type RecordedRequest } from '@fram/testing';
import type { RunningApp } from '@fram/testing';
import { startFrontend } from './stack';

/** dev-idp's access token lifetime (its default) less 30 s: within the frontend's refresh margin, before expiry. */
const NEARLY_EXPIRED_MS = 3600_000 - 30_000;

/** The parameters that name the API, as one request carried them. */
const named = (request: RecordedRequest | undefined, from: 'query' | 'form') => ({
  resource: request?.[from].getAll('resource'),
  audience: request?.[from].getAll('audience'),
});

/**
 * OIDC_RESOURCE (RFC 8707 `resource`) and OIDC_AUDIENCE_PARAM (Auth0's
 * `audience`) on every request the frontend makes for tokens of Fram's API:
 * the authorization request, the code exchange and the refreshes, as dev-idp
 * (behind a recorder) received them; and nothing of the kind when unset.
 */
describe('frontend: OIDC_RESOURCE and OIDC_AUDIENCE_PARAM', () => {
  let idp: RecordedDevIdp;
  const frontends: RunningApp[] = [];
  /** One clock per frontend, each moved once (dev-idp's tokens are issued on the real time). */
  const clocks = new Map<string, ManualClock>();
  let withParams: string;
  let without: string;

  beforeAll(async () => {
    const ports = [await freePort(), await freePort()];
    [withParams, without] = ports.map((port) => `http://127.0.0.1:${port}`);
    idp = await startRecordedDevIdp({}, [withParams, without]);
    const common = { OIDC_ISSUER: idp.issuer, METADATA_URL: 'http://127.0.0.1:9' };
    for (const base of [withParams, without]) clocks.set(base, new ManualClock());
    frontends.push(
      await startFrontend(
        ports[0],
        { ...common, PUBLIC_URL: withParams, OIDC_RESOURCE: 'api://fram', OIDC_AUDIENCE_PARAM: 'api://fram' },
        clocks.get(withParams),
      ),
      await startFrontend(ports[1], { ...common, PUBLIC_URL: without }, clocks.get(without)),
    );
  }, 60_000);
  afterAll(async () => {
    for (const frontend of frontends) await frontend.close();
    await idp?.stop();
  });

  /** Signs in at `base`, then moves the clock to the access token's last minute and calls the API (a refresh). */
  async function signInAndRefresh(base: string) {
    idp.requests.length = 0;
    const { browser, done } = await signInAtFrontend(base, 'ada@example.com');
    expect(done.url).toBe(`${base}/`);
    expect(done.response.status).toBe(200);
    clocks.get(base)!.advance(NEARLY_EXPIRED_MS);
    expect((await browser.request(`${base}/api/auth_user`)).status).toBe(200);
    return {
      authorization: idp.authorizationRequests(),
      code: idp.tokenRequests('authorization_code'),
      refresh: idp.tokenRequests('refresh_token'),
    };
  }

  it('sends them on the authorization request, the code exchange and the refresh', async () => {
    const { authorization, code, refresh } = await signInAndRefresh(withParams);
    const expected = { resource: ['api://fram'], audience: ['api://fram'] };
    expect([authorization.length, code.length, refresh.length]).toEqual([1, 1, 1]);
    expect(named(authorization[0], 'query')).toEqual(expected);
    expect(named(code[0], 'form')).toEqual(expected);
    expect(named(refresh[0], 'form')).toEqual(expected);
    expect(refresh[0].form.get('refresh_token')).toEqual(expect.any(String));
  });

  it('sends neither when they are unset', async () => {
    const { authorization, code, refresh } = await signInAndRefresh(without);
    expect([authorization.length, code.length, refresh.length]).toEqual([1, 1, 1]);
    for (const [request, from] of [
      [authorization[0], 'query'],
      [code[0], 'form'],
      [refresh[0], 'form'],
    ] as const) {
      expect(named(request, from)).toEqual({ resource: [], audience: [] });
    }
  });
});
