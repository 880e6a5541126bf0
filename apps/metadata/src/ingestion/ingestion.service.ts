import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import type {
  ColumnLineageRecord,
  DashboardRecord,
  IngestRecordKind,
  IngestRecordOf,
  LineageRecord,
  ReadRecord,
  TableRecord,
  User,
} from '@fram/models';
import type { FeatureLineageRecord, FeatureRecord } from '@fram/models';
import { editBy } from '../common/edit-access';
import { DashboardStore } from '../store/ports/dashboard-store';
import { FeatureStore } from '../store/ports/feature-store';
import { LineageStore } from '../store/ports/lineage-store';
import { PeopleStore } from '../store/ports/people-store';
import { PopularityStore } from '../store/ports/popularity-store';
import { TableStore } from '../store/ports/table-store';
import { IngestRunsService } from './ingest-runs.service';

/**
 * Bulk ingestion: batches validated whole by their DTOs (a bad record refuses
 * the batch and changes nothing), then upserted idempotently. A batch of a
 * source's run (`run`) is refused when the run is not open, and is kept in the
 * source's ledger once its upsert is (people and reads keep no ledger).
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
    private readonly runs: IngestRunsService,
  ) {}

  async tables(tables: TableRecord[], principal: Principal, run?: string) {
    return this.ledgered(run, 'table', tables, () => this.tableStore.upsertTables(tables, editBy(principal)));
  }

  async users(users: User[], principal: Principal, run?: string) {
    if (run !== undefined) await this.runs.assertOpen(run);
    const edit = editBy(principal);
    for (const user of users) await this.people.upsertUser(user, edit);
    return { upserted: users.length };
  }

  async reads(reads: ReadRecord[], principal: Principal, run?: string) {
    if (run !== undefined) await this.runs.assertOpen(run);
    return { upserted: await this.popularity.upsertReads(reads, editBy(principal)) };
  }

  /** Table-to-table lineage edges (table keys). */
  async lineage(lineage: LineageRecord[], principal: Principal, run?: string) {
    return this.ledgered(run, 'lineage', lineage, () => this.lineageStore.upsertLineage(lineage, editBy(principal)));
  }

  /** Column-to-column lineage edges (column keys). */
  async columnLineage(lineage: ColumnLineageRecord[], principal: Principal, run?: string) {
    return this.ledgered(run, 'column_lineage', lineage, () => this.lineageStore.upsertColumnLineage(lineage, editBy(principal)));
  }

  async dashboards(dashboards: DashboardRecord[], principal: Principal, run?: string) {
    return this.ledgered(run, 'dashboard', dashboards, () => this.dashboardStore.upsertDashboards(dashboards, editBy(principal)));
  }

  async features(features: FeatureRecord[], principal: Principal, run?: string) {
    return this.ledgered(run, 'feature', features, () => this.featureStore.upsertFeatures(features, editBy(principal)));
  }

  /** Feature-to-feature lineage edges (feature keys). */
  async featureLineage(lineage: FeatureLineageRecord[], principal: Principal, run?: string) {
    return this.ledgered(run, 'feature_lineage', lineage, () => this.featureStore.upsertFeatureLineage(lineage, editBy(principal)));
  }

  /** Upserts a batch; of a run, only while the run is open, and into its source's ledger once the upsert is kept. */
  private async ledgered<K extends IngestRecordKind>(
    run: string | undefined,
    kind: K,
    records: IngestRecordOf[K][],
    upsert: () => Promise<number>,
  ): Promise<{ upserted: number }> {
    if (run !== undefined) await this.runs.assertOpen(run);
    const upserted = await upsert();
    if (run !== undefined) await this.runs.record(run, kind, records);
    return { upserted };
  }
}
