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

/** Amundsen's Stat: a column statistic (databuilder's TableColumnStats). */
export const statSchema = z.object({
  stat_type: z.string(),
  stat_val: z.string().nullable(),
  start_epoch: z.number().int().nullable(),
  end_epoch: z.number().int().nullable(),
  is_metric: z.boolean().nullable(),
});
export type Stat = z.infer<typeof statSchema>;

/** Amundsen's TypeMetadata: one level of a column's nested type (struct fields, array items, map keys and values). */
export interface TypeMetadata {
  kind: string;
  name: string;
  /** `{column key}/type/{column}` for a column's type, `{parent key}/{name}` below it. */
  key: string;
  description: string | null;
  data_type: string;
  sort_order: number;
  badges: Badge[];
  children: TypeMetadata[];
}
export const typeMetadataSchema: z.ZodType<TypeMetadata> = z
  .object({
    kind: z.string(),
    name: z.string(),
    key: z.string(),
    description: z.string().nullable(),
    data_type: z.string(),
    sort_order: z.number().int(),
    badges: z.array(badgeSchema),
    get children() {
      return z.array(typeMetadataSchema);
    },
  })
  .meta({ id: 'TypeMetadata' });

export const columnSchema = z.object({
  name: z.string(),
  key: z.string(),
  description: z.string().nullable(),
  col_type: z.string(),
  sort_order: z.number().int(),
  stats: z.array(statSchema),
  badges: z.array(badgeSchema),
  type_metadata: typeMetadataSchema.nullable(),
});
export type Column = z.infer<typeof columnSchema>;

export const tableReaderSchema = z.object({ user: userSchema, read_count: z.number().int() });
export type TableReader = z.infer<typeof tableReaderSchema>;

/** Amundsen's Watermark: a table's high or low partition (databuilder's Watermark). */
export const watermarkSchema = z.object({
  watermark_type: z.string().nullable(),
  partition_key: z.string().nullable(),
  partition_value: z.string().nullable(),
  create_time: z.string().nullable(),
});
export type Watermark = z.infer<typeof watermarkSchema>;

/** Amundsen's Application: a program that writes (`Producing`) or reads (`Consuming`) a table. */
export const applicationSchema = z.object({
  application_url: z.string().nullable(),
  description: z.string().nullable(),
  id: z.string(),
  name: z.string().nullable(),
  kind: z.string().nullable(),
});
export type Application = z.infer<typeof applicationSchema>;

/** Amundsen's Source: where a table is defined (e.g. a link to its code). */
export const sourceSchema = z.object({ source_type: z.string(), source: z.string() });
export type Source = z.infer<typeof sourceSchema>;

/** Amundsen's ResourceReport: a link to a report about the table. */
export const resourceReportSchema = z.object({ name: z.string(), url: z.string() });
export type ResourceReport = z.infer<typeof resourceReportSchema>;

/** Amundsen's ProgrammaticDescription: a description a program wrote, by its source. */
export const programmaticDescriptionSchema = z.object({ source: z.string(), text: z.string() });
export type ProgrammaticDescription = z.infer<typeof programmaticDescriptionSchema>;

/** Amundsen's TableSchema (everything but query metadata: `common_joins` and `common_filters` are always empty). */
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
  watermarks: z.array(watermarkSchema),
  table_writer: applicationSchema.nullable(),
  table_apps: z.array(applicationSchema),
  resource_reports: z.array(resourceReportSchema),
  last_updated_timestamp: z.number().nullable(),
  source: sourceSchema.nullable(),
  programmatic_descriptions: z.array(programmaticDescriptionSchema),
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

/** Amundsen's DashboardQuery: one of a dashboard's queries. */
export const dashboardQuerySchema = z.object({
  name: z.string().nullable(),
  url: z.string().nullable(),
  query_text: z.string().nullable(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/**
 * Amundsen's DashboardDetail (its DashboardSchema). `frequent_users` are users, its heaviest readers first;
 * `last_run_timestamp` and `last_run_state` are its last run's, whatever came of it.
 */
export const dashboardDetailSchema = dashboardSummarySchema.extend({
  created_timestamp: z.number().int().nullable(),
  updated_timestamp: z.number().int().nullable(),
  last_run_timestamp: z.number().int().nullable(),
  last_run_state: z.string().nullable(),
  owners: z.array(userSchema),
  frequent_users: z.array(userSchema),
  query_names: z.array(z.string()),
  queries: z.array(dashboardQuerySchema),
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
