import Ajv, { type SchemaObject } from 'ajv';

/*
 * Amundsen's models of the answers the metadata tests check (draft-07, for ajv), from the reference transcription
 * of amundsen-io/amundsen at commit 2a6ba5803e4849e570bf8106b45495cb02c28483 (../shared/reference/amundsen-models.mjs):
 * common/amundsen_common/models/*.py and metadata/metadata_service/{entity,api}/*.py. An Optional[X] field may be
 * null, a field with no default is required, extra keys are allowed. The compatibility suite (apps/amundsen-compat)
 * checks every operation; these are the few the metadata tests validate their answers with.
 */

const S = (type: string): SchemaObject => ({ type });
const N = (type: string): SchemaObject => ({ type: [type, 'null'] });
const arr = (items: SchemaObject): SchemaObject => ({ type: 'array', items });
const narr = (items: SchemaObject): SchemaObject => ({ type: ['array', 'null'], items });
const ref = (name: string): SchemaObject => ({ $ref: `#/definitions/${name}` });
const obj = (required: string[], properties: Record<string, SchemaObject>): SchemaObject => ({
  type: 'object',
  required,
  properties,
  additionalProperties: true,
});

const definitions: Record<string, SchemaObject> = {
  Badge: obj(['badge_name', 'category'], { badge_name: S('string'), category: S('string') }),
  Tag: obj(['tag_type', 'tag_name'], { tag_type: S('string'), tag_name: S('string') }),
  User: obj([], {
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
  }),
  TableSummary: obj(['database', 'cluster', 'schema', 'name'], {
    database: S('string'),
    cluster: S('string'),
    schema: S('string'),
    name: S('string'),
    description: N('string'),
    schema_description: N('string'),
  }),
  PopularTable: obj(['database', 'cluster', 'schema', 'name'], {
    database: S('string'),
    cluster: S('string'),
    schema: S('string'),
    name: S('string'),
    description: N('string'),
  }),
  // common/amundsen_common/models/dashboard.py
  DashboardSummary: obj(['uri', 'cluster', 'group_name', 'group_url', 'product', 'name', 'url'], {
    uri: S('string'),
    cluster: S('string'),
    group_name: S('string'),
    group_url: S('string'),
    product: S('string'),
    name: S('string'),
    url: S('string'),
    description: N('string'),
    last_successful_run_timestamp: N('number'),
    chart_names: narr(S('string')),
  }),
  // metadata/metadata_service/entity/dashboard_query.py
  DashboardQuery: obj([], { name: N('string'), url: N('string'), query_text: N('string') }),
  // metadata/metadata_service/entity/dashboard_detail.py
  DashboardDetail: obj(
    [
      'uri',
      'cluster',
      'group_name',
      'group_url',
      'product',
      'name',
      'url',
      'description',
      'created_timestamp',
      'updated_timestamp',
      'last_successful_run_timestamp',
      'last_run_timestamp',
      'last_run_state',
    ],
    {
      uri: S('string'),
      cluster: S('string'),
      group_name: S('string'),
      group_url: S('string'),
      product: S('string'),
      name: S('string'),
      url: S('string'),
      description: N('string'),
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
  ),
  Message: obj(['message'], { message: S('string') }),
  Description: obj(['description'], { description: N('string') }),
  // metadata/metadata_service/api/tag.py (marshal: exactly tag_name, tag_count)
  TagUsages: obj(['tag_usages'], {
    tag_usages: arr(obj(['tag_name', 'tag_count'], { tag_name: N('string'), tag_count: N('integer') })),
  }),
  // metadata/metadata_service/api/badge.py
  Badges: obj(['badges'], { badges: arr(obj(['badge_name', 'category'], { badge_name: N('string'), category: N('string') })) }),
  // metadata/metadata_service/api/system.py
  Neo4jDetail: obj(['neo4j_latest_timestamp'], { neo4j_latest_timestamp: S('integer') }),
  Statistics: obj(['Statistics'], { Statistics: { type: 'object' } }),
  // metadata/metadata_service/api/popular_resources.py, popular_tables.py
  PopularResources: obj(['Table'], { Table: arr(ref('TableSummary')), Dashboard: arr(ref('DashboardSummary')) }),
  PopularTables: obj(['popular_tables'], { popular_tables: arr(ref('PopularTable')) }),
  // metadata/metadata_service/entity/dashboard_summary.py
  TableDashboards: obj(['dashboards'], { dashboards: arr(ref('DashboardSummary')) }),
  // metadata/metadata_service/api/user.py UserFollowsAPI, UserOwnsAPI, UserReadsAPI
  UserResources: obj(['table', 'dashboard'], { table: arr(ref('PopularTable')), dashboard: arr(ref('DashboardSummary')) }),
  UserReads: obj(['table'], { table: arr(ref('PopularTable')) }),
};

export type AmundsenModel = keyof typeof definitions;

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false });
const validators = new Map<AmundsenModel, ReturnType<typeof ajv.compile>>();

/** What in `value` Amundsen's model `name` would not accept, one line per problem (none: it is Amundsen's shape). */
export function amundsenProblems(name: AmundsenModel, value: unknown): string[] {
  let validate = validators.get(name);
  if (!validate) validators.set(name, (validate = ajv.compile({ ...ref(name), definitions })));
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message ?? 'is wrong'}`);
}
