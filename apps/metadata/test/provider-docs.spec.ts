import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig, loadOidcClientConfig, toPrincipal, type AuthConfig } from '@fram/auth';
import { scriptToken } from '@fram/catalog-tools';
import { providerDocBlocks, recordingEnv, type ProviderDocBlock } from '@fram/testing';
import { loadMetadataConfig } from '../src/config/metadata-config';

/**
 * docs/other-providers.md, checked: every variable its blocks set is one Fram
 * reads, every block passes the start-up validation of the frontend, metadata
 * and the scripts in production mode, and with each block's settings the
 * tokens that provider issues (shaped as its section describes them) give
 * the roles the section promises.
 */
const blocks = providerDocBlocks();
const block = (provider: string): ProviderDocBlock => {
  const found = blocks.find((b) => b.provider === provider);
  if (!found) throw new Error(`docs/other-providers.md has no block under "## ${provider}"`);
  return found;
};

/** What a production deployment sets besides the provider's settings (the frontend's own address and secret). */
const deployment = () => ({
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://fram.example.com',
  SESSION_SECRET: 'Vq3n8Zk1pXe7Lw2Rt6Yb0Hc5Jm9Ds4Gf-Ua1Ni8Ko3Qz7',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-provider-docs-')),
});

const NOW_S = 1_900_000_000;

describe('docs/other-providers.md', () => {
  it('has a block for each provider it covers', () => {
    expect(blocks.map((b) => b.provider)).toEqual(
      expect.arrayContaining(['Okta', 'Auth0', 'Keycloak', 'Microsoft Entra ID', 'Google', 'LemonLDAP::NG']),
    );
  });

  it.each(blocks.map((b) => [b.provider, b] as const))('%s: every variable is read and valid in production', (_provider, { env }) => {
    const { env: recorded, read } = recordingEnv({ ...deployment(), ...env });
    expect(() => loadAuthConfig(recorded)).not.toThrow();
    expect(() => loadOidcClientConfig(recorded)).not.toThrow();
    expect(() => loadMetadataConfig(recorded)).not.toThrow();
    expect(() => scriptToken(recorded)).not.toThrow();
    expect(Object.keys(env).filter((name) => !read.has(name))).toEqual([]);
  });

  describe('the tokens each provider issues get the roles its section promises', () => {
    const configOf = (provider: string): AuthConfig => loadAuthConfig({ ...deployment(), ...block(provider).env });
    const principal = (provider: string, claims: Record<string, unknown>) => {
      const config = configOf(provider);
      return toPrincipal({ exp: NOW_S + 300, iat: NOW_S, ...claims }, config.issuers[0], config);
    };

    it('Okta: a person by groups, a service app by scopes', () => {
      const person = principal('Okta', {
        sub: 'ana@example.com',
        uid: '00u1ana',
        cid: '0oa...frontend',
        scp: ['openid', 'email', 'profile', 'offline_access'],
        groups: ['Data Engineers'],
        email: 'ana@example.com',
      });
      expect(person).toMatchObject({ kind: 'user', userId: 'ana@example.com', roles: ['write', 'read'] });
      const service = principal('Okta', { sub: '0oa...metadata', cid: '0oa...metadata', scp: ['read:data', 'write:data'] });
      expect(service).toMatchObject({ kind: 'service', userId: '0oa...metadata', roles: ['write', 'read'] });
    });

    it('Auth0: groups from the namespaced claim, an M2M app by its permissions', () => {
      const person = principal('Auth0', {
        sub: 'auth0|64f1ana',
        azp: 'frontend-client-id',
        aud: ['api://fram', 'https://YOUR_TENANT.eu.auth0.com/userinfo'],
        scope: 'openid email profile offline_access',
        'https://fram.example.com/groups': ['fram-editors'],
        'https://fram.example.com/email': 'ana@example.com',
      });
      expect(person).toMatchObject({ kind: 'user', userId: 'ana@example.com', roles: ['write', 'read'] });
      const m2m = principal('Auth0', {
        sub: 'm2mClientId@clients',
        azp: 'm2mClientId',
        gty: 'client-credentials',
        scope: 'read:data',
        permissions: ['read:data', 'write:data'],
      });
      expect(m2m).toMatchObject({ kind: 'service', userId: 'm2mClientId', roles: ['write', 'read'] });
    });

    it('Keycloak: realm roles count as groups for people, a service account gets its realm roles', () => {
      const person = principal('Keycloak', {
        sub: '5f0c1a7e-8d55-4b8e-9a71-1f2b3c4d5e6f',
        azp: 'fram-frontend',
        preferred_username: 'ana',
        email: 'ana@example.com',
        scope: 'openid email profile',
        realm_access: { roles: ['default-roles-fram', 'offline_access', 'fram-admins'] },
        resource_access: { account: { roles: ['manage-account'] } },
      });
      expect(person).toMatchObject({ kind: 'user', userId: 'ana@example.com', roles: ['admin', 'write', 'read'] });
      const service = principal('Keycloak', {
        sub: '0d8c2e4f-1a3b-4c5d-8e9f-a0b1c2d3e4f5',
        azp: 'fram-metadata',
        client_id: 'fram-metadata',
        preferred_username: 'service-account-fram-metadata',
        scope: 'profile email',
        realm_access: { roles: ['default-roles-fram', 'read:data', 'write:data'] },
      });
      expect(service).toMatchObject({ kind: 'service', userId: 'fram-metadata', roles: ['write', 'read'] });
    });

    it('Microsoft Entra ID: groups and app roles for people, app roles for an app-only token', () => {
      const person = principal('Microsoft Entra ID', {
        aud: 'API_APPLICATION_ID_GUID',
        sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ',
        oid: '00000000-0000-0000-66f3-3332eca7ea81',
        azp: 'FRONTEND_APPLICATION_ID',
        preferred_username: 'ana@contoso.com',
        scp: 'access_as_user',
        groups: ['OBJECT_ID_OF_THE_EDITORS_GROUP'],
        ver: '2.0',
      });
      expect(person).toMatchObject({ kind: 'user', userId: 'ana@contoso.com', roles: ['write', 'read'] });
      const byAppRole = principal('Microsoft Entra ID', {
        aud: 'API_APPLICATION_ID_GUID',
        sub: 'AAAAAAAAAAAAAAAAAAAAAJbobPairwiseSubject',
        oid: '00000000-0000-0000-1234-bob000000000',
        azp: 'FRONTEND_APPLICATION_ID',
        preferred_username: 'bob@contoso.com',
        scp: 'access_as_user',
        roles: ['Fram.Write'],
        ver: '2.0',
      });
      expect(byAppRole).toMatchObject({ kind: 'user', roles: ['write', 'read'] });
      const app = principal('Microsoft Entra ID', {
        aud: 'API_APPLICATION_ID_GUID',
        sub: '9a1b2c3d-0000-4000-8000-5e6f7a8b9c0d',
        oid: '9a1b2c3d-0000-4000-8000-5e6f7a8b9c0d',
        azp: 'METADATA_APPLICATION_ID',
        roles: ['Fram.Read', 'Fram.Write'],
        ver: '2.0',
      });
      expect(app).toMatchObject({ kind: 'service', userId: 'METADATA_APPLICATION_ID', roles: ['write', 'read'] });
    });

    it('LemonLDAP::NG: a person by its groups, a client_credentials token by its scopes', () => {
      const person = principal('LemonLDAP::NG', {
        sub: 'dwho',
        aud: ['fram-frontend', 'https://fram.example.com/api'],
        client_id: 'fram-frontend',
        scope: 'openid email profile',
        email: 'dwho@badwolf.org',
        name: 'Doctor Who',
        preferred_username: 'dwho',
        groups: ['users', 'timelords', 'fram-editors'],
      });
      expect(person).toMatchObject({ kind: 'user', userId: 'dwho@badwolf.org', roles: ['write', 'read'] });
      const service = principal('LemonLDAP::NG', {
        sub: 'fram-metadata',
        client_id: 'fram-metadata',
        aud: ['fram-metadata', 'https://fram.example.com/api'],
        scope: 'read:data write:data',
      });
      expect(service).toMatchObject({ kind: 'service', userId: 'fram-metadata', roles: ['write', 'read'] });
    });
  });
});
