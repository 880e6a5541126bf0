import type { Principal } from '@fram/auth';
import type { User } from '@fram/models';

/**
 * Whether the caller may edit a resource: the same rule metadata enforces
 * (the write role, or being one of its owners). The UI shows edit controls
 * only when this is true; metadata still decides every edit.
 */
export function canEdit(principal: Principal, owners: readonly Pick<User, 'user_id' | 'email'>[]): boolean {
  if (principal.roles.includes('write')) return true;
  const me = principal.userId.toLowerCase();
  return owners.some((o) => o.user_id?.toLowerCase() === me || o.email?.toLowerCase() === me);
}
