import { JsonWebTokenError, NotBeforeError, TokenExpiredError } from 'jsonwebtoken';
import { InvalidTokenError } from '../errors/auth-errors';

/**
 * Checks a verified token's times on the given clock, each with the clock
 * tolerance: `exp` past, `nbf` ahead, `iat` ahead. jsonwebtoken reads only the
 * wall clock, so the strategy turns its `exp`/`nbf` checks off and calls this
 * instead; the errors are jsonwebtoken's own, so refusal reasons stay the same.
 * A token without `iat` passes: `exp` bounds its life, and security.md asks
 * only that a future `iat` be refused.
 */
export function checkTokenTimes(claims: Readonly<Record<string, unknown>>, toleranceSec: number, nowMs: number): void {
  const now = Math.floor(nowMs / 1000);
  const exp = claims['exp'];
  if (exp !== undefined) {
    if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new JsonWebTokenError('invalid exp value');
    if (now >= exp + toleranceSec) throw new TokenExpiredError('jwt expired', new Date(exp * 1000));
  }
  const nbf = claims['nbf'];
  if (nbf !== undefined) {
    if (typeof nbf !== 'number' || !Number.isFinite(nbf)) throw new JsonWebTokenError('invalid nbf value');
    if (nbf > now + toleranceSec) throw new NotBeforeError('jwt not active', new Date(nbf * 1000));
  }
  if (!('iat' in claims)) return;
  const iat = claims['iat'];
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new InvalidTokenError('invalid iat');
  if (iat > now + toleranceSec) throw new InvalidTokenError('iat in the future');
}
