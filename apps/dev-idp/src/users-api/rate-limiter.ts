/** Okta-style fixed one-minute windows per caller. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    readonly limit = 600,
    private readonly now: () => number = Date.now,
  ) {}

  take(caller: string): { limit: number; remaining: number; resetEpochSec: number; exceeded: boolean } {
    const minute = Math.floor(this.now() / 60_000) * 60_000;
    let window = this.windows.get(caller);
    if (!window || window.start !== minute) {
      window = { start: minute, used: 0 };
      this.windows.set(caller, window);
    }
    window.used += 1;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.used),
      resetEpochSec: (minute + 60_000) / 1000,
      exceeded: window.used > this.limit,
    };
  }
}
