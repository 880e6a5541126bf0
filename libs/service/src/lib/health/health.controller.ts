import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@fram/auth';
import { HealthService, type HealthReport } from './health.service';

/** Amundsen's `/healthcheck`: `{status, checks}`, 200 when all is well (or degraded), 503 when a check fails. */
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get('healthcheck')
  async healthcheck(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.status === 'fail' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return report;
  }
}
