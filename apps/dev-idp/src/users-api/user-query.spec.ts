import seedJson from '../seed/default-seed.json';
import { seedSchema } from '../seed/seed';
import { InvalidSearchError, matchesFilter, matchesQuery, parseFilter } from './user-query';

const users = seedSchema.parse(seedJson).users;
const find = (filter: string) => users.filter((u) => matchesFilter(u, parseFilter(filter))).map((u) => u.profile.login);

describe("Okta's filter language", () => {
  it('matches eq and sw, case-insensitively', () => {
    expect(find('profile.email eq "ada@example.com"')).toEqual(['ada@example.com']);
    expect(find('profile.email eq "ADA@EXAMPLE.COM"')).toEqual(['ada@example.com']);
    expect(find('profile.lastName sw "Ho"')).toEqual(['grace@example.com']);
    expect(find('id eq "00u01ada000000000000"')).toEqual(['ada@example.com']);
  });

  it('joins with and / or, and before or', () => {
    expect(find('profile.firstName eq "Ada" or profile.firstName eq "Alan"')).toEqual(['ada@example.com', 'alan@example.com']);
    expect(find('status eq "ACTIVE" and profile.firstName eq "Grace"')).toEqual(['grace@example.com']);
    expect(find('profile.firstName eq "Ada" and status eq "SUSPENDED" or profile.login eq "ken@example.com"')).toEqual(['ken@example.com']);
  });

  it('reads escaped quotes', () => {
    expect(parseFilter('profile.lastName eq "O\\"Brien"')).toEqual([[{ field: 'profile.lastName', op: 'eq', value: 'O"Brien' }]]);
  });

  it.each([
    'profile.title eq "x"',
    'profile.email = "a"',
    'profile.email eq a',
    'profile.email eq "a" and',
    'profile.email eq "a" xor id eq "b"',
    '"profile.email" eq "a"',
    '',
    'profile.email eq "unterminated',
  ])('refuses %j', (filter) => {
    expect(() => parseFilter(filter)).toThrow(InvalidSearchError);
  });
});

describe('q', () => {
  it('is a starts-with match on first name, last name or email', () => {
    const q = (text: string) => users.filter((u) => matchesQuery(u, text)).map((u) => u.profile.login);
    expect(q('gra')).toEqual(['grace@example.com']);
    expect(q('hopp')).toEqual(['grace@example.com']);
    expect(q('ALAN@')).toEqual(['alan@example.com']);
    expect(q('example')).toEqual([]);
  });
});
