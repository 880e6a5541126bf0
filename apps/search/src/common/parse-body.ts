import type { z } from 'zod';
import { InvalidInputError } from '@fram/errors';

/** A request body checked against its schema, or a 400 naming the first problem and where it is. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown, where?: string): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = [...(where ? [where] : []), ...issue.path].join('.');
    throw new InvalidInputError(`${path || 'body'}: ${issue.message}`);
  }
  return result.data;
}
