import type { Badge, TableRecord, Tag } from '@fram/models';
import type { Edit } from './edit';

export interface StoredColumn {
  name: string;
  col_type: string;
  sort_order: number;
  description: string | null;
  badges: Badge[];
}

/** A table as the store keeps it; people are user keys, resolved to users by the service. */
export interface StoredTable {
  key: string;
  database: string;
  cluster: string;
  schema: string;
  name: string;
  is_view: boolean;
  description: string | null;
  last_updated_timestamp: number | null;
  columns: StoredColumn[];
  tags: Tag[];
  badges: Badge[];
  owners: string[];
  /** The five heaviest readers, most reads first. */
  readers: { user: string; read_count: number }[];
  /** All reads: their sum and the number of distinct readers. */
  usage: { total: number; unique: number };
}

/**
 * Tables and their columns. Changes answer false when the table (or column)
 * does not exist, and are recorded in the change feed when they are made.
 */
export abstract class TableStore {
  abstract getTable(key: string): Promise<StoredTable | undefined>;
  /** The tables of `keys` that exist, as getTable answers them, in the order of `keys`: one read for many (e.g. the search sync). */
  abstract tablesByKeys(keys: readonly string[]): Promise<StoredTable[]>;
  abstract setTableDescription(key: string, description: string, edit: Edit): Promise<boolean>;
  abstract setColumnDescription(tableKey: string, column: string, description: string, edit: Edit): Promise<boolean>;
  /** Upserts tables with their columns, tags, badges and owners, in one transaction. */
  abstract upsertTables(tables: TableRecord[], edit: Edit): Promise<number>;
}
