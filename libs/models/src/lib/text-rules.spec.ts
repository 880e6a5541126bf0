import { descriptionProblem, idProblem, tagProblem, TEXT_LIMITS, truncateText } from './text-rules';
import { parseUser } from './user';

describe('text rules', () => {
  it('bound ids and refuse control characters, bidi marks and lone surrogates', () => {
    expect(idProblem('ada@example.com')).toBeUndefined();
    expect(idProblem('a'.repeat(TEXT_LIMITS.id + 1))).toBe('is longer than 320 characters');
    for (const bad of ['a\u0000b', 'a\r\nb', 'a\u007fb', 'a\u0085b']) expect(idProblem(bad)).toMatch(/control character/);
    for (const bad of ['a\u202ab', 'a\u202eb', 'a\u2066b', 'a\u2069b']) expect(idProblem(bad)).toMatch(/bidirectional/);
    expect(idProblem('a\ud800b')).toMatch(/lone surrogate/);
  });
  it('let descriptions span lines and hold whole emoji, not lone surrogates or other controls', () => {
    expect(descriptionProblem('Orders\n\tper day \ud83d\ude00\r\n')).toBeUndefined();
    expect(descriptionProblem('half \udc00')).toMatch(/lone surrogate/);
    expect(descriptionProblem('nul \u0000')).toMatch(/control character/);
  });
  it('keep tags to letters, digits, spaces, and _ : . -', () => {
    expect(tagProblem('pii: email-v2.0')).toBeUndefined();
    for (const bad of ['', 'a\nb', 'a/b', 't'.repeat(101)]) expect(tagProblem(bad)).toBeDefined();
  });
});

describe('parseUser', () => {
  it('normalises, then names the first field that breaks a rule', () => {
    expect(parseUser({ email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' }).full_name).toBe('Ada Lovelace');
    expect(() => parseUser({ email: 'not-an-address' })).toThrow('"email" must be an email address');
    expect(() => parseUser({ email: 'a@b.c', full_name: 'x'.repeat(201) })).toThrow('"full_name" is longer than 200 characters');
    expect(() => parseUser({ email: 'a@b.c', profile_url: 'javascript:alert(1)' })).toThrow('"profile_url" must be an http(s) URL');
    expect(() => parseUser({ email: 'a@b.c', other_key_values: { mode: 'x\ny' } })).toThrow(
      '"other_key_values" entry "mode" contains a control character',
    );
    // A long email is a fine display name.
    const long = `${'l'.repeat(250)}@example.com`;
    expect(parseUser({ email: long }).display_name).toBe(long);
  });
});

describe('truncateText', () => {
  it('cuts to the limit, never between the halves of a surrogate pair', () => {
    expect(truncateText('abcdef', 4)).toBe('abcd');
    expect(truncateText('abc', 4)).toBe('abc');
    expect(truncateText('ab😀', 3)).toBe('ab');
    expect(truncateText('ab😀', 4)).toBe('ab😀');
  });
});
