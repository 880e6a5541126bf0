import { InvalidTokenError } from '../errors/auth-errors';

/**
 * Refuses a token issued in the future beyond the clock tolerance, and one
 * whose `iat` is not a number. jsonwebtoken checks `exp` and `nbf` but not
 * `iat`. A token without `iat` passes: `exp` bounds its life, and
 * security.md asks only that a future `iat` be refused.
 */
export function checkIssuedAt(claims: Readonly<Record<string, unknown>>, toleranceSec: number, nowSec = Date.now() / 1000): void {
  if (!('iat' in claims)) return;
  const iat = claims['iat'];
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new InvalidTokenError('invalid iat');
  if (iat > Math.floor(nowSec) + toleranceSec) throw new InvalidTokenError('iat in the future');
}
