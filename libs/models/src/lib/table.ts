import type { User } from './user';

export interface Tag {
  tag_type: string;
  tag_name: string;
}

export interface Badge {
  badge_name: string;
  category: string;
}

export interface Column {
  name: string;
  key: string;
  description: string | null;
  col_type: string;
  sort_order: number;
  stats: unknown[];
  badges: Badge[];
}

export interface TableReader {
  user: User;
  read_count: number;
}

/** Amundsen's TableSchema (the parts Fram stores). */
export interface TableDetail {
  database: string;
  cluster: string;
  schema: string;
  name: string;
  key: string;
  is_view: boolean;
  description: string | null;
  tags: Tag[];
  badges: Badge[];
  table_readers: TableReader[];
  owners: User[];
  columns: Column[];
  watermarks: unknown[];
  table_writer: null;
  table_apps: unknown[];
  resource_reports: unknown[];
  last_updated_timestamp: number | null;
  source: null;
  programmatic_descriptions: unknown[];
  common_joins: unknown[];
  common_filters: unknown[];
}

/** Amundsen's PopularTable / TableSummary. */
export interface TableSummary {
  database: string;
  cluster: string;
  schema: string;
  name: string;
  key: string;
  description: string | null;
  schema_description: string | null;
}

/** `{db}://{cluster}.{schema}/{table}` */
export const TABLE_KEY = /^([^:/\s]+):\/\/([^./\s]+)\.([^/\s]+)\/([^/\s]+)$/;

export function parseTableKey(key: string): { database: string; cluster: string; schema: string; name: string } | undefined {
  const match = TABLE_KEY.exec(key);
  if (!match) return undefined;
  return { database: match[1], cluster: match[2], schema: match[3], name: match[4] };
}

export function tableKey(parts: { database: string; cluster: string; schema: string; name: string }): string {
  return `${parts.database}://${parts.cluster}.${parts.schema}/${parts.name}`;
}
