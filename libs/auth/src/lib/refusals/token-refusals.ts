import { Injectable } from '@nestjs/common';
import { NotBeforeError, TokenExpiredError } from 'jsonwebtoken';
import { InvalidTokenError } from '../errors/auth-errors';

/**
 * Why a request's bearer token was refused (401), in a few fixed words an
 * operator can count and alert on. The caller is told the reason in a fixed
 * sentence (refusal-descriptions.ts), never more.
 */
export const TOKEN_REFUSAL_REASONS = [
  /** No Authorization header at all. */
  'missing',
  /** An Authorization header that is not exactly `Bearer <JWS>`, or a token that does not parse. */
  'malformed',
  /** An algorithm outside AUTH_ALGORITHMS (`none`, HS*), or not the key's. */
  'bad_algorithm',
  /** No `kid`, or one the issuer does not publish. */
  'unknown_key',
  /** The signature does not verify with the issuer's key. */
  'bad_signature',
  /** No `iss`, or an issuer not in AUTH_ISSUERS. */
  'wrong_issuer',
  /** An `aud` not in AUTH_AUDIENCE (ID tokens, Okta org-server tokens, another API's tokens). */
  'wrong_audience',
  /** `exp` is past, beyond the clock tolerance. */
  'expired',
  /** `nbf` or `iat` is in the future, beyond the clock tolerance. */
  'not_yet_valid',
  /** A claim missing or of the wrong type (`sub`, `exp`, `iat`, `nbf`). */
  'bad_claims',
  'other',
] as const;

export type TokenRefusalReason = (typeof TOKEN_REFUSAL_REASONS)[number];

/** The reason words of jsonwebtoken, passport-jwt and libs/auth's own refusals, by the start of their message. */
const BY_MESSAGE: readonly [RegExp, TokenRefusalReason][] = [
  [/^No auth token$/, 'missing'],
  [/^(malformed|jwt malformed|invalid token|jwt signature is required|jwt must be)/, 'malformed'],
  [/^(algorithm not allowed|invalid algorithm|alg differs from the key|please specify "none"|secretOrPublicKey must be)/, 'bad_algorithm'],
  [/^(no usable kid|unknown kid)/, 'unknown_key'],
  [/^invalid signature$/, 'bad_signature'],
  [/^(untrusted issuer|no iss$|jwt issuer invalid)/, 'wrong_issuer'],
  [/^jwt audience invalid/, 'wrong_audience'],
  [/^iat in the future$/, 'not_yet_valid'],
  [
    /^(no sub|no exp|invalid iat|invalid exp value|invalid nbf value|jwt subject invalid|jwt jwtid invalid|jwt nonce invalid)/,
    'bad_claims',
  ],
];

/**
 * The reason for a refusal reported by passport-jwt (jsonwebtoken's errors,
 * "No auth token") or thrown by libs/auth (InvalidTokenError). `hadHeader`:
 * whether the request carried an Authorization header (one passport-jwt could
 * not read is malformed, not missing).
 */
export function refusalReasonOf(failure: unknown, hadHeader: boolean): TokenRefusalReason {
  if (failure instanceof TokenExpiredError) return 'expired';
  if (failure instanceof NotBeforeError) return 'not_yet_valid';
  const message = failure instanceof InvalidTokenError ? failure.reason : failure instanceof Error ? failure.message : '';
  const reason = BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1] ?? 'other';
  return reason === 'missing' && hadHeader ? 'malformed' : reason;
}

const refused = new WeakMap<object, TokenRefusalReason>();

/** Why the token of this request was refused, if it was (for its log line). */
export function tokenRefusalOf(request: object): TokenRefusalReason | undefined {
  return refused.get(request);
}

/**
 * Every bearer token the guard refuses (401), by reason: /metrics counts them
 * (libs/service's MetricsService listens), the request's log line names the
 * reason (and the guard logs it, rate-limited: RefusalLog). Never the token.
 */
@Injectable()
export class TokenRefusals {
  private readonly listeners: ((reason: TokenRefusalReason) => void)[] = [];

  onRefusal(listener: (reason: TokenRefusalReason) => void): void {
    this.listeners.push(listener);
  }

  record(reason: TokenRefusalReason, request: object): void {
    refused.set(request, reason);
    for (const listener of this.listeners) listener(reason);
  }
}
