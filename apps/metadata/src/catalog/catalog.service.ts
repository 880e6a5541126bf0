import { Inject, Injectable } from '@nestjs/common';
import type { Badge } from '@fram/models';
import type { MetadataConfig } from '../config/metadata-config';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import { CatalogStore, type Statistics } from '../store/ports/catalog-store';

/** Catalog-wide figures, in Amundsen's shapes. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly catalog: CatalogStore,
    @Inject(METADATA_CONFIG) private readonly config: MetadataConfig,
  ) {}

  async tags(): Promise<{ tag_usages: { tag_name: string; tag_count: number }[] }> {
    return { tag_usages: await this.catalog.tagUsages() };
  }

  async badges(): Promise<{ badges: Badge[] }> {
    return { badges: await this.catalog.allBadges() };
  }

  allowedBadges(): { badges: Badge[] } {
    return { badges: [...this.config.badges] };
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
