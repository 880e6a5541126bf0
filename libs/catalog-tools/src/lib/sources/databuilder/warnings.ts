import { compare, type Graph } from './graph-files';

/** Something in the files that Fram does not import, counted by label or relationship type (not one per row). */
export interface DatabuilderWarning {
  /** A node label (`Join`), or a relationship as `Start-TYPE->End`. */
  what: string;
  count: number;
  reason: string;
  /** `{count} {what}: {reason}`, e.g. for a CLI to print. */
  message: string;
}

/** Counts warnings by what they are about and why. */
export class Warnings {
  private readonly counts = new Map<string, { what: string; reason: string; count: number }>();

  add(what: string, reason: string, count = 1): void {
    const id = `${what}\u0000${reason}`;
    const known = this.counts.get(id);
    if (known) known.count += count;
    else this.counts.set(id, { what, reason, count });
  }

  list(): DatabuilderWarning[] {
    return [...this.counts.values()]
      .sort((a, b) => compare(a.what, b.what) || compare(a.reason, b.reason))
      .map(({ what, reason, count }) => ({ what, count, reason, message: `${count} ${what}: ${reason}` }));
  }
}

/** Labels Fram has no place for, and why (databuilder models that have no counterpart in Fram). */
const UNMODELLED_LABELS: Record<string, string> = {
  Join: 'query joins (databuilder models/query/query_join.py): Fram does not model query metadata',
  Where: 'query where clauses (models/query/query_where.py): Fram does not model query metadata',
  Updatedtimestamp: "databuilder's own last-run time (models/es_last_updated.py): Fram keeps its own",
};

/** Relationships Fram has no place for, by `Start-TYPE->End` as written, and why. */
const UNMODELLED_RELATIONS: Record<string, string> = {
  'Stat-STAT_OF->Table': 'table-level statistics (TableStats): Fram keeps statistics on columns only',
  'Feature-READ_BY->User': 'reads of features: Fram records reads of tables and dashboards only',
  'Dashboard-HAS_BADGE->Badge': 'dashboard badges: Fram dashboards have no badges',
  'Table-HAS_QUERY->Query': 'table query metadata (models/query): Fram does not model it',
  'User-EXECUTED_QUERY->Query': 'table query metadata (models/query): Fram does not model it',
  'Query-HAS_EXECUTION->Execution': 'table query metadata (models/query): Fram does not model it',
  'Schema-DESCRIPTION->Description':
    "descriptions of schemas with no table in these files: Fram takes a schema's description with its tables",
};

/** Labels Fram imports from: a node of one that was not used is linked to nothing Fram imports here. */
const KNOWN_LABELS = new Set([
  'Database',
  'Cluster',
  'Schema',
  'Table',
  'Column',
  'Description',
  'Programmatic_Description',
  'Tag',
  'Badge',
  'User',
  'Watermark',
  'Stat',
  'Timestamp',
  'Application',
  'Source',
  'Report',
  'Type_Metadata',
  'Dashboard',
  'Dashboardgroup',
  'Query',
  'Chart',
  'Execution',
  'Feature',
  'Feature_Group',
  'Feature_Watermark',
  'Feature_Generation_Code',
]);

/** Resources a relationship may name without the files holding them; a missing one is why the relationship was left. */
const RESOURCE_LABELS = new Set(['Table', 'Column', 'Dashboard', 'Feature', 'Schema', 'Type_Metadata', 'Query']);

/** Warnings for every node and relationship of the graph that nothing imported was made from. */
export function unusedWarnings(graph: Graph, warnings: Warnings): void {
  // A node of a known label left with one of its relationships is told of by the relationship's warning.
  const explained = new Set<string>();
  for (const relation of graph.relations) {
    if (relation.used) continue;
    explained.add(`${relation.startLabel}\u0000${relation.startKey}`);
    explained.add(`${relation.endLabel}\u0000${relation.endKey}`);
  }
  for (const label of graph.labels()) {
    const known = KNOWN_LABELS.has(label) || label in UNMODELLED_LABELS;
    const unused = graph.nodes(label).filter((node) => !node.used && !(known && explained.has(`${label}\u0000${node.key}`))).length;
    if (unused === 0) continue;
    const reason =
      UNMODELLED_LABELS[label] ??
      (KNOWN_LABELS.has(label) ? 'linked to nothing Fram imports from these files' : 'a label Fram does not know; not imported');
    warnings.add(`${label} nodes`, reason, unused);
  }
  for (const relation of graph.relations) {
    if (relation.used) continue;
    const what = `${relation.startLabel}-${relation.type}->${relation.endLabel}`;
    const modelled =
      UNMODELLED_RELATIONS[what] ?? UNMODELLED_RELATIONS[`${relation.endLabel}-${relation.reverseType}->${relation.startLabel}`];
    const ends = [
      [relation.startLabel, relation.startKey],
      [relation.endLabel, relation.endKey],
    ].filter(([label, key]) => !graph.node(label, key));
    // A missing resource (a watermark job run alone) explains more than a missing detail (a badge without its node).
    const missing = ends.find(([label]) => RESOURCE_LABELS.has(label)) ?? ends[0];
    const reason =
      modelled ??
      (missing
        ? `name a ${missing[0]} that is not in these files${RESOURCE_LABELS.has(missing[0]) ? ' (Fram imports what belongs to a resource with the resource)' : ''}`
        : 'a relationship Fram does not import');
    warnings.add(`${what} relationships`, reason);
  }
}
