import { Logger as NestLogger, type LoggerService, type LogLevel } from '@nestjs/common';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import { pino, stdSerializers, type DestinationStream, type Level, type Logger, type LoggerOptions } from 'pino';
import { build as prettyStream } from 'pino-pretty';
import type { Env } from '@fram/config';
import { nestLogLevels, readLogSettings, type LogSettings } from './log-settings';
import { currentRequestId } from './request-id';

const PINO_LEVELS: Readonly<Record<LogLevel, Level>> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * Fields that must never reach a log, wherever a log call puts them (the
 * request lines never hold headers or query strings in the first place).
 */
const REDACTED = [
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  ...[
    'token',
    'access_token',
    'refresh_token',
    'id_token',
    'accessToken',
    'refreshToken',
    'idToken',
    'code_verifier',
    'query',
    'client_secret',
    'password',
    'secret',
  ].flatMap((key) => [key, `*.${key}`]),
];

/**
 * The service's logger (pino): LOG_LEVEL's level and above; LOG_FORMAT json
 * (one JSON object per line: ISO time, level name, service name, message and
 * fields) or text (pino-pretty: one readable line each). Written to stdout
 * without blocking (a slow reader of a full pipe must not stall requests),
 * and flushed when the process exits.
 */
export function createServiceLogger(service: string, settings: LogSettings, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    name: service,
    level: PINO_LEVELS[settings.logLevel],
    redact: { paths: REDACTED, censor: '[redacted]' },
    serializers: { err: errorWithoutNeedlessStack },
    // Whatever is logged while a request is handled carries its id.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { requestId };
    },
  };
  if (settings.logFormat === 'json') {
    return pino(
      { ...options, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
      destination ?? pino.destination({ dest: 1, sync: false }),
    );
  }
  return pino(
    options,
    destination ??
      prettyStream({
        sync: false,
        colorize: process.stdout.isTTY === true,
        translateTime: 'SYS:HH:MM:ss.l',
        singleLine: true,
        // The request line's message already says these.
        ignore: 'pid,hostname,context,method,route,status,durationMs',
        messageFormat: '{if context}[{context}] {end}{msg}',
      }),
  );
}

/** Nest's logger (every `new Logger(context)` in the apps) writing through `logger` (nestjs-pino's adapter). */
export function nestLoggerFor(logger: Logger): LoggerService {
  return new NestPinoLogger(new PinoLogger({ pinoHttp: { logger } }), {});
}

export interface ServiceLogging {
  /** pino: for the request lines. */
  logger: Logger;
  /** The same, as Nest's logger. */
  nest: LoggerService;
}

/**
 * Makes the service's logger (LOG_LEVEL, LOG_FORMAT) the one behind Nest's
 * Logger, before anything else is read, so that configuration errors are
 * printed in the chosen format too. Undefined when LOG_LEVEL or LOG_FORMAT
 * itself is wrong: Nest's own logger then prints that error.
 */
export function useServiceLogging(service: string, source: Env): ServiceLogging | undefined {
  const settings = readLogSettings(source);
  if (settings === undefined) return undefined;
  const logger = createServiceLogger(service, settings);
  const nest = nestLoggerFor(logger);
  NestLogger.overrideLogger(nestLogLevels(settings.logLevel));
  NestLogger.overrideLogger(nest);
  return { logger, nest };
}

/** An error's type, message and stack; no stack when it says nothing more than the message (a ConfigError's). */
function errorWithoutNeedlessStack(error: Error): ReturnType<typeof stdSerializers.err> {
  const serialized = stdSerializers.err(error);
  if (serialized.stack === `${error.name}: ${error.message}`) {
    const { stack: _stack, ...rest } = serialized;
    return rest as typeof serialized;
  }
  return serialized;
}
