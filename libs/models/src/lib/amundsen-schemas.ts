import { z } from 'zod';

/*
 * Amundsen's models as Fram answers them (and PUT /user's body), as zod
 * schemas: the types are inferred from them. In a file of their own so that
 * a bundle using only the key helpers (table.ts, dashboard.ts) leaves zod out.
 */

/** A user as Fram answers it: Amundsen's UserSchema, normalised by `normalizeUser`. */
export const userSchema = z.object({
  user_id: z.string(),
  email: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  full_name: z.string().nullable(),
  display_name: z.string(),
  is_active: z.boolean(),
  github_username: z.string().nullable(),
  team_name: z.string().nullable(),
  slack_id: z.string().nullable(),
  employee_type: z.string().nullable(),
  manager_fullname: z.string().nullable(),
  manager_email: z.string().nullable(),
  manager_id: z.string().nullable(),
  role_name: z.string().nullable(),
  profile_url: z.string(),
  other_key_values: z.record(z.string(), z.string()),
});
export type User = z.infer<typeof userSchema>;

const optionalText = z.string().nullable().optional();

/**
 * A user as sent to `PUT /user`: Amundsen's UserSchema, every field optional
 * and unknown keys allowed (they are dropped). The text rules and the
 * defaults are `parseUser`'s, applied by the service (admins and people
 * editing their own profile are held to different fields).
 */
export const userInputSchema = z.looseObject({
  user_id: optionalText,
  email: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  full_name: optionalText,
  display_name: optionalText,
  is_active: z.boolean().nullable().optional(),
  github_username: optionalText,
  team_name: optionalText,
  slack_id: optionalText,
  employee_type: optionalText,
  manager_fullname: optionalText,
  manager_email: optionalText,
  manager_id: optionalText,
  role_name: optionalText,
  profile_url: optionalText,
  other_key_values: z.record(z.string(), z.string()).nullable().optional(),
});

export const tagSchema = z.object({ tag_type: z.string(), tag_name: z.string() });
export type Tag = z.infer<typeof tagSchema>;

export const badgeSchema = z.object({ badge_name: z.string(), category: z.string() });
export type Badge = z.infer<typeof badgeSchema>;

export const columnSchema = z.object({
  name: z.string(),
  key: z.string(),
  description: z.string().nullable(),
  col_type: z.string(),
  sort_order: z.number().int(),
  stats: z.array(z.unknown()),
  badges: z.array(badgeSchema),
});
export type Column = z.infer<typeof columnSchema>;

export const tableReaderSchema = z.object({ user: userSchema, read_count: z.number().int() });
export type TableReader = z.infer<typeof tableReaderSchema>;

/** Amundsen's TableSchema (the parts Fram stores). */
export const tableDetailSchema = z.object({
  database: z.string(),
  cluster: z.string(),
  schema: z.string(),
  name: z.string(),
  key: z.string(),
  is_view: z.boolean(),
  description: z.string().nullable(),
  tags: z.array(tagSchema),
  badges: z.array(badgeSchema),
  table_readers: z.array(tableReaderSchema),
  owners: z.array(userSchema),
  columns: z.array(columnSchema),
  watermarks: z.array(z.unknown()),
  table_writer: z.null(),
  table_apps: z.array(z.unknown()),
  resource_reports: z.array(z.unknown()),
  last_updated_timestamp: z.number().nullable(),
  source: z.null(),
  programmatic_descriptions: z.array(z.unknown()),
  common_joins: z.array(z.unknown()),
  common_filters: z.array(z.unknown()),
});
export type TableDetail = z.infer<typeof tableDetailSchema>;

/** Amundsen's PopularTable / TableSummary. */
export const tableSummarySchema = z.object({
  database: z.string(),
  cluster: z.string(),
  schema: z.string(),
  name: z.string(),
  key: z.string(),
  description: z.string().nullable(),
  schema_description: z.string().nullable(),
});
export type TableSummary = z.infer<typeof tableSummarySchema>;

/** Amundsen's DashboardSummary. */
export const dashboardSummarySchema = z.object({
  uri: z.string(),
  cluster: z.string(),
  group_name: z.string(),
  group_url: z.string(),
  product: z.string(),
  name: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  last_successful_run_timestamp: z.number().nullable(),
  chart_names: z.array(z.string()),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

/** Amundsen's DashboardDetail (the parts Fram stores). */
export const dashboardDetailSchema = dashboardSummarySchema.extend({
  created_timestamp: z.number().nullable(),
  updated_timestamp: z.number().nullable(),
  last_run_timestamp: z.number().nullable(),
  last_run_state: z.string().nullable(),
  owners: z.array(userSchema),
  frequent_users: z.array(z.object({ user: userSchema, read_count: z.number().int() })),
  query_names: z.array(z.string()),
  queries: z.array(z.object({ name: z.string(), url: z.string(), query_text: z.string() })),
  tables: z.array(tableSummarySchema),
  tags: z.array(tagSchema),
  badges: z.array(badgeSchema),
  recent_view_count: z.number().int(),
});
export type DashboardDetail = z.infer<typeof dashboardDetailSchema>;

/** One entity of a lineage answer. */
export const lineageItemSchema = z.object({
  key: z.string(),
  level: z.number().int(),
  source: z.string(),
  badges: z.array(badgeSchema),
  usage: z.number().int(),
  parent: z.string().nullable(),
  link: z.string().nullable(),
  in_amundsen: z.boolean(),
});
export type LineageItem = z.infer<typeof lineageItemSchema>;

export const LINEAGE_DIRECTIONS = ['upstream', 'downstream', 'both'] as const;

export const lineageSchema = z.object({
  key: z.string(),
  direction: z.enum(LINEAGE_DIRECTIONS),
  depth: z.number().int(),
  upstream_entities: z.array(lineageItemSchema),
  downstream_entities: z.array(lineageItemSchema),
});
export type Lineage = z.infer<typeof lineageSchema>;
