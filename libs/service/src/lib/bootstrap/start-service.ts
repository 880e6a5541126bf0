import { Logger, type DynamicModule, type INestApplication, type LogLevel, type Type } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import { ModulesContainer, NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { env, EnvReader, type Env } from '@fram/config';
import { ErrorResponseFilter } from '@fram/errors';
import { MetricsService } from '../metrics/metrics.service';
import { setUpApiDocs } from './api-docs';
import { readSecurityHeadersConfig, securityHeaders } from './security-headers';
import { nestLogLevels, readLogFormat, readLogLevel, type LogFormat } from '../logging/log-settings';
import { requestIds } from '../logging/request-id';
import { requestLogging } from '../logging/request-logging';
import { RequestValidationPipe } from '../validation/request-validation.pipe';
import { ResponseSchemaInterceptor } from '../validation/response-schema.interceptor';
import { useServiceLogging } from '../logging/service-logger';
import { readTrustProxy, trustProxySchema, type TrustProxy } from './trust-proxy';

export interface ServiceOptions {
  /** Shown in logs, e.g. "metadata". */
  name: string;
  /**
   * The root module, or a function that builds it. Configuration is read while
   * it is built or created, so errors are reported by startService.
   */
  module: Type<unknown> | (() => DynamicModule);
  defaultPort: number;
  /** Runs after the app is configured, before it listens (e.g. to mount middleware). */
  beforeListen?: (app: INestApplication) => void;
  /** Runs once the app listens. */
  afterListen?: (url: string) => void;
}

const isModuleClass = (module: ServiceOptions['module']): module is Type<unknown> => module.prototype !== undefined;

/**
 * What every Fram app does to its Nest application, in main.ts and in tests
 * alike: a request id for every request (X-Request-Id), security headers on
 * every answer, errors as JSON, request validation with zod DTOs, metrics. With a service name, the app also
 * serves its OpenAPI docs; with a logger (startService's), it logs one line
 * per request.
 */
export function configureApp(
  app: INestApplication,
  service?: string,
  requestLogger?: PinoLogger,
  /** Where TRUST_PROXY and PUBLIC_URL (HSTS) are read: the process's environment, or a test's variables. */
  settings: Env = process.env,
): void {
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.set('etag', false);
  express.set('trust proxy', readTrustProxy(settings));
  app.use(requestIds());
  if (requestLogger) app.use(requestLogging(requestLogger));
  app.use(securityHeaders(readSecurityHeadersConfig(settings)));
  app.useGlobalFilters(new ErrorResponseFilter());
  // Parameters typed with zod DTOs are parsed (400 on bad input); answers of routes with @ZodResponse are held to their schema.
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalInterceptors(new ResponseSchemaInterceptor(app.get(Reflector)));
  app.enableShutdownHooks();
  const metrics = metricsOf(app);
  if (metrics) app.use(metrics.middleware());
  if (service !== undefined) setUpApiDocs(app, service);
}

/**
 * The app's MetricsService, when it imports MetricsModule. Looked up in the
 * module graph first: asking Nest for a provider the app does not have makes
 * it log an UnknownElementException with a stack trace.
 */
function metricsOf(app: INestApplication): MetricsService | undefined {
  const modules = [...app.get(ModulesContainer).values()];
  return modules.some((module) => module.providers.has(MetricsService)) ? app.get(MetricsService, { strict: false }) : undefined;
}

export interface ProcessConfig {
  port: number;
  host: string;
  /** The levels that are printed: LOG_LEVEL and every level above it. */
  logLevels: LogLevel[];
  /** LOG_FORMAT: json (NODE_ENV=production's default) or text. */
  logFormat: LogFormat;
  /** Which proxies' X-Forwarded-* headers are believed (TRUST_PROXY). */
  trustProxy: TrustProxy;
}

/** Where the service listens (PORT, HOST: loopback unless told otherwise), how much it logs (LOG_LEVEL) and which proxies it believes (TRUST_PROXY). */
export function readProcessConfig(source: Env, defaultPort: number): ProcessConfig {
  const reader = new EnvReader(source);
  const port = reader.read({ name: 'PORT', schema: env.port(defaultPort) });
  const host = reader.read({ name: 'HOST', schema: env.text('127.0.0.1') });
  const level = readLogLevel(reader);
  const logFormat = readLogFormat(reader, source);
  const trustProxy = reader.read({ name: 'TRUST_PROXY', schema: trustProxySchema });
  reader.done();
  return { port, host, logLevels: nestLogLevels(level), logFormat, trustProxy };
}

/**
 * Starts a service from main.ts. A configuration error ends the process with
 * its message (which names each variable) and exit code 1, without a stack.
 */
export async function startService(options: ServiceOptions): Promise<INestApplication | undefined> {
  const logging = useServiceLogging(options.name, process.env);
  const logger = new Logger(options.name);
  let settings: ProcessConfig;
  let root: Type<unknown> | DynamicModule;
  try {
    settings = readProcessConfig(process.env, options.defaultPort);
    Logger.overrideLogger(settings.logLevels);
    root = isModuleClass(options.module) ? options.module : options.module();
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return undefined;
  }
  let app: INestApplication;
  try {
    // Nest logs what fails while the modules are created (ConfigError without a stack).
    app = await NestFactory.create(root, { abortOnError: false, logger: logging?.nest ?? settings.logLevels });
  } catch {
    process.exitCode = 1;
    return undefined;
  }
  configureApp(app, options.name, logging?.logger);
  options.beforeListen?.(app);
  await app.listen(settings.port, settings.host);
  const url = `http://${settings.host}:${settings.port}`;
  logger.log(`Listening on ${url}`);
  options.afterListen?.(url);
  return app;
}
