/** What bulk ingestion accepts for one table (upserted by key). */
export interface TableRecord {
  database: string;
  cluster: string;
  schema: string;
  name: string;
  is_view?: boolean;
  description?: string | null;
  columns?: { name: string; col_type: string; description?: string | null; sort_order?: number }[];
  tags?: string[];
  badges?: { badge_name: string; category: string }[];
  owners?: string[];
  last_updated_timestamp?: number | null;
}

/** Reads of a table (or views of a dashboard) by a user (Amundsen's READ / READ_BY read_count). */
export type ReadRecord = { user: string; read_count: number } & ({ table_key: string } | { dashboard_key: string });

/** A table that feeds another (Amundsen's HAS_DOWNSTREAM / HAS_UPSTREAM). */
export interface LineageRecord {
  upstream: string;
  downstream: string;
}

/** A dashboard record with its key and every optional field filled in. */
export interface CompleteDashboardRecord {
  key: string;
  product: string;
  cluster: string;
  group_name: string;
  group_url: string;
  name: string;
  url: string;
  description: string | null;
  created_timestamp: number | null;
  last_successful_run_timestamp: number | null;
  chart_names: string[];
}

/** What bulk ingestion accepts for one dashboard (upserted by key). */
export interface DashboardRecord {
  product: string;
  cluster: string;
  group_name: string;
  group_url?: string;
  name: string;
  url?: string;
  description?: string | null;
  created_timestamp?: number | null;
  last_successful_run_timestamp?: number | null;
  chart_names?: string[];
  /** Keys of the tables the dashboard reads. */
  tables?: string[];
  owners?: string[];
  tags?: string[];
}
