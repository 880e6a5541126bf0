import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@fram/config';
import { LRUCache } from 'lru-cache';
import type { AuthConfig } from '../config/auth-config';
import { AUTH_CONFIG } from '../config/auth-config.token';
import { KeyStore } from '../keys/key-store';
import type { Principal } from '../principal/principal';

interface Entry {
  principal: Principal;
  kid: string;
}

/**
 * Remembers tokens that passed full verification, keyed by the whole token
 * (signature included), so a client that sends the same access token again
 * (a browser session does so for an hour) is not checked from scratch each
 * time. A remembered token is only answered while:
 * - it has not expired (`exp`, with the same clock tolerance as verification);
 * - the key that verified it is still in its issuer's key set (a withdrawn or
 *   rotated-out key ends every token it signed at once).
 * Anything else goes through passport-jwt again. Size-bounded (LRU);
 * AUTH_TOKEN_CACHE_SIZE=0 turns it off.
 */
@Injectable()
export class VerifiedTokenCache {
  private readonly entries: LRUCache<string, Entry> | undefined;
  private readonly toleranceSec: number;

  constructor(
    @Inject(AUTH_CONFIG) config: AuthConfig,
    private readonly keys: KeyStore,
    private readonly clock: Clock,
  ) {
    this.toleranceSec = config.clockToleranceSec;
    this.entries = config.tokenCacheSize > 0 ? new LRUCache({ max: config.tokenCacheSize }) : undefined;
  }

  get(token: string): Principal | undefined {
    const entry = this.entries?.get(token);
    if (entry === undefined) return undefined;
    const { principal } = entry;
    if (this.clock.now() / 1000 >= principal.expiresAt + this.toleranceSec || !this.keys.isCurrent(principal.issuer, entry.kid)) {
      this.entries!.delete(token);
      return undefined;
    }
    return principal;
  }

  set(token: string, kid: string, principal: Principal): void {
    this.entries?.set(token, { principal, kid });
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
