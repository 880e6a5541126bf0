/**
 * The time, as a port: code that compares times (expiry, cool-downs, retry
 * intervals) reads it from an injected Clock so that tests move time instead
 * of sleeping. Provide `Clock` with `systemClock` in production.
 */
export abstract class Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  abstract now(): number;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => Date.now() };
