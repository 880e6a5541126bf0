import type { CompleteDashboardRecord, DashboardRecord } from './ingestion';

export type { DashboardSummary, DashboardDetail, LineageItem, Lineage } from './amundsen-schemas';

/** `{product}_dashboard://{cluster}.{group}/{name}` */
export const DASHBOARD_KEY = /^([^_:/\s]+)_dashboard:\/\/([^./\s]+)\.([^/\s]+)\/([^/\s]+)$/;

export function dashboardKey(parts: { product: string; cluster: string; group_name: string; name: string }): string {
  return `${parts.product}_dashboard://${parts.cluster}.${parts.group_name}/${parts.name}`;
}

/** A dashboard record with its key and the defaults of its optional fields. */
export function completeDashboard(d: DashboardRecord): CompleteDashboardRecord {
  return {
    key: dashboardKey(d),
    product: d.product,
    cluster: d.cluster,
    group_name: d.group_name,
    group_url: d.group_url ?? '',
    name: d.name,
    url: d.url ?? '',
    description: d.description ?? null,
    created_timestamp: d.created_timestamp ?? null,
    last_successful_run_timestamp: d.last_successful_run_timestamp ?? null,
    chart_names: d.chart_names ?? [],
  };
}
