import { Injectable } from '@nestjs/common';
import type { Badge } from '@fram/models';
import { CatalogStore, type Statistics } from '../store/ports/catalog-store';

/** Catalog-wide figures, in Amundsen's shapes. */
@Injectable()
export class CatalogService {
  constructor(private readonly catalog: CatalogStore) {}

  async tags(): Promise<{ tag_usages: { tag_name: string; tag_count: number }[] }> {
    return { tag_usages: await this.catalog.tagUsages() };
  }

  async badges(): Promise<{ badges: Badge[] }> {
    return { badges: await this.catalog.allBadges() };
  }

  /** Amundsen's name for it is kept: `{neo4j_latest_timestamp}`; undefined when nothing was ever ingested. */
  async latestUpdated(): Promise<{ neo4j_latest_timestamp: number } | undefined> {
    const latest = await this.catalog.latestUpdatedTimestamp();
    return latest === undefined ? undefined : { neo4j_latest_timestamp: latest };
  }

  async statistics(): Promise<{ Statistics: Statistics }> {
    return { Statistics: await this.catalog.statistics() };
  }
}
