/** The tables of lineage edges (upstream_key, downstream_key): a fixed set, so no table name comes from input. */
export type LineageEdges = 'lineage' | 'column_lineage' | 'feature_lineage';

/**
 * The SQL of a lineage walk in `edges`: the keys within @depth hops of @key, nearest level first;
 * `parent` is the previous key on the path. A cycle ends at @depth (UNION drops repeated rows).
 */
export function lineageWalkSql(
  from: 'upstream_key' | 'downstream_key',
  to: 'upstream_key' | 'downstream_key',
  edges: LineageEdges,
): string {
  if (!['lineage', 'column_lineage', 'feature_lineage'].includes(edges)) throw new Error(`unknown lineage edges ${String(edges)}`);
  return `
  WITH RECURSIVE walk(key, level, parent) AS (
    SELECT ${to}, 1, ${from} FROM ${edges} WHERE ${from} = @key
    UNION
    SELECT l.${to}, w.level + 1, l.${from} FROM ${edges} l JOIN walk w ON l.${from} = w.key WHERE w.level < @depth
  )
  SELECT key, MIN(level) AS level, parent FROM walk WHERE key != @key GROUP BY key ORDER BY level, key`;
}
