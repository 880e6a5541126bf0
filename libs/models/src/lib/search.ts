import { z } from 'zod';
import { searchKeyProblem } from './search-documents';
import { SEARCH_LIMITS as L } from './text-rules';

/** Resource types the search service indexes. */
export const SEARCH_RESOURCE_TYPES = ['table', 'dashboard', 'user'] as const;
export type SearchResourceType = (typeof SEARCH_RESOURCE_TYPES)[number];

/** Amundsen also knows `feature`; Fram indexes none, so a search may ask for it and always gets none. */
export const REQUESTABLE_RESOURCE_TYPES = [...SEARCH_RESOURCE_TYPES, 'feature'] as const;

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
    columns: names,
    column_descriptions: names,
    tags: names,
    badges: names,
    last_updated_timestamp: timestamp,
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

export const SEARCH_DOCUMENT_SCHEMAS = {
  table: tableDocumentSchema,
  user: userDocumentSchema,
  dashboard: dashboardDocumentSchema,
} as const satisfies Record<SearchResourceType, z.ZodType>;

export type SearchDocuments = { [T in SearchResourceType]: z.infer<(typeof SEARCH_DOCUMENT_SCHEMAS)[T]> };

/** The most documents one bulk request may upsert or remove. */
export const MAX_DOCUMENTS_PER_REQUEST = 10_000;

/** `PUT /v2/documents/{type}`: creates or replaces whole documents. */
export const upsertDocumentsRequestSchema = <T extends SearchResourceType>(type: T) =>
  z.object({ documents: z.array(SEARCH_DOCUMENT_SCHEMAS[type]).min(1).max(MAX_DOCUMENTS_PER_REQUEST) }).strict();

/** `DELETE /v2/documents/{type}`: removes documents by key. */
export const removeDocumentsRequestSchema = z.object({ keys: z.array(z.string().min(1)).min(1).max(MAX_DOCUMENTS_PER_REQUEST) }).strict();

export const upsertedDocumentsSchema = z.object({ upserted: z.number().int() });
export const removedDocumentsSchema = z.object({ removed: z.number().int().describe('How many of the keys existed') });

/** Amundsen's UpdateDocumentRequest (POST / DELETE /v2/document): changes one field of one document. */
export const updateDocumentRequestSchema = z
  .object({
    resource_key: z.string().min(1).max(L.key),
    resource_type: z.enum(SEARCH_RESOURCE_TYPES, { error: `resource_type must be one of ${SEARCH_RESOURCE_TYPES.join(', ')}` }),
    field: z.string().min(1).max(100),
    value: z.string().max(L.description).optional(),
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
});

export type SearchRequestBody = z.output<typeof searchRequestSchema>;

/** A search as the index port takes it: the resource types to search, every default filled in. */
export type SearchRequest = Omit<SearchRequestBody, 'resource_types'> & { resource_types: SearchResourceType[] };

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
  column: z.array(z.string()),
  tag: z.array(z.string()),
  badges: z.array(z.string()),
  last_updated_timestamp: z.number().nullable(),
  total_usage: z.number(),
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

/** A hit's fields as an adapter makes them from a document (without score and highlights). */
export interface SearchHitFields {
  table: z.infer<typeof tableHitFields>;
  user: z.infer<typeof userHitFields>;
  dashboard: z.infer<typeof dashboardHitFields>;
}

export type TableHit = z.infer<typeof tableHitSchema>;
export type UserHit = z.infer<typeof userHitSchema>;
export type DashboardHit = z.infer<typeof dashboardHitSchema>;
export interface SearchHits {
  table: TableHit;
  user: UserHit;
  dashboard: DashboardHit;
}
/** One hit of any type. */
export type SearchHit = SearchHits[SearchResourceType];

const page = <H extends z.ZodType>(hit: H) => z.object({ results: z.array(hit), total_results: z.number().int() });

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
    /** Asked for: always empty. */
    feature: z.object({ results: z.array(z.never()), total_results: z.literal(0) }).optional(),
  }),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
