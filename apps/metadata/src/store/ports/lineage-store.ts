import type { ColumnLineageRecord, LineageItem, LineageRecord } from '@fram/models';
import type { Edit } from './edit';

/** What a lineage walk finds: entities up- and downstream, nearest first. */
export interface LineageWalk {
  upstream: LineageItem[];
  downstream: LineageItem[];
}

/** Table-to-table and column-to-column lineage. */
export abstract class LineageStore {
  abstract upsertLineage(edges: LineageRecord[], edit: Edit): Promise<number>;
  /** Tables up- and downstream of `key` within `depth` hops; undefined when the table does not exist. */
  abstract lineage(key: string, depth: number): Promise<LineageWalk | undefined>;
  /** Column edges (column keys: `{table key}/{column}`). */
  abstract upsertColumnLineage(edges: ColumnLineageRecord[], edit: Edit): Promise<number>;
  /**
   * Columns up- and downstream of the column `{tableKey}/{column}` within
   * `depth` hops; undefined when the table has no such column. An entity is
   * `in_amundsen` when it is a column of a table of the catalog.
   */
  abstract columnLineage(tableKey: string, column: string, depth: number): Promise<LineageWalk | undefined>;
}
