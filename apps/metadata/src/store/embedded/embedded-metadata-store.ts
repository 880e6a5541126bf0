import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  completeDashboard,
  completeDashboardQueries,
  dashboardGroupKey,
  dashboardKey,
  parseColumnKey,
  schemaKey,
  tableKey,
  type Badge,
  type DashboardRecord,
  type DashboardSummary,
  type ColumnLineageRecord,
  type LineageItem,
  type LineageRecord,
  type ReadRecord,
  type TableRecord,
  type TableSummary,
  type Tag,
  type User,
} from '@fram/models';
import type { FeatureLineageRecord, FeatureRecord } from '@fram/models';
import type { CheckResult } from '@fram/service';
import type { AuditEntry, ChangeFeed } from '../ports/change-feed';
import type { CatalogStore, Statistics } from '../ports/catalog-store';
import type { DashboardStore, StoredDashboard } from '../ports/dashboard-store';
import type { Edit, ResourceType } from '../ports/edit';
import type { LineageStore, LineageWalk } from '../ports/lineage-store';
import type { PeopleStore, UserWithCounts } from '../ports/people-store';
import type { PopularityStore } from '../ports/popularity-store';
import type { ResourceStore } from '../ports/resource-store';
import type { StoreLifecycle } from '../ports/store-lifecycle';
import type { StoredColumn, StoredTable, TableStore } from '../ports/table-store';
import { typeMetadataNodes, typeMetadataTree, type TypeMetadataNode } from '../type-metadata-tree';
import { byReportName, bySource, columnStats, tableApplications, tableWatermarks } from '../table-records';
import type { FeatureStore, StoredFeature } from '../ports/feature-store';
import { DatabaseFile, writeFailure } from './database-file';
import { EmbeddedFeatureTables } from './embedded-feature-tables';
import { EmbeddedBulletinTables } from './embedded-bulletin-tables';
import { EmbeddedIngestLedger } from './embedded-ingest-ledger';
import type { FinishIngestRunRefusal, IngestLedger, IngestLedgerEntry, IngestRunRefusal } from '../ports/ingest-ledger';
import type { FinishedIngestRun, IngestRecordKind, IngestRecords, IngestRun, IngestSources } from '@fram/models';
import type { AnnouncementDraft, BulletinStore, NoticeDraft } from '../ports/bulletin-store';
import type { Announcement, Notice } from '@fram/models';
import { migrate } from './migrations';
import { StoreUnavailableError } from '../store-errors';
import { readKeys } from '../read-keys';
import { givenDescriptions, ingestedKeys } from '../shared-descriptions';
import { withHiddenIngested } from '../edited-descriptions';
import { lineageWalkSql } from './lineage-walk';
import { BY_HAND, INGESTED, KEEP_EDITED_DESCRIPTION } from './edit-origin';

type Row = Record<string, unknown>;

/**
 * The metadata store on SQLite (better-sqlite3): one file under DATA_DIR that
 * survives restarts, migrated on open. better-sqlite3 is synchronous and
 * fast; every statement is prepared once. A change that could not be kept
 * (the file deleted, replaced or read-only) is refused with a 503, never
 * answered as done.
 */
export class EmbeddedMetadataStore
  implements
    TableStore,
    DashboardStore,
    ResourceStore,
    PeopleStore,
    LineageStore,
    PopularityStore,
    CatalogStore,
    ChangeFeed,
    StoreLifecycle,
    FeatureStore,
    BulletinStore,
    IngestLedger
{
  private readonly db: Database.Database;
  private readonly q: ReturnType<typeof prepare>;
  private readonly file: DatabaseFile;
  private readonly features: EmbeddedFeatureTables;
  private readonly bulletins: EmbeddedBulletinTables;
  private readonly ledger: EmbeddedIngestLedger;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.file = new DatabaseFile(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    this.q = prepare(this.db);
    this.features = new EmbeddedFeatureTables(this.db);
    this.bulletins = new EmbeddedBulletinTables(this.db);
    this.ledger = new EmbeddedIngestLedger(this.db);
  }

  /** Nothing to do: the file was opened and migrated by the constructor, which fails at once when it cannot be. */
  async prepare(): Promise<void> {}

  async getTable(key: string): Promise<StoredTable | undefined> {
    return this.storedTable(key);
  }

  /** In-process reads of one snapshot (a read transaction): no round trips to save, so one lookup per key. */
  async tablesByKeys(keys: readonly string[]): Promise<StoredTable[]> {
    return this.db.transaction(() => keys.flatMap((key) => this.storedTable(key) ?? []))();
  }

  private storedTable(key: string): StoredTable | undefined {
    const table = this.q.table.get(key) as Row | undefined;
    if (!table) return undefined;
    const badgesByKey = (type: 'column' | 'type_metadata') => {
      const found = new Map<string, Badge[]>();
      // Keys under `${key}/` sort between it and `${key}0` ('0' follows '/'): a range of the primary key.
      for (const row of this.q.badgesOfPrefix.all({ type, from: `${key}/`, to: `${key}0` }) as Row[]) {
        const resource = String(row['resource_key']);
        found.set(resource, [...(found.get(resource) ?? []), toBadge(row)]);
      }
      for (const list of found.values()) list.sort((a, b) => a.badge_name.localeCompare(b.badge_name));
      return found;
    };
    const columnBadges = badgesByKey('column');
    const typeBadges = badgesByKey('type_metadata');
    const typeNodes = new Map<string, TypeMetadataNode[]>();
    for (const row of this.q.typeMetadataOfTable.all(key) as Row[]) {
      const column = String(row['column_name']);
      const node: TypeMetadataNode = {
        key: String(row['key']),
        parent_key: (row['parent_key'] as string | null) ?? null,
        kind: String(row['kind']),
        name: String(row['name']),
        data_type: String(row['data_type']),
        sort_order: Number(row['sort_order']),
        description: (row['description'] as string | null) ?? null,
        badges: typeBadges.get(String(row['key'])) ?? [],
      };
      typeNodes.set(column, [...(typeNodes.get(column) ?? []), node]);
    }
    return {
      key,
      database: String(table['database']),
      cluster: String(table['cluster']),
      schema: String(table['schema']),
      name: String(table['name']),
      is_view: table['is_view'] === 1,
      description: (table['description'] as string | null) ?? null,
      schema_description: this.schemaDescription(
        schemaKey({ database: String(table['database']), cluster: String(table['cluster']), schema: String(table['schema']) }),
      ),
      programmatic_descriptions: withHiddenIngested(
        json(table['programmatic_descriptions'], []),
        (table['description'] as string | null) ?? null,
        table['description_edited'] === 1 ? ((table['ingested_description'] as string | null) ?? null) : null,
      ).sort(bySource),
      last_updated_timestamp: (table['last_updated_ts'] as number | null) ?? null,
      watermarks: json(table['watermarks'], []),
      producing_apps: json(table['producing_apps'], []),
      consuming_apps: json(table['consuming_apps'], []),
      source: json(table['source'], null),
      resource_reports: json(table['resource_reports'], []),
      columns: (this.q.columns.all(key) as Row[]).map((c): StoredColumn => ({
        name: String(c['name']),
        col_type: String(c['col_type']),
        sort_order: Number(c['sort_order']),
        description: (c['description'] as string | null) ?? null,
        badges: columnBadges.get(`${key}/${String(c['name'])}`) ?? [],
        stats: json(c['stats'], []),
        type_metadata: typeMetadataTree(typeNodes.get(String(c['name'])) ?? []),
      })),
      tags: (this.q.tagsOf.all('table', key) as Row[])
        .map((t) => ({ tag_name: String(t['tag_name']), tag_type: String(t['tag_type']) }))
        .filter((t) => t.tag_type === 'default'),
      badges: (this.q.badgesOf.all('table', key) as Row[]).map(toBadge),
      owners: (this.q.ownersOf.all('table', key) as Row[]).map((o) => String(o['user_key'])),
      readers: (this.q.readersOf.all('table', key) as Row[]).map((r) => ({
        user: String(r['user_key']),
        read_count: Number(r['read_count']),
      })),
      usage: this.usage('table', key),
    };
  }

  private schemaDescription(key: string): string | null {
    return ((this.q.schemaDescription.get(key) as Row | undefined)?.['description'] as string | undefined) ?? null;
  }

  private groupDescription(key: string): string | null {
    return ((this.q.groupDescription.get(key) as Row | undefined)?.['description'] as string | undefined) ?? null;
  }

  private usage(type: ResourceType, key: string): { total: number; unique: number } {
    const row = this.q.usageOf.get(type, key) as Row;
    return { total: Number(row['usage']), unique: Number(row['readers']) };
  }

  async setTableDescription(key: string, description: string, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'set_description',
      'table',
      key,
      { description },
      () => this.q.setTableDescription.run(description, key).changes > 0,
    );
  }

  async setColumnDescription(key: string, column: string, description: string, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'set_column_description',
      'table',
      key,
      { column, description },
      () => this.q.setColumnDescription.run(description, key, column).changes > 0,
    );
  }

  async addColumnBadge(key: string, column: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'add_column_badge',
      'table',
      key,
      { column, ...badge },
      () =>
        this.q.columnExists.get(key, column) !== undefined &&
        (this.q.addBadge.run('column', `${key}/${column}`, badge.badge_name, badge.category, BY_HAND), true),
    );
  }

  async removeColumnBadge(key: string, column: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'remove_column_badge',
      'table',
      key,
      { column, ...badge },
      () =>
        this.q.columnExists.get(key, column) !== undefined &&
        (this.q.removeBadge.run('column', `${key}/${column}`, badge.badge_name, badge.category), true),
    );
  }

  async setTypeMetadataDescription(key: string, typeMetadataKey: string, description: string, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'set_type_metadata_description',
      'table',
      key,
      { type_metadata: typeMetadataKey, description },
      () => this.q.setTypeMetadataDescription.run(description, key, typeMetadataKey).changes > 0,
    );
  }

  async addTypeMetadataBadge(key: string, typeMetadataKey: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'add_type_metadata_badge',
      'table',
      key,
      { type_metadata: typeMetadataKey, ...badge },
      () =>
        this.q.typeMetadataExists.get(key, typeMetadataKey) !== undefined &&
        (this.q.addBadge.run('type_metadata', typeMetadataKey, badge.badge_name, badge.category, BY_HAND), true),
    );
  }

  async removeTypeMetadataBadge(key: string, typeMetadataKey: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'remove_type_metadata_badge',
      'table',
      key,
      { type_metadata: typeMetadataKey, ...badge },
      () =>
        this.q.typeMetadataExists.get(key, typeMetadataKey) !== undefined &&
        (this.q.removeBadge.run('type_metadata', typeMetadataKey, badge.badge_name, badge.category), true),
    );
  }

  async addTag(type: ResourceType, key: string, tag: Tag, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'add_tag',
      type,
      key,
      { ...tag },
      () => this.exists(type, key) && (this.q.addTag.run(type, key, tag.tag_name, tag.tag_type, BY_HAND), true),
    );
  }

  async removeTag(type: ResourceType, key: string, tagName: string, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'remove_tag',
      type,
      key,
      { tag_name: tagName },
      () => this.exists(type, key) && (this.q.removeTag.run(type, key, tagName), true),
    );
  }

  async addBadge(type: ResourceType, key: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'add_badge',
      type,
      key,
      { ...badge },
      () => this.exists(type, key) && (this.q.addBadge.run(type, key, badge.badge_name, badge.category, BY_HAND), true),
    );
  }

  async removeBadge(type: ResourceType, key: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'remove_badge',
      type,
      key,
      { ...badge },
      () => this.exists(type, key) && (this.q.removeBadge.run(type, key, badge.badge_name, badge.category), true),
    );
  }

  async addOwner(type: ResourceType, key: string, userKey: string, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'add_owner',
      type,
      key,
      { owner: userKey },
      () => this.exists(type, key) && (this.q.addOwner.run(type, key, userKey, BY_HAND), true),
    );
  }

  async removeOwner(type: ResourceType, key: string, userKey: string, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'remove_owner',
      type,
      key,
      { owner: userKey },
      () => this.exists(type, key) && (this.q.removeOwner.run(type, key, userKey), true),
    );
  }

  async getUser(key: string): Promise<User | undefined> {
    const row = this.q.user.get(key) as Row | undefined;
    return row ? (JSON.parse(String(row['data'])) as User) : undefined;
  }

  async usersByKeys(keys: readonly string[]): Promise<UserWithCounts[]> {
    return this.db.transaction(() =>
      keys.flatMap((key) => {
        const row = this.q.user.get(key) as Row | undefined;
        if (!row) return [];
        const counts = this.q.userCounts.get({ key }) as Row;
        return [
          {
            key,
            user: JSON.parse(String(row['data'])) as User,
            counts: { read: Number(counts['read']), own: Number(counts['own']), follow: Number(counts['follow']) },
          },
        ];
      }),
    )();
  }

  async upsertUser(user: User, edit: Edit): Promise<{ created: boolean }> {
    let created = false;
    this.change(edit, 'upsert_user', 'user', user.user_id, {}, () => {
      created = this.q.user.get(user.user_id) === undefined;
      this.q.upsertUser.run(user.user_id, JSON.stringify(user), user.is_active ? 1 : 0, edit.at, edit.at);
      return true;
    });
    return { created };
  }

  async listActiveUsers(): Promise<User[]> {
    return (this.q.activeUsers.all() as Row[]).map((r) => JSON.parse(String(r['data'])) as User);
  }

  async addFollow(userKey: string, type: ResourceType, key: string, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'follow',
      type,
      key,
      { user: userKey },
      () => this.exists(type, key) && (this.q.addFollow.run(userKey, type, key), true),
    );
  }

  async removeFollow(userKey: string, type: ResourceType, key: string, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'unfollow',
      type,
      key,
      { user: userKey },
      () => this.exists(type, key) && (this.q.removeFollow.run(userKey, type, key), true),
    );
  }

  async followedTables(userKey: string): Promise<TableSummary[]> {
    return (this.q.followedTables.all(userKey) as Row[]).map(toSummary);
  }

  async ownedTables(userKey: string): Promise<TableSummary[]> {
    return (this.q.ownedTables.all(userKey) as Row[]).map(toSummary);
  }

  async followedDashboards(userKey: string): Promise<DashboardSummary[]> {
    return this.db.transaction(() => (this.q.followedDashboards.all(userKey) as Row[]).map((row) => this.dashboardSummary(row)))();
  }

  async ownedDashboards(userKey: string): Promise<DashboardSummary[]> {
    return this.db.transaction(() => (this.q.ownedDashboards.all(userKey) as Row[]).map((row) => this.dashboardSummary(row)))();
  }

  async readTables(userKey: string): Promise<TableSummary[]> {
    return (this.q.readTables.all(userKey) as Row[]).map(toSummary);
  }

  async upsertTables(tables: TableRecord[], edit: Edit): Promise<number> {
    const write = this.db.transaction((records: TableRecord[]) => {
      for (const t of records) {
        const key = tableKey(t);
        this.q.upsertTable.run({
          key,
          database: t.database,
          cluster: t.cluster,
          schema: t.schema,
          name: t.name,
          is_view: t.is_view ? 1 : 0,
          description: t.description ?? null,
          last_updated_ts: t.last_updated_timestamp ?? null,
        });
        if (t.columns) this.replaceColumns(key, t.columns);
        const apps = tableApplications(t);
        this.q.setTableDetails.run({
          key,
          programmatic_descriptions: t.programmatic_descriptions ? JSON.stringify([...t.programmatic_descriptions].sort(bySource)) : null,
          watermarks: t.watermarks ? JSON.stringify(tableWatermarks(t)) : null,
          producing_apps: apps ? JSON.stringify(apps.producing) : null,
          consuming_apps: apps ? JSON.stringify(apps.consuming) : null,
          source_given: t.source === undefined ? 0 : 1,
          source: t.source ? JSON.stringify(t.source) : null,
          resource_reports: t.resource_reports ? JSON.stringify([...t.resource_reports].sort(byReportName)) : null,
        });
        if (t.tags) {
          this.q.deleteIngestedTags.run('table', key);
          for (const tag of t.tags) this.q.addTag.run('table', key, tag, 'default', INGESTED);
        }
        if (t.badges) {
          this.q.deleteIngestedBadges.run('table', key);
          for (const b of t.badges) this.q.addBadge.run('table', key, b.badge_name, b.category, INGESTED);
        }
        if (t.owners) {
          this.q.deleteIngestedOwners.run('table', key);
          for (const owner of t.owners) this.q.addOwner.run('table', key, owner, INGESTED);
        }
      }
      const changedSchemas = applySharedDescriptions(
        givenDescriptions(records, schemaKey, (t) => t.schema_description),
        (key) => this.schemaDescription(key),
        (key, description) =>
          description === null ? this.q.removeSchemaDescription.run(key) : this.q.setSchemaDescription.run(key, description),
      );
      const sharing = changedSchemas.flatMap((schema) => (this.q.tablesOfSchema.all(schema) as Row[]).map((r) => String(r['key'])));
      this.q.setMeta.run('latest_updated_ts', String(Math.floor(edit.at / 1000)));
      this.q.audit.run(
        edit.at,
        edit.actor,
        'ingest_tables',
        'table',
        '*',
        JSON.stringify({ count: records.length, keys: ingestedKeys(records.map(tableKey), sharing) }),
      );
    });
    this.write(() => write(tables));
    return tables.length;
  }

  /**
   * A table's columns replaced. A column or nested type still there keeps what people gave it (an edited
   * description, badges added by hand); the rest of what it holds (ingested description and badges, stats) is the
   * record's. A column or nested type that is gone goes with all it holds, a column's lineage too. Deletes are
   * set-based on a range of the badges' primary key, so a re-ingest costs about what the first ingest did.
   */
  private replaceColumns(key: string, columns: NonNullable<TableRecord['columns']>): void {
    const kept = new Set(columns.map((c) => c.name));
    for (const old of this.q.columns.all(key) as Row[]) {
      const name = String(old['name']);
      if (kept.has(name)) continue;
      this.q.deleteColumnLineageOf.run({ key: `${key}/${name}` });
      this.q.deleteBadgesOf.run('column', `${key}/${name}`);
      this.q.deleteColumn.run(key, name); // and its nested types
    }
    const nodes = columns.map((c) => {
      const columnKey = `${key}/${c.name}`;
      return c.type_metadata ? typeMetadataNodes(columnKey, c.type_metadata) : [];
    });
    // Keys under `${key}/` sort between it and `${key}0` ('0' follows '/'): a range of the primary key.
    const range = { from: `${key}/`, to: `${key}0` };
    this.q.deleteTypeMetadataNotSent.run({ table_key: key, keys: JSON.stringify(nodes.flat().map((n) => n.key)) });
    this.q.deleteBadgesOfGoneTypeMetadata.run(range);
    this.q.deleteIngestedBadgesInRange.run({ type: 'column', ...range });
    this.q.deleteIngestedBadgesInRange.run({ type: 'type_metadata', ...range });
    columns.forEach((c, i) => {
      const columnKey = `${key}/${c.name}`;
      this.q.upsertColumn.run({
        table_key: key,
        name: c.name,
        col_type: c.col_type,
        sort_order: c.sort_order ?? i,
        description: c.description ?? null,
        stats: JSON.stringify(columnStats(c)),
      });
      for (const b of c.badges ?? []) this.q.addBadge.run('column', columnKey, b.badge_name, b.category, INGESTED);
      for (const node of nodes[i]) {
        this.q.upsertTypeMetadata.run({ ...node, table_key: key, column_name: c.name });
        for (const b of node.badges) this.q.addBadge.run('type_metadata', node.key, b.badge_name, b.category, INGESTED);
      }
    });
  }

  async upsertReads(reads: ReadRecord[], edit: Edit): Promise<number> {
    const write = this.db.transaction((records: ReadRecord[]) => {
      for (const r of records) {
        if ('table_key' in r) this.q.upsertRead.run(r.user, 'table', r.table_key, r.read_count);
        else this.q.upsertRead.run(r.user, 'dashboard', r.dashboard_key, r.read_count);
      }
      this.q.audit.run(edit.at, edit.actor, 'ingest_reads', 'table', '*', JSON.stringify({ count: records.length, ...readKeys(records) }));
    });
    this.write(() => write(reads));
    return reads.length;
  }

  async upsertLineage(edges: LineageRecord[], edit: Edit): Promise<number> {
    this.write(() => {
      for (const e of edges) this.q.addLineage.run(e.upstream, e.downstream);
      this.q.audit.run(edit.at, edit.actor, 'ingest_lineage', 'table', '*', JSON.stringify({ count: edges.length }));
    });
    return edges.length;
  }

  async lineage(key: string, depth: number): Promise<LineageWalk | undefined> {
    if (!this.exists('table', key)) return undefined;
    const items = (rows: Row[]) =>
      rows.map((r): LineageItem => ({
        key: String(r['key']),
        level: Number(r['level']),
        source: String(r['key']).split('://')[0],
        badges: (this.q.badgesOf.all('table', r['key']) as Row[]).map((b) => ({
          badge_name: String(b['badge_name']),
          category: String(b['category']),
        })),
        usage: Number((this.q.usageOf.get('table', r['key']) as Row)['usage']),
        parent: (r['parent'] as string | null) ?? null,
        link: null,
        in_amundsen: this.exists('table', String(r['key'])),
      }));
    return {
      upstream: items(this.q.upstream.all({ key, depth }) as Row[]),
      downstream: items(this.q.downstream.all({ key, depth }) as Row[]),
    };
  }

  async upsertColumnLineage(edges: ColumnLineageRecord[], edit: Edit): Promise<number> {
    this.write(() => {
      for (const e of edges) this.q.addColumnLineage.run(e.upstream, e.downstream);
      this.q.audit.run(edit.at, edit.actor, 'ingest_column_lineage', 'table', '*', JSON.stringify({ count: edges.length }));
    });
    return edges.length;
  }

  /** Columns are read by no one: their usage is 0. */
  async columnLineage(tableKey: string, column: string, depth: number): Promise<LineageWalk | undefined> {
    if (this.q.columnExists.get(tableKey, column) === undefined) return undefined;
    const key = `${tableKey}/${column}`;
    const items = (rows: Row[]) =>
      rows.map((r): LineageItem => {
        const found = parseColumnKey(String(r['key']));
        return {
          key: String(r['key']),
          level: Number(r['level']),
          source: String(r['key']).split('://')[0],
          badges: (this.q.badgesOf.all('column', r['key']) as Row[]).map(toBadge),
          usage: 0,
          parent: (r['parent'] as string | null) ?? null,
          link: null,
          in_amundsen: found !== undefined && this.q.columnExists.get(found.table, found.column) !== undefined,
        };
      });
    return {
      upstream: items(this.q.columnUpstream.all({ key, depth }) as Row[]),
      downstream: items(this.q.columnDownstream.all({ key, depth }) as Row[]),
    };
  }

  async upsertDashboards(dashboards: DashboardRecord[], edit: Edit): Promise<number> {
    this.write(() => {
      for (const d of dashboards) {
        const complete = completeDashboard(d);
        const key = complete.key;
        // Charts and queries left out are kept, as every list is.
        this.q.upsertDashboard.run({ ...complete, chart_names: d.chart_names === undefined ? null : JSON.stringify(d.chart_names) });
        const queries = completeDashboardQueries(d);
        if (queries) {
          this.q.deleteDashboardQueries.run(key);
          queries.forEach((q, i) =>
            this.q.insertDashboardQuery.run({ ...q, dashboard_key: key, sort_order: i, chart_names: JSON.stringify(q.chart_names) }),
          );
        }
        if (d.tables) {
          this.q.deleteDashboardTables.run(key);
          for (const table of d.tables) this.q.addDashboardTable.run(key, table);
        }
        if (d.owners) {
          this.q.deleteIngestedOwners.run('dashboard', key);
          for (const owner of d.owners) this.q.addOwner.run('dashboard', key, owner, INGESTED);
        }
        if (d.tags) {
          this.q.deleteIngestedTags.run('dashboard', key);
          for (const tag of d.tags) this.q.addTag.run('dashboard', key, tag, 'default', INGESTED);
        }
      }
      const changedGroups = applySharedDescriptions(
        givenDescriptions(dashboards, dashboardGroupKey, (d) => d.group_description),
        (key) => this.groupDescription(key),
        (key, description) =>
          description === null ? this.q.removeGroupDescription.run(key) : this.q.setGroupDescription.run(key, description),
      );
      const sharing = changedGroups.flatMap((group) => (this.q.dashboardsOfGroup.all({ group }) as Row[]).map((r) => String(r['key'])));
      this.q.setMeta.run('latest_updated_ts', String(Math.floor(edit.at / 1000)));
      this.q.audit.run(
        edit.at,
        edit.actor,
        'ingest_dashboards',
        'dashboard',
        '*',
        JSON.stringify({ count: dashboards.length, keys: ingestedKeys(dashboards.map(dashboardKey), sharing) }),
      );
    });
    return dashboards.length;
  }

  async getDashboard(key: string): Promise<StoredDashboard | undefined> {
    return this.storedDashboard(key);
  }

  async dashboardsByKeys(keys: readonly string[]): Promise<StoredDashboard[]> {
    return this.db.transaction(() => keys.flatMap((key) => this.storedDashboard(key) ?? []))();
  }

  private storedDashboard(key: string): StoredDashboard | undefined {
    const row = this.q.dashboard.get(key) as Row | undefined;
    if (!row) return undefined;
    const queries = this.q.dashboardQueries.all(key) as Row[];
    return {
      ...this.dashboardSummary(row, queries),
      // A dashboard's key is its group's and its id, which holds no "/".
      group_description: this.groupDescription(key.slice(0, key.lastIndexOf('/'))),
      created_timestamp: (row['created_timestamp'] as number | null) ?? null,
      updated_timestamp: (row['updated_timestamp'] as number | null) ?? null,
      last_run_timestamp: (row['last_run_timestamp'] as number | null) ?? null,
      last_run_state: (row['last_run_state'] as string | null) ?? null,
      queries: queries.map((q) => ({
        name: (q['name'] as string | null) ?? null,
        url: (q['url'] as string | null) ?? null,
        query_text: (q['query_text'] as string | null) ?? null,
      })),
      tables: (this.q.dashboardTables.all(key) as Row[]).map(toSummary),
      // Tags of the default type, as Amundsen shows them.
      tags: (this.q.tagsOf.all('dashboard', key) as Row[])
        .map((t) => ({ tag_name: String(t['tag_name']), tag_type: String(t['tag_type']) }))
        .filter((t) => t.tag_type === 'default'),
      badges: (this.q.badgesOf.all('dashboard', key) as Row[]).map((b) => ({
        badge_name: String(b['badge_name']),
        category: String(b['category']),
      })),
      owners: (this.q.ownersOf.all('dashboard', key) as Row[]).map((o) => String(o['user_key'])),
      readers: (this.q.readersOf.all('dashboard', key) as Row[]).map((r) => ({
        user: String(r['user_key']),
        read_count: Number(r['read_count']),
      })),
      recent_view_count: Number((this.q.usageOf.get('dashboard', key) as Row)['usage']),
    };
  }

  async setDashboardDescription(key: string, description: string, edit: Edit): Promise<boolean> {
    return this.change(
      edit,
      'set_description',
      'dashboard',
      key,
      { description },
      () => this.q.setDashboardDescription.run(description, key).changes > 0,
    );
  }

  async dashboardsUsingTable(tableKey: string): Promise<DashboardSummary[]> {
    return this.db.transaction(() => (this.q.dashboardsUsingTable.all(tableKey) as Row[]).map((row) => this.dashboardSummary(row)))();
  }

  /** A dashboards row as a summary: `chart_names` are those of no query, then its queries' charts. */
  private dashboardSummary(row: Row, queries = this.q.dashboardQueries.all(row['key']) as Row[]): DashboardSummary {
    const summary = toDashboardSummary(row);
    return {
      ...summary,
      chart_names: [...summary.chart_names, ...queries.flatMap((q) => JSON.parse(String(q['chart_names'])) as string[])],
    };
  }

  async popularTables(limit: number, minReaders: number, userKey?: string): Promise<TableSummary[]> {
    const rows =
      userKey === undefined
        ? this.q.popularTables.all({ limit, min: minReaders })
        : this.q.personalPopularTables.all({ limit, min: minReaders, user: userKey });
    return (rows as Row[]).map(toSummary);
  }

  async popularDashboards(limit: number, minReaders: number, userKey?: string): Promise<DashboardSummary[]> {
    const rows =
      userKey === undefined
        ? this.q.popularDashboards.all({ limit, min: minReaders })
        : this.q.personalPopularDashboards.all({ limit, min: minReaders, user: userKey });
    return (rows as Row[]).map((row) => this.dashboardSummary(row));
  }

  async listKeys(type: 'table' | 'dashboard' | 'user', after: string, limit: number): Promise<string[]> {
    const statement = type === 'table' ? this.q.tableKeys : type === 'dashboard' ? this.q.dashboardKeys : this.q.userKeys;
    return (statement.all(after, limit) as Row[]).map((r) => String(r['key']));
  }

  async tagUsages(): Promise<{ tag_name: string; tag_count: number }[]> {
    return (this.q.tagUsages.all() as Row[]).map((r) => ({ tag_name: String(r['tag_name']), tag_count: Number(r['tag_count']) }));
  }

  async allBadges(): Promise<Badge[]> {
    return (this.q.allBadges.all() as Row[]).map((r) => ({ badge_name: String(r['badge_name']), category: String(r['category']) }));
  }

  async statistics(): Promise<Statistics> {
    const row = this.q.statistics.get() as Row;
    return {
      number_of_tables: Number(row['tables']),
      number_of_documented_tables: Number(row['documented']),
      number_of_documented_cols: Number(row['documented_cols']),
      number_of_owners: Number(row['owners']),
      number_of_tables_with_owners: Number(row['owned']),
      number_of_documented_and_owned_tables: Number(row['documented_owned']),
    };
  }

  async latestUpdatedTimestamp(): Promise<number | undefined> {
    const row = this.q.getMeta.get('latest_updated_ts') as Row | undefined;
    return row ? Number(row['value']) : undefined;
  }

  async audit(limit: number, beforeId?: number): Promise<AuditEntry[]> {
    return (this.q.auditPage.all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as Row[]).map(toAuditEntry);
  }

  async auditSince(afterId: number, limit: number): Promise<AuditEntry[]> {
    return (this.q.auditSince.all(afterId, limit) as Row[]).map(toAuditEntry);
  }

  // FeatureStore: the SQL is EmbeddedFeatureTables'; changes run here, in transactions with their audit entries.

  async getFeature(key: string): Promise<StoredFeature | undefined> {
    return this.features.read(key);
  }

  async featuresByKeys(keys: readonly string[]): Promise<StoredFeature[]> {
    return this.db.transaction(() => keys.flatMap((key) => this.features.read(key) ?? []))();
  }

  async listFeatureKeys(after: string, limit: number): Promise<string[]> {
    return this.features.keysAfter(after, limit);
  }

  async setFeatureDescription(key: string, description: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'set_description', 'feature', key, { description }, () => this.features.setDescription(key, description));
  }

  async upsertFeatures(features: FeatureRecord[], edit: Edit): Promise<number> {
    this.write(() => {
      const keys = this.features.upsert(features);
      this.q.audit.run(edit.at, edit.actor, 'ingest_features', 'feature', '*', JSON.stringify({ count: features.length, keys }));
    });
    return features.length;
  }

  async upsertFeatureLineage(edges: FeatureLineageRecord[], edit: Edit): Promise<number> {
    this.write(() => {
      this.features.addLineage(edges);
      this.q.audit.run(edit.at, edit.actor, 'ingest_feature_lineage', 'feature', '*', JSON.stringify({ count: edges.length }));
    });
    return edges.length;
  }

  async featureLineage(key: string, depth: number): Promise<{ upstream: LineageItem[]; downstream: LineageItem[] } | undefined> {
    return this.features.lineage(key, depth);
  }

  // BulletinStore: the SQL is EmbeddedBulletinTables'; changes run here, in transactions with their audit entries.

  async announcements(limit: number): Promise<Announcement[]> {
    return this.bulletins.announcements(limit);
  }

  async postAnnouncement(draft: AnnouncementDraft, edit: Edit): Promise<Announcement> {
    return this.write(() => {
      const post = this.bulletins.addAnnouncement(draft);
      const detail = { title: post.title, date: post.date };
      this.q.audit.run(edit.at, edit.actor, 'post_announcement', 'announcement', String(post.id), JSON.stringify(detail));
      return post;
    });
  }

  async deleteAnnouncement(id: number, edit: Edit): Promise<boolean> {
    return this.write(() => {
      const removed = this.bulletins.removeAnnouncement(id);
      if (removed) {
        this.q.audit.run(edit.at, edit.actor, 'delete_announcement', 'announcement', String(id), JSON.stringify({ title: removed.title }));
      }
      return removed !== undefined;
    });
  }

  async notices(resourceUri: string): Promise<Notice[]> {
    return this.bulletins.notices(resourceUri);
  }

  async postNotice(draft: NoticeDraft, edit: Edit): Promise<Notice> {
    return this.write(() => {
      const notice = this.bulletins.addNotice(draft);
      const detail = { resource_uri: notice.resource_uri, severity: notice.severity };
      this.q.audit.run(edit.at, edit.actor, 'post_notice', 'notice', String(notice.id), JSON.stringify(detail));
      return notice;
    });
  }

  async deleteNotice(id: number, edit: Edit): Promise<boolean> {
    return this.write(() => {
      const removed = this.bulletins.removeNotice(id);
      if (removed) {
        const detail = { resource_uri: removed.resource_uri };
        this.q.audit.run(edit.at, edit.actor, 'delete_notice', 'notice', String(id), JSON.stringify(detail));
      }
      return removed !== undefined;
    });
  }

  /**
   * Fails, with the code writes would answer, while changes cannot be kept.
   * Probes with a write that is rolled back (a check never commits a row), and
   * the file, so a write failure that has passed no longer fails the check.
   */
  async health(): Promise<CheckResult> {
    try {
      this.q.ping.get();
      this.probeWrite();
      const problem = this.file.problem();
      return problem ? { status: 'fail', code: problem.code, message: problem.message } : { status: 'ok' };
    } catch (error) {
      if (error instanceof StoreUnavailableError) return { status: 'fail', code: error.code, message: error.message };
      return { status: 'fail', message: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private exists(type: ResourceType, key: unknown): boolean {
    if (type === 'feature') return this.features.exists(String(key));
    return (type === 'table' ? this.q.tableExists : this.q.dashboardExists).get(key) !== undefined;
  }

  /** Runs a change and its audit entry in one transaction; nothing is recorded when it changes nothing. */
  private change(edit: Edit, action: string, type: string, key: string, detail: Record<string, unknown>, apply: () => boolean): boolean {
    return this.write(() => {
      const changed = apply();
      if (changed) this.q.audit.run(edit.at, edit.actor, action, type, key, JSON.stringify(detail));
      return changed;
    });
  }

  /**
   * Runs `apply` in a transaction that commits only while the path still holds
   * the opened file; SQLite's read-only and I/O failures become a 503.
   */
  private write<T>(apply: () => T): T {
    try {
      const result = this.db.transaction(() => {
        const problem = this.file.problem();
        if (problem) throw problem;
        const value = apply();
        const late = this.file.problem();
        if (late) throw late;
        return value;
      })();
      return result;
    } catch (error) {
      const failure = error instanceof StoreUnavailableError ? error : writeFailure(error);
      if (!failure) throw error;
      throw failure;
    }
  }

  /** A write that is rolled back: SQLite refuses it when the file cannot be written to. */
  private probeWrite(): void {
    try {
      this.db.transaction(() => {
        this.q.setMeta.run('health_probe', String(Date.now()));
        throw ROLLED_BACK;
      })();
    } catch (error) {
      if (error === ROLLED_BACK) return;
      throw writeFailure(error) ?? error;
    }
  }

  // IngestLedger: the SQL is EmbeddedIngestLedger's, which adds its audit entries; changes run here, in transactions.

  async startIngestRun(source: string, edit: Edit): Promise<IngestRun> {
    return this.write(() => this.ledger.start(source, edit));
  }

  async ingestRun(run: string): Promise<IngestRun | undefined> {
    return this.ledger.run(run);
  }

  async recordIngested(run: string, kind: IngestRecordKind, entries: readonly IngestLedgerEntry[]): Promise<IngestRunRefusal | undefined> {
    return this.write(() => this.ledger.record(run, kind, entries));
  }

  async finishIngestRun(
    run: string,
    maxRemovedPercent: number | undefined,
    edit: Edit,
  ): Promise<FinishedIngestRun | FinishIngestRunRefusal> {
    return this.write(() => this.ledger.finish(run, maxRemovedPercent, edit));
  }

  async ingestRecords(source: string, kind: IngestRecordKind, after: string | undefined, limit: number): Promise<IngestRecords> {
    return this.ledger.records(source, kind, after, limit);
  }

  async ingestSources(): Promise<IngestSources> {
    return this.db.transaction(() => this.ledger.sources())();
  }
}

function toSummary(row: Row): TableSummary {
  return {
    database: String(row['database']),
    cluster: String(row['cluster']),
    schema: String(row['schema']),
    name: String(row['name']),
    key: String(row['key']),
    description: (row['description'] as string | null) ?? null,
    schema_description: (row['schema_description'] as string | null) ?? null,
  };
}

/** Writes the shared descriptions `given` (null: removes) and answers the keys of those that are not what they were. */
function applySharedDescriptions(
  given: ReadonlyMap<string, string | null>,
  read: (key: string) => string | null,
  write: (key: string, description: string | null) => void,
): string[] {
  const changed = [...given].filter(([key, description]) => read(key) !== description).map(([key]) => key);
  for (const [key, description] of given) write(key, description);
  return changed;
}

function toBadge(row: Row): Badge {
  return { badge_name: String(row['badge_name']), category: String(row['category']) };
}

/** A JSON column's value (written by this store), or `empty` when it holds none. */
function json<T>(value: unknown, empty: T): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : empty;
}

function toAuditEntry(r: Row): AuditEntry {
  return {
    id: Number(r['id']),
    at: Number(r['at']),
    actor: String(r['actor']),
    action: String(r['action']),
    resource_type: String(r['resource_type']),
    resource_key: String(r['resource_key']),
    detail: JSON.parse(String(r['detail'])) as Record<string, unknown>,
  };
}

function toDashboardSummary(row: Row): DashboardSummary {
  return {
    uri: String(row['key']),
    cluster: String(row['cluster']),
    group_name: String(row['group_name']),
    group_url: String(row['group_url']),
    product: String(row['product']),
    name: String(row['name']),
    url: String(row['url']),
    description: (row['description'] as string | null) ?? null,
    last_successful_run_timestamp: (row['last_successful_run_timestamp'] as number | null) ?? null,
    chart_names: JSON.parse(String(row['chart_names'])) as string[],
  };
}

/** Thrown inside a transaction to roll it back; caught right outside it. */
class RolledBack extends Error {}
const ROLLED_BACK = new RolledBack('rolled back');

/** A table's summary columns, its schema's description with them. */
const SUMMARY = `t.key, t.database, t.cluster, t.schema, t.name, t.description,
  (SELECT s.description FROM schema_descriptions s WHERE s.key = t.database || '://' || t.cluster || '.' || t.schema) AS schema_description`;

/** Readers of `type` restricted to people who read what @user reads (Amundsen's personalised popularity). */
const PEERS = (type: ResourceType) => `r.user_key IN (
  SELECT DISTINCT p.user_key FROM reads p
  WHERE p.resource_type = '${type}' AND p.user_key != @user
    AND p.resource_key IN (SELECT m.resource_key FROM reads m WHERE m.user_key = @user AND m.resource_type = '${type}'))`;

const POPULAR_TABLES = (personal: boolean) => `SELECT ${SUMMARY}, COUNT(*) AS readers, SUM(r.read_count) AS total
  FROM reads r JOIN tables t ON t.key = r.resource_key
  WHERE r.resource_type = 'table'${personal ? ` AND ${PEERS('table')}` : ''}
  GROUP BY t.key HAVING readers >= @min ORDER BY readers * ln(total) DESC, t.key LIMIT @limit`;

const POPULAR_DASHBOARDS = (personal: boolean) => `SELECT d.*, COUNT(*) AS readers, SUM(r.read_count) AS total
  FROM reads r JOIN dashboards d ON d.key = r.resource_key
  WHERE r.resource_type = 'dashboard'${personal ? ` AND ${PEERS('dashboard')}` : ''}
  GROUP BY d.key HAVING readers >= @min ORDER BY readers * ln(total) DESC, d.key LIMIT @limit`;

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    ping: p('SELECT 1'),
    tableKeys: p('SELECT key FROM tables WHERE key > ? ORDER BY key LIMIT ?'),
    dashboardKeys: p('SELECT key FROM dashboards WHERE key > ? ORDER BY key LIMIT ?'),
    userKeys: p('SELECT key FROM users WHERE key > ? ORDER BY key LIMIT ?'),
    dashboardExists: p('SELECT 1 FROM dashboards WHERE key = ?'),
    dashboard: p('SELECT * FROM dashboards WHERE key = ?'),
    upsertDashboard: p(
      `INSERT INTO dashboards (key, product, cluster, group_name, group_url, name, url, description, ingested_description, created_timestamp,
         updated_timestamp, last_successful_run_timestamp, last_run_timestamp, last_run_state, chart_names)
       VALUES (@key, @product, @cluster, @group_name, @group_url, @name, @url, @description, @description, @created_timestamp,
         @updated_timestamp, @last_successful_run_timestamp, @last_run_timestamp, @last_run_state, COALESCE(@chart_names, '[]'))
       ON CONFLICT (key) DO UPDATE SET group_name = excluded.group_name, group_url = excluded.group_url, name = excluded.name,
         url = excluded.url, ${KEEP_EDITED_DESCRIPTION}, created_timestamp = excluded.created_timestamp,
         updated_timestamp = excluded.updated_timestamp, last_successful_run_timestamp = excluded.last_successful_run_timestamp,
         last_run_timestamp = excluded.last_run_timestamp, last_run_state = excluded.last_run_state,
         chart_names = COALESCE(@chart_names, chart_names)`,
    ),
    dashboardQueries: p('SELECT name, url, query_text, chart_names FROM dashboard_queries WHERE dashboard_key = ? ORDER BY sort_order'),
    deleteDashboardQueries: p('DELETE FROM dashboard_queries WHERE dashboard_key = ?'),
    insertDashboardQuery: p(
      'INSERT INTO dashboard_queries (dashboard_key, id, sort_order, name, url, query_text, chart_names) ' +
        'VALUES (@dashboard_key, @id, @sort_order, @name, @url, @query_text, @chart_names)',
    ),
    setDashboardDescription: p('UPDATE dashboards SET description = ?, description_edited = 1 WHERE key = ?'),
    groupDescription: p('SELECT description FROM dashboard_group_descriptions WHERE key = ?'),
    setGroupDescription: p(
      'INSERT INTO dashboard_group_descriptions (key, description) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET description = excluded.description',
    ),
    removeGroupDescription: p('DELETE FROM dashboard_group_descriptions WHERE key = ?'),
    /** The dashboards of a group: their keys are the group's, "/" and an id without "/". */
    dashboardsOfGroup: p(
      `SELECT key FROM dashboards WHERE substr(key, 1, length(@group) + 1) = @group || '/' AND instr(substr(key, length(@group) + 2), '/') = 0
       ORDER BY key`,
    ),
    deleteDashboardTables: p('DELETE FROM dashboard_tables WHERE dashboard_key = ?'),
    addDashboardTable: p('INSERT OR IGNORE INTO dashboard_tables (dashboard_key, table_key) VALUES (?, ?)'),
    dashboardTables: p(
      `SELECT ${SUMMARY} FROM dashboard_tables dt JOIN tables t ON t.key = dt.table_key WHERE dt.dashboard_key = ? ORDER BY t.schema, t.name`,
    ),
    dashboardsUsingTable: p(
      `SELECT d.*, (SELECT COALESCE(SUM(read_count), 0) FROM reads r WHERE r.resource_type = 'dashboard' AND r.resource_key = d.key) AS views
       FROM dashboard_tables dt JOIN dashboards d ON d.key = dt.dashboard_key WHERE dt.table_key = ? ORDER BY views DESC, d.key`,
    ),
    usageOf: p('SELECT COALESCE(SUM(read_count), 0) AS usage, COUNT(*) AS readers FROM reads WHERE resource_type = ? AND resource_key = ?'),
    addLineage: p('INSERT OR IGNORE INTO lineage (upstream_key, downstream_key) VALUES (?, ?)'),
    downstream: p(lineageWalkSql('upstream_key', 'downstream_key', 'lineage')),
    upstream: p(lineageWalkSql('downstream_key', 'upstream_key', 'lineage')),
    addColumnLineage: p('INSERT OR IGNORE INTO column_lineage (upstream_key, downstream_key) VALUES (?, ?)'),
    deleteColumnLineageOf: p('DELETE FROM column_lineage WHERE upstream_key = @key OR downstream_key = @key'),
    columnDownstream: p(lineageWalkSql('upstream_key', 'downstream_key', 'column_lineage')),
    columnUpstream: p(lineageWalkSql('downstream_key', 'upstream_key', 'column_lineage')),
    popularTables: p(POPULAR_TABLES(false)),
    personalPopularTables: p(POPULAR_TABLES(true)),
    popularDashboards: p(POPULAR_DASHBOARDS(false)),
    personalPopularDashboards: p(POPULAR_DASHBOARDS(true)),
    table: p('SELECT * FROM tables WHERE key = ?'),
    tableExists: p('SELECT 1 FROM tables WHERE key = ?'),
    columns: p('SELECT * FROM columns WHERE table_key = ? ORDER BY sort_order, name'),
    columnExists: p('SELECT 1 FROM columns WHERE table_key = ? AND name = ?'),
    typeMetadataOfTable: p('SELECT * FROM type_metadata WHERE table_key = ? ORDER BY key'),
    typeMetadataExists: p('SELECT 1 FROM type_metadata WHERE table_key = ? AND key = ?'),
    setTypeMetadataDescription: p('UPDATE type_metadata SET description = ?, description_edited = 1 WHERE table_key = ? AND key = ?'),
    upsertTypeMetadata: p(
      `INSERT INTO type_metadata (key, table_key, column_name, parent_key, kind, name, data_type, sort_order, description, ingested_description)
       VALUES (@key, @table_key, @column_name, @parent_key, @kind, @name, @data_type, @sort_order, @description, @description)
       ON CONFLICT (key) DO UPDATE SET parent_key = excluded.parent_key, kind = excluded.kind, name = excluded.name,
         data_type = excluded.data_type, sort_order = excluded.sort_order, ${KEEP_EDITED_DESCRIPTION}`,
    ),
    /** The table's nested types whose keys are not among @keys (a JSON list). */
    deleteTypeMetadataNotSent: p(
      'DELETE FROM type_metadata WHERE table_key = @table_key AND key NOT IN (SELECT value FROM json_each(@keys))',
    ),
    /** Badges, by hand too, of nested types in the key range [@from, @to) that are no longer there. */
    deleteBadgesOfGoneTypeMetadata: p(
      `DELETE FROM badges WHERE resource_type = 'type_metadata' AND resource_key >= @from AND resource_key < @to
         AND NOT EXISTS (SELECT 1 FROM type_metadata t WHERE t.key = badges.resource_key)`,
    ),
    deleteIngestedBadgesInRange: p(
      'DELETE FROM badges WHERE resource_type = @type AND resource_key >= @from AND resource_key < @to AND by_hand = 0',
    ),
    setTableDetails: p(`UPDATE tables SET
      programmatic_descriptions = COALESCE(@programmatic_descriptions, programmatic_descriptions),
      watermarks = COALESCE(@watermarks, watermarks),
      producing_apps = COALESCE(@producing_apps, producing_apps),
      consuming_apps = COALESCE(@consuming_apps, consuming_apps),
      source = CASE WHEN @source_given = 1 THEN @source ELSE source END,
      resource_reports = COALESCE(@resource_reports, resource_reports)
      WHERE key = @key`),
    tagsOf: p('SELECT tag_name, tag_type FROM tags WHERE resource_type = ? AND resource_key = ? ORDER BY tag_name'),
    badgesOf: p('SELECT badge_name, category FROM badges WHERE resource_type = ? AND resource_key = ? ORDER BY badge_name'),
    badgesOfPrefix: p(
      'SELECT resource_key, badge_name, category FROM badges WHERE resource_type = @type AND resource_key >= @from AND resource_key < @to',
    ),
    ownersOf: p('SELECT user_key FROM owners WHERE resource_type = ? AND resource_key = ? ORDER BY user_key'),
    readersOf: p(
      'SELECT user_key, read_count FROM reads WHERE resource_type = ? AND resource_key = ? ORDER BY read_count DESC, user_key LIMIT 5',
    ),
    setTableDescription: p('UPDATE tables SET description = ?, description_edited = 1 WHERE key = ?'),
    schemaDescription: p('SELECT description FROM schema_descriptions WHERE key = ?'),
    setSchemaDescription: p(
      'INSERT INTO schema_descriptions (key, description) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET description = excluded.description',
    ),
    removeSchemaDescription: p('DELETE FROM schema_descriptions WHERE key = ?'),
    tablesOfSchema: p("SELECT key FROM tables WHERE database || '://' || cluster || '.' || schema = ? ORDER BY key"),
    setColumnDescription: p('UPDATE columns SET description = ?, description_edited = 1 WHERE table_key = ? AND name = ?'),
    // A row added by hand stays by hand when ingestion sends it too.
    addTag: p(
      'INSERT INTO tags (resource_type, resource_key, tag_name, tag_type, by_hand) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT DO UPDATE SET tag_type = excluded.tag_type, by_hand = MAX(by_hand, excluded.by_hand)',
    ),
    removeTag: p('DELETE FROM tags WHERE resource_type = ? AND resource_key = ? AND tag_name = ?'),
    deleteIngestedTags: p('DELETE FROM tags WHERE resource_type = ? AND resource_key = ? AND by_hand = 0'),
    addBadge: p(
      'INSERT INTO badges (resource_type, resource_key, badge_name, category, by_hand) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT DO UPDATE SET by_hand = MAX(by_hand, excluded.by_hand)',
    ),
    removeBadge: p('DELETE FROM badges WHERE resource_type = ? AND resource_key = ? AND badge_name = ? AND category = ?'),
    deleteIngestedBadges: p('DELETE FROM badges WHERE resource_type = ? AND resource_key = ? AND by_hand = 0'),
    deleteBadgesOf: p('DELETE FROM badges WHERE resource_type = ? AND resource_key = ?'),
    addOwner: p(
      'INSERT INTO owners (resource_type, resource_key, user_key, by_hand) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT DO UPDATE SET by_hand = MAX(by_hand, excluded.by_hand)',
    ),
    removeOwner: p('DELETE FROM owners WHERE resource_type = ? AND resource_key = ? AND user_key = ?'),
    deleteIngestedOwners: p('DELETE FROM owners WHERE resource_type = ? AND resource_key = ? AND by_hand = 0'),
    user: p('SELECT data FROM users WHERE key = ?'),
    userCounts: p(`SELECT
      (SELECT COALESCE(SUM(read_count), 0) FROM reads WHERE user_key = @key) AS read,
      (SELECT COUNT(*) FROM owners WHERE user_key = @key) AS own,
      (SELECT COUNT(*) FROM follows WHERE user_key = @key) AS follow`),
    upsertUser: p(
      'INSERT INTO users (key, data, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET data = excluded.data, is_active = excluded.is_active, updated_at = excluded.updated_at',
    ),
    activeUsers: p('SELECT data FROM users WHERE is_active = 1 ORDER BY key'),
    addFollow: p('INSERT OR IGNORE INTO follows (user_key, resource_type, resource_key) VALUES (?, ?, ?)'),
    removeFollow: p('DELETE FROM follows WHERE user_key = ? AND resource_type = ? AND resource_key = ?'),
    followedTables: p(
      `SELECT ${SUMMARY} FROM follows f JOIN tables t ON t.key = f.resource_key WHERE f.user_key = ? AND f.resource_type = 'table' ORDER BY t.schema, t.name`,
    ),
    ownedTables: p(
      `SELECT ${SUMMARY} FROM owners o JOIN tables t ON t.key = o.resource_key WHERE o.user_key = ? AND o.resource_type = 'table' ORDER BY t.schema, t.name`,
    ),
    followedDashboards: p(
      `SELECT d.* FROM follows f JOIN dashboards d ON d.key = f.resource_key WHERE f.user_key = ? AND f.resource_type = 'dashboard'
       ORDER BY d.group_name, d.name, d.key`,
    ),
    ownedDashboards: p(
      `SELECT d.* FROM owners o JOIN dashboards d ON d.key = o.resource_key WHERE o.user_key = ? AND o.resource_type = 'dashboard'
       ORDER BY d.group_name, d.name, d.key`,
    ),
    readTables: p(
      `SELECT ${SUMMARY} FROM reads r JOIN tables t ON t.key = r.resource_key WHERE r.user_key = ? AND r.resource_type = 'table' ORDER BY r.read_count DESC, t.key LIMIT 50`,
    ),
    upsertTable: p(
      `INSERT INTO tables (key, database, cluster, schema, name, is_view, description, ingested_description, last_updated_ts)
       VALUES (@key, @database, @cluster, @schema, @name, @is_view, @description, @description, @last_updated_ts)
       ON CONFLICT (key) DO UPDATE SET is_view = excluded.is_view, ${KEEP_EDITED_DESCRIPTION}, last_updated_ts = excluded.last_updated_ts`,
    ),
    deleteColumn: p('DELETE FROM columns WHERE table_key = ? AND name = ?'),
    upsertColumn: p(
      `INSERT INTO columns (table_key, name, col_type, sort_order, description, ingested_description, stats)
       VALUES (@table_key, @name, @col_type, @sort_order, @description, @description, @stats)
       ON CONFLICT (table_key, name) DO UPDATE SET col_type = excluded.col_type, sort_order = excluded.sort_order,
         ${KEEP_EDITED_DESCRIPTION}, stats = excluded.stats`,
    ),
    upsertRead: p(
      'INSERT INTO reads (user_key, resource_type, resource_key, read_count) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET read_count = excluded.read_count',
    ),
    tagUsages: p("SELECT tag_name, COUNT(*) AS tag_count FROM tags WHERE tag_type = 'default' GROUP BY tag_name ORDER BY tag_name"),
    allBadges: p('SELECT DISTINCT badge_name, category FROM badges ORDER BY badge_name, category'),
    statistics: p(`SELECT
      (SELECT COUNT(*) FROM tables) AS tables,
      (SELECT COUNT(*) FROM tables WHERE description IS NOT NULL AND description != '') AS documented,
      (SELECT COUNT(*) FROM columns WHERE description IS NOT NULL AND description != '') AS documented_cols,
      (SELECT COUNT(DISTINCT user_key) FROM owners) AS owners,
      (SELECT COUNT(DISTINCT resource_key) FROM owners WHERE resource_type = 'table') AS owned,
      (SELECT COUNT(*) FROM tables t WHERE description IS NOT NULL AND description != ''
         AND EXISTS (SELECT 1 FROM owners o WHERE o.resource_type = 'table' AND o.resource_key = t.key)) AS documented_owned`),
    setMeta: p('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value'),
    getMeta: p('SELECT value FROM meta WHERE name = ?'),
    audit: p('INSERT INTO audit (at, actor, action, resource_type, resource_key, detail) VALUES (?, ?, ?, ?, ?, ?)'),
    auditPage: p('SELECT * FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?'),
    auditSince: p('SELECT * FROM audit WHERE id > ? ORDER BY id LIMIT ?'),
  };
}
