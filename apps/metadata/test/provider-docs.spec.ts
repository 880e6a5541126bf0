import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig, loadOidcClientConfig, toPrincipal, type AuthConfig } from '@fram/auth';
import { scriptToken } from '@fram/catalog-tools';
import {
  providerClaims,
  providerDocBlocks,
  providerDocVariables,
  recordingEnv,
  type ProviderDocBlock,
  type TokenClaims,
} from '@fram/testing';
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

  it('names in its prose only variables that Fram reads', () => {
    // Each loader reads every variable it knows before it reports what is missing, so the names are recorded either way.
    const { env: recorded, read } = recordingEnv(deployment());
    for (const load of [loadAuthConfig, loadOidcClientConfig, loadMetadataConfig, scriptToken]) {
      try {
        load(recorded);
      } catch {
        // a production start-up without a provider: refused, as it should be
      }
    }
    const named = providerDocVariables();
    expect(named).toEqual(expect.arrayContaining(['OIDC_RESOURCE', 'OIDC_AUDIENCE_PARAM', 'ROLES_CLAIM', 'OIDC_TOKEN_AUTH_METHOD']));
    expect(named.filter((name) => !read.has(name))).toEqual([]);
  });

  describe('the tokens each provider issues get the roles its section promises', () => {
    /**
     * A provider's block as its operator sets it: what its tokens say (its issuer, the first
     * audience it lists, times), and the principal a token's claims make with its settings.
     */
    const documented = (provider: string) => {
      const config: AuthConfig = loadAuthConfig({ ...deployment(), ...block(provider).env });
      const basics = { iss: config.issuers[0], aud: config.audiences[0], iat: NOW_S, exp: NOW_S + 300 };
      return { basics, principal: (claims: TokenClaims) => toPrincipal(claims, basics.iss, config) };
    };

    it('Okta: a person by groups, a service app by scopes', () => {
      const { basics, principal } = documented('Okta');
      const person = principal(
        providerClaims.okta.user({ ...basics, clientId: '0oa...frontend', sub: 'ana@example.com', groups: ['Data Engineers'] }),
      );
      expect(person).toMatchObject({ kind: 'user', userId: 'ana@example.com', roles: ['write', 'read'] });
      const service = principal(
        providerClaims.okta.serviceApp({ ...basics, clientId: '0oa...metadata', scopes: ['read:data', 'write:data'] }),
      );
      expect(service).toMatchObject({ kind: 'service', userId: '0oa...metadata', roles: ['write', 'read'] });
    });

    it('Auth0: groups from the namespaced claim, an M2M app by its permissions', () => {
      const { basics, principal } = documented('Auth0');
      const actionClaims = { 'https://fram.example.com/groups': ['fram-editors'], 'https://fram.example.com/email': 'ana@example.com' };
      const person = principal(
        providerClaims.auth0.user({ ...basics, sub: 'auth0|64f1ana', clientId: 'frontend-client-id', actionClaims }),
      );
      expect(person).toMatchObject({ kind: 'user', userId: 'ana@example.com', roles: ['write', 'read'] });
      const m2m = principal(
        providerClaims.auth0.m2m({ ...basics, clientId: 'm2mClientId', scope: 'read:data', permissions: ['read:data', 'write:data'] }),
      );
      expect(m2m).toMatchObject({ kind: 'service', userId: 'm2mClientId', roles: ['write', 'read'] });
    });

    it('Keycloak: realm roles count as groups for people, a service account gets its realm roles', () => {
      const { basics, principal } = documented('Keycloak');
      const realmRoles = (...roles: string[]) => ['default-roles-fram', 'offline_access', ...roles];
      const person = principal(
        providerClaims.keycloak.user({
          ...basics,
          clientId: 'fram-frontend',
          email: 'ana@example.com',
          realmRoles: realmRoles('fram-admins'),
        }),
      );
      expect(person).toMatchObject({ kind: 'user', userId: 'ana@example.com', roles: ['admin', 'write', 'read'] });
      const service = principal(
        providerClaims.keycloak.serviceAccount({ ...basics, clientId: 'fram-metadata', realmRoles: realmRoles('read:data', 'write:data') }),
      );
      expect(service).toMatchObject({ kind: 'service', userId: 'fram-metadata', roles: ['write', 'read'] });
    });

    it('Microsoft Entra ID: groups and app roles for people, app roles for an app-only token', () => {
      const { basics, principal } = documented('Microsoft Entra ID');
      const signedIn = { ...basics, clientId: 'FRONTEND_APPLICATION_ID', scp: 'access_as_user' };
      const person = principal(
        providerClaims.entra.v2User({ ...signedIn, preferredUsername: 'ana@contoso.com', groups: ['OBJECT_ID_OF_THE_EDITORS_GROUP'] }),
      );
      expect(person).toMatchObject({ kind: 'user', userId: 'ana@contoso.com', roles: ['write', 'read'] });
      const byAppRole = principal(
        providerClaims.entra.v2User({ ...signedIn, preferredUsername: 'bob@contoso.com', roles: ['Fram.Write'] }),
      );
      expect(byAppRole).toMatchObject({ kind: 'user', roles: ['write', 'read'] });
      const app = principal(
        providerClaims.entra.v2App({ ...basics, clientId: 'METADATA_APPLICATION_ID', roles: ['Fram.Read', 'Fram.Write'] }),
      );
      expect(app).toMatchObject({ kind: 'service', userId: 'METADATA_APPLICATION_ID', roles: ['write', 'read'] });
    });

    it('LemonLDAP::NG: a person by its groups, a client_credentials token by its scopes', () => {
      const { basics, principal } = documented('LemonLDAP::NG');
      const person = principal(
        providerClaims.lemonldap.user({
          ...basics,
          clientId: 'fram-frontend',
          login: 'dwho',
          email: 'dwho@badwolf.org',
          name: 'Doctor Who',
          groups: ['users', 'timelords', 'fram-editors'],
        }),
      );
      expect(person).toMatchObject({ kind: 'user', userId: 'dwho@badwolf.org', roles: ['write', 'read'] });
      const service = principal(
        providerClaims.lemonldap.clientCredentials({ ...basics, clientId: 'fram-metadata', scope: 'read:data write:data' }),
      );
      expect(service).toMatchObject({ kind: 'service', userId: 'fram-metadata', roles: ['write', 'read'] });
    });
  });
});
