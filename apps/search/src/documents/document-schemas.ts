import { z } from 'zod';
import { SEARCH_LIMITS as L, searchKeyProblem, type SearchResourceType } from '@fram/models';

// The limits are metadata's too (it trims its documents to them): see SEARCH_LIMITS.
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

const table = z
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
    total_usage: count,
    unique_usage: count,
  })
  .strict();

const user = z
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
  .strict();

const dashboard = z
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
  .strict();

export const DOCUMENT_SCHEMAS: Record<SearchResourceType, z.ZodType> = { table, user, dashboard };

/** Fields `POST/DELETE /v2/document` may change: lists of names, and free texts. */
export const UPDATABLE_FIELDS: Record<SearchResourceType, { lists: readonly string[]; texts: readonly string[] }> = {
  table: { lists: ['tags', 'badges', 'columns', 'column_descriptions'], texts: ['description'] },
  dashboard: { lists: ['tags', 'badges', 'chart_names', 'query_names'], texts: ['description'] },
  user: { lists: [], texts: ['full_name', 'team_name', 'role_name', 'employee_type', 'manager_email'] },
};
