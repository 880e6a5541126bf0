import { Logger } from '@nestjs/common';
import { TestIssuer } from '@fram/testing';
import { loadAuthConfig } from '../config/auth-config';
import { KeyStore } from './key-store';

describe('KeyStore.health', () => {
  let idp: TestIssuer;

  beforeAll(() => Logger.overrideLogger(['fatal'])); // failed fetches are expected here
  beforeEach(async () => {
    idp = await TestIssuer.start();
  });
  afterEach(() => idp.stop());

  /** A key store whose sets grow old after `maxAgeMs` (below AUTH_JWKS_MAX_AGE_S's minimum, to keep the test short). */
  const keyStore = (maxAgeMs: number) => {
    const config = loadAuthConfig({ AUTH_ISSUERS: idp.issuer, AUTH_JWKS_REFETCH_COOLDOWN_S: '0' });
    return new KeyStore({ ...config, jwks: { ...config.jwks, maxAgeMs } });
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('is ok with a fresh key set, without fetching it again', async () => {
    const store = keyStore(60_000);
    await expect(store.health()).resolves.toEqual({ status: 'ok', issuers: { [idp.issuer]: { status: 'ok', keys: 1 } } });
    await expect(store.health()).resolves.toMatchObject({ status: 'ok' });
    expect(idp.requests.keys).toBe(1);
  });

  it('refreshes a key set older than its max age, and is degraded, naming the error, when the issuer fails meanwhile — with no token checked', async () => {
    const store = keyStore(20);
    await expect(store.health()).resolves.toMatchObject({ status: 'ok', issuers: { [idp.issuer]: { status: 'ok', keys: 1 } } });
    idp.setMode({ kind: 'error', status: 503 });
    await pause(30);
    await expect(store.health()).resolves.toEqual({
      status: 'degraded',
      issuers: { [idp.issuer]: { status: 'degraded', keys: 1, message: expect.stringMatching(/503/) } },
    });

    idp.setMode({ kind: 'up' });
    await pause(30);
    await expect(store.health()).resolves.toEqual({ status: 'ok', issuers: { [idp.issuer]: { status: 'ok', keys: 1 } } });
  });
});
