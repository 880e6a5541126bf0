import { type Clock, systemClock } from '@fram/config';
import type { TokenClient } from './token-client';

export interface ClientCredentialsTokenOptions {
  /** A new token is fetched this long before the current one expires (default 30 s). */
  renewBeforeMs?: number;
  /** The lifetime assumed when the IdP does not say (default 1 hour). */
  defaultLifetimeSec?: number;
  clock?: Clock;
}

/**
 * A service's own access token (client_credentials for `scope`), fetched once
 * and reused until shortly before it expires; concurrent callers share one
 * request. Failures are TokenClient's errors.
 */
export class ClientCredentialsToken {
  private cached: { value: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private readonly clock: Clock;

  constructor(
    private readonly tokens: () => Promise<TokenClient>,
    private readonly scope: string,
    private readonly options: ClientCredentialsTokenOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
  }

  async get(): Promise<string> {
    if (this.cached && this.cached.expiresAt > this.clock.now() + (this.options.renewBeforeMs ?? 30_000)) return this.cached.value;
    this.pending ??= this.fetch().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Drops the token (e.g. the API it was for answered 401): the next get() fetches a new one. */
  forget(): void {
    this.cached = undefined;
  }

  private async fetch(): Promise<string> {
    const client = await this.tokens();
    const issued = this.clock.now();
    const { accessToken, expiresIn } = await client.clientCredentials(this.scope);
    this.cached = { value: accessToken, expiresAt: issued + (expiresIn ?? this.options.defaultLifetimeSec ?? 3600) * 1000 };
    return accessToken;
  }
}
