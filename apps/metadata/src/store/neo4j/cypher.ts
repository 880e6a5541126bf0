/**
 * Every Cypher statement of Neo4jMetadataStore, in Amundsen's graph model
 * (labels, key formats and relationship pairs of its databuilder), so that a
 * graph built by Amundsen is served as it is. Each statement is linted with
 * Neo4j's own parser in the tests (cypher.spec.ts) with the parameters below.
 */

import type { ResourceType } from '../ports/edit';
import { BY_HAND, editDescription, INGESTED } from './edited-description-cypher';

/** The node label of each resource type: a fixed map, so no label is ever built from input. */
export const RESOURCE_LABELS: Readonly<Record<ResourceType, 'Table' | 'Dashboard' | 'Feature'>> = {
  table: 'Table',
  dashboard: 'Dashboard',
  feature: 'Feature',
};

/**
 * Matches the resource $key of one type, bound to `resource`. A Feature node
 * without a name is only a lineage end (upsertFeatureLineage), not in the catalog.
 */
export function resourceMatch(type: ResourceType): string {
  if (!Object.prototype.hasOwnProperty.call(RESOURCE_LABELS, type)) throw new Error(`unknown resource type ${String(type)}`);
  const where = type === 'feature' ? ' WHERE resource.name IS NOT NULL' : '';
  return `MATCH (resource:${RESOURCE_LABELS[type]} {key: $key})${where}`;
}

/**
 * Lineage walks, of tables, columns or features (Amundsen's HAS_UPSTREAM / HAS_DOWNSTREAM between nodes of one
 * label); `known` tells a node of the catalog (named) from a lineage-only end. The depth goes in the pattern;
 * it is validated (1-10) before it gets here.
 */
export function lineageWalk(
  direction: 'HAS_UPSTREAM' | 'HAS_DOWNSTREAM',
  depth: number,
  label: 'Table' | 'Column' | 'Feature' = 'Table',
): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > 10) throw new Error(`bad lineage depth ${depth}`);
  return `
    MATCH (source:${label} {key: $key})
    MATCH path = (source)-[:${direction}*1..${depth}]->(entity:${label})
    WHERE entity <> source
    WITH entity, min(length(path)) AS level, collect(path) AS paths
    WITH entity, level, [p IN paths WHERE length(p) = level][0] AS shortest
    OPTIONAL MATCH (entity)-[:HAS_BADGE]->(badge:Badge)
    WITH entity, level, shortest, collect(DISTINCT {badge_name: badge.key, category: badge.category}) AS badges
    OPTIONAL MATCH (entity)-[read:READ_BY]->(:User)
    RETURN entity.key AS key, level, nodes(shortest)[level - 1].key AS parent, badges,
           coalesce(sum(read.read_count), 0) AS usage, entity.name IS NOT NULL AS known
    ORDER BY level, key`;
}

/** Readers × ln(total reads) with a reader threshold; with $user, only among people who read what $user reads. */
function popular(label: 'Table' | 'Dashboard', personal: boolean): string {
  const peers = personal
    ? `MATCH (me:User {key: $user})-[:READ]->(:${label})<-[:READ]-(peer:User) WHERE peer <> me
       WITH DISTINCT peer
       MATCH (peer)-[read:READ]->(resource:${label})`
    : `MATCH (resource:${label})-[read:READ_BY]->(:User)`;
  return `
    ${peers}
    WITH resource, count(read) AS readers, sum(read.read_count) AS total
    WHERE readers >= $min
    RETURN resource.key AS key
    ORDER BY readers * log(total) DESC, key
    LIMIT $limit`;
}

const TABLE_SUMMARY = `
    MATCH (db:Database)-[:CLUSTER]->(cluster:Cluster)-[:SCHEMA]->(schema:Schema)-[:TABLE]->(table:Table)
    WHERE table.key IN $keys
    OPTIONAL MATCH (table)-[:DESCRIPTION]->(description:Description)
    RETURN table.key AS key, db.name AS database, cluster.name AS cluster, schema.name AS schema, table.name AS name,
           description.description AS description,
           [(schema)-[:DESCRIPTION]->(schemaDescription:Description) | schemaDescription.description][0] AS schema_description`;

export const CYPHER = {
  ping: 'RETURN 1 AS ok',

  constraints: [
    'CREATE CONSTRAINT fram_table_key IF NOT EXISTS FOR (n:Table) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_user_key IF NOT EXISTS FOR (n:User) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_column_key IF NOT EXISTS FOR (n:Column) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_dashboard_key IF NOT EXISTS FOR (n:Dashboard) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_tag_key IF NOT EXISTS FOR (n:Tag) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_audit_id IF NOT EXISTS FOR (n:Fram_Audit) REQUIRE n.id IS UNIQUE',
  ],

  resourceLinks: `
    MATCH (resource {key: $key}) WHERE resource:Table OR resource:Dashboard
    OPTIONAL MATCH (resource)-[:TAGGED_BY]->(tag:Tag)
    WITH resource, [t IN collect(DISTINCT tag) WHERE t IS NOT NULL | {tag_name: t.key, tag_type: coalesce(t.tag_type, 'default')}] AS tags
    OPTIONAL MATCH (resource)-[:HAS_BADGE]->(badge:Badge)
    WITH resource, tags, [b IN collect(DISTINCT badge) WHERE b IS NOT NULL | {badge_name: b.key, category: b.category}] AS badges
    OPTIONAL MATCH (resource)-[:OWNER]->(owner:User)
    WITH resource, tags, badges, [o IN collect(DISTINCT owner.key) WHERE o IS NOT NULL] AS owners
    OPTIONAL MATCH (resource)-[read:READ_BY]->(reader:User)
    WITH tags, badges, owners, read, reader ORDER BY read.read_count DESC, reader.key
    RETURN tags, badges, owners,
           [r IN collect({user: reader.key, read_count: read.read_count}) WHERE r.user IS NOT NULL][0..5] AS readers,
           coalesce(sum(read.read_count), 0) AS views, count(reader) AS readerCount`,

  /** Many people in one query, with their counts: reads (sum of read counts), owned and bookmarked tables and dashboards. */
  usersByKeys: `
    UNWIND $keys AS key
    MATCH (user:User {key: key})
    OPTIONAL MATCH (user)-[:MANAGE_BY]->(manager:User)
    WITH key, user, head(collect(manager)) AS manager
    OPTIONAL MATCH (user)-[read:READ]->(readResource) WHERE readResource:Table OR readResource:Dashboard OR readResource:Feature
    WITH key, user, manager, coalesce(sum(read.read_count), 0) AS totalRead
    OPTIONAL MATCH (user)-[:OWNER_OF]->(owned) WHERE owned:Table OR owned:Dashboard OR owned:Feature
    WITH key, user, manager, totalRead, count(DISTINCT owned) AS totalOwn
    OPTIONAL MATCH (user)-[:FOLLOW]->(followed) WHERE followed:Table OR followed:Dashboard OR followed:Feature
    WITH key, user, manager, totalRead, totalOwn, count(DISTINCT followed) AS totalFollow
    RETURN key, user {.*} AS user, manager.email AS manager_email, manager.full_name AS manager_fullname, totalRead, totalOwn, totalFollow`,

  tableExists: 'MATCH (table:Table {key: $key}) RETURN count(table) AS n',
  dashboardExists: 'MATCH (dashboard:Dashboard {key: $key}) RETURN count(dashboard) AS n',

  /** A person's description (see edited-description-cypher.ts). */
  setDescription: (type: 'table' | 'dashboard') => `
    ${resourceMatch(type)}
    ${editDescription('resource', "$key + '/_description'")}
    RETURN count(resource) AS n`,

  setColumnDescription: `
    MATCH (:Table {key: $key})-[:COLUMN]->(column:Column {name: $column})
    ${editDescription('column', "column.key + '/_description'")}
    RETURN count(column) AS n`,

  /** Tags, badges and owners people add are marked so; ingestion replaces only its own (replaceTags, ...). */
  addTag: (type: ResourceType) => `
    ${resourceMatch(type)}
    MERGE (tag:Tag {key: $tag}) ON CREATE SET tag.tag_type = $tagType
    MERGE (resource)-[tagged:TAGGED_BY]->(tag)
    ${BY_HAND('tagged')}
    MERGE (tag)-[:TAG]->(resource)
    RETURN count(resource) AS n`,

  removeTag: (type: ResourceType) => `
    ${resourceMatch(type)}
    OPTIONAL MATCH (resource)-[forward:TAGGED_BY]->(:Tag {key: $tag})-[backward:TAG]->(resource)
    DELETE forward, backward
    RETURN count(DISTINCT resource) AS n`,

  addBadge: (type: ResourceType) => `
    ${resourceMatch(type)}
    MERGE (badge:Badge {key: $badge}) ON CREATE SET badge.category = $category
    MERGE (resource)-[hasBadge:HAS_BADGE]->(badge)
    ${BY_HAND('hasBadge')}
    MERGE (badge)-[:BADGE_FOR]->(resource)
    RETURN count(resource) AS n`,

  removeBadge: (type: ResourceType) => `
    ${resourceMatch(type)}
    OPTIONAL MATCH (resource)-[forward:HAS_BADGE]->(:Badge {key: $badge, category: $category})-[backward:BADGE_FOR]->(resource)
    DELETE forward, backward
    RETURN count(DISTINCT resource) AS n`,

  /**
   * Used for owners (OWNER / OWNER_OF) and bookmarks (FOLLOWED_BY / FOLLOW), as Amundsen's one clause template;
   * an owner is marked as a person's (ingestion writes owners too, bookmarks never).
   */
  addUserLink: (type: ResourceType, forward: string, backward: string) => `
    ${resourceMatch(type)}
    MERGE (user:User {key: $user}) ON CREATE SET user.email = $user, user.user_id = $user, user.is_active = true
    MERGE (resource)-[link:${forward}]->(user)
    ${forward === 'OWNER' ? BY_HAND('link') : ''}
    MERGE (user)-[:${backward}]->(resource)
    RETURN count(resource) AS n`,

  removeUserLink: (type: ResourceType, forward: string, backward: string) => `
    ${resourceMatch(type)}
    OPTIONAL MATCH (resource)-[f:${forward}]->(:User {key: $user})-[b:${backward}]->(resource)
    DELETE f, b
    RETURN count(DISTINCT resource) AS n`,

  user: `
    MATCH (user:User {key: $key})
    OPTIONAL MATCH (user)-[:MANAGE_BY]->(manager:User)
    RETURN user {.*} AS user, manager.email AS manager_email, manager.full_name AS manager_fullname`,

  upsertUser: `
    OPTIONAL MATCH (existing:User {key: $key})
    WITH existing IS NULL AS created
    MERGE (user:User {key: $key})
    SET user += $properties, user.published_tag = 'fram_api', user.publisher_last_updated_epoch_ms = $now
    FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET user.publisher_created_epoch_ms = $now)
    WITH user, created
    OPTIONAL MATCH (user)-[old:MANAGE_BY]->(:User)
    OPTIONAL MATCH (:User)-[oldReverse:MANAGE]->(user)
    DELETE old, oldReverse
    WITH DISTINCT user, created
    FOREACH (_ IN CASE WHEN $managerEmail IS NULL THEN [] ELSE [1] END |
      MERGE (manager:User {key: $managerEmail}) ON CREATE SET manager.email = $managerEmail, manager.user_id = $managerEmail, manager.is_active = true
      MERGE (user)-[:MANAGE_BY]->(manager)
      MERGE (manager)-[:MANAGE]->(user))
    RETURN created`,

  activeUsers: `
    MATCH (user:User) WHERE coalesce(user.is_active, true) = true
    OPTIONAL MATCH (user)-[:MANAGE_BY]->(manager:User)
    RETURN user {.*} AS user, manager.email AS manager_email, manager.full_name AS manager_fullname
    ORDER BY user.key`,

  linkedTables: (relation: string) => `
    MATCH (:User {key: $user})-[:${relation}]->(table:Table)
    RETURN table.key AS key`,

  readTables: `
    MATCH (:User {key: $user})-[read:READ]->(table:Table)
    RETURN table.key AS key ORDER BY read.read_count DESC, key LIMIT 50`,

  tableSummaries: TABLE_SUMMARY,

  /**
   * Ingested tags, badges and owners replace those ingestion gave; those people added stay (one relationship
   * when ingestion gives one too: it stays the person's, so it outlives the source dropping it).
   */
  replaceTags: `
    UNWIND $items AS item
    MATCH (resource {key: item.key}) WHERE resource:Table OR resource:Dashboard
    OPTIONAL MATCH (resource)-[forward:TAGGED_BY]->(:Tag)-[backward:TAG]->(resource)
    WHERE ${INGESTED('forward')}
    DELETE forward, backward
    WITH DISTINCT resource, item
    UNWIND item.values AS name
    MERGE (tag:Tag {key: name}) ON CREATE SET tag.tag_type = 'default'
    MERGE (resource)-[:TAGGED_BY]->(tag)
    MERGE (tag)-[:TAG]->(resource)`,

  replaceBadges: `
    UNWIND $items AS item
    MATCH (resource:Table {key: item.key})
    OPTIONAL MATCH (resource)-[forward:HAS_BADGE]->(:Badge)-[backward:BADGE_FOR]->(resource)
    WHERE ${INGESTED('forward')}
    DELETE forward, backward
    WITH DISTINCT resource, item
    UNWIND item.values AS b
    MERGE (badge:Badge {key: b.badge_name}) ON CREATE SET badge.category = b.category
    MERGE (resource)-[:HAS_BADGE]->(badge)
    MERGE (badge)-[:BADGE_FOR]->(resource)`,

  replaceOwners: `
    UNWIND $items AS item
    MATCH (resource {key: item.key}) WHERE resource:Table OR resource:Dashboard
    OPTIONAL MATCH (resource)-[forward:OWNER]->(:User)-[backward:OWNER_OF]->(resource)
    WHERE ${INGESTED('forward')}
    DELETE forward, backward
    WITH DISTINCT resource, item
    UNWIND item.values AS email
    MERGE (user:User {key: email}) ON CREATE SET user.email = email, user.user_id = email, user.is_active = true
    MERGE (resource)-[:OWNER]->(user)
    MERGE (user)-[:OWNER_OF]->(resource)`,

  upsertReads: `
    UNWIND $reads AS r
    MATCH (resource {key: r.key}) WHERE resource:Table OR resource:Dashboard
    MERGE (user:User {key: r.user}) ON CREATE SET user.email = r.user, user.user_id = r.user, user.is_active = true
    MERGE (user)-[read:READ]->(resource)
    SET read.read_count = r.read_count, read.published_tag = 'fram_api'
    MERGE (resource)-[readBy:READ_BY]->(user)
    SET readBy.read_count = r.read_count, readBy.published_tag = 'fram_api'`,

  upsertLineage: `
    UNWIND $edges AS e
    MERGE (upstream:Table {key: e.upstream})
    MERGE (downstream:Table {key: e.downstream})
    MERGE (upstream)-[:HAS_DOWNSTREAM]->(downstream)
    MERGE (downstream)-[:HAS_UPSTREAM]->(upstream)`,

  tableKnown: `
    UNWIND $keys AS key
    OPTIONAL MATCH (db:Database)-[:CLUSTER]->(:Cluster)-[:SCHEMA]->(:Schema)-[:TABLE]->(table:Table {key: key})
    RETURN key, table IS NOT NULL AS known`,

  popularTables: popular('Table', false),
  personalPopularTables: popular('Table', true),
  popularDashboards: popular('Dashboard', false),
  personalPopularDashboards: popular('Dashboard', true),

  /** Keys for full reindexing; users only with a name (Amundsen indexes users whose full_name is set). */
  listKeys: (label: 'Table' | 'Dashboard' | 'User') => `
    MATCH (n:${label}) WHERE n.key > $after${label === 'User' ? ' AND (n.full_name IS NOT NULL OR n.display_name IS NOT NULL)' : ''}
    RETURN n.key AS key ORDER BY key LIMIT $limit`,

  /** Tags of the default type with how many resources carry them (TAGGED_BY, as Amundsen counts them). */
  tagUsages: `
    MATCH (resource)-[:TAGGED_BY]->(tag:Tag)
    WHERE coalesce(tag.tag_type, 'default') = 'default'
    WITH tag, count(DISTINCT resource) AS tag_count
    RETURN tag.key AS tag_name, tag_count ORDER BY tag_name`,

  allBadges: 'MATCH (badge:Badge) RETURN DISTINCT badge.key AS badge_name, badge.category AS category ORDER BY badge_name, category',

  /**
   * One count after the other (OPTIONAL MATCH and WITH rather than CALL subqueries, for Neo4j 4.4 as for 5).
   * Owners are the people who own anything, as Amundsen counts them; owned tables are tables.
   */
  statistics: `
    OPTIONAL MATCH (table:Table)
    WITH count(table) AS tables
    OPTIONAL MATCH (documentedTable:Table)-[:DESCRIPTION]->(tableDescription:Description) WHERE tableDescription.description <> ''
    WITH tables, count(DISTINCT documentedTable) AS documented
    OPTIONAL MATCH (:Table)-[:COLUMN]->(documentedColumn:Column)-[:DESCRIPTION]->(columnDescription:Description)
    WHERE columnDescription.description <> ''
    WITH tables, documented, count(DISTINCT documentedColumn) AS documentedColumns
    OPTIONAL MATCH ()-[:OWNER]->(owner:User)
    WITH tables, documented, documentedColumns, count(DISTINCT owner) AS owners
    OPTIONAL MATCH (ownedTable:Table)-[:OWNER]->(:User)
    WITH tables, documented, documentedColumns, owners, count(DISTINCT ownedTable) AS owned
    OPTIONAL MATCH (documentedOwnedTable:Table)-[:DESCRIPTION]->(ownedDescription:Description)
    WHERE ownedDescription.description <> '' AND size([(documentedOwnedTable)-[:OWNER]->(tableOwner:User) | tableOwner]) > 0
    RETURN tables, documented, documentedColumns, owners, owned, count(DISTINCT documentedOwnedTable) AS documentedOwned`,

  setLatestUpdated: `
    MERGE (updated:Updatedtimestamp {key: 'amundsen_updated_timestamp'})
    SET updated.latest_timestamp = $seconds`,

  /** Amundsen answers 0 when the node has no timestamp. */
  latestUpdated:
    "MATCH (updated:Updatedtimestamp {key: 'amundsen_updated_timestamp'}) RETURN coalesce(toInteger(updated.latest_timestamp), 0) AS latest",

  audit: `
    MERGE (sequence:Fram_Sequence {key: 'audit'})
    SET sequence.value = coalesce(sequence.value, 0) + 1
    CREATE (:Fram_Audit {id: sequence.value, at: $at, actor: $actor, action: $action, resource_type: $type, resource_key: $key, detail: $detail})`,

  auditSince: `
    MATCH (entry:Fram_Audit) WHERE entry.id > $after
    RETURN entry {.*} AS entry ORDER BY entry.id LIMIT $limit`,

  auditPage: `
    MATCH (entry:Fram_Audit) WHERE entry.id < $before
    RETURN entry {.*} AS entry ORDER BY entry.id DESC LIMIT $limit`,
} as const;

/** Example parameters of every statement, for linting. */
export const CYPHER_PARAMETERS: Record<string, unknown> = {
  key: 'hive://gold.core/orders',
  keys: ['hive://gold.core/orders'],
  column: 'amount',
  description: 'text',
  tag: 'sales',
  tagType: 'default',
  badge: 'certified',
  category: 'table_status',
  user: 'ada@example.com',
  properties: { email: 'ada@example.com' },
  managerEmail: 'grace@example.com',
  now: 1,
  tables: [],
  items: [],
  reads: [],
  edges: [],
  dashboards: [],
  min: 2,
  limit: 10,
  seconds: 1,
  at: 1,
  actor: 'ada@example.com',
  action: 'add_tag',
  type: 'table',
  detail: '{}',
  before: 10,
  after: 0,
};
