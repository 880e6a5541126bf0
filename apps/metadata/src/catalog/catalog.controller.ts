import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CatalogService } from './catalog.service';

/** Catalog-wide endpoints: tag usage, badges, last ingestion time, statistics. */
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('tags')
  tags() {
    return this.catalog.tags();
  }

  @Get('badges')
  badges() {
    return this.catalog.badges();
  }

  /** 204 when nothing was ever ingested. */
  @Get('latest_updated_ts')
  @HttpCode(200)
  async latestUpdated(@Res({ passthrough: true }) res: Response) {
    const latest = await this.catalog.latestUpdated();
    if (latest === undefined) res.status(204);
    return latest;
  }

  @Get('system/statistics')
  statistics() {
    return this.catalog.statistics();
  }
}
