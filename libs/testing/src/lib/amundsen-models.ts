import type { SchemaObject } from 'ajv';

/*
 * What Amundsen's services answer, as JSON Schemas (draft-07, for ajv), transcribed from
 * amundsen-io/amundsen at commit 2a6ba5803e4849e570bf8106b45495cb02c28483 for Fram's tests: the
 * common models, the metadata service's answers, the search service's (its v2 hits and its v1 API)
 * and the frontend's (api/utils/metadata_utils.py marshall_*, api/utils/search_utils.py map_*, its
 * integrations). Each definition names its source file. Values are checked with amundsenProblems
 * (./amundsen-check.ts).
 *
 * Rules of the transcription (marshmallow3-annotations): an Optional[X] field may be null; a field
 * with no default is required; List[X] is an array. Keys a model does not declare are allowed here
 * (extra fields never break a client); a check may refuse them (`exact`) or ask for every declared
 * key (`complete`), as marshmallow dumps a model. A dict literal that a handler builds always holds
 * all its keys: those keys are required. A model that extends another repeats its fields (no allOf),
 * so that an exact check can see all of them.
 */

/** The id under which the definitions are registered with ajv. */
export const AMUNDSEN_MODELS_ID = 'amundsen';

const S = (type: string): SchemaObject => ({ type });
const N = (type: string): SchemaObject => ({ type: [type, 'null'] });
const arr = (items: SchemaObject): SchemaObject => ({ type: 'array', items });
const narr = (items: SchemaObject): SchemaObject => ({ type: ['array', 'null'], items });
const obj = (required: string[], properties: Record<string, SchemaObject>): SchemaObject => ({
  type: 'object',
  required,
  properties,
  additionalProperties: true,
});
/** A model that is another one with more (or narrower) fields. */
const extend = (base: SchemaObject, required: string[], properties: Record<string, SchemaObject>): SchemaObject =>
  obj([...new Set([...(base['required'] as string[]), ...required])], {
    ...(base['properties'] as Record<string, SchemaObject>),
    ...properties,
  });
const ANY: SchemaObject = {};
const ref = (name: string): SchemaObject => ({ $ref: `${AMUNDSEN_MODELS_ID}#/definitions/${name}` });
const nref = (name: string): SchemaObject => ({ anyOf: [{ type: 'null' }, ref(name)] });
/** A keyword field of a search document: one value or a list, as the document holds it. */
const keywords: SchemaObject = { type: ['string', 'array', 'null'], items: S('string') };
/** `{msg}` and the named keys, as the frontend's handlers answer (jsonify of a dict literal). */
const msgAnd = (properties: Record<string, SchemaObject>): SchemaObject =>
  obj(['msg', ...Object.keys(properties)], { msg: S('string'), ...properties });
const description = N('string');

// common/amundsen_common/models/user.py User
const USER = obj([], {
  user_id: N('string'),
  email: N('string'),
  first_name: N('string'),
  last_name: N('string'),
  full_name: N('string'),
  display_name: N('string'),
  is_active: S('boolean'),
  github_username: N('string'),
  team_name: N('string'),
  slack_id: N('string'),
  employee_type: N('string'),
  manager_fullname: N('string'),
  manager_email: N('string'),
  manager_id: N('string'),
  role_name: N('string'),
  profile_url: N('string'),
  other_key_values: { type: ['object', 'null'], additionalProperties: S('string') },
});
// frontend/amundsen_application/models/user.py load_user/dump_user: the UserSchema defaults applied
const FRONTEND_USER = extend(USER, ['user_id', 'display_name', 'profile_url'], {
  user_id: S('string'),
  display_name: S('string'),
  profile_url: S('string'),
});
// common/amundsen_common/models/table.py
const READER = obj(['user', 'read_count'], { user: ref('User'), read_count: S('integer') });
const TYPE_METADATA = obj(['kind', 'name', 'key', 'data_type', 'sort_order'], {
  kind: S('string'),
  name: S('string'),
  key: S('string'),
  description,
  data_type: S('string'),
  sort_order: S('integer'),
  badges: arr(ref('Badge')),
  children: arr(ref('TypeMetadata')),
});
const COLUMN = obj(['name', 'col_type', 'sort_order'], {
  name: S('string'),
  key: N('string'),
  description,
  col_type: S('string'),
  sort_order: S('integer'),
  stats: arr(ref('Stat')),
  badges: narr(ref('Badge')),
  type_metadata: nref('TypeMetadata'),
});
const TABLE = obj(['database', 'cluster', 'schema', 'name', 'columns'], {
  database: S('string'),
  cluster: S('string'),
  schema: S('string'),
  name: S('string'),
  key: N('string'),
  tags: arr(ref('Tag')),
  badges: arr(ref('Badge')),
  table_readers: arr(ref('Reader')),
  description,
  columns: arr(ref('Column')),
  owners: arr(ref('User')),
  watermarks: arr(ref('Watermark')),
  table_writer: nref('Application'),
  table_apps: narr(ref('Application')),
  resource_reports: narr(ref('ResourceReport')),
  last_updated_timestamp: N('integer'),
  source: nref('Source'),
  is_view: N('boolean'),
  programmatic_descriptions: arr(ref('ProgrammaticDescription')),
  common_joins: narr(S('object')),
  common_filters: narr(S('object')),
});
// common/amundsen_common/models/popular_table.py PopularTable
const POPULAR_TABLE = obj(['database', 'cluster', 'schema', 'name'], {
  database: S('string'),
  cluster: S('string'),
  schema: S('string'),
  name: S('string'),
  description,
});
// common/amundsen_common/models/dashboard.py DashboardSummary
const DASHBOARD_SUMMARY = obj(['uri', 'cluster', 'group_name', 'group_url', 'product', 'name', 'url'], {
  uri: S('string'),
  cluster: S('string'),
  group_name: S('string'),
  group_url: S('string'),
  product: S('string'),
  name: S('string'),
  url: S('string'),
  description,
  last_successful_run_timestamp: N('number'),
  chart_names: narr(S('string')),
});
// metadata/metadata_service/entity/dashboard_detail.py DashboardDetail: DashboardSummary's seven required fields, the
// same way, then its own (its run times are integers, its chart_names never null)
const DASHBOARD_DETAIL = extend(
  DASHBOARD_SUMMARY,
  ['description', 'created_timestamp', 'updated_timestamp', 'last_successful_run_timestamp', 'last_run_timestamp', 'last_run_state'],
  {
    created_timestamp: N('integer'),
    updated_timestamp: N('integer'),
    last_successful_run_timestamp: N('integer'),
    last_run_timestamp: N('integer'),
    last_run_state: N('string'),
    owners: arr(ref('User')),
    frequent_users: arr(ref('User')),
    chart_names: arr(S('string')),
    query_names: arr(S('string')),
    queries: arr(ref('DashboardQuery')),
    tables: arr(ref('PopularTable')),
    tags: arr(ref('Tag')),
    badges: arr(ref('Badge')),
    recent_view_count: N('integer'),
  },
);
// common/amundsen_common/models/lineage.py LineageItem
const LINEAGE_ITEM = obj(['key', 'level', 'source'], {
  key: S('string'),
  level: S('integer'),
  source: S('string'),
  badges: narr(ref('Badge')),
  usage: N('integer'),
  parent: N('string'),
  link: N('string'),
  in_amundsen: N('boolean'),
});
// common/amundsen_common/models/feature.py Feature (key and description have defaults)
const FEATURE = obj(
  [
    'name',
    'version',
    'status',
    'feature_group',
    'entity',
    'data_type',
    'availability',
    'owners',
    'badges',
    'tags',
    'programmatic_descriptions',
    'watermarks',
    'last_updated_timestamp',
    'created_timestamp',
  ],
  {
    key: N('string'),
    name: S('string'),
    version: S('string'),
    status: N('string'),
    feature_group: S('string'),
    entity: N('string'),
    data_type: N('string'),
    availability: arr(S('string')),
    description,
    owners: arr(ref('User')),
    badges: arr(ref('Badge')),
    tags: arr(ref('Tag')),
    programmatic_descriptions: arr(ref('ProgrammaticDescription')),
    watermarks: arr(ref('FeatureWatermark')),
    last_updated_timestamp: N('integer'),
    created_timestamp: N('integer'),
  },
);
const TAG_USAGE = obj(['tag_name', 'tag_count'], { tag_name: N('string'), tag_count: N('integer') });
const BADGE_USAGE = obj(['badge_name', 'category'], { badge_name: N('string'), category: N('string') });
/** The frontend's lists of a person's or the catalog's resources, by type. */
const PARTIALS = obj(['table', 'dashboard'], { table: arr(ref('TablePartial')), dashboard: arr(ref('DashboardPartial')) });

export const AMUNDSEN_MODELS = {
  // ---------------------------------------------------------------- common models
  // common/amundsen_common/models/badge.py
  Badge: obj(['badge_name', 'category'], { badge_name: S('string'), category: S('string') }),
  // common/amundsen_common/models/tag.py
  Tag: obj(['tag_type', 'tag_name'], { tag_type: S('string'), tag_name: S('string') }),
  // common/amundsen_common/models/user.py
  User: USER,
  // common/amundsen_common/models/table.py
  Reader: READER,
  Watermark: obj([], { watermark_type: N('string'), partition_key: N('string'), partition_value: N('string'), create_time: N('string') }),
  Stat: obj(['stat_type'], {
    stat_type: S('string'),
    stat_val: N('string'),
    start_epoch: N('integer'),
    end_epoch: N('integer'),
    is_metric: N('boolean'),
  }),
  TypeMetadata: TYPE_METADATA,
  Column: COLUMN,
  Application: obj(['id'], { application_url: N('string'), description, id: S('string'), name: N('string'), kind: N('string') }),
  Source: obj(['source_type', 'source'], { source_type: S('string'), source: S('string') }),
  ResourceReport: obj(['name', 'url'], { name: S('string'), url: S('string') }),
  ProgrammaticDescription: obj(['source', 'text'], { source: S('string'), text: S('string') }),
  TableSummary: extend(POPULAR_TABLE, [], { schema_description: N('string') }),
  Table: TABLE,
  // common/amundsen_common/models/popular_table.py
  PopularTable: POPULAR_TABLE,
  // common/amundsen_common/models/dashboard.py
  DashboardSummary: DASHBOARD_SUMMARY,
  // metadata/metadata_service/entity/dashboard_query.py
  DashboardQuery: obj([], { name: N('string'), url: N('string'), query_text: N('string') }),
  // metadata/metadata_service/entity/dashboard_detail.py
  DashboardDetail: DASHBOARD_DETAIL,
  // common/amundsen_common/models/lineage.py
  LineageItem: LINEAGE_ITEM,
  Lineage: obj(['key', 'direction', 'depth', 'upstream_entities', 'downstream_entities'], {
    key: S('string'),
    direction: S('string'),
    depth: S('integer'),
    upstream_entities: arr(ref('LineageItem')),
    downstream_entities: arr(ref('LineageItem')),
    upstream_count: N('integer'),
    downstream_count: N('integer'),
  }),
  // common/amundsen_common/models/feature.py
  FeatureWatermark: obj(['key', 'watermark_type', 'time'], { key: N('string'), watermark_type: N('string'), time: S('string') }),
  Feature: FEATURE,
  // common/amundsen_common/models/generation_code.py
  GenerationCode: obj(['key', 'text', 'source'], { key: N('string'), text: S('string'), source: N('string') }),
  // common/amundsen_common/models/api/health_check.py
  HealthCheck: obj(['status'], { status: { enum: ['ok', 'fail'] }, checks: S('object') }),

  // ---------------------------------------------------------------- metadata service answers
  // metadata/metadata_service/api/*.py: {'message': ...} on writes and errors
  Message: obj(['message'], { message: S('string') }),
  // metadata/metadata_service/api/table.py, column.py, type_metadata.py, dashboard.py, feature.py
  Description: obj(['description'], { description }),
  // metadata/metadata_service/api/tag.py (flask_restful marshal: exactly tag_name, tag_count)
  TagUsages: obj(['tag_usages'], { tag_usages: arr(TAG_USAGE) }),
  // metadata/metadata_service/api/badge.py
  Badges: obj(['badges'], { badges: arr(BADGE_USAGE) }),
  // metadata/metadata_service/api/system.py
  Neo4jDetail: obj(['neo4j_latest_timestamp'], { neo4j_latest_timestamp: S('integer') }),
  Statistics: obj(['Statistics'], { Statistics: S('object') }),
  // metadata/metadata_service/api/popular_resources.py: both keys (ResourceType.<X>.name) always set; a type not asked for
  // is the dump of None, null
  PopularResources: obj(['Table', 'Dashboard'], { Table: narr(ref('TableSummary')), Dashboard: narr(ref('DashboardSummary')) }),
  // metadata/metadata_service/api/popular_tables.py
  PopularTables: obj(['popular_tables'], { popular_tables: arr(ref('PopularTable')) }),
  // metadata/metadata_service/entity/dashboard_summary.py (api/table.py TableDashboardAPI)
  TableDashboards: obj(['dashboards'], { dashboards: arr(ref('DashboardSummary')) }),
  // metadata/metadata_service/api/user.py UserFollowsAPI / UserOwnsAPI (both keys always present)
  UserResources: obj(['table', 'dashboard'], { table: arr(ref('PopularTable')), dashboard: arr(ref('DashboardSummary')) }),
  // metadata/metadata_service/api/user.py UserReadsAPI
  UserReads: obj(['table'], { table: arr(ref('PopularTable')) }),
  // metadata/metadata_service/api/user.py UserDetailAPI.get without an id: UserSchema().dump(users, many=True)
  Users: arr(ref('User')),
  // The description PUTs answer `None, 200`, which flask_restful sends as JSON null; clients read
  // nothing from it (the frontend looks at the status only), so any body is taken
  NoContent: ANY,

  // ---------------------------------------------------------------- search service answers
  // common/amundsen_common/models/search.py SearchResponse, as /v2/search fills it
  // (search/search_service/proxy/es_proxy_utils.py create_search_response): results by
  // Resource name, each {results, total_results} (format_resource_response)
  SearchResponse: obj(['msg', 'page_index', 'results_per_page', 'results', 'status_code'], {
    msg: S('string'),
    page_index: S('integer'),
    results_per_page: S('integer'),
    status_code: S('integer'),
    // by pattern, not properties: an answer holds the types asked for only (a complete check asks for no more)
    results: {
      type: 'object',
      patternProperties: {
        '^table$': hits('V2TableHit'),
        '^dashboard$': hits('V2DashboardHit'),
        '^feature$': hits('V2FeatureHit'),
        '^user$': hits('V2UserHit'),
      },
      additionalProperties: false,
    },
  }),
  // search/search_service/proxy/es_proxy_utils.py SearchHit.to_search_result with the
  // *_MAPPING of search/search_service/proxy/es_proxy_v2_1.py: every key of the mapping (null
  // when the document lacks it; not null where databuilder/task/search/document_mappings.py
  // declares the field required=True), search_score, and highlight (get_highlights)
  V2TableHit: hit({
    key: S('string'),
    description,
    resource_type: S('string'),
    badges: narr(S('string')),
    tag: narr(S('string')),
    schema: S('string'),
    table: S('string'),
    column: narr(S('string')),
    database: S('string'),
    cluster: S('string'),
  }),
  V2DashboardHit: hit({
    key: S('string'),
    description,
    resource_type: S('string'),
    url: N('string'),
    // databuilder/models/dashboard_elasticsearch_document.py: uri is Optional
    uri: N('string'),
    last_successful_run_timestamp: N('number'),
    group_name: N('string'),
    chart_names: narr(S('string')),
    query_names: narr(S('string')),
    name: S('string'),
    tag: narr(S('string')),
  }),
  V2FeatureHit: hit({
    key: S('string'),
    description,
    resource_type: S('string'),
    version: S('string'),
    availability: keywords,
    feature_group: S('string'),
    feature_name: S('string'),
    entity: keywords,
    status: N('string'),
    tags: narr(S('string')),
    badges: narr(S('string')),
  }),
  V2UserHit: hit({
    full_name: N('string'),
    email: S('string'),
    first_name: N('string'),
    last_name: N('string'),
    resource_type: S('string'),
  }),
  // search/search_service/models/tag.py
  SearchTag: obj(['tag_name'], { tag_name: S('string') }),
  // search/search_service/models/table.py Table (a v1 search document; total_usage: int = 0)
  SearchTable: obj(['id', 'database', 'cluster', 'schema', 'name', 'key'], {
    id: S('string'),
    database: S('string'),
    cluster: S('string'),
    schema: S('string'),
    name: S('string'),
    key: S('string'),
    display_name: N('string'),
    tags: narr(ref('SearchTag')),
    badges: narr(ref('SearchTag')),
    description,
    last_updated_timestamp: N('integer'),
    column_names: narr(S('string')),
    column_descriptions: narr(S('string')),
    programmatic_descriptions: narr(S('string')),
    total_usage: S('integer'),
    schema_description: N('string'),
  }),
  // search/search_service/models/user.py User (common's User, with manager_email, and id)
  SearchUser: extend(USER, ['id'], { id: S('string') }),
  // search/search_service/models/dashboard.py Dashboard (common's DashboardSummary, and id)
  SearchDashboard: extend(DASHBOARD_SUMMARY, ['id'], { id: S('string') }),
  // search/search_service/models/feature.py Feature (total_usage: int = 0)
  SearchFeature: obj(['id', 'feature_group', 'feature_name', 'version', 'key'], {
    id: S('string'),
    feature_group: S('string'),
    feature_name: S('string'),
    version: S('string'),
    key: S('string'),
    total_usage: S('integer'),
    status: N('string'),
    entity: N('string'),
    description,
    availability: narr(S('string')),
    badges: narr(ref('SearchTag')),
    tags: narr(ref('SearchTag')),
    last_updated_timestamp: N('integer'),
  }),
  // search/search_service/models/{table,user,dashboard,feature}.py Search*Result
  SearchTableResult: results('SearchTable'),
  SearchUserResult: results('SearchUser'),
  SearchDashboardResult: results('SearchDashboard'),
  SearchFeatureResult: results('SearchFeature'),
  // search/search_service/api/document.py BaseDocumentsAPI: the proxy's create/update_document answer the index name
  IndexName: S('string'),
  // search/search_service/api/document.py BaseDocumentAPI.delete: `{}, 200`
  Empty: S('object'),
  // search/search_service/api/document_update.py DocumentAPI: {'msg': <the proxy's answer>}
  DocumentUpdated: obj(['msg'], { msg: ANY }),

  // ---------------------------------------------------------------- frontend answers
  // frontend/amundsen_application/models/user.py load_user/dump_user
  FrontendUser: FRONTEND_USER,
  // api/utils/metadata_utils.py marshall_table_partial: PopularTable plus key, last_updated_timestamp (None), type
  TablePartial: extend(POPULAR_TABLE, ['key', 'last_updated_timestamp', 'type'], {
    key: S('string'),
    last_updated_timestamp: N('integer'),
    type: { const: 'table' },
  }),
  // api/utils/metadata_utils.py marshall_dashboard_partial: DashboardSummary plus type and key (= uri)
  DashboardPartial: extend(DASHBOARD_SUMMARY, ['type', 'key'], { type: { const: 'dashboard' }, key: S('string') }),
  // api/utils/metadata_utils.py _convert_prog_descriptions
  ProgrammaticDisplay: obj(['left', 'right', 'other'], {
    left: arr(ref('ProgrammaticDescription')),
    right: arr(ref('ProgrammaticDescription')),
    other: arr(ref('ProgrammaticDescription')),
  }),
  // api/utils/metadata_utils.py _get_partition_data
  Partition: obj(['is_partitioned'], { is_partitioned: S('boolean'), key: N('string'), value: N('string') }),
  // api/utils/metadata_utils.py _recursive_set_type_metadata_is_editable
  TypeMetadataFull: extend(TYPE_METADATA, ['is_editable'], { is_editable: S('boolean'), children: arr(ref('TypeMetadataFull')) }),
  // api/utils/metadata_utils.py marshall_table_full: every column gets key and is_editable (and its type_metadata too)
  ColumnFull: extend(COLUMN, ['key', 'is_editable', 'stats', 'type_metadata'], {
    key: S('string'),
    is_editable: S('boolean'),
    type_metadata: nref('TypeMetadataFull'),
  }),
  // api/utils/metadata_utils.py marshall_table_full: the keys it reads and adds are there
  TableFull: extend(TABLE, ['key', 'is_editable', 'partition', 'programmatic_descriptions', 'owners', 'table_readers', 'watermarks'], {
    key: S('string'),
    is_editable: S('boolean'),
    partition: ref('Partition'),
    programmatic_descriptions: ref('ProgrammaticDisplay'),
    owners: arr(ref('FrontendUser')),
    table_readers: arr(extend(READER, [], { user: ref('FrontendUser') })),
    columns: arr(ref('ColumnFull')),
  }),
  // api/utils/metadata_utils.py marshall_dashboard_full, with what the React app reads
  // unguarded (ducks/dashboard/api/v0.ts maps data.queries)
  DashboardFull: extend(DASHBOARD_DETAIL, ['owners', 'tables', 'queries'], {
    owners: arr(ref('FrontendUser')),
    tables: arr(ref('TablePartial')),
  }),
  // api/utils/metadata_utils.py marshall_feature_full
  FeatureFull: extend(FEATURE, [], { owners: arr(ref('FrontendUser')), programmatic_descriptions: ref('ProgrammaticDisplay') }),
  // api/utils/metadata_utils.py marshall_lineage_table: the key parsed into its parts
  LineageTable: extend(LINEAGE_ITEM, ['database', 'schema', 'cluster', 'name'], {
    database: S('string'),
    schema: S('string'),
    cluster: S('string'),
    name: S('string'),
  }),
  // api/metadata/v0.py get_table_lineage / get_column_lineage / get_feature_lineage
  FrontendLineage: obj(['downstream_entities', 'upstream_entities', 'downstream_count', 'upstream_count'], {
    downstream_entities: arr(ref('LineageTable')),
    upstream_entities: arr(ref('LineageTable')),
    downstream_count: N('integer'),
    upstream_count: N('integer'),
  }),
  // api/metadata/v0.py
  FrontendMessage: msgAnd({}),
  FrontendPopular: msgAnd({ results: PARTIALS }),
  FrontendTable: msgAnd({ tableData: ref('TableFull') }),
  FrontendLastIndexed: msgAnd({ timestamp: N('integer') }),
  FrontendDescription: msgAnd({ description }),
  FrontendTags: msgAnd({ tags: arr(TAG_USAGE) }),
  FrontendBadges: msgAnd({ badges: arr(BADGE_USAGE) }),
  FrontendUserAnswer: msgAnd({ user: ref('FrontendUser') }),
  FrontendBookmarks: msgAnd({ bookmarks: PARTIALS }),
  // api/metadata/v0.py update_bookmark: metadata's own answer under `response`
  FrontendBookmarkChange: msgAnd({ response: ref('Message') }),
  FrontendRead: msgAnd({ read: arr(ref('TablePartial')) }),
  FrontendOwn: msgAnd({ own: PARTIALS }),
  FrontendDashboard: msgAnd({ dashboard: ref('DashboardFull') }),
  FrontendTableDashboards: msgAnd({ dashboards: arr(ref('DashboardPartial')) }),
  FrontendFeature: msgAnd({ featureData: ref('FeatureFull') }),
  // api/search/v1.py _search_resources with api/utils/search_utils.py map_*_result
  FrontendSearch: obj(['search_term', 'msg', 'table', 'dashboard', 'feature', 'user'], {
    search_term: S('string'),
    msg: S('string'),
    table: page('FrontendTableHit'),
    dashboard: page('FrontendDashboardHit'),
    feature: page('FrontendFeatureHit'),
    user: page('FrontendUserHit'),
  }),
  FrontendTableHit: literal('table', {
    key: N('string'),
    name: N('string'),
    cluster: N('string'),
    description,
    database: N('string'),
    schema: N('string'),
    schema_description: N('string'),
    badges: narr(ANY),
    last_updated_timestamp: N('integer'),
    highlight: { type: ['object', 'null'] },
  }),
  FrontendDashboardHit: literal('dashboard', {
    key: N('string'),
    uri: N('string'),
    url: N('string'),
    group_name: N('string'),
    name: N('string'),
    product: N('string'),
    tag: narr(ANY),
    description,
    last_successful_run_timestamp: N('number'),
    highlight: S('object'),
  }),
  FrontendFeatureHit: literal('feature', {
    description,
    key: N('string'),
    last_updated_timestamp: N('integer'),
    name: N('string'),
    feature_group: N('string'),
    version: N('string'),
    availability: narr(ANY),
    entity: { type: ['string', 'array', 'null'] },
    badges: narr(ANY),
    status: N('string'),
    highlight: S('object'),
  }),
  FrontendUserHit: extend(FRONTEND_USER, ['type', 'highlight'], { type: { const: 'user' }, highlight: S('object') }),
  // api/announcements/v0.py with base/base_announcement_client.py _get_posts and models/announcements.py
  FrontendAnnouncements: msgAnd({
    posts: arr(obj(['date', 'title', 'html_content'], { date: S('string'), title: S('string'), html_content: S('string') })),
  }),
  // api/notice/v0.py with a notice client; the React app reads DynamicResourceNotice[]
  // (static/js/interfaces/Notices.ts); severity is models/notice.py's int, which
  // pages/TableDetailPage maps with SEVERITY_TO_NOTICE_SEVERITY {0: info, 1: warning, 2: alert}
  FrontendNotices: msgAnd({
    notices: arr(obj(['severity', 'message'], { severity: { enum: [0, 1, 2] }, message: S('string'), payload: S('object') })),
  }),
  // api/preview/v0.py with no PREVIEW_CLIENT: {'previewData': {}, 'msg': ...}, 501
  FrontendNoPreview: msgAnd({ previewData: S('object') }),
  // api/quality/v0.py with no QUALITY_CLIENT: {'checks': {}, 'msg': ...}, 501
  FrontendNoQualityChecks: msgAnd({ checks: S('object') }),
} satisfies Record<string, SchemaObject>;

/** The name of one of Amundsen's models. */
export type AmundsenModel = keyof typeof AMUNDSEN_MODELS;

/** A JSON Schema reference to one of Amundsen's models (to build schemas of answers from; amundsenProblems resolves it). */
export const amundsenRef = (model: AmundsenModel): SchemaObject => ref(model);

/** A v2 search hit: every key of the mapping, search_score and highlight (a list of fragments per field). */
function hit(fields: Record<string, SchemaObject>): SchemaObject {
  return obj([...Object.keys(fields), 'search_score', 'highlight'], {
    ...fields,
    search_score: S('number'),
    highlight: { type: 'object', additionalProperties: arr(S('string')) },
  });
}

/** One resource's page of /v2/search (es_proxy_utils.py format_resource_response). */
function hits(hitModel: string): SchemaObject {
  return obj(['results', 'total_results'], { results: arr(ref(hitModel)), total_results: S('integer') });
}

/** A v1 search answer: SearchResult(total_results, results). */
function results(item: string): SchemaObject {
  return obj(['total_results', 'results'], { total_results: S('integer'), results: arr(ref(item)) });
}

/** One resource's page in the frontend's search answer. */
function page(item: string): SchemaObject {
  return obj(['page_index', 'results', 'total_results'], {
    page_index: S('integer'),
    results: arr(ref(item)),
    total_results: S('integer'),
  });
}

/** A dict literal of search_utils.py: all its keys, `type` fixed. */
function literal(type: string, properties: Record<string, SchemaObject>): SchemaObject {
  return obj(['type', ...Object.keys(properties)], { type: { const: type }, ...properties });
}
