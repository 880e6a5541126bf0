import { Inject, Injectable, Optional } from '@nestjs/common';

import type { CheckResult, CheckStatus, HealthReport } from './health-report';

export type { CheckResult, CheckStatus, HealthReport } from './health-report';

export type HealthCheck = () => Promise<CheckResult>;

/**
 * How long one check may take before it counts as failed: below the images'
 * 3 s HEALTHCHECK timeout, so /healthcheck answers even while a dependency
 * hangs (a Redis that keeps the connection but stops answering, an issuer
 * whose key set is slow to come).
 */
export const HEALTH_CHECK_TIMEOUT_MS = 2000;

/** Overrides HEALTH_CHECK_TIMEOUT_MS (tests). */
export const HEALTH_CHECK_TIMEOUT = Symbol('HEALTH_CHECK_TIMEOUT');

/** Collects the checks of a service's dependencies (stores, indices) and runs them, each within a deadline. */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(@Optional() @Inject(HEALTH_CHECK_TIMEOUT) private readonly timeoutMs: number = HEALTH_CHECK_TIMEOUT_MS) {}

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, CheckResult]> => {
        try {
          return [name, await this.withinDeadline(check)];
        } catch (error) {
          return [name, { status: 'fail', message: error instanceof Error ? error.message : String(error) }];
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const status: CheckStatus = entries.some(([, r]) => r.status !== 'ok' && r.status !== 'degraded')
      ? 'fail'
      : entries.some(([, r]) => r.status === 'degraded')
        ? 'degraded'
        : 'ok';
    return { status, checks };
  }

  /** The check's answer, or a failure once the deadline has passed; the timer never holds the process open. */
  private async withinDeadline(check: HealthCheck): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<CheckResult>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'fail', message: `timed out after ${this.timeoutMs} ms` }), this.timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([check(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
