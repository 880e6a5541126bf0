import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock, systemClock } from '@fram/config';
import { AUTH_CONFIG } from '../config/auth-config.token';
import type { AuthConfig } from '../config/auth-config';
import { InvalidTokenError } from '../errors/auth-errors';
import { IssuerKeySet } from './issuer-key-set';
import { DiscoveredKeySetSource, type VerificationKey } from './key-set-source';

export interface IssuerKeyHealth {
  status: 'ok' | 'degraded' | 'fail';
  keys: number;
  message?: string;
}

export interface KeyStoreHealth {
  status: 'ok' | 'degraded' | 'fail';
  issuers: Record<string, IssuerKeyHealth>;
}

/** The key sets of every trusted issuer, one each. */
@Injectable()
export class KeyStore implements OnApplicationBootstrap {
  private readonly logger = new Logger('KeyStore');
  private readonly sets: ReadonlyMap<string, IssuerKeySet>;

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig, @Optional() clock: Clock = systemClock) {
    this.sets = new Map(
      config.issuers.map((issuer) => [
        issuer,
        new IssuerKeySet(issuer, new DiscoveredKeySetSource(issuer, config.jwks.timeoutMs), {
          maxAgeMs: config.jwks.maxAgeMs,
          refetchCooldownMs: config.jwks.refetchCooldownMs,
          clock,
        }),
      ]),
    );
  }

  /** The key `kid` of `issuer`; only trusted issuers have keys. */
  getKey(issuer: string, kid: string): Promise<VerificationKey> {
    const set = this.sets.get(issuer);
    if (!set) return Promise.reject(new InvalidTokenError('untrusted issuer'));
    return set.getKey(kid);
  }

  /** True while `issuer`'s current key set still holds `kid`. */
  isCurrent(issuer: string, kid: string): boolean {
    return this.sets.get(issuer)?.peek(kid) !== undefined;
  }

  keySet(issuer: string): IssuerKeySet | undefined {
    return this.sets.get(issuer);
  }

  /**
   * Which issuers' tokens can be checked: `ok` with a fresh key set,
   * `degraded` with keys cached whose refresh failed (tokens are still
   * checked), `fail` with no key (that issuer's tokens get 503). Overall the
   * worst of them.
   */
  async health(): Promise<KeyStoreHealth> {
    const issuers = await Promise.all(
      [...this.sets.values()].map(async (set): Promise<[string, IssuerKeyHealth]> => {
        const { keys, error } = await set.state();
        const status = keys === 0 ? 'fail' : error === undefined ? 'ok' : 'degraded';
        return [set.issuer, { status, keys, ...(error !== undefined && { message: error }) }];
      }),
    );
    const statuses = new Set(issuers.map(([, h]) => h.status));
    const status = statuses.has('fail') ? 'fail' : statuses.has('degraded') ? 'degraded' : 'ok';
    return { status, issuers: Object.fromEntries(issuers) };
  }

  /** Fetches every issuer's keys in the background so the first request does not wait. */
  onApplicationBootstrap(): void {
    for (const set of this.sets.values()) {
      set.warmUp().catch(() => this.logger.warn(`Will fetch the keys of ${set.issuer} again on the first request`));
    }
  }
}
