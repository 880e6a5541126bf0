import { z } from 'zod';
import { parseBody } from '../common/parse-body';
import { SEARCH_RESOURCE_TYPES, type SearchRequest, type SearchResourceType } from '@fram/models';

/** Amundsen also knows `feature`; Fram indexes none, so it is accepted and always empty. */
const REQUESTABLE = [...SEARCH_RESOURCE_TYPES, 'feature'] as const;

const schema = z
  .object({
    query_term: z.string({ error: 'query_term is required (it may be "")' }).max(500, 'query_term is at most 500 characters'),
    resource_types: z.array(z.enum(REQUESTABLE, { error: `resource_types may only hold ${REQUESTABLE.join(', ')}` })).optional(),
    page_index: z.number().int().min(0).max(10_000).optional(),
    results_per_page: z.number().int().min(1).max(100).optional(),
    filters: z
      .array(
        z.object({
          name: z.string().min(1).max(100),
          values: z.array(z.string().max(500)).max(100),
          operation: z.enum(['AND', 'OR', 'and', 'or']).optional(),
        }),
      )
      .max(50)
      .optional(),
    highlight_options: z.record(z.string(), z.object({ enable_highlight: z.boolean() })).optional(),
  })
  .passthrough();

/** Validates a search body; an empty resource_types list means every type. */
export function parseSearchRequest(body: unknown): { request: SearchRequest; features: boolean } {
  const b = parseBody(schema, body);
  const asked: readonly (SearchResourceType | 'feature')[] =
    b.resource_types === undefined || b.resource_types.length === 0 ? REQUESTABLE : b.resource_types;
  return {
    features: asked.includes('feature'),
    request: {
      query_term: b.query_term,
      resource_types: asked.filter((t): t is SearchResourceType => t !== 'feature'),
      page_index: b.page_index ?? 0,
      results_per_page: b.results_per_page ?? 10,
      filters: (b.filters ?? []).map((f) => ({
        name: f.name,
        values: f.values,
        operation: (f.operation ?? 'AND').toUpperCase() as 'AND' | 'OR',
      })),
      highlight_options: b.highlight_options ?? {},
    },
  };
}
