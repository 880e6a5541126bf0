import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import type { ColumnLineageRecord, DashboardRecord, LineageRecord, ReadRecord, TableRecord, User } from '@fram/models';
import type { FeatureLineageRecord, FeatureRecord } from '@fram/models';
import { editBy } from '../common/edit-access';
import { DashboardStore } from '../store/ports/dashboard-store';
import { FeatureStore } from '../store/ports/feature-store';
import { LineageStore } from '../store/ports/lineage-store';
import { PeopleStore } from '../store/ports/people-store';
import { PopularityStore } from '../store/ports/popularity-store';
import { TableStore } from '../store/ports/table-store';

/**
 * Bulk ingestion: batches validated whole by their DTOs (a bad record refuses
 * the batch and changes nothing), then upserted idempotently.
 */
@Injectable()
export class IngestionService {
  constructor(
    private readonly tableStore: TableStore,
    private readonly people: PeopleStore,
    private readonly popularity: PopularityStore,
    private readonly lineageStore: LineageStore,
    private readonly dashboardStore: DashboardStore,
    private readonly featureStore: FeatureStore,
  ) {}

  async tables(tables: TableRecord[], principal: Principal) {
    return { upserted: await this.tableStore.upsertTables(tables, editBy(principal)) };
  }

  async users(users: User[], principal: Principal) {
    const edit = editBy(principal);
    for (const user of users) await this.people.upsertUser(user, edit);
    return { upserted: users.length };
  }

  async reads(reads: ReadRecord[], principal: Principal) {
    return { upserted: await this.popularity.upsertReads(reads, editBy(principal)) };
  }

  /** Table-to-table lineage edges (table keys). */
  async lineage(lineage: LineageRecord[], principal: Principal) {
    return { upserted: await this.lineageStore.upsertLineage(lineage, editBy(principal)) };
  }

  /** Column-to-column lineage edges (column keys). */
  async columnLineage(lineage: ColumnLineageRecord[], principal: Principal) {
    return { upserted: await this.lineageStore.upsertColumnLineage(lineage, editBy(principal)) };
  }

  async dashboards(dashboards: DashboardRecord[], principal: Principal) {
    return { upserted: await this.dashboardStore.upsertDashboards(dashboards, editBy(principal)) };
  }

  async features(features: FeatureRecord[], principal: Principal) {
    return { upserted: await this.featureStore.upsertFeatures(features, editBy(principal)) };
  }

  /** Feature-to-feature lineage edges (feature keys). */
  async featureLineage(lineage: FeatureLineageRecord[], principal: Principal) {
    return { upserted: await this.featureStore.upsertFeatureLineage(lineage, editBy(principal)) };
  }
}
