import { loadAuthConfig } from '../config/auth-config';
import { InvalidTokenError } from '../errors/auth-errors';
import { rolesOf, toPrincipal } from './principal-mapper';

const ISSUER = 'https://acme.okta.com/oauth2/default';
const config = loadAuthConfig({ AUTH_ISSUERS: ISSUER, ADMIN_GROUPS: 'Fram Admins', WRITE_GROUPS: 'Data Engineers' });
const base = { iss: ISSUER, sub: 'ada@acme.com', exp: 2_000_000_000, cid: '0oa-frontend', uid: '00u1' };

describe('toPrincipal', () => {
  it('maps an Okta user access token', () => {
    expect(toPrincipal({ ...base, scp: ['openid', 'email'], groups: ['Everyone', 'Data Engineers'], name: 'Ada' }, ISSUER, config)).toEqual(
      {
        kind: 'user',
        issuer: ISSUER,
        subject: 'ada@acme.com',
        userId: 'ada@acme.com',
        email: 'ada@acme.com',
        name: 'Ada',
        groups: ['Everyone', 'Data Engineers'],
        scopes: ['openid', 'email'],
        clientId: '0oa-frontend',
        roles: ['write', 'read'],
        expiresAt: 2_000_000_000,
      },
    );
  });

  it('takes the user id from the configured claim, falling back to sub', () => {
    const byLogin = loadAuthConfig({ AUTH_ISSUERS: ISSUER, OIDC_USER_ID_CLAIM: 'preferred_username' });
    expect(toPrincipal({ ...base, preferred_username: 'ada' }, ISSUER, byLogin).userId).toBe('ada');
    expect(toPrincipal({ ...base, preferred_username: 17 }, ISSUER, byLogin).userId).toBe('ada@acme.com');
    expect(toPrincipal({ ...base, sub: '00u1', email: 'ada@acme.com' }, ISSUER, config)).toMatchObject({
      userId: 'ada@acme.com',
      email: 'ada@acme.com',
    });
    expect(toPrincipal({ ...base, sub: 'auth0|1' }, ISSUER, config)).toMatchObject({ userId: 'auth0|1', email: undefined });
  });

  it('reads groups from a custom claim, as an array or a comma string', () => {
    const custom = loadAuthConfig({ AUTH_ISSUERS: ISSUER, GROUPS_CLAIM: 'https://fram/groups' });
    expect(toPrincipal({ ...base, 'https://fram/groups': 'a, b,,c' }, ISSUER, custom).groups).toEqual(['a', 'b', 'c']);
    expect(toPrincipal({ ...base, groups: ['x'] }, ISSUER, custom).groups).toEqual([]);
  });

  it('merges scp arrays and scope strings, ignoring junk', () => {
    expect(toPrincipal({ ...base, scp: ['a', 3, null, 'b'], scope: 'b  c' }, ISSUER, config).scopes).toEqual(['a', 'b', 'c']);
    expect(toPrincipal({ ...base, scp: { a: 1 } }, ISSUER, config).scopes).toEqual([]);
  });

  it('recognises client_credentials tokens from Okta, Auth0 and Azure AD', () => {
    const okta = toPrincipal({ iss: ISSUER, sub: '0oa-svc', cid: '0oa-svc', exp: 1, scp: ['write:data'] }, ISSUER, config);
    expect(okta).toMatchObject({ kind: 'service', userId: '0oa-svc', roles: ['write', 'read'] });
    const auth0 = toPrincipal({ iss: ISSUER, sub: 'abc@clients', azp: 'abc', gty: 'client-credentials', exp: 1 }, ISSUER, config);
    expect(auth0).toMatchObject({ kind: 'service', userId: 'abc', roles: [] });
    const azure = toPrincipal({ iss: ISSUER, sub: 'oid', azp: 'app-id', idtyp: 'app', exp: 1, groups: ['Fram Admins'] }, ISSUER, config);
    expect(azure).toMatchObject({ kind: 'service', groups: [], roles: [] });
  });

  it('refuses tokens without sub or exp', () => {
    expect(() => toPrincipal({ ...base, sub: undefined }, ISSUER, config)).toThrow(InvalidTokenError);
    expect(() => toPrincipal({ ...base, exp: undefined }, ISSUER, config)).toThrow(InvalidTokenError);
    expect(() => toPrincipal({ ...base, exp: Number.NaN }, ISSUER, config)).toThrow(InvalidTokenError);
  });

  it('caps very long claim lists', () => {
    const groups = Array.from({ length: 5000 }, (_, i) => `g${i}`);
    expect(toPrincipal({ ...base, groups }, ISSUER, config).groups).toHaveLength(1000);
  });
});

describe('rolesOf', () => {
  const roleScopes = { admin: ['admin:system'], write: ['write:data'], read: ['read:data'] };
  const lists = { adminGroups: ['A'], writeGroups: ['W'], readOnlyGroups: undefined, roleScopes };
  it('lets every signed-in person read while READ_ONLY_GROUPS is unset', () => {
    expect(rolesOf('user', [], [], lists)).toEqual(['read']);
    expect(rolesOf('service', [], [], lists)).toEqual([]);
  });
  it('restricts reading to the listed groups once READ_ONLY_GROUPS is set', () => {
    const restricted = { ...lists, readOnlyGroups: ['R'] };
    expect(rolesOf('user', [], [], restricted)).toEqual([]);
    expect(rolesOf('user', ['R'], [], restricted)).toEqual(['read']);
    expect(rolesOf('user', ['W'], [], restricted)).toEqual(['write', 'read']);
  });
  it('grants admin with everything below it', () => {
    expect(rolesOf('user', ['A'], [], lists)).toEqual(['admin', 'write', 'read']);
    expect(rolesOf('service', [], ['admin:system'], lists)).toEqual(['admin', 'write', 'read']);
  });
  it("never lets a person's scopes widen what the groups give", () => {
    expect(rolesOf('user', [], ['openid', 'admin:system', 'write:data'], lists)).toEqual(['read']);
    expect(rolesOf('user', ['W'], ['admin:system'], lists)).toEqual(['write', 'read']);
    expect(rolesOf('user', [], ['read:data'], { ...lists, readOnlyGroups: ['R'] })).toEqual([]);
  });
  it("narrows a person's roles to the role scopes the token carries", () => {
    expect(rolesOf('user', ['W'], ['openid', 'read:data'], lists)).toEqual(['read']);
    expect(rolesOf('user', ['A'], ['write:data'], lists)).toEqual(['write', 'read']);
    expect(rolesOf('user', ['A'], ['openid', 'email'], lists)).toEqual(['admin', 'write', 'read']);
  });
  it('gives a service the roles of its scopes, by the configured names', () => {
    const named = { ...lists, roleScopes: { admin: ['fram.admin'], write: ['fram.write', 'catalog:edit'], read: ['fram.read'] } };
    expect(rolesOf('service', [], ['catalog:edit'], named)).toEqual(['write', 'read']);
    expect(rolesOf('service', [], ['fram.read'], named)).toEqual(['read']);
    expect(rolesOf('service', [], ['admin:system', 'write:data'], named)).toEqual([]);
    expect(rolesOf('service', ['A'], [], named)).toEqual([]);
  });
});

describe('role scope configuration', () => {
  it('reads ADMIN_SCOPES, WRITE_SCOPES and READ_SCOPES, with the default names', () => {
    expect(config.roleScopes).toEqual({ admin: ['admin:system'], write: ['write:data'], read: ['read:data'] });
    const named = loadAuthConfig({
      AUTH_ISSUERS: ISSUER,
      ADMIN_SCOPES: 'fram.admin',
      WRITE_SCOPES: 'fram.write, catalog:edit',
      READ_SCOPES: 'fram.read',
    });
    expect(named.roleScopes).toEqual({ admin: ['fram.admin'], write: ['fram.write', 'catalog:edit'], read: ['fram.read'] });
    expect(() => loadAuthConfig({ AUTH_ISSUERS: ISSUER, WRITE_SCOPES: 'a b' })).toThrow(/WRITE_SCOPES/);
  });
});
