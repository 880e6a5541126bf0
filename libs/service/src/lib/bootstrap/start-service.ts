import { Logger, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, env, EnvReader, type Env } from '@fram/config';
import { ErrorResponseFilter } from '@fram/errors';

export interface ServiceOptions {
  /** Shown in logs, e.g. "metadata". */
  name: string;
  /** The root module. Configuration is read while it is created, so errors are reported here. */
  module: Type<unknown>;
  defaultPort: number;
}

/** What every Fram app does to its Nest application, in main.ts and in tests alike. */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.set('etag', false);
  app.useGlobalFilters(new ErrorResponseFilter());
  app.enableShutdownHooks();
}

/** Where the service listens: PORT and HOST (loopback unless told otherwise). */
export function readListenConfig(source: Env, defaultPort: number): { port: number; host: string } {
  const reader = new EnvReader(source);
  const port = reader.read({ name: 'PORT', schema: env.port(defaultPort) });
  const host = reader.read({ name: 'HOST', schema: env.text('127.0.0.1') });
  reader.done();
  return { port, host };
}

/**
 * Starts a service from main.ts. A configuration error ends the process with
 * its message (which names each variable) and exit code 1, without a stack.
 */
export async function startService(options: ServiceOptions): Promise<INestApplication | undefined> {
  const logger = new Logger(options.name);
  try {
    const listen = readListenConfig(process.env, options.defaultPort);
    const app = await NestFactory.create(options.module, { bufferLogs: false, abortOnError: false });
    configureApp(app);
    await app.listen(listen.port, listen.host);
    logger.log(`Listening on http://${listen.host}:${listen.port}`);
    return app;
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.error(error.message);
    } else {
      logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    process.exitCode = 1;
    return undefined;
  }
}
