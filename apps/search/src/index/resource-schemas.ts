import type {
  DashboardDocument,
  FeatureDocument,
  IndexedResourceType,
  SearchDocuments,
  SearchHitFields,
  TableDocument,
  UserDocument,
} from '@fram/models';

/** A searchable field: its weight and its text values in a document. */
export interface SearchField<D> {
  name: string;
  weight: number;
  values: (doc: D) => readonly (string | null)[];
  /** A name: also indexed with its parts joined (`order_items` as `orderitems`), for names typed without separators. */
  joined?: boolean;
}

/** How one resource type is searched, filtered, ranked and shown. */
export interface ResourceSchema<D, H = SearchHitFields[IndexedResourceType]> {
  fields: readonly SearchField<D>[];
  /** Values that, equal to the whole query, make an exact match (ranked first). */
  exact: (doc: D) => readonly (string | null)[];
  /** UI filter names (Amundsen's) and the values they match. */
  filters: Readonly<Record<string, (doc: D) => readonly (string | null)[]>>;
  /** Popularity, for browsing and as a tie-breaker. */
  usage: (doc: D) => number;
  /** The orders other than relevance (SEARCH_SORTS): the name, the last update (none: null), the usage. */
  sort: { name: (doc: D) => string; updated: (doc: D) => number | null; usage: (doc: D) => number };
  /** Highlighted fields, and how many fragments each may give. */
  highlights: Readonly<Record<string, { values: (doc: D) => readonly (string | null)[]; fragments: number }>>;
  /** The hit as the API returns it (without score and highlights). */
  hit: (doc: D) => H;
}

const list = (value: string | null) => [value];

/** Amundsen's field weights: name over schema over columns over description. */
const TABLE: ResourceSchema<TableDocument, SearchHitFields['table']> = {
  fields: [
    { name: 'name', weight: 5, values: (d) => list(d.name), joined: true },
    { name: 'schema', weight: 3, values: (d) => list(d.schema) },
    { name: 'columns', weight: 2, values: (d) => d.columns },
    { name: 'description', weight: 1.5, values: (d) => list(d.description) },
    { name: 'tags', weight: 1, values: (d) => d.tags },
    { name: 'badges', weight: 1, values: (d) => d.badges },
    { name: 'column_descriptions', weight: 1, values: (d) => d.column_descriptions },
    { name: 'database', weight: 1, values: (d) => [d.database, d.cluster] },
  ],
  exact: (d) => [d.name, d.key, `${d.schema}.${d.name}`],
  filters: {
    key: (d) => list(d.key),
    database: (d) => list(d.database),
    cluster: (d) => list(d.cluster),
    schema: (d) => list(d.schema),
    table: (d) => list(d.name),
    column: (d) => d.columns,
    tag: (d) => d.tags,
    badges: (d) => d.badges,
  },
  usage: (d) => d.total_usage,
  sort: { name: (d) => d.name, updated: (d) => d.last_updated_timestamp, usage: (d) => d.total_usage },
  highlights: {
    name: { values: (d) => list(d.name), fragments: 1 },
    description: { values: (d) => list(d.description), fragments: 1 },
    columns: { values: (d) => d.columns, fragments: 10 },
    column_descriptions: { values: (d) => d.column_descriptions, fragments: 5 },
  },
  hit: (d) => ({
    key: d.key,
    resource_type: 'table' as const,
    database: d.database,
    cluster: d.cluster,
    schema: d.schema,
    name: d.name,
    table: d.name,
    description: d.description,
    schema_description: d.schema_description ?? null,
    column: d.columns,
    tag: d.tags,
    badges: d.badges,
    last_updated_timestamp: d.last_updated_timestamp,
    total_usage: d.total_usage,
    is_view: d.is_view ?? false,
  }),
};

const USER: ResourceSchema<UserDocument, SearchHitFields['user']> = {
  fields: [
    { name: 'full_name', weight: 5, values: (d) => list(d.full_name), joined: true },
    { name: 'email', weight: 4, values: (d) => [d.email, d.email.split('@')[0] ?? null] },
    { name: 'first_name', weight: 3, values: (d) => list(d.first_name) },
    { name: 'last_name', weight: 3, values: (d) => list(d.last_name) },
    { name: 'team_name', weight: 1, values: (d) => [d.team_name, d.role_name] },
  ],
  exact: (d) => [d.full_name, d.email, d.email.split('@')[0] ?? null],
  filters: { team_name: (d) => list(d.team_name), employee_type: (d) => list(d.employee_type) },
  usage: (d) => d.total_read + d.total_own + d.total_follow,
  sort: { name: (d) => d.full_name, updated: () => null, usage: (d) => d.total_read },
  highlights: {
    full_name: { values: (d) => list(d.full_name), fragments: 1 },
    email: { values: (d) => list(d.email), fragments: 1 },
  },
  hit: (d) => ({
    key: d.key,
    resource_type: 'user' as const,
    email: d.email,
    user_id: d.email,
    full_name: d.full_name,
    display_name: d.full_name,
    first_name: d.first_name,
    last_name: d.last_name,
    team_name: d.team_name,
    role_name: d.role_name,
    employee_type: d.employee_type,
    manager_email: d.manager_email,
    is_active: d.is_active,
  }),
};

const DASHBOARD: ResourceSchema<DashboardDocument, SearchHitFields['dashboard']> = {
  fields: [
    { name: 'name', weight: 5, values: (d) => list(d.name), joined: true },
    { name: 'group_name', weight: 3, values: (d) => list(d.group_name) },
    { name: 'chart_names', weight: 2, values: (d) => d.chart_names },
    { name: 'query_names', weight: 2, values: (d) => d.query_names },
    { name: 'description', weight: 1.5, values: (d) => list(d.description) },
    { name: 'tags', weight: 1, values: (d) => d.tags },
    { name: 'badges', weight: 1, values: (d) => d.badges },
    { name: 'product', weight: 1, values: (d) => [d.product, d.cluster] },
  ],
  exact: (d) => [d.name, d.uri],
  filters: {
    group_name: (d) => list(d.group_name),
    name: (d) => list(d.name),
    chart_names: (d) => d.chart_names,
    query_names: (d) => d.query_names,
    product: (d) => list(d.product),
    cluster: (d) => list(d.cluster),
    tag: (d) => d.tags,
    badges: (d) => d.badges,
  },
  usage: (d) => d.total_usage,
  sort: { name: (d) => d.name, updated: (d) => d.last_successful_run_timestamp, usage: (d) => d.total_usage },
  highlights: {
    name: { values: (d) => list(d.name), fragments: 1 },
    description: { values: (d) => list(d.description), fragments: 1 },
    chart_names: { values: (d) => d.chart_names, fragments: 10 },
    query_names: { values: (d) => d.query_names, fragments: 10 },
  },
  hit: (d) => ({
    key: d.key,
    uri: d.uri,
    resource_type: 'dashboard' as const,
    product: d.product,
    cluster: d.cluster,
    group_name: d.group_name,
    group_url: d.group_url,
    name: d.name,
    url: d.url,
    description: d.description,
    chart_names: d.chart_names,
    query_names: d.query_names,
    tag: d.tags,
    badges: d.badges,
    last_successful_run_timestamp: d.last_successful_run_timestamp,
  }),
};

/** ML features: Amundsen v2.1's weights (name, group, entity, then description), found by version and status too. */
const FEATURE: ResourceSchema<FeatureDocument, SearchHitFields['feature']> = {
  fields: [
    { name: 'name', weight: 5, values: (d) => list(d.name), joined: true },
    { name: 'feature_group', weight: 3, values: (d) => list(d.feature_group), joined: true },
    { name: 'entity', weight: 2, values: (d) => list(d.entity) },
    { name: 'description', weight: 1.5, values: (d) => list(d.description) },
    { name: 'tags', weight: 1, values: (d) => d.tags },
    { name: 'badges', weight: 1, values: (d) => d.badges },
    { name: 'version', weight: 1, values: (d) => [d.version, d.status] },
  ],
  exact: (d) => [d.name, d.key, `${d.feature_group}.${d.name}`],
  filters: {
    key: (d) => list(d.key),
    feature_group: (d) => list(d.feature_group),
    feature_name: (d) => list(d.name),
    entity: (d) => list(d.entity),
    status: (d) => list(d.status),
    version: (d) => list(d.version),
    availability: (d) => d.availability,
    tags: (d) => d.tags,
    tag: (d) => d.tags,
    badges: (d) => d.badges,
  },
  usage: (d) => d.total_usage,
  sort: { name: (d) => d.name, updated: (d) => d.last_updated_timestamp, usage: (d) => d.total_usage },
  highlights: {
    name: { values: (d) => list(d.name), fragments: 1 },
    description: { values: (d) => list(d.description), fragments: 1 },
  },
  hit: (d) => ({
    key: d.key,
    resource_type: 'feature' as const,
    feature_name: d.name,
    name: d.name,
    feature_group: d.feature_group,
    version: d.version,
    status: d.status,
    entity: d.entity,
    description: d.description,
    availability: d.availability,
    tags: d.tags,
    badges: d.badges,
    last_updated_timestamp: d.last_updated_timestamp,
    total_usage: d.total_usage,
  }),
};

/**
 * The filter a facet of `field` leaves out when counting (its own field's): filters of the same name, and
 * a feature's `tags` (Amundsen's other name of its `tag` filter).
 */
export const facetFieldOf = (filterName: string): string => (filterName === 'tags' ? 'tag' : filterName);

export const RESOURCE_SCHEMAS: { [T in IndexedResourceType]: ResourceSchema<SearchDocuments[T], SearchHitFields[T]> } = {
  table: TABLE,
  user: USER,
  dashboard: DASHBOARD,
  feature: FEATURE,
};
