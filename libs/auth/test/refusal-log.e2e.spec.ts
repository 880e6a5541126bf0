import { Logger } from '@nestjs/common';
import { KeyStore, loadAuthConfig } from '@fram/auth';
import { call, ManualClock, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';
import { probeModule } from './protected-routes.fixture';

/**
 * The guard logs refused tokens at the default level (warn; log for a missing
 * token) with the reason and the route, never the token, and at most one line
 * per reason every 10 s on the app's Clock; the next line says how many were
 * left out.
 */
describe('log lines of refused bearer tokens', () => {
  let idp: TestIssuer;
  let server: RunningApp;
  const clock = new ManualClock();
  const lines: { level: string; text: string }[] = [];

  beforeAll(async () => {
    idp = await TestIssuer.start();
    server = await startTestApp(probeModule(loadAuthConfig({ AUTH_ISSUERS: idp.issuer }), clock));
    await server.app.get(KeyStore).keySet(idp.issuer)!.warmUp();
    for (const level of ['warn', 'log', 'debug', 'error'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation(function (this: Logger, ...args: unknown[]) {
        if ((this as unknown as { context?: string }).context === 'Auth') lines.push({ level, text: String(args[0]) });
      });
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await server?.close();
    await idp?.stop();
  });
  beforeEach(() => {
    lines.length = 0;
  });

  const now = () => Math.floor(clock.now() / 1000);
  const send = (token: string, path = '/read') => call(`${server.url}${path}`, { token });
  const expired = () => idp.token({ iat: now() - 7200, exp: now() - 3600 });

  it('logs a refusal at warn with its reason, route and detail, never the token', async () => {
    const token = idp.token({ aud: 'api://elsewhere' });
    expect((await send(token, '/write')).status).toBe(401);
    expect(lines).toEqual([
      { level: 'warn', text: expect.stringMatching(/^Refused an access token \(wrong_audience\) at GET \/write: jwt audience invalid/) },
    ]);
    for (const part of token.split('.')) expect(lines[0].text).not.toContain(part.slice(0, 16));
    clock.advance(10_000);
  });

  it('logs one line per reason every 10 s; the next one says how many were left out', async () => {
    for (let i = 0; i < 4; i++) expect((await send(expired())).status).toBe(401);
    expect((await send('garbage')).status).toBe(401); // another reason has its own allowance
    expect(lines.map((l) => l.text)).toEqual([
      expect.stringMatching(/^Refused an access token \(expired\) at GET \/read: jwt expired$/),
      expect.stringMatching(/^Refused an access token \(malformed\) at GET \/read: /),
    ]);

    clock.advance(9_999);
    expect((await send(expired())).status).toBe(401);
    expect(lines).toHaveLength(2);

    clock.advance(1);
    expect((await send(expired())).status).toBe(401);
    expect(lines.map((l) => l.text)).toEqual([
      expect.anything(),
      expect.anything(),
      'Refused an access token (expired) at GET /read: jwt expired; 4 more since the last such line, not logged',
    ]);

    clock.advance(10_000);
    expect((await send(expired())).status).toBe(401);
    expect(lines[3].text).toBe('Refused an access token (expired) at GET /read: jwt expired');
  });

  it('logs a request without a token at the log level', async () => {
    clock.advance(10_000);
    expect((await call(`${server.url}/admin`)).status).toBe(401);
    expect(lines).toEqual([{ level: 'log', text: 'Refused an access token (missing) at GET /admin: No auth token' }]);
  });
});
