import type { ReadRecord } from '@fram/models';

/** The resources whose usage a batch of reads changes, for the audit entry (and so for search). */
export function readKeys(reads: readonly ReadRecord[]): { tables: string[]; dashboards: string[] } {
  const tables = new Set<string>();
  const dashboards = new Set<string>();
  for (const r of reads) {
    if ('table_key' in r) tables.add(r.table_key);
    else dashboards.add(r.dashboard_key);
  }
  return { tables: [...tables], dashboards: [...dashboards] };
}
