import { Logger } from '@nestjs/common';
import { ManualClock, TestIssuer } from '@fram/testing';
import { AuthUnavailableError, InvalidTokenError } from '../errors/auth-errors';
import { IssuerKeySet } from './issuer-key-set';
import { DiscoveredKeySetSource } from './key-set-source';

describe('IssuerKeySet', () => {
  let idp: TestIssuer;
  let clock: ManualClock;

  beforeAll(() => Logger.overrideLogger(['fatal'])); // failed fetches are expected here

  beforeEach(async () => {
    idp = await TestIssuer.start({ keys: 2 });
    clock = new ManualClock(1_000_000);
  });
  afterEach(() => idp.stop());

  const keySet = (options: Partial<{ maxAgeMs: number; refetchCooldownMs: number }> = {}) =>
    new IssuerKeySet(idp.issuer, new DiscoveredKeySetSource(idp.issuer, 2000), {
      maxAgeMs: options.maxAgeMs ?? 60_000,
      refetchCooldownMs: options.refetchCooldownMs ?? 30_000,
      clock,
    });

  it('discovers the key set, parses each key once and answers known kids from memory', async () => {
    const set = keySet();
    const key = await set.getKey(idp.activeKey.kid);
    expect(key.key.asymmetricKeyType).toBe('rsa');
    expect(key.alg).toBe('RS256');
    for (let i = 0; i < 50; i++) expect(await set.getKey(idp.activeKey.kid)).toBe(key);
    expect(idp.requests).toEqual({ discovery: 1, keys: 1, other: 0 });
  });

  it('coalesces concurrent fetches into one', async () => {
    const set = keySet();
    const keys = await Promise.all(Array.from({ length: 100 }, () => set.getKey(idp.activeKey.kid)));
    expect(new Set(keys).size).toBe(1);
    expect(set.fetches).toBe(1);
  });

  it('refetches for an unknown kid at most once per cool-down', async () => {
    const set = keySet({ refetchCooldownMs: 30_000 });
    await set.getKey(idp.activeKey.kid);
    clock.advance(30_000);
    await expect(set.getKey('nope-1')).rejects.toBeInstanceOf(InvalidTokenError);
    expect(set.fetches).toBe(2);
    clock.advance(29_999);
    await expect(Promise.all(['a', 'b', 'c'].map((k) => set.getKey(k)))).rejects.toBeInstanceOf(InvalidTokenError);
    expect(set.fetches).toBe(2);
    clock.advance(1);
    const rotated = idp.rotate();
    await expect(set.getKey(rotated.kid)).resolves.toMatchObject({ kid: rotated.kid });
    expect(set.fetches).toBe(3);
  });

  it('refreshes an old set in the background while its keys keep working', async () => {
    const set = keySet({ maxAgeMs: 60_000 });
    const first = await set.getKey(idp.activeKey.kid);
    clock.advance(60_001);
    idp.setMode({ kind: 'slow', delayMs: 200 });
    const answeredBefore = idp.answered.keys;
    expect(await set.getKey(idp.activeKey.kid)).toBe(first);
    expect(set.fetches).toBe(2);
    expect(idp.answered.keys).toBe(answeredBefore); // the key came before the issuer's (slow) answer
    await set.warmUp(); // joins the running refresh
    expect(set.fetches).toBe(2);
  });

  it('keeps its keys when a background refresh fails, and drops withdrawn keys when one succeeds', async () => {
    const set = keySet({ maxAgeMs: 60_000, refetchCooldownMs: 1000 });
    const old = idp.activeKey.kid;
    await set.getKey(old);
    idp.setMode({ kind: 'refuse' });
    clock.advance(60_001);
    await set.getKey(old);
    await set.warmUp().catch(() => undefined);
    await expect(set.getKey(old)).resolves.toMatchObject({ kid: old });

    idp.setMode({ kind: 'up' });
    const fresh = idp.rotate();
    clock.advance(60_001);
    await set.getKey(old); // still known; triggers the refresh
    await set.warmUp();
    await expect(set.getKey(fresh.kid)).resolves.toMatchObject({ kid: fresh.kid });
    clock.advance(1000);
    await expect(set.getKey(old)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refreshes an old set before telling its state, so a failing issuer shows without any token', async () => {
    const set = keySet({ maxAgeMs: 60_000, refetchCooldownMs: 1000 });
    await expect(set.state()).resolves.toEqual({ keys: 2 });
    clock.advance(60_000);
    await expect(set.state()).resolves.toEqual({ keys: 2 });
    expect(set.fetches).toBe(1); // not old yet
    idp.setMode({ kind: 'error', status: 503 });
    clock.advance(1);
    await expect(set.state()).resolves.toEqual({ keys: 2, error: expect.stringMatching(/503/) });
    expect(set.fetches).toBe(2);
  });

  it('is unavailable, not invalid, when the first fetch fails, and retries soon after', async () => {
    idp.setMode({ kind: 'error', status: 503 });
    const set = keySet();
    await expect(set.getKey(idp.activeKey.kid)).rejects.toBeInstanceOf(AuthUnavailableError);
    await expect(set.getKey(idp.activeKey.kid)).rejects.toBeInstanceOf(AuthUnavailableError);
    expect(set.fetches).toBe(1);
    idp.setMode({ kind: 'up' });
    clock.advance(2000);
    await expect(set.getKey(idp.activeKey.kid)).resolves.toMatchObject({ kid: idp.activeKey.kid });
  });

  it('treats an oversized key set as a failed fetch, and says why', async () => {
    const reasonFor = async (shape: Parameters<TestIssuer['setDocumentShape']>[1]) => {
      idp.setDocumentShape('keys', shape);
      const error: unknown = await keySet()
        .getKey(idp.activeKey.kid)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthUnavailableError);
      return String((error as AuthUnavailableError).failure);
    };
    expect(await reasonFor({ bytes: 2 * 1024 * 1024 })).toMatch(/the key set is larger than 1048576 bytes; refused without parsing it/);
    expect(await reasonFor({ extraKeys: 101 })).toMatch(/the key set has 103 keys, more than 100; refused without parsing them/);
  });

  it('refuses a discovery document that names another issuer', async () => {
    // Same discovery URL, but the document names the issuer without the slash.
    const claimed = `${idp.issuer}/`;
    const set = new IssuerKeySet(claimed, new DiscoveredKeySetSource(claimed, 2000), {
      maxAgeMs: 60_000,
      refetchCooldownMs: 0,
      clock,
    });
    await expect(set.getKey(idp.activeKey.kid)).rejects.toBeInstanceOf(AuthUnavailableError);
    expect(idp.requests).toMatchObject({ discovery: 1, keys: 0 });
  });
});
