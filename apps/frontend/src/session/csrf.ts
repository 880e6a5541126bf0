import { csrfSync } from 'csrf-sync';
import type { Request, Response } from 'express';
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
 * The cookie that carries the session's CSRF token to scripts of the page
 * (readable by them: not HttpOnly), under the name axios reads it from: so
 * Amundsen's React app, unchanged, sends it back as `X-XSRF-Token`.
 */
export const CSRF_COOKIE = 'XSRF-TOKEN';

/**
 * Synchronizer tokens (csrf-sync): one secret per session, kept in the
 * session; the web UI sends it back as `X-CSRF-Token` (or `_csrf` in a form),
 * Amundsen's React app (axios) as `X-XSRF-Token`. Either way it must equal
 * the session's: the cookie only carries it to the page's scripts.
 */
const synchronizer = csrfSync({
  getTokenFromRequest: (req) => {
    const header = req.headers['x-csrf-token'] ?? req.headers['x-xsrf-token'];
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

/** The value of the cookie `name` that the request carries, if any. */
export function requestCookie(req: Request, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const index = pair.indexOf('=');
    if (index > 0 && pair.slice(0, index).trim() === name) return pair.slice(index + 1).trim();
  }
  return undefined;
}

/**
 * Gives a signed-in browser its session's CSRF token in CSRF_COOKIE, when it
 * does not hold it yet: only pages of this origin can read it (SameSite=Strict,
 * Secure with an https PUBLIC_URL).
 */
export function offerCsrfCookie(req: Request, res: Response, secure: boolean): void {
  const token = csrfTokenFor(req);
  if (requestCookie(req, CSRF_COOKIE) === token) return;
  res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'strict', secure, path: '/' });
}
