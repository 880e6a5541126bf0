/**
 * Every Cypher statement of Neo4jMetadataStore, in Amundsen's graph model
 * (labels, key formats and relationship pairs of its databuilder), so that a
 * graph built by Amundsen is served as it is. Each statement is linted with
 * Neo4j's own parser in the tests (cypher.spec.ts) with the parameters below.
 */

/** Lineage walks need the depth in the pattern; it is validated (1-10) before it gets here. */
export function lineageWalk(direction: 'HAS_UPSTREAM' | 'HAS_DOWNSTREAM', depth: number): string {
  if (!Number.isInteger(depth) || depth < 1 || depth > 10) throw new Error(`bad lineage depth ${depth}`);
  return `
    MATCH (source:Table {key: $key})
    MATCH path = (source)-[:${direction}*1..${depth}]->(entity:Table)
    WHERE entity <> source
    WITH entity, min(length(path)) AS level, collect(path) AS paths
    WITH entity, level, [p IN paths WHERE length(p) = level][0] AS shortest
    OPTIONAL MATCH (entity)-[:HAS_BADGE]->(badge:Badge)
    OPTIONAL MATCH (entity)-[read:READ_BY]->(:User)
    RETURN entity.key AS key, level, nodes(shortest)[level - 1].key AS parent,
           collect(DISTINCT {badge_name: badge.key, category: badge.category}) AS badges,
           coalesce(sum(read.read_count), 0) AS usage
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
           description.description AS description`;

const DASHBOARD_SUMMARY = `
    MATCH (dashboard:Dashboard)-[:DASHBOARD_OF]->(group:Dashboardgroup)-[:DASHBOARD_GROUP_OF]->(cluster:Cluster)
    WHERE dashboard.key IN $keys
    OPTIONAL MATCH (dashboard)-[:DESCRIPTION]->(description:Description)
    OPTIONAL MATCH (dashboard)-[:EXECUTED]->(execution:Execution) WHERE execution.key ENDS WITH '/_last_successful_execution'
    OPTIONAL MATCH (dashboard)-[:HAS_QUERY]->(:Query)-[:HAS_CHART]->(chart:Chart)
    OPTIONAL MATCH (dashboard)-[read:READ_BY]->(:User)
    RETURN dashboard.key AS key, cluster.name AS cluster, group.name AS group_name, group.dashboard_group_url AS group_url,
           dashboard.name AS name, dashboard.dashboard_url AS url, description.description AS description,
           execution.timestamp AS last_successful_run_timestamp, dashboard.created_timestamp AS created_timestamp,
           collect(DISTINCT chart.name) AS chart_names, coalesce(sum(read.read_count), 0) AS views`;

/** Tags, badges, owners, the five heaviest readers and usage of `resource`, as resourceLinks returns them (a CALL body). */
const LINKS_OF = (resource: string) => `
      OPTIONAL MATCH (${resource})-[:TAGGED_BY]->(tag:Tag)
      WITH ${resource}, [t IN collect(DISTINCT tag) WHERE t IS NOT NULL | {tag_name: t.key, tag_type: coalesce(t.tag_type, 'default')}] AS tags
      OPTIONAL MATCH (${resource})-[:HAS_BADGE]->(badge:Badge)
      WITH ${resource}, tags, [b IN collect(DISTINCT badge) WHERE b IS NOT NULL | {badge_name: b.key, category: b.category}] AS badges
      OPTIONAL MATCH (${resource})-[:OWNER]->(owner:User)
      WITH ${resource}, tags, badges, [o IN collect(DISTINCT owner.key) WHERE o IS NOT NULL] AS owners
      OPTIONAL MATCH (${resource})-[read:READ_BY]->(reader:User)
      WITH tags, badges, owners, read, reader ORDER BY read.read_count DESC, reader.key
      RETURN tags, badges, owners,
             [r IN collect({user: reader.key, read_count: read.read_count}) WHERE r.user IS NOT NULL][0..5] AS readers,
             coalesce(sum(read.read_count), 0) AS views, count(reader) AS readerCount`;

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

  table: `
    MATCH (db:Database)-[:CLUSTER]->(cluster:Cluster)-[:SCHEMA]->(schema:Schema)-[:TABLE]->(table:Table {key: $key})
    OPTIONAL MATCH (table)-[:DESCRIPTION]->(description:Description)
    OPTIONAL MATCH (table)-[:LAST_UPDATED_AT]->(updated:Timestamp)
    RETURN db.name AS database, cluster.name AS cluster, schema.name AS schema, table.name AS name,
           coalesce(table.is_view, false) AS is_view, description.description AS description,
           updated.last_updated_timestamp AS last_updated_timestamp`,

  tableColumns: `
    MATCH (:Table {key: $key})-[:COLUMN]->(column:Column)
    OPTIONAL MATCH (column)-[:DESCRIPTION]->(description:Description)
    OPTIONAL MATCH (column)-[:HAS_BADGE]->(badge:Badge)
    RETURN column.name AS name, column.col_type AS col_type, column.sort_order AS sort_order, description.description AS description,
           [b IN collect(badge) WHERE b IS NOT NULL | {badge_name: b.key, category: b.category}] AS badges
    ORDER BY sort_order, name`,

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

  /** Many tables in one query: table, tableColumns and resourceLinks per key (the search sync reads in batches). */
  tablesByKeys: `
    UNWIND $keys AS key
    MATCH (db:Database)-[:CLUSTER]->(cluster:Cluster)-[:SCHEMA]->(schema:Schema)-[:TABLE]->(table:Table {key: key})
    OPTIONAL MATCH (table)-[:DESCRIPTION]->(description:Description)
    OPTIONAL MATCH (table)-[:LAST_UPDATED_AT]->(updated:Timestamp)
    CALL (table) {
      OPTIONAL MATCH (table)-[:COLUMN]->(column:Column)
      OPTIONAL MATCH (column)-[:DESCRIPTION]->(columnDescription:Description)
      OPTIONAL MATCH (column)-[:HAS_BADGE]->(columnBadge:Badge)
      WITH column, columnDescription, [b IN collect(columnBadge) WHERE b IS NOT NULL | {badge_name: b.key, category: b.category}] AS columnBadges
      ORDER BY column.sort_order, column.name
      RETURN [c IN collect({name: column.name, col_type: column.col_type, sort_order: column.sort_order,
                            description: columnDescription.description, badges: columnBadges}) WHERE c.name IS NOT NULL] AS columns
    }
    CALL (table) {${LINKS_OF('table')}
    }
    RETURN key, db.name AS database, cluster.name AS cluster, schema.name AS schema, table.name AS name,
           coalesce(table.is_view, false) AS is_view, description.description AS description,
           updated.last_updated_timestamp AS last_updated_timestamp,
           columns, tags, badges, owners, readers, views, readerCount`,

  /** Many dashboards in one query: dashboardSummaries, resourceLinks and dashboardTables (with their summaries) per key. */
  dashboardsByKeys: `
    UNWIND $keys AS key
    MATCH (dashboard:Dashboard {key: key})-[:DASHBOARD_OF]->(group:Dashboardgroup)-[:DASHBOARD_GROUP_OF]->(cluster:Cluster)
    OPTIONAL MATCH (dashboard)-[:DESCRIPTION]->(description:Description)
    OPTIONAL MATCH (dashboard)-[:EXECUTED]->(execution:Execution) WHERE execution.key ENDS WITH '/_last_successful_execution'
    CALL (dashboard) {
      OPTIONAL MATCH (dashboard)-[:HAS_QUERY]->(:Query)-[:HAS_CHART]->(chart:Chart)
      RETURN collect(DISTINCT chart.name) AS chart_names
    }
    CALL (dashboard) {
      OPTIONAL MATCH (dashboard)-[:DASHBOARD_WITH_TABLE]->(read:Table)<-[:TABLE]-(readSchema:Schema)<-[:SCHEMA]-(readCluster:Cluster)<-[:CLUSTER]-(readDb:Database)
      OPTIONAL MATCH (read)-[:DESCRIPTION]->(readDescription:Description)
      RETURN [t IN collect({key: read.key, database: readDb.name, cluster: readCluster.name, schema: readSchema.name, name: read.name,
                            description: readDescription.description}) WHERE t.key IS NOT NULL] AS tables
    }
    CALL (dashboard) {${LINKS_OF('dashboard')}
    }
    RETURN key, cluster.name AS cluster, group.name AS group_name, group.dashboard_group_url AS group_url,
           dashboard.name AS name, dashboard.dashboard_url AS url, description.description AS description,
           execution.timestamp AS last_successful_run_timestamp, dashboard.created_timestamp AS created_timestamp,
           chart_names, tables, tags, badges, owners, readers, views`,

  /** Many people in one query, with their counts: reads (sum of read counts), owned and bookmarked tables and dashboards. */
  usersByKeys: `
    UNWIND $keys AS key
    MATCH (user:User {key: key})
    CALL (user) {
      OPTIONAL MATCH (user)-[:MANAGE_BY]->(manager:User)
      RETURN manager.email AS manager_email, manager.full_name AS manager_fullname
      LIMIT 1
    }
    CALL (user) {
      OPTIONAL MATCH (user)-[read:READ]->(readResource) WHERE readResource:Table OR readResource:Dashboard
      RETURN coalesce(sum(read.read_count), 0) AS totalRead
    }
    CALL (user) {
      OPTIONAL MATCH (user)-[:OWNER_OF]->(owned) WHERE owned:Table OR owned:Dashboard
      RETURN count(DISTINCT owned) AS totalOwn
    }
    CALL (user) {
      OPTIONAL MATCH (user)-[:FOLLOW]->(followed) WHERE followed:Table OR followed:Dashboard
      RETURN count(DISTINCT followed) AS totalFollow
    }
    RETURN key, user {.*} AS user, manager_email, manager_fullname, totalRead, totalOwn, totalFollow`,

  tableExists: 'MATCH (table:Table {key: $key}) RETURN count(table) AS n',
  dashboardExists: 'MATCH (dashboard:Dashboard {key: $key}) RETURN count(dashboard) AS n',

  setDescription: `
    MATCH (resource {key: $key}) WHERE resource:Table OR resource:Dashboard
    MERGE (description:Description {key: $key + '/_description'})
    SET description.description = $description, description.description_source = 'description'
    MERGE (resource)-[:DESCRIPTION]->(description)
    MERGE (description)-[:DESCRIPTION_OF]->(resource)
    RETURN count(resource) AS n`,

  setColumnDescription: `
    MATCH (:Table {key: $key})-[:COLUMN]->(column:Column {name: $column})
    MERGE (description:Description {key: column.key + '/_description'})
    SET description.description = $description, description.description_source = 'description'
    MERGE (column)-[:DESCRIPTION]->(description)
    MERGE (description)-[:DESCRIPTION_OF]->(column)
    RETURN count(column) AS n`,

  addTag: `
    MATCH (resource {key: $key}) WHERE resource:Table OR resource:Dashboard
    MERGE (tag:Tag {key: $tag}) ON CREATE SET tag.tag_type = $tagType
    MERGE (resource)-[:TAGGED_BY]->(tag)
    MERGE (tag)-[:TAG]->(resource)
    RETURN count(resource) AS n`,

  removeTag: `
    MATCH (resource {key: $key}) WHERE resource:Table OR resource:Dashboard
    OPTIONAL MATCH (resource)-[forward:TAGGED_BY]->(:Tag {key: $tag})-[backward:TAG]->(resource)
    DELETE forward, backward
    RETURN count(DISTINCT resource) AS n`,

  addBadge: `
    MATCH (resource {key: $key}) WHERE resource:Table OR resource:Dashboard
    MERGE (badge:Badge {key: $badge}) ON CREATE SET badge.category = $category
    MERGE (resource)-[:HAS_BADGE]->(badge)
    MERGE (badge)-[:BADGE_FOR]->(resource)
    RETURN count(resource) AS n`,

  removeBadge: `
    MATCH (resource {key: $key}) WHERE resource:Table OR resource:Dashboard
    OPTIONAL MATCH (resource)-[forward:HAS_BADGE]->(:Badge {key: $badge, category: $category})-[backward:BADGE_FOR]->(resource)
    DELETE forward, backward
    RETURN count(DISTINCT resource) AS n`,

  /** Used for owners (OWNER / OWNER_OF) and bookmarks (FOLLOWED_BY / FOLLOW), as Amundsen's one clause template. */
  addUserLink: (forward: string, backward: string) => `
    MATCH (resource {key: $key}) WHERE resource:Table OR resource:Dashboard
    MERGE (user:User {key: $user}) ON CREATE SET user.email = $user, user.user_id = $user, user.is_active = true
    MERGE (resource)-[:${forward}]->(user)
    MERGE (user)-[:${backward}]->(resource)
    RETURN count(resource) AS n`,

  removeUserLink: (forward: string, backward: string) => `
    MATCH (resource {key: $key}) WHERE resource:Table OR resource:Dashboard
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
    DELETE old
    WITH DISTINCT user, created
    CALL (user) {
      WITH user WHERE $managerEmail IS NOT NULL
      MERGE (manager:User {key: $managerEmail}) ON CREATE SET manager.email = $managerEmail, manager.user_id = $managerEmail, manager.is_active = true
      MERGE (user)-[:MANAGE_BY]->(manager)
      MERGE (manager)-[:MANAGE]->(user)
    }
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
  dashboardSummaries: DASHBOARD_SUMMARY,

  upsertTables: `
    UNWIND $tables AS t
    MERGE (db:Database {key: 'database://' + t.database}) SET db.name = t.database
    MERGE (cluster:Cluster {key: t.database + '://' + t.cluster}) SET cluster.name = t.cluster
    MERGE (db)-[:CLUSTER]->(cluster)
    MERGE (cluster)-[:CLUSTER_OF]->(db)
    MERGE (schema:Schema {key: t.database + '://' + t.cluster + '.' + t.schema}) SET schema.name = t.schema
    MERGE (cluster)-[:SCHEMA]->(schema)
    MERGE (schema)-[:SCHEMA_OF]->(cluster)
    MERGE (table:Table {key: t.key})
    SET table.name = t.name, table.is_view = t.is_view, table.published_tag = 'fram_api', table.publisher_last_updated_epoch_ms = $now
    MERGE (schema)-[:TABLE]->(table)
    MERGE (table)-[:TABLE_OF]->(schema)
    WITH table, t
    OPTIONAL MATCH (table)-[:DESCRIPTION]->(oldDescription:Description)
    DETACH DELETE oldDescription
    WITH DISTINCT table, t
    OPTIONAL MATCH (table)-[:LAST_UPDATED_AT]->(oldTimestamp:Timestamp)
    DETACH DELETE oldTimestamp
    WITH DISTINCT table, t
    CALL (table, t) {
      WITH table, t WHERE t.description IS NOT NULL
      MERGE (description:Description {key: t.key + '/_description'})
      SET description.description = t.description, description.description_source = 'description'
      MERGE (table)-[:DESCRIPTION]->(description)
      MERGE (description)-[:DESCRIPTION_OF]->(table)
    }
    CALL (table, t) {
      WITH table, t WHERE t.last_updated_timestamp IS NOT NULL
      MERGE (timestamp:Timestamp {key: t.key + '/timestamp'})
      SET timestamp.last_updated_timestamp = t.last_updated_timestamp, timestamp.name = 'last_updated_timestamp'
      MERGE (table)-[:LAST_UPDATED_AT]->(timestamp)
      MERGE (timestamp)-[:LAST_UPDATED_TIME_OF]->(table)
    }
    RETURN count(table) AS n`,

  replaceColumns: `
    UNWIND $tables AS t
    MATCH (table:Table {key: t.key})
    OPTIONAL MATCH (table)-[:COLUMN]->(old:Column)
    OPTIONAL MATCH (old)-[:DESCRIPTION]->(oldDescription:Description)
    DETACH DELETE oldDescription, old
    WITH DISTINCT table, t
    UNWIND t.columns AS c
    CREATE (column:Column {key: t.key + '/' + c.name, name: c.name, col_type: c.col_type, sort_order: c.sort_order})
    CREATE (table)-[:COLUMN]->(column)
    CREATE (column)-[:COLUMN_OF]->(table)
    WITH column, c WHERE c.description IS NOT NULL
    CREATE (description:Description {key: column.key + '/_description', description: c.description, description_source: 'description'})
    CREATE (column)-[:DESCRIPTION]->(description)
    CREATE (description)-[:DESCRIPTION_OF]->(column)`,

  replaceTags: `
    UNWIND $items AS item
    MATCH (resource {key: item.key}) WHERE resource:Table OR resource:Dashboard
    OPTIONAL MATCH (resource)-[forward:TAGGED_BY]->(:Tag)-[backward:TAG]->(resource)
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

  upsertDashboards: `
    UNWIND $dashboards AS d
    MERGE (cluster:Cluster {key: d.product + '_dashboard://' + d.cluster}) SET cluster.name = d.cluster
    MERGE (group:Dashboardgroup {key: d.product + '_dashboard://' + d.cluster + '.' + d.group_name})
    SET group.name = d.group_name, group.dashboard_group_url = d.group_url
    MERGE (group)-[:DASHBOARD_GROUP_OF]->(cluster)
    MERGE (cluster)-[:DASHBOARD_GROUP]->(group)
    MERGE (dashboard:Dashboard {key: d.key})
    SET dashboard.name = d.name, dashboard.dashboard_url = d.url, dashboard.created_timestamp = d.created_timestamp,
        dashboard.published_tag = 'fram_api', dashboard.publisher_last_updated_epoch_ms = $now
    MERGE (dashboard)-[:DASHBOARD_OF]->(group)
    MERGE (group)-[:DASHBOARD]->(dashboard)
    WITH dashboard, d
    OPTIONAL MATCH (dashboard)-[:DESCRIPTION]->(oldDescription:Description)
    OPTIONAL MATCH (dashboard)-[:EXECUTED]->(oldExecution:Execution)
    OPTIONAL MATCH (dashboard)-[:HAS_QUERY]->(oldQuery:Query {key: d.key + '/query/fram'})
    OPTIONAL MATCH (oldQuery)-[:HAS_CHART]->(oldChart:Chart)
    DETACH DELETE oldDescription, oldExecution, oldChart, oldQuery
    WITH DISTINCT dashboard, d
    CALL (dashboard, d) {
      WITH dashboard, d WHERE d.description IS NOT NULL
      CREATE (description:Description {key: d.key + '/_description', description: d.description, description_source: 'description'})
      CREATE (dashboard)-[:DESCRIPTION]->(description)
      CREATE (description)-[:DESCRIPTION_OF]->(dashboard)
    }
    CALL (dashboard, d) {
      WITH dashboard, d WHERE d.last_successful_run_timestamp IS NOT NULL
      CREATE (execution:Execution {key: d.key + '/execution/_last_successful_execution', timestamp: d.last_successful_run_timestamp, state: 'succeeded'})
      CREATE (dashboard)-[:EXECUTED]->(execution)
      CREATE (execution)-[:EXECUTION_OF]->(dashboard)
    }
    CALL (dashboard, d) {
      WITH dashboard, d WHERE size(d.chart_names) > 0
      CREATE (query:Query {key: d.key + '/query/fram', name: 'charts'})
      CREATE (dashboard)-[:HAS_QUERY]->(query)
      CREATE (query)-[:QUERY_OF]->(dashboard)
      WITH query, d
      UNWIND range(0, size(d.chart_names) - 1) AS i
      CREATE (chart:Chart {key: d.key + '/query/fram/chart/' + toString(i), name: d.chart_names[i]})
      CREATE (query)-[:HAS_CHART]->(chart)
      CREATE (chart)-[:CHART_OF]->(query)
    }
    RETURN count(dashboard) AS n`,

  replaceDashboardTables: `
    UNWIND $items AS item
    MATCH (dashboard:Dashboard {key: item.key})
    OPTIONAL MATCH (dashboard)-[forward:DASHBOARD_WITH_TABLE]->(:Table)-[backward:TABLE_OF_DASHBOARD]->(dashboard)
    DELETE forward, backward
    WITH DISTINCT dashboard, item
    UNWIND item.values AS tableKey
    MATCH (table:Table {key: tableKey})
    MERGE (dashboard)-[:DASHBOARD_WITH_TABLE]->(table)
    MERGE (table)-[:TABLE_OF_DASHBOARD]->(dashboard)`,

  dashboardTables: `
    MATCH (:Dashboard {key: $key})-[:DASHBOARD_WITH_TABLE]->(table:Table)
    RETURN table.key AS key`,

  dashboardsUsingTable: `
    MATCH (:Table {key: $key})-[:TABLE_OF_DASHBOARD]->(dashboard:Dashboard)
    RETURN dashboard.key AS key`,

  popularTables: popular('Table', false),
  personalPopularTables: popular('Table', true),
  popularDashboards: popular('Dashboard', false),
  personalPopularDashboards: popular('Dashboard', true),

  /** Keys for full reindexing; users only with a name (Amundsen indexes users whose full_name is set). */
  listKeys: (label: 'Table' | 'Dashboard' | 'User') => `
    MATCH (n:${label}) WHERE n.key > $after${label === 'User' ? ' AND (n.full_name IS NOT NULL OR n.display_name IS NOT NULL)' : ''}
    RETURN n.key AS key ORDER BY key LIMIT $limit`,

  tagUsages: `
    MATCH (tag:Tag)-[:TAG]->(resource)
    WHERE coalesce(tag.tag_type, 'default') = 'default'
    WITH tag, count(DISTINCT resource) AS tag_count
    WHERE tag_count > 0
    RETURN tag.key AS tag_name, tag_count ORDER BY tag_name`,

  allBadges: 'MATCH (badge:Badge) RETURN DISTINCT badge.key AS badge_name, badge.category AS category ORDER BY badge_name, category',

  statistics: `
    CALL () { MATCH (t:Table) RETURN count(t) AS tables }
    CALL () { MATCH (t:Table)-[:DESCRIPTION]->(d:Description) WHERE d.description <> '' RETURN count(DISTINCT t) AS documented }
    CALL () { MATCH (:Table)-[:COLUMN]->(c:Column)-[:DESCRIPTION]->(d:Description) WHERE d.description <> '' RETURN count(DISTINCT c) AS documentedColumns }
    CALL () { MATCH (:Table)-[:OWNER]->(u:User) RETURN count(DISTINCT u) AS owners }
    CALL () { MATCH (t:Table)-[:OWNER]->(:User) RETURN count(DISTINCT t) AS owned }
    CALL () { MATCH (t:Table)-[:DESCRIPTION]->(d:Description) WHERE d.description <> '' AND exists { (t)-[:OWNER]->(:User) } RETURN count(DISTINCT t) AS documentedOwned }
    RETURN tables, documented, documentedColumns, owners, owned, documentedOwned`,

  setLatestUpdated: `
    MERGE (updated:Updatedtimestamp {key: 'amundsen_updated_timestamp'})
    SET updated.latest_timestamp = $seconds`,

  latestUpdated: "MATCH (updated:Updatedtimestamp {key: 'amundsen_updated_timestamp'}) RETURN updated.latest_timestamp AS latest",

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
