import { DependencyUnavailableError, DomainError } from '@fram/errors';

/**
 * 502: the identity provider answered a token request with an OAuth error
 * (invalid_grant, invalid_client, invalid_scope, ...): asking again will not help.
 */
export class TokenRequestRefusedError extends DomainError {
  readonly status = 502;
  readonly code = 'token_request_refused';

  constructor(
    /** The OAuth error code, e.g. invalid_grant. */
    readonly error: string,
    /** The token endpoint's HTTP status. */
    readonly httpStatus: number,
    readonly description?: string,
  ) {
    super(`The identity provider refused the token request (${error}${description ? `: ${description}` : ''})`);
  }

  /** invalid_grant: the code or refresh token is dead (expired, revoked, already used); a session built on it ends. */
  get grantIsDead(): boolean {
    return this.error === 'invalid_grant';
  }
}

/** 503: the identity provider's token or revocation endpoint cannot be reached or is failing (5xx, timeout, an answer that is not OAuth). */
export class TokenEndpointUnavailableError extends DependencyUnavailableError {
  constructor(readonly reason: string) {
    super(`The identity provider is unavailable: ${reason}`);
  }
}

/**
 * 502: the identity provider's answer does not pass Fram's checks (an ID token
 * for another audience or with another nonce, a token_type Fram cannot use):
 * nothing to retry, and not a dead grant either.
 */
export class TokenResponseInvalidError extends DomainError {
  readonly status = 502;
  readonly code = 'invalid_token_response';

  constructor(readonly reason: string) {
    super(`The identity provider's token response was refused: ${reason}`);
  }
}
