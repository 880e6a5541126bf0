import { z } from 'zod';
import { dashboardSummarySchema } from './amundsen-schemas';

const LINEAGE_DIRECTIONS = ['upstream', 'downstream', 'both'] as const;

/*
 * Amundsen's frontend API over metadata (`/api/auth_user`, `/api/metadata/v0/...`),
 * as Amundsen's React app sends and reads it. Answers name the fields the UI
 * relies on and keep every other field metadata gives (loose objects): the
 * payloads stay exactly Amundsen's.
 */

/** A required, non-empty query or body value. */
const text = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(2000, `${name} is too long`);

const description = z.string({ error: 'description is required' }).max(20_000, 'description is too long');

export const frontendKeyQuerySchema = z.object({ key: text('key') });
export const frontendTagChangeSchema = z.object({ key: text('key'), tag: text('tag') });
export const frontendDescriptionChangeSchema = z.object({ key: text('key'), description });
export const frontendColumnQuerySchema = z.object({ key: text('key'), column_name: text('column_name') });
export const frontendColumnDescriptionChangeSchema = z.object({ key: text('key'), column_name: text('column_name'), description });
export const frontendOwnerChangeSchema = z.object({ key: text('key'), owner: text('owner') });
/** `update_table_badges`: a badge (one of metadata's WHITELIST_BADGES) and its category, put on or taken off a table. */
export const frontendTableBadgeChangeSchema = z.object({ key: text('key'), badge_name: text('badge_name'), category: text('category') });
const depth = (fallback: number) =>
  z.coerce
    .number({ error: 'depth must be a number' })
    .int()
    .min(1, 'depth must be from 1 to 10')
    .max(10, 'depth must be from 1 to 10')
    .default(fallback);
const direction = (fallback: (typeof LINEAGE_DIRECTIONS)[number]) =>
  z.enum(LINEAGE_DIRECTIONS, { error: 'direction must be upstream, downstream or both' }).default(fallback);

export const frontendLineageQuerySchema = z.object({ key: text('key'), depth: depth(5), direction: direction('both') });
/** A column's lineage (`get_column_lineage`): the React app sends depth and direction too. */
export const frontendColumnLineageQuerySchema = z.object({
  key: text('key'),
  column_name: text('column_name'),
  depth: depth(1),
  direction: direction('both'),
});
/** A feature's lineage (`get_feature_lineage`), upstream by default as the React app asks. */
export const frontendFeatureLineageQuerySchema = z.object({ key: text('key'), depth: depth(1), direction: direction('upstream') });
/** A nested column type's description (`get_type_metadata_description`). */
export const frontendTypeMetadataQuerySchema = z.object({ type_metadata_key: text('type_metadata_key') });
/** `put_type_metadata_description`: the nested type, its table and the new text. */
export const frontendTypeMetadataDescriptionChangeSchema = z.object({
  type_metadata_key: text('type_metadata_key'),
  table_key: text('table_key'),
  description,
  source: z.string().max(100).optional(),
});
export const frontendDashboardQuerySchema = z.object({ uri: text('uri') });
export const frontendUserQuerySchema = z.object({ user_id: text('user_id') });
/** Bookmarks of a person: the caller when no user_id is given. */
export const frontendBookmarksQuerySchema = z.object({ user_id: text('user_id').optional() });
export const frontendBookmarkChangeSchema = z.object({
  type: z.enum(['table', 'dashboard'], { error: 'type must be table or dashboard' }),
  key: text('key'),
});
export const frontendPopularQuerySchema = z.object({
  types: z
    .string()
    .default('table,dashboard')
    .transform((v) => v.split(',').map((t) => t.trim().toLowerCase()))
    .refine((types) => types.every((t) => t === 'table' || t === 'dashboard'), 'types must list table and/or dashboard'),
});

/** Every answer of Amundsen's frontend API says how it went. */
export const frontendDoneSchema = z.object({ msg: z.string() });
/** A bookmark added or removed (Amundsen's update_bookmark): metadata's own answer passed on as `response`. */
export const frontendBookmarkChangedSchema = frontendDoneSchema.extend({ response: z.looseObject({}) });

/** A table in a list (Amundsen's marshall_table_partial): its key and `type` added. */
const tableItem = z.looseObject({
  type: z.literal('table'),
  key: z.string(),
  database: z.string(),
  cluster: z.string(),
  schema: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  last_updated_timestamp: z.number().nullable(),
});
/** A dashboard in a list (Amundsen's marshall_dashboard_partial): `type`, and its uri as `key`. */
const dashboardItem = z.looseObject({ type: z.literal('dashboard'), key: z.string(), ...dashboardSummarySchema.shape });
const resourceLists = z.object({ table: z.array(tableItem), dashboard: z.array(dashboardItem) });
const user = z.looseObject({ user_id: z.string(), email: z.string(), display_name: z.string() });
/** A lineage entity, its table key split into database, cluster, schema and name (Amundsen's marshall_lineage_table). */
const lineageItem = z.looseObject({
  key: z.string(),
  level: z.number(),
  database: z.string().optional(),
  cluster: z.string().optional(),
  schema: z.string().optional(),
  name: z.string().optional(),
});
const programmaticDescription = z.looseObject({ source: z.string(), text: z.string() });
/** Programmatic descriptions grouped as the React app shows them (Amundsen's PROGRAMMATIC_DISPLAY; unset: all in `other`). */
const programmaticDescriptions = z.object({
  left: z.array(programmaticDescription),
  right: z.array(programmaticDescription),
  other: z.array(programmaticDescription),
});
/** A nested column type, `is_editable` on it and on every nested type. */
type EditableTypeMetadata = { is_editable: boolean; children?: EditableTypeMetadata[] } & Record<string, unknown>;
const editableTypeMetadata: z.ZodType<EditableTypeMetadata> = z.lazy(() =>
  z.looseObject({ key: z.string(), is_editable: z.boolean(), children: z.array(editableTypeMetadata).optional() }),
);

export const frontendPopularResourcesSchema = frontendDoneSchema.extend({
  results: z.object({ table: z.array(tableItem), dashboard: z.array(dashboardItem) }),
});
export const frontendTagsSchema = frontendDoneSchema.extend({
  tags: z.array(z.looseObject({ tag_name: z.string(), tag_count: z.number() })),
});
export const frontendBadgesSchema = frontendDoneSchema.extend({
  badges: z.array(z.looseObject({ badge_name: z.string(), category: z.string() })),
});
/** When the catalog last changed (epoch seconds); null before any ingestion. */
export const frontendLastIndexedSchema = frontendDoneSchema.extend({ timestamp: z.number().nullable() });
/**
 * A table as Amundsen's marshall_table_full gives it: every field of its
 * TableSchema, `key`, `is_editable` for the caller (on the table, each column
 * and each nested type), `partition` from the high watermark, programmatic
 * descriptions grouped, and each column's key.
 */
export const frontendTableSchema = frontendDoneSchema.extend({
  status_code: z.number().int(),
  tableData: z.looseObject({
    key: z.string(),
    database: z.string(),
    cluster: z.string(),
    schema: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    is_editable: z.boolean(),
    is_view: z.boolean(),
    tags: z.array(z.looseObject({ tag_name: z.string() })),
    badges: z.array(z.looseObject({ badge_name: z.string() })),
    owners: z.array(user),
    table_readers: z.array(z.looseObject({ user, read_count: z.number() })),
    watermarks: z.array(z.looseObject({})),
    table_writer: z.looseObject({}).nullable(),
    table_apps: z.array(z.looseObject({})).nullable(),
    resource_reports: z.array(z.looseObject({})).nullable(),
    source: z.looseObject({}).nullable(),
    last_updated_timestamp: z.number().nullable(),
    common_joins: z.array(z.unknown()).nullable(),
    common_filters: z.array(z.unknown()).nullable(),
    partition: z.object({ is_partitioned: z.boolean(), key: z.string().nullable().optional(), value: z.string().nullable().optional() }),
    programmatic_descriptions: programmaticDescriptions,
    columns: z.array(
      z.looseObject({
        name: z.string(),
        key: z.string(),
        description: z.string().nullable(),
        col_type: z.string(),
        sort_order: z.number(),
        stats: z.array(z.looseObject({ stat_type: z.string() })),
        badges: z.array(z.looseObject({ badge_name: z.string() })),
        is_editable: z.boolean(),
        type_metadata: editableTypeMetadata.nullable(),
      }),
    ),
  }),
});
export const frontendTableDashboardsSchema = frontendDoneSchema.extend({
  status_code: z.number().int(),
  dashboards: z.array(dashboardItem),
});
export const frontendDescriptionSchema = frontendDoneSchema.extend({ description: z.string().nullable() });
export const frontendLineageSchema = frontendDoneSchema.extend({
  key: z.string(),
  direction: z.enum(LINEAGE_DIRECTIONS),
  depth: z.number().int(),
  upstream_entities: z.array(lineageItem),
  downstream_entities: z.array(lineageItem),
  upstream_count: z.number().int(),
  downstream_count: z.number().int(),
});
/** A dashboard (Amundsen's marshall_dashboard_full: its tables as list items), with `is_editable` for the caller. */
export const frontendDashboardSchema = frontendDoneSchema.extend({
  dashboard: z.looseObject({
    uri: z.string(),
    is_editable: z.boolean(),
    owners: z.array(user),
    tables: z.array(tableItem),
    queries: z.array(z.looseObject({})),
  }),
});
/** A feature as Amundsen's marshall_feature_full gives it: every field of its FeatureSchema, programmatic descriptions grouped. */
export const frontendFeatureSchema = frontendDoneSchema.extend({
  status_code: z.number().int(),
  featureData: z.looseObject({
    key: z.string(),
    is_editable: z.boolean(),
    name: z.string(),
    version: z.string(),
    feature_group: z.string(),
    status: z.string().nullable(),
    entity: z.string().nullable(),
    data_type: z.string().nullable(),
    availability: z.array(z.string()),
    description: z.string().nullable(),
    owners: z.array(user),
    badges: z.array(z.looseObject({ badge_name: z.string() })),
    tags: z.array(z.looseObject({ tag_name: z.string() })),
    programmatic_descriptions: programmaticDescriptions,
    watermarks: z.array(z.looseObject({})),
    last_updated_timestamp: z.number().nullable(),
    created_timestamp: z.number().nullable(),
  }),
});
/** A feature's generation code, as metadata gives it (Amundsen's GenerationCode). */
export const frontendFeatureCodeSchema = z.looseObject({
  key: z.string().nullable().optional(),
  text: z.string(),
  source: z.string().nullable().optional(),
});
export const frontendUserSchema = frontendDoneSchema.extend({ user });
/** The signed-in person, with the roles the UI shows or hides edit controls by. */
export const frontendAuthUserSchema = frontendDoneSchema.extend({ user, roles: z.array(z.string()) });
export const frontendBookmarksSchema = frontendDoneSchema.extend({ bookmarks: resourceLists });
export const frontendReadSchema = frontendDoneSchema.extend({ read: z.array(tableItem) });
export const frontendOwnSchema = frontendDoneSchema.extend({ own: resourceLists });
