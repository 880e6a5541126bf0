import { Controller, Get, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import passport from 'passport';
import { Public, type SignedIn } from '@fram/auth';
import { ApiHtmlResponse, ApiRedirectResponse } from '../common/api-docs';
import { LOGIN_STRATEGY, OidcLoginService, type PassportAuthenticate } from './oidc-login.service';
import { sendProblemPage, SIGN_IN_UNAVAILABLE } from './pages';
import { LoginQueryDto } from './login.dtos';
import { safeReturnTo } from './return-to';
import { startSignOut } from './signed-out';
import { SESSIONS_UNAVAILABLE_PAGE } from '../session/sessions-unavailable';

/**
 * Browser sign-in: `/login` sends the browser to the IdP (state, nonce,
 * PKCE S256); the callback (OIDC_REDIRECT_PATH, mounted by LoginModule)
 * finishes it; `POST /logout` ends the session, revokes the refresh token and
 * goes through the IdP's end-session endpoint.
 */
@Controller()
export class LoginController {
  private readonly logger = new Logger('Logout');

  constructor(private readonly login: OidcLoginService) {}

  @Public()
  @Get('login')
  @ApiRedirectResponse(302, "To the identity provider's sign-in page")
  @ApiHtmlResponse(503, 'Sign-in is unavailable (identity provider or session store)')
  async start(@Query() { returnTo }: LoginQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      await this.login.endpoints();
    } catch {
      sendProblemPage(res, ...SIGN_IN_UNAVAILABLE);
      return;
    }
    // The sign-in's state must be kept before the browser leaves: a store that cannot keep it is a 503 now, not a refused sign-in later.
    const kept = await new Promise<boolean>((resolve) => req.session.save((error) => resolve(!error)));
    if (!kept) {
      sendProblemPage(res, ...SESSIONS_UNAVAILABLE_PAGE);
      return;
    }
    const verifier = randomBytes(32).toString('base64url');
    (passport.authenticate as PassportAuthenticate)(LOGIN_STRATEGY, { state: { verifier, returnTo: safeReturnTo(returnTo) } })(
      req,
      res,
      () => sendProblemPage(res, 500, 'Sign-in failed', 'Sign-in could not start. Please try again.'),
    );
  }

  /**
   * Ends the session, revokes the refresh token, and logs out at the IdP,
   * with a `state` that brings the browser back to the signed-out page
   * (straight there when the IdP has no end-session endpoint).
   */
  @Public()
  @Post('logout')
  @HttpCode(303)
  @ApiRedirectResponse(303, "Through the identity provider's end-session endpoint, or straight to the signed-out page")
  @ApiHtmlResponse(403, 'A sign-out sent from another site')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    // CSRF: a browser's cross-site POST carries another Origin (and no Lax cookie): refused.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== new URL(this.login.config.publicUrl).origin) {
      sendProblemPage(res, 403, 'Not allowed', 'Sign out from Fram itself.');
      return;
    }
    const signedIn = (req.session as unknown as { signedIn?: SignedIn }).signedIn;
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie('fram.sid', { path: '/' });
    const { config } = this.login;
    // Where the browser lands when it is back (post_logout_redirect_uri, or straight there): the signed-out page.
    const state = startSignOut(res, config.secureCookies);
    const signedOut = `/?${new URLSearchParams({ state }).toString()}`;
    let endpoints;
    try {
      endpoints = await this.login.endpoints();
    } catch {
      res.redirect(303, signedOut);
      return;
    }
    if (signedIn?.refreshToken) {
      // Best effort: the session is gone already; an IdP that does not answer does not keep the person signed in here.
      await (
        await this.login.tokens()
      )
        .revoke(signedIn.refreshToken, 'refresh_token')
        .catch((error: unknown) =>
          this.logger.warn(`The refresh token could not be revoked: ${error instanceof Error ? error.message : String(error)}`),
        );
    }
    if (!endpoints.end_session_endpoint || !signedIn) {
      res.redirect(303, signedOut);
      return;
    }
    const url = new URL(endpoints.end_session_endpoint);
    url.searchParams.set('id_token_hint', signedIn.idToken);
    url.searchParams.set('post_logout_redirect_uri', config.postLogoutRedirectUri);
    url.searchParams.set('state', state);
    res.redirect(303, url.href);
  }
}
