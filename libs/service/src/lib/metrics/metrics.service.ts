import { Injectable, Optional } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { TOKEN_REFUSAL_REASONS, TokenRefusals } from '@fram/auth';

/**
 * The app's Prometheus metrics (prom-client, in a registry of its own): the
 * Node process's (memory, CPU, event loop lag, GC), a histogram of HTTP
 * requests by method, route pattern and status, and (in apps with libs/auth)
 * `fram_auth_refused_total`: bearer tokens refused, by reason.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(@Optional() refusals?: TokenRefusals) {
    collectDefaultMetrics({ register: this.registry });
    if (refusals) {
      const refused = new Counter({
        name: 'fram_auth_refused_total',
        help: 'Bearer tokens refused (401), by reason',
        labelNames: ['reason'] as const,
        registers: [this.registry],
      });
      for (const reason of TOKEN_REFUSAL_REASONS) refused.inc({ reason }, 0); // every reason shown from the start
      refusals.onRefusal((reason) => refused.inc({ reason }));
    }
  }

  /** Express middleware timing every request; the route is the matched pattern (never the raw path, which could hold keys). */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const stop = this.requests.startTimer();
      res.once('finish', () => {
        const route = (req.route as { path?: unknown } | undefined)?.path;
        stop({
          method: req.method,
          route: typeof route === 'string' ? route : Array.isArray(route) ? String(route[0]) : 'unmatched',
          status: String(res.statusCode),
        });
      });
      next();
    };
  }
}
