import type { LineageItem, LineageRecord } from '@fram/models';
import type { Edit } from './edit';

/** Table-to-table lineage. */
export abstract class LineageStore {
  abstract upsertLineage(edges: LineageRecord[], edit: Edit): Promise<number>;
  /** Tables up- and downstream of `key` within `depth` hops; undefined when the table does not exist. */
  abstract lineage(key: string, depth: number): Promise<{ upstream: LineageItem[]; downstream: LineageItem[] } | undefined>;
}
