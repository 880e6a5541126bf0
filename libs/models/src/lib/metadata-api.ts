import { z } from 'zod';
import { badgeSchema, dashboardSummarySchema, LINEAGE_DIRECTIONS, tableSummarySchema } from './amundsen-schemas';
import { INDEXED_RESOURCE_TYPES } from './search';
import { descriptionProblem } from './text-rules';

/** A string that passes one of the shared text rules (text-rules), the rule's words as the message. */
export const checkedText = (problem: (value: string) => string | undefined, prefix = '', error?: string) =>
  z.string(error === undefined ? undefined : { error }).superRefine((value, ctx) => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: 'custom', message: `${prefix}${found}` });
  });

/** Amundsen's Message: what an edit answers. */
export const messageSchema = z.object({ message: z.string() });
export type Message = z.infer<typeof messageSchema>;

/** `GET .../description`. */
export const descriptionSchema = z.object({ description: z.string().nullable() });
export type Description = z.infer<typeof descriptionSchema>;

const BODY_IS_A_DESCRIPTION = 'The body must be {"description": "..."}';

/** `PUT .../description`: `{"description": "..."}`, held to the description rules. */
export const descriptionInputSchema = z.looseObject(
  {
    description: checkedText(descriptionProblem, 'A description ', BODY_IS_A_DESCRIPTION).meta({
      description: 'Markdown, at most 100 000 characters',
    }),
  },
  { error: BODY_IS_A_DESCRIPTION },
);
export type DescriptionInput = z.infer<typeof descriptionInputSchema>;

/** `GET /table/{key}/dashboard/`. */
export const tableDashboardsSchema = z.object({ dashboards: z.array(dashboardSummarySchema) });
export type TableDashboards = z.infer<typeof tableDashboardsSchema>;

/** `GET /user/{id}/follow/` and `/own/`: tables sorted by schema then name, dashboards by group then name. */
export const userResourcesSchema = z.object({ table: z.array(tableSummarySchema), dashboard: z.array(dashboardSummarySchema) });
export type UserResources = z.infer<typeof userResourcesSchema>;
/** `GET /user/{id}/read/`. */
export const userReadsSchema = z.object({ table: z.array(tableSummarySchema) });
export type UserReads = z.infer<typeof userReadsSchema>;

/** `GET /tags/`. */
export const tagUsagesSchema = z.object({ tag_usages: z.array(z.object({ tag_name: z.string(), tag_count: z.number().int() })) });
/** `GET /badges/`. */
export const badgesSchema = z.object({ badges: z.array(badgeSchema) });
/** `GET /latest_updated_ts` (Amundsen's name, whatever the store). */
export const latestUpdatedSchema = z.object({ neo4j_latest_timestamp: z.number() });
/** `GET /system/statistics`. */
export const statisticsSchema = z.object({
  Statistics: z.object({
    number_of_tables: z.number().int(),
    number_of_documented_tables: z.number().int(),
    number_of_documented_cols: z.number().int(),
    number_of_owners: z.number().int(),
    number_of_tables_with_owners: z.number().int(),
    number_of_documented_and_owned_tables: z.number().int(),
  }),
});
export type Statistics = z.infer<typeof statisticsSchema>['Statistics'];

/** A whole number in a query string, from `min` to `max`, `fallback` when absent; `message` when it is anything else. */
export const queryInteger = (min: number, max: number, fallback: number, message: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return fallback;
      const value = Number(text);
      if (Number.isInteger(value) && value >= min && value <= max) return value;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    })
    .meta({ type: 'integer', minimum: min, maximum: max, default: fallback });

export const POPULAR_RESOURCE_TYPES = ['table', 'dashboard'] as const;

/** `GET /popular_resources/`: `limit` (1-500, default 10), `types` (comma list of table, dashboard; default table). */
export const popularQuerySchema = z.object({
  limit: queryInteger(1, 500, 10, 'limit must be a whole number from 1 to 500'),
  types: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const types = (text ?? 'table').split(',').map((t) => t.trim().toLowerCase());
      const unknown = types.find((t) => !(POPULAR_RESOURCE_TYPES as readonly string[]).includes(t));
      if (unknown === undefined) return types as (typeof POPULAR_RESOURCE_TYPES)[number][];
      ctx.addIssue({ code: 'custom', message: `Unknown resource type ${unknown}; use table and/or dashboard` });
      return z.NEVER;
    })
    .meta({ description: 'Comma list of table, dashboard', default: 'table' }),
});
export type PopularQuery = z.infer<typeof popularQuerySchema>;

/** `GET /popular_tables/` (Amundsen's, deprecated there in favour of `/popular_resources/`): `limit` (1-500, default 10). */
export const popularTablesQuerySchema = z.object({ limit: queryInteger(1, 500, 10, 'limit must be a whole number from 1 to 500') });
export type PopularTablesQuery = z.infer<typeof popularTablesQuerySchema>;
/** `GET /popular_tables/`: Amundsen's PopularTable list. */
export const popularTablesSchema = z.object({ popular_tables: z.array(tableSummarySchema) });
export type PopularTables = z.infer<typeof popularTablesSchema>;

/** Popular resources: capitalised keys, as Amundsen has them; only the types asked for. */
export const popularResourcesSchema = z.object({
  Table: z.array(tableSummarySchema).optional(),
  Dashboard: z.array(dashboardSummarySchema).optional(),
});
export type PopularResources = z.infer<typeof popularResourcesSchema>;

/** `GET /audit`: `limit` (1-1000, default 100), `before` (an entry id: the page before it). */
export const auditQuerySchema = z.object({
  limit: queryInteger(1, 1000, 100, 'limit must be a whole number from 1 to 1000'),
  before: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const value = Number(text);
      if (Number.isSafeInteger(value) && value >= 1) return value;
      ctx.addIssue({ code: 'custom', message: 'before must be an audit entry id' });
      return z.NEVER;
    })
    .meta({ type: 'integer', minimum: 1 }),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.number(),
  actor: z.string(),
  action: z.string(),
  resource_type: z.string(),
  resource_key: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema) });

/** `GET /table/{key}/lineage`: `direction` (default both), `depth` (1-10, default 1). */
export const lineageQuerySchema = z.object({
  direction: z
    .enum(LINEAGE_DIRECTIONS, { error: 'direction must be upstream, downstream or both' })
    .optional()
    .transform((direction) => direction ?? 'both')
    .meta({ default: 'both' }),
  depth: queryInteger(1, 10, 1, 'depth must be a whole number from 1 to 10'),
});
export type LineageQuery = z.infer<typeof lineageQuerySchema>;

/** A document search refused, set aside by metadata's change feed (`GET /search/set-aside`). */
export const setAsideDocumentSchema = z.object({
  type: z.enum(INDEXED_RESOURCE_TYPES),
  key: z.string(),
  resource_key: z.string(),
  reason: z.string(),
  at: z.number(),
});
/** A document search refused, kept aside by the change feed to be sent again. */
export type SetAsideDocument = z.infer<typeof setAsideDocumentSchema>;
/** `GET /search/set-aside`. */
export const setAsideListSchema = z.object({ set_aside: z.array(setAsideDocumentSchema) });
/** `POST /search/set-aside/retry`. */
export const setAsideRetriedSchema = z.object({ delivered: z.number().int(), set_aside: z.array(setAsideDocumentSchema) });
/** `POST /search/reindex`: documents sent per type, and those search refused. */
export const reindexedSchema = z.object({
  reindexed: z.object({ table: z.number().int(), user: z.number().int(), dashboard: z.number().int(), feature: z.number().int() }),
  refused: z.array(setAsideDocumentSchema),
});
