import { z } from 'zod';
import type { SearchResourceType } from '@fram/models';

const text = z.string().max(100_000);
const names = z.array(z.string().max(1000)).max(20_000);
const count = z.number().int().min(0);
const timestamp = z.number().int().min(0).nullable();

const table = z
  .object({
    key: z.string().min(1).max(2000),
    database: z.string().min(1),
    cluster: z.string().min(1),
    schema: z.string().min(1),
    name: z.string().min(1),
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
    key: z.string().min(1).max(320),
    email: z.string().min(1).max(320),
    full_name: z.string().min(1).max(500),
    first_name: z.string().max(200).nullable(),
    last_name: z.string().max(200).nullable(),
    team_name: z.string().max(200).nullable(),
    role_name: z.string().max(200).nullable(),
    employee_type: z.string().max(200).nullable(),
    manager_email: z.string().max(320).nullable(),
    is_active: z.boolean(),
    total_read: count,
    total_own: count,
    total_follow: count,
  })
  .strict();

const dashboard = z
  .object({
    key: z.string().min(1).max(2000),
    uri: z.string().min(1).max(2000),
    product: z.string().min(1),
    cluster: z.string().min(1),
    group_name: z.string().min(1),
    group_url: z.string().max(2000),
    name: z.string().min(1),
    url: z.string().max(2000),
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
