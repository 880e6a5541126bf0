import type { LineageRecord } from '@fram/models';
import type { DbtRelations } from './dbt-relations';

/**
 * The tables a node reads, from its `depends_on.nodes`: tables as they are, ephemeral models by what they read in
 * turn (dbt inlines them, so they are no table), anything else (macros, metrics, disabled nodes) not at all.
 * Results for ephemeral models are kept, so a manifest is walked once however many nodes share them.
 */
export class DbtUpstreams {
  private readonly throughEphemeral = new Map<string, Set<string>>();

  constructor(private readonly relations: DbtRelations) {}

  /** The keys of the tables that `dependsOn` names, directly or through ephemeral models. */
  tableKeys(dependsOn: readonly string[] | null | undefined): Set<string> {
    const keys = new Set<string>();
    for (const id of dependsOn ?? []) for (const key of this.keysOf(id, new Set())) keys.add(key);
    return keys;
  }

  private keysOf(id: string, visiting: Set<string>): Iterable<string> {
    const table = this.relations.tables.get(id);
    if (table) return [table.key];
    const parents = this.relations.ephemeral.get(id);
    if (!parents) return [];
    const known = this.throughEphemeral.get(id);
    if (known) return known;
    // A cycle cannot be in a manifest dbt wrote; if one is, it adds nothing rather than looping.
    if (visiting.has(id)) return [];
    visiting.add(id);
    const keys = new Set<string>();
    for (const parent of parents) for (const key of this.keysOf(parent, visiting)) keys.add(key);
    visiting.delete(id);
    this.throughEphemeral.set(id, keys);
    return keys;
  }
}

/**
 * Table lineage from every table's `depends_on`: each edge once, none from a table to itself. dbt has no column
 * lineage in its artifacts (dbt Cloud's column lineage is computed from SQL, outside the manifest), so there is none.
 */
export function dbtLineage(relations: DbtRelations, upstreams: DbtUpstreams): LineageRecord[] {
  const edges: LineageRecord[] = [];
  const seen = new Set<string>();
  for (const relation of relations.tables.values()) {
    if (relation.kind === 'source') continue;
    for (const upstream of upstreams.tableKeys(relation.node.depends_on?.nodes)) {
      const edge = `${upstream}\n${relation.key}`;
      if (upstream === relation.key || seen.has(edge)) continue;
      seen.add(edge);
      edges.push({ upstream, downstream: relation.key });
    }
  }
  return edges;
}
