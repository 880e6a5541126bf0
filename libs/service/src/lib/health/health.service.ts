import { Injectable } from '@nestjs/common';

/** `degraded`: working, on borrowed time (e.g. cached keys that cannot be refreshed); it does not fail the service. */
export type CheckStatus = 'ok' | 'degraded' | 'fail';

export interface CheckResult {
  status: CheckStatus;
  [detail: string]: unknown;
}

export type HealthCheck = () => Promise<CheckResult>;

export interface HealthReport {
  /** The worst of the checks: `fail` answers 503. */
  status: CheckStatus;
  checks: Record<string, CheckResult>;
}

/** Collects the checks of a service's dependencies (stores, indices) and runs them. */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, CheckResult]> => {
        try {
          return [name, await check()];
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
}
