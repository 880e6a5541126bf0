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

/** Reads of a resource by a user (Amundsen's READ / READ_BY read_count). */
export interface ReadRecord {
  user: string;
  table_key: string;
  read_count: number;
}
