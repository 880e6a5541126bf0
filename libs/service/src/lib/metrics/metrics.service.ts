import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The app's Prometheus metrics (prom-client, in a registry of its own): the
 * Node process's (memory, CPU, event loop lag, GC) and a histogram of HTTP
 * requests by method, route pattern and status.
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

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Express middleware timing every request; the route is the matched pattern (never the raw path, which could hold keys). */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const stop = this.requests.startTimer();
      res.once('finish', () => {
        const route = (req.route as { path?: unknown } | undefined)?.path;
        stop({ method: req.method, route: typeof route === 'string' ? route : Array.isArray(route) ? String(route[0]) : 'unmatched', status: String(res.statusCode) });
      });
      next();
    };
  }
}
