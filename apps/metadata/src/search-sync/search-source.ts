import { Injectable } from '@nestjs/common';
import type { IndexedResourceType } from '@fram/models';
import { CatalogStore } from '../store/ports/catalog-store';
import { ChangeFeed, type AuditEntry } from '../store/ports/change-feed';
import { DashboardStore, type StoredDashboard } from '../store/ports/dashboard-store';
import { FeatureStore, type StoredFeature } from '../store/ports/feature-store';
import { PeopleStore, type UserWithCounts } from '../store/ports/people-store';
import { TableStore, type StoredTable } from '../store/ports/table-store';

/** What search is kept current from: the change feed, the full listing, and the records they name (read in batches). */
@Injectable()
export class SearchSource {
  constructor(
    private readonly feed: ChangeFeed,
    private readonly catalog: CatalogStore,
    private readonly tables: TableStore,
    private readonly dashboards: DashboardStore,
    private readonly people: PeopleStore,
    private readonly features: FeatureStore,
  ) {}

  audit(limit: number, beforeId?: number): Promise<AuditEntry[]> {
    return this.feed.audit(limit, beforeId);
  }

  auditSince(afterId: number, limit: number): Promise<AuditEntry[]> {
    return this.feed.auditSince(afterId, limit);
  }

  listKeys(type: IndexedResourceType, after: string, limit: number): Promise<string[]> {
    return type === 'feature' ? this.features.listFeatureKeys(after, limit) : this.catalog.listKeys(type, after, limit);
  }

  tablesByKeys(keys: readonly string[]): Promise<StoredTable[]> {
    return this.tables.tablesByKeys(keys);
  }

  dashboardsByKeys(keys: readonly string[]): Promise<StoredDashboard[]> {
    return this.dashboards.dashboardsByKeys(keys);
  }

  usersByKeys(keys: readonly string[]): Promise<UserWithCounts[]> {
    return this.people.usersByKeys(keys);
  }

  featuresByKeys(keys: readonly string[]): Promise<StoredFeature[]> {
    return this.features.featuresByKeys(keys);
  }
}
