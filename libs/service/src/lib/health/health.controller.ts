import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '@fram/auth';
import { HealthReportDto } from './health-report';
import { HealthService } from './health.service';

/** Amundsen's `/healthcheck`: `{status, checks}`, 200 when all is well (or degraded), 503 when a check fails. */
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get('healthcheck')
  @ZodResponse({ status: 200, type: HealthReportDto, description: 'Every check passed (some may be degraded)' })
  @ApiResponse({ status: 503, type: HealthReportDto.Output, description: 'A check failed' })
  async healthcheck(@Res({ passthrough: true }) response: Response) {
    const report = await this.health.report();
    response.status(report.status === 'fail' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return report;
  }
}
