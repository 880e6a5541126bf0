/*
 * Descriptions people edit and ingestion writes, as both stores show them. A person's edit wins over
 * ingestion for good (even an empty one): ingestion then only updates the ingested text kept apart.
 */

/** The source under which a table's or feature's ingested description, hidden by a person's edit, is shown. */
export const INGESTED_SOURCE = 'ingested';

/**
 * The programmatic descriptions to show: those given, and, when a person's edit (`shown`) hides a different
 * ingested description (`hidden`: null when the description was not edited, or nothing was ingested), that one
 * under INGESTED_SOURCE (in place of any given under that source), so it is not lost from view. Unsorted: each
 * store sorts as it does.
 */
export function withHiddenIngested(
  programmatic: readonly { source: string; text: string }[],
  shown: string | null,
  hidden: string | null,
): { source: string; text: string }[] {
  if (hidden === null || hidden === shown) return [...programmatic];
  return [...programmatic.filter((p) => p.source !== INGESTED_SOURCE), { source: INGESTED_SOURCE, text: hidden }];
}
