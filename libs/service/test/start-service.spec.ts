import { Logger, Module } from '@nestjs/common';
import { AuthModule } from '@fram/auth';
import { HealthModule, startService } from '@fram/service';
import { withEnv } from '@fram/testing';

@Module({ imports: [AuthModule.forRoot(), HealthModule] })
class AppModule {}

describe('startService', () => {
  let errors: string[];
  beforeEach(() => {
    errors = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    Logger.overrideLogger(['fatal']); // startService set the levels of the whole process
    process.exitCode = undefined;
  });

  it('refuses to start on a bad configuration, naming every variable and what to set, without a stack', async () => {
    const app = await withEnv({ AUTH_CLOCK_TOLERANCE_S: '900', AUTH_ALGORITHMS: 'HS256', PORT: '0' }, () =>
      startService({ name: 'test', module: AppModule, defaultPort: 0 }),
    );
    expect(app).toBeUndefined();
    expect(process.exitCode).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('AUTH_ALGORITHMS: must list asymmetric algorithms');
    expect(errors[0]).toContain('AUTH_CLOCK_TOLERANCE_S: must be a whole number from 0 to 300 seconds (got "900")');
    expect(errors[0]).not.toMatch(/\n\s+at /);
  });

  it('starts and listens with a good configuration', async () => {
    const app = await withEnv({ PORT: '0', AUTH_ISSUERS: 'http://127.0.0.1:9/oauth2/default', LOG_LEVEL: 'warn' }, () =>
      startService({ name: 'test', module: AppModule, defaultPort: 0 }),
    );
    expect(app).toBeDefined();
    const address = app!.getHttpServer().address() as { address: string; port: number };
    expect(address.address).toBe('127.0.0.1');
    const response = await fetch(`http://127.0.0.1:${address.port}/healthcheck`);
    expect(response.status).toBe(200);
    await app!.close();
  });
});
