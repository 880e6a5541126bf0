import { DomainError } from '@fram/errors';

/**
 * 401: no usable bearer token. The message is the same whatever was wrong with
 * the token, so a caller learns nothing from probing; the reason is kept for
 * logs and tests only.
 */
export class InvalidTokenError extends DomainError {
  readonly status = 401;
  readonly code = 'invalid_token';

  constructor(readonly reason: string) {
    super('A valid bearer access token is required');
  }

  override get headers() {
    return { 'WWW-Authenticate': 'Bearer realm="fram", error="invalid_token"' };
  }
}

/** 403: the token is valid but lacks a role or scope the route needs. */
export class InsufficientScopeError extends DomainError {
  readonly status = 403;
  readonly code = 'insufficient_scope';

  /**
   * @param scopes scopes that would grant access, any one of them (sent in the
   *   challenge); none when no scope can (a person's roles come from groups)
   */
  constructor(
    readonly scopes: readonly string[],
    need: string,
  ) {
    super(`This request needs ${need}`);
  }

  override get headers() {
    const scope = this.scopes.length > 0 ? `, scope="${this.scopes.join(' ')}"` : '';
    return { 'WWW-Authenticate': `Bearer realm="fram", error="insufficient_scope"${scope}` };
  }
}

/**
 * 503: the token may well be valid, but no key to check it could be had
 * (the issuer's key set is unreachable and nothing cached fits).
 */
export class AuthUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'auth_unavailable';

  constructor(
    readonly issuer: string,
    readonly failure?: unknown,
  ) {
    super('Token verification is temporarily unavailable; try again shortly');
  }

  override get headers() {
    return { 'Retry-After': '5' };
  }
}
