import { Module } from '@nestjs/common';
import { AuthModule, loadAuthConfig } from '@fram/auth';
import { MetricsModule, WhoAmIModule } from '@fram/service';
import { call, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';

/** `fram_auth_refused_total{reason}`: why clients are refused, for an operator's dashboard. */
describe('refused tokens in /metrics', () => {
  let idp: TestIssuer;
  let server: RunningApp;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    idp = await TestIssuer.start();
    @Module({ imports: [AuthModule.forRoot({ config: loadAuthConfig({ AUTH_ISSUERS: idp.issuer }) }), WhoAmIModule, MetricsModule] })
    class ServiceModule {}
    server = await startTestApp(ServiceModule);
  });
  afterAll(async () => {
    await server?.close();
    await idp?.stop();
  });

  const refused = async () => {
    const metrics = await call(`${server.url}/metrics`, { token: idp.serviceToken('0oa-scraper', []) });
    expect(metrics.status).toBe(200);
    return Object.fromEntries(
      [...metrics.text.matchAll(/^fram_auth_refused_total\{reason="([a-z_]+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]),
    );
  };

  it('starts every reason at 0, and counts each refusal under its reason', async () => {
    const before = await refused();
    expect(before).toMatchObject({
      expired: 0,
      wrong_audience: 0,
      bad_signature: 0,
      wrong_issuer: 0,
      malformed: 0,
      unknown_key: 0,
      missing: 0,
    });

    expect((await call(`${server.url}/whoami`, { token: idp.token({ exp: now() - 3600, iat: now() - 7200 }) })).status).toBe(401);
    expect((await call(`${server.url}/whoami`, { token: idp.token({ aud: 'api://somebody-else' }) })).status).toBe(401);
    expect((await call(`${server.url}/whoami`, { token: idp.token({ aud: 'api://somebody-else' }) })).status).toBe(401);
    expect((await call(`${server.url}/whoami`, { token: 'not-a-jwt' })).status).toBe(401);
    expect((await call(`${server.url}/whoami`)).status).toBe(401);

    const after = await refused();
    expect(after).toMatchObject({ expired: 1, wrong_audience: 2, malformed: 1, missing: 1, bad_signature: 0 });
    expect((await call(`${server.url}/metrics`, { token: idp.serviceToken('0oa-scraper', []) })).text).toContain(
      '# HELP fram_auth_refused_total Bearer tokens refused (401), by reason',
    );
  });
});
