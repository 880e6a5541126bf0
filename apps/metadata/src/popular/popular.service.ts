import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '@fram/errors';
import type { DashboardSummary, TableSummary } from '@fram/models';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { PopularityStore } from '../store/ports/popularity-store';

const TYPES = ['table', 'dashboard'] as const;

/** Popular resources, globally or for a person, at least POPULAR_RESOURCES_MINIMUM_READER_COUNT readers each. */
@Injectable()
export class PopularService {
  constructor(
    private readonly popularity: PopularityStore,
    @Inject(METADATA_CONFIG) private readonly config: MetadataConfig,
  ) {}

  /** `{"Table": [...], "Dashboard": [...]}` (capitalised keys, as Amundsen has them), for the types asked for. */
  async popular(userId: string | undefined, limitText: string | undefined, typesText: string | undefined) {
    const limit = limitText === undefined ? 10 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidInputError('limit must be a whole number from 1 to 500');
    const types = (typesText ?? 'table').split(',').map((t) => t.trim().toLowerCase());
    const unknown = types.find((t) => !(TYPES as readonly string[]).includes(t));
    if (unknown) throw new InvalidInputError(`Unknown resource type ${unknown}; use table and/or dashboard`);
    const result: { Table?: TableSummary[]; Dashboard?: DashboardSummary[] } = {};
    const min = this.config.popularMinReaders;
    if (types.includes('table')) result.Table = await this.popularity.popularTables(limit, min, userId);
    if (types.includes('dashboard')) result.Dashboard = await this.popularity.popularDashboards(limit, min, userId);
    return result;
  }
}
