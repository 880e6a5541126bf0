import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header that carries a request's id, from the caller to every service it reaches, and back in the answer. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What a request id from outside may be: a short token that is safe in a log line and a header. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

const current = new AsyncLocalStorage<string>();

/** The id of the request being handled (in the code it runs), if any. */
export function currentRequestId(): string | undefined {
  return current.getStore();
}

/**
 * Express middleware, first of all: the request's id is the caller's
 * X-Request-Id when that is a safe short token, or else a new UUID. It is
 * set as `req.id` (pino-http logs it), sent back in the answer, and known to
 * everything that runs for the request (currentRequestId: the frontend sends
 * it on to metadata and search).
 */
export function requestIds() {
  return (req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void): void => {
    const sent = req.headers['x-request-id'];
    const id = typeof sent === 'string' && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
    req.id = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    current.run(id, next);
  };
}
