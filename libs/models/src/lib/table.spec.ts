import { parseColumnKey, parseTableKey, parseTypeMetadataKey } from './table';

describe('table, column and nested type keys (as databuilder makes them)', () => {
  it('take parts with spaces, not with control characters or extra separators', () => {
    expect(parseTableKey('hive://gold.raw events/page views')).toEqual({
      database: 'hive',
      cluster: 'gold',
      schema: 'raw events',
      name: 'page views',
    });
    expect(parseTableKey('hive://gold.core/orders')).toBeDefined();
    for (const bad of [
      'hive://gold.core/orders\n',
      'hive://gold.core/or\u0000ders',
      'hive://gold/orders',
      'hive://gold.core/a/b',
      'orders',
    ]) {
      expect({ bad, parsed: parseTableKey(bad) }).toEqual({ bad, parsed: undefined });
    }
  });

  it('split a column key into its table and column', () => {
    expect(parseColumnKey('hive://gold.core/orders/amount')).toEqual({ table: 'hive://gold.core/orders', column: 'amount' });
    expect(parseColumnKey('hive://gold.core/orders')).toBeUndefined();
    expect(parseColumnKey('hive://gold.core/orders/')).toBeUndefined();
  });

  it("split a nested type's key into its table and column", () => {
    expect(parseTypeMetadataKey('hive://gold.core/orders/payload/type/payload/user')).toEqual({
      table: 'hive://gold.core/orders',
      column: 'payload',
    });
    for (const bad of [
      'hive://gold.core/orders/payload',
      'hive://gold.core/orders/payload/type',
      'hive://gold.core/orders/payload/kind/payload',
      'hive://gold.core/orders/payload/type//x',
      'hive://gold/orders/payload/type/payload',
    ]) {
      expect({ bad, parsed: parseTypeMetadataKey(bad) }).toEqual({ bad, parsed: undefined });
    }
  });
});
