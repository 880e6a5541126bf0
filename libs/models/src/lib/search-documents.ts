import type { DashboardRecord, ReadRecord, TableRecord } from './ingestion';
import type { DashboardDocument, FeatureDocument, IndexedResourceType, SearchDocuments, TableDocument, UserDocument } from './search';
import { SEARCH_LIMITS, truncateText } from './text-rules';
import { completeDashboard, completeDashboardQueries, dashboardGroupKey, dashboardKey } from './dashboard';
import { schemaKey, tableKey } from './table';
import type { User } from './user';

/*
 * One mapping per resource type from what the catalog holds to what search
 * indexes, used by metadata's search sync, the relevance fixture and the
 * benchmarks. The inputs are the parts of a stored record a document is made
 * of, so metadata passes its stored records as they are; ingestion records
 * (fixtures, benchmarks) become one with tableSearchSource() and
 * dashboardSearchSource(). Every document leaves here fitted to SEARCH_LIMITS.
 */

/** Reads of a resource: the sum of read counts and the number of distinct readers. */
export interface Usage {
  total: number;
  unique: number;
}

/** What a table's search document is made of (a stored table is one). */
export interface TableSearchSource {
  key: string;
  database: string;
  cluster: string;
  schema: string;
  name: string;
  description: string | null;
  /** The description of its schema, which every table of the schema shares. */
  schema_description: string | null;
  /** In the table's column order. */
  columns: readonly { name: string; description: string | null }[];
  tags: readonly { tag_name: string }[];
  badges: readonly { badge_name: string }[];
  last_updated_timestamp: number | null;
  /** A view rather than a table. */
  is_view: boolean;
  usage: Usage;
}

/** What a dashboard's search document is made of (a stored dashboard is one). */
export interface DashboardSearchSource {
  uri: string;
  product: string;
  cluster: string;
  group_name: string;
  group_url: string;
  name: string;
  url: string;
  description: string | null;
  /** The description of its group, which every dashboard of the group shares. */
  group_description: string | null;
  last_successful_run_timestamp: number | null;
  /** Every chart's name: those of no query first, then its queries' charts, query by query. */
  chart_names: readonly string[];
  /** Its queries in their order; one without a name (a graph may hold such) names nothing. */
  queries: readonly { name: string | null }[];
  tags: readonly { tag_name: string }[];
  badges: readonly { badge_name: string }[];
  /** The sum of its read counts. */
  recent_view_count: number;
}

/**
 * What a feature's search document is made of: the fields of Amundsen's
 * Feature (common/amundsen_common/models/feature.py) that search uses, so a
 * stored feature is one.
 */
export interface FeatureSearchSource {
  key: string;
  name: string;
  version: string;
  status: string | null;
  feature_group: string;
  entity: string | null;
  /** The databases it is available in. */
  availability: readonly string[];
  description: string | null;
  tags: readonly { tag_name: string }[];
  badges: readonly { badge_name: string }[];
  last_updated_timestamp: number | null;
}

/**
 * A person's usage in search (Amundsen's databuilder user query): `read` is
 * the sum of read counts over everything they read, `own` how many tables and
 * dashboards they own, `follow` how many they bookmark.
 */
export interface UserCounts {
  read: number;
  own: number;
  follow: number;
}

const NO_USAGE: Usage = { total: 0, unique: 0 };
const NO_COUNTS: UserCounts = { read: 0, own: 0, follow: 0 };

/**
 * An ingestion record as the store keeps it: columns in sort order, tags of the default type. Its schema's
 * description is the record's own (catalogSearchDocuments gives each table its schema's).
 */
export function tableSearchSource(t: TableRecord, usage: Usage = NO_USAGE): TableSearchSource {
  const columns = (t.columns ?? [])
    .map((c, i) => ({ name: c.name, description: c.description ?? null, order: c.sort_order ?? i }))
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  return {
    key: tableKey(t),
    database: t.database,
    cluster: t.cluster,
    schema: t.schema,
    name: t.name,
    description: t.description ?? null,
    schema_description: t.schema_description ?? null,
    columns: columns.map(({ name, description }) => ({ name, description })),
    tags: (t.tags ?? []).map((tag_name) => ({ tag_name })),
    badges: t.badges ?? [],
    last_updated_timestamp: t.last_updated_timestamp ?? null,
    is_view: t.is_view ?? false,
    usage,
  };
}

/**
 * An ingestion record as the store keeps it (its queries' charts after its own), with the sum of its read counts. Its
 * group's description is the record's own (catalogSearchDocuments gives each dashboard its group's).
 */
export function dashboardSearchSource(d: DashboardRecord, views = 0): DashboardSearchSource {
  const { key, created_timestamp: _created, chart_names, ...complete } = completeDashboard(d);
  const queries = completeDashboardQueries(d) ?? [];
  return {
    ...complete,
    group_description: d.group_description ?? null,
    uri: key,
    chart_names: [...chart_names, ...queries.flatMap((q) => q.chart_names)],
    queries,
    tags: (d.tags ?? []).map((tag_name) => ({ tag_name })),
    badges: [],
    recent_view_count: views,
  };
}

/** Tags and badges are sets: sorted, so a document does not depend on the order they were added in. */
const names = (values: readonly string[]) => [...new Set(values)].sort();

export function tableDocument(t: TableSearchSource): TableDocument {
  return fitSearchDocument('table', {
    key: t.key,
    database: t.database,
    cluster: t.cluster,
    schema: t.schema,
    name: t.name,
    description: t.description,
    schema_description: t.schema_description,
    columns: t.columns.map((c) => c.name),
    column_descriptions: t.columns.flatMap((c) => (c.description ? [c.description] : [])),
    tags: names(t.tags.map((tag) => tag.tag_name)),
    badges: names(t.badges.map((b) => b.badge_name)),
    last_updated_timestamp: t.last_updated_timestamp,
    ...(t.is_view ? { is_view: true } : {}),
    total_usage: t.usage.total,
    unique_usage: t.usage.unique,
  });
}

export function userDocument(u: User, counts: UserCounts = NO_COUNTS): UserDocument {
  return fitSearchDocument('user', {
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
  });
}

export function dashboardDocument(d: DashboardSearchSource): DashboardDocument {
  return fitSearchDocument('dashboard', {
    key: d.uri,
    uri: d.uri,
    product: d.product,
    cluster: d.cluster,
    group_name: d.group_name,
    group_url: d.group_url,
    name: d.name,
    url: d.url,
    description: d.description,
    group_description: d.group_description,
    chart_names: [...d.chart_names],
    // Each name once, in the queries' order (databuilder collects the DISTINCT names).
    query_names: [...new Set(d.queries.flatMap((q) => (q.name ? [q.name] : [])))],
    tags: names(d.tags.map((t) => t.tag_name)),
    badges: names(d.badges.map((b) => b.badge_name)),
    last_successful_run_timestamp: d.last_successful_run_timestamp,
    total_usage: d.recent_view_count,
  });
}

/** A feature's document; `totalUsage` is the sum of its read counts (Amundsen's databuilder: READ_BY). */
export function featureDocument(f: FeatureSearchSource, totalUsage = 0): FeatureDocument {
  return fitSearchDocument('feature', {
    key: f.key,
    name: f.name,
    feature_group: f.feature_group,
    version: f.version,
    status: f.status,
    entity: f.entity,
    description: f.description,
    availability: [...f.availability],
    tags: names(f.tags.map((t) => t.tag_name)),
    badges: names(f.badges.map((b) => b.badge_name)),
    last_updated_timestamp: f.last_updated_timestamp,
    total_usage: totalUsage,
  });
}

/** A catalog as bulk ingestion takes it (e.g. data/sample-catalog.json), its users normalized. */
export interface IngestedCatalog {
  tables: readonly TableRecord[];
  users: readonly User[];
  dashboards: readonly DashboardRecord[];
  reads: readonly ReadRecord[];
}

/**
 * The search documents metadata sends for a catalog it ingested (and nothing
 * else): usage and people's counts come from its reads and owners; nobody
 * has bookmarked anything yet. A schema's (a group's) description is the one
 * the last record of it that gives one gives, on every table of the schema
 * (dashboard of the group).
 */
export function catalogSearchDocuments(catalog: IngestedCatalog): {
  table: TableDocument[];
  user: UserDocument[];
  dashboard: DashboardDocument[];
} {
  const usage = new Map<string, Usage>();
  const counts = new Map<string, UserCounts>();
  const countsOf = (user: string) => counts.get(user) ?? counts.set(user, { read: 0, own: 0, follow: 0 }).get(user)!;
  for (const read of catalog.reads) {
    const key = 'table_key' in read ? read.table_key : read.dashboard_key;
    const u = usage.get(key) ?? { total: 0, unique: 0 };
    usage.set(key, { total: u.total + read.read_count, unique: u.unique + 1 });
    countsOf(read.user).read += read.read_count;
  }
  for (const resource of [...catalog.tables, ...catalog.dashboards])
    for (const owner of new Set(resource.owners ?? [])) countsOf(owner).own += 1;
  const schemaDescriptions = lastGiven(catalog.tables, schemaKey, (t) => t.schema_description);
  const groupDescriptions = lastGiven(catalog.dashboards, dashboardGroupKey, (d) => d.group_description);
  return {
    table: catalog.tables.map((t) =>
      tableDocument(tableSearchSource({ ...t, schema_description: schemaDescriptions.get(schemaKey(t)) ?? null }, usage.get(tableKey(t)))),
    ),
    user: catalog.users.map((u) => userDocument(u, counts.get(u.user_id))),
    dashboard: catalog.dashboards.map((d) =>
      dashboardDocument(
        dashboardSearchSource(
          { ...d, group_description: groupDescriptions.get(dashboardGroupKey(d)) ?? null },
          usage.get(dashboardKey(d))?.total,
        ),
      ),
    ),
  };
}

/** Per parent key, the value the last record that gives one gives (null: removed). */
function lastGiven<T>(records: readonly T[], parentKey: (record: T) => string, pick: (record: T) => string | null | undefined) {
  const given = new Map<string, string | null>();
  for (const record of records) {
    const value = pick(record);
    if (value !== undefined) given.set(parentKey(record), value);
  }
  return given;
}

const text = (value: string, max: number) => truncateText(value, max);
const optional = (value: string | null, max: number) => (value === null ? null : truncateText(value, max));
const list = (values: readonly string[]) => values.slice(0, SEARCH_LIMITS.listLength).map((v) => truncateText(v, SEARCH_LIMITS.listItem));

/**
 * A search document cut to SEARCH_LIMITS: long descriptions, names and lists
 * are indexed truncated rather than refused. Keys are left as they are.
 */
export function fitSearchDocument<T extends IndexedResourceType>(type: T, doc: SearchDocuments[T]): SearchDocuments[T] {
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
        ...(t.schema_description !== undefined && { schema_description: optional(t.schema_description, L.description) }),
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
    case 'feature': {
      const f = doc as FeatureDocument;
      const fitted: FeatureDocument = {
        ...f,
        name: text(f.name, L.name),
        feature_group: text(f.feature_group, L.name),
        version: text(f.version, L.name),
        status: optional(f.status, L.profileText),
        entity: optional(f.entity, L.profileText),
        description: optional(f.description, L.description),
        availability: list(f.availability),
        tags: list(f.tags),
        badges: list(f.badges),
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
        ...(d.group_description !== undefined && { group_description: optional(d.group_description, L.description) }),
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
