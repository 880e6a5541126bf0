import { Injectable, Logger } from '@nestjs/common';
import { clientRequest, type SignedIn } from '@fram/auth';
import { OidcLoginService } from '../login/oidc-login.service';
import { refreshKey, type SharedRefreshes } from './shared-refreshes';

/** Refresh this long before the access token expires (or at half its life, if shorter). */
const REFRESH_MARGIN_MS = 60_000;

/** How long a refresh's result is handed to the session's other requests that started with the old token. */
const SHARE_MS = 30_000;

/** How long a frontend waits for another one's refresh before refreshing itself. */
const WAIT_FOR_OTHER_MS = 12_000;

/**
 * Keeps a session's access token fresh with its refresh token (rotated by
 * the IdP). Concurrent requests of one session share one refresh — keyed by
 * the refresh token they hold, and kept a little after it finished, since a
 * request that loaded the session earlier still holds the old token. With
 * several frontends (sessions in Redis), one of them refreshes and the others
 * take its outcome (SharedRefreshes). A refresh that fails ends the sign-in
 * (the caller then gets 401).
 */
@Injectable()
export class TokenRefresher {
  private readonly logger = new Logger('TokenRefresher');
  private readonly running = new Map<string, Promise<SignedIn | undefined>>();

  constructor(
    private readonly login: OidcLoginService,
    private readonly shared?: SharedRefreshes,
  ) {}

  needsRefresh(signedIn: SignedIn, issuedFor: number): boolean {
    const life = signedIn.expiresAt - issuedFor;
    return Date.now() >= signedIn.expiresAt - Math.min(REFRESH_MARGIN_MS, life / 2);
  }

  /** The refreshed sign-in, or undefined when it cannot be refreshed (no refresh token, refused). */
  refresh(sessionId: string, signedIn: SignedIn): Promise<SignedIn | undefined> {
    const key = `${sessionId} ${signedIn.refreshToken ?? ''}`;
    let refresh = this.running.get(key);
    if (!refresh) {
      refresh =
        this.shared && signedIn.refreshToken
          ? this.coordinated(refreshKey(sessionId, signedIn.refreshToken), signedIn, this.shared)
          : this.exchange(signedIn);
      this.running.set(key, refresh);
      void refresh.finally(() => setTimeout(() => this.running.delete(key), SHARE_MS).unref());
    }
    return refresh;
  }

  /** One refresh across frontends: take another frontend's outcome, or refresh under the lock and publish it. */
  private async coordinated(key: string, signedIn: SignedIn, shared: SharedRefreshes): Promise<SignedIn | undefined> {
    const deadline = Date.now() + WAIT_FOR_OTHER_MS;
    try {
      for (;;) {
        const outcome = await shared.outcome(key);
        if (outcome) return outcome === 'refused' ? undefined : outcome;
        if (await shared.lock(key)) break;
        if (Date.now() > deadline) break; // the other frontend is gone: refresh here
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } catch (error) {
      this.logger.warn(`Redis could not coordinate a refresh (${error instanceof Error ? error.message : String(error)}); refreshing here`);
      return this.exchange(signedIn);
    }
    const refreshed = await this.exchange(signedIn);
    const done = refreshed === undefined ? 'refused' : refreshed === signedIn ? undefined : refreshed; // unchanged: the IdP was unreachable
    await (done ? shared.publish(key, done) : Promise.resolve())
      .then(() => shared.unlock(key))
      .catch((error: unknown) =>
        this.logger.warn(`Redis could not share a refresh: ${error instanceof Error ? error.message : String(error)}`),
      );
    return refreshed;
  }

  private async exchange(signedIn: SignedIn): Promise<SignedIn | undefined> {
    if (!signedIn.refreshToken) return undefined;
    const endpoints = await this.login.endpoints();
    const { headers, body } = clientRequest(this.login.config, { grant_type: 'refresh_token', refresh_token: signedIn.refreshToken });
    const response = await fetch(endpoints.token_endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) }).catch(
      () => undefined,
    );
    if (!response) return signedIn; // the IdP is unreachable: keep the session, try again on the next request
    const json = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      refresh_token?: string;
      id_token?: string;
      expires_in?: number;
      error?: string;
    };
    if (!response.ok || !json.access_token) {
      this.logger.log(`A session's refresh was refused (${json.error ?? response.status}); it ends`);
      return undefined;
    }
    return {
      ...signedIn,
      accessToken: json.access_token,
      refreshToken: json.refresh_token ?? signedIn.refreshToken,
      idToken: json.id_token ?? signedIn.idToken,
      expiresAt: Date.now() + (json.expires_in ?? 300) * 1000,
    };
  }
}
