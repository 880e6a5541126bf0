import { createHmac } from 'node:crypto';
import { KeyStore, loadAuthConfig, TokenRefusals, type TokenRefusalReason } from '@fram/auth';
import { call, TestIssuer, startTestApp, type RunningApp } from '@fram/testing';
import { probeModule } from './protected-routes.fixture';

/**
 * Why each refused bearer token was refused, as TokenRefusals reports it (for
 * /metrics and the request log): one short reason per refusal, never the
 * token. The body the caller gets stays the same whatever the reason.
 */
describe('the reason of every refused bearer token', () => {
  let okta: TestIssuer;
  let auth0: TestIssuer;
  let attacker: TestIssuer;
  let server: RunningApp;
  const reasons: TokenRefusalReason[] = [];

  beforeAll(async () => {
    [okta, auth0, attacker] = await Promise.all([TestIssuer.start(), TestIssuer.start({ path: '' }), TestIssuer.start()]);
    server = await startTestApp(probeModule(loadAuthConfig({ AUTH_ISSUERS: `${okta.issuer},${auth0.issuer}` })));
    const keys = server.app.get(KeyStore);
    await Promise.all([keys.keySet(okta.issuer)!.warmUp(), keys.keySet(auth0.issuer)!.warmUp()]);
    server.app.get(TokenRefusals).onRefusal((reason) => reasons.push(reason));
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([okta?.stop(), auth0?.stop(), attacker?.stop()]);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
  const flipped = (token: string) => {
    const [head, body, signature] = token.split('.') as [string, string, string];
    const bytes = Buffer.from(signature, 'base64url');
    bytes[bytes.length - 1] ^= 0x01;
    return `${head}.${body}.${bytes.toString('base64url')}`;
  };
  const hs256WithPublicKey = () => {
    const head = `${b64({ alg: 'HS256', kid: okta.activeKey.kid })}.${b64(claimsOf(okta.token()))}`;
    const pem = okta.activeKey.publicKey.export({ type: 'spki', format: 'pem' });
    return `${head}.${createHmac('sha256', pem).update(head).digest('base64url')}`;
  };

  const cases: [string, () => Record<string, string>, TokenRefusalReason][] = [
    ['no Authorization header', () => ({}), 'missing'],
    ['another scheme', () => ({ authorization: 'Basic YWRhOnNlY3JldA==' }), 'malformed'],
    ['"Bearer" and two tokens', () => ({ authorization: `Bearer ${okta.token()} x` }), 'malformed'],
    ['not a JWT', () => ({ authorization: 'Bearer not-a-jwt' }), 'malformed'],
    ['a huge token', () => ({ authorization: `Bearer ${okta.token()}${'A'.repeat(9000)}` }), 'malformed'],
    [
      'alg none',
      () => ({ authorization: `Bearer ${b64({ alg: 'none', kid: okta.activeKey.kid })}.${b64(claimsOf(okta.token()))}.` }),
      'bad_algorithm',
    ],
    ['HS256 with the public key as secret', () => ({ authorization: `Bearer ${hs256WithPublicKey()}` }), 'bad_algorithm'],
    ['an algorithm outside the allowlist', () => ({ authorization: `Bearer ${okta.token({}, { algorithm: 'RS384' })}` }), 'bad_algorithm'],
    ['a flipped signature bit', () => ({ authorization: `Bearer ${flipped(okta.token())}` }), 'bad_signature'],
    [
      "another issuer's key under this issuer's kid",
      () => ({ authorization: `Bearer ${okta.token({}, { key: auth0.activeKey, header: { kid: okta.activeKey.kid } })}` }),
      'bad_signature',
    ],
    ['a kid this issuer never published', () => ({ authorization: `Bearer ${okta.token({}, { key: auth0.activeKey })}` }), 'unknown_key'],
    ['an untrusted issuer', () => ({ authorization: `Bearer ${attacker.token()}` }), 'wrong_issuer'],
    ['no iss', () => ({ authorization: `Bearer ${okta.token({ iss: undefined })}` }), 'wrong_issuer'],
    ['a wrong aud', () => ({ authorization: `Bearer ${okta.token({ aud: 'api://default' })}` }), 'wrong_audience'],
    ['no aud', () => ({ authorization: `Bearer ${okta.token({ aud: undefined })}` }), 'wrong_audience'],
    ['an Okta org-server token', () => ({ authorization: `Bearer ${okta.token({ aud: new URL(okta.issuer).origin })}` }), 'wrong_audience'],
    ['exp in the past', () => ({ authorization: `Bearer ${okta.token({ iat: now() - 7200, exp: now() - 3600 })}` }), 'expired'],
    ['nbf in the future', () => ({ authorization: `Bearer ${okta.token({ nbf: now() + 3600 })}` }), 'not_yet_valid'],
    ['iat in the future', () => ({ authorization: `Bearer ${okta.token({ iat: now() + 3600 })}` }), 'not_yet_valid'],
    ['no sub', () => ({ authorization: `Bearer ${okta.token({ sub: undefined })}` }), 'bad_claims'],
    ['no exp', () => ({ authorization: `Bearer ${okta.token({ exp: undefined })}` }), 'bad_claims'],
    ['exp of the wrong type', () => ({ authorization: `Bearer ${okta.token({ exp: String(now() + 3600) })}` }), 'bad_claims'],
    ['iat of the wrong type', () => ({ authorization: `Bearer ${okta.token({ iat: String(now()) })}` }), 'bad_claims'],
  ];

  it.each(cases)('%s', async (_name, headers, reason) => {
    reasons.length = 0;
    const response = await call(`${server.url}/read`, { headers: headers() });
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ statusCode: 401, message: 'A valid bearer access token is required', code: 'invalid_token' });
    expect(reasons).toEqual([reason]);
  });

  it('reports nothing for accepted tokens, remembered ones, public routes, or a missing role (403)', async () => {
    reasons.length = 0;
    const token = okta.token();
    expect((await call(`${server.url}/read`, { token })).status).toBe(200);
    expect((await call(`${server.url}/read`, { token })).status).toBe(200);
    expect((await call(`${server.url}/open`, { token: 'not-a-jwt' })).status).toBe(200);
    expect((await call(`${server.url}/admin`, { token })).status).toBe(403);
    expect(reasons).toEqual([]);
  });
});
