import { InsufficientScopeError } from '@fram/auth';
import { normalizeUser, parseUser, USER_FIELDS, type User } from '@fram/models';

/** What a person may change in their own profile: how they are shown. Ids, email, status, manager and links are the directory's or an admin's. */
export const SELF_EDITABLE_FIELDS: readonly (keyof User)[] = [
  'first_name',
  'last_name',
  'full_name',
  'display_name',
  'github_username',
  'team_name',
  'slack_id',
  'role_name',
];

const CASE_INSENSITIVE: readonly (keyof User)[] = ['user_id', 'email', 'manager_email'];

function same(field: keyof User, sent: unknown, current: unknown): boolean {
  if (typeof sent === 'string' && typeof current === 'string' && CASE_INSENSITIVE.includes(field))
    return sent.toLowerCase() === current.toLowerCase();
  if (typeof sent === 'object' && sent !== null && typeof current === 'object' && current !== null) {
    const sorted = (o: object) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
    return sorted(sent) === sorted(current);
  }
  return sent === current;
}

/**
 * A person's `PUT /user` of their own profile: the display fields are
 * replaced by what they sent (as Amundsen's PUT replaces a user); every
 * other field keeps its current value. Sending another value for one of
 * those (another email, say) is refused, and so is invalid text.
 */
export function applyOwnProfileEdit(current: User, body: Record<string, unknown>): User {
  // The body's values as they would be stored, current values filling what it leaves out.
  const sent = normalizeUser({ ...current, ...body });
  const refused = USER_FIELDS.filter((f) => f in body && !SELF_EDITABLE_FIELDS.includes(f) && !same(f, sent[f], current[f]));
  if (refused.length > 0) {
    throw new InsufficientScopeError(
      [],
      `the "admin" role to change ${refused.map((f) => `"${f}"`).join(', ')}: a person may change only ${SELF_EDITABLE_FIELDS.join(', ')} of their own profile`,
    );
  }
  const kept = Object.fromEntries(USER_FIELDS.filter((f) => !SELF_EDITABLE_FIELDS.includes(f)).map((f) => [f, current[f]]));
  const shown = Object.fromEntries(SELF_EDITABLE_FIELDS.filter((f) => f in body).map((f) => [f, body[f]]));
  return parseUser({ ...kept, ...shown });
}
