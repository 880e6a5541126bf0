import { jwtClaims, jwtHeader, startDevIdp, type DevIdp } from '@fram/testing';

/** Discovery documents, key sets and client_credentials tokens of both authorization servers. */
describe('dev-idp: authorization servers shaped like Okta', () => {
  let idp: DevIdp;
  beforeAll(async () => {
    idp = await startDevIdp();
  });
  afterAll(() => idp?.stop());

  const json = async (url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };

  it("serves the custom authorization server at /oauth2/default with Okta's endpoint paths", async () => {
    const discovery = await json(`${idp.issuer}/.well-known/openid-configuration`);
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${idp.issuer}/v1/authorize`,
      token_endpoint: `${idp.issuer}/v1/token`,
      jwks_uri: `${idp.issuer}/v1/keys`,
      userinfo_endpoint: `${idp.issuer}/v1/userinfo`,
      end_session_endpoint: `${idp.issuer}/v1/logout`,
      revocation_endpoint: `${idp.issuer}/v1/revoke`,
      introspection_endpoint: `${idp.issuer}/v1/introspect`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: expect.arrayContaining(['code']),
      id_token_signing_alg_values_supported: expect.arrayContaining(['RS256']),
      token_endpoint_auth_methods_supported: expect.arrayContaining(['client_secret_basic', 'client_secret_post', 'none']),
    });
    expect(discovery['scopes_supported']).toEqual(
      expect.arrayContaining(['openid', 'email', 'profile', 'offline_access', 'groups', 'read:data', 'write:data', 'admin:system']),
    );
    expect(discovery['grant_types_supported']).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
    expect(await json(`${idp.issuer}/.well-known/oauth-authorization-server`)).toMatchObject({ issuer: idp.issuer });
  });

  it('serves the org authorization server at the root, with endpoints under /oauth2/v1', async () => {
    const discovery = await json(`${idp.origin}/.well-known/openid-configuration`);
    expect(discovery).toMatchObject({
      issuer: idp.origin,
      authorization_endpoint: `${idp.origin}/oauth2/v1/authorize`,
      token_endpoint: `${idp.origin}/oauth2/v1/token`,
      jwks_uri: `${idp.origin}/oauth2/v1/keys`,
      end_session_endpoint: `${idp.origin}/oauth2/v1/logout`,
    });
    expect(discovery['scopes_supported']).toEqual(expect.arrayContaining(['okta.users.read']));
    expect(discovery['scopes_supported']).not.toContain('read:data');
  });

  it('publishes RSA signing keys with kid, alg RS256 and use sig, and no private parts', async () => {
    const { keys } = (await json(`${idp.issuer}/v1/keys`)) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(member);
    }
  });

  it('issues client_credentials tokens as Okta does: sub is the client, scp an array, no uid or groups', async () => {
    const token = await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
    expect(jwtHeader(token)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    const claims = jwtClaims(token);
    expect(Object.keys(claims).sort()).toEqual(['aud', 'cid', 'exp', 'iat', 'iss', 'jti', 'scp', 'sub', 'ver']);
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: 'api://fram',
      sub: 'fram-scripts',
      cid: 'fram-scripts',
      ver: 1,
      scp: ['read:data', 'admin:system'],
    });
  });

  it('gives a client only the scopes it was granted', async () => {
    const response = await fetch(`${idp.issuer}/v1/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('fram-metadata:fram-metadata-dev-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'admin:system' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('refuses a wrong client secret', async () => {
    await expect(idp.clientToken('fram-scripts', 'wrong', 'read:data')).rejects.toThrow('invalid_client');
  });

  it("issues org-server tokens for Okta's own APIs: audience and issuer are the org URL", async () => {
    const token = await idp.clientToken('fram-metadata', 'fram-metadata-dev-secret', 'okta.users.read', 'org');
    expect(jwtClaims(token)).toMatchObject({ iss: idp.origin, aud: idp.origin, sub: 'fram-metadata', scp: ['okta.users.read'] });
  });

  it('answers an unknown page with a friendly error page', async () => {
    const response = await fetch(`${idp.origin}/interaction/nowhere/abc`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('There is no such sign-in page.');
    const expired = await fetch(`${idp.origin}/interaction/default/abc`);
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('This sign-in has expired');
  });
});
