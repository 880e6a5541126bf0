import type { User } from './amundsen-schemas';
import { emailProblem, idProblem, lineProblem, nameProblem, TEXT_LIMITS, urlProblem } from './text-rules';

export type { User } from './amundsen-schemas';

export type UserInput = Partial<Omit<User, 'other_key_values'>> & { other_key_values?: Record<string, string> };

/** A user that cannot be normalised (Amundsen's validation messages). */
export class InvalidUserError extends Error {}

const FIELDS: readonly (keyof User)[] = [
  'user_id',
  'email',
  'first_name',
  'last_name',
  'full_name',
  'display_name',
  'is_active',
  'github_username',
  'team_name',
  'slack_id',
  'employee_type',
  'manager_fullname',
  'manager_email',
  'manager_id',
  'role_name',
  'profile_url',
  'other_key_values',
];

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * Applies UserSchema's rules: unknown keys dropped; `user_id` defaults to
 * `email`; `full_name` to first + last; `display_name` to `full_name`, else
 * `email`; `is_active` to true. Needs `user_id` or `email`, and one of
 * `display_name`, `full_name` or `email`.
 */
export function normalizeUser(input: Record<string, unknown>): User {
  const email = text(input['email']);
  const userId = text(input['user_id']) ?? email;
  if (userId === null) throw new InvalidUserError('"user_id" or "email" must be provided');
  const first = text(input['first_name']);
  const last = text(input['last_name']);
  const fullName = text(input['full_name']) ?? (first !== null && last !== null ? `${first} ${last}` : null);
  const displayName = text(input['display_name']) ?? fullName ?? email;
  if (displayName === null) throw new InvalidUserError('"display_name", "full_name", or "email" must be provided');
  const others = input['other_key_values'];
  return {
    user_id: userId,
    email: email ?? '',
    first_name: first,
    last_name: last,
    full_name: fullName,
    display_name: displayName,
    is_active: input['is_active'] === undefined || input['is_active'] === null ? true : input['is_active'] === true,
    github_username: text(input['github_username']),
    team_name: text(input['team_name']),
    slack_id: text(input['slack_id']),
    employee_type: text(input['employee_type']),
    manager_fullname: text(input['manager_fullname']),
    manager_email: text(input['manager_email']),
    manager_id: text(input['manager_id']),
    role_name: text(input['role_name']),
    profile_url: text(input['profile_url']) ?? '',
    other_key_values:
      typeof others === 'object' && others !== null && !Array.isArray(others)
        ? Object.fromEntries(Object.entries(others).filter((e): e is [string, string] => typeof e[1] === 'string'))
        : {},
  };
}

export const USER_FIELDS = FIELDS;

type Check = (value: string) => string | undefined;

const CHECKS: readonly [keyof User, Check][] = [
  ['user_id', idProblem],
  ['email', emailProblem],
  ...(
    [
      'first_name',
      'last_name',
      'full_name',
      'github_username',
      'team_name',
      'slack_id',
      'employee_type',
      'manager_fullname',
      'role_name',
    ] as const
  ).map((field): [keyof User, Check] => [field, nameProblem]),
  ['manager_email', emailProblem],
  ['manager_id', idProblem],
  ['profile_url', urlProblem],
];

const MAX_OTHER_KEY_VALUES = 100;

/**
 * `normalizeUser`, then the limits on what may be written (TEXT_LIMITS): ids,
 * emails and names bounded, on one line, without control characters or
 * bidirectional overrides; links http(s). For users written by people and
 * ingestion; reads stay lenient.
 */
export function parseUser(input: Record<string, unknown>): User {
  const user = normalizeUser(input);
  for (const [field, check] of CHECKS) {
    const value = user[field];
    if (typeof value !== 'string' || value === '') continue;
    const problem = check(value);
    if (problem) throw new InvalidUserError(`"${field}" ${problem}`);
  }
  // The display name may be the email, which has its own (longer) limit.
  const displayProblem = user.display_name === user.email ? undefined : nameProblem(user.display_name);
  if (displayProblem) throw new InvalidUserError(`"display_name" ${displayProblem}`);
  const others = Object.entries(user.other_key_values);
  if (others.length > MAX_OTHER_KEY_VALUES) throw new InvalidUserError(`"other_key_values" has more than ${MAX_OTHER_KEY_VALUES} entries`);
  for (const [key, value] of others) {
    const problem = (key === '' ? 'must not be empty' : nameProblem(key)) ?? lineProblem(value, TEXT_LIMITS.url);
    if (problem) throw new InvalidUserError(`"other_key_values" entry ${JSON.stringify(key.slice(0, 50))} ${problem}`);
  }
  return user;
}
