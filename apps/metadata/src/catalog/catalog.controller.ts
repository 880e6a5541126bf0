import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse, ZodSerializerDto } from 'nestjs-zod';
import { BadgesDto, LatestUpdatedDto, maybeLatestUpdatedSchema, StatisticsDto, TagUsagesDto } from './catalog.dtos';
import { CatalogService } from './catalog.service';

/** Catalog-wide endpoints: tag usage, badges, last ingestion time, statistics. */
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('tags')
  @ZodResponse({ status: 200, type: TagUsagesDto })
  tags() {
    return this.catalog.tags();
  }

  @Get('badges')
  @ZodResponse({ status: 200, type: BadgesDto })
  badges() {
    return this.catalog.badges();
  }

  /** Fram's: the badges that may be put on resources (WHITELIST_BADGES), used or not; `/badges` lists those in use. */
  @Get('badges/allowed')
  @ZodResponse({ status: 200, type: BadgesDto })
  allowedBadges() {
    return this.catalog.allowedBadges();
  }

  /** 204 when nothing was ever ingested. */
  @Get('latest_updated_ts')
  @HttpCode(200)
  @ZodSerializerDto(maybeLatestUpdatedSchema)
  @ApiResponse({ status: 200, type: LatestUpdatedDto.Output })
  @ApiResponse({ status: 204, description: 'Nothing was ever ingested' })
  async latestUpdated(@Res({ passthrough: true }) res: Response) {
    const latest = await this.catalog.latestUpdated();
    if (latest === undefined) res.status(204);
    return latest;
  }

  @Get('system/statistics')
  @ZodResponse({ status: 200, type: StatisticsDto })
  statistics() {
    return this.catalog.statistics();
  }
}
