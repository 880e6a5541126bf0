import { z } from 'zod';

/*
 * TRANSCRIBED FACTS (test fixture): the shapes Amundsen's search service answers, to check Fram's answers
 * against. From amundsen-io/amundsen at commit 2a6ba5803e4849e570bf8106b45495cb02c28483:
 *   common/amundsen_common/models/search.py        SearchResponse, UpdateDocumentRequest
 *   common/amundsen_common/models/user.py          User (the fields of search's User)
 *   common/amundsen_common/models/dashboard.py     DashboardSummary (the fields of search's Dashboard)
 *   search/search_service/models/table.py, user.py, dashboard.py, feature.py, tag.py
 *                                                  the v1 documents and Search*Result answers
 *   search/search_service/proxy/es_proxy_v2_1.py   *_MAPPING: the fields of a /v2/search hit
 *   search/search_service/proxy/es_proxy_utils.py  each hit also has search_score and highlight
 * SearchResponse and the v1 Table are also in ../shared/reference/amundsen-models.mjs (SearchResponse,
 * SearchTable); the others are transcribed here the same way.
 * Rules (marshmallow3-annotations): Optional[X] may be null; a field without a default is required;
 * List[X] is an array. Answers marshmallow dumps (the v1 results) carry exactly the declared fields, each
 * of them (null when unset); a v2 hit carries its mapping's fields, taken from the document (null when
 * the document has none).
 */

const str = z.string();
const nstr = z.string().nullable();
const int = z.number().int();
const nint = z.number().int().nullable();
const nnum = z.number().nullable();
const strs = z.array(z.string());
const nstrs = z.array(z.string()).nullable();
/** search/search_service/models/tag.py Tag: `{tag_name}`. */
const tags = z.array(z.object({ tag_name: str })).nullable();

/** An Amundsen model: its schema, and whether an answer carries exactly its fields (marshmallow's dump). */
interface Model {
  schema: z.ZodObject;
  exact: boolean;
}
const model = (shape: z.ZodRawShape, exact: boolean): Model => ({ schema: z.looseObject(shape), exact });

// search/search_service/models/table.py Table (required: id, database, cluster, schema, name, key).
const v1Table = model(
  {
    id: str,
    database: str,
    cluster: str,
    schema: str,
    name: str,
    key: str,
    display_name: nstr,
    tags,
    badges: tags,
    description: nstr,
    last_updated_timestamp: nint,
    column_names: nstrs,
    column_descriptions: nstrs,
    programmatic_descriptions: nstrs,
    total_usage: int,
    schema_description: nstr,
  },
  true,
);

// search/search_service/models/user.py User: common's User (every field optional, is_active a bool,
// other_key_values a dict of strings), its manager_email, and id (required).
const v1User = model(
  {
    id: str,
    user_id: nstr,
    email: nstr,
    first_name: nstr,
    last_name: nstr,
    full_name: nstr,
    display_name: nstr,
    is_active: z.boolean(),
    github_username: nstr,
    team_name: nstr,
    slack_id: nstr,
    employee_type: nstr,
    manager_fullname: nstr,
    manager_email: nstr,
    manager_id: nstr,
    role_name: nstr,
    profile_url: nstr,
    other_key_values: z.record(z.string(), z.string()).nullable(),
  },
  true,
);

// search/search_service/models/dashboard.py Dashboard: common's DashboardSummary and id.
const v1Dashboard = model(
  {
    id: str,
    uri: str,
    cluster: str,
    group_name: str,
    group_url: str,
    product: str,
    name: str,
    url: str,
    description: nstr,
    last_successful_run_timestamp: nnum,
    chart_names: nstrs,
  },
  true,
);

// search/search_service/models/feature.py Feature (required: id, feature_group, feature_name, version, key).
const v1Feature = model(
  {
    id: str,
    feature_group: str,
    feature_name: str,
    version: str,
    key: str,
    total_usage: int,
    status: nstr,
    entity: nstr,
    description: nstr,
    availability: nstrs,
    badges: tags,
    tags,
    last_updated_timestamp: nint,
  },
  true,
);

/** search/search_service/models/*.py Search{Table,User,Dashboard,Feature}Result: `{total_results, results}`. */
const v1Result = (item: Model): Model => model({ total_results: int, results: z.array(item.schema) }, true);

// common/amundsen_common/models/search.py SearchResponse.
const searchResponse = model(
  {
    msg: str,
    page_index: int,
    results_per_page: int,
    status_code: int,
    results: z.record(z.string(), z.looseObject({ results: z.array(z.looseObject({})), total_results: int })),
  },
  true,
);

// v2 hits: the keys of each resource's *_MAPPING in es_proxy_v2_1.py (GENERAL_MAPPING: key, description,
// resource_type), values as the index holds them, and search_score and highlight.
const scored = { search_score: z.number(), highlight: z.record(z.string(), strs) };
const v2Table = model(
  {
    key: str,
    description: nstr,
    resource_type: str,
    badges: nstrs,
    tag: nstrs,
    schema: str,
    table: str,
    column: nstrs,
    database: str,
    cluster: str,
    ...scored,
  },
  false,
);
const v2Dashboard = model(
  {
    key: str,
    description: nstr,
    resource_type: str,
    url: nstr,
    uri: str,
    last_successful_run_timestamp: nnum,
    group_name: nstr,
    chart_names: nstrs,
    query_names: nstrs,
    name: str,
    tag: nstrs,
    ...scored,
  },
  false,
);
const v2Feature = model(
  {
    key: str,
    description: nstr,
    resource_type: str,
    version: str,
    availability: z.union([nstrs, nstr]),
    feature_group: str,
    feature_name: str,
    entity: z.union([nstrs, nstr]),
    status: nstr,
    tags: nstrs,
    badges: nstrs,
    ...scored,
  },
  false,
);
const v2User = model({ full_name: nstr, email: str, first_name: nstr, last_name: nstr, resource_type: str, ...scored }, false);

export const AMUNDSEN_SEARCH_MODELS = {
  SearchResponse: searchResponse,
  SearchTableResult: v1Result(v1Table),
  SearchUserResult: v1Result(v1User),
  SearchDashboardResult: v1Result(v1Dashboard),
  SearchFeatureResult: v1Result(v1Feature),
  Table: v1Table,
  User: v1User,
  Dashboard: v1Dashboard,
  Feature: v1Feature,
  TableHit: v2Table,
  DashboardHit: v2Dashboard,
  FeatureHit: v2Feature,
  UserHit: v2User,
} as const;
export type AmundsenSearchModel = keyof typeof AMUNDSEN_SEARCH_MODELS;

/** The v1 result item model of each resource type. */
export const V1_ITEM_MODELS = { table: 'Table', user: 'User', dashboard: 'Dashboard', feature: 'Feature' } as const;
/** The v2 hit model of each resource type. */
export const V2_HIT_MODELS = { table: 'TableHit', user: 'UserHit', dashboard: 'DashboardHit', feature: 'FeatureHit' } as const;

/**
 * Why `value` is not what Amundsen's model `name` answers: missing or mistyped fields, and, for models
 * marshmallow dumps, fields the model does not have (checked on the value and on each result item);
 * empty when it fits.
 */
export function amundsenProblems(name: AmundsenSearchModel, value: unknown): string[] {
  const { schema, exact } = AMUNDSEN_SEARCH_MODELS[name];
  const parsed = schema.safeParse(value);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${name}.${i.path.join('.')}: ${i.message}`);
  if (exact && value !== null && typeof value === 'object') {
    const known = Object.keys(schema.shape);
    for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(`${name}: extra field ${key}`);
  }
  return problems;
}

/** The problems of a v1 answer (`{total_results, results}`), its items checked against the item model too. */
export function v1ResultProblems(type: keyof typeof V1_ITEM_MODELS, value: unknown): string[] {
  const page = `Search${type[0].toUpperCase()}${type.slice(1)}Result` as AmundsenSearchModel;
  const results = (value as { results?: unknown[] } | null)?.results ?? [];
  return [...amundsenProblems(page, value), ...results.flatMap((item) => amundsenProblems(V1_ITEM_MODELS[type], item))];
}

/** The problems of a /v2/search answer: SearchResponse, and each hit against its resource's hit model. */
export function v2ResponseProblems(value: unknown): string[] {
  const results = (value as { results?: Record<string, { results?: unknown[] }> } | null)?.results ?? {};
  return [
    ...amundsenProblems('SearchResponse', value),
    ...Object.entries(results).flatMap(([type, page]) =>
      type in V2_HIT_MODELS
        ? (page.results ?? []).flatMap((hit) => amundsenProblems(V2_HIT_MODELS[type as keyof typeof V2_HIT_MODELS], hit))
        : [`SearchResponse.results: unknown resource type ${type}`],
    ),
  ];
}
