import type { AuthConfig } from '../config/auth-config';
import { InvalidTokenError } from '../errors/auth-errors';
import { ROLES, type Principal, type Role } from './principal';

type Claims = Readonly<Record<string, unknown>>;

const MAX_CLAIM_ITEMS = 1000;

/**
 * Turns the claims of a verified access token into a Principal. Claims come in
 * many shapes across identity providers; anything malformed is ignored (and so
 * grants nothing) rather than trusted or allowed to throw. Only a missing `sub`
 * or `exp` makes the token unusable.
 *
 * Role names from ROLES_CLAIM (Entra app roles in `roles`, Auth0 `permissions`,
 * Keycloak `realm_access.roles`, ...) follow one rule: for a person they join
 * the groups (matched against ADMIN_GROUPS, WRITE_GROUPS, READ_ONLY_GROUPS);
 * for a service they join the scopes (matched against ADMIN_SCOPES,
 * WRITE_SCOPES, READ_SCOPES, and seen by @RequireScopes). They are never a
 * person's requested scopes, so they never narrow a person's roles (only
 * `scp`/`scope` do) and never widen them past the groups rule.
 */
export function toPrincipal(claims: Claims, issuer: string, config: AuthConfig): Principal {
  const subject = nonEmptyString(claims['sub']);
  if (subject === undefined) throw new InvalidTokenError('no sub');
  const expiresAt = claims['exp'];
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) throw new InvalidTokenError('no exp');

  const clientId = clientIdOf(claims);
  const kind = isServiceToken(claims, subject, clientId) ? 'service' : 'user';
  const granted = roleClaimValues(claims, config.rolesClaims);
  const requested = scopeList(claims);
  const groups = kind === 'user' ? union(stringList(claims[config.groupsClaim]), granted) : [];
  const scopes = kind === 'service' ? union(requested, granted) : requested;
  const email = nonEmptyString(claims['email']) ?? (looksLikeEmail(subject) ? subject : undefined);
  const userId = kind === 'service' ? (clientId ?? subject) : (nonEmptyString(claims[config.userIdClaim]) ?? subject);

  return {
    kind,
    issuer,
    subject,
    userId,
    email: kind === 'user' ? email : undefined,
    name: nonEmptyString(claims['name']),
    groups,
    scopes,
    clientId,
    roles: rolesOf(kind, groups, scopes, config),
    expiresAt,
  };
}

type RoleConfig = Pick<AuthConfig, 'adminGroups' | 'writeGroups' | 'readOnlyGroups' | 'roleScopes'>;

/**
 * A principal's roles. Higher roles include lower ones.
 * - A person's roles come from their groups only (with ROLES_CLAIM's role
 *   names, which toPrincipal puts among the groups). Scopes can narrow them and
 *   never widen them (anyone can ask an IdP for a scope): a person's token that
 *   carries any of Fram's role scopes is held to what those scopes give (an
 *   editor's token with READ_SCOPES only cannot write); one that carries none
 *   of them (a plain sign-in token: openid, email, profile) gets what the
 *   groups give.
 * - A service's roles (client_credentials: no person) come from its scopes
 *   (with ROLES_CLAIM's role names, which toPrincipal puts among the scopes).
 */
export function rolesOf(kind: Principal['kind'], groups: readonly string[], scopes: readonly string[], config: RoleConfig): Role[] {
  const fromScopes = rolesFromScopes(scopes, config.roleScopes);
  if (kind === 'service') return fromScopes;
  const fromGroups = rolesFromGroups(groups, config);
  const scoped = ROLES.some((role) => config.roleScopes[role].some((s) => scopes.includes(s)));
  return scoped ? fromGroups.filter((role) => fromScopes.includes(role)) : fromGroups;
}

function rolesFromGroups(groups: readonly string[], config: RoleConfig): Role[] {
  const inAny = (names: readonly string[]) => groups.some((g) => names.includes(g));
  const admin = inAny(config.adminGroups);
  const write = admin || inAny(config.writeGroups);
  const read = write || config.readOnlyGroups === undefined || inAny(config.readOnlyGroups);
  return withLower(admin, write, read);
}

function rolesFromScopes(scopes: readonly string[], roleScopes: AuthConfig['roleScopes']): Role[] {
  const has = (role: Role) => roleScopes[role].some((s) => scopes.includes(s));
  const admin = has('admin');
  const write = admin || has('write');
  return withLower(admin, write, write || has('read'));
}

function withLower(admin: boolean, write: boolean, read: boolean): Role[] {
  const roles: Role[] = [];
  if (admin) roles.push('admin');
  if (write) roles.push('write');
  if (read) roles.push('read');
  return roles;
}

/**
 * The OAuth client the token was issued to: Okta's `cid`, RFC 9068's and
 * Keycloak's `client_id`, the OIDC `azp` (Auth0, Keycloak, Entra v2), Entra
 * v1's `appid`.
 */
function clientIdOf(claims: Claims): string | undefined {
  for (const name of ['cid', 'client_id', 'azp', 'appid']) {
    const value = nonEmptyString(claims[name]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Whether the token is a program's (client_credentials), not a person's:
 * - Auth0 marks them `gty: client-credentials` (`sub` is `<client id>@clients`);
 * - Microsoft Entra `idtyp: app` (an optional claim), or an app-only token's
 *   shape: a tenant (`tid`), `sub` equal to `oid` (the service principal) and
 *   no `scp` (nor `scope`): a person's Entra token always has `scp`, and a
 *   `sub` that differs from `oid`;
 * - Keycloak signs them for the user it creates itself, `service-account-<client
 *   id>` (in lower case, like every Keycloak user name), named in
 *   `preferred_username`, with that client in `azp` and in the service-account
 *   claim `client_id` (`clientId` before Keycloak 25), which person tokens do
 *   not carry; compared exactly, so a person whose user name merely starts so
 *   stays a person;
 * - Okta, LemonLDAP::NG and most others set `sub` to the client id and carry
 *   no person: no Okta `uid`, and none of the claims only a person's token has
 *   (PERSON_CLAIMS), so a person whose login happens to equal a client id
 *   stays a person. Groups do not count: a service's token may carry them,
 *   and they give a service nothing.
 */
function isServiceToken(claims: Claims, subject: string, clientId: string | undefined): boolean {
  if (claims['gty'] === 'client-credentials' || claims['idtyp'] === 'app') return true;
  const entraApp = nonEmptyString(claims['tid']) !== undefined && nonEmptyString(claims['oid']) === subject;
  if (entraApp && claims['scp'] === undefined && claims['scope'] === undefined) return true;
  const azp = nonEmptyString(claims['azp']);
  const keycloakClient = claims['client_id'] ?? claims['clientId'];
  if (azp !== undefined && keycloakClient === azp && claims['preferred_username'] === `service-account-${azp.toLowerCase()}`) return true;
  if (clientId === undefined || subject !== clientId || claims['uid'] !== undefined) return false;
  return !PERSON_CLAIMS.some((name) => claims[name] !== undefined);
}

/** Claims only a person's token carries (OpenID Connect's profile and email claims, a sign-in's time). */
const PERSON_CLAIMS = ['preferred_username', 'email', 'name', 'given_name', 'family_name', 'auth_time'] as const;

/**
 * The role names at the ROLES_CLAIM paths, all of them together. Each path is
 * first a top-level claim name (`roles`, `https://fram.example.com/roles`),
 * else a dot path through nested objects (`resource_access.fram-api.roles`).
 * A value is an array of strings or a comma string; anything else gives nothing.
 */
function roleClaimValues(claims: Claims, paths: readonly string[]): string[] {
  const values = paths.flatMap((path) => stringList(Object.hasOwn(claims, path) ? claims[path] : claimAtPath(claims, path)));
  return union(values, []);
}

function claimAtPath(claims: Claims, path: string): unknown {
  let current: unknown = claims;
  for (const name of path.split('.')) {
    if (!isPlainObject(current) || !Object.hasOwn(current, name)) return undefined;
    current = current[name];
  }
  return current;
}

/** Both lists without repeats, bounded like every claim list. */
function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])].slice(0, MAX_CLAIM_ITEMS);
}

/** Okta's `scp` array, or the standard space-separated `scope` string (or both). */
function scopeList(claims: Claims): string[] {
  const scp = claims['scp'];
  const fromScp = Array.isArray(scp) ? stringList(scp) : typeof scp === 'string' ? splitSpaces(scp) : [];
  const scope = claims['scope'];
  const fromScope = typeof scope === 'string' ? splitSpaces(scope) : [];
  return [...new Set([...fromScp, ...fromScope])];
}

/** Groups arrive as arrays or as comma-separated strings; anything else is no groups. */
function stringList(value: unknown): string[] {
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== '')
      .slice(0, MAX_CLAIM_ITEMS);
  }
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_CLAIM_ITEMS).filter((g): g is string => typeof g === 'string' && g !== '');
}

function splitSpaces(text: string): string[] {
  return text
    .split(' ')
    .filter((s) => s !== '')
    .slice(0, MAX_CLAIM_ITEMS);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function looksLikeEmail(text: string): boolean {
  return /^[^@\s]+@[^@\s]+$/.test(text);
}
