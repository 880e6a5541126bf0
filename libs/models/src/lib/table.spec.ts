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

  it("split a nested type's key into its table and the columns it may be a type of (column names may hold /)", () => {
    expect(parseTypeMetadataKey('hive://gold.core/orders/payload/type/payload/user')).toEqual({
      table: 'hive://gold.core/orders',
      columns: ['payload'],
    });
    expect(parseTypeMetadataKey('hive://gold.core/orders/a/b/type/a/b')).toEqual({ table: 'hive://gold.core/orders', columns: ['a/b'] });
    expect(parseTypeMetadataKey('hive://gold.core/orders/a/type/b/type/c')).toEqual({
      table: 'hive://gold.core/orders',
      columns: ['a', 'a/type/b'],
    });
    expect(parseTypeMetadataKey('hive://gold.core/orders/type/type/type')).toEqual({ table: 'hive://gold.core/orders', columns: ['type'] });
    for (const bad of [
      'hive://gold.core/orders/payload',
      'hive://gold.core/orders/payload/type',
      'hive://gold.core/orders/payload/kind/payload',
      'hive://gold.core/orders/payload/type//x',
      'hive://gold/orders/payload/type/payload',
      'hive://gold.core/orders/type/payload',
      'hive://gold.core/orders/payload/type/payload\n',
    ]) {
      expect({ bad, parsed: parseTypeMetadataKey(bad) }).toEqual({ bad, parsed: undefined });
    }
  });
});
