import { Injectable } from '@nestjs/common';
import type { Badge, DashboardSummary } from '@fram/models';
import { MetadataClient } from '../backends/backend-clients';
import { dashboardItem, tableItem, type TableSummaryAnswer } from './amundsen-marshal';

/** How many popular resources the home page shows (Amundsen's POPULAR_RESOURCES_COUNT, there 4 by default). */
const POPULAR_COUNT = 10;

/** The home page's taxonomy and freshness, from metadata, asked with the caller's access token. */
@Injectable()
export class FrontendCatalogService {
  constructor(private readonly metadata: MetadataClient) {}

  async popular(types: readonly string[], token: string) {
    const answer = await this.metadata.get<{ Table?: TableSummaryAnswer[]; Dashboard?: DashboardSummary[] }>(
      `/popular_resources?limit=${POPULAR_COUNT}&types=${types.join(',')}`,
      token,
    );
    return {
      msg: 'Success',
      results: {
        table: (answer.Table ?? []).map(tableItem),
        dashboard: (answer.Dashboard ?? []).map(dashboardItem),
      },
    };
  }

  async tags(token: string) {
    const answer = await this.metadata.get<{ tag_usages: { tag_name: string; tag_count: number }[] }>('/tags', token);
    return { msg: 'Success', tags: answer.tag_usages };
  }

  async badges(token: string) {
    const answer = await this.metadata.get<{ badges: Badge[] }>('/badges', token);
    return { msg: 'Success', badges: answer.badges };
  }

  async allowedBadges(token: string) {
    const answer = await this.metadata.get<{ badges: Badge[] }>('/badges/allowed', token);
    return { msg: 'Success', badges: answer.badges };
  }

  /** When the catalog last changed (Amundsen's "last indexed"); null before any ingestion. */
  async lastIndexed(token: string) {
    const answer = await this.metadata.get<{ neo4j_latest_timestamp?: number } | undefined>('/latest_updated_ts', token);
    return { msg: 'Success', timestamp: answer?.neo4j_latest_timestamp ?? null };
  }
}
