import { Logger } from '@nestjs/common';
import { TokenRequestRefusedError, type SignedIn, type TokenClient } from '@fram/auth';
import { type Clock, systemClock } from '@fram/config';
import { refreshKey, type SharedRefreshes } from './shared-refreshes';

/** Refresh this long before the access token expires (or at half its life, if shorter). */
const REFRESH_MARGIN_MS = 60_000;

/** How long a refresh's result is handed to the session's other requests that started with the old token. */
const SHARE_MS = 30_000;

/** How often, and how many times, a frontend looks for another one's refresh before refreshing itself (12 s in all). */
const POLL_MS = 50;
const POLLS = 240;

/**
 * Keeps a session's access token fresh with its refresh token (rotated by
 * the IdP). Concurrent requests of one session share one refresh — keyed by
 * the refresh token they hold, and kept a little after it finished, since a
 * request that loaded the session earlier still holds the old token. With
 * several frontends (sessions in Redis), one of them refreshes and the others
 * take its outcome (SharedRefreshes).
 *
 * Only a dead grant (invalid_grant: the refresh token expired, was revoked or
 * was already used) ends the sign-in; an IdP that is down or refuses for
 * another reason (its 5xx, a timeout, invalid_client) leaves the session as it
 * is, and the refresh fails with that error (TokenEndpointUnavailableError,
 * TokenRequestRefusedError), to be tried again on the next request. Times are
 * read from `clock`.
 */
export class TokenRefresher {
  private readonly logger = new Logger('TokenRefresher');
  private readonly running = new Map<string, Promise<SignedIn | undefined>>();

  constructor(
    private readonly tokens: () => Promise<TokenClient>,
    private readonly clock: Clock = systemClock,
    private readonly shared?: SharedRefreshes,
  ) {}

  needsRefresh(signedIn: SignedIn, issuedFor: number): boolean {
    const life = signedIn.expiresAt - issuedFor;
    return this.clock.now() >= signedIn.expiresAt - Math.min(REFRESH_MARGIN_MS, life / 2);
  }

  /** True while the session's access token has not expired (what an outage of the IdP leaves a session with). */
  stillValid(signedIn: SignedIn): boolean {
    return this.clock.now() < signedIn.expiresAt;
  }

  /**
   * The refreshed sign-in, or undefined when the sign-in is over (no refresh
   * token, or the grant is dead); rejects when the IdP cannot refresh it now.
   */
  refresh(sessionId: string, signedIn: SignedIn): Promise<SignedIn | undefined> {
    const key = `${sessionId} ${signedIn.refreshToken ?? ''}`;
    let refresh = this.running.get(key);
    if (!refresh) {
      refresh =
        this.shared && signedIn.refreshToken
          ? this.coordinated(refreshKey(sessionId, signedIn.refreshToken), signedIn, this.shared)
          : this.exchange(signedIn);
      this.running.set(key, refresh);
      // An outcome is shared a while; a failure is not, so that the next request tries again.
      void refresh.then(
        () => setTimeout(() => this.running.delete(key), SHARE_MS).unref(),
        () => this.running.delete(key),
      );
    }
    return refresh;
  }

  /** One refresh across frontends: take another frontend's outcome, or refresh under the lock and publish it. */
  private async coordinated(key: string, signedIn: SignedIn, shared: SharedRefreshes): Promise<SignedIn | undefined> {
    let owner: string | undefined;
    try {
      for (let poll = 0; poll < POLLS && owner === undefined; poll++) {
        const outcome = await shared.outcome(key);
        if (outcome) return outcome === 'refused' ? undefined : outcome;
        owner = await shared.lock(key);
        if (owner === undefined) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      // No lock after all the polls: the other frontend is gone, refresh here.
    } catch (error) {
      this.logger.warn(`Redis could not coordinate a refresh (${error instanceof Error ? error.message : String(error)}); refreshing here`);
      return this.exchange(signedIn);
    }
    try {
      const refreshed = await this.exchange(signedIn);
      await shared
        .publish(key, refreshed ?? 'refused')
        .catch((error: unknown) =>
          this.logger.warn(`Redis could not share a refresh: ${error instanceof Error ? error.message : String(error)}`),
        );
      return refreshed;
    } finally {
      // Not published on failure: another frontend (or this one, on the next request) tries again.
      if (owner !== undefined) {
        await shared
          .unlock(key, owner)
          .catch((error: unknown) =>
            this.logger.warn(`Redis could not release a refresh lock: ${error instanceof Error ? error.message : String(error)}`),
          );
      }
    }
  }

  private async exchange(signedIn: SignedIn): Promise<SignedIn | undefined> {
    if (!signedIn.refreshToken) return undefined;
    const client = await this.tokens();
    const requested = this.clock.now();
    try {
      const tokens = await client.refresh(signedIn.refreshToken);
      return {
        ...signedIn,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken ?? signedIn.refreshToken,
        idToken: tokens.idToken ?? signedIn.idToken,
        expiresAt: requested + (tokens.expiresIn ?? 300) * 1000,
      };
    } catch (error) {
      if (error instanceof TokenRequestRefusedError && error.grantIsDead) {
        this.logger.log(`A session's refresh token was refused (${error.error}); the sign-in ends`);
        return undefined;
      }
      this.logger.warn(`A session could not be refreshed; it is kept: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }
}
