import { parseDashboardKey, parseTableKey, type DashboardRecord } from '@fram/models';
import type { Graph } from './graph-files';
import { descriptionsOf, nonEmpty, ownersOf, tagsOf, unique } from './resource-links';
import { withoutUndefined } from './table-mapping';
import { integer, text } from './values';
import type { Warnings } from './warnings';

/*
 * Dashboards as databuilder's models write them (databuilder/databuilder/models/dashboard/):
 * - dashboard_metadata.py: Cluster `{product}_dashboard://{cluster}` -DASHBOARD_GROUP-> Dashboardgroup
 *   `{product}_dashboard://{cluster}.{group id}` (name, dashboard_group_url); Dashboard
 *   `{group key}/{dashboard id}` (name, created_timestamp, dashboard_url) -DASHBOARD_OF-> Dashboardgroup;
 *   both -DESCRIPTION-> Description (`.../_description`); Dashboard -TAG-> Tag.
 * - dashboard_last_modified.py: Dashboard -LAST_UPDATED_AT-> Timestamp `{dashboard key}/_last_modified_timestamp`.
 * - dashboard_execution.py: Dashboard -EXECUTED-> Execution `{dashboard key}/execution/_last_execution` or
 *   `/_last_successful_execution` (timestamp, state).
 * - dashboard_query.py: Dashboard -HAS_QUERY-> Query `{dashboard key}/query/{query id}` (id, name, url, query_text).
 * - dashboard_chart.py: Query -HAS_CHART-> Chart `{query key}/chart/{chart id}` (id, name, type, url).
 * - dashboard_table.py: Dashboard -DASHBOARD_WITH_TABLE-> Table.
 * - dashboard_owner.py: Dashboard -OWNER-> User.
 */

export function mapDashboards(graph: Graph, warnings: Warnings): DashboardRecord[] {
  const dashboards: DashboardRecord[] = [];
  const groups = new Map<string, string | undefined>();
  for (const dashboard of graph.nodes('Dashboard')) {
    const parts = parseDashboardKey(dashboard.key);
    if (!parts) {
      warnings.add('Dashboard nodes', 'keys that are not {product}_dashboard://{cluster}.{group}/{dashboard}; not imported');
      continue;
    }
    dashboard.used = true;
    const [group] = graph.follow(dashboard, 'DASHBOARD_OF', 'Dashboardgroup');
    // A group's cluster and description, looked up once per group (a group may have thousands of dashboards).
    if (group?.node && !groups.has(group.node.key)) {
      graph.follow(group.node, 'DASHBOARD_GROUP_OF', 'Cluster');
      groups.set(group.node.key, descriptionsOf(graph, group.node).description);
    }
    const record: DashboardRecord = {
      product: parts.product,
      cluster: parts.cluster,
      dashboard_group_id: parts.group_id,
      // DashboardMetadata writes its group with every dashboard; without it, the group's id is its name (its default).
      group_name: text(group?.node?.props['name']) ?? parts.group_id,
      dashboard_id: parts.id,
      name: text(dashboard.props['name']) ?? parts.id,
    };
    const groupUrl = text(group?.node?.props['dashboard_group_url']);
    if (groupUrl !== undefined) record.group_url = groupUrl;
    const url = text(dashboard.props['dashboard_url']);
    if (url !== undefined) record.url = url;
    const created = integer(dashboard.props['created_timestamp']);
    if (created !== undefined && created >= 0) record.created_timestamp = created;

    const { description, programmatic } = descriptionsOf(graph, dashboard);
    if (description !== undefined) record.description = description;
    if (programmatic.length > 0)
      warnings.add(
        'Dashboard programmatic descriptions',
        'Fram keeps programmatic descriptions on tables and features only',
        programmatic.length,
      );
    const groupDescription = group?.node ? groups.get(group.node.key) : undefined;
    if (groupDescription !== undefined) record.group_description = groupDescription;

    for (const { node } of graph.follow(dashboard, 'LAST_UPDATED_AT', 'Timestamp')) {
      const at = integer(node?.props['timestamp']);
      if (at !== undefined && at >= 0) record.updated_timestamp = at;
    }
    for (const { edge, node } of graph.follow(dashboard, 'EXECUTED', 'Execution')) {
      const at = integer(node?.props['timestamp']);
      if (!node || at === undefined || at < 0) continue;
      if (edge.key.endsWith('/_last_successful_execution')) record.last_successful_run_timestamp = at;
      else if (edge.key.endsWith('/_last_execution')) {
        record.last_run_timestamp = at;
        record.last_run_state = text(node.props['state']) ?? null;
      } else edge.relation.used = false;
    }

    record.queries = nonEmpty(
      graph.follow(dashboard, 'HAS_QUERY', 'Query').flatMap(({ edge, node }) => {
        if (!node) return [];
        const id = text(node.props['id']) ?? edge.key.split('/').at(-1) ?? edge.key;
        const query: NonNullable<DashboardRecord['queries']>[number] = { id, name: text(node.props['name']) ?? id };
        const queryUrl = text(node.props['url']);
        if (queryUrl !== undefined) query.url = queryUrl;
        const queryText = text(node.props['query_text']);
        if (queryText !== undefined) query.query_text = queryText;
        const charts = unique(
          graph
            .follow(node, 'HAS_CHART', 'Chart')
            .flatMap(({ node: chart }) =>
              chart ? [text(chart.props['name']) ?? text(chart.props['id'])].filter((n) => n !== undefined) : [],
            ),
        );
        if (charts.length > 0) query.chart_names = charts;
        return [query];
      }),
    );

    const tables = graph.follow(dashboard, 'DASHBOARD_WITH_TABLE', 'Table').flatMap(({ edge }) => {
      if (parseTableKey(edge.key)) return [edge.key];
      edge.relation.used = false;
      return [];
    });
    record.tables = nonEmpty(unique(tables));
    record.owners = nonEmpty(ownersOf(graph, dashboard));
    record.tags = nonEmpty(tagsOf(graph, dashboard, ['TAG', 'TAGGED_BY']));
    dashboards.push(withoutUndefined(record));
  }
  return dashboards;
}
