import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorResponseFilter } from '@fram/errors';
import { safeReturnTo } from '../login/return-to';

/**
 * For page views: no valid sign-in (none yet, or a refresh that failed) is
 * one redirect to /login, which comes back to the page afterwards. Other
 * errors are answered as everywhere else.
 */
@Catch()
export class SignInRedirectFilter extends ErrorResponseFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    if (error instanceof DomainError && error.status === 401) {
      const req = host.switchToHttp().getRequest<Request>();
      const res = host.switchToHttp().getResponse<Response>();
      res.redirect(302, `/login?returnTo=${encodeURIComponent(safeReturnTo(req.originalUrl))}`);
      return;
    }
    super.catch(error, host);
  }
}
