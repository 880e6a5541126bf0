import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import type { Request, Response } from 'express';
import { InvalidTokenError } from '@fram/auth';
import { Clock } from '@fram/config';
import { DomainError, ErrorResponseFilter } from '@fram/errors';
import { sendProblemPage } from '../login/pages';
import { safeReturnTo } from '../login/return-to';

/** A token this recent that is refused was refused at once: signing in again would only loop. */
const JUST_SIGNED_IN_MS = 60_000;

/** Paths that belong to the API and the service itself, never to the web UI's pages. */
const NOT_PAGES = /^\/(api|docs|static|healthcheck|metrics)(\/|$)/;

export function isPagePath(path: string): boolean {
  return !NOT_PAGES.test(path);
}

/**
 * For page views: no valid sign-in (none yet, or a refresh that failed) is
 * one redirect to /login, which comes back to the page afterwards. API
 * paths that reach the pages' route (unknown ones) and other errors are
 * answered as everywhere else: 401 JSON, never a redirect. When the token
 * of a sign-in that just happened is refused (Fram and the IdP disagree,
 * e.g. on the audience), a page says so instead of sending the browser
 * round again: never a sign-in loop.
 */
@Catch()
export class SignInRedirectFilter extends ErrorResponseFilter {
  private readonly log = new Logger('SignIn');

  constructor(private readonly clock: Clock) {
    super();
  }

  override catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    if (error instanceof DomainError && error.status === 401 && isPagePath(req.path)) {
      const res = host.switchToHttp().getResponse<Response>();
      const state = req.session as unknown as { signedIn?: object; signedInAt?: number } | undefined;
      if (state?.signedIn && state.signedInAt !== undefined && this.clock.now() - state.signedInAt < JUST_SIGNED_IN_MS) {
        this.log.warn(
          `A fresh sign-in's access token was refused (${error instanceof InvalidTokenError ? error.reason : error.message}): check OIDC_ISSUER, AUTH_ISSUERS and AUTH_AUDIENCE against the IdP's tokens`,
        );
        sendProblemPage(
          res,
          401,
          'Fram cannot accept this sign-in',
          "You signed in, but Fram does not accept the access token your identity provider issued. Your administrator can see why in the frontend's log.",
        );
        return;
      }
      res.redirect(302, `/login?returnTo=${encodeURIComponent(safeReturnTo(req.originalUrl))}`);
      return;
    }
    super.catch(error, host);
  }
}
