import { parts, terms, tokenize } from './tokenize';

describe('name-aware tokens', () => {
  it('splits snake_case, camelCase, PascalCase, dots and digits, lower-cased', () => {
    expect(parts('fct_orders_v2')).toEqual(['fct', 'orders', 'v', '2']);
    expect(parts('orderLineItems')).toEqual(['order', 'line', 'items']);
    expect(parts('HTTPRequestLog')).toEqual(['http', 'request', 'log']);
    expect(parts('gold.core.orders')).toEqual(['gold', 'core', 'orders']);
    expect(parts('s3Bucket2024')).toEqual(['s', '3', 'bucket', '2024']);
    expect(parts('Café_Über')).toEqual(['café', 'über']);
  });

  it('adds whole names, joined, so names typed without separators match', () => {
    expect(tokenize('fct_orders_v2 daily')).toEqual([
      { text: 'fctordersv2', position: 0, whole: true },
      { text: 'fct', position: 0, whole: false },
      { text: 'orders', position: 1, whole: false },
      { text: 'v', position: 2, whole: false },
      { text: '2', position: 3, whole: false },
      { text: 'daily', position: 4, whole: false },
    ]);
    expect(terms('hive://gold.core/orders')).toEqual(['hivegoldcoreorders', 'hive', 'gold', 'core', 'orders']);
  });

  it('ignores punctuation and empty input', () => {
    expect(tokenize('  ,;  ')).toEqual([]);
    expect(terms('"orders," (daily).')).toEqual(['orders', 'daily']);
  });
});
