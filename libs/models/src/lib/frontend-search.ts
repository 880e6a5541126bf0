import { z } from 'zod';
import { facetRequestSchema, facetsSchema, SEARCH_SORTS } from './search';

/** The resources Amundsen's React app searches (it asks only for those its configuration enables). */
export const FRONTEND_RESOURCE_TYPES = ['table', 'dashboard', 'feature', 'user'] as const;
export type FrontendResourceType = (typeof FRONTEND_RESOURCE_TYPES)[number];

const resource = z.enum(FRONTEND_RESOURCE_TYPES, { error: `resources must be among ${FRONTEND_RESOURCE_TYPES.join(', ')}` });

/** A number, or its digits as text (Amundsen's frontend takes both: `int(pageIndex)`). */
const whole = (name: string, min: number, max: number) =>
  z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\d{1,6}$/, `${name} must be a whole number`)
          .transform(Number),
      ],
      {
        error: `${name} is required (a number)`,
      },
    )
    .pipe(z.number().int(`${name} must be a whole number`).min(min).max(max));

/** One field's filter: values separated by commas; no value filters nothing. */
const filterValue = z
  .object({
    value: z.string().max(1000, 'a filter value is too long').nullable().optional(),
    filterOperation: z
      .enum(['AND', 'OR'], { error: 'filterOperation must be AND or OR' })
      .nullable()
      .optional()
      .transform((v) => v ?? 'OR'),
  })
  .nullable();

const atMost = (count: number, what: string) => (value: object) => Object.keys(value).length <= count || `at most ${count} ${what}`;

/**
 * Amundsen's frontend search request (`POST /api/search/v1/search`) as its
 * React app sends it: filters keyed by resource (it always sends every
 * resource's, e.g. `{table: {}, dashboard: {}, feature: {}}`; those of
 * resources not searched are ignored, as Amundsen does).
 */
export const frontendSearchRequestSchema = z.object({
  searchTerm: z.string({ error: 'searchTerm is required' }).max(500, 'searchTerm is too long'),
  pageIndex: whole('pageIndex', 0, 1000),
  resultsPerPage: whole('resultsPerPage', 1, 100),
  /** Empty: every resource (as Amundsen's search service reads an empty list). */
  resources: z
    .array(resource)
    .max(FRONTEND_RESOURCE_TYPES.length)
    .default(['table'])
    .transform((r) => (r.length === 0 ? [...FRONTEND_RESOURCE_TYPES] : [...new Set(r)])),
  filters: z
    .record(z.string().max(100), z.record(z.string().max(100), filterValue).refine(atMost(50, 'filters per resource')).nullable())
    .refine(atMost(10, 'resources in filters'))
    .nullable()
    .default({})
    .transform((f) => f ?? {}),
  highlightingOptions: z
    .record(z.string().max(100), z.object({ enable_highlight: z.boolean().nullable().optional() }).nullable())
    .refine(atMost(10, 'resources in highlightingOptions'))
    .nullable()
    .default({})
    .transform((h) => h ?? {}),
  searchType: z.string().max(100).nullable().optional(),
  /** Fram's: search's `sort_by` (Amundsen's React app never sends it: relevance). */
  sortBy: z.enum(SEARCH_SORTS, { error: `sortBy must be one of ${SEARCH_SORTS.join(', ')}` }).optional(),
  /** Fram's: search's `facets`, the filter fields whose values to count, by resource. */
  facets: facetRequestSchema.optional(),
});
export type FrontendSearchRequest = z.output<typeof frontendSearchRequestSchema>;

/** One page of one resource's results, each hit as Amundsen's frontend gives it to the UI (its fields vary by type). */
export const frontendResourceResultsSchema = z.object({
  page_index: z.number().int(),
  results: z.array(z.looseObject({ type: resource })),
  total_results: z.number().int(),
  /** Only when the request asked for this resource's facets. */
  facets: facetsSchema.optional(),
});
export type FrontendResourceResults = z.infer<typeof frontendResourceResultsSchema>;

/** Amundsen's frontend search answer: a page for every resource (empty for those not asked for), as Amundsen answers. */
export const frontendSearchResponseSchema = z.object({
  search_term: z.string(),
  msg: z.string(),
  status_code: z.number().int(),
  table: frontendResourceResultsSchema,
  dashboard: frontendResourceResultsSchema,
  feature: frontendResourceResultsSchema,
  user: frontendResourceResultsSchema,
});
export type FrontendSearchResponse = z.infer<typeof frontendSearchResponseSchema>;
