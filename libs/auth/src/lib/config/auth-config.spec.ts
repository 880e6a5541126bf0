import { ConfigError } from '@fram/config';
import { DEV_IDP_ISSUER } from '@fram/config';
import { loadAuthConfig } from './auth-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadAuthConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAuthConfig', () => {
  it('has working defaults for a laptop', () => {
    expect(loadAuthConfig({})).toEqual({
      issuers: [DEV_IDP_ISSUER],
      audiences: ['api://fram'],
      algorithms: ['RS256'],
      clockToleranceSec: 30,
      publicPaths: ['/healthcheck'],
      userIdClaim: 'email',
      groupsClaim: 'groups',
      rolesClaims: [],
      adminGroups: ['Fram Admins'],
      writeGroups: ['Data Engineers', 'Analysts'],
      readOnlyGroups: undefined,
      roleScopes: { admin: ['admin:system'], write: ['write:data'], read: ['read:data'] },
      tokenCacheSize: 10000,
      jwks: { maxAgeMs: 600_000, refetchCooldownMs: 30_000, timeoutMs: 5000 },
    });
  });

  it("takes roles from dev-idp's groups only while trusting dev-idp alone, and never over explicit settings", () => {
    expect(loadAuthConfig({ OIDC_ISSUER: 'https://acme.okta.com/oauth2/default' })).toMatchObject({ adminGroups: [], writeGroups: [] });
    expect(loadAuthConfig({ AUTH_ISSUERS: `${DEV_IDP_ISSUER},https://acme.okta.com/oauth2/default` })).toMatchObject({
      adminGroups: [],
      writeGroups: [],
    });
    expect(loadAuthConfig({ ADMIN_GROUPS: 'Owners', WRITE_GROUPS: 'Editors' })).toMatchObject({
      adminGroups: ['Owners'],
      writeGroups: ['Editors'],
    });
  });

  it('reads every variable', () => {
    const config = loadAuthConfig({
      OIDC_ISSUER: 'https://acme.okta.com/oauth2/default',
      AUTH_ISSUERS: 'https://acme.okta.com/oauth2/default, https://acme.eu.auth0.com/',
      AUTH_AUDIENCE: 'api://fram,api://fram-legacy',
      AUTH_ALGORITHMS: 'RS256,ES256',
      AUTH_CLOCK_TOLERANCE_S: '300',
      PUBLIC_PATHS: '/healthcheck,/metrics',
      OIDC_USER_ID_CLAIM: 'preferred_username',
      GROUPS_CLAIM: 'https://fram.example/groups',
      ROLES_CLAIM: 'roles, realm_access.roles,https://fram.example.com/roles',
      ADMIN_GROUPS: 'Fram Admins',
      WRITE_GROUPS: 'Data Engineers, Analysts',
      READ_ONLY_GROUPS: '',
      AUTH_JWKS_MAX_AGE_S: '60',
      AUTH_JWKS_REFETCH_COOLDOWN_S: '10',
      AUTH_JWKS_TIMEOUT_MS: '1500',
      AUTH_TOKEN_CACHE_SIZE: '0',
      ADMIN_SCOPES: 'fram.admin',
      WRITE_SCOPES: 'fram.write,catalog:edit',
      READ_SCOPES: 'fram.read',
    });
    expect(config).toEqual({
      issuers: ['https://acme.okta.com/oauth2/default', 'https://acme.eu.auth0.com/'],
      audiences: ['api://fram', 'api://fram-legacy'],
      algorithms: ['RS256', 'ES256'],
      clockToleranceSec: 300,
      publicPaths: ['/healthcheck', '/metrics'],
      userIdClaim: 'preferred_username',
      groupsClaim: 'https://fram.example/groups',
      rolesClaims: ['roles', 'realm_access.roles', 'https://fram.example.com/roles'],
      adminGroups: ['Fram Admins'],
      writeGroups: ['Data Engineers', 'Analysts'],
      readOnlyGroups: undefined, // blank counts as unset
      roleScopes: { admin: ['fram.admin'], write: ['fram.write', 'catalog:edit'], read: ['fram.read'] },
      tokenCacheSize: 0,
      jwks: { maxAgeMs: 60_000, refetchCooldownMs: 10_000, timeoutMs: 1500 },
    });
  });

  it('trusts OIDC_ISSUER when AUTH_ISSUERS is not set', () => {
    expect(loadAuthConfig({ OIDC_ISSUER: 'https://acme.okta.com/oauth2/aus1' }).issuers).toEqual(['https://acme.okta.com/oauth2/aus1']);
  });

  it("reads Amundsen's flaskoidc names as aliases, Fram's names winning", () => {
    const config = loadAuthConfig({
      FLASK_OIDC_CONFIG_URL: 'https://acme.okta.com/oauth2/default/.well-known/openid-configuration',
      FLASK_OIDC_WHITELISTED_ENDPOINTS: 'status,healthcheck,health',
      FLASK_OIDC_USER_ID_FIELD: 'preferred_username',
    });
    expect(config.issuers).toEqual(['https://acme.okta.com/oauth2/default']);
    expect(config.publicPaths).toEqual(['/status', '/healthcheck', '/health']);
    expect(config.userIdClaim).toBe('preferred_username');
    expect(loadAuthConfig({ FLASK_OIDC_USER_ID_FIELD: 'preferred_username', OIDC_USER_ID_CLAIM: 'email' }).userIdClaim).toBe('email');
  });

  it('reports every bad variable at once, by name, with what to set', () => {
    const problems = problemsOf({
      AUTH_ISSUERS: 'not a url',
      AUTH_ALGORITHMS: 'RS256,none',
      AUTH_CLOCK_TOLERANCE_S: '3600',
      PUBLIC_PATHS: 'healthcheck',
      AUTH_JWKS_TIMEOUT_MS: 'fast',
      GROUPS_CLAIM: 'two words',
    });
    expect(problems).toEqual([
      'AUTH_ISSUERS: must be absolute http(s) URLs, separated by commas (got "not a url")',
      'AUTH_ALGORITHMS: must list asymmetric algorithms from RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512 ("none" and HS* are never accepted) (got "RS256,none")',
      'AUTH_CLOCK_TOLERANCE_S: must be a whole number from 0 to 300 seconds (got "3600")',
      'PUBLIC_PATHS: must be absolute paths starting with "/", separated by commas (got "healthcheck")',
      'GROUPS_CLAIM: must be a claim name such as "email" (got "two words")',
      'AUTH_JWKS_TIMEOUT_MS: must be a whole number from 100 to 60000 milliseconds (got "fast")',
    ]);
  });

  it('reads ROLES_CLAIM as claim names or dot paths, and names it when they are not', () => {
    expect(loadAuthConfig({ ROLES_CLAIM: 'resource_access.fram-api.roles' }).rolesClaims).toEqual(['resource_access.fram-api.roles']);
    expect(loadAuthConfig({ ROLES_CLAIM: ' ' }).rolesClaims).toEqual([]);
    const message = 'ROLES_CLAIM: must be up to 10 claim names or dot paths separated by commas, e.g. "roles" or "realm_access.roles"';
    expect(problemsOf({ ROLES_CLAIM: 'app roles' })).toEqual([`${message} (got "app roles")`]);
    expect(problemsOf({ ROLES_CLAIM: 'realm_access..roles' })).toEqual([`${message} (got "realm_access..roles")`]);
    expect(problemsOf({ ROLES_CLAIM: 'roles,"permissions"' })).toEqual([`${message} (got "roles,\\"permissions\\"")`]);
    expect(problemsOf({ ROLES_CLAIM: Array.from({ length: 11 }, (_, i) => `r${i}`).join(',') })[0]).toMatch(/^ROLES_CLAIM: /);
  });

  it('never accepts symmetric algorithms', () => {
    expect(problemsOf({ AUTH_ALGORITHMS: 'HS256' })[0]).toMatch(/^AUTH_ALGORITHMS: /);
  });

  it('names the alias a bad value came from', () => {
    expect(problemsOf({ FLASK_OIDC_CONFIG_URL: 'okta' })).toEqual([
      'FLASK_OIDC_CONFIG_URL: must be the issuer URL, e.g. https://example.okta.com/oauth2/default (got "okta")',
    ]);
  });

  it('refuses to trust the development IdP by default in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^OIDC_ISSUER: must be set when NODE_ENV=production/)]);
    expect(loadAuthConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://acme.okta.com/oauth2/default' }).issuers).toHaveLength(1);
  });
});
