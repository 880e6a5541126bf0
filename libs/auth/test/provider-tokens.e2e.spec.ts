import { KeyStore, loadAuthConfig } from '@fram/auth';
import { call, providerClaims, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';
import { probeModule } from './protected-routes.fixture';

/**
 * Access tokens shaped as Okta, Auth0, Keycloak and Microsoft Entra ID issue
 * them (@fram/testing's providerClaims, as src/lib/principal/provider-tokens.spec.ts
 * maps them), signed
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
        ...providerClaims.okta.user({
          iss: okta.issuer,
          aud: 'api://fram',
          ...times,
          clientId: '0oa1fram2frontend3',
          sub: 'ada@acme.com',
          groups: ['Everyone', 'Data Engineers'],
        }),
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
      const token = okta.signed(
        providerClaims.okta.serviceApp({
          iss: okta.issuer,
          aud: 'api://fram',
          ...times,
          clientId: '0oa4etl5service6',
          scopes: ['write:data'],
        }),
      );
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
      const token = auth0.signed(
        providerClaims.auth0.user({
          iss: auth0.issuer,
          aud: 'https://fram.acme.com/api',
          ...times,
          sub: 'auth0|64f0c0ffee1234567890abcd',
          clientId: 'kT3mRfram0frontend9XyZ',
          actionClaims: { 'https://fram.acme.com/roles': ['Data Engineers'] },
        }),
      );
      expect(await get(server, '/read', token)).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'auth0|64f0c0ffee1234567890abcd', clientId: 'kT3mRfram0frontend9XyZ', roles: ['write', 'read'] },
      });
      expect((await get(server, '/admin', token)).status).toBe(403);
    });

    it('gives a machine-to-machine token the roles of its permissions', async () => {
      const m2m = (permissions: string[]) =>
        auth0.signed(
          providerClaims.auth0.m2m({
            iss: auth0.issuer,
            aud: 'https://fram.acme.com/api',
            ...times,
            clientId: 'Q7etl0service9AbCdEf',
            scope: permissions.join(' '),
            permissions,
          }),
        );
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

    /** Ada's token from the frontend, with the realm's default roles and the groups and client roles given. */
    const person = (grants: { groups: string[]; clientRoles?: Record<string, string[]>; username?: string }) =>
      keycloak.signed(
        providerClaims.keycloak.user({
          iss: keycloak.issuer,
          aud: 'fram-api',
          ...times,
          clientId: 'fram-frontend',
          email: 'ada@acme.com',
          ...grants,
        }),
      );

    it("gives a person the roles of their groups and of Fram's client roles", async () => {
      const engineer = person({ groups: ['/Data Engineers'] });
      expect(await get(server, '/read', engineer)).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'ada@acme.com', clientId: 'fram-frontend', roles: ['write', 'read'] },
      });
      expect((await get(server, '/admin', engineer)).status).toBe(403);
      const admin = person({ groups: [], clientRoles: { 'fram-api': ['fram-admin'] } });
      expect((await get(server, '/admin', admin)).status).toBe(200);
    });

    it('gives a service account the roles of its client roles, and keeps a look-alike person a person', async () => {
      const serviceAccount = keycloak.signed(
        providerClaims.keycloak.serviceAccount({
          iss: keycloak.issuer,
          aud: 'fram-api',
          ...times,
          clientId: 'fram-etl',
          clientRoles: { 'fram-api': ['write:data'] },
        }),
      );
      expect(await get(server, '/read', serviceAccount)).toMatchObject({
        status: 200,
        body: { kind: 'service', userId: 'fram-etl', clientId: 'fram-etl', roles: ['write', 'read'] },
      });
      expect((await get(server, '/write', serviceAccount)).status).toBe(200);
      expect((await get(server, '/admin', serviceAccount)).status).toBe(403);

      const lookalike = person({ username: 'service-account-fram-etl', groups: [] });
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
        v2.signed(
          providerClaims.entra.v2User({
            iss: v2.issuer,
            aud: apiId,
            ...times,
            clientId: '9f2a1c7d-3b4e-4f6a-8d9c-0e1f2a3b4c5d',
            preferredUsername: 'ada@acme.com',
            scp: 'access_as_user',
            groups: ['e1f2a3b4-0000-4c5d-8e9f-0a1b2c3d4e5f'],
            roles,
          }),
        );
      expect(await get(server, '/read', person([]))).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'ada@acme.com', clientId: '9f2a1c7d-3b4e-4f6a-8d9c-0e1f2a3b4c5d', roles: ['write', 'read'] },
      });
      expect((await get(server, '/admin', person([]))).status).toBe(403);
      expect((await get(server, '/admin', person(['Fram.Admin']))).status).toBe(200);
    });

    it('gives an app-only token the roles of its app roles, with either aud', async () => {
      const appOnly = v2.signed(
        providerClaims.entra.v2App({
          iss: v2.issuer,
          aud: apiId,
          ...times,
          clientId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
          roles: ['Fram.Write'],
        }),
      );
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
        ...providerClaims.entra.v1App({
          iss: v1.issuer,
          aud: 'api://fram',
          ...times,
          clientId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
          roles: ['Fram.Admin'],
        }),
        idtyp: 'app',
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
      const token = idp.signed(
        providerClaims.oidc.user({
          iss: idp.issuer,
          aud: 'api://fram',
          ...times,
          sub: 'ada',
          clientId: 'fram',
          email: 'ada@acme.com',
          groups: 'Everyone,Data Engineers',
        }),
      );
      expect(await get(server, '/read', token)).toMatchObject({
        status: 200,
        body: { kind: 'user', userId: 'ada@acme.com', groups: ['Everyone', 'Data Engineers'], roles: ['write', 'read'] },
      });
      expect((await get(server, '/admin', token)).status).toBe(403);
    });
  });
});
