import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import {
  completeDashboard,
  completeDashboardQueries,
  dashboardGroupKey,
  dashboardKey,
  type Badge,
  type DashboardRecord,
  type DashboardSummary,
  type TableSummary,
  type Tag,
} from '@fram/models';
import type { StoredDashboard } from '../ports/dashboard-store';
import { givenDescriptions } from '../shared-descriptions';
import { DASHBOARD_CYPHER } from './dashboard-cypher';
import { compare, distinct, filled, integer, list, neo4jInt, rows, text, type Row } from './neo4j-rows';

/*
 * Neo4jMetadataStore's dashboard reads and writes, inside its transactions (it adds the audit entries): the
 * statements of dashboard-cypher.ts, and their rows as StoredDashboard and DashboardSummary. Rows come from graphs
 * databuilder wrote too, whose CSV publisher may leave numbers as text; they are read leniently.
 */

/** The dashboards of `keys` that are in the catalog, in the order of `keys`. */
export async function readDashboards(tx: ManagedTransaction, keys: readonly string[]): Promise<StoredDashboard[]> {
  if (keys.length === 0) return [];
  const found = new Map(
    (await rows(tx, DASHBOARD_CYPHER.dashboardsByKeys, { keys: [...new Set(keys)] })).map((r) => [String(r['key']), r]),
  );
  return keys.flatMap((key) => {
    const row = found.get(key);
    return row ? [toStoredDashboard(row)] : [];
  });
}

/** Summaries of the dashboards of `keys` that are in the catalog, in the order of `keys`, with their views (the sum of their read counts). */
export async function readDashboardSummaries(
  tx: ManagedTransaction,
  keys: readonly string[],
): Promise<{ summary: DashboardSummary; views: number }[]> {
  if (keys.length === 0) return [];
  const found = new Map(
    (await rows(tx, DASHBOARD_CYPHER.dashboardSummaries, { keys: [...new Set(keys)] })).map((r) => [String(r['key']), r]),
  );
  return keys.flatMap((key) => {
    const row = found.get(key);
    return row ? [{ summary: toDashboardSummary(row), views: integer(row['views']) ?? 0 }] : [];
  });
}

/** Dashboards a person bookmarked (FOLLOW) or owns (OWNER_OF), sorted by group name then name. */
export async function readLinkedDashboards(
  tx: ManagedTransaction,
  relation: 'FOLLOW' | 'OWNER_OF',
  user: string,
): Promise<DashboardSummary[]> {
  const keys = (await rows(tx, DASHBOARD_CYPHER.linkedDashboards(relation), { user })).map((r) => String(r['key']));
  return (await readDashboardSummaries(tx, keys))
    .map((d) => d.summary)
    .sort((a, b) => compare(a.group_name, b.group_name) || compare(a.name, b.name) || compare(a.uri, b.uri));
}

/** Dashboards that read a table, most viewed first. */
export async function readDashboardsUsingTable(tx: ManagedTransaction, table: string): Promise<DashboardSummary[]> {
  const keys = (await rows(tx, DASHBOARD_CYPHER.dashboardsUsingTable, { key: table })).map((r) => String(r['key']));
  return (await readDashboardSummaries(tx, keys))
    .sort((a, b) => b.views - a.views || compare(a.summary.uri, b.summary.uri))
    .map((d) => d.summary);
}

/**
 * Upserts `dashboards` as DashboardStore.upsertDashboards says (tags and owners are the store's shared statements'):
 * the nodes databuilder would write, and the tables they read when the record lists them.
 */
export async function writeDashboards(tx: ManagedTransaction, dashboards: readonly DashboardRecord[], now: number): Promise<string[]> {
  const records = dashboards.map(dashboardNodes);
  await tx.run(DASHBOARD_CYPHER.upsertDashboards, { dashboards: records, now });
  await tx.run(DASHBOARD_CYPHER.replaceDashboardTables, {
    items: dashboards.flatMap((d) => (d.tables === undefined ? [] : [{ key: dashboardKey(d), values: d.tables }])),
  });
  return records.map((r) => r.key);
}

/**
 * The group descriptions `dashboards` give (the last given per group; null removes), written after the dashboards, so
 * their groups exist. Answers the keys of every dashboard of a group whose description changed.
 */
export async function writeGroupDescriptions(tx: ManagedTransaction, dashboards: readonly DashboardRecord[]): Promise<string[]> {
  const groups = [...givenDescriptions(dashboards, dashboardGroupKey, (d) => d.group_description)].map(([key, description]) => ({
    key,
    description,
  }));
  if (groups.length === 0) return [];
  return (await rows(tx, DASHBOARD_CYPHER.setGroupDescriptions, { groups })).flatMap((r) =>
    Array.isArray(r['dashboards']) ? r['dashboards'].map(String) : [],
  );
}

/**
 * A dashboard record as DASHBOARD_CYPHER.upsertDashboards writes it: its runs as executions, its charts of no
 * query under Fram's query, its queries with their charts (keyed by position: Fram has no ids for charts).
 */
function dashboardNodes(d: DashboardRecord) {
  const c = completeDashboard(d);
  const queries = completeDashboardQueries(d);
  const ran = c.last_run_timestamp !== null || c.last_run_state !== null;
  return {
    key: c.key,
    group_key: c.group_key,
    product: c.product,
    cluster: c.cluster,
    group_name: c.group_name,
    group_url: c.group_url || null,
    name: c.name,
    url: c.url || null,
    description: c.description,
    created_timestamp: neo4jInt(c.created_timestamp),
    updated_timestamp: neo4jInt(c.updated_timestamp),
    executions: [
      ...(ran ? [{ id: '_last_execution', timestamp: neo4jInt(c.last_run_timestamp), state: c.last_run_state }] : []),
      ...(c.last_successful_run_timestamp === null
        ? []
        : [{ id: '_last_successful_execution', timestamp: neo4jInt(c.last_successful_run_timestamp), state: 'succeeded' }]),
    ],
    replace_charts: d.chart_names !== undefined,
    loose_charts: (d.chart_names ?? []).map((name, i) => ({
      key: `${c.key}/_fram_loose_charts/chart/${i}`,
      name,
      sort_order: neo4j.int(i),
    })),
    replace_queries: queries !== undefined,
    queries: (queries ?? []).map((q, i) => ({
      key: `${c.key}/query/${q.id}`,
      id: q.id,
      name: q.name,
      url: q.url,
      query_text: q.query_text,
      sort_order: neo4j.int(i),
      charts: q.chart_names.map((name, j) => ({ key: `${c.key}/query/${q.id}/chart/${j}`, name, sort_order: neo4j.int(j) })),
    })),
  };
}

/** Queries or charts in their order: Fram's position first, then by key (databuilder writes no order). */
function inOrder(items: unknown): Row[] {
  const position = (item: Row) => integer(item['sort_order']) ?? Number.POSITIVE_INFINITY;
  return [...list(items)].sort((a, b) => position(a) - position(b) || compare(String(a['key']), String(b['key'])));
}

/** The execution `id` (`_last_execution` or `_last_successful_execution`) of a dashboards row, if it has one. */
function execution(row: Row, id: string): { timestamp: number | null; state: string | null } | undefined {
  const found = list(row['executions']).find((e) => String(e['key']).endsWith(`/execution/${id}`));
  return found && { timestamp: integer(found['timestamp']), state: text(found['state']) };
}

/** A row of DASHBOARD_CYPHER.dashboardSummaries or dashboardsByKeys as a summary; `chart_names` query by query. */
function toDashboardSummary(row: Row): DashboardSummary {
  const key = String(row['key']);
  return {
    uri: key,
    cluster: text(row['cluster']) ?? '',
    group_name: text(row['group_name']) ?? '',
    group_url: text(row['group_url']) ?? '',
    product: key.split('_dashboard://')[0],
    name: text(row['name']) ?? '',
    url: text(row['url']) ?? '',
    description: text(row['description']),
    last_successful_run_timestamp: execution(row, '_last_successful_execution')?.timestamp ?? null,
    chart_names: inOrder(row['queries']).flatMap((q) => inOrder(q['charts']).flatMap((chart) => text(chart['name']) ?? [])),
  };
}

/** A row of DASHBOARD_CYPHER.dashboardsByKeys as the store keeps the dashboard. */
function toStoredDashboard(row: Row): StoredDashboard {
  const lastRun = execution(row, '_last_execution');
  const reads = list(row['reads'])
    .filter((r) => typeof r['user'] === 'string')
    .map((r) => ({ user: String(r['user']), read_count: integer(r['read_count']) ?? 0 }))
    .sort((a, b) => b.read_count - a.read_count || compare(a.user, b.user));
  const tables = list(row['tables']).map((t): TableSummary => ({
    key: String(t['key']),
    database: String(t['database']),
    cluster: String(t['cluster']),
    schema: String(t['schema']),
    name: String(t['name']),
    description: text(t['description']),
    schema_description: text(t['schema_description']),
  }));
  return {
    ...toDashboardSummary(row),
    group_description: text(row['group_description']),
    created_timestamp: integer(row['created_timestamp']),
    updated_timestamp: integer(row['updated_timestamp']),
    last_run_timestamp: lastRun?.timestamp ?? null,
    last_run_state: lastRun?.state ?? null,
    // As Amundsen lists them: those with a name, a link or a text (Fram's query of charts has none).
    queries: inOrder(row['queries'])
      .map((q) => ({ name: filled(q['name']), url: filled(q['url']), query_text: filled(q['query_text']) }))
      .filter((q) => q.name !== null || q.url !== null || q.query_text !== null),
    tables: distinct(tables, (t) => t.key).sort((a, b) => compare(a.schema, b.schema) || compare(a.name, b.name)),
    tags: distinct(list(row['tags']) as unknown as Tag[], (t) => t.tag_name).sort((a, b) => compare(a.tag_name, b.tag_name)),
    badges: distinct(list(row['badges']) as unknown as Badge[], (b) => `${b.badge_name}\u0000${b.category}`).sort(
      (a, b) => compare(a.badge_name, b.badge_name) || compare(a.category, b.category),
    ),
    owners: [...new Set(list(row['owners']) as unknown as string[])].sort(compare),
    readers: reads.slice(0, 5),
    recent_view_count: integer(row['views']) ?? 0,
  };
}
