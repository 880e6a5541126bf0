import { mayEdit, type Principal } from '@fram/auth';
import type { User } from '@fram/models';

/**
 * Whether the caller may edit a resource with these owners: the rule metadata
 * enforces (mayEdit), an owner known by user id or email. The UI shows edit
 * controls only when this is true; metadata still decides every edit.
 */
export function canEdit(principal: Principal, owners: readonly Pick<User, 'user_id' | 'email'>[]): boolean {
  return mayEdit(
    principal,
    owners.flatMap((o) => [o.user_id, o.email].filter((id): id is string => typeof id === 'string')),
  );
}
