import { InvalidUserError, normalizeUser } from './user';
import { parseTableKey, tableKey } from './table';

describe('normalizeUser (Amundsen UserSchema rules)', () => {
  it('fills user_id, full_name and display_name, and drops unknown keys', () => {
    const user = normalizeUser({ email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', shoe_size: 38 });
    expect(user).toMatchObject({
      user_id: 'ada@example.com',
      full_name: 'Ada Lovelace',
      display_name: 'Ada Lovelace',
      is_active: true,
      profile_url: '',
    });
    expect(user).not.toHaveProperty('shoe_size');
  });
  it('falls back to the email for the display name', () => {
    expect(normalizeUser({ email: 'x@example.com' }).display_name).toBe('x@example.com');
  });
  it('refuses a user without id or email, or without any name', () => {
    expect(() => normalizeUser({ first_name: 'A' })).toThrow(new InvalidUserError('"user_id" or "email" must be provided'));
    expect(() => normalizeUser({ user_id: 'u1' })).toThrow('"display_name", "full_name", or "email" must be provided');
  });
  it('keeps only string values in other_key_values, and false is_active', () => {
    expect(normalizeUser({ email: 'a@b.c', is_active: false, other_key_values: { mode: 'x', n: 1 } })).toMatchObject({
      is_active: false,
      other_key_values: { mode: 'x' },
    });
  });
});

describe('table keys', () => {
  it('parse and format {db}://{cluster}.{schema}/{table}', () => {
    expect(parseTableKey('hive://gold.core/orders')).toEqual({ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' });
    expect(parseTableKey('snowflake://prod.analytics.sub/t')).toEqual({
      database: 'snowflake',
      cluster: 'prod',
      schema: 'analytics.sub',
      name: 't',
    });
    expect(tableKey({ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' })).toBe('hive://gold.core/orders');
    for (const bad of ['orders', 'hive://gold/orders', 'hive://gold.core/orders/extra', 'hive:/gold.core/x'])
      expect(parseTableKey(bad)).toBeUndefined();
  });
});
