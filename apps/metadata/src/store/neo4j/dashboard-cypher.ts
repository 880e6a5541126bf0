/**
 * The Cypher of dashboards, in Amundsen's graph model as its databuilder writes it (DashboardMetadata,
 * DashboardExecution, DashboardLastModifiedTimestamp, DashboardQuery, DashboardChart, DashboardTable,
 * DashboardOwner, DashboardUsage): labels, key formats and relationship pairs. Linted with Neo4j's parser in
 * cypher.spec.ts.
 *
 * Every statement runs on Neo4j 4.4 as well as 5: no CALL subqueries; pattern comprehensions for reads and
 * FOREACH for writes that depend on a value.
 */
import { ingestDescription } from './edited-description-cypher';
import { setSharedDescriptions } from './shared-description-cypher';

/**
 * The dashboards of $keys with what their summaries need: their executions (databuilder's `_last_execution` and
 * `_last_successful_execution`), queries with their charts, and the sum of their read counts; with `detail`,
 * everything a dashboard's page shows. Numbers databuilder's CSV publisher may have left as text are made integers.
 */
const DASHBOARDS = (detail: boolean) => `
    UNWIND $keys AS wanted
    MATCH (dashboard:Dashboard {key: wanted})-[:DASHBOARD_OF]->(group:Dashboardgroup)-[:DASHBOARD_GROUP_OF]->(cluster:Cluster)
    RETURN dashboard.key AS key, cluster.name AS cluster, group.name AS group_name, group.dashboard_group_url AS group_url,
           dashboard.name AS name, dashboard.dashboard_url AS url,
           [(dashboard)-[:DESCRIPTION]->(description:Description) | description.description][0] AS description,
           [(dashboard)-[:EXECUTED]->(execution:Execution) |
             {key: execution.key, timestamp: toInteger(execution.timestamp), state: execution.state}] AS executions,
           [(dashboard)-[:HAS_QUERY]->(query:Query) |
             {key: query.key, sort_order: query.sort_order, name: query.name, url: query.url, query_text: query.query_text,
              charts: [(query)-[:HAS_CHART]->(chart:Chart) | {key: chart.key, sort_order: chart.sort_order, name: chart.name}]}] AS queries,
           reduce(total = 0, n IN [(dashboard)-[view:READ_BY]->(:User) | toInteger(view.read_count)] | total + coalesce(n, 0)) AS views${
             detail
               ? `,
           [(group)-[:DESCRIPTION]->(groupDescription:Description) | groupDescription.description][0] AS group_description,
           toInteger(dashboard.created_timestamp) AS created_timestamp,
           [(dashboard)-[:LAST_UPDATED_AT]->(updated:Timestamp) |
             toInteger(coalesce(updated.timestamp, updated.last_updated_timestamp))][0] AS updated_timestamp,
           [(dashboard)-[:DASHBOARD_WITH_TABLE]->(table:Table)<-[:TABLE]-(schema:Schema)<-[:SCHEMA]-(tableCluster:Cluster)<-[:CLUSTER]-(db:Database) |
             {key: table.key, database: db.name, cluster: tableCluster.name, schema: schema.name, name: table.name,
              description: [(table)-[:DESCRIPTION]->(tableDescription:Description) | tableDescription.description][0],
              schema_description: [(schema)-[:DESCRIPTION]->(schemaDescription:Description) | schemaDescription.description][0]}] AS tables,
           [(dashboard)-[:TAGGED_BY]->(tag:Tag) WHERE coalesce(tag.tag_type, 'default') = 'default' |
             {tag_name: tag.key, tag_type: coalesce(tag.tag_type, 'default')}] AS tags,
           [(dashboard)-[:HAS_BADGE]->(badge:Badge) | {badge_name: badge.key, category: badge.category}] AS badges,
           [(dashboard)-[:OWNER]->(owner:User) | owner.key] AS owners,
           [(dashboard)-[read:READ_BY]->(reader:User) | {user: reader.key, read_count: toInteger(read.read_count)}] AS reads`
               : ''
           }`;

export const DASHBOARD_CYPHER = {
  /** Keys Fram MERGEs on (databuilder's publisher makes the same ones; IF NOT EXISTS keeps theirs). */
  constraints: [
    'CREATE CONSTRAINT fram_dashboardgroup_key IF NOT EXISTS FOR (n:Dashboardgroup) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_dashboard_query_key IF NOT EXISTS FOR (n:Query) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_chart_key IF NOT EXISTS FOR (n:Chart) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_execution_key IF NOT EXISTS FOR (n:Execution) REQUIRE n.key IS UNIQUE',
    'CREATE CONSTRAINT fram_timestamp_key IF NOT EXISTS FOR (n:Timestamp) REQUIRE n.key IS UNIQUE',
  ],

  /** Dashboards with everything a page shows (tables, tags of the default type, badges, owners, reads), many in one query. */
  dashboardsByKeys: DASHBOARDS(true),

  /** The dashboards of $keys, with what their summaries need. */
  dashboardSummaries: DASHBOARDS(false),

  /** Dashboards a person bookmarked (FOLLOW) or owns (OWNER_OF). */
  linkedDashboards: (relation: 'FOLLOW' | 'OWNER_OF') => `
    MATCH (:User {key: $user})-[:${relation}]->(dashboard:Dashboard)
    RETURN DISTINCT dashboard.key AS key`,

  /**
   * Dashboards as databuilder writes them (DashboardMetadata, DashboardExecution, DashboardLastModifiedTimestamp,
   * DashboardQuery, DashboardChart), each record prepared by the store: executions `_last_execution` and
   * `_last_successful_execution`; charts of no query under a query of Fram's (`{key}/_fram_loose_charts`, without a name; outside the
   * `{key}/query/{id}` keys of real queries, so a query with id `fram` stays apart; the holder of older Fram
   * versions, `{key}/query/fram` without an id, is still replaced with the charts).
   * Old executions and last-modified times go, and the description unless a person edited it (then the ingested one
   * is only kept apart); queries only when the record lists them.
   */
  upsertDashboards: `
    UNWIND $dashboards AS d
    MERGE (cluster:Cluster {key: d.product + '_dashboard://' + d.cluster}) SET cluster.name = d.cluster
    MERGE (group:Dashboardgroup {key: d.group_key})
    SET group.name = d.group_name, group.dashboard_group_url = d.group_url
    MERGE (group)-[:DASHBOARD_GROUP_OF]->(cluster)
    MERGE (cluster)-[:DASHBOARD_GROUP]->(group)
    MERGE (dashboard:Dashboard {key: d.key})
    SET dashboard.name = d.name, dashboard.dashboard_url = d.url, dashboard.created_timestamp = d.created_timestamp,
        dashboard.published_tag = 'fram_api', dashboard.publisher_last_updated_epoch_ms = $now
    MERGE (dashboard)-[:DASHBOARD_OF]->(group)
    MERGE (group)-[:DASHBOARD]->(dashboard)
    WITH dashboard, d
    ${ingestDescription('dashboard', "d.key + '/_description'", 'd.description', 'dashboard, d')}
    OPTIONAL MATCH (dashboard)-[:EXECUTED]->(oldExecution:Execution)
    DETACH DELETE oldExecution
    WITH DISTINCT dashboard, d
    OPTIONAL MATCH (dashboard)-[:LAST_UPDATED_AT]->(oldUpdated:Timestamp)
    DETACH DELETE oldUpdated
    WITH DISTINCT dashboard, d
    OPTIONAL MATCH (dashboard)-[:HAS_QUERY]->(oldQuery:Query)
    WHERE (d.replace_charts AND (oldQuery.key = d.key + '/_fram_loose_charts' OR (oldQuery.key = d.key + '/query/fram' AND oldQuery.id IS NULL)))
       OR (d.replace_queries AND NOT (oldQuery.key = d.key + '/_fram_loose_charts' OR (oldQuery.key = d.key + '/query/fram' AND oldQuery.id IS NULL)))
    OPTIONAL MATCH (oldQuery)-[:HAS_CHART]->(oldChart:Chart)
    DETACH DELETE oldChart, oldQuery
    WITH DISTINCT dashboard, d
    FOREACH (run IN d.executions |
      MERGE (execution:Execution {key: d.key + '/execution/' + run.id})
      SET execution.timestamp = run.timestamp, execution.state = run.state
      MERGE (dashboard)-[:EXECUTED]->(execution)
      MERGE (execution)-[:EXECUTION_OF]->(dashboard))
    FOREACH (_ IN CASE WHEN d.updated_timestamp IS NULL THEN [] ELSE [1] END |
      MERGE (updated:Timestamp {key: d.key + '/_last_modified_timestamp'})
      SET updated.timestamp = d.updated_timestamp, updated.name = 'last_updated_timestamp'
      MERGE (dashboard)-[:LAST_UPDATED_AT]->(updated)
      MERGE (updated)-[:LAST_UPDATED_TIME_OF]->(dashboard))
    FOREACH (_ IN CASE WHEN size(d.loose_charts) = 0 THEN [] ELSE [1] END |
      MERGE (looseQuery:Query {key: d.key + '/_fram_loose_charts'}) SET looseQuery.sort_order = -1
      MERGE (dashboard)-[:HAS_QUERY]->(looseQuery)
      MERGE (looseQuery)-[:QUERY_OF]->(dashboard)
      FOREACH (c IN d.loose_charts |
        MERGE (looseChart:Chart {key: c.key}) SET looseChart.name = c.name, looseChart.sort_order = c.sort_order
        MERGE (looseQuery)-[:HAS_CHART]->(looseChart)
        MERGE (looseChart)-[:CHART_OF]->(looseQuery)))
    FOREACH (q IN d.queries |
      MERGE (query:Query {key: q.key})
      SET query.id = q.id, query.name = q.name, query.url = q.url, query.query_text = q.query_text, query.sort_order = q.sort_order
      MERGE (dashboard)-[:HAS_QUERY]->(query)
      MERGE (query)-[:QUERY_OF]->(dashboard)
      FOREACH (c IN q.charts |
        MERGE (chart:Chart {key: c.key}) SET chart.name = c.name, chart.sort_order = c.sort_order
        MERGE (query)-[:HAS_CHART]->(chart)
        MERGE (chart)-[:CHART_OF]->(query)))
    RETURN count(dashboard) AS n`,

  /**
   * Dashboard group descriptions (databuilder's dashboard_group_description: `{group key}/_description`), one per group
   * of $groups `{key, description}` (null: removed). Answers the groups whose description changed, with their
   * dashboards' keys.
   */
  setGroupDescriptions: setSharedDescriptions({
    label: 'Dashboardgroup',
    parameter: 'groups',
    member: { relation: 'DASHBOARD', label: 'Dashboard', as: 'dashboards' },
  }),

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

  dashboardsUsingTable: `
    MATCH (:Table {key: $key})-[:TABLE_OF_DASHBOARD]->(dashboard:Dashboard)
    RETURN dashboard.key AS key`,
} as const;

/** Example parameters of every statement, for linting. */
export const DASHBOARD_CYPHER_PARAMETERS: Record<string, unknown> = {
  key: 'hive://gold.core/orders',
  keys: ['mode_dashboard://prod.sales/weekly_revenue'],
  user: 'ada@example.com',
  dashboards: [],
  items: [],
  groups: [],
  now: 1,
};
