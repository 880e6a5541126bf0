/*
 * Descriptions many resources share, as both stores write them from ingestion records: a schema's
 * (given on its tables' records) and a dashboard group's (on its dashboards'). A record that leaves
 * it out keeps it; null removes it.
 */

/** Per shared key (a schema's, a group's), the description the last record that gives one gives (null: remove it). */
export function givenDescriptions<T>(
  records: readonly T[],
  sharedKey: (record: T) => string,
  pick: (record: T) => string | null | undefined,
): Map<string, string | null> {
  const given = new Map<string, string | null>();
  for (const record of records) {
    const description = pick(record);
    if (description !== undefined) given.set(sharedKey(record), description);
  }
  return given;
}

/**
 * The keys an ingestion's audit entry names (the search documents to refresh): its records', then,
 * sorted, those of the resources sharing a description it changed.
 */
export function ingestedKeys(recordKeys: readonly string[], sharing: readonly string[]): string[] {
  return [...new Set([...recordKeys, ...[...sharing].sort()])];
}
