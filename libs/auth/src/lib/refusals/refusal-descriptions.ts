import type { TokenRefusalReason } from './token-refusals';

/**
 * What a caller whose bearer token was refused is told, one fixed sentence per
 * reason: enough to act on (get a new token, ask for the right audience, check
 * the issuer), never anything taken from the token or the configuration (no
 * claim values, issuers or audiences), so it cannot echo a token or help
 * forge one. Each is sent as RFC 6750's `error_description` and as the JSON
 * body's message; they hold only characters allowed in that quoted-string
 * (printable ASCII without `"` and `\`), which a test checks.
 */
const DESCRIPTIONS: Readonly<Record<TokenRefusalReason, string>> = {
  missing: 'A bearer access token is required',
  malformed: 'The Authorization header must hold exactly one bearer token, a signed JWT',
  bad_algorithm: 'The access token is signed with an algorithm this service does not accept',
  unknown_key: 'The access token is signed with a key the issuer does not publish',
  bad_signature: 'The access token signature does not verify',
  wrong_issuer: 'The access token is issued by an issuer this service does not trust',
  wrong_audience: 'The access token is not issued for this API (aud)',
  expired: 'The access token expired',
  not_yet_valid: 'The access token is not valid yet (nbf or iat is in the future; check the clocks)',
  bad_claims: 'The access token lacks a required claim (sub, exp) or has one of the wrong type',
  other: 'The access token was refused',
};

/** The sentence a caller gets for a refusal (the JSON body's message). */
export function refusalDescription(reason: TokenRefusalReason): string {
  return DESCRIPTIONS[reason];
}

/**
 * The WWW-Authenticate challenge of a refusal. A request with no credentials
 * gets the bare challenge, without an error code (RFC 6750 section 3.1); any
 * other refusal is `invalid_token` with its description.
 */
export function bearerChallenge(reason: TokenRefusalReason): string {
  if (reason === 'missing') return 'Bearer realm="fram"';
  return `Bearer realm="fram", error="invalid_token", error_description="${DESCRIPTIONS[reason]}"`;
}
