import { Inject, Injectable, Logger, Module, type INestApplication, type OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import { APP_GUARD } from '@nestjs/core';
import { TokenEndpointUnavailableError, type OidcClientConfig, type SignedIn } from '@fram/auth';
import { Clock } from '@fram/config';
import { HealthService } from '@fram/service';
import { markSessionBearer, offerCsrfCookie } from '../session/csrf';
import { SESSIONS_UNAVAILABLE_PAGE, SessionsUnavailableError } from '../session/sessions-unavailable';
import { sendProblemPage, SIGN_IN_UNAVAILABLE } from './pages';
import { CsrfGuard } from '../session/csrf.guard';
import { openSessionStore, type OpenSessionStore } from '../session/session-store';
import { SESSION_STORE } from '../session/session-store.token';
import type { FrontendConfig } from '../config/frontend-config';
import { FRONTEND_CONFIG } from '../config/frontend-config.token';
import { TokenRefresher } from '../session/token-refresher';
import { LoginCallback } from './login-callback';
import { LoginController } from './login.controller';
import { OidcLoginService } from './oidc-login.service';
import { signedOutPage } from './signed-out';

/**
 * A session store that fails, or an IdP that cannot refresh an expired
 * session, while a browser opens a page (the sign-in callback included) is a
 * 503 page; API callers get the JSON error from the app's error filter.
 */
function unavailablePage(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const page: readonly [number, string, string] | undefined =
    error instanceof SessionsUnavailableError
      ? SESSIONS_UNAVAILABLE_PAGE
      : error instanceof TokenEndpointUnavailableError
        ? SIGN_IN_UNAVAILABLE
        : undefined;
  if (page && req.method === 'GET' && req.accepts(['json', 'html']) === 'html') {
    res.setHeader('Retry-After', '5');
    sendProblemPage(res, ...page);
    return;
  }
  next(error);
}
const SESSION_HOURS = 8;

/**
 * The signed-out page (a browser back from signing out, see signed-out.ts),
 * sessions in front of every route (server-side; the browser holds an
 * HttpOnly cookie), the session's access token as the bearer token of a
 * signed-in browser's calls (so one guard checks browsers and API clients),
 * and the sign-in callback. main.ts and the tests mount it before the app
 * starts listening.
 */
@Injectable()
export class SessionMiddleware {
  private readonly config: OidcClientConfig;

  constructor(
    @Inject(FRONTEND_CONFIG) config: FrontendConfig,
    @Inject(SESSION_STORE) private readonly sessionStore: OpenSessionStore,
    private readonly callback: LoginCallback,
    private readonly refresher: TokenRefresher,
    private readonly clock: Clock,
  ) {
    this.config = config.oidc;
  }

  mount(app: INestApplication): void {
    const sessions = session({
      name: 'fram.sid',
      secret: this.config.sessionSecret,
      store: this.sessionStore.store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, maxAge: SESSION_HOURS * 3600 * 1000, path: '/' },
    });
    const callbackPath = new URL(this.config.redirectUri).pathname;
    app.use(
      this.plainHttpWarning(callbackPath),
      signedOutPage(this.config.secureCookies),
      sessions,
      unavailablePage,
      (req: Request, res: Response, next: NextFunction) => void this.sessionBearer(req, res, next),
      unavailablePage,
      (req: Request, res: Response, next: NextFunction) => {
        if (req.method === 'GET' && req.path === callbackPath) void this.callback.handle(req, res, next);
        else next();
      },
    );
  }

  /**
   * With an https PUBLIC_URL the session cookie is Secure, and Express sends
   * it only on requests it sees as https. A sign-in that arrives as plain HTTP
   * (a TLS-terminating proxy that TRUST_PROXY does not name) cannot work: say
   * so once, in the log, naming what to set.
   */
  private plainHttpWarning(callbackPath: string) {
    let warned = !this.config.secureCookies;
    return (req: Request, _res: Response, next: NextFunction) => {
      if (!warned && !req.secure && (req.path === '/login' || req.path === callbackPath)) {
        warned = true;
        new Logger('Sessions').warn(
          `PUBLIC_URL is https, but sign-ins reach this service as plain HTTP, so the Secure session cookie is never sent and no one can sign in. ` +
            `Behind a TLS-terminating proxy, set TRUST_PROXY to the number of proxies in front (e.g. 1) or their addresses, and have the proxy send X-Forwarded-Proto.`,
        );
      }
      next();
    };
  }

  /**
   * A signed-in browser's calls carry the session's access token (never the
   * cookie) as their bearer token, refreshed first when it is about to expire.
   * A dead grant ends the sign-in (401); an IdP that cannot refresh now keeps
   * the session: its access token while it lasts, then 503 until the IdP is back.
   * The browser also gets the session's CSRF token in a cookie its pages can
   * read (offerCsrfCookie), for Amundsen's React app.
   */
  private async sessionBearer(req: Request, res: Response, next: NextFunction): Promise<void> {
    const state = req.session as unknown as { signedIn?: SignedIn; signedInAt?: number } | undefined;
    let signedIn = state?.signedIn;
    if (!signedIn || req.headers.authorization !== undefined) return next();
    if (this.refresher.needsRefresh(signedIn, state!.signedInAt ?? signedIn.expiresAt - 300_000)) {
      let refreshed: SignedIn | undefined;
      try {
        refreshed = await this.refresher.refresh(req.sessionID, signedIn);
      } catch (error) {
        if (!this.refresher.stillValid(signedIn)) {
          return next(
            error instanceof TokenEndpointUnavailableError
              ? error
              : new TokenEndpointUnavailableError(error instanceof Error ? error.message : String(error)),
          );
        }
        refreshed = signedIn;
      }
      if (!refreshed) {
        delete state!.signedIn;
        return next(); // no token: the guard answers 401 and the browser signs in again
      }
      if (refreshed !== signedIn) {
        state!.signedIn = refreshed;
        state!.signedInAt = this.clock.now();
      }
      signedIn = refreshed;
    }
    req.headers.authorization = `Bearer ${signedIn.accessToken}`;
    req.rawHeaders.push('Authorization', `Bearer ${signedIn.accessToken}`);
    markSessionBearer(req);
    offerCsrfCookie(req, res, this.config.secureCookies);
    next();
  }
}

/** Sign-in, sessions (SQLite, or Redis for several frontends) and CSRF protection of session calls. */
@Module({
  controllers: [LoginController],
  providers: [
    {
      provide: SESSION_STORE,
      inject: [FRONTEND_CONFIG, HealthService],
      useFactory: (config: FrontendConfig, health: HealthService) => openSessionStore(config.sessions, SESSION_HOURS * 3600 * 1000, health),
    },
    { provide: APP_GUARD, useClass: CsrfGuard },
    OidcLoginService,
    LoginCallback,
    {
      provide: TokenRefresher,
      useFactory: (login: OidcLoginService, clock: Clock, sessions: OpenSessionStore) =>
        new TokenRefresher(() => login.tokens(), clock, sessions.sharedRefreshes),
      inject: [OidcLoginService, Clock, SESSION_STORE],
    },
    SessionMiddleware,
  ],
  exports: [OidcLoginService, SessionMiddleware],
})
export class LoginModule implements OnApplicationShutdown {
  constructor(@Inject(SESSION_STORE) private readonly sessionStore: OpenSessionStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sessionStore.close();
  }
}
