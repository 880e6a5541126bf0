import { z } from 'zod';
import { DEV_IDP_ISSUER, env, EnvReader, isHttpUrl, type Env, type EnvAlias } from '@fram/config';
import { DEFAULT_ROLE_SCOPES, type Role } from '../principal/principal';

/** Signature algorithms a resource server may accept: asymmetric only. */
export const SUPPORTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
export type SignatureAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number];

/** dev-idp's groups that grant roles when Fram trusts only dev-idp and ADMIN_GROUPS / WRITE_GROUPS are unset. */
export const DEV_IDP_ROLE_GROUPS = { admin: ['Fram Admins'], write: ['Data Engineers', 'Analysts'] } as const;
export const DEFAULT_AUDIENCE = 'api://fram';
export const MAX_CLOCK_TOLERANCE_S = 300;
/** How many claims ROLES_CLAIM may name. */
const MAX_ROLES_CLAIMS = 10;
/** A claim name (`email`, `https://fram.example/groups`) or a dot path (`realm_access.roles`). */
const CLAIM_PATH = /^[\w:./-]{1,100}$/;

/** Everything the resource-server side of libs/auth needs, read from the environment. */
export interface AuthConfig {
  /** Issuers whose tokens are accepted, compared exactly with `iss`. */
  issuers: readonly string[];
  /** Accepted `aud` values (a token needs one of them). */
  audiences: readonly string[];
  algorithms: readonly SignatureAlgorithm[];
  clockToleranceSec: number;
  /** Request paths served without a token, matched exactly. */
  publicPaths: readonly string[];
  /** Claim holding the user id; `sub` is used when the token lacks it. */
  userIdClaim: string;
  groupsClaim: string;
  /**
   * ROLES_CLAIM: claims that hold role names (`roles`, `permissions`,
   * `realm_access.roles`, `resource_access.fram-api.roles`, ...), each a
   * top-level claim name or else a dot path into nested objects. What they
   * hold joins a person's groups and a service's scopes (see toPrincipal).
   * Empty (the default): no claim gives roles this way.
   */
  rolesClaims: readonly string[];
  adminGroups: readonly string[];
  writeGroups: readonly string[];
  /** Unset: every signed-in person may read. Set: only these groups (and writers, admins). */
  readOnlyGroups: readonly string[] | undefined;
  /**
   * Scope names that give a service each role (ADMIN_SCOPES, WRITE_SCOPES,
   * READ_SCOPES); on a person's token they can only narrow the groups' roles.
   */
  roleScopes: Readonly<Record<Role, readonly string[]>>;
  /** How many verified tokens to remember (0: none); see VerifiedTokenCache. */
  tokenCacheSize: number;
  jwks: {
    /** After this long a key set is refreshed in the background; its keys keep working meanwhile. */
    maxAgeMs: number;
    /** Least time between two fetches caused by unknown `kid`s. */
    refetchCooldownMs: number;
    /** How long one discovery or key-set request may take. */
    timeoutMs: number;
  };
}

/** flaskoidc's discovery URL is `{issuer}/.well-known/openid-configuration`. */
const issuerFromDiscoveryUrl = (url: string): string => url.replace(/\/\.well-known\/openid-configuration\/?$/, '');

/** flaskoidc whitelists Flask endpoint names (`status,healthcheck`); Fram matches paths. */
const pathsFromEndpointNames = (names: string): string =>
  names
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((n) => (n.startsWith('/') ? n : `/${n}`))
    .join(',');

export const ISSUER_ALIASES: readonly EnvAlias[] = [{ name: 'FLASK_OIDC_CONFIG_URL', convert: issuerFromDiscoveryUrl }];

const urlList = (fallback: readonly string[]) =>
  env.list(fallback).refine((items) => items.every(isHttpUrl), 'must be absolute http(s) URLs, separated by commas');

/**
 * Reads and validates the auth configuration. Throws a ConfigError naming
 * every variable that is wrong and what to set instead.
 */
export function loadAuthConfig(source: Env = process.env): AuthConfig {
  const reader = new EnvReader(source);
  const production = source['NODE_ENV'] === 'production';

  const oidcIssuer = reader.read({
    name: 'OIDC_ISSUER',
    aliases: ISSUER_ALIASES,
    schema: z
      .string()
      .optional()
      .refine((v) => v === undefined || isHttpUrl(v), 'must be the issuer URL, e.g. https://example.okta.com/oauth2/default'),
  });
  const issuers = reader.read({ name: 'AUTH_ISSUERS', schema: urlList([oidcIssuer ?? DEV_IDP_ISSUER]) });
  if (production && oidcIssuer === undefined && reader.raw('AUTH_ISSUERS') === undefined) {
    reader.problem(
      'OIDC_ISSUER: must be set when NODE_ENV=production (the development IdP is not trusted in production); ' +
        'set it to your authorization server, e.g. https://example.okta.com/oauth2/default',
    );
  }

  const audiences = reader.read({ name: 'AUTH_AUDIENCE', schema: env.list([DEFAULT_AUDIENCE]) });

  const algorithms = reader.read({
    name: 'AUTH_ALGORITHMS',
    schema: env
      .list(['RS256'])
      .refine(
        (items) => items.every((a) => (SUPPORTED_ALGORITHMS as readonly string[]).includes(a)),
        `must list asymmetric algorithms from ${SUPPORTED_ALGORITHMS.join(', ')} ("none" and HS* are never accepted)`,
      )
      .transform((items) => items as SignatureAlgorithm[]),
  });

  const clockToleranceSec = reader.read({
    name: 'AUTH_CLOCK_TOLERANCE_S',
    schema: env.integer(30, 0, MAX_CLOCK_TOLERANCE_S, 'seconds'),
  });

  const publicPaths = reader.read({
    name: 'PUBLIC_PATHS',
    aliases: [{ name: 'FLASK_OIDC_WHITELISTED_ENDPOINTS', convert: pathsFromEndpointNames }],
    schema: env
      .list(['/healthcheck'])
      .refine((items) => items.every((p) => p.startsWith('/')), 'must be absolute paths starting with "/", separated by commas'),
  });

  const claimName = z.string().regex(CLAIM_PATH, 'must be a claim name such as "email"');
  const userIdClaim = reader.read({
    name: 'OIDC_USER_ID_CLAIM',
    aliases: [{ name: 'FLASK_OIDC_USER_ID_FIELD' }],
    schema: claimName.optional().transform((v) => v ?? 'email'),
  });
  const groupsClaim = reader.read({ name: 'GROUPS_CLAIM', schema: claimName.optional().transform((v) => v ?? 'groups') });
  const rolesClaims = reader.read({
    name: 'ROLES_CLAIM',
    schema: env
      .optionalList()
      .transform((v) => v ?? [])
      .refine(
        (items) => items.length <= MAX_ROLES_CLAIMS && items.every((c) => CLAIM_PATH.test(c) && !c.split('.').includes('')),
        `must be up to ${MAX_ROLES_CLAIMS} claim names or dot paths separated by commas, e.g. "roles" or "realm_access.roles"`,
      ),
  });

  // Trusting only the development IdP (a laptop, `npm start`): its groups give the roles unless set.
  const devIdpOnly = issuers?.length === 1 && issuers[0] === DEV_IDP_ISSUER;
  const adminGroups =
    reader.read({ name: 'ADMIN_GROUPS', schema: env.optionalList() }) ?? (devIdpOnly ? [...DEV_IDP_ROLE_GROUPS.admin] : []);
  const writeGroups =
    reader.read({ name: 'WRITE_GROUPS', schema: env.optionalList() }) ?? (devIdpOnly ? [...DEV_IDP_ROLE_GROUPS.write] : []);
  const readOnlyGroups = reader.read({ name: 'READ_ONLY_GROUPS', schema: env.optionalList() });

  const roleScopes = {
    admin: reader.read({ name: 'ADMIN_SCOPES', schema: env.scopeList(DEFAULT_ROLE_SCOPES.admin) }),
    write: reader.read({ name: 'WRITE_SCOPES', schema: env.scopeList(DEFAULT_ROLE_SCOPES.write) }),
    read: reader.read({ name: 'READ_SCOPES', schema: env.scopeList(DEFAULT_ROLE_SCOPES.read) }),
  };

  const maxAgeS = reader.read({ name: 'AUTH_JWKS_MAX_AGE_S', schema: env.integer(600, 10, 86400, 'seconds') });
  const cooldownS = reader.read({ name: 'AUTH_JWKS_REFETCH_COOLDOWN_S', schema: env.integer(30, 0, 3600, 'seconds') });
  const timeoutMs = reader.read({ name: 'AUTH_JWKS_TIMEOUT_MS', schema: env.integer(5000, 100, 60000, 'milliseconds') });

  const tokenCacheSize = reader.read({ name: 'AUTH_TOKEN_CACHE_SIZE', schema: env.integer(10000, 0, 1_000_000, 'tokens') });

  reader.done();
  return {
    issuers,
    audiences,
    algorithms,
    clockToleranceSec,
    publicPaths,
    userIdClaim,
    groupsClaim,
    rolesClaims,
    adminGroups,
    writeGroups,
    readOnlyGroups,
    roleScopes,
    tokenCacheSize,
    jwks: { maxAgeMs: maxAgeS * 1000, refetchCooldownMs: cooldownS * 1000, timeoutMs },
  };
}
