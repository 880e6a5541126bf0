import type { Badge, DashboardQuery, DashboardRecord, DashboardSummary, TableSummary, Tag } from '@fram/models';
import type { Edit } from './edit';

/**
 * A dashboard as the store keeps it; people are user keys. `chart_names` are the names of all its charts: those of
 * no query first, then its queries' charts, query by query.
 */
export interface StoredDashboard extends DashboardSummary {
  /** The description of its group, which every dashboard of the group shares. */
  group_description: string | null;
  created_timestamp: number | null;
  /** When it was last changed. */
  updated_timestamp: number | null;
  /** Its last run, whatever came of it (`last_successful_run_timestamp` is its last successful one). */
  last_run_timestamp: number | null;
  last_run_state: string | null;
  /** Its queries in their order, those with a name, a link or a text. */
  queries: DashboardQuery[];
  tables: TableSummary[];
  tags: Tag[];
  badges: Badge[];
  owners: string[];
  /** The five heaviest readers, most reads first. */
  readers: { user: string; read_count: number }[];
  /** The sum of its read counts. */
  recent_view_count: number;
}

/** Dashboards and the tables they read. A change answers false when the dashboard does not exist. */
export abstract class DashboardStore {
  abstract getDashboard(key: string): Promise<StoredDashboard | undefined>;
  /** The dashboards of `keys` that exist, as getDashboard answers them, in the order of `keys`: one read for many. */
  abstract dashboardsByKeys(keys: readonly string[]): Promise<StoredDashboard[]>;
  /**
   * A person's description: it wins over ingestion for good, even an empty one (ingestion then only updates
   * its own text, kept apart, not shown).
   */
  abstract setDashboardDescription(key: string, description: string, edit: Edit): Promise<boolean>;
  /**
   * Upserts dashboards by key with their queries and charts, runs, tables, owners and tags, in one transaction.
   * Scalars replace what a dashboard had, but for a description a person edited; a list a record leaves out keeps
   * what the dashboard has, and owners and tags given replace only those ingestion gave (people's stay). A group
   * description given replaces the group's (null removes it, left out it is kept): the audit entry then names every
   * dashboard of the group, as their search documents change.
   */
  abstract upsertDashboards(dashboards: DashboardRecord[], edit: Edit): Promise<number>;
  /** Dashboards that read a table, most viewed first. */
  abstract dashboardsUsingTable(tableKey: string): Promise<DashboardSummary[]>;
}
