import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { requestCookie } from '../session/csrf';
import { sendPage } from './pages';

/**
 * Sign-out comes back: POST /logout sends a random `state` with the
 * end-session request (some providers only redirect to
 * post_logout_redirect_uri when it is there) and keeps it in this cookie,
 * since the session is gone by then. When the browser comes back to
 * post_logout_redirect_uri (`PUBLIC_URL/`) with the same `state`, it gets the
 * signed-out page; any other `/` is the home page as always.
 */
export const SIGNED_OUT_COOKIE = 'fram.signed_out';
const SIGNED_OUT_TTL_MS = 10 * 60 * 1000;

/** A new sign-out's state, kept in the browser's SIGNED_OUT_COOKIE (HttpOnly, SameSite=Lax, ten minutes). */
export function startSignOut(res: Response, secure: boolean): string {
  const state = randomBytes(24).toString('base64url');
  res.cookie(SIGNED_OUT_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure, maxAge: SIGNED_OUT_TTL_MS, path: '/' });
  return state;
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Middleware: `GET /?state=…` with the state of this browser's sign-out is
 * answered with the signed-out page (and the cookie is cleared); anything
 * else goes on.
 */
export function signedOutPage(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const state = req.query['state'];
    const kept = req.method === 'GET' && req.path === '/' && typeof state === 'string' ? requestCookie(req, SIGNED_OUT_COOKIE) : undefined;
    if (kept === undefined || !sameText(kept, state as string)) return next();
    res.clearCookie(SIGNED_OUT_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
    sendPage(res, 200, 'Signed out', 'You are signed out of Fram.', { href: '/login', text: 'Sign in' });
  };
}
