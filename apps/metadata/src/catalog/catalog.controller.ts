import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Badge } from '@fram/models';
import { MetadataStore, type Statistics } from '../store/metadata-store';

/** Catalog-wide endpoints: tag usage, badges, last ingestion time, statistics. */
@Controller()
export class CatalogController {
  constructor(private readonly store: MetadataStore) {}

  @Get('tags')
  async tags(): Promise<{ tag_usages: { tag_name: string; tag_count: number }[] }> {
    return { tag_usages: await this.store.tagUsages() };
  }

  @Get('badges')
  async badges(): Promise<{ badges: Badge[] }> {
    return { badges: await this.store.allBadges() };
  }

  /** Amundsen's name for it is kept: `{neo4j_latest_timestamp}`; 204 when nothing was ever ingested. */
  @Get('latest_updated_ts')
  @HttpCode(200)
  async latestUpdated(@Res({ passthrough: true }) res: Response): Promise<{ neo4j_latest_timestamp: number } | undefined> {
    const latest = await this.store.latestUpdatedTimestamp();
    if (latest === undefined) {
      res.status(204);
      return undefined;
    }
    return { neo4j_latest_timestamp: latest };
  }

  @Get('system/statistics')
  async statistics(): Promise<{ Statistics: Statistics }> {
    return { Statistics: await this.store.statistics() };
  }
}
