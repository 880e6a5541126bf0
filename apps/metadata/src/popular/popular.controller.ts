import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { InvalidInputError } from '@fram/errors';
import type { DashboardSummary, TableSummary } from '@fram/models';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { MetadataStore } from '../store/metadata-store';

const TYPES = ['table', 'dashboard'] as const;

/**
 * Amundsen's `/popular_resources/` and `/popular_resources/{user_id}`:
 * `{"Table": [...], "Dashboard": [...]}` (capitalised keys, as Amundsen has them).
 */
@Controller('popular_resources')
export class PopularController {
  constructor(
    private readonly store: MetadataStore,
    @Inject(METADATA_CONFIG) private readonly config: MetadataConfig,
  ) {}

  @Get()
  global(@Query('limit') limit?: string, @Query('types') types?: string) {
    return this.popular(undefined, limit, types);
  }

  @Get(':userId')
  personal(@Param('userId') userId: string, @Query('limit') limit?: string, @Query('types') types?: string) {
    return this.popular(userId, limit, types);
  }

  private async popular(userId: string | undefined, limitText: string | undefined, typesText: string | undefined) {
    const limit = limitText === undefined ? 10 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidInputError('limit must be a whole number from 1 to 500');
    const types = (typesText ?? 'table').split(',').map((t) => t.trim().toLowerCase());
    const unknown = types.find((t) => !(TYPES as readonly string[]).includes(t));
    if (unknown) throw new InvalidInputError(`Unknown resource type ${unknown}; use table and/or dashboard`);
    const result: { Table?: TableSummary[]; Dashboard?: DashboardSummary[] } = {};
    const min = this.config.popularMinReaders;
    if (types.includes('table')) result.Table = await this.store.popularTables(limit, min, userId);
    if (types.includes('dashboard')) result.Dashboard = await this.store.popularDashboards(limit, min, userId);
    return result;
  }
}
