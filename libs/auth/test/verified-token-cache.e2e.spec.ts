import { randomUUID } from 'node:crypto';
import { KeyStore, loadAuthConfig } from '@fram/auth';
import { call, ManualClock, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';
import { handlerRuns, probeModule } from './protected-routes.fixture';

/** A token that passed verification once is remembered, but never beyond what verification would allow. */
describe('remembered (already verified) tokens', () => {
  let idp: TestIssuer;
  let server: RunningApp;
  let clock: ManualClock;
  const read = (token: string) => call(`${server.url}/read`, { token });

  async function start(env: Record<string, string> = {}) {
    clock = new ManualClock();
    server = await startTestApp(probeModule(loadAuthConfig({ AUTH_ISSUERS: idp.issuer, ...env }), clock));
    await server.app.get(KeyStore).keySet(idp.issuer)!.warmUp();
  }

  beforeEach(async () => {
    idp = await TestIssuer.start();
  });
  afterEach(async () => {
    await server?.close();
    await idp.stop();
  });

  /** A token issued now by the app's clock (the test issuer would use the wall clock), valid for `lifeSec`. */
  const tokenFor = (lifeSec: number) => {
    const iat = Math.floor(clock.now() / 1000);
    return idp.token({ iat, exp: iat + lifeSec });
  };

  it('stop working when they expire', async () => {
    await start({ AUTH_CLOCK_TOLERANCE_S: '0' });
    const token = tokenFor(2);
    expect((await read(token)).status).toBe(200);
    expect((await read(token)).status).toBe(200);
    clock.advance(2000);
    expect((await read(token)).status).toBe(401);
  });

  it('work until their expiry plus the clock tolerance', async () => {
    await start({ AUTH_CLOCK_TOLERANCE_S: '30' });
    const token = tokenFor(2);
    expect((await read(token)).status).toBe(200);
    clock.advance(31_000);
    expect((await read(token)).status).toBe(200);
    clock.advance(1000);
    expect((await read(token)).status).toBe(401);
  });

  it('stop working as soon as their key leaves the key set', async () => {
    await start({ AUTH_JWKS_REFETCH_COOLDOWN_S: '0' });
    const token = idp.token();
    expect((await read(token)).status).toBe(200);
    idp.rotate(); // withdraws the old key
    // Any unknown kid makes the service refetch the set, which drops the old key.
    expect((await read(idp.token({}, { header: { kid: randomUUID() } }))).status).toBe(401);
    expect((await read(token)).status).toBe(401);
    expect((await read(idp.token())).status).toBe(200);
  });

  it('are checked for roles on every request like any other', async () => {
    await start();
    const token = idp.token({ scp: ['read:data'] });
    expect((await read(token)).status).toBe(200);
    handlerRuns.count = 0;
    const write = await call(`${server.url}/write`, { token });
    expect(write.status).toBe(403);
    expect(handlerRuns.count).toBe(0);
  });

  it('do not make a changed token acceptable', async () => {
    await start();
    const token = idp.token();
    expect((await read(token)).status).toBe(200);
    expect((await read(`${token}A`)).status).toBe(401);
    expect((await read(token.slice(0, -2))).status).toBe(401);
  });

  it('can be turned off', async () => {
    await start({ AUTH_TOKEN_CACHE_SIZE: '0', AUTH_CLOCK_TOLERANCE_S: '0' });
    const token = tokenFor(2);
    expect((await read(token)).status).toBe(200);
    expect((await read(token)).status).toBe(200);
    clock.advance(2000);
    expect((await read(token)).status).toBe(401);
  });
});
