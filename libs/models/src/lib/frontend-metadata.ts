import { z } from 'zod';

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
export const frontendLineageQuerySchema = z.object({
  key: text('key'),
  depth: z.coerce
    .number({ error: 'depth must be a number' })
    .int()
    .min(1, 'depth must be from 1 to 10')
    .max(10, 'depth must be from 1 to 10')
    .default(5),
  direction: z.enum(LINEAGE_DIRECTIONS, { error: 'direction must be upstream, downstream or both' }).default('both'),
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

const tableItem = z.looseObject({ type: z.literal('table'), key: z.string() });
const dashboardItem = z.looseObject({ type: z.literal('dashboard'), key: z.string(), uri: z.string() });
const resourceLists = z.object({ table: z.array(tableItem), dashboard: z.array(dashboardItem) });
const user = z.looseObject({ user_id: z.string(), email: z.string(), display_name: z.string() });
const lineageItem = z.looseObject({ key: z.string(), level: z.number() });

export const frontendPopularResourcesSchema = frontendDoneSchema.extend({
  results: z.object({ table: z.array(tableItem), dashboard: z.array(z.looseObject({ type: z.literal('dashboard'), uri: z.string() })) }),
});
export const frontendTagsSchema = frontendDoneSchema.extend({
  tags: z.array(z.looseObject({ tag_name: z.string(), tag_count: z.number() })),
});
export const frontendBadgesSchema = frontendDoneSchema.extend({
  badges: z.array(z.looseObject({ badge_name: z.string(), category: z.string() })),
});
/** When the catalog last changed (epoch seconds); null before any ingestion. */
export const frontendLastIndexedSchema = frontendDoneSchema.extend({ timestamp: z.number().nullable() });
/** A table with `is_editable` for the caller, on the table and each column. */
export const frontendTableSchema = frontendDoneSchema.extend({
  tableData: z.looseObject({
    key: z.string(),
    is_editable: z.boolean(),
    columns: z.array(z.looseObject({ name: z.string(), is_editable: z.boolean() })),
  }),
});
export const frontendTableDashboardsSchema = frontendDoneSchema.extend({ dashboards: z.array(z.looseObject({ uri: z.string() })) });
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
/** A dashboard with `is_editable` for the caller. */
export const frontendDashboardSchema = frontendDoneSchema.extend({
  dashboard: z.looseObject({ uri: z.string(), is_editable: z.boolean() }),
});
export const frontendUserSchema = frontendDoneSchema.extend({ user });
/** The signed-in person, with the roles the UI shows or hides edit controls by. */
export const frontendAuthUserSchema = frontendDoneSchema.extend({ user, roles: z.array(z.string()) });
export const frontendBookmarksSchema = frontendDoneSchema.extend({ bookmarks: resourceLists });
export const frontendReadSchema = frontendDoneSchema.extend({ read: z.array(tableItem) });
export const frontendOwnSchema = frontendDoneSchema.extend({ own: resourceLists });
