import type {
  Badge,
  DashboardRecord,
  DashboardSummary,
  LineageItem,
  LineageRecord,
  ReadRecord,
  TableRecord,
  TableSummary,
  Tag,
  User,
} from '@fram/models';
import type { CheckResult } from '@fram/service';

/** Kinds of resources that can be tagged, owned, bookmarked and read. */
export type ResourceType = 'table' | 'dashboard';

/** Who changed something, and when (epoch ms). Every edit is recorded with it. */
export interface Edit {
  actor: string;
  at: number;
}

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

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  resource_type: string;
  resource_key: string;
  detail: Record<string, unknown>;
}

export interface Statistics {
  number_of_tables: number;
  number_of_documented_tables: number;
  number_of_documented_cols: number;
  number_of_owners: number;
  number_of_tables_with_owners: number;
  number_of_documented_and_owned_tables: number;
}

/**
 * The metadata service's storage port. Adapters: EmbeddedMetadataStore
 * (SQLite, the default) and Neo4jMetadataStore (Amundsen's graph model).
 * Methods that change a resource answer false when it does not exist, and
 * record the edit in the audit trail when it does.
 */
export abstract class MetadataStore {
  abstract getTable(key: string): Promise<StoredTable | undefined>;
  abstract setTableDescription(key: string, description: string, edit: Edit): Promise<boolean>;
  abstract setColumnDescription(tableKey: string, column: string, description: string, edit: Edit): Promise<boolean>;
  abstract addTag(type: ResourceType, key: string, tag: Tag, edit: Edit): Promise<boolean>;
  abstract removeTag(type: ResourceType, key: string, tagName: string, edit: Edit): Promise<boolean>;
  abstract addBadge(type: ResourceType, key: string, badge: Badge, edit: Edit): Promise<boolean>;
  abstract removeBadge(type: ResourceType, key: string, badge: Badge, edit: Edit): Promise<boolean>;
  abstract addOwner(type: ResourceType, key: string, userKey: string, edit: Edit): Promise<boolean>;
  abstract removeOwner(type: ResourceType, key: string, userKey: string, edit: Edit): Promise<boolean>;

  abstract getUser(key: string): Promise<User | undefined>;
  /** Creates or replaces a user by `user_id`; says whether it was created. */
  abstract upsertUser(user: User, edit: Edit): Promise<{ created: boolean }>;
  abstract listActiveUsers(): Promise<User[]>;

  /** Bookmarks, ownership and reads of a user: tables, sorted by schema then name. */
  abstract addFollow(userKey: string, type: ResourceType, key: string, edit: Edit): Promise<boolean>;
  abstract removeFollow(userKey: string, type: ResourceType, key: string, edit: Edit): Promise<boolean>;
  abstract followedTables(userKey: string): Promise<TableSummary[]>;
  abstract ownedTables(userKey: string): Promise<TableSummary[]>;
  /** Up to 50 tables the user read, most reads first. */
  abstract readTables(userKey: string): Promise<TableSummary[]>;

  /** Upserts tables with their columns, tags, badges and owners, in one transaction. */
  abstract upsertTables(tables: TableRecord[], edit: Edit): Promise<number>;
  abstract upsertReads(reads: ReadRecord[], edit: Edit): Promise<number>;

  abstract upsertLineage(edges: LineageRecord[], edit: Edit): Promise<number>;
  /** Tables up- and downstream of `key` within `depth` hops; undefined when the table does not exist. */
  abstract lineage(key: string, depth: number): Promise<{ upstream: LineageItem[]; downstream: LineageItem[] } | undefined>;

  abstract upsertDashboards(dashboards: DashboardRecord[], edit: Edit): Promise<number>;
  abstract getDashboard(key: string): Promise<StoredDashboard | undefined>;
  abstract setDashboardDescription(key: string, description: string, edit: Edit): Promise<boolean>;
  /** Dashboards that read a table, most viewed first. */
  abstract dashboardsUsingTable(tableKey: string): Promise<DashboardSummary[]>;

  /**
   * The most popular tables or dashboards: at least `minReaders` distinct
   * readers, scored readers × ln(total reads) as Amundsen does. With a user,
   * only resources read by people who read what that user reads.
   */
  abstract popularTables(limit: number, minReaders: number, userKey?: string): Promise<TableSummary[]>;
  abstract popularDashboards(limit: number, minReaders: number, userKey?: string): Promise<DashboardSummary[]>;

  /** Keys of every table, dashboard or user (with a name), in key order, after `after`: for full reindexing. */
  abstract listKeys(type: 'table' | 'dashboard' | 'user', after: string, limit: number): Promise<string[]>;

  abstract tagUsages(): Promise<{ tag_name: string; tag_count: number }[]>;
  abstract allBadges(): Promise<Badge[]>;
  abstract statistics(): Promise<Statistics>;
  /** When the catalog was last changed by ingestion (epoch seconds), if ever. */
  abstract latestUpdatedTimestamp(): Promise<number | undefined>;
  abstract audit(limit: number, beforeId?: number): Promise<AuditEntry[]>;
  /** Audit entries after `afterId`, oldest first: the change feed that keeps search current. */
  abstract auditSince(afterId: number, limit: number): Promise<AuditEntry[]>;

  abstract health(): Promise<CheckResult>;
  abstract close(): Promise<void>;
}
