import { DomainError } from '@fram/errors';
import { bearerChallenge, refusalDescription } from '../refusals/refusal-descriptions';
import type { TokenRefusalReason } from '../refusals/token-refusals';

/**
 * 401: no usable bearer token. The caller is told why in a fixed sentence per
 * refusal reason (refusals/refusal-descriptions: the body's message and the
 * challenge's `error_description`), never with anything from the token;
 * `reason` says exactly what was wrong, for logs and tests only.
 */
export class InvalidTokenError extends DomainError {
  readonly status = 401;
  readonly code = 'invalid_token';

  /**
   * @param reason what was wrong, in detail (logged, never sent)
   * @param refusal the kind of refusal, which picks what the caller is told;
   *   the guard sets it on every 401 it answers
   */
  constructor(
    readonly reason: string,
    readonly refusal: TokenRefusalReason = 'other',
  ) {
    super(refusalDescription(refusal));
  }

  override get headers() {
    return { 'WWW-Authenticate': bearerChallenge(this.refusal) };
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
