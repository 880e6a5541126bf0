import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import {
  dashboardKey,
  normalizeUser,
  tableKey,
  USER_FIELDS,
  type Badge,
  type ColumnLineageRecord,
  type DashboardRecord,
  type DashboardSummary,
  type LineageItem,
  type LineageRecord,
  type ReadRecord,
  type TableRecord,
  type TableSummary,
  type Tag,
  type User,
} from '@fram/models';
import { DependencyUnavailableError } from '@fram/errors';
import type { FeatureLineageRecord, FeatureRecord } from '@fram/models';
import type { CheckResult } from '@fram/service';
import type { AuditEntry, ChangeFeed } from '../ports/change-feed';
import type { CatalogStore, Statistics } from '../ports/catalog-store';
import type { DashboardStore, StoredDashboard } from '../ports/dashboard-store';
import type { FeatureStore, StoredFeature } from '../ports/feature-store';
import type { Edit, ResourceType } from '../ports/edit';
import type { LineageStore, LineageWalk } from '../ports/lineage-store';
import type { PeopleStore, UserWithCounts } from '../ports/people-store';
import type { PopularityStore } from '../ports/popularity-store';
import type { ResourceStore } from '../ports/resource-store';
import type { StoreLifecycle } from '../ports/store-lifecycle';
import type { StoredTable, TableStore } from '../ports/table-store';
import { CYPHER, lineageWalk } from './cypher';
import { FEATURE_CYPHER } from './feature-cypher';
import { TABLE_CYPHER } from './table-cypher';
import { readTables, walkColumnLineage, writeSchemaDescriptions, writeTables } from './neo4j-tables';
import { readFeatureKeys, readFeatures, walkFeatureLineage, writeFeatures } from './neo4j-features';
import type { Announcement, Notice } from '@fram/models';
import type { AnnouncementDraft, BulletinStore, NoticeDraft } from '../ports/bulletin-store';
import { BULLETIN_CYPHER } from './bulletin-cypher';
import { readAnnouncements, readNotices, removeAnnouncement, removeNotice, writeAnnouncement, writeNotice } from './neo4j-bulletins';
import { DASHBOARD_CYPHER } from './dashboard-cypher';
import { INGEST_LEDGER_CYPHER } from './ingest-ledger-cypher';
import { finishRun, readRecords, readRun, readSources, recordEntries, startRun } from './neo4j-ingest-ledger';
import type { FinishIngestRunRefusal, IngestLedger, IngestLedgerEntry, IngestRunRefusal } from '../ports/ingest-ledger';
import type { FinishedIngestRun, IngestRecordKind, IngestRecords, IngestRun, IngestSources } from '@fram/models';
import {
  readDashboards,
  readDashboardSummaries,
  readDashboardsUsingTable,
  readLinkedDashboards,
  writeDashboards,
  writeGroupDescriptions,
} from './neo4j-dashboards';
import { readKeys } from '../read-keys';
import { ingestedKeys } from '../shared-descriptions';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

type Row = Record<string, unknown>;

const LINKS: Record<'owner' | 'follow', [string, string]> = { owner: ['OWNER', 'OWNER_OF'], follow: ['FOLLOWED_BY', 'FOLLOW'] };

/**
 * The metadata store on Neo4j, in Amundsen's graph model (see cypher.ts), so a
 * graph built by Amundsen's databuilder is served as it is. Reads run in
 * managed read transactions, writes in write transactions with their audit
 * entry.
 */
export class Neo4jMetadataStore
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
  private readonly driver: Driver;
  private readonly database: string | undefined;

  constructor(connection: Neo4jConnection) {
    this.driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      disableLosslessIntegers: true,
      connectionTimeout: 10_000,
      maxConnectionPoolSize: 50,
      maxConnectionLifetime: 100_000,
      // A down server must become a quick 503, not a request that hangs while the driver retries.
      maxTransactionRetryTime: 1000,
    });
    this.database = connection.database;
  }

  /** Creates the uniqueness constraints Fram relies on (idempotent). */
  async prepare(): Promise<void> {
    for (const statement of [
      ...CYPHER.constraints,
      ...TABLE_CYPHER.constraints,
      ...FEATURE_CYPHER.constraints,
      ...DASHBOARD_CYPHER.constraints,
      ...BULLETIN_CYPHER.constraints,
      ...INGEST_LEDGER_CYPHER.constraints,
    ]) {
      await this.write((tx) => tx.run(statement));
    }
  }

  // TableStore: the Cypher and row mapping are table-cypher.ts' and neo4j-tables.ts'; audit entries are added here.

  async getTable(key: string): Promise<StoredTable | undefined> {
    return this.read(async (tx) => (await readTables(tx, [key]))[0]);
  }

  async tablesByKeys(keys: readonly string[]): Promise<StoredTable[]> {
    if (keys.length === 0) return [];
    return this.read((tx) => readTables(tx, keys));
  }

  async setTableDescription(key: string, description: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'set_description', 'table', key, { description }, CYPHER.setDescription('table'), { key, description });
  }

  async setColumnDescription(key: string, column: string, description: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'set_column_description', 'table', key, { column, description }, CYPHER.setColumnDescription, {
      key,
      column,
      description,
    });
  }

  async addColumnBadge(key: string, column: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(edit, 'add_column_badge', 'table', key, { column, ...badge }, TABLE_CYPHER.addColumnBadge, {
      key,
      column,
      badge: badge.badge_name,
      category: badge.category,
    });
  }

  async removeColumnBadge(key: string, column: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(edit, 'remove_column_badge', 'table', key, { column, ...badge }, TABLE_CYPHER.removeColumnBadge, {
      key,
      column,
      badge: badge.badge_name,
      category: badge.category,
    });
  }

  async setTypeMetadataDescription(key: string, typeKey: string, description: string, edit: Edit): Promise<boolean> {
    const detail = { type_metadata: typeKey, description };
    return this.change(edit, 'set_type_metadata_description', 'table', key, detail, TABLE_CYPHER.setTypeMetadataDescription, {
      key,
      typeKey,
      description,
    });
  }

  async addTypeMetadataBadge(key: string, typeKey: string, badge: Badge, edit: Edit): Promise<boolean> {
    const detail = { type_metadata: typeKey, ...badge };
    return this.change(edit, 'add_type_metadata_badge', 'table', key, detail, TABLE_CYPHER.addTypeMetadataBadge, {
      key,
      typeKey,
      badge: badge.badge_name,
      category: badge.category,
    });
  }

  async removeTypeMetadataBadge(key: string, typeKey: string, badge: Badge, edit: Edit): Promise<boolean> {
    const detail = { type_metadata: typeKey, ...badge };
    return this.change(edit, 'remove_type_metadata_badge', 'table', key, detail, TABLE_CYPHER.removeTypeMetadataBadge, {
      key,
      typeKey,
      badge: badge.badge_name,
      category: badge.category,
    });
  }

  async addTag(type: ResourceType, key: string, tag: Tag, edit: Edit): Promise<boolean> {
    return this.change(edit, 'add_tag', type, key, { ...tag }, CYPHER.addTag(type), { key, tag: tag.tag_name, tagType: tag.tag_type });
  }

  async removeTag(type: ResourceType, key: string, tagName: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'remove_tag', type, key, { tag_name: tagName }, CYPHER.removeTag(type), { key, tag: tagName });
  }

  async addBadge(type: ResourceType, key: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(edit, 'add_badge', type, key, { ...badge }, CYPHER.addBadge(type), {
      key,
      badge: badge.badge_name,
      category: badge.category,
    });
  }

  async removeBadge(type: ResourceType, key: string, badge: Badge, edit: Edit): Promise<boolean> {
    return this.change(edit, 'remove_badge', type, key, { ...badge }, CYPHER.removeBadge(type), {
      key,
      badge: badge.badge_name,
      category: badge.category,
    });
  }

  async addOwner(type: ResourceType, key: string, userKey: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'add_owner', type, key, { owner: userKey }, CYPHER.addUserLink(type, ...LINKS.owner), { key, user: userKey });
  }

  async removeOwner(type: ResourceType, key: string, userKey: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'remove_owner', type, key, { owner: userKey }, CYPHER.removeUserLink(type, ...LINKS.owner), {
      key,
      user: userKey,
    });
  }

  async getUser(key: string): Promise<User | undefined> {
    return this.read(async (tx) => {
      const [row] = await rows(tx, CYPHER.user, { key });
      return row ? toUser(row) : undefined;
    });
  }

  async usersByKeys(keys: readonly string[]): Promise<UserWithCounts[]> {
    if (keys.length === 0) return [];
    return this.read(async (tx) => {
      const found = new Map((await rows(tx, CYPHER.usersByKeys, { keys: [...new Set(keys)] })).map((r) => [String(r['key']), r]));
      return keys.flatMap((key) => {
        const row = found.get(key);
        return row
          ? [
              {
                key,
                user: toUser(row),
                counts: { read: Number(row['totalRead'] ?? 0), own: Number(row['totalOwn'] ?? 0), follow: Number(row['totalFollow'] ?? 0) },
              },
            ]
          : [];
      });
    });
  }

  async upsertUser(user: User, edit: Edit): Promise<{ created: boolean }> {
    const properties: Record<string, unknown> = {};
    for (const field of USER_FIELDS) {
      if (field === 'other_key_values') properties['other_key_values_json'] = JSON.stringify(user.other_key_values);
      else properties[field] = user[field];
    }
    properties['email'] = user.email || null;
    return this.write(async (tx) => {
      const [row] = await rows(tx, CYPHER.upsertUser, { key: user.user_id, properties, managerEmail: user.manager_email, now: edit.at });
      await audit(tx, edit, 'upsert_user', 'user', user.user_id, {});
      return { created: row?.['created'] === true };
    });
  }

  async listActiveUsers(): Promise<User[]> {
    return this.read(async (tx) => (await rows(tx, CYPHER.activeUsers, {})).map(toUser));
  }

  async addFollow(userKey: string, type: ResourceType, key: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'follow', type, key, { user: userKey }, CYPHER.addUserLink(type, ...LINKS.follow), { key, user: userKey });
  }

  async removeFollow(userKey: string, type: ResourceType, key: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'unfollow', type, key, { user: userKey }, CYPHER.removeUserLink(type, ...LINKS.follow), {
      key,
      user: userKey,
    });
  }

  async followedTables(userKey: string): Promise<TableSummary[]> {
    return this.read(async (tx) =>
      sortSummaries(await this.summaries(tx, keysOf(await rows(tx, CYPHER.linkedTables('FOLLOW'), { user: userKey })))),
    );
  }

  async ownedTables(userKey: string): Promise<TableSummary[]> {
    return this.read(async (tx) =>
      sortSummaries(await this.summaries(tx, keysOf(await rows(tx, CYPHER.linkedTables('OWNER_OF'), { user: userKey })))),
    );
  }

  async followedDashboards(userKey: string): Promise<DashboardSummary[]> {
    return this.read((tx) => readLinkedDashboards(tx, 'FOLLOW', userKey));
  }

  async ownedDashboards(userKey: string): Promise<DashboardSummary[]> {
    return this.read((tx) => readLinkedDashboards(tx, 'OWNER_OF', userKey));
  }

  async readTables(userKey: string): Promise<TableSummary[]> {
    return this.read(async (tx) => this.summaries(tx, keysOf(await rows(tx, CYPHER.readTables, { user: userKey }))));
  }

  async upsertTables(tables: TableRecord[], edit: Edit): Promise<number> {
    const withList = <T>(pick: (t: TableRecord) => T[] | undefined) =>
      tables.flatMap((t) => (pick(t) === undefined ? [] : [{ key: tableKey(t), values: pick(t) }]));
    return this.write(async (tx) => {
      await writeTables(tx, tables, edit.at);
      const sharing = await writeSchemaDescriptions(tx, tables);
      await tx.run(CYPHER.replaceTags, { items: withList((t) => t.tags) });
      await tx.run(CYPHER.replaceBadges, { items: withList((t) => t.badges) });
      await tx.run(CYPHER.replaceOwners, { items: withList((t) => t.owners) });
      await tx.run(CYPHER.setLatestUpdated, { seconds: Math.floor(edit.at / 1000) });
      await audit(tx, edit, 'ingest_tables', 'table', '*', { count: tables.length, keys: ingestedKeys(tables.map(tableKey), sharing) });
      return tables.length;
    });
  }

  async upsertReads(reads: ReadRecord[], edit: Edit): Promise<number> {
    const records = reads.map((r) => ({ user: r.user, key: 'table_key' in r ? r.table_key : r.dashboard_key, read_count: r.read_count }));
    return this.write(async (tx) => {
      await tx.run(CYPHER.upsertReads, { reads: records });
      await audit(tx, edit, 'ingest_reads', 'table', '*', { count: reads.length, ...readKeys(reads) });
      return reads.length;
    });
  }

  async upsertLineage(edges: LineageRecord[], edit: Edit): Promise<number> {
    return this.write(async (tx) => {
      await tx.run(CYPHER.upsertLineage, { edges });
      await audit(tx, edit, 'ingest_lineage', 'table', '*', { count: edges.length });
      return edges.length;
    });
  }

  async lineage(key: string, depth: number): Promise<LineageWalk | undefined> {
    return this.read(async (tx) => {
      const [exists] = await rows(tx, CYPHER.tableExists, { key });
      if (Number(exists?.['n'] ?? 0) === 0) return undefined;
      const walk = async (direction: 'HAS_UPSTREAM' | 'HAS_DOWNSTREAM') => {
        const found = await rows(tx, lineageWalk(direction, depth), { key });
        const known = new Map(
          (await rows(tx, CYPHER.tableKnown, { keys: keysOf(found) })).map((r) => [String(r['key']), r['known'] === true]),
        );
        return found.map((r): LineageItem => ({
          key: String(r['key']),
          level: Number(r['level']),
          source: String(r['key']).split('://')[0],
          badges: sortBadges((r['badges'] as Badge[]).filter((b) => b.badge_name !== null)),
          usage: Number(r['usage'] ?? 0),
          parent: nullable(r['parent']),
          link: null,
          in_amundsen: known.get(String(r['key'])) === true,
        }));
      };
      return { upstream: await walk('HAS_UPSTREAM'), downstream: await walk('HAS_DOWNSTREAM') };
    });
  }

  async upsertColumnLineage(edges: ColumnLineageRecord[], edit: Edit): Promise<number> {
    return this.write(async (tx) => {
      await tx.run(TABLE_CYPHER.upsertColumnLineage, { edges });
      await audit(tx, edit, 'ingest_column_lineage', 'table', '*', { count: edges.length });
      return edges.length;
    });
  }

  async columnLineage(key: string, column: string, depth: number): Promise<LineageWalk | undefined> {
    return this.read((tx) => walkColumnLineage(tx, key, column, depth));
  }

  // DashboardStore: the Cypher and row mapping are dashboard-cypher.ts' and neo4j-dashboards.ts'; audit entries are added here.

  async upsertDashboards(dashboards: DashboardRecord[], edit: Edit): Promise<number> {
    const withList = (pick: (d: DashboardRecord) => string[] | undefined) =>
      dashboards.flatMap((d) => (pick(d) === undefined ? [] : [{ key: dashboardKey(d), values: pick(d) }]));
    return this.write(async (tx) => {
      const keys = await writeDashboards(tx, dashboards, edit.at);
      const sharing = await writeGroupDescriptions(tx, dashboards);
      await tx.run(CYPHER.replaceOwners, { items: withList((d) => d.owners) });
      await tx.run(CYPHER.replaceTags, { items: withList((d) => d.tags) });
      await tx.run(CYPHER.setLatestUpdated, { seconds: Math.floor(edit.at / 1000) });
      await audit(tx, edit, 'ingest_dashboards', 'dashboard', '*', { count: dashboards.length, keys: ingestedKeys(keys, sharing) });
      return dashboards.length;
    });
  }

  async getDashboard(key: string): Promise<StoredDashboard | undefined> {
    return this.read(async (tx) => (await readDashboards(tx, [key]))[0]);
  }

  async dashboardsByKeys(keys: readonly string[]): Promise<StoredDashboard[]> {
    if (keys.length === 0) return [];
    return this.read((tx) => readDashboards(tx, keys));
  }

  async setDashboardDescription(key: string, description: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'set_description', 'dashboard', key, { description }, CYPHER.setDescription('dashboard'), {
      key,
      description,
    });
  }

  async dashboardsUsingTable(key: string): Promise<DashboardSummary[]> {
    return this.read((tx) => readDashboardsUsingTable(tx, key));
  }

  async popularTables(limit: number, minReaders: number, userKey?: string): Promise<TableSummary[]> {
    return this.read(async (tx) => {
      const statement = userKey === undefined ? CYPHER.popularTables : CYPHER.personalPopularTables;
      const keys = keysOf(await rows(tx, statement, { limit: neo4j.int(limit), min: minReaders, user: userKey ?? null }));
      return this.summaries(tx, keys);
    });
  }

  async popularDashboards(limit: number, minReaders: number, userKey?: string): Promise<DashboardSummary[]> {
    return this.read(async (tx) => {
      const statement = userKey === undefined ? CYPHER.popularDashboards : CYPHER.personalPopularDashboards;
      const keys = keysOf(await rows(tx, statement, { limit: neo4j.int(limit), min: minReaders, user: userKey ?? null }));
      return (await readDashboardSummaries(tx, keys)).map((d) => d.summary);
    });
  }

  async listKeys(type: 'table' | 'dashboard' | 'user', after: string, limit: number): Promise<string[]> {
    const label = type === 'table' ? 'Table' : type === 'dashboard' ? 'Dashboard' : 'User';
    return this.read(async (tx) => keysOf(await rows(tx, CYPHER.listKeys(label), { after, limit: neo4j.int(limit) })));
  }

  async tagUsages(): Promise<{ tag_name: string; tag_count: number }[]> {
    return this.read(async (tx) =>
      (await rows(tx, CYPHER.tagUsages, {})).map((r) => ({ tag_name: String(r['tag_name']), tag_count: Number(r['tag_count']) })),
    );
  }

  async allBadges(): Promise<Badge[]> {
    return this.read(async (tx) =>
      (await rows(tx, CYPHER.allBadges, {})).map((r) => ({ badge_name: String(r['badge_name']), category: String(r['category']) })),
    );
  }

  async statistics(): Promise<Statistics> {
    return this.read(async (tx) => {
      const [r] = await rows(tx, CYPHER.statistics, {});
      return {
        number_of_tables: Number(r?.['tables'] ?? 0),
        number_of_documented_tables: Number(r?.['documented'] ?? 0),
        number_of_documented_cols: Number(r?.['documentedColumns'] ?? 0),
        number_of_owners: Number(r?.['owners'] ?? 0),
        number_of_tables_with_owners: Number(r?.['owned'] ?? 0),
        number_of_documented_and_owned_tables: Number(r?.['documentedOwned'] ?? 0),
      };
    });
  }

  async latestUpdatedTimestamp(): Promise<number | undefined> {
    return this.read(async (tx) => {
      const [r] = await rows(tx, CYPHER.latestUpdated, {});
      return r?.['latest'] === undefined || r['latest'] === null ? undefined : Number(r['latest']);
    });
  }

  async audit(limit: number, beforeId?: number): Promise<AuditEntry[]> {
    return this.read(async (tx) =>
      (await rows(tx, CYPHER.auditPage, { limit: neo4j.int(limit), before: beforeId ?? Number.MAX_SAFE_INTEGER })).map(toAuditEntry),
    );
  }

  async auditSince(afterId: number, limit: number): Promise<AuditEntry[]> {
    return this.read(async (tx) => (await rows(tx, CYPHER.auditSince, { limit: neo4j.int(limit), after: afterId })).map(toAuditEntry));
  }

  // FeatureStore: the Cypher and row mapping are feature-cypher.ts' and neo4j-features.ts'; audit entries are added here.

  async getFeature(key: string): Promise<StoredFeature | undefined> {
    return this.read(async (tx) => (await readFeatures(tx, [key]))[0]);
  }

  async featuresByKeys(keys: readonly string[]): Promise<StoredFeature[]> {
    if (keys.length === 0) return [];
    return this.read((tx) => readFeatures(tx, keys));
  }

  async listFeatureKeys(after: string, limit: number): Promise<string[]> {
    return this.read((tx) => readFeatureKeys(tx, after, limit));
  }

  async setFeatureDescription(key: string, description: string, edit: Edit): Promise<boolean> {
    return this.change(edit, 'set_description', 'feature', key, { description }, FEATURE_CYPHER.setFeatureDescription, {
      key,
      description,
    });
  }

  async upsertFeatures(features: FeatureRecord[], edit: Edit): Promise<number> {
    return this.write(async (tx) => {
      const keys = await writeFeatures(tx, features, edit.at);
      await audit(tx, edit, 'ingest_features', 'feature', '*', { count: features.length, keys });
      return features.length;
    });
  }

  async upsertFeatureLineage(edges: FeatureLineageRecord[], edit: Edit): Promise<number> {
    return this.write(async (tx) => {
      await tx.run(FEATURE_CYPHER.upsertFeatureLineage, { edges });
      await audit(tx, edit, 'ingest_feature_lineage', 'feature', '*', { count: edges.length });
      return edges.length;
    });
  }

  async featureLineage(key: string, depth: number): Promise<{ upstream: LineageItem[]; downstream: LineageItem[] } | undefined> {
    return this.read((tx) => walkFeatureLineage(tx, key, depth));
  }

  // BulletinStore: the Cypher and row mapping are bulletin-cypher.ts' and neo4j-bulletins.ts'; audit entries are added here.

  async announcements(limit: number): Promise<Announcement[]> {
    return this.read((tx) => readAnnouncements(tx, limit));
  }

  async postAnnouncement(draft: AnnouncementDraft, edit: Edit): Promise<Announcement> {
    return this.write(async (tx) => {
      const post = await writeAnnouncement(tx, draft);
      await audit(tx, edit, 'post_announcement', 'announcement', String(post.id), { title: post.title, date: post.date });
      return post;
    });
  }

  async deleteAnnouncement(id: number, edit: Edit): Promise<boolean> {
    return this.write(async (tx) => {
      const removed = await removeAnnouncement(tx, id);
      if (removed) await audit(tx, edit, 'delete_announcement', 'announcement', String(id), { title: removed.title });
      return removed !== undefined;
    });
  }

  async notices(resourceUri: string): Promise<Notice[]> {
    return this.read((tx) => readNotices(tx, resourceUri));
  }

  async postNotice(draft: NoticeDraft, edit: Edit): Promise<Notice> {
    return this.write(async (tx) => {
      const notice = await writeNotice(tx, draft);
      await audit(tx, edit, 'post_notice', 'notice', String(notice.id), { resource_uri: notice.resource_uri, severity: notice.severity });
      return notice;
    });
  }

  async deleteNotice(id: number, edit: Edit): Promise<boolean> {
    return this.write(async (tx) => {
      const removed = await removeNotice(tx, id);
      if (removed) await audit(tx, edit, 'delete_notice', 'notice', String(id), { resource_uri: removed.resource_uri });
      return removed !== undefined;
    });
  }

  async health(): Promise<CheckResult> {
    try {
      // One attempt, no transaction retries: a health check must answer at once.
      await this.driver.executeQuery(CYPHER.ping, {}, { database: this.database, routing: neo4j.routing.READ });
      return { status: 'ok' };
    } catch (error) {
      return { status: 'fail', message: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async summaries(tx: ManagedTransaction, keys: string[]): Promise<TableSummary[]> {
    if (keys.length === 0) return [];
    const found = new Map((await rows(tx, CYPHER.tableSummaries, { keys })).map((r) => [String(r['key']), r]));
    return keys.flatMap((k) => {
      const r = found.get(k);
      return r
        ? [
            {
              key: k,
              database: String(r['database']),
              cluster: String(r['cluster']),
              schema: String(r['schema']),
              name: String(r['name']),
              description: nullable(r['description']),
              schema_description: nullable(r['schema_description']),
            },
          ]
        : [];
    });
  }

  /** A change and its audit entry in one write transaction; nothing is recorded when nothing matched. */
  private change(
    edit: Edit,
    action: string,
    type: string,
    key: string,
    detail: Record<string, unknown>,
    statement: string,
    params: Record<string, unknown>,
  ): Promise<boolean> {
    return this.write(async (tx) => {
      const [row] = await rows(tx, statement, params);
      const changed = Number(row?.['n'] ?? 0) > 0;
      if (changed) await audit(tx, edit, action, type, key, detail);
      return changed;
    });
  }

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    return session
      .executeRead(work)
      .catch(unavailable)
      .finally(() => session.close());
  }

  private write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    return session
      .executeWrite(work)
      .catch(unavailable)
      .finally(() => session.close());
  }

  // IngestLedger: the Cypher is ingest-ledger-cypher.ts', run by neo4j-ingest-ledger.ts with its audit entries.

  async startIngestRun(source: string, edit: Edit): Promise<IngestRun> {
    return this.write((tx) => startRun(tx, source, edit));
  }

  async ingestRun(run: string): Promise<IngestRun | undefined> {
    return this.read((tx) => readRun(tx, run));
  }

  async recordIngested(run: string, kind: IngestRecordKind, entries: readonly IngestLedgerEntry[]): Promise<IngestRunRefusal | undefined> {
    return this.write((tx) => recordEntries(tx, run, kind, entries));
  }

  async finishIngestRun(
    run: string,
    maxRemovedPercent: number | undefined,
    edit: Edit,
  ): Promise<FinishedIngestRun | FinishIngestRunRefusal> {
    return this.write((tx) => finishRun(tx, run, maxRemovedPercent, edit));
  }

  async ingestRecords(source: string, kind: IngestRecordKind, after: string | undefined, limit: number): Promise<IngestRecords> {
    return this.read((tx) => readRecords(tx, source, kind, after, limit));
  }

  async ingestSources(): Promise<IngestSources> {
    return this.read(readSources);
  }
}

/** Connection failures become 503s; anything else is a bug and stays what it is. */
function unavailable(error: unknown): never {
  const code = (error as { code?: unknown }).code;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'Neo.ClientError.Security.Unauthorized') {
    throw new DependencyUnavailableError('The metadata store (Neo4j) is unavailable; try again shortly');
  }
  throw error;
}

async function rows(tx: ManagedTransaction, statement: string, params: Record<string, unknown>): Promise<Row[]> {
  const result = await tx.run(statement, params);
  return result.records.map((record) => record.toObject());
}

function audit(tx: ManagedTransaction, edit: Edit, action: string, type: string, key: string, detail: Record<string, unknown>) {
  return tx.run(CYPHER.audit, { at: edit.at, actor: edit.actor, action, type, key, detail: JSON.stringify(detail) });
}

function toAuditEntry(r: Row): AuditEntry {
  const e = r['entry'] as Row;
  return {
    id: Number(e['id']),
    at: Number(e['at']),
    actor: String(e['actor']),
    action: String(e['action']),
    resource_type: String(e['resource_type']),
    resource_key: String(e['resource_key']),
    detail: JSON.parse(String(e['detail'])) as Record<string, unknown>,
  };
}

const keysOf = (found: Row[]) => found.map((r) => String(r['key']));
const nullable = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const sortBadges = (badges: Badge[] | undefined) => [...(badges ?? [])].sort((a, b) => a.badge_name.localeCompare(b.badge_name));
const sortSummaries = (tables: TableSummary[]) => tables.sort((a, b) => a.schema.localeCompare(b.schema) || a.name.localeCompare(b.name));

/** A User node (Amundsen's properties, or Fram's) with its MANAGE_BY manager, as Amundsen's user. */
function toUser(row: Row): User {
  const node = row['user'] as Row;
  let others: unknown = {};
  try {
    others = typeof node['other_key_values_json'] === 'string' ? JSON.parse(node['other_key_values_json']) : {};
  } catch {
    others = {};
  }
  return normalizeUser({
    ...node,
    user_id: node['user_id'] ?? node['key'],
    email: node['email'] ?? node['key'],
    manager_email: row['manager_email'] ?? node['manager_email'],
    manager_fullname: row['manager_fullname'] ?? node['manager_fullname'],
    other_key_values: others,
  });
}
