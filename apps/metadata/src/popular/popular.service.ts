import { Inject, Injectable } from '@nestjs/common';
import type { PopularQuery, PopularResources, PopularTables, PopularTablesQuery } from '@fram/models';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { PopularityStore } from '../store/ports/popularity-store';

/** Popular resources, globally or for a person, at least POPULAR_RESOURCES_MINIMUM_READER_COUNT readers each. */
@Injectable()
export class PopularService {
  constructor(
    private readonly popularity: PopularityStore,
    @Inject(METADATA_CONFIG) private readonly config: MetadataConfig,
  ) {}

  /** `{"Table": [...], "Dashboard": [...]}` (capitalised keys, as Amundsen has them), for the types asked for. */
  async popular(userId: string | undefined, { limit, types }: PopularQuery): Promise<PopularResources> {
    const result: PopularResources = {};
    const min = this.config.popularMinReaders;
    if (types.includes('table')) result.Table = await this.popularity.popularTables(limit, min, userId);
    if (types.includes('dashboard')) result.Dashboard = await this.popularity.popularDashboards(limit, min, userId);
    return result;
  }

  /** Amundsen's deprecated `{"popular_tables": [...]}`: the tables of `popular`. */
  async popularTables(userId: string | undefined, { limit }: PopularTablesQuery): Promise<PopularTables> {
    return { popular_tables: await this.popularity.popularTables(limit, this.config.popularMinReaders, userId) };
  }
}
