import { Module, type OnModuleInit } from '@nestjs/common';
import { AuthModule, loadAuthConfig } from '@fram/auth';
import { HealthModule, HealthService, MetricsModule, readProcessConfig, WhoAmIModule } from '@fram/service';
import { call, startTestApp, TestIssuer, type RunningApp } from '@fram/testing';

const state = { storeUp: true };

@Module({})
class FakeStoreHealthModule implements OnModuleInit {
  constructor(private readonly health: HealthService) {}
  onModuleInit() {
    this.health.register('EmbeddedStore:connection', async () =>
      state.storeUp ? { status: 'ok' } : { status: 'fail', message: 'database is locked' },
    );
  }
}

describe('the routes every service has', () => {
  let idp: TestIssuer;
  let server: RunningApp;

  beforeAll(async () => {
    idp = await TestIssuer.start();
    @Module({
      imports: [
        AuthModule.forRoot({ config: loadAuthConfig({ AUTH_ISSUERS: idp.issuer }) }),
        HealthModule,
        WhoAmIModule,
        MetricsModule,
        FakeStoreHealthModule,
      ],
    })
    class ServiceModule {}
    server = await startTestApp(ServiceModule);
  });
  afterAll(async () => {
    await server?.close();
    await idp?.stop();
  });

  it("answers /healthcheck in Amundsen's shape, 200 when all checks pass and 503 when one fails", async () => {
    state.storeUp = true;
    const ok = await call(`${server.url}/healthcheck`);
    expect(ok.status).toBe(200);
    expect(ok.json()).toEqual({ status: 'ok', checks: { 'EmbeddedStore:connection': { status: 'ok' } } });
    state.storeUp = false;
    const failing = await call(`${server.url}/healthcheck`);
    expect(failing.status).toBe(503);
    expect(failing.json()).toEqual({
      status: 'fail',
      checks: { 'EmbeddedStore:connection': { status: 'fail', message: 'database is locked' } },
    });
  });

  it('shows callers their principal on /whoami, whatever their roles', async () => {
    const service = await call(`${server.url}/whoami`, { token: idp.serviceToken('0oa-script', []) });
    expect(service.status).toBe(200);
    expect(service.json()).toMatchObject({ kind: 'service', userId: '0oa-script', roles: [] });
    expect((await call(`${server.url}/whoami`)).status).toBe(401);
  });

  it('serves Prometheus metrics to any valid token: the process, and requests by route pattern and status', async () => {
    await call(`${server.url}/whoami`, { token: idp.serviceToken('0oa-script', []) });
    await call(`${server.url}/whoami`);
    await call(`${server.url}/no/such/route`);
    expect((await call(`${server.url}/metrics`)).status).toBe(401);
    const metrics = await call(`${server.url}/metrics`, { token: idp.serviceToken('0oa-prometheus', []) });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(metrics.text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(metrics.text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(metrics.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/whoami",status="200"\} [1-9]\d*$/m);
    expect(metrics.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/whoami",status="401"\} [1-9]\d*$/m);
    expect(metrics.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} [1-9]\d*$/m);
  });
});

describe('readProcessConfig', () => {
  it('listens on loopback at the default port and logs from "log" up, unless told otherwise', () => {
    expect(readProcessConfig({}, 5002)).toMatchObject({
      port: 5002,
      host: '127.0.0.1',
      logLevels: ['fatal', 'error', 'warn', 'log'],
      logFormat: 'text',
    });
    expect(readProcessConfig({ PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'warn' }, 5002)).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      logLevels: ['fatal', 'error', 'warn'],
    });
    expect(() => readProcessConfig({ PORT: 'http', LOG_LEVEL: 'loud' }, 5002)).toThrow(
      'PORT: must be a whole number from 0 to 65535 (got "http")\n  - LOG_LEVEL: must be one of fatal, error, warn, log, debug, verbose (got "loud")',
    );
  });

  it('logs JSON lines in production and readable text otherwise, unless LOG_FORMAT says which', () => {
    expect(readProcessConfig({ NODE_ENV: 'production' }, 5002).logFormat).toBe('json');
    expect(readProcessConfig({ NODE_ENV: 'development' }, 5002).logFormat).toBe('text');
    expect(readProcessConfig({ NODE_ENV: 'production', LOG_FORMAT: 'text' }, 5002).logFormat).toBe('text');
    expect(readProcessConfig({ LOG_FORMAT: 'json' }, 5002).logFormat).toBe('json');
    expect(() => readProcessConfig({ LOG_FORMAT: 'pretty' }, 5002)).toThrow('LOG_FORMAT: must be json or text (got "pretty")');
  });
});
