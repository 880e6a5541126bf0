import type { SeedUser } from '../seed/seed';
import { FILTERABLE_FIELDS } from '../directory/directory';

/** A bad `filter` or `search` expression (Okta answers 400 E0000031). */
export class InvalidSearchError extends Error {}

type Field = (typeof FILTERABLE_FIELDS)[number];
interface Condition {
  field: Field;
  op: 'eq' | 'sw';
  value: string;
}
/** OR of ANDs: `a and b or c` is `(a and b) or c`, as in Okta's filter language. */
export type Filter = Condition[][];

const TOKEN = /\s*(?:"((?:[^"\\]|\\.)*)"|([A-Za-z.]+))/y;

/**
 * Parses Okta's `filter` expressions: `profile.email eq "a@b.com"`, joined by
 * `and` / `or`, over the fields Okta allows (`status`, `lastUpdated`, `id`,
 * `profile.login`, `profile.email`, `profile.firstName`, `profile.lastName`).
 */
export function parseFilter(text: string): Filter {
  const tokens: { quoted: boolean; text: string }[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(text);
    if (!match) throw new InvalidSearchError(`cannot read the filter at "${text.slice(position, position + 20)}"`);
    tokens.push(match[1] !== undefined ? { quoted: true, text: match[1].replace(/\\(.)/g, '$1') } : { quoted: false, text: match[2] });
    position = TOKEN.lastIndex;
  }
  const filter: Filter = [[]];
  for (let i = 0; i < tokens.length;) {
    const [field, op, value, joiner] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]];
    if (!field || field.quoted || !(FILTERABLE_FIELDS as readonly string[]).includes(field.text)) {
      throw new InvalidSearchError(`cannot filter on ${field ? field.text : 'nothing'}`);
    }
    if (!op || op.quoted || !['eq', 'sw'].includes(op.text)) throw new InvalidSearchError('the operator must be eq or sw');
    if (!value || !value.quoted) throw new InvalidSearchError('the value must be in double quotes');
    filter[filter.length - 1].push({ field: field.text as Field, op: op.text as Condition['op'], value: value.text });
    i += 3;
    if (joiner === undefined) break;
    if (joiner.quoted || !['and', 'or'].includes(joiner.text)) throw new InvalidSearchError('conditions are joined by and / or');
    if (joiner.text === 'or') filter.push([]);
    i += 1;
    if (i >= tokens.length) throw new InvalidSearchError('the filter ends with and / or');
  }
  if (filter.some((group) => group.length === 0)) throw new InvalidSearchError('empty filter');
  return filter;
}

export function matchesFilter(user: SeedUser, filter: Filter): boolean {
  return filter.some((group) => group.every((condition) => matches(user, condition)));
}

function matches(user: SeedUser, { field, op, value }: Condition): boolean {
  const actual = fieldValue(user, field);
  if (actual === undefined) return false;
  // Okta compares profile strings case-insensitively.
  const a = actual.toLowerCase();
  const v = value.toLowerCase();
  return op === 'eq' ? a === v : a.startsWith(v);
}

function fieldValue(user: SeedUser, field: Field): string | undefined {
  switch (field) {
    case 'status':
      return user.status;
    case 'id':
      return user.id;
    case 'lastUpdated':
      return undefined;
    default:
      return user.profile[field.slice('profile.'.length) as 'login' | 'email' | 'firstName' | 'lastName'];
  }
}

/** `q`: a starts-with match on first name, last name or email, case-insensitive. */
export function matchesQuery(user: SeedUser, q: string): boolean {
  const prefix = q.trim().toLowerCase();
  if (prefix === '') return true;
  const { firstName, lastName, email } = user.profile;
  return [firstName, lastName, email].some((value) => value.toLowerCase().startsWith(prefix));
}
