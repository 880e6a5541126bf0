import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { IncomingMessage } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { decode, type JwtPayload } from 'jsonwebtoken';
import { Strategy, type SecretOrKeyProvider } from 'passport-jwt';
import { Clock } from '@fram/config';
import type { AuthConfig } from '../config/auth-config';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { extractBearerToken } from '../bearer/bearer-token';
import { InvalidTokenError } from '../errors/auth-errors';
import { KeyStore } from '../keys/key-store';
import { VerifiedTokenCache } from '../cache/verified-token-cache';
import { toPrincipal } from '../principal/principal-mapper';
import type { Principal } from '../principal/principal';
import { checkTokenTimes } from './token-times';

export const BEARER_STRATEGY = 'fram-bearer';

/**
 * passport-jwt, configured as a strict OAuth 2.0 resource server: the token
 * only from the Authorization header; the key chosen by the token's issuer
 * (trusted ones only) and `kid` from that issuer's own key set; signature,
 * `iss` and `aud` checked by jsonwebtoken with an explicit algorithm
 * allowlist; `exp`, `nbf` and `iat` checked here on the injected Clock with a
 * capped clock tolerance (jsonwebtoken reads only the wall clock).
 */
@Injectable()
export class BearerJwtStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  /** The kid that verified each request's token, for the cache. */
  private readonly kids: WeakMap<IncomingMessage, string>;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    keys: KeyStore,
    private readonly cache: VerifiedTokenCache,
    private readonly clock: Clock,
  ) {
    const algorithms = config.algorithms as readonly string[];
    const kids = new WeakMap<IncomingMessage, string>();
    super({
      jwtFromRequest: extractBearerToken,
      // jsonwebtoken verifies with a KeyObject as it is; passport-jwt's types only know strings and Buffers.
      secretOrKeyProvider: ((request: IncomingMessage, token: string, done: (error: unknown, key?: KeyObject) => void) => {
        let issuer: string;
        let kid: string;
        let alg: string;
        try {
          ({ issuer, kid, alg } = inspectUnverified(token, algorithms));
        } catch (error) {
          done(error);
          return;
        }
        keys.getKey(issuer, kid).then(
          (found) => {
            if (found.alg !== undefined && found.alg !== alg) return done(new InvalidTokenError('alg differs from the key'));
            kids.set(request, kid);
            done(null, found.key);
          },
          (error: unknown) => done(error),
        );
      }) as unknown as SecretOrKeyProvider,
      issuer: [...config.issuers],
      audience: [...config.audiences] as [string, ...string[]],
      algorithms: [...config.algorithms],
      // Times are checked in validate(), on the injected Clock: checkTokenTimes.
      ignoreExpiration: true,
      jsonWebTokenOptions: { ignoreNotBefore: true },
      passReqToCallback: true,
    });
    this.kids = kids;
  }

  /** Called by passport-jwt with the verified payload. */
  validate(request: IncomingMessage, payload: JwtPayload): Principal {
    // Before the cache: a token refused here is never remembered as verified.
    checkTokenTimes(payload, this.config.clockToleranceSec, this.clock.now());
    const principal = toPrincipal(payload, payload.iss as string, this.config);
    const token = extractBearerToken(request);
    const kid = this.kids.get(request);
    if (token !== null && kid !== undefined) this.cache.set(token, kid, principal);
    return principal;
  }
}

/**
 * Reads what is needed to pick a key, before anything is verified, and
 * refuses early whatever could never verify: not a JWS, an algorithm outside
 * the allowlist, no `kid`, no issuer. Header members such as `jku`, `jwk`,
 * `x5u` and `x5c` are never used.
 */
function inspectUnverified(token: string, algorithms: readonly string[]): { issuer: string; kid: string; alg: string } {
  let decoded: ReturnType<typeof decode>;
  try {
    decoded = decode(token, { complete: true });
  } catch {
    throw new InvalidTokenError('malformed');
  }
  if (decoded === null || !isPlainObject(decoded.header) || !isPlainObject(decoded.payload)) {
    throw new InvalidTokenError('malformed');
  }
  const { alg, kid } = decoded.header as { alg?: unknown; kid?: unknown };
  const { iss } = decoded.payload as { iss?: unknown };
  if (typeof alg !== 'string' || !algorithms.includes(alg)) throw new InvalidTokenError('algorithm not allowed');
  if (typeof kid !== 'string' || kid === '' || kid.length > 256) throw new InvalidTokenError('no usable kid');
  if (typeof iss !== 'string') throw new InvalidTokenError('no iss');
  return { issuer: iss, kid, alg };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
