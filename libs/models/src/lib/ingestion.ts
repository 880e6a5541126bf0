import { z } from 'zod';
import { userInputSchema } from './amundsen-schemas';
import { DASHBOARD_KEY } from './dashboard';
import { checkedText } from './metadata-api';
import { parseTableKey } from './table';
import { descriptionProblem, idProblem, tagProblem } from './text-rules';
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

const name = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[^/\s]+$/, 'must not contain "/" or spaces');

const tableRecord = z
  .object({
    database: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[^:/\s]+$/, 'must not contain ":", "/" or spaces'),
    cluster: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^./\s]+$/, 'must not contain ".", "/" or spaces'),
    schema: name,
    name,
    is_view: z.boolean().optional(),
    description: description.nullable().optional(),
    columns: z
      .array(
        z.object({
          name: z.string().min(1).max(500),
          col_type: z.string().max(10_000),
          description: description.nullable().optional(),
          sort_order: z.number().int().min(0).optional(),
        }),
      )
      .max(10_000)
      .optional(),
    tags: z.array(tag).max(1000).optional(),
    badges: z
      .array(z.object({ badge_name: z.string().min(1), category: z.string().min(1) }))
      .max(100)
      .optional(),
    owners: z.array(userId).max(1000).optional(),
    last_updated_timestamp: z.number().int().nonnegative().nullable().optional(),
  })
  .strict();

/** `POST /ingest/tables`. */
export const ingestTablesSchema = z.object({ tables: z.array(tableRecord).min(1).max(5000) }).strict();
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

const part = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^./\s]+$/, 'must not contain ".", "/" or spaces');
/** `POST /ingest/dashboards`. */
export const ingestDashboardsSchema = z
  .object({
    dashboards: z
      .array(
        z
          .object({
            product: z
              .string()
              .min(1)
              .max(50)
              .regex(/^[^_:/\s]+$/, 'must not contain "_", ":", "/" or spaces'),
            cluster: part,
            group_name: z
              .string()
              .min(1)
              .max(200)
              .regex(/^[^/\s]+$/, 'must not contain "/" or spaces'),
            group_url: z.string().max(2000).optional(),
            name: z
              .string()
              .min(1)
              .max(500)
              .regex(/^[^/\s]+$/, 'must not contain "/" or spaces'),
            url: z.string().max(2000).optional(),
            description: description.nullable().optional(),
            created_timestamp: z.number().int().nonnegative().nullable().optional(),
            last_successful_run_timestamp: z.number().int().nonnegative().nullable().optional(),
            chart_names: z.array(z.string().max(500)).max(1000).optional(),
            tables: z.array(tableKeyText).max(1000).optional(),
            owners: z.array(userId).max(1000).optional(),
            tags: z.array(tag).max(1000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict();

/** What bulk ingestion accepts for one table (upserted by key). */
export type TableRecord = z.infer<typeof tableRecord>;

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
  product: string;
  cluster: string;
  group_name: string;
  group_url: string;
  name: string;
  url: string;
  description: string | null;
  created_timestamp: number | null;
  last_successful_run_timestamp: number | null;
  chart_names: string[];
}
