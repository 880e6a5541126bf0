import type * as oauth from 'oauth4webapi';
import { TokenEndpointUnavailableError, TokenRequestRefusedError, TokenResponseInvalidError } from './token-errors';
import { tokenRequestParameters, type TokenRequestParams } from './token-request-params';

/** The endpoints a TokenClient calls (from discovery, or fixed such as Okta's org server). */
export interface TokenEndpoints {
  issuer: string;
  token_endpoint: string;
  revocation_endpoint?: string;
  /** From discovery: the algorithms the ID token may be signed with (RS256 when absent). */
  id_token_signing_alg_values_supported?: string[];
}

/** How the client authenticates at the token endpoint (`none`: a public client). */
export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

export interface TokenClientCredentials {
  clientId: string;
  clientSecret?: string;
  authMethod?: TokenEndpointAuthMethod;
}

export interface TokenClientOptions {
  /** Each request's bound (default 10 s). */
  timeoutMs?: number;
  /** Leeway for the ID token's exp and iat (default 30 s, as AUTH_CLOCK_TOLERANCE_S). */
  clockToleranceSec?: number;
  /**
   * Sent with every token request (code exchange, refresh, client_credentials;
   * not revocation): OIDC_RESOURCE as `resource`, OIDC_AUDIENCE_PARAM as `audience`.
   */
  params?: TokenRequestParams;
}

/** A token endpoint's answer. */
export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Seconds, as the IdP said (absent when it did not). */
  expiresIn?: number;
  scope?: string;
  /** The whole answer (the login hands it to passport-openidconnect). */
  response: Record<string, unknown>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** oauth4webapi is ESM-only: imported on first use, so that loading @fram/auth stays plain CommonJS. */
let library: Promise<typeof oauth> | undefined;
const oauth4webapi = () => (library ??= import('oauth4webapi'));

/**
 * Every call Fram makes to an identity provider's token and revocation
 * endpoints: the authorization code exchange (with the PKCE verifier),
 * refresh, client_credentials and revocation, on oauth4webapi (which checks
 * the answers, the ID token's claims included), authenticated as the client is
 * configured, each bounded in time. Failures are TokenRequestRefusedError (an
 * OAuth error; `grantIsDead` for invalid_grant), TokenResponseInvalidError
 * (an answer that fails the checks, e.g. the ID token's nonce) or
 * TokenEndpointUnavailableError (5xx, network, timeout, not OAuth at all).
 */
export class TokenClient {
  private readonly timeoutMs: number;
  private readonly toleranceSec: number;
  private readonly server: oauth.AuthorizationServer;
  private readonly client: oauth.Client;
  private readonly extra: [string, string][];

  constructor(
    endpoints: TokenEndpoints,
    private readonly credentials: TokenClientCredentials,
    options: TokenClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Only what token requests need: the authorization response (state, iss) was checked by the login strategy.
    this.server = {
      issuer: endpoints.issuer,
      token_endpoint: endpoints.token_endpoint,
      ...(endpoints.revocation_endpoint && { revocation_endpoint: endpoints.revocation_endpoint }),
      ...(endpoints.id_token_signing_alg_values_supported && {
        id_token_signing_alg_values_supported: endpoints.id_token_signing_alg_values_supported,
      }),
    };
    this.client = { client_id: credentials.clientId };
    this.toleranceSec = options.clockToleranceSec ?? 30;
    this.extra = tokenRequestParameters(options.params);
  }

  /**
   * A TokenClient for the issuer's token endpoint, read from its discovery
   * document (which must name the same issuer).
   */
  static async discover(issuer: string, credentials: TokenClientCredentials, options: TokenClientOptions = {}): Promise<TokenClient> {
    const lib = await oauth4webapi();
    const url = new URL(issuer);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      const response = await lib.discoveryRequest(url, {
        algorithm: 'oidc',
        signal: AbortSignal.timeout(timeoutMs),
        [lib.allowInsecureRequests]: url.protocol === 'http:',
      });
      const server = await lib.processDiscoveryResponse(url, response);
      if (!server.token_endpoint) throw new Error('the discovery document names no token endpoint');
      return new TokenClient(server as TokenEndpoints, credentials, options);
    } catch (error) {
      throw new TokenEndpointUnavailableError(`discovery at ${issuer} failed: ${describe(error)}`);
    }
  }

  /** The authorization code grant: `nonce` is the one sent in the authorization request, checked in the ID token. */
  async exchangeCode(request: { code: string; redirectUri: string; codeVerifier?: string; nonce?: string }): Promise<Tokens> {
    return this.call(async (lib) => {
      const callback = lib.validateAuthResponse(this.server, this.client, new URLSearchParams({ code: request.code }), lib.skipStateCheck);
      const response = await lib.authorizationCodeGrantRequest(
        this.server,
        this.clientWithTolerance(lib),
        this.authentication(lib),
        callback,
        request.redirectUri,
        request.codeVerifier ?? lib.nopkce,
        { ...this.requestOptions(lib, this.server.token_endpoint!), additionalParameters: this.extra },
      );
      return lib.processAuthorizationCodeResponse(this.server, this.clientWithTolerance(lib), response, {
        expectedNonce: request.nonce ?? lib.expectNoNonce,
        requireIdToken: true,
      });
    });
  }

  /** The refresh_token grant (the IdP may rotate the refresh token: use the one returned, if any). */
  async refresh(refreshToken: string): Promise<Tokens> {
    return this.call(async (lib) => {
      const client = this.clientWithTolerance(lib);
      const response = await lib.refreshTokenGrantRequest(this.server, client, this.authentication(lib), refreshToken, {
        ...this.requestOptions(lib, this.server.token_endpoint!),
        additionalParameters: this.extra,
      });
      return lib.processRefreshTokenResponse(this.server, client, response);
    });
  }

  /** The client_credentials grant, for `scope` (space-separated). */
  async clientCredentials(scope: string): Promise<Tokens> {
    return this.call(async (lib) => {
      const response = await lib.clientCredentialsGrantRequest(
        this.server,
        this.client,
        this.authentication(lib),
        [['scope', scope], ...this.extra],
        this.requestOptions(lib, this.server.token_endpoint!),
      );
      return lib.processClientCredentialsResponse(this.server, this.client, response);
    });
  }

  /** Revokes a token (RFC 7009); false when the IdP has no revocation endpoint. */
  async revoke(token: string, hint: 'refresh_token' | 'access_token'): Promise<boolean> {
    const endpoint = this.server.revocation_endpoint;
    if (!endpoint) return false;
    await this.call(async (lib) => {
      const response = await lib.revocationRequest(this.server, this.client, this.authentication(lib), token, {
        ...this.requestOptions(lib, endpoint),
        additionalParameters: { token_type_hint: hint },
      });
      await lib.processRevocationResponse(response);
      return undefined;
    });
    return true;
  }

  private authentication(lib: typeof oauth): oauth.ClientAuth {
    const { authMethod = 'client_secret_basic', clientSecret } = this.credentials;
    if (authMethod === 'none') return lib.None();
    if (clientSecret === undefined) throw new Error(`${authMethod} needs a client secret`);
    return authMethod === 'client_secret_post' ? lib.ClientSecretPost(clientSecret) : lib.ClientSecretBasic(clientSecret);
  }

  private clientWithTolerance(lib: typeof oauth): oauth.Client {
    return { ...this.client, [lib.clockTolerance]: this.toleranceSec };
  }

  /** A bounded request; plain http only when the configuration names an http endpoint (development, loopback tests). */
  private requestOptions(lib: typeof oauth, endpoint: string) {
    return { signal: AbortSignal.timeout(this.timeoutMs), [lib.allowInsecureRequests]: endpoint.startsWith('http:') };
  }

  /** Runs one request, its failures as TokenRequestRefusedError or TokenEndpointUnavailableError. */
  private async call<T extends oauth.TokenEndpointResponse | undefined>(request: (lib: typeof oauth) => Promise<T>): Promise<Tokens> {
    const lib = await oauth4webapi();
    let answer: T;
    try {
      answer = await request(lib);
    } catch (error) {
      throw classify(lib, error);
    }
    if (!answer) return { accessToken: '', response: {} };
    return {
      accessToken: answer.access_token,
      ...(answer.refresh_token !== undefined && { refreshToken: answer.refresh_token }),
      ...(answer.id_token !== undefined && { idToken: answer.id_token }),
      ...(answer.expires_in !== undefined && { expiresIn: answer.expires_in }),
      ...(answer.scope !== undefined && { scope: answer.scope }),
      response: { ...answer },
    };
  }
}

/** OAuth errors the IdP sends when it is the one failing (RFC 6749 5.2 and 4.1.2.1): an outage, not a refusal. */
const OUTAGE_ERRORS = new Set(['server_error', 'temporarily_unavailable']);

function classify(lib: typeof oauth, error: unknown): Error {
  if (error instanceof lib.ResponseBodyError) {
    if (error.status >= 500 || OUTAGE_ERRORS.has(error.error)) {
      return new TokenEndpointUnavailableError(`the token endpoint answered ${error.status} ${error.error}`);
    }
    return new TokenRequestRefusedError(error.error, error.status, error.error_description);
  }
  if (error instanceof lib.WWWAuthenticateChallengeError) {
    const challenge = error.cause[0];
    const code = challenge?.parameters.error ?? 'invalid_client';
    if (error.status >= 500) return new TokenEndpointUnavailableError(`the token endpoint answered ${error.status}`);
    return new TokenRequestRefusedError(code, error.status, challenge?.parameters.error_description);
  }
  if (error instanceof lib.OperationProcessingError && error.code === lib.RESPONSE_IS_NOT_CONFORM) {
    const status = error.cause instanceof Response ? error.cause.status : undefined;
    return new TokenEndpointUnavailableError(`the token endpoint answered ${status ?? 'an unexpected status'}`);
  }
  // Not JSON at all (a proxy's maintenance page): the IdP is not working as it should.
  if (error instanceof lib.OperationProcessingError && (error.code === lib.RESPONSE_IS_NOT_JSON || error.code === lib.PARSE_ERROR)) {
    return new TokenEndpointUnavailableError(`the token endpoint's answer is not JSON`);
  }
  // An OAuth answer that fails the checks (claims, nonce, token_type).
  if (error instanceof lib.OperationProcessingError || error instanceof lib.UnsupportedOperationError) {
    return new TokenResponseInvalidError(error.message);
  }
  // Network failures and timeouts.
  return new TokenEndpointUnavailableError(describe(error));
}

/** fetch's errors (TypeError, AbortSignal.timeout's DOMException) need not be Errors of this realm: read by shape. */
function describe(error: unknown): string {
  const { name, message, cause } = (error ?? {}) as { name?: unknown; message?: unknown; cause?: { message?: unknown } };
  if (name === 'TimeoutError') return 'no answer in time';
  if (typeof message !== 'string') return String(error);
  return typeof cause?.message === 'string' ? `${message} (${cause.message})` : message;
}
