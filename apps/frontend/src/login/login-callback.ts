import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import type { PendingLogin, SignedIn } from '@fram/auth';
import { Clock } from '@fram/config';
import { LOGIN_STRATEGY, OidcLoginService, type PassportAuthenticate } from './oidc-login.service';
import { sendProblemPage, SIGN_IN_UNAVAILABLE } from './pages';
import { safeReturnTo } from './return-to';
import { SessionsUnavailableError, SESSIONS_UNAVAILABLE_PAGE } from '../session/sessions-unavailable';

type SessionRequest = Request & { framSignedIn?: SignedIn; framLogin?: PendingLogin };

/** The sign-in callback (at OIDC_REDIRECT_PATH, mounted by LoginModule). */
@Injectable()
export class LoginCallback {
  constructor(
    private readonly login: OidcLoginService,
    private readonly clock: Clock,
  ) {}

  /** The callback: verifies iss, state, nonce, code and ID token, then starts a new session. */
  async handle(req: SessionRequest, res: Response, next: NextFunction): Promise<void> {
    try {
      await this.login.endpoints();
    } catch {
      sendProblemPage(res, ...SIGN_IN_UNAVAILABLE);
      return;
    }
    (passport.authenticate as PassportAuthenticate)(
      LOGIN_STRATEGY,
      { session: false },
      (error: unknown, user: unknown, _info: unknown, status?: number) => {
        if (error) {
          sendProblemPage(res, 502, 'Sign-in failed', 'The identity provider did not complete the sign-in. Please sign in again.');
          return;
        }
        if (!user || !req.framSignedIn) {
          // The IdP's refusal has no status; a response Fram refused (e.g. another issuer's) has one.
          if (req.query['error'] === 'access_denied' && status === undefined) {
            sendProblemPage(res, 403, 'No access to Fram', 'Your account is not allowed to use Fram. Ask your administrator for access.');
            return;
          }
          sendProblemPage(res, 400, 'This sign-in is not valid', 'The sign-in link expired or was already used. Please sign in again.');
          return;
        }
        const returnTo = safeReturnTo(req.framLogin?.returnTo); // checked again: sessions may predate a fix
        const signedIn = req.framSignedIn;
        const otherLogins = (req.session as unknown as { oidcLogins?: Record<string, PendingLogin> }).oidcLogins;
        // A new session id after sign-in (no fixation); other tabs' sign-ins under way carry over.
        req.session.regenerate((regenerateError) => {
          if (regenerateError) return this.failed(regenerateError, res, next);
          Object.assign(req.session, { signedIn, signedInAt: this.clock.now(), ...(otherLogins && { oidcLogins: otherLogins }) });
          req.session.save((saveError) => (saveError ? this.failed(saveError, res, next) : res.redirect(303, returnTo)));
        });
      },
    )(req, res, next);
  }

  /** A session store that cannot keep the sign-in: a page that says so. */
  private failed(error: unknown, res: Response, next: NextFunction): void {
    if (error instanceof SessionsUnavailableError) sendProblemPage(res, ...SESSIONS_UNAVAILABLE_PAGE);
    else next(error);
  }
}
