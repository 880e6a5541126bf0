import { KeyStore, loadAuthConfig } from '@fram/auth';
import { call, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';
import { probeModule } from './protected-routes.fixture';

/**
 * Access tokens shaped as Okta, Auth0, Keycloak and Microsoft Entra ID issue
 * them (see src/lib/principal/provider-tokens.spec.ts for every claim), signed
 * by a TestIssuer under that provider's issuer path, sent through the real
 * guard of an app configured as that provider's operator would: verified,
 * mapped to a principal and its roles, answered 200 or 403.
 */
describe("each provider's tokens through the guard", () => {
  const now = Math.floor(Date.now() / 1000);
  const times = { iat: now, exp: now + 3600 };

  async function protect(issuers: TestIssuer[], env: Record<string, string>): Promise<RunningApp> {
    const config = loadAuthConfig({ AUTH_ISSUERS: issuers.map((i) => i.issuer).join(','), ...env });
    const server = await startTestApp(probeModule(config));
    await Promise.all(issuers.map((i) => server.app.get(KeyStore).keySet(i.issuer)!.warmUp()));
    return server;
  }
  const get = async (server: RunningApp, path: string, token: string) => {
    const response = await call(`${server.url}${path}`, { token });
    return { status: response.status, body: response.json<Record<string, unknown>>() };
  };

  describe('Okta', () => {
    let okta: TestIssuer;
    let server: RunningApp;
    beforeAll(async () => {
      okta = await TestIssuer.start({ path: '/oauth2/default' });
      server = await protect([okta], { WRITE_GROUPS: 'Data Engineers', ADMIN_GROUPS: 'Fram Admins' });
    });
    afterAll(async () => {
      await server?.close();
      await okta?.stop();
    });

    it('gives a person the roles of their groups, and none from a `roles` claim while ROLES_CLAIM is unset', async () => {
      const token = okta.signed({
        ver: 1,
        jti: 'AT.person',
        iss: okta.issuer,
        aud: 'api://fram',
        ...times,
        cid: '0oa1fram2frontend3',
        uid: '00u1ada2lovelace3',
        scp: ['openid', 'email', 'profile', 'offline_access'],
        sub: 'ada@acme.com',
        groups: ['Everyone', 'Data Engineers'],
        roles: ['Fram Admins'],
      });
      expect(await get(server, '/read', token)).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'ada@acme.com', clientId: '0oa1fram2frontend3', roles: ['write', 'read'] },
      });
      expect((await get(server, '/write', token)).status).toBe(200);
      expect((await get(server, '/admin', token)).status).toBe(403);
    });

    it('gives a service app the roles of its scopes', async () => {
      const token = okta.signed({
        ver: 1,
        jti: 'AT.service',
        iss: okta.issuer,
        aud: 'api://fram',
        ...times,
        cid: '0oa4etl5service6',
        scp: ['write:data'],
        sub: '0oa4etl5service6',
      });
      expect(await get(server, '/read', token)).toMatchObject({
        status: 200,
        body: { kind: 'service', userId: '0oa4etl5service6', clientId: '0oa4etl5service6', roles: ['write', 'read'] },
      });
      expect((await get(server, '/admin', token)).status).toBe(403);
    });
  });

  describe('Auth0', () => {
    let auth0: TestIssuer;
    let server: RunningApp;
    beforeAll(async () => {
      auth0 = await TestIssuer.start({ path: '' });
      server = await protect([auth0], {
        AUTH_AUDIENCE: 'https://fram.acme.com/api',
        ROLES_CLAIM: 'permissions,https://fram.acme.com/roles',
        WRITE_GROUPS: 'Data Engineers',
      });
    });
    afterAll(async () => {
      await server?.close();
      await auth0?.stop();
    });

    it('gives a person the roles named in a namespaced claim', async () => {
      const token = auth0.signed({
        iss: auth0.issuer,
        sub: 'auth0|64f0c0ffee1234567890abcd',
        aud: ['https://fram.acme.com/api', `${auth0.issuer}/userinfo`],
        ...times,
        scope: 'openid profile email offline_access',
        azp: 'kT3mRfram0frontend9XyZ',
        permissions: ['read:data'],
        'https://fram.acme.com/roles': ['Data Engineers'],
      });
      expect(await get(server, '/read', token)).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'auth0|64f0c0ffee1234567890abcd', clientId: 'kT3mRfram0frontend9XyZ', roles: ['write', 'read'] },
      });
      expect((await get(server, '/admin', token)).status).toBe(403);
    });

    it('gives a machine-to-machine token the roles of its permissions', async () => {
      const m2m = (permissions: string[]) =>
        auth0.signed({
          iss: auth0.issuer,
          sub: 'Q7etl0service9AbCdEf@clients',
          aud: 'https://fram.acme.com/api',
          ...times,
          scope: permissions.join(' '),
          gty: 'client-credentials',
          azp: 'Q7etl0service9AbCdEf',
          permissions,
        });
      expect(await get(server, '/read', m2m(['admin:system']))).toMatchObject({
        status: 200,
        body: { kind: 'service', userId: 'Q7etl0service9AbCdEf', clientId: 'Q7etl0service9AbCdEf', roles: ['admin', 'write', 'read'] },
      });
      expect((await get(server, '/admin', m2m(['admin:system']))).status).toBe(200);
      expect((await get(server, '/write', m2m(['read:data']))).status).toBe(403);
    });
  });

  describe('Keycloak', () => {
    let keycloak: TestIssuer;
    let server: RunningApp;
    beforeAll(async () => {
      keycloak = await TestIssuer.start({ path: '/realms/fram' });
      server = await protect([keycloak], {
        AUTH_AUDIENCE: 'fram-api',
        ROLES_CLAIM: 'realm_access.roles,resource_access.fram-api.roles',
        WRITE_GROUPS: '/Data Engineers',
        ADMIN_GROUPS: 'fram-admin',
      });
    });
    afterAll(async () => {
      await server?.close();
      await keycloak?.stop();
    });

    const person = (claims: Record<string, unknown> = {}) =>
      keycloak.signed({
        ...times,
        jti: 'onrtac:8f1d5d4e',
        iss: keycloak.issuer,
        aud: ['fram-api', 'account'],
        sub: '5b9c6f44-1f1e-4d8f-a9b6-6c1f3e0b7d21',
        typ: 'Bearer',
        azp: 'fram-frontend',
        realm_access: { roles: ['default-roles-fram', 'offline_access', 'uma_authorization'] },
        resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
        scope: 'openid email profile',
        email_verified: true,
        name: 'Ada Lovelace',
        preferred_username: 'ada',
        email: 'ada@acme.com',
        groups: ['/Data Engineers'],
        ...claims,
      });

    it("gives a person the roles of their groups and of Fram's client roles", async () => {
      expect(await get(server, '/read', person())).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'ada@acme.com', clientId: 'fram-frontend', roles: ['write', 'read'] },
      });
      expect((await get(server, '/admin', person())).status).toBe(403);
      const admin = person({ groups: [], resource_access: { 'fram-api': { roles: ['fram-admin'] } } });
      expect((await get(server, '/admin', admin)).status).toBe(200);
    });

    it('gives a service account the roles of its client roles, and keeps a look-alike person a person', async () => {
      const serviceAccount = keycloak.signed({
        ...times,
        jti: 'trrtcc:3c1b2a7e',
        iss: keycloak.issuer,
        aud: 'fram-api',
        sub: 'a1d2c3b4-9e8f-4a6b-8c7d-1e2f3a4b5c6d',
        typ: 'Bearer',
        azp: 'fram-etl',
        realm_access: { roles: ['default-roles-fram', 'offline_access', 'uma_authorization'] },
        resource_access: { 'fram-api': { roles: ['write:data'] } },
        scope: 'profile email',
        email_verified: false,
        clientHost: '10.0.0.7',
        preferred_username: 'service-account-fram-etl',
        clientAddress: '10.0.0.7',
        client_id: 'fram-etl',
      });
      expect(await get(server, '/read', serviceAccount)).toMatchObject({
        status: 200,
        body: { kind: 'service', userId: 'fram-etl', clientId: 'fram-etl', roles: ['write', 'read'] },
      });
      expect((await get(server, '/write', serviceAccount)).status).toBe(200);
      expect((await get(server, '/admin', serviceAccount)).status).toBe(403);

      const lookalike = person({ preferred_username: 'service-account-fram-etl', groups: [] });
      expect(await get(server, '/read', lookalike)).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'ada@acme.com', roles: ['read'] },
      });
    });
  });

  describe('Microsoft Entra ID', () => {
    const apiId = '6e74172b-be56-4843-9ff4-e66a39bb12e3';
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    let v2: TestIssuer;
    let v1: TestIssuer;
    let server: RunningApp;
    beforeAll(async () => {
      [v2, v1] = await Promise.all([TestIssuer.start({ path: `/${tenant}/v2.0` }), TestIssuer.start({ path: `/${tenant}` })]);
      server = await protect([v2, v1], {
        AUTH_AUDIENCE: `api://fram,${apiId}`,
        OIDC_USER_ID_CLAIM: 'preferred_username',
        ROLES_CLAIM: 'roles',
        ADMIN_GROUPS: 'Fram.Admin',
        WRITE_GROUPS: 'e1f2a3b4-0000-4c5d-8e9f-0a1b2c3d4e5f',
        ADMIN_SCOPES: 'Fram.Admin',
        WRITE_SCOPES: 'Fram.Write',
      });
    });
    afterAll(async () => {
      await server?.close();
      await Promise.all([v2?.stop(), v1?.stop()]);
    });

    it("gives a person (v2, aud the API's GUID) the roles of their group ids and app roles", async () => {
      const person = (roles: string[]) =>
        v2.signed({
          aud: apiId,
          iss: v2.issuer,
          ...times,
          nbf: now,
          azp: '9f2a1c7d-3b4e-4f6a-8d9c-0e1f2a3b4c5d',
          azpacr: '0',
          groups: ['e1f2a3b4-0000-4c5d-8e9f-0a1b2c3d4e5f'],
          name: 'Ada Lovelace',
          oid: '690222be-ff1a-4d56-abd1-7e4f7d38e474',
          preferred_username: 'ada@acme.com',
          roles,
          scp: 'access_as_user',
          sub: 'MF4f-ggWMEji12KynJUNQZphaUTvLcQug5jdF2nl01Q',
          tid: tenant,
          ver: '2.0',
        });
      expect(await get(server, '/read', person([]))).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'ada@acme.com', clientId: '9f2a1c7d-3b4e-4f6a-8d9c-0e1f2a3b4c5d', roles: ['write', 'read'] },
      });
      expect((await get(server, '/admin', person([]))).status).toBe(403);
      expect((await get(server, '/admin', person(['Fram.Admin']))).status).toBe(200);
    });

    it('gives an app-only token the roles of its app roles, with either aud', async () => {
      const appOnly = v2.signed({
        aud: apiId,
        iss: v2.issuer,
        ...times,
        nbf: now,
        azp: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
        azpacr: '1',
        oid: 'c5e7a9b1-2d3f-4a5b-9c8d-7e6f5a4b3c2d',
        roles: ['Fram.Write'],
        sub: 'c5e7a9b1-2d3f-4a5b-9c8d-7e6f5a4b3c2d',
        tid: tenant,
        ver: '2.0',
      });
      expect(await get(server, '/read', appOnly)).toMatchObject({
        status: 200,
        body: {
          kind: 'service',
          userId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
          clientId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
          roles: ['write', 'read'],
        },
      });
      expect((await get(server, '/write', appOnly)).status).toBe(200);
      expect((await get(server, '/admin', appOnly)).status).toBe(403);

      const v1AppOnly = v1.signed({
        aud: 'api://fram',
        iss: v1.issuer,
        ...times,
        nbf: now,
        appid: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
        appidacr: '1',
        idtyp: 'app',
        oid: 'c5e7a9b1-2d3f-4a5b-9c8d-7e6f5a4b3c2d',
        roles: ['Fram.Admin'],
        sub: 'c5e7a9b1-2d3f-4a5b-9c8d-7e6f5a4b3c2d',
        tid: tenant,
        ver: '1.0',
      });
      expect(await get(server, '/admin', v1AppOnly)).toMatchObject({ status: 200 });
      expect((await get(server, '/read', v1AppOnly)).body).toMatchObject({
        kind: 'service',
        clientId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      });
    });
  });

  describe('groups as a comma string', () => {
    let idp: TestIssuer;
    let server: RunningApp;
    beforeAll(async () => {
      idp = await TestIssuer.start({ path: '' });
      server = await protect([idp], { WRITE_GROUPS: 'Data Engineers', ADMIN_GROUPS: 'Fram Admins' });
    });
    afterAll(async () => {
      await server?.close();
      await idp?.stop();
    });

    it('splits them on commas', async () => {
      const token = idp.signed({
        iss: idp.issuer,
        sub: 'ada',
        aud: 'api://fram',
        ...times,
        azp: 'fram',
        email: 'ada@acme.com',
        groups: 'Everyone,Data Engineers',
      });
      expect(await get(server, '/read', token)).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'ada@acme.com', groups: ['Everyone', 'Data Engineers'], roles: ['write', 'read'] },
      });
      expect((await get(server, '/admin', token)).status).toBe(403);
    });
  });
});
