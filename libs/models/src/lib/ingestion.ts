import { z } from 'zod';
import { userInputSchema } from './amundsen-schemas';
import { DASHBOARD_KEY, dashboardGroupKey } from './dashboard';
import { checkedText } from './metadata-api';
import { parseColumnKey, parseTableKey, schemaKey } from './table';
import { descriptionProblem, idProblem, lineProblem, tagProblem, TEXT_LIMITS, urlProblem } from './text-rules';
import { InvalidUserError, parseUser } from './user';

/*
 * What bulk ingestion (`POST /ingest/...`) accepts: a batch is refused whole
 * when one record breaks a rule, each problem named by its path
 * (`tables.3.cluster`). Records are held to the same text rules as edits.
 */

const userId = checkedText(idProblem);
const tag = checkedText(tagProblem);
const description = checkedText(descriptionProblem);
const tableKeyText = z
  .string()
  .min(1)
  .refine((key) => parseTableKey(key) !== undefined, { error: (issue) => `${String(issue.input)} is not a table key` });
const dashboardKeyText = z
  .string()
  .min(1)
  .refine((key) => DASHBOARD_KEY.test(key), { error: (issue) => `${String(issue.input)} is not a dashboard key` });

/** A user record, held to the same rules as PUT /user, and normalised (Amundsen's UserSchema defaults). */
const user = userInputSchema.transform((input, ctx) => {
  try {
    return parseUser(input);
  } catch (error) {
    if (!(error instanceof InvalidUserError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
    return z.NEVER;
  }
});

/** One part of a table key: what databuilder writes (spaces allowed), without the key's separators or control characters. */
const keyPart = (max: number, forbidden: string, separators: string) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(new RegExp(`^[^${forbidden}\\p{Cc}]+$`, 'u'), `must not contain ${separators} or control characters`);
/** A segment of a key made under the table's (a nested type's name, a report's name, a description's source). */
const segment = (max: number) => keyPart(max, '/', '"/"');
const link = checkedText(urlProblem);
const nullableText = (max: number) => z.string().max(max).nullable().optional();

const badgeRecord = z.object({ badge_name: z.string().min(1).max(TEXT_LIMITS.tag), category: z.string().min(1).max(TEXT_LIMITS.tag) });

/** Names in a list that must be unique (they make keys), each duplicate reported at its index. */
const uniqueBy =
  <T>(what: string, pick: (item: T) => string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const value = pick(item);
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [i], message: `${what} ${value} appears twice` });
      seen.add(value);
    });
  };

/**
 * Records that share a parent (a table's schema, a dashboard's group) and give it a description must give it the
 * same one in a batch: which of two would be kept is otherwise an accident of their order.
 */
const sameSharedDescription =
  <T>(what: string, field: string, parentKey: (item: T) => string, pick: (item: T) => string | null | undefined) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const given = new Map<string, string | null>();
    items.forEach((item, i) => {
      const value = pick(item);
      if (value === undefined) return;
      const key = parentKey(item);
      if (given.has(key) && given.get(key) !== value)
        ctx.addIssue({
          code: 'custom',
          path: [i, field],
          message: `gives ${what} ${key} another description than an earlier record of the batch`,
        });
      if (!given.has(key)) given.set(key, value);
    });
  };

/** A column's nested type as ingested (databuilder's TypeMetadata); keys are made from the names. */
export interface TypeMetadataRecord {
  kind: string;
  name: string;
  data_type: string;
  sort_order?: number | undefined;
  description?: string | null | undefined;
  badges?: { badge_name: string; category: string }[] | undefined;
  children?: TypeMetadataRecord[] | undefined;
}

/** How deep nested types may go (Hive's deepest real types are a dozen levels). */
export const TYPE_METADATA_MAX_DEPTH = 50;

const typeMetadataNode = (name: z.ZodString) =>
  z.object({
    kind: z.string().min(1).max(100),
    name,
    data_type: z.string().max(10_000),
    sort_order: z.number().int().min(0).optional(),
    description: description.nullable().optional(),
    badges: z.array(badgeRecord).max(100).optional(),
    get children() {
      return z
        .array(typeMetadataRecord)
        .max(10_000)
        .superRefine(uniqueBy('A field', (c: TypeMetadataRecord) => c.name))
        .optional();
    },
  });
const typeMetadataRecord: z.ZodType<TypeMetadataRecord> = typeMetadataNode(segment(500)).strict().meta({ id: 'TypeMetadataRecord' });
/**
 * A column's own type: databuilder names it after its column, whose name may hold "/" (its key is
 * `{column key}/type/{name}`; the service finds it by the table's columns). Its fields' names make keys: no "/".
 */
const columnTypeMetadataRecord: z.ZodType<TypeMetadataRecord> = typeMetadataNode(
  z
    .string()
    .min(1)
    .max(500)
    .regex(/^\P{Cc}+$/u, 'must not contain control characters'),
).strict();

/** The depth of a nested type, counted without recursion (a hostile body may nest deeper than the stack). */
function typeDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    const children = typeof node === 'object' && node !== null ? (node as { children?: unknown }).children : undefined;
    if (Array.isArray(children)) for (const child of children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A nested type no deeper than TYPE_METADATA_MAX_DEPTH, checked before it is parsed. */
const boundedTypeMetadata = z.preprocess((value, ctx) => {
  if (value === null || value === undefined || typeDepth(value) <= TYPE_METADATA_MAX_DEPTH) return value;
  ctx.addIssue({ code: 'custom', message: `nests deeper than ${TYPE_METADATA_MAX_DEPTH} levels` });
  return null;
}, columnTypeMetadataRecord.nullable().optional());

const statRecord = z
  .object({
    stat_type: segment(200),
    stat_val: nullableText(10_000),
    start_epoch: z.number().int().nullable().optional(),
    end_epoch: z.number().int().nullable().optional(),
    is_metric: z.boolean().nullable().optional(),
  })
  .strict();

const columnRecord = z.object({
  name: z.string().min(1).max(500),
  col_type: z.string().max(10_000),
  description: description.nullable().optional(),
  sort_order: z.number().int().min(0).optional(),
  badges: z.array(badgeRecord).max(100).optional(),
  stats: z
    .array(statRecord)
    .max(1000)
    .superRefine(uniqueBy('A stat_type', (s: { stat_type: string }) => s.stat_type))
    .optional(),
  type_metadata: boundedTypeMetadata,
});

const applicationRecord = z
  .object({
    id: z.string().min(1).max(1000),
    /** The kind of program (databuilder's application type), e.g. Airflow. */
    name: segment(200),
    kind: z.enum(['Producing', 'Consuming']),
    application_url: link.nullable().optional(),
    description: description.nullable().optional(),
  })
  .strict();

/**
 * A table as ingested. `columns` given replace the table's columns with everything about them (descriptions,
 * badges, stats, nested types); other lists given replace theirs; a list left out keeps what the table has.
 */
const tableRecord = z
  .object({
    database: keyPart(100, ':/', '":", "/"'),
    cluster: keyPart(200, './', '".", "/"'),
    schema: segment(500),
    name: segment(500),
    is_view: z.boolean().optional(),
    description: description.nullable().optional(),
    /**
     * The description of the table's schema (`{database}://{cluster}.{schema}`, databuilder's SchemaModel), which
     * every table of the schema shares: given, it replaces the schema's; null removes it; left out, it is kept.
     */
    schema_description: description.nullable().optional(),
    columns: z
      .array(columnRecord)
      .max(10_000)
      .superRefine(uniqueBy('A column', (c: { name: string }) => c.name))
      .optional(),
    tags: z.array(tag).max(1000).optional(),
    badges: z.array(badgeRecord).max(100).optional(),
    owners: z.array(userId).max(1000).optional(),
    last_updated_timestamp: z.number().int().nonnegative().nullable().optional(),
    programmatic_descriptions: z
      .array(z.object({ source: segment(100), text: description }).strict())
      .max(100)
      .superRefine(uniqueBy('A source', (d: { source: string }) => d.source))
      .optional(),
    watermarks: z
      .array(
        z
          .object({
            watermark_type: segment(100),
            partition_key: nullableText(1000),
            partition_value: nullableText(1000),
            create_time: nullableText(100),
          })
          .strict(),
      )
      .max(100)
      .superRefine(uniqueBy('A watermark_type', (w: { watermark_type: string }) => w.watermark_type))
      .optional(),
    applications: z
      .array(applicationRecord)
      .max(100)
      .superRefine(uniqueBy('An application', (a: { name: string; id: string; kind: string }) => `${a.name}/${a.id} (${a.kind})`))
      .optional(),
    source: z
      .object({ source_type: z.string().min(1).max(100), source: link })
      .strict()
      .nullable()
      .optional(),
    resource_reports: z
      .array(z.object({ name: segment(200), url: link }).strict())
      .max(100)
      .superRefine(uniqueBy('A report', (r: { name: string }) => r.name))
      .optional(),
  })
  .strict();

/** `POST /ingest/tables`. */
export const ingestTablesSchema = z
  .object({
    tables: z
      .array(tableRecord)
      .min(1)
      .max(5000)
      .superRefine(
        sameSharedDescription<z.infer<typeof tableRecord>>('the schema', 'schema_description', schemaKey, (t) => t.schema_description),
      ),
  })
  .strict();
/** `POST /ingest/users`. */
export const ingestUsersSchema = z.object({ users: z.array(user).min(1).max(5000) }).strict();
const read = z.union([
  z.object({ user: userId, table_key: tableKeyText, read_count: z.number().int().min(0) }).strict(),
  z.object({ user: userId, dashboard_key: dashboardKeyText, read_count: z.number().int().min(0) }).strict(),
]);

/** `POST /ingest/reads`. */
export const ingestReadsSchema = z.object({ reads: z.array(read).min(1).max(50_000) }).strict();

/** `POST /ingest/lineage`: table-to-table edges. */
export const ingestLineageSchema = z
  .object({
    lineage: z
      .array(z.object({ upstream: tableKeyText, downstream: tableKeyText }).strict())
      .min(1)
      .max(50_000),
  })
  .strict();

const columnKeyText = z
  .string()
  .min(1)
  .refine((key) => parseColumnKey(key) !== undefined, { error: (issue) => `${String(issue.input)} is not a column key` });

/** `POST /ingest/column_lineage`: column-to-column edges (`{table key}/{column}`, Amundsen's column lineage). */
export const ingestColumnLineageSchema = z
  .object({
    column_lineage: z
      .array(z.object({ upstream: columnKeyText, downstream: columnKeyText }).strict())
      .min(1)
      .max(50_000),
  })
  .strict();

/**
 * A text of a dashboard record: one line of at most `max` characters, non-empty unless `allowEmpty`, without the
 * `forbidden` key separators.
 */
const dashboardText = (max: number, forbidden?: { pattern: RegExp; names: string }, allowEmpty = false) =>
  checkedText((value) => {
    if (value === '' && !allowEmpty) return 'must not be empty';
    return lineProblem(value, max) ?? (forbidden?.pattern.test(value) ? `must not contain ${forbidden.names}` : undefined);
  });
/** A link in a dashboard record: empty, or http(s). */
const dashboardLink = checkedText((value) => (value === '' ? undefined : urlProblem(value)));
const dashboardTimestamp = z.number().int().nonnegative().nullable().optional();
const NO_SLASH = { pattern: /\//, names: '"/"' };

const dashboardQueryRecord = z
  .object({
    /** Its id in the dashboard (databuilder's query_id): its name unless given. */
    id: dashboardText(500).optional(),
    name: dashboardText(500),
    url: dashboardLink.nullable().optional(),
    query_text: description.nullable().optional(),
    chart_names: z.array(dashboardText(500)).max(1000).optional(),
  })
  .strict();

/**
 * A dashboard as ingested, keyed as databuilder keys it: `{product}_dashboard://{cluster}.{group id}/{dashboard id}`,
 * the ids defaulting to the group's name and the dashboard's name. Scalars replace what the dashboard had; a list
 * left out (queries, tables, owners, tags) keeps what it has.
 */
const dashboardRecord = z
  .object({
    product: dashboardText(50, { pattern: /[:/]/, names: '":" or "/"' }, true),
    cluster: dashboardText(200, { pattern: /[./]/, names: '"." or "/"' }),
    dashboard_group_id: dashboardText(500).optional(),
    group_name: dashboardText(500),
    group_url: dashboardLink.optional(),
    dashboard_id: dashboardText(500, NO_SLASH).optional(),
    name: dashboardText(500),
    url: dashboardLink.optional(),
    description: description.nullable().optional(),
    /**
     * The description of the dashboard's group (databuilder's dashboard_group_description), which every dashboard
     * of the group shares: given, it replaces the group's; null removes it; left out, it is kept.
     */
    group_description: description.nullable().optional(),
    created_timestamp: dashboardTimestamp,
    /** When the dashboard was last changed (databuilder's DashboardLastModifiedTimestamp). */
    updated_timestamp: dashboardTimestamp,
    last_successful_run_timestamp: dashboardTimestamp,
    /** Its last run, whatever came of it (databuilder's DashboardExecution `_last_execution`). */
    last_run_timestamp: dashboardTimestamp,
    last_run_state: dashboardText(100).nullable().optional(),
    /** Charts of no query; a query's charts are listed with it. */
    chart_names: z.array(dashboardText(500)).max(1000).optional(),
    queries: z
      .array(dashboardQueryRecord)
      .max(1000)
      .superRefine((queries, ctx) => {
        const seen = new Set<string>();
        queries.forEach((q, i) => {
          const id = q.id ?? q.name;
          if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `A query ${id} appears twice` });
          seen.add(id);
        });
      })
      .optional(),
    tables: z.array(tableKeyText).max(1000).optional(),
    owners: z.array(userId).max(1000).optional(),
    tags: z.array(tag).max(1000).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    // Without a dashboard_id, the name is the key's last part.
    if (d.dashboard_id === undefined && d.name.includes('/'))
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'must not contain "/" (it makes the key) unless dashboard_id is given' });
  });

/** `POST /ingest/dashboards`. */
export const ingestDashboardsSchema = z
  .object({
    dashboards: z
      .array(dashboardRecord)
      .min(1)
      .max(5000)
      .superRefine(
        sameSharedDescription<z.infer<typeof dashboardRecord>>(
          'the group',
          'group_description',
          dashboardGroupKey,
          (d) => d.group_description,
        ),
      ),
  })
  .strict();

/** What bulk ingestion accepts for one table (upserted by key). */
export type TableRecord = z.infer<typeof tableRecord>;

/** What bulk ingestion accepts for one column of a table. */
export type ColumnRecord = z.infer<typeof columnRecord>;

/** What bulk ingestion accepts for one program that writes or reads a table. */
export type ApplicationRecord = z.infer<typeof applicationRecord>;

/** A column that feeds another (Amundsen's HAS_DOWNSTREAM / HAS_UPSTREAM between Column nodes). */
export type ColumnLineageRecord = z.infer<typeof ingestColumnLineageSchema>['column_lineage'][number];

/** Reads of a table (or views of a dashboard) by a user (Amundsen's READ / READ_BY read_count). */
export type ReadRecord = z.infer<typeof read>;

/** A table that feeds another (Amundsen's HAS_DOWNSTREAM / HAS_UPSTREAM). */
export type LineageRecord = z.infer<typeof ingestLineageSchema>['lineage'][number];

/** What bulk ingestion accepts for one dashboard (upserted by key); `tables` are the keys of the tables it reads. */
export type DashboardRecord = z.infer<typeof ingestDashboardsSchema>['dashboards'][number];

/** What an ingestion call answers: how many records it wrote. */
export const ingestedSchema = z.object({ upserted: z.number().int() });

/** A dashboard record with its key and every optional field filled in. */
export interface CompleteDashboardRecord {
  key: string;
  /** Its group's key (databuilder's Dashboardgroup). */
  group_key: string;
  product: string;
  cluster: string;
  group_name: string;
  group_url: string;
  name: string;
  url: string;
  description: string | null;
  created_timestamp: number | null;
  /** When the dashboard was last changed. */
  updated_timestamp: number | null;
  last_successful_run_timestamp: number | null;
  last_run_timestamp: number | null;
  last_run_state: string | null;
  /** Names of its charts that belong to none of its queries. */
  chart_names: string[];
}

/** A dashboard's query with every optional field filled in. */
export interface CompleteDashboardQuery {
  id: string;
  name: string;
  url: string | null;
  query_text: string | null;
  chart_names: string[];
}
