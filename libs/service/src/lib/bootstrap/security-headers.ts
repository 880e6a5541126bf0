import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import type { Env } from '@fram/config';
import { API_DOCS_PATH } from './api-docs';

export interface SecurityHeadersConfig {
  /** Strict-Transport-Security: only when the service is reached over https. */
  hsts: boolean;
}

/** HSTS when the service's external URL (PUBLIC_URL) is https; over plain http browsers ignore it anyway. */
export function readSecurityHeadersConfig(source: Env): SecurityHeadersConfig {
  return { hsts: /^https:\/\//i.test(source['PUBLIC_URL'] ?? '') };
}

/**
 * Swagger UI loads only files of its own origin (its HTML has no inline
 * script, but inline styles), and calls only its own API.
 */
const API_DOCS_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const isApiDocs = (path: string) => path === API_DOCS_PATH || path.startsWith(`${API_DOCS_PATH}/`);

/**
 * The security headers of every answer of every service (helmet): nosniff,
 * same-origin referrers, no framing by other sites, HSTS over https, and
 * Cache-Control no-store, which a route serving cacheable files replaces.
 * No Content-Security-Policy on JSON; pages set their own (the web UI,
 * dev-idp's sign-in pages), and the API docs get theirs here.
 */
export function securityHeaders(config: SecurityHeadersConfig): RequestHandler {
  const common: HelmetOptions = {
    strictTransportSecurity: config.hsts ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  };
  const forAnswers = helmet({ ...common, contentSecurityPolicy: false });
  const forApiDocs = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: API_DOCS_POLICY } });
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    (isApiDocs(req.path) ? forApiDocs : forAnswers)(req, res, next);
  };
}
