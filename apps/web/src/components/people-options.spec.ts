import {
  enterChoice,
  MAX_OPTIONS,
  optionsFor,
  personOptions,
  searchSize,
  suggestionsMessage,
  valueAfterPick,
  type Found,
} from './people-options';

const ada = { user_id: 'ada@example.com', email: 'ada@example.com', name: 'Ada Lovelace' };
const alan = { user_id: 'alan@example.com', email: 'alan@example.com', name: 'Alan Turing' };

describe('people picker logic', () => {
  it('asks search for enough people to fill the list, within the API maximum of 100 per page', () => {
    expect(searchSize(0)).toBe(MAX_OPTIONS);
    expect(searchSize(3)).toBe(MAX_OPTIONS + 3);
    expect(searchSize(500)).toBe(100);
  });

  it('makes options of search hits, names first, without people already chosen', () => {
    const hits = [
      { user_id: 'ada@example.com', email: 'ada@example.com', full_name: 'Ada Lovelace' },
      { user_id: 'alan@example.com', email: 'Alan@Example.com', display_name: 'Alan' },
      { email: 'grace@example.com' },
      { user_id: 42 },
    ];
    expect(personOptions(hits, new Set(['alan@example.com']))).toEqual([
      ada,
      { user_id: 'grace@example.com', email: 'grace@example.com', name: 'grace@example.com' },
    ]);
    const many = Array.from({ length: 20 }, (_, i) => ({ user_id: `p${i}`, email: `p${i}@example.com` }));
    expect(personOptions(many, new Set())).toHaveLength(MAX_OPTIONS);
  });

  it('shows only the options found for the text now in the field (a late answer for older text shows nothing)', () => {
    const found: Found = { term: 'ad', options: [ada], failed: false };
    expect(optionsFor(found, ' ad ')).toBe(found);
    expect(optionsFor(found, 'ada')).toBeUndefined();
    expect(optionsFor(found, 'a')).toBeUndefined();
    expect(optionsFor(undefined, 'ad')).toBeUndefined();
  });

  it('adds on Enter the highlighted person only while one is highlighted in the open list, else what was typed', () => {
    expect(enterChoice([ada, alan], 1, true, 'al')).toBe('alan@example.com');
    // Typing resets the highlight (-1): Enter then adds the text, not the person highlighted before.
    expect(enterChoice([ada, alan], -1, true, 'grace@example.com')).toBe('grace@example.com');
    expect(enterChoice([ada, alan], 0, false, 'al')).toBe('al');
    // Options for other text are not shown (optionsFor): none to pick from.
    expect(enterChoice(optionsFor({ term: 'ad', options: [ada], failed: false }, 'adam')?.options ?? [], 0, true, 'adam')).toBe('adam');
  });

  it('clears the field after a pick only when it still holds what it held when the pick was made', () => {
    expect(valueAfterPick('ada', 'ada')).toBe('');
    expect(valueAfterPick('alan', 'ada')).toBe('alan');
  });

  it('says when suggestions are unavailable rather than that nobody matches', () => {
    expect(suggestionsMessage({ term: 'ad', options: [], failed: true }, true)).toBe('Suggestions unavailable');
    expect(suggestionsMessage({ term: 'ad', options: [], failed: false }, true)).toBe('No matching people');
    expect(suggestionsMessage({ term: 'ad', options: [ada, alan], failed: false }, true)).toBe(
      '2 matching people; use the arrow keys to choose',
    );
    expect(suggestionsMessage({ term: 'ad', options: [ada], failed: false }, false)).toBe('');
    expect(suggestionsMessage(undefined, true)).toBe('');
  });
});
