import type { z } from 'zod';

/** Enough problems to fix a request in one go, few enough to read. */
const MAX_ISSUES = 5;
/** Keys name list items in messages; a long one is cut. */
const MAX_KEY_IN_MESSAGE = 200;

const isRecord = (value: unknown): value is Record<PropertyKey, unknown> => typeof value === 'object' && value !== null;

/**
 * Where an issue is, as a dotted path; a list item with a string `key` is
 * named by it (`documents.3 (hive://gold.core/orders).tags.0`), so a sender of
 * a batch can find and set aside the refused record.
 */
function pathOf(path: readonly PropertyKey[], input: unknown): string {
  let value = input;
  return path
    .map((segment) => {
      value = isRecord(value) ? value[segment] : undefined;
      const key = typeof segment === 'number' && isRecord(value) ? value['key'] : undefined;
      return typeof key === 'string' ? `${String(segment)} (${key.slice(0, MAX_KEY_IN_MESSAGE)})` : String(segment);
    })
    .join('.');
}

/** A ZodError as one line: `path: message` for each of the first problems, `where` standing for the input itself. */
export function describeIssues(error: z.ZodError, input: unknown, where: string): string {
  return error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${pathOf(issue.path, input) || where}: ${issue.message}`)
    .join('; ');
}
