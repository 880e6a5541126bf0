import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';

/** Requests whose bearer token came from their session cookie (set by the session middleware). */
const viaSession = new WeakSet<Request>();

export function markSessionBearer(req: Request): void {
  viaSession.add(req);
}

/** True when the request is authenticated by its session cookie (a browser), not by a bearer token of its own (a script). */
export function usesSessionBearer(req: Request): boolean {
  return viaSession.has(req);
}

/**
 * Synchronizer tokens (csrf-sync): one secret per session, kept in the
 * session; the web UI sends it back as `X-CSRF-Token` (or `_csrf` in a form).
 */
const synchronizer = csrfSync({
  getTokenFromRequest: (req) => {
    const header = req.headers['x-csrf-token'];
    if (typeof header === 'string') return header;
    const field = (req.body as { _csrf?: unknown } | undefined)?._csrf;
    return typeof field === 'string' ? field : undefined;
  },
});

/** The session's CSRF token (created on first use). */
export function csrfTokenFor(req: Request): string {
  return synchronizer.generateToken(req);
}

/** Whether the request carries its session's CSRF token (compared in constant time). */
export function hasValidCsrfToken(req: Request): boolean {
  const sent = synchronizer.getTokenFromRequest(req);
  const kept = synchronizer.getTokenFromState(req);
  if (typeof sent !== 'string' || typeof kept !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(kept);
  return a.length === b.length && timingSafeEqual(a, b);
}
