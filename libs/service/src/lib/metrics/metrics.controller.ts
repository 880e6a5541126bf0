import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { NoRoleRequired } from '@fram/auth';
import { MetricsService } from './metrics.service';

/**
 * `GET /metrics` in Prometheus's text format. Any valid token will do (give
 * the scraper a service app: Prometheus's oauth2 client_credentials); list
 * /metrics in PUBLIC_PATHS to scrape it without one on a private network.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @NoRoleRequired()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: "Prometheus's text format", content: { 'text/plain': { schema: { type: 'string' } } } })
  expose(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
