import { z } from 'zod';
import { InvalidInputError } from '@fram/errors';

/** A required, non-empty query or body value. */
export const text = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(2000, `${name} is too long`);

/** Parses input with a schema, or answers 400 with what is wrong (and changes nothing). */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InvalidInputError(issue.message);
}

export const keyQuery = z.object({ key: text('key') });
export const keyAndTag = z.object({ key: text('key'), tag: text('tag') });
