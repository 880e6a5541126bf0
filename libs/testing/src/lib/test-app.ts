import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { configureApp } from '@fram/service';

/** A provider a test replaces with its own value. */
export interface ProviderOverride {
  provide: unknown;
  useValue: unknown;
}

export interface RunningApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The service's name: its OpenAPI docs are served (/docs), as main.ts does. */
  service?: string;
  /** A free port unless given. */
  port?: number;
  /** What main.ts does before listening (e.g. the frontend's session middleware). */
  beforeListen?: (app: INestApplication) => void;
  /** Providers replaced for this test, e.g. `{ provide: Clock, useValue: new ManualClock() }`. */
  overrides?: readonly ProviderOverride[];
  /** The process settings configureApp reads (TRUST_PROXY, PUBLIC_URL); none unless given. */
  settings?: Record<string, string | undefined>;
}

/**
 * Starts a Nest module as a real HTTP server on 127.0.0.1, configured exactly
 * as main.ts configures it. `close` stops it.
 */
export async function startTestApp(module: Type<unknown> | DynamicModule, options: TestAppOptions = {}): Promise<RunningApp> {
  const { service, port = 0, beforeListen, overrides = [], settings = {} } = options;
  let builder = Test.createTestingModule({ imports: [module] });
  for (const { provide, useValue } of overrides) builder = builder.overrideProvider(provide).useValue(useValue);
  const moduleRef = await builder.compile();
  // Quiet: warnings such as an unreachable key set are expected in many tests.
  // (The testing module ignores `logger: false`; a list of levels works.)
  const app = moduleRef.createNestApplication({ logger: ['fatal'] });
  configureApp(app, service, undefined, settings);
  beforeListen?.(app);
  await app.listen(port, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** Runs `body` with process.env extended by `vars`, then restores it (for code that reads env at creation). */
export async function withEnv<T>(vars: Record<string, string | undefined>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
