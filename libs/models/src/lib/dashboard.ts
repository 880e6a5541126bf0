import type { CompleteDashboardQuery, CompleteDashboardRecord, DashboardRecord } from './ingestion';

export type { DashboardSummary, DashboardDetail, DashboardQuery, LineageItem, Lineage } from './amundsen-schemas';

/**
 * `{product}_dashboard://{cluster}.{group id}/{dashboard id}`, Amundsen's databuilder's DashboardMetadata key. The
 * parts are what databuilder writes: the product may hold `_` (and be empty), the group and the dashboard id spaces
 * and dots; the cluster ends at the first dot, the dashboard id follows the last `/`. No control characters.
 */
export const DASHBOARD_KEY = /^([^:/\p{Cc}]*)_dashboard:\/\/([^./\p{Cc}]+)\.([^\p{Cc}]+)\/([^/\p{Cc}]+)$/u;

/** The parts of a dashboard key, or undefined when `key` is not one. */
export function parseDashboardKey(key: string): { product: string; cluster: string; group_id: string; id: string } | undefined {
  const match = DASHBOARD_KEY.exec(key);
  if (!match) return undefined;
  return { product: match[1], cluster: match[2], group_id: match[3], id: match[4] };
}

type KeyParts = { product: string; cluster: string; group_name: string; name: string; dashboard_group_id?: string; dashboard_id?: string };

/** The dashboard's key: made of its ids, which default to its group's name and its name (as databuilder does). */
export function dashboardKey(parts: KeyParts): string {
  return `${dashboardGroupKey(parts)}/${parts.dashboard_id ?? parts.name}`;
}

/** Its group's key (databuilder's Dashboardgroup): `{product}_dashboard://{cluster}.{group id}`. */
export function dashboardGroupKey(parts: Omit<KeyParts, 'name'>): string {
  return `${parts.product}_dashboard://${parts.cluster}.${parts.dashboard_group_id ?? parts.group_name}`;
}

/** A dashboard record with its keys and the defaults of its optional fields. */
export function completeDashboard(d: DashboardRecord): CompleteDashboardRecord {
  return {
    key: dashboardKey(d),
    group_key: dashboardGroupKey(d),
    product: d.product,
    cluster: d.cluster,
    group_name: d.group_name,
    group_url: d.group_url ?? '',
    name: d.name,
    url: d.url ?? '',
    description: d.description ?? null,
    created_timestamp: d.created_timestamp ?? null,
    updated_timestamp: d.updated_timestamp ?? null,
    last_successful_run_timestamp: d.last_successful_run_timestamp ?? null,
    last_run_timestamp: d.last_run_timestamp ?? null,
    last_run_state: d.last_run_state ?? null,
    chart_names: d.chart_names ?? [],
  };
}

/** A record's queries with their defaults (a query's id is its name unless given), or undefined when it has none listed. */
export function completeDashboardQueries(d: DashboardRecord): CompleteDashboardQuery[] | undefined {
  return d.queries?.map((q) => ({
    id: q.id ?? q.name,
    name: q.name,
    url: q.url || null,
    query_text: q.query_text || null,
    chart_names: q.chart_names ?? [],
  }));
}
