import { createHash } from 'node:crypto';
import type { createClient } from 'redis';
import type { SignedIn } from '@fram/auth';

type RedisClient = ReturnType<typeof createClient>;

/** What became of one refresh: the new sign-in, or refused (the sign-in ends). */
export type RefreshOutcome = SignedIn | 'refused';

/**
 * Refreshes shared between frontends (port): with rotating refresh tokens,
 * two frontends refreshing one session at once would spend the same refresh
 * token twice, and the IdP ends the grant. One frontend takes the lock for a
 * refresh token and publishes the outcome; the others wait for it.
 */
export abstract class SharedRefreshes {
  /** The outcome another frontend published for this session and refresh token, if any. */
  abstract outcome(key: string): Promise<RefreshOutcome | undefined>;
  /** True when this frontend may refresh (no other one is doing it). */
  abstract lock(key: string): Promise<boolean>;
  abstract publish(key: string, outcome: RefreshOutcome): Promise<void>;
  abstract unlock(key: string): Promise<void>;
}

/** The key of one refresh: a hash, so that no token appears in Redis's key space. */
export function refreshKey(sessionId: string, refreshToken: string): string {
  return createHash('sha256').update(`${sessionId} ${refreshToken}`).digest('base64url');
}

/** SharedRefreshes in Redis (the session store's Redis): a lock with SET NX PX, the outcome kept 30 s. */
export class RedisSharedRefreshes extends SharedRefreshes {
  constructor(private readonly redis: RedisClient) {
    super();
  }

  async outcome(key: string): Promise<RefreshOutcome | undefined> {
    const value = await this.redis.get(`fram:refresh:${key}:outcome`);
    return value ? (JSON.parse(value) as RefreshOutcome) : undefined;
  }

  async lock(key: string): Promise<boolean> {
    return (await this.redis.set(`fram:refresh:${key}:lock`, '1', { NX: true, PX: 15_000 })) === 'OK';
  }

  async publish(key: string, outcome: RefreshOutcome): Promise<void> {
    await this.redis.set(`fram:refresh:${key}:outcome`, JSON.stringify(outcome), { PX: 30_000 });
  }

  async unlock(key: string): Promise<void> {
    await this.redis.del(`fram:refresh:${key}:lock`);
  }
}
