import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { tokenRefusalOf, type Principal } from '@fram/auth';

/** An unmatched path is logged as it is (without its query), up to this length. */
const MAX_PATH_LENGTH = 200;

type Request = IncomingMessage & { route?: { path?: unknown }; originalUrl?: string; user?: Principal };

/**
 * The request's route: the pattern it matched (`/table/*path`, never the keys
 * in it), or else its path without the query string (which may hold codes,
 * states or tokens).
 */
function routeOf(req: Request): string {
  const pattern = req.route?.path;
  if (typeof pattern === 'string') return pattern;
  if (Array.isArray(pattern) && typeof pattern[0] === 'string') return pattern[0];
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  return path.length > MAX_PATH_LENGTH ? `${path.slice(0, MAX_PATH_LENGTH)}…` : path;
}

/** Who called: a person's user id, or a service's client id (from the verified token); why a token was refused. */
function callerOf(req: Request): Record<string, string> {
  const principal = req.user;
  const refused = tokenRefusalOf(req);
  return {
    ...(principal?.kind === 'user' && { user: principal.userId }),
    ...(principal?.kind === 'service' && { client: principal.clientId ?? principal.userId }),
    ...(refused !== undefined && { refused }),
  };
}

function requestLine(req: Request, res: ServerResponse, durationMs: number) {
  return { requestId: req.id, method: req.method, route: routeOf(req), status: res.statusCode, durationMs, ...callerOf(req) };
}

const message = (req: Request, res: ServerResponse, durationMs: number) =>
  `${req.method} ${routeOf(req)} ${res.statusCode} ${durationMs} ms`;

/**
 * pino-http, writing one line per request when it is answered (or the client
 * goes away): method, route, status, duration in ms, the caller, a refused
 * token's reason, and the request id (from requestIds(), which runs first);
 * 5xx at `warn`, everything else at `info`. Never headers, cookies or the
 * query string.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp<Request, ServerResponse>({
    logger,
    wrapSerializers: false,
    serializers: { req: () => undefined, res: () => undefined },
    customAttributeKeys: { responseTime: 'durationMs' },
    // The error itself is logged where it happens (ErrorResponseFilter, with the request id).
    customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'warn' : 'info'),
    customSuccessObject: (req, res, value: { durationMs: number }) => requestLine(req, res, value.durationMs),
    customErrorObject: (req, res, _error, value: { durationMs: number }) => requestLine(req, res, value.durationMs),
    customSuccessMessage: (req, res, durationMs) => message(req, res, durationMs),
    customErrorMessage: (req, res, _error, durationMs?: number) => message(req, res, durationMs ?? 0),
  });
}
