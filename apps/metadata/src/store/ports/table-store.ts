import type {
  Application,
  Badge,
  ProgrammaticDescription,
  ResourceReport,
  Source,
  Stat,
  TableRecord,
  Tag,
  TypeMetadata,
  Watermark,
} from '@fram/models';
import type { Edit } from './edit';

export interface StoredColumn {
  name: string;
  col_type: string;
  sort_order: number;
  description: string | null;
  badges: Badge[];
  /** Statistics, by stat_type. */
  stats: Stat[];
  /** The column's nested type, children in sort order; null when it has none. */
  type_metadata: TypeMetadata | null;
}

/** A program that writes or reads the table (Amundsen's Application without its kind). */
export type StoredApplication = Omit<Application, 'kind'>;

/** A table as the store keeps it; people are user keys, resolved to users by the service. */
export interface StoredTable {
  key: string;
  database: string;
  cluster: string;
  schema: string;
  name: string;
  is_view: boolean;
  /** A person's, once one edited it (see TableStore.setTableDescription); else the ingested one. */
  description: string | null;
  /** The description of its schema (`{database}://{cluster}.{schema}`), which every table of the schema shares. */
  schema_description: string | null;
  /**
   * By source; with, when a person's description hides a different ingested one, that one under the source
   * `ingested` (INGESTED_SOURCE), so it stays in view.
   */
  programmatic_descriptions: ProgrammaticDescription[];
  last_updated_timestamp: number | null;
  /** By watermark_type. */
  watermarks: Watermark[];
  /** Programs that write the table, and programs that read it (by id). */
  producing_apps: StoredApplication[];
  consuming_apps: StoredApplication[];
  source: Source | null;
  /** By name. */
  resource_reports: ResourceReport[];
  columns: StoredColumn[];
  /** Tags of the default type (Amundsen shows no other on a table). */
  tags: Tag[];
  badges: Badge[];
  owners: string[];
  /** The five heaviest readers, most reads first. */
  readers: { user: string; read_count: number }[];
  /** All reads: their sum and the number of distinct readers. */
  usage: { total: number; unique: number };
}

/**
 * Tables and their columns. Changes answer false when the table (or column,
 * or nested type) does not exist, and are recorded in the change feed, under
 * the table's key, when they are made.
 */
export abstract class TableStore {
  abstract getTable(key: string): Promise<StoredTable | undefined>;
  /** The tables of `keys` that exist, as getTable answers them, in the order of `keys`: one read for many (e.g. the search sync). */
  abstract tablesByKeys(keys: readonly string[]): Promise<StoredTable[]>;
  /**
   * A person's description: it wins over ingestion for good, even an empty one (clearing it shows nothing, and
   * the ingested text as the programmatic description `ingested`). Re-ingesting then only updates the ingested
   * text, kept apart. The same holds for a column's description (kept apart, not shown).
   */
  abstract setTableDescription(key: string, description: string, edit: Edit): Promise<boolean>;
  abstract setColumnDescription(tableKey: string, column: string, description: string, edit: Edit): Promise<boolean>;
  /** A person's badge on a column: it stays when the table is re-ingested, for as long as the column does. */
  abstract addColumnBadge(tableKey: string, column: string, badge: Badge, edit: Edit): Promise<boolean>;
  abstract removeColumnBadge(tableKey: string, column: string, badge: Badge, edit: Edit): Promise<boolean>;
  /** A nested type of one of the table's columns, by its key. */
  abstract setTypeMetadataDescription(tableKey: string, typeMetadataKey: string, description: string, edit: Edit): Promise<boolean>;
  abstract addTypeMetadataBadge(tableKey: string, typeMetadataKey: string, badge: Badge, edit: Edit): Promise<boolean>;
  abstract removeTypeMetadataBadge(tableKey: string, typeMetadataKey: string, badge: Badge, edit: Edit): Promise<boolean>;
  /**
   * Upserts tables in one transaction; re-running an ingestion keeps what people did. The description given
   * replaces the ingested one, shown unless a person edited the table's. Columns given replace the table's
   * columns with what ingestion gave them (descriptions, badges, stats, nested types), a column or nested type
   * still sent keeping its person's description and the badges people added; one left out goes with all it holds.
   * Tags, badges and owners given replace those ingestion gave (those people added stay); programmatic
   * descriptions, watermarks, applications, source and reports given replace the table's; what is left out is
   * kept. A schema description given replaces the schema's (null removes it): the audit entry then names every
   * table of the schema, as their search documents change.
   */
  abstract upsertTables(tables: TableRecord[], edit: Edit): Promise<number>;
}
