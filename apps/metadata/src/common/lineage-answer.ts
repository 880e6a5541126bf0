import type { Lineage, LineageQuery } from '@fram/models';
import type { LineageWalk } from '../store/ports/lineage-store';

/**
 * Amundsen's Lineage for a walk from `key` (a table's, a column's or a feature's): the directions the query did
 * not ask for are empty.
 */
export function lineageAnswer(key: string, { direction, depth }: LineageQuery, found: LineageWalk): Lineage {
  return {
    key,
    direction,
    depth,
    upstream_entities: direction === 'downstream' ? [] : found.upstream,
    downstream_entities: direction === 'upstream' ? [] : found.downstream,
  };
}
