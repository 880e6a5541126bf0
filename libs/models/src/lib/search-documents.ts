import type { DashboardRecord, TableRecord } from './ingestion';
import type { DashboardDocument, SearchDocuments, SearchResourceType, TableDocument, UserDocument } from './search';
import { SEARCH_LIMITS, truncateText } from './text-rules';
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

export function userDocument(
  u: User,
  counts: { read: number; own: number; follow: number } = { read: 0, own: 0, follow: 0 },
): UserDocument {
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

const text = (value: string, max: number) => truncateText(value, max);
const optional = (value: string | null, max: number) => (value === null ? null : truncateText(value, max));
const list = (values: readonly string[]) => values.slice(0, SEARCH_LIMITS.listLength).map((v) => truncateText(v, SEARCH_LIMITS.listItem));

/**
 * A search document cut to SEARCH_LIMITS: long descriptions, names and lists
 * are indexed truncated rather than refused. Keys are left as they are.
 */
export function fitSearchDocument<T extends SearchResourceType>(type: T, doc: SearchDocuments[T]): SearchDocuments[T] {
  const L = SEARCH_LIMITS;
  switch (type) {
    case 'table': {
      const t = doc as TableDocument;
      const fitted: TableDocument = {
        ...t,
        database: text(t.database, L.name),
        cluster: text(t.cluster, L.name),
        schema: text(t.schema, L.name),
        name: text(t.name, L.name),
        description: optional(t.description, L.description),
        columns: list(t.columns),
        column_descriptions: list(t.column_descriptions),
        tags: list(t.tags),
        badges: list(t.badges),
      };
      return fitted as SearchDocuments[T];
    }
    case 'user': {
      const u = doc as UserDocument;
      const fitted: UserDocument = {
        ...u,
        full_name: text(u.full_name, L.fullName),
        first_name: optional(u.first_name, L.profileText),
        last_name: optional(u.last_name, L.profileText),
        team_name: optional(u.team_name, L.profileText),
        role_name: optional(u.role_name, L.profileText),
        employee_type: optional(u.employee_type, L.profileText),
      };
      return fitted as SearchDocuments[T];
    }
    default: {
      const d = doc as DashboardDocument;
      const fitted: DashboardDocument = {
        ...d,
        product: text(d.product, L.name),
        cluster: text(d.cluster, L.name),
        group_name: text(d.group_name, L.name),
        name: text(d.name, L.name),
        description: optional(d.description, L.description),
        chart_names: list(d.chart_names),
        query_names: list(d.query_names),
        tags: list(d.tags),
        badges: list(d.badges),
      };
      return fitted as SearchDocuments[T];
    }
  }
}

const utf8 = new TextEncoder();

/** Why search cannot take `key` as a document's key (Elasticsearch's id limit, in bytes), or undefined. */
export function searchKeyProblem(key: string): string | undefined {
  return utf8.encode(key).length > SEARCH_LIMITS.keyBytes ? `is longer than ${SEARCH_LIMITS.keyBytes} bytes (UTF-8)` : undefined;
}
