import { KeyStore, loadAuthConfig } from '@fram/auth';
import { call, ManualClock, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';
import { probeModule } from './protected-routes.fixture';

/** Every time check of a bearer token (`exp`, `nbf`, `iat`) reads the app's Clock, not the wall clock. */
describe("bearer tokens on the app's clock", () => {
  let idp: TestIssuer;
  let server: RunningApp;
  const read = (token: string) => call(`${server.url}/read`, { token });

  /** An app whose clock stands `offsetMs` from the wall clock, with a clock tolerance of 30 s. */
  async function start(offsetMs: number): Promise<ManualClock> {
    const clock = new ManualClock(Date.now() + offsetMs);
    server = await startTestApp(probeModule(loadAuthConfig({ AUTH_ISSUERS: idp.issuer, AUTH_CLOCK_TOLERANCE_S: '30' }), clock));
    await server.app.get(KeyStore).keySet(idp.issuer)!.warmUp();
    return clock;
  }

  beforeEach(async () => {
    idp = await TestIssuer.start();
  });
  afterEach(async () => {
    await server?.close();
    await idp.stop();
  });

  it('refuses a token issued (iat) after its now, beyond the tolerance, until its now gets there', async () => {
    const clock = await start(-60_000);
    const token = idp.token(); // iat: the wall clock's now
    expect((await read(token)).status).toBe(401);
    clock.advance(60_000);
    expect((await read(token)).status).toBe(200);
  });

  it('refuses a token before its nbf, beyond the tolerance, and takes it from then on', async () => {
    const clock = await start(0);
    const iat = Math.floor(clock.now() / 1000);
    const token = idp.token({ iat, nbf: iat + 60 });
    expect((await read(token)).status).toBe(401);
    clock.advance(60_000);
    expect((await read(token)).status).toBe(200);
  });

  it('refuses a token the wall clock finds fresh once its now is past the expiry', async () => {
    const clock = await start(0);
    const token = idp.token(); // exp: one hour after the wall clock's now
    expect((await read(token)).status).toBe(200);
    clock.advance(3600_000 + 60_000); // past exp and the tolerance, whatever the wall clock did meanwhile
    expect((await read(token)).status).toBe(401);
  });
});
