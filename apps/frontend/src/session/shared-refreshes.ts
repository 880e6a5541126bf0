import { createHash, randomBytes } from 'node:crypto';
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
  /** The lock's owner token when this frontend may refresh (no other one is doing it), else undefined. */
  abstract lock(key: string): Promise<string | undefined>;
  abstract publish(key: string, outcome: RefreshOutcome): Promise<void>;
  /** Releases the lock if `owner` still holds it (its time may have run out and another frontend taken it). */
  abstract unlock(key: string, owner: string): Promise<void>;
}

/** The key of one refresh: a hash, so that no token appears in Redis's key space. */
export function refreshKey(sessionId: string, refreshToken: string): string {
  return createHash('sha256').update(`${sessionId} ${refreshToken}`).digest('base64url');
}

/** A lock outlives a frontend that died while refreshing by this long at most. */
const LOCK_MS = 15_000;

/** Deletes the lock only when it holds the caller's owner token (compare-and-delete, atomic in Redis). */
const UNLOCK_SCRIPT = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * SharedRefreshes in Redis (the session store's Redis): a lock with SET NX PX
 * holding a random owner token, released by compare-and-delete; the outcome
 * kept 30 s.
 */
export class RedisSharedRefreshes extends SharedRefreshes {
  constructor(private readonly redis: RedisClient) {
    super();
  }

  async outcome(key: string): Promise<RefreshOutcome | undefined> {
    const value = await this.redis.get(`fram:refresh:${key}:outcome`);
    return value ? (JSON.parse(value) as RefreshOutcome) : undefined;
  }

  async lock(key: string): Promise<string | undefined> {
    const owner = randomBytes(16).toString('base64url');
    return (await this.redis.set(`fram:refresh:${key}:lock`, owner, { NX: true, PX: LOCK_MS })) === 'OK' ? owner : undefined;
  }

  async publish(key: string, outcome: RefreshOutcome): Promise<void> {
    await this.redis.set(`fram:refresh:${key}:outcome`, JSON.stringify(outcome), { PX: 30_000 });
  }

  async unlock(key: string, owner: string): Promise<void> {
    await this.redis.eval(UNLOCK_SCRIPT, { keys: [`fram:refresh:${key}:lock`], arguments: [owner] });
  }
}
