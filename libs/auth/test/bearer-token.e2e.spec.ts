import { createHmac, generateKeyPairSync } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { KeyStore, loadAuthConfig } from '@fram/auth';
import { call, rawRequest, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';
import { handlerRuns, probeModule } from './protected-routes.fixture';

/**
 * Every bearer-token case of shared/reference/security.md, over real HTTP,
 * against tokens signed with real RSA keys published by a key-set server on
 * loopback.
 */
describe('bearer tokens at a protected Nest app', () => {
  let okta: TestIssuer; // the trusted issuer
  let auth0: TestIssuer; // a second trusted issuer (Auth0-style: trailing slash, `scope` string)
  let attacker: TestIssuer; // never trusted
  let server: RunningApp;

  beforeAll(async () => {
    [okta, auth0, attacker] = await Promise.all([
      TestIssuer.start(),
      TestIssuer.start({ path: '' }),
      TestIssuer.start({ path: '/oauth2/default' }),
    ]);
    const config = loadAuthConfig({
      AUTH_ISSUERS: `${okta.issuer},${auth0.issuer}`,
      WRITE_GROUPS: 'Data Engineers',
      ADMIN_GROUPS: 'Fram Admins',
    });
    server = await startTestApp(probeModule(config));
    const keys = server.app.get(KeyStore);
    await Promise.all([keys.keySet(okta.issuer)!.warmUp(), keys.keySet(auth0.issuer)!.warmUp()]);
  });

  afterAll(async () => {
    await server?.close();
    await Promise.all([okta?.stop(), auth0?.stop(), attacker?.stop()]);
  });

  beforeEach(() => {
    handlerRuns.count = 0;
    attacker.resetCounts();
  });

  async function expectRefused(init: Parameters<typeof call>[1], path = '/read') {
    const response = await call(server.url + path, init);
    expect(response.status).toBe(401);
    // A fixed sentence says why (refusal-reasons.e2e.spec.ts checks each): the body's message, and the challenge's
    // error_description unless no token was sent at all (RFC 6750 section 3.1).
    const { message } = response.json<{ message: string }>();
    expect(response.json()).toEqual({ statusCode: 401, message: expect.any(String), code: 'invalid_token' });
    expect(['Bearer realm="fram"', `Bearer realm="fram", error="invalid_token", error_description="${message}"`]).toContain(
      response.headers.get('www-authenticate'),
    );
    expect(handlerRuns.count).toBe(0);
    return response;
  }

  const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const forge = (header: unknown, payload: unknown, signature = '') => `${b64(header)}.${b64(payload)}.${signature}`;
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

  describe('a valid token', () => {
    it('is accepted and becomes the principal', async () => {
      const response = await call(`${server.url}/read`, { token: okta.token({ groups: ['Data Engineers'] }) });
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({
        kind: 'user',
        issuer: okta.issuer,
        subject: 'ada@example.com',
        userId: 'ada@example.com',
        email: 'ada@example.com',
        groups: ['Data Engineers'],
        clientId: '0oa-fram-frontend',
        roles: ['write', 'read'],
      });
    });

    it('is accepted whatever the case of the scheme word', async () => {
      for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
        const response = await call(`${server.url}/read`, { headers: { authorization: `${scheme} ${okta.token()}` } });
        expect(response.status).toBe(200);
      }
    });

    it('is accepted from a second trusted issuer with its own keys', async () => {
      const token = auth0.token({ scp: undefined, scope: 'openid read:data', sub: 'auth0|42', email: 'grace@example.com' });
      const response = await call(`${server.url}/read`, { token });
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({ issuer: auth0.issuer, userId: 'grace@example.com', scopes: ['openid', 'read:data'] });
    });

    it('is accepted a little after exp, within the clock tolerance', async () => {
      const now = Math.floor(Date.now() / 1000);
      const response = await call(`${server.url}/read`, { token: okta.token({ iat: now - 3600, exp: now - 10 }) });
      expect(response.status).toBe(200);
    });
  });

  describe('missing or misplaced tokens', () => {
    it('refuses a request without Authorization', () => expectRefused({}));
    it('refuses "Bearer" with nothing after it', async () => {
      await expectRefused({ headers: { authorization: 'Bearer' } });
      await expectRefused({ headers: { authorization: 'Bearer ' } });
    });
    it('never reads a token from the query string', () => expectRefused({}, `/read?access_token=${okta.token()}`));
    it('never reads a token from a form body', async () => {
      const response = await call(`${server.url}/read`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `access_token=${okta.token()}`,
      });
      expect(response.status).toBe(401);
      expect(handlerRuns.count).toBe(0);
    });
    it('refuses other schemes', async () => {
      await expectRefused({ headers: { authorization: `Basic ${Buffer.from('ada:secret').toString('base64')}` } });
      await expectRefused({ headers: { authorization: `Token ${okta.token()}` } });
      await expectRefused({ headers: { authorization: okta.token() } });
    });
    it('refuses "Bearer <token> extra" and other spacing', async () => {
      const token = okta.token();
      await expectRefused({ headers: { authorization: `Bearer ${token} extra` } });
      await expectRefused({ headers: { authorization: `Bearer  ${token}` } });
      await expectRefused({ headers: { authorization: `Bearer\t${token}` } });
    });
    it('refuses two Authorization headers, even when both hold valid tokens', async () => {
      const token = okta.token();
      const response = await rawRequest(server.url, 'GET', '/read', [`Authorization: Bearer ${token}`, `Authorization: Bearer ${token}`]);
      expect(response.status).toBe(401);
      expect(response.raw).toContain(
        'error="invalid_token", error_description="The Authorization header must hold exactly one bearer token',
      );
      const single = await rawRequest(server.url, 'GET', '/read', [`Authorization: Bearer ${token}`]);
      expect(single.status).toBe(200);
    });
  });

  describe('signatures and algorithms', () => {
    it('refuses alg "none" in any spelling, signed or not', async () => {
      const payload = claimsOf(okta.token());
      for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
        await expectRefused({ token: forge({ alg, typ: 'JWT', kid: okta.activeKey.kid }, payload) });
        await expectRefused({ token: forge({ alg, kid: okta.activeKey.kid }, payload, 'c2lnbmF0dXJl') });
      }
    });

    it('refuses HS256 signed with the RSA public key as the secret', async () => {
      const payload = claimsOf(okta.token());
      const pem = okta.activeKey.publicKey.export({ type: 'spki', format: 'pem' });
      const der = okta.activeKey.publicKey.export({ type: 'spki', format: 'der' });
      for (const secret of [pem, der]) {
        const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: okta.activeKey.kid })}.${b64(payload)}`;
        const signature = createHmac('sha256', secret).update(head).digest('base64url');
        await expectRefused({ token: `${head}.${signature}` });
      }
    });

    it('refuses a valid signature with an algorithm outside the allowlist', async () => {
      await expectRefused({ token: okta.token({}, { algorithm: 'RS384' }) });
      await expectRefused({ token: okta.token({}, { algorithm: 'PS256' }) });
    });

    it('refuses a token whose signature has one bit flipped', async () => {
      const [head, body, signature] = okta.token().split('.') as [string, string, string];
      const bytes = Buffer.from(signature, 'base64url');
      bytes[bytes.length - 1] ^= 0x01;
      await expectRefused({ token: `${head}.${body}.${bytes.toString('base64url')}` });
    });

    it('refuses a token whose payload was changed after signing', async () => {
      const [head, , signature] = okta.token().split('.') as [string, string, string];
      const changed = b64({ ...claimsOf(okta.token()), groups: ['Fram Admins'] });
      await expectRefused({ token: `${head}.${changed}.${signature}` });
    });

    it("binds keys to their issuer: another trusted issuer's key does not sign for this one", async () => {
      // Signed by auth0's key but claiming okta as issuer, with auth0's kid and with okta's kid.
      await expectRefused({ token: okta.token({}, { key: auth0.activeKey }) });
      const forgedKid = okta.token({}, { key: auth0.activeKey, header: { kid: okta.activeKey.kid } });
      await expectRefused({ token: forgedKid });
    });

    it("ignores jku, jwk, x5u and x5c headers that point at an attacker's key", async () => {
      const key = attacker.activeKey;
      const jwk = { ...key.publicKey.export({ format: 'jwk' }), kid: key.kid, alg: 'RS256' };
      const header = { jku: attacker.jwksUri, jwk, x5u: `${attacker.issuer}/cert.pem`, x5c: ['MIIBIjANBg=='] };
      await expectRefused({ token: okta.token({}, { key, header }) });
      await expectRefused({ token: okta.token({}, { key, header: { ...header, kid: okta.activeKey.kid } }) });
      expect(attacker.requests).toEqual({ discovery: 0, keys: 0, other: 0 });
    });
  });

  describe('issuer and audience', () => {
    it('refuses a wrong or missing iss without fetching anything for it', async () => {
      await expectRefused({ token: attacker.token({ iss: attacker.issuer }, { key: attacker.activeKey }) });
      await expectRefused({ token: okta.token({ iss: `${okta.issuer}/` }) });
      await expectRefused({ token: okta.token({ iss: undefined }) });
      expect(attacker.requests).toEqual({ discovery: 0, keys: 0, other: 0 });
    });

    it('refuses a wrong or missing aud', async () => {
      await expectRefused({ token: okta.token({ aud: 'api://default' }) });
      await expectRefused({ token: okta.token({ aud: undefined }) });
      await expectRefused({ token: okta.token({ aud: ['api://other'] }) });
    });

    it('refuses an ID token used as an access token', async () => {
      const idToken = okta.token({
        aud: '0oa-fram-frontend',
        nonce: 'n-0S6_WzA2Mj',
        at_hash: 'abc',
        amr: ['pwd'],
        email: 'ada@example.com',
        scp: undefined,
        cid: undefined,
        ver: 1,
      });
      await expectRefused({ token: idToken });
    });

    it('refuses an Okta org authorization server token', async () => {
      const org = new URL(okta.issuer).origin;
      await expectRefused({ token: okta.token({ iss: org, aud: org }) });
      await expectRefused({ token: okta.token({ aud: org }) });
    });
  });

  describe('time and required claims', () => {
    const now = () => Math.floor(Date.now() / 1000);
    it('refuses exp in the past beyond the tolerance', () =>
      expectRefused({ token: okta.token({ iat: now() - 7200, exp: now() - 31 - 5 }) }));
    it('refuses nbf in the future beyond the tolerance', () => expectRefused({ token: okta.token({ nbf: now() + 120 }) }));
    it('refuses iat a year in the future, also when sent again', async () => {
      const yearAhead = okta.token({ iat: now() + 365 * 24 * 3600, exp: now() + 366 * 24 * 3600 });
      await expectRefused({ token: yearAhead });
      await expectRefused({ token: yearAhead }); // never remembered as verified
    });
    it('refuses iat in the future just beyond the tolerance', () => expectRefused({ token: okta.token({ iat: now() + 30 + 5 }) }));
    it('accepts iat in the future within the tolerance, and a token without iat', async () => {
      const token = okta.token({ iat: now() + 30 - 5 });
      expect((await call(`${server.url}/read`, { token })).status).toBe(200);
      expect((await call(`${server.url}/read`, { token })).status).toBe(200);
      expect((await call(`${server.url}/read`, { token: okta.token({ iat: undefined }) })).status).toBe(200);
    });
    it('refuses iat of the wrong type', async () => {
      await expectRefused({ token: okta.token({ iat: String(now()) }) });
      await expectRefused({ token: okta.token({ iat: null }) });
      await expectRefused({ token: okta.token({ iat: [now()] }) });
    });
    it('refuses a token without exp', () => expectRefused({ token: okta.token({ exp: undefined }) }));
    it('refuses a token without sub', () => expectRefused({ token: okta.token({ sub: undefined }) }));
    it('refuses exp and sub of the wrong type', async () => {
      await expectRefused({ token: okta.token({ exp: String(now() + 3600) }) });
      await expectRefused({ token: okta.token({ sub: 42 }) });
      await expectRefused({ token: okta.token({ sub: '' }) });
    });
  });

  describe('malformed tokens never cause a 500', () => {
    const cases: Record<string, () => string> = {
      'one segment': () => 'abcdef',
      'two segments': () => 'abc.def',
      'four segments': () => `${okta.token()}.extra`,
      'bad base64url': () => 'e30.e30.%%%',
      'empty segments': () => '..',
      'header not JSON': () => `${b64('not json')}.${b64({ iss: okta.issuer })}.`,
      'payload not JSON': () => `${b64({ alg: 'RS256', kid: okta.activeKey.kid })}.${b64('not json')}.abc`,
      'header a JSON array': () => `${b64(['RS256'])}.${b64({ iss: okta.issuer })}.abc`,
      'header JSON null': () => `${b64('null')}.${b64({ iss: okta.issuer })}.abc`,
      'payload a JSON number': () => `${b64({ alg: 'RS256', kid: okta.activeKey.kid })}.${b64('42')}.abc`,
      'kid of the wrong type': () => forge({ alg: 'RS256', kid: { $ne: null } }, claimsOf(okta.token()), 'abc'),
      'iss of the wrong type': () => okta.token({ iss: [okta.issuer] }),
      'a huge token': () => `${okta.token()}${'A'.repeat(9000)}`,
    };
    for (const [name, make] of Object.entries(cases)) {
      it(`refuses ${name}`, async () => {
        const token = make();
        const response = await expectRefused({ headers: { authorization: `Bearer ${token}` } });
        expect(response.text).not.toContain(token.slice(0, 20));
      });
    }
  });

  describe('roles and scopes', () => {
    it('computes roles safely from claims of the wrong type', async () => {
      const cases = [
        { groups: 'Data Engineers, Everyone', roles: ['write', 'read'] },
        { groups: 42, roles: ['read'] },
        { groups: { admin: true }, roles: ['read'] },
        { groups: [null, 7, 'Fram Admins'], roles: ['admin', 'write', 'read'] },
      ];
      for (const { groups, roles } of cases) {
        const response = await call(`${server.url}/any`, { token: okta.token({ groups, scp: undefined }) });
        expect(response.status).toBe(200);
        expect(response.json()).toMatchObject({ roles, scopes: [] });
      }
      const weird = await call(`${server.url}/any`, {
        token: okta.token({ scp: 'read:data write:data', groups: ['Data Engineers'], name: 7 }),
      });
      expect(weird.json()).toMatchObject({ scopes: ['read:data', 'write:data'], roles: ['write', 'read'] });
      expect(weird.json()).not.toHaveProperty('name');
    });

    it('answers 403 insufficient_scope when a role is missing (naming the scopes that give it to a service)', async () => {
      const response = await call(`${server.url}/write`, { token: okta.token() });
      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="fram", error="insufficient_scope"');
      const service = await call(`${server.url}/write`, { token: okta.serviceToken('0oa-script', ['read:data']) });
      expect(service.headers.get('www-authenticate')).toBe('Bearer realm="fram", error="insufficient_scope", scope="write:data"');
      expect(response.json()).toEqual({ statusCode: 403, message: 'This request needs the "write" role', code: 'insufficient_scope' });
      expect(handlerRuns.count).toBe(0);
    });

    it("grants a person write and admin through groups only: their token's scopes never widen them", async () => {
      expect((await call(`${server.url}/write`, { token: okta.token({ groups: ['Data Engineers'] }) })).status).toBe(200);
      expect((await call(`${server.url}/admin`, { token: okta.token({ groups: ['Data Engineers'] }) })).status).toBe(403);
      expect((await call(`${server.url}/admin`, { token: okta.token({ groups: 'Fram Admins' }) })).status).toBe(200);
      // A read-only person whose IdP granted every scope asked for.
      handlerRuns.count = 0;
      const escalating = okta.token({ groups: ['Business Users'], scp: ['openid', 'email', 'admin:system', 'write:data'] });
      expect((await call(`${server.url}/any`, { token: escalating })).json()).toMatchObject({ kind: 'user', roles: ['read'] });
      expect((await call(`${server.url}/write`, { token: escalating })).status).toBe(403);
      expect((await call(`${server.url}/admin`, { token: escalating })).status).toBe(403);
      expect(handlerRuns.count).toBe(1);
    });

    it("narrows a person's roles to the role scopes their token carries", async () => {
      const editorReading = okta.token({ groups: ['Data Engineers'], scp: ['openid', 'read:data'] });
      expect((await call(`${server.url}/read`, { token: editorReading })).status).toBe(200);
      expect((await call(`${server.url}/write`, { token: editorReading })).status).toBe(403);
      const adminWriting = okta.token({ groups: ['Fram Admins'], scp: ['write:data'] });
      expect((await call(`${server.url}/write`, { token: adminWriting })).status).toBe(200);
      expect((await call(`${server.url}/admin`, { token: adminWriting })).status).toBe(403);
    });

    it('checks required scopes', async () => {
      const refused = await call(`${server.url}/export`, { token: okta.token({ scp: ['read:data'] }) });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('www-authenticate')).toContain('scope="catalog:export"');
      expect((await call(`${server.url}/export`, { token: okta.token({ scp: ['catalog:export'] }) })).status).toBe(200);
    });

    it('makes client_credentials tokens service principals whose roles come from scopes only', async () => {
      const reader = okta.serviceToken('0oa-metadata-service', ['read:data']);
      const response = await call(`${server.url}/read`, { token: reader });
      expect(response.status).toBe(200);
      expect(response.json()).toMatchObject({
        kind: 'service',
        userId: '0oa-metadata-service',
        clientId: '0oa-metadata-service',
        groups: [],
        roles: ['read'],
      });
      expect(response.json()).not.toHaveProperty('email');

      const bare = okta.serviceToken('0oa-script', []);
      expect((await call(`${server.url}/read`, { token: bare })).status).toBe(403);
      const claimingGroups = okta.serviceToken('0oa-script', [], { groups: ['Fram Admins'] });
      expect((await call(`${server.url}/admin`, { token: claimingGroups })).status).toBe(403);
    });
  });

  describe('public routes', () => {
    it('serves @Public() routes and PUBLIC_PATHS without a token, and ignores a bad one there', async () => {
      expect((await call(`${server.url}/open`)).status).toBe(200);
      expect((await call(`${server.url}/healthcheck`)).status).toBe(200);
      expect((await call(`${server.url}/open`, { token: 'garbage' })).status).toBe(200);
    });

    it('matches PUBLIC_PATHS exactly', async () => {
      expect((await call(`${server.url}/healthcheck/`)).status).toBe(401);
      expect((await call(`${server.url}/HEALTHCHECK`)).status).toBe(401);
    });
  });

  it('answers a short 401 body that says why in a fixed sentence, and never echoes the token or its claims', async () => {
    const token = okta.token({ aud: 'wrong' });
    const response = await expectRefused({ token });
    expect(response.text).not.toContain(token.split('.')[1].slice(0, 16));
    expect(response.text).toBe(
      JSON.stringify({ statusCode: 401, message: 'The access token is not issued for this API (aud)', code: 'invalid_token' }),
    );
    expect(response.headers.get('www-authenticate')).not.toMatch(/wrong|api:\/\/fram/);
  });

  it('does not crash on a token signed by a key that was never published', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = sign(claimsOf(okta.token()), privateKey, { algorithm: 'RS256', keyid: okta.activeKey.kid });
    await expectRefused({ token });
  });
});
