import { randomUUID } from 'node:crypto';
import { KeyStore, loadAuthConfig } from '@fram/auth';
import { call, ManualClock, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';
import { probeModule } from './protected-routes.fixture';

/** Key-set behaviour seen from outside: outages, slowness, rotation and floods, over HTTP. */
describe('issuer key sets at a protected Nest app', () => {
  const running: RunningApp[] = [];
  const issuers: TestIssuer[] = [];

  async function setUp(env: Record<string, string> = {}, options: { warm?: boolean } = {}) {
    const idp = await TestIssuer.start();
    issuers.push(idp);
    if (options.warm === false) idp.setMode({ kind: 'refuse' });
    // The app's time: cool-downs and retry intervals pass when the test advances it.
    const clock = new ManualClock();
    const app = await startTestApp(probeModule(loadAuthConfig({ AUTH_ISSUERS: idp.issuer, ...env }), clock));
    running.push(app);
    if (options.warm !== false) await app.app.get(KeyStore).keySet(idp.issuer)!.warmUp();
    idp.resetCounts();
    return { idp, app, clock, read: (token: string) => call(`${app.url}/read`, { token }) };
  }

  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.close()));
    await Promise.all(issuers.splice(0).map((i) => i.stop()));
  });

  /** Signed by the active key but naming a kid the key set does not have. */
  const unknownKidToken = (idp: TestIssuer) => idp.token({}, { header: { kid: randomUUID() } });

  it('fetches the key set at most once for a flood of unknown kids', async () => {
    const { idp, clock, read } = await setUp({ AUTH_JWKS_REFETCH_COOLDOWN_S: '30' });
    clock.advance(30_000); // past the cool-down of the start-up fetch
    const flood = Array.from({ length: 20 }, () => unknownKidToken(idp));
    const first = await Promise.all(flood.flatMap((t) => [read(t), read(t), read(t), read(t), read(t)]));
    expect(first.every((r) => r.status === 401)).toBe(true);
    expect(idp.requests.keys).toBe(1);

    const second = await Promise.all(flood.map(read));
    expect(second.every((r) => r.status === 401)).toBe(true);
    expect(idp.requests.keys).toBe(1); // still within the cool-down
    expect(idp.requests.discovery).toBe(0); // discovery is remembered
    expect((await read(idp.token())).status).toBe(200);
  });

  it('picks up a rotated key with one refetch once the cool-down has passed', async () => {
    const { idp, clock, read } = await setUp({ AUTH_JWKS_REFETCH_COOLDOWN_S: '30' });
    const before = idp.token();
    clock.advance(30_000);
    idp.rotate();
    const after = idp.token();
    const results = await Promise.all([read(after), read(after), read(after)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(idp.requests.keys).toBe(1);
    // The old key was withdrawn from the set, so tokens signed with it stop working.
    expect((await read(before)).status).toBe(401);
  });

  it('does not refetch for a rotated key within the cool-down, then does after it', async () => {
    const { idp, clock, read } = await setUp({ AUTH_JWKS_REFETCH_COOLDOWN_S: '30' });
    clock.advance(30_000);
    await read(unknownKidToken(idp)); // uses up this cool-down's fetch
    expect(idp.requests.keys).toBe(1);
    idp.rotate({ keepOld: true });
    expect((await read(idp.token())).status).toBe(401);
    clock.advance(29_999);
    expect((await read(idp.token())).status).toBe(401);
    expect(idp.requests.keys).toBe(1);
    clock.advance(1);
    expect((await read(idp.token())).status).toBe(200);
    expect(idp.requests.keys).toBe(2);
  });

  it('keeps serving known keys while the issuer is unreachable', async () => {
    const { idp, read } = await setUp({ AUTH_JWKS_REFETCH_COOLDOWN_S: '0' });
    idp.setMode({ kind: 'refuse' });
    for (let i = 0; i < 5; i++) expect((await read(idp.token())).status).toBe(200);
    idp.setMode({ kind: 'error', status: 500 });
    expect((await read(idp.token())).status).toBe(200);
  });

  it('answers 503, not 401, when no key can be had and the issuer is down', async () => {
    const { idp, read } = await setUp({}, { warm: false });
    const response = await read(idp.token());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.json()).toEqual({
      statusCode: 503,
      message: 'Token verification is temporarily unavailable; try again shortly',
      code: 'auth_unavailable',
    });
    // Bad tokens are still 401: nothing is fetched for them.
    expect((await call(`${running[0].url}/read`, { token: 'a.b.c' })).status).toBe(401);
  });

  it('answers 503 for an unknown kid while the issuer is down, since the key may be new', async () => {
    const { idp, read } = await setUp({ AUTH_JWKS_REFETCH_COOLDOWN_S: '0' });
    idp.setMode({ kind: 'error', status: 502 });
    expect((await read(unknownKidToken(idp))).status).toBe(503);
    expect((await read(idp.token())).status).toBe(200);
  });

  it('recovers by itself when the issuer comes back', async () => {
    const { idp, clock, read } = await setUp({}, { warm: false });
    expect((await read(idp.token())).status).toBe(503);
    idp.setMode({ kind: 'up' });
    expect((await read(idp.token())).status).toBe(503); // within the retry interval after a failed fetch
    clock.advance(2000);
    expect((await read(idp.token())).status).toBe(200);
  });

  it('gives up on a slow issuer after the timeout with 503, and waits for a merely slowish one', async () => {
    const slow = await setUp({ AUTH_JWKS_TIMEOUT_MS: '300' }, { warm: false });
    slow.idp.setMode({ kind: 'slow', delayMs: 2000 });
    expect((await slow.read(slow.idp.token())).status).toBe(503);
    expect(slow.idp.answered).toEqual({ discovery: 0, keys: 0, other: 0 }); // it did not wait for the issuer's answer

    const slowish = await setUp({ AUTH_JWKS_TIMEOUT_MS: '2000' }, { warm: false });
    slowish.idp.setMode({ kind: 'slow', delayMs: 150 });
    const results = await Promise.all(Array.from({ length: 10 }, () => slowish.read(slowish.idp.token())));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(slowish.idp.requests.keys).toBe(1); // concurrent cold requests share one fetch
  });

  describe('oversized documents (over 1 MiB, or over 100 keys) are refused, not parsed', () => {
    const MiB = 1024 * 1024;
    type DocumentShape = NonNullable<Parameters<TestIssuer['setDocumentShape']>[1]>;

    /** An app trusting a well-behaved issuer and one whose key set (or discovery document) has `shape`. */
    async function withBloatedIssuer(route: 'discovery' | 'keys', shape: DocumentShape, env: Record<string, string> = {}) {
      const [good, bloated] = await Promise.all([TestIssuer.start(), TestIssuer.start({ path: '/oauth2/bloated' })]);
      issuers.push(good, bloated);
      bloated.setDocumentShape(route, shape);
      const app = await startTestApp(probeModule(loadAuthConfig({ AUTH_ISSUERS: `${good.issuer},${bloated.issuer}`, ...env })));
      running.push(app);
      const read = (token: string) => call(`${app.url}/read`, { token });
      return { good, bloated, app, read };
    }

    /** Tokens of the bloated issuer get 503; the service keeps answering everything else. */
    async function expectRefusedKeySet({ good, bloated, app, read }: Awaited<ReturnType<typeof withBloatedIssuer>>) {
      const response = await read(bloated.token());
      expect(response.status).toBe(503);
      expect(response.json()).toMatchObject({ code: 'auth_unavailable' });
      expect((await read(good.token())).status).toBe(200);
      expect((await call(`${app.url}/open`)).status).toBe(200);
    }

    it('refuses a 2 MiB key set announced by Content-Length', async () => {
      await expectRefusedKeySet(await withBloatedIssuer('keys', { bytes: 2 * MiB }));
    });

    it('refuses a key set that passes 1 MiB while it is read (no Content-Length)', async () => {
      await expectRefusedKeySet(await withBloatedIssuer('keys', { bytes: 2 * MiB, chunked: true }));
      await expectRefusedKeySet(await withBloatedIssuer('keys', { bytes: MiB + 1, chunked: true }));
    });

    it('stops reading a key set that never ends', async () => {
      // The timeout is long so that only the byte limit can end the read.
      await expectRefusedKeySet(await withBloatedIssuer('keys', { endless: true }, { AUTH_JWKS_TIMEOUT_MS: '60000' }));
    });

    it('refuses a key set of 101 keys', async () => {
      await expectRefusedKeySet(await withBloatedIssuer('keys', { extraKeys: 100 }));
    });

    it('refuses a discovery document over 1 MiB', async () => {
      const setup = await withBloatedIssuer('discovery', { bytes: 2 * MiB });
      await expectRefusedKeySet(setup);
      expect(setup.bloated.requests.keys).toBe(0);
    });

    it('accepts a key set of exactly 1 MiB, and one of 100 keys', async () => {
      const big = await withBloatedIssuer('keys', { bytes: MiB, chunked: true });
      expect((await big.read(big.bloated.token())).status).toBe(200);
      const many = await withBloatedIssuer('keys', { extraKeys: 99 });
      expect((await many.read(many.bloated.token())).status).toBe(200);
    });

    it('keeps the known keys when a refreshed key set is oversized', async () => {
      const { idp, read } = await setUp({ AUTH_JWKS_REFETCH_COOLDOWN_S: '0' });
      idp.setDocumentShape('keys', { bytes: 2 * MiB });
      expect((await read(unknownKidToken(idp))).status).toBe(503); // the refetch is refused
      expect(idp.requests.keys).toBe(1);
      expect((await read(idp.token())).status).toBe(200);
    });
  });
});
