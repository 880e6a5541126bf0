import type { CompleteDashboardRecord, DashboardRecord } from './ingestion';
import type { Badge, Tag, TableSummary } from './table';
import type { User } from './user';

/** Amundsen's DashboardSummary. */
export interface DashboardSummary {
  uri: string;
  cluster: string;
  group_name: string;
  group_url: string;
  product: string;
  name: string;
  url: string;
  description: string | null;
  last_successful_run_timestamp: number | null;
  chart_names: string[];
}

/** Amundsen's DashboardDetail (the parts Fram stores). */
export interface DashboardDetail extends DashboardSummary {
  created_timestamp: number | null;
  updated_timestamp: number | null;
  last_run_timestamp: number | null;
  last_run_state: string | null;
  owners: User[];
  frequent_users: { user: User; read_count: number }[];
  query_names: string[];
  queries: { name: string; url: string; query_text: string }[];
  tables: TableSummary[];
  tags: Tag[];
  badges: Badge[];
  recent_view_count: number;
}

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

/** One entity of a lineage answer. */
export interface LineageItem {
  key: string;
  level: number;
  source: string;
  badges: Badge[];
  usage: number;
  parent: string | null;
  link: string | null;
  in_amundsen: boolean;
}

export interface Lineage {
  key: string;
  direction: 'upstream' | 'downstream' | 'both';
  depth: number;
  upstream_entities: LineageItem[];
  downstream_entities: LineageItem[];
}
