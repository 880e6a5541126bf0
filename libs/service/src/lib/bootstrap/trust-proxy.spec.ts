import { ConfigError } from '@fram/config';
import { readTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('is off when unset or empty', () => {
    expect(readTrustProxy({})).toBe(false);
    expect(readTrustProxy({ TRUST_PROXY: '' })).toBe(false);
  });

  it("takes a hop count or the proxies' addresses, ranges and range names", () => {
    expect(readTrustProxy({ TRUST_PROXY: '1' })).toBe(1);
    expect(readTrustProxy({ TRUST_PROXY: ' 2 ' })).toBe(2);
    expect(readTrustProxy({ TRUST_PROXY: 'loopback, uniquelocal' })).toEqual(['loopback', 'uniquelocal']);
    expect(readTrustProxy({ TRUST_PROXY: '10.0.0.7,172.16.0.0/12,fd00::/8,::1' })).toEqual([
      '10.0.0.7',
      '172.16.0.0/12',
      'fd00::/8',
      '::1',
    ]);
  });

  it.each([
    'all',
    'true',
    'yes please',
    '0.0.0.0/0',
    '::/0',
    '2000::/3',
    '10.0.0.0/7',
    '10.0.0.0/33',
    '10.0.0.300',
    'proxy.example.com',
    '1.2.3.4/8/9',
    '100',
  ])('refuses %s, naming the variable and what to set', (value) => {
    expect(() => readTrustProxy({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => readTrustProxy({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: must be a hop count .* or the addresses of the proxies/);
  });
});
