import { editDistance, FuzzyVocabulary, maxEdits } from './fuzzy-vocabulary';

describe('FuzzyVocabulary', () => {
  const vocabulary = new FuzzyVocabulary();
  for (const term of [
    'orders',
    'order',
    'ordering',
    'customers',
    'customer_lifetime_value',
    'revenue',
    'reviews',
    'ada',
    'sessions',
    'payments',
  ])
    vocabulary.add(term);

  it('allows no typo below 4 letters, one from 4, two from 8', () => {
    expect([3, 4, 7, 8, 20].map(maxEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  it('finds words with one typo: substitution, insertion, deletion, swap', () => {
    expect(vocabulary.similar('ordrs').map((s) => s.term)).toEqual(['orders']);
    expect(vocabulary.similar('ordr').map((s) => s.term)).toEqual(['order']);
    expect(vocabulary.similar('oders')).toContainEqual({ term: 'orders', distance: 1 });
    expect(vocabulary.similar('orderss')).toContainEqual({ term: 'orders', distance: 1 });
    expect(vocabulary.similar('ordesr')).toContainEqual({ term: 'orders', distance: 1 });
    expect(vocabulary.similar('revenu')).toEqual([{ term: 'revenue', distance: 1 }]);
  });

  it('finds long words with two typos, short ones only with one', () => {
    expect(vocabulary.similar('custmoerz')).toContainEqual({ term: 'customers', distance: 2 });
    expect(vocabulary.similar('sesions')).toContainEqual({ term: 'sessions', distance: 1 });
    expect(vocabulary.similar('sesoins')).not.toContainEqual(expect.objectContaining({ term: 'sessions' }));
    expect(vocabulary.similar('adb')).toEqual([]);
  });

  it('completes prefixes, shortest first', () => {
    expect(vocabulary.withPrefix('ord')).toEqual(['order', 'orders', 'ordering']);
    expect(vocabulary.withPrefix('custo')).toEqual(['customers', 'customer_lifetime_value']);
    expect(vocabulary.withPrefix('zzz')).toEqual([]);
    expect(vocabulary.withPrefix('ord', 1)).toEqual(['order']);
  });

  it('measures the optimal string alignment distance, stopping past the limit', () => {
    expect(editDistance('orders', 'orders', 2)).toBe(0);
    expect(editDistance('orders', 'ordesr', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2); // gave up: more than the limit
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('stays fast on a large vocabulary', () => {
    const big = new FuzzyVocabulary();
    for (let i = 0; i < 50_000; i++) big.add(`table_name_${i.toString(36)}`);
    big.add('transactions');
    expect(big.similar('transactoins').map((s) => s.term)).toEqual(['transactions']);
    expect(big.size).toBe(50_001);
  });
});
