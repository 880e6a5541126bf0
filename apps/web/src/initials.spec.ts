import { initials } from './initials';

describe('initials', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['Ada King Lovelace', 'AL'],
    ['grace', 'G'],
    ['  Alan   Turing ', 'AT'],
    ['ada.lovelace@example.com', 'AL'],
    ['ken@example.com', 'K'],
    ['émile zola', 'ÉZ'],
    ['𝒜da Byron', '𝒜B'],
    ['Ada Lovelace (Data)', 'AD'],
    ['', '?'],
    ['@example.com', '?'],
  ])('%j → %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
