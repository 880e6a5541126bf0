import { Injectable } from '@nestjs/common';

export interface CheckResult {
  status: 'ok' | 'fail';
  [detail: string]: unknown;
}

export type HealthCheck = () => Promise<CheckResult>;

export interface HealthReport {
  status: 'ok' | 'fail';
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
    return { status: entries.every(([, r]) => r.status === 'ok') ? 'ok' : 'fail', checks };
  }
}
