import type { DashboardDocument, FeatureDocument, SearchDocuments, TableDocument, UserDocument, V1Results } from '@fram/models';

const tags = (names: readonly string[]) => names.map((tag_name) => ({ tag_name }));

/**
 * Fram's documents as Amundsen's v1 search results (its search service's
 * Table, User, Dashboard and Feature models): every field of the model, null
 * where Fram keeps nothing for it; `id` (Amundsen's document id) is the key.
 */
export const V1_RESULTS: { [T in keyof V1Results]: (doc: SearchDocuments[T]) => V1Results[T] } = {
  table: (d: TableDocument) => ({
    id: d.key,
    database: d.database,
    cluster: d.cluster,
    schema: d.schema,
    name: d.name,
    key: d.key,
    display_name: `${d.schema}.${d.name}`,
    tags: tags(d.tags),
    badges: tags(d.badges),
    description: d.description,
    last_updated_timestamp: d.last_updated_timestamp,
    column_names: d.columns,
    column_descriptions: d.column_descriptions,
    programmatic_descriptions: [],
    total_usage: d.total_usage,
    schema_description: d.schema_description ?? null,
  }),
  user: (d: UserDocument) => ({
    id: d.key,
    user_id: d.email,
    email: d.email,
    first_name: d.first_name,
    last_name: d.last_name,
    full_name: d.full_name,
    display_name: d.full_name,
    is_active: d.is_active,
    github_username: null,
    team_name: d.team_name,
    slack_id: null,
    employee_type: d.employee_type,
    manager_fullname: null,
    manager_email: d.manager_email,
    manager_id: null,
    role_name: d.role_name,
    profile_url: null,
    other_key_values: {},
  }),
  dashboard: (d: DashboardDocument) => ({
    id: d.key,
    uri: d.uri,
    cluster: d.cluster,
    group_name: d.group_name,
    group_url: d.group_url,
    product: d.product,
    name: d.name,
    url: d.url,
    description: d.description,
    last_successful_run_timestamp: d.last_successful_run_timestamp,
    chart_names: d.chart_names,
  }),
  feature: (d: FeatureDocument) => ({
    id: d.key,
    feature_group: d.feature_group,
    feature_name: d.name,
    version: d.version,
    key: d.key,
    total_usage: d.total_usage,
    status: d.status,
    entity: d.entity,
    description: d.description,
    availability: d.availability,
    badges: tags(d.badges),
    tags: tags(d.tags),
    last_updated_timestamp: d.last_updated_timestamp,
  }),
};
