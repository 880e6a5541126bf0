import type { Graph, GraphNode } from './graph-files';
import { text } from './values';

/*
 * What tables, columns, nested types, dashboards and features share in databuilder's graph:
 * descriptions (models/description_metadata.py), tags (TagMetadata in models/table_metadata.py), badges
 * (models/badge.py) and owners (models/owner.py).
 */

/** `(resource)-[DESCRIPTION]->(Description | Programmatic_Description)`. */
const DESCRIPTION = 'DESCRIPTION';
const DEFAULT_SOURCE = 'description';

export interface Descriptions {
  /** The editable description (label Description, source `description`). */
  description?: string;
  /** Descriptions from other sources (label Programmatic_Description), by source. */
  programmatic: { source: string; text: string }[];
}

/** A resource's descriptions: the Description node, and Programmatic_Description nodes by their source. */
export function descriptionsOf(graph: Graph, resource: GraphNode): Descriptions {
  const result: Descriptions = { programmatic: [] };
  for (const { node } of graph.follow(resource, DESCRIPTION, 'Description')) {
    const value = text(node?.props['description']);
    if (value !== undefined) result.description = value;
  }
  const seen = new Set<string>();
  for (const { edge, node } of graph.follow(resource, DESCRIPTION, 'Programmatic_Description')) {
    const value = text(node?.props['description']);
    const source = text(node?.props['description_source']) ?? sourceFromKey(edge.key);
    if (value === undefined || source === undefined || source === DEFAULT_SOURCE || seen.has(source)) continue;
    seen.add(source);
    result.programmatic.push({ source, text: value });
  }
  return result;
}

/** `{resource key}/_{source}_description`: the source a programmatic description's key names. */
function sourceFromKey(key: string): string | undefined {
  return /\/_([^/]+)_description$/.exec(key)?.[1];
}

/** Tag names (a Tag's key is its name): `TAGGED_BY` from tables and features, `TAG` from dashboards. */
export function tagsOf(graph: Graph, resource: GraphNode, type: string | readonly string[] = 'TAGGED_BY'): string[] {
  return unique(graph.follow(resource, type, 'Tag').map(({ edge }) => edge.key));
}

/** Badges (`HAS_BADGE`; a Badge's key is its name, its category a property); a badge without its node has no category and is left. */
export function badgesOf(graph: Graph, resource: GraphNode): { badge_name: string; category: string }[] {
  const badges: { badge_name: string; category: string }[] = [];
  const seen = new Set<string>();
  for (const { edge, node } of graph.follow(resource, 'HAS_BADGE', 'Badge')) {
    const category = text(node?.props['category']);
    if (category === undefined || seen.has(edge.key)) {
      if (category === undefined) edge.relation.used = false;
      continue;
    }
    seen.add(edge.key);
    badges.push({ badge_name: edge.key, category });
  }
  return badges;
}

/** Owners: the keys (emails) of the Users a resource has an `OWNER` relationship with. */
export function ownersOf(graph: Graph, resource: GraphNode): string[] {
  return unique(graph.follow(resource, 'OWNER', 'User').map(({ edge }) => edge.key));
}

export function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** A list only when it has something: a list left out of a record keeps what Fram has (e.g. tags added in Fram). */
export function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined;
}
