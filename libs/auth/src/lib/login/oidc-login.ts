import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { verify as verifyJwt, decode } from 'jsonwebtoken';
import type {} from 'express-session';
import { Strategy } from 'passport-openidconnect';
import type { KeyStore } from '../keys/key-store';
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

  store(req: Request, ctx: { nonce?: string }, appState: unknown, _meta: unknown, cb: (err: Error | null, handle?: string) => void): void {
    const session = req.session as Session;
    const { verifier, returnTo } = appState as { verifier: string; returnTo: string };
    const handle = randomBytes(24).toString('base64url');
    const now = Date.now();
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
    if (!login || Date.now() - login.issued >= LOGIN_TTL_MS) {
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

type TokenCallback = (
  err: { statusCode: number; data?: string } | null,
  accessToken?: string,
  refreshToken?: string,
  params?: Record<string, unknown>,
) => void;

/**
 * The OpenID Connect login strategy for the frontend: passport-openidconnect,
 * completed where it falls short — PKCE (S256) on every authorization
 * request, a state store keyed by state, client_secret_basic (or _post) on
 * the token request, the authorization response's `iss` (RFC 9207), and the
 * ID token's signature and `iat` checked (the library checks iss, aud, azp,
 * exp and nonce). `clockToleranceSec` is AUTH_CLOCK_TOLERANCE_S.
 */
export function createLoginStrategy(
  config: OidcClientConfig,
  endpoints: OidcEndpoints,
  keys: KeyStore,
  onSignedIn: (req: Request, signedIn: SignedIn) => void,
  clockToleranceSec = 30,
): Strategy {
  const store = new PendingLoginStore();
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
            expiresAt: Date.now() + expiresIn * 1000,
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
  strategy.authenticate = function (this: Strategy & { fail(challenge: unknown, status?: number): void }, req: Request, options?: object) {
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

  // PKCE: the challenge of the verifier that /login passes as the request's app state.
  (strategy as unknown as { authorizationParams: (options: { state?: { verifier?: string } }) => object }).authorizationParams = (
    options,
  ) => ({
    ...(options.state?.verifier && { code_challenge: codeChallenge(options.state.verifier), code_challenge_method: 'S256' }),
    ...(config.audienceParam !== undefined && { audience: config.audienceParam }),
  });

  // The token request, with the client authentication the IdP expects and the PKCE verifier.
  const oauth2 = (
    strategy as unknown as { _oauth2: { getOAuthAccessToken: (code: string, params: Record<string, string>, cb: TokenCallback) => void } }
  )._oauth2;
  oauth2.getOAuthAccessToken = (code, params, cb) => {
    const verifier = store.current?.verifier;
    const { headers, body } = clientRequest(config, { ...params, code, ...(verifier && { code_verifier: verifier }) });
    fetch(endpoints.token_endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })
      .then(async (response) => {
        const text = await response.text();
        if (!response.ok) return cb({ statusCode: response.status, data: text });
        const json = JSON.parse(text) as Record<string, unknown>;
        cb(
          null,
          typeof json['access_token'] === 'string' ? json['access_token'] : '',
          typeof json['refresh_token'] === 'string' ? json['refresh_token'] : '',
          json,
        );
      })
      .catch((error: unknown) =>
        cb({ statusCode: 503, data: JSON.stringify({ error: 'temporarily_unavailable', error_description: String(error) }) }),
      );
  };
  return strategy;
}

/**
 * A form request to the IdP's token or revocation endpoint, authenticated as
 * the client the way the configuration says (client_secret_basic or _post).
 */
export function clientRequest(
  config: OidcClientConfig,
  fields: Record<string, string>,
): { headers: Record<string, string>; body: URLSearchParams } {
  const body = new URLSearchParams(fields);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (config.tokenEndpointAuthMethod === 'client_secret_basic') {
    headers['authorization'] =
      `Basic ${Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`).toString('base64')}`;
  } else {
    body.set('client_id', config.clientId);
    body.set('client_secret', config.clientSecret);
  }
  return { headers, body };
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
