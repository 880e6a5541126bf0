import type { Badge, DashboardRecord, DashboardSummary, TableSummary, Tag } from '@fram/models';
import type { Edit } from './edit';

/** A dashboard as the store keeps it; people are user keys. */
export interface StoredDashboard extends DashboardSummary {
  created_timestamp: number | null;
  tables: TableSummary[];
  tags: Tag[];
  badges: Badge[];
  owners: string[];
  readers: { user: string; read_count: number }[];
  recent_view_count: number;
}

/** Dashboards and the tables they read. A change answers false when the dashboard does not exist. */
export abstract class DashboardStore {
  abstract getDashboard(key: string): Promise<StoredDashboard | undefined>;
  /** The dashboards of `keys` that exist, as getDashboard answers them, in the order of `keys`: one read for many. */
  abstract dashboardsByKeys(keys: readonly string[]): Promise<StoredDashboard[]>;
  abstract setDashboardDescription(key: string, description: string, edit: Edit): Promise<boolean>;
  abstract upsertDashboards(dashboards: DashboardRecord[], edit: Edit): Promise<number>;
  /** Dashboards that read a table, most viewed first. */
  abstract dashboardsUsingTable(tableKey: string): Promise<DashboardSummary[]>;
}
