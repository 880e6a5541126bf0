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

/**
 * Why a token request failed, for a log line that follows "no token for
 * <client>: ": the token endpoint's OAuth error and description, or why it
 * could not be reached; never the request (so never a secret). Undefined for
 * anything else.
 */
export function tokenFailureReason(error: unknown): string | undefined {
  if (error instanceof TokenRequestRefusedError) {
    return `the token endpoint refused it (${error.error}${error.description ? `: ${error.description}` : ''})`;
  }
  if (error instanceof TokenEndpointUnavailableError) return `the token endpoint cannot be reached (${error.reason})`;
  if (error instanceof TokenResponseInvalidError) return `the token endpoint's answer was refused (${error.reason})`;
  return undefined;
}
