/** What a principal may do. admin includes write, write includes read. */
export type Role = 'admin' | 'write' | 'read';

export const ROLES: readonly Role[] = ['admin', 'write', 'read'];

/**
 * The scope names that give a service each role, unless ADMIN_SCOPES,
 * WRITE_SCOPES and READ_SCOPES name others (Okta custom authorization server scopes).
 */
export const DEFAULT_ROLE_SCOPES: Readonly<Record<Role, readonly string[]>> = {
  admin: ['admin:system'],
  write: ['write:data'],
  read: ['read:data'],
};

/**
 * Who is calling, taken from a verified access token. `kind` is `service` for
 * tokens from the client_credentials grant (another program, no person).
 */
export interface Principal {
  kind: 'user' | 'service';
  issuer: string;
  /** The token's `sub`. */
  subject: string;
  /** The user id (OIDC_USER_ID_CLAIM, falling back to `sub`); the client id for a service. */
  userId: string;
  email?: string;
  name?: string;
  /** A person's groups (GROUPS_CLAIM), with the role names of ROLES_CLAIM; none for a service. */
  groups: readonly string[];
  /** `scp`/`scope`; for a service also the role names of ROLES_CLAIM (app roles, permissions). */
  scopes: readonly string[];
  /** The OAuth client the token was issued to. */
  clientId?: string;
  roles: readonly Role[];
  /** `exp`, seconds since the epoch. */
  expiresAt: number;
}

/**
 * Fram's rule for editing a resource: the write role, or being one of its
 * owners (`ownerIds` compared with the principal's user id, ignoring case).
 * Metadata enforces it; the frontend uses it to show or hide edit controls.
 */
export function mayEdit(principal: Principal, ownerIds: readonly string[]): boolean {
  if (principal.roles.includes('write')) return true;
  const me = principal.userId.toLowerCase();
  return ownerIds.some((id) => id.toLowerCase() === me);
}
