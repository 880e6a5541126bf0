import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import type { Badge, DashboardSummary, TableSummary } from '@fram/models';
import { MetadataClient } from '../backends/backend-clients';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { parseInput } from '../common/request-input';

/** How many popular resources the home page shows (Amundsen's POPULAR_RESOURCES_COUNT). */
const POPULAR_COUNT = 4;

const popularQuery = z.object({
  types: z
    .string()
    .default('table,dashboard')
    .transform((v) => v.split(',').map((t) => t.trim().toLowerCase()))
    .refine((types) => types.every((t) => t === 'table' || t === 'dashboard'), 'types must list table and/or dashboard'),
});

/** The home page's taxonomy and freshness: popular resources, tags, badges, last indexed. */
@Controller('api/metadata/v0')
export class CatalogController {
  constructor(private readonly metadata: MetadataClient) {}

  @Get('popular_resources')
  async popular(@Query() query: unknown, @ForwardedToken() token: string) {
    const { types } = parseInput(popularQuery, query);
    const answer = await this.metadata.get<{ Table?: TableSummary[]; Dashboard?: DashboardSummary[] }>(
      `/popular_resources?limit=${POPULAR_COUNT}&types=${types.join(',')}`,
      token,
    );
    return {
      msg: 'Success',
      results: {
        table: (answer.Table ?? []).map((t) => ({ ...t, type: 'table' })),
        dashboard: (answer.Dashboard ?? []).map((d) => ({ ...d, type: 'dashboard' })),
      },
    };
  }

  @Get('tags')
  async tags(@ForwardedToken() token: string) {
    const answer = await this.metadata.get<{ tag_usages: { tag_name: string; tag_count: number }[] }>('/tags', token);
    return { msg: 'Success', tags: answer.tag_usages };
  }

  @Get('badges')
  async badges(@ForwardedToken() token: string) {
    const answer = await this.metadata.get<{ badges: Badge[] }>('/badges', token);
    return { msg: 'Success', badges: answer.badges };
  }

  /** When the catalog last changed (Amundsen's "last indexed"); null before any ingestion. */
  @Get('get_last_indexed')
  async lastIndexed(@ForwardedToken() token: string) {
    const answer = await this.metadata.get<{ neo4j_latest_timestamp?: number } | undefined>('/latest_updated_ts', token);
    return { msg: 'Success', timestamp: answer?.neo4j_latest_timestamp ?? null };
  }
}
