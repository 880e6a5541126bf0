import { Logger } from '@nestjs/common';
import { ManualClock, TestIssuer } from '@fram/testing';
import { loadAuthConfig } from '../config/auth-config';
import { KeyStore } from './key-store';

describe('KeyStore.health', () => {
  let idp: TestIssuer;

  beforeAll(() => Logger.overrideLogger(['fatal'])); // failed fetches are expected here
  beforeEach(async () => {
    idp = await TestIssuer.start();
  });
  afterEach(() => idp.stop());

  /** A key store whose sets grow old after 60 s of `clock`. */
  const keyStore = (clock = new ManualClock()) =>
    new KeyStore(loadAuthConfig({ AUTH_ISSUERS: idp.issuer, AUTH_JWKS_MAX_AGE_S: '60', AUTH_JWKS_REFETCH_COOLDOWN_S: '0' }), clock);

  it('is ok with a fresh key set, without fetching it again', async () => {
    const store = keyStore();
    await expect(store.health()).resolves.toEqual({ status: 'ok', issuers: { [idp.issuer]: { status: 'ok', keys: 1 } } });
    await expect(store.health()).resolves.toMatchObject({ status: 'ok' });
    expect(idp.requests.keys).toBe(1);
  });

  it('refreshes a key set older than its max age, and is degraded, naming the error, when the issuer fails meanwhile — with no token checked', async () => {
    const clock = new ManualClock();
    const store = keyStore(clock);
    await expect(store.health()).resolves.toMatchObject({ status: 'ok', issuers: { [idp.issuer]: { status: 'ok', keys: 1 } } });
    idp.setMode({ kind: 'error', status: 503 });
    clock.advance(60_001);
    await expect(store.health()).resolves.toEqual({
      status: 'degraded',
      issuers: { [idp.issuer]: { status: 'degraded', keys: 1, message: expect.stringMatching(/503/) } },
    });

    idp.setMode({ kind: 'up' });
    clock.advance(60_001);
    await expect(store.health()).resolves.toEqual({ status: 'ok', issuers: { [idp.issuer]: { status: 'ok', keys: 1 } } });
  });
});
