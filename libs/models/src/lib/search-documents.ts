import type { DashboardRecord, TableRecord } from './ingestion';
import type { DashboardDocument, TableDocument, UserDocument } from './search';
import { completeDashboard } from './dashboard';
import { tableKey } from './table';
import type { User } from './user';

/** Reads of a resource: the sum of read counts and the number of distinct readers. */
export interface Usage {
  total: number;
  unique: number;
}

export function tableDocument(t: TableRecord, usage: Usage = { total: 0, unique: 0 }): TableDocument {
  return {
    key: tableKey(t),
    database: t.database,
    cluster: t.cluster,
    schema: t.schema,
    name: t.name,
    description: t.description ?? null,
    columns: (t.columns ?? []).map((c) => c.name),
    column_descriptions: (t.columns ?? []).flatMap((c) => (c.description ? [c.description] : [])),
    tags: t.tags ?? [],
    badges: (t.badges ?? []).map((b) => b.badge_name),
    last_updated_timestamp: t.last_updated_timestamp ?? null,
    total_usage: usage.total,
    unique_usage: usage.unique,
  };
}

export function userDocument(u: User, counts: { read: number; own: number; follow: number } = { read: 0, own: 0, follow: 0 }): UserDocument {
  return {
    key: u.email || u.user_id,
    email: u.email || u.user_id,
    full_name: u.full_name ?? u.display_name,
    first_name: u.first_name,
    last_name: u.last_name,
    team_name: u.team_name,
    role_name: u.role_name,
    employee_type: u.employee_type,
    manager_email: u.manager_email,
    is_active: u.is_active,
    total_read: counts.read,
    total_own: counts.own,
    total_follow: counts.follow,
  };
}

export function dashboardDocument(d: DashboardRecord, views = 0): DashboardDocument {
  const { created_timestamp: _created, ...complete } = completeDashboard(d);
  return { ...complete, uri: complete.key, query_names: [], tags: d.tags ?? [], badges: [], total_usage: views };
}
