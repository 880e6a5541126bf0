import { createHmac } from 'node:crypto';
import { KeyStore, loadAuthConfig, TokenRefusals, type TokenRefusalReason } from '@fram/auth';
import { call, TestIssuer, startTestApp, type RunningApp } from '@fram/testing';
import { probeModule } from './protected-routes.fixture';

/**
 * Why each refused bearer token was refused, as TokenRefusals reports it (for
 * /metrics and the request log): one short reason per refusal, never the
 * token. The caller is told the reason in a fixed sentence, in the
 * challenge's error_description (RFC 6750) and the body's message, which
 * never holds the token or anything from it.
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

  /** What the caller is told, by reason. */
  const TOLD: Record<TokenRefusalReason, string> = {
    missing: 'A bearer access token is required',
    malformed: 'The Authorization header must hold exactly one bearer token, a signed JWT',
    bad_algorithm: 'The access token is signed with an algorithm this service does not accept',
    unknown_key: 'The access token is signed with a key the issuer does not publish',
    bad_signature: 'The access token signature does not verify',
    wrong_issuer: 'The access token is issued by an issuer this service does not trust',
    wrong_audience: 'The access token is not issued for this API (aud)',
    expired: 'The access token expired',
    not_yet_valid: 'The access token is not valid yet (nbf or iat is in the future; check the clocks)',
    bad_claims: 'The access token lacks a required claim (sub, exp) or has one of the wrong type',
    other: 'The access token was refused',
  };

  it.each(cases)('%s', async (_name, headers, reason) => {
    reasons.length = 0;
    const sent = headers();
    const response = await call(`${server.url}/read`, { headers: sent });
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ statusCode: 401, message: TOLD[reason], code: 'invalid_token' });
    expect(response.headers.get('www-authenticate')).toBe(
      reason === 'missing' ? 'Bearer realm="fram"' : `Bearer realm="fram", error="invalid_token", error_description="${TOLD[reason]}"`,
    );
    expect(reasons).toEqual([reason]);
    // Nothing of the token comes back: not the token, nor its header, claims or signature.
    const answer = `${response.headers.get('www-authenticate')} ${response.text}`;
    const credentials = sent['authorization']?.split(/[ .]/).filter((part) => part.length >= 8) ?? [];
    for (const part of credentials) expect(answer).not.toContain(part);
    // Nor any issuer, audience (the token's or the expected one) or subject.
    expect(answer).not.toMatch(/127\.0\.0\.1|api:\/\/|example\.com/);
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
