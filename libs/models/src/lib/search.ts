import { z } from 'zod';
import { searchKeyProblem } from './search-documents';
import { SEARCH_LIMITS as L } from './text-rules';

/**
 * Every resource type the search service indexes and searches: Amundsen's four (ML features
 * included). Metadata's search sync sends documents of each, and its set-aside list names them.
 */
export const INDEXED_RESOURCE_TYPES = ['table', 'dashboard', 'user', 'feature'] as const;
export type IndexedResourceType = (typeof INDEXED_RESOURCE_TYPES)[number];

/** The types a search may ask for (Amundsen's SearchRequest.resource_types): every indexed one. */
export const REQUESTABLE_RESOURCE_TYPES = INDEXED_RESOURCE_TYPES;

// Documents: what search indexes. The limits are metadata's too (it trims its documents to them): see SEARCH_LIMITS.
const text = z.string().max(L.description);
const names = z.array(z.string().max(L.listItem)).max(L.listLength);
const name = z.string().min(1).max(L.name);
const key = z.string().min(1).max(L.key);
const email = z.string().min(1).max(L.email);
/** A document's own key: also its id in Elasticsearch, so held to SEARCH_LIMITS.keyBytes. */
const id = (base: z.ZodString) =>
  base.superRefine((value, ctx) => {
    const problem = searchKeyProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const profile = z.string().max(L.profileText).nullable();
const count = z.number().int().min(0);
const timestamp = z.number().int().min(0).nullable();

/** A document of the table index (Amundsen's v2.1 table document). */
export const tableDocumentSchema = z
  .object({
    key: id(key),
    database: name,
    cluster: name,
    schema: name,
    name,
    description: text.nullable(),
    /** The description of its schema (databuilder's table document has it); absent in documents made before Fram kept it. */
    schema_description: text.nullable().optional(),
    columns: names,
    column_descriptions: names,
    tags: names,
    badges: names,
    last_updated_timestamp: timestamp,
    /** A view rather than a table; absent (not a view) in databuilder's documents and those made before Fram kept it. */
    is_view: z.boolean().optional(),
    /** Sum of reads, and number of distinct readers. */
    total_usage: count,
    unique_usage: count,
  })
  .strict()
  .meta({ id: 'TableDocument' });
export type TableDocument = z.infer<typeof tableDocumentSchema>;

/** A document of the user index (people are found by name and email). */
export const userDocumentSchema = z
  .object({
    key: id(email),
    email,
    full_name: z.string().min(1).max(L.fullName),
    first_name: profile,
    last_name: profile,
    team_name: profile,
    role_name: profile,
    employee_type: profile,
    manager_email: z.string().max(L.email).nullable(),
    is_active: z.boolean(),
    total_read: count,
    total_own: count,
    total_follow: count,
  })
  .strict()
  .meta({ id: 'UserDocument' });
export type UserDocument = z.infer<typeof userDocumentSchema>;

/** A document of the dashboard index. */
export const dashboardDocumentSchema = z
  .object({
    key: id(key),
    uri: key,
    product: name,
    cluster: name,
    group_name: name,
    group_url: z.string().max(L.url),
    name,
    url: z.string().max(L.url),
    description: text.nullable(),
    /** The description of its group (in databuilder's v2.1 mapping); absent in documents made before Fram kept it. */
    group_description: text.nullable().optional(),
    chart_names: names,
    query_names: names,
    tags: names,
    badges: names,
    last_successful_run_timestamp: timestamp,
    total_usage: count,
  })
  .strict()
  .meta({ id: 'DashboardDocument' });
export type DashboardDocument = z.infer<typeof dashboardDocumentSchema>;

/** A document of the feature index (an ML feature: Amundsen's v2.1 feature document). */
export const featureDocumentSchema = z
  .object({
    /** `{feature_group}/{name}/{version}`. */
    key: id(key),
    name,
    feature_group: name,
    version: name,
    status: profile,
    entity: profile,
    description: text.nullable(),
    /** The databases it is available in. */
    availability: names,
    tags: names,
    badges: names,
    last_updated_timestamp: timestamp,
    total_usage: count,
  })
  .strict()
  .meta({ id: 'FeatureDocument' });
export type FeatureDocument = z.infer<typeof featureDocumentSchema>;

export const SEARCH_DOCUMENT_SCHEMAS = {
  table: tableDocumentSchema,
  user: userDocumentSchema,
  dashboard: dashboardDocumentSchema,
  feature: featureDocumentSchema,
} as const satisfies Record<IndexedResourceType, z.ZodType>;

export type SearchDocuments = { [T in IndexedResourceType]: z.infer<(typeof SEARCH_DOCUMENT_SCHEMAS)[T]> };

/** The most documents one bulk request may upsert or remove. */
export const MAX_DOCUMENTS_PER_REQUEST = 10_000;

/** `PUT /v2/documents/{type}`: creates or replaces whole documents. */
export const upsertDocumentsRequestSchema = <T extends IndexedResourceType>(type: T) =>
  z.object({ documents: z.array(SEARCH_DOCUMENT_SCHEMAS[type]).min(1).max(MAX_DOCUMENTS_PER_REQUEST) }).strict();

/** `DELETE /v2/documents/{type}`: removes documents by key. */
export const removeDocumentsRequestSchema = z.object({ keys: z.array(z.string().min(1)).min(1).max(MAX_DOCUMENTS_PER_REQUEST) }).strict();

export const upsertedDocumentsSchema = z.object({ upserted: z.number().int() });
export const removedDocumentsSchema = z.object({ removed: z.number().int().describe('How many of the keys existed') });

/** Amundsen's UpdateDocumentRequest (POST / DELETE /v2/document): changes one field of one document. */
export const updateDocumentRequestSchema = z
  .object({
    resource_key: z.string().min(1).max(L.key),
    resource_type: z.enum(INDEXED_RESOURCE_TYPES, { error: `resource_type must be one of ${INDEXED_RESOURCE_TYPES.join(', ')}` }),
    /** Fram's field name, or Amundsen's name for it (`tag` for `tags`, ...: see the search service's field aliases). */
    field: z.string().min(1).max(100),
    /** Amundsen sends null when there is none. */
    value: z.string().max(L.description).nullish(),
    operation: z.enum(['add', 'overwrite']).optional(),
  })
  .strict();
export type UpdateDocumentRequest = z.infer<typeof updateDocumentRequestSchema>;

/** Amundsen's answer to a changed field. */
export const updatedDocumentSchema = z.object({ msg: z.string() });

export const searchFilterSchema = z.object({
  name: z.string().min(1).max(100),
  values: z.array(z.string().max(500)).max(100),
  operation: z
    .enum(['AND', 'OR', 'and', 'or'])
    .default('AND')
    .transform((v) => v.toUpperCase() as 'AND' | 'OR'),
});
export type SearchFilter = z.output<typeof searchFilterSchema>;

/**
 * The orders a search can give its results in (Fram's, not Amundsen's): by relevance (the default),
 * by name (A to Z, then key), by last update (newest first; none last), or by usage (most used first).
 * Each type sorts by its own fields: a person's name is their full name, their update time none (so
 * `last_updated` leaves people by relevance), their usage what they read; a dashboard's update is its
 * last successful run.
 */
export const SEARCH_SORTS = ['relevance', 'name', 'last_updated', 'usage'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * The filter fields a search can count values of (facets), by type: Amundsen's filter names, so a
 * counted value is a filter as it stands. Counts are those of the documents that match the query
 * term and every filter but the facet's own field's (so choosing one value still shows the others).
 */
export const FACET_FIELDS = {
  table: ['database', 'schema', 'tag', 'badges'],
  dashboard: ['product', 'group_name', 'tag', 'badges'],
  feature: ['feature_group', 'entity', 'status', 'tag', 'badges'],
  user: ['team_name'],
} as const satisfies Record<IndexedResourceType, readonly string[]>;
export type FacetField<T extends IndexedResourceType = IndexedResourceType> = (typeof FACET_FIELDS)[T][number];

/** The most values one facet answers: the most frequent first, ties by value. */
export const MAX_FACET_VALUES = 50;

const facetFields = <T extends IndexedResourceType>(type: T) =>
  z
    .array(
      z.enum(FACET_FIELDS[type] as unknown as [string, ...string[]], {
        error: `facets.${type} may only hold ${FACET_FIELDS[type].join(', ')}`,
      }),
    )
    .max(FACET_FIELDS[type].length)
    .optional();

/** `facets` of a search: for each type, the fields to count. */
export const facetRequestSchema = z
  .object({ table: facetFields('table'), dashboard: facetFields('dashboard'), feature: facetFields('feature'), user: facetFields('user') })
  .strict();
export type FacetRequest = z.output<typeof facetRequestSchema>;

/** One value of a facet and how many matching documents have it. */
export const facetValueSchema = z.object({ value: z.string(), count: z.number().int().min(1) });
export type FacetValue = z.infer<typeof facetValueSchema>;
/** A page's facets: by field asked for, its values (at most MAX_FACET_VALUES); a field no document has answers []. */
export const facetsSchema = z.record(z.string(), z.array(facetValueSchema));
export type Facets = z.infer<typeof facetsSchema>;

/**
 * Amundsen's SearchRequest (POST /v2/search) as it comes; its output has every
 * default filled in. Fields it does not know are dropped (Amundsen's clients send some).
 */
export const searchRequestSchema = z.object({
  query_term: z.string({ error: 'query_term is required (it may be "")' }).max(500, 'query_term is at most 500 characters'),
  /** Empty or absent: every type. */
  resource_types: z
    .array(z.enum(REQUESTABLE_RESOURCE_TYPES, { error: `resource_types may only hold ${REQUESTABLE_RESOURCE_TYPES.join(', ')}` }))
    .optional(),
  page_index: z.number().int().min(0).max(10_000).default(0),
  results_per_page: z.number().int().min(1).max(100).default(10),
  filters: z.array(searchFilterSchema).max(50).default([]),
  highlight_options: z.record(z.string(), z.object({ enable_highlight: z.boolean() })).default({}),
  /** Fram's: the order of each type's results (Amundsen's clients never send it: relevance). */
  sort_by: z.enum(SEARCH_SORTS, { error: `sort_by must be one of ${SEARCH_SORTS.join(', ')}` }).default('relevance'),
  /** Fram's: the filter fields whose values to count, by type (see FACET_FIELDS). */
  facets: facetRequestSchema.default({}),
});

export type SearchRequestBody = z.output<typeof searchRequestSchema>;

/** A search as the index port takes it: the resource types to search, every default filled in. */
export type SearchRequest = Omit<SearchRequestBody, 'resource_types'> & { resource_types: IndexedResourceType[] };

// Hits: the resource's fields as Amundsen's search API shows them, its score and highlighted fragments.
// Loose: readers may look up any field by name (Amundsen's frontend asks for some no hit has).
const scored = { search_score: z.number(), highlight: z.record(z.string(), z.array(z.string())) };
const nullable = z.string().nullable();

const tableHitFields = z.object({
  key: z.string(),
  resource_type: z.literal('table'),
  database: z.string(),
  cluster: z.string(),
  schema: z.string(),
  name: z.string(),
  table: z.string(),
  description: nullable,
  /** The description of its schema (Amundsen's frontend shows it in place of the schema's name). */
  schema_description: nullable,
  column: z.array(z.string()),
  tag: z.array(z.string()),
  badges: z.array(z.string()),
  last_updated_timestamp: z.number().nullable(),
  total_usage: z.number(),
  /** Fram's: the table is a view (false when its document does not say). */
  is_view: z.boolean(),
});
export const tableHitSchema = tableHitFields.extend(scored).loose().meta({ id: 'TableHit' });

const userHitFields = z.object({
  key: z.string(),
  resource_type: z.literal('user'),
  email: z.string(),
  user_id: z.string(),
  full_name: z.string(),
  display_name: z.string(),
  first_name: nullable,
  last_name: nullable,
  team_name: nullable,
  role_name: nullable,
  employee_type: nullable,
  manager_email: nullable,
  is_active: z.boolean(),
});
export const userHitSchema = userHitFields.extend(scored).loose().meta({ id: 'UserHit' });

const dashboardHitFields = z.object({
  key: z.string(),
  uri: z.string(),
  resource_type: z.literal('dashboard'),
  product: z.string(),
  cluster: z.string(),
  group_name: z.string(),
  group_url: z.string(),
  name: z.string(),
  url: z.string(),
  description: nullable,
  chart_names: z.array(z.string()),
  query_names: z.array(z.string()),
  tag: z.array(z.string()),
  badges: z.array(z.string()),
  last_successful_run_timestamp: z.number().nullable(),
});
export const dashboardHitSchema = dashboardHitFields.extend(scored).loose().meta({ id: 'DashboardHit' });

/** Amundsen's v2.1 feature hit (FEATURE_MAPPING: `feature_name` is the name), with the name, usage and update time too. */
const featureHitFields = z.object({
  key: z.string(),
  resource_type: z.literal('feature'),
  feature_name: z.string(),
  name: z.string(),
  feature_group: z.string(),
  version: z.string(),
  status: nullable,
  entity: nullable,
  description: nullable,
  availability: z.array(z.string()),
  tags: z.array(z.string()),
  badges: z.array(z.string()),
  last_updated_timestamp: z.number().nullable(),
  total_usage: z.number(),
});
export const featureHitSchema = featureHitFields.extend(scored).loose().meta({ id: 'FeatureHit' });

/** A hit's fields as an adapter makes them from a document (without score and highlights). */
export interface SearchHitFields {
  table: z.infer<typeof tableHitFields>;
  user: z.infer<typeof userHitFields>;
  dashboard: z.infer<typeof dashboardHitFields>;
  feature: z.infer<typeof featureHitFields>;
}

export type TableHit = z.infer<typeof tableHitSchema>;
export type UserHit = z.infer<typeof userHitSchema>;
export type DashboardHit = z.infer<typeof dashboardHitSchema>;
export type FeatureHit = z.infer<typeof featureHitSchema>;
export interface SearchHits {
  table: TableHit;
  user: UserHit;
  dashboard: DashboardHit;
  feature: FeatureHit;
}
/** One hit of any type. */
export type SearchHit = SearchHits[IndexedResourceType];

const page = <H extends z.ZodType>(hit: H) =>
  z.object({
    results: z.array(hit),
    total_results: z.number().int(),
    /** Only when the request asked for this type's facets. */
    facets: facetsSchema.optional(),
  });

/** Amundsen's SearchResponse: one page of results for each type asked for. */
export const searchResponseSchema = z.object({
  msg: z.string(),
  page_index: z.number().int(),
  results_per_page: z.number().int(),
  status_code: z.number().int(),
  results: z.object({
    table: page(tableHitSchema).optional(),
    user: page(userHitSchema).optional(),
    dashboard: page(dashboardHitSchema).optional(),
    feature: page(featureHitSchema).optional(),
  }),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

// ---- Amundsen's v1 search API (its per-resource endpoints: /search, /search_table, /document_table, ...) ----

/** Results per page of every v1 search (Amundsen's DEFAULT_PAGE_SIZE). */
export const V1_PAGE_SIZE = 10;

/** Amundsen's default index names, one per resource type, as its v1 endpoints take them in `index`. */
export const V1_INDEX_NAMES = {
  table: 'table_search_index',
  user: 'user_search_index',
  dashboard: 'dashboard_search_index',
  feature: 'feature_search_index',
} as const satisfies Record<IndexedResourceType, string>;

/** A page index as Amundsen's parser takes it (`type=int`): a whole number, or one written as text. */
const toPageIndex = (raw: number | string | undefined, ctx: z.RefinementCtx): number => {
  if (raw === undefined || raw === '') return 0;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= 0 && value <= 10_000) return value;
  ctx.addIssue({ code: 'custom', message: 'page_index must be a whole number from 0 to 10000' });
  return z.NEVER;
};
const PAGE_INDEX = { description: 'Pages of 10 results, from 0', default: 0 };
const v1PageIndexQuery = z
  .string()
  .optional()
  .transform(toPageIndex)
  .meta({ type: 'integer', minimum: 0, maximum: 10_000, ...PAGE_INDEX });
const v1PageIndexBody = z.union([z.number(), z.string()]).optional().transform(toPageIndex).meta(PAGE_INDEX);

const v1Index = z
  .string()
  .max(255)
  .optional()
  .describe(
    "Amundsen's index name (`table_search_index`, ...). Taken for compatibility: Fram keeps one index per resource type, so it chooses nothing.",
  );

/** `GET /search`, `/search_user`, `/search_dashboard`, `/search_feature`: Amundsen's parameters, no others (as its strict parser). */
export const v1SearchQuerySchema = z
  .object({
    query_term: z.string({ error: 'query_term is required' }).max(500, 'query_term is at most 500 characters'),
    page_index: v1PageIndexQuery,
    index: v1Index,
  })
  .strict();
export type V1SearchQuery = z.output<typeof v1SearchQuerySchema>;

/** `POST /search_table`, `/search_dashboard_filter`, `/search_feature_filter`: a query term and filters by category. */
export const v1FilterRequestSchema = z
  .object({
    page_index: v1PageIndexBody,
    query_term: z
      .string()
      .max(500, 'query_term is at most 500 characters')
      .nullish()
      .transform((v) => v ?? '')
      .refine((v) => !v.includes(':'), 'The query term contains an invalid character'),
    search_request: z.object(
      {
        /** Amundsen's clients send 'AND'; categories are always combined with AND, values of one category with OR. */
        type: z.string().max(10).optional(),
        filters: z
          .record(z.string().max(100), z.array(z.string().max(500)).max(100))
          .optional()
          .refine((f) => f === undefined || Object.keys(f).length <= 50, 'at most 50 filter categories'),
      },
      { error: 'The search request payload is not available in the request' },
    ),
  })
  .strict();
export type V1FilterRequest = z.output<typeof v1FilterRequestSchema>;

/** Amundsen's tags and badges in v1 documents and results: `{tag_name}` objects. */
const v1Tag = z.object({ tag_name: z.string() });
const v1Tags = z.array(v1Tag).nullable();

/** A table in Amundsen's v1 search results and documents (search_service/models/table.py). */
export const v1TableSchema = z
  .object({
    /** The document's id: in Fram, its key. */
    id: z.string(),
    database: z.string(),
    cluster: z.string(),
    schema: z.string(),
    name: z.string(),
    key: z.string(),
    display_name: z.string().nullable(),
    tags: v1Tags,
    badges: v1Tags,
    description: z.string().nullable(),
    last_updated_timestamp: z.number().int().nullable(),
    column_names: z.array(z.string()).nullable(),
    column_descriptions: z.array(z.string()).nullable(),
    programmatic_descriptions: z.array(z.string()).nullable(),
    total_usage: z.number().int(),
    schema_description: z.string().nullable(),
  })
  .meta({ id: 'V1Table' });

/** A person in Amundsen's v1 search results and documents (search_service/models/user.py: common's User and an id). */
export const v1UserSchema = z
  .object({
    id: z.string(),
    user_id: z.string().nullable(),
    email: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    full_name: z.string().nullable(),
    display_name: z.string().nullable(),
    is_active: z.boolean(),
    github_username: z.string().nullable(),
    team_name: z.string().nullable(),
    slack_id: z.string().nullable(),
    employee_type: z.string().nullable(),
    manager_fullname: z.string().nullable(),
    manager_email: z.string().nullable(),
    manager_id: z.string().nullable(),
    role_name: z.string().nullable(),
    profile_url: z.string().nullable(),
    other_key_values: z.record(z.string(), z.string()).nullable(),
  })
  .meta({ id: 'V1User' });

/** A dashboard in Amundsen's v1 search results (search_service/models/dashboard.py: common's DashboardSummary and an id). */
export const v1DashboardSchema = z
  .object({
    id: z.string(),
    uri: z.string(),
    cluster: z.string(),
    group_name: z.string(),
    group_url: z.string(),
    product: z.string(),
    name: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    last_successful_run_timestamp: z.number().nullable(),
    chart_names: z.array(z.string()).nullable(),
  })
  .meta({ id: 'V1Dashboard' });

/** An ML feature in Amundsen's v1 search results and documents (search_service/models/feature.py). */
export const v1FeatureSchema = z
  .object({
    id: z.string(),
    feature_group: z.string(),
    feature_name: z.string(),
    version: z.string(),
    key: z.string(),
    total_usage: z.number().int(),
    status: z.string().nullable(),
    entity: z.string().nullable(),
    description: z.string().nullable(),
    availability: z.array(z.string()).nullable(),
    badges: v1Tags,
    tags: v1Tags,
    last_updated_timestamp: z.number().int().nullable(),
  })
  .meta({ id: 'V1Feature' });

export type V1Table = z.infer<typeof v1TableSchema>;
export type V1User = z.infer<typeof v1UserSchema>;
export type V1Dashboard = z.infer<typeof v1DashboardSchema>;
export type V1Feature = z.infer<typeof v1FeatureSchema>;
export interface V1Results {
  table: V1Table;
  user: V1User;
  dashboard: V1Dashboard;
  feature: V1Feature;
}

const v1Page = <H extends z.ZodType>(hit: H) => z.object({ total_results: z.number().int(), results: z.array(hit) });
/** Amundsen's v1 answers: SearchTableResult, SearchUserResult, SearchDashboardResult, SearchFeatureResult. */
export const v1SearchResultSchemas = {
  table: v1Page(v1TableSchema),
  user: v1Page(v1UserSchema),
  dashboard: v1Page(v1DashboardSchema),
  feature: v1Page(v1FeatureSchema),
} as const;
export type V1SearchResult<T extends IndexedResourceType> = { total_results: number; results: V1Results[T][] };

// v1 documents as Amundsen's document API loads them (required fields as its models'; no unknown fields), made Fram's.
const opt = <S extends z.ZodType>(schema: S) => schema.nullish();
const tagNames = (tags: readonly { tag_name: string }[] | null | undefined) => [...new Set((tags ?? []).map((t) => t.tag_name))].sort();

const v1TableInput = z
  .object({
    id: z.string(),
    database: z.string(),
    cluster: z.string(),
    schema: z.string(),
    name: z.string(),
    key: z.string(),
    display_name: opt(z.string()),
    tags: opt(z.array(v1Tag)),
    badges: opt(z.array(v1Tag)),
    description: opt(z.string()),
    last_updated_timestamp: opt(z.number().int()),
    column_names: opt(z.array(z.string())),
    column_descriptions: opt(z.array(z.string())),
    programmatic_descriptions: opt(z.array(z.string())),
    total_usage: opt(z.number().int()),
    schema_description: opt(z.string()),
  })
  .strict();

const v1UserInput = z
  .object({
    id: z.string(),
    user_id: opt(z.string()),
    email: opt(z.string()),
    first_name: opt(z.string()),
    last_name: opt(z.string()),
    full_name: opt(z.string()),
    display_name: opt(z.string()),
    is_active: opt(z.boolean()),
    github_username: opt(z.string()),
    team_name: opt(z.string()),
    slack_id: opt(z.string()),
    employee_type: opt(z.string()),
    manager_fullname: opt(z.string()),
    manager_email: opt(z.string()),
    manager_id: opt(z.string()),
    role_name: opt(z.string()),
    profile_url: opt(z.string()),
    other_key_values: opt(z.record(z.string(), z.string())),
  })
  .strict();

const v1FeatureInput = z
  .object({
    id: z.string(),
    feature_group: z.string(),
    feature_name: z.string(),
    version: z.string(),
    key: z.string(),
    total_usage: opt(z.number().int()),
    status: opt(z.string()),
    entity: opt(z.string()),
    description: opt(z.string()),
    availability: opt(z.array(z.string())),
    badges: opt(z.array(v1Tag)),
    tags: opt(z.array(v1Tag)),
    last_updated_timestamp: opt(z.number().int()),
  })
  .strict();

/** A v1 document as Fram's document of its type (then held to the same rules as any document). */
export const V1_DOCUMENT_INPUTS = {
  table: v1TableInput
    .transform((t): TableDocument => ({
      key: t.key,
      database: t.database,
      cluster: t.cluster,
      schema: t.schema,
      name: t.name,
      description: t.description ?? null,
      schema_description: t.schema_description ?? null,
      columns: t.column_names ?? [],
      column_descriptions: t.column_descriptions ?? [],
      tags: tagNames(t.tags),
      badges: tagNames(t.badges),
      last_updated_timestamp: t.last_updated_timestamp ?? null,
      total_usage: Math.max(0, t.total_usage ?? 0),
      unique_usage: 0,
    }))
    .pipe(tableDocumentSchema),
  user: v1UserInput
    .transform((u): UserDocument => {
      // People are found by email: Amundsen's user_id is one, and its id may be the last resort.
      const email = u.email || u.user_id || u.id;
      const joined = [u.first_name, u.last_name].filter(Boolean).join(' ');
      return {
        key: email,
        email,
        full_name: u.full_name || u.display_name || joined || email,
        first_name: u.first_name ?? null,
        last_name: u.last_name ?? null,
        team_name: u.team_name ?? null,
        role_name: u.role_name ?? null,
        employee_type: u.employee_type ?? null,
        manager_email: u.manager_email ?? null,
        is_active: u.is_active ?? true,
        total_read: 0,
        total_own: 0,
        total_follow: 0,
      };
    })
    .pipe(userDocumentSchema),
  feature: v1FeatureInput
    .transform((f): FeatureDocument => ({
      key: f.key,
      name: f.feature_name,
      feature_group: f.feature_group,
      version: f.version,
      status: f.status ?? null,
      entity: f.entity ?? null,
      description: f.description ?? null,
      availability: f.availability ?? [],
      tags: tagNames(f.tags),
      badges: tagNames(f.badges),
      last_updated_timestamp: f.last_updated_timestamp ?? null,
      total_usage: Math.max(0, f.total_usage ?? 0),
    }))
    .pipe(featureDocumentSchema),
} as const;

/** The resource types Amundsen's v1 document API takes (it has none for dashboards). */
export type V1DocumentType = keyof typeof V1_DOCUMENT_INPUTS;

/** `POST`/`PUT /document_table|user|feature`: Amundsen's `{data: [...]}`, and its `index` (taken, not used). */
export const v1DocumentsRequestSchema = <T extends V1DocumentType>(type: T) =>
  z
    .object({
      data: z.array(V1_DOCUMENT_INPUTS[type]).max(MAX_DOCUMENTS_PER_REQUEST),
      index: v1Index,
    })
    .strict();

/** `?index=` on the v1 document API (Amundsen reads it from the query or the body). */
export const v1IndexQuerySchema = z.object({ index: v1Index }).strict();

/** What Amundsen's v1 document API answers to a removal. */
export const v1EmptySchema = z.object({}).strict();
