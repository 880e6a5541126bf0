import type { DashboardSummary, ReadRecord, TableSummary } from '@fram/models';
import type { Edit } from './edit';

/** Who read what, and so what is popular. */
export abstract class PopularityStore {
  abstract upsertReads(reads: ReadRecord[], edit: Edit): Promise<number>;
  /**
   * The most popular tables or dashboards: at least `minReaders` distinct
   * readers, scored readers × ln(total reads) as Amundsen does. With a user,
   * only resources read by people who read what that user reads.
   */
  abstract popularTables(limit: number, minReaders: number, userKey?: string): Promise<TableSummary[]>;
  abstract popularDashboards(limit: number, minReaders: number, userKey?: string): Promise<DashboardSummary[]>;
}
