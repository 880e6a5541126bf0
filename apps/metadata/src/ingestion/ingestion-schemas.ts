import { z } from 'zod';
import { descriptionProblem, idProblem, InvalidUserError, parseUser, tagProblem } from '@fram/models';

/** A string that passes one of the shared text rules (TEXT_LIMITS in @fram/models). */
const checked = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: 'custom', message: found });
  });

const userId = checked(idProblem);
const tag = checked(tagProblem);
const description = checked(descriptionProblem);

/** A user record, held to the same rules as PUT /user (the controller normalises it). */
const user = z.record(z.string(), z.unknown()).superRefine((input, ctx) => {
  try {
    parseUser(input);
  } catch (error) {
    if (!(error instanceof InvalidUserError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
  }
});

const name = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[^/\s]+$/, 'must not contain "/" or spaces');

export const tableRecord = z
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

export const tablesBody = z.object({ tables: z.array(tableRecord).min(1).max(5000) }).strict();
export const usersBody = z.object({ users: z.array(user).min(1).max(5000) }).strict();
const read = z.union([
  z.object({ user: userId, table_key: z.string().min(1), read_count: z.number().int().min(0) }).strict(),
  z.object({ user: userId, dashboard_key: z.string().min(1), read_count: z.number().int().min(0) }).strict(),
]);

export const readsBody = z.object({ reads: z.array(read).min(1).max(50_000) }).strict();

export const lineageBody = z
  .object({
    lineage: z
      .array(z.object({ upstream: z.string().min(1), downstream: z.string().min(1) }).strict())
      .min(1)
      .max(50_000),
  })
  .strict();

const part = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^./\s]+$/, 'must not contain ".", "/" or spaces');
export const dashboardsBody = z
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
            tables: z.array(z.string().min(1)).max(1000).optional(),
            owners: z.array(userId).max(1000).optional(),
            tags: z.array(tag).max(1000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict();

/** The problems of a body, as one message a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
}
