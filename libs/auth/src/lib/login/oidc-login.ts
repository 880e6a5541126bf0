import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { verify as verifyJwt, decode } from 'jsonwebtoken';
import type {} from 'express-session';
import { Strategy } from 'passport-openidconnect';
import { type Clock, systemClock } from '@fram/config';
import type { KeyStore } from '../keys/key-store';
import { TokenClient, type TokenClientCredentials } from '../token-client/token-client';
import { TokenRequestRefusedError, TokenResponseInvalidError } from '../token-client/token-errors';
import { tokenRequestParameters } from '../token-client/token-request-params';
import { authorizationResponseIssuerProblem } from './authorization-response-issuer';
import type { OidcClientConfig } from './oidc-client-config';

/** The endpoints of the issuer's discovery document that sign-in needs. */
export interface OidcEndpoints {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
  revocation_endpoint?: string;
  /** RFC 9207: the authorization response carries `iss`. */
  authorization_response_iss_parameter_supported?: boolean;
  id_token_signing_alg_values_supported?: string[];
}

/** One sign-in under way in a browser session (several at once: one per tab). */
export interface PendingLogin {
  nonce?: string;
  verifier: string;
  returnTo: string;
  issued: number;
}

/** What the session keeps after sign-in; the browser only ever has the session cookie. */
export interface SignedIn {
  user: { sub: string; email?: string; name?: string; groups: string[] };
  accessToken: string;
  refreshToken?: string;
  idToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

type Session = NonNullable<Request['session']> & { oidcLogins?: Record<string, PendingLogin> };

/** Pending sign-ins older than this are dropped. */
const LOGIN_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 10;

/** S256 code challenge of a PKCE verifier. */
export const codeChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/**
 * passport-openidconnect's state store, keyed by state: each sign-in keeps
 * its own nonce, PKCE verifier and return path in the session, so two tabs
 * signing in at once do not break each other. A state is used once.
 */
class PendingLoginStore {
  /** The login matched by the verify() running now (read synchronously by the token request). */
  current: PendingLogin | undefined;

  constructor(private readonly clock: Clock) {}

  store(req: Request, ctx: { nonce?: string }, appState: unknown, _meta: unknown, cb: (err: Error | null, handle?: string) => void): void {
    const session = req.session as Session;
    const { verifier, returnTo } = appState as { verifier: string; returnTo: string };
    const handle = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const pending = Object.entries(session.oidcLogins ?? {})
      .filter(([, login]) => now - login.issued < LOGIN_TTL_MS)
      .slice(-(MAX_PENDING - 1));
    session.oidcLogins = Object.fromEntries([...pending, [handle, { nonce: ctx.nonce, verifier, returnTo, issued: now }]]);
    cb(null, handle);
  }

  /** Drops a sign-in whose authorization response was refused: its state is not used again. */
  discard(req: Request, handle: unknown): void {
    const logins = (req.session as Session | undefined)?.oidcLogins;
    if (logins && typeof handle === 'string') delete logins[handle];
  }

  verify(req: Request, handle: string, cb: (err: Error | null, ctx?: false | { nonce?: string }, state?: unknown) => void): void {
    const session = req.session as Session;
    const login = typeof handle === 'string' ? session.oidcLogins?.[handle] : undefined;
    if (login) delete session.oidcLogins![handle];
    if (!login || this.clock.now() - login.issued >= LOGIN_TTL_MS) {
      cb(null, false, { message: 'Unable to verify authorization request state.' });
      return;
    }
    (req as Request & { framLogin?: PendingLogin }).framLogin = login;
    this.current = login;
    try {
      cb(null, { nonce: login.nonce }, login.returnTo);
    } finally {
      this.current = undefined;
    }
  }
}

/** The OAuth error code under which a token response TokenClient refused reaches passport-openidconnect. */
const INVALID_TOKEN_RESPONSE = 'invalid_token_response';

type TokenCallback = (
  err: { statusCode: number; data?: string } | null,
  accessToken?: string,
  refreshToken?: string,
  params?: Record<string, unknown>,
) => void;

export interface LoginStrategyOptions {
  /** AUTH_CLOCK_TOLERANCE_S (default 30). */
  clockToleranceSec?: number;
  /** Ages pending sign-ins and dates the access token's expiry (default: the system clock). */
  clock?: Clock;
  /** The token client for the code exchange (default: one for `endpoints` and the configured client). */
  tokens?: TokenClient;
}

/** The frontend's client at the IdP, authenticated as OIDC_TOKEN_AUTH_METHOD says. */
export const loginClientCredentials = (config: OidcClientConfig): TokenClientCredentials => ({
  clientId: config.clientId,
  clientSecret: config.clientSecret,
  authMethod: config.tokenEndpointAuthMethod,
});

/**
 * The OpenID Connect login strategy for the frontend: passport-openidconnect,
 * completed where it falls short — PKCE (S256) on every authorization
 * request, a state store keyed by state, the code exchange through
 * TokenClient (client authentication as configured, the PKCE verifier), the
 * authorization response's `iss` (RFC 9207), and the ID token's signature and
 * `iat` checked (the library checks iss, aud, azp, exp and nonce).
 */
export function createLoginStrategy(
  config: OidcClientConfig,
  endpoints: OidcEndpoints,
  keys: KeyStore,
  onSignedIn: (req: Request, signedIn: SignedIn) => void,
  options: LoginStrategyOptions = {},
): Strategy {
  const { clockToleranceSec = 30, clock = systemClock } = options;
  const tokens =
    options.tokens ?? new TokenClient(endpoints, loginClientCredentials(config), { clockToleranceSec, params: config.tokenParams });
  const store = new PendingLoginStore(clock);
  const strategy = new Strategy(
    {
      issuer: endpoints.issuer,
      authorizationURL: endpoints.authorization_endpoint,
      tokenURL: endpoints.token_endpoint,
      clientID: config.clientId,
      clientSecret: config.clientSecret,
      callbackURL: config.redirectUri,
      scope: config.scopes.filter((s) => s !== 'openid'),
      store,
      nonce: 'true',
      skipUserProfile: true,
      passReqToCallback: true,
    } as never,
    // Nine parameters: passport-openidconnect passes the tokens only to a callback of this arity.
    ((
      req: Request,
      _issuer: string,
      _profile: unknown,
      _context: unknown,
      idToken: string,
      accessToken: string,
      refreshToken: string,
      params: Record<string, unknown>,
      done: (err: unknown, user?: unknown, info?: unknown) => void,
    ) => {
      verifyIdToken(idToken, config, keys, clockToleranceSec)
        .then((claims) => {
          const expiresIn = typeof params['expires_in'] === 'number' ? params['expires_in'] : 300;
          const groups = Array.isArray(claims['groups']) ? claims['groups'].filter((g): g is string => typeof g === 'string') : [];
          const signedIn: SignedIn = {
            user: {
              sub: String(claims['sub']),
              email: typeof claims['email'] === 'string' ? claims['email'] : undefined,
              name: typeof claims['name'] === 'string' ? claims['name'] : undefined,
              groups,
            },
            accessToken,
            refreshToken: refreshToken || undefined,
            idToken,
            expiresAt: clock.now() + expiresIn * 1000,
          };
          onSignedIn(req, signedIn);
          done(null, signedIn.user);
        })
        .catch((error: unknown) => done(null, false, { message: error instanceof Error ? error.message : 'ID token refused' }));
    }) as never,
  );

  // RFC 9207: an authorization response (a code or an error) from another issuer is refused before anything else.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with its own `this`
  const authenticate = strategy.authenticate;
  strategy.authenticate = function (
    this: Strategy & { fail(challenge: unknown, status?: number): void; error(err: unknown): void },
    req: Request,
    options?: object,
  ) {
    // A token response that fails TokenClient's checks (e.g. the ID token's nonce) is a refused sign-in, as when
    // the library's own checks fail, not an error of the IdP (`this` is passport's object for this request).
    const error = this.error.bind(this);
    this.error = (err: unknown) =>
      (err as { code?: unknown } | null)?.code === INVALID_TOKEN_RESPONSE
        ? this.fail({ message: (err as Error).message }, 403)
        : error(err);
    const query = (req.query ?? {}) as Record<string, unknown>;
    const problem =
      query['code'] !== undefined || query['error'] !== undefined ? authorizationResponseIssuerProblem(query, endpoints) : undefined;
    if (!problem) {
      authenticate.call(this, req, options);
      return;
    }
    store.discard(req, query['state']);
    this.fail({ message: problem }, 400);
  };

  // PKCE: the challenge of the verifier that /login passes as the request's app state; OIDC_RESOURCE (one `resource`
  // per indicator: the library repeats a name given a list) and OIDC_AUDIENCE_PARAM.
  const named: Record<string, string[]> = {};
  for (const [name, value] of tokenRequestParameters(config.tokenParams)) (named[name] ??= []).push(value);
  (strategy as unknown as { authorizationParams: (options: { state?: { verifier?: string } }) => object }).authorizationParams = (
    options,
  ) => ({
    ...(options.state?.verifier && { code_challenge: codeChallenge(options.state.verifier), code_challenge_method: 'S256' }),
    ...Object.fromEntries(Object.entries(named).map(([name, values]) => [name, values.length === 1 ? values[0] : values])),
  });

  // The code exchange goes through TokenClient. passport-openidconnect has no hook for its token request: it
  // calls its OAuth2 object's getOAuthAccessToken, and documents `_oauth2` as protected (for its extensions).
  // This is the one place that touches it.
  const oauth2 = (
    strategy as unknown as { _oauth2: { getOAuthAccessToken: (code: string, params: Record<string, string>, cb: TokenCallback) => void } }
  )._oauth2;
  oauth2.getOAuthAccessToken = (code, params, cb) => {
    const login = store.current;
    tokens
      .exchangeCode({ code, redirectUri: params['redirect_uri'] ?? config.redirectUri, codeVerifier: login?.verifier, nonce: login?.nonce })
      .then(({ accessToken, refreshToken, response }) => cb(null, accessToken, refreshToken ?? '', response))
      .catch((error: unknown) => {
        // passport-openidconnect reads an OAuth error from `data` and fails the sign-in with it.
        if (error instanceof TokenRequestRefusedError) {
          cb({ statusCode: error.httpStatus, data: JSON.stringify({ error: error.error, error_description: error.description }) });
        } else if (error instanceof TokenResponseInvalidError) {
          cb({ statusCode: 400, data: JSON.stringify({ error: INVALID_TOKEN_RESPONSE, error_description: error.reason }) });
        } else {
          const description = error instanceof Error ? error.message : String(error);
          cb({ statusCode: 503, data: JSON.stringify({ error: 'temporarily_unavailable', error_description: description }) });
        }
      });
  };
  return strategy;
}

/**
 * The ID token's signature, with the key set of its issuer, its audience, and
 * its `iat`, which may not be in the future beyond the clock tolerance (the
 * library checks the rest).
 */
async function verifyIdToken(
  idToken: string,
  config: OidcClientConfig,
  keys: KeyStore,
  clockToleranceSec: number,
): Promise<Record<string, unknown>> {
  const decoded = decode(idToken, { complete: true });
  const kid = decoded && typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  if (!kid) throw new Error('ID token has no kid');
  const key = await keys.getKey(config.issuer, kid);
  const claims = verifyJwt(idToken, key.key, {
    algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256'],
    issuer: config.issuer,
    audience: config.clientId,
    clockTolerance: clockToleranceSec,
  }) as Record<string, unknown>;
  const iat = claims['iat'];
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new Error('ID token has no iat');
  if (iat > Date.now() / 1000 + clockToleranceSec) throw new Error('ID token issued in the future (iat)');
  return claims;
}
