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
 */
export function toPrincipal(claims: Claims, issuer: string, config: AuthConfig): Principal {
  const subject = nonEmptyString(claims['sub']);
  if (subject === undefined) throw new InvalidTokenError('no sub');
  const expiresAt = claims['exp'];
  if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) throw new InvalidTokenError('no exp');

  const clientId = nonEmptyString(claims['cid']) ?? nonEmptyString(claims['client_id']) ?? nonEmptyString(claims['azp']);
  const kind = isServiceToken(claims, subject, clientId) ? 'service' : 'user';
  const groups = kind === 'user' ? stringList(claims[config.groupsClaim]) : [];
  const scopes = scopeList(claims);
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
 * - A person's roles come from their groups only. Scopes can narrow them and
 *   never widen them (anyone can ask an IdP for a scope): a person's token that
 *   carries any of Fram's role scopes is held to what those scopes give (an
 *   editor's token with READ_SCOPES only cannot write); one that carries none
 *   of them (a plain sign-in token: openid, email, profile) gets what the
 *   groups give.
 * - A service's roles (client_credentials: no person) come from its scopes.
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
 * client_credentials tokens: Okta and most providers set `sub` to the client
 * id; Auth0 marks them `gty: client-credentials`, Azure AD `idtyp: app`.
 */
function isServiceToken(claims: Claims, subject: string, clientId: string | undefined): boolean {
  if (claims['gty'] === 'client-credentials' || claims['idtyp'] === 'app') return true;
  return clientId !== undefined && subject === clientId && claims['uid'] === undefined;
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

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function looksLikeEmail(text: string): boolean {
  return /^[^@\s]+@[^@\s]+$/.test(text);
}
