import { Logger } from '@nestjs/common';
import type { Clock } from '@fram/config';
import type { TokenRefusalReason } from './token-refusals';

/** Least time between two log lines for the same reason. */
export const REFUSAL_LOG_INTERVAL_MS = 10_000;
/** A detail longer than this is cut (library messages are short; this only bounds the unexpected). */
const MAX_DETAIL_LENGTH = 200;

/**
 * Logs refused bearer tokens at the default level, so an operator sees why
 * callers are turned away (a wrong AUTH_AUDIENCE, an untrusted issuer, skewed
 * clocks) without turning on debug logs: the reason, the route and what
 * exactly was wrong, never the token. At most one line per reason every
 * REFUSAL_LOG_INTERVAL_MS (on the injected Clock), so a flood of bad tokens
 * cannot flood the log; the next line for that reason says how many were left
 * out. A missing token (a caller that did not try) is logged at `log`,
 * every other refusal at `warn`. /metrics counts every refusal. (The words
 * "bearer" and "authorization" stay out of these lines, so that a search of the
 * logs for them finds only a leaked header: libs/service's request-logs spec.)
 */
export class RefusalLog {
  private readonly last = new Map<TokenRefusalReason, { at: number; skipped: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger = new Logger('Auth'),
  ) {}

  refused(reason: TokenRefusalReason, route: string, detail: string): void {
    const now = this.clock.now();
    const previous = this.last.get(reason);
    if (previous !== undefined && now - previous.at < REFUSAL_LOG_INTERVAL_MS) {
      previous.skipped += 1;
      return;
    }
    this.last.set(reason, { at: now, skipped: 0 });
    const skipped = previous !== undefined && previous.skipped > 0 ? `; ${previous.skipped} more since the last such line, not logged` : '';
    const line = `Refused an access token (${reason}) at ${route}: ${printable(detail)}${skipped}`;
    if (reason === 'missing') this.logger.log(line);
    else this.logger.warn(line);
  }
}

/** One line of printable ASCII, bounded. */
function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > MAX_DETAIL_LENGTH ? `${clean.slice(0, MAX_DETAIL_LENGTH)}...` : clean;
}
