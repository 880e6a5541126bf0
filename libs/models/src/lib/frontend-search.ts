import { z } from 'zod';
import { SEARCH_RESOURCE_TYPES } from './search';

const resource = z.enum(SEARCH_RESOURCE_TYPES, { error: `resources must be among ${SEARCH_RESOURCE_TYPES.join(', ')}` });
const filterValue = z.object({
  value: z.string().max(1000, 'a filter value is too long'),
  filterOperation: z.enum(['AND', 'OR'], { error: 'filterOperation must be AND or OR' }).default('OR'),
});

/** Amundsen's frontend search request (`POST /api/search/v1/search`). */
export const frontendSearchRequestSchema = z.object({
  searchTerm: z.string({ error: 'searchTerm is required' }).max(500, 'searchTerm is too long'),
  pageIndex: z.number({ error: 'pageIndex is required (a number)' }).int('pageIndex must be a whole number').min(0).max(1000),
  resultsPerPage: z.number({ error: 'resultsPerPage is required (a number)' }).int('resultsPerPage must be a whole number').min(1).max(100),
  resources: z.array(resource).min(1, 'resources must name at least one resource').default(['table']),
  filters: z.partialRecord(resource, z.record(z.string().max(100), filterValue)).default({}),
  highlightingOptions: z.partialRecord(resource, z.object({ enable_highlight: z.boolean() })).default({}),
  searchType: z.string().optional(),
});
export type FrontendSearchRequest = z.output<typeof frontendSearchRequestSchema>;

/** One page of one resource's results, each hit as Amundsen's frontend gives it to the UI (its fields vary by type). */
export const frontendResourceResultsSchema = z.object({
  page_index: z.number().int(),
  results: z.array(z.looseObject({ type: z.enum(SEARCH_RESOURCE_TYPES) })),
  total_results: z.number().int(),
});
export type FrontendResourceResults = z.infer<typeof frontendResourceResultsSchema>;

/** Amundsen's frontend search answer: a page for each resource asked for. */
export const frontendSearchResponseSchema = z.object({
  search_term: z.string(),
  msg: z.string(),
  status_code: z.number().int(),
  table: frontendResourceResultsSchema.optional(),
  user: frontendResourceResultsSchema.optional(),
  dashboard: frontendResourceResultsSchema.optional(),
});
export type FrontendSearchResponse = z.infer<typeof frontendSearchResponseSchema>;
