import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@fram/errors';
import { hasValidCsrfToken, usesSessionBearer } from './csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 403: a state-changing call from a browser session without the session's CSRF token. */
export class CsrfTokenError extends DomainError {
  readonly status = 403;
  readonly code = 'csrf_token';
}

/**
 * Every state-changing request made with a session cookie must carry the
 * session's CSRF token. Requests with their own bearer token (scripts) carry
 * no ambient credential, so they need none.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(req.method) || !usesSessionBearer(req)) return true;
    if (hasValidCsrfToken(req)) return true;
    throw new CsrfTokenError("This request needs the page's CSRF token (X-CSRF-Token); reload the page and try again");
  }
}
