import { Logger } from '@nestjs/common';
import { systemClock, type Clock } from '@fram/config';
import { AuthUnavailableError, InvalidTokenError } from '../errors/auth-errors';
import type { KeySetSource, VerificationKey } from './key-set-source';

export interface IssuerKeySetOptions {
  maxAgeMs: number;
  refetchCooldownMs: number;
  /** Least time between attempts after a failed fetch (bounded by the cool-down). */
  retryAfterFailureMs?: number;
  /** What max age, cool-down and retry interval are measured on (the system clock unless given). */
  clock?: Clock;
}

/**
 * The keys of one issuer. Keys are bound to their issuer: a token is only ever
 * checked against the keys of the issuer it names.
 *
 * - Known keys are answered from memory. When the set is older than maxAge it is
 *   refreshed in the background while the known keys keep working, also while
 *   the issuer is unreachable.
 * - An unknown `kid` causes at most one fetch per cool-down; concurrent fetches
 *   are coalesced into one. A fetched set replaces the old one, so a rotated
 *   key is picked up and a withdrawn key stops working.
 * - When no key can be had because the issuer cannot be reached, the answer is
 *   AuthUnavailableError (503), never InvalidTokenError (401).
 */
export class IssuerKeySet {
  private readonly logger = new Logger('IssuerKeySet');
  private readonly clock: Clock;
  private readonly retryAfterFailureMs: number;
  private keys = new Map<string, VerificationKey>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private lastAttemptError: unknown = undefined;
  private inflight: Promise<void> | undefined;
  private fetchCount = 0;

  constructor(
    readonly issuer: string,
    private readonly source: KeySetSource,
    private readonly options: IssuerKeySetOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.retryAfterFailureMs = Math.min(options.retryAfterFailureMs ?? 2000, options.refetchCooldownMs);
  }

  /** How many fetches were started (for tests and metrics). */
  get fetches(): number {
    return this.fetchCount;
  }

  /**
   * The key `kid` if the current set has it, without waiting; an old set is
   * refreshed in the background meanwhile.
   */
  peek(kid: string): VerificationKey | undefined {
    const known = this.keys.get(kid);
    if (known && this.clock.now() - this.loadedAt > this.options.maxAgeMs && this.mayFetch()) {
      void this.refresh().catch(() => undefined);
    }
    return known;
  }

  async getKey(kid: string): Promise<VerificationKey> {
    const known = this.peek(kid);
    if (known) return known;
    if (this.inflight) {
      await this.inflight.catch(() => undefined);
    } else if (this.mayFetch()) {
      await this.refresh().catch(() => undefined);
    }
    const found = this.keys.get(kid);
    if (found) return found;
    if (this.lastAttemptError !== undefined) throw new AuthUnavailableError(this.issuer, this.lastAttemptError);
    throw new InvalidTokenError(`unknown kid for ${this.issuer}`);
  }

  /**
   * For health checks: how many keys are held, and why the last fetch failed
   * if it did. With no keys, or keys older than maxAge, it fetches first
   * (coalesced, within the cool-down, bounded by the source's timeout), so an
   * issuer that stopped answering shows even when no token comes.
   */
  async state(): Promise<{ keys: number; error?: string }> {
    if (this.keys.size === 0 || this.clock.now() - this.loadedAt > this.options.maxAgeMs) {
      if (this.inflight) await this.inflight.catch(() => undefined);
      else if (this.mayFetch()) await this.refresh().catch(() => undefined);
    }
    return { keys: this.keys.size, ...(this.lastAttemptError !== undefined && { error: describe(this.lastAttemptError) }) };
  }

  /** Fetches the key set now unless a fetch is running (used to warm the cache at start). */
  warmUp(): Promise<void> {
    return this.inflight ?? this.refresh();
  }

  private mayFetch(): boolean {
    const wait = this.lastAttemptError === undefined ? this.options.refetchCooldownMs : this.retryAfterFailureMs;
    return this.clock.now() - this.lastAttemptAt >= wait;
  }

  private refresh(): Promise<void> {
    if (this.inflight) return this.inflight;
    this.lastAttemptAt = this.clock.now();
    this.fetchCount += 1;
    const attempt = this.source.fetchKeys().then(
      (keys) => {
        this.keys = new Map(keys.map((k) => [k.kid, k]));
        this.loadedAt = this.clock.now();
        this.lastAttemptError = undefined;
      },
      (error: unknown) => {
        this.lastAttemptError = error;
        this.logger.warn(`Cannot fetch the signing keys of ${this.issuer}: ${describe(error)}`);
        throw error;
      },
    );
    this.inflight = attempt.finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
