import { providerClaims } from '@fram/testing';
import { loadAuthConfig, type AuthConfig } from '../config/auth-config';
import { toPrincipal } from './principal-mapper';

/**
 * Access tokens shaped exactly as each provider documents them (claim names,
 * value types, the claims a provider adds that Fram ignores: @fram/testing's
 * providerClaims), each with the configuration an operator of that provider
 * sets. Each case passes the claims its assertion is about.
 * test/provider-tokens.e2e.spec.ts sends such tokens, signed, through the guard.
 */
const IAT = 1_767_225_600; // 2026-01-01
const EXP = IAT + 3600;
const times = { iat: IAT, exp: EXP };

const map = (claims: Record<string, unknown>, config: AuthConfig) => toPrincipal(claims, String(claims['iss']), config);

describe('Okta (custom authorization server)', () => {
  const iss = 'https://acme.okta.com/oauth2/default';
  const config = loadAuthConfig({ AUTH_ISSUERS: iss, WRITE_GROUPS: 'Data Engineers', ADMIN_GROUPS: 'Fram Admins' });

  it("maps a person's token: groups from the groups claim", () => {
    const claims = providerClaims.okta.user({
      iss,
      aud: 'api://fram',
      ...times,
      clientId: '0oa1fram2frontend3',
      sub: 'ada@acme.com',
      groups: ['Everyone', 'Data Engineers'],
    });
    expect(map(claims, config)).toMatchObject({
      kind: 'user',
      userId: 'ada@acme.com',
      clientId: '0oa1fram2frontend3',
      roles: ['write', 'read'],
    });
  });

  it("maps a service app's client_credentials token: sub is the client id, no uid", () => {
    const claims = providerClaims.okta.serviceApp({
      iss,
      aud: 'api://fram',
      ...times,
      clientId: '0oa4etl5service6',
      scopes: ['write:data'],
    });
    expect(claims).toMatchObject({ sub: '0oa4etl5service6', cid: '0oa4etl5service6' });
    expect(claims).not.toHaveProperty('uid');
    expect(map(claims, config)).toMatchObject({
      kind: 'service',
      userId: '0oa4etl5service6',
      clientId: '0oa4etl5service6',
      roles: ['write', 'read'],
    });
  });
});

describe('Auth0', () => {
  const iss = 'https://acme.eu.auth0.com/';
  const aud = 'https://fram.acme.com/api';
  const config = loadAuthConfig({
    AUTH_ISSUERS: iss,
    AUTH_AUDIENCE: aud,
    ROLES_CLAIM: 'permissions,https://fram.acme.com/roles',
    WRITE_GROUPS: 'Data Engineers',
  });

  it("maps a person's token: roles from a namespaced custom claim (an Action), permissions alongside", () => {
    const claims = providerClaims.auth0.user({
      iss,
      aud,
      ...times,
      sub: 'auth0|64f0c0ffee1234567890abcd',
      clientId: 'kT3mRfram0frontend9XyZ',
      scope: 'openid profile email offline_access',
      permissions: ['read:data'],
      actionClaims: { 'https://fram.acme.com/roles': ['Data Engineers'] },
    });
    expect(map(claims, config)).toMatchObject({
      kind: 'user',
      userId: 'auth0|64f0c0ffee1234567890abcd',
      clientId: 'kT3mRfram0frontend9XyZ',
      groups: ['read:data', 'Data Engineers'],
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      roles: ['write', 'read'],
    });
  });

  it('maps a machine-to-machine token: gty client-credentials, sub <client id>@clients, permissions', () => {
    const claims = providerClaims.auth0.m2m({
      iss,
      aud,
      ...times,
      clientId: 'Q7etl0service9AbCdEf',
      scope: 'read:data write:data',
      permissions: ['read:data', 'write:data'],
    });
    expect(claims).toMatchObject({ sub: 'Q7etl0service9AbCdEf@clients', gty: 'client-credentials' });
    expect(map(claims, config)).toMatchObject({
      kind: 'service',
      userId: 'Q7etl0service9AbCdEf',
      clientId: 'Q7etl0service9AbCdEf',
      roles: ['write', 'read'],
    });
  });

  it("gives a machine-to-machine token the roles of its permissions alone (RBAC's permissions claim, no scope)", () => {
    const claims = providerClaims.auth0.m2m({ iss, aud, ...times, clientId: 'Q7ops0service9AbCdEf', permissions: ['admin:system'] });
    expect(claims).not.toHaveProperty('scope');
    expect(map(claims, config)).toMatchObject({ kind: 'service', scopes: ['admin:system'], roles: ['admin', 'write', 'read'] });
  });
});

describe('Keycloak', () => {
  const iss = 'https://sso.acme.com/realms/fram';
  const config = loadAuthConfig({
    AUTH_ISSUERS: iss,
    AUTH_AUDIENCE: 'fram-api',
    ROLES_CLAIM: 'realm_access.roles,resource_access.fram-api.roles',
    WRITE_GROUPS: '/Data Engineers',
    ADMIN_GROUPS: 'fram-admin',
  });
  const defaultRealmRoles = ['default-roles-fram', 'offline_access', 'uma_authorization'];
  /** Ada's token from the frontend, with the realm's default roles and the groups and client roles given. */
  const ada = (grants: { groups: string[]; clientRoles?: Record<string, string[]> }) =>
    providerClaims.keycloak.user({
      iss,
      aud: 'fram-api',
      ...times,
      clientId: 'fram-frontend',
      email: 'ada@acme.com',
      realmRoles: defaultRealmRoles,
      ...grants,
    });
  const person = ada({ groups: ['/Data Engineers'] });

  it("maps a person's token: groups (full paths) and realm roles", () => {
    expect(map(person, config)).toMatchObject({
      kind: 'user',
      userId: 'ada@acme.com',
      clientId: 'fram-frontend',
      groups: ['/Data Engineers', 'default-roles-fram', 'offline_access', 'uma_authorization'],
      roles: ['write', 'read'],
    });
  });

  it("maps a person's client roles from resource_access.<client>.roles", () => {
    const admin = ada({ groups: [], clientRoles: { 'fram-api': ['fram-admin'] } });
    expect(map(admin, config)).toMatchObject({ kind: 'user', roles: ['admin', 'write', 'read'] });
    // Another client's roles are not Fram's.
    const elsewhere = ada({ groups: [], clientRoles: { 'other-api': ['fram-admin'] } });
    expect(map(elsewhere, config).roles).toEqual(['read']);
  });

  const serviceAccount = providerClaims.keycloak.serviceAccount({
    iss,
    aud: 'fram-api',
    ...times,
    clientId: 'fram-etl',
    clientRoles: { 'fram-api': ['write:data'] },
  });

  it("maps a service account's token: its roles are grants like scopes", () => {
    expect(serviceAccount).toMatchObject({ preferred_username: 'service-account-fram-etl', azp: 'fram-etl', client_id: 'fram-etl' });
    expect(map(serviceAccount, config)).toMatchObject({
      kind: 'service',
      userId: 'fram-etl',
      clientId: 'fram-etl',
      groups: [],
      roles: ['write', 'read'],
    });
  });

  it("recognises a service account of a client whose id has capitals (Keycloak's user names are lower case)", () => {
    const claims = { ...serviceAccount, azp: 'Fram-ETL', client_id: 'Fram-ETL', preferred_username: 'service-account-fram-etl' };
    expect(map(claims, config)).toMatchObject({ kind: 'service', userId: 'Fram-ETL' });
    expect(map({ ...claims, preferred_username: 'service-account-Fram-ETL' }, config).kind).toBe('user');
  });

  it('keeps a person whose user name looks like a service account, but for another client, a person', () => {
    const lookalike = { ...person, preferred_username: 'service-account-fram-etl', azp: 'fram-frontend' };
    expect(map(lookalike, config)).toMatchObject({ kind: 'user', userId: 'ada@acme.com', clientId: 'fram-frontend' });
    const noAzp = { ...serviceAccount, azp: undefined, client_id: undefined };
    expect(map(noAzp, config).kind).toBe('user');
    // A person who registered the user name service-account-fram-frontend and signs in through fram-frontend:
    // person tokens carry no client_id (only service accounts' do), so a person it stays.
    const registered = { ...person, preferred_username: 'service-account-fram-frontend', azp: 'fram-frontend' };
    expect(map(registered, config).kind).toBe('user');
    expect(map({ ...serviceAccount, client_id: undefined, clientId: 'fram-etl' }, config).kind).toBe('service'); // before Keycloak 25
  });
});

describe('Microsoft Entra ID', () => {
  const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const apiId = '6e74172b-be56-4843-9ff4-e66a39bb12e3';
  const v2 = `https://login.microsoftonline.com/${tenant}/v2.0`;
  const v1 = `https://sts.windows.net/${tenant}/`;
  const engineers = 'e1f2a3b4-0000-4c5d-8e9f-0a1b2c3d4e5f';
  const config = loadAuthConfig({
    AUTH_ISSUERS: `${v2},${v1}`,
    AUTH_AUDIENCE: `api://fram,${apiId}`,
    OIDC_USER_ID_CLAIM: 'preferred_username',
    ROLES_CLAIM: 'roles',
    ADMIN_GROUPS: 'Fram.Admin',
    WRITE_GROUPS: engineers,
    ADMIN_SCOPES: 'Fram.Admin',
    WRITE_SCOPES: 'Fram.Write',
  });

  it("maps a person's v2 token: scp string, group ids, app roles", () => {
    const claims = providerClaims.entra.v2User({
      iss: v2,
      aud: apiId,
      ...times,
      clientId: '9f2a1c7d-3b4e-4f6a-8d9c-0e1f2a3b4c5d',
      preferredUsername: 'ada@acme.com',
      name: 'Ada Lovelace',
      scp: 'access_as_user',
      groups: [engineers],
      roles: ['Fram.Admin'],
    });
    expect(map(claims, config)).toMatchObject({
      kind: 'user',
      userId: 'ada@acme.com',
      clientId: '9f2a1c7d-3b4e-4f6a-8d9c-0e1f2a3b4c5d',
      scopes: ['access_as_user'],
      roles: ['admin', 'write', 'read'],
    });
    expect(map({ ...claims, roles: undefined }, config).roles).toEqual(['write', 'read']);
  });

  const appOnly = providerClaims.entra.v2App({
    iss: v2,
    aud: apiId,
    ...times,
    clientId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
    roles: ['Fram.Write'],
  });

  it('maps an app-only v2 token (sub is oid, no scp): app roles are grants', () => {
    expect(appOnly['sub']).toBe(appOnly['oid']);
    expect(appOnly).not.toHaveProperty('scp');
    expect(map(appOnly, config)).toMatchObject({
      kind: 'service',
      userId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      clientId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      roles: ['write', 'read'],
    });
    expect(map({ ...appOnly, idtyp: 'app' }, config).kind).toBe('service');
  });

  it('maps an app-only v1 token: client id in appid, aud the application id URI', () => {
    const claims = providerClaims.entra.v1App({
      iss: v1,
      aud: 'api://fram',
      ...times,
      clientId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      roles: ['Fram.Admin'],
    });
    expect(claims).toMatchObject({ appid: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', ver: '1.0' });
    expect(map(claims, config)).toMatchObject({
      kind: 'service',
      userId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      clientId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
      roles: ['admin', 'write', 'read'],
    });
  });

  it('never takes a person for an app: a person has scp, and a sub that is not the oid', () => {
    const person = { ...appOnly, scp: 'access_as_user', preferred_username: 'ada@acme.com' };
    expect(map(person, config)).toMatchObject({ kind: 'user', roles: ['read'] });
    expect(map({ ...appOnly, sub: 'MF4f-ggWMEji12KynJUNQZphaUTvLcQug5jdF2nl01Q' }, config).kind).toBe('user');
  });

  it("takes oid = sub without scp for an app only in a tenant's token (tid): another issuer's person stays a person", () => {
    expect(appOnly['tid']).toEqual(expect.any(String));
    expect(map({ ...appOnly, tid: undefined }, config).kind).toBe('user');
  });
});

describe('LemonLDAP::NG', () => {
  const iss = 'https://auth.example.com';
  const config = loadAuthConfig({ AUTH_ISSUERS: iss, AUTH_AUDIENCE: 'https://fram.example.com/api', WRITE_GROUPS: 'fram-editors' });
  const basics = { iss, aud: 'https://fram.example.com/api', ...times };

  it('maps a client_credentials token (sub = client_id, no person) to a service with the roles of its scopes', () => {
    const service = providerClaims.lemonldap.clientCredentials({ ...basics, clientId: 'fram-metadata', scope: 'read:data write:data' });
    expect(map(service, config)).toMatchObject({ kind: 'service', userId: 'fram-metadata', roles: ['write', 'read'] });
  });

  it("keeps a person whose login equals a client id a person: their token carries a person's claims", () => {
    const person = providerClaims.lemonldap.user({
      ...basics,
      clientId: 'fram-frontend',
      login: 'fram-frontend',
      email: 'ops@example.com',
      groups: ['fram-editors'],
    });
    expect(person['sub']).toBe(person['client_id']);
    expect(map(person, config)).toMatchObject({ kind: 'user', userId: 'ops@example.com', roles: ['write', 'read'] });
  });
});

describe('groups as a comma string', () => {
  const iss = 'https://sso.acme.com';
  const config = loadAuthConfig({ AUTH_ISSUERS: iss, WRITE_GROUPS: 'Data Engineers', ADMIN_GROUPS: 'Fram Admins' });

  it('splits them on commas', () => {
    const claims = providerClaims.oidc.user({
      iss,
      aud: 'api://fram',
      ...times,
      sub: 'ada',
      clientId: 'fram',
      email: 'ada@acme.com',
      groups: 'Everyone, Data Engineers',
    });
    expect(map(claims, config)).toMatchObject({
      kind: 'user',
      userId: 'ada@acme.com',
      groups: ['Everyone', 'Data Engineers'],
      roles: ['write', 'read'],
    });
  });

  it('reads ROLES_CLAIM values given as a comma string too', () => {
    const withRoles = loadAuthConfig({ AUTH_ISSUERS: iss, ROLES_CLAIM: 'roles', ADMIN_GROUPS: 'Fram Admins' });
    const claims = { iss, sub: 'ada', iat: IAT, exp: EXP, azp: 'fram', roles: 'Readers,Fram Admins' };
    expect(map(claims, withRoles).roles).toEqual(['admin', 'write', 'read']);
  });
});

describe('ROLES_CLAIM', () => {
  const iss = 'https://sso.acme.com';
  const person = { iss, sub: 'ada', iat: IAT, exp: EXP, azp: 'fram', uid: 'u1' };
  const service = { iss, sub: 'etl', iat: IAT, exp: EXP, cid: 'etl' };

  it('gives nothing while unset: a `roles` claim does not count', () => {
    const config = loadAuthConfig({ AUTH_ISSUERS: iss, ADMIN_GROUPS: 'Fram Admins', READ_ONLY_GROUPS: 'Readers' });
    expect(map({ ...person, roles: ['Fram Admins'], permissions: ['admin:system'] }, config)).toMatchObject({ groups: [], roles: [] });
    expect(map({ ...service, roles: ['admin:system'] }, config)).toMatchObject({ scopes: [], roles: [] });
  });

  it("never widens a person's roles past their groups through the scope rule", () => {
    // Role names join the groups, not the scopes: an `admin:system` app role is no group of the admins.
    const config = loadAuthConfig({ AUTH_ISSUERS: iss, ROLES_CLAIM: 'roles', WRITE_GROUPS: 'Editors' });
    expect(map({ ...person, roles: ['admin:system', 'write:data'] }, config)).toMatchObject({ scopes: [], roles: ['read'] });
  });

  it("does not make app roles a person's requested scopes (only scp/scope narrow)", () => {
    const config = loadAuthConfig({ AUTH_ISSUERS: iss, ROLES_CLAIM: 'roles', WRITE_GROUPS: 'Editors' });
    // `read:data` as a role must not narrow an editor to read.
    expect(map({ ...person, groups: ['Editors'], roles: ['read:data'] }, config).roles).toEqual(['write', 'read']);
    // `read:data` as a requested scope does.
    expect(map({ ...person, groups: ['Editors'], scope: 'openid read:data' }, config).roles).toEqual(['read']);
  });

  it('prefers a top-level claim named like the path, else follows the dots', () => {
    const config = loadAuthConfig({ AUTH_ISSUERS: iss, ROLES_CLAIM: 'fram.roles', ADMIN_SCOPES: 'a', WRITE_SCOPES: 'w' });
    expect(map({ ...service, 'fram.roles': ['w'], fram: { roles: ['a'] } }, config).roles).toEqual(['write', 'read']);
    expect(map({ ...service, fram: { roles: ['a'] } }, config).roles).toEqual(['admin', 'write', 'read']);
  });

  it('ignores malformed values and inherited properties', () => {
    const config = loadAuthConfig({ AUTH_ISSUERS: iss, ROLES_CLAIM: 'a.b,roles,constructor.name,toString', WRITE_SCOPES: 'w' });
    for (const claims of [
      { a: 'b' },
      { a: { b: { w: true } } },
      { a: [{ b: ['w'] }] },
      { a: null },
      { roles: 7 },
      { roles: { 0: 'w' } },
      { roles: [['w'], 3, null] },
      {},
    ]) {
      expect(map({ ...service, ...claims }, config)).toMatchObject({ scopes: [], roles: [] });
    }
  });

  it('caps the number of role names', () => {
    const config = loadAuthConfig({ AUTH_ISSUERS: iss, ROLES_CLAIM: 'roles' });
    const roles = Array.from({ length: 5000 }, (_, i) => `r${i}`);
    expect(map({ ...person, roles }, config).groups).toHaveLength(1000);
  });
});
