import { Module } from '@nestjs/common';
import { AuthModule, loadAuthConfig } from '@fram/auth';
import { HealthModule, KeySetHealthModule, WhoAmIModule } from '@fram/service';
import { call, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';

type Health = {
  status: string;
  checks: Record<string, { status: string; issuers: Record<string, { status: string; keys: number; message?: string }> }>;
};

async function startService(issuers: TestIssuer[]): Promise<RunningApp> {
  const config = loadAuthConfig({ AUTH_ISSUERS: issuers.map((i) => i.issuer).join(','), AUTH_JWKS_REFETCH_COOLDOWN_S: '0' });
  @Module({ imports: [AuthModule.forRoot({ config }), HealthModule, KeySetHealthModule, WhoAmIModule] })
  class ServiceModule {}
  return startTestApp(ServiceModule);
}

/** /healthcheck's `KeyStore:key_sets`: each trusted issuer's key set, failing the service when one has no usable key. */
describe('the key-set health check', () => {
  const issuers: TestIssuer[] = [];
  const apps: RunningApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const issuer of issuers) await issuer.stop();
  });
  const health = async (app: RunningApp) => {
    const response = await call(`${app.url}/healthcheck`);
    return { status: response.status, body: response.json<Health>() };
  };

  it('fails (503), naming the issuer, when an issuer has no key set; the others stay ok', async () => {
    const [up, refusing] = [await TestIssuer.start(), await TestIssuer.start()];
    issuers.push(up, refusing);
    refusing.setMode({ kind: 'refuse' });
    const app = await startService([up, refusing]);
    apps.push(app);
    const report = await health(app);
    expect(report.status).toBe(503);
    expect(report.body).toMatchObject({
      status: 'fail',
      checks: {
        'KeyStore:key_sets': {
          status: 'fail',
          issuers: { [up.issuer]: { status: 'ok', keys: 1 }, [refusing.issuer]: { status: 'fail', keys: 0, message: expect.any(String) } },
        },
      },
    });
  });

  it('is degraded, not failing (200), while cached keys cannot be refreshed: tokens are still checked', async () => {
    const issuer = await TestIssuer.start();
    issuers.push(issuer);
    const app = await startService([issuer]);
    apps.push(app);
    expect((await call(`${app.url}/whoami`, { token: issuer.serviceToken('0oa-script', []) })).status).toBe(200);
    expect((await health(app)).body).toMatchObject({ status: 'ok', checks: { 'KeyStore:key_sets': { status: 'ok' } } });

    issuer.setMode({ kind: 'refuse' });
    // A token with a kid the cached set lacks makes the service fetch the set again, which fails.
    expect((await call(`${app.url}/whoami`, { token: issuer.token({}, { header: { kid: 'not-yet-published' } }) })).status).toBe(503);
    const report = await health(app);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      status: 'degraded',
      checks: { 'KeyStore:key_sets': { status: 'degraded', issuers: { [issuer.issuer]: { status: 'degraded', keys: 1 } } } },
    });
    expect((await call(`${app.url}/whoami`, { token: issuer.serviceToken('0oa-script', []) })).status).toBe(200);
  });
});
