import type { Clock } from '@fram/config';

/** A Clock that moves only when a test says so (starts at the real time unless given one). */
export class ManualClock implements Clock {
  constructor(private current = Date.now()) {}

  now(): number {
    return this.current;
  }

  /** Moves the time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }
}
