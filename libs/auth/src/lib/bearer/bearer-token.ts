import type { IncomingMessage } from 'node:http';

/** Longer than any real access token; anything bigger is refused before parsing. */
export const MAX_TOKEN_LENGTH = 8192;

/** RFC 6750 section 2.1: the scheme (case-insensitive), one space, one b64token. */
const BEARER = /^bearer ([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The bearer token of a request, or null. Strict: exactly one Authorization
 * header holding `Bearer <token>` and nothing else. Tokens in the query string
 * or body are never read.
 */
export function extractBearerToken(request: IncomingMessage): string | null {
  const raw = request.rawHeaders;
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].length === 13 && raw[i].toLowerCase() === 'authorization') {
      if (value !== undefined) return null; // two Authorization headers
      value = raw[i + 1];
    }
  }
  if (value === undefined || value.length > MAX_TOKEN_LENGTH + 7) return null;
  const match = BEARER.exec(value);
  return match ? match[1] : null;
}
