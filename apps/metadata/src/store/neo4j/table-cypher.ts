/**
 * The Cypher of tables and their columns, in Amundsen's graph model as its
 * databuilder writes it (TableMetadata, ColumnMetadata, TypeMetadata,
 * TableColumnStats, Watermark, GenericApplication, TableSource,
 * ResourceReport, DescriptionMetadata, ColumnLineage): labels, key formats and
 * relationship pairs. Linted with Neo4j's parser in cypher.spec.ts.
 *
 * Every statement runs on Neo4j 4.4 as well as 5: no CALL subqueries (their
 * 5.23 scope clause, or the importing WITH that 5 deprecates), no EXISTS
 * subqueries outside WHERE; pattern comprehensions for reads and FOREACH for
 * writes that depend on a value.
 */
import { BY_HAND, editDescription, hiddenIngestedDescription, ingestDescription, INGESTED } from './edited-description-cypher';
import { setSharedDescriptions } from './shared-description-cypher';

/** A badge as Amundsen answers it, from a Badge node `b`. */
const BADGE = (b: string) => `{badge_name: ${b}.key, category: ${b}.category}`;

/** Replaces, per item `{key, values}`, a table's nodes of one kind: `remove` deletes the old ones, `add` makes one per value `v`. */
const REPLACE = (remove: string, add: string) => `
    UNWIND $items AS item
    MATCH (table:Table {key: item.key})
    ${remove}
    WITH DISTINCT table, item
    UNWIND item.values AS v
    ${add}`;

export const TABLE_CYPHER = {
  /** Keys Fram MERGEs on (databuilder's publisher makes the same ones; IF NOT EXISTS keeps theirs). */
  constraints: [
    'CREATE CONSTRAINT fram_description_key IF NOT EXISTS FOR (n:Description) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_programmatic_description_key IF NOT EXISTS FOR (n:Programmatic_Description) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_type_metadata_key IF NOT EXISTS FOR (n:Type_Metadata) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_stat_key IF NOT EXISTS FOR (n:Stat) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_watermark_key IF NOT EXISTS FOR (n:Watermark) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_application_key IF NOT EXISTS FOR (n:Application) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_report_key IF NOT EXISTS FOR (n:Report) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_badge_key IF NOT EXISTS FOR (n:Badge) REQUIRE n.key IS UNIQUE',
  ],

  /**
   * Tables with everything Amundsen's get_table reads: columns (descriptions, badges, stats, nested types with
   * their parents, descriptions and badges), descriptions written by people and by programs, watermarks,
   * producing and consuming applications, last update, source, reports, tags, badges, owners, the heaviest
   * readers and usage. Orders and the tag filter are applied by the adapter.
   */
  tablesByKeys: `
    UNWIND $keys AS key
    MATCH (db:Database)-[:CLUSTER]->(cluster:Cluster)-[:SCHEMA]->(schema:Schema)-[:TABLE]->(table:Table {key: key})
    OPTIONAL MATCH (table)-[read:READ_BY]->(reader:User)
    WITH key, db, cluster, schema, table, read, reader ORDER BY read.read_count DESC, reader.key
    WITH key, db, cluster, schema, table,
         [r IN collect({user: reader.key, read_count: read.read_count}) WHERE r.user IS NOT NULL] AS readers,
         coalesce(sum(read.read_count), 0) AS views, count(reader) AS readerCount
    RETURN key, db.name AS database, cluster.name AS cluster, schema.name AS schema, table.name AS name,
           table.is_view AS is_view,
           [(table)-[:DESCRIPTION]->(d:Description) | d.description][0] AS description,
           ${hiddenIngestedDescription('table')} AS hidden_ingested_description,
           [(schema)-[:DESCRIPTION]->(d:Description) | d.description][0] AS schema_description,
           [(table)-[:DESCRIPTION]->(d:Programmatic_Description) | {source: d.description_source, text: d.description}]
             AS programmatic_descriptions,
           [(table)-[:LAST_UPDATED_AT]->(t:Timestamp) | t.last_updated_timestamp][0] AS last_updated_timestamp,
           [(w:Watermark)-[:BELONG_TO_TABLE]->(table) | w {.key, .partition_key, .partition_value, .create_time}] AS watermarks,
           [(app:Application)-[:GENERATES]->(table) | app {.id, .name, .application_url, .description}] AS producing_apps,
           [(app:Application)-[:CONSUMES]->(table) | app {.id, .name, .application_url, .description}] AS consuming_apps,
           [(table)-[:SOURCE]->(s:Source) | s {.source, .source_type}][0] AS source,
           [(table)-[:HAS_REPORT]->(r:Report) | r {.name, .url}] AS resource_reports,
           [(table)-[:TAGGED_BY]->(tag:Tag) | {tag_name: tag.key, tag_type: coalesce(tag.tag_type, 'default')}] AS tags,
           [(table)-[:HAS_BADGE]->(b:Badge) | ${BADGE('b')}] AS badges,
           [(table)-[:OWNER]->(owner:User) | owner.key] AS owners,
           [(table)-[:COLUMN]->(column:Column) | column {.key, .name, .col_type, .sort_order,
             description: [(column)-[:DESCRIPTION]->(d:Description) | d.description][0],
             badges: [(column)-[:HAS_BADGE]->(b:Badge) | ${BADGE('b')}],
             stats: [(column)-[:STAT]->(stat:Stat) | stat {.stat_type, .stat_val, .start_epoch, .end_epoch, .is_metric}],
             type_metadata: [(column)-[:TYPE_METADATA]->(:Type_Metadata)-[:SUBTYPE*0..]->(nested:Type_Metadata) | nested {
               .key, .kind, .name, .data_type, .sort_order,
               parent: [(parent:Type_Metadata)-[:SUBTYPE]->(nested) | parent.key][0],
               description: [(nested)-[:DESCRIPTION]->(d:Description) | d.description][0],
               badges: [(nested)-[:HAS_BADGE]->(b:Badge) | ${BADGE('b')}]
             }]
           }] AS columns,
           readers[0..5] AS readers, views, readerCount`,

  /** The table-level nodes of ingested tables; what hangs under them is replaced by the statements below. */
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
    ${ingestDescription('table', "t.key + '/_description'", 't.description', 'table, t')}
    OPTIONAL MATCH (table)-[:LAST_UPDATED_AT]->(oldTimestamp:Timestamp)
    DETACH DELETE oldTimestamp
    WITH DISTINCT table, t
    FOREACH (_ IN CASE WHEN t.last_updated_timestamp IS NULL THEN [] ELSE [1] END |
      MERGE (timestamp:Timestamp {key: t.key + '/timestamp'})
      SET timestamp.last_updated_timestamp = t.last_updated_timestamp, timestamp.timestamp = t.last_updated_timestamp,
          timestamp.name = 'last_updated_timestamp'
      MERGE (table)-[:LAST_UPDATED_AT]->(timestamp)
      MERGE (timestamp)-[:LAST_UPDATED_TIME_OF]->(table))
    RETURN count(table) AS n`,

  /**
   * Schema descriptions (databuilder's SchemaModel: `{schema key}/_description`), one per schema of $schemas
   * `{key, description}` (null: removed). Answers the schemas whose description changed, with their tables' keys.
   */
  setSchemaDescriptions: setSharedDescriptions({
    label: 'Schema',
    parameter: 'schemas',
    member: { relation: 'TABLE', label: 'Table', as: 'tables' },
  }),

  /** DescriptionMetadata with a source other than `description`: `{table key}/_{source}_description`. */
  replaceProgrammaticDescriptions: REPLACE(
    `OPTIONAL MATCH (table)-[:DESCRIPTION]->(old:Programmatic_Description)
    DETACH DELETE old`,
    `MERGE (description:Programmatic_Description {key: item.key + '/_' + v.source + '_description'})
    SET description.description = v.text, description.description_source = v.source
    MERGE (table)-[:DESCRIPTION]->(description)
    MERGE (description)-[:DESCRIPTION_OF]->(table)`,
  ),

  /** Watermark: `{table key}/{watermark type}/`. */
  replaceWatermarks: REPLACE(
    `OPTIONAL MATCH (old:Watermark)-[:BELONG_TO_TABLE]->(table)
    DETACH DELETE old`,
    `MERGE (watermark:Watermark {key: item.key + '/' + v.watermark_type + '/'})
    SET watermark.partition_key = v.partition_key, watermark.partition_value = v.partition_value, watermark.create_time = v.create_time
    MERGE (watermark)-[:BELONG_TO_TABLE]->(table)
    MERGE (table)-[:WATERMARK]->(watermark)`,
  ),

  /** GenericApplication: shared nodes; only this table's relations to them are replaced. */
  replaceApplications: REPLACE(
    `OPTIONAL MATCH (table)-[old:DERIVED_FROM|CONSUMED_BY]->(:Application)
    DELETE old
    WITH DISTINCT table, item
    OPTIONAL MATCH (:Application)-[oldBack:GENERATES|CONSUMES]->(table)
    DELETE oldBack`,
    `MERGE (app:Application {key: v.key})
    SET app.id = v.id, app.name = v.name, app.application_url = v.application_url, app.description = v.description
    FOREACH (_ IN CASE WHEN v.producing THEN [1] ELSE [] END |
      MERGE (app)-[:GENERATES]->(table)
      MERGE (table)-[:DERIVED_FROM]->(app))
    FOREACH (_ IN CASE WHEN v.producing THEN [] ELSE [1] END |
      MERGE (app)-[:CONSUMES]->(table)
      MERGE (table)-[:CONSUMED_BY]->(app))`,
  ),

  /** TableSource: `{table key}/_source`. */
  replaceSource: REPLACE(
    `OPTIONAL MATCH (table)-[:SOURCE]->(old:Source)
    DETACH DELETE old`,
    `MERGE (source:Source {key: item.key + '/_source'})
    SET source.source = v.source, source.source_type = v.source_type
    MERGE (table)-[:SOURCE]->(source)
    MERGE (source)-[:SOURCE_OF]->(table)`,
  ),

  /** ResourceReport: `{table key}/_report/{name}`. */
  replaceReports: REPLACE(
    `OPTIONAL MATCH (table)-[:HAS_REPORT]->(old:Report)
    DETACH DELETE old`,
    `MERGE (report:Report {key: item.key + '/_report/' + v.name})
    SET report.name = v.name, report.url = v.url
    MERGE (table)-[:HAS_REPORT]->(report)
    MERGE (report)-[:REFERS_TO]->(table)`,
  ),

  /**
   * Nested types of re-ingested tables' columns that are no longer sent (not in `t.type_keys`, a column's gone
   * ones too) go, with their descriptions (people's too) and badges.
   */
  removeTypeMetadata: `
    UNWIND $tables AS t
    MATCH (:Table {key: t.key})-[:COLUMN]->(:Column)-[:TYPE_METADATA]->(:Type_Metadata)-[:SUBTYPE*0..]->(nested:Type_Metadata)
    WHERE NOT nested.key IN t.type_keys
    WITH DISTINCT nested
    OPTIONAL MATCH (nested)-[:DESCRIPTION]->(nestedDescription:Description)
    DETACH DELETE nestedDescription, nested`,

  /**
   * What the columns of re-ingested tables and their nested types hold from ingestion goes: stats, badges
   * ingestion gave. Badges people added stay; descriptions are mergeColumns' and mergeTypeMetadata's.
   */
  clearColumns: `
    UNWIND $tables AS t
    MATCH (:Table {key: t.key})-[:COLUMN]->(column:Column)
    OPTIONAL MATCH (column)-[:STAT]->(stat:Stat)
    DETACH DELETE stat
    WITH DISTINCT column
    OPTIONAL MATCH (column)-[hasBadge:HAS_BADGE]->(badge:Badge)
    WHERE ${INGESTED('hasBadge')}
    OPTIONAL MATCH (badge)-[badgeFor:BADGE_FOR]->(column)
    DELETE hasBadge, badgeFor
    WITH DISTINCT column
    OPTIONAL MATCH (column)-[:TYPE_METADATA]->(:Type_Metadata)-[:SUBTYPE*0..]->(nested:Type_Metadata)
    WITH DISTINCT nested
    OPTIONAL MATCH (nested)-[nestedHasBadge:HAS_BADGE]->(nestedBadge:Badge)
    WHERE ${INGESTED('nestedHasBadge')}
    OPTIONAL MATCH (nestedBadge)-[nestedBadgeFor:BADGE_FOR]->(nested)
    DELETE nestedHasBadge, nestedBadgeFor`,

  /** Columns no longer listed go, with their descriptions (people's too) and lineage. */
  removeColumns: `
    UNWIND $tables AS t
    MATCH (:Table {key: t.key})-[:COLUMN]->(old:Column)
    WHERE NOT old.key IN [c IN t.columns | t.key + '/' + c.name]
    OPTIONAL MATCH (old)-[:DESCRIPTION]->(oldDescription:Description)
    DETACH DELETE oldDescription, old`,

  /**
   * ColumnMetadata (`{table key}/{column}`), TableColumnStats (`{column key}/{stat type}/`), badges (one
   * relationship for a badge a person added and ingestion gives too: it stays the person's) and its description.
   */
  mergeColumns: `
    UNWIND $tables AS t
    MATCH (table:Table {key: t.key})
    UNWIND t.columns AS c
    MERGE (column:Column {key: t.key + '/' + c.name})
    SET column.name = c.name, column.col_type = c.col_type, column.sort_order = c.sort_order
    MERGE (table)-[:COLUMN]->(column)
    MERGE (column)-[:COLUMN_OF]->(table)
    FOREACH (s IN c.stats |
      MERGE (stat:Stat {key: column.key + '/' + s.stat_type + '/'})
      SET stat.stat_type = s.stat_type, stat.stat_val = s.stat_val, stat.start_epoch = s.start_epoch,
          stat.end_epoch = s.end_epoch, stat.is_metric = s.is_metric
      MERGE (column)-[:STAT]->(stat)
      MERGE (stat)-[:STAT_OF]->(column))
    FOREACH (b IN c.badges |
      MERGE (badge:Badge {key: b.badge_name}) ON CREATE SET badge.category = b.category
      MERGE (column)-[:HAS_BADGE]->(badge)
      MERGE (badge)-[:BADGE_FOR]->(column))
    WITH column, c
    ${ingestDescription('column', "column.key + '/_description'", 'c.description', 'column, c')}
    RETURN count(column) AS n`,

  /**
   * TypeMetadata nodes (`{column key}/type/{name}`, `{parent key}/{name}` below) with their badges (as mergeColumns')
   * and descriptions (`{type key}/_description`, a person's kept); linked to their parents by linkTypeMetadata
   * once all exist.
   */
  mergeTypeMetadata: `
    UNWIND $types AS nested
    MERGE (node:Type_Metadata {key: nested.key})
    SET node.kind = nested.kind, node.name = nested.name, node.data_type = nested.data_type, node.sort_order = nested.sort_order
    FOREACH (b IN nested.badges |
      MERGE (badge:Badge {key: b.badge_name}) ON CREATE SET badge.category = b.category
      MERGE (node)-[:HAS_BADGE]->(badge)
      MERGE (badge)-[:BADGE_FOR]->(node))
    WITH node, nested
    ${ingestDescription('node', "nested.key + '/_description'", 'nested.description', 'node, nested')}
    RETURN count(node) AS n`,

  /** A column's type hangs from it by TYPE_METADATA, a nested type from its parent by SUBTYPE. */
  linkTypeMetadata: `
    UNWIND $types AS nested
    MATCH (node:Type_Metadata {key: nested.key})
    OPTIONAL MATCH (column:Column {key: nested.parent_key}) WHERE nested.parent_is_column
    OPTIONAL MATCH (parent:Type_Metadata {key: nested.parent_key}) WHERE NOT nested.parent_is_column
    FOREACH (_ IN CASE WHEN column IS NULL THEN [] ELSE [1] END |
      MERGE (column)-[:TYPE_METADATA]->(node)
      MERGE (node)-[:TYPE_METADATA_OF]->(column))
    FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END |
      MERGE (parent)-[:SUBTYPE]->(node)
      MERGE (node)-[:SUBTYPE_OF]->(parent))`,

  addColumnBadge: `
    MATCH (:Table {key: $key})-[:COLUMN]->(column:Column {key: $key + '/' + $column})
    MERGE (badge:Badge {key: $badge}) ON CREATE SET badge.category = $category
    MERGE (column)-[hasBadge:HAS_BADGE]->(badge)
    ${BY_HAND('hasBadge')}
    MERGE (badge)-[:BADGE_FOR]->(column)
    RETURN count(column) AS n`,

  removeColumnBadge: `
    MATCH (:Table {key: $key})-[:COLUMN]->(column:Column {key: $key + '/' + $column})
    OPTIONAL MATCH (column)-[forward:HAS_BADGE]->(:Badge {key: $badge, category: $category})
    DELETE forward
    WITH DISTINCT column
    OPTIONAL MATCH (:Badge {key: $badge, category: $category})-[backward:BADGE_FOR]->(column)
    DELETE backward
    RETURN count(DISTINCT column) AS n`,

  /** A person's description of a nested type (see edited-description-cypher.ts). */
  setTypeMetadataDescription: `
    MATCH (:Table {key: $key})-[:COLUMN]->(:Column)-[:TYPE_METADATA]->(:Type_Metadata)-[:SUBTYPE*0..]->(nested:Type_Metadata {key: $typeKey})
    WITH DISTINCT nested
    ${editDescription('nested', "nested.key + '/_description'")}
    RETURN count(nested) AS n`,

  addTypeMetadataBadge: `
    MATCH (:Table {key: $key})-[:COLUMN]->(:Column)-[:TYPE_METADATA]->(:Type_Metadata)-[:SUBTYPE*0..]->(nested:Type_Metadata {key: $typeKey})
    WITH DISTINCT nested
    MERGE (badge:Badge {key: $badge}) ON CREATE SET badge.category = $category
    MERGE (nested)-[hasBadge:HAS_BADGE]->(badge)
    ${BY_HAND('hasBadge')}
    MERGE (badge)-[:BADGE_FOR]->(nested)
    RETURN count(nested) AS n`,

  removeTypeMetadataBadge: `
    MATCH (:Table {key: $key})-[:COLUMN]->(:Column)-[:TYPE_METADATA]->(:Type_Metadata)-[:SUBTYPE*0..]->(nested:Type_Metadata {key: $typeKey})
    WITH DISTINCT nested
    OPTIONAL MATCH (nested)-[forward:HAS_BADGE]->(:Badge {key: $badge, category: $category})
    DELETE forward
    WITH DISTINCT nested
    OPTIONAL MATCH (:Badge {key: $badge, category: $category})-[backward:BADGE_FOR]->(nested)
    DELETE backward
    RETURN count(DISTINCT nested) AS n`,

  /** ColumnLineage: columns missing from the catalog are kept as bare Column nodes, as tables are for table lineage. */
  upsertColumnLineage: `
    UNWIND $edges AS e
    MERGE (upstream:Column {key: e.upstream})
    MERGE (downstream:Column {key: e.downstream})
    MERGE (upstream)-[:HAS_DOWNSTREAM]->(downstream)
    MERGE (downstream)-[:HAS_UPSTREAM]->(upstream)`,

  columnExists: `
    MATCH (:Table {key: $key})-[:COLUMN]->(column:Column {key: $key + '/' + $column})
    RETURN count(column) AS n`,

  /** Whether each column is one of a table of the catalog. */
  columnKnown: `
    UNWIND $keys AS key
    OPTIONAL MATCH (:Table)-[:COLUMN]->(column:Column {key: key})
    RETURN key, column IS NOT NULL AS known`,
} as const;

/** Example parameters of the statements above (besides CYPHER_PARAMETERS), for linting. */
export const TABLE_CYPHER_PARAMETERS: Record<string, unknown> = {
  typeKey: 'hive://gold.core/orders/payload/type/payload',
  types: [],
  schemas: [],
};
